//! Where the mentor's view and the mentee's differ by two levels or more:
//! the blind spots and hidden strengths, skills first, then topics.

use yew::prelude::*;

use super::{agreement_class, topic_words};
use crate::core::review::{Agreement, RatingRow, TopicRow};

/// The list of differences, each named (`name` of a skill row's skill,
/// `topic` of a topic row's topic); nothing when there are none.
pub fn callouts(
    label: &str,
    skills: &[(String, &RatingRow)],
    topics: &[(String, &TopicRow)],
) -> Html {
    if skills.is_empty() && topics.is_empty() {
        return html! {};
    }
    html! {
        <ul class="callouts" aria-label="Where your views differ">
            { for skills.iter().map(|(name, r)| {
                let (kind, what) = match r.agreement {
                    Agreement::BlindSpot => ("Blind spot", "you rate lower"),
                    _ => ("Hidden strength", "you rate higher"),
                };
                html! { <li class={agreement_class(r.agreement)}>
                    <strong>{ format!("{kind}: {name}") }</strong>
                    { format!(" — {label} says level {}, {what}: level {}.", r.own.unwrap_or(0), r.mentor.unwrap_or(0)) }
                </li> }
            }) }
            { for topics.iter().map(|(name, r)| {
                let (kind, what) = match r.agreement {
                    Agreement::BlindSpot => ("Blind spot (topic)", "you see less"),
                    _ => ("Hidden strength (topic)", "you see more"),
                };
                html! { <li class={agreement_class(r.agreement)}>
                    <strong>{ format!("{kind}: {name}") }</strong>
                    { format!(" — {label}'s answers say {}, {what}: {}.", topic_words(r.own), topic_words(r.mentor)) }
                </li> }
            }) }
        </ul>
    }
}
