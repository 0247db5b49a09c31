//! How the result is worked out, and the sources the content draws on.

use yew::prelude::*;

use crate::app::state::use_assess;
use crate::core::bank::Item;
use crate::core::score::HYBRID_HALF_WIDTH;

#[component]
pub fn Method() -> Html {
    let state = use_assess();
    let bank = &state.content.bank;
    let likert = bank
        .items
        .iter()
        .filter(|i| matches!(i, Item::Likert(_)))
        .count();
    let scenarios = bank.items.len() - likert;
    html! {
        <article class="method" aria-labelledby="method-title">
            <h1 id="method-title">{ "How Crossroads works out your result" }</h1>
            <section class="panel" aria-labelledby="m-what">
                <h2 id="m-what">{ "What it measures" }</h2>
                <p>{ format!(
                    "The questionnaire ({} version {}) has {likert} statements you rate from \"{}\" to \"{}\", and {scenarios} workplace situations where you pick what you would most likely do. They measure {} topics:",
                    bank.title, bank.version, bank.scale.first().map(String::as_str).unwrap_or(""), bank.scale.last().map(String::as_str).unwrap_or(""), bank.dimensions.len()
                ) }</p>
                <ul>
                    { for bank.dimensions.iter().map(|d| html! {
                        <li><strong>{ &d.name }</strong>{ format!(" — points to the {} track. ", d.track.word()) }{ &d.why }</li>
                    }) }
                </ul>
            </section>
            <section class="panel" aria-labelledby="m-how">
                <h2 id="m-how">{ "How the scores are computed" }</h2>
                <ul>
                    <li>{ "Each topic has statements written in both directions. Half of them describe the opposite preference, so that someone who simply agrees with everything does not end up with a strong result." }</li>
                    <li>{ "Your general tendency to agree or disagree is measured across all statements and subtracted before scoring." }</li>
                    <li>{ "A topic's score runs from 0 to 100, where 50 is neutral. It is your answers on that topic compared with the most they could have moved it." }</li>
                    <li>{ "Your leaning is the average of the management topics minus the average of the technical topics, from 100 points technical to 100 points management. The interest in the leading edge of technology counts half, because it suits both tracks." }</li>
                    <li>{ format!("Within {HYBRID_HALF_WIDTH:.0} points of the middle is the hybrid zone — roles such as team lead that are half technical and half management. The margin says how far you are from the nearest edge of a zone.") }</li>
                    <li>{ "Confidence starts at 100 and falls with every skipped question, with answers on the same topic that contradict each other, and when nearly every answer is the same." }</li>
                    <li>{ "Everything is computed in your browser. Nothing you enter is sent anywhere." }</li>
                </ul>
                <p>{ "This is a reflection aid, not a test: use it to start a conversation with yourself or a mentor, never to screen people." }</p>
            </section>
            <section class="panel" aria-labelledby="m-sources">
                <h2 id="m-sources">{ "Sources" }</h2>
                <p>{ "The topics and track descriptions draw on these published articles. All questions are written for Crossroads." }</p>
                <ul class="sources">
                    { for bank.sources.iter().map(|s| html! {
                        <li>
                            <cite>{ &s.title }</cite>
                            { [s.author.as_deref(), s.publisher.as_deref(), s.date.as_deref()].into_iter().flatten().map(|x| format!(", {x}")).collect::<String>() }
                            { ". " }{ &s.used_for }
                        </li>
                    }) }
                </ul>
            </section>
        </article>
    }
}
