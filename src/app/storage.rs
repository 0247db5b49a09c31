//! Saving and restoring the session in `localStorage`, with every failure
//! mode handled: storage blocked, storage full, a corrupt or foreign save.
//! When storage is unusable the app keeps working in memory and says so.

use web_sys::Storage;

use crate::core::session::{LoadError, Session};

/// The versioned key of the saved session.
pub const SESSION_KEY: &str = "crossroads.session.v1";
/// Where an unreadable save is kept aside instead of being overwritten.
pub const ASIDE_KEY: &str = "crossroads.session.unreadable";

/// Where progress goes.
#[derive(Clone, Debug)]
pub enum Store {
    /// The browser's `localStorage`.
    Local(Storage),
    /// Storage is blocked or unavailable: progress lives only in memory.
    Memory,
}

impl PartialEq for Store {
    fn eq(&self, other: &Self) -> bool {
        matches!(
            (self, other),
            (Store::Local(_), Store::Local(_)) | (Store::Memory, Store::Memory)
        )
    }
}

/// What was found at start-up.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    /// Nothing saved.
    Nothing,
    Resumed(Session),
    /// A save exists but cannot be used; its text was kept aside
    /// (`kept_aside` says whether that worked).
    Unreadable {
        error: LoadError,
        raw: String,
        kept_aside: bool,
    },
}

/// Why a save failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// Storage is full (or the browser refused the write).
    Refused,
    /// There is no storage to write to.
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
            None => Store::Memory,
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
                    Store::Memory
                }
            }
            _ => Store::Memory,
        }
    }

    pub fn is_persistent(&self) -> bool {
        matches!(self, Store::Local(_))
    }

    /// Reads the saved session. An unreadable save is copied to
    /// [`ASIDE_KEY`] (unless an earlier copy is already there) so that the
    /// next save cannot destroy it.
    pub fn load(&self) -> Loaded {
        let Store::Local(storage) = self else {
            return Loaded::Nothing;
        };
        let raw = match storage.get_item(SESSION_KEY) {
            Ok(Some(raw)) => raw,
            _ => return Loaded::Nothing,
        };
        match Session::decode(&raw) {
            Ok(session) => Loaded::Resumed(session),
            Err(error) => {
                let kept_aside = match storage.get_item(ASIDE_KEY) {
                    Ok(Some(existing)) if existing == raw => true,
                    _ => storage.set_item(ASIDE_KEY, &raw).is_ok(),
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
        match self {
            Store::Local(storage) => storage
                .set_item(SESSION_KEY, &session.encode())
                .map_err(|_| SaveError::Refused),
            Store::Memory => Err(SaveError::Unavailable),
        }
    }

    /// Removes the saved session (start over).
    pub fn clear(&self) {
        if let Store::Local(storage) = self {
            let _ = storage.remove_item(SESSION_KEY);
        }
    }

    /// Removes the copy of an unreadable save once the person has dealt
    /// with it.
    pub fn discard_aside(&self) {
        if let Store::Local(storage) = self {
            let _ = storage.remove_item(ASIDE_KEY);
        }
    }
}
