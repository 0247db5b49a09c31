//! Instrument statistics from a program's own cohort: how consistent each
//! scale is (Cronbach's α with a Feldt 95 % interval), which statements pull
//! against their scale (item–rest correlations), how the scales relate to
//! each other, where a leaning falls within the program's own norms
//! (percentiles), and how stable a result is for people who took the
//! questionnaire twice (paired by the anonymous id result files carry).
//!
//! Everything is computed from the answers and the bank's keying — never
//! from scoring internals — and from running sums, so adding a sheet costs
//! the same however many came before. The one thing that grows is the list
//! kept to pair retakes: 32 bytes per result that carries an anonymous id.
//!
//! Below [`MIN_SHEETS`] a figure is `None`, which the views show as "too
//! few to judge": an α from a handful of people says nothing.

use serde::Serialize;

use super::anon::RespondentId;
use super::bank::{Bank, Item};
use super::result_file::ResultFile;
use super::score::{Answers, Band, Profile, Response};
use crate::core::map::sort_by;

/// Fewer complete answer sheets (or pairs) than this and no figure is given.
pub const MIN_SHEETS: usize = 30;
/// A statement whose item–rest correlation is below this is flagged weak.
pub const WEAK_ITEM_REST: f64 = 0.30;
/// The percentiles reported for the leaning.
pub const PERCENTILES: [u8; 7] = [5, 10, 25, 50, 75, 90, 95];
/// Leanings are counted in bins this wide (points), so percentiles are exact
/// to half of it.
pub const LEANING_STEP: f64 = 0.1;
const LEANING_BINS: usize = 2001;

/// One Likert statement as the statistics see it.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// Index in the bank's items.
    pub index: usize,
    pub item: String,
    pub dimension: String,
    pub reverse: bool,
}

/// The bank's Likert statements, in bank order.
pub fn statements(bank: &Bank) -> Vec<Statement> {
    bank.items
        .iter()
        .enumerate()
        .filter_map(|(index, item)| match item {
            Item::Likert(l) => Some(Statement {
                index,
                item: l.id.to_string(),
                dimension: l.dimension.to_string(),
                reverse: l.reverse,
            }),
            Item::Scenario(_) => None,
        })
        .collect()
}

/// Reads a sheet's keyed answers to the statements in one pass: the
/// answers are kept in item-id order, so walking them beside the
/// statements in that order finds each answer with one comparison, where a
/// search per statement costs several (a cohort does this a million times).
#[derive(Debug, Clone, PartialEq)]
pub struct Keying {
    /// Positions in the statement list, in item-id order.
    by_id: Vec<usize>,
}

impl Keying {
    pub fn new(statements: &[Statement]) -> Self {
        let mut by_id: Vec<usize> = (0..statements.len()).collect();
        sort_by(&mut by_id, |&a, &b| {
            statements[a].item.cmp(&statements[b].item)
        });
        Keying { by_id }
    }

    /// The keyed answer to each of `statements` (those given to
    /// [`Keying::new`]), in their order: what [`keyed`] gives for each.
    pub fn keyed(&self, statements: &[Statement], answers: &Answers) -> Vec<Option<u8>> {
        let mut out = vec![None; statements.len()];
        let mut answers = answers.iter().peekable();
        for &i in &self.by_id {
            let s = &statements[i];
            while answers
                .next_if(|(id, _)| id.as_str() < s.item.as_str())
                .is_some()
            {}
            if let Some((_, r)) = answers.peek().filter(|(id, _)| id.as_str() == s.item) {
                out[i] = keyed(Some(r), s.reverse);
            }
        }
        out
    }
}

/// The answer to a statement after reverse keying (1–5, 5 toward the high
/// pole of its dimension), or `None` when skipped or out of range.
pub fn keyed(response: Option<&Response>, reverse: bool) -> Option<u8> {
    match response {
        Some(Response::Likert(v)) if (1..=5).contains(v) => Some(if reverse { 6 - *v } else { *v }),
        _ => None,
    }
}

