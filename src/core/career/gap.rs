//! The skill gap between a person and a target role, and which roles fit a
//! person best — the technical track's roles counted as equals.

use serde::Serialize;

use super::catalog::{CareerTrack, Catalog, Role, RoleId, SkillId};
use super::person::SkillRatings;
use crate::core::map::sort_by;

/// One skill: where the person is, where the role is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapRow {
    pub skill: SkillId,
    pub current: u8,
    pub required: u8,
    pub importance: u8,
    /// Levels still to climb (0 when met).
    pub gap: u8,
    /// `gap × importance`: what the rows are sorted by.
    pub weighted: u32,
}

/// The gap to one role.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapReport {
    pub role: RoleId,
    /// Largest weighted gap first; met skills last.
    pub rows: Vec<GapRow>,
    /// 0–100: how much of the role's importance-weighted levels are met.
    pub fit: f64,
}

/// The gap between `ratings` and `role`.
pub fn gap(cat: &Catalog, role: &Role, ratings: &SkillRatings) -> GapReport {
    let order = |id: &SkillId| {
        cat.skills
            .iter()
            .position(|s| &s.id == id)
            .unwrap_or(usize::MAX)
    };
    let mut rows: Vec<GapRow> = role
        .requires
        .iter()
        .map(|(skill, req)| {
            let current = ratings.get(skill).copied().unwrap_or(0).min(4);
            let gap = req.level.saturating_sub(current);
            GapRow {
                skill: skill.clone(),
                current,
                required: req.level,
                importance: req.importance,
                gap,
                weighted: u32::from(gap) * u32::from(req.importance),
            }
        })
        .collect();
    sort_by(&mut rows, |a, b| {
        b.weighted
            .cmp(&a.weighted)
            .then(b.gap.cmp(&a.gap))
            .then(order(&a.skill).cmp(&order(&b.skill)))
    });
    let need: u32 = rows
        .iter()
        .map(|r| u32::from(r.required) * u32::from(r.importance))
        .sum();
    let short: u32 = rows.iter().map(|r| r.weighted).sum();
    let fit = if need == 0 {
        100.0
    } else {
        100.0 * (1.0 - f64::from(short) / f64::from(need))
    };
    GapReport {
        role: role.id.clone(),
        rows,
        fit,
    }
}

/// How well a role suits a person, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleFit {
    pub role: RoleId,
    /// 0–100, the blend of the two below.
    pub score: f64,
    /// 0–100: how the aptitude leaning matches the role's track.
    pub track_fit: f64,
    /// 0–100: the skills fit from [`gap`].
    pub skill_fit: f64,
    pub why: String,
}

/// The three roles that fit best. `leaning` is the aptitude result, −100
/// (technical) to +100 (management), or `None` before the questionnaire is
/// answered (then skills alone decide). Aptitude weighs 60 %, current
/// skills 40 %: skills can be learned, preferences change slowly.
pub fn suggest_roles(cat: &Catalog, leaning: Option<f64>, ratings: &SkillRatings) -> Vec<RoleFit> {
    suggest_roles_agreeing(cat, leaning, ratings, &[])
}

/// The catalog's roles whose name appears in `text` (ignoring the case of
/// ASCII letters; see clippy.toml), in catalog order: the roles a result's
/// own description recommends.
pub fn roles_named_in(cat: &Catalog, text: &str) -> Vec<RoleId> {
    let text = text.to_ascii_lowercase();
    cat.roles
        .iter()
        .filter(|r| !r.name.trim().is_empty() && text.contains(&r.name.to_ascii_lowercase()))
        .map(|r| r.id.clone())
        .collect()
}

/// The three roles that fit best, in agreement with the result's text:
/// every role in `named` (the roles the result's description recommends,
/// see [`roles_named_in`]) is among the three, up to three of them. Before
/// any skill is rated, skills are left out of both the score and the
/// reason, rather than counted as 0 %.
pub fn suggest_roles_agreeing(
    cat: &Catalog,
    leaning: Option<f64>,
    ratings: &SkillRatings,
    named: &[RoleId],
) -> Vec<RoleFit> {
    let rated = !ratings.is_empty();
    let l = leaning.unwrap_or(0.0).clamp(-100.0, 100.0);
    let mut fits: Vec<(usize, RoleFit)> = cat
        .roles
        .iter()
        .enumerate()
        .map(|(i, role)| {
            let track_fit = match role.track {
                CareerTrack::Management => (l + 100.0) / 2.0,
                CareerTrack::Technical => (100.0 - l) / 2.0,
                CareerTrack::Hybrid => 100.0 - l.abs(),
                CareerTrack::Both => 50.0,
            };
            let skill_fit = gap(cat, role, ratings).fit;
            let score = match (leaning, rated) {
                (Some(_), true) => 0.6 * track_fit + 0.4 * skill_fit,
                (Some(_), false) => track_fit,
                (None, _) => skill_fit,
            };
            let side = match role.track {
                CareerTrack::Management => "a management role",
                CareerTrack::Technical => "a technical-track role",
                CareerTrack::Hybrid => "a hybrid role, half technical and half management",
                CareerTrack::Both => "a role on either track",
            };
            let mut why = match (leaning, rated) {
                (Some(_), true) => format!(
                    "{} is {side}; your answers match that track {} of 100, and your skills already meet {}% of what it asks.",
                    role.name, crate::core::text::fixed(track_fit, 0), crate::core::text::fixed(skill_fit, 0)
                ),
                (Some(_), false) => format!(
                    "{} is {side}; your answers match that track {} of 100. Rate your skills to see how much of it you already meet.",
                    role.name, crate::core::text::fixed(track_fit, 0)
                ),
                (None, true) => format!(
                    "{} is {side}; your skills already meet {}% of what it asks. Answer the questionnaire to weigh your preferences too.",
                    role.name, crate::core::text::fixed(skill_fit, 0)
                ),
                (None, false) => format!(
                    "{} is {side}. Answer the questionnaire and rate your skills to see how well it fits.",
                    role.name
                ),
            };
            if named.contains(&role.id) {
                why.push_str(" Your result's description names it.");
            }
            (i, RoleFit { role: role.id.clone(), score, track_fit, skill_fit, why })
        })
        .collect();
    sort_by(&mut fits, |a, b| {
        b.1.score.total_cmp(&a.1.score).then(a.0.cmp(&b.0))
    });
    // The named roles first (best first), then the best of the rest, and the
    // three shown again best first.
    let mut top: Vec<(usize, RoleFit)> = fits
        .iter()
        .filter(|(_, f)| named.contains(&f.role))
        .take(3)
        .cloned()
        .collect();
    for f in &fits {
        if top.len() >= 3 {
            break;
        }
        if !top.iter().any(|(_, t)| t.role == f.1.role) {
            top.push(f.clone());
        }
    }
    sort_by(&mut top, |a, b| {
        b.1.score.total_cmp(&a.1.score).then(a.0.cmp(&b.0))
    });
    top.into_iter().map(|(_, f)| f).collect()
}
