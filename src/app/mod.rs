//! The Yew app: a thin layer over [`crate::core`]. It loads the content,
//! restores the saved session, routes between pages and saves after every
//! change.

pub mod boot;
mod components;
pub mod download;
pub mod opened;
mod pages;
pub mod route;
pub mod state;
pub mod storage;

use std::rc::Rc;

use yew::prelude::*;

use crate::core::content::Content;
use crate::core::problems::Problem;
use crate::core::session::Session;
use components::notices::{ContentProblems, SaveNotice, UnreadableNotice};
use route::{use_route, Route};
use state::{now, AssessContext, AssessState};
use storage::{Loaded, SaveError, Store};

/// Mounts the app into `#app`, replacing the static first-paint content.
pub fn mount() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    if let Some(root) = root {
        yew::Renderer::<App>::with_root(root).render();
    }
    register_service_worker();
}

/// Caches the app for offline use. Service workers exist only in secure
/// contexts (https, localhost); elsewhere the app simply stays online-only.
fn register_service_worker() {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return;
    };
    let supported = js_sys::Reflect::get(&navigator, &"serviceWorker".into())
        .map(|v| !v.is_undefined())
        .unwrap_or(false);
    if supported {
        let _ = navigator.service_worker().register("./sw.js");
    }
}

#[component]
pub fn App() -> Html {
    // Start-up runs in small tasks after the first paint: the welcome text
    // from index.html is on screen meanwhile.
    let booted = use_state(|| None::<Result<boot::Booted, Rc<Vec<Problem>>>>);
    {
        let booted = booted.clone();
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move {
                match boot::builtin().await {
                    Ok(content) => {
                        let b = boot::boot(content).await;
                        boot::apply_branding(&b.config);
                        booted.set(Some(Ok(b)));
                    }
                    Err(problems) => booted.set(Some(Err(Rc::new(problems)))),
                }
            });
        });
    }
    match &*booted {
        None => html! {},
        Some(Err(problems)) => html! { <ContentProblems problems={problems.clone()} /> },
        Some(Ok(b)) => html! {
            <ContextProvider<Rc<boot::BootReport>> context={b.report.clone()}>
                <Assessment content={b.content.clone()} store={Store::open()} />
            </ContextProvider<Rc<boot::BootReport>>>
        },
    }
}

#[derive(Properties, PartialEq)]
pub struct AssessmentProps {
    pub content: Rc<Content>,
    /// Where progress is saved; read once, when the assessment mounts.
    pub store: Store,
}

/// Holds the session for every page and saves it after each change.
#[component]
pub fn Assessment(props: &AssessmentProps) -> Html {
    let store = use_memo((), {
        let store = props.store.clone();
        move |_| store
    });
    let loaded = use_memo((), {
        let store = store.clone();
        move |_| store.load()
    });
    let state = {
        let content = props.content.clone();
        let loaded = loaded.clone();
        use_reducer(move || {
            let session = match &*loaded {
                Loaded::Resumed(s) => s.clone(),
                _ => Session::new(&content.bank, &now()),
            };
            AssessState::new(content, session)
        })
    };
    // `None` until the first change; then the outcome of the last save.
    let save_result = use_state(|| None::<Result<(), SaveError>>);
    {
        let store = store.clone();
        let save_result = save_result.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(state.session.clone(), move |session| {
            // Do not write on mount: an untouched page must not replace
            // anything already stored.
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            let mut stamped = session.clone();
            stamped.updated = Some(now());
            save_result.set(Some(store.save(&stamped)));
        });
    }

    // Results opened from files and links, kept apart from the person's own.
    let opened = {
        let store = store.clone();
        use_state(move || Rc::new(opened::load(&store).0))
    };
    {
        let store = store.clone();
        let first = use_mut_ref(|| true);
        use_effect_with((*opened).clone(), move |list| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                opened::save(&store, list);
            }
        });
    }

    let route = use_route();
    {
        // The welcome text lives in index.html for a fast first paint; show
        // it only on the welcome route.
        use_effect_with(route, |route| {
            if let Some(el) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("welcome"))
            {
                let _ = if *route == Route::Welcome {
                    el.remove_attribute("hidden")
                } else {
                    el.set_attribute("hidden", "")
                };
            }
        });
    }

    let page = match route {
        Route::Welcome => html! { <pages::welcome::WelcomeResume /> },
        Route::Questions => html! { <pages::questionnaire::Questionnaire /> },
        Route::Results => html! { <pages::results::Results /> },
        Route::Method => html! { <pages::method::Method /> },
        Route::Open => html! { <pages::open::Open /> },
        Route::Opened(index) => html! { <pages::open::OpenedView {index} /> },
        Route::Report(index) => html! { <pages::mentor::MeetingReport {index} /> },
        Route::Shared => html! { <pages::open::SharedView /> },
        Route::Compare => html! { <pages::compare::Compare /> },
        Route::Admin => html! { <pages::admin::Admin /> },
        Route::Cohort => html! { <pages::cohort::CohortPage /> },
        Route::Skills => html! { <pages::skills::Skills /> },
        Route::Experience => html! { <pages::experience::ExperiencePage /> },
        Route::Roles => html! { <pages::roles::Roles /> },
        Route::Gap => html! { <pages::gap::Gap /> },
        Route::Roadmap => html! { <pages::roadmap::Roadmap /> },
        Route::NotFound => html! { <pages::not_found::NotFound /> },
    };
    let unreadable = match &*loaded {
        Loaded::Unreadable {
            error,
            raw,
            kept_aside,
        } => Some(html! {
            <UnreadableNotice
                error={error.to_string()}
                raw={AttrValue::from(raw.clone())}
                kept_aside={*kept_aside}
                store={(*store).clone()}
            />
        }),
        _ => None,
    };
    html! {
        <ContextProvider<AssessContext> context={state}>
            <ContextProvider<opened::OpenedContext> context={opened}>
                { for unreadable }
                <SaveNotice persistent={store.is_persistent()} result={(*save_result).clone()} />
                { page }
            </ContextProvider<opened::OpenedContext>>
        </ContextProvider<AssessContext>>
    }
}
