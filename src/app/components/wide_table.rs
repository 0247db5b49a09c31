//! A data table too wide for a phone: it scrolls sideways inside its own
//! box, so the page never does (WCAG 1.4.10 allows a two-dimensional table
//! to scroll). The box is a region named by the table's caption and can
//! take focus, so a keyboard user scrolls it with the arrow keys.
//!
//! A function rather than a component: it holds no state, and a component
//! type of its own cost the cohort page 1.2 KB gzip.

use yew::prelude::*;

/// The table with `caption`, its head and body in `rows`.
pub fn wide_table(caption: impl Into<AttrValue>, rows: Html) -> Html {
    let caption = caption.into();
    html! {
        <div class="table-scroll" role="region" aria-label={caption.clone()} tabindex="0">
            <table>
                <caption>{ caption }</caption>
                { rows }
            </table>
        </div>
    }
}
