//! The person's work in progress and how it is saved: a versioned envelope,
//! decoded strictly, so that a corrupt or foreign save is recognised and kept
//! aside rather than silently overwritten.

use serde::de::{Error as _, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

use super::bank::{Bank, ItemId};
use super::career::catalog::RoleId;
use super::career::date::Date;
use super::career::person::{Experience, FactValue, Held, SkillRatings, MAX_LEVEL};
use super::career::plan::{Choices, Constraints};
use super::score::{Answers, Response};

/// The name in every saved envelope.
pub const FORMAT: &str = "crossroads-session";
/// The envelope version this build writes and reads.
pub const VERSION: u32 = 1;

/// Everything the person has entered so far.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// The bank the answers were given to.
    pub bank_id: String,
    pub bank_version: String,
    pub answers: Answers,
    /// Index of the question on screen.
    pub position: usize,
    /// Whether the person reached the end of the questionnaire.
    pub finished: bool,
    /// ISO-8601 times supplied by the caller (the core never reads a clock).
    pub started: Option<String>,
    pub updated: Option<String>,
    /// How the person wants to appear to a mentor or facilitator.
    #[serde(default)]
    pub display_name: Option<String>,
    /// The person's own notes.
    #[serde(default)]
    pub notes: String,
    /// Skill self-ratings, 0–4.
    #[serde(default)]
    pub skills: SkillRatings,
    /// Experience facts.
    #[serde(default)]
    pub experience: Experience,
    /// Certifications held.
    #[serde(default)]
    pub held: Held,
    /// The target role.
    #[serde(default)]
    pub role: Option<RoleId>,
    /// Roadmap settings and choices.
    #[serde(default)]
    pub plan: PlanSettings,
}

/// What changed between the bank a session's answers were given to and
/// the current one. The answers to retired questions stay in the session
/// (and in any export); the result is worked out from those that still
/// apply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Changes {
    /// The bank id and version the answers were given to.
    pub from: (String, String),
    /// Answers kept but not counted: their questions are no longer asked
    /// (or the answer does not fit the current question).
    pub retired: Vec<ItemId>,
    /// Current questions without an answer, in questionnaire order.
    pub new_questions: Vec<ItemId>,
}

/// What the person set on the roadmap page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanSettings {
    pub hours_per_week: f64,
    /// `None`: no budget limit.
    pub budget_usd: Option<f64>,
    /// `YYYY-MM-DD`; `None` means today.
    pub start: Option<String>,
    #[serde(default)]
    pub choices: Choices,
}

impl PlanSettings {
    /// The day the roadmap starts: the date set, else `today`.
    pub fn start_or(&self, today: Date) -> Date {
        self.start
            .as_deref()
            .and_then(checked_date)
            .unwrap_or(today)
    }

    /// What the planner needs from these settings, starting on `start`.
    pub fn constraints(&self, start: Date) -> Constraints {
        Constraints {
            hours_per_week: self.hours_per_week,
            budget_usd: self.budget_usd,
            start,
        }
    }
}

impl Default for PlanSettings {
    fn default() -> Self {
        PlanSettings {
            hours_per_week: 5.0,
            budget_usd: None,
            start: None,
            choices: Choices::default(),
        }
    }
}

/// The most hours a week the planner takes (the roadmap page's limit).
pub const MAX_HOURS_PER_WEEK: f64 = 80.0;
/// The fewest hours a week the planner takes; 0 means "not given" (the
/// planner then assumes a few). Less than an hour a week would stretch a
/// roadmap over centuries.
pub const MIN_HOURS_PER_WEEK: f64 = 1.0;
/// The largest budget the planner takes, in US$.
pub const MAX_BUDGET_USD: f64 = 10_000_000.0;
/// The largest experience figure (months, years, head-count, dollars).
pub const MAX_FACT_VALUE: f64 = 1e12;
/// Dates from outside must fall in these years.
pub const FIRST_YEAR: i64 = 1900;
pub const LAST_YEAR: i64 = 2200;

