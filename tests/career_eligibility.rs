//! Eligibility for every certification in the catalog — at least one person
//! who may sit it and one who may not — and the degree-dependent rules that
//! matter most (PMP's months, CISSP's one-year waiver).

use crossroads::core::map::Map;

use crossroads::core::career::catalog::{CertId, FactId};
use crossroads::core::career::date::Date;
use crossroads::core::career::eligibility::{eligibility, Eligibility};
use crossroads::core::career::person::{Experience, FactValue, Held};
use crossroads::core::content::Content;

fn today() -> Date {
    Date::parse("2026-11-28").unwrap()
}

fn person(
    facts: &[(&str, f64)],
    education: &str,
    domains: usize,
    held: &[&str],
) -> (Experience, Held) {
    let mut m: Map<FactId, FactValue> = facts
        .iter()
        .map(|(k, v)| (FactId((*k).into()), FactValue::Number(*v)))
        .collect();
    m.insert(
        FactId("highest_education".into()),
        FactValue::Choice(education.into()),
    );
    let all = [
        "security_risk_management",
        "asset_security",
        "security_architecture",
        "communication_network_security",
        "identity_access_management",
        "security_assessment_testing",
        "security_operations",
        "software_development_security",
    ];
    m.insert(
        FactId("security_domains".into()),
        FactValue::Multi(all[..domains].iter().map(|s| (*s).to_owned()).collect()),
    );
    (
        Experience(m),
        held.iter().map(|h| CertId((*h).into())).collect(),
    )
}

/// A seasoned professional who meets every rule in the catalog.
fn veteran(held: &[&str]) -> (Experience, Held) {
    person(
        &[
            ("months_leading_projects", 80.0),
            ("years_in_it", 15.0),
            ("years_in_security", 8.0),
            ("years_security_management", 5.0),
            ("years_governance_risk", 8.0),
            ("years_it_governance", 8.0),
            ("years_is_audit", 8.0),
            ("months_agile_projects", 40.0),
            ("agile_training_hours", 40.0),
            ("months_program_management", 90.0),
            ("pm_education_hours", 60.0),
        ],
        "master",
        4,
        held,
    )
}

/// A newcomer with nothing yet.
fn newcomer() -> (Experience, Held) {
    person(&[], "secondary", 0, &[])
}

#[test]
fn every_certification_has_an_eligible_and_an_ineligible_case() {
    let cat = Content::builtin().unwrap().catalog;
    let all_ids: Vec<&str> = cat.certifications.iter().map(|c| c.id.as_str()).collect();
    let (vexp, vheld) = veteran(&all_ids);
    let (nexp, nheld) = newcomer();
    for cert in &cat.certifications {
        let held_except: Held = vheld.iter().filter(|h| **h != cert.id).cloned().collect();
        assert!(
            eligibility(&cat, cert, &vexp, &held_except, today()).is_now(),
            "{}: a veteran holding everything else should be eligible",
            cert.id
        );
        let newcomer_ok = eligibility(&cat, cert, &nexp, &nheld, today()).is_now();
        let open = cert.prerequisites.is_none() && cert.requires_certs.is_empty();
        if open {
            assert!(newcomer_ok, "{} has no prerequisites", cert.id);
        } else {
            assert!(
                !newcomer_ok,
                "{}: a newcomer should not be eligible",
                cert.id
            );
        }
    }
}

fn pmp(months: f64, education: &str, hours: f64, held: &[&str]) -> Eligibility {
    let cat = Content::builtin().unwrap().catalog;
    let (e, h) = person(
        &[
            ("months_leading_projects", months),
            ("pm_education_hours", hours),
        ],
        education,
        0,
        held,
    );
    eligibility(
        &cat,
        cat.cert(&CertId("pmp".into())).unwrap(),
        &e,
        &h,
        today(),
    )
}

