//! The Yew app: a thin layer over [`crate::core`]. It loads the content,
//! restores the saved session, routes between pages and saves after every
//! change.

pub mod boot;
mod components;
pub mod debounce;
pub mod dom;
pub mod download;
mod dropped;
pub mod opened;
mod pages;
mod read_files;
pub mod respondent;
pub mod route;
pub mod state;
pub mod storage;

use std::rc::Rc;

use yew::prelude::*;

use crate::core::bank::Bank;
use crate::core::career::catalog::Catalog;
use crate::core::content::{self, Content};
use crate::core::problems::Problem;
use crate::core::program::ProgramTexts;
use crate::core::session::{Kept, LoadError, Session};
use components::notices::{ContentProblems, SaveNotice, UnreadableNotice};
use route::{use_route, Page, Route};
use state::{now, AssessContext, AssessState};
use storage::{Loaded, SaveError, Store};

/// One of the four pages the app is built as: what content it parses at
/// start-up and which screens it shows. Each page is its own binary, so a
/// person downloads only their own screens: the assessment a first visitor
/// loads carries none of the planner's code or catalog, and the
/// technician's planner none of the mentor's or the program's screens.
///
/// The defaults are for the pages after the questionnaire, which need the
/// whole bank, the catalog and the whole save.
pub trait Part: 'static {
    /// The page this part is.
    const PAGE: Page;
    /// The screen for a route this page owns.
    fn page(route: Route) -> Html;
    /// The built-in bank as this page needs it.
    fn builtin_bank() -> Result<Bank, Vec<Problem>> {
        Bank::from_json(content::BANK_FILE, content::BANK_JSON)
    }
    /// The built-in catalog this page needs, or `None` when it runs on the
    /// question bank alone (its catalog is then empty).
    fn builtin_catalog() -> Option<Result<Catalog, Vec<Problem>>> {
        Some(Catalog::from_texts(&crate::core::content::BUILTIN_CATALOG))
    }
    /// A program's catalog files, or `None` when this page does not use
    /// the catalog (then they are not even fetched).
    fn program_catalog(texts: &ProgramTexts) -> Option<Result<Catalog, Vec<Problem>>> {
        Some(texts.validated_catalog())
    }
    /// Reads a save: the planner reads all of it; the assessment only the
    /// questionnaire's fields, keeping the rest as written.
    fn decode(text: &str) -> Result<(Session, Kept), LoadError> {
        Session::decode(text).map(|s| (s, Kept::default()))
    }
    /// Writes a save, with the fields `decode` kept.
    fn encode(session: &Session, _kept: &Kept) -> String {
        session.encode()
    }
}

/// The assessment: welcome and questionnaire.
pub struct Assess;

impl Part for Assess {
    const PAGE: Page = Page::Assess;
    fn page(route: Route) -> Html {
        pages::assess_page(route)
    }
    /// The questionnaire's copy: without the texts only the planner shows.
    fn builtin_bank() -> Result<Bank, Vec<Problem>> {
        Bank::parse(content::BANK_FILE, content::BANK_QUESTIONNAIRE_JSON)
    }
    fn builtin_catalog() -> Option<Result<Catalog, Vec<Problem>>> {
        None
    }
    fn program_catalog(_: &ProgramTexts) -> Option<Result<Catalog, Vec<Problem>>> {
        None
    }
    fn decode(text: &str) -> Result<(Session, Kept), LoadError> {
        Session::decode_questionnaire(text)
    }
    fn encode(session: &Session, kept: &Kept) -> String {
        session.encode_questionnaire(kept)
    }
}

/// The technician's planner: result, method, skills, experience, roles,
/// gap and roadmap.
pub struct Plan;

impl Part for Plan {
    const PAGE: Page = Page::Plan;
    fn page(route: Route) -> Html {
        pages::plan_page(route)
    }
}

/// The mentor's page: results opened from files and share links, their
/// review, comparison and meeting report.
pub struct Mentor;

impl Part for Mentor {
    const PAGE: Page = Page::Mentor;
    fn page(route: Route) -> Html {
        pages::mentor_page(route)
    }
}

