//! The facilitator's cohort view: many result files at once, summarised in
//! the browser — nothing is uploaded anywhere. Files are read and folded in
//! slices of a few dozen milliseconds with a progress bar between them, so
//! the page stays responsive however many there are; only the running
//! summary (and each participant's line) is kept, not the files' text.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::boot::next_tick;
use crate::app::components::charts::CountBars;
use crate::app::components::detail::technical_detail;
use crate::app::components::instrument::InstrumentPanel;
use crate::app::components::wide_table::wide_table;
use crate::app::download::download;
use crate::app::dropped;
use crate::app::read_files::{FileReads, Reader};
use crate::app::state::use_assess;
use crate::core::anon_rows::{ResultRow, Rows};
use crate::core::bank::Track;
use crate::core::career::catalog::RoleId;
use crate::core::cohort::{is_cohort_file, Cohort, CohortSummary};
use crate::core::content::Content;
use crate::core::result_file::decode_text;
use crate::core::text::count;

/// The longest the page works before letting the browser paint and take
/// input (a "long task" is 50 ms).
const SLICE_MS: f64 = 45.0;

/// A finished pass over the files.
pub struct Done {
    summary: Rc<CohortSummary>,
    /// Each listed participant's percentile in this cohort.
    percentiles: Vec<Option<f64>>,
    /// The anonymous rows, and how to write them.
    rows: Vec<ResultRow>,
    columns: Rows,
    /// Milliseconds for the whole pass, and of them those spent decoding
    /// and folding the texts (the rest is the browser reading the files,
    /// and paints between slices).
    took: f64,
    work: f64,
    /// Who read the files: a worker, or the page itself where a worker
    /// could not run.
    reader: Reader,
}

/// Participants listed before "Show all": a table of thousands of rows
/// takes the browser most of a second to lay out.
const LISTED: usize = 200;

fn clock() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_default()
}

