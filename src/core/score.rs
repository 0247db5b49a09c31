//! Scoring: answers → a profile with per-dimension scores, a leaning on the
//! management ↔ technical axis, a band, a margin, a confidence, and the
//! contribution of every answer so the result can explain itself.
//!
//! The method, in short:
//! - A statement's answer is centred on the neutral point and keyed:
//!   −2…+2, positive toward the dimension's high pole. With reverse-keyed
//!   statements balanced in every topic, agreeing with everything moves no
//!   scale, so no correction for it is applied: with balanced keying,
//!   subtracting a person's mean agreement cancels out exactly (the old
//!   correction only moved scores through clamping, by under a point).
//!   Agreeing with everything is reported as a response style instead.
//! - A scenario option adds its weight to each dimension it names; the most
//!   a scenario can move a dimension is its largest weight for that
//!   dimension.
//! - A dimension's score is 50 + 50 × (sum of keyed answers ÷ most they
//!   could have been): 0–100, with 50 the neutral middle.
//! - The leaning pools each side: management's weighted keyed sum over its
//!   maximum, minus the technical side's, times 50: −100 (technical) …
//!   +100 (management). Topics on neither track are shown but not counted.
//! - Confidence is measured: the standard error of the leaning is estimated
//!   from how much the person's own answers vary within each topic and how
//!   many there are; compared with the distance to the band's edges it
//!   gives the chance that a retake lands in the same band. Response styles
//!   that say little about the person (the same answer everywhere, random
//!   answers, mostly the middle answer, agreeing with everything) cap it.

use serde::{Deserialize, Serialize};

use super::bank::{
    Bank, Dimension, DimensionId, Item, ItemId, LikertItem, OptionId, ScenarioItem, Track,
};
use crate::core::map::{sort_by, Map};

/// A leaning within this many points of the middle is the hybrid band.
pub const HYBRID_HALF_WIDTH: f64 = 15.0;
/// The variance (in keyed points², answers centred on −2…+2) assumed for a
/// scale before the person's own answers are seen; it keeps a scale with
/// two or three identical answers from claiming perfect precision.
const PRIOR_VARIANCE: f64 = 0.8;
/// How many answers' worth of weight the prior variance carries.
const PRIOR_WEIGHT: f64 = 2.0;
/// The spread (keyed points²) assumed for a person's answers across all
/// the questions of one side before their own answers are seen: the
/// answers' noise and how much the person's topics on a side differ. Set
/// by the simulation of partial sheets (docs/validity.md): with 2.0 and
/// the weight of four answers, high confidence keeps its word on sheets of
/// 6 to 72 answers; 1.2 with the weight of two let sheets of six claim high
/// and be right 90 % of the time.
const UNSEEN_PRIOR_VARIANCE: f64 = 2.0;
/// How many answers' worth of weight that prior carries.
const UNSEEN_PRIOR_WEIGHT: f64 = 4.0;
/// Retake chance at or above this is the high confidence level…
pub const HIGH_RETAKE: f64 = 0.9;
/// …and at or above this the medium level; below it, low.
pub const MEDIUM_RETAKE: f64 = 0.7;
/// Response styles are judged on at least this many statements.
const MIN_FOR_STYLE: usize = 12;
/// The most common answer on this share of statements is straight-lining.
pub const STRAIGHT_LINE_SHARE: f64 = 0.8;
/// The middle answer on this share of statements is midpoint responding.
pub const MIDPOINT_SHARE: f64 = 0.6;
/// A pooled spread of keyed answers within topics (standard deviation, in
/// answer steps) at or above this is answering at random.
pub const RANDOM_SPREAD: f64 = 1.0;
/// One topic's spread at or above this: its answers contradict each other.
pub const CONTRADICTION_SPREAD: f64 = 1.5;
/// Average agreement (−2…+2) with statements *and* their opposites at or
/// beyond this is agreeing (or disagreeing) with everything.
pub const AGREE_ALL_TENDENCY: f64 = 0.75;
/// The retake chance a sheet keeps at most when its answers follow a
/// pattern that says little about the person (same answer everywhere, or
/// at random): the measurement model does not hold for it.
const PATTERN_CAP: f64 = 0.5;
/// The retake chance kept at most with a milder response style (mostly the
/// middle answer, or agreeing with everything).
const STYLE_CAP: f64 = 0.75;

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
    /// The band a leaning falls in: hybrid within `HYBRID_HALF_WIDTH` of 0.
    pub(crate) fn from_leaning(leaning: f64) -> Band {
        if leaning >= HYBRID_HALF_WIDTH {
            Band::Management
        } else if leaning <= -HYBRID_HALF_WIDTH {
            Band::Technical
        } else {
            Band::Hybrid
        }
    }
}