/// The program's page: the cohort overview and the deployment check.
pub struct Program;

impl Part for Program {
    const PAGE: Page = Page::Program;
    fn page(route: Route) -> Html {
        pages::program_page(route)
    }
}

/// Mounts page `P` into `#app`, replacing the static first-paint content —
/// unless the address belongs to another page, which is then loaded
/// instead.
pub fn mount<P: Part>() {
    if route::hand_over(route::Route::from_hash(
        &web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default(),
    )) {
        return;
    }
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    if let Some(root) = root {
        yew::Renderer::<App<P>>::with_root(root).render();
    }
}

/// Caches the app for offline use. Service workers exist only in secure
/// contexts (https, localhost); elsewhere the app simply stays online-only.
/// Called once the page is usable: the worker's install downloads the
/// assessment's files, which a mentor opening a shared result should not
/// wait for.
fn register_service_worker() {
    if let Some(workers) = service_workers() {
        let _ = workers.register("./sw.js");
    }
}

/// The page's service workers, where the browser offers them.
fn service_workers() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let supported = js_sys::Reflect::get(&navigator, &"serviceWorker".into())
        .map(|v| !v.is_undefined())
        .unwrap_or(false);
    supported.then(|| navigator.service_worker())
}

/// Asks the service worker to cache the planner page now, while the person
/// is still answering: the result then opens at once, and still opens if
/// the network drops before the last question. Nothing happens without a
/// worker (first load, insecure context).
pub fn warm_planner() {
    if let Some(worker) = service_workers().and_then(|w| w.controller()) {
        let _ = worker.post_message(&"warm-planner".into());
    }
}

#[component]
pub fn App<P: Part>() -> Html {
    // Start-up runs in small tasks after the first paint: the welcome text
    // from index.html is on screen meanwhile.
    let booted = use_state(|| None::<Result<boot::Booted, Rc<Vec<Problem>>>>);
    {
        let booted = booted.clone();
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move {
                match boot::builtin::<P>().await {
                    Ok(content) => {
                        let b = boot::boot::<P>(content).await;
                        boot::apply_branding(&b.config);
                        booted.set(Some(Ok(b)));
                    }
                    Err(problems) => booted.set(Some(Err(Rc::new(problems)))),
                }
                // The planner page's static "Loading…" line has served its
                // purpose.
                if let Some(loading) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id("loading"))
                {
                    loading.remove();
                }
                // After the screen has rendered.
                boot::next_tick().await;
                register_service_worker();
            });
        });
    }
    match &*booted {
        None => html! {},
        Some(Err(problems)) => html! { <ContentProblems problems={problems.clone()} /> },
        Some(Ok(b)) => html! {
            <ContextProvider<Rc<boot::BootReport>> context={b.report.clone()}>
                <Assessment<P> content={b.content.clone()} store={Store::open()} />
            </ContextProvider<Rc<boot::BootReport>>>
        },
    }
}

#[derive(Properties)]
pub struct AssessmentProps {
    pub content: Rc<Content>,
    /// Where progress is saved; read once, when the assessment mounts.
    pub store: Store,
}

impl PartialEq for AssessmentProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.content, &other.content) && self.store == other.store
    }
}

