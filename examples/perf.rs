//! Benchmarks for the pure core, run with
//! `cargo run --release --example perf`. Prints the median of many runs of:
//! parse + validate + score of the shipped bank; gap + eligibility + plan on
//! the shipped catalog; the same on a generated catalog of 500
//! certifications and 100 skills; result-file export and import; and a
//! 500-file cohort aggregation.

use std::time::Instant;

use crossroads::core::bank::{Bank, Item};
use crossroads::core::career::catalog::{
    Activity, ActivityId, CareerTrack, Catalog, CertId, Certification, Condition, FactAtLeast,
    FactId, Requirement, Role, RoleId, Skill, SkillId, Source,
};
use crossroads::core::career::date::Date;
use crossroads::core::career::eligibility::eligibility_all;
use crossroads::core::career::gap::gap;
use crossroads::core::career::person::{Experience, FactValue, Held, Person, SkillRatings};
use crossroads::core::career::plan::{plan, Choices, Constraints};
use crossroads::core::cohort::Cohort;
use crossroads::core::content::{Content, BANK_JSON};
use crossroads::core::result_file::{import, ResultFile};
use crossroads::core::score::{score, Answers, Response};
use crossroads::core::session::Session;

fn median(mut f: impl FnMut(), runs: usize) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

fn answers(bank: &Bank) -> Answers {
    bank.items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let r = match item {
                Item::Likert(_) => Response::Likert(1 + (i % 5) as u8),
                Item::Scenario(s) => Response::Choice(s.options[i % s.options.len()].id.clone()),
            };
            (item.id().clone(), r)
        })
        .collect()
}

fn generated_catalog(base: &Catalog, certs: usize, skills: usize) -> Catalog {
    let mut cat = base.clone();
    cat.skills = (0..skills)
        .map(|i| Skill {
            id: SkillId(format!("s{i}")),
            name: format!("Skill {i}"),
            category: "technical".into(),
            description: "generated".into(),
            levels: (0..5).map(|l| format!("level {l}")).collect(),
        })
        .collect();
    cat.certifications = (0..certs)
        .map(|i| Certification {
            id: CertId(format!("c{i}")),
            name: format!("Cert {i}"),
            issuer: "Generated".into(),
            track: CareerTrack::Both,
            prerequisites: (i % 3 == 0).then(|| Condition::AtLeast {
                at_least: FactAtLeast {
                    fact: FactId("years_in_it".into()),
                    value: (i % 7) as f64,
                },
            }),
            prerequisites_text: String::new(),
            associate_path: None,
            exam: String::new(),
            cost_usd: Some((i % 9) as f64 * 50.0),
            cost_text: String::new(),
            renewal: String::new(),
            study_hours: Some(10.0 + (i % 40) as f64),
            builds: (0..3)
                .map(|k| {
                    (
                        SkillId(format!("s{}", (i * 7 + k * 13) % skills)),
                        1 + ((i + k) % 4) as u8,
                    )
                })
                .collect(),
            requires_certs: if i > 10 && i % 5 == 0 {
                vec![CertId(format!("c{}", i - 5))]
            } else {
                vec![]
            },
            url: String::new(),
            sources: vec![Source {
                url: "generated".into(),
                issuer: false,
                page_date: None,
            }],
            as_of: "2026-11-28".into(),
            unconfirmed: vec![],
            notes: None,
        })
        .collect();
    cat.activities = (0..50)
        .map(|i| Activity {
            id: ActivityId(format!("a{i}")),
            name: format!("Activity {i}"),
            description: String::new(),
            hours: 20.0 + i as f64,
            duration_months: 1.0,
            cost_usd: Some(0.0),
            builds: [(SkillId(format!("s{}", (i * 3) % skills)), 2)].into(),
            counts_toward: vec![],
            track: CareerTrack::Both,
            source: None,
        })
        .collect();
    cat.roles = vec![Role {
        id: RoleId("r".into()),
        name: "Generated role".into(),
        track: CareerTrack::Technical,
        summary: String::new(),
        requires: (0..skills)
            .step_by(5)
            .map(|i| {
                (
                    SkillId(format!("s{i}")),
                    Requirement {
                        level: 3,
                        importance: 2,
                    },
                )
            })
            .collect(),
        typical_experience: String::new(),
        typical_certifications: vec![],
        core_certifications: vec![],
        source: None,
    }];
    cat
}

