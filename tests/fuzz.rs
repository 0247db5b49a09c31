//! Structure-aware fuzzing of every parser that reads untrusted input:
//! result files, saves (both pages' readers), share links, the list of
//! opened results, a program's `crossroads.json`, banks, catalog files and
//! cohorts. Each case takes a valid input, applies one to three mutations —
//! on the JSON tree (a value swapped for an edge case: `1e-30`, `-1.7e308`,
//! `128`, `"\t//evil.example"`, `"9999-01-01"`, …; a key dropped or added;
//! an element repeated) or on the text (a byte changed, a cut, a repeat) —
//! and reads it. Nothing may panic, and whatever is accepted must keep the
//! promises made about it: values in range, a round trip to the same
//! value, a roadmap dated within sane years, a CSV with no live formula.
//!
//! The normal test run does a few thousand cases per parser from a fixed
//! seed. A longer run:
//!
//! ```sh
//! CROSSROADS_FUZZ_CASES=1000000 cargo test --release --test fuzz
//! # with overflow checks, as the debug build has them:
//! CARGO_PROFILE_RELEASE_OVERFLOW_CHECKS=true CROSSROADS_FUZZ_CASES=1000000 cargo test --release --test fuzz
//! ```
//!
//! `CROSSROADS_FUZZ_SEED` picks another seed. A failure names the seed and
//! the case, and prints the input.

mod common;

use crossroads::core::bank::Bank;
use crossroads::core::career::catalog::{
    ActivitiesFile, Catalog, CertificationsFile, FactsFile, PromptsFile, RolesFile, SkillsFile,
};
use crossroads::core::career::person::MAX_LEVEL;
use crossroads::core::cohort::Cohort;
use crossroads::core::config::Config;
use crossroads::core::content::{Content, BANK_JSON, BUILTIN_CATALOG};
use crossroads::core::json::read_file;
use crossroads::core::report::score_report;
use crossroads::core::result_file::{decode_list, import, ResultFile};
use crossroads::core::session::{Session, LAST_YEAR};
use crossroads::core::share;
use serde_json::{json, Value};

const RESULT: &str = include_str!("fixtures/result_it_manager.json");

/// Cases per parser: `CROSSROADS_FUZZ_CASES`, or `default` (a few seconds
/// in a debug build).
fn cases(default: u64) -> u64 {
    std::env::var("CROSSROADS_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn seed() -> u64 {
    std::env::var("CROSSROADS_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5eed_c0ff_ee15_2026)
}

use common::Rng;

/// Values that have broken, or could break, a reader or what comes after.
fn edge_value(rng: &mut Rng) -> Value {
    let numbers = [
        json!(0),
        json!(-1),
        json!(1),
        json!(1e-30),
        json!(-1.7e308),
        json!(1.7e308),
        json!(1e300),
        json!(-0.0),
        json!(4),
        json!(5),
        json!(6),
        json!(7),
        json!(9),
        json!(80),
        json!(81),
        json!(128),
        json!(255),
        json!(256),
        json!(4.5),
        json!(0.5),
        json!(1e12),
        json!(9_007_199_254_740_993u64),
        json!(u64::MAX),
        json!(i64::MIN),
        json!(0.1),
        json!(12.345678901234567),
    ];
    let strings = [
        "",
        " ",
        "a",
        "=1+1",
        "\t=1",
        "\r=1",
        "+1",
        "-1",
        "@x",
        " //evil.example/x.png",
        "\t//evil.example/x",
        "\n//evil.example/x",
        "%2e%2e/secrets.json",
        "../x.json",
        "https://evil.example/x.json",
        "9999-01-01",
        "0000-01-01",
        "2026-02-30",
        "2026-12-01",
        "1899-12-31",
        "2027-01-04T09:00:00Z",
        "<script>alert(1)</script>",
        "Zoë \"Z\" O'Neil",
        "\u{0}",
        "\u{FFFD}",
        "#000000",
        "#ffffff",
        "#1f4e79",
        "po1",
        "sc1",
        "a",
        "z",
        "networking",
        "it_manager",
        "pmp",
        "capm",
        "months_leading_projects",
        "bank.json",
        "crossroads-result",
        "crossroads-session",
        "likert",
        "scenario",
    ];
    match rng.below(10) {
        0..=4 => rng.pick(&numbers).clone(),
        5..=7 => json!(rng.pick(&strings)),
        8 => rng
            .pick(&[json!(null), json!(true), json!(false), json!([]), json!({})])
            .clone(),
        _ => json!("x".repeat(rng.below(3) * 500 + 1)),
    }
}

/// A random place in the tree: a mutable reference to some value in it.
fn random_node<'a>(rng: &mut Rng, mut v: &'a mut Value) -> &'a mut Value {
    loop {
        let len = match v {
            Value::Object(m) => m.len(),
            Value::Array(a) => a.len(),
            _ => 0,
        };
        // Stop here sometimes, and always at a leaf.
        if len == 0 || rng.below(4) == 0 {
            return v;
        }
        let i = rng.below(len);
        v = match v {
            Value::Object(m) => m.values_mut().nth(i).expect("in range"),
            Value::Array(a) => &mut a[i],
            _ => unreachable!(),
        };
    }
}

