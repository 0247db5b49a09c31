//! The result file: one JSON document holding a person's work — the
//! answers themselves (so a result can be re-scored when the bank improves),
//! and everything else they entered — for export, import, mentors and
//! cohorts. Import is strict and explains every way a file can be unusable.

use serde::{Deserialize, Serialize};

use super::anon::RespondentId;
use super::bank::{Bank, ItemId};
use super::review::MentorReview;
use super::session::Session;

/// The name in every result file.
pub const FORMAT: &str = "crossroads-result";
/// The result-file version this build writes and reads.
pub const VERSION: u32 = 1;
/// Larger files are refused before parsing.
pub const MAX_BYTES: usize = 1024 * 1024;

/// A person's exported work.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultFile {
    pub format: String,
    pub version: u32,
    /// The person's anonymous id (see [`super::anon`]), which pairs their
    /// attempts in a cohort; files made before it existed have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub respondent: Option<RespondentId>,
    /// Everything they entered — answers, name, notes — with the bank id
    /// and version it was for.
    pub session: Session,
    /// A mentor's review, when a mentor has added one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<MentorReview>,
}

impl ResultFile {
    pub fn new(session: Session) -> Self {
        ResultFile {
            format: FORMAT.to_owned(),
            version: VERSION,
            respondent: None,
            session,
            review: None,
        }
    }

    /// The same file carrying the person's anonymous id.
    pub fn with_respondent(mut self, id: Option<RespondentId>) -> Self {
        self.respondent = id;
        self
    }

    /// The file's text: pretty JSON with a stable field order, so an export
    /// of an import is byte-for-byte the original export.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// A name for the person in lists: the display name, or a fallback.
    pub fn label(&self, fallback: &str) -> String {
        match &self.session.display_name {
            Some(n) if !n.trim().is_empty() => n.trim().to_owned(),
            _ => fallback.to_owned(),
        }
    }
}

/// Why a file could not be imported, in words a person can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge { bytes: usize },
    NotJson(String),
    NotCrossroads,
    Newer { version: u32 },
    Invalid(String),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "the file is {} KB; a Crossroads result is far smaller (the limit is {} KB), so this is probably not one",
                bytes / 1024,
                MAX_BYTES / 1024
            ),
            ImportError::NotJson(why) => write!(f, "the file is not JSON ({why})"),
            ImportError::NotCrossroads => write!(
                f,
                "the file is JSON but not a Crossroads result (it has no \"format\": \"{FORMAT}\")"
            ),
            ImportError::Newer { version } => write!(
                f,
                "the file was made by a newer version of Crossroads (result format {version}; this page reads up to {VERSION}). Open it with the newer version, or ask for the site to be updated"
            ),
            ImportError::Invalid(why) => write!(f, "the file looks like a Crossroads result but is damaged: {why}"),
        }
    }
}

/// An imported file, with what the page should tell the reader about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub file: ResultFile,
    /// Answers to questions the current bank does not have: kept in the
    /// file (and in any re-export) but not scored.
    pub unknown_answers: Vec<ItemId>,
    /// Set when the file was made with another bank or bank version; it is
    /// scored with the current bank.
    pub other_bank: Option<(String, String)>,
}

/// Reads a result file against the current bank.
pub fn import(text: &str, bank: &Bank) -> Result<Imported, ImportError> {
    if text.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    #[derive(Deserialize)]
    struct Head {
        format: Option<serde_json::Value>,
        version: Option<u32>,
    }
    let head: Head = match serde_json::from_str(text) {
        Ok(h) => h,
        Err(e) if e.is_data() => return Err(ImportError::NotCrossroads),
        Err(e) => return Err(ImportError::NotJson(e.to_string())),
    };
    if head.format.as_ref().and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(ImportError::NotCrossroads);
    }
    match head.version {
        Some(v) if v > VERSION => return Err(ImportError::Newer { version: v }),
        Some(_) => {}
        None => return Err(ImportError::Invalid("it has no version".into())),
    }
    let file: ResultFile = super::problems::parse_json("result", text)
        .map_err(|p| ImportError::Invalid(format!("at {}: {}", p.path, p.message)))?;
    let unknown_answers = file.session.unmatched(bank);
    let other_bank = (file.session.bank_id != bank.id || file.session.bank_version != bank.version)
        .then(|| {
            (
                file.session.bank_id.clone(),
                file.session.bank_version.clone(),
            )
        });
    Ok(Imported {
        file,
        unknown_answers,
        other_bank,
    })
}
