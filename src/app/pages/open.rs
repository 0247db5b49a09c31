//! Opening someone's result: from a file (picker or drag and drop) or from a
//! share link. Whatever is opened is shown read-only and kept apart from the
//! person's own work.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::app::components::detail::technical_detail;
use crate::app::opened::use_opened;
use crate::app::pages::results::{ResultView, Whose};
use crate::app::route::{navigate, Route};
use crate::app::state::{use_assess, Action};
use crate::core::result_file::{import, ImportError, ResultFile, MAX_BYTES};
use crate::core::share;

/// Reads `file`, imports it and, if it is a result, adds it to the opened
/// list and shows it.
fn open_file(
    file: web_sys::File,
    content: Rc<crate::core::content::Content>,
    opened: crate::app::opened::OpenedContext,
    error: UseStateHandle<Option<OpenError>>,
) {
    let name = file.name();
    if file.size() > MAX_BYTES as f64 {
        let too_large = ImportError::TooLarge {
            bytes: file.size() as usize,
        };
        error.set(Some(OpenError::new(&name, &too_large)));
        return;
    }
    yew::platform::spawn_local(async move {
        let text = match JsFuture::from(file.text()).await {
            Ok(v) => v.as_string().unwrap_or_default(),
            Err(_) => {
                error.set(Some(OpenError {
                    message: format!(
                        "Could not read \"{name}\": the browser could not open the file."
                    ),
                    detail: None,
                }));
                return;
            }
        };
        match import(&text, &content.bank) {
            Ok(imported) => {
                let mut list = (*opened).as_ref().clone();
                list.push(imported.file);
                let index = list.len() - 1;
                opened.set(Rc::new(list));
                error.set(None);
                navigate(Route::Opened(index));
            }
            Err(e) => error.set(Some(OpenError::new(&name, &e))),
        }
    });
}

/// Why a file could not be opened: a sentence for the reader and the
/// technical detail behind it.
#[derive(Clone, PartialEq)]
struct OpenError {
    message: String,
    detail: Option<String>,
}

impl OpenError {
    fn new(name: &str, e: &ImportError) -> Self {
        OpenError {
            message: format!("Could not open \"{name}\": {e}."),
            detail: e.detail(),
        }
    }
}

#[component]
pub fn Open() -> Html {
    let state = use_assess();
    let opened = use_opened();
    let error = use_state(|| None::<OpenError>);
    let over = use_state(|| false);

    let on_pick = {
        let (content, opened, error) = (state.content.clone(), opened.clone(), error.clone());
        Callback::from(move |e: Event| {
            let input: Option<web_sys::HtmlInputElement> =
                e.target().and_then(|t| t.dyn_into().ok());
            if let Some(file) = input
                .as_ref()
                .and_then(|i| i.files())
                .and_then(|f| f.get(0))
            {
                open_file(file, content.clone(), opened.clone(), error.clone());
            }
            if let Some(i) = input {
                i.set_value("");
            }
        })
    };
    let on_drop = {
        let (content, opened, error, over) = (
            state.content.clone(),
            opened.clone(),
            error.clone(),
            over.clone(),
        );
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(false);
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                open_file(file, content.clone(), opened.clone(), error.clone());
            }
        })
    };
    let on_over = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(true);
        })
    };
    let on_leave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };

    html! {
        <article aria-labelledby="open-title">
            <h1 id="open-title">{ "Open a result" }</h1>
            <p>{ "Open a result file someone gave you — a mentee's, or one of your own from an earlier attempt. It opens on its own and never replaces your own work. The file is read in this browser only." }</p>
            <div class={classes!("dropzone", (*over).then_some("over"))} ondrop={on_drop} ondragover={on_over} ondragleave={on_leave}>
                // The input comes before its label, which shows its focus.
                <input id="result-file" class="file-input" type="file" accept=".json,application/json" onchange={on_pick} />
                <label for="result-file" class="button">{ "Choose a result file" }</label>
                <p class="muted">{ "…or drop it here." }</p>
            </div>
            if let Some(e) = (*error).clone() {
                // Keyed by the message: each new problem gets a fresh,
                // closed disclosure.
                <div class="notice warn" role="alert" key={e.message.clone()}>
                    <p>{ e.message }</p>
                    { technical_detail(e.detail) }
                </div>
            }
            if !opened.is_empty() {
                <section class="panel" aria-labelledby="opened-title">
                    <h2 id="opened-title">{ "Opened results" }</h2>
                    <ul class="opened-list">
                        { for opened.iter().enumerate().map(|(i, f)| {
                            let remove = {
                                let opened = opened.clone();
                                Callback::from(move |_| {
                                    let mut list = (*opened).as_ref().clone();
                                    if i < list.len() {
                                        list.remove(i);
                                    }
                                    opened.set(Rc::new(list));
                                })
                            };
                            let label = f.label(&format!("Result {}", i + 1));
                            html! {
                                <li>
                                    <a href={Route::Opened(i).href()}>{ label.clone() }</a>
                                    { f.session.updated.as_deref().map(|u| format!(" — saved {}", u.chars().take(10).collect::<String>())).unwrap_or_default() }
                                    { " " }
                                    <button type="button" class="secondary small" onclick={remove} aria-label={format!("Remove {label}")}>{ "Remove" }</button>
                                </li>
                            }
                        }) }
                    </ul>
                    <a class="button secondary" href={Route::Compare.href()}>{ "Compare two results" }</a>
                </section>
            }
        </article>
    }
}

