//! Share links: a person's answers packed into the URL fragment (after `#`,
//! which browsers never send to a server), short enough to paste in a chat.
//!
//! Layout: `#/r?v=1&b=<bank version>&a=<answers>&n=<name>&c=<check>`.
//! Each answer is one character in bank order: `1`–`5` for a statement,
//! `a`, `b`, … for a scenario option, `-` for skipped (trailing skips are
//! dropped). The check is a hash of everything before it and comes last, so
//! a link cut short while copying is recognised as incomplete rather than
//! read as a different result.

use super::bank::{Bank, Item, ItemId, OptionId};
use super::career::catalog::{Catalog, RoleId, SkillId};
use super::score::{Answers, Response};
use super::session::Session;
use crate::core::map::sort_by;

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
    // The answers are written in this bank's order, so the link names this
    // bank's version (an old session's own version would make the reader
    // use the old order). Answers to retired questions cannot travel.
    let mut body = format!(
        "v={VERSION}&b={}&a={answers}",
        percent_encode(&bank.version)
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
    // A link holds answers in the order of the bank it was made with: the
    // current bank's, or an earlier version's recorded in the bank.
    let slots: Vec<(ItemId, Option<Vec<OptionId>>)> =
        match bank.earlier.iter().find(|l| {
            bank_version.as_deref() == Some(l.version.as_str()) && l.version != bank.version
        }) {
            Some(layout) => layout
                .items
                .iter()
                .map(|i| {
                    (
                        i.id.clone(),
                        (!i.options.is_empty()).then(|| i.options.clone()),
                    )
                })
                .collect(),
            None => bank
                .items
                .iter()
                .map(|item| match item {
                    Item::Likert(l) => (l.id.clone(), None),
                    Item::Scenario(s) => (
                        s.id.clone(),
                        Some(s.options.iter().map(|o| o.id.clone()).collect()),
                    ),
                })
                .collect(),
        };
    if answer_text.chars().count() > slots.len() {
        return Err(ShareError::Malformed(
            "it has more answers than this questionnaire has questions".into(),
        ));
    }
    let mut answers = Answers::new();
    for ((id, options), ch) in slots.iter().zip(answer_text.chars()) {
        let response = match (options, ch) {
            (_, '-') => continue,
            (None, '1'..='5') => Response::Likert(ch as u8 - b'0'),
            (Some(options), 'a'..='z') => {
                let option = options.get(usize::from(ch as u8 - b'a')).ok_or_else(|| {
                    ShareError::Malformed(format!("question {id} has no option {ch}"))
                })?;
                Response::Choice(option.clone())
            }
            _ => {
                return Err(ShareError::Malformed(format!(
                    "\"{ch}\" is not an answer to question {id}"
                )))
            }
        };
        answers.insert(id.clone(), response);
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

/// The layout of the `k` field (skill ratings), versioned on its own so
/// that links keep `v=1` and older readers still open them (they ignore
/// fields they do not know).
pub const SKILLS_LAYOUT: u32 = 1;

/// What a link carried beyond the answers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extras {
    /// The skill self-ratings came with the link.
    pub skills: bool,
    /// The target role came with the link.
    pub role: bool,
    /// Why something the link carried could not be used here.
    pub problem: Option<String>,
}

/// Skill ids in the order the `k` field lists them: sorted, so that a
/// program reordering its skills file does not change links.
fn skill_order(cat: &Catalog) -> Vec<&SkillId> {
    let mut ids: Vec<&SkillId> = cat.skills.iter().map(|s| &s.id).collect();
    sort_by(&mut ids, |a, b| a.cmp(b));
    ids
}

/// A short fingerprint of the skill list, so that ratings are never read
/// against a different list of skills.
fn skills_fingerprint(ids: &[&SkillId]) -> String {
    let joined: Vec<&str> = ids.iter().map(|s| s.as_str()).collect();
    check(&joined.join(","))[2..].to_owned()
}

/// [`encode`], plus the skill ratings (`k=<layout>.<fingerprint>.<one digit
/// per skill, '-' unrated>`) and the target role (`t=<role id>`), all under
/// the same check.
pub fn encode_full(
    bank: &Bank,
    cat: &Catalog,
    session: &Session,
    display_name: Option<&str>,
) -> String {
    let link = encode(bank, session, display_name);
    let body = link
        .strip_prefix(PREFIX)
        .and_then(|b| b.rsplit_once("&c="))
        .map(|(b, _)| b.to_owned())
        .unwrap_or_default();
    let mut body = body;
    let ids = skill_order(cat);
    let mut digits: String = ids
        .iter()
        .map(|id| match session.skills.get(*id) {
            Some(l @ 0..=4) => char::from(b'0' + l),
            _ => '-',
        })
        .collect();
    while digits.ends_with('-') {
        digits.pop();
    }
    if !digits.is_empty() {
        body.push_str(&format!(
            "&k={SKILLS_LAYOUT}.{}.{digits}",
            skills_fingerprint(&ids)
        ));
    }
    if let Some(role) = session.role.as_ref().filter(|r| cat.role(r).is_some()) {
        body.push_str("&t=");
        body.push_str(&percent_encode(role.as_str()));
    }
    format!("{PREFIX}{body}&c={}", check(&body))
}

/// [`decode`], plus the skill ratings and target role of a link made by
/// [`encode_full`]; an older link opens with answers only, and [`Extras`]
/// says what it lacked.
pub fn decode_full(
    bank: &Bank,
    cat: &Catalog,
    fragment: &str,
) -> Result<(Shared, Extras), ShareError> {
    let mut shared = decode(bank, fragment)?;
    let mut extras = Extras::default();
    // `decode` has checked the whole body, so these fields are as made.
    let body = fragment
        .strip_prefix(PREFIX)
        .and_then(|b| b.rsplit_once("&c="))
        .map(|(b, _)| b)
        .unwrap_or_default();
    for pair in body.split('&') {
        let Some((k, v)) = pair.split_once('=') else {
            continue;
        };
        match k {
            "k" => {
                let mut parts = v.splitn(3, '.');
                let (layout, print, digits) = (parts.next(), parts.next(), parts.next());
                if layout.and_then(|l| l.parse::<u32>().ok()) != Some(SKILLS_LAYOUT) {
                    extras.problem = Some(
                        "its skill ratings were written by a newer Crossroads and are not shown"
                            .into(),
                    );
                    continue;
                }
                let ids = skill_order(cat);
                if print != Some(skills_fingerprint(&ids).as_str()) {
                    extras.problem = Some(
                        "its skill ratings were made for a different list of skills and are not shown"
                            .into(),
                    );
                    continue;
                }
                let digits = digits.unwrap_or_default();
                if digits.chars().count() > ids.len() {
                    return Err(ShareError::Malformed(
                        "it has more skill ratings than skills".into(),
                    ));
                }
                for (id, ch) in ids.iter().zip(digits.chars()) {
                    match ch {
                        '-' => {}
                        '0'..='4' => {
                            shared.session.skills.insert((*id).clone(), ch as u8 - b'0');
                        }
                        _ => {
                            return Err(ShareError::Malformed(format!(
                                "\"{ch}\" is not a skill level"
                            )))
                        }
                    }
                }
                extras.skills = !shared.session.skills.is_empty();
            }
            "t" => {
                let id = RoleId(percent_decode(v)?);
                if cat.role(&id).is_some() {
                    shared.session.role = Some(id);
                    extras.role = true;
                } else {
                    extras.problem = Some(format!(
                        "its target role ({}) is not one of this site's roles",
                        id.as_str()
                    ));
                }
            }
            _ => {}
        }
    }
    Ok((shared, extras))
}
