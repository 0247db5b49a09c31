//! The shipped catalog validates; broken catalogs name file, path and problem;
//! gaps sort by weighted size; role suggestions treat both tracks as equals.

mod common;

use std::collections::BTreeSet;

use crossroads::core::career::catalog::{
    CareerTrack, Catalog, CatalogTexts, CertId, Condition, FactId, FactKind, RoleId, SkillId,
};
use crossroads::core::career::gap::{gap, suggest_roles};
use crossroads::core::career::person::SkillRatings;
use crossroads::core::content::{Content, BUILTIN_CATALOG};
use crossroads::core::json::{At, FromJson, Json};
use serde_json::{json, Value};

fn with(file: &str, mutate: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut v: Value = serde_json::from_str(match file {
        "skills" => BUILTIN_CATALOG.skills,
        "roles" => BUILTIN_CATALOG.roles,
        "certifications" => BUILTIN_CATALOG.certifications,
        "activities" => BUILTIN_CATALOG.activities,
        "experience" => BUILTIN_CATALOG.experience,
        _ => unreachable!(),
    })
    .unwrap();
    mutate(&mut v);
    let text = v.to_string();
    let texts = CatalogTexts {
        skills: if file == "skills" {
            &text
        } else {
            BUILTIN_CATALOG.skills
        },
        roles: if file == "roles" {
            &text
        } else {
            BUILTIN_CATALOG.roles
        },
        certifications: if file == "certifications" {
            &text
        } else {
            BUILTIN_CATALOG.certifications
        },
        activities: if file == "activities" {
            &text
        } else {
            BUILTIN_CATALOG.activities
        },
        experience: if file == "experience" {
            &text
        } else {
            BUILTIN_CATALOG.experience
        },
        ..BUILTIN_CATALOG
    };
    match Catalog::from_texts(&texts) {
        Ok(_) => vec![],
        Err(ps) => ps.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn the_shipped_catalog_is_complete_and_sourced() {
    let cat = common::catalog();
    assert!(cat.skills.len() >= 18);
    assert!(cat.roles.len() >= 7);
    assert!(cat.certifications.len() >= 20);
    assert!(cat.activities.len() >= 8);
    for c in &cat.certifications {
        assert!(!c.sources.is_empty() && !c.as_of.is_empty(), "{}", c.id);
    }
}

#[test]
fn broken_catalogs_name_file_path_and_problem() {
    type Mutation = Box<dyn FnOnce(&mut Value)>;
    let cases: Vec<(&str, Mutation, &str)> = vec![
        ("certifications", Box::new(|v| v["certifications"][0]["builds"]["telepathy"] = json!(2)),
            "certifications.json: certifications[0].builds.telepathy: unknown skill \"telepathy\""),
        ("roles", Box::new(|v| v["roles"][1]["requires"]["juggling"] = json!({"level": 2, "importance": 1})),
            "roles.json: roles[1].requires.juggling: unknown skill \"juggling\""),
        ("roles", Box::new(|v| v["roles"][0]["typical_certifications"] = json!(["nope"])),
            "roles.json: roles[0].typical_certifications[0]: unknown certification \"nope\""),
        ("activities", Box::new(|v| v["activities"][0]["counts_toward"] = json!([{"fact": "karma", "amount": 1}])),
            "activities.json: activities[0].counts_toward[0].fact: unknown fact \"karma\""),
        ("skills", Box::new(|v| { v["skills"][2]["levels"].as_array_mut().unwrap().pop(); }),
            "skills.json: skills[2].levels: a skill needs exactly 5 level descriptions"),
        ("certifications", Box::new(|v| {
            let ids: Vec<Value> = v["certifications"].as_array().unwrap().iter().map(|c| c["id"].clone()).collect();
            let (a, b) = (ids[0].clone(), ids[1].clone());
            v["certifications"][0]["requires_certs"] = json!([b]);
            v["certifications"][1]["requires_certs"] = json!([a]);
        }), "certifications.json: certifications: prerequisite cycle: pmp → capm → pmp"),
        ("certifications", Box::new(|v| v["certifications"][0]["prerequisites"] = json!({"one_of": {"fact": "months_leading_projects", "values": ["x"]}})),
            "certifications.json: certifications[0].prerequisites.one_of.fact: fact \"months_leading_projects\" is not a choice"),
    ];
    for (file, mutate, expected) in cases {
        let problems = with(file, mutate);
        assert!(
            problems.iter().any(|p| p.starts_with(expected)),
            "expected {expected:?}, got {problems:#?}"
        );
    }
}

fn object_keys(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(m) => m.iter().for_each(|(k, x)| {
            out.insert(k.clone());
            object_keys(x, out);
        }),
        Value::Array(a) => a.iter().for_each(|x| object_keys(x, out)),
        _ => {}
    }
}

/// A prerequisite is read by the key it carries; every form in the shipped
/// catalog reads back as written, and a malformed one says what is wrong.
#[test]
fn conditions_are_read_by_their_key_and_a_wrong_one_says_why() {
    let cat = catalog();
    let mut forms = BTreeSet::new();
    for cert in &cat.certifications {
        if let Some(c) = &cert.prerequisites {
            let written = serde_json::to_value(c).unwrap();
            let back = Condition::from_json(&Json::parse(&written.to_string()).unwrap(), &At::TOP)
                .unwrap();
            assert_eq!(&back, c, "{}", cert.id);
            object_keys(&written, &mut forms);
        }
    }
    for key in [
        "all", "any", "label", "at_least", "one_of", "count_of", "cert",
    ] {
        assert!(
            forms.contains(key),
            "the shipped catalog has no {key:?} condition to read back"
        );
    }
    let cases = [
        (json!({"al": []}), "unknown field `al`"),
        (
            json!({"cert": "capm", "any": []}),
            "a condition has exactly one of all, any, at_least, one_of, count_of or cert",
        ),
        (
            json!({"cert": "capm", "label": "CAPM"}),
            "only an all or any condition has a label",
        ),
        (
            json!({"label": "nothing"}),
            "a condition needs one of all, any, at_least, one_of, count_of or cert",
        ),
        (json!("capm"), "a condition: an object with one of"),
    ];
    for (prerequisites, expected) in cases {
        let problems = with("certifications", |v| {
            v["certifications"][0]["prerequisites"] = prerequisites
        });
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("certifications.json") && p.contains(expected)),
            "expected {expected:?}, got {problems:#?}"
        );
    }
}

