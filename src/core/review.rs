//! A mentor's review of a mentee: the mentor rates the same skills on the
//! same behaviour-anchored levels; the two ratings side by side show blind
//! spots (the mentor sees less) and hidden strengths (the mentor sees more),
//! and discussion prompts are drawn from content data for the meeting.

use serde::{Deserialize, Serialize};

use super::bank::DimensionId;
use super::career::catalog::{Catalog, PromptWhen, Role, SkillId};
use super::career::person::{SkillRatings, MAX_LEVEL};
use super::map::Map;
use super::score::{Band, Profile};

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
    pub skill_notes: Map<SkillId, String>,
    /// The overall note.
    #[serde(default)]
    pub overall: String,
    /// The mentor's view of the questionnaire topics, 0–4 on
    /// [`TOPIC_LEVELS`] (optional; absent from older files).
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub topics: Map<DimensionId, u8>,
}

impl MentorReview {
    /// Sets the mentor's rating of `skill` (capped at [`MAX_LEVEL`]), or
    /// clears it with `None`.
    pub fn rate(&mut self, skill: SkillId, level: Option<u8>) {
        match level {
            Some(l) => self.ratings.insert(skill, l.min(MAX_LEVEL)),
            None => self.ratings.remove(&skill),
        };
    }

    /// Sets the mentor's view of `topic` on [`TOPIC_LEVELS`] (capped at
    /// [`MAX_LEVEL`], the last of them), or clears it with `None`.
    pub fn view_topic(&mut self, topic: DimensionId, level: Option<u8>) {
        match level {
            Some(l) => self.topics.insert(topic, l.min(MAX_LEVEL)),
            None => self.topics.remove(&topic),
        };
    }
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
            let agreement = RatingRow::agreement_of(o, m);
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
/// decision when there is a result (`band` is `None` when no answer was
/// scored; see [`Profile::result_band`]). Placeholders `{skill}` and
/// `{role}` are filled in.
pub fn discussion_prompts(
    cat: &Catalog,
    rows: &[RatingRow],
    role: Option<&Role>,
    largest_gaps: &[SkillId],
    band: Option<Band>,
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
    // A question about the track only when there is a result to discuss:
    // with no answer scored, the middle band is no finding.
    let when = band.map(|b| {
        if b == Band::Hybrid {
            PromptWhen::Hybrid
        } else {
            PromptWhen::TrackDecision
        }
    });
    if let Some(t) = when.and_then(|w| pick(w, 0)) {
        out.push(fill(t, None));
    }
    if let Some(t) = pick(PromptWhen::General, 0) {
        out.push(fill(t, None));
    }
    out
}

/// The five points a mentor rates a questionnaire topic on: how much the
/// topic describes the mentee, as the mentor has seen them at work. The
/// mentee's own score (0–100) maps onto the same points in steps of 20.
pub const TOPIC_LEVELS: [&str; 5] = [
    "Not at all like them",
    "A little like them",
    "Somewhat: in between",
    "Much like them",
    "Very much like them",
];

/// A 0–100 topic score on the five points of [`TOPIC_LEVELS`].
pub fn topic_level(score: f64) -> u8 {
    if score.is_finite() {
        (score.clamp(0.0, 100.0) / 20.0).floor().min(4.0) as u8
    } else {
        2
    }
}

/// One questionnaire topic: the mentee's own score and the mentor's view.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicRow {
    pub dimension: DimensionId,
    /// The mentee's score, 0–100, when their answers gave one.
    pub score: Option<f64>,
    /// That score on the five points.
    pub own: Option<u8>,
    pub mentor: Option<u8>,
    pub agreement: Agreement,
}

/// The mentee's topic scores beside the mentor's view of each, with the
/// same rule as skills: two points apart or more is a blind spot (the
/// mentor sees less) or a hidden strength (the mentor sees more).
pub fn topics_side_by_side(profile: &Profile, mentor: &Map<DimensionId, u8>) -> Vec<TopicRow> {
    profile
        .dimensions
        .iter()
        .map(|d| {
            let own = d.score.map(topic_level);
            let theirs = mentor.get(&d.id).copied().map(|l| l.min(4));
            TopicRow {
                dimension: d.id.clone(),
                score: d.score,
                own,
                mentor: theirs,
                agreement: RatingRow::agreement_of(own, theirs),
            }
        })
        .collect()
}

impl RatingRow {
    /// How a self-rating and a mentor's rating relate.
    pub fn agreement_of(own: Option<u8>, mentor: Option<u8>) -> Agreement {
        match (own, mentor) {
            (Some(o), Some(m)) if o <= MAX_LEVEL && m <= MAX_LEVEL => {
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
        }
    }
}
