//! What each topic means for this person: how their score reads, and why
//! the topic points to a track (or is not counted), with its source.

use std::rc::Rc;

use yew::prelude::*;

use super::{track_name, voiced};
use crate::core::content::Content;
use crate::core::score::Profile;

#[derive(Properties, PartialEq)]
pub struct TopicMeaningsProps {
    pub profile: Rc<Profile>,
    pub content: Rc<Content>,
    /// The person's own result (else someone else's, written about them).
    pub own: bool,
}

#[component]
pub fn TopicMeanings(props: &TopicMeaningsProps) -> Html {
    let bank = &props.content.bank;
    let voice = |text: &str| voiced(props.own, text);
    html! {
        <section class="panel" aria-labelledby="topics-title">
            <h2 id="topics-title">{ "What each topic means" }</h2>
            { for bank.dimensions.iter().zip(&props.profile.dimensions).map(|(d, s)| {
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
                        <p><strong>{ if d.track.in_leaning() { format!("Why it points to the {} track: ", track_name(d.track).to_ascii_lowercase()) } else { "Why it is not counted in the leaning: ".to_owned() } }</strong>{ &d.why }
                            { bank.source(&d.source).map(|src| html! { <span class="muted">{ format!(" (Source: {})", src.title) }</span> }) }</p>
                    </details>
                }
            }) }
        </section>
    }
}
