//! The facilitator's cohort view: many result files at once, summarised in
//! the browser — nothing is uploaded anywhere.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::app::components::charts::CountBars;
use crate::app::components::detail::technical_detail;

use crate::app::download::download;
use crate::app::state::use_assess;
use crate::core::bank::Track;
use crate::core::career::catalog::RoleId;
use crate::core::cohort::{Cohort, CohortSummary};
use crate::core::content::Content;
use crate::core::result_file::MAX_BYTES;
use crate::core::text::count;

type Texts = Vec<(String, Result<String, String>)>;

/// Reads every file's text (a file too large or unreadable carries why).
async fn read_all(files: Vec<web_sys::File>) -> Texts {
    // Read everything first, so the timing below covers parsing and
    // aggregation only.
    let mut texts: Vec<(String, Result<String, String>)> = Vec::with_capacity(files.len());
    for f in files {
        let text = if f.size() > MAX_BYTES as f64 {
            Err(format!(
                "the file is {:.0} KB, over the {} KB limit",
                f.size() / 1024.0,
                MAX_BYTES / 1024
            ))
        } else {
            JsFuture::from(f.text())
                .await
                .ok()
                .and_then(|v| v.as_string())
                .ok_or_else(|| "the file could not be read".to_owned())
        };
        texts.push((f.name(), text));
    }
    texts
}

