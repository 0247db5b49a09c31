//! Scoring: answers → a profile with per-dimension scores, a leaning on the
//! management ↔ technical axis, a band, a margin, a confidence, and the
//! contribution of every answer so the result can explain itself.
//!
//! The method, in short:
//! - A Likert answer is centred on the neutral point (−2…+2) and corrected
//!   for acquiescence — the respondent's average tendency to agree — before
//!   keying. Someone who agrees with everything therefore moves no scale.
//! - A scenario option adds its weight to each dimension it names; the most a
//!   scenario can move a dimension is its largest weight for that dimension.
//! - A dimension's score is 50 + 50 × (sum of keyed answers ÷ most they
//!   could have been): 0–100, with 50 the neutral middle.
//! - The leaning is the weighted mean of management dimensions minus that of
//!   technical dimensions: −100 (technical) … +100 (management).
//! - Confidence falls with skipped questions, with answers that contradict
//!   each other on the same scale, and with straight-lining.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::bank::{Bank, DimensionId, Item, ItemId, OptionId, Track};

/// A leaning within this many points of the middle is the hybrid band.
pub const HYBRID_HALF_WIDTH: f64 = 15.0;
/// The spread of keyed answers within one scale that still counts as fully
/// consistent (people rarely answer every statement of a scale identically).
const TOLERATED_SPREAD: f64 = 0.75;
/// Fewer Likert answers than this and acquiescence is not estimated.
const MIN_FOR_ACQUIESCENCE: usize = 6;
/// This many identical Likert answers in a row is straight-lining.
const MIN_FOR_STRAIGHT_LINE: usize = 10;

/// A person's answer to one item: a number for a statement, an option id for
/// a scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Response {
    /// 1 = strongly disagree … 5 = strongly agree.
    Likert(u8),
    /// The chosen scenario option.
    Choice(OptionId),
}

/// Read by the JSON value's own type rather than by trying each variant in
/// turn (what `untagged` does): much less code on the assessment page, and
/// a clearer message when the value is neither.
impl<'de> Deserialize<'de> for Response {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Response;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an answer: a number from 1 to 5, or a scenario option id")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Response, E> {
                u8::try_from(v)
                    .map(Response::Likert)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(v), &self))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Response, E> {
                Ok(Response::Choice(OptionId(v.to_owned())))
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// Answers keyed by item. Items not present were skipped or not reached.
pub type Answers = crate::core::map::Map<ItemId, Response>;

/// The three outcomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    Management,
    Hybrid,
    Technical,
}

impl Band {
    fn from_leaning(leaning: f64) -> Band {
        if leaning >= HYBRID_HALF_WIDTH {
            Band::Management
        } else if leaning <= -HYBRID_HALF_WIDTH {
            Band::Technical
        } else {
            Band::Hybrid
        }
    }
}

/// How much to trust the result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConfidenceLevel {
    Low,
    Medium,
    High,
}

/// Why the confidence is what it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum ConfidenceNote {
    /// Some questions were skipped or not reached.
    Skipped { skipped: usize, total: usize },
    /// Answers on these scales pulled against each other.
    Inconsistent { dimensions: Vec<DimensionId> },
    /// The same answer was given to (nearly) every statement.
    StraightLine { value: u8 },
    /// The respondent tended to agree (positive) or disagree overall; the
    /// scores were corrected for it.
    Acquiescence { tendency: f64 },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Confidence {
    /// 0–100.
    pub value: f64,
    pub level: ConfidenceLevel,
    pub notes: Vec<ConfidenceNote>,
}

/// One dimension's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionScore {
    pub id: DimensionId,
    /// 0–100, or `None` when no answer touched the dimension.
    pub score: Option<f64>,
    pub answered: usize,
    pub total: usize,
}

/// How one answer moved one dimension and, through it, the leaning.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contribution {
    pub item: ItemId,
    pub dimension: DimensionId,
    /// Points added to (or taken from) the dimension's 0–100 score.
    pub points: f64,
    /// Points added to the leaning; positive is toward management.
    pub leaning: f64,
}

/// The scored result of a (possibly partial) questionnaire.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Profile {
    pub dimensions: Vec<DimensionScore>,
    /// −100 (technical) … +100 (management).
    pub leaning: f64,
    pub band: Band,
    /// Distance of the leaning from the nearest band boundary, in points.
    pub margin: f64,
    pub confidence: Confidence,
    pub answered: usize,
    pub total: usize,
    pub contributions: Vec<Contribution>,
}

impl Profile {
    pub fn dimension(&self, id: &DimensionId) -> Option<&DimensionScore> {
        self.dimensions.iter().find(|d| &d.id == id)
    }

