//! The result file: one JSON document holding a person's work — the
//! answers themselves (so a result can be re-scored when the bank improves),
//! and everything else they entered — for export, import, mentors and
//! cohorts. Import is strict and explains every way a file can be unusable.

use serde::{Deserialize, Serialize};

use super::anon::RespondentId;
use super::bank::{Bank, ItemId};
use super::review::MentorReview;
use super::session::{check_ratings, BadValue, Session};

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
    /// of an import is byte-for-byte the original export. A file that would
    /// be larger than [`MAX_BYTES`] pretty is written compact instead, so
    /// that whatever was imported can be exported and imported again.
    pub fn to_json(&self) -> String {
        match serde_json::to_string_pretty(self) {
            Ok(text) if text.len() <= MAX_BYTES => text,
            _ => serde_json::to_string(self).unwrap_or_default(),
        }
    }

    /// Checks every value from outside: the session's, and the mentor's
    /// ratings (0–4).
    pub fn check(&self) -> Result<(), BadValue> {
        self.session.check().map_err(|b| BadValue {
            path: format!("session.{}", b.path),
            ..b
        })?;
        if let Some(review) = &self.review {
            check_ratings("review.ratings", "mentor's rating", &review.ratings)?;
        }
        Ok(())
    }

    /// A name for the person in lists: the display name, or a fallback.
    pub fn label(&self, fallback: &str) -> String {
        match &self.session.display_name {
            Some(n) if !n.trim().is_empty() => n.trim().to_owned(),
            _ => fallback.to_owned(),
        }
    }
}

/// Why a file could not be imported. The message (`Display`) is in words a
/// mentor can act on; [`ImportError::detail`] holds the technical detail for
/// whoever wants to dig further.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error(
        "the file is {} KB; a Crossroads result is far smaller (the limit is {} KB), so this is probably not one",
        .bytes / 1024,
        MAX_BYTES / 1024
    )]
    TooLarge { bytes: usize },
    /// Not text at all: a picture, a PDF, a spreadsheet.
    #[error("this is not a Crossroads result: it is not a text file at all (perhaps a picture, a PDF or a spreadsheet). A result file is the .json file Crossroads downloads")]
    NotText,
    /// Text, but not JSON; the parser's words.
    #[error("this is not a Crossroads result, or it has been cut short or damaged: it is not in the form Crossroads writes. Ask for the file again, exactly as Crossroads downloaded it")]
    NotJson(String),
    #[error("this is not a Crossroads result: it holds data of another kind. A result file is the .json file Crossroads downloads")]
    NotCrossroads,
    #[error("the file was made by a newer version of Crossroads (result format {version}; this page reads up to {VERSION}). Open it with the newer version, or ask for the site to be updated")]
    Newer { version: u32 },
    /// A Crossroads result with a part that cannot be read: where, and the
    /// parser's words.
    #[error("the file is a Crossroads result, but it has been damaged or edited by hand, and part of it cannot be read. Ask for the file again, exactly as Crossroads downloaded it")]
    Damaged { path: String, why: String },
    /// A Crossroads result holding a value out of range.
    #[error("the file is a Crossroads result, but it has been damaged or edited by hand: {0}")]
    BadValue(BadValue),
}

impl ImportError {
    /// The technical detail behind the message, if there is more to say.
    pub fn detail(&self) -> Option<String> {
        match self {
            ImportError::NotJson(why) => Some(why.clone()),
            ImportError::Damaged { path, why } => Some(format!("at {path}: {why}")),
            ImportError::BadValue(bad) => Some(format!("at {}", bad.path)),
            ImportError::TooLarge { .. }
            | ImportError::NotText
            | ImportError::NotCrossroads
            | ImportError::Newer { .. } => None,
        }
    }
}

/// Whether `text` is what a browser makes of a binary file: NUL bytes,
/// replacement characters for bytes that are not UTF-8, control codes.
fn looks_binary(text: &str) -> bool {
    text.chars()
        .take(4096)
        .any(|c| c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t')))
}

/// A file's bytes as text, as a browser's `File.text()` decodes them:
/// UTF-8 without a leading byte-order mark, every invalid byte replaced by
/// U+FFFD (which [`import`] then recognises as not text). Borrowed when the
/// bytes are valid: the cohort page reads files as bytes into one buffer,
/// which spares the browser a conversion to its own strings and back.
pub fn decode_text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes))
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
    let file = read_result(text)?;
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

