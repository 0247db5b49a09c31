//! Results opened from files or links — a mentee's, a former attempt — kept
//! apart from the person's own work so that opening one never overwrites
//! anything.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::storage::Store;
use crate::core::result_file::ResultFile;

/// Where opened results are kept between visits.
pub const OPENED_KEY: &str = "crossroads.opened.v1";

/// The opened results, shared by the pages that list and show them.
pub type OpenedContext = UseStateHandle<Rc<Vec<ResultFile>>>;

#[hook]
pub fn use_opened() -> OpenedContext {
    use_context::<OpenedContext>().expect("pages render inside the opened-results provider")
}

/// Reads the stored list; an unreadable list is left in place (not
/// overwritten) and treated as empty.
pub fn load(store: &Store) -> (Vec<ResultFile>, bool) {
    match store.get(OPENED_KEY) {
        Some(text) => match serde_json::from_str(&text) {
            Ok(list) => (list, true),
            Err(_) => (Vec::new(), false),
        },
        None => (Vec::new(), true),
    }
}

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
/// nothing).
#[component]
pub fn OpenedProvider(props: &OpenedProviderProps) -> Html {
    let opened = {
        let store = props.store.clone();
        use_state(move || Rc::new(load(&store).0))
    };
    {
        let store = props.store.clone();
        let first = use_mut_ref(|| true);
        use_effect_with((*opened).clone(), move |list| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                save(&store, list);
            }
        });
    }
    html! {
        <ContextProvider<OpenedContext> context={opened}>
            { props.children.clone() }
        </ContextProvider<OpenedContext>>
    }
}
