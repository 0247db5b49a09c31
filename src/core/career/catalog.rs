//! The career catalog: skills with behaviour-anchored levels, experience
//! facts, roles, certifications (with prerequisites modelled as conditions)
//! and learning activities, as loaded from `questions/*.json` and validated.

use crate::core::map::{Map, Set};

use serde::Serialize;

use crate::core::bank::id_type;
use crate::core::json::{from_json, read_file, variant, At, Fail, Fields, FromJson, Json};
use crate::core::problems::Problem;

id_type!(
    /// Names a skill such as `financial_management`.
    SkillId
);
id_type!(
    /// Names an experience fact such as `months_leading_projects`.
    FactId
);
id_type!(
    /// Names a target role.
    RoleId
);
id_type!(
    /// Names a certification.
    CertId
);
id_type!(
    /// Names a learning activity.
    ActivityId
);

/// Study hours of a certification or activity: from a quarter of an hour
/// to 10,000 (five years full time).
pub const MIN_HOURS: f64 = 0.25;
pub const MAX_HOURS: f64 = 10_000.0;
/// The longest an activity runs, in months.
pub const MAX_MONTHS: f64 = 120.0;
/// The highest cost of a certification or activity, in US$.
pub const MAX_COST_USD: f64 = 1_000_000.0;
/// The longest chain of certifications each needing the next.
pub const MAX_PREREQUISITE_CHAIN: usize = 32;
/// The highest value of an experience fact.
pub const MAX_FACT_VALUE: f64 = crate::core::session::MAX_FACT_VALUE;

/// Where a role, certification or activity sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CareerTrack {
    Management,
    Hybrid,
    Technical,
    Both,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Skill {
    pub id: SkillId,
    pub name: String,
    pub category: String,
    pub description: String,
    /// What each level 0–4 looks like, as observable behaviour.
    pub levels: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FactKind {
    Number,
    Choice,
    Multi,
    Flag,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FactOption {
    pub id: String,
    pub label: String,
}

/// A fact about a person's experience, asked once.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub id: FactId,
    pub label: String,
    pub help: Option<String>,
    pub kind: FactKind,
    pub unit: Option<String>,
    pub min: f64,
    pub max: f64,
    /// Grows by itself with time while the person stays in their work.
    pub accrues: bool,
    pub options: Vec<FactOption>,
    /// What a number measures, in words a person reads in a sentence such as
    /// "12 more months leading projects": required for number facts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
}

impl Fact {
    /// How much the fact grows per month when it accrues.
    pub fn per_month(&self) -> f64 {
        match self.unit.as_deref() {
            Some("years") => 1.0 / 12.0,
            _ => 1.0,
        }
    }

    /// A typed figure brought within the fact's range. The catalog check
    /// holds `min <= max`, so this is `x.clamp(min, max)` without clamp's
    /// assertion, whose message formats floats with `Debug` and brought
    /// that formatter (about 14 KB raw) into every later page's wasm.
    pub fn bound(&self, x: f64) -> f64 {
        x.max(self.min).min(self.max)
    }
}

/// What a role asks of one skill.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    pub level: u8,
    pub importance: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: RoleId,
    pub name: String,
    pub track: CareerTrack,
    pub summary: String,
    pub requires: Map<SkillId, Requirement>,
    pub typical_experience: String,
    /// Shown with the role, most important first.
    pub typical_certifications: Vec<CertId>,
    /// The ones every plan for the role includes (when not held or skipped);
    /// empty: the first typical certification.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub core_certifications: Vec<CertId>,
    pub source: Option<String>,
}

impl Role {
    /// The certifications every plan toward this role includes.
    pub fn core(&self) -> &[CertId] {
        if self.core_certifications.is_empty() {
            self.typical_certifications.get(..1).unwrap_or(&[])
        } else {
            &self.core_certifications
        }
    }
}

/// A prerequisite, as written in `certifications.json`: one of
/// `{"all": [...], "label": …}`, `{"any": [...], "label": …}`,
/// `{"at_least": {"fact", "value"}}`, `{"one_of": {"fact", "values"}}`,
/// `{"count_of": {"fact", "min"}}` or `{"cert": id}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(untagged, deny_unknown_fields)]
pub enum Condition {
    All {
        all: Vec<Condition>,
        #[serde(default)]
        label: Option<String>,
    },
    Any {
        any: Vec<Condition>,
        #[serde(default)]
        label: Option<String>,
    },
    AtLeast {
        at_least: FactAtLeast,
    },
    OneOf {
        one_of: FactOneOf,
    },
    CountOf {
        count_of: FactCountOf,
    },
    Cert {
        cert: CertId,
    },
}