/// A value from outside that Crossroads cannot use: where it is, and what
/// is wrong with it in plain words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct BadValue {
    /// A JSON path inside the session, such as `plan.hours_per_week`.
    pub path: String,
    pub message: String,
}

impl BadValue {
    fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        BadValue {
            path: path.into(),
            message: message.into(),
        }
    }
}

/// A date read from a file or a save: `YYYY-MM-DD` (or an ISO time that
/// starts with one) between [`FIRST_YEAR`] and [`LAST_YEAR`].
pub fn checked_date(text: &str) -> Option<Date> {
    Date::parse(text).filter(|d| (FIRST_YEAR..=LAST_YEAR).contains(&d.ymd().0))
}

/// Whether `x` has at most two decimals (`12.5`, `0.25`, not `1e-30`).
///
/// Numbers people enter — hours, dollars, months, years — need no more,
/// and with at most two decimals (and at most 15 digits) a number reads
/// back from JSON exactly as it was written, so an exported file imports
/// to the same values. (Reading any float exactly would take a parser that
/// costs the first visit 9 KB.)
pub fn has_two_decimals(x: f64) -> bool {
    x.is_finite() && x.abs() < 1e13 && (x * 100.0).round() / 100.0 == x
}

/// `x` rounded to two decimals, as the planner's pages store what is typed.
pub fn two_decimals(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Hours a week as typed on the roadmap page: whole hours, 0–80; 0 means
/// "not given". `None` for what is not a number.
pub fn hours_from_input(hours: f64) -> Option<f64> {
    hours.is_finite().then(|| {
        let h = hours.round().clamp(0.0, MAX_HOURS_PER_WEEK);
        if h < MIN_HOURS_PER_WEEK {
            0.0
        } else {
            h
        }
    })
}

/// A budget as typed on the roadmap page: whole dollars from 0 to
/// [`MAX_BUDGET_USD`]; `None` for no limit (or what is not a number).
pub fn budget_from_input(budget: f64) -> Option<f64> {
    budget
        .is_finite()
        .then(|| budget.round().clamp(0.0, MAX_BUDGET_USD))
}

#[derive(Serialize, Deserialize)]
struct Envelope {
    format: String,
    version: u32,
    session: Session,
}

/// The questionnaire's fields of a save. The assessment page reads and
/// writes only these; everything else is the planner's and is kept as
/// written (see [`Kept`]).
const QUESTIONNAIRE_FIELDS: [&str; 7] = [
    "bank_id",
    "bank_version",
    "answers",
    "position",
    "finished",
    "started",
    "updated",
];
/// Of those, the ones a save must have (the others may be missing).
const REQUIRED_FIELDS: usize = 5;

/// The fields of a save that the assessment page does not read — the
/// planner's: name, notes, skills, experience, certifications, role and
/// roadmap — exactly as written, in their order. Carrying them as text
/// means the assessment page, which a first visit loads, has none of the
/// planner's parsing code, and still writes them back unchanged.
#[derive(Debug, Clone, Default)]
pub struct Kept(Vec<(String, Box<RawValue>)>);

impl Kept {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The names of the kept fields, in order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }
}

impl PartialEq for Kept {
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len()
            && self
                .0
                .iter()
                .zip(&other.0)
                .all(|((a, x), (b, y))| a == b && x.get() == y.get())
    }
}

/// A save as the assessment page reads it.
struct Questionnaire {
    session: Session,
    kept: Kept,
}

impl<'de> Deserialize<'de> for Questionnaire {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Questionnaire;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a saved session")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Questionnaire, A::Error> {
                let mut s = Session::default();
                let mut kept = Vec::new();
                let mut seen = [false; QUESTIONNAIRE_FIELDS.len()];
                while let Some(key) = map.next_key::<String>()? {
                    if let Some(i) = QUESTIONNAIRE_FIELDS.iter().position(|f| *f == key) {
                        if std::mem::replace(&mut seen[i], true) {
                            return Err(A::Error::duplicate_field(QUESTIONNAIRE_FIELDS[i]));
                        }
                    }
                    match key.as_str() {
                        "bank_id" => s.bank_id = map.next_value()?,
                        "bank_version" => s.bank_version = map.next_value()?,
                        "answers" => s.answers = map.next_value()?,
                        "position" => s.position = map.next_value()?,
                        "finished" => s.finished = map.next_value()?,
                        "started" => s.started = map.next_value()?,
                        "updated" => s.updated = map.next_value()?,
                        _ => kept.push((key, map.next_value()?)),
                    }
                }
                if let Some(i) = seen[..REQUIRED_FIELDS].iter().position(|s| !s) {
                    return Err(A::Error::missing_field(QUESTIONNAIRE_FIELDS[i]));
                }
                Ok(Questionnaire {
                    session: s,
                    kept: Kept(kept),
                })
            }
        }
        deserializer.deserialize_map(V)
    }
}

