//! The roadmap: dated phases of certifications and activities toward the
//! chosen role, within the person's hours, budget and start date; each step
//! explained and markable as done, skipped or pinned. Prints cleanly and
//! exports to a calendar.

use yew::prelude::*;

use crate::app::download::download;
use crate::app::route::Route;
use crate::app::state::{now, today, use_assess, Action, StepMark};
use crate::core::career::ics::{stamp, to_ics};
use crate::core::career::plan::{plan, StepKind};
use crate::core::problems::money;

use crate::app::dom::event_value as value_of;

#[component]
pub fn Roadmap() -> Html {
    let state = use_assess();
    let message = use_state(|| None::<String>);
    let cat = &state.content.catalog;
    let Some(role) = state
        .session
        .role
        .as_ref()
        .and_then(|r| cat.role(r))
        .cloned()
    else {
        return html! {
            <section class="panel" aria-labelledby="rm-title">
                <h1 id="rm-title">{ "No target role yet" }</h1>
                <a class="button" href={Route::Roles.href()}>{ "Choose a target role" }</a>
            </section>
        };
    };
    let settings = &state.session.plan;
    let start = settings.start_or(today());
    let constraints = settings.constraints(start);
    let roadmap = plan(
        cat,
        &role,
        &state.session.skills,
        &state.session.experience,
        &state.session.held,
        &constraints,
        &settings.choices,
    );

    let on_hours = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            if let Ok(h) = value_of(&e).trim().parse::<f64>() {
                state.dispatch(Action::SetHours(h));
            }
        })
    };
    let on_budget = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let v = value_of(&e);
            state.dispatch(Action::SetBudget(
                v.trim().parse::<f64>().ok().filter(|x| x.is_finite()),
            ));
        })
    };
    let on_start = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let v = value_of(&e);
            state.dispatch(Action::SetStart(
                crate::core::session::checked_date(&v).map(|d| d.to_string()),
            ));
        })
    };
    let on_print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let on_ics = {
        let roadmap = roadmap.clone();
        let role_name = role.name.clone();
        let message = message.clone();
        Callback::from(move |_| {
            let text = to_ics(&roadmap, &role_name, &stamp(&now()));
            message.set(Some(
                match download("crossroads-roadmap.ics", "text/calendar", &text) {
                    Ok(()) => {
                        "Saved crossroads-roadmap.ics: open it with your calendar app.".to_owned()
                    }
                    Err(e) => e,
                },
            ));
        })
    };
    let choices = &settings.choices;
    let toggle = |mark: StepMark, id: &str| {
        let state = state.clone();
        let id = id.to_owned();
        Callback::from(move |_| state.dispatch(Action::ToggleStep(mark, id.clone())))
    };
    let marked: Vec<(String, &'static str)> = choices
        .done
        .iter()
        .map(|d| (d.clone(), "done"))
        .chain(choices.skipped.iter().map(|d| (d.clone(), "skipped")))
        .collect();

    html! {
        <article class="roadmap" aria-labelledby="rm-title">
            <h1 id="rm-title">{ format!("Your roadmap to {}", role.name) }</h1>
            <form class="panel constraints no-print" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <h2>{ "What you can give" }</h2>
                <div class="three-col">
                    <div class="field">
                        <label for="plan-hours">{ "Hours a week for learning" }</label>
                        <input id="plan-hours" type="number" min="0" max="80" step="1" value={settings.hours_per_week.to_string()} onchange={on_hours} />
                    </div>
                    <div class="field">
                        <label for="plan-budget">{ "Budget in US$ (empty: no limit)" }</label>
                        <input id="plan-budget" type="number" min="0" step="50" value={settings.budget_usd.map(|b| b.to_string()).unwrap_or_default()} onchange={on_budget} />
                    </div>
                    <div class="field">
                        <label for="plan-start">{ "Start date" }</label>
                        <input id="plan-start" type="date" value={start.to_string()} onchange={on_start} />
                    </div>
                </div>
            </form>
            <section class="panel totals" aria-labelledby="totals-title">
                <h2 id="totals-title">{ "In total" }</h2>
                <p class="lead">{ format!(
                    "{} steps, about {:.0} hours, {}{}{}.",
                    roadmap.steps().count(),
                    roadmap.total_hours,
                    money(roadmap.total_cost_usd),
                    if roadmap.unknown_costs > 0 { format!(" plus {} step(s) of unknown cost", roadmap.unknown_costs) } else { String::new() },
                    roadmap.steps().map(|s| s.end).max().map(|d| format!(", finishing around {d}")).unwrap_or_default()
                ) }</p>
                if !roadmap.notes.is_empty() {
                    <ul class="notes" aria-label="Notes on this plan">
                        { for roadmap.notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }
                    </ul>
                }
            </section>
            <ol class="phases">
                { for roadmap.phases.iter().map(|phase| html! {
                    <li class="phase">
                        <h2>{ phase.title.clone() }</h2>
                        <ol class="steps">
                            { for phase.steps.iter().map(|s| {
                                let kind = match s.kind { StepKind::Certification => "Certification", StepKind::Activity => "Activity" };
                                html! {
                                    <li class="step">
                                        <h3>{ s.name.clone() }<span class="muted">{ format!(" · {kind}") }</span>
                                            if s.pinned { <span class="tag">{ "Pinned" }</span> }</h3>
                                        <p class="when">{ format!("{} → {}", s.start, s.end) }
                                            { s.exam_date.map(|d| format!(" · exam target {d}")).unwrap_or_default() }
                                            { format!(" · about {:.0} hours · {}", s.hours, s.cost_usd.map(money).unwrap_or_else(|| "cost unknown".into())) }</p>
                                        <p class="why">{ s.why.clone() }</p>
                                        <div class="step-actions no-print" role="group" aria-label={format!("Mark {}", s.name)}>
                                            <button type="button" class="secondary small" aria-label={format!("Done: {}", s.name)} onclick={toggle(StepMark::Done, &s.id)}>{ "Mark done" }</button>
                                            <button type="button" class="secondary small" aria-label={format!("Skip: {}", s.name)} onclick={toggle(StepMark::Skipped, &s.id)}>{ "Skip" }</button>
                                            <button type="button" class="secondary small" aria-pressed={s.pinned.to_string()} aria-label={format!("Pin: {}", s.name)} onclick={toggle(StepMark::Pinned, &s.id)}>{ "Pin" }</button>
                                        </div>
                                    </li>
                                }
                            }) }
                        </ol>
                    </li>
                }) }
            </ol>
            if !marked.is_empty() {
                <section class="panel no-print" aria-labelledby="marked-title">
                    <h2 id="marked-title">{ "Marked steps" }</h2>
                    <ul>
                        { for marked.iter().map(|(id, how)| {
                            let name = crate::core::career::catalog::CertId(id.clone());
                            let label = cat.cert(&name).map(|c| c.name.clone())
                                .or_else(|| cat.activity(&crate::core::career::catalog::ActivityId(id.clone())).map(|a| a.name.clone()))
                                .unwrap_or_else(|| id.clone());
                            let mark = if *how == "done" { StepMark::Done } else { StepMark::Skipped };
                            html! {
                                <li>{ format!("{label} — {how} ") }
                                    <button type="button" class="secondary small" aria-label={format!("Undo: {label}")} onclick={toggle(mark, id)}>{ "Undo" }</button></li>
                            }
                        }) }
                    </ul>
                </section>
            }
            <div class="actions no-print">
                <button type="button" onclick={on_print}>{ "Print the roadmap" }</button>
                <button type="button" class="secondary" onclick={on_ics}>{ "Download calendar (.ics)" }</button>
            </div>
            <p role="status" class="muted no-print">{ (*message).clone().unwrap_or_default() }</p>
        </article>
    }
}