fn main() {
    let content = Content::builtin().expect("shipped content");
    let bank = &content.bank;
    let cat = &content.catalog;
    let a = answers(bank);
    let t_bank = median(
        || {
            let b = Bank::from_json("bank.json", BANK_JSON).unwrap();
            std::hint::black_box(score(&b, &a));
        },
        200,
    );
    println!("parse + validate + score, shipped bank: {t_bank:.3} ms (budget 1 ms)");

    let today = Date::parse("2026-11-28").unwrap();
    let exp = Experience(
        [
            (
                FactId("months_leading_projects".into()),
                FactValue::Number(12.0),
            ),
            (FactId("years_in_it".into()), FactValue::Number(6.0)),
            (
                FactId("highest_education".into()),
                FactValue::Choice("bachelor".into()),
            ),
        ]
        .into(),
    );
    let ratings: SkillRatings = cat
        .skills
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.clone(), (i % 3) as u8))
        .collect();
    let role = cat.role(&RoleId("it_manager".into())).unwrap();
    let constraints = Constraints {
        hours_per_week: 6.0,
        budget_usd: None,
        start: today,
    };
    let held = Held::new();
    let t_plan = median(
        || {
            std::hint::black_box(gap(cat, role, &ratings));
            std::hint::black_box(eligibility_all(cat, &exp, &Held::new(), today));
            std::hint::black_box(plan(
                cat,
                role,
                Person {
                    skills: &ratings,
                    experience: &exp,
                    held: &held,
                },
                &constraints,
                &Choices::default(),
            ));
        },
        200,
    );
    println!("gap + eligibility + plan, shipped catalog: {t_plan:.3} ms (budget 1 ms)");

    let big = generated_catalog(cat, 500, 100);
    let big_role = &big.roles[0];
    let big_ratings: SkillRatings = big
        .skills
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.clone(), (i % 2) as u8))
        .collect();
    let t_big = median(
        || {
            std::hint::black_box(gap(&big, big_role, &big_ratings));
            std::hint::black_box(eligibility_all(&big, &exp, &Held::new(), today));
            std::hint::black_box(plan(
                &big,
                big_role,
                Person {
                    skills: &big_ratings,
                    experience: &exp,
                    held: &held,
                },
                &constraints,
                &Choices::default(),
            ));
        },
        30,
    );
    println!(
        "gap + eligibility + plan, 500 certifications x 100 skills: {t_big:.2} ms (budget 50 ms)"
    );

    let mut session = Session::new(bank, "2026-11-28T10:00:00Z");
    session.answers = a.clone();
    session.skills = ratings.clone();
    session.experience = exp.clone();
    let file = ResultFile::new(session);
    let text = file.to_json();
    let t_export = median(
        || {
            std::hint::black_box(file.to_json());
        },
        500,
    );
    let t_import = median(
        || {
            std::hint::black_box(import(&text, bank).unwrap());
        },
        500,
    );
    println!(
        "result file ({} bytes): export {t_export:.3} ms, import {t_import:.3} ms",
        text.len()
    );
    let link = crossroads::core::share::encode(bank, &file.session, Some("Ana"));
    println!(
        "share link for a complete questionnaire: {} characters after the page address",
        link.len()
    );

    let t_cohort = median(
        || {
            let mut c = Cohort::new(bank, true);
            for i in 0..500 {
                c.add(&format!("{i}.json"), &text);
            }
            std::hint::black_box(c.summary());
        },
        10,
    );
    println!("cohort: parse + aggregate 500 result files: {t_cohort:.1} ms (budget 100 ms)");
}
