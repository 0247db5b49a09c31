//! The technical detail behind a plain message — a parser's words, a JSON
//! path — folded away in a disclosure, for whoever is asked to fix it.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TechnicalDetailProps {
    /// Nothing is shown when there is no detail.
    pub detail: Option<AttrValue>,
}

/// "Technical details", closed until opened.
#[component]
pub fn TechnicalDetail(props: &TechnicalDetailProps) -> Html {
    match &props.detail {
        Some(detail) => html! {
            <details class="technical">
                <summary>{ "Technical details" }</summary>
                <code>{ detail.clone() }</code>
            </details>
        },
        None => html! {},
    }
}
