//! Work made with the 1.0.0 questionnaire keeps opening after the bank
//! changed: a real result file answered with bank 1.0.0, the save and the
//! share link the 1.0.0 app made for the same answers. Answers to retired
//! statements are kept and flagged, the result counts only what still
//! applies, and the new questions are listed.

use crossroads::core::bank::Bank;
use crossroads::core::content::Content;
use crossroads::core::result_file::import;
use crossroads::core::score::{score, Answers};
use crossroads::core::session::Session;
use crossroads::core::share;

const V1_RESULT: &str = include_str!("fixtures/result_bank_1.0.0.json");
const V1_BANK: &str = include_str!("fixtures/bank_v1/bank.json");

fn current() -> Bank {
    (*Content::builtin().expect("shipped bank is valid").bank).clone()
}

fn v1_bank() -> Bank {
    Bank::from_json("bank.json", V1_BANK).expect("the 1.0.0 bank was valid")
}

/// The answers that still apply to `bank`, by id.
fn still_applying(bank: &Bank, answers: &Answers) -> Answers {
    answers
        .iter()
        .filter(|(id, _)| bank.item(id).is_some())
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

#[test]
fn the_fixture_really_is_a_full_1_0_0_sheet() {
    let v1 = v1_bank();
    assert_eq!(v1.version, "1.0.0");
    let imported = import(V1_RESULT, &v1).expect("opens with its own bank");
    assert!(imported.unknown_answers.is_empty());
    assert_eq!(imported.file.session.answers.len(), v1.items.len());
    assert_ne!(current().version, "1.0.0", "the shipped bank has moved on");
}

#[test]
fn a_1_0_0_result_file_opens_keeps_retired_answers_and_scores_what_applies() {
    let bank = current();
    let imported = import(V1_RESULT, &bank).expect("an old result file still opens");
    let session = &imported.file.session;
    assert_eq!(
        imported.other_bank,
        Some(("crossroads-default".into(), "1.0.0".into()))
    );
    // Retired answers: kept in the session, flagged, not scored.
    let applying = still_applying(&bank, &session.answers);
    assert!(
        !applying.is_empty(),
        "some 1.0.0 statements are still asked"
    );
    assert_eq!(
        imported.unknown_answers.len() + applying.len(),
        session.answers.len()
    );
    assert!(imported.unknown_answers.len() >= 40);
    let profile = score(&bank, &session.answers);
    assert_eq!(profile.answered, applying.len());
    assert_eq!(profile, score(&bank, &applying));
    // Exported again, nothing is lost.
    let again = import(&imported.file.to_json(), &bank).unwrap();
    assert_eq!(again.file.session.answers, session.answers);
}

#[test]
fn the_changes_list_the_new_questions_in_order() {
    let bank = current();
    let session = import(V1_RESULT, &bank).unwrap().file.session;
    let changes = session.changes(&bank).expect("another version");
    assert_eq!(changes.from.1, "1.0.0");
    assert_eq!(changes.retired, session.unmatched(&bank));
    let expected: Vec<_> = bank
        .items
        .iter()
        .filter(|i| !session.answers.contains_key(i.id()))
        .map(|i| i.id().clone())
        .collect();
    assert_eq!(changes.new_questions, expected);
    assert!(!changes.new_questions.is_empty());
    // The same bank: nothing changed.
    let fresh = Session::new(&bank, "2026-12-01");
    assert_eq!(fresh.changes(&bank), None);
}

#[test]
fn a_1_0_0_save_resumes_at_the_first_new_question_and_keeps_everything() {
    let bank = current();
    let file = import(V1_RESULT, &bank).unwrap().file;
    let text = file.session.encode();
    let mut session = Session::decode(&text).expect("an old save still opens");
    assert!(session.finished);
    session.adopt(&bank);
    let changes = session.changes(&bank).expect("still from 1.0.0");
    let first = bank
        .items
        .iter()
        .position(|i| i.id() == &changes.new_questions[0])
        .unwrap();
    assert_eq!(session.position, first);
    assert!(
        !session.finished,
        "the result is provisional until the new questions are answered"
    );
    assert_eq!(session.answers, file.session.answers);

    // Answer every new question: the session takes on the current version,
    // still holding the retired answers.
    for id in &changes.new_questions {
        let r = match bank.item(id).unwrap() {
            crossroads::core::bank::Item::Likert(_) => crossroads::core::score::Response::Likert(4),
            crossroads::core::bank::Item::Scenario(s) => {
                crossroads::core::score::Response::Choice(s.options[0].id.clone())
            }
        };
        session.answers.insert(id.clone(), r);
    }
    session.adopt(&bank);
    assert_eq!(session.bank_version, bank.version);
    assert_eq!(session.changes(&bank), None);
    assert_eq!(session.unmatched(&bank), changes.retired);
}

#[test]
fn a_share_link_made_with_1_0_0_opens_with_the_same_answers() {
    let (v1, bank) = (v1_bank(), current());
    let file = import(V1_RESULT, &v1).unwrap().file;
    // What the 1.0.0 app wrote (answers in 1.0.0 order).
    let link = share::encode(&v1, &file.session, Some("Version One"));
    assert_eq!(link, include_str!("fixtures/share_bank_1.0.0.txt").trim());
    let shared = share::decode(&bank, &link).expect("an old link still opens");
    assert_eq!(shared.session.bank_version, "1.0.0");
    assert_eq!(shared.session.answers, file.session.answers);
    assert_eq!(shared.display_name.as_deref(), Some("Version One"));
    let applying = still_applying(&bank, &shared.session.answers);
    assert_eq!(
        score(&bank, &shared.session.answers),
        score(&bank, &applying)
    );
}

#[test]
fn a_link_made_with_the_current_bank_still_round_trips() {
    let bank = current();
    let mut s = Session::new(&bank, "2026-12-01");
    for item in bank.items.iter().take(10) {
        let r = match item {
            crossroads::core::bank::Item::Likert(_) => crossroads::core::score::Response::Likert(2),
            crossroads::core::bank::Item::Scenario(sc) => {
                crossroads::core::score::Response::Choice(sc.options[1].id.clone())
            }
        };
        s.answers.insert(item.id().clone(), r);
    }
    let back = share::decode(&bank, &share::encode(&bank, &s, None)).unwrap();
    assert_eq!(back.session.answers, s.answers);
}

#[test]
fn the_score_command_says_the_questionnaire_changed() {
    let content = Content::builtin().unwrap();
    let report = crossroads::core::report::score_report(&content, V1_RESULT, None).unwrap();
    let changed = report.questionnaire_changed.expect("flagged");
    assert_eq!(changed.from.1, "1.0.0");
    assert!(
        report.confidence.contains(" in 10 times"),
        "{}",
        report.confidence
    );
}
