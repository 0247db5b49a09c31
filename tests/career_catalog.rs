//! The shipped catalog validates; broken catalogs name file, path and problem;
//! gaps sort by weighted size; role suggestions treat both tracks as equals.

mod common;

use crossroads::core::career::catalog::{Catalog, CatalogTexts, RoleId, SkillId};
use crossroads::core::career::gap::{gap, suggest_roles};
use crossroads::core::career::person::SkillRatings;
use crossroads::core::content::BUILTIN_CATALOG;
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
