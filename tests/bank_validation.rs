//! The shipped bank validates, and every kind of broken bank is reported with
//! its file, JSON path and problem.

use crossroads::core::bank::Bank;
use crossroads::core::content::{Content, BANK_JSON};
use serde_json::{json, Value};

fn shipped() -> Value {
    serde_json::from_str(BANK_JSON).expect("shipped bank is JSON")
}

/// Applies `mutate` to the shipped bank and returns the problems found.
fn problems_after(mutate: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut v = shipped();
    mutate(&mut v);
    match Bank::from_json("bank.json", &v.to_string()) {
        Ok(_) => vec![],
        Err(ps) => ps.iter().map(ToString::to_string).collect(),
    }
}

fn first_likert_of(v: &Value, dim: &str) -> usize {
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .position(|i| i["kind"] == "likert" && i["dimension"] == dim)
        .unwrap()
}

fn first_scenario(v: &Value) -> usize {
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .position(|i| i["kind"] == "scenario")
        .unwrap()
}

#[test]
fn shipped_bank_is_valid_and_complete() {
    let content = Content::builtin().unwrap_or_else(|ps| {
        panic!("shipped bank has problems:\n{ps:#?}");
    });
    let bank = content.bank;
    assert!(bank.dimensions.len() >= 9);
    assert!(
        (50..=75).contains(&bank.items.len()),
        "10–15 minutes of questions"
    );
    assert_eq!(bank.sources.len(), 5, "all five source articles are cited");
}

#[test]
fn each_broken_bank_names_file_path_and_problem() {
    type Mutation = Box<dyn FnOnce(&mut Value)>;
    let cases: Vec<(&str, Mutation, &str)> = vec![
        (
            "unknown dimension in a statement",
            Box::new(|v| v["items"][0]["dimension"] = json!("telepathy")),
            "bank.json: items[0].dimension: unknown dimension \"telepathy\"",
        ),
        (
            "duplicate item id",
            Box::new(|v| {
                let id = v["items"][0]["id"].clone();
                v["items"][1]["id"] = id;
            }),
            "bank.json: items[1].id: duplicate item id",
        ),
        (
            "empty text",
            Box::new(|v| v["items"][2]["text"] = json!("  ")),
            "bank.json: items[2].text: the text is empty",
        ),
        (
            "weight out of range",
            Box::new(|v| {
                let i = first_scenario(v);
                v["items"][i]["options"][0]["weights"]["hands_on"] = json!(5);
            }),
            ".options[0].weights.hands_on: weight 5 must be a non-zero whole number",
        ),
        (
            "zero weight",
            Box::new(|v| {
                let i = first_scenario(v);
                v["items"][i]["options"][1]["weights"]["people_orientation"] = json!(0);
            }),
            ".options[1].weights.people_orientation: weight 0 must be",
        ),
        (
            "weight on an unknown dimension",
            Box::new(|v| {
                let i = first_scenario(v);
                v["items"][i]["options"][0]["weights"]["luck"] = json!(1);
            }),
            ".weights.luck: unknown dimension \"luck\"",
        ),
        (
            "a dimension with too few statements",
            Box::new(|v| {
                let i = first_likert_of(v, "organizing");
                v["items"].as_array_mut().unwrap().remove(i);
            }),
            "dimension \"organizing\" has 5 statements; it needs at least 6",
        ),
        (
            "too few reverse-keyed statements",
            Box::new(|v| {
                for item in v["items"].as_array_mut().unwrap() {
                    if item["dimension"] == "hands_on" {
                        item["reverse"] = json!(false);
                    }
                }
            }),
            "dimension \"hands_on\" has 0 reverse-keyed statements of 8",
        ),
        (
            "unknown source",
            Box::new(|v| v["dimensions"][0]["source"] = json!("s999")),
            "bank.json: dimensions[0].source: unknown source \"s999\"",
        ),
        (
            "dimension weight outside (0, 1]",
            Box::new(|v| v["dimensions"][1]["weight"] = json!(3.0)),
            "bank.json: dimensions[1].weight: weight 3 is outside (0, 1]",
        ),
        (
            "wrong type, with its path",
            Box::new(|v| v["items"][3]["reverse"] = json!("yes")),
            "bank.json: items[3].reverse: invalid type: string \"yes\", expected a boolean",
        ),
        (
            "unknown field",
            Box::new(|v| v["dimensions"][0]["colour"] = json!("red")),
            "bank.json: dimensions[0].colour: unknown field `colour`",
        ),
        (
            "scale with four labels",
            Box::new(|v| {
                v["scale"].as_array_mut().unwrap().pop();
            }),
            "bank.json: scale: the scale needs exactly five non-empty labels",
        ),
    ];
    for (name, mutate, expected) in cases {
        let problems = problems_after(mutate);
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "{name}: expected a problem containing {expected:?}, got {problems:#?}"
        );
    }
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let problems = problems_after(|v| {
        v["items"][0]["text"] = json!("");
        v["items"][5]["text"] = json!("");
        v["dimensions"][2]["name"] = json!("");
    });
    assert_eq!(problems.len(), 3, "{problems:#?}");
}

