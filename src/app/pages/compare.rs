//! Progress over time: two results of the same person side by side.

use yew::prelude::*;

use crate::app::opened::use_opened;
use crate::app::route::Route;
use crate::app::state::use_assess;
use crate::core::bank::Track;
use crate::core::compare::compare;
use crate::core::score::Band;
use crate::core::session::Session;

#[component]
pub fn Compare() -> Html {
    let state = use_assess();
    let opened = use_opened();
    // 0 is the person's own work; n > 0 is opened result n − 1.
    let earlier = use_state(|| 1_usize);
    let later = use_state(|| 0_usize);
    let bank = &state.content.bank;
    let cat = &state.content.catalog;

    let mut choices: Vec<(String, Session)> =
        vec![("My current work".to_owned(), state.session.clone())];
    for (i, f) in opened.iter().enumerate() {
        let when = f
            .session
            .updated
            .as_deref()
            .or(f.session.started.as_deref())
            .unwrap_or("");
        let label = format!(
            "{} {}",
            f.label(&format!("Opened result {}", i + 1)),
            when.chars().take(10).collect::<String>()
        );
        choices.push((label.trim().to_owned(), f.session.clone()));
    }
    if choices.len() < 2 {
        return html! {
            <section class="panel" aria-labelledby="compare-title">
                <h1 id="compare-title">{ "Compare two results" }</h1>
                <p>{ "To see progress over time, open an earlier result file first — for example the one you downloaded three months ago." }</p>
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
    let band = |band: Band| bank.track_info(band).name.clone();
    let side = |l: f64| {
        format!(
            "{:.0} points toward {}",
            l.abs(),
            Track::of_leaning(l).word()
        )
    };
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
                <p class="lead">{ format!("Then: {} ({}). Now: {} ({}).", band(c.band_then), side(c.leaning_then), band(c.band_now), side(c.leaning_now)) }</p>
                <p>{ format!("{} answers differ between the two.", c.answers_changed) }</p>
            </section>
            <section class="panel" aria-labelledby="dim-change">
                <h2 id="dim-change">{ "Change by topic" }</h2>
                <svg class="bars" viewBox={format!("0 0 600 {}", c.dimensions.len() * 40 + 20)} aria-hidden="true" focusable="false">
                    { for bank.dimensions.iter().zip(&c.dimensions).enumerate().map(|(i, (d, ch))| {
                        let y = i as f64 * 40.0 + 6.0;
                        let w = |v: Option<f64>| v.unwrap_or(0.0) / 100.0 * 340.0;
                        html! {
                            <g>
                                <text x="220" y={(y + 18.0).to_string()} text-anchor="end" class="label">{ d.name.clone() }</text>
                                <rect x="230" y={y.to_string()} width={w(ch.then).to_string()} height="12" class="bar then" />
                                <rect x="230" y={(y + 14.0).to_string()} width={w(ch.now).to_string()} height="12" class="bar mgmt" />
                            </g>
                        }
                    }) }
                </svg>
                <p class="muted">{ "Upper, lighter bar: earlier result. Lower, darker bar: later result." }</p>
                <table>
                    <caption>{ "Scores by topic, earlier and later (the same data as the chart)" }</caption>
                    <thead><tr><th scope="col">{ "Topic" }</th><th scope="col">{ "Earlier" }</th><th scope="col">{ "Later" }</th><th scope="col">{ "Change" }</th></tr></thead>
                    <tbody>
                        { for bank.dimensions.iter().zip(&c.dimensions).map(|(d, ch)| {
                            let f = |v: Option<f64>| v.map(|x| format!("{x:.0}")).unwrap_or_else(|| "–".into());
                            html! {
                                <tr>
                                    <th scope="row">{ d.name.clone() }</th>
                                    <td>{ f(ch.then) }</td>
                                    <td>{ f(ch.now) }</td>
                                    <td>{ ch.change.map(|x| format!("{x:+.0}")).unwrap_or_else(|| "–".into()) }</td>
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
