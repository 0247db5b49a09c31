//! Hash routing: `#/questions`, `#/results`, … The fragment never reaches a
//! server, so `dist/` works on any static host and under any sub-path.

use gloo::events::EventListener;
use yew::prelude::*;

/// Every screen of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Welcome,
    Questions,
    Results,
    Method,
    NotFound,
}

impl Route {
    pub fn from_hash(hash: &str) -> Route {
        match hash.trim_start_matches('#').trim_end_matches('/') {
            "" | "/" => Route::Welcome,
            "/questions" => Route::Questions,
            "/results" => Route::Results,
            "/method" => Route::Method,
            _ => Route::NotFound,
        }
    }

    pub fn href(self) -> &'static str {
        match self {
            Route::Welcome | Route::NotFound => "#/",
            Route::Questions => "#/questions",
            Route::Results => "#/results",
            Route::Method => "#/method",
        }
    }

    fn current() -> Route {
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        Route::from_hash(&hash)
    }
}

/// The current route, updated on every `hashchange`.
#[hook]
pub fn use_route() -> Route {
    let route = use_state(Route::current);
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "hashchange", move |_| route.set(Route::current()))
            });
            move || drop(listener)
        });
    }
    *route
}

/// Goes to `route` (adds a history entry, like following a link).
pub fn navigate(route: Route) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(route.href());
    }
}