/// How much to trust the result: the level of the retake chance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConfidenceLevel {
    /// The same band would come out less than 7 times in 10.
    Low,
    /// 7 to 9 times in 10.
    Medium,
    /// 9 times in 10 or more.
    High,
}

impl ConfidenceLevel {
    pub fn from_retake(retake: f64) -> ConfidenceLevel {
        if retake >= HIGH_RETAKE {
            ConfidenceLevel::High
        } else if retake >= MEDIUM_RETAKE {
            ConfidenceLevel::Medium
        } else {
            ConfidenceLevel::Low
        }
    }
}

/// Why the confidence is lower than the answers alone would make it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum ConfidenceNote {
    /// Some questions were skipped or not reached: fewer answers, a wider
    /// range for the leaning.
    Skipped { skipped: usize, total: usize },
    /// On these topics the answers contradict each other (agreeing with a
    /// statement and with its opposite), which widens the range.
    Inconsistent { dimensions: Vec<DimensionId> },
    /// Answers within topics vary about as much as random answers would.
    Random { spread: f64 },
    /// The same answer was given to this share of the statements.
    StraightLine { value: u8, share: f64 },
    /// The middle answer was given to this share of the statements.
    Midpoint { share: f64 },
    /// Statements and their opposites were agreed with (positive) or
    /// disagreed with (negative) alike.
    AgreeAll { tendency: f64 },
}

impl ConfidenceNote {
    /// Whether the note caps the confidence (a response style) rather than
    /// only explaining a wider range.
    pub fn is_style(&self) -> bool {
        !matches!(
            self,
            ConfidenceNote::Skipped { .. } | ConfidenceNote::Inconsistent { .. }
        )
    }
}

/// How far the result can be trusted, from the person's own answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Confidence {
    /// The retake chance in percent, 0–100.
    pub value: f64,
    pub level: ConfidenceLevel,
    /// The estimated chance, 0–1, that the same person answering again
    /// would land in the same band.
    pub retake: f64,
    /// The standard error of the leaning, in points, estimated from how
    /// much the person's answers vary within each topic and how many there
    /// are, and from what the questions left unanswered could change.
    pub standard_error: f64,
    pub notes: Vec<ConfidenceNote>,
}

impl Confidence {
    /// The retake chance in words a person can picture: "about 9 in 10".
    pub fn in_words(&self) -> String {
        if self.retake >= 0.95 {
            "more than 9 in 10".to_owned()
        } else if self.retake < 0.05 {
            "less than 1 in 10".to_owned()
        } else {
            let n = (self.retake * 10.0).round().clamp(1.0, 9.0);
            format!("about {n_0} in 10", n_0 = crate::core::text::fixed(n, 0))
        }
    }
}

/// What a result in the middle means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Middle {
    /// Pulled toward both tracks (and wanting a mixed role).
    Both,
    /// Pulled toward neither.
    Neither,
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
    /// Each side's pooled score, 0–100 (50 neutral): management, technical.
    pub sides: (Option<f64>, Option<f64>),
    /// In the hybrid band: drawn to both tracks or to neither (`None`: not
    /// clearly either, or not in the middle).
    pub middle: Option<Middle>,
    pub answered: usize,
    pub total: usize,
    pub contributions: Vec<Contribution>,
}

impl Profile {
    /// The band, when at least one answer was scored; with none, the
    /// leaning is 0 and its band (the middle) is no finding.
    pub fn result_band(&self) -> Option<Band> {
        (self.answered > 0).then_some(self.band)
    }