/// One change to the JSON tree.
fn mutate_tree(rng: &mut Rng, root: &mut Value) {
    let node = random_node(rng, root);
    match rng.below(6) {
        0..=2 => *node = edge_value(rng),
        3 => match node {
            Value::Object(m) if !m.is_empty() => {
                let key = m.keys().nth(rng.below(m.len())).cloned().expect("in range");
                m.remove(&key);
            }
            Value::Array(a) if !a.is_empty() => {
                let i = rng.below(a.len());
                a.remove(i);
            }
            _ => *node = edge_value(rng),
        },
        4 => match node {
            Value::Object(m) => {
                let key = match edge_value(rng) {
                    Value::String(s) => s,
                    other => other.to_string(),
                };
                m.insert(key, edge_value(rng));
            }
            Value::Array(a) if !a.is_empty() => {
                let i = rng.below(a.len());
                let copy = a[i].clone();
                for _ in 0..=rng.below(3) {
                    a.insert(i, copy.clone());
                }
            }
            _ => *node = edge_value(rng),
        },
        _ => {
            // An object's value moved under another of its keys.
            if let Value::Object(m) = node {
                if m.len() >= 2 {
                    let keys: Vec<String> = m.keys().cloned().collect();
                    let (a, b) = (rng.pick(&keys).clone(), rng.pick(&keys).clone());
                    let va = m[&a].clone();
                    m[&b] = va;
                }
            }
        }
    }
}

/// One change to the text.
fn mutate_text(rng: &mut Rng, text: &mut Vec<u8>) {
    if text.is_empty() {
        text.push(b'{');
        return;
    }
    let i = rng.below(text.len());
    match rng.below(5) {
        0 => text[i] = *rng.pick(b"{}[]\",:0123456789-+.eE \\tnul\x00\xff"),
        1 => text.truncate(i),
        2 => {
            let end = (i + rng.below(64)).min(text.len());
            let slice = text[i..end].to_vec();
            text.splice(i..i, slice);
        }
        3 => {
            let end = (i + rng.below(16)).min(text.len());
            text.drain(i..end);
        }
        _ => text.insert(i, *rng.pick(b"\"{[,\\\x7f")),
    }
}

/// A mutated copy of `seed` (JSON): one to three changes, mostly to the tree.
fn mutated(rng: &mut Rng, seed: &Value) -> String {
    let mut v = seed.clone();
    let changes = 1 + rng.below(3);
    let mut text = None::<Vec<u8>>;
    for _ in 0..changes {
        if text.is_none() && rng.below(10) < 7 {
            mutate_tree(rng, &mut v);
        } else {
            let t = text.get_or_insert_with(|| {
                if rng.below(2) == 0 {
                    v.to_string().into_bytes()
                } else {
                    serde_json::to_string_pretty(&v)
                        .expect("a value prints")
                        .into_bytes()
                }
            });
            mutate_text(rng, t);
        }
    }
    match text {
        Some(t) => String::from_utf8_lossy(&t).into_owned(),
        None => v.to_string(),
    }
}