#[test]
fn pmp_months_depend_on_the_degree() {
    assert!(pmp(36.0, "bachelor", 35.0, &[]).is_now());
    assert!(pmp(24.0, "gac_degree", 35.0, &[]).is_now());
    assert!(pmp(60.0, "secondary", 35.0, &[]).is_now());
    // Bachelor with 30 months: eligible six months later, time alone.
    match pmp(30.0, "bachelor", 35.0, &[]) {
        Eligibility::OnDate { date, missing, .. } => {
            assert_eq!(date, today().add_months(6));
            assert_eq!(
                missing,
                vec!["6 more months leading projects (you have 30 of 36)".to_owned()]
            );
        }
        other => panic!("expected a date, got {other:?}"),
    }
    // Secondary education with 36 months: not until 60.
    match pmp(36.0, "secondary", 35.0, &[]) {
        Eligibility::OnDate { date, .. } => assert_eq!(date, today().add_months(24)),
        other => panic!("expected a date, got {other:?}"),
    }
    // 12 months, as in the roadmap scenario: 24 more.
    match pmp(12.0, "bachelor", 35.0, &[]) {
        Eligibility::OnDate { missing, .. } => {
            assert_eq!(
                missing,
                vec!["24 more months leading projects (you have 12 of 36)".to_owned()]
            )
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn capm_stands_in_for_the_35_hours() {
    assert!(!pmp(40.0, "bachelor", 0.0, &[]).is_now());
    assert!(pmp(40.0, "bachelor", 0.0, &["capm"]).is_now());
}

#[test]
fn cissp_one_year_waiver_and_associate_path() {
    let cat = Content::builtin().unwrap().catalog;
    let cissp = cat.cert(&CertId("cissp".into())).unwrap();
    let check = |years: f64, educ: &str, domains: usize| {
        let (e, h) = person(&[("years_in_security", years)], educ, domains, &[]);
        eligibility(&cat, cissp, &e, &h, today())
    };
    assert!(check(5.0, "secondary", 2).is_now());
    assert!(
        check(4.0, "bachelor_computing", 2).is_now(),
        "a degree waives one year"
    );
    assert!(
        !check(4.0, "secondary", 2).is_now(),
        "no waiver without a degree"
    );
    match check(0.0, "secondary", 0) {
        Eligibility::NotYet { associate, .. } => {
            assert!(associate.unwrap().starts_with("Associate of ISC2"))
        }
        other => panic!("{other:?}"),
    }
}

/// What is missing, whatever the kind of answer.
fn missing(e: &Eligibility) -> Vec<String> {
    match e {
        Eligibility::Now { .. } => Vec::new(),
        Eligibility::OnDate { missing, .. } | Eligibility::NotYet { missing, .. } => {
            missing.clone()
        }
    }
}

#[test]
fn an_unanswered_education_says_where_to_answer_not_that_it_is_lacking() {
    let content = Content::builtin().unwrap();
    let cat = &content.catalog;
    let capm = cat
        .certifications
        .iter()
        .find(|c| c.id.0 == "capm")
        .unwrap();
    // Nothing entered at all.
    let blank = eligibility(cat, capm, &Experience::default(), &Held::default(), today());
    let said = missing(&blank).join("; ");
    assert!(said.contains("not answered yet"), "{said}");
    assert!(said.contains("the experience page"), "{said}");
    assert!(said.contains("highest completed education: "), "{said}");
    // An answer that does not qualify is reported as such, without the hint.
    let pmp = cat.certifications.iter().find(|c| c.id.0 == "pmp").unwrap();
    let (exp, held) = person(
        &[
            ("months_leading_projects", 10.0),
            ("pm_education_hours", 0.0),
        ],
        "secondary",
        0,
        &[],
    );
    let said = missing(&eligibility(cat, pmp, &exp, &held, today())).join("; ");
    assert!(said.contains("leading projects"), "{said}");
    assert!(!said.contains("not answered yet"), "{said}");
}

/// What a case expects.
enum Want {
    Now,
    /// Eligible after this many months of experience the person is building.
    In(i64),
    /// Not by time alone; every listed phrase is in the message, in order.
    Not(&'static [&'static str]),
}

/// A person: number facts, education, how many security areas, held certs.
type Who = (
    &'static [(&'static str, f64)],
    &'static str,
    usize,
    &'static [&'static str],
);

