//! The assessment's reducer, natively: moving through the questions,
//! skipping, starting over, and the planner's settings and step marks.

mod common;

use std::rc::Rc;

use crossroads::assess::{Action, AssessState, StepMark};
use crossroads::core::score::Response;
use crossroads::core::session::{Kept, Session};

fn fresh() -> AssessState {
    let content = Rc::new(common::content().clone());
    let session = Session::new(&content.bank, "2026-12-04T10:00:00Z");
    AssessState::new(content, session, Kept::default())
}

fn after(state: &AssessState, actions: Vec<Action>) -> AssessState {
    actions
        .into_iter()
        .fold(state.clone(), |s, a| s.apply(a).unwrap_or(s))
}

#[test]
fn answering_moving_and_skipping() {
    let s = fresh();
    let first = s.content.bank.items[0].id().clone();
    let s = after(&s, vec![Action::Answer(first.clone(), Response::Likert(4))]);
    assert_eq!(s.answered(), 1);
    // The same answer again changes nothing (no re-render).
    assert!(s
        .apply(Action::Answer(first.clone(), Response::Likert(4)))
        .is_none());
    // Back on the first question is a no-op.
    assert!(s.apply(Action::Back).is_none());
    let s = after(&s, vec![Action::Next, Action::Back, Action::Skip]);
    assert_eq!(
        (s.position(), s.answered()),
        (1, 0),
        "skip clears the answer and moves on"
    );
    let total = s.total();
    let s = after(&s, (0..total + 3).map(|_| Action::Next).collect());
    assert!(s.session.finished);
    assert_eq!(s.position(), total - 1);
}

#[test]
fn starting_over_drops_everything_the_planner_kept_too() {
    let content = Rc::new(common::content().clone());
    let save = r#"{"format":"crossroads-session","version":1,"session":{"bank_id":"b","bank_version":"1","answers":{},"position":0,"finished":false,"notes":"mine"}}"#;
    let (session, kept) = Session::decode_questionnaire(save).unwrap();
    assert!(!kept.is_empty());
    let s = AssessState::new(content, session, kept);
    let s = after(&s, vec![Action::StartOver("2026-12-05T08:00:00Z".into())]);
    assert!(s.kept.is_empty());
    assert_eq!(s.session.started.as_deref(), Some("2026-12-05T08:00:00Z"));
}

#[test]
fn planner_settings_land_in_range() {
    let s = fresh();
    let s = after(
        &s,
        vec![
            Action::SetHours(1e-30),
            Action::SetBudget(Some(-40.0)),
            Action::RateSkill("networking".into(), 9),
        ],
    );
    assert_eq!(s.session.plan.hours_per_week, 0.0);
    assert_eq!(s.session.plan.budget_usd, Some(0.0));
    assert_eq!(s.session.skills.get(&"networking".into()), Some(&4));
    // What is not a number changes nothing.
    assert!(s.apply(Action::SetHours(f64::NAN)).is_none());
    // Whatever the page stores, the planner reads back.
    assert!(s.session.check().is_ok());
}

/// A roadmap step is done, skipped or pinned — one at a time — and a
/// second toggle takes the mark away.
#[test]
fn a_step_carries_one_mark_at_a_time() {
    let s = fresh();
    let s = after(&s, vec![Action::ToggleStep(StepMark::Done, "pmp".into())]);
    assert!(s.session.plan.choices.done.contains("pmp"));
    let s = after(&s, vec![Action::ToggleStep(StepMark::Pinned, "pmp".into())]);
    let c = &s.session.plan.choices;
    assert!(c.pinned.contains("pmp") && !c.done.contains("pmp") && !c.skipped.contains("pmp"));
    let s = after(&s, vec![Action::ToggleStep(StepMark::Pinned, "pmp".into())]);
    let c = &s.session.plan.choices;
    assert!(c.pinned.is_empty() && c.done.is_empty() && c.skipped.is_empty());
}
