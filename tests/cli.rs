//! The `crossroads` command a training program runs before deploying its
//! own content: success on the shipped content, every problem and a non-zero
//! exit on broken content.

mod common;

use std::process::Command;

use crossroads::core::bank::Track;

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
    // The count closes the list, and agrees with it.
    let listed = stderr
        .lines()
        .filter(|l| l.contains(": ") && !l.starts_with("note: "))
        .count();
    assert!(
        stderr.ends_with(&format!("{listed} problems found\n")),
        "{stderr}"
    );
}

#[test]
fn check_reports_a_missing_folder_and_usage() {
    let (code, _, stderr) = crossroads(&["check", "no/such/dir"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("cannot read"), "{stderr}");
    let (code, _, stderr) = crossroads(&["frobnicate"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("Usage: crossroads"), "{stderr}");
}

#[test]
fn help_names_every_command() {
    let (code, stdout, _) = crossroads(&["--help"]);
    assert_eq!(code, 0);
    for command in ["check", "score", "cohort", "schema"] {
        assert!(stdout.contains(command), "{stdout}");
    }
    let (code, stdout, _) = crossroads(&["check", "--help"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("crossroads.json"), "{stdout}");
}

/// A scratch folder under the target directory, emptied first.
fn scratch(name: &str, files: &[(&str, &[u8])]) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (file, text) in files {
        let path = dir.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// `check` reads a whole folder, every content file in it, not only the
/// bank: a broken skills.json once passed as "ok".
#[test]
fn check_validates_every_content_file_of_a_folder() {
    let skills = std::fs::read_to_string("questions/skills.json")
        .expect("the authored skills file")
        .replacen("\"levels\": [", "\"levels\": [\"extra\", ", 1);
    assert!(skills.contains("[\"extra\", "), "the test's edit applies");
    let dir = scratch(
        "check-skills",
        &[
            ("bank.json", crossroads::core::content::BANK_JSON.as_bytes()),
            ("skills.json", skills.as_bytes()),
        ],
    );
    let (code, _, stderr) = crossroads(&["check", dir.to_str().unwrap()]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr
            .contains("skills.json: skills[0].levels: a skill needs exactly 5 level descriptions"),
        "{stderr}"
    );
}

/// With a crossroads.json, `check` follows it as the browser does: the
/// files it names (under the program's own paths), the settings, the logo.
#[test]
fn check_follows_crossroads_json_as_the_browser_does() {
    let dir = scratch(
        "check-program",
        &[
            (
                "crossroads.json",
                br##"{"name": "Acme", "accent": "#ffcc00", "logo": "img/logo.svg", "content": {"roles": "content/our-roles.json", "prompts": "content/missing.json"}}"##,
            ),
            ("content/our-roles.json", b"{\"roles\": [}"),
            ("skills.json", b"{}"),
        ],
    );
    let (code, _, stderr) = crossroads(&["check", dir.to_str().unwrap()]);
    assert_eq!(code, 1, "{stderr}");
    // A broken crossroads.json stops there: the browser then runs as shipped.
    assert!(
        stderr.contains("crossroads.json: accent: white text on #ffcc00"),
        "{stderr}"
    );
    let dir = scratch(
        "check-program",
        &[
            (
                "crossroads.json",
                br##"{"name": "Acme", "logo": "img/logo.svg", "content": {"roles": "content/our-roles.json", "prompts": "content/missing.json"}}"##,
            ),
            ("content/our-roles.json", b"{\"roles\": [}"),
            ("skills.json", b"{}"),
        ],
    );
    let (code, _, stderr) = crossroads(&["check", dir.to_str().unwrap()]);
    assert_eq!(code, 1, "{stderr}");
    for expected in [
        "content/our-roles.json: roles: not valid JSON",
        "crossroads.json: content.prompts: \"content/missing.json\" was not found beside index.html",
        "crossroads.json: logo: \"img/logo.svg\" was not found",
        "skills.json is in the folder, but crossroads.json does not name it",
    ] {
        assert!(stderr.contains(expected), "{expected}: {stderr}");
    }
    // The same folder fixed passes, and says which files it checked.
    let dir = scratch(
        "check-program",
        &[
            (
                "crossroads.json",
                br##"{"name": "Acme", "content": {"roles": "content/our-roles.json"}}"##,
            ),
            (
                "content/our-roles.json",
                crossroads::core::content::BUILTIN_CATALOG.roles.as_bytes(),
            ),
        ],
    );
    let (code, stdout, stderr) = crossroads(&["check", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("roles.json: content/our-roles.json (checked)"),
        "{stdout}"
    );
    assert!(stdout.contains("skills.json: built-in"), "{stdout}");
}

#[test]
fn cohort_says_a_file_could_not_be_read_rather_than_not_json() {
    let dir = scratch(
        "cohort-unreadable",
        &[("binary.json", &[0xff, 0xfe, 0x00, 0x89])],
    );
    let (code, stdout, stderr) = crossroads(&["cohort", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let summary: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let problem = summary["rejected"][0]["problem"].as_str().unwrap();
    assert!(problem.contains("not text (UTF-8)"), "{problem}");
    assert!(!problem.contains("not JSON"), "{problem}");
    let (code, _, stderr) = crossroads(&["cohort"]);
    assert_eq!(code, 2, "{stderr}");
}

/// An output that cannot be written stops the command with exit code 1
/// and names the file, in the same words wherever it fails: when the CSV
/// is created, while its rows are written (with the command's name in
/// front, as the Parquet export's failures have) and when it is flushed.
#[test]
fn cohort_names_an_output_it_cannot_write() {
    let bank = common::bank();
    let results: Vec<(String, String)> = (0..200)
        .map(|i| {
            let name = format!("P{i}");
            let text = common::clear_result(&bank, Track::Management, &name);
            (format!("r{i:03}.json"), text)
        })
        .collect();
    let files: Vec<(&str, &[u8])> = results
        .iter()
        .map(|(file, text)| (file.as_str(), text.as_bytes()))
        .collect();
    let dir = scratch("cohort-outputs", &files);
    let folder = dir.to_str().unwrap();

    let missing = dir.join("no/such/folder/people.csv");
    let missing = missing.to_str().unwrap();
    let (code, _, stderr) = crossroads(&["cohort", "--csv", missing, folder]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.starts_with(&format!("{missing}: cannot write: ")),
        "{stderr}"
    );

    let in_a_file = dir.join("r000.json/out");
    let in_a_file = in_a_file.to_str().unwrap();
    let (code, _, stderr) = crossroads(&["cohort", "--parquet", in_a_file, folder]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.starts_with(&format!("cohort: {in_a_file}: cannot create: ")),
        "{stderr}"
    );

    // Linux's /dev/full opens, then refuses every write: two hundred rows
    // overflow the writer's buffer while the files are read; one row
    // fails only when the table is flushed.
    if std::path::Path::new("/dev/full").exists() {
        let (code, _, stderr) = crossroads(&["cohort", "--csv", "/dev/full", folder]);
        assert_eq!(code, 1, "{stderr}");
        assert!(
            stderr.starts_with("cohort: /dev/full: cannot write: "),
            "{stderr}"
        );
        let one = dir.join("r000.json");
        let (code, _, stderr) =
            crossroads(&["cohort", "--csv", "/dev/full", one.to_str().unwrap()]);
        assert_eq!(code, 1, "{stderr}");
        assert!(stderr.starts_with("/dev/full: cannot write: "), "{stderr}");
    }
}

/// A result file with tiny hours a week once printed a roadmap phase
/// ending in the year -25252734927764528; now it is refused, in words.
#[test]
fn score_refuses_hours_out_of_range() {
    let text = include_str!("fixtures/result_it_manager.json");
    let mut v: serde_json::Value = serde_json::from_str(text).unwrap();
    v["session"]["plan"]["hours_per_week"] = serde_json::json!(1e-30);
    let dir = scratch("score-hours", &[("r.json", v.to_string().as_bytes())]);
    let path = dir.join("r.json");
    let (code, stdout, stderr) = crossroads(&["score", path.to_str().unwrap()]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stderr.contains("hours a week for learning are"), "{stderr}");
    assert!(
        stderr.contains("detail: at session.plan.hours_per_week"),
        "{stderr}"
    );
    let (code, _, stderr) = crossroads(&["score", "--today", "someday", path.to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
}

#[test]
fn score_prints_what_the_core_computes_for_the_same_file() {
    let (code, stdout, stderr) = crossroads(&["score", "tests/fixtures/result_it_manager.json"]);
    assert_eq!(code, 0, "{stderr}");
    let printed: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    let content = common::content().clone();
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
    let listed = stdout
        .lines()
        .filter(|l| l.starts_with("warning: "))
        .count();
    assert!(
        stdout.contains(&format!(
            "{listed} writing warnings: the questionnaire works"
        )),
        "{stdout}"
    );
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
