//! The roadmap planner, in named stages over one [`Person`]:
//!
//! 1. **resolve** the person's marks (done, skipped, pinned) against the
//!    catalog, and what done steps already gave them;
//! 2. **choose** the goals: pinned steps, the role's headline certification,
//!    then whatever closes the most importance-weighted skill gap per hour;
//! 3. **route** each certification: among the issuer's ways to qualify, the
//!    one that lets the exam be sat soonest (then the cheapest), with the
//!    steps it needs (a course *or* CAPM, not both), or the issuer's
//!    exam-first route when that makes the exam sooner;
//! 4. **order** the steps: work that starts experience first (experience
//!    takes calendar time), then goals by priority with their route steps
//!    before them; steps of unknown cost last;
//! 5. **fund** them: with a budget, paid steps are funded in that order
//!    until the next one does not fit; free steps are always planned; a
//!    step whose cost is unknown is never assumed to fit;
//! 6. **date** them: one step's study after another, so the hours a week
//!    are never exceeded; an exam is dated on or after the day the person
//!    qualifies, never before (except on a named exam-first route).
//!
//! Why this order and these rules: they make the plan **monotone**. Nothing
//! in stages 2 and 4 depends on experience, hours, budget or held
//! certifications, except that held certifications and met requirements
//! remove steps. So more experience, more hours a week or an extra held
//! certification never makes a planned step later or drops it; a bigger
//! budget never drops a planned step nor makes a paid step later (it may
//! fund a step that then comes before a free activity of lower priority:
//! with one person doing one step at a time, the only way to avoid that is
//! to keep hours aside for steps the budget does not pay for, which the plan
//! never does). `tests/career_plan.rs` checks these properties over
//! thousands of generated people. Deterministic: the start date is an input.

use serde::{Deserialize, Serialize};

use super::catalog::{Activity, ActivityId, Catalog, CertId, Certification, FactId, Role, SkillId};
use super::date::Date;
use super::eligibility::{atom_state, missing_words, ongoing, ranked, Atom, AtomState};
use super::person::{Experience, FactValue, Held, Person, SkillRatings};
use crate::core::map::{Map, Set};
use crate::core::text::{count, money, number, quantity};

/// The most goals a roadmap chooses by itself (pinned steps count).
pub const MAX_GOALS: usize = 10;
/// A step longer than this is never chosen automatically (an MBA, a year in
/// a new job): it is a decision to discuss, not a step to slot in. Pinned,
/// it is planned like any other.
pub const MAX_AUTO_HOURS: f64 = 400.0;
/// Study hours assumed when a certification's are unknown.
pub const DEFAULT_STUDY_HOURS: f64 = 40.0;
/// Fewer hours a week than this cannot carry a plan.
pub const MIN_HOURS_PER_WEEK: f64 = 0.5;
/// More than this is not a learning plan beside a job; larger values are
/// read as this.
pub const MAX_HOURS_PER_WEEK: f64 = 80.0;
/// A program's catalog may claim anything; no step is longer than this.
const MAX_STEP_HOURS: f64 = 10_000.0;
/// Certifications needed before certifications, this deep at most.
const MAX_DEPTH: usize = 4;
const DAYS_PER_MONTH: f64 = 30.44;

/// A person's mark on a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Done,
    Skipped,
    Pinned,
}

/// The person's marks, as saved: step ids (certification or activity ids)
/// marked done, skipped, or pinned. A step has at most one mark.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Choices {
    #[serde(default)]
    pub done: Set<String>,
    #[serde(default)]
    pub skipped: Set<String>,
    #[serde(default)]
    pub pinned: Set<String>,
}

impl Choices {
    fn set_mut(&mut self, mark: Mark) -> &mut Set<String> {
        match mark {
            Mark::Done => &mut self.done,
            Mark::Skipped => &mut self.skipped,
            Mark::Pinned => &mut self.pinned,
        }
    }

    /// The mark a step has, if any.
    pub fn mark_of(&self, id: &str) -> Option<Mark> {
        [
            (Mark::Done, &self.done),
            (Mark::Skipped, &self.skipped),
            (Mark::Pinned, &self.pinned),
        ]
        .into_iter()
        .find(|(_, s)| s.contains(id))
        .map(|(m, _)| m)
    }

    /// Marks a step, or removes the mark when it has it already. A step
    /// has one mark at a time: marking it done unpins it, and so on.
    pub fn toggle(&mut self, mark: Mark, id: &str) {
        if self.set_mut(mark).remove(id) {
            return;
        }
        for m in [Mark::Done, Mark::Skipped, Mark::Pinned] {
            self.set_mut(m).remove(id);
        }
        self.set_mut(mark).insert(id.to_owned());
    }
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

/// A step of the catalog: a certification or an activity.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StepId {
    Cert(CertId),
    Activity(ActivityId),
}

impl StepId {
    pub fn as_str(&self) -> &str {
        match self {
            StepId::Cert(c) => c.as_str(),
            StepId::Activity(a) => a.as_str(),
        }
    }

    pub fn kind(&self) -> StepKind {
        match self {
            StepId::Cert(_) => StepKind::Certification,
            StepId::Activity(_) => StepKind::Activity,
        }
    }

    /// The step a saved mark names, if the catalog still has it.
    pub fn resolve(cat: &Catalog, id: &str) -> Option<StepId> {
        if let Some(c) = cat.certifications.iter().find(|c| c.id.as_str() == id) {
            return Some(StepId::Cert(c.id.clone()));
        }
        cat.activities
            .iter()
            .find(|a| a.id.as_str() == id)
            .map(|a| StepId::Activity(a.id.clone()))
    }
}

