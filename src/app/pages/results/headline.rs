//! Where the person leans: the gauge, how far and how sure, and what
//! lowered the confidence.

use std::rc::Rc;

use yew::prelude::*;

use super::{level_name, voiced};
use crate::app::components::charts::LeaningGauge;
use crate::core::bank::{Bank, Track};
use crate::core::content::Content;
use crate::core::score::{Band, ConfidenceNote, Middle, Profile};

#[derive(Properties, PartialEq)]
pub struct HeadlineProps {
    pub profile: Rc<Profile>,
    pub content: Rc<Content>,
    /// The person's own result (else someone else's, written about them).
    pub own: bool,
}

#[component]
pub fn Headline(props: &HeadlineProps) -> Html {
    let bank = &props.content.bank;
    let profile = &*props.profile;
    let own = props.own;
    let voice = |text: &str| voiced(own, text);
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
    let middle_text = match (profile.middle, &bank.tracks.middle) {
        (Some(Middle::Both), Some(m)) => Some(m.both.clone()),
        (Some(Middle::Neither), Some(m)) => Some(m.neither.clone()),
        _ => None,
    };
    html! {
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
                { format!(
                    "If {} answered {}, the same result would come out {} times.",
                    if own { "you" } else { "they" },
                    // With questions unanswered, the chance is that of the
                    // whole questionnaire answered (docs/validity.md).
                    if profile.answered < profile.total { "the whole questionnaire" } else { "again" },
                    profile.confidence.in_words()
                ) }</p>
            <p>{ format!(
                "The leaning is measured to within about {} points either way (one standard error, from how much the answers on each topic agree with each other{}), and it is {} points from the nearest edge of its zone.",
                crate::core::text::fixed(profile.confidence.standard_error, 0),
                if profile.answered < profile.total { " and what the unanswered questions could still change" } else { "" },
                crate::core::text::fixed(profile.margin.max(0.0), 0)
            ) }</p>
            if !profile.confidence.notes.is_empty() {
                <ul class="confidence-notes">
                    { for profile.confidence.notes.iter().map(|n| html! { <li>{ voice(&note_text(bank, n)) }</li> }) }
                </ul>
            }
        </section>
    }
}

/// Why the confidence is lower, in words (written about "you"; the
/// caller turns it to the third person for someone else's result).
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
