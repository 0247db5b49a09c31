//! The saved form of a session: round trip, and each way a save can be
//! unusable is recognised rather than crashing or being misread.

use crossroads::core::content::Content;
use crossroads::core::score::Response;
use crossroads::core::session::{LoadError, Session, VERSION};

fn sample() -> Session {
    let bank = Content::builtin().unwrap().bank;
    let mut s = Session::new(&bank, "2026-11-28T10:00:00.000Z");
    s.answers
        .insert(bank.items[0].id().clone(), Response::Likert(4));
    s.position = 7;
    s
}

#[test]
fn a_session_round_trips() {
    let s = sample();
    assert_eq!(Session::decode(&s.encode()), Ok(s));
}

#[test]
fn unusable_saves_are_told_apart() {
    let newer = sample()
        .encode()
        .replace(&format!("\"version\":{VERSION}"), "\"version\":99");
    let older = sample()
        .encode()
        .replace(&format!("\"version\":{VERSION}"), "\"version\":0");
    type Expect = fn(&LoadError) -> bool;
    let cases: Vec<(String, Expect)> = vec![
        ("{not json".into(), |e| matches!(e, LoadError::Corrupt(_))),
        ("[1,2,3]".into(), |e| matches!(e, LoadError::Corrupt(_))),
        (
            r#"{"format":"something-else","version":1}"#.into(),
            |e| matches!(e, LoadError::Corrupt(m) if m.contains("not a Crossroads save")),
        ),
        (
            r#"{"format":"crossroads-session","version":1,"session":{"answers":"lots"}}"#.into(),
            |e| matches!(e, LoadError::Corrupt(_)),
        ),
        (newer, |e| matches!(e, LoadError::Newer(99))),
        (older, |e| matches!(e, LoadError::Older(0))),
    ];
    for (text, expected) in cases {
        let err = Session::decode(&text).expect_err(&text);
        assert!(expected(&err), "{text}: got {err:?}");
        assert!(!err.to_string().is_empty());
    }
}

#[test]
fn resume_position_is_clamped_to_the_bank() {
    let bank = Content::builtin().unwrap().bank;
    let mut s = sample();
    s.position = 10_000;
    assert_eq!(s.resume_at(&bank), bank.items.len() - 1);
}

#[test]
fn answers_to_unknown_questions_are_kept_and_listed() {
    let bank = Content::builtin().unwrap().bank;
    let mut s = sample();
    s.answers.insert("gone".into(), Response::Likert(3));
    let back = Session::decode(&s.encode()).unwrap();
    assert_eq!(back.unmatched(&bank), vec!["gone".into()]);
}