    pub fn dimension(&self, id: &DimensionId) -> Option<&DimensionScore> {
        self.dimensions.iter().find(|d| &d.id == id)
    }

    /// The answers that moved the leaning most, strongest first, each summed
    /// over the dimensions it touched.
    pub fn weightiest(&self, n: usize) -> Vec<(ItemId, f64)> {
        let mut per_item: Map<&ItemId, f64> = Map::new();
        for c in &self.contributions {
            match per_item.get_mut(&c.item) {
                Some(sum) => *sum += c.leaning,
                None => {
                    per_item.insert(&c.item, c.leaning);
                }
            }
        }
        let mut all: Vec<(ItemId, f64)> = per_item
            .into_iter()
            .filter(|(_, v)| v.abs() > 0.05)
            .map(|(k, v)| (k.clone(), v))
            .collect();
        sort_by(&mut all, |a, b| {
            b.1.abs().total_cmp(&a.1.abs()).then_with(|| a.0.cmp(&b.0))
        });
        all.truncate(n);
        all
    }
}

/// One answer's effect on one dimension, in keyed points. `at` is the
/// dimension's place in the bank's list, found once per answer: every sum
/// below is kept by that place instead of looked up by the dimension's
/// name (string comparisons were most of scoring's time in a cohort).
struct Raw<'a> {
    item: &'a ItemId,
    dim: &'a DimensionId,
    at: usize,
    keyed: f64,
    /// The most this answer could add to its dimension's sum.
    max: f64,
}

/// Scores `answers` against `bank`. Answers to unknown items and invalid
/// values are ignored (the caller reports them); a partial sheet scores what
/// it has and lowers the confidence.
pub fn score(bank: &Bank, answers: &Answers) -> Profile {
    score_as(bank, answers, true)
}

/// [`score`] without the workings: the same figures, with `contributions`
/// left empty. A cohort folds a million sheets and never shows how each
/// answer moved the leaning; the list costs two allocations per answer.
pub fn score_figures(bank: &Bank, answers: &Answers) -> Profile {
    score_as(bank, answers, false)
}

/// The place of dimension `id` in the bank's list. The bank check refuses
/// an item on a dimension the bank does not define; should one come
/// through anyway, its answers move nothing.
fn place(bank: &Bank, id: &DimensionId) -> Option<usize> {
    bank.dimensions.iter().position(|d| &d.id == id)
}

