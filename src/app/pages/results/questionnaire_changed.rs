//! The questionnaire has changed since these answers were given: what
//! still counts, what is kept aside, and the new questions to answer.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::route::Route;
use crate::core::content::Content;
use crate::core::session::Changes;
use crate::core::text::count;

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
                <p>{ retired_note(c.retired.len()) }</p>
            }
            if !c.new_questions.is_empty() {
                // Listed behind a disclosure: on a phone, a long list would
                // push the result itself several screens down.
                <details>
                    <summary>{ format!(
                        "{} {}",
                        count(c.new_questions.len(), "new question", "new questions"),
                        if props.own { "to answer" } else { "not answered yet" }
                    ) }</summary>
                    <ol class="new-questions">
                        { for c.new_questions.iter().filter_map(|id| bank.item(id)).map(|i| html! { <li>{ i.text() }</li> }) }
                    </ol>
                </details>
                if props.own {
                    <a class="button" href={Route::Questions.href()}>{ "Answer the new questions" }</a>
                }
            }
        </section>
    }
}

/// What became of the answers to statements the questionnaire no longer asks.
fn retired_note(n: usize) -> String {
    if n == 1 {
        "1 answer is to a statement this version no longer asks. It is kept with the answers (and in any download) but not counted.".to_owned()
    } else {
        format!("{n} answers are to statements this version no longer asks. They are kept with the answers (and in any download) but not counted.")
    }
}
