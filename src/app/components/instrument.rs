//! "Is the questionnaire working for your people?": the instrument
//! statistics of a cohort (see [`crate::core::reliability`]) as tables —
//! each topic's α with its interval, weak statements, how the topics
//! relate, where leanings fall, and how stable retakes are. A figure from
//! fewer than 30 sheets reads "too few to judge".

use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::wide_table::wide_table;
use crate::core::bank::{DimensionId, ItemId};
use crate::core::cohort::CohortSummary;
use crate::core::content::Content;
use crate::core::reliability::{MIN_SHEETS, WEAK_ITEM_REST};

#[derive(Properties)]
pub struct InstrumentPanelProps {
    pub summary: Rc<CohortSummary>,
    pub content: Rc<Content>,
}

/// The same pass over the files and the same content: a summary is made
/// once per pass and never changed, so which one it is says it all. The
/// derived comparison walked every participant of the summary each time
/// the cohort page rendered (and was 2.6 KB of code).
impl PartialEq for InstrumentPanelProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.summary, &other.summary) && self.content == other.content
    }
}

const TOO_FEW: &str = "too few to judge";

fn two(v: Option<f64>) -> String {
    v.map(|x| crate::core::text::fixed(x, 2))
        .unwrap_or_else(|| TOO_FEW.to_owned())
}

/// How a value of α reads, by the usual thresholds.
fn verdict(alpha: Option<f64>) -> &'static str {
    match alpha {
        None => "",
        Some(a) if a >= 0.8 => "good",
        Some(a) if a >= 0.7 => "acceptable",
        Some(_) => "below 0.70: weak",
    }
}