#[test]
fn not_json_is_reported_with_its_position() {
    let err = Bank::from_json("bank.json", "{ \"id\": ").unwrap_err();
    assert_eq!(err.len(), 1);
    assert!(err[0].to_string().contains("not valid JSON"), "{}", err[0]);
}

#[test]
fn broken_fixture_file_lists_all_its_problems() {
    let text = include_str!("fixtures/broken_bank.json");
    let problems: Vec<String> = Bank::from_json("broken_bank.json", text)
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    for expected in [
        "broken_bank.json: items[1].id: duplicate item id \"a1\"",
        "broken_bank.json: items[2].dimension: unknown dimension \"nowhere\"",
        "broken_bank.json: items[3].options[0].weights.b: weight 7",
        "dimension \"a\" has 2 statements; it needs at least 6",
    ] {
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "missing {expected:?} in {problems:#?}"
        );
    }
}

#[test]
fn the_assessment_pages_copy_is_the_same_questionnaire_without_the_planners_texts() {
    use crossroads::core::content::BANK_QUESTIONNAIRE_JSON;
    let full = Bank::from_json("bank.json", BANK_JSON).expect("the shipped bank validates");
    let copy = Bank::parse("bank.json", BANK_QUESTIONNAIRE_JSON).expect("the copy parses");
    // Everything the questionnaire and the saved session rely on is the same…
    assert_eq!(
        (
            &copy.id,
            &copy.version,
            &copy.title,
            &copy.scale,
            &copy.items
        ),
        (
            &full.id,
            &full.version,
            &full.title,
            &full.scale,
            &full.items
        )
    );
    let dims = |b: &Bank| -> Vec<_> {
        b.dimensions
            .iter()
            .map(|d| {
                (
                    d.id.clone(),
                    d.name.clone(),
                    d.track,
                    d.weight,
                    d.source.clone(),
                )
            })
            .collect()
    };
    assert_eq!(dims(&copy), dims(&full));
    assert_eq!(copy.tracks.hybrid.name, full.tracks.hybrid.name);
    // …and the result texts are left to the planner page.
    assert!(copy
        .dimensions
        .iter()
        .all(|d| d.why.is_empty() && d.high_means.is_empty()));
    assert!(copy.tracks.management.summary.is_empty() && copy.switching_note.is_empty());
    assert!(copy.tracks.middle.is_none() && copy.earlier.is_empty());
    assert!(full.tracks.middle.is_some() && !full.earlier.is_empty());
    assert!(copy
        .sources
        .iter()
        .all(|s| s.title.is_empty() && s.publisher.is_none()));
    assert!(
        BANK_QUESTIONNAIRE_JSON.len() * 10 < BANK_JSON.len() * 7,
        "the copy is {} bytes, the bank {}",
        BANK_QUESTIONNAIRE_JSON.len(),
        BANK_JSON.len()
    );
}

#[test]
fn an_earlier_layout_must_name_another_version() {
    let problems = problems_after(|v| v["earlier"][0]["version"] = v["version"].clone());
    assert!(
        problems
            .iter()
            .any(|p| p.contains("bank.json: earlier[0].version: an earlier version's layout needs a version other than the bank's own")),
        "{problems:#?}"
    );
}

