//! A facilitator's cohort: the right counts from many files, broken files
//! listed (the first hundred) and skipped, a CSV a spreadsheet can open
//! safely, and the lean path a large cohort takes giving the same figures
//! as the full one.

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
    let csv = cohort.summary().participants_csv(&bank);
    assert!(
        csv.contains(&format!(
            "\"'=HYPERLINK(\"\"http://x\"\")\",\"{}\",",
            bank.tracks.technical.name
        )),
        "{csv}"
    );
    // A clear, consistent sheet: high confidence, counted as such.
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
    let csv = summary.role_csv(&content.catalog).unwrap();
    assert!(
        csv.contains("\"IT financial management and budgeting\",3,10,2.00,5\r\n"),
        "{csv}"
    );
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
/// read the formula); so is a file name standing in for a missing name.
#[test]
fn the_csv_defuses_a_leading_tab_or_carriage_return() {
    let bank = bank();
    let mut cohort = Cohort::new(&bank, true);
    for (file, name) in [("\t=1.json", "\t=SUM(1)"), ("\r=1.json", "\r+1")] {
        cohort.add(file, &clear(&bank, Track::Technical, name));
        cohort.add(file, &clear(&bank, Track::Technical, ""));
    }
    let csv = cohort.summary().participants_csv(&bank);
    for bad in ["\"\t=", "\"\r=", "\"\t=SUM", "\"\r+1"] {
        assert!(!csv.contains(bad), "{bad:?} in {csv}");
    }
    assert!(csv.contains("\r\n\"'\t=1.json\","), "{csv}");
    assert!(csv.contains("\r\n\"'\r=1.json\","), "{csv}");
}

/// The participants table is one function's: the summary's CSV is its head
/// and then each listed participant's row, which is what the command writes
/// as it reads, without keeping the list.
#[test]
fn the_participants_csv_is_its_head_and_one_row_per_participant() {
    use crossroads::core::cohort::{participant_csv_row, participants_csv_head, BOM};
    let bank = bank();
    let mut cohort = Cohort::new(&bank, true);
    let mut streamed = participants_csv_head(&bank);
    for (i, track) in [Track::Management, Track::Technical, Track::Management]
        .into_iter()
        .enumerate()
    {
        let text = clear(&bank, track, &format!("P{i}"));
        cohort.add_with(&format!("{i}.json"), &text, |file, profile| {
            let p = crossroads::core::cohort::Participant::new(&format!("{i}.json"), file, profile);
            streamed.push_str(&participant_csv_row(&bank, &p));
        });
    }
    let csv = cohort.summary().participants_csv(&bank);
    assert_eq!(csv, streamed);
    assert!(csv.starts_with(BOM));
    assert_eq!(csv.matches("\r\n").count(), 4);
    assert!(
        csv.contains(&format!("\"P1\",\"{}\",-", bank.tracks.technical.name)),
        "{csv}"
    );
}

/// A folder of a million files with a broken copy routine lists the first
/// hundred skipped files, in reading order, and counts the rest.
#[test]
fn skipped_files_are_listed_up_to_a_hundred_and_the_rest_counted() {
    use crossroads::core::cohort::LISTED_REJECTED;
    let bank = bank();
    let mut cohort = Cohort::new(&bank, false);
    for i in 0..250 {
        cohort.add(
            &format!("cut{i}.json"),
            "{\"format\": \"crossroads-result\"",
        );
    }
    cohort.reject("gone.json", "the file could not be read");
    cohort.add("ok.json", &clear(&bank, Track::Management, "x"));
    let s = cohort.summary();
    assert_eq!(LISTED_REJECTED, 100);
    assert_eq!(s.rejected.len(), 100);
    assert_eq!(s.rejected_not_listed, 151);
    assert_eq!(s.skipped(), 251);
    assert_eq!(s.participants, 1);
    assert_eq!(s.rejected[0].file, "cut0.json");
    assert_eq!(s.rejected[99].file, "cut99.json");
    // Each listed file keeps its own technical detail.
    assert!(s.rejected.iter().all(|r| r.detail.is_some()));
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["rejected"].as_array().unwrap().len(), 100);
    assert_eq!(json["rejected_not_listed"], 151);
    // Below the cap nothing is left out.
    let mut few = Cohort::new(&bank, false);
    few.add("a.json", "nope");
    assert_eq!(
        (
            few.summary().rejected.len(),
            few.summary().rejected_not_listed
        ),
        (1, 0)
    );
}

