//! Shared by the native tests: the built-in content, parsed once per test
//! binary; one random generator; and the generated people the tests need.

// Each test binary uses a part of this module.
#![allow(dead_code)]

use std::sync::OnceLock;

use crossroads::core::bank::{Bank, DimensionId, Item, Track};
use crossroads::core::career::catalog::Catalog;
use crossroads::core::content::Content;
use crossroads::core::result_file::ResultFile;
use crossroads::core::score::{Answers, Response};
use crossroads::core::session::Session;

/// The built-in content, parsed and validated once.
pub fn content() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| Content::builtin().expect("the built-in content is valid"))
}

/// A copy of the built-in bank.
pub fn bank() -> Bank {
    (*content().bank).clone()
}

/// A copy of the built-in catalog.
pub fn catalog() -> Catalog {
    (*content().catalog).clone()
}

/// SplitMix64: small, fast, and the same sequence everywhere.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, list: &'a [T]) -> &'a T {
        &list[self.below(list.len())]
    }
}

/// A respondent who strongly prefers `track`: agrees with statements that
/// point there, disagrees with the rest, and picks the scenario option that
/// weighs most toward it.
pub fn clear_respondent(bank: &Bank, track: Track) -> Answers {
    let toward = |dim: &DimensionId| -> i32 {
        let d = bank.dimension(dim).expect("known dimension");
        if d.track == track {
            1
        } else {
            -1
        }
    };
    bank.items
        .iter()
        .map(|item| {
            let r = match item {
                Item::Likert(l) => {
                    let agree = (toward(&l.dimension) > 0) != l.reverse;
                    Response::Likert(if agree { 5 } else { 1 })
                }
                Item::Scenario(s) => {
                    let best = s
                        .options
                        .iter()
                        .max_by_key(|o| o.weights.iter().map(|(d, w)| w * toward(d)).sum::<i32>())
                        .expect("options");
                    Response::Choice(best.id.clone())
                }
            };
            (item.id().clone(), r)
        })
        .collect()
}

/// The result file of a [`clear_respondent`] named `name`.
pub fn clear_result(bank: &Bank, track: Track, name: &str) -> String {
    let mut s = Session::new(bank, "2026-11-28");
    s.answers = clear_respondent(bank, track);
    s.display_name = Some(name.to_owned());
    ResultFile::new(s).to_json()
}

/// A random result: some questions skipped, names that try to be markup.
pub fn generated(bank: &Bank, seed: u64) -> ResultFile {
    let mut rng = Rng(seed);
    let mut s = Session::new(bank, "2026-11-28T10:00:00.000Z");
    for item in &bank.items {
        if rng.below(5) == 0 {
            continue; // skipped
        }
        let r = match item {
            Item::Likert(_) => Response::Likert(1 + rng.below(5) as u8),
            Item::Scenario(sc) => Response::Choice(rng.pick(&sc.options).id.clone()),
        };
        s.answers.insert(item.id().clone(), r);
    }
    s.position = rng.below(bank.items.len());
    s.finished = rng.below(2) == 0;
    let name = *rng.pick(&["Ana", "<script>alert(1)</script>", "Zoë \"Z\" O'Neil", ""]);
    s.display_name = (!name.is_empty()).then(|| name.to_owned());
    s.notes = format!("note {seed}\nwith lines & <b>markup</b>");
    ResultFile::new(s)
}