/// Runs `check` on `n` inputs made by `make`, naming the case that fails.
fn fuzz(name: &str, n: u64, mut make: impl FnMut(&mut Rng) -> String, mut check: impl FnMut(&str)) {
    let seed = seed();
    let started = std::time::Instant::now();
    for case in 0..n {
        let mut rng = Rng(seed ^ case.wrapping_mul(0x2545_f491_4f6c_dd1d));
        let input = make(&mut rng);
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&input)));
        if outcome.is_err() {
            panic!(
                "{name}: case {case} (seed {seed}) failed on this input:\n{}",
                input.chars().take(4000).collect::<String>()
            );
        }
    }
    eprintln!("fuzz {name}: {n} cases in {:.1?}", started.elapsed());
}

use common::content;

/// Every date of a roadmap lies in sane years (a tiny hours-a-week once
/// dated a phase in the year -25252734927764528).
fn assert_sane_roadmap(report: &crossroads::core::report::ScoreReport) {
    if let Some(roadmap) = &report.roadmap {
        assert!(roadmap.total_hours.is_finite() && roadmap.total_cost_usd.is_finite());
        for step in roadmap.steps() {
            for date in [step.start, step.end] {
                let year = date.ymd().0;
                assert!(
                    (1900..=LAST_YEAR + 200).contains(&year),
                    "{}: {year}",
                    step.id
                );
            }
            assert!(step.hours.is_finite() && step.hours >= 0.0, "{}", step.id);
        }
    }
}

/// What an accepted result file promises: values in range, the same file
/// after an export, and a roadmap within sane years.
fn check_result_file(text: &str) {
    let content = content();
    let Ok(imported) = import(text, &content.bank) else {
        return;
    };
    let file = &imported.file;
    file.check().expect("accepted means in range");
    let s = &file.session;
    assert!(s.skills.values().all(|l| *l <= MAX_LEVEL));
    let h = s.plan.hours_per_week;
    assert!(h == 0.0 || (1.0..=80.0).contains(&h), "{h}");
    let exported = file.to_json();
    let again = import(&exported, &content.bank).expect("an export imports");
    assert_eq!(&again.file, file);
    assert_eq!(again.file.to_json(), exported);
    let report = score_report(content, text, Some("2026-12-01")).expect("imported once");
    assert_sane_roadmap(&report);
}

fn result_seeds() -> Vec<Value> {
    let mut full: Value = serde_json::from_str(RESULT).expect("fixture");
    full["review"] = json!({
        "mentor_name": "Dana",
        "ratings": {"networking": 1, "negotiation": 3},
        "skill_notes": {"networking": "VLAN"},
        "overall": "Good"
    });
    full["session"]["plan"]["budget_usd"] = json!(1500);
    full["session"]["held"] = json!(["capm"]);
    full["session"]["plan"]["choices"] =
        json!({"done": ["capm"], "skipped": ["itil4"], "pinned": ["pmp"]});
    vec![serde_json::from_str(RESULT).expect("fixture"), full]
}

#[test]
fn result_files() {
    let seeds = result_seeds();
    fuzz(
        "result files",
        cases(2000),
        |rng| {
            let seed = rng.pick(&seeds).clone();
            mutated(rng, &seed)
        },
        check_result_file,
    );
}