/// The keys a condition object may have.
const CONDITION_KEYS: &[&str] = &[
    "all", "any", "label", "at_least", "one_of", "count_of", "cert",
];

/// Read by the key the object carries, rather than by trying each form in
/// turn (what serde's `untagged` does: about 20 KB of the planner's wasm),
/// with a message that says what is wrong.
impl FromJson for Condition {
    fn from_json(v: &Json, at: &At) -> Result<Self, Fail> {
        const FORMS: &str = "all, any, at_least, one_of, count_of or cert";
        let object = v.as_object().ok_or_else(|| {
            at.invalid_type(v, &format!("a condition: an object with one of {FORMS}"))
        })?;
        let f = Fields::of(v, at, "a condition", CONDITION_KEYS)?;
        let mut forms = object.keys().filter(|k| *k != "label");
        let (Some(form), None) = (forms.next(), forms.next()) else {
            return Err(at.fail(if object.keys().any(|k| k != "label") {
                format!("a condition has exactly one of {FORMS}")
            } else {
                format!("a condition needs one of {FORMS}")
            }));
        };
        let label: Option<String> = f.opt("label")?;
        let condition = match form {
            "all" => Condition::All {
                all: f.req("all")?,
                label,
            },
            "any" => Condition::Any {
                any: f.req("any")?,
                label,
            },
            _ if object.contains_key("label") => {
                return Err(at.fail("only an all or any condition has a label"))
            }
            "at_least" => Condition::AtLeast {
                at_least: f.req("at_least")?,
            },
            "one_of" => Condition::OneOf {
                one_of: f.req("one_of")?,
            },
            "count_of" => Condition::CountOf {
                count_of: f.req("count_of")?,
            },
            _ => Condition::Cert {
                cert: f.req("cert")?,
            },
        };
        Ok(condition)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FactAtLeast {
    pub fact: FactId,
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FactOneOf {
    pub fact: FactId,
    pub values: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FactCountOf {
    pub fact: FactId,
    pub min: usize,
}

/// Sitting the exam before having the experience.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AssociatePath {
    pub name: String,
    pub text: String,
    /// Years after passing within which the experience must be completed,
    /// when the issuer sets a limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_years: Option<f64>,
}

/// Where a certification fact comes from. Written either as a bare address
/// (older catalogs) or as an object saying whose page it is and the date
/// that page carries.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Source {
    pub url: String,
    /// True when the page is the issuer's own (PMI, ISC2, ISACA, …).
    #[serde(default)]
    pub issuer: bool,
    /// The date the page itself carries (last updated, effective from),
    /// not the day it was read; `None` when the page shows none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_date: Option<String>,
}

/// A bare address (older catalogs), or `{"url", "issuer", "page_date"}`.
impl FromJson for Source {
    fn from_json(v: &Json, at: &At) -> Result<Self, Fail> {
        if let Some(url) = v.as_str() {
            return Ok(Source {
                url: url.to_owned(),
                issuer: false,
                page_date: None,
            });
        }
        if !v.is_object() {
            return Err(at.invalid_type(v, "an address, or {\"url\", \"issuer\", \"page_date\"}"));
        }
        let f = Fields::of(v, at, "", &["url", "issuer", "page_date"])?;
        Ok(Source {
            url: f.req("url")?,
            issuer: f.or_default("issuer")?,
            page_date: f.opt("page_date")?,
        })
    }
}

/// A part of a certification's facts that could not be confirmed on the
/// issuer's own page; the app shows it as unconfirmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CertFact {
    Prerequisites,
    Exam,
    Cost,
    Renewal,
    StudyHours,
    Url,
}

impl CertFact {
    /// The words a person reads.
    pub fn words(self) -> &'static str {
        match self {
            CertFact::Prerequisites => "prerequisites",
            CertFact::Exam => "exam format",
            CertFact::Cost => "cost",
            CertFact::Renewal => "renewal",
            CertFact::StudyHours => "study hours",
            CertFact::Url => "official page address",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Certification {
    pub id: CertId,
    pub name: String,
    pub issuer: String,
    pub track: CareerTrack,
    pub prerequisites: Option<Condition>,
    pub prerequisites_text: String,
    pub associate_path: Option<AssociatePath>,
    pub exam: String,
    /// Typical exam fee; `None` when unknown.
    pub cost_usd: Option<f64>,
    pub cost_text: String,
    pub renewal: String,
    pub study_hours: Option<f64>,
    pub builds: Map<SkillId, u8>,
    pub requires_certs: Vec<CertId>,
    pub url: String,
    pub sources: Vec<Source>,
    /// The day the facts were gathered (each source carries its own date).
    pub as_of: String,
    /// Facts that could not be confirmed on the issuer's own page.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unconfirmed: Vec<CertFact>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CountsToward {
    pub fact: FactId,
    pub amount: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Activity {
    pub id: ActivityId,
    pub name: String,
    pub description: String,
    pub hours: f64,
    pub duration_months: f64,
    pub cost_usd: Option<f64>,
    pub builds: Map<SkillId, u8>,
    pub counts_toward: Vec<CountsToward>,
    pub track: CareerTrack,
    pub source: Option<String>,
}

/// When a mentor discussion prompt applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PromptWhen {
    BlindSpot,
    HiddenStrength,
    LargestGap,
    TrackDecision,
    Hybrid,
    General,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Prompt {
    pub id: String,
    pub when: PromptWhen,
    pub text: String,
}

macro_rules! file_type {
    ($name:ident, $field:ident, $t:ty) => {
        /// One content file as written.
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
            pub schema: Option<String>,
            pub $field: Vec<$t>,
        }

        impl FromJson for $name {
            fn from_json(v: &Json, at: &At) -> Result<Self, Fail> {
                let f = Fields::of(
                    v,
                    at,
                    concat!("struct ", stringify!($name)),
                    &["$schema", stringify!($field)],
                )?;
                Ok($name {
                    schema: f.opt("$schema")?,
                    $field: f.req(stringify!($field))?,
                })
            }
        }
    };
}
file_type!(SkillsFile, skills, Skill);
file_type!(FactsFile, facts, Fact);
file_type!(RolesFile, roles, Role);
file_type!(CertificationsFile, certifications, Certification);
file_type!(ActivitiesFile, activities, Activity);
file_type!(PromptsFile, prompts, Prompt);

from_json!(Skill {
    id: req,
    name: req,
    category: req,
    description: req,
    levels: req
});
from_json!(FactOption {
    id: req,
    label: req
});
from_json!(Fact {
    id: req,
    label: req,
    help: opt,
    kind: req,
    unit: opt,
    min: req,
    max: req,
    accrues: req,
    options: req,
    measure: opt,
});
from_json!(Requirement {
    level: req,
    importance: req
});
from_json!(Role {
    id: req,
    name: req,
    track: req,
    summary: req,
    requires: req,
    typical_experience: req,
    typical_certifications: req,
    core_certifications: or_default,
    source: opt,
});
from_json!(FactAtLeast {
    fact: req,
    value: req
});
from_json!(FactOneOf {
    fact: req,
    values: req
});
from_json!(FactCountOf {
    fact: req,
    min: req
});
from_json!(AssociatePath {
    name: req,
    text: req,
    window_years: opt
});
from_json!(Certification {
    id: req,
    name: req,
    issuer: req,
    track: req,
    prerequisites: opt,
    prerequisites_text: req,
    associate_path: opt,
    exam: req,
    cost_usd: opt,
    cost_text: req,
    renewal: req,
    study_hours: opt,
    builds: req,
    requires_certs: req,
    url: req,
    sources: req,
    as_of: req,
    unconfirmed: or_default,
    notes: opt,
});
from_json!(CountsToward {
    fact: req,
    amount: req
});
from_json!(Activity {
    id: req,
    name: req,
    description: req,
    hours: req,
    duration_months: req,
    cost_usd: opt,
    builds: req,
    counts_toward: req,
    track: req,
    source: opt,
});
from_json!(Prompt {
    id: req,
    when: req,
    text: req
});

/// The unit variants of an enum by the names `rename_all = "snake_case"`
/// writes (a test checks both agree for every variant).
macro_rules! variants {
    ($t:ident { $($name:literal => $variant:ident),* $(,)? }) => {
        impl $t {
            /// Every variant with its name in the files.
            pub const NAMES: &'static [(&'static str, $t)] = &[$(($name, $t::$variant)),*];
        }
        impl FromJson for $t {
            fn from_json(v: &Json, at: &At) -> Result<Self, Fail> {
                variant(v, at, $t::NAMES)
            }
        }
    };
}

variants!(CareerTrack {
    "management" => Management, "hybrid" => Hybrid, "technical" => Technical, "both" => Both,
});
variants!(FactKind { "number" => Number, "choice" => Choice, "multi" => Multi, "flag" => Flag });
variants!(CertFact {
    "prerequisites" => Prerequisites, "exam" => Exam, "cost" => Cost, "renewal" => Renewal,
    "study_hours" => StudyHours, "url" => Url,
});
variants!(PromptWhen {
    "blind_spot" => BlindSpot, "hidden_strength" => HiddenStrength, "largest_gap" => LargestGap,
    "track_decision" => TrackDecision, "hybrid" => Hybrid, "general" => General,
});

/// The texts of the six catalog files.
pub struct CatalogTexts<'a> {
    pub skills: &'a str,
    pub experience: &'a str,
    pub roles: &'a str,
    pub certifications: &'a str,
    pub activities: &'a str,
    pub prompts: &'a str,
}