/// [`import`] without what only a page showing one file needs (the answers
/// the bank does not know, another bank's name): every check, so it refuses
/// exactly the files `import` refuses, with the same reasons. A cohort
/// reads files by the million through it.
pub fn read_result(text: &str) -> Result<ResultFile, ImportError> {
    if text.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    // A file as the app writes it is read in one pass. Only when that
    // fails is its head read on its own, to tell a file of another kind, or
    // of a newer version, from a damaged one: the same answer either way,
    // without a second scan of every file that is fine.
    let file: ResultFile = match super::problems::parse_json("result", text) {
        Ok(file) => file,
        Err(problem) => {
            classify_head(text)?;
            return Err(ImportError::Damaged {
                path: problem.path,
                why: problem.message,
            });
        }
    };
    if file.format != FORMAT {
        return Err(ImportError::NotCrossroads);
    }
    if file.version > VERSION {
        return Err(ImportError::Newer {
            version: file.version,
        });
    }
    file.check().map_err(ImportError::BadValue)?;
    // What is imported can always be exported and imported again. The
    // compact form is counted, not kept, and only for a text that could
    // write out larger than the limit.
    if text.len() > GROWS_PAST_LIMIT {
        let mut compact = Counter(0);
        let _ = serde_json::to_writer(&mut compact, &file);
        if compact.0 > MAX_BYTES {
            return Err(ImportError::TooLarge { bytes: compact.0 });
        }
    }
    Ok(file)
}

/// The longest text whose compact form cannot exceed [`MAX_BYTES`]. A file
/// read and written out compact grows only where a number is written out
/// in full, at most four times its text (`1e9` becomes `1000000000.0`; the
/// checks refuse figures above 10¹², and `1e12` becomes 15 characters),
/// and where a field left out is written with its default (under 1 KB in
/// all); strings are written as short as they can be read, and whitespace
/// goes. Counting every file's compact form took an eighth of a cohort's
/// time per file (files are a few kilobytes; a cohort reads millions).
/// `tests/result_file.rs` writes out files built to grow the most.
pub const GROWS_PAST_LIMIT: usize = (MAX_BYTES - 1024) / 4;

/// Why a text that is not a readable result file cannot be one, judged by
/// its head alone (`format` and `version`): not text, not JSON, another
/// kind of file, a newer version, or no version. `Ok` when the head is a
/// Crossroads result's that this version reads, so the fault is further in.
fn classify_head(text: &str) -> Result<(), ImportError> {
    // Any JSON value for `format`, read into the content's tree (the pages
    // then carry one tree parser, not serde_json's `Value` as well).
    #[derive(Deserialize)]
    struct Head<'a> {
        #[serde(borrow)]
        format: Option<super::json::Json<'a>>,
        version: Option<u32>,
    }
    let head: Head = match serde_json::from_str(text) {
        Ok(h) => h,
        Err(e) if e.is_data() => return Err(ImportError::NotCrossroads),
        Err(_) if looks_binary(text) => return Err(ImportError::NotText),
        Err(e) => return Err(ImportError::NotJson(e.to_string())),
    };
    if head.format.as_ref().and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(ImportError::NotCrossroads);
    }
    match head.version {
        Some(v) if v > VERSION => Err(ImportError::Newer { version: v }),
        Some(_) => Ok(()),
        None => Err(ImportError::Damaged {
            path: "version".into(),
            why: "missing field `version`".into(),
        }),
    }
}

/// A writer that only counts the bytes written to it.
struct Counter(usize);

impl std::io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Why the stored list of opened results cannot be read. The message is the
/// technical detail the planner keeps behind a disclosure.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ListError {
    /// Not a list of results in the form Crossroads writes; the parser's words.
    #[error("{0}")]
    NotAList(String),
    /// Entry `index` holds a value out of range.
    #[error("at [{index}].{}: {}", .bad.path, .bad.message)]
    BadEntry { index: usize, bad: BadValue },
}

/// Reads the stored list of results opened in the planner: every entry
/// is checked as an imported file is.
pub fn decode_list(text: &str) -> Result<Vec<ResultFile>, ListError> {
    let list: Vec<ResultFile> =
        serde_json::from_str(text).map_err(|e| ListError::NotAList(e.to_string()))?;
    for (index, file) in list.iter().enumerate() {
        file.check()
            .map_err(|bad| ListError::BadEntry { index, bad })?;
    }
    Ok(list)
}
