//! The saved form of a session: round trip, and each way a save can be
//! unusable is recognised rather than crashing or being misread.

mod common;

use crossroads::core::score::Response;
use crossroads::core::session::{LoadError, Session, VERSION};

fn sample() -> Session {
    let bank = common::bank();
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
        // The assessment page tells them apart the same way.
        let err = Session::decode_questionnaire(&text).expect_err(&text);
        assert!(expected(&err), "questionnaire, {text}: got {err:?}");
    }
}

/// A session with every planner field set, as the planner page saves it.
fn planned() -> Session {
    let mut s = sample();
    s.display_name = Some("Sam".into());
    s.notes = "Talk to Ana about the service desk lead role.".into();
    s.skills.insert("budgeting".into(), 2);
    s.held.insert("itil-4-foundation".into());
    s.role = Some("it-manager".into());
    s.plan.hours_per_week = 6.5;
    s.plan.choices.done.insert("capm".into());
    s.finished = true;
    s
}

#[test]
fn the_assessment_page_writes_back_the_planner_fields_it_does_not_read() {
    let full = planned();
    let (mut q, kept) = Session::decode_questionnaire(&full.encode()).unwrap();
    // It reads the questionnaire's fields and nothing of the planner's...
    assert_eq!(
        (&q.bank_id, &q.answers, q.position, q.finished, &q.started),
        (
            &full.bank_id,
            &full.answers,
            full.position,
            full.finished,
            &full.started
        )
    );
    assert_eq!(q.display_name, None);
    assert!(q.skills.is_empty());
    assert_eq!(
        kept.names().collect::<Vec<_>>(),
        [
            "display_name",
            "notes",
            "skills",
            "experience",
            "held",
            "role",
            "plan"
        ]
    );
    // ...unchanged, it writes the very same text...
    assert_eq!(q.encode_questionnaire(&kept), full.encode());
    // ...and after a new answer the planner still finds everything it had.
    let item = common::bank().items[3].id().clone();
    q.answers.insert(item.clone(), Response::Likert(2));
    let back = Session::decode(&q.encode_questionnaire(&kept)).unwrap();
    let mut expected = full.clone();
    expected.answers.insert(item, Response::Likert(2));
    assert_eq!(back, expected);
}

#[test]
fn the_assessment_page_checks_its_own_fields_of_a_save() {
    let text = planned().encode();
    for (from, to, says) in [
        ("\"bank_id\"", "\"bank\"", "missing field `bank_id`"),
        ("\"position\":7", "\"position\":\"seven\"", "invalid type"),
        (
            "\"finished\":true",
            "\"finished\":true,\"finished\":false",
            "duplicate field `finished`",
        ),
    ] {
        let broken = text.replacen(from, to, 1);
        assert_ne!(broken, text);
        match Session::decode_questionnaire(&broken) {
            Err(LoadError::Corrupt(why)) => assert!(why.contains(says), "{why}"),
            other => panic!("{broken}: {other:?}"),
        }
    }
    // A save with no planner fields at all (written before any were set).
    let bare = r#"{"format":"crossroads-session","version":1,"session":{"bank_id":"b","bank_version":"1","answers":{},"position":0,"finished":false}}"#;
    let (s, kept) = Session::decode_questionnaire(bare).unwrap();
    assert!(kept.is_empty() && s.started.is_none());
}

#[test]
fn resume_position_is_clamped_to_the_bank() {
    let bank = common::bank();
    let mut s = sample();
    s.position = 10_000;
    assert_eq!(s.resume_at(&bank), bank.items.len() - 1);
}

#[test]
fn answers_to_unknown_questions_are_kept_and_listed() {
    let bank = common::bank();
    let mut s = sample();
    s.answers.insert("gone".into(), Response::Likert(3));
    let back = Session::decode(&s.encode()).unwrap();
    assert_eq!(back.unmatched(&bank), vec!["gone".into()]);
}