/// Saves the session after each change and returns the outcome of the last
/// save (`None` until the first change).
///
/// The save is written in a task of its own after the input's, not within
/// it: the browser can paint the answer first, and changes that come
/// before the task runs are written once. Encoding and writing the save is
/// about 0.5 ms of each input at full speed (2 ms at 4× CPU slowdown,
/// `scripts/bench-interaction.mjs`). Leaving or hiding the page writes what
/// is pending at once, so nothing is lost to a quick close.
#[hook]
fn use_saving<P: Part>(
    store: &Rc<Store>,
    session: &Session,
    kept: &Rc<Kept>,
) -> Option<Result<(), SaveError>> {
    // Compared before it is set: a save that went as the last one did
    // re-renders nothing.
    let result = use_state_eq(|| None::<Result<(), SaveError>>);
    // What is still to be written: the session and the fields it keeps.
    let pending = use_mut_ref(|| None::<(Session, Rc<Kept>)>);
    let flush = {
        let store = store.clone();
        let pending = pending.clone();
        let result = result.setter();
        Rc::new(move || {
            let next = pending.borrow_mut().take();
            if let Some((session, kept)) = next {
                result.set(Some(store.save_text(&P::encode(&session, &kept))));
            }
        })
    };
    {
        let flush = flush.clone();
        let kept = kept.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(session.clone(), move |session| {
            // Do not write on mount: an untouched page must not replace
            // anything already stored.
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            let mut stamped = session.clone();
            stamped.updated = Some(now());
            let idle = pending.borrow_mut().replace((stamped, kept)).is_none();
            if idle {
                yew::platform::spawn_local(async move {
                    boot::next_tick().await;
                    flush();
                });
            }
        });
    }
    {
        let flush = flush.clone();
        use_effect_with((), move |_| {
            let listeners = web_sys::window()
                .and_then(|w| Some((w.clone(), w.document()?)))
                .map(|(window, document)| {
                    let on_hide = flush.clone();
                    let on_hidden = flush;
                    [
                        gloo::events::EventListener::new(&window, "pagehide", move |_| on_hide()),
                        gloo::events::EventListener::new(
                            &document,
                            "visibilitychange",
                            move |_| on_hidden(),
                        ),
                    ]
                });
            move || drop(listeners)
        });
    }
    (*result).clone()
}

/// Holds the session for every page and saves it after each change.
#[component]
pub fn Assessment<P: Part>(props: &AssessmentProps) -> Html {
    let store = use_memo((), {
        let store = props.store.clone();
        move |_| store
    });
    let loaded = use_memo((), {
        let store = store.clone();
        move |_| store.load_with(P::decode)
    });
    let state = {
        let content = props.content.clone();
        let loaded = loaded.clone();
        use_reducer(move || {
            let (session, kept) = match &*loaded {
                Loaded::Resumed(s, kept) => (s.clone(), kept.clone()),
                _ => (Session::new(&content.bank, &now()), Kept::default()),
            };
            AssessState::new(content, session, kept)
        })
    };
    let save_result = use_saving::<P>(&store, &state.session, &state.kept);

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

    {
        // After every move to another screen, put focus on its heading, so
        // that keyboard and screen-reader users start reading at the new
        // screen instead of at `<body>` (WCAG 2.4.3). Not on the first
        // render: a fresh page load starts at the top as usual.
        let first = use_mut_ref(|| true);
        use_effect_with(route, move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                yew::platform::spawn_local(async {
                    boot::next_tick().await;
                    focus_heading();
                });
            }
        });
    }

    let page = P::page(route);
    let unreadable = match &*loaded {
        Loaded::Unreadable {
            error,
            raw,
            kept_aside,
        } => Some(html! {
            <UnreadableNotice
                error={error.to_string()}
                detail={error.detail()}
                raw={AttrValue::from(raw.clone())}
                kept_aside={*kept_aside}
                store={(*store).clone()}
            />
        }),
        _ => None,
    };
    let body = html! {
        <>
            { for unreadable }
            <SaveNotice persistent={store.is_persistent()} result={save_result} />
            { page }
        </>
    };
    // Only the mentor's page shows results opened from files and links; a
    // constant per page, so the other pages carry none of that code.
    let body = if P::PAGE == Page::Mentor {
        html! { <opened::OpenedProvider store={(*store).clone()}>{ body }</opened::OpenedProvider> }
    } else {
        body
    };
    html! {
        <ContextProvider<AssessContext> context={state}>
            { body }
        </ContextProvider<AssessContext>>
    }
}

/// Focuses the current screen's main heading (the first `h1` in `main`),
/// making it focusable by script only (`tabindex="-1"`) when it is not.
pub fn focus_heading() {
    use wasm_bindgen::JsCast;
    let heading = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("main h1").ok().flatten())
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(h) = heading {
        if !h.has_attribute("tabindex") {
            let _ = h.set_attribute("tabindex", "-1");
        }
        let _ = h.focus();
    }
}