/// Every number in a program's catalog is checked: the planner does date
/// arithmetic with them, and `-1.7e308` study hours once overflowed it.
#[test]
fn numbers_in_a_catalog_must_be_in_range() {
    type Mutation = Box<dyn FnOnce(&mut Value)>;
    let cases: Vec<(&str, Mutation, &str)> = vec![
        ("certifications", Box::new(|v| v["certifications"][0]["study_hours"] = json!(-1.7e308)),
            "certifications.json: certifications[0].study_hours: -1.7e+308 is outside 0.25–10000"),
        ("certifications", Box::new(|v| v["certifications"][1]["study_hours"] = json!(1e-30)),
            "certifications.json: certifications[1].study_hours: 9.999999999999999e-31 is outside"),
        ("certifications", Box::new(|v| v["certifications"][0]["cost_usd"] = json!(-5)),
            "certifications.json: certifications[0].cost_usd: -5 is outside 0–1000000"),
        ("activities", Box::new(|v| v["activities"][0]["hours"] = json!(1e12)),
            "activities.json: activities[0].hours: 1000000000000 is outside"),
        ("activities", Box::new(|v| v["activities"][0]["duration_months"] = json!(-1)),
            "activities.json: activities[0].duration_months: -1 is outside 0–120"),
        ("activities", Box::new(|v| v["activities"][0]["counts_toward"] = json!([{"fact": "months_leading_projects", "amount": 1e300}])),
            "activities.json: activities[0].counts_toward[0].amount: 1e+300 is outside"),
        ("experience", Box::new(|v| v["facts"][0]["max"] = json!(1e300)),
            "experience.json: facts[0].max: 1e+300 is outside"),
        ("certifications", Box::new(|v| v["certifications"][0]["prerequisites"] = json!({"at_least": {"fact": "months_leading_projects", "value": 1e300}})),
            "certifications.json: certifications[0].prerequisites.at_least.value: 1e+300 is outside the range of \"months_leading_projects\""),
    ];
    for (file, mutate, expected) in cases {
        let problems = with(file, mutate);
        assert!(
            problems.iter().any(|p| p.starts_with(expected)),
            "expected {expected:?}, got {problems:#?}"
        );
    }
}