/// The whole validated catalog.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Catalog {
    pub skills: Vec<Skill>,
    pub facts: Vec<Fact>,
    pub roles: Vec<Role>,
    pub certifications: Vec<Certification>,
    pub activities: Vec<Activity>,
    pub prompts: Vec<Prompt>,
}

impl Catalog {
    /// Parses and validates all six files, reporting every problem found.
    pub fn from_texts(t: &CatalogTexts) -> Result<Catalog, Vec<Problem>> {
        let mut problems = Vec::new();
        macro_rules! load {
            ($file:expr, $text:expr, $t:ty) => {
                match read_file::<$t>($file, $text) {
                    Ok(v) => Some(v),
                    Err(p) => {
                        problems.push(p);
                        None
                    }
                }
            };
        }
        let skills = load!("skills.json", t.skills, SkillsFile);
        let facts = load!("experience.json", t.experience, FactsFile);
        let roles = load!("roles.json", t.roles, RolesFile);
        let certs = load!("certifications.json", t.certifications, CertificationsFile);
        let activities = load!("activities.json", t.activities, ActivitiesFile);
        let prompts = load!("prompts.json", t.prompts, PromptsFile);
        let (Some(skills), Some(facts), Some(roles), Some(certs), Some(activities), Some(prompts)) =
            (skills, facts, roles, certs, activities, prompts)
        else {
            return Err(problems);
        };
        let catalog = Catalog {
            skills: skills.skills,
            facts: facts.facts,
            roles: roles.roles,
            certifications: certs.certifications,
            activities: activities.activities,
            prompts: prompts.prompts,
        };
        let problems = catalog.validate();
        if problems.is_empty() {
            Ok(catalog)
        } else {
            Err(problems)
        }
    }