/// What a cohort reads through its lean path (the checks without the
/// single-file extras, the figures without the workings) is what the full
/// import and scoring give: the same files refused for the same reasons,
/// the same profiles apart from the per-answer contributions.
#[test]
fn the_lean_path_refuses_and_scores_as_the_full_one() {
    use crossroads::core::result_file::{import, read_result};
    use crossroads::core::score::{score, score_figures};
    let bank = bank();
    let mut partial = Session::new(&bank, "2026-11-28");
    for item in bank.items.iter().step_by(3) {
        partial.answers.insert(
            item.id().clone(),
            match item {
                Item::Likert(_) => Response::Likert(4),
                Item::Scenario(sc) => Response::Choice(sc.options[1].id.clone()),
            },
        );
    }
    partial
        .answers
        .insert("retired_question".into(), Response::Likert(2));
    let mut bad_rating = Session::new(&bank, "2026-11-28");
    bad_rating
        .skills
        .insert(crossroads::core::career::catalog::SkillId("x".into()), 9);
    let texts = [
        clear(&bank, Track::Management, "M"),
        clear(&bank, Track::Technical, "T"),
        ResultFile::new(partial).to_json(),
        ResultFile::new(bad_rating).to_json(),
        "{\"format\": \"crossroads-result\"".to_owned(),
        "{\"format\": \"crossroads-result\", \"version\": 9}".to_owned(),
        "{\"shopping\": [\"milk\"]}".to_owned(),
        "\u{0}\u{1}binary".to_owned(),
        "not json".to_owned(),
    ];
    for text in &texts {
        let full = import(text, &bank).map(|i| i.file);
        assert_eq!(read_result(text), full, "{text}");
        if let Ok(file) = full {
            let mut explained = score(&bank, &file.session.answers);
            let figures = score_figures(&bank, &file.session.answers);
            assert!(figures.contributions.is_empty());
            assert!(!explained.contributions.is_empty());
            explained.contributions.clear();
            assert_eq!(figures, explained);
        }
    }
}

/// The keyed answers read in one pass are those read one statement at a
/// time: skipped, out of range, reversed, and answers to unknown questions
/// in between.
#[test]
fn keyed_answers_in_one_pass_match_one_at_a_time() {
    use crossroads::core::reliability::{keyed, statements, Keying};
    let bank = bank();
    let st = statements(&bank);
    let keying = Keying::new(&st);
    let mut s = Session::new(&bank, "2026-11-28");
    for (i, item) in bank.items.iter().enumerate() {
        let r = match (item, i % 4) {
            (_, 0) => continue,
            (Item::Likert(_), 1) => Response::Likert(9),
            (Item::Likert(_), _) => Response::Likert((i % 5 + 1) as u8),
            (Item::Scenario(sc), _) => Response::Choice(sc.options[0].id.clone()),
        };
        s.answers.insert(item.id().clone(), r);
    }
    for extra in ["0", "a", "zzz", "people_0"] {
        s.answers.insert(extra.into(), Response::Likert(3));
    }
    let one_at_a_time: Vec<Option<u8>> = st
        .iter()
        .map(|x| keyed(s.answers.get(bank.items[x.index].id()), x.reverse))
        .collect();
    assert_eq!(keying.keyed(&st, &s.answers), one_at_a_time);
    assert!(one_at_a_time.iter().any(|k| k.is_some()));
    assert!(one_at_a_time.iter().any(|k| k.is_none()));
}

