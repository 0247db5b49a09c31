//! A text field saved while typing: the panel decides what a text changes
//! in the review; the field only says what was typed.

use yew::prelude::*;

use crate::app::dom::event_value;

/// What a text field reports: the text after each keystroke (saved after a
/// pause in typing) and when the field loses focus (saved at once).
#[derive(Clone, PartialEq)]
pub struct Typing {
    pub oninput: Callback<String>,
    pub onchange: Callback<String>,
}

impl Typing {
    /// For the field's `oninput`: the text typed so far.
    pub fn input(&self) -> Callback<InputEvent> {
        self.oninput.reform(|e: InputEvent| event_value(&e))
    }

    /// For the field's `onchange`: the text as left.
    pub fn change(&self) -> Callback<Event> {
        self.onchange.reform(|e: Event| event_value(&e))
    }
}
