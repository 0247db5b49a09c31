//! Progress over time: two results of the same person compared, dimension by
//! dimension, with the track leaning then and now.

use serde::Serialize;

use super::bank::{Bank, DimensionId};
use super::score::{score, Band};
use super::session::Session;

/// One dimension, then and now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionChange {
    pub id: DimensionId,
    pub then: Option<f64>,
    pub now: Option<f64>,
    /// `now − then`, when both exist.
    pub change: Option<f64>,
}

/// The comparison of an earlier and a later result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub dimensions: Vec<DimensionChange>,
    pub leaning_then: f64,
    pub leaning_now: f64,
    pub band_then: Band,
    pub band_now: Band,
    /// Answers that changed, by item.
    pub answers_changed: usize,
}

/// Compares `earlier` with `later`, both scored with the current bank.
pub fn compare(bank: &Bank, earlier: &Session, later: &Session) -> Comparison {
    let (a, b) = (score(bank, &earlier.answers), score(bank, &later.answers));
    let dimensions = a
        .dimensions
        .iter()
        .zip(&b.dimensions)
        .map(|(x, y)| DimensionChange {
            id: x.id.clone(),
            then: x.score,
            now: y.score,
            change: x.score.zip(y.score).map(|(t, n)| n - t),
        })
        .collect();
    let answers_changed = bank
        .items
        .iter()
        .filter(|i| earlier.answers.get(i.id()) != later.answers.get(i.id()))
        .count();
    Comparison {
        dimensions,
        leaning_then: a.leaning,
        leaning_now: b.leaning,
        band_then: a.band,
        band_now: b.band,
        answers_changed,
    }
}
