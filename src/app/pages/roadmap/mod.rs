//! The roadmap: dated phases of certifications and activities toward the
//! chosen role, within the person's hours, budget and start date; each step
//! explained and markable as done, skipped or pinned. Prints cleanly and
//! exports to a calendar.

mod cert_facts;
mod marked_steps;
mod settings_form;
mod step_card;

use std::rc::Rc;
use std::sync::Arc;

use yew::prelude::*;

use crate::app::download::download;
use crate::app::route::Route;
use crate::app::state::{now, today, use_assess, Action, StepMark};
use crate::core::career::catalog::{Catalog, Role};
use crate::core::career::date::Date;
use crate::core::career::ics::{stamp, to_ics};
use crate::core::career::person::Person;
use crate::core::career::plan::{plan, Choices, Roadmap as Plan, RoleCert, RoleCertStatus, StepId};
use crate::core::session::PlanSettings;
use crate::core::text::money;

use marked_steps::{MarkedStep, MarkedSteps};
use settings_form::SettingsForm;
use step_card::StepCard;

/// On paper only: who the plan is for and what it was planned within, then
/// a compact timeline of every step before the phases in detail.
fn print_summary(name: Option<&str>, settings: &PlanSettings, start: Date, roadmap: &Plan) -> Html {
    html! {
        <>
            <p class="print-only print-header">{ format!(
                "For {} · {} hours a week · budget {} · from {start}",
                name.filter(|n| !n.trim().is_empty()).unwrap_or("(no name given)"),
                crate::core::text::number(settings.hours_per_week),
                settings.budget_usd.map(money).unwrap_or_else(|| "no limit".into()),
            ) }</p>
            <section class="print-only" aria-labelledby="timeline-title">
                <h2 id="timeline-title">{ "Timeline" }</h2>
                <ol class="timeline">
                    { for roadmap.steps().map(|s| html! {
                        <li><span>{ format!("{} → {}", s.start, s.end) }</span>
                            <span>{ s.name.clone() }{ s.exam_date.map(|d| format!(" (exam {d})")).unwrap_or_default() }</span></li>
                    }) }
                </ol>
            </section>
        </>
    }
}

/// The plan in one sentence, and the notes on what could not be planned.
fn totals(roadmap: &Plan) -> Html {
    html! {
        <section class="panel totals" aria-labelledby="totals-title">
            <h2 id="totals-title">{ "In total" }</h2>
            <p class="lead">{ roadmap.summary() }</p>
            if !roadmap.notes.is_empty() {
                <ul class="notes" aria-label="Notes on this plan">
                    { for roadmap.notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }
                </ul>
            }
        </section>
    }
}

/// Where each of the role's typical certifications stands. Left off paper:
/// the notes already say why a typical certification is not planned, and
/// the plan fits two pages.
fn role_certs(role: &Role, certs: &[RoleCert]) -> Html {
    if certs.is_empty() {
        return html! {};
    }
    html! {
        <section class="panel no-print" aria-labelledby="rc-title">
            <h2 id="rc-title">{ format!("Certifications typical for {}", role.name) }</h2>
            <ul class="role-certs">
                { for certs.iter().map(|c| {
                    let status = match &c.status {
                        RoleCertStatus::Held => "You hold it.".to_owned(),
                        RoleCertStatus::Planned { exam } => format!("In this plan: exam {exam}."),
                        RoleCertStatus::Skipped => "You skipped it.".to_owned(),
                        RoleCertStatus::NotPlanned { reason } => reason.clone(),
                    };
                    html! { <li><strong>{ c.name.clone() }</strong>{ " — " }{ status }</li> }
                }) }
            </ul>
        </section>
    }
}

/// The phases in order, each with its step cards.
fn phase_list(cat: &Arc<Catalog>, roadmap: &Plan, onmark: &Callback<(StepMark, StepId)>) -> Html {
    html! {
        <ol class="phases">
            { for roadmap.phases.iter().map(|phase| html! {
                <li class="phase">
                    <h2>{ phase.title.clone() }</h2>
                    <ol class="steps">
                        { for phase.steps.iter().map(|s| html! {
                            <StepCard step={s.clone()} catalog={cat.clone()} onmark={onmark.clone()} />
                        }) }
                    </ol>
                </li>
            }) }
        </ol>
    }
}

/// The steps marked done or skipped, named from the catalog (or by their
/// saved id, for a step it no longer has).
fn marked_steps(cat: &Catalog, choices: &Choices) -> Vec<MarkedStep> {
    choices
        .done
        .iter()
        .map(|d| (d, StepMark::Done))
        .chain(choices.skipped.iter().map(|d| (d, StepMark::Skipped)))
        .map(|(id, mark)| {
            let label = StepId::resolve(cat, id)
                .and_then(|s| match s {
                    StepId::Cert(c) => cat.cert(&c).map(|c| c.name.clone()),
                    StepId::Activity(a) => cat.activity(&a).map(|a| a.name.clone()),
                })
                .unwrap_or_else(|| id.clone());
            MarkedStep {
                id: id.clone().into(),
                label: label.into(),
                mark,
            }
        })
        .collect()
}

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
    let person = Person {
        skills: &state.session.skills,
        experience: &state.session.experience,
        held: &state.session.held,
    };
    // Shared with the calendar button's callback rather than copied for it
    // on every change.
    let roadmap = Rc::new(plan(cat, &role, person, &constraints, &settings.choices));

    let on_hours = {
        let state = state.clone();
        Callback::from(move |h: f64| state.dispatch(Action::SetHours(h)))
    };
    let on_budget = {
        let state = state.clone();
        Callback::from(move |b: Option<f64>| state.dispatch(Action::SetBudget(b)))
    };
    let on_start = {
        let state = state.clone();
        Callback::from(move |d: Option<Date>| {
            state.dispatch(Action::SetStart(d.map(|d| d.to_string())));
        })
    };
    let on_mark = {
        let state = state.clone();
        Callback::from(move |(mark, id): (StepMark, StepId)| {
            state.dispatch(Action::ToggleStep(mark, id.as_str().to_owned()));
        })
    };
    let on_undo = {
        let state = state.clone();
        Callback::from(move |(mark, id): (StepMark, AttrValue)| {
            state.dispatch(Action::ToggleStep(mark, id.to_string()));
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
                    Err(e) => e.to_string(),
                },
            ));
        })
    };

    html! {
        <article class="roadmap" aria-labelledby="rm-title">
            <h1 id="rm-title">{ format!("Your roadmap to {}", role.name) }</h1>
            { print_summary(state.session.display_name.as_deref(), settings, start, &roadmap) }
            <SettingsForm
                hours_per_week={settings.hours_per_week}
                budget_usd={settings.budget_usd}
                {start}
                onhours={on_hours}
                onbudget={on_budget}
                onstart={on_start}
            />
            { totals(&roadmap) }
            { role_certs(&role, &roadmap.role_certs) }
            { phase_list(cat, &roadmap, &on_mark) }
            <MarkedSteps steps={marked_steps(cat, &settings.choices)} onundo={on_undo} />
            <div class="actions no-print">
                <button type="button" onclick={on_print}>{ "Print the roadmap" }</button>
                <button type="button" class="secondary" onclick={on_ics}>{ "Download calendar (.ics)" }</button>
            </div>
            <p role="status" class="muted no-print">{ (*message).clone().unwrap_or_default() }</p>
        </article>
    }
}
