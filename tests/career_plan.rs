//! The roadmap a person would follow: prerequisites respected, eligibility
//! dates honoured, hours per week never exceeded, choices honoured, and the
//! same plan for the same input.

use crossroads::core::career::catalog::{Catalog, FactId, RoleId, SkillId};
use crossroads::core::career::date::Date;
use crossroads::core::career::eligibility::eligibility;
use crossroads::core::career::ics::to_ics;
use crossroads::core::career::person::{Experience, FactValue, Held, SkillRatings};
use crossroads::core::career::plan::{plan, Choices, Constraints, Roadmap, StepKind};

use crossroads::core::content::Content;

fn catalog() -> Catalog {
    Content::builtin().unwrap().catalog
}

fn exp(pairs: &[(&str, FactValue)]) -> Experience {
    Experience(
        pairs
            .iter()
            .map(|(k, v)| (FactId((*k).into()), v.clone()))
            .collect(),
    )
}

fn start() -> Date {
    Date::parse("2026-12-01").unwrap()
}

fn twelve_months_leading() -> Experience {
    exp(&[
        ("months_leading_projects", FactValue::Number(12.0)),
        ("years_in_it", FactValue::Number(6.0)),
        ("highest_education", FactValue::Choice("bachelor".into())),
    ])
}

fn roadmap(
    role: &str,
    e: &Experience,
    hours: f64,
    budget: Option<f64>,
    choices: &Choices,
) -> Roadmap {
    let cat = catalog();
    let role = cat.role(&RoleId(role.into())).unwrap().clone();
    let ratings: SkillRatings = [("networking", 3), ("systems", 3), ("troubleshooting", 3)]
        .iter()
        .map(|(s, l)| (SkillId((*s).into()), *l))
        .collect();
    plan(
        &cat,
        &role,
        &ratings,
        e,
        &Held::new(),
        &Constraints {
            hours_per_week: hours,
            budget_usd: budget,
            start: start(),
        },
        choices,
    )
}

#[test]
fn twelve_months_of_project_leadership_toward_it_manager_puts_capm_or_a_project_before_pmp() {
    let r = roadmap(
        "it_manager",
        &twelve_months_leading(),
        6.0,
        None,
        &Choices::default(),
    );
    let steps: Vec<_> = r.steps().collect();
    for s in &steps {
        println!(
            "{} {} → {} {:?} {}",
            s.id, s.start, s.end, s.exam_date, s.why
        );
    }
    for n in &r.notes {
        println!("note: {n}");
    }
    let pmp = steps
        .iter()
        .position(|s| s.id == "pmp")
        .expect("PMP is planned for an IT manager");
    let before = steps
        .iter()
        .position(|s| s.id == "capm" || s.id == "lead_small_project")
        .expect("a stepping stone");
    assert!(before < pmp, "stepping stone before PMP");
    // PMP is dated on or after the day 36 months of leading are reached
    // (12 now, growing a month per month: 24 months from the start).
    let exam = steps[pmp].exam_date.unwrap();
    assert!(exam >= start().add_months(24), "PMP exam {exam}");
}

/// Random but reproducible inputs (no external crates).
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

fn generated(seed: u64) -> (String, SkillRatings, Experience, f64, Option<f64>, Choices) {
    let cat = catalog();
    let mut r = Lcg(seed);
    let role = cat.roles[r.next(cat.roles.len() as u64) as usize]
        .id
        .to_string();
    let ratings = cat
        .skills
        .iter()
        .map(|s| (s.id.clone(), r.next(5) as u8))
        .collect();
    let educ = ["secondary", "associate", "bachelor", "master", "gac_degree"][r.next(5) as usize];
    let e = exp(&[
        (
            "months_leading_projects",
            FactValue::Number(r.next(70) as f64),
        ),
        ("years_in_it", FactValue::Number(r.next(15) as f64)),
        ("years_in_security", FactValue::Number(r.next(7) as f64)),
        (
            "years_security_management",
            FactValue::Number(r.next(4) as f64),
        ),
        ("years_governance_risk", FactValue::Number(r.next(6) as f64)),
        ("pm_education_hours", FactValue::Number(r.next(50) as f64)),
        ("highest_education", FactValue::Choice(educ.into())),
        (
            "security_domains",
            FactValue::Multi(
                (0..r.next(4))
                    .map(|i| {
                        cat.facts
                            .iter()
                            .find(|f| f.id.as_str() == "security_domains")
                            .unwrap()
                            .options[i as usize]
                            .id
                            .clone()
                    })
                    .collect(),
            ),
        ),
    ]);
    let hours = [2.0, 5.0, 8.0, 15.0][r.next(4) as usize];
    let budget = [None, Some(0.0), Some(500.0), Some(3000.0)][r.next(4) as usize];
    let mut choices = Choices::default();
    let ids: Vec<String> = cat
        .activities
        .iter()
        .map(|a| a.id.to_string())
        .chain(cat.certifications.iter().map(|c| c.id.to_string()))
        .collect();
    for _ in 0..r.next(3) {
        choices
            .done
            .insert(ids[r.next(ids.len() as u64) as usize].clone());
    }
    for _ in 0..r.next(3) {
        choices
            .skipped
            .insert(ids[r.next(ids.len() as u64) as usize].clone());
    }
    if r.next(3) == 0 {
        let p = ids[r.next(ids.len() as u64) as usize].clone();
        if !choices.done.contains(&p) && !choices.skipped.contains(&p) {
            choices.pinned.insert(p);
        }
    }
    (role, ratings, e, hours, budget, choices)
}