impl std::fmt::Display for StepId {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for StepId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Why a step is in the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepPurpose {
    /// Chosen for the role: pinned, a core certification, or a skill gap.
    Goal,
    /// Needed on the way to a goal certification (a course, CAPM).
    Route,
    /// Starts experience a goal certification asks for.
    Starter,
}

/// One dated step.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    pub id: StepId,
    pub kind: StepKind,
    pub purpose: StepPurpose,
    pub name: String,
    pub start: Date,
    pub end: Date,
    pub hours: f64,
    pub cost_usd: Option<f64>,
    pub why: String,
    /// What the dates take for granted ("you go on leading projects").
    pub assumptions: Vec<String>,
    pub pinned: bool,
    /// For certifications: the exam date.
    pub exam_date: Option<Date>,
    /// For an exam sat before the experience: the issuer's name for that
    /// route ("Associate of ISC2").
    pub exam_first: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Phase {
    pub title: String,
    pub start: Date,
    pub end: Date,
    pub steps: Vec<Step>,
}

/// Where one of the role's typical certifications stands in this plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum RoleCertStatus {
    Held,
    Planned {
        exam: Date,
    },
    Skipped,
    /// Not in this plan; `reason` says why in words.
    NotPlanned {
        reason: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleCert {
    pub id: CertId,
    pub name: String,
    #[serde(flatten)]
    pub status: RoleCertStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Roadmap {
    pub phases: Vec<Phase>,
    pub total_hours: f64,
    /// The sum of the known costs of planned steps.
    pub total_cost_usd: f64,
    /// Planned steps whose cost is unknown (not in the total).
    pub unknown_costs: usize,
    /// Plain explanations: what could not be planned and what is possible.
    pub notes: Vec<String>,
    /// The role's typical certifications and where each stands.
    pub role_certs: Vec<RoleCert>,
}

impl Roadmap {
    pub fn steps(&self) -> impl Iterator<Item = &Step> {
        self.phases.iter().flat_map(|p| &p.steps)
    }

    /// "4 steps, about 310 hours, US$1,355 plus 1 step of unknown cost,
    /// finishing around 2028-12-01."
    pub fn summary(&self) -> String {
        let n = self.steps().count();
        let mut s = format!(
            "{}, about {} hours, {}",
            count(n, "step", "steps"),
            number(self.total_hours.round()),
            money(self.total_cost_usd)
        );
        if self.unknown_costs > 0 {
            s.push_str(&format!(
                " plus {} of unknown cost",
                count(self.unknown_costs, "step", "steps")
            ));
        }
        if let Some(last) = self.steps().map(|s| s.exam_date.unwrap_or(s.end)).max() {
            s.push_str(&format!(", finishing around {last}"));
        }
        s.push('.');
        s
    }
}

// ---------------------------------------------------------------------------
// Steps as the planner handles them.

#[derive(Clone, Copy)]
enum Pick<'a> {
    Cert(&'a Certification),
    Act(&'a Activity),
}

impl<'a> Pick<'a> {
    fn id(&self) -> StepId {
        match self {
            Pick::Cert(c) => StepId::Cert(c.id.clone()),
            Pick::Act(a) => StepId::Activity(a.id.clone()),
        }
    }
    fn key(&self) -> &'a str {
        match self {
            Pick::Cert(c) => c.id.as_str(),
            Pick::Act(a) => a.id.as_str(),
        }
    }
    fn name(&self) -> &'a str {
        match self {
            Pick::Cert(c) => &c.name,
            Pick::Act(a) => &a.name,
        }
    }
    fn builds(&self) -> &'a Map<SkillId, u8> {
        match self {
            Pick::Cert(c) => &c.builds,
            Pick::Act(a) => &a.builds,
        }
    }
    fn hours(&self) -> f64 {
        let h = match self {
            Pick::Cert(c) => c.study_hours.unwrap_or(DEFAULT_STUDY_HOURS),
            Pick::Act(a) => a.hours,
        };
        if h.is_finite() {
            h.clamp(0.0, MAX_STEP_HOURS)
        } else {
            DEFAULT_STUDY_HOURS
        }
    }
    /// Known cost, if any: a cost that is not a finite, non-negative number
    /// is unknown.
    fn cost(&self) -> Option<f64> {
        match self {
            Pick::Cert(c) => c.cost_usd,
            Pick::Act(a) => a.cost_usd,
        }
        .filter(|c| c.is_finite() && *c >= 0.0)
    }
    /// The calendar time an activity lasts at least (it may run alongside
    /// other steps after its hours are done).
    fn min_days(&self) -> i64 {
        match self {
            Pick::Cert(_) => 0,
            Pick::Act(a) if a.duration_months.is_finite() => {
                (a.duration_months.clamp(0.0, 120.0) * DAYS_PER_MONTH).round() as i64
            }
            Pick::Act(_) => 0,
        }
    }
}

fn find<'a>(cat: &'a Catalog, id: &StepId) -> Option<Pick<'a>> {
    match id {
        StepId::Cert(c) => cat.cert(c).map(Pick::Cert),
        StepId::Activity(a) => cat.activity(a).map(Pick::Act),
    }
}

/// An activity that counts toward experience that grows with time: doing it
/// means starting that kind of work ("lead a small project").
fn starts_experience(cat: &Catalog, a: &Activity) -> bool {
    a.counts_toward
        .iter()
        .any(|c| cat.fact(&c.fact).is_some_and(|f| f.accrues))
}

fn apply_builds(levels: &mut SkillRatings, builds: &Map<SkillId, u8>) {
    for (s, l) in builds {
        let now = levels.get(s).copied().unwrap_or(0);
        levels.insert(s.clone(), now.max(*l));
    }
}

/// Importance-weighted levels a step would add toward the role.
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

// ---------------------------------------------------------------------------
// Stage 1: resolve.

/// The person as the plan starts: with what done steps gave them, and the
/// marks resolved to steps of the catalog.
struct Start<'a> {
    cat: &'a Catalog,
    role: &'a Role,
    levels: SkillRatings,
    exp: Experience,
    held: Held,
    done: Set<StepId>,
    skipped: Set<StepId>,
    pinned: Vec<Pick<'a>>,
    date: Date,
}

