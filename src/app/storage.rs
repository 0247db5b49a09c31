//! Saving and restoring the session in `localStorage`, with every failure
//! mode handled: storage blocked, storage full, a corrupt or foreign save.
//!
//! When storage is blocked the app keeps working and says so. Progress is
//! then kept in the tab itself (`window.name`), which lives as long as the
//! tab: it survives a reload and the move between the app's pages
//! (assessment, planner, mentor's and program's), and is gone when the tab is closed.

use crate::core::map::Map;

use web_sys::Storage;

use crate::core::session::{Kept, LoadError, Session};

/// The versioned key of the saved session.
pub const SESSION_KEY: &str = "crossroads.session.v1";
/// Where an unreadable save is kept aside instead of being overwritten.
pub const ASIDE_KEY: &str = "crossroads.session.unreadable";
/// Marks `window.name` as holding Crossroads' tab-scoped values.
const TAB_PREFIX: &str = "crossroads-tab:";

/// Where progress goes.
#[derive(Clone, Debug)]
pub enum Store {
    /// The browser's `localStorage`.
    Local(Storage),
    /// Storage is blocked or unavailable: progress lives in this tab only.
    Tab,
}

impl PartialEq for Store {
    fn eq(&self, other: &Self) -> bool {
        matches!(
            (self, other),
            (Store::Local(_), Store::Local(_)) | (Store::Tab, Store::Tab)
        )
    }
}

/// What was found at start-up.
// Made once per page load and read once: the size of a variant is no cost.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    /// Nothing saved.
    Nothing,
    /// The session, and the fields of it this page keeps unread.
    Resumed(Session, Kept),
    /// A save exists but cannot be used; its text was kept aside
    /// (`kept_aside` says whether that worked).
    Unreadable {
        error: LoadError,
        raw: String,
        kept_aside: bool,
    },
}

/// Why a save failed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    /// Storage is full (or the browser refused the write).
    #[error("the browser refused to save (its storage may be full)")]
    Refused,
    /// There is no storage to write to.
    #[error("this browser is not letting Crossroads store anything")]
    Unavailable,
}

impl Store {
    /// Opens `localStorage`, checking that it can actually be written: some
    /// browsers expose it but throw on every write (private modes, quotas of
    /// zero), and reading `window.localStorage` itself throws when site data
    /// is blocked.
    pub fn open() -> Store {
        match web_sys::window() {
            Some(window) => Store::from_access(window.local_storage()),
            None => Store::Tab,
        }
    }

    /// Decides from what the browser returned for `window.localStorage`.
    pub fn from_access(access: Result<Option<Storage>, wasm_bindgen::JsValue>) -> Store {
        match access {
            Ok(Some(storage)) => {
                let probe = "crossroads.probe";
                if storage.set_item(probe, "1").is_ok() {
                    let _ = storage.remove_item(probe);
                    Store::Local(storage)
                } else {
                    Store::Tab
                }
            }
            _ => Store::Tab,
        }
    }

    pub fn is_persistent(&self) -> bool {
        matches!(self, Store::Local(_))
    }

    /// The text stored under `key`, if any.
    pub fn get(&self, key: &str) -> Option<String> {
        match self {
            Store::Local(storage) => storage.get_item(key).ok().flatten(),
            Store::Tab => tab_values().remove(key),
        }
    }

    /// Stores `value` under `key`.
    pub fn set(&self, key: &str, value: &str) -> Result<(), SaveError> {
        match self {
            Store::Local(storage) => storage.set_item(key, value).map_err(|_| SaveError::Refused),
            Store::Tab => {
                let mut values = tab_values();
                values.insert(key.to_owned(), value.to_owned());
                set_tab_values(&values)
            }
        }
    }

    /// Removes whatever is stored under `key`.
    pub fn remove(&self, key: &str) {
        match self {
            Store::Local(storage) => {
                let _ = storage.remove_item(key);
            }
            Store::Tab => {
                let mut values = tab_values();
                if values.remove(key).is_some() {
                    let _ = set_tab_values(&values);
                }
            }
        }
    }

    /// Reads the saved session. An unreadable save is copied to
    /// [`ASIDE_KEY`] (unless an earlier copy is already there) so that the
    /// next save cannot destroy it.
    pub fn load(&self) -> Loaded {
        self.load_with(|text| Session::decode(text).map(|s| (s, Kept::default())))
    }

    /// [`Store::load`] with the page's own reader (see
    /// [`crate::app::Part::decode`]).
    pub fn load_with(&self, decode: fn(&str) -> Result<(Session, Kept), LoadError>) -> Loaded {
        let Some(raw) = self.get(SESSION_KEY) else {
            return Loaded::Nothing;
        };
        match decode(&raw) {
            Ok((session, kept)) => Loaded::Resumed(session, kept),
            Err(error) => {
                let kept_aside = match self.get(ASIDE_KEY) {
                    Some(existing) if existing == raw => true,
                    _ => self.set(ASIDE_KEY, &raw).is_ok(),
                };
                Loaded::Unreadable {
                    error,
                    raw,
                    kept_aside,
                }
            }
        }
    }

    pub fn save(&self, session: &Session) -> Result<(), SaveError> {
        self.save_text(&session.encode())
    }

    /// Saves a session already in its saved form.
    pub fn save_text(&self, text: &str) -> Result<(), SaveError> {
        self.set(SESSION_KEY, text)
    }

    /// Removes the saved session (start over).
    pub fn clear(&self) {
        self.remove(SESSION_KEY);
    }

    /// Removes the copy of an unreadable save once the person has dealt
    /// with it.
    pub fn discard_aside(&self) {
        self.remove(ASIDE_KEY);
    }
}

/// The values kept in `window.name`. Anything there that Crossroads did not
/// write (another page of this origin may use the name) is left alone and
/// reads as nothing.
fn tab_values() -> Map<String, String> {
    web_sys::window()
        .and_then(|w| w.name().ok())
        .and_then(|name| {
            name.strip_prefix(TAB_PREFIX)
                .and_then(|json| serde_json::from_str(json).ok())
        })
        .unwrap_or_default()
}

fn set_tab_values(values: &Map<String, String>) -> Result<(), SaveError> {
    let text = serde_json::to_string(values).map_err(|_| SaveError::Refused)?;
    web_sys::window()
        .ok_or(SaveError::Unavailable)?
        .set_name(&format!("{TAB_PREFIX}{text}"))
        .map_err(|_| SaveError::Refused)
}
