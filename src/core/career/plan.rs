//! The roadmap planner: chooses certifications and activities that close a
//! role's skill gaps, orders them so that no exam comes before its
//! prerequisites or the date the person becomes eligible, fits them into the
//! hours a week and the budget the person has, and dates them from a start
//! date. Every step says why it is there. Deterministic: the date is an input.
//!
//! Steps run one after another, so the hours per week are never exceeded.
//! Experience that accrues (months leading projects, years in security)
//! grows with time when the person already has some — they are taken to be
//! still doing that work; an activity's `counts_toward` adds experience the
//! person does not accrue already.

use std::collections::BTreeSet;

use crate::core::map::{Map, Set};

use serde::{Deserialize, Serialize};

use super::catalog::{Activity, Catalog, Certification, Condition, Role, SkillId};
use super::date::Date;
use super::eligibility::{eligibility, Eligibility};
use super::person::{Experience, Held, SkillRatings};

/// A single step longer than this at the person's pace is left out, with a
/// note, rather than filling the roadmap for years.
pub const MAX_STEP_DAYS: i64 = 3 * 365;
/// Study hours assumed when a certification's are unknown.
pub const DEFAULT_STUDY_HOURS: f64 = 40.0;
/// The most steps a roadmap suggests (pinned steps come on top).
pub const MAX_STEPS: usize = 10;
const DAYS_PER_MONTH: f64 = 30.44;

/// The person's choices on earlier plans: step ids (certification or
/// activity ids) marked done, skipped, or pinned.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Choices {
    #[serde(default)]
    pub done: Set<String>,
    #[serde(default)]
    pub skipped: Set<String>,
    #[serde(default)]
    pub pinned: Set<String>,
}

/// What the person can give.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Constraints {
    pub hours_per_week: f64,
    /// `None`: no budget limit given.
    pub budget_usd: Option<f64>,
    pub start: Date,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    Certification,
    Activity,
}

/// One dated step.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    pub id: String,
    pub kind: StepKind,
    pub name: String,
    pub start: Date,
    pub end: Date,
    pub hours: f64,
    pub cost_usd: Option<f64>,
    pub why: String,
    pub pinned: bool,
    /// For certifications: the exam date (the step's end).
    pub exam_date: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Phase {
    pub title: String,
    pub start: Date,
    pub end: Date,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Roadmap {
    pub phases: Vec<Phase>,
    pub total_hours: f64,
    pub total_cost_usd: f64,
    /// Steps whose cost is unknown (not in the total).
    pub unknown_costs: usize,
    /// Plain explanations: what could not be planned and what is possible.
    pub notes: Vec<String>,
}

impl Roadmap {
    pub fn steps(&self) -> impl Iterator<Item = &Step> {
        self.phases.iter().flat_map(|p| &p.steps)
    }
}

/// A candidate before it is dated.
#[derive(Clone)]
enum Pick<'a> {
    Cert(&'a Certification),
    Act(&'a Activity),
}

impl<'a> Pick<'a> {
    fn id(&self) -> &str {
        match self {
            Pick::Cert(c) => c.id.as_str(),
            Pick::Act(a) => a.id.as_str(),
        }
    }
    fn builds(&self) -> &Map<SkillId, u8> {
        match self {
            Pick::Cert(c) => &c.builds,
            Pick::Act(a) => &a.builds,
        }
    }
    fn hours(&self) -> f64 {
        match self {
            Pick::Cert(c) => c.study_hours.unwrap_or(DEFAULT_STUDY_HOURS),
            Pick::Act(a) => a.hours,
        }
    }
    fn cost(&self) -> Option<f64> {
        match self {
            Pick::Cert(c) => c.cost_usd,
            Pick::Act(a) => a.cost_usd,
        }
    }
}

fn find<'a>(cat: &'a Catalog, id: &str) -> Option<Pick<'a>> {
    cat.certifications
        .iter()
        .find(|c| c.id.as_str() == id)
        .map(Pick::Cert)
        .or_else(|| {
            cat.activities
                .iter()
                .find(|a| a.id.as_str() == id)
                .map(Pick::Act)
        })
}

