//! Result files: lossless round trip over many generated results, and a clear
//! message for every way a file can be unusable.

use crossroads::core::bank::{Bank, Item, OptionId};
use crossroads::core::content::Content;
use crossroads::core::result_file::{import, ImportError, ResultFile, MAX_BYTES};
use crossroads::core::score::Response;
use crossroads::core::session::Session;

fn bank() -> Bank {
    Content::builtin().unwrap().bank
}

/// A small deterministic generator (no external crates).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

pub fn generated(bank: &Bank, seed: u64) -> ResultFile {
    let mut rng = Lcg(seed);
    let mut s = Session::new(bank, "2026-11-28T10:00:00.000Z");
    for item in &bank.items {
        if rng.next(5) == 0 {
            continue; // skipped
        }
        let r = match item {
            Item::Likert(_) => Response::Likert(1 + rng.next(5) as u8),
            Item::Scenario(sc) => Response::Choice(
                sc.options[rng.next(sc.options.len() as u64) as usize]
                    .id
                    .clone(),
            ),
        };
        s.answers.insert(item.id().clone(), r);
    }
    s.position = rng.next(bank.items.len() as u64) as usize;
    s.finished = rng.next(2) == 0;
    let names = ["Ana", "<script>alert(1)</script>", "Zoë \"Z\" O'Neil", ""];
    let name = names[rng.next(4) as usize];
    s.display_name = (!name.is_empty()).then(|| name.to_owned());
    s.notes = format!("note {seed}\nwith lines & <b>markup</b>");
    ResultFile::new(s)
}

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
    let cases: Vec<(&str, String, &str)> = vec![
        ("not JSON", "hello, mentor".into(), "not JSON"),
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
        ("over 1 MB", huge, "the limit is 1024 KB"),
        ("damaged", damaged, "damaged: at session.answers"),
    ];
    for (name, text, expected) in cases {
        let err = import(&text, &bank).expect_err(name);
        let msg = err.to_string();
        assert!(msg.contains(expected), "{name}: {msg}");
    }
    assert!(matches!(
        import("{\"format\": \"crossroads-result\"}", &bank),
        Err(ImportError::Invalid(_))
    ));
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
