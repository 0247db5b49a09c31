//! Result files: lossless round trip over many generated results, and a clear
//! message for every way a file can be unusable.

mod common;

use common::{bank, generated};
use crossroads::core::bank::OptionId;
use crossroads::core::result_file::{import, ImportError, ResultFile, MAX_BYTES};
use crossroads::core::review::MentorReview;
use crossroads::core::score::Response;
use crossroads::core::session::MAX_BUDGET_USD;

#[test]
fn export_import_export_is_lossless() {
    let bank = bank();
    for seed in 0..200 {
        let file = generated(&bank, seed);
        let text = file.to_json();
        let back = import(&text, &bank).expect("own export imports");
        assert_eq!(back.file, file, "seed {seed}");
        assert_eq!(back.file.to_json(), text, "seed {seed}");
        assert!(back.unknown_answers.is_empty());
        assert!(back.other_bank.is_none());
    }
}

#[test]
fn every_unusable_file_gets_its_own_message() {
    let bank = bank();
    let good = generated(&bank, 7).to_json();
    let newer = good.replace("\"version\": 1", "\"version\": 9");
    let huge = format!("{}{}", " ".repeat(MAX_BYTES), good);
    let damaged = good.replace("\"answers\": {", "\"answers\": 3, \"x\": {");
    // A newer app may add fields this one does not know: still "newer".
    let newer_with_more = newer.replacen('{', "{\"new_field\": [1, 2],", 1);
    let another_format = good.replace("crossroads-result", "crossroads-cohort");
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "not JSON",
            "hello, mentor".into(),
            "not in the form Crossroads writes",
        ),
        (
            "a picture",
            "\u{FFFD}PNG\r\n\u{1a}\n\0\0\0\rIHDR".into(),
            "not a text file",
        ),
        (
            "JSON but not ours",
            "{\"name\": \"x\"}".into(),
            "not a Crossroads result",
        ),
        ("an array", "[1, 2]".into(), "not a Crossroads result"),
        (
            "newer format",
            newer,
            "newer version of Crossroads (result format 9",
        ),
        (
            "newer format with fields this version does not know",
            newer_with_more,
            "newer version of Crossroads (result format 9",
        ),
        (
            "shaped like a result, of another kind",
            another_format,
            "not a Crossroads result",
        ),
        ("over 1 MB", huge, "the limit is 1024 KB"),
        ("damaged", damaged, "damaged or edited by hand"),
    ];
    for (name, text, expected) in cases {
        let err = import(&text, &bank).expect_err(name);
        let msg = err.to_string();
        assert!(msg.contains(expected), "{name}: {msg}");
        // No parser jargon in what a mentor reads: that is the detail.
        for jargon in ["line ", "column", "EOF", "invalid type", "expected"] {
            assert!(!msg.contains(jargon), "{name}: {msg}");
        }
    }
    assert!(matches!(
        import("{\"format\": \"crossroads-result\"}", &bank),
        Err(ImportError::Damaged { .. })
    ));
    let err = import(&good[..good.len() / 2], &bank).unwrap_err();
    assert!(
        err.detail().unwrap().contains("EOF while parsing"),
        "{err:?}"
    );
    let err = import(
        &good.replace("\"answers\": {", "\"answers\": 3, \"x\": {"),
        &bank,
    )
    .unwrap_err();
    assert!(
        err.detail().unwrap().starts_with("at session.answers"),
        "{err:?}"
    );
}

#[test]
fn answers_to_retired_questions_are_kept_and_flagged() {
    let bank = bank();
    let mut file = generated(&bank, 3);
    file.session
        .answers
        .insert("retired-q".into(), Response::Likert(4));
    file.session.answers.insert(
        bank.items[9].id().clone(),
        Response::Choice(OptionId("zz".into())),
    );
    let text = file.to_json();
    let imported = import(&text, &bank).unwrap();
    assert!(imported.unknown_answers.contains(&"retired-q".into()));
    // Kept, not dropped: a re-export still carries them.
    assert_eq!(imported.file.to_json(), text);
}

