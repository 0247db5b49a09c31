//! The printable meeting report of a mentor's review.

use yew::prelude::*;

use super::{skill_name, topic_name, topic_words, MentorProps};
use crate::app::opened::use_opened;
use crate::app::route::Route;
use crate::app::state::{today, use_assess};
use crate::core::bank::Bank;
use crate::core::career::catalog::{Catalog, Role, RoleId, SkillId};
use crate::core::career::date::Date;
use crate::core::career::gap::gap;
use crate::core::career::person::Person;
use crate::core::career::plan::{plan, Step};
use crate::core::map::sort_by_key;
use crate::core::result_file::ResultFile;
use crate::core::review::{
    discussion_prompts, side_by_side, topics_side_by_side, Agreement, MentorReview, RatingRow,
    TopicRow, TOPIC_LEVELS,
};
use crate::core::score::score;
use crate::core::score::ConfidenceLevel;

/// A difference worth the meeting's time: what (a skill, or a topic), which
/// kind, and what each side said.
struct Difference {
    what: String,
    kind: Agreement,
    text: String,
}

/// The differences worth the meeting's time: for each kind, skills first,
/// largest difference first, three in all.
fn differences(
    cat: &Catalog,
    bank: &Bank,
    label: &str,
    review: &MentorReview,
    rows: &[RatingRow],
    topic_rows: &[TopicRow],
) -> Vec<Difference> {
    let mut differences = Vec::new();
    for kind in [Agreement::BlindSpot, Agreement::HiddenStrength] {
        let mut skill_rows: Vec<&RatingRow> = rows.iter().filter(|r| r.agreement == kind).collect();
        sort_by_key(&mut skill_rows, |r| {
            std::cmp::Reverse(
                (i16::from(r.mentor.unwrap_or(0)) - i16::from(r.own.unwrap_or(0))).abs(),
            )
        });
        let topics = topic_rows.iter().filter(|t| t.agreement == kind);
        let items = skill_rows
            .iter()
            .map(|r| {
                let note = review
                    .skill_notes
                    .get(&r.skill)
                    .map(|n| format!(" Note: {n}"))
                    .unwrap_or_default();
                Difference {
                    what: skill_name(cat, &r.skill),
                    kind,
                    text: format!(
                        "{label} says level {}, the mentor {}.{note}",
                        r.own.unwrap_or(0),
                        r.mentor.unwrap_or(0)
                    ),
                }
            })
            .chain(topics.map(|t| Difference {
                what: format!("{} (topic)", topic_name(bank, &t.dimension)),
                kind,
                text: format!(
                    "{label}'s answers: {}; the mentor: {}.",
                    topic_words(t.own),
                    topic_words(t.mentor)
                ),
            }));
        differences.extend(items.take(3));
    }
    differences
}

/// The first three steps of the mentee's roadmap toward `role`, planned
/// within their own settings.
fn next_steps(cat: &Catalog, role: &Role, file: &ResultFile, today: Date) -> Vec<Step> {
    let s = &file.session.plan;
    let c = s.constraints(s.start_or(today));
    plan(
        cat,
        role,
        Person {
            skills: &file.session.skills,
            experience: &file.session.experience,
            held: &file.session.held,
        },
        &c,
        &s.choices,
    )
    .steps()
    .take(3)
    .cloned()
    .collect()
}

