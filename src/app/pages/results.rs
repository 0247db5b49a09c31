//! The result: leaning, band, margin and confidence; per-dimension scores as
//! a chart and a table; the answers that weighed most; what each track means.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::charts::{Bar, DimensionBars, LeaningGauge};
use crate::app::route::Route;
use crate::app::state::use_assess;
use crate::core::bank::{Bank, Item, ItemId, Track};
use crate::core::content::Content;
use crate::core::score::{score, Band, ConfidenceLevel, ConfidenceNote, Middle, Profile, Response};
use crate::core::session::{Changes, Session};
use crate::core::text::third_person;

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
    // Someone else's result (a mentor reading it) is written about them:
    // "Their answers lean…", not "Your answers lean…".
    let voice = |text: &str| {
        if own {
            text.to_owned()
        } else {
            third_person(text)
        }
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
            "That is inside the hybrid zone, {} points from its nearest edge.",
            crate::core::text::fixed(profile.margin, 0)
        ),
        _ => format!(
            "That is {} points beyond the edge of the hybrid zone (the margin).",
            crate::core::text::fixed(profile.margin, 0)
        ),
    };
    let level = level_name(profile.confidence.level);
    let changes = props.session.changes(bank);
    let middle_text = match (profile.middle, &bank.tracks.middle) {
        (Some(Middle::Both), Some(m)) => Some(m.both.clone()),
        (Some(Middle::Neither), Some(m)) => Some(m.neither.clone()),
        _ => None,
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
            if let Some(c) = changes {
                <QuestionnaireChanged changes={Rc::new(c)} content={props.content.clone()} own={own} />
            }
            if !props.session.finished {
                <p class="notice warn">{ format!("This is a provisional result: {} of {} questions answered.", profile.answered, profile.total) }
                    if own { { " " }<a href={Route::Questions.href()}>{ "Continue the questionnaire" }</a> }</p>
            }
            <section class="panel headline" aria-labelledby="leaning-title">
                <h2 id="leaning-title">{ voice("Where you lean") }</h2>
                <LeaningGauge leaning={profile.leaning} />
                <p class="lead">{ voice(&format!(
                    "Your answers lean {} points toward {direction}, out of 100 (0 is the exact middle; 100 would be fully {direction}). ",
                    crate::core::text::fixed(profile.leaning.abs(), 0)
                )) }{ margin_text }</p>
                <p>{ voice(&track_info.summary) }</p>
                if let Some(text) = middle_text {
                    <p class="middle">{ text }</p>
                }
                <p class="retake"><strong>{ format!("Confidence: {level}. ") }</strong>
                    { format!("If {} answered again, the same result would come out {} times.", if own { "you" } else { "they" }, profile.confidence.in_words()) }</p>
                <p>{ format!(
                    "The leaning is measured to within about {} points either way (one standard error, from how much the answers on each topic agree with each other), and it is {} points from the nearest edge of its zone.",
                    crate::core::text::fixed(profile.confidence.standard_error, 0), crate::core::text::fixed(profile.margin.max(0.0), 0)
                ) }</p>
                if !profile.confidence.notes.is_empty() {
                    <ul class="confidence-notes">
                        { for profile.confidence.notes.iter().map(|n| html! { <li>{ voice(&note_text(bank, n)) }</li> }) }
                    </ul>
                }
            </section>

            <section class="panel" aria-labelledby="dims-title">
                <h2 id="dims-title">{ format!("{owner} scores on each topic") }</h2>
                <p>{ "Each topic is scored from 0 to 100; 50 is neutral. Solid bars point to management, hatched bars to the technical track; outlined bars are topics not counted in the leaning." }</p>
                <DimensionBars bars={bars} />
                <table class="scores">
                    <caption>{ "Scores by topic (the same data as the chart)" }</caption>
                    <thead><tr><th scope="col">{ "Topic" }</th><th scope="col">{ "Track" }</th><th scope="col">{ "Score" }</th><th scope="col">{ "Answers" }</th></tr></thead>
                    <tbody>
                        { for bank.dimensions.iter().zip(&profile.dimensions).map(|(d, s)| html! {
                            <tr>
                                <th scope="row">{ &d.name }</th>
                                <td>{ track_name(d.track) }</td>
                                <td>{ s.score.map(|v| crate::core::text::fixed(v, 0)).unwrap_or_else(|| "not enough answers".into()) }</td>
                                <td>{ format!("{} of {}", s.answered, s.total) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </section>

            <Why profile={profile.clone()} content={props.content.clone()} session={props.session.clone()} own={own} />

            <section class="panel" aria-labelledby="topics-title">
                <h2 id="topics-title">{ "What each topic means" }</h2>
                { for bank.dimensions.iter().zip(&profile.dimensions).map(|(d, s)| {
                    let reading = match s.score {
                        Some(v) if v >= 60.0 => voice(&d.high_means),
                        Some(v) if v <= 40.0 => voice(&d.low_means),
                        Some(_) => voice("You sit near the middle on this topic."),
                        None => "Not enough answers to say.".to_owned(),
                    };
                    html! {
                        <details>
                            <summary>{ format!("{} — {}", d.name, s.score.map(|v| crate::core::text::fixed(v, 0)).unwrap_or_else(|| "–".into())) }</summary>
                            <p>{ reading }</p>
                            <p><strong>{ if d.track.in_leaning() { format!("Why it points to the {} track: ", track_name(d.track).to_lowercase()) } else { "Why it is not counted in the leaning: ".to_owned() } }</strong>{ &d.why }
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
                            <h3>{ &t.name }{ if b == profile.band { if own { " (your result)" } else { " (their result)" } } else { "" } }</h3>
                            <p>{ voice(&t.summary) }</p>
                            <ul>{ for t.criteria.iter().map(|c| html! { <li>{ voice(c) }</li> }) }</ul>
                        </div>
                    }) }
                </div>
                <p>{ &bank.switching_note }</p>
            </section>

            <section class="panel next-step" aria-labelledby="next-title">
                <h2 id="next-title">{ "Next step" }</h2>
                <p>{ if own { "A leaning is a starting point for a conversation, not a verdict. Next, rate your skills, pick a target role on either track, and get a dated learning roadmap that respects real certification rules." } else { "A leaning is a starting point for a conversation, not a verdict." } }</p>
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
    /// The person's own result (else someone else's, written about them).
    own: bool,
}

/// The answers that moved the leaning most, each with its effect.
#[component]
fn Why(props: &WhyProps) -> Html {
    let bank = &props.content.bank;
    let top = props.profile.weightiest(8);
    html! {
        <section class="panel" aria-labelledby="why-title">
            <h2 id="why-title">{ "Why this result" }</h2>
            <p>{ if props.own { "The answers that weighed most, strongest first. Each moved one or more topic scores, and through them your leaning." } else { "The answers that weighed most, strongest first. Each moved one or more topic scores, and through them their leaning." } }</p>
            <ol class="why">
                { for top.iter().map(|(id, leaning)| {
                    let moved: Vec<String> = props.profile.contributions.iter()
                        .filter(|c| &c.item == id)
                        .map(|c| format!("{} {}", bank.dimension(&c.dimension).map(|d| d.name.as_str()).unwrap_or("?"), crate::core::text::signed(c.points, 1)))
                        .collect();
                    html! {
                        <li>
                            <q>{ bank.item(id).map(Item::text).unwrap_or_default() }</q>
                            <span class="answer">{ format!(" {} answered: {}.", if props.own { "You" } else { "They" }, answer_text(bank, id, props.session.answers.get(id))) }</span>
                            <span class="effect">{ format!(" Moved: {}. Effect on {} leaning: {} points toward {}.",
                                moved.join(", "), if props.own { "your" } else { "their" }, crate::core::text::fixed(leaning.abs(), 1), if *leaning > 0.0 { "management" } else { "technical" }) }</span>
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
        Track::Hybrid | Track::Neither => "Not counted",
    }
}

/// The confidence level as a word.
pub fn level_name(level: ConfidenceLevel) -> &'static str {
    match level {
        ConfidenceLevel::High => "High",
        ConfidenceLevel::Medium => "Medium",
        ConfidenceLevel::Low => "Low",
    }
}

#[derive(Properties, PartialEq)]
struct QuestionnaireChangedProps {
    changes: Rc<Changes>,
    content: Rc<Content>,
    own: bool,
}

/// Answers given to an earlier version of the questionnaire: what still
/// counts, what is kept aside, and the new questions to answer.
#[component]
fn QuestionnaireChanged(props: &QuestionnaireChangedProps) -> Html {
    let bank = &props.content.bank;
    let c = &props.changes;
    html! {
        <section class="panel notice warn changed" aria-labelledby="changed-title">
            <h2 id="changed-title">{ "The questionnaire has changed" }</h2>
            <p>{ format!(
                "These answers were given to version {} of the questionnaire; this is version {}. The result is worked out from the answers that still apply.",
                c.from.1, bank.version
            ) }</p>
            if !c.retired.is_empty() {
                <p>{ format!(
                    "{} answer(s) are to statements this version no longer asks. They are kept with the answers (and in any download) but not counted.",
                    c.retired.len()
                ) }</p>
            }
            if !c.new_questions.is_empty() {
                <p>{ format!("{} new question(s) to answer:", c.new_questions.len()) }</p>
                <ol class="new-questions">
                    { for c.new_questions.iter().filter_map(|id| bank.item(id)).map(|i| html! { <li>{ i.text() }</li> }) }
                </ol>
                if props.own {
                    <a class="button" href={Route::Questions.href()}>{ "Answer the new questions" }</a>
                }
            }
        </section>
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
                "On {} the answers contradict each other (agreeing with a statement and with its opposite), so the leaning is less precise.",
                names.join(", ")
            )
        }
        ConfidenceNote::Random { .. } => "Answers on the same topic vary about as much as random answers would, so they say little about the person; confidence is kept low.".to_owned(),
        ConfidenceNote::StraightLine { value, share } => format!(
            "The same answer (\"{}\") was given to {} % of the statements, which says more about the way of answering than about the person; confidence is kept low.",
            bank.scale
                .get(usize::from(*value).saturating_sub(1))
                .map(String::as_str)
                .unwrap_or("?"),
            crate::core::text::fixed(100.0 * share, 0)
        ),
        ConfidenceNote::Midpoint { share } => format!(
            "The middle answer was given to {} % of the statements, which hides where the person stands; confidence is kept below high.",
            crate::core::text::fixed(100.0 * share, 0)
        ),
        ConfidenceNote::AgreeAll { tendency } => format!(
            "Statements and their opposites were {} with alike, so the answers say more about a habit of answering than about the person; confidence is kept below high.",
            if *tendency > 0.0 { "agreed" } else { "disagreed" }
        ),
    }
}
