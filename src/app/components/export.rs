//! Taking one's work elsewhere: a result file to download, and a share link
//! that carries the answers in the URL fragment.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::dom::event_value;

use crate::app::download::download;
use crate::app::state::{use_assess, Action};
use crate::core::result_file::ResultFile;
use crate::core::share;

#[component]
pub fn ExportPanel() -> Html {
    let state = use_assess();
    let message = use_state(|| None::<String>);
    let link = use_state(|| None::<String>);

    let on_name = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| state.dispatch(Action::SetName(event_value(&e))))
    };
    let on_notes = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| state.dispatch(Action::SetNotes(event_value(&e))))
    };
    let on_download = {
        let state = state.clone();
        let message = message.clone();
        Callback::from(move |_| {
            let file = ResultFile::new(state.session.clone())
                .with_respondent(crate::app::respondent::respondent_id());
            let day: String = crate::app::state::now().chars().take(10).collect();
            let name = format!("crossroads-result-{day}.json");
            message.set(Some(
                match download(&name, "application/json", &file.to_json()) {
                    Ok(()) => format!("Saved as {name}."),
                    Err(e) => e.to_string(),
                },
            ));
        })
    };
    let on_link = {
        let state = state.clone();
        let link = link.clone();
        Callback::from(move |_| {
            let fragment = share::encode_full(
                &state.content.bank,
                &state.content.catalog,
                &state.session,
                state.session.display_name.as_deref(),
            );
            // The link opens the page that shows shared results.
            let here = web_sys::window()
                .and_then(|w| w.location().href().ok())
                .unwrap_or_default();
            let page = crate::routes::Route::Shared
                .page()
                .unwrap_or(crate::routes::Page::Mentor);
            link.set(Some(format!("{}{fragment}", page.address_beside(&here))));
        })
    };
    let copied = use_state(|| None::<String>);
    let on_copy = {
        let link = link.clone();
        let copied = copied.clone();
        Callback::from(move |_| {
            let Some(url) = (*link).clone() else { return };
            let copied = copied.clone();
            yew::platform::spawn_local(async move {
                copied.set(Some(match copy_text(&url).await {
                    true => "Link copied. Paste it into a chat or email.".to_owned(),
                    false => {
                        select_link();
                        "Copying is not allowed here; the link is selected, so press Ctrl+C (or ⌘+C) to copy it.".to_owned()
                    }
                }));
            });
        })
    };
    html! {
        <section class="panel export" aria-labelledby="export-title">
            <h2 id="export-title">{ "Keep or share this result" }</h2>
            <p>{ "Your work stays in this browser. To show it to a mentor or keep it safe, download a result file or make a share link. Both hold your answers (so the result can be recalculated later), your skill ratings and target role; only the file also holds your experience, notes and roadmap." }</p>
            <div class="field">
                <label for="display-name">{ "Your name on the file (optional)" }</label>
                <input id="display-name" type="text" autocomplete="name" maxlength="80"
                    value={state.session.display_name.clone().unwrap_or_default()} oninput={on_name} />
            </div>
            <div class="field">
                <label for="notes">{ "Notes for yourself or your mentor (optional, only in the file)" }</label>
                <textarea id="notes" rows="3" maxlength="4000" value={state.session.notes.clone()} oninput={on_notes} />
            </div>
            <div class="actions">
                <button type="button" onclick={on_download}>{ "Download my result file" }</button>
                <button type="button" class="secondary" onclick={on_link}>{ "Make a share link" }</button>
            </div>
            <p role="status" class="muted">{ (*message).clone().unwrap_or_default() }</p>
            if let Some(url) = (*link).clone() {
                <div class="field">
                    <label for="share-link">{ "Share link — copy it into a chat or email. The answers are in the part after #, which is never sent to any server." }</label>
                    <input id="share-link" type="text" readonly=true value={url} />
                    <div class="actions">
                        <button type="button" class="secondary" onclick={on_copy}>{ "Copy the link" }</button>
                    </div>
                    <p role="status" class="muted">{ (*copied).clone().unwrap_or_default() }</p>
                </div>
            }
        </section>
    }
}

/// Puts `text` on the clipboard; false when the browser refuses.
async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    // Older browsers and insecure contexts have no `navigator.clipboard`.
    let has = js_sys::Reflect::get(&window.navigator(), &"clipboard".into())
        .map(|v| !v.is_undefined())
        .unwrap_or(false);
    if !has {
        return false;
    }
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Selects the share link, for copying by hand.
fn select_link() {
    if let Some(input) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("share-link"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        let _ = input.focus();
        input.select();
    }
}