fn resolve<'a>(
    cat: &'a Catalog,
    role: &'a Role,
    person: Person,
    choices: &Choices,
    date: Date,
    notes: &mut Vec<String>,
) -> Start<'a> {
    let mut s = Start {
        cat,
        role,
        levels: person.skills.clone(),
        exp: person.experience.clone(),
        held: person.held.clone(),
        done: Set::new(),
        skipped: Set::new(),
        pinned: Vec::new(),
        date,
    };
    let mut unknown = 0;
    for (mark, ids) in [
        (Mark::Done, &choices.done),
        (Mark::Skipped, &choices.skipped),
        (Mark::Pinned, &choices.pinned),
    ] {
        for raw in ids {
            let Some(id) = StepId::resolve(cat, raw) else {
                unknown += 1;
                continue;
            };
            match mark {
                Mark::Done => {
                    match find(cat, &id) {
                        Some(Pick::Cert(c)) => {
                            s.held.insert(c.id.clone());
                            apply_builds(&mut s.levels, &c.builds);
                        }
                        Some(Pick::Act(a)) => {
                            apply_builds(&mut s.levels, &a.builds);
                            for ct in &a.counts_toward {
                                if ct.amount.is_finite() && ct.amount > 0.0 {
                                    s.exp.add(&ct.fact, ct.amount);
                                }
                            }
                        }
                        None => {}
                    }
                    s.done.insert(id);
                }
                Mark::Skipped => {
                    s.skipped.insert(id);
                }
                Mark::Pinned => {
                    if let Some(p) = find(cat, &id) {
                        s.pinned.push(p);
                    }
                }
            }
        }
    }
    if unknown > 0 {
        notes.push(format!(
            "{} you marked earlier {} no longer in the catalog, so the mark is kept but not used.",
            count(unknown, "step", "steps"),
            if unknown == 1 { "is" } else { "are" }
        ));
    }
    s
}

// ---------------------------------------------------------------------------
// Stage 2: choose.

#[derive(Clone)]
enum Reason {
    Pinned,
    Headline,
    Gap { typical: bool },
}

#[derive(Clone)]
struct Goal<'a> {
    pick: Pick<'a>,
    reason: Reason,
    /// Skills the step raises toward the role, and to which level.
    raises: Vec<(&'a str, u8)>,
}

fn raises<'a>(cat: &'a Catalog, role: &Role, sim: &SkillRatings, p: Pick) -> Vec<(&'a str, u8)> {
    p.builds()
        .iter()
        .filter_map(|(s, l)| {
            let req = role.requires.get(s)?;
            let now = sim.get(s).copied().unwrap_or(0);
            let to = (*l).min(req.level);
            (to > now).then(|| cat.skill(s).map(|k| (k.name.as_str(), to)))?
        })
        .collect()
}

/// Goals in priority order. Held certifications take part in the choice (so
/// that holding one never changes what else is chosen) and are then left
/// out: the person has them.
fn choose<'a>(s: &Start<'a>) -> Vec<Goal<'a>> {
    let (cat, role) = (s.cat, s.role);
    let mut sim = s.levels.clone();
    let mut picks: Vec<Goal> = Vec::new();
    let taken = |picks: &[Goal], id: &StepId| picks.iter().any(|g| &g.pick.id() == id);
    for p in &s.pinned {
        if s.done.contains(&p.id()) || taken(&picks, &p.id()) {
            continue;
        }
        picks.push(Goal {
            pick: *p,
            reason: Reason::Pinned,
            raises: raises(cat, role, &sim, *p),
        });
        apply_builds(&mut sim, p.builds());
    }
    // The role's core certifications (held ones count: the person has them).
    for c in role.core().iter().filter_map(|id| cat.cert(id)) {
        let p = Pick::Cert(c);
        let id = p.id();
        if s.done.contains(&id) || s.skipped.contains(&id) || taken(&picks, &id) {
            continue;
        }
        picks.push(Goal {
            pick: p,
            reason: Reason::Headline,
            raises: raises(cat, role, &sim, p),
        });
        apply_builds(&mut sim, p.builds());
    }
    let candidates: Vec<Pick> = cat
        .certifications
        .iter()
        .map(Pick::Cert)
        .chain(
            cat.activities
                .iter()
                .filter(|a| !starts_experience(cat, a))
                .map(Pick::Act),
        )
        .filter(|p| {
            let id = p.id();
            p.hours() <= MAX_AUTO_HOURS && !s.done.contains(&id) && !s.skipped.contains(&id)
        })
        .collect();
    while picks.len() < MAX_GOALS {
        let mut best: Option<(f64, Pick)> = None;
        for p in &candidates {
            if taken(&picks, &p.id()) {
                continue;
            }
            let g = gain(role, &sim, p.builds());
            if g == 0 {
                continue;
            }
            let typical = matches!(p, Pick::Cert(c) if role.typical_certifications.contains(&c.id));
            let value = f64::from(g) * if typical { 1.5 } else { 1.0 } * 100.0 / p.hours().max(1.0);
            if best
                .as_ref()
                .is_none_or(|(v, b)| value > *v || (value == *v && p.key() < b.key()))
            {
                best = Some((value, *p));
            }
        }
        let Some((_, p)) = best else { break };
        let typical = matches!(p, Pick::Cert(c) if role.typical_certifications.contains(&c.id));
        picks.push(Goal {
            pick: p,
            reason: Reason::Gap { typical },
            raises: raises(cat, role, &sim, p),
        });
        apply_builds(&mut sim, p.builds());
    }
    picks.retain(|g| !matches!(g.pick, Pick::Cert(c) if s.held.contains(&c.id)));
    picks
}

// ---------------------------------------------------------------------------
// Stage 3: route.

