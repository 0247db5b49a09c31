//! The assessment's state in Yew: the pure reducer of [`crate::assess`]
//! behind a context every page reads, and the browser's clock.

use std::rc::Rc;

use yew::prelude::*;

pub use crate::assess::{Action, AssessState, StepMark};

impl Reducible for AssessState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}

/// The shared assessment, read by every page through [`use_assess`].
pub type AssessContext = UseReducerHandle<AssessState>;

#[hook]
pub fn use_assess() -> AssessContext {
    use_context::<AssessContext>().expect("pages render inside the assessment provider")
}

/// The current time as ISO-8601, for timestamps in the session.
pub fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Today's date from the browser's clock (1 January 2026 should the clock
/// give something unreadable).
pub fn today() -> crate::core::career::date::Date {
    use crate::core::career::date::Date;
    Date::parse(&now())
        .unwrap_or_else(|| Date::from_ymd(2026, 1, 1).expect("1 January 2026 is a date"))
}