#[test]
fn saves_for_both_pages() {
    let file: ResultFile = serde_json::from_str(RESULT).expect("fixture");
    let save: Value = serde_json::from_str(&file.session.encode()).expect("a save is JSON");
    fuzz(
        "saves",
        cases(3000),
        |rng| mutated(rng, &save),
        |text| {
            if let Ok(s) = Session::decode(text) {
                s.check().expect("accepted means in range");
                assert_eq!(Session::decode(&s.encode()).as_ref(), Ok(&s));
            }
            if let Ok((s, kept)) = Session::decode_questionnaire(text) {
                s.check_questionnaire().expect("accepted means in range");
                let again = Session::decode_questionnaire(&s.encode_questionnaire(&kept))
                    .expect("what the page writes, it reads");
                assert_eq!(again.0, s);
                assert_eq!(again.1, kept);
            }
        },
    );
}

#[test]
fn lists_of_opened_results() {
    let seeds = result_seeds();
    let list = Value::Array(seeds);
    fuzz(
        "opened lists",
        cases(1500),
        |rng| mutated(rng, &list),
        |text| {
            if let Ok(list) = decode_list(text) {
                for f in &list {
                    f.check().expect("accepted means in range");
                }
            }
        },
    );
}

#[test]
fn share_links() {
    let bank = &content().bank;
    let file: ResultFile = serde_json::from_str(RESULT).expect("fixture");
    let mut session = file.session.clone();
    for (i, item) in bank.items.iter().enumerate().step_by(2) {
        let r = match item {
            crossroads::core::bank::Item::Likert(_) => {
                crossroads::core::score::Response::Likert(1 + (i % 5) as u8)
            }
            crossroads::core::bank::Item::Scenario(s) => {
                crossroads::core::score::Response::Choice(s.options[i % s.options.len()].id.clone())
            }
        };
        session.answers.insert(item.id().clone(), r);
    }
    let link = share::encode(bank, &session, Some("Ana & \"Zoë\""));
    fuzz(
        "share links",
        cases(5000),
        |rng| {
            let mut text = link.clone().into_bytes();
            // Re-signed half the time, so mutations get past the check.
            for _ in 0..=rng.below(3) {
                mutate_text(rng, &mut text);
            }
            let text = String::from_utf8_lossy(&text).into_owned();
            match (rng.below(2), text.strip_prefix(share::PREFIX)) {
                (0, Some(body)) => {
                    let body = body.rsplit_once("&c=").map_or(body, |(b, _)| b);
                    format!("{}{body}&c={}", share::PREFIX, share::check(body))
                }
                _ => text,
            }
        },
        |text| {
            if let Ok(shared) = share::decode(bank, text) {
                shared.session.check().expect("accepted means in range");
                let again = share::encode(bank, &shared.session, shared.display_name.as_deref());
                let back = share::decode(bank, &again).expect("a link it made, it reads");
                // Answers to questions of this bank travel; retired ones
                // (from an older version's link) cannot.
                let current = |s: &crossroads::core::session::Session| {
                    s.answers
                        .iter()
                        .filter(|(id, _)| bank.item(id).is_some())
                        .map(|(id, r)| (id.clone(), r.clone()))
                        .collect::<Vec<_>>()
                };
                assert_eq!(current(&back.session), current(&shared.session));
            }
        },
    );
}

#[test]
fn program_configs() {
    let seed = json!({
        "$schema": "crossroads.schema.json",
        "name": "Acme IT Academy",
        "logo": "img/logo.svg",
        "accent": "#1f4e79",
        "welcome": "Welcome to the cohort.",
        "content": {"bank": "content/bank.json", "roles": "roles.json"}
    });
    fuzz(
        "crossroads.json",
        cases(5000),
        |rng| mutated(rng, &seed),
        |text| {
            if let Ok(config) = Config::from_json(text) {
                assert!(config.validate().is_empty());
                let paths = config.content.named().into_iter().map(|(_, p)| p);
                for path in config.logo.as_deref().into_iter().chain(paths) {
                    assert!(
                        path.bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b"-_./".contains(&b))
                            && !path.starts_with('/')
                            && !path.split('/').any(|s| s.is_empty() || s == ".."),
                        "{path:?}"
                    );
                }
            }
        },
    );
}

