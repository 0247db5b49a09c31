//! `crossroads cohort` reads on one thread, prepares on others and folds in
//! reading order: its summary over a folder is exactly what folding the
//! same files one by one in the same order gives, run after run; its
//! `--csv` is the browser's participants table. Native only.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../examples/support/generate.rs"]
mod generate;

use std::path::{Path, PathBuf};
use std::process::Command;

use crossroads::core::cohort::Cohort;
use crossroads::core::content::Content;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("crossroads-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The command's standard output.
fn cohort_text(args: &[&Path]) -> String {
    let run = Command::new(env!("CARGO_BIN_EXE_crossroads"))
        .arg("cohort")
        .args(args)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    String::from_utf8(run.stdout).unwrap()
}

/// Enough files for several batches on every thread (a batch is 512), a
/// broken one every 7th and some retakes: the command's summary equals the
/// one-by-one fold in the folder's own order, and does not change between
/// runs however the threads are timed.
#[test]
fn the_threaded_fold_is_the_one_by_one_fold_in_reading_order() {
    let content = Content::builtin().unwrap();
    let bank = &content.bank;
    let dir = temp_dir("cohort-stream");
    let folder = dir.join("in");
    std::fs::create_dir_all(&folder).unwrap();
    for (i, f) in generate::cohort(bank, 2600, 5, 7).iter().enumerate() {
        let text = if i % 7 == 3 {
            format!("{{\"format\": \"crossroads-result\", \"n\": {i}")
        } else {
            f.to_json()
        };
        std::fs::write(folder.join(format!("p{i}.json")), text).unwrap();
    }
    // The order the command reads them in: the folder's.
    let mut expected = Cohort::new(bank, false);
    for entry in std::fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        expected.add(&path.display().to_string(), &text);
    }
    // Compared as text, as printed: reading the JSON back would round
    // some floats by a bit.
    let expected = serde_json::to_string_pretty(&expected.summary()).unwrap() + "\n";
    // 3,120 files, every 7th broken: 446 skipped, 100 of them listed.
    assert!(
        expected.contains("\"rejected_not_listed\": 346,"),
        "{expected}"
    );
    for _ in 0..3 {
        let summary = cohort_text(&[&folder]);
        if let Some((line, (want, got))) = expected
            .lines()
            .zip(summary.lines())
            .enumerate()
            .find(|(_, (a, b))| a != b)
        {
            panic!("line {line} differs: expected {want}, got {got}");
        }
        assert_eq!(summary, expected);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--csv` writes the browser's participants table (the same core
/// function), row by row as the files are read, without `--people`.
#[test]
fn the_csv_is_the_browsers_participants_table() {
    let content = Content::builtin().unwrap();
    let bank = &content.bank;
    let dir = temp_dir("cohort-csv");
    let folder = dir.join("in");
    std::fs::create_dir_all(&folder).unwrap();
    for (i, f) in generate::cohort(bank, 40, 0, 3).iter_mut().enumerate() {
        f.session.display_name = Some(if i == 0 {
            "=HYPERLINK(\"x\")".into()
        } else {
            format!("Zoë {i}")
        });
        std::fs::write(folder.join(format!("p{i}.json")), f.to_json()).unwrap();
    }
    std::fs::write(folder.join("cut.json"), "{").unwrap();
    let mut browser = Cohort::new(bank, true);
    for entry in std::fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        browser.add(
            &path.display().to_string(),
            &std::fs::read_to_string(&path).unwrap(),
        );
    }
    let csv_path = dir.join("people.csv");
    let summary: serde_json::Value =
        serde_json::from_str(&cohort_text(&[Path::new("--csv"), &csv_path, &folder])).unwrap();
    let csv = std::fs::read_to_string(&csv_path).unwrap();
    assert_eq!(csv, browser.summary().participants_csv(bank));
    assert!(
        csv.starts_with("\u{feff}\"Name\",\"Track\",\"Leaning"),
        "{csv}"
    );
    assert_eq!(csv.matches("\r\n").count(), 41);
    assert!(csv.contains("\"'=HYPERLINK"));
    // The JSON summary still lists nobody without --people.
    assert_eq!(summary["people"].as_array().unwrap().len(), 0);
    assert_eq!(summary["participants"], 40);
    let _ = std::fs::remove_dir_all(&dir);
}
