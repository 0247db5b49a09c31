//! A facilitator's cohort: the right counts from many files, broken files
//! listed and skipped, and a CSV a spreadsheet can open safely.

use crossroads::core::bank::{Bank, Item, Track};
use crossroads::core::cohort::Cohort;
use crossroads::core::content::Content;
use crossroads::core::result_file::ResultFile;
use crossroads::core::score::Response;
use crossroads::core::session::Session;

fn bank() -> Bank {
    (*Content::builtin().unwrap().bank).clone()
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
    // A clear, consistent sheet: high confidence, counted as such.
    assert!(csv.contains("confidence_level,high,,1,"), "{csv}");
    assert!(csv.contains("confidence_level,low,,0,"), "{csv}");
    let s = cohort.summary();
    assert_eq!(s.confidence_levels, [0, 0, 1]);
    assert_eq!(
        s.people[0].level,
        crossroads::core::score::ConfidenceLevel::High
    );
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
    let content = Content::builtin().unwrap();
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
    // Only budgeting has participants below who rated it; skills nobody
    // rated are unknown, not gaps.
    assert_eq!(r.sessions.len(), 1);
    assert!(r
        .eligible_now
        .iter()
        .any(|(c, n)| c.as_str() == "itil4_foundation" && *n == 10));
    assert!(summary
        .to_csv()
        .contains("role_skill,\"financial_management\",\"it_manager\",2.00,5"));
}

#[test]
fn cohort_tables_have_readable_headers_a_bom_and_count_only_those_who_rated() {
    use crossroads::core::career::catalog::{RoleId, SkillId};
    use crossroads::core::career::date::Date;
    use crossroads::core::cohort::BOM;
    let content = Content::builtin().unwrap();
    let role = content.catalog.role(&RoleId("it_manager".into())).unwrap();
    let mut cohort = Cohort::new(&content.bank, true).with_role(
        &content.catalog,
        role,
        Date::parse("2026-11-28").unwrap(),
    );
    for i in 0..4 {
        let mut s = Session::new(&content.bank, "2026-11-28");
        for item in &content.bank.items {
            s.answers.insert(
                item.id().clone(),
                match item {
                    Item::Likert(_) => Response::Likert(if i % 2 == 0 { 1 } else { 5 }),
                    Item::Scenario(sc) => Response::Choice(sc.options[0].id.clone()),
                },
            );
        }
        s.display_name = Some(if i == 0 {
            "=HYPERLINK(\"x\")".into()
        } else {
            format!("Zoë {i}")
        });
        // Only one of the four rates budgeting.
        if i == 3 {
            s.skills.insert(SkillId("financial_management".into()), 3);
        }
        cohort.add(&format!("{i}.json"), &ResultFile::new(s).to_json());
    }
    let summary = cohort.summary();
    let fm = summary
        .role
        .as_ref()
        .unwrap()
        .skills
        .iter()
        .find(|s| s.skill.as_str() == "financial_management")
        .unwrap()
        .clone();
    assert_eq!((fm.rated, fm.mean), (1, 3.0), "unrated is not level 0");
    let people = summary.participants_csv(&content.bank);
    assert!(people.starts_with(BOM));
    let lines: Vec<&str> = people
        .trim_start_matches(BOM)
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines.len(), 5);
    assert!(
        lines[0].starts_with("\"Name\",\"Track\",\"Leaning"),
        "{}",
        lines[0]
    );
    for d in &content.bank.dimensions {
        assert!(lines[0].contains(&d.name), "header names {}", d.name);
        assert!(
            !lines[0].contains(&format!("\"{}\"", d.id)),
            "no internal ids"
        );
    }
    let columns = lines[0].split("\",\"").count();
    assert_eq!(columns, 4 + content.bank.dimensions.len());
    assert!(lines[1].starts_with("\"'=HYPERLINK"), "{}", lines[1]);
    assert!(lines.iter().any(|l| l.contains("Zoë 1")));
    for l in lines.iter().filter(|l| l.contains("Zoë")) {
        let leaning = l.splitn(3, "\",").nth(2).unwrap();
        assert!(
            leaning.starts_with(|c: char| c == '-' || c.is_ascii_digit()),
            "leanings are numbers, not text: {l}"
        );
    }
    let role = summary.role_csv(&content.catalog).unwrap();
    assert!(role.starts_with(BOM));
    assert!(role.contains("\"IT manager\""), "{role}");
    assert!(!role.contains("it_manager") && !role.contains("financial_management"));
}

/// A leading TAB or CR is defused too (some spreadsheets strip it and then
/// read the formula); so is a file name.
#[test]
fn the_csv_defuses_a_leading_tab_or_carriage_return() {
    let bank = bank();
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
