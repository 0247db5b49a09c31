//! Save-while-typing: a change is applied once typing pauses, so a reload a
//! moment later keeps what was typed, without a save per keystroke.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::core::map::Map;

/// How long typing must pause before the change is applied.
pub const PAUSE_MS: i32 = 400;

/// Pending changes, one per field: a newer change to the same field
/// replaces the older one. (A screen has a handful of fields: the sorted
/// `Map` the app uses everywhere, not a hash map's code of its own.)
#[derive(Clone, Default)]
pub struct Debouncer {
    generations: Rc<RefCell<Map<String, u32>>>,
}

impl Debouncer {
    fn bump(&self, key: &str) -> u32 {
        let mut map = self.generations.borrow_mut();
        match map.get_mut(key) {
            Some(g) => {
                *g = g.wrapping_add(1);
                *g
            }
            None => {
                map.insert(key.to_owned(), 1);
                1
            }
        }
    }

    /// Runs `apply` after [`PAUSE_MS`] unless another change to `key`
    /// comes first.
    pub fn later(&self, key: &str, apply: impl FnOnce() + 'static) {
        let generation = self.bump(key);
        let me = self.clone();
        let key = key.to_owned();
        yew::platform::spawn_local(async move {
            crate::app::boot::sleep_ms(PAUSE_MS).await;
            if me.generations.borrow().get(&key) == Some(&generation) {
                apply();
            }
        });
    }

    /// Runs `apply` now (the field lost focus), dropping any pending change
    /// to `key`.
    pub fn now(&self, key: &str, apply: impl FnOnce()) {
        self.bump(key);
        apply();
    }
}

/// One [`Debouncer`] for the lifetime of a component.
#[hook]
pub fn use_debouncer() -> Debouncer {
    (*use_memo((), |_| Debouncer::default())).clone()
}
