//! Progress over time: the comparison shows what moved, and only that.

mod common;

use crossroads::core::bank::Item;
use crossroads::core::compare::compare;
use crossroads::core::score::{Band, Response};
use crossroads::core::session::Session;

#[test]
fn a_move_toward_management_shows_in_every_changed_dimension() {
    let bank = common::bank();
    let mut then = Session::new(&bank, "2026-08-01");
    let mut now = Session::new(&bank, "2026-11-01");
    for item in &bank.items {
        if let Item::Likert(l) = item {
            let mgmt = bank.dimension(&l.dimension).unwrap().track
                == crossroads::core::bank::Track::Management;
            let toward = mgmt != l.reverse;
            then.answers
                .insert(l.id.clone(), Response::Likert(if toward { 2 } else { 4 }));
            now.answers
                .insert(l.id.clone(), Response::Likert(if toward { 5 } else { 1 }));
        }
    }
    let c = compare(&bank, &then, &now);
    assert_eq!(c.band_then, Some(Band::Technical));
    assert_eq!(c.band_now, Some(Band::Management));
    assert!(c.leaning_now > c.leaning_then);
    assert!(c.leaning_change_is_clear, "a move across the whole scale");
    let statements = bank
        .items
        .iter()
        .filter(|i| matches!(i, Item::Likert(_)))
        .count();
    assert_eq!(c.answers_changed, statements);
    for d in &c.dimensions {
        let mgmt =
            bank.dimension(&d.id).unwrap().track == crossroads::core::bank::Track::Management;
        let change = d.change.expect("both scored");
        assert!(
            if mgmt { change > 0.0 } else { change < 0.0 },
            "{}: {change}",
            d.id
        );
    }
}

#[test]
fn comparing_a_result_with_itself_shows_no_change() {
    let bank = common::bank();
    let mut s = Session::new(&bank, "2026-11-01");
    s.answers
        .insert(bank.items[0].id().clone(), Response::Likert(4));
    let c = compare(&bank, &s, &s);
    assert_eq!(c.answers_changed, 0);
    assert_eq!(c.leaning_then, c.leaning_now);
    assert!(!c.leaning_change_is_clear);
    assert_eq!(c.confidence_then, c.confidence_now);
    assert!(c
        .dimensions
        .iter()
        .all(|d| d.change.is_none_or(|x| x == 0.0)));
}

#[test]
fn skills_and_completed_steps_show_progress() {
    use crossroads::core::career::catalog::SkillId;
    let bank = common::bank();
    let mut then = Session::new(&bank, "2026-08-01");
    let mut now = then.clone();
    then.skills.insert(SkillId("negotiation".into()), 1);
    now.skills.insert(SkillId("negotiation".into()), 3);
    now.skills.insert(SkillId("databases".into()), 2);
    then.plan.choices.done.insert("read_phoenix_project".into());
    now.plan.choices.done.insert("read_phoenix_project".into());
    now.plan.choices.done.insert("capm".into());
    let c = compare(&bank, &then, &now);
    assert_eq!(c.steps_completed, vec!["capm".to_owned()]);
    let neg = c
        .skills
        .iter()
        .find(|s| s.skill.as_str() == "negotiation")
        .unwrap();
    assert_eq!((neg.then, neg.now), (Some(1), Some(3)));
    let db = c
        .skills
        .iter()
        .find(|s| s.skill.as_str() == "databases")
        .unwrap();
    assert_eq!((db.then, db.now), (None, Some(2)));
}

#[test]
fn a_result_with_no_answer_to_the_current_questions_has_no_band_and_no_change() {
    // An earlier file whose answers are all to retired questions, beside a
    // clear manager's result: there was no result then, so no "Hybrid"
    // then and no move of the leaning to read.
    let bank = common::bank();
    let mut then = Session::new(&bank, "2026-08-01");
    then.answers
        .insert("retired-question".into(), Response::Likert(5));
    let mut now = Session::new(&bank, "2026-11-01");
    now.answers = common::clear_respondent(&bank, crossroads::core::bank::Track::Management);
    let c = compare(&bank, &then, &now);
    assert_eq!(c.band_then, None);
    assert_eq!(c.band_now, Some(Band::Management));
    assert!(c.leaning_now > 60.0);
    assert!(!c.leaning_change_is_clear);
}
