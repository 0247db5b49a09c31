//! The person's work in progress and how it is saved: a versioned envelope,
//! decoded strictly, so that a corrupt or foreign save is recognised and kept
//! aside rather than silently overwritten.

use serde::{Deserialize, Serialize};

use super::bank::{Bank, ItemId};
use super::career::catalog::RoleId;
use super::career::person::{Experience, Held, SkillRatings};
use super::career::plan::Choices;
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

#[derive(Serialize, Deserialize)]
struct Envelope {
    format: String,
    version: u32,
    session: Session,
}

/// Why a save could not be used as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON, or not the shape of a save.
    Corrupt(String),
    /// Written by a newer Crossroads than this one.
    Newer(u32),
    /// Written by an older format this build cannot migrate.
    Older(u32),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Corrupt(why) => write!(f, "the saved progress could not be read ({why})"),
            LoadError::Newer(v) => write!(
                f,
                "the saved progress was written by a newer version of Crossroads (format {v}; this page reads format {VERSION})"
            ),
            LoadError::Older(v) => write!(
                f,
                "the saved progress uses an old format ({v}) that this version cannot convert"
            ),
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
        #[derive(Deserialize)]
        struct Head {
            format: String,
            version: u32,
        }
        let head: Head =
            serde_json::from_str(text).map_err(|e| LoadError::Corrupt(e.to_string()))?;
        if head.format != FORMAT {
            return Err(LoadError::Corrupt(format!(
                "it is a \"{}\" document, not a Crossroads save",
                head.format
            )));
        }
        match head.version.cmp(&VERSION) {
            std::cmp::Ordering::Greater => return Err(LoadError::Newer(head.version)),
            std::cmp::Ordering::Less => return Err(LoadError::Older(head.version)),
            std::cmp::Ordering::Equal => {}
        }
        let env: Envelope =
            serde_json::from_str(text).map_err(|e| LoadError::Corrupt(e.to_string()))?;
        Ok(env.session)
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

    /// Where to resume: the saved position, clamped to the bank.
    pub fn resume_at(&self, bank: &Bank) -> usize {
        self.position.min(bank.items.len().saturating_sub(1))
    }
}