#[derive(Properties, PartialEq)]
pub struct OpenedViewProps {
    pub index: usize,
}

/// One opened result, read-only, with what changed on the way in.
#[component]
pub fn OpenedView(props: &OpenedViewProps) -> Html {
    let state = use_assess();
    let opened = use_opened();
    let confirming = use_state(|| false);
    let Some(file) = opened.get(props.index).cloned() else {
        return html! {
            <section class="panel" role="alert">
                <h1>{ "This opened result is no longer here" }</h1>
                <a class="button" href={Route::Open.href()}>{ "Open a result" }</a>
            </section>
        };
    };
    let bank = &state.content.bank;
    let label = file.label("This person");
    let unknown = file.session.unknown_questions(bank);
    let unknown_options = file.session.unknown_options(bank);
    let session = Rc::new(file.session.clone());
    let replace = {
        let state = state.clone();
        let session = file.session.clone();
        Callback::from(move |_| {
            state.dispatch(Action::Replace(Box::new(session.clone())));
            navigate(Route::Results);
        })
    };
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(true))
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(false))
    };
    html! {
        <>
            <p class="notice info">{ format!("You are viewing {label}'s result, opened from a file. It is read-only, and your own work is untouched.") }</p>
            if !unknown.is_empty() {
                <p class="notice warn">{ format!(
                    "{} to questions this version no longer asks ({}). They are kept in the file but not scored.",
                    if unknown.len() == 1 { "1 answer is".to_owned() } else { format!("{} answers are", unknown.len()) },
                    unknown.iter().map(|i| i.as_str()).collect::<Vec<_>>().join(", ")
                ) }</p>
            }
            if !unknown_options.is_empty() {
                <p class="notice warn">{ format!(
                    "{} an option this version of the question no longer offers ({}). They are kept in the file but not scored.",
                    if unknown_options.len() == 1 { "1 answer chooses".to_owned() } else { format!("{} answers choose", unknown_options.len()) },
                    unknown_options.iter().map(|i| i.as_str()).collect::<Vec<_>>().join(", ")
                ) }</p>
            }
            <ResultView content={state.content.clone()} session={session} whose={Whose::Other(label.clone().into())} />
            <crate::app::pages::mentor::MentorPanel index={props.index} />
            if !file.session.notes.is_empty() {
                <section class="panel" aria-labelledby="their-notes">
                    <h2 id="their-notes">{ format!("{label}'s notes") }</h2>
                    <p class="preserve">{ file.session.notes.clone() }</p>
                </section>
            }
            <section class="panel" aria-labelledby="replace-title">
                <h2 id="replace-title">{ "Is this your own result?" }</h2>
                <p>{ "If this file is your own earlier work, you can make it your current work in this browser." }</p>
                if *confirming {
                    <div class="confirm" role="group" aria-labelledby="replace-q">
                        <p id="replace-q">{ format!("Replace your own work ({} answers) with this result? Your current answers will be lost unless you have downloaded them.", state.answered()) }</p>
                        <button type="button" class="danger" onclick={replace}>{ "Yes, replace my work" }</button>
                        <button type="button" class="secondary" onclick={cancel}>{ "Keep my work" }</button>
                    </div>
                } else {
                    <button type="button" class="secondary" onclick={ask}>{ "Replace my own work with this result" }</button>
                }
            </section>
        </>
    }
}