#[test]
fn a_file_from_another_bank_version_is_flagged_and_still_scored() {
    let bank = bank();
    let mut file = generated(&bank, 11);
    file.session.bank_version = "0.9.0".into();
    let imported = import(&file.to_json(), &bank).unwrap();
    assert_eq!(
        imported.other_bank,
        Some((bank.id.clone(), "0.9.0".to_owned()))
    );
    let profile = crossroads::core::score::score(&bank, &imported.file.session.answers);
    assert!(profile.answered > 0);
}

/// A 1 MB file whose answer keys come in descending order once froze the
/// page for seconds (each key was inserted at the front of a sorted list).
#[test]
fn a_megabyte_of_answers_in_descending_order_is_dealt_with_at_once() {
    let bank = bank();
    let mut text = String::from(
        r#"{"format": "crossroads-result", "version": 1, "session": {"bank_id": "x", "bank_version": "1", "position": 0, "finished": false, "started": null, "updated": null, "answers": {"#,
    );
    let mut i = 999_999u32;
    while text.len() < MAX_BYTES - 40 {
        text.push_str(&format!("\"q{i}\":3,"));
        i -= 1;
    }
    text.push_str("\"q\":3}}}");
    assert!(text.len() <= MAX_BYTES);
    let started = std::time::Instant::now();
    let result = import(&text, &bank);
    let took = started.elapsed();
    assert!(took.as_millis() < 1000, "took {took:?}");
    let err = result.expect_err("more answers than any bank has questions");
    assert!(err.to_string().contains("damaged"), "{err}");
}

/// Every number that comes in with a file is checked where it enters, with
/// a message that names it in plain words.
#[test]
fn numbers_out_of_range_are_refused_with_a_plain_message() {
    let bank = bank();
    let base = generated(&bank, 5);
    type Edit = fn(&mut ResultFile);
    let cases: Vec<(&str, Edit, &str, &str)> = vec![
        (
            "tiny hours",
            |f| f.session.plan.hours_per_week = 1e-30,
            "hours a week for learning are 9.999999999999999e-31;",
            "session.plan.hours_per_week",
        ),
        (
            "negative hours",
            |f| f.session.plan.hours_per_week = -3.0,
            "must be from 1 to 80",
            "session.plan.hours_per_week",
        ),
        (
            "too many hours",
            |f| f.session.plan.hours_per_week = 200.0,
            "must be from 1 to 80",
            "session.plan.hours_per_week",
        ),
        (
            "negative budget",
            |f| f.session.plan.budget_usd = Some(-5.0),
            "the budget is -5",
            "session.plan.budget_usd",
        ),
        (
            "huge budget",
            |f| f.session.plan.budget_usd = Some(MAX_BUDGET_USD * 10.0),
            "the budget is 100000000",
            "session.plan.budget_usd",
        ),
        (
            "far start date",
            |f| f.session.plan.start = Some("9999-01-01".into()),
            "roadmap start date \"9999-01-01\" is not a date from 1900 to 2200",
            "session.plan.start",
        ),
        (
            "not a date",
            |f| f.session.updated = Some("yesterday".into()),
            "time of the last change \"yesterday\"",
            "session.updated",
        ),
        (
            "skill level 7",
            |f| {
                f.session.skills.insert("networking".into(), 7);
            },
            "self-rating of the skill \"networking\" is 7, but skill levels go from 0 to 4",
            "session.skills.networking",
        ),
        (
            "mentor rating 128",
            |f| {
                let mut r = MentorReview::default();
                r.ratings.insert("negotiation".into(), 128);
                f.review = Some(r);
            },
            "mentor's rating of the skill \"negotiation\" is 128",
            "review.ratings.negotiation",
        ),
        (
            "negative experience",
            |f| {
                f.session.experience.0.insert(
                    "months_leading_projects".into(),
                    crossroads::core::career::person::FactValue::Number(-40.0),
                );
            },
            "\"months_leading_projects\" is -40",
            "session.experience.months_leading_projects",
        ),
        (
            "answer 9",
            |f| {
                let id = f.session.answers.keys().next().unwrap().clone();
                f.session.answers.insert(id, Response::Likert(9));
            },
            "is 9, but answers on the agreement scale go from 1 to 5",
            "session.answers.",
        ),
    ];
    for (name, edit, says, at) in cases {
        let mut file = base.clone();
        edit(&mut file);
        let err = import(&file.to_json(), &bank).expect_err(name);
        assert!(matches!(err, ImportError::BadValue(_)), "{name}: {err:?}");
        assert!(err.to_string().contains(says), "{name}: {err}");
        assert!(
            err.detail().unwrap().starts_with(&format!("at {at}")),
            "{name}: {err:?}"
        );
    }
    // The edges themselves are fine.
    let mut file = base.clone();
    file.session.plan.hours_per_week = 0.0;
    file.session.plan.budget_usd = Some(0.0);
    file.session.skills.insert("networking".into(), 4);
    file.session.plan.start = Some("2200-12-31".into());
    import(&file.to_json(), &bank).expect("edges are in range");
    file.session.plan.hours_per_week = 80.0;
    import(&file.to_json(), &bank).expect("80 hours is in range");
}

