//! Writing rules for a questionnaire, checked as warnings (a bank that
//! breaks them still works): each statement states one idea in plain words,
//! without comparing two activities; reverse-keyed statements state the low
//! end as a positive sentence; keying is balanced; every answer can move the
//! leaning about as much as any other; and the whole takes 10–15 minutes.
//! The shipped bank is held to them by tests; a program's own bank gets
//! them as warnings in `crossroads check` and on the deployment-check page.

use super::bank::{Bank, Item};
use super::problems::Problem;
use super::score::leverage;
use crate::core::map::sort_by;

/// A statement's length in words, inclusive.
pub const WORDS: (usize, usize) = (8, 18);
/// The highest Flesch–Kincaid reading grade for any question text.
pub const MAX_GRADE: f64 = 9.0;
/// Every answer's leverage on the leaning lies within this share of the
/// typical (median) leverage.
pub const LEVERAGE_TOLERANCE: f64 = 0.10;
/// The number of questions, inclusive, that takes 10–15 minutes.
pub const QUESTIONS: (usize, usize) = (60, 72);

/// The words of `text`: runs of non-space characters holding a letter or
/// digit.
pub fn words(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect()
}

/// Syllables in one word by a simple rule: groups of vowels (y counts),
/// less a silent final e (but not -le), at least one.
pub fn syllables(word: &str) -> usize {
    let w: Vec<char> = word
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if w.is_empty() {
        return 0;
    }
    let vowel = |c: char| "aeiouy".contains(c);
    let mut groups = 0;
    let mut previous = false;
    for &c in &w {
        let v = vowel(c);
        if v && !previous {
            groups += 1;
        }
        previous = v;
    }
    let n = w.len();
    if groups > 1 && w[n - 1] == 'e' && !(n >= 2 && w[n - 2] == 'l') {
        groups -= 1;
    }
    groups.max(1)
}

/// The Flesch–Kincaid grade of `text`: 0.39 × words per sentence + 11.8 ×
/// syllables per word − 15.59.
pub fn grade(text: &str) -> f64 {
    let ws = words(text);
    if ws.is_empty() {
        return 0.0;
    }
    let sentences = text
        .split(['.', '!', '?'])
        .filter(|s| s.chars().any(char::is_alphanumeric))
        .count()
        .max(1);
    let syl: usize = ws.iter().map(|w| syllables(w)).sum();
    0.39 * ws.len() as f64 / sentences as f64 + 11.8 * syl as f64 / ws.len() as f64 - 15.59
}

/// Lower-case words with their punctuation trimmed (apostrophes kept).
fn plain_words(text: &str) -> Vec<String> {
    words(text)
        .iter()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .to_ascii_lowercase()
                .replace('’', "'")
        })
        .collect()
}

const NEGATIONS: [&str; 8] = [
    "not", "no", "never", "nothing", "nobody", "none", "neither", "nor",
];

/// Every way `bank` departs from the writing rules, each with its JSON
/// path.
pub fn warnings(bank: &Bank, file: &str) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut w = |path: String, msg: String| out.push(Problem::new(file, path, msg));
    let n = bank.items.len();
    if !(QUESTIONS.0..=QUESTIONS.1).contains(&n) {
        w(
            "items".into(),
            format!(
                "{n} questions; {}–{} keep the questionnaire to 10–15 minutes",
                QUESTIONS.0, QUESTIONS.1
            ),
        );
    }
    for (i, item) in bank.items.iter().enumerate() {
        let at = format!("items[{i}].text");
        let text = item.text();
        let g = grade(text);
        if g > MAX_GRADE {
            w(
                at.clone(),
                format!(
                    "reading grade {g_1} is above {MAX_GRADE_0}: use shorter words",
                    g_1 = crate::core::text::fixed(g, 1),
                    MAX_GRADE_0 = crate::core::text::fixed(MAX_GRADE, 0)
                ),
            );
        }
        match item {
            Item::Likert(l) => {
                let count = words(text).len();
                if !(WORDS.0..=WORDS.1).contains(&count) {
                    w(
                        at.clone(),
                        format!(
                            "the statement has {count} words; keep it to {}–{}",
                            WORDS.0, WORDS.1
                        ),
                    );
                }
                let plain = plain_words(text);
                for (word, why) in [
                    (
                        "than",
                        "compares two things (\"than\"): state one preference",
                    ),
                    (
                        "rather",
                        "compares two things (\"rather\"): state one preference",
                    ),
                    ("and", "joins two ideas with \"and\": keep to one idea"),
                ] {
                    if plain.iter().any(|p| p == word) {
                        w(at.clone(), why.into());
                    }
                }
                if l.reverse {
                    if let Some(neg) = plain
                        .iter()
                        .find(|p| NEGATIONS.contains(&p.as_str()) || p.ends_with("n't"))
                    {
                        w(
                            at.clone(),
                            format!("the reverse-keyed statement uses a negation (\"{neg}\"): state the low end as a positive sentence"),
                        );
                    }
                }
            }
            Item::Scenario(s) => {
                for (j, o) in s.options.iter().enumerate() {
                    let g = grade(&o.text);
                    if g > MAX_GRADE {
                        w(
                            format!("items[{i}].options[{j}].text"),
                            format!(
                                "reading grade {g_1} is above {MAX_GRADE_0}: use shorter words",
                                g_1 = crate::core::text::fixed(g, 1),
                                MAX_GRADE_0 = crate::core::text::fixed(MAX_GRADE, 0)
                            ),
                        );
                    }
                }
            }
        }
    }
    for (i, d) in bank.dimensions.iter().enumerate() {
        let (mut forward, mut reverse) = (0usize, 0usize);
        for item in &bank.items {
            if let Item::Likert(l) = item {
                if l.dimension == d.id {
                    if l.reverse {
                        reverse += 1;
                    } else {
                        forward += 1;
                    }
                }
            }
        }
        if forward.abs_diff(reverse) > 1 {
            w(
                format!("dimensions[{i}]"),
                format!("\"{}\" has {forward} forward and {reverse} reverse-keyed statements; balance them", d.id),
            );
        }
    }
    let lev: Vec<(usize, f64)> = leverage(bank)
        .into_iter()
        .enumerate()
        .filter(|(_, (_, l))| *l > 0.0)
        .map(|(i, (_, l))| (i, l))
        .collect();
    if !lev.is_empty() {
        let mut sorted: Vec<f64> = lev.iter().map(|(_, l)| *l).collect();
        sort_by(&mut sorted, f64::total_cmp);
        let typical = sorted[sorted.len() / 2];
        for (i, l) in lev {
            if (l - typical).abs() > LEVERAGE_TOLERANCE * typical {
                w(
                    format!("items[{i}]"),
                    format!(
                        "one answer moves the leaning by up to {l_2} points, against a typical {typical_2}: more than {} % apart",
                        crate::core::text::fixed(100.0 * LEVERAGE_TOLERANCE, 0), l_2 = crate::core::text::fixed(l, 2), typical_2 = crate::core::text::fixed(typical, 2)
                    ),
                );
            }
        }
    }
    out
}
