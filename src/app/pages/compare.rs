//! Progress over time: two results of the same person side by side.

use yew::prelude::*;

use crate::app::components::charts::{Change, ChangeBars};
use crate::app::opened::use_opened;
use crate::app::pages::results::level_name;
use crate::app::route::Route;
use crate::app::state::use_assess;
use crate::core::bank::Track;
use crate::core::compare::compare;
use crate::core::map::sort_by;
use crate::core::score::Band;
use crate::core::session::Session;

#[component]
pub fn Compare() -> Html {
    let state = use_assess();
    let opened = use_opened();
    // 0 is the person's own work; n > 0 is opened result n − 1. With two
    // or more opened results (a mentor's case: the mentor has no work of
    // their own here), the two most recent of them are compared, older
    // first; with one, it is compared with the person's own work.
    let (first_earlier, first_later) = default_pair(&opened);
    let earlier = use_state(|| first_earlier);
    let later = use_state(|| first_later);
    let bank = &state.content.bank;
    let cat = &state.content.catalog;

    // A mentor has no work of their own here: comparing with it would
    // report an empty result and every answer as changed.
    let own_empty = state.answered() == 0;
    let own_label = if own_empty {
        "My current work (no answers yet)"
    } else {
        "My current work"
    };
    let mut choices: Vec<(String, Session)> = vec![(own_label.to_owned(), state.session.clone())];
    for (i, f) in opened.iter().enumerate() {
        let label = format!(
            "{} {}",
            f.label(&format!("Opened result {}", i + 1)),
            when_label(stamp(f))
        );
        choices.push((label.trim().to_owned(), f.session.clone()));
    }
    // Two files of the same person saved in the same minute still differ.
    for i in 1..choices.len() {
        if choices.iter().filter(|(l, _)| *l == choices[i].0).count() > 1 {
            choices[i].0 = format!("{} (opened result {i})", choices[i].0);
        }
    }
    if choices.len() < 2 || (own_empty && opened.len() < 2) {
        return html! {
            <section class="panel" aria-labelledby="compare-title">
                <h1 id="compare-title">{ "Compare two results" }</h1>
                <p>{ if own_empty && !opened.is_empty() {
                    "One result is open, and there is no work of your own in this browser to compare it with. To see progress over time, open a second result of the same person — for example the one from three months ago."
                } else {
                    "To see progress over time, open an earlier result file first — for example the one you downloaded three months ago."
                } }</p>
                <a class="button" href={Route::Open.href()}>{ "Open a result" }</a>
            </section>
        };
    }
    let pick = |handle: UseStateHandle<usize>| {
        Callback::from(move |e: Event| {
            handle.set(crate::app::dom::event_value(&e).parse().unwrap_or(0));
        })
    };
    let a = (*earlier).min(choices.len() - 1);
    let b = (*later).min(choices.len() - 1);
    let c = compare(bank, &choices[a].1, &choices[b].1);
    // A result, or that there is none: no answer to the current questions.
    let result = |band: Option<Band>, l: f64| match band {
        Some(band) => format!(
            "{} ({} points toward {})",
            bank.track_info(band).name,
            crate::core::text::fixed(l.abs(), 0),
            Track::of_leaning(l).word()
        ),
        None => "no result (none of its answers is to the current questions)".to_owned(),
    };
    let both = c.band_then.is_some() && c.band_now.is_some();
    let select = |id: &'static str,
                  label: &'static str,
                  value: usize,
                  onchange: Callback<Event>| {
        html! {
            <div class="field">
                <label for={id}>{ label }</label>
                <select id={id} {onchange}>
                    { for choices.iter().enumerate().map(|(i, (name, _))| html! {
                        <option value={i.to_string()} selected={i == value}>{ name.clone() }</option>
                    }) }
                </select>
            </div>
        }
    };
    html! {
        <article aria-labelledby="compare-title">
            <h1 id="compare-title">{ "Compare two results" }</h1>
            <div class="two-col">
                { select("earlier", "Earlier result", a, pick(earlier.clone())) }
                { select("later", "Later result", b, pick(later.clone())) }
            </div>
            <section class="panel" aria-labelledby="lean-change">
                <h2 id="lean-change">{ "Track leaning, then and now" }</h2>
                <p class="lead">{ format!("Then: {}. Now: {}.", result(c.band_then, c.leaning_then), result(c.band_now, c.leaning_now)) }</p>
                if both {
                    <p>{ format!(
                        "Confidence then: {} (same track on a retake {} times). Now: {} ({} times).",
                        level_name(c.confidence_then.level), c.confidence_then.in_words(),
                        level_name(c.confidence_now.level), c.confidence_now.in_words()
                    ) }</p>
                }
                <p>{ if !both {
                    "With no result on one side, there is no change in the leaning to read.".to_owned()
                } else if c.leaning_change_is_clear {
                    format!("The leaning moved {} points: more than measurement error alone would explain.", crate::core::text::fixed((c.leaning_now - c.leaning_then).abs(), 0))
                } else {
                    format!("The leaning moved {} points: within what measurement error alone could explain, so read it as no clear change.", crate::core::text::fixed((c.leaning_now - c.leaning_then).abs(), 0))
                } }</p>
                <p>{ format!("{} answers differ between the two.", c.answers_changed) }</p>
            </section>
            <section class="panel" aria-labelledby="dim-change">
                <h2 id="dim-change">{ "Change by topic" }</h2>
                <ChangeBars rows={bank.dimensions.iter().zip(&c.dimensions).map(|(d, ch)| Change { label: d.name.clone().into(), then: ch.then, now: ch.now }).collect::<Vec<_>>()} />
                <p class="muted">{ "Upper, lighter bar: earlier result. Lower, darker bar: later result. The number is the later score." }</p>
                <table>
                    <caption>{ "Scores by topic, earlier and later (the same data as the chart)" }</caption>
                    <thead><tr><th scope="col">{ "Topic" }</th><th scope="col">{ "Earlier" }</th><th scope="col">{ "Later" }</th><th scope="col">{ "Change" }</th></tr></thead>
                    <tbody>
                        { for bank.dimensions.iter().zip(&c.dimensions).map(|(d, ch)| {
                            let f = |v: Option<f64>| v.map(|x| crate::core::text::fixed(x, 0)).unwrap_or_else(|| "–".into());
                            html! {
                                <tr>
                                    <th scope="row">{ d.name.clone() }</th>
                                    <td>{ f(ch.then) }</td>
                                    <td>{ f(ch.now) }</td>
                                    <td>{ ch.change.map(|x| crate::core::text::signed(x, 0)).unwrap_or_else(|| "–".into()) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </section>
            <section class="panel" aria-labelledby="skill-change">
                <h2 id="skill-change">{ "Skills and roadmap progress" }</h2>
                if c.skills.is_empty() {
                    <p>{ "Neither result has skill ratings yet." }</p>
                } else {
                    <table>
                        <caption>{ "Skill self-ratings, earlier and later" }</caption>
                        <thead><tr><th scope="col">{ "Skill" }</th><th scope="col">{ "Earlier" }</th><th scope="col">{ "Later" }</th><th scope="col">{ "Change" }</th></tr></thead>
                        <tbody>
                            { for c.skills.iter().map(|sc| {
                                let f = |v: Option<u8>| v.map(|x| x.to_string()).unwrap_or_else(|| "–".into());
                                let change = match (sc.then, sc.now) { (Some(a), Some(b)) => format!("{:+}", i16::from(b) - i16::from(a)), _ => "–".into() };
                                html! {
                                    <tr>
                                        <th scope="row">{ cat.skill(&sc.skill).map(|s| s.name.clone()).unwrap_or_else(|| sc.skill.to_string()) }</th>
                                        <td>{ f(sc.then) }</td><td>{ f(sc.now) }</td><td>{ change }</td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                }
                <p>{ if c.steps_completed.is_empty() {
                    "No roadmap steps were marked done between the two.".to_owned()
                } else {
                    format!("Roadmap steps completed since: {}.", c.steps_completed.iter().map(|id| step_name(cat, id)).collect::<Vec<_>>().join(", "))
                } }</p>
            </section>
        </article>
    }
}

fn step_name(cat: &crate::core::career::catalog::Catalog, id: &str) -> String {
    use crate::core::career::catalog::{ActivityId, CertId};
    cat.cert(&CertId(id.to_owned()))
        .map(|c| c.name.clone())
        .or_else(|| {
            cat.activity(&ActivityId(id.to_owned()))
                .map(|a| a.name.clone())
        })
        .unwrap_or_else(|| id.to_owned())
}

/// When a result was saved (or, failing that, started), as written.
fn stamp(f: &crate::core::result_file::ResultFile) -> &str {
    f.session
        .updated
        .as_deref()
        .or(f.session.started.as_deref())
        .unwrap_or("")
}

/// An ISO-8601 time as "2026-12-04 14:30 UTC" (date alone when that is all
/// there is).
fn when_label(iso: &str) -> String {
    let date: String = iso.chars().take(10).collect();
    let time: String = iso.chars().skip(11).take(5).collect();
    if time.len() == 5 && time.as_bytes()[2] == b':' {
        format!("{date} {time} UTC")
    } else {
        date
    }
}

/// The choices compared first (see [`Compare`]).
fn default_pair(opened: &[crate::core::result_file::ResultFile]) -> (usize, usize) {
    if opened.len() < 2 {
        return (1, 0);
    }
    let mut order: Vec<usize> = (0..opened.len()).collect();
    // Oldest first; the most recent two are last.
    sort_by(&mut order, |a, b| {
        stamp(&opened[*a]).cmp(stamp(&opened[*b])).then(a.cmp(b))
    });
    let n = order.len();
    (order[n - 2] + 1, order[n - 1] + 1)
}
