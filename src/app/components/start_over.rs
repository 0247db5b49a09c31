//! "Start over", which asks before deleting anything.

use yew::prelude::*;

use crate::app::route::{navigate, Route};
use crate::app::state::{now, use_assess, Action};

/// A button that, on the first press, asks for confirmation inline.
#[component]
pub fn StartOver() -> Html {
    let state = use_assess();
    let asking = use_state(|| false);
    let answered = state.answered();
    if !*asking {
        let ask = {
            let asking = asking.clone();
            Callback::from(move |_| asking.set(true))
        };
        return html! {
            <button type="button" class="secondary" onclick={ask}>{ "Start over" }</button>
        };
    }
    let confirm = {
        let state = state.clone();
        let asking = asking.clone();
        Callback::from(move |_| {
            state.dispatch(Action::StartOver(now()));
            asking.set(false);
            navigate(Route::Questions);
        })
    };
    let cancel = {
        let asking = asking.clone();
        Callback::from(move |_| asking.set(false))
    };
    html! {
        <div class="confirm" role="group" aria-labelledby="start-over-q">
            <p id="start-over-q">{ format!("Start over? This deletes your {answered} answers from this browser.") }</p>
            <button type="button" class="danger" onclick={confirm}>{ "Yes, delete my answers" }</button>
            <button type="button" class="secondary" onclick={cancel} autofocus=true>{ "Keep my answers" }</button>
        </div>
    }
}