    pub fn skill(&self, id: &SkillId) -> Option<&Skill> {
        self.skills.iter().find(|s| &s.id == id)
    }
    pub fn fact(&self, id: &FactId) -> Option<&Fact> {
        self.facts.iter().find(|f| &f.id == id)
    }
    pub fn role(&self, id: &RoleId) -> Option<&Role> {
        self.roles.iter().find(|r| &r.id == id)
    }
    pub fn cert(&self, id: &CertId) -> Option<&Certification> {
        self.certifications.iter().find(|c| &c.id == id)
    }
    pub fn activity(&self, id: &ActivityId) -> Option<&Activity> {
        self.activities.iter().find(|a| &a.id == id)
    }

    /// Every problem: duplicate ids, empty text, dangling references, wrong
    /// levels, facts used with the wrong kind, prerequisite cycles.
    pub fn validate(&self) -> Vec<Problem> {
        let mut chk = Checks {
            out: Vec::new(),
            skill_ids: self.skills.iter().map(|s| &s.id).collect(),
            cert_ids: self.certifications.iter().map(|c| &c.id).collect(),
        };
        self.check_ids(&mut chk);
        self.check_skills(&mut chk);
        self.check_facts(&mut chk);
        self.check_roles(&mut chk);
        self.check_certifications(&mut chk);
        self.check_activities(&mut chk);
        self.check_prompts(&mut chk);
        self.check_chains(&mut chk);
        chk.out
    }