/// Cronbach's α of one scale with its Feldt interval.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScaleAlpha {
    pub dimension: String,
    /// `None`: too few complete sheets (or a scale of fewer than two
    /// statements, or no variance at all).
    pub alpha: Option<f64>,
    /// Complete answer sheets for this scale: every statement answered.
    pub n: usize,
    /// Statements in the scale.
    pub items: usize,
    /// Feldt's 95 % interval.
    pub low: Option<f64>,
    pub high: Option<f64>,
}

/// One statement's correlation with the rest of its scale.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemRest {
    pub item: String,
    pub dimension: String,
    pub r: Option<f64>,
    /// Below [`WEAK_ITEM_REST`].
    pub weak: bool,
}

/// The correlation of two dimensions' scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionPair {
    pub a: String,
    pub b: String,
    pub r: Option<f64>,
    pub n: usize,
}

/// Where leanings fall in this cohort.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeaningNorms {
    pub n: usize,
    /// `(percentile, leaning)`; empty when too few.
    pub percentiles: Vec<(u8, f64)>,
    /// Counts per 20-point range from −100 (technical) to +100.
    pub histogram: Vec<(i32, usize)>,
}

/// Results of people who took it twice.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Retakes {
    /// People with two results (first and second attempt, by date).
    pub pairs: usize,
    /// Pearson correlation of the two leanings.
    pub r: Option<f64>,
    /// Share of pairs in the same band both times, 0–1.
    pub band_agreement: Option<f64>,
}

/// Everything above, for the summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Instrument {
    pub item_rest: Vec<ItemRest>,
    pub dimension_correlations: Vec<DimensionPair>,
    pub leaning: LeaningNorms,
    pub retakes: Retakes,
}

/// Sums for a Pearson correlation, over pairs where both values exist.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct PairSums {
    n: usize,
    x: f64,
    y: f64,
    xx: f64,
    yy: f64,
    xy: f64,
}

impl PairSums {
    fn add(&mut self, x: f64, y: f64) {
        self.n += 1;
        self.x += x;
        self.y += y;
        self.xx += x * x;
        self.yy += y * y;
        self.xy += x * y;
    }

    fn r(&self) -> Option<f64> {
        if self.n < MIN_SHEETS {
            return None;
        }
        let n = self.n as f64;
        let cov = self.xy - self.x * self.y / n;
        let vx = self.xx - self.x * self.x / n;
        let vy = self.yy - self.y * self.y / n;
        (vx > 0.0 && vy > 0.0).then(|| (cov / (vx * vy).sqrt()).clamp(-1.0, 1.0))
    }
}

/// Running sums for one scale over its complete sheets: item sums and the
/// cross-products of every pair, from which the covariance matrix follows.
#[derive(Debug, Clone)]
struct Scale {
    dimension: String,
    /// Indices into [`Reliability::statements`].
    members: Vec<usize>,
    n: usize,
    sum: Vec<f64>,
    cross: Vec<f64>,
}

impl Scale {
    fn k(&self) -> usize {
        self.members.len()
    }

    /// The sample covariance matrix (row-major), when there are two sheets.
    fn covariance(&self) -> Option<Vec<f64>> {
        let k = self.k();
        if self.n < 2 {
            return None;
        }
        let n = self.n as f64;
        let mut c = vec![0.0; k * k];
        for i in 0..k {
            for j in 0..k {
                c[i * k + j] = (self.cross[i * k + j] - self.sum[i] * self.sum[j] / n) / (n - 1.0);
            }
        }
        Some(c)
    }

