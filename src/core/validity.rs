//! A validity simulation for any bank: respondents drawn from a stated
//! latent-trait model answer the questionnaire twice, are scored with the
//! app's own [`score`], and the results are compared with their simulated
//! truth. Shared by `cargo run --release --example validity` and the tests
//! that hold the shipped bank to its floors.
//!
//! The model (see `docs/validity.md`):
//! - Each person has a general leaning `g ~ N(0, 1)`. Each topic's trait is
//!   `θ = a·s·g + √(1 − a²)·u` with `u ~ N(0, 1)`, `s = +1` for management
//!   topics, `−1` for technical ones, and `a = GENERAL` (0.6). Topics on
//!   neither track have `a = 0`.
//! - A statement's answer is ordinal probit: `y* = ±λ·θ + b + √(1 − λ²)·ε`
//!   (minus for reverse-keyed statements), with loading `λ = LOADING`
//!   (0.7), a fixed per-statement offset `b ~ N(0, 0.3²)` and `ε ~ N(0, 1)`,
//!   cut at −1.5, −0.5, 0.5, 1.5 into the five answers.
//! - A scenario option is chosen with probability ∝ `exp(β · Σ w·θ / 2)`
//!   (softmax, `β = SHARPNESS` = 1.5) over the option's weights `w`.
//! - A retake draws new `ε` and new choices for the same person.
//!
//! Everything is deterministic: a small PRNG (SplitMix64) seeded by the
//! caller. Simulated figures show how the scoring behaves *if* people answer
//! like the model; they are not evidence from real people.

use super::bank::{Bank, DimensionId, Item, Track};
use super::score::{
    answer_effects, score, Answers, Band, ConfidenceLevel, ConfidenceNote, Profile, Response,
};
use crate::core::map::sort_by;

/// Each topic's correlation with the general leaning.
pub const GENERAL: f64 = 0.6;
/// A statement's correlation with its topic's trait (before the cut into
/// five answers).
pub const LOADING: f64 = 0.7;
/// How sharply scenario choices follow the traits.
pub const SHARPNESS: f64 = 1.5;
/// The spread of the statements' fixed offsets (how easy each is to agree
/// with).
pub const OFFSET_SD: f64 = 0.3;
const CUTS: [f64; 4] = [-1.5, -0.5, 0.5, 1.5];

/// SplitMix64: small, fast and good enough for simulation.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A whole number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        ((self.uniform() * n as f64) as usize).min(n.saturating_sub(1))
    }

    /// Standard normal (Box–Muller).
    pub fn normal(&mut self) -> f64 {
        let u1 = self.uniform().max(f64::MIN_POSITIVE);
        let u2 = self.uniform();
        (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
    }
}

/// One simulated person: a trait per topic, in the bank's topic order.
#[derive(Debug, Clone)]
pub struct Person {
    pub traits: Vec<f64>,
}

/// The model bound to one bank: each statement's fixed offset.
pub struct Model<'a> {
    pub bank: &'a Bank,
    offsets: Vec<f64>,
}