/// Validation is linear in the size of the bank: 100,000 questions (with
/// duplicates among them) took 28.8 s when each id was looked up in a list.
#[test]
fn a_bank_of_a_hundred_thousand_questions_is_checked_at_once() {
    use crossroads::core::json::FromJson;
    let mut v = shipped();
    let template = v["items"][0].clone();
    let items = v["items"].as_array_mut().unwrap();
    for i in 0..100_000 {
        let mut item = template.clone();
        // Every thousandth id repeats an earlier one.
        item["id"] = json!(format!("bulk{}", if i % 1000 == 999 { 0 } else { i }));
        items.push(item);
    }
    let bank = {
        let text = v.to_string();
        <Bank as FromJson>::from_json(
            &crossroads::core::json::Json::parse(&text).unwrap(),
            &crossroads::core::json::At::TOP,
        )
    }
    .unwrap();
    let started = std::time::Instant::now();
    let problems = bank.validate("bank.json");
    let took = started.elapsed();
    assert!(took.as_millis() < 2000, "took {took:?}");
    let dupes = problems
        .iter()
        .filter(|p| p.message == "duplicate item id \"bulk0\"")
        .count();
    assert_eq!(dupes, 100, "{:?}", &problems[..3.min(problems.len())]);
    assert!(problems
        .iter()
        .any(|p| p.path == "items" && p.message.contains("at most 10000")));
}

/// An item whose kind and fields disagree is refused with the variant that
/// says which, and in the words a bank's author reads (through serde too).
#[test]
fn an_item_whose_kind_and_fields_disagree_names_the_item_and_the_fault() {
    use crossroads::core::bank::{Item, ItemError, ItemId, RawItem};
    use crossroads::core::json::{At, FromJson, Json};
    let id = || ItemId::from("q9");
    let option = json!([{ "id": "a", "text": "A", "weights": {} }]);
    let cases: Vec<(Value, ItemError, &str)> = vec![
        (
            json!({ "id": "q9", "kind": "likert", "text": "t", "dimension": "d", "options": option }),
            ItemError::LikertWithOptions(id()),
            "likert item \"q9\" cannot have options",
        ),
        (
            json!({ "id": "q9", "kind": "likert", "text": "t" }),
            ItemError::LikertWithoutDimension(id()),
            "likert item \"q9\" needs a dimension",
        ),
        (
            json!({ "id": "q9", "kind": "scenario", "text": "t", "reverse": true, "options": option }),
            ItemError::ScenarioWithDimension(id()),
            "scenario \"q9\" weighs dimensions through its options; remove \"dimension\" and \"reverse\"",
        ),
        (
            json!({ "id": "q9", "kind": "scenario", "text": "t", "dimension": "d", "options": option }),
            ItemError::ScenarioWithDimension(id()),
            "scenario \"q9\" weighs dimensions through its options; remove \"dimension\" and \"reverse\"",
        ),
        (
            json!({ "id": "q9", "kind": "scenario", "text": "t" }),
            ItemError::ScenarioWithoutOptions(id()),
            "scenario \"q9\" needs options",
        ),
    ];
    for (raw, variant, message) in cases {
        let text = raw.to_string();
        let tree = Json::parse(&text).unwrap();
        let parsed = RawItem::from_json(&tree, &At::TOP).expect("the raw item reads");
        let err = Item::try_from(parsed).unwrap_err();
        assert_eq!(err, variant, "{raw}");
        assert_eq!(err.to_string(), message, "{raw}");
        let read = Item::from_json(&tree, &At::TOP).unwrap_err();
        assert_eq!(read.message, message);
    }
}

/// The pages embed `questions/` without its indentation: the same JSON,
/// value for value, and smaller.
#[test]
fn embedded_content_is_the_authored_content_without_indentation() {
    use crossroads::core::content::BUILTIN_CATALOG;
    let c = &BUILTIN_CATALOG;
    for (name, embedded) in [
        ("bank", BANK_JSON),
        ("skills", c.skills),
        ("experience", c.experience),
        ("roles", c.roles),
        ("certifications", c.certifications),
        ("activities", c.activities),
        ("prompts", c.prompts),
    ] {
        let authored = std::fs::read_to_string(format!("questions/{name}.json")).expect("readable");
        let value = |t: &str| serde_json::from_str::<serde_json::Value>(t).expect("JSON");
        assert_eq!(value(embedded), value(&authored), "{name}");
        assert!(
            embedded.len() < authored.len(),
            "{name} is embedded compact"
        );
        assert!(!embedded.contains("\n "), "{name} keeps no indentation");
    }
}

