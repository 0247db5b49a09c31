//! The welcome screen's dynamic part. The introduction itself is static HTML
//! in `index.html` (it paints before the wasm loads); this adds "continue
//! where you left off" for a returning person.

use yew::prelude::*;

use crate::app::components::start_over::StartOver;
use crate::app::route::Route;
use crate::app::state::use_assess;

#[component]
pub fn WelcomeResume() -> Html {
    let state = use_assess();
    let answered = state.answered();
    if answered == 0 && !state.session.finished {
        return html! {};
    }
    let (text, link, label) = if state.session.finished {
        (
            format!(
                "Welcome back. You finished the questionnaire ({answered} of {} answered).",
                state.total()
            ),
            Route::Results,
            "See your result",
        )
    } else {
        (
            format!(
                "Welcome back. You have answered {answered} of {} questions.",
                state.total()
            ),
            Route::Questions,
            "Continue where you left off",
        )
    };
    html! {
        <section class="panel resume" aria-labelledby="resume-title">
            <h2 id="resume-title">{ "Your progress" }</h2>
            <p>{ text }</p>
            <div class="actions">
                <a class="button" href={link.href()}>{ label }</a>
                <StartOver />
            </div>
        </section>
    }
}