#[test]
fn a_table_of_people_and_certifications() {
    use Want::*;
    let content = Content::builtin().unwrap();
    let cat = &content.catalog;
    let cases: &[(&str, Who, Want)] = &[
        // PMP: degree-dependent months, 35 hours or CAPM.
        (
            "pmp",
            (
                &[
                    ("months_leading_projects", 36.0),
                    ("pm_education_hours", 35.0),
                ],
                "bachelor",
                0,
                &[],
            ),
            Now,
        ),
        (
            "pmp",
            (
                &[
                    ("months_leading_projects", 30.0),
                    ("pm_education_hours", 35.0),
                ],
                "bachelor",
                0,
                &[],
            ),
            In(6),
        ),
        (
            "pmp",
            (
                &[
                    ("months_leading_projects", 12.0),
                    ("pm_education_hours", 40.0),
                ],
                "master",
                0,
                &[],
            ),
            In(24),
        ),
        (
            "pmp",
            (
                &[
                    ("months_leading_projects", 24.0),
                    ("pm_education_hours", 35.0),
                ],
                "gac_degree",
                0,
                &[],
            ),
            Now,
        ),
        (
            "pmp",
            (
                &[
                    ("months_leading_projects", 60.0),
                    ("pm_education_hours", 35.0),
                ],
                "secondary",
                0,
                &[],
            ),
            Now,
        ),
        (
            "pmp",
            (
                &[
                    ("months_leading_projects", 36.0),
                    ("pm_education_hours", 35.0),
                ],
                "secondary",
                0,
                &[],
            ),
            In(24),
        ),
        (
            "pmp",
            (
                &[
                    ("months_leading_projects", 59.0),
                    ("pm_education_hours", 0.0),
                ],
                "associate",
                0,
                &["capm"],
            ),
            In(1),
        ),
        (
            "pmp",
            (
                &[
                    ("months_leading_projects", 40.0),
                    ("pm_education_hours", 0.0),
                ],
                "bachelor",
                0,
                &["capm"],
            ),
            Now,
        ),
        (
            "pmp",
            (
                &[
                    ("months_leading_projects", 40.0),
                    ("pm_education_hours", 10.0),
                ],
                "bachelor",
                0,
                &[],
            ),
            Not(&[
                "25 more hours of project-management training (you have 10 of 35)",
                "or Certified Associate in Project Management (CAPM)",
            ]),
        ),
        // A secondary diploma, 36 months and no training: the nearest route is
        // the secondary one (time closes it), not a degree.
        (
            "pmp",
            (
                &[
                    ("months_leading_projects", 36.0),
                    ("pm_education_hours", 0.0),
                ],
                "secondary",
                0,
                &[],
            ),
            Not(&[
                "Secondary diploma",
                "24 more months leading projects",
                "Or — ",
            ]),
        ),
        (
            "pmp",
            (
                &[
                    ("months_leading_projects", 0.0),
                    ("pm_education_hours", 0.0),
                ],
                "bachelor",
                0,
                &[],
            ),
            Not(&["36 more months leading projects (you have 0 of 36)"]),
        ),
        ("pmp", (&[], "", 0, &[]), Not(&["not answered yet"])),
        // CAPM: a diploma and 23 hours.
        (
            "capm",
            (&[("pm_education_hours", 23.0)], "secondary", 0, &[]),
            Now,
        ),
        (
            "capm",
            (&[("pm_education_hours", 22.0)], "secondary", 0, &[]),
            Not(&["1 more hour of project-management training"]),
        ),
        (
            "capm",
            (&[("pm_education_hours", 30.0)], "", 0, &[]),
            Not(&["highest completed education", "not answered yet"]),
        ),
        // CISSP: five years in two areas; a computing degree waives one.
        (
            "cissp",
            (&[("years_in_security", 5.0)], "secondary", 2, &[]),
            Now,
        ),
        (
            "cissp",
            (&[("years_in_security", 4.0)], "bachelor_computing", 2, &[]),
            Now,
        ),
        (
            "cissp",
            (&[("years_in_security", 4.0)], "master_computing", 3, &[]),
            Now,
        ),
        (
            "cissp",
            (&[("years_in_security", 4.0)], "bachelor", 2, &[]),
            In(12),
        ),
        (
            "cissp",
            (&[("years_in_security", 4.0)], "secondary", 2, &[]),
            In(12),
        ),
        (
            "cissp",
            (&[("years_in_security", 2.0)], "secondary", 2, &[]),
            In(36),
        ),
        (
            "cissp",
            (&[("years_in_security", 3.0)], "bachelor_computing", 2, &[]),
            In(12),
        ),
        (
            "cissp",
            (&[("years_in_security", 6.0)], "secondary", 1, &[]),
            Not(&["at least 2 security areas with real, paid work (you have 1)"]),
        ),
        (
            "cissp",
            (&[("years_in_security", 0.0)], "secondary", 0, &[]),
            Not(&["5 more years of paid security work"]),
        ),
        (
            "cissp",
            (&[("years_in_security", 1.0)], "secondary", 2, &[]),
            In(48),
        ),
        // CISM: three years managing security, plus five in security or a waiver.
        (
            "cism",
            (
                &[
                    ("years_security_management", 3.0),
                    ("years_in_security", 5.0),
                ],
                "secondary",
                0,
                &[],
            ),
            Now,
        ),
        (
            "cism",
            (
                &[
                    ("years_security_management", 3.0),
                    ("years_in_security", 1.0),
                ],
                "secondary",
                0,
                &["cissp"],
            ),
            Now,
        ),
        (
            "cism",
            (
                &[
                    ("years_security_management", 3.0),
                    ("years_in_security", 1.0),
                ],
                "secondary",
                0,
                &["cisa"],
            ),
            Now,
        ),
        (
            "cism",
            (
                &[
                    ("years_security_management", 3.0),
                    ("years_in_security", 1.0),
                ],
                "master_computing",
                0,
                &[],
            ),
            Now,
        ),
        (
            "cism",
            (
                &[
                    ("years_security_management", 1.0),
                    ("years_in_security", 5.0),
                ],
                "secondary",
                0,
                &[],
            ),
            In(24),
        ),
        (
            "cism",
            (
                &[
                    ("years_security_management", 2.0),
                    ("years_in_security", 3.0),
                ],
                "secondary",
                0,
                &[],
            ),
            In(24),
        ),
        (
            "cism",
            (
                &[
                    ("years_security_management", 0.0),
                    ("years_in_security", 6.0),
                ],
                "secondary",
                0,
                &[],
            ),
            Not(&["3 more years managing information security"]),
        ),
        // CGEIT: five years of governance.
        (
            "cgeit",
            (&[("years_it_governance", 5.0)], "secondary", 0, &[]),
            Now,
        ),
        (
            "cgeit",
            (&[("years_it_governance", 4.0)], "secondary", 0, &[]),
            In(12),
        ),
        (
            "cgeit",
            (&[("years_it_governance", 0.5)], "secondary", 0, &[]),
            In(54),
        ),
        (
            "cgeit",
            (
                &[("years_it_governance", 0.0), ("years_governance_risk", 9.0)],
                "secondary",
                0,
                &[],
            ),
            Not(&["5 more years in IT governance"]),
        ),
        // CRISC: three years of risk and control.
        (
            "crisc",
            (&[("years_governance_risk", 3.0)], "secondary", 0, &[]),
            Now,
        ),
        (
            "crisc",
            (&[("years_governance_risk", 2.0)], "secondary", 0, &[]),
            In(12),
        ),
        (
            "crisc",
            (
                &[("years_governance_risk", 0.0), ("years_it_governance", 6.0)],
                "secondary",
                0,
                &[],
            ),
            Not(&["3 more years of IT risk and control work"]),
        ),
        // CISA: audit, risk or security years, fewer with a degree.
        (
            "cisa",
            (&[("years_is_audit", 5.0)], "secondary", 0, &[]),
            Now,
        ),
        (
            "cisa",
            (&[("years_is_audit", 3.0)], "bachelor", 0, &[]),
            Now,
        ),
        (
            "cisa",
            (&[("years_in_security", 3.0)], "bachelor", 0, &[]),
            Now,
        ),
        (
            "cisa",
            (&[("years_is_audit", 2.0)], "master_computing", 0, &[]),
            Now,
        ),
        (
            "cisa",
            (&[("years_is_audit", 1.0)], "secondary", 0, &[]),
            In(48),
        ),
        // CCSP: five years in IT with three in security, or CISSP.
        (
            "ccsp",
            (
                &[("years_in_it", 5.0), ("years_in_security", 3.0)],
                "secondary",
                0,
                &[],
            ),
            Now,
        ),
        (
            "ccsp",
            (&[("years_in_it", 1.0)], "secondary", 0, &["cissp"]),
            Now,
        ),
        (
            "ccsp",
            (
                &[("years_in_it", 4.0), ("years_in_security", 3.0)],
                "secondary",
                0,
                &[],
            ),
            In(12),
        ),
        // PMI-ACP and PgMP.
        (
            "pmi_acp",
            (
                &[
                    ("agile_training_hours", 28.0),
                    ("months_agile_projects", 24.0),
                ],
                "secondary",
                0,
                &[],
            ),
            Now,
        ),
        (
            "pmi_acp",
            (
                &[
                    ("agile_training_hours", 28.0),
                    ("months_agile_projects", 0.0),
                ],
                "secondary",
                0,
                &["pmp"],
            ),
            Now,
        ),
        (
            "pmi_acp",
            (
                &[
                    ("agile_training_hours", 28.0),
                    ("months_agile_projects", 12.0),
                ],
                "secondary",
                0,
                &[],
            ),
            In(12),
        ),
        (
            "pmi_acp",
            (
                &[
                    ("agile_training_hours", 0.0),
                    ("months_agile_projects", 30.0),
                ],
                "secondary",
                0,
                &[],
            ),
            Not(&["28 more hours of agile training"]),
        ),
        (
            "pgmp",
            (
                &[
                    ("months_leading_projects", 48.0),
                    ("months_program_management", 48.0),
                ],
                "bachelor",
                0,
                &[],
            ),
            Now,
        ),
        (
            "pgmp",
            (
                &[
                    ("months_leading_projects", 10.0),
                    ("months_program_management", 48.0),
                ],
                "bachelor",
                0,
                &["pmp"],
            ),
            Now,
        ),
        (
            "pgmp",
            (
                &[
                    ("months_leading_projects", 48.0),
                    ("months_program_management", 40.0),
                ],
                "bachelor",
                0,
                &[],
            ),
            In(8),
        ),
        // Certifications that need another first.
        (
            "itil4_managing_professional",
            (&[], "secondary", 0, &["itil4_foundation"]),
            Now,
        ),
        (
            "itil4_managing_professional",
            (&[], "secondary", 0, &[]),
            Not(&["ITIL 4 Foundation"]),
        ),
        (
            "itil4_strategic_leader",
            (&[], "secondary", 0, &[]),
            Not(&["ITIL 4 Foundation"]),
        ),
        ("prince2_practitioner", (&[], "secondary", 0, &["pmp"]), Now),
        (
            "prince2_practitioner",
            (&[], "secondary", 0, &["capm"]),
            Now,
        ),
        (
            "prince2_practitioner",
            (&[], "secondary", 0, &[]),
            Not(&[
                "PRINCE2 Foundation",
                "or Project Management Professional (PMP)",
                "or Certified Associate in Project Management (CAPM)",
            ]),
        ),
        // No prerequisites: anyone, any time.
        ("itil4_foundation", (&[], "", 0, &[]), Now),
        ("comptia_security_plus", (&[], "", 0, &[]), Now),
        ("ccna", (&[], "secondary", 0, &[]), Now),
        ("aws_saa", (&[], "", 0, &[]), Now),
        ("cka", (&[], "", 0, &[]), Now),
        ("isc2_cc", (&[], "", 0, &[]), Now),
    ];
    assert!(cases.len() >= 60, "{} cases", cases.len());
    for (i, (cert, (facts, educ, domains, held), want)) in cases.iter().enumerate() {
        let c = cat
            .cert(&CertId((*cert).into()))
            .unwrap_or_else(|| panic!("case {i}: {cert}"));
        let (mut e, h) = person(facts, educ, *domains, held);
        if educ.is_empty() {
            e.0.remove(&FactId("highest_education".into()));
        }
        let got = eligibility(cat, c, &e, &h, today());
        let text = missing(&got).join(" | ");
        match (want, &got) {
            (Now, Eligibility::Now { .. }) => {}
            (In(m), Eligibility::OnDate { date, .. }) => {
                assert_eq!(*date, today().add_months(*m), "case {i} ({cert}): {text}")
            }
            (Not(phrases), Eligibility::NotYet { missing, .. }) => {
                let all = missing.join(" | ");
                let mut from = 0;
                for p in *phrases {
                    let at = all[from..]
                        .find(p)
                        .unwrap_or_else(|| panic!("case {i} ({cert}): \"{p}\" not in \"{all}\""));
                    from += at + p.len();
                }
                // Every line is said once.
                for (j, l) in missing.iter().enumerate() {
                    assert!(!missing[j + 1..].contains(l), "case {i}: \"{l}\" twice");
                }
            }
            _ => panic!("case {i} ({cert}): got {got:?}"),
        }
    }
}
