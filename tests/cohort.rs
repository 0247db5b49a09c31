//! A facilitator's cohort: the right counts from many files, broken files
//! listed and skipped, and a CSV a spreadsheet can open safely.

use crossroads::core::bank::{Bank, Item, Track};
use crossroads::core::cohort::Cohort;
use crossroads::core::content::Content;
use crossroads::core::result_file::ResultFile;
use crossroads::core::score::Response;
use crossroads::core::session::Session;

fn bank() -> Bank {
    Content::builtin().unwrap().bank
}

fn clear(bank: &Bank, track: Track, name: &str) -> String {
    let mut s = Session::new(bank, "2026-11-28");
    for item in &bank.items {
        if let Item::Likert(l) = item {
            let toward = (bank.dimension(&l.dimension).unwrap().track == track) != l.reverse;
            s.answers
                .insert(l.id.clone(), Response::Likert(if toward { 5 } else { 1 }));
        }
    }
    s.display_name = Some(name.to_owned());
    ResultFile::new(s).to_json()
}

#[test]
fn fifty_files_with_two_broken_give_the_right_counts() {
    let bank = bank();
    let mut cohort = Cohort::new(&bank, true);
    for i in 0..30 {
        cohort.add(
            &format!("m{i}.json"),
            &clear(&bank, Track::Management, &format!("M{i}")),
        );
    }
    for i in 0..18 {
        cohort.add(
            &format!("t{i}.json"),
            &clear(&bank, Track::Technical, &format!("T{i}")),
        );
    }
    cohort.add("broken.json", "{\"format\": \"crossroads-result\"");
    cohort.add("photo.json", "not json at all");
    let s = cohort.summary();
    assert_eq!(s.participants, 48);
    assert_eq!((s.management, s.hybrid, s.technical), (30, 0, 18));
    assert_eq!(s.rejected.len(), 2);
    assert_eq!(s.rejected[0].file, "broken.json");
    assert_eq!(s.people.len(), 48);
    assert_eq!(s.people[0].name, "M0");
    let mean = s.mean_leaning.unwrap();
    assert!(mean > 0.0, "more management than technical: {mean}");
}

#[test]
fn the_csv_defuses_formulas_and_quotes_names() {
    let bank = bank();
    let mut cohort = Cohort::new(&bank, true);
    cohort.add(
        "a.json",
        &clear(&bank, Track::Technical, "=HYPERLINK(\"http://x\")"),
    );
    let csv = cohort.summary().to_csv();
    assert!(csv.starts_with("kind,name,band,leaning,confidence\n"));
    assert!(
        csv.contains("participant,\"'=HYPERLINK(\"\"http://x\"\")\",technical,"),
        "{csv}"
    );
    assert!(csv.contains("band,technical,,1,"));
}

#[test]
fn without_the_people_list_memory_does_not_grow_with_the_cohort() {
    let bank = bank();
    let mut cohort = Cohort::new(&bank, false);
    let file = clear(&bank, Track::Management, "x");
    for i in 0..200 {
        cohort.add(&format!("{i}.json"), &file);
    }
    let s = cohort.summary();
    assert_eq!(s.participants, 200);
    assert!(s.people.is_empty());
}