fn score_as(bank: &Bank, answers: &Answers, explain: bool) -> Profile {
    // Keyed values, and per dimension (by place): the most its answers
    // could sum to, how many it has answered and how many it asks.
    let n = bank.dimensions.len();
    let mut raws: Vec<Raw> = Vec::new();
    let mut max_sum: Vec<f64> = vec![0.0; n];
    let mut answered_per_dim: Vec<usize> = vec![0; n];
    let mut total_per_dim: Vec<usize> = vec![0; n];
    let mut likert: Vec<(&LikertItem, u8)> = Vec::new();
    let mut scenarios: Vec<&ScenarioItem> = Vec::new();
    let mut answered = 0;
    for item in &bank.items {
        match item {
            Item::Likert(l) => {
                let at = place(bank, &l.dimension);
                if let Some(at) = at {
                    total_per_dim[at] += 1;
                }
                let Some(Response::Likert(v)) = answers.get(&l.id) else {
                    continue;
                };
                if !(1..=5).contains(v) {
                    continue;
                }
                answered += 1;
                likert.push((l, *v));
                if let Some(at) = at {
                    answered_per_dim[at] += 1;
                    raws.push(Raw {
                        item: &l.id,
                        dim: &l.dimension,
                        at,
                        keyed: keyed(l, *v),
                        max: 2.0,
                    });
                    max_sum[at] += 2.0;
                }
            }
            Item::Scenario(s) => {
                let dims: Vec<(&DimensionId, Option<usize>, f64)> = scenario_maxima(s)
                    .into_iter()
                    .map(|(d, m)| (d, place(bank, d), m))
                    .collect();
                for (_, at, _) in &dims {
                    if let Some(at) = at {
                        total_per_dim[*at] += 1;
                    }
                }
                let Some(Response::Choice(choice)) = answers.get(&s.id) else {
                    continue;
                };
                let Some(option) = s.option(choice) else {
                    continue;
                };
                answered += 1;
                scenarios.push(s);
                for (d, at, m) in dims {
                    let Some(at) = at else { continue };
                    answered_per_dim[at] += 1;
                    max_sum[at] += m;
                    let w = option.weights.get(d).copied().unwrap_or(0);
                    raws.push(Raw {
                        item: &s.id,
                        dim: d,
                        at,
                        keyed: f64::from(w),
                        max: m,
                    });
                }
            }
        }
    }

    let mut sums: Vec<f64> = vec![0.0; n];
    for r in &raws {
        sums[r.at] += r.keyed;
    }
    let dimensions: Vec<DimensionScore> = bank
        .dimensions
        .iter()
        .enumerate()
        .map(|(at, d)| {
            let max = max_sum[at];
            let score = (max > 0.0).then(|| 50.0 + 50.0 * sums[at] / max);
            DimensionScore {
                id: d.id.clone(),
                score,
                answered: answered_per_dim[at],
                total: total_per_dim[at],
            }
        })
        .collect();

    // The leaning pools each side's answers: management's weighted keyed
    // sum over the most it could have been, minus the technical side's.
    // Every answer on a side therefore counts alike (times its
    // dimension's weight), whichever topic it belongs to.
    let (w_mgmt, w_tech) = side_maxima(bank, &max_sum);
    let factor = |id: &DimensionId| -> f64 { leaning_factor(bank, id, w_mgmt, w_tech) };
    let factors: Vec<f64> = bank
        .dimensions
        .iter()
        .map(|d| dimension_factor(d, w_mgmt, w_tech))
        .collect();
    let side = |track: Track, w: f64| -> Option<f64> {
        (w > 0.0).then(|| {
            let s: f64 = raws
                .iter()
                .filter(|r| bank.dimensions[r.at].track == track)
                .map(|r| r.keyed * bank.dimensions[r.at].weight)
                .sum();
            50.0 + 50.0 * s / w
        })
    };
    let sides = (
        side(Track::Management, w_mgmt),
        side(Track::Technical, w_tech),
    );
    let moving = raws.iter().filter(|r| r.keyed != 0.0);
    // The same terms added in the same order either way, so both give the
    // same leaning to the last bit.
    let leaning: f64 = moving.clone().map(|r| r.keyed * factors[r.at]).sum();
    let contributions: Vec<Contribution> = moving
        .filter(|_| explain)
        .map(|r| {
            let points = 50.0 * r.keyed / max_sum[r.at];
            Contribution {
                item: r.item.clone(),
                dimension: r.dim.clone(),
                points,
                leaning: r.keyed * factors[r.at],
            }
        })
        .collect();

    let band = Band::from_leaning(leaning);
    let margin = match band {
        Band::Hybrid => HYBRID_HALF_WIDTH - leaning.abs(),
        _ => leaning.abs() - HYBRID_HALF_WIDTH,
    };
    let standard_error = standard_error(bank, &likert, &scenarios, &factor);
    // Nothing is unseen once every question is answered (also for a bank
    // whose scenarios give some topic no weight, which the counts per
    // topic would otherwise take for unanswered).
    let unseen = if answered == bank.items.len() {
        0.0
    } else {
        unseen_variance(bank, &raws, &total_per_dim)
    };
    let confidence = confidence(
        bank,
        answered,
        &likert,
        (leaning, band),
        standard_error,
        unseen,
    );
    let middle = (band == Band::Hybrid)
        .then(|| middle(bank, &dimensions, sides))
        .flatten();
    Profile {
        dimensions,
        leaning,
        band,
        margin,
        confidence,
        sides,
        middle,
        answered,
        total: bank.items.len(),
        contributions,
    }
}

/// A statement's answer centred on the neutral point and keyed: −2…+2,
/// positive toward the dimension's high pole.
fn keyed(l: &LikertItem, v: u8) -> f64 {
    let centred = f64::from(v) - 3.0;
    if l.reverse {
        -centred
    } else {
        centred
    }
}