/// A figure typed into an experience field is brought within the fact's
/// range exactly as `clamp` would, for every range the catalog check lets
/// through (`min <= max`), and never panics.
#[test]
fn a_typed_figure_is_bounded_by_its_facts_range() {
    let cat = catalog();
    let mut fact = cat
        .facts
        .iter()
        .find(|f| f.kind == FactKind::Number)
        .expect("the catalog asks for a number")
        .clone();
    assert_eq!(fact.bound(-3.0), fact.min, "below the range: its minimum");
    assert_eq!(fact.bound(fact.max + 1.0), fact.max, "above: its maximum");
    let mut rng = common::Rng(7);
    let figure = |rng: &mut common::Rng| {
        let scale = [1.0, 100.0, 1e6][rng.below(3)];
        (rng.next() % 2_000_001) as f64 / 1_000_000.0 * scale - scale / 2.0
    };
    for _ in 0..20_000 {
        let (a, b) = (figure(&mut rng).abs(), figure(&mut rng).abs());
        (fact.min, fact.max) = (a.min(b), a.max(b));
        if rng.below(10) == 0 {
            fact.max = fact.min;
        }
        let x = figure(&mut rng);
        assert_eq!(
            fact.bound(x).to_bits(),
            x.clamp(fact.min, fact.max).to_bits(),
            "{x} in {}–{}",
            fact.min,
            fact.max
        );
    }
}

#[test]
fn gaps_sort_by_importance_weighted_size() {
    let cat = common::catalog();
    let role = cat.role(&RoleId("it_manager".into())).unwrap();
    let report = gap(&cat, role, &SkillRatings::new());
    assert!(report
        .rows
        .windows(2)
        .all(|w| w[0].weighted >= w[1].weighted));
    assert_eq!(report.fit, 0.0);
    let all_met: SkillRatings = role
        .requires
        .iter()
        .map(|(s, r)| (s.clone(), r.level))
        .collect();
    let met = gap(&cat, role, &all_met);
    assert_eq!(met.fit, 100.0);
    assert!(met.rows.iter().all(|r| r.gap == 0));
}

#[test]
fn suggested_roles_follow_the_leaning_on_both_tracks() {
    let cat = common::catalog();
    let track = |id: &RoleId| cat.role(id).unwrap().track;
    use crossroads::core::career::catalog::CareerTrack::*;
    let ratings: SkillRatings = [("networking", 2u8)]
        .iter()
        .map(|(s, l)| (SkillId((*s).into()), *l))
        .collect();
    let tech = suggest_roles(&cat, Some(-80.0), &ratings);
    assert_eq!(tech.len(), 3);
    assert!(tech.iter().all(|r| track(&r.role) == Technical), "{tech:?}");
    let mgmt = suggest_roles(&cat, Some(80.0), &ratings);
    assert!(
        mgmt.iter().all(|r| track(&r.role) == Management),
        "{mgmt:?}"
    );
    let mid = suggest_roles(&cat, Some(0.0), &ratings);
    assert_eq!(mid[0].role.as_str(), "team_lead");
    assert!(!mid[0].why.is_empty());
    let unanswered = suggest_roles(&cat, None, &ratings);
    assert!(
        unanswered[0].why.contains("Answer the questionnaire"),
        "{}",
        unanswered[0].why
    );
}

/// Certifications each needing the next, `n` long, after the shipped ones.
fn chain(n: usize) -> Catalog {
    let mut cat = common::catalog();
    let template = cat.certifications[0].clone();
    for i in 0..n {
        let mut c = template.clone();
        c.id = format!("chain{i}").as_str().into();
        c.prerequisites = None;
        c.requires_certs = if i + 1 < n {
            vec![format!("chain{}", i + 1).as_str().into()]
        } else {
            vec![]
        };
        cat.certifications.push(c);
    }
    cat
}

/// The prerequisite check walks the graph with its own stack: a chain of
/// thousands once overflowed the browser's 1 MiB stack (and 40,000 the
/// native one). A chain longer than the planner can use is reported.
#[test]
fn long_prerequisite_chains_are_checked_without_recursion() {
    let cat = chain(40_000);
    let problems = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || {
            let started = std::time::Instant::now();
            let problems = cat.validate();
            (problems, started.elapsed())
        })
        .unwrap()
        .join()
        .expect("no stack overflow");
    let (problems, took) = problems;
    assert!(took.as_millis() < 5000, "took {took:?}");
    assert!(
        problems.iter().any(|p| p
            .message
            .contains("\"chain0\" starts a chain of 40000 certifications")),
        "{problems:?}"
    );
    // A short chain is fine.
    assert!(
        chain(20).validate().is_empty(),
        "{:?}",
        chain(20).validate()
    );
    // A cycle at the end of a long chain is still found.
    let mut cat = chain(5_000);
    let last = cat.certifications.len() - 1;
    cat.certifications[last].requires_certs = vec!["chain0".into()];
    let cycle = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || cat.prerequisite_cycle())
        .unwrap()
        .join()
        .expect("no stack overflow")
        .expect("a cycle");
    assert_eq!(cycle.len(), 5_001);
    assert_eq!(
        (cycle[0].as_str(), cycle[5_000].as_str()),
        ("chain0", "chain0")
    );
}

