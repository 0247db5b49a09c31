//! Instrument statistics: α and its interval against published figures,
//! weak statements flagged, "too few to judge" below 30 sheets, norms, and
//! retakes paired by the anonymous id only.

#[path = "../examples/support/generate.rs"]
mod generate;

use crossroads::core::anon::RespondentId;
use crossroads::core::bank::{Bank, Item};
use crossroads::core::cohort::Cohort;
use crossroads::core::content::Content;
use crossroads::core::reliability::{cronbach_alpha, f_quantile, feldt_interval, MIN_SHEETS};
use crossroads::core::result_file::{import, ResultFile};
use crossroads::core::score::Response;

fn bank() -> Bank {
    (*Content::builtin().unwrap().bank).clone()
}

fn summarise(bank: &Bank, files: &[ResultFile]) -> crossroads::core::cohort::CohortSummary {
    let mut cohort = Cohort::new(bank, false);
    for (i, f) in files.iter().enumerate() {
        cohort.add(&format!("{i}.json"), &f.to_json());
    }
    cohort.summary()
}

/// The worked example in "Survey reliability" (thinkdeeply.cc, 2023,
/// CC BY 4.0, https://thinkdeeply.cc/posts/survey-reliability): ten people,
/// four five-point items; the post computes α = 0.674 by hand from the
/// covariance matrix and confirms it with R (`ltm::cronbach.alpha`).
#[test]
fn alpha_matches_a_published_worked_example() {
    let data = [
        [3, 3, 3, 3],
        [3, 3, 4, 3],
        [3, 3, 3, 1],
        [5, 4, 4, 5],
        [2, 1, 4, 4],
        [4, 4, 4, 5],
        [3, 2, 3, 3],
        [3, 4, 3, 3],
        [4, 2, 2, 3],
        [3, 3, 2, 3],
    ];
    let rows: Vec<Vec<f64>> = data
        .iter()
        .map(|r| r.iter().map(|&v| f64::from(v)).collect())
        .collect();
    let alpha = cronbach_alpha(&rows).unwrap();
    assert!((alpha - 0.674).abs() < 0.0005, "{alpha}");
}

/// Chris Evans's Feldt interval (MRC CBU statistics wiki, "R code for
/// computing confidence intervals for Cronbach's alpha"): α = .913 from
/// 873 people on 20 items gives 0.9044024 to 0.9211588; and cocron's
/// documented example (α = .83, n = 100, 20 items).
#[test]
fn the_feldt_interval_matches_published_values() {
    let (low, high) = feldt_interval(0.913, 873, 20, 0.95).unwrap();
    assert!((low - 0.904_402_4).abs() < 1e-6, "{low}");
    assert!((high - 0.921_158_8).abs() < 1e-6, "{high}");
    // F(0.95; 5, 10) = 3.3258 in every printed F table.
    assert!((f_quantile(0.95, 5.0, 10.0).unwrap() - 3.325_835).abs() < 1e-5);
    // The smallest degrees of freedom a cohort gives (two people, two
    // statements): F(0.975; 1, 1) = 647.79 in printed tables.
    assert!((f_quantile(0.975, 1.0, 1.0).unwrap() - 647.789).abs() < 1e-2);
    assert_eq!(f_quantile(0.95, 0.5, 10.0), None);
    // Large cohorts stay finite and tight.
    let (low, high) = feldt_interval(0.8, 1_000_000, 8, 0.95).unwrap();
    assert!(
        low < 0.8 && high > 0.8 && high - low < 0.002,
        "{low} {high}"
    );
    assert_eq!(feldt_interval(0.8, 1, 8, 0.95), None);
}

#[test]
fn a_coherent_cohort_is_reliable_and_a_random_one_is_not() {
    let bank = bank();
    let files = generate::cohort(&bank, 400, 0, 7);
    let s = summarise(&bank, &files);
    assert_eq!(s.reliability.len(), bank.dimensions.len());
    for a in &s.reliability {
        let alpha = a.alpha.unwrap_or_else(|| panic!("{a:?}"));
        assert!(alpha > 0.6, "{a:?}");
        let (low, high) = (a.low.unwrap(), a.high.unwrap());
        assert!(low < alpha && alpha < high, "{a:?}");
        assert!(a.n > 300 && a.n <= 400, "{a:?}");
    }
    assert!(
        s.instrument.item_rest.iter().all(|i| !i.weak),
        "no weak item"
    );
    // Management and technical scales pull against each other.
    let opposed = s
        .instrument
        .dimension_correlations
        .iter()
        .filter(|p| p.r.is_some_and(|r| r < -0.1))
        .count();
    assert!(opposed > 0);

    // Random answers: α near zero.
    let mut rng = generate::Rng::new(3);
    let random: Vec<ResultFile> = (0..400)
        .map(|_| {
            let mut f = files[0].clone();
            for item in &bank.items {
                if let Item::Likert(l) = item {
                    f.session
                        .answers
                        .insert(l.id.clone(), Response::Likert(1 + rng.below(5) as u8));
                }
            }
            f
        })
        .collect();
    let s = summarise(&bank, &random);
    for a in &s.reliability {
        assert!(a.alpha.unwrap() < 0.3, "{a:?}");
    }
}

