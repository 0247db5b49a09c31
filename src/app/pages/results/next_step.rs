//! Where to go from the result: the skills for the person's own result,
//! the method for anyone's.

use yew::prelude::*;

use crate::app::route::Route;

#[derive(Properties, PartialEq)]
pub struct NextStepProps {
    /// The person's own result: it links on to the planner and back to
    /// the answers; someone else's only to the method.
    pub own: bool,
}

#[component]
pub fn NextStep(props: &NextStepProps) -> Html {
    let own = props.own;
    html! {
        <section class="panel next-step" aria-labelledby="next-title">
            <h2 id="next-title">{ "Next step" }</h2>
            <p>{ if own { "A leaning is a starting point for a conversation, not a verdict. Next, rate your skills, pick a target role on either track, and get a dated learning roadmap that respects real certification rules." } else { "A leaning is a starting point for a conversation, not a verdict." } }</p>
            <div class="actions">
                if own {
                    <a class="button" href={Route::Skills.href()}>{ "Next: rate your skills" }</a>
                }
                <a class="button secondary" href={Route::Method.href()}>{ "How this result is worked out" }</a>
                if own {
                    <a class="button secondary" href={Route::Questions.href()}>{ "Review my answers" }</a>
                }
            </div>
        </section>
    }
}