/// The questionnaire's fields of `0`, then the kept ones, in the order a
/// whole session writes them.
struct QuestionnaireRef<'a>(&'a Session, &'a Kept);

impl Serialize for QuestionnaireRef<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (s, kept) = (self.0, self.1);
        let mut map = serializer.serialize_map(Some(QUESTIONNAIRE_FIELDS.len() + kept.0.len()))?;
        let [bank_id, bank_version, answers, position, finished, started, updated] =
            QUESTIONNAIRE_FIELDS;
        map.serialize_entry(bank_id, &s.bank_id)?;
        map.serialize_entry(bank_version, &s.bank_version)?;
        map.serialize_entry(answers, &s.answers)?;
        map.serialize_entry(position, &s.position)?;
        map.serialize_entry(finished, &s.finished)?;
        map.serialize_entry(started, &s.started)?;
        map.serialize_entry(updated, &s.updated)?;
        for (k, v) in &kept.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// Checks a save's format and version before its body is read.
fn check_head(text: &str) -> Result<(), LoadError> {
    #[derive(Deserialize)]
    struct Head {
        format: String,
        version: u32,
    }
    let head: Head = serde_json::from_str(text).map_err(|e| LoadError::Corrupt(e.to_string()))?;
    if head.format != FORMAT {
        return Err(LoadError::Corrupt(format!(
            "it is a \"{}\" document, not a Crossroads save",
            head.format
        )));
    }
    match head.version.cmp(&VERSION) {
        std::cmp::Ordering::Greater => Err(LoadError::Newer(head.version)),
        std::cmp::Ordering::Less => Err(LoadError::Older(head.version)),
        std::cmp::Ordering::Equal => Ok(()),
    }
}

/// Why a save could not be used as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// Not JSON, or not the shape of a save; the parser's words.
    #[error(
        "the saved progress is damaged or was not written by Crossroads, so it could not be read"
    )]
    Corrupt(String),
    /// A save whose shape is right but that holds a value out of range.
    #[error("the saved progress holds a value Crossroads cannot use: {0}")]
    Invalid(BadValue),
    /// Written by a newer Crossroads than this one.
    #[error("the saved progress was written by a newer version of Crossroads (format {0}; this page reads format {VERSION})")]
    Newer(u32),
    /// Written by an older format this build cannot migrate.
    #[error("the saved progress uses an old format ({0}) that this version cannot convert")]
    Older(u32),
}

impl LoadError {
    /// The technical detail behind the plain message, for those who want
    /// it (shown behind a disclosure).
    pub fn detail(&self) -> Option<String> {
        match self {
            LoadError::Corrupt(why) => Some(why.clone()),
            LoadError::Invalid(bad) => Some(format!("at {}", bad.path)),
            LoadError::Newer(_) | LoadError::Older(_) => None,
        }
    }
}

impl Session {
    pub fn new(bank: &Bank, now: &str) -> Self {
        Session {
            bank_id: bank.id.clone(),
            bank_version: bank.version.clone(),
            started: Some(now.to_owned()),
            ..Session::default()
        }
    }

    /// The saved form.
    pub fn encode(&self) -> String {
        serde_json::to_string(&Envelope {
            format: FORMAT.to_owned(),
            version: VERSION,
            session: self.clone(),
        })
        .unwrap_or_default()
    }