impl<'a> Model<'a> {
    pub fn new(bank: &'a Bank, seed: u64) -> Model<'a> {
        let mut rng = Rng::new(seed ^ 0x00FF_5E75);
        let offsets = bank
            .items
            .iter()
            .map(|_| OFFSET_SD * rng.normal())
            .collect();
        Model { bank, offsets }
    }

    pub fn person(&self, rng: &mut Rng) -> Person {
        let g = rng.normal();
        let traits = self
            .bank
            .dimensions
            .iter()
            .map(|d| {
                let s = match d.track {
                    Track::Management => 1.0,
                    Track::Technical => -1.0,
                    Track::Hybrid | Track::Neither => 0.0,
                };
                let a = GENERAL * s;
                a * g + (1.0 - a * a).sqrt() * rng.normal()
            })
            .collect();
        Person { traits }
    }

    fn trait_of(&self, p: &Person, d: &DimensionId) -> f64 {
        self.bank
            .dimensions
            .iter()
            .position(|x| &x.id == d)
            .map_or(0.0, |i| p.traits[i])
    }

    /// Each answer's probabilities for person `p`: five for a statement,
    /// one per option for a scenario.
    pub fn probabilities(&self, p: &Person) -> Vec<Vec<f64>> {
        self.bank
            .items
            .iter()
            .zip(&self.offsets)
            .map(|(item, b)| match item {
                Item::Likert(l) => {
                    let sign = if l.reverse { -1.0 } else { 1.0 };
                    let mean = sign * LOADING * self.trait_of(p, &l.dimension) + b;
                    let sd = (1.0 - LOADING * LOADING).sqrt();
                    let cdf: Vec<f64> = CUTS
                        .iter()
                        .map(|c| super::score::normal_cdf((c - mean) / sd))
                        .collect();
                    (0..5)
                        .map(|k| {
                            let hi = if k < 4 { cdf[k] } else { 1.0 };
                            let lo = if k > 0 { cdf[k - 1] } else { 0.0 };
                            hi - lo
                        })
                        .collect()
                }
                Item::Scenario(s) => {
                    let u: Vec<f64> = s
                        .options
                        .iter()
                        .map(|o| {
                            SHARPNESS
                                * o.weights
                                    .iter()
                                    .map(|(d, w)| f64::from(*w) * self.trait_of(p, d))
                                    .sum::<f64>()
                                / 2.0
                        })
                        .collect();
                    let top = u.iter().copied().fold(f64::MIN, f64::max);
                    let e: Vec<f64> = u.iter().map(|x| (x - top).exp()).collect();
                    let sum: f64 = e.iter().sum();
                    e.iter().map(|x| x / sum).collect()
                }
            })
            .collect()
    }

    /// One answer sheet for person `p`.
    pub fn answer(&self, p: &Person, rng: &mut Rng) -> Answers {
        let probs = self.probabilities(p);
        self.bank
            .items
            .iter()
            .zip(probs)
            .map(|(item, pr)| {
                let k = pick(&pr, rng.uniform());
                let r = match item {
                    Item::Likert(_) => Response::Likert(k as u8 + 1),
                    Item::Scenario(s) => Response::Choice(s.options[k].id.clone()),
                };
                (item.id().clone(), r)
            })
            .collect()
    }

    /// The leaning person `p` would get on average over endless retakes
    /// (the true score on the result's own scale).
    pub fn true_leaning(&self, p: &Person, effects: &[(super::bank::ItemId, Vec<f64>)]) -> f64 {
        self.probabilities(p)
            .iter()
            .zip(effects)
            .map(|(pr, (_, e))| pr.iter().zip(e).map(|(a, b)| a * b).sum::<f64>())
            .sum()
    }
}

fn pick(probs: &[f64], u: f64) -> usize {
    let mut acc = 0.0;
    for (i, p) in probs.iter().enumerate() {
        acc += p;
        if u < acc {
            return i;
        }
    }
    probs.len().saturating_sub(1)
}

/// Pearson correlation; 0 when either side does not vary.
pub fn correlation(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len().min(y.len()) as f64;
    if n < 2.0 {
        return 0.0;
    }
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx).powi(2);
        syy += (b - my).powi(2);
    }
    if sxx <= 0.0 || syy <= 0.0 {
        0.0
    } else {
        sxy / (sxx * syy).sqrt()
    }
}

fn variance(x: &[f64]) -> f64 {
    let n = x.len() as f64;
    if n < 2.0 {
        return 0.0;
    }
    let m = x.iter().sum::<f64>() / n;
    x.iter().map(|v| (v - m).powi(2)).sum::<f64>() / (n - 1.0)
}