/// Parses and aggregates; returns the summary and how long that took.
fn summarise(texts: &Texts, content: &Content, role: Option<&str>) -> (CohortSummary, f64) {
    let perf = web_sys::window().and_then(|w| w.performance());
    let start = perf.as_ref().map(|p| p.now()).unwrap_or_default();
    let today = crate::app::state::today();
    let mut cohort = Cohort::new(&content.bank, true);
    if let Some(r) = role.and_then(|r| content.catalog.role(&RoleId(r.to_owned()))) {
        cohort = cohort.with_role(&content.catalog, r, today);
    }
    for (name, text) in texts {
        match text {
            Ok(t) => cohort.add(name, t),
            Err(why) => cohort.reject(name, why),
        }
    }
    let summary = cohort.summary();
    let took = perf.map(|p| p.now()).unwrap_or_default() - start;
    (summary, took)
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

#[component]
pub fn CohortPage() -> Html {
    let state = use_assess();
    let texts = use_state(|| None::<Rc<Texts>>);
    let role = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let message = use_state(|| None::<String>);
    let result = use_memo(((*texts).clone(), (*role).clone()), {
        let content = state.content.clone();
        move |(texts, role): &(Option<Rc<Texts>>, Option<String>)| {
            texts
                .as_ref()
                .map(|t| Rc::new(summarise(t, &content, role.as_deref())))
        }
    });

    let start = {
        let (texts, busy) = (texts.clone(), busy.clone());
        Callback::from(move |files: Vec<web_sys::File>| {
            if files.is_empty() {
                return;
            }
            busy.set(true);
            let (texts, busy) = (texts.clone(), busy.clone());
            yew::platform::spawn_local(async move {
                let t = read_all(files).await;
                texts.set(Some(Rc::new(t)));
                busy.set(false);
            });
        })
    };
    let on_role = {
        let role = role.clone();
        Callback::from(move |e: Event| {
            let v = crate::app::dom::event_value(&e);
            role.set((!v.is_empty()).then_some(v));
        })
    };
    let cat = &state.content.catalog;
    let on_pick = {
        let start = start.clone();
        Callback::from(move |e: Event| {
            let input: Option<web_sys::HtmlInputElement> =
                e.target().and_then(|t| t.dyn_into().ok());
            start.emit(files_of(input.as_ref().and_then(|i| i.files())));
        })
    };
    let on_drop = {
        let start = start.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            start.emit(files_of(e.data_transfer().and_then(|d| d.files())));
        })
    };
    let on_over = Callback::from(|e: DragEvent| e.prevent_default());
    let bank = &state.content.bank;

    let body = match &*result {
        None => html! {},
        Some(r) => {
            let role_view = r.0.role.as_ref().map(|rs| {
                let role_name = cat.role(&RoleId(rs.role.clone())).map(|r| r.name.clone()).unwrap_or_default();
                let skill_name = |id: &crate::core::career::catalog::SkillId| cat.skill(id).map(|s| s.name.clone()).unwrap_or_else(|| id.to_string());
                html! {
                    <section class="panel" aria-labelledby="c-role">
                        <h2 id="c-role">{ format!("Against the role: {role_name}") }</h2>
                        <table>
                            <caption>{ "Self-rated level per required skill, over those who rated it (a skill left unrated is unknown, not level 0)" }</caption>
                            <thead><tr><th scope="col">{ "Skill" }</th><th scope="col">{ "Rated by" }</th><th scope="col">{ "Average" }</th><th scope="col">{ "Required" }</th><th scope="col">{ "Below it" }</th></tr></thead>
                            <tbody>{ for rs.skills.iter().map(|sk| html! {
                                <tr><th scope="row">{ skill_name(&sk.skill) }</th>
                                    <td>{ format!("{} of {}", sk.rated, r.0.participants) }</td>
                                    <td>{ if sk.rated == 0 { "–".to_owned() } else { format!("{:.1}", sk.mean) } }</td>
                                    <td>{ sk.required.to_string() }</td>
                                    <td>{ if sk.rated == 0 { "–".to_owned() } else { sk.below.to_string() } }</td></tr>
                            }) }</tbody>
                        </table>
                        <h3>{ "Most common gaps" }</h3>
                        <ol>{ for rs.common_gaps.iter().take(5).map(|(s, n)| html! { <li>{ format!("{} — {}", skill_name(s), crate::core::text::count(*n, "participant", "participants")) }</li> }) }</ol>
                        <h3>{ "Suggested group sessions" }</h3>
                        <ul>{ for rs.sessions.iter().map(|t| html! { <li>{ t.clone() }</li> }) }</ul>
                        <h3>{ "Certifications open to them now" }</h3>
                        <table>
                            <caption>{ "Participants eligible to sit each exam today" }</caption>
                            <thead><tr><th scope="col">{ "Certification" }</th><th scope="col">{ "Eligible now" }</th></tr></thead>
                            <tbody>{ for rs.eligible_now.iter().map(|(c, n)| html! {
                                <tr><th scope="row">{ cat.cert(c).map(|x| x.name.clone()).unwrap_or_else(|| c.to_string()) }</th><td>{ n.to_string() }</td></tr>
                            }) }</tbody>
                        </table>
                    </section>
                }
            });
            let (s, took) = (&r.0, r.1);
            // One tidy table per file (UTF-8 with a BOM, readable headers),
            // so a spreadsheet opens each as it is.
            let save_csv = |name: &'static str, csv: String| {
                let message = message.clone();
                Callback::from(move |_| {
                    message.set(Some(match download(name, "text/csv;charset=utf-8", &csv) {
                        Ok(()) => format!("Saved {name}."),
                        Err(e) => e,
                    }));
                })
            };
            let on_csv = save_csv(
                "crossroads-cohort-participants.csv",
                s.participants_csv(bank),
            );
            let on_role_csv = s
                .role_csv(cat)
                .map(|csv| save_csv("crossroads-cohort-role.csv", csv));
            let bands = [
                (bank.tracks.management.name.clone(), s.management),
                (bank.tracks.hybrid.name.clone(), s.hybrid),
                (bank.tracks.technical.name.clone(), s.technical),
            ];
            html! {
                <>
                    <p role="status" class="lead">{ format!(
                        "{} summarised; {} skipped. Read in {}.",
                        count(s.participants, "participant", "participants"),
                        count(s.rejected.len(), "file", "files"),
                        if took < 1000.0 { "under a second".to_owned() } else { format!("{:.0} seconds", (took / 1000.0).ceil()) }
                    ) }</p>
                    <section class="panel" aria-labelledby="c-bands">
                        <h2 id="c-bands">{ "Track leanings" }</h2>
                        <CountBars rows={bands.iter().map(|(name, n)| (AttrValue::from(name.clone()), *n)).collect::<Vec<_>>()} />
                        <table>
                            <caption>{ "Participants per track (the same data as the chart)" }</caption>
                            <thead><tr><th scope="col">{ "Track" }</th><th scope="col">{ "Participants" }</th></tr></thead>
                            <tbody>{ for bands.iter().map(|(name, n)| html! { <tr><th scope="row">{ name.clone() }</th><td>{ n.to_string() }</td></tr> }) }</tbody>
                        </table>
                        <p>{ format!(
                            "Confidence: {} high (a retake would give the same track 9 times in 10 or more), {} medium, {} low (less than 7 in 10). Read low-confidence results as tentative.",
                            s.confidence_levels[2], s.confidence_levels[1], s.confidence_levels[0]
                        ) }</p>
                    </section>
                    <section class="panel" aria-labelledby="c-dims">
                        <h2 id="c-dims">{ "Average on each topic" }</h2>
                        <table>
                            <caption>{ "Mean topic scores (0–100, 50 neutral)" }</caption>
                            <thead><tr><th scope="col">{ "Topic" }</th><th scope="col">{ "Mean" }</th></tr></thead>
                            <tbody>{ for bank.dimensions.iter().zip(&s.dimension_means).map(|(d, (_, m))| html! {
                                <tr><th scope="row">{ d.name.clone() }</th><td>{ m.map(|x| format!("{x:.0}")).unwrap_or_else(|| "–".into()) }</td></tr>
                            }) }</tbody>
                        </table>
                    </section>
                    <div class="field no-print">
                        <label for="cohort-role">{ "Compare the cohort with a role" }</label>
                        <select id="cohort-role" onchange={on_role.clone()}>
                            <option value="" selected={role.is_none()}>{ "No role" }</option>
                            { for cat.roles.iter().map(|r| html! {
                                <option value={r.id.to_string()} selected={role.as_deref() == Some(r.id.as_str())}>{ r.name.clone() }</option>
                            }) }
                        </select>
                    </div>
                    { for role_view }
                    <section class="panel" aria-labelledby="c-people">
                        <h2 id="c-people">{ "Participants" }</h2>
                        <table>
                            <caption>{ "Each participant's leaning" }</caption>
                            <thead><tr><th scope="col">{ "Name" }</th><th scope="col">{ "Track" }</th><th scope="col">{ "Leaning" }</th><th scope="col">{ "Confidence" }</th></tr></thead>
                            <tbody>{ for s.people.iter().map(|p| html! {
                                <tr>
                                    <th scope="row">{ p.name.clone() }</th>
                                    <td>{ bank.track_info(p.band).name.clone() }</td>
                                    <td>{ format!("{:.0} {}", p.leaning.abs(), Track::of_leaning(p.leaning).word()) }</td>
                                    <td>{ format!("{} ({:.0} % retake)", crate::app::pages::results::level_name(p.level), p.confidence) }</td>
                                </tr>
                            }) }</tbody>
                        </table>
                    </section>
                    if !s.rejected.is_empty() {
                        <section class="panel warn" aria-labelledby="c-rejected">
                            <h2 id="c-rejected">{ format!("Skipped files ({})", s.rejected.len()) }</h2>
                            <ul>{ for s.rejected.iter().map(|r| html! {
                                <li>
                                    <code>{ r.file.clone() }</code>{ ": " }{ r.problem.clone() }
                                    { technical_detail(r.detail.clone()) }
                                </li>
                            }) }</ul>
                        </section>
                    }
                    <div class="actions">
                        <button type="button" onclick={on_csv}>{ "Download participants (CSV)" }</button>
                        if let Some(on_role_csv) = on_role_csv {
                            <button type="button" class="secondary" onclick={on_role_csv}>{ "Download the role comparison (CSV)" }</button>
                        }
                    </div>
                    <p role="status" class="muted">{ (*message).clone().unwrap_or_default() }</p>
                </>
            }
        }
    };

    html! {
        <article aria-labelledby="cohort-title">
            <h1 id="cohort-title">{ "Cohort overview" }</h1>
            <p>{ "For facilitators: select or drop your participants' result files to see the group at a glance. The files are read in this browser only; nothing is uploaded." }</p>
            <div class="dropzone" ondrop={on_drop} ondragover={on_over}>
                <label for="cohort-files" class="button">{ "Choose result files" }</label>
                <input id="cohort-files" class="file-input" type="file" multiple=true accept=".json,application/json" onchange={on_pick} />
                <p class="muted">{ "…or drop them here. Any number of files; broken ones are listed and skipped." }</p>
            </div>
            if *busy { <p role="status">{ "Reading files…" }</p> }
            { body }
        </article>
    }
}
