//! In-browser tests (wasm-bindgen-test in headless Chromium): saving to and
//! restoring from real `localStorage`, and what a person sees when the save
//! is corrupt, storage is full, or storage is blocked.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use crossroads::app::storage::{Loaded, SaveError, Store, ASIDE_KEY, SESSION_KEY};
use crossroads::app::{Assess, Assessment, Part, Plan};
use crossroads::core::content::Content;
use crossroads::core::score::Response;
use crossroads::core::session::{Kept, Session};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn content() -> Rc<Content> {
    Rc::new(Content::builtin().expect("shipped content is valid"))
}

fn sample(content: &Content) -> Session {
    let mut s = Session::new(&content.bank, "2026-11-28T09:00:00.000Z");
    s.answers
        .insert(content.bank.items[3].id().clone(), Response::Likert(2));
    s.position = 4;
    s
}

/// Renders the planner page with `store` into a fresh element and returns it.
async fn render(store: Store) -> web_sys::Element {
    render_page::<Plan>(store).await
}

/// Renders page `P` with `store` into a fresh element and returns it.
async fn render_page<P: Part>(store: Store) -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<Assessment<P>>::with_root_and_props(
        root.clone(),
        crossroads::app::AssessmentProps {
            content: content(),
            store,
        },
    )
    .render();
    yew::scheduler::flush().await;
    root
}

