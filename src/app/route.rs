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
    /// Open a result file.
    Open,
    /// One opened result, by its place in the opened list.
    Opened(usize),
    /// The printable meeting report for an opened result.
    Report(usize),
    /// A result carried in a share link (`#/r?…`).
    Shared,
    /// Two results side by side.
    Compare,
    /// The coordinator's deployment check.
    Admin,
    /// A facilitator's cohort overview.
    Cohort,
    Skills,
    Experience,
    Roles,
    Gap,
    Roadmap,
    NotFound,
}

impl Route {
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#');
        if path.starts_with("/r?") {
            return Route::Shared;
        }
        match path.trim_end_matches('/') {
            "" => Route::Welcome,
            "/questions" => Route::Questions,
            "/results" => Route::Results,
            "/method" => Route::Method,
            "/open" => Route::Open,
            "/compare" => Route::Compare,
            "/admin" => Route::Admin,
            "/cohort" => Route::Cohort,
            "/skills" => Route::Skills,
            "/experience" => Route::Experience,
            "/roles" => Route::Roles,
            "/gap" => Route::Gap,
            "/roadmap" => Route::Roadmap,
            other => {
                if let Some(Ok(n)) = other.strip_prefix("/opened/").map(str::parse) {
                    Route::Opened(n)
                } else if let Some(Ok(n)) = other.strip_prefix("/report/").map(str::parse) {
                    Route::Report(n)
                } else {
                    Route::NotFound
                }
            }
        }
    }

    pub fn href(self) -> &'static str {
        match self {
            Route::Welcome | Route::NotFound | Route::Shared => "#/",
            Route::Questions => "#/questions",
            Route::Results => "#/results",
            Route::Method => "#/method",
            Route::Open | Route::Opened(_) | Route::Report(_) => "#/open",
            Route::Compare => "#/compare",
            Route::Admin => "#/admin",
            Route::Cohort => "#/cohort",
            Route::Skills => "#/skills",
            Route::Experience => "#/experience",
            Route::Roles => "#/roles",
            Route::Gap => "#/gap",
            Route::Roadmap => "#/roadmap",
        }
    }

    /// The address of a route, including its parameter.
    pub fn href_owned(self) -> String {
        match self {
            Route::Opened(n) => format!("#/opened/{n}"),
            Route::Report(n) => format!("#/report/{n}"),
            other => other.href().to_owned(),
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
        let _ = w.location().set_hash(&route.href_owned());
    }
}
