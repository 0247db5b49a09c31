//! Prints the roadmap of the people Crossroads is tried on before advice
//! ships, as a mentor would read it:
//!
//! ```sh
//! cargo run --example roadmap            # the sysadmin and the security engineer
//! ```

use crossroads::core::career::catalog::{CertId, FactId, RoleId, SkillId};
use crossroads::core::career::date::Date;
use crossroads::core::career::person::{Experience, FactValue, Held, Person, SkillRatings};
use crossroads::core::career::plan::{plan, Choices, Constraints, RoleCertStatus};
use crossroads::core::content::Content;

struct Persona {
    title: &'static str,
    role: &'static str,
    skills: &'static [(&'static str, u8)],
    facts: &'static [(&'static str, f64)],
    education: &'static str,
    domains: &'static [&'static str],
    held: &'static [&'static str],
    hours: f64,
    budget: Option<f64>,
}

const PEOPLE: &[Persona] = &[
    Persona {
        title: "Sysadmin, 8 years in IT, 24 months leading projects, bachelor's, 5 h/week, US$1,500 → IT manager",
        role: "it_manager",
        skills: &[("systems", 3), ("networking", 3), ("troubleshooting", 3), ("communication", 2), ("project_management", 1), ("people_leadership", 1)],
        facts: &[("years_in_it", 8.0), ("months_leading_projects", 24.0), ("pm_education_hours", 0.0), ("years_in_security", 0.0), ("people_managed", 0.0), ("budget_owned_usd", 0.0)],
        education: "bachelor",
        domains: &[],
        held: &["comptia_a_plus"],
        hours: 5.0,
        budget: Some(1500.0),
    },
    Persona {
        title: "Security engineer, 4 years in 4 security domains, bachelor's in computing, 6 h/week, no budget limit → security manager",
        role: "security_manager",
        skills: &[("cybersecurity", 3), ("networking", 3), ("governance_risk", 2), ("communication", 2), ("people_leadership", 1)],
        facts: &[("years_in_it", 7.0), ("years_in_security", 4.0), ("months_leading_projects", 6.0), ("years_security_management", 0.0), ("pm_education_hours", 0.0)],
        education: "bachelor_computing",
        domains: &["security_operations", "communication_network_security", "identity_access_management", "security_assessment_testing"],
        held: &["comptia_security_plus"],
        hours: 6.0,
        budget: None,
    },
];

fn main() {
    let content = Content::builtin().expect("the shipped content is valid");
    let cat = &content.catalog;
    let start = Date::parse("2027-01-04").expect("a date");
    for p in PEOPLE {
        let role = cat.role(&RoleId(p.role.into())).expect("a shipped role");
        let skills: SkillRatings = p
            .skills
            .iter()
            .map(|(s, l)| (SkillId((*s).into()), *l))
            .collect();
        let mut exp = Experience::default();
        for (f, v) in p.facts {
            exp.0.insert(FactId((*f).into()), FactValue::Number(*v));
        }
        exp.0.insert(
            FactId("highest_education".into()),
            FactValue::Choice(p.education.into()),
        );
        exp.0.insert(
            FactId("security_domains".into()),
            FactValue::Multi(p.domains.iter().map(|d| (*d).to_owned()).collect()),
        );
        let held: Held = p.held.iter().map(|c| CertId((*c).into())).collect();
        let person = Person {
            skills: &skills,
            experience: &exp,
            held: &held,
        };
        let c = Constraints {
            hours_per_week: p.hours,
            budget_usd: p.budget,
            start,
        };
        let r = plan(cat, role, person, &c, &Choices::default());
        println!("\n=== {}\n{}", p.title, r.summary());
        for ph in &r.phases {
            println!("\n  {}", ph.title);
            for s in &ph.steps {
                let cost = s
                    .cost_usd
                    .map(|c| format!("US${c:.0}"))
                    .unwrap_or_else(|| "cost unknown".into());
                let exam = s
                    .exam_date
                    .map(|d| format!(" · exam {d}"))
                    .unwrap_or_default();
                println!(
                    "  - {} ({} → {}{exam}; {:.0} h; {cost})",
                    s.name, s.start, s.end, s.hours
                );
                println!("      why: {}", s.why);
                for a in &s.assumptions {
                    println!("      assumes: {a}");
                }
            }
        }
        println!("\n  Role certifications:");
        for rc in &r.role_certs {
            let st = match &rc.status {
                RoleCertStatus::Held => "held".to_owned(),
                RoleCertStatus::Planned { exam } => format!("planned, exam {exam}"),
                RoleCertStatus::Skipped => "skipped".to_owned(),
                RoleCertStatus::NotPlanned { reason } => format!("not planned: {reason}"),
            };
            println!("  - {}: {st}", rc.name);
        }
        for n in &r.notes {
            println!("  note: {n}");
        }
    }
}
