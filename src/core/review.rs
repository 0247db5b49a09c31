//! A mentor's review of a mentee: the mentor rates the same skills on the
//! same behaviour-anchored levels; the two ratings side by side show blind
//! spots (the mentor sees less) and hidden strengths (the mentor sees more),
//! and discussion prompts are drawn from content data for the meeting.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::career::catalog::{Catalog, PromptWhen, Role, SkillId};
use super::career::person::{SkillRatings, MAX_LEVEL};
use super::score::Band;

/// A difference of this many levels or more is called out.
pub const NOTABLE: i16 = 2;

/// What a mentor adds to a mentee's result.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MentorReview {
    #[serde(default)]
    pub mentor_name: Option<String>,
    /// The mentor's ratings, 0–4, on the mentee's skills.
    #[serde(default)]
    pub ratings: SkillRatings,
    /// A note per skill.
    #[serde(default)]
    pub skill_notes: BTreeMap<SkillId, String>,
    /// The overall note.
    #[serde(default)]
    pub overall: String,
}

/// How the two ratings of a skill relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Agreement {
    /// Within one level of each other.
    Close,
    /// The mentor rates the skill lower by [`NOTABLE`] or more.
    BlindSpot,
    /// The mentor rates the skill higher by [`NOTABLE`] or more.
    HiddenStrength,
    /// One of the two has not rated it.
    Unrated,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RatingRow {
    pub skill: SkillId,
    pub own: Option<u8>,
    pub mentor: Option<u8>,
    pub agreement: Agreement,
}

/// Self-rating and mentor rating for every skill, in catalog order.
pub fn side_by_side(cat: &Catalog, own: &SkillRatings, mentor: &SkillRatings) -> Vec<RatingRow> {
    cat.skills
        .iter()
        .map(|s| {
            // A rating outside 0–4 (files are checked on import; this is
            // the last guard) counts as no rating.
            let level = |r: &SkillRatings| r.get(&s.id).copied().filter(|l| *l <= MAX_LEVEL);
            let (o, m) = (level(own), level(mentor));
            let agreement = match (o, m) {
                (Some(o), Some(m)) => {
                    let d = i16::from(m) - i16::from(o);
                    if d <= -NOTABLE {
                        Agreement::BlindSpot
                    } else if d >= NOTABLE {
                        Agreement::HiddenStrength
                    } else {
                        Agreement::Close
                    }
                }
                _ => Agreement::Unrated,
            };
            RatingRow {
                skill: s.id.clone(),
                own: o,
                mentor: m,
                agreement,
            }
        })
        .collect()
}

/// Discussion prompts for the meeting, from `prompts.json`: the largest
/// gaps to the role, each blind spot and hidden strength, and the track
/// decision. Placeholders `{skill}` and `{role}` are filled in.
pub fn discussion_prompts(
    cat: &Catalog,
    rows: &[RatingRow],
    role: Option<&Role>,
    largest_gaps: &[SkillId],
    band: Band,
) -> Vec<String> {
    let pick = |when: PromptWhen, n: usize| -> Option<&str> {
        let list: Vec<&str> = cat
            .prompts
            .iter()
            .filter(|p| p.when == when)
            .map(|p| p.text.as_str())
            .collect();
        (!list.is_empty()).then(|| list[n % list.len()])
    };
    let fill = |text: &str, skill: Option<&SkillId>| -> String {
        let skill_name = skill
            .and_then(|s| cat.skill(s))
            .map(|s| s.name.as_str())
            .unwrap_or("this skill");
        let role_name = role
            .map(|r| r.name.as_str())
            .unwrap_or("the role you are aiming for");
        text.replace("{skill}", skill_name)
            .replace("{role}", role_name)
    };
    let mut out = Vec::new();
    let mut n = 0;
    for r in rows.iter().filter(|r| r.agreement == Agreement::BlindSpot) {
        if let Some(t) = pick(PromptWhen::BlindSpot, n) {
            out.push(fill(t, Some(&r.skill)));
        }
        n += 1;
    }
    for r in rows
        .iter()
        .filter(|r| r.agreement == Agreement::HiddenStrength)
    {
        if let Some(t) = pick(PromptWhen::HiddenStrength, n) {
            out.push(fill(t, Some(&r.skill)));
        }
        n += 1;
    }
    for s in largest_gaps.iter().take(3) {
        if let Some(t) = pick(PromptWhen::LargestGap, n) {
            out.push(fill(t, Some(s)));
        }
        n += 1;
    }
    let when = if band == Band::Hybrid {
        PromptWhen::Hybrid
    } else {
        PromptWhen::TrackDecision
    };
    if let Some(t) = pick(when, 0) {
        out.push(fill(t, None));
    }
    if let Some(t) = pick(PromptWhen::General, 0) {
        out.push(fill(t, None));
    }
    out
}
