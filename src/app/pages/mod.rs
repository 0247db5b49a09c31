//! One module per routed screen.

pub mod admin;
pub mod cohort;
pub mod compare;
pub mod experience;
pub mod gap;
pub mod mentor;
pub mod method;
pub mod not_found;
pub mod open;
pub mod questionnaire;
pub mod results;
pub mod roadmap;
pub mod roles;
pub mod skills;
pub mod welcome;

use yew::prelude::*;

use crate::app::route::Route;

/// The assessment page's screens (`index.html`).
pub fn assess_page(route: Route) -> Html {
    match route {
        Route::Welcome => html! { <welcome::WelcomeResume /> },
        Route::Questions => html! { <questionnaire::Questionnaire /> },
        // The planner's routes are handed over before this page renders,
        // so only a missing page remains.
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
        | Route::Roadmap
        | Route::NotFound => html! { <not_found::NotFound /> },
    }
}

/// The planner page's screens (`plan.html`): the technician's own result
/// and everything that follows from it.
pub fn plan_page(route: Route) -> Html {
    match route {
        Route::Results => html! { <results::Results /> },
        Route::Method => html! { <method::Method /> },
        Route::Skills => html! { <skills::Skills /> },
        Route::Experience => html! { <experience::ExperiencePage /> },
        Route::Roles => html! { <roles::Roles /> },
        Route::Gap => html! { <gap::Gap /> },
        Route::Roadmap => html! { <roadmap::Roadmap /> },
        // Other pages' routes are handed over before this page renders.
        Route::Welcome
        | Route::Questions
        | Route::Open
        | Route::Opened(_)
        | Route::Report(_)
        | Route::Shared
        | Route::Compare
        | Route::Admin
        | Route::Cohort
        | Route::NotFound => html! { <not_found::NotFound /> },
    }
}

/// The mentor's page's screens (`mentor.html`): other people's results,
/// from files and share links.
pub fn mentor_page(route: Route) -> Html {
    match route {
        Route::Open => html! { <open::Open /> },
        Route::Opened(index) => html! { <open::OpenedView {index} /> },
        Route::Report(index) => html! { <mentor::MeetingReport {index} /> },
        Route::Shared => html! { <open::SharedView /> },
        Route::Compare => html! { <compare::Compare /> },
        // Other pages' routes are handed over before this page renders.
        Route::Welcome
        | Route::Questions
        | Route::Results
        | Route::Method
        | Route::Skills
        | Route::Experience
        | Route::Roles
        | Route::Gap
        | Route::Roadmap
        | Route::Admin
        | Route::Cohort
        | Route::NotFound => html! { <not_found::NotFound /> },
    }
}

/// The program's page's screens (`program.html`): for the people who host
/// Crossroads and follow a cohort.
pub fn program_page(route: Route) -> Html {
    match route {
        Route::Cohort => html! { <cohort::CohortPage /> },
        Route::Admin => html! { <admin::Admin /> },
        // Other pages' routes are handed over before this page renders.
        Route::Welcome
        | Route::Questions
        | Route::Results
        | Route::Method
        | Route::Skills
        | Route::Experience
        | Route::Roles
        | Route::Gap
        | Route::Roadmap
        | Route::Open
        | Route::Opened(_)
        | Route::Report(_)
        | Route::Shared
        | Route::Compare
        | Route::NotFound => html! { <not_found::NotFound /> },
    }
}