/// A file just under the limit exports (compact when pretty would be too
/// large) and imports again, unchanged.
#[test]
fn a_near_megabyte_file_exports_to_a_file_that_imports_again() {
    let bank = bank();
    let mut file = generated(&bank, 9);
    file.session.notes = "x".repeat(MAX_BYTES - 30_000);
    for i in 0..1000 {
        file.session
            .plan
            .choices
            .done
            .insert(format!("step-{i:04}"));
    }
    let text = serde_json::to_string(&file).unwrap();
    assert!(text.len() <= MAX_BYTES);
    let first = import(&text, &bank).expect("compact file under the limit");
    let exported = first.file.to_json();
    assert!(exported.len() <= MAX_BYTES, "{} bytes", exported.len());
    let again = import(&exported, &bank).expect("its export imports");
    assert_eq!(again.file, file);
    assert_eq!(again.file.to_json(), exported);
}

/// Numbers read back exactly as they were written: a file holds numbers
/// with at most two decimals (1e-30 once came back as
/// 9.999999999999999e-31), and those always do.
#[test]
fn numbers_round_trip_exactly() {
    use crossroads::core::career::person::FactValue;
    let bank = bank();
    let mut file = generated(&bank, 12);
    for (i, x) in [0.1, 0.29, 12.34, 7.5, 999_999_999_999.99, 1e12, 2.01, 80.0]
        .into_iter()
        .enumerate()
    {
        file.session
            .experience
            .0
            .insert(format!("fact{i}").as_str().into(), FactValue::Number(x));
    }
    file.session.plan.budget_usd = Some(1234.56);
    file.session.plan.hours_per_week = 7.25;
    let text = file.to_json();
    let back = import(&text, &bank).unwrap();
    assert_eq!(back.file, file);
    assert_eq!(back.file.to_json(), text);
    // Every value with two decimals in the ranges reads back exactly.
    let mut x = 0.0f64;
    while x < 1e12 {
        let v = crossroads::core::session::two_decimals(x);
        let text = serde_json::to_string(&v).unwrap();
        assert_eq!(serde_json::from_str::<f64>(&text).unwrap(), v, "{text}");
        x = x * 1.37 + 0.013;
    }
    // More decimals than that are refused, in words.
    for x in [1e-30, 12.345678901234567, 2.0000000000000004] {
        let mut file = file.clone();
        file.session
            .experience
            .0
            .insert("fact0".into(), FactValue::Number(x));
        let err = import(&file.to_json(), &bank).unwrap_err();
        assert!(
            err.to_string().contains("at most two decimals"),
            "{x}: {err}"
        );
    }
}

/// The planner's stored list of opened results is checked like an
/// imported file, entry by entry.
#[test]
fn the_stored_list_of_opened_results_is_checked_entry_by_entry() {
    use crossroads::core::result_file::{decode_list, ListError};
    let bank = bank();
    let good = vec![generated(&bank, 1), generated(&bank, 2)];
    let text = serde_json::to_string(&good).unwrap();
    assert_eq!(decode_list(&text).unwrap(), good);
    let mut bad = good.clone();
    bad[1].session.skills.insert("networking".into(), 9);
    let err = decode_list(&serde_json::to_string(&bad).unwrap()).unwrap_err();
    let ListError::BadEntry { index: 1, bad } = &err else {
        panic!("the second entry is the bad one: {err:?}");
    };
    assert_eq!(bad.path, "session.skills.networking");
    assert_eq!(
        err.to_string(),
        format!("at [1].session.skills.networking: {}", bad.message)
    );
    let err = decode_list("{broken").unwrap_err();
    let ListError::NotAList(why) = &err else {
        panic!("not JSON is not a list: {err:?}");
    };
    assert_eq!(&err.to_string(), why);
    assert!(why.contains("expected a sequence"), "{why}");
}

