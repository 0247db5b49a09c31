//! Who may sit which exam, and when. A certification's prerequisites are a
//! tree of conditions; expanded, the tree is a list of **routes** (each a
//! set of plain conditions that together qualify). Each condition is met
//! now, met by time alone (experience the person is still building), met
//! by a step a plan can add (a course, an activity, another certification),
//! or out of the plan's reach (a degree). Messages name every unmet
//! condition, the nearest route first, every alternative, once each, in
//! words a person uses.

use serde::Serialize;

use super::catalog::{
    Catalog, CertId, Certification, Condition, FactAtLeast, FactCountOf, FactKind, FactOneOf,
};
use super::date::Date;
use super::person::{Experience, Held};
use crate::core::map::sort_by;
use crate::core::text::{number, quantity};

/// Whether a person may sit a certification's exam.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Eligibility {
    /// Eligible today, through `path` (the named route, when there are several).
    Now { path: Option<String> },
    /// Eligible on `date` if the person keeps doing what they do now
    /// (experience that grows with time), with what is still missing today.
    OnDate {
        date: Date,
        path: Option<String>,
        missing: Vec<String>,
    },
    /// Not eligible by time alone: `missing` lists what must change, the
    /// nearest route first.
    NotYet {
        missing: Vec<String>,
        /// An "exam first, experience later" route, if the issuer has one.
        associate: Option<String>,
    },
}

impl Eligibility {
    pub fn is_now(&self) -> bool {
        matches!(self, Eligibility::Now { .. })
    }
}

/// The most routes a prerequisite expands to; a program's catalog with a
/// larger tree is judged on its first routes (the shipped catalog has ≤ 6).
pub const MAX_ROUTES: usize = 64;
/// Accrual beyond this many months is treated as out of reach (100 years).
const MAX_MONTHS: f64 = 1200.0;

/// One plain condition of a route.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Atom<'a> {
    AtLeast(&'a FactAtLeast),
    OneOf(&'a FactOneOf),
    CountOf(&'a FactCountOf),
    Cert(&'a CertId),
}

/// One way to qualify: every atom must hold.
#[derive(Debug, Clone, PartialEq)]
pub struct Route<'a> {
    /// The name the catalog gives this way ("Four-year degree: …").
    pub label: Option<&'a str>,
    pub atoms: Vec<Atom<'a>>,
}

/// Expands a certification's prerequisites (and `requires_certs`) into
/// routes, without repeated atoms. A certification with no prerequisites
/// has one empty route.
pub fn routes(cert: &Certification) -> Vec<Route<'_>> {
    let mut out = match &cert.prerequisites {
        None => vec![Route {
            label: None,
            atoms: vec![],
        }],
        Some(c) => dnf(c),
    };
    for r in &mut out {
        for id in &cert.requires_certs {
            r.atoms.push(Atom::Cert(id));
        }
        let mut unique: Vec<Atom> = Vec::with_capacity(r.atoms.len());
        for a in r.atoms.drain(..) {
            if !unique.contains(&a) {
                unique.push(a);
            }
        }
        r.atoms = unique;
    }
    out
}

fn dnf(c: &Condition) -> Vec<Route<'_>> {
    let leaf = |a| {
        vec![Route {
            label: None,
            atoms: vec![a],
        }]
    };
    match c {
        Condition::AtLeast { at_least } => leaf(Atom::AtLeast(at_least)),
        Condition::OneOf { one_of } => leaf(Atom::OneOf(one_of)),
        Condition::CountOf { count_of } => leaf(Atom::CountOf(count_of)),
        Condition::Cert { cert } => leaf(Atom::Cert(cert)),
        Condition::Any { any, .. } => {
            let mut out: Vec<Route> = any.iter().flat_map(dnf).collect();
            out.truncate(MAX_ROUTES);
            out
        }
        Condition::All { all, label } => {
            let mut acc = vec![Route {
                label: None,
                atoms: vec![],
            }];
            for part in all {
                let options = dnf(part);
                let mut next = Vec::new();
                'outer: for a in &acc {
                    for o in &options {
                        if next.len() >= MAX_ROUTES {
                            break 'outer;
                        }
                        let mut atoms = a.atoms.clone();
                        atoms.extend(o.atoms.iter().copied());
                        next.push(Route {
                            label: a.label.or(o.label),
                            atoms,
                        });
                    }
                }
                acc = next;
            }
            if let Some(l) = label.as_deref() {
                for r in &mut acc {
                    r.label = Some(l);
                }
            }
            acc
        }
    }
}

/// The state of one atom for a person on the day the plan starts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AtomState {
    Met,
    /// Met after this many months of experience the person is still building.
    AfterMonths(f64),
    /// Not met; a plan may still add a step that meets it.
    Unmet,
}

/// Whether the person is still building a fact (taken to be so when the
/// fact grows with time and they have some of it).
pub fn ongoing(cat: &Catalog, exp: &Experience, fact: &super::catalog::FactId) -> bool {
    cat.fact(fact).is_some_and(|f| f.accrues) && exp.number(fact) > 0.0
}