/// The dimensions a scenario weighs, each with the most it can move them.
fn scenario_maxima(s: &ScenarioItem) -> Vec<(&DimensionId, f64)> {
    let mut dims: Vec<(&DimensionId, f64)> = Vec::new();
    for o in &s.options {
        for (d, w) in &o.weights {
            let w = f64::from(w.abs());
            match dims.iter_mut().find(|(x, _)| *x == d) {
                Some(e) => e.1 = e.1.max(w),
                None => dims.push((d, w)),
            }
        }
    }
    sort_by(&mut dims, |a, b| a.0.cmp(b.0));
    dims
}

/// The most each side's answers could add up to, weighted by their
/// dimensions, as (management, technical): the denominators of the leaning.
/// `max_sum` holds, per dimension in the bank's order, the most its answers
/// could sum to.
fn side_maxima(bank: &Bank, max_sum: &[f64]) -> (f64, f64) {
    let side_max = |track: Track| -> f64 {
        bank.dimensions
            .iter()
            .zip(max_sum)
            .filter(|(d, _)| d.track == track)
            .map(|(d, m)| d.weight * m)
            .sum()
    };
    (side_max(Track::Management), side_max(Track::Technical))
}

/// Points of leaning per keyed point on dimension `id`, given each side's
/// weighted maximum: positive toward management.
fn leaning_factor(bank: &Bank, id: &DimensionId, w_mgmt: f64, w_tech: f64) -> f64 {
    bank.dimension(id)
        .map_or(0.0, |d| dimension_factor(d, w_mgmt, w_tech))
}

/// [`leaning_factor`] of a dimension in hand.
fn dimension_factor(d: &Dimension, w_mgmt: f64, w_tech: f64) -> f64 {
    match d.track {
        Track::Management if w_mgmt > 0.0 => 50.0 * d.weight / w_mgmt,
        Track::Technical if w_tech > 0.0 => -50.0 * d.weight / w_tech,
        _ => 0.0,
    }
}

/// What moves the leaning: for every question, the most one answer to it
/// can change the leaning when the whole questionnaire is answered (its
/// *leverage*), in points. Statements on topics outside the leaning have
/// none. Used by the bank checks and the validity simulation.
pub fn leverage(bank: &Bank) -> Vec<(ItemId, f64)> {
    let effects = answer_effects(bank);
    effects
        .into_iter()
        .map(|(id, values)| {
            let hi = values.iter().copied().fold(f64::MIN, f64::max);
            let lo = values.iter().copied().fold(f64::MAX, f64::min);
            (id, if values.is_empty() { 0.0 } else { hi - lo })
        })
        .collect()
}

/// For every question, the leaning points each possible answer adds when
/// the whole questionnaire is answered: five values for a statement
/// (answers 1…5), one per option for a scenario.
pub fn answer_effects(bank: &Bank) -> Vec<(ItemId, Vec<f64>)> {
    let mut max_sum: Vec<f64> = vec![0.0; bank.dimensions.len()];
    for item in &bank.items {
        match item {
            Item::Likert(l) => {
                if let Some(at) = place(bank, &l.dimension) {
                    max_sum[at] += 2.0;
                }
            }
            Item::Scenario(s) => {
                for (d, m) in scenario_maxima(s) {
                    if let Some(at) = place(bank, d) {
                        max_sum[at] += m;
                    }
                }
            }
        }
    }
    let (w_mgmt, w_tech) = side_maxima(bank, &max_sum);
    bank.items
        .iter()
        .map(|item| {
            let values = match item {
                Item::Likert(l) => {
                    let f = leaning_factor(bank, &l.dimension, w_mgmt, w_tech);
                    (1..=5).map(|v| keyed(l, v) * f).collect()
                }
                Item::Scenario(s) => s
                    .options
                    .iter()
                    .map(|o| {
                        o.weights
                            .iter()
                            .map(|(d, w)| f64::from(*w) * leaning_factor(bank, d, w_mgmt, w_tech))
                            .sum()
                    })
                    .collect(),
            };
            (item.id().clone(), values)
        })
        .collect()
}