/// One topic's figures.
#[derive(Debug, Clone)]
pub struct DimensionReport {
    pub id: DimensionId,
    /// Cronbach's α over the topic's statements (keyed); `None` with fewer
    /// than two.
    pub alpha: Option<f64>,
    /// Each statement's correlation with the sum of the topic's others.
    pub item_rest: Vec<(String, f64)>,
    /// The topic score's correlation with the simulated trait.
    pub recovery: f64,
}

/// Figures for the people at one confidence level.
#[derive(Debug, Clone, Default)]
pub struct LevelReport {
    pub count: usize,
    /// Share whose retake landed in the same band.
    pub retake_agreement: f64,
    /// Share whose band matched their true band.
    pub band_accuracy: f64,
    /// The average retake chance the result stated.
    pub stated: f64,
}

impl LevelReport {
    /// From sums over the people counted to their averages.
    fn average(&mut self) {
        if self.count > 0 {
            let c = self.count as f64;
            self.retake_agreement /= c;
            self.band_accuracy /= c;
            self.stated /= c;
        }
    }
}

/// The lines for low, medium and high: share of `respondents`, stated
/// chance, retake agreement, band accuracy.
fn write_levels(
    f: &mut std::fmt::Formatter<'_>,
    indent: &str,
    levels: &[LevelReport; 3],
    respondents: usize,
) -> std::fmt::Result {
    for (name, l) in ["low", "medium", "high"].iter().zip(levels) {
        writeln!(
            f,
            "{indent}{:<7} {:>5.1} %  stated {:>5.1} %  retake {:>5.1} %  accuracy {:>5.1} %",
            name,
            100.0 * l.count as f64 / respondents.max(1) as f64,
            100.0 * l.stated,
            100.0 * l.retake_agreement,
            100.0 * l.band_accuracy
        )?;
    }
    Ok(())
}

/// How often answer sheets of one kind reach each confidence level.
#[derive(Debug, Clone, Default)]
pub struct StyleReport {
    pub name: &'static str,
    pub count: usize,
    /// Share at low, medium, high.
    pub levels: [f64; 3],
    /// Share with a response-style note.
    pub flagged: f64,
}

/// The same people with only some questions answered: each keeps
/// `answered` of their first sheet's answers — a random choice of them, or
/// the first in the questionnaire's order (someone who stopped there) — and
/// is compared with their true band and with a whole retake.
#[derive(Debug, Clone, Default)]
pub struct PartialReport {
    pub answered: usize,
    /// Whether the answers kept are the first ones, in order.
    pub in_order: bool,
    /// Low, medium, high; `retake_agreement` is agreement with a retake of
    /// the whole questionnaire.
    pub levels: [LevelReport; 3],
}

/// Everything the simulation found.
#[derive(Debug, Clone)]
pub struct Report {
    pub respondents: usize,
    /// Questions in the bank.
    pub items: usize,
    pub dimensions: Vec<DimensionReport>,
    /// The leaning's correlation with the true leaning.
    pub leaning_recovery: f64,
    /// Share whose band matched their true band.
    pub band_accuracy: f64,
    /// Share whose retake landed in the same band.
    pub retake_agreement: f64,
    /// Low, medium, high.
    pub levels: [LevelReport; 3],
    /// How often each note appears for model respondents.
    pub note_rates: Vec<(&'static str, f64)>,
    /// Patterned sheets: random, straight-line, midpoint, agree-all.
    pub styles: Vec<StyleReport>,
    /// Partial sheets: an eighth, a quarter and half of the questions.
    pub partial: Vec<PartialReport>,
}

fn level_index(l: ConfidenceLevel) -> usize {
    match l {
        ConfidenceLevel::Low => 0,
        ConfidenceLevel::Medium => 1,
        ConfidenceLevel::High => 2,
    }
}

fn note_name(n: &ConfidenceNote) -> &'static str {
    match n {
        ConfidenceNote::Skipped { .. } => "skipped",
        ConfidenceNote::Inconsistent { .. } => "inconsistent topic",
        ConfidenceNote::Random { .. } => "random",
        ConfidenceNote::StraightLine { .. } => "straight-line",
        ConfidenceNote::Midpoint { .. } => "midpoint",
        ConfidenceNote::AgreeAll { .. } => "agree with everything",
    }
}

