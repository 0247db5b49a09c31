//! The steps marked done or skipped, each with a way to undo the mark.

use yew::prelude::*;

use crate::app::state::StepMark;

/// A marked step as listed: the id it was saved under (which may name a
/// step the catalog no longer has), its name, and its mark.
#[derive(Clone, PartialEq)]
pub struct MarkedStep {
    pub id: AttrValue,
    pub label: AttrValue,
    pub mark: StepMark,
}

#[derive(Properties, PartialEq)]
pub struct MarkedStepsProps {
    pub steps: Vec<MarkedStep>,
    /// Undo pressed: the mark to take off, and the saved id it is on.
    pub onundo: Callback<(StepMark, AttrValue)>,
}

#[component]
pub fn MarkedSteps(props: &MarkedStepsProps) -> Html {
    if props.steps.is_empty() {
        return html! {};
    }
    html! {
        <section class="panel no-print" aria-labelledby="marked-title">
            <h2 id="marked-title">{ "Marked steps" }</h2>
            <ul>
                { for props.steps.iter().map(|MarkedStep { id, label, mark }| {
                    let how = if *mark == StepMark::Done { "done" } else { "skipped" };
                    let undo = {
                        let (mark, id) = (*mark, id.clone());
                        props.onundo.reform(move |_: MouseEvent| (mark, id.clone()))
                    };
                    html! {
                        <li>{ format!("{label} — {how} ") }
                            <button type="button" class="secondary small" aria-label={format!("Undo: {label}")} onclick={undo}>{ "Undo" }</button></li>
                    }
                }) }
            </ul>
        </section>
    }
}