/// The cohort page reads files as bytes and decodes them as a browser's
/// `File.text()` would: a byte-order mark dropped (a result re-saved by a
/// text editor still opens), invalid bytes replaced, so that a picture is
/// still told apart as not text.
#[test]
fn bytes_decode_as_a_browser_decodes_a_text_file() {
    use crossroads::core::result_file::decode_text;
    use std::borrow::Cow;
    let bank = bank();
    let good = generated(&bank, 3).to_json();
    let check = |bytes: &[u8], expect: &str| assert_eq!(decode_text(bytes), expect);
    check(b"", "");
    check(b"\xef\xbb\xbf", "");
    check(b"\xef\xbb\xbf\xef\xbb\xbfx", "\u{feff}x");
    check("Zoë".as_bytes(), "Zoë");
    check(b"a\xffb", "a\u{fffd}b");
    check(b"\xef\xbbx", "\u{fffd}x");
    assert!(matches!(decode_text(good.as_bytes()), Cow::Borrowed(_)));
    let with_mark = [b"\xef\xbb\xbf".as_slice(), good.as_bytes()].concat();
    assert_eq!(
        import(&decode_text(&with_mark), &bank).unwrap().file,
        import(&good, &bank).unwrap().file
    );
    let picture = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xd8";
    assert_eq!(
        import(&decode_text(picture), &bank),
        Err(ImportError::NotText)
    );
}

/// A file written out compact grows only where a number is written in full
/// or a left-out field gets its default: never past four times its text
/// and a kilobyte, which is why `import` counts the compact form only of
/// texts longer than `GROWS_PAST_LIMIT`. Built to grow the most: every
/// figure as short as it can be written, every optional field left out.
#[test]
fn a_file_written_out_compact_grows_at_most_four_times_and_a_kilobyte() {
    use crossroads::core::result_file::GROWS_PAST_LIMIT;
    let bank = bank();
    let head = format!(
        r#"{{"format":"crossroads-result","version":1,"session":{{"bank_id":"{}","bank_version":"{}","answers":{{}},"position":0,"finished":false,"started":null,"updated":null"#,
        bank.id, bank.version
    );
    for (entries, figure) in [
        (0, "1e9"),
        (1, "1e9"),
        (40, "9e9"),
        (10_000, "1e9"),
        (5_000, "1e12"),
        (300, "5"),
    ] {
        let experience: Vec<String> = (0..entries)
            .map(|i| format!(r#""f{i}":{figure}"#))
            .collect();
        let text = format!(
            r#"{head},"experience":{{{}}},"plan":{{"hours_per_week":8e1,"budget_usd":1e7,"start":null}}}}}}"#,
            experience.join(",")
        );
        let file = import(&text, &bank).expect("in range").file;
        let compact = serde_json::to_string(&file).unwrap();
        assert!(
            compact.len() <= 4 * text.len() + 1024,
            "{entries} × {figure}: {} bytes written from {}",
            compact.len(),
            text.len()
        );
        assert!(
            compact.len() > text.len(),
            "the figures are written out in full"
        );
    }
    const { assert!(GROWS_PAST_LIMIT * 4 + 1024 <= MAX_BYTES) };

    // Above that length the compact form is still counted: a text under
    // the limit that would write out over it is refused, as before.
    let experience: Vec<String> = (0..10_000).map(|i| format!(r#""f{i:04}":1e9"#)).collect();
    let notes = "x".repeat(MAX_BYTES - 130_000 - head.len());
    let text = format!(
        r#"{head},"notes":"{notes}","experience":{{{}}},"plan":{{"hours_per_week":5,"budget_usd":null,"start":null}}}}}}"#,
        experience.join(",")
    );
    assert!(
        text.len() <= MAX_BYTES && text.len() > GROWS_PAST_LIMIT,
        "{}",
        text.len()
    );
    match import(&text, &bank) {
        Err(ImportError::TooLarge { bytes }) => assert!(bytes > MAX_BYTES),
        other => panic!("expected too large, got {:?}", other.map(|_| ())),
    }
}