/// What a route needs before the exam.
#[derive(Clone)]
enum Need<'a> {
    /// Experience the person is building: met after `months`.
    Wait { fact: &'a FactId, months: f64 },
    /// Experience to start: the activity begins it, and it then grows.
    Start {
        act: &'a Activity,
        fact: &'a FactId,
        target: f64,
    },
    /// Experience an activity adds when it ends (a course's hours);
    /// `meets` names the requirement.
    Act { act: &'a Activity, meets: String },
    /// A certification first, with its own route.
    Cert {
        cert: &'a Certification,
        route: Box<Chosen<'a>>,
    },
}

/// The way chosen to a certification.
#[derive(Clone)]
struct Chosen<'a> {
    label: Option<&'a str>,
    needs: Vec<Need<'a>>,
    /// Sat on the issuer's exam-first route, the experience following.
    exam_first: bool,
    /// For an exam-first route that time alone does not complete: what the
    /// person still needs for the full credential.
    still_missing: Vec<String>,
}

fn per_month(cat: &Catalog, fact: &FactId) -> f64 {
    cat.fact(fact).map(|f| f.per_month()).unwrap_or(1.0)
}

/// The needs of one route, or `None` when a plan cannot meet it.
fn needs_of<'a>(
    s: &Start<'a>,
    atoms: &[Atom<'a>],
    hpw: f64,
    depth: usize,
) -> Option<Vec<Need<'a>>> {
    let cat = s.cat;
    let mut out = Vec::new();
    for a in atoms {
        match atom_state(cat, *a, &s.exp, &s.held) {
            AtomState::Met => {}
            AtomState::AfterMonths(m) => {
                let Atom::AtLeast(x) = a else { return None };
                out.push(Need::Wait {
                    fact: &x.fact,
                    months: m,
                });
            }
            AtomState::Unmet => match a {
                Atom::AtLeast(x) => {
                    let have = s.exp.number(&x.fact);
                    let accrues = cat.fact(&x.fact).is_some_and(|f| f.accrues);
                    let usable = |act: &&Activity| {
                        !s.skipped.contains(&StepId::Activity(act.id.clone()))
                            && !s.done.contains(&StepId::Activity(act.id.clone()))
                    };
                    if accrues {
                        let act = cat
                            .activities
                            .iter()
                            .filter(usable)
                            .find(|act| act.counts_toward.iter().any(|c| c.fact == x.fact))?;
                        out.push(Need::Start {
                            act,
                            fact: &x.fact,
                            target: x.value,
                        });
                    } else {
                        let act = cat
                            .activities
                            .iter()
                            .filter(usable)
                            .filter(|act| {
                                act.counts_toward
                                    .iter()
                                    .any(|c| c.fact == x.fact && have + c.amount >= x.value)
                            })
                            .min_by(|p, q| {
                                p.hours
                                    .partial_cmp(&q.hours)
                                    .unwrap_or(std::cmp::Ordering::Equal)
                            })?;
                        let measure = cat
                            .fact(&x.fact)
                            .and_then(|f| f.measure.clone())
                            .unwrap_or_default();
                        out.push(Need::Act {
                            act,
                            meets: quantity(x.value, &measure),
                        });
                    }
                }
                Atom::Cert(id) => {
                    let cert = cat.cert(id)?;
                    if depth >= MAX_DEPTH || s.skipped.contains(&StepId::Cert(cert.id.clone())) {
                        return None;
                    }
                    let route = route(s, cert, hpw, depth + 1).ok()?;
                    if route.exam_first {
                        // A certification sat before its experience does
                        // not count as held for the next one.
                        return None;
                    }
                    out.push(Need::Cert {
                        cert,
                        route: Box::new(route),
                    });
                }
                Atom::OneOf(_) | Atom::CountOf(_) => return None,
            },
        }
    }
    Some(out)
}

/// A route taken from the plan's start, estimated for choosing among routes.
struct Estimate {
    exam: Date,
    cost: f64,
    unknown_costs: usize,
    hours: f64,
}

fn estimate(s: &Start, cert: &Certification, needs: &[Need], hpw: f64) -> Estimate {
    let mut lane = s.date;
    let mut ready = s.date;
    let mut cost = 0.0;
    let mut unknown = 0;
    let mut hours = 0.0;
    let add = |p: Pick, cost: &mut f64, unknown: &mut usize, hours: &mut f64| {
        *hours += p.hours();
        match p.cost() {
            Some(c) => *cost += c,
            None => *unknown += 1,
        }
    };
    for n in needs {
        match n {
            Need::Wait { months, .. } => ready = ready.max(s.date.add_months(*months as i64)),
            Need::Start { act, fact, target } => {
                add(Pick::Act(act), &mut cost, &mut unknown, &mut hours);
                let m = (target / per_month(s.cat, fact)).ceil();
                ready = ready.max(s.date.add_months(m as i64));
            }
            Need::Act { act, .. } => {
                add(Pick::Act(act), &mut cost, &mut unknown, &mut hours);
                lane = lane.add_days(lane_days(Pick::Act(act).hours(), hpw));
                ready = ready.max(lane.max(s.date.add_days(Pick::Act(act).min_days())));
            }
            Need::Cert { cert, route } => {
                add(Pick::Cert(cert), &mut cost, &mut unknown, &mut hours);
                let e = estimate(s, cert, &route.needs, hpw);
                cost += e.cost;
                unknown += e.unknown_costs;
                hours += e.hours;
                lane = lane.max(e.exam);
                ready = ready.max(e.exam);
            }
        }
    }
    let exam = ready.max(lane.add_days(lane_days(Pick::Cert(cert).hours(), hpw)));
    Estimate {
        exam,
        cost,
        unknown_costs: unknown,
        hours,
    }
}

fn lane_days(hours: f64, hpw: f64) -> i64 {
    ((hours / hpw).ceil() * 7.0) as i64
}