/// Screens compare their content to skip a render: the same loaded bank and
/// catalog are equal, however they are handed around; content loaded anew
/// counts as new (and is drawn again), even with the same text, since the
/// comparison never walks the questions.
#[test]
fn content_is_the_same_when_it_is_the_same_load() {
    let loaded = Content::builtin().expect("shipped content is valid");
    let handed_on = loaded.clone();
    assert_eq!(loaded, handed_on);
    let reloaded = Content::builtin().expect("shipped content is valid");
    assert_ne!(loaded, reloaded);
    let same_bank_other_catalog = Content {
        bank: loaded.bank.clone(),
        catalog: reloaded.catalog.clone(),
    };
    assert_ne!(loaded, same_bank_other_catalog);
}

/// A bank of the wrong shape is named by path and what is wrong, in serde's
/// words (the messages the derived deserializers gave before the bank was
/// read through one JSON tree).
#[test]
fn a_bank_of_the_wrong_shape_says_where_and_what() {
    type Mutation = Box<dyn FnOnce(&mut Value)>;
    let cases: Vec<(Mutation, &str)> = vec![
        (Box::new(|v| { v.as_object_mut().unwrap().remove("title"); }),
            "bank.json: $: missing field `title`"),
        (Box::new(|v| v["dimensions"][2]["track"] = json!("sideways")),
            "bank.json: dimensions[2].track: unknown variant `sideways`, expected one of `management`, `technical`, `hybrid`, `neither`"),
        (Box::new(|v| v["dimensions"][0]["weight"] = json!("heavy")),
            "bank.json: dimensions[0].weight: invalid type: string \"heavy\", expected f64"),
        (Box::new(|v| v["items"][0]["kind"] = json!("essay")),
            "bank.json: items[0].kind: unknown variant `essay`, expected `likert` or `scenario`"),
        (Box::new(|v| v["tracks"]["middle"] = json!({"both": "b"})),
            "bank.json: tracks.middle: missing field `neither`"),
        (Box::new(|v| v["sources"][1]["publisher"] = json!(3)),
            "bank.json: sources[1].publisher: invalid type: integer `3`, expected a string"),
        (Box::new(|v| {
            let i = v["items"].as_array().unwrap().iter().position(|it| it["kind"] == "scenario").unwrap();
            let dim = v["dimensions"][0]["id"].clone();
            v["items"][i]["options"][0]["weights"][dim.as_str().unwrap()] = json!(3_000_000_000u64);
        }), "expected i32"),
        (Box::new(|v| v["earlier"] = json!([{"version": "0.9", "items": [{"id": "q1", "order": 2}]}])),
            "bank.json: earlier[0].items[0].order: unknown field `order`, expected `id` or `options`"),
    ];
    for (mutate, expected) in cases {
        let problems = problems_after(mutate);
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with(expected)
                    || (!expected.contains(':') && p.contains(expected))),
            "expected {expected:?}, got {problems:#?}"
        );
    }
}

/// The track names an author writes are the ones the schema lists.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn track_names_match_the_schema() {
    use crossroads::core::bank::Track;
    use crossroads::core::json::{At, FromJson, Json};
    let schema = serde_json::to_value(schemars::schema_for!(Track)).unwrap();
    // Documented variants are listed one by one, each with its words.
    let listed: Vec<&str> = schema["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["const"].as_str().or(v["enum"][0].as_str()).unwrap())
        .collect();
    let ours: Vec<&str> = Track::NAMES.iter().map(|(n, _)| *n).collect();
    assert_eq!(ours, listed);
    for (name, track) in Track::NAMES {
        assert_eq!(serde_json::to_value(track).unwrap(), json!(name));
        assert_eq!(
            Track::from_json(&Json::parse(&json!(name).to_string()).unwrap(), &At::TOP).unwrap(),
            *track
        );
    }
}
