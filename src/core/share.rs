//! Share links: a person's answers packed into the URL fragment (after `#`,
//! which browsers never send to a server), short enough to paste in a chat.
//!
//! Layout: `#/r?v=1&b=<bank version>&a=<answers>&n=<name>&c=<check>`.
//! Each answer is one character in bank order: `1`–`5` for a statement,
//! `a`, `b`, … for a scenario option, `-` for skipped (trailing skips are
//! dropped). The check is a hash of everything before it and comes last, so
//! a link cut short while copying is recognised as incomplete rather than
//! read as a different result.

use super::bank::{Bank, Item, OptionId};
use super::score::{Answers, Response};
use super::session::Session;

/// The route prefix of a share link.
pub const PREFIX: &str = "#/r?";
/// The share-link layout version.
pub const VERSION: u32 = 1;

/// What a share link carries.
#[derive(Debug, Clone, PartialEq)]
pub struct Shared {
    pub session: Session,
    pub display_name: Option<String>,
}

/// Why a link could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShareError {
    /// Cut short (the check is missing or does not match).
    #[error("this link is incomplete — it was probably cut off when it was copied. Ask for the whole link, or for the result file instead")]
    Incomplete,
    /// Made by a newer Crossroads.
    #[error(
        "this link was made by a newer version of Crossroads (link format {0}); open it there"
    )]
    Newer(u32),
    /// Not a result link, or damaged; the reason, for the detail.
    #[error("this is not a whole Crossroads result link: it may have been changed or cut while copying. Ask for the link again, or for the result file instead")]
    Malformed(String),
}

impl ShareError {
    /// The technical detail behind the message, if there is more to say.
    pub fn detail(&self) -> Option<String> {
        match self {
            ShareError::Malformed(why) => Some(why.clone()),
            ShareError::Incomplete | ShareError::Newer(_) => None,
        }
    }
}

/// The fragment (starting with `#`) for `session`.
pub fn encode(bank: &Bank, session: &Session, display_name: Option<&str>) -> String {
    let mut answers: String = bank
        .items
        .iter()
        .map(|item| match (item, session.answers.get(item.id())) {
            (Item::Likert(_), Some(Response::Likert(v @ 1..=5))) => char::from(b'0' + v),
            (Item::Scenario(s), Some(Response::Choice(c))) => s
                .options
                .iter()
                .position(|o| &o.id == c)
                .filter(|i| *i < 26)
                .map(|i| char::from(b'a' + i as u8))
                .unwrap_or('-'),
            _ => '-',
        })
        .collect();
    while answers.ends_with('-') {
        answers.pop();
    }
    let mut body = format!(
        "v={VERSION}&b={}&a={answers}",
        percent_encode(&session.bank_version)
    );
    if session.finished {
        body.push_str("&f=1");
    }
    if let Some(name) = display_name.filter(|n| !n.trim().is_empty()) {
        body.push_str("&n=");
        body.push_str(&percent_encode(name.trim()));
    }
    format!("{PREFIX}{body}&c={}", check(&body))
}

/// Reads a fragment made by [`encode`].
pub fn decode(bank: &Bank, fragment: &str) -> Result<Shared, ShareError> {
    let body = fragment
        .strip_prefix(PREFIX)
        .ok_or_else(|| ShareError::Malformed("it does not start with #/r?".into()))?;
    let (body, sum) = match body.rsplit_once("&c=") {
        Some(parts) => parts,
        None => return Err(ShareError::Incomplete),
    };
    if check(body) != sum {
        return Err(ShareError::Incomplete);
    }
    let mut version = None;
    let mut bank_version = None;
    let mut answer_text = None;
    let mut name = None;
    let mut finished = false;
    for pair in body.split('&') {
        let (k, v) = pair
            .split_once('=')
            .ok_or_else(|| ShareError::Malformed(format!("\"{pair}\" has no value")))?;
        match k {
            "v" => version = v.parse::<u32>().ok(),
            "b" => bank_version = Some(percent_decode(v)?),
            "a" => answer_text = Some(v),
            "n" => name = Some(percent_decode(v)?),
            "f" => finished = v == "1",
            // Fields from newer links are ignored by design.
            _ => {}
        }
    }
    let version = version.ok_or_else(|| ShareError::Malformed("no version".into()))?;
    if version > VERSION {
        return Err(ShareError::Newer(version));
    }
    let answer_text = answer_text.ok_or_else(|| ShareError::Malformed("no answers".into()))?;
    if answer_text.chars().count() > bank.items.len() {
        return Err(ShareError::Malformed(
            "it has more answers than this questionnaire has questions".into(),
        ));
    }
    let mut answers = Answers::new();
    for (item, ch) in bank.items.iter().zip(answer_text.chars()) {
        let response = match (item, ch) {
            (_, '-') => continue,
            (Item::Likert(_), '1'..='5') => Response::Likert(ch as u8 - b'0'),
            (Item::Scenario(s), 'a'..='z') => {
                let option = s.options.get(usize::from(ch as u8 - b'a')).ok_or_else(|| {
                    ShareError::Malformed(format!("question {} has no option {ch}", item.id()))
                })?;
                Response::Choice(OptionId(option.id.0.clone()))
            }
            _ => {
                return Err(ShareError::Malformed(format!(
                    "\"{ch}\" is not an answer to question {}",
                    item.id()
                )))
            }
        };
        answers.insert(item.id().clone(), response);
    }
    let session = Session {
        bank_id: bank.id.clone(),
        bank_version: bank_version.unwrap_or_else(|| bank.version.clone()),
        answers,
        position: 0,
        finished,
        started: None,
        updated: None,
        ..Session::default()
    };
    Ok(Shared {
        session,
        display_name: name.filter(|n| !n.is_empty()),
    })
}

/// FNV-1a, shortened: enough to notice a cut or mistyped link.
pub fn check(text: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in text.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{:06x}", h & 0xff_ffff)
}

fn percent_encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn percent_decode(text: &str) -> Result<String, ShareError> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or_else(|| ShareError::Malformed("a broken %-escape".into()))?;
            out.push(hex);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| ShareError::Malformed("text that is not UTF-8".into()))
}
