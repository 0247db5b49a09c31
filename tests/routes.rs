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
fn each_route_belongs_to_the_page_that_shows_it() {
    for route in ALL {
        let expected = match route {
            Route::Welcome | Route::Questions => Some(Page::Assess),
            Route::NotFound => None,
            _ => Some(Page::Plan),
        };
        assert_eq!(route.page(), expected, "{route:?}");
    }
    assert_eq!(Route::Questions.href_from(Page::Plan), "./#/questions");
    assert_eq!(
        Route::Report(4).href_from(Page::Assess),
        "plan.html#/report/4"
    );
    assert_eq!(
        Route::Opened(1).href_from(Page::Plan),
        "plan.html#/opened/1"
    );
    assert_eq!(Route::NotFound.href_from(Page::Plan), "plan.html#/");
    assert_eq!(Page::of_path("/academy/crossroads/plan.html"), Page::Plan);
    assert_eq!(Page::of_path("/academy/crossroads/"), Page::Assess);
}