#[test]
fn banks() {
    let seed: Value = serde_json::from_str(BANK_JSON).expect("bank");
    fuzz(
        "banks",
        cases(600),
        |rng| mutated(rng, &seed),
        |text| {
            if let Ok(bank) = Bank::from_json("bank.json", text) {
                assert!(bank.validate("bank.json").is_empty());
                let file: ResultFile = serde_json::from_str(RESULT).expect("fixture");
                let profile = crossroads::core::score::score(&bank, &file.session.answers);
                assert!(profile.leaning.is_finite() && (-100.0..=100.0).contains(&profile.leaning));
            }
        },
    );
}

#[test]
fn catalog_files() {
    let t = &BUILTIN_CATALOG;
    let seeds: Vec<(&str, Value)> = [
        ("skills", t.skills),
        ("experience", t.experience),
        ("roles", t.roles),
        ("certifications", t.certifications),
        ("activities", t.activities),
        ("prompts", t.prompts),
    ]
    .into_iter()
    .map(|(k, text)| (k, serde_json::from_str(text).expect("catalog file")))
    .collect();
    let builtin = content().catalog.clone();
    fuzz(
        "catalog files",
        cases(600),
        |rng| {
            let (key, seed) = rng.pick(&seeds);
            format!("{key}\n{}", mutated(rng, seed))
        },
        |input| {
            let (key, text) = input.split_once('\n').expect("key, then text");
            // Only the mutated file is parsed; the others are the built-in ones.
            let mut cat = (*builtin).clone();
            let parsed = match key {
                "skills" => read_file::<SkillsFile>(key, text).map(|f| cat.skills = f.skills),
                "experience" => read_file::<FactsFile>(key, text).map(|f| cat.facts = f.facts),
                "roles" => read_file::<RolesFile>(key, text).map(|f| cat.roles = f.roles),
                "certifications" => read_file::<CertificationsFile>(key, text)
                    .map(|f| cat.certifications = f.certifications),
                "activities" => {
                    read_file::<ActivitiesFile>(key, text).map(|f| cat.activities = f.activities)
                }
                _ => read_file::<PromptsFile>(key, text).map(|f| cat.prompts = f.prompts),
            };
            if parsed.is_err() || !cat.validate().is_empty() {
                return;
            }
            // An accepted catalog plans a roadmap within sane years.
            let content = Content {
                bank: content().bank.clone(),
                catalog: std::sync::Arc::new(cat),
            };
            for role in content.catalog.roles.iter().take(2) {
                let mut file: Value = serde_json::from_str(RESULT).expect("fixture");
                file["session"]["role"] = json!(role.id);
                let report = score_report(&content, &file.to_string(), Some("2026-12-01"))
                    .expect("the fixture imports");
                assert_sane_roadmap(&report);
            }
        },
    );
    // Catalog::from_texts reads the same files the same way.
    assert!(Catalog::from_texts(t).is_ok());
}

#[test]
fn cohorts() {
    let seeds = result_seeds();
    let content = content();
    let role = content.catalog.roles.first().expect("a role");
    let today = crossroads::core::career::date::Date::from_ymd(2026, 12, 1).expect("a date");
    fuzz(
        "cohorts",
        cases(1500),
        |rng| {
            let seed = rng.pick(&seeds).clone();
            mutated(rng, &seed)
        },
        |text| {
            let mut cohort =
                Cohort::new(&content.bank, true).with_role(&content.catalog, role, today);
            cohort.add(text, text);
            cohort.add("good.json", RESULT);
            let summary = cohort.summary();
            assert_eq!(summary.participants + summary.rejected.len(), 2);
            let csv = summary.participants_csv(&content.bank);
            for live in ["=", "+", "-", "@", "\t", "\r"] {
                assert!(!csv.contains(&format!(",\"{live}")), "{live:?} in {csv}");
                assert!(!csv.contains(&format!("\n\"{live}")), "{live:?} in {csv}");
            }
        },
    );
}