/// The spread of the person's keyed answers within each dimension: the sum
/// of squared deviations from the dimension's mean and the count.
fn spreads<'a>(likert: &[(&'a LikertItem, u8)]) -> Vec<(&'a DimensionId, f64, usize)> {
    let mut by_dim: Vec<(&DimensionId, Vec<f64>)> = Vec::new();
    for (l, v) in likert {
        match by_dim.iter_mut().find(|(d, _)| *d == &l.dimension) {
            Some(e) => e.1.push(keyed(l, *v)),
            None => by_dim.push((&l.dimension, vec![keyed(l, *v)])),
        }
    }
    by_dim
        .into_iter()
        .map(|(d, xs)| {
            let mean = xs.iter().sum::<f64>() / xs.len() as f64;
            let ss = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>();
            (d, ss, xs.len())
        })
        .collect()
}

/// The standard error of the leaning, in points. Each answer is taken as
/// the person's standing on its topic plus an error whose variance is
/// estimated from how much the person's answers on that topic vary (shrunk
/// toward a prior so that a few identical answers do not claim perfect
/// precision). The leaning is a weighted sum of answers, so its variance is
/// the sum of each answer's weight squared times its error variance. A
/// scenario counts as one answer with the average error variance, scaled to
/// its own range.
fn standard_error(
    bank: &Bank,
    likert: &[(&LikertItem, u8)],
    scenarios: &[&ScenarioItem],
    factor: &dyn Fn(&DimensionId) -> f64,
) -> f64 {
    let variance_of = |ss: f64, n: usize| -> f64 {
        (ss + PRIOR_WEIGHT * PRIOR_VARIANCE) / ((n as f64 - 1.0).max(0.0) + PRIOR_WEIGHT)
    };
    let spreads = spreads(likert);
    let var_for = |d: &DimensionId| -> f64 {
        spreads
            .iter()
            .find(|(x, _, _)| *x == d)
            .map_or(PRIOR_VARIANCE, |(_, ss, n)| variance_of(*ss, *n))
    };
    let leaning_vars: Vec<f64> = spreads
        .iter()
        .filter(|(d, _, _)| bank.dimension(d).is_some_and(|x| x.track.in_leaning()))
        .map(|(_, ss, n)| variance_of(*ss, *n))
        .collect();
    let mean_var = if leaning_vars.is_empty() {
        PRIOR_VARIANCE
    } else {
        leaning_vars.iter().sum::<f64>() / leaning_vars.len() as f64
    };
    let mut variance = 0.0;
    for (l, _) in likert {
        variance += factor(&l.dimension).powi(2) * var_for(&l.dimension);
    }
    for s in scenarios {
        // A statement's answer spans 4 keyed points; a scenario's choice
        // spans its own range of leaning points.
        let values: Vec<f64> = s
            .options
            .iter()
            .map(|o| {
                o.weights
                    .iter()
                    .map(|(d, w)| f64::from(*w) * factor(d))
                    .sum()
            })
            .collect();
        let hi = values.iter().copied().fold(f64::MIN, f64::max);
        let lo = values.iter().copied().fold(f64::MAX, f64::min);
        if hi > lo {
            variance += ((hi - lo) / 4.0).powi(2) * mean_var;
        }
    }
    variance.sqrt()
}