#[test]
fn planner_properties_hold_over_many_generated_people() {
    let cat = catalog();
    for seed in 0..300 {
        let (role_id, ratings, e, hours, budget, choices) = generated(seed);
        let role = cat.role(&RoleId(role_id.clone())).unwrap();
        let c = Constraints {
            hours_per_week: hours,
            budget_usd: budget,
            start: start(),
        };
        let r = plan(&cat, role, &ratings, &e, &Held::new(), &c, &choices);
        // Same input, same plan.
        assert_eq!(
            r,
            plan(&cat, role, &ratings, &e, &Held::new(), &c, &choices),
            "seed {seed}"
        );
        let steps: Vec<_> = r.steps().collect();
        let mut held: Held = choices
            .done
            .iter()
            .filter_map(|d| {
                cat.cert(&crossroads::core::career::catalog::CertId(d.clone()))
                    .map(|c| c.id.clone())
            })
            .collect();
        let mut prev_end = start();
        let mut spent = 0.0;
        for s in &steps {
            // One step at a time: never more than the weekly hours.
            assert!(
                s.start >= prev_end,
                "seed {seed}: {} overlaps the step before",
                s.id
            );
            let weeks = (s.start.days_until(s.end) as f64 / 7.0).max(1.0);
            assert!(
                s.hours / weeks <= hours + 1e-9,
                "seed {seed}: {} needs {:.1} h/week",
                s.id,
                s.hours / weeks
            );
            prev_end = s.end;
            assert!(
                !choices.skipped.contains(&s.id) && !choices.done.contains(&s.id),
                "seed {seed}: {}",
                s.id
            );
            spent += s.cost_usd.unwrap_or(0.0);
            if s.kind == StepKind::Certification {
                let cert = cat
                    .cert(&crossroads::core::career::catalog::CertId(s.id.clone()))
                    .unwrap();
                // Required certifications come first.
                for req in &cert.requires_certs {
                    assert!(held.contains(req), "seed {seed}: {} before {}", s.id, req);
                }
                // The exam is never before eligibility, unless taken through
                // an associate path (and then the step says so).
                let exam = s.exam_date.unwrap();
                let el = eligibility(&cat, cert, &e, &held, exam);
                if !el.is_now() {
                    let later = eligibility(&cat, cert, &e, &held, start());
                    let by_time = matches!(later, crossroads::core::career::eligibility::Eligibility::OnDate { date, .. } if date <= exam);
                    assert!(
                        by_time
                            || s.why.contains("planned as")
                            || s.why.contains("Builds")
                            || steps
                                .iter()
                                .any(|x| x.kind == StepKind::Activity && x.end <= s.start),
                        "seed {seed}: {} on {exam} before eligibility: {}",
                        s.id,
                        s.why
                    );
                }
                held.insert(cert.id.clone());
            }
            assert!(!s.why.is_empty());
        }
        if let Some(b) = budget {
            assert!(spent <= b + 1e-9, "seed {seed}: spent {spent} of {b}");
        }
        for p in &choices.pinned {
            assert!(
                steps.iter().any(|s| &s.id == p) || r.notes.iter().any(|n| !n.is_empty()),
                "seed {seed}: pinned {p} missing"
            );
        }
    }
}

#[test]
fn zero_hours_a_week_explains_what_is_possible_instead() {
    let r = roadmap(
        "it_manager",
        &twelve_months_leading(),
        0.0,
        None,
        &Choices::default(),
    );
    assert_eq!(r.steps().count(), 0);
    assert!(
        r.notes[0]
            .starts_with("With 0 hours a week nothing can be scheduled. Even 3 hours a week would"),
        "{:?}",
        r.notes
    );
}

#[test]
fn no_budget_leaves_out_paid_exams_and_says_so() {
    let r = roadmap(
        "it_manager",
        &twelve_months_leading(),
        6.0,
        Some(0.0),
        &Choices::default(),
    );
    assert!(r.steps().all(|s| s.cost_usd.unwrap_or(0.0) == 0.0));
    assert!(
        r.notes
            .iter()
            .any(|n| n.contains("does not fit the budget of US$0")),
        "{:?}",
        r.notes
    );
}

#[test]
fn done_skipped_and_pinned_are_honoured() {
    let base = roadmap(
        "it_manager",
        &twelve_months_leading(),
        6.0,
        None,
        &Choices::default(),
    );
    let first = base.steps().next().unwrap().id.clone();
    let mut choices = Choices::default();
    choices.skipped.insert(first.clone());
    choices.pinned.insert("togaf_foundation".into());
    let r = roadmap("it_manager", &twelve_months_leading(), 6.0, None, &choices);
    assert!(r.steps().all(|s| s.id != first));
    let pinned = r
        .steps()
        .find(|s| s.id == "togaf_foundation")
        .expect("pinned step planned");
    assert!(pinned.pinned);
    let mut done = Choices::default();
    done.done.insert("pmp".into());
    let r = roadmap("it_manager", &twelve_months_leading(), 6.0, None, &done);
    assert!(
        r.steps().all(|s| s.id != "pmp" && s.id != "capm"),
        "PMP done: no PMP, no stepping stone"
    );
}

#[test]
fn the_calendar_is_valid_icalendar() {
    let r = roadmap(
        "it_manager",
        &twelve_months_leading(),
        6.0,
        None,
        &Choices::default(),
    );
    let ics = to_ics(&r, "IT manager, \"with\"; care", "20261128T120000Z");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(
        !ics.replace("\r\n", "").contains('\n'),
        "only CRLF line ends"
    );
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "line over 75 octets: {line}");
    }
    let steps = r.steps().count();
    let exams = r.steps().filter(|s| s.exam_date.is_some()).count();
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), steps + exams);
    assert!(ics.contains("X-WR-CALNAME:Roadmap to IT manager\\, \"with\"\\; care"));
    assert!(ics.contains("DTSTART;VALUE=DATE:20261201"));
}