    /// The answers that moved the leaning most, strongest first, each summed
    /// over the dimensions it touched.
    pub fn weightiest(&self, n: usize) -> Vec<(ItemId, f64)> {
        let mut per_item: BTreeMap<&ItemId, f64> = BTreeMap::new();
        for c in &self.contributions {
            *per_item.entry(&c.item).or_default() += c.leaning;
        }
        let mut all: Vec<(ItemId, f64)> = per_item
            .into_iter()
            .filter(|(_, v)| v.abs() > 0.05)
            .map(|(k, v)| (k.clone(), v))
            .collect();
        all.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then_with(|| a.0.cmp(&b.0)));
        all.truncate(n);
        all
    }
}

/// Scores `answers` against `bank`. Answers to unknown items and invalid
/// values are ignored (the caller reports them); a partial sheet scores what
/// it has and lowers the confidence.
pub fn score(bank: &Bank, answers: &Answers) -> Profile {
    // Pass 1: acquiescence, from all answered Likert statements.
    let likert: Vec<(&super::bank::LikertItem, u8)> = bank
        .items
        .iter()
        .filter_map(|item| match (item, answers.get(item.id())) {
            (Item::Likert(l), Some(Response::Likert(v))) if (1..=5).contains(v) => Some((l, *v)),
            _ => None,
        })
        .collect();
    let acquiescence = if likert.len() >= MIN_FOR_ACQUIESCENCE {
        likert.iter().map(|(_, v)| f64::from(*v) - 3.0).sum::<f64>() / likert.len() as f64
    } else {
        0.0
    };

    // Pass 2: keyed values and their maxima per dimension.
    struct Raw<'a> {
        item: &'a ItemId,
        dim: &'a DimensionId,
        keyed: f64,
    }
    let mut raws: Vec<Raw> = Vec::new();
    let mut max_sum: BTreeMap<&DimensionId, f64> = BTreeMap::new();
    let mut answered_per_dim: BTreeMap<&DimensionId, usize> = BTreeMap::new();
    let mut total_per_dim: BTreeMap<&DimensionId, usize> = BTreeMap::new();
    let mut answered = 0;
    for item in &bank.items {
        match item {
            Item::Likert(l) => {
                *total_per_dim.entry(&l.dimension).or_default() += 1;
                let Some(Response::Likert(v)) = answers.get(&l.id) else {
                    continue;
                };
                if !(1..=5).contains(v) {
                    continue;
                }
                answered += 1;
                *answered_per_dim.entry(&l.dimension).or_default() += 1;
                let sign = if l.reverse { -1.0 } else { 1.0 };
                let keyed = ((f64::from(*v) - 3.0 - acquiescence) * sign).clamp(-2.0, 2.0);
                raws.push(Raw {
                    item: &l.id,
                    dim: &l.dimension,
                    keyed,
                });
                *max_sum.entry(&l.dimension).or_default() += 2.0;
            }
            Item::Scenario(s) => {
                let mut dims: BTreeMap<&DimensionId, i32> = BTreeMap::new();
                for o in &s.options {
                    for (d, w) in &o.weights {
                        let m = dims.entry(d).or_default();
                        *m = (*m).max(w.abs());
                    }
                }
                for d in dims.keys() {
                    *total_per_dim.entry(d).or_default() += 1;
                }
                let Some(Response::Choice(choice)) = answers.get(&s.id) else {
                    continue;
                };
                let Some(option) = s.option(choice) else {
                    continue;
                };
                answered += 1;
                for (d, m) in dims {
                    *answered_per_dim.entry(d).or_default() += 1;
                    *max_sum.entry(d).or_default() += f64::from(m);
                    let w = option.weights.get(d).copied().unwrap_or(0);
                    raws.push(Raw {
                        item: &s.id,
                        dim: d,
                        keyed: f64::from(w),
                    });
                }
            }
        }
    }

    let mut sums: BTreeMap<&DimensionId, f64> = BTreeMap::new();
    for r in &raws {
        *sums.entry(r.dim).or_default() += r.keyed;
    }
    let dimensions: Vec<DimensionScore> = bank
        .dimensions
        .iter()
        .map(|d| {
            let max = max_sum.get(&d.id).copied().unwrap_or(0.0);
            let score =
                (max > 0.0).then(|| 50.0 + 50.0 * sums.get(&d.id).copied().unwrap_or(0.0) / max);
            DimensionScore {
                id: d.id.clone(),
                score,
                answered: answered_per_dim.get(&d.id).copied().unwrap_or(0),
                total: total_per_dim.get(&d.id).copied().unwrap_or(0),
            }
        })
        .collect();

    // The leaning: weighted mean of each side's scores, management minus
    // technical. A side with no scored dimension counts as neutral.
    let side_weight = |track: Track| -> f64 {
        bank.dimensions
            .iter()
            .zip(&dimensions)
            .filter(|(d, s)| d.track == track && s.score.is_some())
            .map(|(d, _)| d.weight)
            .sum()
    };
    let (w_mgmt, w_tech) = (
        side_weight(Track::Management),
        side_weight(Track::Technical),
    );
    let factor = |id: &DimensionId| -> f64 {
        match bank.dimension(id) {
            Some(d) if d.track == Track::Management && w_mgmt > 0.0 => d.weight / w_mgmt,
            Some(d) if d.track == Track::Technical && w_tech > 0.0 => -d.weight / w_tech,
            _ => 0.0,
        }
    };
    let leaning: f64 = bank
        .dimensions
        .iter()
        .zip(&dimensions)
        .filter_map(|(d, s)| s.score.map(|v| factor(&d.id) * (v - 50.0)))
        .sum();

    let contributions: Vec<Contribution> = raws
        .iter()
        .filter(|r| r.keyed != 0.0)
        .map(|r| {
            let points = 50.0 * r.keyed / max_sum[r.dim];
            Contribution {
                item: r.item.clone(),
                dimension: r.dim.clone(),
                points,
                leaning: points * factor(r.dim),
            }
        })
        .collect();

    let confidence = confidence(bank, answered, &likert, acquiescence);
    let band = Band::from_leaning(leaning);
    let margin = match band {
        Band::Hybrid => HYBRID_HALF_WIDTH - leaning.abs(),
        _ => leaning.abs() - HYBRID_HALF_WIDTH,
    };
    Profile {
        dimensions,
        leaning,
        band,
        margin,
        confidence,
        answered,
        total: bank.items.len(),
        contributions,
    }
}

