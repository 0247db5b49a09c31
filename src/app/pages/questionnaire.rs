//! The questionnaire: one question per screen, native radio groups (Tab into
//! the group, arrow keys to choose), back / skip / next, and progress.

use yew::prelude::*;

use crate::app::components::start_over::StartOver;
use crate::app::route::{navigate, Route};
use crate::app::state::{use_assess, Action};
use crate::core::bank::{Item, OptionId};
use crate::core::score::Response;

/// How many questions before the end the planner page starts to download.
const WARM_BEFORE_END: usize = 10;

#[component]
pub fn Questionnaire() -> Html {
    let state = use_assess();
    let heading = use_node_ref();
    let position = state.position();
    let total = state.total();

    // After moving to another question, put focus on its heading so that
    // keyboard and screen-reader users start reading at the new question.
    {
        let heading = heading.clone();
        use_effect_with(position, move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    // Near the end, have the planner page (where the result is) cached.
    use_effect_with(position + WARM_BEFORE_END >= total, |near_end| {
        if *near_end {
            crate::app::warm_planner();
        }
    });
    let Some(item) = state.content.bank.items.get(position) else {
        return html! { <p>{ "There are no questions in this bank." }</p> };
    };
    let bank = &state.content.bank;
    let current = state.session.answers.get(item.id()).cloned();
    let name = item.id().to_string();
    let legend_id = format!("q-{name}");

    let options: Vec<(String, Response)> = match item {
        Item::Likert(_) => bank
            .scale
            .iter()
            .enumerate()
            .map(|(i, label)| (label.clone(), Response::Likert(i as u8 + 1)))
            .collect(),
        Item::Scenario(s) => s
            .options
            .iter()
            .map(|o| (o.text.clone(), Response::Choice(OptionId(o.id.0.clone()))))
            .collect(),
    };
    let kind_hint = match item {
        Item::Likert(_) => "How much do you agree?",
        Item::Scenario(_) => "What would you most likely do?",
    };

    let on_back = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Back))
    };
    let on_skip = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Skip))
    };
    let is_last = position + 1 >= total;
    let on_next = {
        let state = state.clone();
        Callback::from(move |_| {
            state.dispatch(Action::Next);
            if is_last {
                navigate(Route::Results);
            }
        })
    };
    let answered = state.answered();

    html! {
        <section class="questionnaire" aria-labelledby="question-heading">
            <div class="progress-row">
                <h1 id="question-heading" class="progress-text" tabindex="-1" ref={heading}>
                    { format!("Question {} of {total}", position + 1) }
                </h1>
                <progress max={total.to_string()} value={(position + 1).to_string()} aria-label="Progress through the questionnaire" />
                <span class="muted">{ format!("{answered} answered") }</span>
            </div>
            <form class="question" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <fieldset aria-describedby="kind-hint">
                    <legend id={legend_id}>{ item.text() }</legend>
                    <p id="kind-hint" class="muted">{ kind_hint }</p>
                    <div class={classes!("options", matches!(item, Item::Likert(_)).then_some("likert"))}>
                        { for options.into_iter().enumerate().map(|(i, (label, response))| {
                            let id = format!("{name}-{i}");
                            let checked = current.as_ref() == Some(&response);
                            let onchange = {
                                let state = state.clone();
                                let item_id = item.id().clone();
                                Callback::from(move |_: Event| state.dispatch(Action::Answer(item_id.clone(), response.clone())))
                            };
                            html! {
                                <label class="option" for={id.clone()}>
                                    <input type="radio" id={id} name={name.clone()} {checked} {onchange} />
                                    <span>{ label }</span>
                                </label>
                            }
                        }) }
                    </div>
                </fieldset>
                // Next comes first in the Tab order, so that an accidental
                // Skip takes a deliberate extra step; the row is shown
                // reversed, so the visual order stays Back, Skip, Next.
                <div class="nav-buttons next-first">
                    <button type="button" onclick={on_next}>{ if is_last { "See my result" } else { "Next" } }</button>
                    <button type="button" class="secondary" onclick={on_skip}>{ "Skip" }</button>
                    <button type="button" class="secondary" onclick={on_back} disabled={position == 0}>{ "Back" }</button>
                </div>
            </form>
            <div class="aside-actions">
                <StartOver />
            </div>
        </section>
    }
}
