//! The `crossroads` command a training program runs before deploying its
//! own content: success on the shipped content, every problem and a non-zero
//! exit on broken content.

use std::process::Command;

fn crossroads(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_crossroads"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run crossroads");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn check_accepts_the_shipped_content() {
    let (code, stdout, stderr) = crossroads(&["check", "questions"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("ok: crossroads-default"), "{stdout}");
}

#[test]
fn check_lists_every_problem_and_fails() {
    let (code, _, stderr) = crossroads(&["check", "tests/fixtures/broken_content"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("bank.json: items[1].id: duplicate item id \"a1\""),
        "{stderr}"
    );
    assert!(stderr.contains("problem(s) found"), "{stderr}");
}

#[test]
fn check_reports_a_missing_folder_and_usage() {
    let (code, _, stderr) = crossroads(&["check", "no/such/dir"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("cannot read"), "{stderr}");
    let (code, _, stderr) = crossroads(&["frobnicate"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("usage"), "{stderr}");
}

#[test]
fn score_prints_what_the_core_computes_for_the_same_file() {
    let (code, stdout, stderr) = crossroads(&["score", "tests/fixtures/result_it_manager.json"]);
    assert_eq!(code, 0, "{stderr}");
    let printed: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    let content = crossroads::core::content::Content::builtin().unwrap();
    let text = include_str!("fixtures/result_it_manager.json");
    let expected = crossroads::core::report::score_report(&content, text, None).unwrap();
    assert_eq!(printed, serde_json::to_value(&expected).unwrap());
    assert_eq!(printed["role"], "it_manager");
    assert_eq!(printed["start"], "2027-01-04");
    let steps: Vec<&str> = printed["roadmap"]["phases"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["steps"].as_array().unwrap())
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert!(steps.contains(&"pmp"), "{steps:?}");
}

#[test]
fn score_reports_a_bad_file() {
    let (code, _, stderr) = crossroads(&["score", "tests/fixtures/broken_bank.json"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("not a Crossroads result"), "{stderr}");
}

#[test]
fn check_warns_about_writing_rules_without_failing() {
    let (code, stdout, stderr) = crossroads(&["check", "tests/fixtures/bank_v1"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("warning: bank.json: items[1].text: compares two things (\"than\")"),
        "{stdout}"
    );
    assert!(stdout.contains("warning(s)"), "{stdout}");
    let (_, stdout, _) = crossroads(&["check", "questions"]);
    assert!(!stdout.contains("warning"), "{stdout}");
}

#[test]
fn score_states_the_confidence_in_words_and_flags_an_old_questionnaire() {
    let (code, stdout, stderr) = crossroads(&["score", "tests/fixtures/result_bank_1.0.0.json"]);
    assert_eq!(code, 0, "{stderr}");
    let printed: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert!(printed["confidence"]
        .as_str()
        .unwrap()
        .contains(" in 10 times"));
    assert!(printed["profile"]["confidence"]["standard_error"].is_number());
    assert_eq!(printed["questionnaire_changed"]["from"][1], "1.0.0");
}