/// Importance-weighted levels a step would add toward the role.
/// (A step builds a few skills and a role asks for many: walking the step's
/// skills is the short way round, and only they can gain.)
fn gain(role: &Role, levels: &SkillRatings, builds: &Map<SkillId, u8>) -> u32 {
    builds
        .iter()
        .filter_map(|(s, built)| {
            let req = role.requires.get(s)?;
            let now = levels.get(s).copied().unwrap_or(0);
            let to = (*built).min(req.level);
            Some(u32::from(to.saturating_sub(now)) * u32::from(req.importance))
        })
        .sum()
}

fn apply_builds(levels: &mut SkillRatings, builds: &Map<SkillId, u8>) {
    for (s, l) in builds {
        let now = levels.get(s).copied().unwrap_or(0);
        levels.insert(s.clone(), now.max(*l));
    }
}

/// Certifications named in `cert` conditions of a prerequisite.
fn stepping_stones(c: &Condition, out: &mut Vec<String>) {
    match c {
        Condition::All { all: l, .. } | Condition::Any { any: l, .. } => {
            l.iter().for_each(|c| stepping_stones(c, out))
        }
        Condition::Cert { cert: id } => out.push(id.to_string()),
        _ => {}
    }
}

/// Facts a prerequisite asks for in numbers.
fn numeric_facts(c: &Condition, out: &mut Vec<String>) {
    match c {
        Condition::All { all: l, .. } | Condition::Any { any: l, .. } => {
            l.iter().for_each(|c| numeric_facts(c, out))
        }
        Condition::AtLeast { at_least: a } => out.push(a.fact.to_string()),
        _ => {}
    }
}

/// Experience at `when`: what the person had, grown by time where it
/// accrues, plus what finished activities added.
fn experience_at(
    cat: &Catalog,
    base: &Experience,
    start: Date,
    when: Date,
    added: &Experience,
) -> Experience {
    let months = (start.days_until(when) as f64 / DAYS_PER_MONTH)
        .floor()
        .max(0.0);
    let mut e = base.clone();
    for f in &cat.facts {
        if f.accrues && base.number(&f.id) > 0.0 {
            e.add(&f.id, months * f.per_month());
        }
    }
    for (id, v) in &added.0 {
        if let super::person::FactValue::Number(n) = v {
            e.add(id, *n);
        }
    }
    e
}