#[wasm_bindgen_test]
fn a_saved_session_comes_back_unchanged() {
    local().clear().unwrap();
    let content = content();
    let store = Store::open();
    assert!(store.is_persistent());
    let session = sample(&content);
    store.save(&session).expect("save");
    assert_eq!(store.load(), Loaded::Resumed(session, Kept::default()));
    local().clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_corrupt_save_is_kept_aside_and_explained() {
    local().clear().unwrap();
    local()
        .set_item(SESSION_KEY, "{\"format\":\"crossroads-session\",\"vers")
        .unwrap();
    let store = Store::open();
    match store.load() {
        Loaded::Unreadable {
            kept_aside, raw, ..
        } => {
            assert!(kept_aside);
            assert!(raw.starts_with("{\"format\""));
        }
        other => panic!("expected an unreadable save, got {other:?}"),
    }
    assert_eq!(
        local().get_item(ASIDE_KEY).unwrap().as_deref(),
        Some("{\"format\":\"crossroads-session\",\"vers")
    );
    let root = render(Store::open()).await;
    let text = root.text_content().unwrap();
    assert!(
        text.contains("Your saved progress could not be restored"),
        "{text}"
    );
    assert!(text.contains(ASIDE_KEY), "{text}");
    local().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_full_storage_refuses_the_save_without_panicking() {
    local().clear().unwrap();
    let store = Store::open();
    // Fill localStorage to its quota with 512 KiB blocks.
    let block = "x".repeat(512 * 1024);
    let mut n = 0;
    while local().set_item(&format!("filler{n}"), &block).is_ok() {
        n += 1;
        assert!(n < 200, "storage never filled up");
    }
    let mut big = sample(&content());
    big.started = Some("y".repeat(600 * 1024));
    assert_eq!(store.save(&big), Err(SaveError::Refused));
    assert_eq!(
        SaveError::Refused.to_string(),
        "the browser refused to save (its storage may be full)"
    );
    local().clear().unwrap();
}

#[wasm_bindgen_test]
async fn blocked_storage_keeps_work_in_the_tab_and_says_so() {
    let window = web_sys::window().unwrap();
    window.set_name("").unwrap();
    let store = Store::from_access(Err(JsValue::from_str("SecurityError")));
    assert!(!store.is_persistent());
    assert_eq!(store.load(), Loaded::Nothing);
    // Work is kept in the tab (window.name), so a fresh store for the same
    // tab — the next page, or a reload — finds it again.
    let session = sample(&content());
    store.save(&session).expect("a tab-scoped save");
    let again = Store::from_access(Err(JsValue::from_str("SecurityError")));
    assert_eq!(again.load(), Loaded::Resumed(session, Kept::default()));
    again.clear();
    assert_eq!(again.load(), Loaded::Nothing);
    let root = render(store).await;
    let status = root
        .query_selector("[role=status]")
        .unwrap()
        .expect("a status region");
    assert!(
        status
            .text_content()
            .unwrap()
            .contains("lost when you close the tab"),
        "{:?}",
        status.text_content()
    );
    window.set_name("").unwrap();
}

#[wasm_bindgen_test]
async fn a_saved_role_renders_a_dated_roadmap_with_its_reasons() {
    local().clear().unwrap();
    let content = content();
    let mut session = Session::new(&content.bank, "2026-11-28T09:00:00.000Z");
    session.role = Some(crossroads::core::career::catalog::RoleId(
        "it_manager".into(),
    ));
    session.plan.start = Some("2027-01-04".into());
    Store::open().save(&session).unwrap();
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/roadmap")
        .unwrap();
    let root = render(Store::open()).await;
    let text = root.text_content().unwrap();
    assert!(text.contains("Your roadmap to IT manager"), "{text}");
    let steps = root.query_selector_all(".step").unwrap();
    assert!(steps.length() > 3, "several dated steps");
    assert!(
        text.contains("2027-01-04 →"),
        "first step starts on the start date"
    );
    assert!(text.contains("Raises"), "steps explain themselves");
    web_sys::window().unwrap().location().set_hash("").unwrap();
    local().clear().unwrap();
}

#[wasm_bindgen_test]
async fn an_answer_is_saved_after_the_input_and_at_once_when_the_page_is_left() {
    use wasm_bindgen::JsCast;
    local().clear().unwrap();
    let window = web_sys::window().unwrap();
    window.location().set_hash("#/questions").unwrap();
    let root = render_page::<Assess>(Store::open()).await;
    let options = root.query_selector_all("input[type=radio]").unwrap();
    let option = |i: u32| -> web_sys::HtmlInputElement {
        options
            .item(i)
            .unwrap_or_else(|| panic!("no option {i} in {}", root.inner_html()))
            .dyn_into()
            .unwrap()
    };
    let answered = |save: Option<String>| -> usize {
        let save = save.expect("a save");
        let value: serde_json::Value = serde_json::from_str(&save).unwrap();
        value["session"]["answers"]
            .as_object()
            .map_or(0, |a| a.len())
    };

    // The answer is on the page at once; the save follows in a task of
    // its own.
    option(0).click();
    yew::scheduler::flush().await;
    assert!(option(0).checked());
    assert_eq!(local().get_item(SESSION_KEY).unwrap(), None);
    // Leaving the page before that task runs writes it there and then.
    window
        .dispatch_event(&web_sys::Event::new("pagehide").unwrap())
        .unwrap();
    assert_eq!(answered(local().get_item(SESSION_KEY).unwrap()), 1);

    // Otherwise it is written in the next task, without leaving.
    local().clear().unwrap();
    option(1).click();
    yew::scheduler::flush().await;
    assert_eq!(local().get_item(SESSION_KEY).unwrap(), None);
    crossroads::app::boot::next_tick().await;
    yew::scheduler::flush().await;
    assert_eq!(answered(local().get_item(SESSION_KEY).unwrap()), 1);
    let status = root
        .query_selector("#save-status")
        .unwrap()
        .expect("a status region");
    assert_eq!(status.text_content().unwrap(), "Saved in this browser.");

    window.location().set_hash("").unwrap();
    local().clear().unwrap();
}

/// The branding's contrast check, computed with the browser's `Math.pow`,
/// gives WCAG's reference ratios and refuses an accent too pale for white
/// text.
#[wasm_bindgen_test]
fn brand_colours_are_checked_with_wcag_ratios_in_the_browser() {
    use crossroads::core::config::{contrast, Config};
    assert!((contrast((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 0.01);
    assert!((contrast((0x1f, 0x4e, 0x79), (255, 255, 255)) - 8.66).abs() < 0.05);
    assert!((contrast((0x77, 0x77, 0x77), (255, 255, 255)) - 4.48).abs() < 0.01);
    assert!(Config::from_json(r##"{"accent": "#1f4e79"}"##).is_ok());
    let pale = Config::from_json(r##"{"accent": "#9ab0c4"}"##).unwrap_err();
    assert!(
        pale.iter().any(|p| p.path == "accent"),
        "a pale accent is named: {pale:?}"
    );
}