/// One printable report for the meeting, two A4 pages: the result, the gap,
/// the top blind spots and hidden strengths on the first; the questions,
/// the next three steps and space for notes on the second. Readable in
/// black and white.
#[component]
pub fn MeetingReport(props: &MentorProps) -> Html {
    let state = use_assess();
    let opened = use_opened();
    let Some(file): Option<ResultFile> = opened.get(props.index).cloned() else {
        return html! { <section class="panel" role="alert"><h1>{ "This opened result is no longer here" }</h1></section> };
    };
    let cat = &state.content.catalog;
    let bank = &state.content.bank;
    let label = file.label("This person");
    let role = file
        .session
        .role
        .as_ref()
        .and_then(|r: &RoleId| cat.role(r));
    let review = file.review.clone().unwrap_or_default();
    let rows = side_by_side(cat, &file.session.skills, &review.ratings);
    let profile = score(bank, &file.session.answers);
    let topic_rows = topics_side_by_side(&profile, &review.topics);
    let on_print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let today = today();
    let track = bank.track_info(profile.band);
    let direction = if profile.leaning >= 0.0 {
        "management"
    } else {
        "technical"
    };
    let gap_report = role.map(|r| gap(cat, r, &file.session.skills));
    let gaps: Vec<SkillId> = gap_report
        .as_ref()
        .map(|g| {
            g.rows
                .iter()
                .filter(|r| r.gap > 0)
                .map(|r| r.skill.clone())
                .collect()
        })
        .unwrap_or_default();
    let prompts = discussion_prompts(cat, &rows, role, &gaps, profile.result_band());
    let differences = differences(cat, bank, &label, &review, &rows, &topic_rows);
    let steps: Vec<Step> = role
        .map(|role| next_steps(cat, role, &file, today))
        .unwrap_or_default();
    let level_name = match profile.confidence.level {
        ConfidenceLevel::High => "high",
        ConfidenceLevel::Medium => "medium",
        ConfidenceLevel::Low => "low",
    };
    html! {
        <article class="report" aria-labelledby="report-title">
            <h1 id="report-title">{ format!("Meeting report: {label}") }</h1>
            <p class="muted">{ format!("Prepared {today}{}.", review.mentor_name.as_deref().map(|m| format!(" by {m}")).unwrap_or_default()) }</p>
            <div class="actions no-print">
                <button type="button" onclick={on_print}>{ "Print the report" }</button>
                <a class="button secondary" href={Route::Opened(props.index).href()}>{ "Back to the review" }</a>
            </div>
            <section class="report-section" aria-labelledby="r-result">
                if profile.result_band().is_some() {
                    <h2 id="r-result">{ format!("Result: {}", track.name) }</h2>
                    <p>{ format!(
                        "{label}'s answers lean {} points toward {direction}, out of 100 ({} of {} questions answered; confidence {level_name}, {} of 100).",
                        crate::core::text::fixed(profile.leaning.abs(), 0), profile.answered, profile.total, crate::core::text::fixed(profile.confidence.value, 0)
                    ) }</p>
                } else {
                    <h2 id="r-result">{ "Result: none yet" }</h2>
                    <p>{ format!("{label} has answered none of this questionnaire's {} questions, so there is no leaning to discuss yet.", profile.total) }</p>
                }
                <table class="compact">
                    <caption>{ "Topics: their answers (0–100) and the mentor's view" }</caption>
                    <thead><tr><th scope="col">{ "Topic" }</th><th scope="col">{ "Answers" }</th><th scope="col">{ "Mentor's view" }</th></tr></thead>
                    <tbody>{ for topic_rows.iter().map(|t| html! {
                        <tr>
                            <th scope="row">{ topic_name(bank, &t.dimension) }</th>
                            <td>{ t.score.map(|s| crate::core::text::fixed(s, 0)).unwrap_or_else(|| "–".into()) }</td>
                            <td>{ t.mentor.and_then(|l| TOPIC_LEVELS.get(usize::from(l))).copied().unwrap_or("–") }</td>
                        </tr>
                    }) }</tbody>
                </table>
            </section>
            if let (Some(role), Some(g)) = (role, gap_report.as_ref()) {
                <section class="report-section" aria-labelledby="r-gap">
                    <h2 id="r-gap">{ format!("Gap to {}", role.name) }</h2>
                    <p>{ format!("{label}'s self-rated skills meet {}% of what the role asks, weighted by importance.", crate::core::text::fixed(g.fit, 0)) }</p>
                    if g.rows.iter().any(|r| r.gap > 0) {
                        <table class="compact">
                            <caption>{ "The largest gaps (levels 0–4)" }</caption>
                            <thead><tr><th scope="col">{ "Skill" }</th><th scope="col">{ "Now" }</th><th scope="col">{ "Role" }</th><th scope="col">{ "Mentor" }</th></tr></thead>
                            <tbody>{ for g.rows.iter().filter(|r| r.gap > 0).take(6).map(|r| html! {
                                <tr><th scope="row">{ skill_name(cat, &r.skill) }</th><td>{ r.current.to_string() }</td><td>{ r.required.to_string() }</td>
                                    <td>{ review.ratings.get(&r.skill).map(|l| l.to_string()).unwrap_or_else(|| "–".into()) }</td></tr>
                            }) }</tbody>
                        </table>
                    }
                </section>
            }
            <section class="report-section" aria-labelledby="r-diff">
                <h2 id="r-diff">{ "Blind spots and hidden strengths" }</h2>
                if review.ratings.is_empty() && review.topics.is_empty() {
                    <p>{ format!("The mentor has not rated {label}'s skills or topics yet, so there is nothing to set beside theirs.") }</p>
                } else if differences.is_empty() {
                    <p>{ format!("No rating of the mentor's differs from {label}'s by two levels or more.") }</p>
                } else {
                    <ul class="callouts">
                        { for differences.iter().map(|Difference { what, kind, text }| html! {
                            <li><strong>{ format!("{}: {what}", if *kind == Agreement::BlindSpot { "Blind spot" } else { "Hidden strength" }) }</strong>{ format!(" — {text}") }</li>
                        }) }
                    </ul>
                }
            </section>
            <section class="report-section page-two" aria-labelledby="r-questions">
                <h2 id="r-questions">{ "Questions for the conversation" }</h2>
                <ol>{ for prompts.iter().take(8).map(|p| html! { <li>{ p.clone() }</li> }) }</ol>
            </section>
            <section class="report-section" aria-labelledby="r-steps">
                <h2 id="r-steps">{ "The next three steps" }</h2>
                if steps.is_empty() {
                    <p>{ format!("{label} has not chosen a target role, so there is no roadmap yet.") }</p>
                } else {
                    <ol>{ for steps.iter().map(|st| html! {
                        <li><strong>{ st.name.clone() }</strong>{ format!(" — {} to {}{}.", st.start, st.end, st.exam_date.map(|d| format!(", exam {d}")).unwrap_or_default()) }</li>
                    }) }</ol>
                }
            </section>
            <section class="report-section" aria-labelledby="r-notes">
                <h2 id="r-notes">{ "Notes" }</h2>
                <p><strong>{ format!("{label}'s notes: ") }</strong><span class="preserve">{ if file.session.notes.is_empty() { "None.".to_owned() } else { file.session.notes.clone() } }</span></p>
                <p><strong>{ "Mentor's notes: " }</strong><span class="preserve">{ if review.overall.is_empty() { "None.".to_owned() } else { review.overall.clone() } }</span></p>
                <p class="lines-title"><strong>{ "Notes from the meeting:" }</strong></p>
                <div class="note-lines" aria-hidden="true">{ for (0..10).map(|_| html! { <div class="note-line"></div> }) }</div>
            </section>
        </article>
    }
}