/// Plans the roadmap toward `role`.
#[allow(clippy::too_many_arguments)]
pub fn plan(
    cat: &Catalog,
    role: &Role,
    ratings: &SkillRatings,
    experience: &Experience,
    held: &Held,
    constraints: &Constraints,
    choices: &Choices,
) -> Roadmap {
    let mut notes = Vec::new();
    let mut levels = ratings.clone();
    let mut exp = experience.clone();
    let mut held = held.clone();
    for id in &choices.done {
        match find(cat, id) {
            Some(Pick::Cert(c)) => {
                held.insert(c.id.clone());
                apply_builds(&mut levels, &c.builds);
            }
            Some(Pick::Act(a)) => {
                apply_builds(&mut levels, &a.builds);
                for ct in &a.counts_toward {
                    exp.add(&ct.fact, ct.amount);
                }
            }
            None => {}
        }
    }

    if constraints.hours_per_week.is_nan() || constraints.hours_per_week <= 0.0 {
        let mut with_three = *constraints;
        with_three.hours_per_week = 3.0;
        let alt = plan(cat, role, ratings, experience, &held, &with_three, choices);
        let mut note = "With 0 hours a week nothing can be scheduled.".to_owned();
        if let Some(last) = alt.steps().map(|s| s.end).max() {
            note.push_str(&format!(
                " Even 3 hours a week would get through {} steps toward {} by {last}.",
                alt.steps().count(),
                role.name
            ));
        }
        return Roadmap {
            phases: vec![],
            total_hours: 0.0,
            total_cost_usd: 0.0,
            unknown_costs: 0,
            notes: vec![note],
        };
    }

    // 1. Choose: pinned steps first, then whatever closes the most
    // importance-weighted gap per hour (typical certifications of the role
    // count half again).
    let mut chosen: Vec<(Pick, String)> = Vec::new();
    let mut sim = levels.clone();
    for id in &choices.pinned {
        if choices.done.contains(id) {
            continue;
        }
        if let Some(p) = find(cat, id) {
            apply_builds(&mut sim, p.builds());
            chosen.push((p, "You pinned this step.".to_owned()));
        }
    }
    let skill_names = |b: &Map<SkillId, u8>, sim: &SkillRatings| -> Vec<String> {
        b.iter()
            .filter(|(s, l)| {
                role.requires.get(*s).is_some_and(|r| {
                    sim.get(*s).copied().unwrap_or(0) < r.level
                        && **l > sim.get(*s).copied().unwrap_or(0)
                })
            })
            .filter_map(|(s, l)| {
                cat.skill(s)
                    .map(|k| format!("{} to level {}", k.name, l.min(&role.requires[s].level)))
            })
            .collect()
    };
    loop {
        if chosen.len() >= MAX_STEPS + choices.pinned.len() {
            break;
        }
        let taken: BTreeSet<&str> = chosen.iter().map(|(p, _)| p.id()).collect();
        let mut best: Option<(f64, Pick)> = None;
        let candidates = cat
            .certifications
            .iter()
            .filter(|c| !held.contains(&c.id))
            .map(Pick::Cert)
            .chain(cat.activities.iter().map(Pick::Act));
        for p in candidates {
            let id = p.id();
            if taken.contains(id) || choices.skipped.contains(id) || choices.done.contains(id) {
                continue;
            }
            let g = gain(role, &sim, p.builds());
            if g == 0 {
                continue;
            }
            let typical =
                matches!(&p, Pick::Cert(c) if role.typical_certifications.contains(&c.id));
            let value = f64::from(g) * if typical { 1.5 } else { 1.0 } * 100.0 / p.hours().max(1.0);
            if best
                .as_ref()
                .is_none_or(|(v, b)| value > *v || (value == *v && id < b.id()))
            {
                best = Some((value, p));
            }
        }
        let Some((_, p)) = best else { break };
        let raised = skill_names(p.builds(), &sim);
        let mut why = format!(
            "Raises {} toward what {} asks.",
            raised.join(", "),
            role.name
        );
        if let Pick::Cert(c) = &p {
            if role.typical_certifications.contains(&c.id) {
                why.push_str(&format!(
                    " It is a typical certification for {}.",
                    role.name
                ));
            }
        }
        apply_builds(&mut sim, p.builds());
        chosen.push((p, why));
    }

    // 2. Prerequisites: certifications needed first, stepping stones for an
    // exam that is out of reach today, and activities that build the
    // experience an exam asks for.
    let mut ordered: Vec<(Pick, String)> = Vec::new();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    fn add_with_prereqs<'a>(
        cat: &'a Catalog,
        p: Pick<'a>,
        why: String,
        ctx: (&Experience, &Held, &Choices, Date),
        ordered: &mut Vec<(Pick<'a>, String)>,
        seen: &mut BTreeSet<String>,
        depth: usize,
    ) {
        let (exp, held, choices, start) = ctx;
        if seen.contains(p.id()) || depth > 4 {
            return;
        }
        seen.insert(p.id().to_owned());
        if let Pick::Cert(c) = &p {
            for r in &c.requires_certs {
                if !held.contains(r) {
                    if let Some(dep) = find(cat, r.as_str()) {
                        let w = format!("Required before {}.", c.name);
                        add_with_prereqs(cat, dep, w, ctx, ordered, seen, depth + 1);
                    }
                }
            }
            let el = eligibility(cat, c, exp, held, start);
            if !el.is_now() {
                if let Some(cond) = &c.prerequisites {
                    let mut stones = Vec::new();
                    stepping_stones(cond, &mut stones);
                    for s in stones {
                        if held.contains(&super::catalog::CertId(s.clone()))
                            || choices.skipped.contains(&s)
                        {
                            continue;
                        }
                        if let Some(dep @ Pick::Cert(sc)) = find(cat, &s) {
                            let w = format!(
                                "A stepping stone: {} is within reach sooner and counts toward {}'s requirements.",
                                sc.name, c.name
                            );
                            add_with_prereqs(cat, dep, w, ctx, ordered, seen, depth + 1);
                        }
                    }
                    let mut facts = Vec::new();
                    numeric_facts(cond, &mut facts);
                    for f in facts {
                        let have = exp.number(&super::catalog::FactId(f.clone()));
                        if let Some(a) = cat.activities.iter().find(|a| {
                            a.counts_toward.iter().any(|ct| ct.fact.as_str() == f)
                                && !choices.skipped.contains(a.id.as_str())
                                && !choices.done.contains(a.id.as_str())
                        }) {
                            let accruing = cat
                                .fact(&super::catalog::FactId(f.clone()))
                                .is_some_and(|x| x.accrues)
                                && have > 0.0;
                            let missing_now = !el.is_now();
                            if missing_now
                                && (!accruing || matches!(el, Eligibility::NotYet { .. }))
                            {
                                let amount = a
                                    .counts_toward
                                    .iter()
                                    .find(|ct| ct.fact.as_str() == f)
                                    .map(|ct| ct.amount)
                                    .unwrap_or(0.0);
                                let w = format!(
                                    "Builds the experience {} asks for: adds {} {} toward its requirement.",
                                    c.name,
                                    amount,
                                    f.replace('_', " ")
                                );
                                add_with_prereqs(
                                    cat,
                                    Pick::Act(a),
                                    w,
                                    ctx,
                                    ordered,
                                    seen,
                                    depth + 1,
                                );
                            }
                        }
                    }
                }
            }
        }
        ordered.push((p, why));
    }
    for (p, why) in chosen {
        add_with_prereqs(
            cat,
            p,
            why,
            (&exp, &held, choices, constraints.start),
            &mut ordered,
            &mut seen,
            0,
        );
    }

    // 3. Budget.
    let mut spent = 0.0;
    let mut affordable = Vec::new();
    let hpw = constraints.hours_per_week;
    let study_days = |h: f64| ((h / hpw).ceil() * 7.0) as i64;
    for (p, why) in ordered {
        let days = match &p {
            Pick::Act(a) => {
                study_days(a.hours).max((a.duration_months * DAYS_PER_MONTH).round() as i64)
            }
            Pick::Cert(c) => study_days(c.study_hours.unwrap_or(DEFAULT_STUDY_HOURS)),
        };
        if days > MAX_STEP_DAYS && !choices.pinned.contains(p.id()) {
            let name = match &p {
                Pick::Cert(c) => c.name.clone(),
                Pick::Act(a) => a.name.clone(),
            };
            notes.push(format!(
                "{name} is left out: about {:.0} hours would take {:.1} years at {hpw} hours a week. Pin it to plan it anyway, or give more hours a week.",
                p.hours(),
                days as f64 / 365.0
            ));
            continue;
        }
        let cost = p.cost().unwrap_or(0.0);
        if let Some(budget) = constraints.budget_usd {
            if spent + cost > budget + 1e-9 {
                let name = match &p {
                    Pick::Cert(c) => c.name.clone(),
                    Pick::Act(a) => a.name.clone(),
                };
                notes.push(format!(
                    "{name} (about US${cost:.0}) does not fit the budget of US${budget:.0} ({:.0} left); free activities were planned instead where they help.",
                    (budget - spent).max(0.0)
                ));
                continue;
            }
        }
        spent += cost;
        affordable.push((p, why));
    }

    // 4. Dates: one step after another; an exam that must wait for
    // eligibility is moved to the end and dated on or after that day.
    let mut cursor = constraints.start;
    let mut added = Experience::default();
    let mut held_then = held.clone();
    let mut steps: Vec<Step> = Vec::new();
    let mut deferred: Vec<(Pick, String)> = Vec::new();
    let place =
        |p: &Pick, why: &str, start: Date, end: Date, exam: Option<Date>, steps: &mut Vec<Step>| {
            let (kind, name) = match p {
                Pick::Cert(c) => (StepKind::Certification, c.name.clone()),
                Pick::Act(a) => (StepKind::Activity, a.name.clone()),
            };
            steps.push(Step {
                id: p.id().to_owned(),
                kind,
                name,
                start,
                end,
                hours: p.hours(),
                cost_usd: p.cost(),
                why: why.to_owned(),
                pinned: choices.pinned.contains(p.id()),
                exam_date: exam,
            });
        };
    for pass in 0..2 {
        let list = if pass == 0 {
            std::mem::take(&mut affordable)
        } else {
            std::mem::take(&mut deferred)
        };
        for (p, why) in list {
            match &p {
                Pick::Act(a) => {
                    let days = study_days(a.hours)
                        .max((a.duration_months * DAYS_PER_MONTH).round() as i64);
                    let end = cursor.add_days(days);
                    place(&p, &why, cursor, end, None, &mut steps);
                    for ct in &a.counts_toward {
                        let accruing = cat.fact(&ct.fact).is_some_and(|f| f.accrues)
                            && exp.number(&ct.fact) > 0.0;
                        if !accruing {
                            added.add(&ct.fact, ct.amount);
                        }
                    }
                    cursor = end;
                }
                Pick::Cert(c) => {
                    let study_end = cursor.add_days(study_days(p.hours()));
                    let e_at = experience_at(cat, &exp, constraints.start, study_end, &added);
                    let el = eligibility(cat, c, &e_at, &held_then, study_end);
                    match el {
                        Eligibility::Now { .. } => {
                            place(&p, &why, cursor, study_end, Some(study_end), &mut steps);
                            cursor = study_end;
                        }
                        Eligibility::OnDate { date, .. } if pass == 0 => {
                            let _ = date;
                            deferred.push((p.clone(), why));
                            continue;
                        }
                        Eligibility::OnDate { date, .. } => {
                            let start = cursor.max(date.add_days(-study_days(p.hours())));
                            let exam = date.max(start.add_days(study_days(p.hours())));
                            let why = format!(
                                "{why} You become eligible on {date}, so the exam is dated then."
                            );
                            place(&p, &why, start, exam, Some(exam), &mut steps);
                            cursor = exam;
                        }
                        Eligibility::NotYet { missing, .. } => {
                            if let Some(a) = &c.associate_path {
                                let why = format!(
                                    "{why} You do not yet have the experience ({}), so this is planned as {}: {}",
                                    missing.join("; "),
                                    a.name,
                                    a.text
                                );
                                place(&p, &why, cursor, study_end, Some(study_end), &mut steps);
                                cursor = study_end;
                            } else {
                                notes.push(format!(
                                    "{} is not planned: it {}.",
                                    c.name,
                                    missing.join("; ")
                                ));
                                continue;
                            }
                        }
                    }
                }
            }
            if let Pick::Cert(c) = &p {
                held_then.insert(c.id.clone());
            }
        }
    }
    if steps.is_empty() && notes.is_empty() {
        notes.push(format!(
            "Your skills already meet what {} asks; nothing needs planning.",
            role.name
        ));
    }

    // 5. Phases by calendar quarter of each step's start.
    let mut phases: Vec<Phase> = Vec::new();
    for s in &steps {
        let (y, m, _) = s.start.ymd();
        let quarter = (y, (m - 1) / 3);
        let same = phases.last().is_some_and(|ph| {
            let (py, pm, _) = ph.start.ymd();
            (py, (pm - 1) / 3) == quarter
        });
        if same {
            let ph = phases.last_mut().expect("checked");
            ph.end = ph.end.max(s.end);
            ph.steps.push(s.clone());
        } else {
            phases.push(Phase {
                title: String::new(),
                start: s.start,
                end: s.end,
                steps: vec![s.clone()],
            });
        }
    }
    for (i, ph) in phases.iter_mut().enumerate() {
        ph.title = format!(
            "Phase {}: {} – {}",
            i + 1,
            ph.start.month_year(),
            ph.end.month_year()
        );
    }
    let total_hours = steps.iter().map(|s| s.hours).sum();
    let total_cost_usd = steps.iter().filter_map(|s| s.cost_usd).sum();
    let unknown_costs = steps.iter().filter(|s| s.cost_usd.is_none()).count();
    Roadmap {
        phases,
        total_hours,
        total_cost_usd,
        unknown_costs,
        notes,
    }
}
