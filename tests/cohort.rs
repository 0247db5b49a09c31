//! A facilitator's cohort: the right counts from many files, broken files
//! listed and skipped, and a CSV a spreadsheet can open safely.

mod common;

use common::{bank, clear_result as clear};
use crossroads::core::bank::{Item, Track};
use crossroads::core::cohort::Cohort;
use crossroads::core::result_file::ResultFile;
use crossroads::core::score::Response;
use crossroads::core::session::Session;

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
    // A leading TAB or CR is defused too (some spreadsheets strip it and
    // then read the formula); so is a file name.
    let mut cohort = Cohort::new(&bank, true);
    for (file, name) in [("\t=1.json", "\t=SUM(1)"), ("\r=1.json", "\r+1")] {
        cohort.add(file, &clear(&bank, Track::Technical, name));
        cohort.add(file, "not a result");
    }
    let csv = cohort.summary().to_csv();
    for bad in ["\"\t=", "\"\r=", "\"\t=SUM", "\"\r+1"] {
        assert!(!csv.contains(bad), "{bad:?} in {csv}");
    }
    assert!(csv.contains("rejected,\"'\t=1.json\""), "{csv}");
    assert!(csv.contains("rejected,\"'\r=1.json\""), "{csv}");
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

#[test]
fn against_a_role_the_cohort_shows_gaps_eligibility_and_sessions() {
    use crossroads::core::career::catalog::{RoleId, SkillId};
    use crossroads::core::career::date::Date;
    let content = common::content().clone();
    let role = content.catalog.role(&RoleId("it_manager".into())).unwrap();
    let mut cohort = Cohort::new(&content.bank, false).with_role(
        &content.catalog,
        role,
        Date::parse("2026-11-28").unwrap(),
    );
    for i in 0..10 {
        let mut s = Session::new(&content.bank, "2026-11-28");
        for item in &content.bank.items {
            s.answers.insert(
                item.id().clone(),
                match item {
                    Item::Likert(_) => Response::Likert(3),
                    Item::Scenario(sc) => Response::Choice(sc.options[0].id.clone()),
                },
            );
        }
        // Everyone meets people leadership; only half meet budgeting.
        s.skills.insert(SkillId("people_leadership".into()), 4);
        s.skills.insert(
            SkillId("financial_management".into()),
            if i % 2 == 0 { 4 } else { 0 },
        );
        cohort.add(&format!("{i}.json"), &ResultFile::new(s).to_json());
    }
    let summary = cohort.summary();
    let r = summary.role.clone().expect("role summary");
    let of = |id: &str| {
        r.skills
            .iter()
            .find(|s| s.skill.as_str() == id)
            .unwrap()
            .clone()
    };
    assert_eq!(of("people_leadership").below, 0);
    assert_eq!(of("financial_management").below, 5);
    assert!((of("financial_management").mean - 2.0).abs() < 1e-9);
    assert!(!r
        .common_gaps
        .iter()
        .any(|(s, _)| s.as_str() == "people_leadership"));
    assert_eq!(r.sessions.len(), 3);
    assert!(r
        .eligible_now
        .iter()
        .any(|(c, n)| c.as_str() == "itil4_foundation" && *n == 10));
    assert!(summary
        .to_csv()
        .contains("role_skill,\"financial_management\",\"it_manager\",2.00,5"));
}
