//! Everything Crossroads works out from one result file — profile, gap,
//! eligibility and roadmap — in one serialisable value. The native `score`
//! command prints it; the browser renders the same functions' output.

use serde::Serialize;

use super::career::date::Date;
use super::career::eligibility::{eligibility_all, Eligibility};
use super::career::gap::{gap, GapReport};
use super::career::person::Person;
use super::career::plan::{plan, Roadmap};
use super::content::Content;
use super::result_file::{import, ImportError};
use super::score::{score, Profile};
use super::session::Changes;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreReport {
    pub display_name: Option<String>,
    pub profile: Profile,
    /// The confidence in plain words, as the results page says it.
    pub confidence: String,
    /// Set when the file was answered with another version of the
    /// questionnaire: answers kept but not counted, and the new questions.
    pub questionnaire_changed: Option<Changes>,
    pub role: Option<String>,
    pub gap: Option<GapReport>,
    pub eligibility: Vec<(String, Eligibility)>,
    pub roadmap: Option<Roadmap>,
    /// The date the roadmap starts from.
    pub start: Option<Date>,
}

/// Scores a result file's text. The roadmap starts on the file's own start
/// date, else `today`, else the day the file was last saved.
pub fn score_report(
    content: &Content,
    text: &str,
    today: Option<&str>,
) -> Result<ScoreReport, ImportError> {
    let imported = import(text, &content.bank)?;
    let s = &imported.file.session;
    let cat = &content.catalog;
    let profile = score(&content.bank, &s.answers);
    let start = s
        .plan
        .start
        .as_deref()
        .and_then(Date::parse)
        .or_else(|| today.and_then(Date::parse))
        .or_else(|| s.updated.as_deref().and_then(Date::parse))
        .or_else(|| s.started.as_deref().and_then(Date::parse));
    let role = s.role.as_ref().and_then(|r| cat.role(r));
    let eligibility = start
        .map(|d| {
            eligibility_all(cat, &s.experience, &s.held, d)
                .into_iter()
                .map(|(c, e)| (c.id.to_string(), e))
                .collect()
        })
        .unwrap_or_default();
    let roadmap = match (role, start) {
        (Some(role), Some(start)) => {
            let c = s.plan.constraints(start);
            let person = Person {
                skills: &s.skills,
                experience: &s.experience,
                held: &s.held,
            };
            Some(plan(cat, role, person, &c, &s.plan.choices))
        }
        _ => None,
    };
    Ok(ScoreReport {
        display_name: s.display_name.clone(),
        confidence: format!(
            "{:?}: on a retake the same band would come out {} times",
            profile.confidence.level,
            profile.confidence.in_words()
        ),
        questionnaire_changed: s.changes(&content.bank),
        profile,
        role: role.map(|r| r.id.to_string()),
        gap: role.map(|r| gap(cat, r, &s.skills)),
        eligibility,
        roadmap,
        start,
    })
}