pub fn atom_state(cat: &Catalog, a: Atom, exp: &Experience, held: &Held) -> AtomState {
    match a {
        Atom::AtLeast(x) => {
            let have = exp.number(&x.fact);
            if have >= x.value {
                AtomState::Met
            } else if ongoing(cat, exp, &x.fact) {
                let per_month = cat.fact(&x.fact).map(|f| f.per_month()).unwrap_or(1.0);
                let months = ((x.value - have) / per_month).ceil();
                if months.is_finite() && months <= MAX_MONTHS {
                    AtomState::AfterMonths(months)
                } else {
                    AtomState::Unmet
                }
            } else {
                AtomState::Unmet
            }
        }
        Atom::OneOf(o) => {
            if exp
                .choice(&o.fact)
                .is_some_and(|v| o.values.iter().any(|x| x == v))
            {
                AtomState::Met
            } else {
                AtomState::Unmet
            }
        }
        Atom::CountOf(c) => {
            if exp.multi(&c.fact).len() >= c.min {
                AtomState::Met
            } else {
                AtomState::Unmet
            }
        }
        Atom::Cert(id) => {
            if held.contains(id) {
                AtomState::Met
            } else {
                AtomState::Unmet
            }
        }
    }
}

/// How far a route is, for ranking: by time alone (months), else by how
/// hard its unmet atoms are to meet.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
struct Distance {
    /// 0 when time alone reaches the route, else 1.
    blocked: u8,
    /// Unmet atoms weighted: 1 for what a plan can add (an activity or a
    /// certification), 10 for what it cannot (a degree, security areas).
    effort: u32,
    months: f64,
}

fn plannable(cat: &Catalog, a: Atom) -> bool {
    match a {
        Atom::AtLeast(x) => cat
            .activities
            .iter()
            .any(|act| act.counts_toward.iter().any(|c| c.fact == x.fact)),
        Atom::Cert(id) => cat.cert(id).is_some(),
        Atom::OneOf(_) | Atom::CountOf(_) => false,
    }
}

fn distance(cat: &Catalog, r: &Route, exp: &Experience, held: &Held) -> Distance {
    let mut d = Distance {
        blocked: 0,
        effort: 0,
        months: 0.0,
    };
    for a in &r.atoms {
        match atom_state(cat, *a, exp, held) {
            AtomState::Met => {}
            AtomState::AfterMonths(m) => d.months = d.months.max(m),
            AtomState::Unmet => {
                d.blocked = 1;
                d.effort += if plannable(cat, *a) { 1 } else { 10 };
            }
        }
    }
    d
}

/// Routes ordered nearest first (ties keep catalog order).
pub fn ranked<'a>(
    cat: &Catalog,
    cert: &'a Certification,
    exp: &Experience,
    held: &Held,
) -> Vec<(Route<'a>, AtomStateSummary)> {
    let mut list: Vec<(usize, Route, Distance)> = routes(cert)
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let d = distance(cat, &r, exp, held);
            (i, r, d)
        })
        .collect();
    sort_by(&mut list, |a, b| {
        a.2.partial_cmp(&b.2)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.0.cmp(&b.0))
    });
    list.into_iter()
        .map(|(_, r, d)| {
            (
                r,
                AtomStateSummary {
                    months: (d.blocked == 0).then_some(d.months),
                },
            )
        })
        .collect()
}

/// A route's standing by time alone.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AtomStateSummary {
    /// Months until time alone meets the route; `None` when it cannot.
    pub months: Option<f64>,
}

/// The words for an unmet atom: what is needed and what the person has.
pub fn atom_words(cat: &Catalog, a: Atom, exp: &Experience) -> String {
    match a {
        Atom::AtLeast(x) => {
            let fact = cat.fact(&x.fact);
            let measure = fact
                .and_then(|f| f.measure.clone())
                .unwrap_or_else(|| "of this experience".to_owned());
            let have = exp.number(&x.fact);
            let answered = exp.0.get(&x.fact).is_some();
            if !answered {
                return format!(
                    "{} (not answered yet: see the experience page)",
                    quantity(x.value, &measure)
                );
            }
            let more = quantity(x.value - have, &measure);
            let more = match more.split_once(' ') {
                Some((n, rest)) => format!("{n} more {rest}"),
                None => more,
            };
            format!("{more} (you have {} of {})", number(have), number(x.value))
        }
        Atom::OneOf(o) => {
            let fact = cat.fact(&o.fact);
            let labels: Vec<&str> = fact
                .map(|f| {
                    o.values
                        .iter()
                        .filter_map(|v| f.options.iter().find(|opt| &opt.id == v))
                        .map(|opt| opt.label.as_str())
                        .collect()
                })
                .unwrap_or_default();
            let what = fact
                .and_then(|f| f.measure.clone())
                .unwrap_or_else(|| "an answer".to_owned());
            let list = or_list(&labels);
            match exp.choice(&o.fact) {
                None => format!("{what}: {list} (not answered yet: see the experience page)"),
                Some(_) => format!("{what}: {list}"),
            }
        }
        Atom::CountOf(c) => {
            let fact = cat.fact(&c.fact);
            let what = fact
                .and_then(|f| f.measure.clone())
                .unwrap_or_else(|| "areas".to_owned());
            let have = exp.multi(&c.fact).len();
            let unit = if fact.is_some_and(|f| f.kind == FactKind::Multi) {
                what
            } else {
                "areas".to_owned()
            };
            format!("at least {} {unit} (you have {have})", c.min)
        }
        Atom::Cert(id) => cat
            .cert(id)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| format!("the certification \"{id}\"")),
    }
}