    /// No id is used twice within a file.
    fn check_ids(&self, chk: &mut Checks) {
        fn dupes<'a, T: Ord + std::fmt::Display + 'a>(
            out: &mut Vec<Problem>,
            file: &str,
            list: &str,
            ids: impl Iterator<Item = &'a T>,
        ) {
            let mut seen = Set::new();
            for (i, id) in ids.enumerate() {
                if !seen.insert(id) {
                    out.push(Problem::new(
                        file,
                        format!("{list}[{i}].id"),
                        format!("duplicate id \"{id}\""),
                    ));
                }
            }
        }
        dupes(
            &mut chk.out,
            "skills.json",
            "skills",
            self.skills.iter().map(|s| &s.id),
        );
        dupes(
            &mut chk.out,
            "experience.json",
            "facts",
            self.facts.iter().map(|s| &s.id),
        );
        dupes(
            &mut chk.out,
            "roles.json",
            "roles",
            self.roles.iter().map(|s| &s.id),
        );
        dupes(
            &mut chk.out,
            "certifications.json",
            "certifications",
            self.certifications.iter().map(|s| &s.id),
        );
        dupes(
            &mut chk.out,
            "activities.json",
            "activities",
            self.activities.iter().map(|s| &s.id),
        );
    }

    /// Names are given and each skill has its five level descriptions.
    fn check_skills<'a>(&'a self, chk: &mut Checks<'a>) {
        for (i, s) in self.skills.iter().enumerate() {
            chk.empty("skills.json", format!("skills[{i}].name"), &s.name);
            if s.levels.len() != 5 {
                chk.out.push(Problem::new(
                    "skills.json",
                    format!("skills[{i}].levels"),
                    format!(
                        "a skill needs exactly 5 level descriptions (0–4); found {}",
                        s.levels.len()
                    ),
                ));
            }
            for (j, l) in s.levels.iter().enumerate() {
                chk.empty("skills.json", format!("skills[{i}].levels[{j}]"), l);
            }
        }
    }

    /// Facts are labelled, numbers say what they measure and stay in range, choices have options.
    fn check_facts<'a>(&'a self, chk: &mut Checks<'a>) {
        for (i, f) in self.facts.iter().enumerate() {
            chk.empty("experience.json", format!("facts[{i}].label"), &f.label);
            if f.kind == FactKind::Number
                && f.measure.as_deref().is_none_or(|m| m.trim().is_empty())
            {
                chk.out.push(Problem::new(
                    "experience.json",
                    format!("facts[{i}].measure"),
                    "a number needs a \"measure\": what it counts, in words such as \"months leading projects\"",
                ));
            }
            chk.number(
                "experience.json",
                format!("facts[{i}].min"),
                f.min,
                0.0,
                MAX_FACT_VALUE,
            );
            chk.number(
                "experience.json",
                format!("facts[{i}].max"),
                f.max,
                f.min.max(0.0),
                MAX_FACT_VALUE,
            );
            if matches!(f.kind, FactKind::Choice | FactKind::Multi) && f.options.is_empty() {
                chk.out.push(Problem::new(
                    "experience.json",
                    format!("facts[{i}].options"),
                    "a choice needs options",
                ));
            }
        }
    }

    /// Roles name known skills at levels 0–4 with importance 1–3, and known certifications.
    fn check_roles<'a>(&'a self, chk: &mut Checks<'a>) {
        for (i, r) in self.roles.iter().enumerate() {
            let at = format!("roles[{i}]");
            chk.empty("roles.json", format!("{at}.name"), &r.name);
            for (sid, req) in &r.requires {
                chk.skill_ref("roles.json", format!("{at}.requires.{sid}"), sid);
                chk.level(
                    "roles.json",
                    format!("{at}.requires.{sid}.level"),
                    req.level,
                );
                if !(1..=3).contains(&req.importance) {
                    chk.out.push(Problem::new(
                        "roles.json",
                        format!("{at}.requires.{sid}.importance"),
                        format!("importance {} is outside 1–3", req.importance),
                    ));
                }
            }
            for (list, certs) in [
                ("typical_certifications", &r.typical_certifications),
                ("core_certifications", &r.core_certifications),
            ] {
                for (j, c) in certs.iter().enumerate() {
                    if !chk.cert_ids.contains(c) {
                        chk.out.push(Problem::new(
                            "roles.json",
                            format!("{at}.{list}[{j}]"),
                            format!("unknown certification \"{c}\""),
                        ));
                    }
                }
            }
        }
    }

    /// Certifications cite sources, build known skills, and their prerequisites name known facts and certifications with numbers in range.
    fn check_certifications<'a>(&'a self, chk: &mut Checks<'a>) {
        for (i, c) in self.certifications.iter().enumerate() {
            let at = format!("certifications[{i}]");
            chk.empty("certifications.json", format!("{at}.name"), &c.name);
            if c.sources.is_empty() {
                chk.out.push(Problem::new(
                    "certifications.json",
                    format!("{at}.sources"),
                    "every certification fact needs a source",
                ));
            }
            if c.as_of.trim().is_empty() {
                chk.out.push(Problem::new(
                    "certifications.json",
                    format!("{at}.as_of"),
                    "the \"as of\" date is empty",
                ));
            }
            if let Some(h) = c.study_hours {
                chk.number(
                    "certifications.json",
                    format!("{at}.study_hours"),
                    h,
                    MIN_HOURS,
                    MAX_HOURS,
                );
            }
            if let Some(cost) = c.cost_usd {
                chk.number(
                    "certifications.json",
                    format!("{at}.cost_usd"),
                    cost,
                    0.0,
                    MAX_COST_USD,
                );
            }
            for (sid, l) in &c.builds {
                chk.skill_ref("certifications.json", format!("{at}.builds.{sid}"), sid);
                chk.level("certifications.json", format!("{at}.builds.{sid}"), *l);
            }
            for (j, r) in c.requires_certs.iter().enumerate() {
                if !chk.cert_ids.contains(r) {
                    chk.out.push(Problem::new(
                        "certifications.json",
                        format!("{at}.requires_certs[{j}]"),
                        format!("unknown certification \"{r}\""),
                    ));
                }
            }
            if let Some(cond) = &c.prerequisites {
                self.check_condition(
                    &mut chk.out,
                    &format!("{at}.prerequisites"),
                    cond,
                    &chk.cert_ids,
                );
            }
        }
    }

    /// Activities have hours and months in range, build known skills and count toward known number facts.
    fn check_activities<'a>(&'a self, chk: &mut Checks<'a>) {
        for (i, a) in self.activities.iter().enumerate() {
            let at = format!("activities[{i}]");
            chk.empty("activities.json", format!("{at}.name"), &a.name);
            if a.hours.is_nan() || a.hours <= 0.0 {
                chk.out.push(Problem::new(
                    "activities.json",
                    format!("{at}.hours"),
                    "hours must be more than 0",
                ));
            } else {
                chk.number(
                    "activities.json",
                    format!("{at}.hours"),
                    a.hours,
                    MIN_HOURS,
                    MAX_HOURS,
                );
            }
            chk.number(
                "activities.json",
                format!("{at}.duration_months"),
                a.duration_months,
                0.0,
                MAX_MONTHS,
            );
            if let Some(cost) = a.cost_usd {
                chk.number(
                    "activities.json",
                    format!("{at}.cost_usd"),
                    cost,
                    0.0,
                    MAX_COST_USD,
                );
            }
            for (sid, l) in &a.builds {
                chk.skill_ref("activities.json", format!("{at}.builds.{sid}"), sid);
                chk.level("activities.json", format!("{at}.builds.{sid}"), *l);
            }
            for (j, ct) in a.counts_toward.iter().enumerate() {
                match self.fact(&ct.fact) {
                    None => chk.out.push(Problem::new(
                        "activities.json",
                        format!("{at}.counts_toward[{j}].fact"),
                        format!("unknown fact \"{}\"", ct.fact),
                    )),
                    Some(f) if f.kind != FactKind::Number => chk.out.push(Problem::new(
                        "activities.json",
                        format!("{at}.counts_toward[{j}].fact"),
                        format!("fact \"{}\" is not a number", ct.fact),
                    )),
                    Some(f) => chk.number(
                        "activities.json",
                        format!("{at}.counts_toward[{j}].amount"),
                        ct.amount,
                        0.0,
                        f.max,
                    ),
                }
            }
        }
    }

    /// Mentor prompts have text.
    fn check_prompts<'a>(&'a self, chk: &mut Checks<'a>) {
        for (i, p) in self.prompts.iter().enumerate() {
            chk.empty("prompts.json", format!("prompts[{i}].text"), &p.text);
        }
    }

    /// No certification requires itself, and no chain of prerequisites is too long to plan.
    fn check_chains<'a>(&'a self, chk: &mut Checks<'a>) {
        let depths = self.prerequisite_depths();
        if let Some((i, depth)) = depths
            .as_ref()
            .ok()
            .and_then(|d| d.iter().copied().enumerate().max_by_key(|(_, d)| *d))
            .filter(|(_, d)| *d > MAX_PREREQUISITE_CHAIN)
        {
            chk.out.push(Problem::new(
                "certifications.json",
                format!("certifications[{i}]"),
                format!(
                    "\"{}\" starts a chain of {depth} certifications, each needing the next; at most {MAX_PREREQUISITE_CHAIN} can be planned",
                    self.certifications[i].id
                ),
            ));
        }
        if let Err(cycle) = depths {
            chk.out.push(Problem::new(
                "certifications.json",
                "certifications",
                format!(
                    "prerequisite cycle: {}",
                    cycle
                        .iter()
                        .map(|c| c.as_str())
                        .collect::<Vec<_>>()
                        .join(" → ")
                ),
            ));
        }
    }

    fn check_condition(
        &self,
        out: &mut Vec<Problem>,
        at: &str,
        cond: &Condition,
        certs: &Set<&CertId>,
    ) {
        let p = |out: &mut Vec<Problem>, path: String, msg: String| {
            out.push(Problem::new("certifications.json", path, msg))
        };
        match cond {
            Condition::All { all: list, .. } => {
                for (i, c) in list.iter().enumerate() {
                    self.check_condition(out, &format!("{at}.all[{i}]"), c, certs);
                }
            }
            Condition::Any { any: list, .. } => {
                for (i, c) in list.iter().enumerate() {
                    self.check_condition(out, &format!("{at}.any[{i}]"), c, certs);
                }
            }
            Condition::AtLeast { at_least: a } => match self.fact(&a.fact) {
                None => p(
                    out,
                    format!("{at}.at_least.fact"),
                    format!("unknown fact \"{}\"", a.fact),
                ),
                Some(f) if f.kind != FactKind::Number => p(
                    out,
                    format!("{at}.at_least.fact"),
                    format!(
                        "fact \"{}\" is not a number, so \"at_least\" cannot apply",
                        a.fact
                    ),
                ),
                Some(f) if !(a.value.is_finite() && f.min <= a.value && a.value <= f.max) => p(
                    out,
                    format!("{at}.at_least.value"),
                    format!(
                        "{} is outside the range of \"{}\" ({}–{})",
                        crate::core::problems::number(a.value),
                        a.fact,
                        crate::core::problems::number(f.min),
                        crate::core::problems::number(f.max)
                    ),
                ),
                _ => {}
            },
            Condition::OneOf { one_of: o } => match self.fact(&o.fact) {
                None => p(
                    out,
                    format!("{at}.one_of.fact"),
                    format!("unknown fact \"{}\"", o.fact),
                ),
                Some(f) if f.kind != FactKind::Choice => p(
                    out,
                    format!("{at}.one_of.fact"),
                    format!(
                        "fact \"{}\" is not a choice, so \"one_of\" cannot apply",
                        o.fact
                    ),
                ),
                Some(f) => {
                    for (i, v) in o.values.iter().enumerate() {
                        if !f.options.iter().any(|opt| &opt.id == v) {
                            p(
                                out,
                                format!("{at}.one_of.values[{i}]"),
                                format!("\"{v}\" is not an option of \"{}\"", o.fact),
                            );
                        }
                    }
                }
            },
            Condition::CountOf { count_of: c } => match self.fact(&c.fact) {
                None => p(
                    out,
                    format!("{at}.count_of.fact"),
                    format!("unknown fact \"{}\"", c.fact),
                ),
                Some(f) if f.kind != FactKind::Multi => p(
                    out,
                    format!("{at}.count_of.fact"),
                    format!("fact \"{}\" is not a multiple choice", c.fact),
                ),
                _ => {}
            },
            Condition::Cert { cert: c } => {
                if !certs.contains(c) {
                    p(
                        out,
                        format!("{at}.cert"),
                        format!("unknown certification \"{c}\""),
                    );
                }
            }
        }
    }

    /// The certifications each one needs first: `requires_certs` and any
    /// `cert` condition.
    pub fn cert_dependencies(&self, cert: &Certification) -> Set<CertId> {
        fn walk(c: &Condition, out: &mut Set<CertId>) {
            match c {
                Condition::All { all: l, .. } | Condition::Any { any: l, .. } => {
                    l.iter().for_each(|c| walk(c, out))
                }
                Condition::Cert { cert: id } => {
                    out.insert(id.clone());
                }
                _ => {}
            }
        }
        let mut out: Set<CertId> = cert.requires_certs.iter().cloned().collect();
        if let Some(c) = &cert.prerequisites {
            walk(c, &mut out);
        }
        out
    }

    /// A cycle in the prerequisite graph, as the list of ids around it.
    ///
    /// A depth-first search with its own stack rather than recursion: a
    /// long chain of prerequisites (thousands, in a program's catalog)
    /// would overflow the call stack, which is 1 MiB in the browser.
    pub fn prerequisite_cycle(&self) -> Option<Vec<CertId>> {
        self.prerequisite_depths().err()
    }

    /// For each certification, how many certifications long the chain of
    /// prerequisites it starts is (1 with none); or a cycle.
    fn prerequisite_depths(&self) -> Result<Vec<usize>, Vec<CertId>> {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            New,
            Open,
            Done,
        }
        let certs = &self.certifications;
        // Each id's place in the list (the first, when an id is repeated).
        let mut index: Map<&CertId, usize> = Map::new();
        for (i, c) in certs.iter().enumerate() {
            if !index.contains_key(&c.id) {
                index.insert(&c.id, i);
            }
        }
        let deps: Vec<Vec<usize>> = certs
            .iter()
            .map(|c| {
                self.cert_dependencies(c)
                    .iter()
                    .filter_map(|d| index.get(d).copied())
                    .collect()
            })
            .collect();
        let mut marks = vec![Mark::New; certs.len()];
        let mut depths = vec![1; certs.len()];
        for (root, c) in certs.iter().enumerate() {
            if marks[root] != Mark::New || index.get(&c.id) != Some(&root) {
                continue;
            }
            marks[root] = Mark::Open;
            // Each open certification with the next of its dependencies to visit.
            let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
            while let Some((node, next)) = stack.last_mut() {
                let node = *node;
                let Some(&dep) = deps[node].get(*next) else {
                    // Every dependency is done, so its depth is known.
                    depths[node] = 1 + deps[node].iter().map(|d| depths[*d]).max().unwrap_or(0);
                    marks[node] = Mark::Done;
                    stack.pop();
                    continue;
                };
                *next += 1;
                match marks[dep] {
                    Mark::New => {
                        marks[dep] = Mark::Open;
                        stack.push((dep, 0));
                    }
                    Mark::Open => {
                        let start = stack.iter().position(|(n, _)| *n == dep).unwrap_or(0);
                        let mut cycle: Vec<CertId> = stack[start..]
                            .iter()
                            .map(|(n, _)| certs[*n].id.clone())
                            .collect();
                        cycle.push(certs[dep].id.clone());
                        return Err(cycle);
                    }
                    Mark::Done => {}
                }
            }
        }
        Ok(depths)
    }
}

