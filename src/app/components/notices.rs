//! Messages about the state of the person's data and the content: what went
//! wrong, what was kept, and what they can do next.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::storage::{SaveError, Store, ASIDE_KEY};
use crate::core::problems::Problem;

#[derive(Properties, PartialEq)]
pub struct ContentProblemsProps {
    pub problems: Rc<Vec<Problem>>,
}

/// Shown instead of the questionnaire when the question bank is broken:
/// every problem with its file and JSON path.
#[component]
pub fn ContentProblems(props: &ContentProblemsProps) -> Html {
    html! {
        <section class="panel error" role="alert" aria-labelledby="content-problems-title">
            <h1 id="content-problems-title">{ "The questionnaire content has problems" }</h1>
            <p>{ "Crossroads cannot run the assessment because its content files did not pass validation. Whoever maintains this site can fix them; each problem names the file, the place in it, and what is wrong." }</p>
            { problem_list(&props.problems) }
        </section>
    }
}

/// Content problems as a list, each with its file, its place in the file
/// and what is wrong (the error page and the deployment check).
pub fn problem_list(problems: &[Problem]) -> Html {
    html! {
        <ul class="problems">
            { for problems.iter().map(|p| html! {
                <li>
                    <code>{ p.file.clone() }</code>{ " at " }<code>{ p.path.clone() }</code>{ ": " }{ p.message.clone() }
                </li>
            }) }
        </ul>
    }
}

#[derive(Properties, PartialEq)]
pub struct SaveNoticeProps {
    pub persistent: bool,
    pub result: Option<Result<(), SaveError>>,
}

/// A live region that says whether progress is being saved.
#[component]
pub fn SaveNotice(props: &SaveNoticeProps) -> Html {
    let (class, text) = match (&props.result, props.persistent) {
        (_, false) => (
            "notice warn",
            "This browser is not letting Crossroads store anything, so your work is kept in this tab only: it stays while you reload or move between pages, and is lost when you close the tab. Download a result file to keep it.",
        ),
        (Some(Err(_)), true) => (
            "notice warn",
            "Your browser refused to save your latest answer (its storage may be full). You can carry on, but progress since then will not survive a reload.",
        ),
        (Some(Ok(())), true) => ("notice quiet", "Saved in this browser."),
        (None, true) => ("notice quiet", ""),
    };
    html! {
        <p class={class} role="status" id="save-status">{ text }</p>
    }
}

#[derive(Properties, PartialEq)]
pub struct UnreadableNoticeProps {
    pub error: String,
    /// The technical detail behind `error`.
    pub detail: Option<String>,
    pub raw: AttrValue,
    pub kept_aside: bool,
    pub store: Store,
}

/// Shown once when the saved progress could not be read.
#[component]
pub fn UnreadableNotice(props: &UnreadableNoticeProps) -> Html {
    let open = use_state(|| true);
    if !*open {
        return html! {};
    }
    let discard = {
        let open = open.clone();
        let store = props.store.clone();
        Callback::from(move |_| {
            store.discard_aside();
            open.set(false);
        })
    };
    let keep = {
        let open = open.clone();
        Callback::from(move |_| open.set(false))
    };
    let kept = if props.kept_aside {
        format!("Nothing has been deleted: the old data is kept in this browser under \"{ASIDE_KEY}\", and you can copy it below.")
    } else {
        "The old data could not be copied aside, so it is shown below: copy it now if it matters to you.".to_owned()
    };
    html! {
        <section class="panel warn" role="alert" aria-labelledby="unreadable-title">
            <h2 id="unreadable-title">{ "Your saved progress could not be restored" }</h2>
            <p>{ format!("Crossroads found saved progress but {}. ", props.error) }{ kept }</p>
            <p>{ "You are starting with a fresh questionnaire." }</p>
            <details class="technical">
                <summary>{ "Technical details and the saved data" }</summary>
                if let Some(detail) = props.detail.clone() {
                    <code>{ detail }</code>
                }
                <label for="unreadable-raw">{ "Saved data, as found" }</label>
                <textarea id="unreadable-raw" readonly=true rows="6" value={props.raw.clone()} />
            </details>
            <div class="actions">
                <button type="button" onclick={keep}>{ "Start fresh and keep the old data" }</button>
                <button type="button" class="secondary" onclick={discard}>{ "Start fresh and delete the old data" }</button>
            </div>
        </section>
    }
}