/// The cohort page refuses a large file that is not `.json` before reading
/// it, without asking a `.json` file's size at all, and lists each file it
/// could not read in the words it used before they were typed.
#[test]
fn the_page_says_why_it_could_not_read_a_chosen_file() {
    use crossroads::core::cohort::ChosenFileError;
    use crossroads::core::result_file::MAX_BYTES;
    let limit = MAX_BYTES as u64;
    let never = || -> u64 { panic!("a .json file's size was asked") };
    assert_eq!(ChosenFileError::check("huge.json", never), Ok(()));
    assert_eq!(ChosenFileError::check("photo.png", || limit), Ok(()));
    let photo = ChosenFileError::check("photo.png", || 3 * limit + 700).unwrap_err();
    assert_eq!(
        photo,
        ChosenFileError::TooLarge {
            bytes: 3 * limit + 700
        }
    );
    assert_eq!(
        photo.to_string(),
        "the file is 3073 KB, over the 1024 KB limit"
    );
    assert_eq!(
        ChosenFileError::TooLarge { bytes: limit + 1 }.to_string(),
        "the file is 1024 KB, over the 1024 KB limit"
    );
    assert_eq!(
        ChosenFileError::Unreadable.to_string(),
        "the file could not be read"
    );
    // An archive is unpacked whatever its size: its entries are checked.
    for name in ["cohort.zip", "Cohort.ZIP", "a.b.Zip"] {
        assert!(crossroads::core::cohort::is_archive(name), "{name}");
        assert_eq!(ChosenFileError::check(name, never), Ok(()), "{name}");
    }
    for name in ["zip", ".zipx", "cohort.zip.json", "notes.gz", "ü.zi"] {
        assert!(!crossroads::core::cohort::is_archive(name), "{name}");
    }
    // An archive's entries that may be results: not what macOS adds.
    use crossroads::core::cohort::is_result_entry;
    for name in ["r1.json", "cohort/sub/r2.json", "a._b.json", "._/r3.json"] {
        assert!(is_result_entry(name), "{name}");
    }
    for name in [
        "__MACOSX/cohort/._r1.json",
        "cohort/._r1.json",
        "._r1.json",
        "readme.txt",
        "r.json/",
    ] {
        assert!(!is_result_entry(name), "{name}");
    }
    // What a chosen folder contributes: result files and archives.
    use crossroads::core::cohort::is_cohort_file;
    for name in ["r1.json", "Spring.ZIP"] {
        assert!(is_cohort_file(name), "{name}");
    }
    for name in ["._r1.json", ".DS_Store", "notes.pdf", "people.csv"] {
        assert!(!is_cohort_file(name), "{name}");
    }
    // What the file-reading worker says of an archive or an entry, in words.
    let said = |why: &str| ChosenFileError::from_worker(why).to_string();
    assert_eq!(
        said("encrypted"),
        "it is encrypted: unpack the archive with its password, then choose the files"
    );
    assert_eq!(
        said("method"),
        "it is compressed in a way the browser cannot unpack: unpack the archive, then choose the files"
    );
    assert_eq!(
        said("zip64"),
        "the archive is over 4 GB or holds over 65,535 files: `crossroads cohort` reads it"
    );
    assert_eq!(said("empty"), "the archive holds no .json file");
    assert_eq!(said("damaged"), "it is damaged, or not a .zip archive");
    // A word this version does not know is read as damage, not ignored.
    assert_eq!(said("from a newer worker"), said("damaged"));

    let bank = bank();
    let mut cohort = Cohort::new(&bank, false);
    cohort.reject("photo.png", &photo);
    cohort.reject("gone.json", ChosenFileError::Unreadable);
    let s = cohort.summary();
    let listed: Vec<(&str, &str)> = s
        .rejected
        .iter()
        .map(|r| (r.file.as_str(), r.problem.as_str()))
        .collect();
    assert_eq!(
        listed,
        [
            ("photo.png", "the file is 3073 KB, over the 1024 KB limit"),
            ("gone.json", "the file could not be read"),
        ]
    );
    assert!(s.rejected.iter().all(|r| r.detail.is_none()));
}