fn catalog() -> Catalog {
    (*Content::builtin().unwrap().catalog).clone()
}

/// Every `at_least` fact named anywhere in a condition.
fn at_least_facts(c: &Condition, out: &mut BTreeSet<FactId>) {
    match c {
        Condition::All { all: l, .. } | Condition::Any { any: l, .. } => {
            l.iter().for_each(|c| at_least_facts(c, out))
        }
        Condition::AtLeast { at_least } => {
            out.insert(at_least.fact.clone());
        }
        _ => {}
    }
}

/// Every certification a condition names.
fn cert_conditions(c: &Condition, out: &mut BTreeSet<String>) {
    match c {
        Condition::All { all: l, .. } | Condition::Any { any: l, .. } => {
            l.iter().for_each(|c| cert_conditions(c, out))
        }
        Condition::Cert { cert } => {
            out.insert(cert.to_string());
        }
        _ => {}
    }
}

#[test]
fn the_catalog_is_broad_and_both_tracks_are_equally_deep() {
    let cat = catalog();
    assert!(
        cat.certifications.len() >= 38,
        "{} certifications",
        cat.certifications.len()
    );
    assert!(cat.roles.len() >= 13, "{} roles", cat.roles.len());
    let count = |t: CareerTrack| cat.roles.iter().filter(|r| r.track == t).count();
    assert!(
        count(CareerTrack::Management) >= 6,
        "{} management roles",
        count(CareerTrack::Management)
    );
    assert!(
        count(CareerTrack::Technical) >= 6,
        "{} technical roles",
        count(CareerTrack::Technical)
    );
    for id in [
        "pmi_acp",
        "pgmp",
        "cisa",
        "isc2_cc",
        "ccsp",
        "safe_agilist",
        "safe_scrum_master",
        "cspo",
        "pspo1",
        "prince2_agile_foundation",
        "google_pm_cert",
        "itil4_specialist_cds",
        "comptia_cysa_plus",
        "az_900",
        "aws_ccp",
        "ckad",
        "terraform_associate",
    ] {
        assert!(cat.cert(&CertId(id.into())).is_some(), "{id} is missing");
    }
    for id in ["sre_platform_engineer", "engineering_manager"] {
        assert!(cat.role(&RoleId(id.into())).is_some(), "{id} is missing");
    }
}

#[test]
fn every_role_names_existing_certifications_headline_first() {
    let cat = catalog();
    for r in &cat.roles {
        assert!(
            !r.typical_certifications.is_empty(),
            "{} names no certification",
            r.id
        );
        let mut seen = BTreeSet::new();
        for c in &r.typical_certifications {
            assert!(cat.cert(c).is_some(), "{}: unknown certification {c}", r.id);
            assert!(seen.insert(c), "{}: {c} is listed twice", r.id);
        }
        assert!(
            r.source.as_deref().is_some_and(|s| s.trim().len() > 10),
            "{}: no source in words",
            r.id
        );
    }
    let first = |role: &str| {
        cat.role(&RoleId(role.into()))
            .unwrap()
            .typical_certifications[0]
            .to_string()
    };
    assert!(["cissp", "cism"].contains(&first("security_manager").as_str()));
    assert_eq!(first("program_manager"), "pgmp");
}

#[test]
fn every_experience_a_certification_asks_for_can_be_built_by_an_activity() {
    let cat = catalog();
    let mut asked = BTreeSet::new();
    for c in &cat.certifications {
        if let Some(p) = &c.prerequisites {
            at_least_facts(p, &mut asked);
        }
    }
    let built: BTreeSet<FactId> = cat
        .activities
        .iter()
        .flat_map(|a| a.counts_toward.iter().map(|t| t.fact.clone()))
        .collect();
    let missing: Vec<_> = asked.difference(&built).collect();
    assert!(missing.is_empty(), "no activity builds {missing:?}");
    for a in &cat.activities {
        for t in &a.counts_toward {
            assert!(t.amount > 0.0, "{}: counts nothing toward {}", a.id, t.fact);
        }
        assert!(a.cost_usd.is_none_or(|c| c >= 0.0), "{}", a.id);
    }
}

