//! The technical detail behind a plain message — a parser's words, a JSON
//! path — folded away in a disclosure, for whoever is asked to fix it.

use yew::prelude::*;

/// "Technical details", closed until opened; nothing when there is no
/// detail. A function rather than a component: a component type of its
/// own costs the first visit kilobytes of wasm.
pub fn technical_detail(detail: Option<String>) -> Html {
    match detail {
        Some(detail) => html! {
            <details class="technical">
                <summary>{ "Technical details" }</summary>
                <code>{ detail }</code>
            </details>
        },
        None => html! {},
    }
}