/// Reads and folds every file, reporting `(done, total)` to `progress`
/// between slices. Stops (returning `None`) when `run` no longer equals
/// `generation`, i.e. a newer pass has started.
async fn fold(
    files: Rc<Vec<web_sys::File>>,
    content: Rc<Content>,
    role: Option<String>,
    progress: Callback<(usize, usize)>,
    run: Rc<Cell<u32>>,
    generation: u32,
) -> Option<Done> {
    let start = clock();
    let today = crate::app::state::today();
    let bank = &content.bank;
    let mut cohort = Cohort::new(bank, true);
    if let Some(r) = role.and_then(|r| content.catalog.role(&RoleId(r))) {
        cohort = cohort.with_role(&content.catalog, r, today);
    }
    let mut columns = Rows::new(bank);
    let mut rows = Vec::new();
    let mut slice = clock();
    // A worker reads the next files while this one is folded.
    let mut reads = FileReads::start(files.clone());
    let mut done = 0;
    let mut work = 0.0;
    // Every file's bytes in turn, in one buffer (as bytes: a text would be
    // decoded into the browser's own strings and converted back for the
    // wasm, which costs more than the copy; see [`decode_text`]).
    let mut bytes = Vec::new();
    while let Some((name, read)) = reads.next(&mut bytes).await {
        let t = clock();
        match read {
            Ok(()) => cohort.add_with(&name, &decode_text(&bytes), |file, profile| {
                rows.push(columns.row(file, profile));
            }),
            Err(why) => cohort.reject(&name, &why),
        }
        work += clock() - t;
        done += 1;
        if clock() - slice > SLICE_MS {
            progress.emit((done, reads.total()));
            next_tick().await;
            if run.get() != generation {
                return None;
            }
            slice = clock();
        }
    }
    let summary = cohort.summary();
    let percentiles = summary
        .people
        .iter()
        .map(|p| cohort.percentile_rank(p.leaning))
        .collect();
    Some(Done {
        summary: Rc::new(summary),
        percentiles,
        rows,
        columns,
        took: clock() - start,
        work,
        reader: reads.reader(),
    })
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// What to say once a dropped folder has been looked through, if anything.
fn folder_note_after(found: &dropped::Found) -> Option<String> {
    if found.files.is_empty() {
        return Some(if found.unreadable > 0 {
            "The dropped folder could not be opened. Try \"Choose a folder\" instead.".to_owned()
        } else {
            "The dropped folder holds no result files (.json) or archives (.zip) of them."
                .to_owned()
        });
    }
    (found.unreadable > 0).then(|| {
        format!(
            "{} in the dropped folder could not be opened and {} left out.",
            count(found.unreadable, "file or folder", "files or folders"),
            if found.unreadable == 1 { "was" } else { "were" }
        )
    })
}

#[component]
pub fn CohortPage() -> Html {
    let state = use_assess();
    // The chosen files (kept as handles, not text) and a count of choices,
    // which with the role decides when a new pass starts.
    let files = use_mut_ref(|| Rc::new(Vec::<web_sys::File>::new()));
    let picks = use_state(|| 0_u32);
    let role = use_state(|| None::<String>);
    let progress = use_state(|| None::<(usize, usize)>);
    let done = use_state(|| None::<Rc<Done>>);
    let message = use_state(|| None::<String>);
    let folder_note = use_state(|| None::<String>);
    let show_all = use_state(|| false);
    let run = use_memo((), |_| Rc::new(Cell::new(0_u32)));

    {
        let (files, content, progress, done) = (
            files.clone(),
            state.content.clone(),
            progress.clone(),
            done.clone(),
        );
        let run = (*run).clone();
        use_effect_with((*picks, (*role).clone()), move |(picks, role)| {
            let files = files.borrow().clone();
            if *picks > 0 && !files.is_empty() {
                let generation = run.get().wrapping_add(1);
                run.set(generation);
                progress.set(Some((0, files.len())));
                let on_progress = {
                    let progress = progress.clone();
                    Callback::from(move |p| progress.set(Some(p)))
                };
                let role = role.clone();
                yew::platform::spawn_local(async move {
                    let pass =
                        fold(files, content, role, on_progress, run.clone(), generation).await;
                    if let (Some(d), true) = (pass, run.get() == generation) {
                        done.set(Some(Rc::new(d)));
                        progress.set(None);
                    }
                });
            }
        });
    }

    // Every choice of files (chosen, a folder chosen, dropped) takes the
    // next number, and only the latest choice is read: a folder still being
    // walked when files are chosen is given up, rather than replacing them
    // when its walk ends. The number also starts the pass.
    let choices = use_memo((), |_| Rc::new(Cell::new(0_u32)));
    let next_choice = {
        let choices = (*choices).clone();
        move || {
            let n = choices.get().wrapping_add(1);
            choices.set(n);
            n
        }
    };
    let start = {
        let (files, picks, done) = (files.clone(), picks.clone(), done.clone());
        let choices = (*choices).clone();
        Callback::from(move |(choice, chosen): (u32, Vec<web_sys::File>)| {
            if chosen.is_empty() || choice != choices.get() {
                return;
            }
            *files.borrow_mut() = Rc::new(chosen);
            done.set(None);
            picks.set(choice);
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
        let (start, folder_note, next_choice) =
            (start.clone(), folder_note.clone(), next_choice.clone());
        Callback::from(move |e: Event| {
            let input: Option<web_sys::HtmlInputElement> =
                e.target().and_then(|t| t.dyn_into().ok());
            let files = files_of(input.as_ref().and_then(|i| i.files()));
            if !files.is_empty() {
                folder_note.set(None);
                start.emit((next_choice(), files));
            }
        })
    };
    // A folder: every result file and archive in it and its subfolders,
    // and nothing else it holds.
    let on_pick_folder = {
        let (start, folder_note, next_choice) =
            (start.clone(), folder_note.clone(), next_choice.clone());
        Callback::from(move |e: Event| {
            let input: Option<web_sys::HtmlInputElement> =
                e.target().and_then(|t| t.dyn_into().ok());
            let mut files = files_of(input.as_ref().and_then(|i| i.files()));
            files.retain(|f| is_cohort_file(&f.name()));
            if !files.is_empty() {
                folder_note.set(None);
                start.emit((next_choice(), files));
            }
        })
    };
    // Dropped files are read as they are; a dropped folder is looked
    // through first (`app::dropped`), saying how far it has got.
    let on_drop = {
        let (start, folder_note) = (start.clone(), folder_note.clone());
        let choices = (*choices).clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let Some(dropped) = e.data_transfer() else {
                return;
            };
            let Some(folders) = dropped::with_folders(&dropped) else {
                let files = files_of(dropped.files());
                if !files.is_empty() {
                    folder_note.set(None);
                    start.emit((next_choice(), files));
                }
                return;
            };
            let choice = next_choice();
            folder_note.set(Some("Looking through the dropped folder…".to_owned()));
            let (start, folder_note, choices) =
                (start.clone(), folder_note.clone(), choices.clone());
            yew::platform::spawn_local(async move {
                let latest = move || choices.get() == choice;
                let on_found = {
                    let (folder_note, latest) = (folder_note.clone(), latest.clone());
                    move |n: usize| {
                        if latest() {
                            folder_note.set(Some(format!(
                                "Looking through the dropped folder: {} so far…",
                                count(n, "result file or archive", "result files or archives")
                            )))
                        }
                    }
                };
                let found = dropped::files_in(folders, on_found).await;
                // Files chosen meanwhile are what the person wants now.
                if latest() {
                    folder_note.set(folder_note_after(&found));
                    start.emit((choice, found.files));
                }
            });
        })
    };
    let on_over = Callback::from(|e: DragEvent| e.prevent_default());
    let bank = &state.content.bank;

    let body = match &*done {
        None => html! {},
        Some(d) => {
            let s = &*d.summary;
            let took = d.took;
            let role_view = s.role.as_ref().map(|rs| {
                let role_name = cat.role(&RoleId(rs.role.clone())).map(|r| r.name.clone()).unwrap_or_default();
                let skill_name = |id: &crate::core::career::catalog::SkillId| cat.skill(id).map(|s| s.name.clone()).unwrap_or_else(|| id.to_string());
                html! {
                    <section class="panel" aria-labelledby="c-role">
                        <h2 id="c-role">{ format!("Against the role: {role_name}") }</h2>
                        { wide_table("Self-rated level per required skill, over those who rated it (a skill left unrated is unknown, not level 0)", html! { <>
                            <thead><tr><th scope="col">{ "Skill" }</th><th scope="col">{ "Rated by" }</th><th scope="col">{ "Average" }</th><th scope="col">{ "Required" }</th><th scope="col">{ "Below it" }</th></tr></thead>
                            <tbody>{ for rs.skills.iter().map(|sk| html! {
                                <tr><th scope="row">{ skill_name(&sk.skill) }</th>
                                    <td>{ format!("{} of {}", sk.rated, s.participants) }</td>
                                    <td>{ if sk.rated == 0 { "–".to_owned() } else { crate::core::text::fixed(sk.mean, 1) } }</td>
                                    <td>{ sk.required.to_string() }</td>
                                    <td>{ if sk.rated == 0 { "–".to_owned() } else { sk.below.to_string() } }</td></tr>
                            }) }</tbody>
                        </> }) }
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
            // Each CSV is written when asked for, not on every render. The
            // tidy tables are UTF-8 with a BOM and readable headers, so a
            // spreadsheet opens each as it is.
            let save = |name: &'static str, write: Rc<dyn Fn(&Done) -> String>| {
                let (message, d) = (message.clone(), d.clone());
                Callback::from(move |_| {
                    message.set(Some(
                        match download(name, "text/csv;charset=utf-8", &write(&d)) {
                            Ok(()) => format!("Saved {name}."),
                            Err(e) => e.to_string(),
                        },
                    ));
                })
            };
            let on_csv = {
                let bank = bank.clone();
                save(
                    "crossroads-cohort-participants.csv",
                    Rc::new(move |d: &Done| d.summary.participants_csv(&bank)),
                )
            };
            let on_role_csv = s.role.as_ref().map(|_| {
                let cat = cat.clone();
                save(
                    "crossroads-cohort-role.csv",
                    Rc::new(move |d: &Done| d.summary.role_csv(&cat).unwrap_or_default()),
                )
            });
            let on_results = save(
                "crossroads-results-anonymous.csv",
                Rc::new(|d: &Done| d.columns.results_csv(&d.rows)),
            );
            let on_answers = save(
                "crossroads-answers-anonymous.csv",
                Rc::new(|d: &Done| d.columns.answers_csv(&d.rows)),
            );
            let bands = [
                (bank.tracks.management.name.clone(), s.management),
                (bank.tracks.hybrid.name.clone(), s.hybrid),
                (bank.tracks.technical.name.clone(), s.technical),
            ];
            html! {
                <>
                    <p role="status" class="lead" data-ms={crate::core::text::fixed(took, 0)} data-work-ms={crate::core::text::fixed(d.work, 0)} data-reader={d.reader.name()}>{ format!(
                        "{} summarised; {} skipped. Read in {}.",
                        count(s.participants, "participant", "participants"),
                        count(s.skipped(), "file", "files"),
                        if took < 1000.0 { "under a second".to_owned() } else { format!("{} seconds", crate::core::text::fixed((took / 1000.0).ceil(), 0)) }
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
                                <tr><th scope="row">{ d.name.clone() }</th><td>{ m.map(|x| crate::core::text::fixed(x, 0)).unwrap_or_else(|| "–".into()) }</td></tr>
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
                    <InstrumentPanel summary={d.summary.clone()} content={state.content.clone()} />
                    <section class="panel" aria-labelledby="c-people">
                        <h2 id="c-people">{ "Participants" }</h2>
                        { wide_table(if s.people.len() > LISTED && !*show_all { format!("Each participant's leaning (the first {LISTED} of {})", s.people.len()) } else { "Each participant's leaning".to_owned() }, html! { <>
                            <thead><tr><th scope="col">{ "Name" }</th><th scope="col">{ "Track" }</th><th scope="col">{ "Leaning" }</th><th scope="col">{ "Confidence" }</th><th scope="col">{ "Percentile in this cohort" }</th></tr></thead>
                            <tbody>{ for s.people.iter().zip(&d.percentiles).take(if *show_all { usize::MAX } else { LISTED }).map(|(p, pc)| html! {
                                <tr>
                                    <th scope="row">{ p.name.clone() }</th>
                                    <td>{ bank.track_info(p.band).name.clone() }</td>
                                    <td>{ format!("{} {}", crate::core::text::fixed(p.leaning.abs(), 0), Track::of_leaning(p.leaning).word()) }</td>
                                    <td>{ format!("{} ({} % retake)", crate::app::pages::results::level_name(p.level), crate::core::text::fixed(p.confidence, 0)) }</td>
                                    <td>{ pc.map(|x| crate::core::text::fixed(x, 0)).unwrap_or_else(|| "too few to judge".to_owned()) }</td>
                                </tr>
                            }) }</tbody>
                        </> }) }
                        if s.people.len() > LISTED && !*show_all {
                            <button type="button" class="secondary" onclick={{ let show_all = show_all.clone(); Callback::from(move |_| show_all.set(true)) }}>
                                { format!("Show all {} participants", s.people.len()) }
                            </button>
                        }
                    </section>
                    if !s.rejected.is_empty() {
                        <section class="panel warn" aria-labelledby="c-rejected">
                            <h2 id="c-rejected">{ format!("Skipped files ({})", s.skipped()) }</h2>
                            <ul>{ for s.rejected.iter().map(|r| html! {
                                <li>
                                    <code>{ r.file.clone() }</code>{ ": " }{ r.problem.clone() }
                                    { technical_detail(r.detail.clone()) }
                                </li>
                            }) }</ul>
                            if s.rejected_not_listed > 0 {
                                <p>{ format!(
                                    "…and {} not listed: the first {} are shown.",
                                    count(s.rejected_not_listed, "more file", "more files"),
                                    s.rejected.len()
                                ) }</p>
                            }
                        </section>
                    }
                    <section class="panel" aria-labelledby="c-exports">
                        <h2 id="c-exports">{ "Exports" }</h2>
                        <p>{ "The anonymous exports hold, per result, only its anonymous id, the bank, the band, the leaning, the confidence, each topic's score and the target role — and per statement the answer after reverse keying. Never a name, a note, a mentor's review or a file name. The summary CSV lists participants by the name on their file." }</p>
                        <div class="actions">
                            <button type="button" onclick={on_csv}>{ "Download participants (CSV)" }</button>
                            if let Some(on_role_csv) = on_role_csv {
                                <button type="button" class="secondary" onclick={on_role_csv}>{ "Download the role comparison (CSV)" }</button>
                            }
                            <button type="button" onclick={on_results}>{ "Download anonymous results (CSV)" }</button>
                            <button type="button" onclick={on_answers}>{ "Download anonymous answers (CSV)" }</button>
                        </div>
                    </section>
                    <p role="status" class="muted">{ (*message).clone().unwrap_or_default() }</p>
                </>
            }
        }
    };

    html! {
        <article aria-labelledby="cohort-title">
            <h1 id="cohort-title">{ "Cohort overview" }</h1>
            <p>{ "For facilitators: choose or drop your participants' result files, a folder of them or an archive, to see the group at a glance. The files are read in this browser only; nothing is uploaded." }</p>
            <div class="dropzone" ondrop={on_drop} ondragover={on_over}>
                // Each input comes before its label, which shows its focus.
                <input id="cohort-files" class="file-input" type="file" multiple=true accept=".json,application/json,.zip,application/zip" onchange={on_pick} />
                <label for="cohort-files" class="button">{ "Choose result files" }</label>
                <input id="cohort-folder" class="file-input" type="file" webkitdirectory=true onchange={on_pick_folder} />
                <label for="cohort-folder" class="button secondary">{ "Choose a folder" }</label>
                <p class="muted">{ "…or drop them here. Any number of files, or .zip archives of them (such as a learning platform's download of all submissions); broken ones are listed and skipped." }</p>
                <p class="drop-note" role="status">{ (*folder_note).clone().unwrap_or_default() }</p>
            </div>
            <details class="privacy">
                <summary>{ "Privacy: what is read, what is kept, what the exports contain" }</summary>
                <p>{ "The files are read by this page, in this browser, and archives are unpacked here too. Nothing is uploaded, nothing is kept after you leave the page, and no other site is contacted." }</p>
                <p>{ "Result files made with this version carry an anonymous id: 32 random hexadecimal digits drawn once in the participant's own browser, from its cryptographic random source. It is made from nothing about the person or the machine — no name, no e-mail, no address — and is used here only to pair someone's first and second attempt. It stays in their browser until they clear this site's data." }</p>
                <p>{ "The anonymous exports contain the anonymous id, bank, band, leaning, confidence, topic scores, target role and keyed answers. They never contain a name, notes, a mentor's review, skill ratings, experience, file names or anything else a person typed." }</p>
            </details>
            if let Some((n, total)) = *progress {
                <div class="progress-row" role="group" aria-labelledby="c-progress">
                    <p id="c-progress" class="progress-text" role="status">{ format!("Reading files: {n} of {total}") }</p>
                    <progress max={total.to_string()} value={n.to_string()} aria-labelledby="c-progress"></progress>
                </div>
            }
            { body }
        </article>
    }
}