#[test]
fn governance_risk_and_audit_experience_are_separate_facts() {
    let cat = catalog();
    let fact = |id: &str| {
        cat.fact(&FactId(id.into()))
            .unwrap_or_else(|| panic!("{id}"))
    };
    // The old id stays, now meaning risk and control, so old answers keep a meaning.
    assert!(fact("years_governance_risk")
        .measure
        .as_deref()
        .unwrap()
        .contains("risk"));
    assert!(fact("years_it_governance")
        .measure
        .as_deref()
        .unwrap()
        .contains("governance"));
    assert!(fact("years_is_audit")
        .measure
        .as_deref()
        .unwrap()
        .contains("audit"));
    let asks = |cert: &str| {
        let mut s = BTreeSet::new();
        at_least_facts(
            cat.cert(&CertId(cert.into()))
                .unwrap()
                .prerequisites
                .as_ref()
                .unwrap(),
            &mut s,
        );
        s.into_iter().map(|f| f.to_string()).collect::<Vec<_>>()
    };
    assert_eq!(asks("cgeit"), ["years_it_governance"]);
    assert_eq!(asks("crisc"), ["years_governance_risk"]);
    assert!(asks("cisa").contains(&"years_is_audit".to_owned()));
    for f in &cat.facts {
        if f.kind == FactKind::Number {
            assert!(
                f.measure.as_deref().is_some_and(|m| !m.trim().is_empty()),
                "{}",
                f.id
            );
            assert!(
                f.help.as_deref().is_some_and(|h| !h.trim().is_empty()),
                "{} says nothing of what counts",
                f.id
            );
        }
    }
}

#[test]
fn exam_first_routes_carry_the_issuers_windows() {
    let cat = catalog();
    for (id, years) in [
        ("cissp", 6.0),
        ("ccsp", 6.0),
        ("cism", 5.0),
        ("cgeit", 5.0),
        ("crisc", 5.0),
        ("cisa", 5.0),
    ] {
        let path = cat
            .cert(&CertId(id.into()))
            .unwrap()
            .associate_path
            .as_ref();
        let path = path.unwrap_or_else(|| panic!("{id} has no exam-first route"));
        assert_eq!(path.window_years, Some(years), "{id}");
        assert!(
            path.text.contains(&format!("{years:.0} years")),
            "{id}: {}",
            path.text
        );
    }
}

#[test]
fn the_cissp_degree_waiver_needs_a_computing_degree() {
    let cat = catalog();
    let cissp = cat.cert(&CertId("cissp".into())).unwrap();
    let text = serde_json::to_string(&cissp.prerequisites).unwrap();
    assert!(
        text.contains("bachelor_computing") && text.contains("master_computing"),
        "{text}"
    );
    assert!(
        !text.contains("\"bachelor\""),
        "any bachelor's degree still waives a year: {text}"
    );
    let educ = cat.fact(&FactId("highest_education".into())).unwrap();
    for old in [
        "secondary",
        "associate",
        "bachelor",
        "master",
        "doctorate",
        "gac_degree",
    ] {
        assert!(
            educ.options.iter().any(|o| o.id == old),
            "saved answer {old} lost its meaning"
        );
    }
}

#[test]
fn no_certification_is_required_twice() {
    let cat = catalog();
    for c in &cat.certifications {
        let mut named = BTreeSet::new();
        if let Some(p) = &c.prerequisites {
            cert_conditions(p, &mut named);
        }
        for r in &c.requires_certs {
            assert!(
                !named.contains(r.as_str()),
                "{}: {r} is in both prerequisites and requires_certs",
                c.id
            );
        }
    }
}

