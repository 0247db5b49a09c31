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
    let Store::Local(storage) = store else {
        return (Vec::new(), true);
    };
    match storage.get_item(OPENED_KEY) {
        Ok(Some(text)) => match serde_json::from_str(&text) {
            Ok(list) => (list, true),
            Err(_) => (Vec::new(), false),
        },
        _ => (Vec::new(), true),
    }
}

pub fn save(store: &Store, list: &[ResultFile]) -> bool {
    match store {
        Store::Local(storage) => serde_json::to_string(list)
            .ok()
            .is_some_and(|text| storage.set_item(OPENED_KEY, &text).is_ok()),
        Store::Memory => false,
    }
}
