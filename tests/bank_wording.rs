//! The writing rules of bank 2.0, held on the shipped bank one by one (so a
//! failure names the rule), and shown to catch the 1.0.0 bank that broke
//! them.

use crossroads::core::bank::{Bank, Item, Track};
use crossroads::core::content::Content;
use crossroads::core::score::leverage;
use crossroads::core::wording::{
    grade, syllables, warnings, words, LEVERAGE_TOLERANCE, MAX_GRADE, QUESTIONS, WORDS,
};

fn bank() -> Bank {
    (*Content::builtin().expect("shipped bank is valid").bank).clone()
}

fn statements(bank: &Bank) -> Vec<&crossroads::core::bank::LikertItem> {
    bank.items
        .iter()
        .filter_map(|i| match i {
            Item::Likert(l) => Some(l),
            _ => None,
        })
        .collect()
}

fn lower(text: &str) -> String {
    format!(
        " {} ",
        text.to_ascii_lowercase().replace([',', '.', ';', ':'], " ")
    )
}

#[test]
fn the_syllable_and_grade_heuristics_behave() {
    for (word, n) in [
        ("cat", 1),
        ("make", 1),
        ("table", 2),
        ("technology", 4),
        ("certifications", 5),
        ("I'm", 1),
        ("hands-on", 2),
    ] {
        assert_eq!(syllables(word), n, "{word}");
    }
    assert!(grade("I like my cat.") < 2.0);
    assert!(grade("Organizational certifications necessitate comprehensive documentation.") > 15.0);
    assert_eq!(words("Hands-on fixing — fun, too.").len(), 4);
}

#[test]
fn every_statement_has_8_to_18_words() {
    for l in statements(&bank()) {
        let n = words(&l.text).len();
        assert!((WORDS.0..=WORDS.1).contains(&n), "{}: {n} words", l.id);
    }
}

#[test]
fn no_statement_compares_or_joins_two_ideas() {
    for l in statements(&bank()) {
        let t = lower(&l.text);
        for banned in [" than ", " rather ", " and "] {
            assert!(!t.contains(banned), "{}: {banned:?} in {:?}", l.id, l.text);
        }
    }
}

#[test]
fn every_question_reads_at_grade_9_or_below() {
    let bank = bank();
    for item in &bank.items {
        let g = grade(item.text());
        assert!(g <= MAX_GRADE, "{}: grade {g:.1}", item.id());
        if let Item::Scenario(s) = item {
            for o in &s.options {
                let g = grade(&o.text);
                assert!(g <= MAX_GRADE, "{} {}: grade {g:.1}", s.id, o.id);
            }
        }
    }
}

#[test]
fn reverse_keyed_statements_are_positive_sentences() {
    for l in statements(&bank()).into_iter().filter(|l| l.reverse) {
        let t = lower(&l.text);
        for neg in [" not ", "n't ", " never ", " no ", " nothing ", " nobody "] {
            assert!(!t.contains(neg), "{}: negation {neg:?}", l.id);
        }
    }
}

#[test]
fn keying_is_balanced_in_every_topic() {
    let bank = bank();
    for d in &bank.dimensions {
        let s: Vec<_> = statements(&bank)
            .into_iter()
            .filter(|l| l.dimension == d.id)
            .collect();
        let reversed = s.iter().filter(|l| l.reverse).count();
        assert_eq!(2 * reversed, s.len(), "{}", d.id);
    }
}

#[test]
fn every_answer_has_equal_leverage_on_the_leaning() {
    let bank = bank();
    let lev = leverage(&bank);
    let counted: Vec<f64> = lev.iter().map(|(_, l)| *l).filter(|l| *l > 0.0).collect();
    let mean = counted.iter().sum::<f64>() / counted.len() as f64;
    for (id, l) in &lev {
        let item = bank.item(id).unwrap();
        let in_leaning = match item {
            Item::Likert(s) => bank.dimension(&s.dimension).unwrap().track.in_leaning(),
            Item::Scenario(_) => true,
        };
        if in_leaning {
            assert!(
                (l - mean).abs() <= LEVERAGE_TOLERANCE * mean,
                "{id}: {l:.2} against a mean of {mean:.2}"
            );
        } else {
            assert_eq!(*l, 0.0, "{id} is outside the leaning");
        }
    }
}

#[test]
fn the_questionnaire_takes_10_to_15_minutes_and_has_the_new_scales() {
    let bank = bank();
    assert!((QUESTIONS.0..=QUESTIONS.1).contains(&bank.items.len()));
    assert_eq!(bank.version, "2.0.0");
    let track = |id: &str| bank.dimension(&id.into()).map(|d| d.track);
    assert_eq!(track("leading_edge"), Some(Track::Neither));
    assert_eq!(track("hybrid_role"), Some(Track::Hybrid));
    assert!(bank.tracks.middle.is_some());
}

#[test]
fn the_shipped_bank_has_no_writing_warnings() {
    let w = warnings(&bank(), "bank.json");
    assert!(w.is_empty(), "{w:#?}");
}

#[test]
fn the_1_0_0_bank_breaks_the_rules_and_gets_warnings_not_errors() {
    let text = include_str!("fixtures/bank_v1/bank.json");
    let old = Bank::from_json("bank.json", text).expect("still a valid bank");
    let w: Vec<String> = warnings(&old, "bank.json")
        .iter()
        .map(ToString::to_string)
        .collect();
    for expected in [
        "compares two things (\"than\")",
        "compares two things (\"rather\")",
        "joins two ideas with \"and\"",
        "reading grade 15.2 is above 9",
        "the statement has 19 words",
        "one answer moves the leaning by up to",
    ] {
        assert!(w.iter().any(|x| x.contains(expected)), "{expected}: {w:#?}");
    }
}
