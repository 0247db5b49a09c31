//! Following the address: the current route, links, and the hand-over
//! between the pages (a link to another page loads it, and all read
//! the same saved session). The routes themselves, and how they map to
//! addresses, are in [`crate::routes`].

use gloo::events::EventListener;
use yew::prelude::*;

pub use crate::routes::{Page, Route};

impl Page {
    /// The page this document is.
    pub fn current() -> Page {
        let path = web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .unwrap_or_default();
        Page::of_path(&path)
    }
}

impl Route {
    /// A link to the route from this page: `./#/questions`,
    /// `plan.html#/skills`.
    pub fn href(self) -> String {
        self.href_from(Page::current())
    }

    fn current() -> Route {
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        Route::from_hash(&hash)
    }
}

/// The current route, updated on every `hashchange`. A route that belongs
/// to another page (a typed or old address) loads that page.
#[hook]
pub fn use_route() -> Route {
    let route = use_state(Route::current);
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "hashchange", move |_| {
                    let next = Route::current();
                    if !hand_over(next) {
                        route.set(next);
                    }
                })
            });
            move || drop(listener)
        });
    }
    *route
}

/// When `route` belongs to another page, replaces this page with it
/// (keeping the whole fragment, e.g. a share link's answers) and returns
/// true.
pub fn hand_over(route: Route) -> bool {
    let here = Page::current();
    let Some(page) = route.page().filter(|p| *p != here) else {
        return false;
    };
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return false;
    };
    let hash = location.hash().unwrap_or_default();
    location.replace(&format!("{}{hash}", page.file())).is_ok()
}

/// Goes to `route` (adds a history entry, like following a link). Loading
/// another page waits one task, so that the save of a change made just
/// before (the last answer, "finished") is written first: saves run in an
/// effect after the render, which a page unload would otherwise cut off.
pub fn navigate(route: Route) {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return;
    };
    match route.page() {
        Some(page) if page != Page::current() => {
            yew::platform::spawn_local(async move {
                crate::app::boot::next_tick().await;
                let _ = location.assign(&route.href());
            });
        }
        _ => {
            let _ = location.set_hash(&route.hash());
        }
    }
}
