//! The questionnaire has changed since these answers were given: what
//! still counts, what is kept aside, and the new questions to answer.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::route::Route;
use crate::core::content::Content;
use crate::core::session::Changes;

#[derive(Properties, PartialEq)]
pub struct QuestionnaireChangedProps {
    pub changes: Rc<Changes>,
    pub content: Rc<Content>,
    /// The person's own result: it links to the new questions.
    pub own: bool,
}

/// Answers given to an earlier version of the questionnaire: what still
/// counts, what is kept aside, and the new questions to answer.
#[component]
pub fn QuestionnaireChanged(props: &QuestionnaireChangedProps) -> Html {
    let bank = &props.content.bank;
    let c = &props.changes;
    html! {
        <section class="panel notice warn changed" aria-labelledby="changed-title">
            <h2 id="changed-title">{ "The questionnaire has changed" }</h2>
            <p>{ format!(
                "These answers were given to version {} of the questionnaire; this is version {}. The result is worked out from the answers that still apply.",
                c.from.1, bank.version
            ) }</p>
            if !c.retired.is_empty() {
                <p>{ format!(
                    "{} answer(s) are to statements this version no longer asks. They are kept with the answers (and in any download) but not counted.",
                    c.retired.len()
                ) }</p>
            }
            if !c.new_questions.is_empty() {
                <p>{ format!("{} new question(s) to answer:", c.new_questions.len()) }</p>
                <ol class="new-questions">
                    { for c.new_questions.iter().filter_map(|id| bank.item(id)).map(|i| html! { <li>{ i.text() }</li> }) }
                </ol>
                if props.own {
                    <a class="button" href={Route::Questions.href()}>{ "Answer the new questions" }</a>
                }
            }
        </section>
    }
}
