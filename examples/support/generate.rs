//! Generated participants for benchmarks, tests and the documented example
//! cohort: each person has a latent leaning and a latent level per
//! dimension, answers every statement as that level plus noise (so the
//! scales hang together as real ones do), picks scenario options that fit,
//! skips now and then, and carries an anonymous id; some take it twice.
//! Deterministic: the same seed gives the same people.

#![allow(dead_code)]

use crossroads::core::anon::RespondentId;
use crossroads::core::bank::{Bank, Item, Track};
use crossroads::core::result_file::ResultFile;
use crossroads::core::score::Response;
use crossroads::core::session::Session;

/// xorshift64* with a Box–Muller normal.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
    pub fn normal(&mut self) -> f64 {
        let u = self.unit().max(1e-12);
        let v = self.unit();
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
}

/// A person: latent levels per dimension (bank order) and an id.
pub struct Person {
    pub id: RespondentId,
    pub levels: Vec<f64>,
}

pub fn person(bank: &Bank, rng: &mut Rng) -> Person {
    // Leaning toward management (+) or technical (−).
    let lean = rng.normal();
    let levels = bank
        .dimensions
        .iter()
        .map(|d| {
            let sign = if d.track == Track::Management {
                1.0
            } else {
                -1.0
            };
            0.7 * sign * lean + 0.7 * rng.normal()
        })
        .collect();
    let mut bytes = [0u8; 16];
    for chunk in bytes.chunks_mut(8) {
        chunk.copy_from_slice(&rng.next_u64().to_be_bytes()[..chunk.len()]);
    }
    Person {
        id: RespondentId::from_bytes(bytes),
        levels,
    }
}

/// One attempt by `p`, saved at `when`.
pub fn attempt(bank: &Bank, p: &Person, rng: &mut Rng, when: &str) -> ResultFile {
    let mut s = Session::new(bank, when);
    let level = |dim: &str| {
        bank.dimensions
            .iter()
            .position(|d| d.id.as_str() == dim)
            .map(|i| p.levels[i])
            .unwrap_or(0.0)
    };
    let skips = rng.below(10) == 0;
    for item in &bank.items {
        if skips && rng.below(20) == 0 {
            continue;
        }
        let r = match item {
            Item::Likert(l) => {
                let x = 3.0 + 1.1 * level(l.dimension.as_str()) + 0.9 * rng.normal();
                let v = x.round().clamp(1.0, 5.0) as u8;
                Response::Likert(if l.reverse { 6 - v } else { v })
            }
            Item::Scenario(sc) => {
                let best = sc
                    .options
                    .iter()
                    .map(|o| {
                        let fit: f64 = o
                            .weights
                            .iter()
                            .map(|(d, w)| f64::from(*w) * level(d.as_str()))
                            .sum();
                        (o, fit + 1.5 * rng.normal())
                    })
                    .max_by(|a, b| a.1.total_cmp(&b.1));
                match best {
                    Some((o, _)) => Response::Choice(o.id.clone()),
                    None => continue,
                }
            }
        };
        s.answers.insert(item.id().clone(), r);
    }
    s.finished = true;
    s.position = bank.items.len().saturating_sub(1);
    ResultFile::new(s).with_respondent(Some(p.id))
}

/// `n` people; every `retake_every`-th also takes it a second time (0: none).
/// Returns the files in order, with a name and a note that exports must
/// never carry.
pub fn cohort(bank: &Bank, n: usize, retake_every: usize, seed: u64) -> Vec<ResultFile> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::with_capacity(n + n / retake_every.max(1));
    for i in 0..n {
        let p = person(bank, &mut rng);
        let mut f = attempt(bank, &p, &mut rng, "2026-09-01T09:00:00Z");
        f.session.display_name = Some(format!("Participant {i}"));
        f.session.notes = format!("private note {i}");
        out.push(f);
        if retake_every > 0 && i % retake_every == 0 {
            let mut g = attempt(bank, &p, &mut rng, "2026-11-28T09:00:00Z");
            g.session.display_name = Some(format!("Participant {i}"));
            out.push(g);
        }
    }
    out
}