    fn alpha(&self) -> ScaleAlpha {
        let k = self.k();
        let mut out = ScaleAlpha {
            dimension: self.dimension.clone(),
            alpha: None,
            n: self.n,
            items: k,
            low: None,
            high: None,
        };
        if self.n < MIN_SHEETS || k < 2 {
            return out;
        }
        let Some(c) = self.covariance() else {
            return out;
        };
        out.alpha = cronbach_alpha_from_covariance(&c, k);
        if let Some(a) = out.alpha {
            if let Some((low, high)) = feldt_interval(a, self.n, k, 0.95) {
                out.low = Some(low);
                out.high = Some(high);
            }
        }
        out
    }

    fn item_rest(&self, statements: &[Statement]) -> Vec<ItemRest> {
        let k = self.k();
        let c = (self.n >= MIN_SHEETS && k >= 2)
            .then(|| self.covariance())
            .flatten();
        (0..k)
            .map(|i| {
                let r = c.as_ref().and_then(|c| {
                    let var_i = c[i * k + i];
                    let cov: f64 = (0..k).filter(|&j| j != i).map(|j| c[i * k + j]).sum();
                    let var_rest: f64 = (0..k)
                        .filter(|&j| j != i)
                        .flat_map(|j| (0..k).filter(move |&l| l != i).map(move |l| (j, l)))
                        .map(|(j, l)| c[j * k + l])
                        .sum();
                    (var_i > 0.0 && var_rest > 0.0)
                        .then(|| (cov / (var_i * var_rest).sqrt()).clamp(-1.0, 1.0))
                });
                let s = &statements[self.members[i]];
                ItemRest {
                    item: s.item.clone(),
                    dimension: s.dimension.clone(),
                    r,
                    weak: r.is_some_and(|r| r < WEAK_ITEM_REST),
                }
            })
            .collect()
    }
}

/// Cronbach's α from a k × k covariance matrix (row-major):
/// k/(k−1) · (1 − Σ item variances / variance of the total).
pub fn cronbach_alpha_from_covariance(c: &[f64], k: usize) -> Option<f64> {
    if k < 2 || c.len() != k * k {
        return None;
    }
    let items: f64 = (0..k).map(|i| c[i * k + i]).sum();
    let total: f64 = c.iter().sum();
    (total > 0.0).then(|| k as f64 / (k as f64 - 1.0) * (1.0 - items / total))
}

/// Cronbach's α of complete rows (people × items). `None` when there are
/// fewer than two rows or items, rows of unequal length, or no variance.
pub fn cronbach_alpha(rows: &[Vec<f64>]) -> Option<f64> {
    let k = rows.first()?.len();
    if rows.len() < 2 || rows.iter().any(|r| r.len() != k) {
        return None;
    }
    let n = rows.len() as f64;
    let mean: Vec<f64> = (0..k)
        .map(|i| rows.iter().map(|r| r[i]).sum::<f64>() / n)
        .collect();
    let mut c = vec![0.0; k * k];
    for i in 0..k {
        for j in 0..k {
            c[i * k + j] = rows
                .iter()
                .map(|r| (r[i] - mean[i]) * (r[j] - mean[j]))
                .sum::<f64>()
                / (n - 1.0);
        }
    }
    cronbach_alpha_from_covariance(&c, k)
}

/// Feldt's interval for α from `n` people and `k` items (Feldt, Woodruff &
/// Salih 1987, formulas 6 and 7): (1 − α)/(1 − ᾱ) follows an F distribution
/// with n − 1 and (n − 1)(k − 1) degrees of freedom.
pub fn feldt_interval(alpha: f64, n: usize, k: usize, level: f64) -> Option<(f64, f64)> {
    if n < 2 || k < 2 || !(0.0..1.0).contains(&level) || !alpha.is_finite() {
        return None;
    }
    let d1 = n as f64 - 1.0;
    let d2 = d1 * (k as f64 - 1.0);
    let tail = (1.0 - level) / 2.0;
    let upper_f = f_quantile(1.0 - tail, d1, d2)?;
    let lower_f = f_quantile(tail, d1, d2)?;
    Some((1.0 - (1.0 - alpha) * upper_f, 1.0 - (1.0 - alpha) * lower_f))
}

