//! The result: leaning, band, margin and confidence; per-dimension scores as
//! a chart and a table; the answers that weighed most; what each track means.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::charts::{Bar, DimensionBars, LeaningGauge};
use crate::app::route::Route;
use crate::app::state::use_assess;
use crate::core::bank::{Bank, Item, ItemId, Track};
use crate::core::content::Content;
use crate::core::score::{score, Band, ConfidenceLevel, ConfidenceNote, Profile, Response};
use crate::core::session::Session;

#[component]
pub fn Results() -> Html {
    let state = use_assess();
    let session = use_memo(state.session.clone(), |s| s.clone());
    html! {
        <>
            <ResultView content={state.content.clone()} session={session} whose={Whose::Own} />
            <crate::app::components::export::ExportPanel />
        </>
    }
}

/// Whose result is on screen.
#[derive(Clone, PartialEq)]
pub enum Whose {
    /// The person's own work, from this browser.
    Own,
    /// Someone else's, opened from a file or a link (read-only).
    Other(AttrValue),
}

#[derive(Properties, PartialEq)]
pub struct ResultViewProps {
    pub content: Rc<Content>,
    pub session: Rc<Session>,
    pub whose: Whose,
}

/// A scored, explained result for any session.
#[component]
pub fn ResultView(props: &ResultViewProps) -> Html {
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let bank = &props.content.bank;
    let own = props.whose == Whose::Own;
    let owner = match &props.whose {
        Whose::Own => "Your".to_owned(),
        Whose::Other(name) => format!("{name}'s"),
    };
    let answered = bank
        .items
        .iter()
        .filter(|i| props.session.answers.contains_key(i.id()))
        .count();
    if answered == 0 {
        return html! {
            <section class="panel" aria-labelledby="results-title">
                <h1 id="results-title" tabindex="-1" ref={heading}>{ "No result yet" }</h1>
                <p>{ "Answer at least some of the questions to see where you lean." }</p>
                if own {
                    <a class="button" href={Route::Questions.href()}>{ "Go to the questionnaire" }</a>
                }
            </section>
        };
    }
    let profile = score(bank, &props.session.answers);
    let track_info = bank.track_info(profile.band);
    let direction = Track::of_leaning(profile.leaning).word();
    let margin_text = match profile.band {
        Band::Hybrid => format!(
            "That is inside the hybrid zone, {:.0} points from its nearest edge.",
            profile.margin
        ),
        _ => format!(
            "That is {:.0} points beyond the edge of the hybrid zone (the margin).",
            profile.margin
        ),
    };
    let level = match profile.confidence.level {
        ConfidenceLevel::High => "High",
        ConfidenceLevel::Medium => "Medium",
        ConfidenceLevel::Low => "Low",
    };

    let bars: Vec<Bar> = bank
        .dimensions
        .iter()
        .zip(&profile.dimensions)
        .map(|(d, s)| Bar {
            label: d.name.clone().into(),
            value: s.score,
            track: d.track,
        })
        .collect();

    html! {
        <article class="results" aria-labelledby="results-title">
            <h1 id="results-title" tabindex="-1" ref={heading}>{ format!("{owner} result: ") }{ &track_info.name }</h1>
            if !props.session.finished {
                <p class="notice warn">{ format!("This is a provisional result: {} of {} questions answered.", profile.answered, profile.total) }
                    if own { { " " }<a href={Route::Questions.href()}>{ "Continue the questionnaire" }</a> }</p>
            }
            <section class="panel headline" aria-labelledby="leaning-title">
                <h2 id="leaning-title">{ "Where you lean" }</h2>
                <LeaningGauge leaning={profile.leaning} />
                <p class="lead">{ format!(
                    "Your answers lean {:.0} points toward {direction}, out of 100 (0 is the exact middle; 100 would be fully {direction}). ",
                    profile.leaning.abs()
                ) }{ margin_text }</p>
                <p>{ &track_info.summary }</p>
                <p><strong>{ format!("Confidence: {level} ({:.0} of 100). ", profile.confidence.value) }</strong>
                    { "It falls when questions are skipped or when answers on the same topic pull in opposite directions." }</p>
                if !profile.confidence.notes.is_empty() {
                    <ul class="confidence-notes">
                        { for profile.confidence.notes.iter().map(|n| html! { <li>{ note_text(bank, n) }</li> }) }
                    </ul>
                }
            </section>

            <section class="panel" aria-labelledby="dims-title">
                <h2 id="dims-title">{ "Your scores on each topic" }</h2>
                <p>{ "Each topic is scored from 0 to 100; 50 is neutral. Solid bars point to management, hatched bars to the technical track." }</p>
                <DimensionBars bars={bars} />
                <table class="scores">
                    <caption>{ "Scores by topic (the same data as the chart)" }</caption>
                    <thead><tr><th scope="col">{ "Topic" }</th><th scope="col">{ "Track" }</th><th scope="col">{ "Score" }</th><th scope="col">{ "Answers" }</th></tr></thead>
                    <tbody>
                        { for bank.dimensions.iter().zip(&profile.dimensions).map(|(d, s)| html! {
                            <tr>
                                <th scope="row">{ &d.name }</th>
                                <td>{ track_name(d.track) }</td>
                                <td>{ s.score.map(|v| format!("{v:.0}")).unwrap_or_else(|| "not enough answers".into()) }</td>
                                <td>{ format!("{} of {}", s.answered, s.total) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </section>

            <Why profile={profile.clone()} content={props.content.clone()} session={props.session.clone()} />

            <section class="panel" aria-labelledby="topics-title">
                <h2 id="topics-title">{ "What each topic means" }</h2>
                { for bank.dimensions.iter().zip(&profile.dimensions).map(|(d, s)| {
                    let reading = match s.score {
                        Some(v) if v >= 60.0 => d.high_means.clone(),
                        Some(v) if v <= 40.0 => d.low_means.clone(),
                        Some(_) => "You sit near the middle on this topic.".to_owned(),
                        None => "Not enough answers to say.".to_owned(),
                    };
                    html! {
                        <details>
                            <summary>{ format!("{} — {}", d.name, s.score.map(|v| format!("{v:.0}")).unwrap_or_else(|| "–".into())) }</summary>
                            <p>{ reading }</p>
                            <p><strong>{ format!("Why it points to the {} track: ", track_name(d.track).to_lowercase()) }</strong>{ &d.why }
                                { bank.source(&d.source).map(|src| html! { <span class="muted">{ format!(" (Source: {})", src.title) }</span> }) }</p>
                        </details>
                    }
                }) }
            </section>

            <section class="panel" aria-labelledby="tracks-title">
                <h2 id="tracks-title">{ "What each track means" }</h2>
                <div class="tracks">
                    { for [(&bank.tracks.management, Band::Management), (&bank.tracks.hybrid, Band::Hybrid), (&bank.tracks.technical, Band::Technical)].into_iter().map(|(t, b)| html! {
                        <div class={classes!("track-card", (b == profile.band).then_some("current"))}>
                            <h3>{ &t.name }{ if b == profile.band { " (your result)" } else { "" } }</h3>
                            <p>{ &t.summary }</p>
                            <ul>{ for t.criteria.iter().map(|c| html! { <li>{ c }</li> }) }</ul>
                        </div>
                    }) }
                </div>
                <p>{ &bank.switching_note }</p>
            </section>

            <section class="panel next-step" aria-labelledby="next-title">
                <h2 id="next-title">{ "Next step" }</h2>
                <p>{ "A leaning is a starting point for a conversation, not a verdict. Next, rate your skills, pick a target role on either track, and get a dated learning roadmap that respects real certification rules." }</p>
                <div class="actions">
                    if own {
                        <a class="button" href={Route::Skills.href()}>{ "Next: rate your skills" }</a>
                    }
                    <a class="button secondary" href={Route::Method.href()}>{ "How this result is worked out" }</a>
                    if own {
                        <a class="button secondary" href={Route::Questions.href()}>{ "Review my answers" }</a>
                    }
                </div>
            </section>
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct WhyProps {
    profile: Profile,
    content: Rc<Content>,
    session: Rc<Session>,
}

/// The answers that moved the leaning most, each with its effect.
#[component]
fn Why(props: &WhyProps) -> Html {
    let bank = &props.content.bank;
    let top = props.profile.weightiest(8);
    html! {
        <section class="panel" aria-labelledby="why-title">
            <h2 id="why-title">{ "Why this result" }</h2>
            <p>{ "The answers that weighed most, strongest first. Each moved one or more topic scores, and through them your leaning." }</p>
            <ol class="why">
                { for top.iter().map(|(id, leaning)| {
                    let moved: Vec<String> = props.profile.contributions.iter()
                        .filter(|c| &c.item == id)
                        .map(|c| format!("{} {:+.1}", bank.dimension(&c.dimension).map(|d| d.name.as_str()).unwrap_or("?"), c.points))
                        .collect();
                    html! {
                        <li>
                            <q>{ bank.item(id).map(Item::text).unwrap_or_default() }</q>
                            <span class="answer">{ format!(" You answered: {}.", answer_text(bank, id, props.session.answers.get(id))) }</span>
                            <span class="effect">{ format!(" Moved: {}. Effect on your leaning: {:.1} points toward {}.",
                                moved.join(", "), leaning.abs(), Track::of_leaning(*leaning).word()) }</span>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}

fn answer_text(bank: &Bank, id: &ItemId, r: Option<&Response>) -> String {
    match (bank.item(id), r) {
        (Some(Item::Likert(_)), Some(Response::Likert(v))) => bank
            .scale
            .get(usize::from(*v).saturating_sub(1))
            .cloned()
            .unwrap_or_default(),
        (Some(Item::Scenario(s)), Some(Response::Choice(c))) => {
            s.option(c).map(|o| o.text.clone()).unwrap_or_default()
        }
        _ => String::new(),
    }
}

fn track_name(t: Track) -> &'static str {
    match t {
        Track::Management => "Management",
        Track::Technical => "Technical",
    }
}

fn note_text(bank: &Bank, note: &ConfidenceNote) -> String {
    match note {
        ConfidenceNote::Skipped { skipped, total } => {
            format!("You skipped or have not reached {skipped} of {total} questions.")
        }
        ConfidenceNote::Inconsistent { dimensions } => {
            let names: Vec<&str> = dimensions
                .iter()
                .filter_map(|d| bank.dimension(d).map(|d| d.name.as_str()))
                .collect();
            format!(
                "Some answers on the same topic pull in opposite directions: {}.",
                names.join(", ")
            )
        }
        ConfidenceNote::StraightLine { value } => format!(
            "You gave the same answer (\"{}\") to nearly every statement.",
            bank.scale
                .get(usize::from(*value).saturating_sub(1))
                .map(String::as_str)
                .unwrap_or("?")
        ),
        ConfidenceNote::Acquiescence { tendency } => format!(
            "You tended to {} with statements in general; the scores were corrected for that.",
            if *tendency > 0.0 { "agree" } else { "disagree" }
        ),
    }
}
