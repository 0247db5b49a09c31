//! Who may sit which exam, and when: each certification's prerequisites
//! evaluated against the person's experience, with the missing conditions
//! spelled out and the date on which time alone will satisfy them.

use serde::Serialize;

use super::catalog::{Catalog, Certification, Condition, FactId};
use super::date::Date;
use super::person::{Experience, Held};

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
    /// Not eligible by time alone: `missing` lists what must change.
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

    /// The first date the exam can be sat, if time alone gets there.
    pub fn date(&self, today: Date) -> Option<Date> {
        match self {
            Eligibility::Now { .. } => Some(today),
            Eligibility::OnDate { date, .. } => Some(*date),
            Eligibility::NotYet { .. } => None,
        }
    }
}

/// A condition's state: met, met after `months` of accrual, or not by time.
struct Eval {
    months: Option<f64>,
    missing: Vec<String>,
    path: Option<String>,
}

impl Eval {
    fn met() -> Eval {
        Eval {
            months: Some(0.0),
            missing: vec![],
            path: None,
        }
    }
}

fn words(id: &FactId) -> String {
    id.as_str().replace('_', " ")
}

fn trim_number(x: f64) -> String {
    if (x - x.round()).abs() < 0.05 {
        format!("{}", x.round() as i64)
    } else {
        format!("{x:.1}")
    }
}

fn eval(cat: &Catalog, c: &Condition, exp: &Experience, held: &Held) -> Eval {
    match c {
        Condition::AtLeast { at_least: a } => {
            let have = exp.number(&a.fact);
            if have >= a.value {
                return Eval::met();
            }
            let fact = cat.fact(&a.fact);
            // Experience grows by itself only while the person is doing that
            // work: a fact that accrues and is above zero is taken as ongoing.
            let months = fact
                .filter(|f| f.accrues && have > 0.0)
                .map(|f| ((a.value - have) / f.per_month()).ceil());
            Eval {
                months,
                missing: vec![format!(
                    "needs {} more {} ({} of {})",
                    trim_number(a.value - have),
                    words(&a.fact),
                    trim_number(have),
                    trim_number(a.value)
                )],
                path: None,
            }
        }
        Condition::OneOf { one_of: o } => {
            if exp
                .choice(&o.fact)
                .is_some_and(|v| o.values.iter().any(|x| x == v))
            {
                return Eval::met();
            }
            let labels: Vec<String> = cat
                .fact(&o.fact)
                .map(|f| {
                    o.values
                        .iter()
                        .filter_map(|v| {
                            f.options
                                .iter()
                                .find(|opt| &opt.id == v)
                                .map(|opt| opt.label.clone())
                        })
                        .collect()
                })
                .unwrap_or_default();
            let needs = match labels.split_last() {
                Some((last, [])) => last.clone(),
                Some((last, rest)) => format!("one of: {} or {last}", rest.join(", ")),
                None => "a value that is not in the catalog".to_owned(),
            };
            // Unanswered is not the same as not qualified: say where to
            // answer instead of implying the person lacks it.
            let missing = match (exp.choice(&o.fact), cat.fact(&o.fact)) {
                (None, Some(f)) => format!(
                    "needs {needs} (not answered yet: \"{}\" on the experience page)",
                    f.label
                ),
                _ => format!("needs {needs}"),
            };
            Eval {
                months: None,
                missing: vec![missing],
                path: None,
            }
        }
        Condition::CountOf { count_of: c } => {
            let have = exp.multi(&c.fact).len();
            if have >= c.min {
                return Eval::met();
            }
            Eval {
                months: None,
                missing: vec![format!(
                    "needs experience in at least {} {} (has {have})",
                    c.min,
                    words(&c.fact)
                )],
                path: None,
            }
        }
        Condition::Cert { cert: id } => {
            if held.contains(id) {
                return Eval::met();
            }
            let name = cat
                .cert(id)
                .map(|c| c.name.clone())
                .unwrap_or_else(|| id.to_string());
            Eval {
                months: None,
                missing: vec![format!("needs {name}")],
                path: None,
            }
        }
        Condition::All { all, label } => {
            let parts: Vec<Eval> = all.iter().map(|c| eval(cat, c, exp, held)).collect();
            let months = parts
                .iter()
                .try_fold(0.0_f64, |m, p| p.months.map(|x| m.max(x)));
            let missing = parts.into_iter().flat_map(|p| p.missing).collect();
            Eval {
                months,
                missing,
                path: label.clone(),
            }
        }
        Condition::Any { any, label } => {
            let mut best: Option<Eval> = None;
            for c in any {
                let e = eval(cat, c, exp, held);
                let better = match &best {
                    None => true,
                    Some(b) => match (e.months, b.months) {
                        (Some(x), Some(y)) => x < y,
                        (Some(_), None) => true,
                        (None, Some(_)) => false,
                        (None, None) => e.missing.len() < b.missing.len(),
                    },
                };
                if better {
                    best = Some(e);
                }
            }
            let mut best = best.unwrap_or_else(Eval::met);
            if best.missing.len() > 1 && best.months.is_none() {
                // Several routes, none in reach by time alone: say so plainly.
                best.missing = vec![best.missing.join(", and ")];
            }
            if best.path.is_none() {
                best.path = label.clone();
            }
            best
        }
    }
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
    let mut e = match &cert.prerequisites {
        None => Eval::met(),
        Some(c) => eval(cat, c, exp, held),
    };
    for r in &cert.requires_certs {
        if !held.contains(r) {
            let name = cat
                .cert(r)
                .map(|c| c.name.clone())
                .unwrap_or_else(|| r.to_string());
            e.missing.push(format!("needs {name} first"));
            e.months = None;
        }
    }
    match e.months {
        Some(m) if m <= 0.0 && e.missing.is_empty() => Eligibility::Now { path: e.path },
        Some(m) => Eligibility::OnDate {
            date: today.add_months(m as i64),
            path: e.path,
            missing: e.missing,
        },
        None => Eligibility::NotYet {
            missing: e.missing,
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