/// The way to `cert`: the route whose exam comes soonest (then the
/// cheapest, then the fewest hours), or the exam-first route when the
/// issuer has one and it is sooner. `Err` carries what is missing.
fn route<'a>(
    s: &Start<'a>,
    cert: &'a Certification,
    hpw: f64,
    depth: usize,
) -> Result<Chosen<'a>, Vec<String>> {
    let mut best: Option<(Chosen, (Date, f64, usize, f64))> = None;
    for (r, _) in ranked(s.cat, cert, &s.exp, &s.held) {
        let Some(needs) = needs_of(s, &r.atoms, hpw, depth) else {
            continue;
        };
        let e = estimate(s, cert, &needs, hpw);
        // Soonest exam, then fewest hours (hours taken from other steps
        // would make them later), then fewest unknown costs, then cheapest;
        // ties keep the nearer route.
        let key = (e.exam, e.hours, e.unknown_costs, e.cost);
        let better = best.as_ref().is_none_or(|(_, k)| {
            key.partial_cmp(k)
                .is_some_and(|o| o == std::cmp::Ordering::Less)
        });
        if better {
            best = Some((
                Chosen {
                    label: r.label,
                    needs,
                    exam_first: false,
                    still_missing: vec![],
                },
                key,
            ));
        }
    }
    let study_end = s.date.add_days(lane_days(Pick::Cert(cert).hours(), hpw));
    match (best, &cert.associate_path) {
        (Some((mut c, key)), Some(_)) if key.0 > study_end => {
            // Qualifying first would make the exam later than the issuer
            // requires: sit it first, and keep only the steps that build
            // experience (they count toward the full credential).
            c.exam_first = true;
            c.needs
                .retain(|n| matches!(n, Need::Wait { .. } | Need::Start { .. }));
            Ok(c)
        }
        (Some((c, _)), _) => Ok(c),
        (None, Some(_)) => Ok(Chosen {
            label: None,
            needs: vec![],
            exam_first: true,
            still_missing: missing_words(s.cat, cert, &s.exp, &s.held),
        }),
        (None, None) => Err(missing_words(s.cat, cert, &s.exp, &s.held)),
    }
}

// ---------------------------------------------------------------------------
// Stage 4: order.

#[derive(Clone)]
enum Purpose<'a> {
    Goal(Goal<'a>),
    /// Needed for the named certification's route; `meets` says which
    /// requirement, in words.
    Route {
        for_cert: &'a Certification,
        meets: String,
    },
    /// Starts the experience the named certification asks for.
    Starter {
        for_cert: &'a Certification,
        fact: &'a FactId,
        target: f64,
    },
}

#[derive(Clone)]
struct Item<'a> {
    pick: Pick<'a>,
    purpose: Purpose<'a>,
    /// For certifications: the way chosen.
    route: Option<Chosen<'a>>,
}

/// A goal with the steps its route needs first.
struct Unit<'a> {
    items: Vec<Item<'a>>,
    /// Ids of earlier items this unit relies on.
    relies_on: Vec<StepId>,
}