#[component]
pub fn InstrumentPanel(props: &InstrumentPanelProps) -> Html {
    let s = &props.summary;
    let bank = &props.content.bank;
    let dim_name = |id: &str| {
        bank.dimension(&DimensionId(id.to_owned()))
            .map(|d| d.name.clone())
            .unwrap_or_else(|| id.to_owned())
    };
    let item_text = |id: &str| {
        bank.item(&ItemId(id.to_owned()))
            .map(|i| i.text().to_owned())
            .unwrap_or_else(|| id.to_owned())
    };
    let ins = &s.instrument;
    let weak: Vec<_> = ins.item_rest.iter().filter(|i| i.weak).collect();
    let judged = ins.item_rest.iter().filter(|i| i.r.is_some()).count();
    let dims: Vec<String> = s.reliability.iter().map(|a| a.dimension.clone()).collect();
    let r_of = |a: &str, b: &str| {
        ins.dimension_correlations
            .iter()
            .find(|p| (p.a == a && p.b == b) || (p.a == b && p.b == a))
            .and_then(|p| p.r)
    };
    let rt = &ins.retakes;
    html! {
        <section class="panel" aria-labelledby="c-instrument">
            <h2 id="c-instrument">{ "Is the questionnaire working for your people?" }</h2>
            <p>{ format!(
                "Computed from these files' answers alone. Any figure from fewer than {MIN_SHEETS} complete answer sheets reads “{TOO_FEW}”."
            ) }</p>
            { wide_table("Consistency of each topic (Cronbach's α, 95% interval by Feldt's method)", html! { <>
                <thead><tr>
                    <th scope="col">{ "Topic" }</th><th scope="col">{ "α" }</th>
                    <th scope="col">{ "95% interval" }</th><th scope="col">{ "Complete sheets" }</th>
                    <th scope="col">{ "Reading" }</th>
                </tr></thead>
                <tbody>{ for s.reliability.iter().map(|a| html! {
                    <tr>
                        <th scope="row">{ dim_name(&a.dimension) }</th>
                        <td>{ two(a.alpha) }</td>
                        <td>{ match (a.low, a.high) { (Some(l), Some(h)) => format!("{l_2}–{h_2}", l_2 = crate::core::text::fixed(l, 2), h_2 = crate::core::text::fixed(h, 2)), _ => "–".to_owned() } }</td>
                        <td>{ a.n.to_string() }</td>
                        <td>{ verdict(a.alpha) }</td>
                    </tr>
                }) }</tbody>
            </> }) }
            <h3>{ "Statements that pull against their topic" }</h3>
            if judged == 0 {
                <p>{ format!("Item–rest correlations: {TOO_FEW}.") }</p>
            } else if weak.is_empty() {
                <p>{ format!("Every statement correlates at least {WEAK_ITEM_REST_2} with the rest of its topic.", WEAK_ITEM_REST_2 = crate::core::text::fixed(WEAK_ITEM_REST, 2)) }</p>
            } else {
                <table>
                    <caption>{ format!("Statements correlating less than {WEAK_ITEM_REST_2} with the rest of their topic", WEAK_ITEM_REST_2 = crate::core::text::fixed(WEAK_ITEM_REST, 2)) }</caption>
                    <thead><tr><th scope="col">{ "Statement" }</th><th scope="col">{ "Topic" }</th><th scope="col">{ "Item–rest r" }</th></tr></thead>
                    <tbody>{ for weak.iter().map(|i| html! {
                        <tr><th scope="row">{ item_text(&i.item) }</th><td>{ dim_name(&i.dimension) }</td><td>{ two(i.r) }</td></tr>
                    }) }</tbody>
                </table>
            }
            <details>
                <summary>{ "Every statement's item–rest correlation" }</summary>
                <table>
                    <caption>{ "Item–rest correlations" }</caption>
                    <thead><tr><th scope="col">{ "Statement" }</th><th scope="col">{ "Topic" }</th><th scope="col">{ "r" }</th></tr></thead>
                    <tbody>{ for ins.item_rest.iter().map(|i| html! {
                        <tr><th scope="row">{ item_text(&i.item) }</th><td>{ dim_name(&i.dimension) }</td><td>{ two(i.r) }</td></tr>
                    }) }</tbody>
                </table>
            </details>
            <h3>{ "How the topics relate" }</h3>
            { wide_table("Correlations between topic scores (management topics should correlate with each other and against the technical ones)", html! { <>
                <thead><tr>
                    <td></td>
                    { for dims.iter().map(|d| html! { <th scope="col">{ dim_name(d) }</th> }) }
                </tr></thead>
                <tbody>{ for dims.iter().map(|a| html! {
                    <tr>
                        <th scope="row">{ dim_name(a) }</th>
                        { for dims.iter().map(|b| html! {
                            <td>{ if a == b { "1".to_owned() } else { r_of(a, b).map(|r| crate::core::text::fixed(r, 2)).unwrap_or_else(|| "–".to_owned()) } }</td>
                        }) }
                    </tr>
                }) }</tbody>
            </> }) }
            <h3>{ "Where leanings fall in this cohort" }</h3>
            if ins.leaning.percentiles.is_empty() {
                <p>{ format!("Percentiles: {TOO_FEW}.") }</p>
            } else {
                <table>
                    <caption>{ "Leaning percentiles (−100 technical … +100 management)" }</caption>
                    <thead><tr><th scope="col">{ "Percentile" }</th><th scope="col">{ "Leaning" }</th></tr></thead>
                    <tbody>{ for ins.leaning.percentiles.iter().map(|(p, v)| html! {
                        <tr><th scope="row">{ format!("{p}th") }</th><td>{ crate::core::text::signed(*v, 1) }</td></tr>
                    }) }</tbody>
                </table>
            }
            <table>
                <caption>{ "Participants per range of leaning" }</caption>
                <thead><tr><th scope="col">{ "Leaning" }</th><th scope="col">{ "Participants" }</th></tr></thead>
                <tbody>{ for ins.leaning.histogram.iter().map(|(from, n)| html! {
                    <tr><th scope="row">{ format!("{from:+} to {:+}", from + 20) }</th><td>{ n.to_string() }</td></tr>
                }) }</tbody>
            </table>
            <h3>{ "People who took it twice" }</h3>
            <p>{ match (rt.r, rt.band_agreement) {
                (Some(r), Some(agree)) => format!(
                    "{} people took it twice (paired by the anonymous id in their files). Their two leanings correlate at r = {r_2}; {}% landed in the same band both times.",
                    rt.pairs, crate::core::text::fixed(agree * 100.0, 0), r_2 = crate::core::text::fixed(r, 2)
                ),
                _ => format!(
                    "{} people took it twice (paired by the anonymous id in their files): retake correlation and band agreement are {TOO_FEW}.",
                    rt.pairs
                ),
            } }</p>
        </section>
    }
}
