//! Taking one's work elsewhere: a result file to download, and a share link
//! that carries the answers in the URL fragment.

use wasm_bindgen::JsCast;
use yew::prelude::*;

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
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                state.dispatch(Action::SetName(input.value()));
            }
        })
    };
    let on_notes = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            {
                state.dispatch(Action::SetNotes(area.value()));
            }
        })
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
                    Err(e) => e,
                },
            ));
        })
    };
    let on_link = {
        let state = state.clone();
        let link = link.clone();
        Callback::from(move |_| {
            let fragment = share::encode(
                &state.content.bank,
                &state.session,
                state.session.display_name.as_deref(),
            );
            let base = web_sys::window()
                .and_then(|w| w.location().href().ok())
                .map(|h| h.split('#').next().unwrap_or_default().to_owned())
                .unwrap_or_default();
            link.set(Some(format!("{base}{fragment}")));
        })
    };
    html! {
        <section class="panel export" aria-labelledby="export-title">
            <h2 id="export-title">{ "Keep or share this result" }</h2>
            <p>{ "Your work stays in this browser. To show it to a mentor or keep it safe, download a result file or make a share link. Either one holds your answers, so the result can be recalculated later." }</p>
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
                </div>
            }
        </section>
    }
}
