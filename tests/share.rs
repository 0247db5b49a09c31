//! Share links: round trip, compactness, and a message for every broken link.

mod common;

use crossroads::core::bank::{Bank, Item};
use crossroads::core::content::Content;
use crossroads::core::score::Response;
use crossroads::core::session::Session;
use crossroads::core::share::{check, decode, encode, ShareError};

use common::bank;

fn full(bank: &Bank) -> Session {
    let mut s = Session::new(bank, "2026-11-28T10:00:00Z");
    for (i, item) in bank.items.iter().enumerate() {
        let r = match item {
            Item::Likert(_) => Response::Likert(1 + (i % 5) as u8),
            Item::Scenario(sc) => Response::Choice(sc.options[i % sc.options.len()].id.clone()),
        };
        s.answers.insert(item.id().clone(), r);
    }
    s.finished = true;
    s
}

#[test]
fn a_complete_result_round_trips_in_a_short_link() {
    let bank = bank();
    let s = full(&bank);
    let link = encode(&bank, &s, Some("Zoë & <b>co</b>"));
    assert!(link.len() < 160, "{} chars: {link}", link.len());
    let back = decode(&bank, &link).unwrap();
    assert_eq!(back.session.answers, s.answers);
    assert!(back.session.finished);
    assert_eq!(back.display_name.as_deref(), Some("Zoë & <b>co</b>"));
}

#[test]
fn skipped_answers_stay_skipped() {
    let bank = bank();
    let mut s = full(&bank);
    let gone: Vec<_> = bank
        .items
        .iter()
        .step_by(7)
        .map(|i| i.id().clone())
        .collect();
    for id in &gone {
        s.answers.remove(id);
    }
    let back = decode(&bank, &encode(&bank, &s, None)).unwrap();
    assert_eq!(back.session.answers, s.answers);
    assert_eq!(back.display_name, None);
}

#[test]
fn every_broken_link_gets_a_message() {
    let bank = bank();
    let link = encode(&bank, &full(&bank), Some("Ana"));
    let truncated = &link[..link.len() - 10];
    let tampered = link.replacen("a=1", "a=5", 1);
    let signed = |body: &str| format!("#/r?{body}&c={}", check(body));
    for (name, text, expected) in [
        ("truncated", truncated.to_owned(), "incomplete"),
        ("tampered", tampered, "incomplete"),
        (
            "not a result link",
            "#/questions".to_owned(),
            "not a whole Crossroads result link",
        ),
        ("no check", "#/r?v=1&a=12".to_owned(), "incomplete"),
        (
            "newer",
            signed("v=9&b=1.0.0&a=123"),
            "newer version of Crossroads",
        ),
        (
            "bad answer",
            signed("v=1&b=1.0.0&a=12x"),
            "not an answer to question",
        ),
        (
            "too many",
            signed(&format!("v=1&a={}", "3".repeat(bank.items.len() + 1))),
            "more answers",
        ),
        ("bad escape", signed("v=1&a=1&n=%zz"), "broken %-escape"),
    ] {
        // The reason is the detail; the message is for a mentor.
        let err = decode(&bank, &text).expect_err(name);
        let said = format!("{err} {}", err.detail().unwrap_or_default());
        assert!(said.contains(expected), "{name}: {said}");
    }
    assert!(matches!(
        decode(&bank, "#/r?v=1&a=12345&c="),
        Err(ShareError::Incomplete)
    ));
}

mod with_skills_and_role {
    use super::*;
    use crossroads::core::career::catalog::{Catalog, RoleId};
    use crossroads::core::share::{decode_full, encode_full};

    fn content() -> (Bank, Catalog) {
        let c = Content::builtin().unwrap();
        ((*c.bank).clone(), (*c.catalog).clone())
    }

    fn rated(bank: &Bank, cat: &Catalog) -> Session {
        let mut s = full(bank);
        for (i, skill) in cat.skills.iter().enumerate() {
            if i % 4 != 3 {
                s.skills.insert(skill.id.clone(), (i % 5) as u8);
            }
        }
        s.role = Some(RoleId("it_manager".into()));
        s
    }

    #[test]
    fn skill_ratings_and_role_round_trip_compactly_and_checked() {
        let (bank, cat) = content();
        let s = rated(&bank, &cat);
        let link = encode_full(&bank, &cat, &s, Some("Robin"));
        assert!(link.len() < 200, "{} chars: {link}", link.len());
        let (shared, extras) = decode_full(&bank, &cat, &link).unwrap();
        assert_eq!(shared.session.answers, s.answers);
        assert_eq!(shared.session.skills, s.skills);
        assert_eq!(shared.session.role, s.role);
        assert!(extras.skills && extras.role, "{extras:?}");
        assert_eq!(extras.problem, None);
        // Any change to the ratings breaks the check.
        let k = link.find("&k=").unwrap() + 10;
        let mut bent = link.clone().into_bytes();
        bent[k] = if bent[k] == b'4' { b'3' } else { b'4' };
        let bent = String::from_utf8(bent).unwrap();
        assert_eq!(
            decode_full(&bank, &cat, &bent).unwrap_err(),
            ShareError::Incomplete
        );
    }

    #[test]
    fn old_and_new_links_open_in_both_readers() {
        let (bank, cat) = content();
        let s = rated(&bank, &cat);
        // A new link in the old reader: the answers, the extra fields ignored.
        let new = encode_full(&bank, &cat, &s, None);
        assert_eq!(decode(&bank, &new).unwrap().session.answers, s.answers);
        // An old link in the new reader: answers only, and it says so.
        let old = encode(&bank, &s, None);
        let (shared, extras) = decode_full(&bank, &cat, &old).unwrap();
        assert_eq!(shared.session.answers, s.answers);
        assert!(shared.session.skills.is_empty());
        assert!(!extras.skills && !extras.role);
    }

    #[test]
    fn ratings_for_another_skill_list_are_set_aside_with_a_reason() {
        let (bank, cat) = content();
        let s = rated(&bank, &cat);
        let link = encode_full(&bank, &cat, &s, None);
        let mut other = cat.clone();
        other.skills.pop();
        let (shared, extras) = decode_full(&bank, &other, &link).unwrap();
        assert!(shared.session.skills.is_empty());
        assert!(!extras.skills);
        assert!(extras.problem.unwrap().contains("skill"));
        // A made-up level is refused, not read as something else.
        let body = link.rsplit_once("&c=").unwrap().0;
        let (head, tail) = body.split_at(body.find("&k=").unwrap() + 10);
        let forged = format!("{head}9{}", &tail[1..]);
        let forged = format!("{forged}&c={}", check(forged.trim_start_matches("#/r?")));
        assert!(
            matches!(
                decode_full(&bank, &cat, &forged),
                Err(ShareError::Malformed(_))
            ),
            "{forged}"
        );
    }
}