/// The content files as written, before any parsing.
fn raw(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn every_source_says_whose_page_it_is_and_the_date_it_carries() {
    let v = raw(BUILTIN_CATALOG.certifications);
    let date = |s: &str| {
        s.len() == 10
            && s.chars().enumerate().all(|(i, ch)| {
                if i == 4 || i == 7 {
                    ch == '-'
                } else {
                    ch.is_ascii_digit()
                }
            })
    };
    for c in v["certifications"].as_array().unwrap() {
        let id = c["id"].as_str().unwrap();
        let sources = c["sources"].as_array().unwrap();
        assert!(!sources.is_empty(), "{id}");
        for s in sources {
            let url = s["url"]
                .as_str()
                .unwrap_or_else(|| panic!("{id}: a source must be an object with a url: {s}"));
            assert!(url.starts_with("http"), "{id}: {url}");
            assert!(
                s["issuer"].is_boolean(),
                "{id}: {url} does not say whether it is the issuer's page"
            );
            assert!(
                s["page_date"].is_null() || s["page_date"].as_str().is_some_and(date),
                "{id}: {url} has page_date {}",
                s["page_date"]
            );
        }
        assert!(c["as_of"].as_str().is_some_and(date), "{id}");
    }
}

#[test]
fn no_source_is_a_content_farm() {
    let cat = catalog();
    for c in &cat.certifications {
        for s in &c.sources {
            assert!(
                !CONTENT_FARMS.iter().any(|f| s.url.contains(f)),
                "{}: {}",
                c.id,
                s.url
            );
        }
    }
}

#[test]
fn unconfirmed_facts_are_listed_where_no_issuer_page_backs_them() {
    let cat = catalog();
    for c in &cat.certifications {
        if !c.sources.iter().any(|s| s.issuer) {
            assert!(
                c.unconfirmed.len() >= 4,
                "{}: no issuer page among the sources, yet only {:?} is unconfirmed",
                c.id,
                c.unconfirmed
            );
        }
        assert!(
            c.cost_usd.is_none_or(|x| x > 0.0),
            "{}: a cost of 0 must be truly free",
            c.id
        );
    }
}

fn strings<'a>(v: &'a Value, path: String, out: &mut Vec<(String, &'a str)>) {
    match v {
        Value::String(s) => out.push((path, s)),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| strings(x, format!("{path}[{i}]"), out)),
        Value::Object(o) => o
            .iter()
            .for_each(|(k, x)| strings(x, format!("{path}.{k}"), out)),
        _ => {}
    }
}