/// What the questions left unanswered could still change: the variance,
/// in leaning points², of the difference between the leaning from the
/// answers given and the leaning the whole questionnaire would give.
///
/// Each side of the leaning (management, technical) is a ratio of the
/// weighted sum of its answers to the most they could sum to; the answers
/// given are taken as a sample, without replacement, of the side's
/// questions. The variance of such a ratio is the spread of the answers
/// around the side's own ratio, over the number answered, times the share
/// still unanswered (the finite population correction: nothing is unseen
/// once every question is answered, so a whole sheet's figures are as
/// before). The spread is shrunk toward [`UNSEEN_PRIOR_VARIANCE`] as the
/// topic spreads are toward theirs; a side with no answer at all gets that
/// prior for a single answer. Without this term a sheet of nine answers
/// could claim high confidence: its answers agree, but a person's topics
/// differ, and the unanswered ones may pull the other way
/// (docs/validity.md, partial sheets).
fn unseen_variance(bank: &Bank, raws: &[Raw], total_per_dim: &[usize]) -> f64 {
    [Track::Management, Track::Technical]
        .into_iter()
        .map(|track| {
            let on_side = |at: usize| {
                let d = &bank.dimensions[at];
                d.track == track && d.weight > 0.0
            };
            let total: usize = (0..bank.dimensions.len())
                .filter(|at| on_side(*at))
                .map(|at| total_per_dim[at])
                .sum();
            // Each answer's weighted sum and most, on this side.
            let units: Vec<(f64, f64)> = raws
                .iter()
                .filter(|r| on_side(r.at) && r.max > 0.0)
                .map(|r| {
                    let w = bank.dimensions[r.at].weight;
                    (r.keyed * w, r.max * w)
                })
                .collect();
            let n = units.len();
            if total == 0 || n >= total {
                return 0.0;
            }
            if n == 0 {
                // One answer's worth of a side (at most 2 keyed points) with
                // the prior spread: ±50 points of a side is ±2 keyed points.
                return 625.0 * UNSEEN_PRIOR_VARIANCE;
            }
            let sum_c: f64 = units.iter().map(|u| u.0).sum();
            let sum_m: f64 = units.iter().map(|u| u.1).sum();
            let ratio = sum_c / sum_m;
            // Residuals in keyed points (as if each answer's most were 2).
            let ss: f64 = units
                .iter()
                .map(|(c, m)| (2.0 * (c - ratio * m) / m).powi(2))
                .sum();
            let spread = (ss + UNSEEN_PRIOR_WEIGHT * UNSEEN_PRIOR_VARIANCE)
                / ((n - 1) as f64 + UNSEEN_PRIOR_WEIGHT);
            let mean_m2 = units.iter().map(|(_, m)| m * m / 4.0).sum::<f64>() / n as f64;
            let unanswered = 1.0 - n as f64 / total as f64;
            2500.0 * n as f64 * spread * mean_m2 * unanswered / (sum_m * sum_m)
        })
        .sum()
}

/// The chance that a retake, with its own measurement error, lands in the
/// same band: the leaning's difference between two sittings has twice the
/// variance of one, plus what the questions left unanswered could change
/// (`unseen`, a variance; 0 for a whole sheet).
pub fn retake_chance(leaning: f64, band: Band, standard_error: f64, unseen: f64) -> f64 {
    let (lo, hi) = match band {
        Band::Management => (HYBRID_HALF_WIDTH, f64::INFINITY),
        Band::Hybrid => (-HYBRID_HALF_WIDTH, HYBRID_HALF_WIDTH),
        Band::Technical => (f64::NEG_INFINITY, -HYBRID_HALF_WIDTH),
    };
    let sd = (2.0 * standard_error * standard_error + unseen).sqrt();
    if sd <= 0.0 {
        return 1.0;
    }
    (normal_cdf((hi - leaning) / sd) - normal_cdf((lo - leaning) / sd)).clamp(0.0, 1.0)
}

/// The standard normal distribution function (Abramowitz and Stegun
/// 7.1.26; absolute error below 1.5e-7).
pub fn normal_cdf(z: f64) -> f64 {
    if z.is_infinite() {
        return if z > 0.0 { 1.0 } else { 0.0 };
    }
    let x = z.abs() / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let erf = 1.0 - poly * (-x * x).exp();
    if z >= 0.0 {
        0.5 * (1.0 + erf)
    } else {
        0.5 * (1.0 - erf)
    }
}

