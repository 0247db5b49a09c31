//! An address the app does not know.

use yew::prelude::*;

use crate::app::route::Route;

#[component]
pub fn NotFound() -> Html {
    html! {
        <section class="panel" aria-labelledby="nf-title">
            <h1 id="nf-title">{ "This page does not exist" }</h1>
            <p>{ "The link may be mistyped or from a newer version of Crossroads." }</p>
            <a class="button" href={Route::Welcome.href()}>{ "Go to the start" }</a>
        </section>
    }
}