/// A save is checked like an imported file: a value out of range is
/// reported (and the save kept aside by the app), never planned with.
#[test]
fn a_save_with_a_value_out_of_range_is_refused_with_a_plain_message() {
    let mut s = planned();
    s.plan.hours_per_week = 1e-30;
    match Session::decode(&s.encode()) {
        Err(e @ LoadError::Invalid(_)) => {
            assert!(e.to_string().contains("hours a week"), "{e}");
            assert_eq!(e.detail().as_deref(), Some("at plan.hours_per_week"));
        }
        other => panic!("{other:?}"),
    }
    // The assessment page checks the answers it reads.
    let mut s = sample();
    let id = s.answers.keys().next().unwrap().clone();
    s.answers.insert(id, Response::Likert(9));
    for err in [
        Session::decode(&s.encode()).unwrap_err(),
        Session::decode_questionnaire(&s.encode()).unwrap_err(),
    ] {
        assert!(matches!(err, LoadError::Invalid(_)), "{err:?}");
        assert!(err.to_string().contains("go from 1 to 5"), "{err}");
    }
    // Parser words are the detail, not the message.
    let err = Session::decode("{not json").unwrap_err();
    assert!(!err.to_string().contains("line"), "{err}");
    assert!(err.detail().unwrap().contains("line 1"), "{err:?}");
}

#[test]
fn hours_and_budget_typed_on_the_roadmap_page_land_in_range() {
    use crossroads::core::session::{budget_from_input, hours_from_input};
    for (typed, stored) in [
        (1e-30, Some(0.0)),
        (0.4, Some(0.0)),
        (0.6, Some(1.0)),
        (6.5, Some(7.0)),
        (500.0, Some(80.0)),
        (-3.0, Some(0.0)),
        (f64::NAN, None),
        (f64::INFINITY, None),
    ] {
        assert_eq!(hours_from_input(typed), stored, "{typed}");
    }
    assert_eq!(budget_from_input(-1.0), Some(0.0));
    assert_eq!(budget_from_input(1e300), Some(10_000_000.0));
    assert_eq!(budget_from_input(f64::NAN), None);
    // Whatever the page stores is accepted when read back.
    let mut s = planned();
    for typed in [1e-30, 0.6, 79.9, 1e9] {
        s.plan.hours_per_week = hours_from_input(typed).unwrap();
        s.plan.budget_usd = budget_from_input(typed);
        assert!(Session::decode(&s.encode()).is_ok(), "{typed}");
    }
}

/// An answer to a retired question and an option a question no longer
/// offers are told apart (a mentor is told which).
#[test]
fn unknown_questions_and_unknown_options_are_told_apart() {
    let bank = common::bank();
    let scenario = bank
        .items
        .iter()
        .find(|i| matches!(i, crossroads::core::bank::Item::Scenario(_)))
        .unwrap()
        .id()
        .clone();
    let mut s = sample();
    s.answers.insert("gone".into(), Response::Likert(3));
    s.answers.insert(
        scenario.clone(),
        Response::Choice(crossroads::core::bank::OptionId("zz".into())),
    );
    assert_eq!(s.unknown_questions(&bank), vec!["gone".into()]);
    assert_eq!(s.unknown_options(&bank), vec![scenario]);
}

/// The roadmap settings become the planner's constraints in one place (the
/// roadmap page, the meeting report and `crossroads score` share it).
#[test]
fn roadmap_settings_give_the_planner_its_constraints() {
    use crossroads::core::career::date::Date;
    let today = Date::from_ymd(2026, 12, 4).unwrap();
    let mut s = planned();
    s.plan.budget_usd = Some(900.0);
    assert_eq!(s.plan.start_or(today), today);
    s.plan.start = Some("2027-03-01".into());
    let c = s.plan.constraints(s.plan.start_or(today));
    assert_eq!(c.start, Date::from_ymd(2027, 3, 1).unwrap());
    assert_eq!((c.hours_per_week, c.budget_usd), (6.5, Some(900.0)));
    // A start date out of range is not used.
    s.plan.start = Some("9999-01-01".into());
    assert_eq!(s.plan.start_or(today), today);
}