fn or_list(items: &[&str]) -> String {
    match items.split_last() {
        None => "a value that is not in the catalog".to_owned(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

/// The unmet conditions of a group of routes that share a name: what all
/// of them lack once, then the differing parts as alternatives ("35 more
/// hours of project-management training … or CAPM").
fn group_words<'a>(cat: &Catalog, group: &[&Route<'a>], exp: &Experience, held: &Held) -> String {
    let unmet = |r: &Route<'a>| -> Vec<Atom<'a>> {
        r.atoms
            .iter()
            .copied()
            .filter(|a| atom_state(cat, *a, exp, held) != AtomState::Met)
            .collect()
    };
    let sets: Vec<Vec<Atom>> = group.iter().map(|r| unmet(r)).collect();
    let common: Vec<Atom> = sets[0]
        .iter()
        .copied()
        .filter(|a| sets.iter().all(|s| s.contains(a)))
        .collect();
    let mut parts: Vec<String> = common.iter().map(|a| atom_words(cat, *a, exp)).collect();
    let rest: Vec<String> = sets
        .iter()
        .map(|s| {
            s.iter()
                .filter(|a| !common.contains(a))
                .map(|a| atom_words(cat, *a, exp))
                .collect::<Vec<_>>()
                .join(" and ")
        })
        .filter(|t| !t.is_empty())
        .collect();
    let mut unique_rest: Vec<String> = Vec::new();
    for r in rest {
        if !unique_rest.contains(&r) {
            unique_rest.push(r);
        }
    }
    if !unique_rest.is_empty() && unique_rest.len() == sets.len() {
        parts.push(unique_rest.join(", or "));
    }
    parts.join("; ")
}

/// Every unmet condition, nearest route first, one line per way to qualify.
pub fn missing_words(
    cat: &Catalog,
    cert: &Certification,
    exp: &Experience,
    held: &Held,
) -> Vec<String> {
    let ranked = ranked(cat, cert, exp, held);
    // Group routes by their name, keeping the order of each name's nearest.
    let mut groups: Vec<(Option<&str>, Vec<&Route>)> = Vec::new();
    for (r, _) in &ranked {
        match groups.iter_mut().find(|(l, _)| *l == r.label) {
            Some((_, g)) => g.push(r),
            None => groups.push((r.label, vec![r])),
        }
    }
    let several = groups.len() > 1;
    let mut out = Vec::new();
    for (i, (label, g)) in groups.iter().enumerate() {
        let text = group_words(cat, g, exp, held);
        if text.is_empty() {
            continue;
        }
        let line = match (several, label, i) {
            (false, _, _) => text,
            (true, Some(l), 0) => format!("{l}: {text}"),
            (true, Some(l), _) => format!("Or — {l}: {text}"),
            (true, None, 0) => text,
            (true, None, _) => format!("Or: {text}"),
        };
        if !out.contains(&line) {
            out.push(line);
        }
    }
    out
}

/// Whether the person may sit `cert` on `today`, and if not, when or what
/// is missing.
pub fn eligibility(
    cat: &Catalog,
    cert: &Certification,
    exp: &Experience,
    held: &Held,
    today: Date,
) -> Eligibility {
    let ranked = ranked(cat, cert, exp, held);
    let Some((best, summary)) = ranked.first() else {
        return Eligibility::Now { path: None };
    };
    let path = best.label.map(str::to_owned);
    match summary.months {
        Some(m) if m <= 0.0 => Eligibility::Now { path },
        Some(m) => Eligibility::OnDate {
            date: today.add_months(m as i64),
            path,
            missing: vec![group_words(cat, &[best], exp, held)],
        },
        None => Eligibility::NotYet {
            missing: missing_words(cat, cert, exp, held),
            associate: cert
                .associate_path
                .as_ref()
                .map(|a| format!("{}: {}", a.name, a.text)),
        },
    }
}

/// Every certification in the catalog, in catalog order.
pub fn eligibility_all<'a>(
    cat: &'a Catalog,
    exp: &Experience,
    held: &Held,
    today: Date,
) -> Vec<(&'a Certification, Eligibility)> {
    cat.certifications
        .iter()
        .map(|c| (c, eligibility(cat, c, exp, held, today)))
        .collect()
}