#[test]
fn a_statement_answered_at_random_is_flagged_weak() {
    let bank = bank();
    let mut files = generate::cohort(&bank, 300, 0, 11);
    let victim = bank
        .items
        .iter()
        .find_map(|i| match i {
            Item::Likert(l) => Some(l.id.clone()),
            _ => None,
        })
        .unwrap();
    let mut rng = generate::Rng::new(5);
    for f in &mut files {
        f.session
            .answers
            .insert(victim.clone(), Response::Likert(1 + rng.below(5) as u8));
    }
    let s = summarise(&bank, &files);
    let weak: Vec<&str> = s
        .instrument
        .item_rest
        .iter()
        .filter(|i| i.weak)
        .map(|i| i.item.as_str())
        .collect();
    assert_eq!(weak, [victim.as_str()]);
}

#[test]
fn below_thirty_complete_sheets_every_figure_is_too_few_to_judge() {
    let bank = bank();
    let files = generate::cohort(&bank, MIN_SHEETS - 1, 0, 5);
    let s = summarise(&bank, &files);
    assert!(s
        .reliability
        .iter()
        .all(|a| a.alpha.is_none() && a.low.is_none()));
    assert!(s
        .instrument
        .item_rest
        .iter()
        .all(|i| i.r.is_none() && !i.weak));
    assert!(s
        .instrument
        .dimension_correlations
        .iter()
        .all(|p| p.r.is_none()));
    assert!(s.instrument.leaning.percentiles.is_empty());
    let json = serde_json::to_value(&s).unwrap();
    assert!(json["reliability"][0]["alpha"].is_null());
    assert!(json["reliability"][0]["n"].as_u64().unwrap() < MIN_SHEETS as u64);
    assert!(json["reliability"][0]["dimension"].is_string());
    // 29 people twice: 58 sheets are enough for α, 29 pairs are not.
    let s = summarise(&bank, &generate::cohort(&bank, MIN_SHEETS - 1, 1, 5));
    assert!(s.reliability.iter().all(|a| a.alpha.is_some()));
    assert_eq!(s.instrument.retakes.pairs, MIN_SHEETS - 1);
    assert_eq!(s.instrument.retakes.r, None);
    assert_eq!(s.instrument.retakes.band_agreement, None);
}

#[test]
fn percentiles_place_a_leaning_within_the_cohort() {
    let bank = bank();
    let files = generate::cohort(&bank, 500, 0, 13);
    let mut cohort = Cohort::new(&bank, true);
    for (i, f) in files.iter().enumerate() {
        cohort.add(&format!("{i}.json"), &f.to_json());
    }
    let s = cohort.summary();
    let mut leanings: Vec<f64> = s.people.iter().map(|p| p.leaning).collect();
    leanings.sort_by(f64::total_cmp);
    for (p, value) in &s.instrument.leaning.percentiles {
        // Nearest rank, exact to the 0.1-point bins.
        let rank = (f64::from(*p) / 100.0 * 500.0).ceil() as usize;
        let exact = leanings[rank - 1];
        assert!(
            (value - exact).abs() <= 0.05 + 1e-9,
            "P{p}: {value} vs {exact}"
        );
    }
    let median = s.instrument.leaning.percentiles[3].1;
    let rank = cohort.percentile_rank(median).unwrap();
    assert!((45.0..=55.0).contains(&rank), "{rank}");
    assert_eq!(
        s.instrument
            .leaning
            .histogram
            .iter()
            .map(|h| h.1)
            .sum::<usize>(),
        500
    );
}

#[test]
fn retakes_pair_by_anonymous_id_and_agree() {
    let bank = bank();
    // 100 people, each twice.
    let files = generate::cohort(&bank, 100, 1, 17);
    let s = summarise(&bank, &files);
    let rt = &s.instrument.retakes;
    assert_eq!(rt.pairs, 100);
    let r = rt.r.unwrap();
    assert!(r > 0.7, "retake correlation {r}");
    assert!(rt.band_agreement.unwrap() > 0.6, "{rt:?}");

    // The same file twice is not a retake, and files without an id never
    // pair, even with the same name.
    let mut same = Vec::new();
    for f in files.iter().step_by(2).take(80) {
        same.push(f.clone());
        same.push(f.clone());
    }
    let s = summarise(&bank, &same);
    assert_eq!(s.instrument.retakes.pairs, 0);
    let anonymous: Vec<ResultFile> = files
        .iter()
        .map(|f| f.clone().with_respondent(None))
        .collect();
    assert_eq!(summarise(&bank, &anonymous).instrument.retakes.pairs, 0);
}

#[test]
fn the_anonymous_id_round_trips_and_old_files_still_open() {
    let bank = bank();
    let file = generate::cohort(&bank, 1, 0, 1).remove(0);
    let id = file.respondent.unwrap();
    let text = file.to_json();
    assert!(text.contains(&format!("\"respondent\": \"{id}\"")));
    assert_eq!(import(&text, &bank).unwrap().file, file);
    let old = file.clone().with_respondent(None).to_json();
    assert!(!old.contains("respondent"));
    assert_eq!(import(&old, &bank).unwrap().file.respondent, None);
    let named = text.replace(&id.to_string(), "Ada Lovelace");
    assert!(import(&named, &bank).is_err());
    assert_eq!(RespondentId::parse(&id.to_string()), Some(id));
}
