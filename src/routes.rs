//! The app's screens and the two pages they belong to, and how each maps
//! to an address: pure functions of strings, tested natively (the hooks
//! that read and change the browser's address are in `app::route`).
//!
//! Hash routing: `#/questions`, `#/results`, … The fragment never reaches a
//! server, so `dist/` works on any static host and under any sub-path. The
//! app is built as two pages so that a first visit stays small: the
//! assessment (`index.html`: welcome and questionnaire) and the planner
//! (`plan.html`: result, method, skills, roadmap, mentor, compare, cohort,
//! admin). Every route belongs to one of them.

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
}

impl Route {
    /// The page that shows this route. A missing page shows wherever it
    /// was asked for.
    pub fn page(self) -> Option<Page> {
        match self {
            Route::Welcome | Route::Questions => Some(Page::Assess),
            Route::NotFound => None,
            Route::Results
            | Route::Method
            | Route::Open
            | Route::Opened(_)
            | Route::Report(_)
            | Route::Shared
            | Route::Compare
            | Route::Admin
            | Route::Cohort
            | Route::Skills
            | Route::Experience
            | Route::Roles
            | Route::Gap
            | Route::Roadmap => Some(Page::Plan),
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

    /// The route's fragment with its parameter, e.g. `#/skills`,
    /// `#/opened/2`. A share link's fragment carries its answers, which
    /// the route does not hold: [`Route::Shared`] is `#/`.
    pub fn hash(self) -> String {
        let fixed = match self {
            Route::Opened(n) => return format!("#/opened/{n}"),
            Route::Report(n) => return format!("#/report/{n}"),
            Route::Welcome | Route::NotFound | Route::Shared => "#/",
            Route::Questions => "#/questions",
            Route::Results => "#/results",
            Route::Method => "#/method",
            Route::Open => "#/open",
            Route::Compare => "#/compare",
            Route::Admin => "#/admin",
            Route::Cohort => "#/cohort",
            Route::Skills => "#/skills",
            Route::Experience => "#/experience",
            Route::Roles => "#/roles",
            Route::Gap => "#/gap",
            Route::Roadmap => "#/roadmap",
        };
        fixed.to_owned()
    }

    /// A link to the route from `here`: `./#/questions`,
    /// `plan.html#/skills`; a route of no page stays on `here`.
    pub fn href_from(self, here: Page) -> String {
        let page = self.page().unwrap_or(here);
        format!("{}{}", page.file(), self.hash())
    }
}