    /// Reads a save. The version is checked before the body so that a newer
    /// save is reported as newer, not as corrupt.
    pub fn decode(text: &str) -> Result<Session, LoadError> {
        check_head(text)?;
        let env: Envelope =
            serde_json::from_str(text).map_err(|e| LoadError::Corrupt(e.to_string()))?;
        env.session.check().map_err(LoadError::Invalid)?;
        Ok(env.session)
    }

    /// Reads only the questionnaire's fields of a save, keeping the others
    /// as written (the assessment page). Checks the same envelope as
    /// [`Session::decode`]; the kept fields are checked when the planner
    /// reads them.
    pub fn decode_questionnaire(text: &str) -> Result<(Session, Kept), LoadError> {
        #[derive(Deserialize)]
        struct Body {
            session: Questionnaire,
        }
        check_head(text)?;
        let body: Body =
            serde_json::from_str(text).map_err(|e| LoadError::Corrupt(e.to_string()))?;
        body.session
            .session
            .check_questionnaire()
            .map_err(LoadError::Invalid)?;
        Ok((body.session.session, body.session.kept))
    }

    /// Checks every value that came from outside — answers, dates, skill
    /// ratings, experience, hours, budget — against the ranges the core
    /// works with, so that nothing out of range reaches the scoring or the
    /// planner. The first problem found is returned.
    pub fn check(&self) -> Result<(), BadValue> {
        self.check_questionnaire()?;
        check_date("started", "start time", self.started.as_deref())?;
        check_date(
            "updated",
            "time of the last change",
            self.updated.as_deref(),
        )?;
        check_ratings("skills", "self-rating", &self.skills)?;
        for (id, value) in self.experience.0.iter() {
            if let FactValue::Number(n) = value {
                if !((0.0..=MAX_FACT_VALUE).contains(n) && has_two_decimals(*n)) {
                    return Err(BadValue::new(
                        format!("experience.{id}"),
                        format!(
                            "the experience figure \"{id}\" is {}, which is not a number from 0 up with at most two decimals",
                            super::problems::number(*n)
                        ),
                    ));
                }
            }
        }
        let h = self.plan.hours_per_week;
        if !((h == 0.0 || (MIN_HOURS_PER_WEEK..=MAX_HOURS_PER_WEEK).contains(&h))
            && has_two_decimals(h))
        {
            return Err(BadValue::new(
                "plan.hours_per_week",
                format!(
                    "the hours a week for learning are {}; they must be from {} to {} (or 0 when not given)",
                    super::problems::number(h),
                    super::problems::number(MIN_HOURS_PER_WEEK),
                    super::problems::number(MAX_HOURS_PER_WEEK)
                ),
            ));
        }
        if let Some(b) = self.plan.budget_usd {
            if !((0.0..=MAX_BUDGET_USD).contains(&b) && has_two_decimals(b)) {
                return Err(BadValue::new(
                    "plan.budget_usd",
                    format!(
                        "the budget is {}; it must be from 0 to {} US dollars",
                        super::problems::number(b),
                        super::problems::number(MAX_BUDGET_USD)
                    ),
                ));
            }
        }
        check_date(
            "plan.start",
            "roadmap start date",
            self.plan.start.as_deref(),
        )
    }

    /// [`Session::check`] for the answers only: what the assessment page
    /// reads and scores (its times are only written back; the planner
    /// checks them). Kept small, as the first visit carries it.
    pub fn check_questionnaire(&self) -> Result<(), BadValue> {
        for (id, response) in self.answers.iter() {
            if let Response::Likert(v) = response {
                if !(1..=5).contains(v) {
                    return Err(BadValue::new(
                        format!("answers.{id}"),
                        format!(
                            "the answer to question \"{id}\" is {v}, but answers on the agreement scale go from 1 to 5"
                        ),
                    ));
                }
            }
        }
        Ok(())
    }
}

/// Checks that every rating in `ratings` is a level from 0 to [`MAX_LEVEL`].
pub fn check_ratings(path: &str, what: &str, ratings: &SkillRatings) -> Result<(), BadValue> {
    match ratings.iter().find(|(_, level)| **level > MAX_LEVEL) {
        Some((skill, level)) => Err(BadValue::new(
            format!("{path}.{skill}"),
            format!(
                "the {what} of the skill \"{skill}\" is {level}, but skill levels go from 0 to {MAX_LEVEL}"
            ),
        )),
        None => Ok(()),
    }
}