#[test]
fn no_internal_words_reach_a_reader() {
    let files = [
        ("skills.json", BUILTIN_CATALOG.skills),
        ("experience.json", BUILTIN_CATALOG.experience),
        ("roles.json", BUILTIN_CATALOG.roles),
        ("certifications.json", BUILTIN_CATALOG.certifications),
        ("activities.json", BUILTIN_CATALOG.activities),
        ("prompts.json", BUILTIN_CATALOG.prompts),
    ];
    let mut found = Vec::new();
    for (file, text) in files {
        let v = raw(text);
        let mut all = Vec::new();
        strings(&v, String::new(), &mut all);
        for (path, s) in all {
            if path.ends_with(".url") || path.ends_with(".id") {
                continue;
            }
            let lower = s.to_ascii_lowercase();
            for w in INTERNAL_WORDS {
                let hit = if w.chars().any(|c| c.is_uppercase()) {
                    s.contains(w)
                } else {
                    lower.contains(w)
                };
                if hit {
                    found.push(format!("{file}{path}: {w:?} in {s:?}"));
                }
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn suggestions_agree_with_the_result_text_and_never_claim_zero_percent() {
    use crossroads::core::career::gap::{roles_named_in, suggest_roles_agreeing};
    let content = Content::builtin().unwrap();
    let cat = &content.catalog;
    let tracks = &content.bank.tracks;
    let named = roles_named_in(cat, &tracks.management.summary);
    assert!(
        named.iter().any(|r| r.as_str() == "it_manager"),
        "{named:?}"
    );
    // A person strong on technical skills with a management result: IT
    // manager would fall out of the top three on the blend alone.
    let ratings: SkillRatings = cat
        .skills
        .iter()
        .map(|s| (s.id.clone(), if s.category == "technical" { 4 } else { 1 }))
        .collect();
    for leaning in [25.0, 60.0, 100.0] {
        let top = suggest_roles_agreeing(cat, Some(leaning), &ratings, &named);
        assert_eq!(top.len(), 3);
        assert!(
            top.iter().any(|f| f.role.as_str() == "it_manager"),
            "{leaning}: {top:?}"
        );
        assert!(top.windows(2).all(|w| w[0].score >= w[1].score));
    }
    // Nothing rated yet: no "already meet 0%".
    let none = suggest_roles_agreeing(cat, Some(60.0), &SkillRatings::new(), &named);
    for f in &none {
        assert!(!f.why.contains('%'), "{}", f.why);
        assert!(f.why.contains("Rate your skills"), "{}", f.why);
    }
    // The hybrid text names the team lead.
    let hybrid = roles_named_in(cat, &tracks.hybrid.summary);
    let top = suggest_roles_agreeing(cat, Some(5.0), &ratings, &hybrid);
    assert!(
        top.iter().any(|f| f.role.as_str() == "team_lead"),
        "{top:?}"
    );
}
const CONTENT_FARMS: [&str; 4] = [
    "winenfood.com",
    "visualfoodie.com",
    "eathealthy365.com",
    "eatsip365.com",
];

const INTERNAL_WORDS: [&str; 12] = [
    "seed 0",
    "(seed",
    "facts file",
    "fact file",
    "(usd)",
    "our facts",
    "our sources",
    "UNVERIFIED",
    "TODO",
    "FIXME",
    "lorem",
    "s00",
];

/// A catalog file with the wrong shape is named by file, path and what is
/// wrong, in serde's words (the same messages the derived deserializers
/// gave before the catalog was read through one JSON tree).
#[test]
fn a_catalog_of_the_wrong_shape_says_where_and_what() {
    type Mutation = Box<dyn FnOnce(&mut Value)>;
    let cases: Vec<(&str, Mutation, &str)> = vec![
        ("roles", Box::new(|v| { v["roles"][1].as_object_mut().unwrap().remove("name"); }),
            "roles.json: roles[1]: missing field `name`"),
        ("skills", Box::new(|v| v["skills"][1]["levels"] = json!("five")),
            "skills.json: skills[1].levels: invalid type: string \"five\", expected a sequence"),
        ("skills", Box::new(|v| v["skills"][0]["colour"] = json!("red")),
            "skills.json: skills[0].colour: unknown field `colour`, expected one of `id`, `name`, `category`, `description`, `levels`"),
        ("roles", Box::new(|v| v["roles"][0]["track"] = json!("sideways")),
            "roles.json: roles[0].track: unknown variant `sideways`, expected one of `management`, `hybrid`, `technical`, `both`"),
        ("roles", Box::new(|v| v["roles"][0]["track"] = json!(2)),
            "roles.json: roles[0].track: invalid type: integer `2`, expected variant identifier"),
        ("roles", Box::new(|v| {
            let skill = v["roles"][0]["requires"].as_object().unwrap().keys().next().unwrap().clone();
            v["roles"][0]["requires"][skill]["level"] = json!(300);
        }), "roles.json: roles[0].requires."),
        ("roles", Box::new(|v| {
            let skill = v["roles"][0]["requires"].as_object().unwrap().keys().next().unwrap().clone();
            v["roles"][0]["requires"][skill]["importance"] = json!(-1);
        }), "roles.json: roles[0].requires."),
        ("certifications", Box::new(|v| v["certifications"][2]["study_hours"] = json!("forty")),
            "certifications.json: certifications[2].study_hours: invalid type: string \"forty\", expected f64"),
        ("certifications", Box::new(|v| v["certifications"][0]["sources"][0] = json!({"url": "https://example.org", "issuer": "yes"})),
            "certifications.json: certifications[0].sources[0].issuer: invalid type: string \"yes\", expected a boolean"),
        ("certifications", Box::new(|v| v["certifications"][0]["sources"][0] = json!(7)),
            "certifications.json: certifications[0].sources[0]: invalid type: integer `7`, expected an address, or {\"url\", \"issuer\", \"page_date\"}"),
        ("certifications", Box::new(|v| v["certifications"][0]["unconfirmed"] = json!(["weather"])),
            "certifications.json: certifications[0].unconfirmed[0]: unknown variant `weather`, expected one of `prerequisites`, `exam`, `cost`, `renewal`, `study_hours`, `url`"),
        ("activities", Box::new(|v| v["activities"][0]["counts_toward"][0] = json!({"fact": "months_leading_projects"})),
            "activities.json: activities[0].counts_toward[0]: missing field `amount`"),
        ("experience", Box::new(|v| v["facts"] = json!({})),
            "experience.json: facts: invalid type: map, expected a sequence"),
        ("experience", Box::new(|v| *v = json!([])),
            "experience.json: $: invalid type: sequence, expected struct FactsFile"),
    ];
    for (file, mutate, expected) in cases {
        let problems = with(file, mutate);
        assert!(
            problems.iter().any(|p| p.starts_with(expected)),
            "expected {expected:?}, got {problems:#?}"
        );
    }
    // The level out of range names the number and the type it must fit.
    let problems = with("roles", |v| {
        let skill = v["roles"][0]["requires"]
            .as_object()
            .unwrap()
            .keys()
            .next()
            .unwrap()
            .clone();
        v["roles"][0]["requires"][skill]["level"] = json!(300);
    });
    assert!(
        problems
            .iter()
            .any(|p| p.ends_with(".level: invalid value: integer `300`, expected u8")),
        "{problems:#?}"
    );
}

/// The names an author writes for each choice are the ones the schema
/// lists and the ones the app writes back.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn every_enum_name_matches_its_schema_and_reads_back() {
    fn check<
        T: FromJson + serde::Serialize + schemars::JsonSchema + PartialEq + std::fmt::Debug + Copy,
    >(
        names: &[(&str, T)],
    ) {
        let schema = serde_json::to_value(schemars::schema_for!(T)).unwrap();
        let listed: Vec<&str> = schema["enum"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_str().unwrap())
            .collect();
        let ours: Vec<&str> = names.iter().map(|(n, _)| *n).collect();
        assert_eq!(ours, listed);
        for (name, variant) in names {
            assert_eq!(serde_json::to_value(variant).unwrap(), json!(name));
            assert_eq!(
                T::from_json(&Json::parse(&json!(name).to_string()).unwrap(), &At::TOP).unwrap(),
                *variant
            );
        }
    }
    check(CareerTrack::NAMES);
    check(FactKind::NAMES);
    check(crossroads::core::career::catalog::CertFact::NAMES);
    check(crossroads::core::career::catalog::PromptWhen::NAMES);
}

/// What the app writes for a catalog (the schema's field names, the
/// enums' names) reads back as the same catalog.
#[test]
fn the_shipped_catalog_reads_back_as_written() {
    use crossroads::core::career::catalog::{
        ActivitiesFile, CertificationsFile, FactsFile, PromptsFile, RolesFile, SkillsFile,
    };
    let cat = catalog();
    let texts = [
        serde_json::to_string(&SkillsFile {
            schema: None,
            skills: cat.skills.clone(),
        }),
        serde_json::to_string(&FactsFile {
            schema: None,
            facts: cat.facts.clone(),
        }),
        serde_json::to_string(&RolesFile {
            schema: None,
            roles: cat.roles.clone(),
        }),
        serde_json::to_string(&CertificationsFile {
            schema: Some("schema/certifications.schema.json".into()),
            certifications: cat.certifications.clone(),
        }),
        serde_json::to_string(&ActivitiesFile {
            schema: None,
            activities: cat.activities.clone(),
        }),
        serde_json::to_string(&PromptsFile {
            schema: None,
            prompts: cat.prompts.clone(),
        }),
    ]
    .map(Result::unwrap);
    let back = Catalog::from_texts(&CatalogTexts {
        skills: &texts[0],
        experience: &texts[1],
        roles: &texts[2],
        certifications: &texts[3],
        activities: &texts[4],
        prompts: &texts[5],
    })
    .unwrap();
    assert_eq!(back, cat);
}

/// Of two keys a type does not have, the one written first is named (the
/// tree keeps the file's order), and a key written twice in one object is
/// refused, as serde's derived readers refused a field written twice.
#[test]
fn keys_are_judged_as_written() {
    let read = |skills: &str| {
        let texts = CatalogTexts {
            skills,
            ..BUILTIN_CATALOG
        };
        Catalog::from_texts(&texts)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    };
    assert!(BUILTIN_CATALOG.skills.contains("[{\"id\":"));
    let two_unknown =
        BUILTIN_CATALOG
            .skills
            .replacen("[{\"id\":", "[{\"zeta\":1,\"alpha\":2,\"id\":", 1);
    let problems = read(&two_unknown);
    assert!(
        problems[0].starts_with("skills.json: skills[0].zeta: unknown field `zeta`"),
        "{problems:#?}"
    );
    let twice = BUILTIN_CATALOG
        .skills
        .replacen("[{\"id\":", "[{\"id\":\"first\",\"id\":", 1);
    let problems = read(&twice);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0].starts_with("skills.json: skills[0].id: duplicate field `id` at line 1"),
        "{problems:#?}"
    );
}
