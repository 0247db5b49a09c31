//! What each track means, the person's own band marked, and the note on
//! switching tracks later.

use std::rc::Rc;

use yew::prelude::*;

use super::voiced;
use crate::core::content::Content;
use crate::core::score::Band;

#[derive(Properties, PartialEq)]
pub struct TrackCardsProps {
    pub content: Rc<Content>,
    /// The band the result falls in, marked as "(your result)".
    pub band: Band,
    /// The person's own result (else someone else's, written about them).
    pub own: bool,
}

#[component]
pub fn TrackCards(props: &TrackCardsProps) -> Html {
    let bank = &props.content.bank;
    let (own, band) = (props.own, props.band);
    let voice = |text: &str| voiced(own, text);
    html! {
        <section class="panel" aria-labelledby="tracks-title">
            <h2 id="tracks-title">{ "What each track means" }</h2>
            <div class="tracks">
                { for [(&bank.tracks.management, Band::Management), (&bank.tracks.hybrid, Band::Hybrid), (&bank.tracks.technical, Band::Technical)].into_iter().map(|(t, b)| html! {
                    <div class={classes!("track-card", (b == band).then_some("current"))}>
                        <h3>{ &t.name }{ if b == band { if own { " (your result)" } else { " (their result)" } } else { "" } }</h3>
                        <p>{ voice(&t.summary) }</p>
                        <ul>{ for t.criteria.iter().map(|c| html! { <li>{ voice(c) }</li> }) }</ul>
                    </div>
                }) }
            </div>
            <p>{ voice(&bank.switching_note) }</p>
        </section>
    }
}