fn expand<'a>(
    cert: &'a Certification,
    route: &Chosen<'a>,
    items: &mut Vec<Item<'a>>,
    starters: &mut Vec<Item<'a>>,
    relies_on: &mut Vec<StepId>,
) {
    for n in &route.needs {
        match n {
            Need::Wait { .. } => {}
            Need::Start { act, fact, target } => {
                let item = Item {
                    pick: Pick::Act(act),
                    purpose: Purpose::Starter {
                        for_cert: cert,
                        fact,
                        target: *target,
                    },
                    route: None,
                };
                relies_on.push(item.pick.id());
                if Pick::Act(act).cost() == Some(0.0) {
                    starters.push(item);
                } else {
                    items.push(item);
                }
            }
            Need::Act { act, meets } => items.push(Item {
                pick: Pick::Act(act),
                purpose: Purpose::Route {
                    for_cert: cert,
                    meets: meets.clone(),
                },
                route: None,
            }),
            Need::Cert {
                cert: dep,
                route: r,
            } => {
                expand(dep, r, items, starters, relies_on);
                items.push(Item {
                    pick: Pick::Cert(dep),
                    purpose: Purpose::Route {
                        for_cert: cert,
                        meets: dep.name.clone(),
                    },
                    route: Some((**r).clone()),
                });
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The planner.

/// Plans the roadmap toward `role`.
pub fn plan(
    cat: &Catalog,
    role: &Role,
    person: Person,
    constraints: &Constraints,
    choices: &Choices,
) -> Roadmap {
    let mut notes = Vec::new();
    let hpw = constraints.hours_per_week;
    if !hpw.is_finite() || hpw < MIN_HOURS_PER_WEEK {
        return no_time(cat, role, person, constraints, choices);
    }
    let hpw = if hpw > MAX_HOURS_PER_WEEK {
        notes.push(format!(
            "Planned with {} hours a week, the most a plan beside a job assumes.",
            number(MAX_HOURS_PER_WEEK)
        ));
        MAX_HOURS_PER_WEEK
    } else {
        hpw
    };
    let budget = match constraints.budget_usd {
        Some(b) if b.is_nan() || b < 0.0 => Some(0.0),
        Some(b) if b.is_infinite() => None,
        b => b,
    };

    // 1. Resolve; 2. choose.
    let s = resolve(cat, role, person, choices, constraints.start, &mut notes);
    let goals = choose(&s);

    // 3. Route every goal certification; 4. order into units.
    let mut starters: Vec<Item> = Vec::new();
    let mut units: Vec<Unit> = Vec::new();
    let mut unreachable: Vec<(String, Vec<String>)> = Vec::new();
    for g in goals {
        let mut items = Vec::new();
        let mut relies_on = Vec::new();
        let route = match g.pick {
            Pick::Cert(c) => match route(&s, c, hpw, 0) {
                Ok(r) => {
                    expand(c, &r, &mut items, &mut starters, &mut relies_on);
                    Some(r)
                }
                Err(missing) => {
                    unreachable.push((c.name.clone(), missing));
                    continue;
                }
            },
            Pick::Act(_) => None,
        };
        items.push(Item {
            pick: g.pick,
            purpose: Purpose::Goal(g),
            route,
        });
        units.push(Unit { items, relies_on });
    }
    for (name, missing) in &unreachable {
        notes.push(format!(
            "{name} is not planned. It needs {}.",
            missing.join(". ")
        ));
    }

    // 5. Fund.
    let mut unfunded = Vec::new();
    let order = fund(&mut starters, units, budget, &mut notes, &mut unfunded);

    // 6. Date.
    let steps = date(&s, order, hpw, choices);
    if steps.is_empty() && notes.is_empty() {
        notes.push(format!(
            "Your skills already meet what {} asks; nothing needs planning.",
            role.name
        ));
    }
    let role_certs = role_certs(&s, &steps, &unfunded, &unreachable);
    finish(steps, notes, role_certs)
}

/// With no usable hours nothing is dated; say what a few hours would do.
fn no_time(
    cat: &Catalog,
    role: &Role,
    person: Person,
    constraints: &Constraints,
    choices: &Choices,
) -> Roadmap {
    let mut with_three = *constraints;
    with_three.hours_per_week = 3.0;
    let alt = plan(cat, role, person, &with_three, choices);
    let mut note = format!(
        "With fewer than {} hours a week nothing can be scheduled.",
        number(MIN_HOURS_PER_WEEK)
    );
    if let Some(last) = alt.steps().map(|s| s.end).max() {
        note.push_str(&format!(
            " Even 3 hours a week would get through {} toward {} by {last}.",
            count(alt.steps().count(), "step", "steps"),
            role.name
        ));
    }
    Roadmap {
        phases: vec![],
        total_hours: 0.0,
        total_cost_usd: 0.0,
        unknown_costs: 0,
        notes: vec![note],
        role_certs: alt.role_certs,
    }
}

/// Stage 5: the items to date, in order: free starters, then units of
/// known cost in priority order (paid ones funded while the budget lasts),
/// then units of unknown cost when no budget limits them.
fn fund<'a>(
    starters: &mut Vec<Item<'a>>,
    units: Vec<Unit<'a>>,
    budget: Option<f64>,
    notes: &mut Vec<String>,
    unfunded: &mut Vec<(StepId, String)>,
) -> Vec<Item<'a>> {
    // Starters are placed after funding: only those whose certification is
    // planned. They take none of the learning hours, so adding one moves
    // no other step.
    let mut order: Vec<Item> = Vec::new();
    let placed: Set<StepId> = starters.iter().map(|i| i.pick.id()).collect();
    let mut known: Vec<(Vec<Item>, f64, bool)> = Vec::new();
    let mut unknown_units: Vec<Vec<Item>> = Vec::new();
    let mut unknown_ids: Set<StepId> = Set::new();
    let mut paid_ids: Set<StepId> = Set::new();
    let mut seen: Set<StepId> = placed.clone();
    for u in units {
        let fresh: Vec<Item> = u
            .items
            .into_iter()
            .filter(|it| seen.insert(it.pick.id()))
            .collect();
        if fresh.is_empty() {
            continue;
        }
        let relies: Vec<StepId> = u
            .relies_on
            .iter()
            .cloned()
            .chain(fresh.iter().map(|i| i.pick.id()))
            .collect();
        let is_unknown = fresh.iter().any(|i| i.pick.cost().is_none())
            || relies.iter().any(|id| unknown_ids.contains(id));
        if is_unknown {
            unknown_ids.extend(fresh.iter().map(|i| i.pick.id()));
            unknown_units.push(fresh);
            continue;
        }
        let cost: f64 = fresh.iter().filter_map(|i| i.pick.cost()).sum();
        let paid = cost > 0.0 || relies.iter().any(|id| paid_ids.contains(id));
        if paid {
            paid_ids.extend(fresh.iter().map(|i| i.pick.id()));
        }
        known.push((fresh, cost, paid));
    }

    let mut spent = 0.0;
    let mut stopped: Option<(String, f64)> = None;
    let mut waiting: Vec<String> = Vec::new();
    for (items, cost, paid) in known {
        if paid {
            if let Some(b) = budget {
                if stopped.is_some() || spent + cost > b + 1e-9 {
                    for i in &items {
                        unfunded.push((i.pick.id(), "Waits for more budget.".to_owned()));
                    }
                    let name = items.last().map(|i| i.pick.name()).unwrap_or_default();
                    if stopped.is_none() {
                        stopped = Some((name.to_owned(), cost));
                    } else {
                        waiting.push(name.to_owned());
                    }
                    continue;
                }
            }
            spent += cost;
        }
        order.extend(items);
    }
    if let (Some(b), Some((name, cost))) = (budget, &stopped) {
        let mut note = format!(
            "Your budget of {} pays for the paid steps in order of importance, {} in all. Next in line is {name} at about {}, which needs {} more",
            money(b),
            money(spent),
            money(*cost),
            money(spent + cost - b)
        );
        if waiting.is_empty() {
            note.push_str(", so it is not planned.");
        } else {
            note.push_str(&format!(
                "; it and the paid steps after it ({}) are not planned.",
                waiting.join(", ")
            ));
        }
        notes.push(note);
    }
    if budget.is_some() {
        for u in &unknown_units {
            for i in u {
                unfunded.push((
                    i.pick.id(),
                    "Not planned within your budget while its cost is unknown.".to_owned(),
                ));
            }
        }
        let names: Vec<&str> = unknown_units
            .iter()
            .filter_map(|u| u.last().map(|i| i.pick.name()))
            .collect();
        if !names.is_empty() {
            notes.push(format!(
                "Not planned within a budget because the cost is unknown: {}. Find the price to plan {}.",
                names.join(", "),
                if names.len() == 1 { "it" } else { "them" }
            ));
        }
    } else {
        for u in unknown_units {
            order.extend(u);
        }
    }
    let planned: Set<StepId> = order.iter().map(|i| i.pick.id()).collect();
    let mut first: Vec<Item> = Vec::new();
    for it in starters.drain(..) {
        let Purpose::Starter { for_cert, .. } = &it.purpose else {
            continue;
        };
        let id = it.pick.id();
        if planned.contains(&StepId::Cert(for_cert.id.clone()))
            && first.iter().all(|f| f.pick.id() != id)
        {
            first.push(it);
        }
    }
    first.extend(order);
    first
}

/// Stage 6: dates, one step's hours after another.
fn date<'a>(s: &Start<'a>, order: Vec<Item<'a>>, hpw: f64, choices: &Choices) -> Vec<Step> {
    let cat = s.cat;
    let mut cursor = s.date;
    let mut started: Map<FactId, Date> = Map::new();
    let mut ended: Map<StepId, Date> = Map::new();
    let mut steps: Vec<Step> = Vec::new();
    for it in order {
        let p = it.pick;
        // Starting experience is work taken on in the job: it runs beside
        // the learning steps and uses none of the weekly learning hours.
        let at_work = matches!(it.purpose, Purpose::Starter { .. });
        let lane = if at_work {
            0
        } else {
            lane_days(p.hours(), hpw)
        };
        let begin = cursor;
        let mut assumptions = Vec::new();
        let mut exam_date = None;
        let mut exam_first = None;
        let mut why = purpose_words(cat, s.role, &it.purpose);
        let end = match p {
            Pick::Act(_) => {
                let end = begin.add_days(lane).max(begin.add_days(p.min_days()));
                if at_work {
                    assumptions.push(
                        "Done at work, beside your learning steps: it takes none of your hours a week."
                            .to_owned(),
                    );
                } else if p.min_days() > lane + 28 {
                    assumptions.push(format!(
                        "Takes about {} of calendar time; its hours are planned in the first weeks, and it goes on beside your next steps.",
                        quantity((p.min_days() as f64 / DAYS_PER_MONTH).round(), "months")
                    ));
                }
                if let Purpose::Starter { fact, target, .. } = &it.purpose {
                    started.insert((*fact).clone(), begin);
                    let m = (target / per_month(cat, fact)).ceil() as i64;
                    let measure = cat
                        .fact(fact)
                        .and_then(|f| f.measure.clone())
                        .unwrap_or_default();
                    assumptions.push(format!(
                        "Assumes you keep doing this work afterwards: {} in all, reached around {}.",
                        quantity(*target, &measure),
                        begin.add_months(m)
                    ));
                }
                end
            }
            Pick::Cert(c) => {
                let study_end = begin.add_days(lane);
                let route = it.route.as_ref();
                let mut qualify = s.date;
                let mut words = Vec::new();
                for n in route.map(|r| r.needs.as_slice()).unwrap_or(&[]) {
                    match n {
                        Need::Wait { fact, months } => {
                            let d = s.date.add_months(*months as i64);
                            qualify = qualify.max(d);
                            let measure = cat
                                .fact(fact)
                                .and_then(|f| f.measure.clone())
                                .unwrap_or_default();
                            let more = *months * per_month(cat, fact);
                            let more = quantity(more, &measure);
                            let more = match more.split_once(' ') {
                                Some((n, rest)) => format!("{n} more {rest}"),
                                None => more,
                            };
                            words.push(format!("Assumes you go on as now: {more} by {d}."));
                        }
                        Need::Start { fact, target, .. } => {
                            let from = started.get(fact).copied().unwrap_or(s.date);
                            let m = (target / per_month(cat, fact)).ceil() as i64;
                            qualify = qualify.max(from.add_months(m));
                        }
                        Need::Act { act, .. } => {
                            let id = StepId::Activity(act.id.clone());
                            qualify = qualify.max(ended.get(&id).copied().unwrap_or(study_end));
                        }
                        Need::Cert { cert, .. } => {
                            let id = StepId::Cert(cert.id.clone());
                            qualify = qualify.max(ended.get(&id).copied().unwrap_or(study_end));
                        }
                    }
                }
                let first = route.is_some_and(|r| r.exam_first);
                let exam = if first {
                    study_end
                } else {
                    study_end.max(qualify)
                };
                if first {
                    let a = c.associate_path.as_ref();
                    let name = a.map(|a| a.name.clone()).unwrap_or_default();
                    let window = a
                        .and_then(|a| a.window_years)
                        .map(|y| format!(" (within {} years of passing)", number(y)))
                        .unwrap_or_default();
                    let follows = match route.map(|r| r.still_missing.as_slice()) {
                        Some(m) if !m.is_empty() => format!(
                            "For the full credential you still need{window}: {}.",
                            m.join(". ")
                        ),
                        _ => format!(
                            "The full credential follows around {qualify}, when you have the experience{window}."
                        ),
                    };
                    why.push_str(&format!(
                        " Sit the exam first ({name}): {} {follows}",
                        a.map(|a| a.text.trim()).unwrap_or_default()
                    ));
                    exam_first = Some(name);
                } else {
                    assumptions.extend(words);
                    if exam > study_end {
                        let path = route
                            .and_then(|r| r.label)
                            .map(|l| format!(" ({l})"))
                            .unwrap_or_default();
                        why.push_str(&format!(
                            " You qualify on {exam}{path}, so the exam is dated then; studying sooner builds the skills sooner, and a short review before the exam is wise."
                        ));
                    }
                }
                exam_date = Some(exam);
                exam
            }
        };
        ended.insert(p.id(), end);
        steps.push(Step {
            id: p.id(),
            kind: p.id().kind(),
            purpose: match it.purpose {
                Purpose::Goal(_) => StepPurpose::Goal,
                Purpose::Route { .. } => StepPurpose::Route,
                Purpose::Starter { .. } => StepPurpose::Starter,
            },
            name: p.name().to_owned(),
            start: begin,
            end,
            hours: p.hours(),
            cost_usd: p.cost(),
            why,
            assumptions,
            pinned: choices.pinned.contains(p.key()),
            exam_date,
            exam_first,
        });
        cursor = begin.add_days(lane);
    }
    steps
}

fn purpose_words(cat: &Catalog, role: &Role, p: &Purpose) -> String {
    match p {
        Purpose::Goal(g) => {
            let raised: Vec<String> = g
                .raises
                .iter()
                .map(|(n, l)| format!("{n} to level {l}"))
                .collect();
            let raises = if raised.is_empty() {
                String::new()
            } else {
                format!(
                    " Raises {} toward what {} asks.",
                    raised.join(", "),
                    role.name
                )
            };
            let lead = match g.reason {
                Reason::Pinned => "You pinned this step.".to_owned(),
                Reason::Headline => format!("A core certification for {}.", role.name),
                Reason::Gap { typical: true } => {
                    format!("A typical certification for {}.", role.name)
                }
                Reason::Gap { typical: false } => String::new(),
            };
            format!("{lead}{raises}").trim().to_owned()
        }
        Purpose::Route { for_cert, meets } => format!(
            "Needed for {}: it meets \"{meets}\" on the quickest route to that exam.",
            for_cert.name
        ),
        Purpose::Starter {
            for_cert,
            fact,
            target,
        } => {
            let measure = cat
                .fact(fact)
                .and_then(|f| f.measure.clone())
                .unwrap_or_default();
            format!(
                "Starts the experience {} asks for: {}. Experience takes calendar time, so it comes first.",
                for_cert.name,
                quantity(*target, &measure)
            )
        }
    }
}

/// The role's typical certifications and where each stands.
fn role_certs(
    s: &Start,
    steps: &[Step],
    unfunded: &[(StepId, String)],
    unreachable: &[(String, Vec<String>)],
) -> Vec<RoleCert> {
    s.role
        .typical_certifications
        .iter()
        .filter_map(|id| s.cat.cert(id))
        .map(|c| {
            let sid = StepId::Cert(c.id.clone());
            let status = if s.held.contains(&c.id) {
                RoleCertStatus::Held
            } else if let Some(st) = steps.iter().find(|st| st.id == sid) {
                RoleCertStatus::Planned {
                    exam: st.exam_date.unwrap_or(st.end),
                }
            } else if s.skipped.contains(&sid) {
                RoleCertStatus::Skipped
            } else if let Some((_, why)) = unfunded.iter().find(|(id, _)| id == &sid) {
                RoleCertStatus::NotPlanned {
                    reason: why.clone(),
                }
            } else if let Some((_, missing)) = unreachable.iter().find(|(n, _)| n == &c.name) {
                RoleCertStatus::NotPlanned {
                    reason: format!("Needs {}.", missing.join(". ")),
                }
            } else {
                let e = super::eligibility::eligibility(s.cat, c, &s.exp, &s.held, s.date);
                let reason = match e {
                    super::eligibility::Eligibility::Now { .. } => {
                        "You qualify now; pin it to add it to the plan.".to_owned()
                    }
                    super::eligibility::Eligibility::OnDate { date, .. } => {
                        format!("You qualify around {date}; pin it to add it to the plan.")
                    }
                    super::eligibility::Eligibility::NotYet { missing, .. } => {
                        format!("Needs {}.", missing.join(". "))
                    }
                };
                RoleCertStatus::NotPlanned { reason }
            };
            RoleCert {
                id: c.id.clone(),
                name: c.name.clone(),
                status,
            }
        })
        .collect()
}

/// Stage 7: phases by calendar quarter of each step's start, and totals.
fn finish(steps: Vec<Step>, notes: Vec<String>, role_certs: Vec<RoleCert>) -> Roadmap {
    let total_hours = steps
        .iter()
        .filter(|s| s.purpose != StepPurpose::Starter)
        .map(|s| s.hours)
        .sum();
    let total_cost_usd = steps.iter().filter_map(|s| s.cost_usd).sum();
    let unknown_costs = steps.iter().filter(|s| s.cost_usd.is_none()).count();
    let mut phases: Vec<Phase> = Vec::new();
    for s in steps {
        let (y, m, _) = s.start.ymd();
        let quarter = (y, (m - 1) / 3);
        let end = s.exam_date.unwrap_or(s.end).max(s.end);
        match phases.last_mut() {
            Some(ph)
                if {
                    let (py, pm, _) = ph.start.ymd();
                    (py, (pm - 1) / 3) == quarter
                } =>
            {
                ph.end = ph.end.max(end);
                ph.steps.push(s);
            }
            _ => phases.push(Phase {
                title: String::new(),
                start: s.start,
                end,
                steps: vec![s],
            }),
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
    Roadmap {
        phases,
        total_hours,
        total_cost_usd,
        unknown_costs,
        notes,
        role_certs,
    }
}

/// Experience a person would have on `when` if the plan is followed: what
/// they had, grown by time where they are building it, plus what planned
/// steps that ended by then added. For checking a plan, not for making it.
pub fn experience_on(
    cat: &Catalog,
    base: &Experience,
    start: Date,
    steps: &[&Step],
    when: Date,
) -> Experience {
    let months = |from: Date| -> f64 {
        let (y0, m0, d0) = from.ymd();
        let (y1, m1, d1) = when.ymd();
        let m = (y1 - y0) * 12 + i64::from(m1) - i64::from(m0) - i64::from(d1 < d0);
        m.max(0) as f64
    };
    let mut e = base.clone();
    for f in &cat.facts {
        if ongoing(cat, base, &f.id) {
            e.add(&f.id, months(start) * f.per_month());
        }
    }
    for st in steps {
        let StepId::Activity(id) = &st.id else {
            continue;
        };
        let Some(a) = cat.activity(id) else { continue };
        for ct in &a.counts_toward {
            let fact = cat.fact(&ct.fact);
            if fact.is_some_and(|f| f.accrues) {
                if !ongoing(cat, base, &ct.fact) && st.start <= when {
                    e.add(
                        &ct.fact,
                        months(st.start) * fact.map(|f| f.per_month()).unwrap_or(1.0),
                    );
                }
            } else if st.end <= when {
                e.add(&ct.fact, ct.amount);
            }
        }
    }
    for v in e.0.values_mut() {
        if let FactValue::Number(n) = v {
            *n = (*n * 1e6).round() / 1e6;
        }
    }
    e
}