fn check_date(path: &str, what: &str, text: Option<&str>) -> Result<(), BadValue> {
    match text {
        Some(t) if checked_date(t).is_none() => Err(BadValue::new(
            path,
            format!(
                "the {what} \"{}\" is not a date from {FIRST_YEAR} to {LAST_YEAR}",
                t.chars().take(40).collect::<String>()
            ),
        )),
        _ => Ok(()),
    }
}

impl Session {
    /// The saved form of the questionnaire's fields with `kept` after them:
    /// what [`Session::encode`] writes when `kept` holds the rest.
    pub fn encode_questionnaire(&self, kept: &Kept) -> String {
        #[derive(Serialize)]
        struct Body<'a> {
            format: &'a str,
            version: u32,
            session: QuestionnaireRef<'a>,
        }
        serde_json::to_string(&Body {
            format: FORMAT,
            version: VERSION,
            session: QuestionnaireRef(self, kept),
        })
        .unwrap_or_default()
    }

    /// How these answers fit `bank` when it is not the bank they were given
    /// to (another id or version): `None` when it is the same bank.
    pub fn changes(&self, bank: &Bank) -> Option<Changes> {
        if self.bank_id == bank.id && self.bank_version == bank.version {
            return None;
        }
        let retired = self.unmatched(bank);
        let new_questions = bank
            .items
            .iter()
            .filter(|i| !self.answers.contains_key(i.id()))
            .map(|i| i.id().clone())
            .collect();
        Some(Changes {
            from: (self.bank_id.clone(), self.bank_version.clone()),
            retired,
            new_questions,
        })
    }

    /// Makes answers given to another version of `bank` ready to carry on
    /// with: when new questions are unanswered, the questionnaire resumes
    /// at the first of them and the result is provisional again; once every
    /// current question has an answer, the session takes on the current
    /// version. Answers to retired questions are kept either way.
    pub fn adopt(&mut self, bank: &Bank) {
        let Some(changes) = self.changes(bank) else {
            return;
        };
        match changes
            .new_questions
            .first()
            .and_then(|id| bank.items.iter().position(|i| i.id() == id))
        {
            Some(i) => {
                if self.finished {
                    self.position = i;
                    self.finished = false;
                }
            }
            None => {
                self.bank_id = bank.id.clone();
                self.bank_version = bank.version.clone();
            }
        }
    }

    /// Answers that do not fit `bank` — unknown items or values out of range.
    /// They are kept in the session (a later bank may know them) but not
    /// scored.
    pub fn unmatched(&self, bank: &Bank) -> Vec<ItemId> {
        self.answers
            .iter()
            .filter(|(id, r)| match (bank.item(id), r) {
                (Some(super::bank::Item::Likert(_)), Response::Likert(v)) => !(1..=5).contains(v),
                (Some(super::bank::Item::Scenario(s)), Response::Choice(c)) => {
                    s.option(c).is_none()
                }
                _ => true,
            })
            .map(|(id, _)| id.clone())
            .collect()
    }

    /// Answers to questions `bank` does not have (a retired question, or
    /// one from another bank).
    pub fn unknown_questions(&self, bank: &Bank) -> Vec<ItemId> {
        self.answers
            .keys()
            .filter(|id| bank.item(id).is_none())
            .cloned()
            .collect()
    }

    /// Answers to questions `bank` has, but that it cannot score: an option
    /// the question no longer offers, or an answer of the wrong kind.
    pub fn unknown_options(&self, bank: &Bank) -> Vec<ItemId> {
        let questions = self.unknown_questions(bank);
        self.unmatched(bank)
            .into_iter()
            .filter(|id| !questions.contains(id))
            .collect()
    }

    /// Where to resume: the saved position, clamped to the bank.
    pub fn resume_at(&self, bank: &Bank) -> usize {
        self.position.min(bank.items.len().saturating_sub(1))
    }
}