fn confidence(
    bank: &Bank,
    answered: usize,
    likert: &[(&LikertItem, u8)],
    (leaning, band): (f64, Band),
    standard_error: f64,
    unseen: f64,
) -> Confidence {
    // The leaning's range as the person reads it: the answers' own error
    // and what the unanswered questions could change.
    let standard_error = (standard_error * standard_error + unseen).sqrt();
    let mut notes = Vec::new();
    if answered == 0 {
        return Confidence {
            value: 0.0,
            level: ConfidenceLevel::Low,
            retake: 0.0,
            standard_error,
            notes,
        };
    }
    if answered < bank.items.len() {
        notes.push(ConfidenceNote::Skipped {
            skipped: bank.items.len() - answered,
            total: bank.items.len(),
        });
    }
    let noise = (standard_error * standard_error - unseen).max(0.0).sqrt();
    let mut retake = retake_chance(leaning, band, noise, unseen);
    let mut cap = |c: f64| retake = retake.min(c);

    // Contradictions and random answering, from the spread of keyed answers
    // within each topic.
    let spreads = spreads(likert);
    let contradictory: Vec<DimensionId> = spreads
        .iter()
        .filter(|(_, ss, n)| *n >= 2 && (ss / *n as f64).sqrt() >= CONTRADICTION_SPREAD)
        .map(|(d, _, _)| (*d).clone())
        .collect();
    if !contradictory.is_empty() {
        notes.push(ConfidenceNote::Inconsistent {
            dimensions: contradictory,
        });
    }
    if likert.len() >= MIN_FOR_STYLE {
        let (ss, df) = spreads
            .iter()
            .filter(|(_, _, n)| *n >= 2)
            .fold((0.0, 0usize), |(s, k), (_, ss, n)| (s + ss, k + n - 1));
        let spread = if df > 0 { (ss / df as f64).sqrt() } else { 0.0 };

        let mut counts = [0usize; 5];
        for (_, v) in likert {
            counts[usize::from(*v - 1)] += 1;
        }
        let n = likert.len() as f64;
        let (top, most) = counts
            .iter()
            .enumerate()
            .max_by_key(|(i, c)| (**c, std::cmp::Reverse(*i)))
            .map(|(i, c)| (i as u8 + 1, *c))
            .unwrap_or((3, 0));
        let top_share = most as f64 / n;
        let mid_share = counts[2] as f64 / n;
        if top_share >= STRAIGHT_LINE_SHARE {
            notes.push(ConfidenceNote::StraightLine {
                value: top,
                share: top_share,
            });
            cap(PATTERN_CAP);
        } else if mid_share >= MIDPOINT_SHARE {
            notes.push(ConfidenceNote::Midpoint { share: mid_share });
            cap(STYLE_CAP);
        }
        if spread >= RANDOM_SPREAD {
            notes.push(ConfidenceNote::Random { spread });
            cap(PATTERN_CAP);
        }
        // Agreement with forward and with reverse-keyed statements, each
        // averaged on its own so that unequal counts do not tip it.
        let mean = |reverse: bool| -> Option<f64> {
            let xs: Vec<f64> = likert
                .iter()
                .filter(|(l, _)| l.reverse == reverse)
                .map(|(_, v)| f64::from(*v) - 3.0)
                .collect();
            (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64)
        };
        if let (Some(f), Some(r)) = (mean(false), mean(true)) {
            let tendency = (f + r) / 2.0;
            if tendency.abs() >= AGREE_ALL_TENDENCY {
                notes.push(ConfidenceNote::AgreeAll { tendency });
                cap(STYLE_CAP);
            }
        }
    }
    Confidence {
        value: 100.0 * retake,
        level: ConfidenceLevel::from_retake(retake),
        retake,
        standard_error,
        notes,
    }
}

/// In the middle band: whether the person is drawn to both tracks or to
/// neither, from the two sides' pooled scores and, when the bank has one,
/// the scale of wanting a mixed role.
fn middle(
    bank: &Bank,
    dims: &[DimensionScore],
    sides: (Option<f64>, Option<f64>),
) -> Option<Middle> {
    let (m, t) = (sides.0?, sides.1?);
    let pull = (m + t) / 2.0 - 50.0;
    let hybrid: Vec<f64> = bank
        .dimensions
        .iter()
        .zip(dims)
        .filter(|(d, _)| d.track == Track::Hybrid)
        .filter_map(|(_, s)| s.score)
        .collect();
    let want = if hybrid.is_empty() {
        pull
    } else {
        hybrid.iter().sum::<f64>() / hybrid.len() as f64 - 50.0
    };
    let z = pull + want;
    if z >= 10.0 {
        Some(Middle::Both)
    } else if z <= -10.0 {
        Some(Middle::Neither)
    } else {
        None
    }
}
