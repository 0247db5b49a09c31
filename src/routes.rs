//! The app's screens and the four pages they belong to, and how each maps
//! to an address: pure functions of strings, tested natively (the hooks
//! that read and change the browser's address are in `app::route`).
//!
//! Hash routing: `#/questions`, `#/results`, … The fragment never reaches a
//! server, so `dist/` works on any static host and under any sub-path. The
//! app is built as four pages, one per audience, so that each person
//! downloads only the screens they use: the assessment (`index.html`:
//! welcome and questionnaire) and the planner (`plan.html`: result, method,
//! skills, experience, roles, gap, roadmap) for technicians, the mentor's
//! page (`mentor.html`: open results, shared links, compare, meeting
//! report) and the program's page (`program.html`: cohort overview and
//! deployment check). Every route belongs to one of them; an address on the
//! wrong page (an old link, a typed one) loads the right page.

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

/// One of the four pages the app is built as, each its own wasm binary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// `index.html`: welcome and questionnaire.
    Assess,
    /// `plan.html`: the technician's result, skills, gap and roadmap.
    Plan,
    /// `mentor.html`: results opened from files and share links, compared
    /// and reviewed.
    Mentor,
    /// `program.html`: the cohort overview and the deployment check.
    Program,
}

impl Page {
    const ALL: [Page; 4] = [Page::Assess, Page::Plan, Page::Mentor, Page::Program];

    /// The page's address relative to the app's folder.
    pub fn file(self) -> &'static str {
        match self {
            Page::Assess => "./",
            Page::Plan => "plan.html",
            Page::Mentor => "mentor.html",
            Page::Program => "program.html",
        }
    }

    /// The page's full address beside the page at `here` (any page of the
    /// app, with or without a fragment or query):
    /// `https://host/a/plan.html#/skills` → `https://host/a/mentor.html`.
    pub fn address_beside(self, here: &str) -> String {
        let here = here.split(['#', '?']).next().unwrap_or_default();
        let folder = here.rsplit_once('/').map_or("", |(folder, _)| folder);
        let file = self.file().trim_start_matches("./");
        format!("{folder}/{file}")
    }

    /// The page a path belongs to (`/a/b/plan.html` → planner); the
    /// folder itself and anything unknown is the assessment.
    pub fn of_path(path: &str) -> Page {
        let name = path.rsplit('/').next().unwrap_or(path);
        Page::ALL
            .into_iter()
            .find(|p| p.file() == name)
            .unwrap_or(Page::Assess)
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
            | Route::Skills
            | Route::Experience
            | Route::Roles
            | Route::Gap
            | Route::Roadmap => Some(Page::Plan),
            Route::Open | Route::Opened(_) | Route::Report(_) | Route::Shared | Route::Compare => {
                Some(Page::Mentor)
            }
            Route::Admin | Route::Cohort => Some(Page::Program),
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