/// What checking a catalog collects, and the ids every part refers to.
struct Checks<'a> {
    out: Vec<Problem>,
    skill_ids: Set<&'a SkillId>,
    cert_ids: Set<&'a CertId>,
}

impl Checks<'_> {
    fn empty(&mut self, file: &str, path: String, text: &str) {
        if text.trim().is_empty() {
            self.out.push(Problem::new(file, path, "the text is empty"));
        }
    }

    fn skill_ref(&mut self, file: &str, path: String, id: &SkillId) {
        if !self.skill_ids.contains(id) {
            self.out
                .push(Problem::new(file, path, format!("unknown skill \"{id}\"")));
        }
    }

    fn level(&mut self, file: &str, path: String, l: u8) {
        if l > 4 {
            self.out.push(Problem::new(
                file,
                path,
                format!("level {l} is outside 0–4"),
            ));
        }
    }

    /// Numbers feed the planner's date arithmetic: each must be finite and
    /// in a range that real content uses.
    fn number(&mut self, file: &str, path: String, x: f64, lo: f64, hi: f64) {
        if !(x.is_finite() && lo <= x && x <= hi) {
            self.out.push(Problem::new(
                file,
                path,
                format!(
                    "{} is outside {}–{}",
                    crate::core::problems::number(x),
                    crate::core::problems::number(lo),
                    crate::core::problems::number(hi)
                ),
            ));
        }
    }
}