/// The `p` quantile of the F distribution with `d1`, `d2` degrees of freedom,
/// by bisection on the regularized incomplete beta function. Degrees of
/// freedom below 1 (which no count of people or statements gives) have
/// none.
pub fn f_quantile(p: f64, d1: f64, d2: f64) -> Option<f64> {
    if !(p > 0.0 && p < 1.0 && d1 >= 1.0 && d2 >= 1.0) {
        return None;
    }
    let (a, b) = (d1 / 2.0, d2 / 2.0);
    // F ≤ x  ⇔  t = d1·x / (d1·x + d2) ≤ t(x); the CDF is I_t(a, b).
    let (mut lo, mut hi) = (0.0_f64, 1.0_f64);
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi {
            break;
        }
        if incomplete_beta(a, b, mid)? < p {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let t = 0.5 * (lo + hi);
    (t < 1.0).then(|| d2 * t / (d1 * (1.0 - t)))
}

/// The regularized incomplete beta function I_x(a, b), by its continued
/// fraction (modified Lentz), using the symmetry relation where that
/// converges faster.
fn incomplete_beta(a: f64, b: f64, x: f64) -> Option<f64> {
    if x <= 0.0 {
        return Some(0.0);
    }
    if x >= 1.0 {
        return Some(1.0);
    }
    let front =
        (ln_gamma(a + b) - ln_gamma(a) - ln_gamma(b) + a * x.ln() + b * (1.0 - x).ln()).exp();
    if x < (a + 1.0) / (a + b + 2.0) {
        Some(front * beta_fraction(a, b, x)? / a)
    } else {
        Some(1.0 - front * beta_fraction(b, a, 1.0 - x)? / b)
    }
}

fn beta_fraction(a: f64, b: f64, x: f64) -> Option<f64> {
    let (qab, qap, qam) = (a + b, a + 1.0, a - 1.0);
    let mut c = 1.0;
    let mut d = 1.0 / away_from_zero(1.0 - qab * x / qap);
    let mut h = d;
    // One step of the modified Lentz method: folds the coefficient `aa`
    // into `c` and `d` and returns the factor it multiplies the fraction by.
    let mut step = |aa: f64| -> f64 {
        d = 1.0 / away_from_zero(1.0 + aa * d);
        c = away_from_zero(1.0 + aa / c);
        d * c
    };
    for m in 1..200_000 {
        let m = f64::from(m);
        let m2 = 2.0 * m;
        h *= step(m * (b - m) * x / ((qam + m2) * (a + m2)));
        let del = step(-(a + m) * (qab + m) * x / ((a + m2) * (qap + m2)));
        h *= del;
        if (del - 1.0).abs() < 1e-15 {
            return Some(h);
        }
    }
    None
}

/// Keeps a Lentz term off zero, where the next division would blow up.
fn away_from_zero(v: f64) -> f64 {
    const TINY: f64 = 1e-300;
    if v.abs() < TINY {
        TINY
    } else {
        v
    }
}

/// ln Γ(x) for x ≥ 0.5 (Lanczos, g = 7, nine coefficients; ~15 digits):
/// the F distribution's arguments are halves of degrees of freedom of at
/// least 1. Below 0.5 the formula needs the reflection through sin(πx),
/// whose argument reduction was most of this function's 6 KB of code on
/// the cohort page.
fn ln_gamma(x: f64) -> f64 {
    const G: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    let x = x - 1.0;
    let mut sum = G[0];
    for (i, g) in G.iter().enumerate().skip(1) {
        sum += g / (x + i as f64);
    }
    let t = x + 7.5;
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + sum.ln()
}

/// One attempt, kept to pair retakes.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Attempt {
    id: RespondentId,
    /// The file's last-saved time as digits (YYYYMMDDhhmmss…), 0 if none.
    when: u64,
    leaning: f32,
    band: Band,
}

