//! Results opened from files or links — a mentee's, a former attempt — kept
//! apart from the person's own work so that opening one never overwrites
//! anything.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::storage::Store;
use crate::core::result_file::{decode_list, ResultFile};

/// Where opened results are kept between visits.
pub const OPENED_KEY: &str = "crossroads.opened.v1";
/// Where an unreadable list is kept aside, so that the next change (which
/// rewrites [`OPENED_KEY`]) cannot destroy it.
pub const OPENED_ASIDE_KEY: &str = "crossroads.opened.unreadable";

/// The opened results, shared by the pages that list and show them.
pub type OpenedContext = UseStateHandle<Rc<Vec<ResultFile>>>;

#[hook]
pub fn use_opened() -> OpenedContext {
    use_context::<OpenedContext>().expect("pages render inside the opened-results provider")
}

/// What was found in storage.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// A readable list (perhaps empty).
    List(Vec<ResultFile>),
    /// A list that could not be read: the technical detail, and whether a
    /// copy was kept aside under [`OPENED_ASIDE_KEY`].
    Unreadable { detail: String, kept_aside: bool },
}

/// Reads the stored list. An unreadable one is copied to
/// [`OPENED_ASIDE_KEY`] (unless that copy is already there) before anything
/// can overwrite it, and the list starts empty.
pub fn load(store: &Store) -> Found {
    let Some(text) = store.get(OPENED_KEY) else {
        return Found::List(Vec::new());
    };
    match decode_list(&text) {
        Ok(list) => Found::List(list),
        Err(error) => {
            let detail = error.to_string();
            let kept_aside = match store.get(OPENED_ASIDE_KEY) {
                Some(existing) if existing == text => true,
                _ => store.set(OPENED_ASIDE_KEY, &text).is_ok(),
            };
            Found::Unreadable { detail, kept_aside }
        }
    }
}

/// Saves the list; `false` when the browser refused (storage full).
pub fn save(store: &Store, list: &[ResultFile]) -> bool {
    serde_json::to_string(list)
        .ok()
        .is_some_and(|text| store.set(OPENED_KEY, &text).is_ok())
}

#[derive(Properties, PartialEq)]
pub struct OpenedProviderProps {
    pub store: Store,
    pub children: Html,
}

/// Holds the opened results for the pages inside it and saves the list
/// after each change (never on mount, so an untouched page rewrites
/// nothing). Says so when the stored list could not be read, and when a
/// change could not be saved.
#[component]
pub fn OpenedProvider(props: &OpenedProviderProps) -> Html {
    let found = {
        let store = props.store.clone();
        use_memo((), move |_| load(&store))
    };
    let opened = {
        let found = found.clone();
        use_state(move || match &*found {
            Found::List(list) => Rc::new(list.clone()),
            Found::Unreadable { .. } => Rc::new(Vec::new()),
        })
    };
    let saved = use_state(|| true);
    {
        let store = props.store.clone();
        let saved = saved.clone();
        let found = found.clone();
        let first = use_mut_ref(|| true);
        use_effect_with((*opened).clone(), move |list| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                // An unreadable list that could not be kept aside is never
                // overwritten: changes then last only until the page closes.
                let protected = matches!(
                    *found,
                    Found::Unreadable {
                        kept_aside: false,
                        ..
                    }
                );
                saved.set(!protected && save(&store, list));
            }
        });
    }
    let unreadable = match &*found {
        Found::Unreadable { detail, kept_aside } => {
            let kept = if *kept_aside {
                format!("Nothing was deleted: the old list is kept in this browser under \"{OPENED_ASIDE_KEY}\".")
            } else {
                "Nothing was deleted: the old list is left as it was, and results you open now are kept only until you close this page.".to_owned()
            };
            html! {
                <div class="notice warn" role="alert">
                    <p>{ "Your list of opened results could not be read (it is damaged), so it starts empty. " }{ kept }</p>
                    { crate::app::components::detail::technical_detail(Some(detail.clone())) }
                </div>
            }
        }
        Found::List(_) => html! {},
    };
    html! {
        <ContextProvider<OpenedContext> context={opened}>
            { unreadable }
            if !*saved {
                <p class="notice warn" role="status">{ "Your browser refused to save the list of opened results (its storage may be full): what you opened stays open only until you close this page. Download what you need to keep." }</p>
            }
            { props.children.clone() }
        </ContextProvider<OpenedContext>>
    }
}