/// A result carried in the link itself (`#/r?…`).
#[component]
pub fn SharedView() -> Html {
    let state = use_assess();
    let opened = use_opened();
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    match share::decode_full(&state.content.bank, &state.content.catalog, &hash) {
        Err(e) => html! {
            <section class="panel warn" role="alert" aria-labelledby="share-error">
                <h1 id="share-error">{ "This result link cannot be opened" }</h1>
                <p>{ format!("Crossroads could not read it: {e}.") }</p>
                { technical_detail(e.detail()) }
                <a class="button" href={Route::Welcome.href()}>{ "Go to the start" }</a>
            </section>
        },
        Ok((shared, extras)) => {
            let label = shared
                .display_name
                .clone()
                .unwrap_or_else(|| "Someone".to_owned());
            let mut session = shared.session;
            session.display_name = shared.display_name;
            let keep = {
                let opened = opened.clone();
                let session = session.clone();
                Callback::from(move |_| {
                    let mut list = (*opened).as_ref().clone();
                    list.push(ResultFile::new(session.clone()));
                    let index = list.len() - 1;
                    opened.set(Rc::new(list));
                    navigate(Route::Opened(index));
                })
            };
            html! {
                <>
                    <p class="notice info">{ format!("You are viewing {label}'s shared result. It is read-only; nothing is saved unless you choose to.") }</p>
                    <p class={classes!("notice", if extras.skills { "info" } else { "warn" })}>{ link_carries(&label, &extras) }</p>
                    <ResultView content={state.content.clone()} session={Rc::new(session)} whose={Whose::Other(label.into())} />
                    <div class="actions">
                        <button type="button" onclick={keep}>{ "Keep it in my opened results and review it" }</button>
                    </div>
                </>
            }
        }
    }
}

/// What a share link brought and what it lacks, said plainly to whoever
/// opened it (usually a mentor).
fn link_carries(label: &str, extras: &share::Extras) -> String {
    let mut text = match (extras.skills, extras.role) {
        (true, true) => format!("This link carries {label}'s answers, skill ratings and target role. It does not carry experience, notes or roadmap progress: for those, ask {label} for the result file."),
        (true, false) => format!("This link carries {label}'s answers and skill ratings, but no target role, experience, notes or roadmap progress: for those, ask {label} for the result file."),
        (false, true) => format!("This link carries {label}'s answers and target role but no skill ratings, so a mentor's ratings cannot be compared with theirs and no blind spots can be found. Ask {label} to rate the skills and send a new link, or the result file."),
        (false, false) => format!("This link carries {label}'s answers only: no skill ratings, target role, experience or notes, so a mentor's ratings cannot be compared with theirs and no blind spots can be found. Ask {label} for the result file, or for a new link after rating the skills."),
    };
    if let Some(problem) = &extras.problem {
        text.push_str(&format!(" Also, {problem}."));
    }
    text
}