/// The running statistics.
#[derive(Debug, Clone)]
pub struct Reliability {
    statements: Vec<Statement>,
    keying: Keying,
    scales: Vec<Scale>,
    dimensions: Vec<String>,
    /// Upper triangle, row-major: (0,1), (0,2), … (1,2), …
    dim_pairs: Vec<PairSums>,
    leaning_bins: Vec<usize>,
    leanings: usize,
    attempts: Vec<Attempt>,
}

impl Reliability {
    pub fn new(bank: &Bank) -> Self {
        let statements = statements(bank);
        let scales = bank
            .dimensions
            .iter()
            .map(|d| {
                let members: Vec<usize> = statements
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s.dimension == d.id.as_str())
                    .map(|(i, _)| i)
                    .collect();
                let k = members.len();
                Scale {
                    dimension: d.id.to_string(),
                    members,
                    n: 0,
                    sum: vec![0.0; k],
                    cross: vec![0.0; k * k],
                }
            })
            .collect();
        let d = bank.dimensions.len();
        Reliability {
            keying: Keying::new(&statements),
            statements,
            scales,
            dimensions: bank.dimensions.iter().map(|d| d.id.to_string()).collect(),
            dim_pairs: vec![PairSums::default(); d * d.saturating_sub(1) / 2],
            leaning_bins: vec![0; LEANING_BINS],
            leanings: 0,
            attempts: Vec::new(),
        }
    }

    /// Adds one scored result.
    pub fn add(&mut self, file: &ResultFile, profile: &Profile) {
        let keyed_values = self.keying.keyed(&self.statements, &file.session.answers);
        for scale in &mut self.scales {
            let k = scale.k();
            let values: Option<Vec<f64>> = scale
                .members
                .iter()
                // Centred on the neutral point, so the sums stay small.
                .map(|&m| keyed_values[m].map(|v| f64::from(v) - 3.0))
                .collect();
            let Some(values) = values else { continue };
            if k == 0 {
                continue;
            }
            scale.n += 1;
            for i in 0..k {
                scale.sum[i] += values[i];
                for j in 0..k {
                    scale.cross[i * k + j] += values[i] * values[j];
                }
            }
        }
        let d = self.dimensions.len();
        let scores: Vec<Option<f64>> = (0..d)
            .map(|i| profile.dimensions.get(i).and_then(|s| s.score))
            .collect();
        let mut p = 0;
        for i in 0..d {
            for j in i + 1..d {
                if let (Some(x), Some(y)) = (scores[i], scores[j]) {
                    self.dim_pairs[p].add(x - 50.0, y - 50.0);
                }
                p += 1;
            }
        }
        if profile.leaning.is_finite() {
            self.leaning_bins[leaning_bin(profile.leaning)] += 1;
            self.leanings += 1;
        }
        if let Some(id) = file.respondent {
            let when = file
                .session
                .updated
                .as_deref()
                .or(file.session.started.as_deref())
                .map(time_digits)
                .unwrap_or(0);
            self.attempts.push(Attempt {
                id,
                when,
                leaning: profile.leaning as f32,
                band: profile.band,
            });
        }
    }

    /// α per dimension, in bank order.
    pub fn alphas(&self) -> Vec<ScaleAlpha> {
        self.scales.iter().map(Scale::alpha).collect()
    }

    /// The other statistics.
    pub fn instrument(&self) -> Instrument {
        let item_rest = self
            .scales
            .iter()
            .flat_map(|s| s.item_rest(&self.statements))
            .collect();
        let d = self.dimensions.len();
        let mut dimension_correlations = Vec::new();
        let mut p = 0;
        for i in 0..d {
            for j in i + 1..d {
                let sums = &self.dim_pairs[p];
                dimension_correlations.push(DimensionPair {
                    a: self.dimensions[i].clone(),
                    b: self.dimensions[j].clone(),
                    r: sums.r(),
                    n: sums.n,
                });
                p += 1;
            }
        }
        Instrument {
            item_rest,
            dimension_correlations,
            leaning: self.norms(),
            retakes: self.retakes(),
        }
    }

    fn norms(&self) -> LeaningNorms {
        let percentiles = if self.leanings < MIN_SHEETS {
            Vec::new()
        } else {
            PERCENTILES
                .iter()
                .map(|&p| (p, self.leaning_at(p)))
                .collect()
        };
        let mut histogram: Vec<(i32, usize)> = (0..10).map(|i| (-100 + 20 * i, 0)).collect();
        for (bin, count) in self.leaning_bins.iter().enumerate() {
            let value = bin_value(bin);
            let slot = (((value + 100.0) / 20.0).floor() as usize).min(9);
            histogram[slot].1 += count;
        }
        LeaningNorms {
            n: self.leanings,
            percentiles,
            histogram,
        }
    }

    /// The nearest-rank percentile: the smallest leaning with at least
    /// p % of the cohort at or below it.
    fn leaning_at(&self, p: u8) -> f64 {
        let rank = ((f64::from(p) / 100.0 * self.leanings as f64).ceil() as usize).max(1);
        let mut seen = 0;
        for (bin, count) in self.leaning_bins.iter().enumerate() {
            seen += count;
            if seen >= rank {
                return bin_value(bin);
            }
        }
        100.0
    }

    /// The share of this cohort (0–100) with a lower leaning, counting half
    /// of those level with it; `None` when too few to judge.
    pub fn percentile_rank(&self, leaning: f64) -> Option<f64> {
        if self.leanings < MIN_SHEETS || !leaning.is_finite() {
            return None;
        }
        let bin = leaning_bin(leaning);
        let below: usize = self.leaning_bins[..bin].iter().sum();
        let level = self.leaning_bins[bin] as f64;
        Some(100.0 * (below as f64 + level / 2.0) / self.leanings as f64)
    }

    fn retakes(&self) -> Retakes {
        let mut attempts = self.attempts.clone();
        sort_by(&mut attempts, |a, b| {
            a.id.cmp(&b.id).then(a.when.cmp(&b.when))
        });
        let mut sums = PairSums::default();
        let mut same_band = 0;
        let mut i = 0;
        while i < attempts.len() {
            let first = attempts[i];
            let mut j = i + 1;
            // The second attempt is the next one saved at another time (the
            // same file twice is not a retake).
            let second = attempts[j..]
                .iter()
                .take_while(|a| a.id == first.id)
                .find(|a| a.when != first.when);
            if let Some(second) = second {
                sums.add(f64::from(first.leaning), f64::from(second.leaning));
                same_band += usize::from(first.band == second.band);
            }
            while j < attempts.len() && attempts[j].id == first.id {
                j += 1;
            }
            i = j;
        }
        let enough = sums.n >= MIN_SHEETS;
        Retakes {
            pairs: sums.n,
            r: sums.r(),
            band_agreement: enough.then(|| same_band as f64 / sums.n as f64),
        }
    }
}

fn leaning_bin(leaning: f64) -> usize {
    let scaled = ((leaning.clamp(-100.0, 100.0) + 100.0) / LEANING_STEP).round();
    (scaled as usize).min(LEANING_BINS - 1)
}

fn bin_value(bin: usize) -> f64 {
    // Rounded to the step so 0.1 × 3 prints as 0.3.
    ((bin as f64 * LEANING_STEP - 100.0) * 10.0).round() / 10.0
}

/// The digits of an ISO-8601 time, as a number that sorts like the time.
fn time_digits(text: &str) -> u64 {
    let mut out: u64 = 0;
    let mut count = 0;
    for c in text.chars() {
        if let Some(d) = c.to_digit(10) {
            if count == 17 {
                break;
            }
            out = out * 10 + u64::from(d);
            count += 1;
        }
    }
    // Pad so "2026-11-28" and "2026-11-28T09:00" compare as times.
    while count < 17 {
        out *= 10;
        count += 1;
    }
    out
}