fn confidence(
    bank: &Bank,
    answered: usize,
    likert: &[(&super::bank::LikertItem, u8)],
    acquiescence: f64,
) -> Confidence {
    let total = bank.items.len().max(1);
    let coverage = answered as f64 / total as f64;
    let mut notes = Vec::new();
    if answered < bank.items.len() {
        notes.push(ConfidenceNote::Skipped {
            skipped: bank.items.len() - answered,
            total: bank.items.len(),
        });
    }

    // Consistency: the spread of keyed answers (before the acquiescence
    // correction) within each scale. Agreeing with a statement and with its
    // opposite shows up here as a wide spread.
    let mut spreads = Vec::new();
    let mut inconsistent = Vec::new();
    for d in &bank.dimensions {
        let keyed: Vec<f64> = likert
            .iter()
            .filter(|(l, _)| l.dimension == d.id)
            .map(|(l, v)| (f64::from(*v) - 3.0) * if l.reverse { -1.0 } else { 1.0 })
            .collect();
        if keyed.len() < 2 {
            continue;
        }
        let mean = keyed.iter().sum::<f64>() / keyed.len() as f64;
        let sd =
            (keyed.iter().map(|k| (k - mean).powi(2)).sum::<f64>() / keyed.len() as f64).sqrt();
        let spread = ((sd - TOLERATED_SPREAD) / (2.0 - TOLERATED_SPREAD)).clamp(0.0, 1.0);
        if spread > 0.4 {
            inconsistent.push(d.id.clone());
        }
        spreads.push(spread);
    }
    let inconsistency = if spreads.is_empty() {
        0.0
    } else {
        spreads.iter().sum::<f64>() / spreads.len() as f64
    };
    if !inconsistent.is_empty() {
        notes.push(ConfidenceNote::Inconsistent {
            dimensions: inconsistent,
        });
    }

    let mut straight = 1.0;
    if likert.len() >= MIN_FOR_STRAIGHT_LINE {
        let first = likert[0].1;
        let same = likert.iter().filter(|(_, v)| *v == first).count();
        if same as f64 >= 0.9 * likert.len() as f64 {
            straight = 0.3;
            notes.push(ConfidenceNote::StraightLine { value: first });
        }
    }
    if acquiescence.abs() >= 0.5 {
        notes.push(ConfidenceNote::Acquiescence {
            tendency: acquiescence,
        });
    }

    let value = (100.0 * coverage * (1.0 - inconsistency) * straight).clamp(0.0, 100.0);
    let level = if value >= 70.0 {
        ConfidenceLevel::High
    } else if value >= 40.0 {
        ConfidenceLevel::Medium
    } else {
        ConfidenceLevel::Low
    };
    Confidence {
        value,
        level,
        notes,
    }
}
