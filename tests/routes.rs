//! Routes and addresses, natively: every route reads back from its own
//! fragment, belongs to the page that shows it, and links carry their
//! parameters.

use crossroads::routes::{Page, Route};

/// Every route, one of each (with parameters).
const ALL: [Route; 17] = [
    Route::Welcome,
    Route::Questions,
    Route::Results,
    Route::Method,
    Route::Open,
    Route::Opened(3),
    Route::Report(2),
    Route::Shared,
    Route::Compare,
    Route::Admin,
    Route::Cohort,
    Route::Skills,
    Route::Experience,
    Route::Roles,
    Route::Gap,
    Route::Roadmap,
    Route::NotFound,
];

#[test]
fn every_route_reads_back_from_its_own_fragment() {
    for route in ALL {
        let back = Route::from_hash(&route.hash());
        match route {
            // A share link's answers are not part of the route, and a
            // missing page has no address of its own.
            Route::Shared | Route::NotFound => assert_eq!(back, Route::Welcome, "{route:?}"),
            _ => assert_eq!(back, route, "{route:?}"),
        }
    }
    assert_eq!(Route::Opened(3).hash(), "#/opened/3");
    assert_eq!(Route::Report(12).hash(), "#/report/12");
}

#[test]
fn addresses_are_read_as_people_type_them() {
    for (hash, route) in [
        ("", Route::Welcome),
        ("#", Route::Welcome),
        ("#/", Route::Welcome),
        ("#/skills/", Route::Skills),
        ("#/r?v=1&a=12&c=abc", Route::Shared),
        ("#/opened/x", Route::NotFound),
        ("#/opened/-1", Route::NotFound),
        ("#/report/99999999999999999999999", Route::NotFound),
        ("#/nowhere", Route::NotFound),
    ] {
        assert_eq!(Route::from_hash(hash), route, "{hash:?}");
    }
}

#[test]
fn each_route_belongs_to_the_page_of_its_audience() {
    for route in ALL {
        let expected = match route {
            Route::Welcome | Route::Questions => Some(Page::Assess),
            Route::NotFound => None,
            Route::Open | Route::Opened(_) | Route::Report(_) | Route::Shared | Route::Compare => {
                Some(Page::Mentor)
            }
            Route::Cohort | Route::Admin => Some(Page::Program),
            _ => Some(Page::Plan),
        };
        assert_eq!(route.page(), expected, "{route:?}");
    }
    assert_eq!(Route::Questions.href_from(Page::Plan), "./#/questions");
    assert_eq!(
        Route::Report(4).href_from(Page::Assess),
        "mentor.html#/report/4"
    );
    assert_eq!(
        Route::Opened(1).href_from(Page::Plan),
        "mentor.html#/opened/1"
    );
    assert_eq!(
        Route::Cohort.href_from(Page::Mentor),
        "program.html#/cohort"
    );
    assert_eq!(
        Route::Roadmap.href_from(Page::Program),
        "plan.html#/roadmap"
    );
    assert_eq!(Route::NotFound.href_from(Page::Plan), "plan.html#/");
    assert_eq!(Route::NotFound.href_from(Page::Mentor), "mentor.html#/");
}

#[test]
fn a_path_names_its_page_under_any_folder() {
    for (path, page) in [
        ("/academy/crossroads/plan.html", Page::Plan),
        ("plan.html", Page::Plan),
        ("/mentor.html", Page::Mentor),
        ("/a/b/program.html", Page::Program),
        ("/academy/crossroads/", Page::Assess),
        ("/academy/crossroads/index.html", Page::Assess),
        ("/", Page::Assess),
        // A page of another name is not one of ours to hand over to.
        ("/academy/myplan.html", Page::Assess),
        ("/plan.html/", Page::Assess),
    ] {
        assert_eq!(Page::of_path(path), page, "{path:?}");
    }
}

#[test]
fn a_page_address_sits_beside_the_current_one() {
    for (here, page, address) in [
        (
            "https://host/a/plan.html#/results",
            Page::Mentor,
            "https://host/a/mentor.html",
        ),
        (
            "https://host/a/plan.html?x=1#/results",
            Page::Mentor,
            "https://host/a/mentor.html",
        ),
        ("https://host/a/", Page::Plan, "https://host/a/plan.html"),
        (
            "https://host/mentor.html#/r?v=1&a=1/2",
            Page::Assess,
            "https://host/",
        ),
        (
            "http://127.0.0.1:8080/plan.html",
            Page::Program,
            "http://127.0.0.1:8080/program.html",
        ),
    ] {
        assert_eq!(page.address_beside(here), address, "{here:?}");
    }
}
