//! Progress over time: two results of the same person compared, dimension by
//! dimension, with the track leaning then and now.

use serde::Serialize;

use super::bank::{Bank, DimensionId};
use super::career::catalog::SkillId;
use super::score::{score, Band, Confidence};
use super::session::Session;
use crate::core::map::sort_by;

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
    /// Each result's band; `None` when none of its answers is to the
    /// current questions (it has no result to compare).
    pub band_then: Option<Band>,
    pub band_now: Option<Band>,
    pub confidence_then: Confidence,
    pub confidence_now: Confidence,
    /// Whether the leaning moved by more than twice the standard error of a
    /// difference between two sittings: a change measurement error alone
    /// would rarely make. Never when either side has no result.
    pub leaning_change_is_clear: bool,
    /// Answers that changed, by item.
    pub answers_changed: usize,
    /// Skill self-ratings then and now, for every skill rated in either.
    pub skills: Vec<SkillChange>,
    /// Roadmap steps marked done in the later result and not the earlier.
    pub steps_completed: Vec<String>,
}

/// One skill's self-rating, then and now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkillChange {
    pub skill: SkillId,
    pub then: Option<u8>,
    pub now: Option<u8>,
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
    let mut skill_ids: Vec<&SkillId> = earlier.skills.keys().chain(later.skills.keys()).collect();
    sort_by(&mut skill_ids, |a, b| a.cmp(b));
    skill_ids.dedup();
    let skills = skill_ids
        .into_iter()
        .map(|id| SkillChange {
            skill: id.clone(),
            then: earlier.skills.get(id).copied(),
            now: later.skills.get(id).copied(),
        })
        .collect();
    let steps_completed = later
        .plan
        .choices
        .done
        .iter()
        .filter(|s| !earlier.plan.choices.done.contains(*s))
        .cloned()
        .collect();
    Comparison {
        dimensions,
        skills,
        steps_completed,
        leaning_then: a.leaning,
        leaning_now: b.leaning,
        band_then: a.result_band(),
        band_now: b.result_band(),
        // A side with no result has no leaning to move from or to.
        leaning_change_is_clear: a.result_band().is_some()
            && b.result_band().is_some()
            && (b.leaning - a.leaning).abs()
                > 2.0
                    * (a.confidence.standard_error.powi(2) + b.confidence.standard_error.powi(2))
                        .sqrt(),
        confidence_then: a.confidence,
        confidence_now: b.confidence,
        answers_changed,
    }
}
