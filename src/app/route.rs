//! Hash routing: `#/questions`, `#/results`, … The fragment never reaches a
//! server, so `dist/` works on any static host and under any sub-path.
//!
//! The app is built as two pages so that a first visit stays small: the
//! assessment (`index.html`: welcome and questionnaire) and the planner
//! (`plan.html`: result, method, skills, roadmap, mentor, compare, cohort,
//! admin).
//! Every route belongs to one of them; a link to the other page loads it,
//! and both read the same saved session.

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

/// One of the two pages the app is built as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// `index.html`: welcome and questionnaire.
    Assess,
    /// `plan.html`: the result and everything after it.
    Plan,
}

impl Page {
    /// The page's address relative to the app's folder.
    pub fn file(self) -> &'static str {
        match self {
            Page::Assess => "./",
            Page::Plan => "plan.html",
        }
    }

    /// The page a path belongs to (`/a/b/plan.html` → planner).
    pub fn of_path(path: &str) -> Page {
        if path.ends_with("/plan.html") || path == "plan.html" {
            Page::Plan
        } else {
            Page::Assess
        }
    }

    /// The page this document is.
    pub fn current() -> Page {
        let path = web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .unwrap_or_default();
        Page::of_path(&path)
    }
}

impl Route {
    /// The page that shows this route. A missing page shows wherever it
    /// was asked for.
    pub fn page(self) -> Option<Page> {
        match self {
            Route::Welcome | Route::Questions => Some(Page::Assess),
            Route::NotFound => None,
            _ => Some(Page::Plan),
        }
    }

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

    /// The route's fragment, e.g. `#/skills`.
    pub fn hash(self) -> &'static str {
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

    /// The fragment of a route, including its parameter.
    pub fn hash_owned(self) -> String {
        match self {
            Route::Opened(n) => format!("#/opened/{n}"),
            Route::Report(n) => format!("#/report/{n}"),
            other => other.hash().to_owned(),
        }
    }

    /// A link to the route from either page: `./#/questions`,
    /// `plan.html#/skills`.
    pub fn href(self) -> String {
        let page = self.page().unwrap_or_else(Page::current);
        format!("{}{}", page.file(), self.hash_owned())
    }

    fn current() -> Route {
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        Route::from_hash(&hash)
    }
}

/// The current route, updated on every `hashchange`. A route that belongs
/// to the other page (a typed or old address) loads that page.
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

/// When `route` belongs to the other page, replaces this page with it
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
/// the other page waits one task, so that the save of a change made just
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
            let _ = location.set_hash(&route.hash_owned());
        }
    }
}
