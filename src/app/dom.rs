//! Reading what a person typed or chose from the event of the control, in
//! one place: the leaves of the page convert events to values here.

use wasm_bindgen::JsCast;

/// The value of the input, text area or select that sent `e`; empty when
/// it came from anything else.
pub fn event_value(e: &web_sys::Event) -> String {
    let Some(t) = e.target() else {
        return String::new();
    };
    if let Some(i) = t.dyn_ref::<web_sys::HtmlInputElement>() {
        return i.value();
    }
    if let Some(a) = t.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return a.value();
    }
    t.dyn_ref::<web_sys::HtmlSelectElement>()
        .map(|s| s.value())
        .unwrap_or_default()
}