/// Simulates `respondents` people (each answering twice) plus patterned
/// answer sheets, and reports.
pub fn simulate(bank: &Bank, respondents: usize, seed: u64) -> Report {
    let model = Model::new(bank, seed);
    let effects = answer_effects(bank);
    let mut rng = Rng::new(seed);
    let mut persons = Vec::with_capacity(respondents);
    let mut first: Vec<Profile> = Vec::with_capacity(respondents);
    let mut sheets: Vec<Answers> = Vec::with_capacity(respondents);
    let mut second: Vec<Band> = Vec::with_capacity(respondents);
    let mut truth: Vec<f64> = Vec::with_capacity(respondents);
    let n_items = bank.items.len();
    // Its own stream, so that the whole sheets are those of earlier runs.
    let mut mask_rng = Rng::new(seed ^ 0x0070_A271);
    let mut partial: Vec<PartialReport> = [false, true]
        .into_iter()
        .flat_map(|in_order| {
            [8, 4, 2].into_iter().map(move |d| PartialReport {
                answered: (n_items / d).max(1),
                in_order,
                levels: Default::default(),
            })
        })
        .collect();
    for _ in 0..respondents {
        let p = model.person(&mut rng);
        let a = model.answer(&p, &mut rng);
        let b = model.answer(&p, &mut rng);
        let first_score = score(bank, &a);
        let retake = score(bank, &b).band;
        let true_leaning = model.true_leaning(&p, &effects);
        for part in &mut partial {
            // The first `answered` of the questions, or a random choice of
            // them; the rest left unanswered.
            let mut order: Vec<usize> = (0..n_items).collect();
            if !part.in_order {
                for i in (1..n_items).rev() {
                    order.swap(i, mask_rng.below(i + 1));
                }
            }
            let kept: Answers = order[..part.answered]
                .iter()
                .filter_map(|&i| {
                    let id = bank.items[i].id();
                    a.get(id).map(|r| (id.clone(), r.clone()))
                })
                .collect();
            let s = score(bank, &kept);
            let l = &mut part.levels[level_index(s.confidence.level)];
            l.count += 1;
            l.retake_agreement += f64::from(u8::from(s.band == retake));
            l.band_accuracy += f64::from(u8::from(s.band == Band::from_leaning(true_leaning)));
            l.stated += s.confidence.retake;
        }
        first.push(first_score);
        second.push(retake);
        truth.push(true_leaning);
        sheets.push(a);
        persons.push(p);
    }
    partial
        .iter_mut()
        .flat_map(|p| p.levels.iter_mut())
        .for_each(LevelReport::average);

    let dimensions = bank
        .dimensions
        .iter()
        .enumerate()
        .map(|(di, d)| {
            let items: Vec<&super::bank::LikertItem> = bank
                .items
                .iter()
                .filter_map(|i| match i {
                    Item::Likert(l) if l.dimension == d.id => Some(l),
                    _ => None,
                })
                .collect();
            let columns: Vec<Vec<f64>> = items
                .iter()
                .map(|l| {
                    sheets
                        .iter()
                        .map(|s| match s.get(&l.id) {
                            Some(Response::Likert(v)) => {
                                let c = f64::from(*v) - 3.0;
                                if l.reverse {
                                    -c
                                } else {
                                    c
                                }
                            }
                            _ => 0.0,
                        })
                        .collect()
                })
                .collect();
            let totals: Vec<f64> = (0..sheets.len())
                .map(|r| columns.iter().map(|c| c[r]).sum())
                .collect();
            let k = columns.len() as f64;
            let alpha = (columns.len() >= 2).then(|| {
                let item_var: f64 = columns.iter().map(|c| variance(c)).sum();
                let total_var = variance(&totals);
                if total_var > 0.0 {
                    k / (k - 1.0) * (1.0 - item_var / total_var)
                } else {
                    0.0
                }
            });
            let item_rest = items
                .iter()
                .zip(&columns)
                .map(|(l, c)| {
                    let rest: Vec<f64> = totals.iter().zip(c).map(|(t, x)| t - x).collect();
                    (l.id.0.clone(), correlation(c, &rest))
                })
                .collect();
            let scores: Vec<f64> = first
                .iter()
                .map(|p| p.dimensions[di].score.unwrap_or(50.0))
                .collect();
            let traits: Vec<f64> = persons.iter().map(|p| p.traits[di]).collect();
            DimensionReport {
                id: d.id.clone(),
                alpha,
                item_rest,
                recovery: correlation(&scores, &traits),
            }
        })
        .collect();

    let leanings: Vec<f64> = first.iter().map(|p| p.leaning).collect();
    let n = respondents.max(1) as f64;
    let same_true = |i: usize| first[i].band == Band::from_leaning(truth[i]);
    let same_retake = |i: usize| first[i].band == second[i];
    let band_accuracy = (0..respondents).filter(|i| same_true(*i)).count() as f64 / n;
    let retake_agreement = (0..respondents).filter(|i| same_retake(*i)).count() as f64 / n;
    let mut levels: [LevelReport; 3] = Default::default();
    for i in 0..respondents {
        let l = &mut levels[level_index(first[i].confidence.level)];
        l.count += 1;
        l.retake_agreement += f64::from(u8::from(same_retake(i)));
        l.band_accuracy += f64::from(u8::from(same_true(i)));
        l.stated += first[i].confidence.retake;
    }
    levels.iter_mut().for_each(LevelReport::average);
    let mut note_rates: Vec<(&'static str, f64)> = Vec::new();
    for p in &first {
        let mut seen: Vec<&'static str> = Vec::new();
        for note in &p.confidence.notes {
            let name = note_name(note);
            if !seen.contains(&name) {
                seen.push(name);
            }
        }
        for name in seen {
            match note_rates.iter_mut().find(|(x, _)| *x == name) {
                Some(e) => e.1 += 1.0 / n,
                None => note_rates.push((name, 1.0 / n)),
            }
        }
    }
    sort_by(&mut note_rates, |a, b| a.0.cmp(b.0));

    let style_n = (respondents / 4).max(50);
    let styles = patterned(bank, &model, style_n, &mut rng);
    Report {
        respondents,
        items: n_items,
        dimensions,
        leaning_recovery: correlation(&leanings, &truth),
        band_accuracy,
        retake_agreement,
        levels,
        note_rates,
        styles,
        partial,
    }
}

/// Sheets that follow a pattern instead of the person: uniformly random
/// answers; one answer to every statement (with random scenario choices);
/// mostly the middle answer; a model person who agrees one step more with
/// everything.
fn patterned(bank: &Bank, model: &Model, n: usize, rng: &mut Rng) -> Vec<StyleReport> {
    let random_choice = |item: &Item, rng: &mut Rng| -> Response {
        match item {
            Item::Likert(_) => Response::Likert(rng.below(5) as u8 + 1),
            Item::Scenario(s) => Response::Choice(s.options[rng.below(s.options.len())].id.clone()),
        }
    };
    let mut out = Vec::new();
    for name in [
        "random",
        "straight-line",
        "midpoint",
        "agree with everything",
    ] {
        let mut report = StyleReport {
            name,
            count: n,
            ..StyleReport::default()
        };
        for _ in 0..n {
            let value = rng.below(5) as u8 + 1;
            let answers: Answers = match name {
                "random" => bank
                    .items
                    .iter()
                    .map(|i| (i.id().clone(), random_choice(i, rng)))
                    .collect(),
                "straight-line" => bank
                    .items
                    .iter()
                    .map(|i| {
                        let r = match i {
                            Item::Likert(_) => Response::Likert(value),
                            _ => random_choice(i, rng),
                        };
                        (i.id().clone(), r)
                    })
                    .collect(),
                "midpoint" => {
                    let p = model.person(rng);
                    let mut a = model.answer(&p, rng);
                    for r in a.values_mut() {
                        if matches!(r, Response::Likert(_)) && rng.uniform() < 0.7 {
                            *r = Response::Likert(3);
                        }
                    }
                    a
                }
                _ => {
                    let p = model.person(rng);
                    let mut a = model.answer(&p, rng);
                    for r in a.values_mut() {
                        if let Response::Likert(v) = r {
                            *v = (*v + 2).min(5);
                        }
                    }
                    a
                }
            };
            let profile = score(bank, &answers);
            report.levels[level_index(profile.confidence.level)] += 1.0 / n as f64;
            if profile
                .confidence
                .notes
                .iter()
                .any(ConfidenceNote::is_style)
            {
                report.flagged += 1.0 / n as f64;
            }
        }
        out.push(report);
    }
    out
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "{} simulated respondents, each answering twice (model: docs/validity.md)",
            self.respondents
        )?;
        writeln!(f, "\nper topic: Cronbach's alpha, recovery r (score vs simulated trait), item-rest correlations")?;
        for d in &self.dimensions {
            let items: Vec<String> = d
                .item_rest
                .iter()
                .map(|(id, r)| format!("{id} {r_2}", r_2 = crate::core::text::fixed(*r, 2)))
                .collect();
            writeln!(
                f,
                "  {:<24} alpha {}  r {}  | {}",
                d.id.as_str(),
                d.alpha
                    .map_or("  -  ".to_owned(), |a| crate::core::text::fixed(a, 2)),
                crate::core::text::fixed(d.recovery, 2),
                items.join(", ")
            )?;
        }
        writeln!(
            f,
            "\nleaning recovery r (vs true leaning): {}",
            crate::core::text::fixed(self.leaning_recovery, 3)
        )?;
        writeln!(
            f,
            "band accuracy (vs true band): {} %",
            crate::core::text::fixed(100.0 * self.band_accuracy, 1)
        )?;
        writeln!(
            f,
            "retake band agreement: {} %",
            crate::core::text::fixed(100.0 * self.retake_agreement, 1)
        )?;
        writeln!(f, "\nby confidence level: share of people, stated retake chance, retake agreement, band accuracy")?;
        write_levels(f, "  ", &self.levels, self.respondents)?;
        writeln!(f, "\nnotes among model respondents:")?;
        for (name, r) in &self.note_rates {
            writeln!(f, "  {name:<22} {:>5.1} %", 100.0 * r)?;
        }
        writeln!(
            f,
            "\npatterned sheets: share at low / medium / high, share flagged"
        )?;
        for s in &self.styles {
            writeln!(
                f,
                "  {:<22} {:>5.1} / {:>5.1} / {:>5.1} %  flagged {:>5.1} %  (n = {})",
                s.name,
                100.0 * s.levels[0],
                100.0 * s.levels[1],
                100.0 * s.levels[2],
                100.0 * s.flagged,
                s.count
            )?;
        }
        writeln!(
            f,
            "\npartial sheets (the same people, some questions answered):\n  share of people, stated retake chance, agreement with a whole retake, band accuracy"
        )?;
        for p in &self.partial {
            writeln!(
                f,
                "  {} of {} answered, {}",
                p.answered,
                self.items,
                if p.in_order {
                    "the first ones (stopped there)"
                } else {
                    "chosen at random"
                }
            )?;
            write_levels(f, "    ", &p.levels, self.respondents)?;
        }
        Ok(())
    }
}
