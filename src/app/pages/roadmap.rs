//! The roadmap: dated phases of certifications and activities toward the
//! chosen role, within the person's hours, budget and start date; each step
//! explained and markable as done, skipped or pinned. Prints cleanly and
//! exports to a calendar.

use yew::prelude::*;

use crate::app::dom::event_value as value_of;
use crate::app::download::download;
use crate::app::route::Route;
use crate::app::state::{now, today, use_assess, Action, StepMark};
use crate::core::career::catalog::Certification;
use crate::core::career::ics::{stamp, to_ics};
use crate::core::career::person::Person;
use crate::core::career::plan::{plan, RoleCertStatus, StepId, StepKind};
use crate::core::text::money;

#[derive(Properties, PartialEq)]
pub struct CertFactsProps {
    pub cert: Certification,
}

/// A certification's facts behind a disclosure: who issues it, what it
/// asks, the exam, cost, renewal, where each fact comes from and which
/// could not be confirmed on the issuer's own page.
#[component]
pub fn CertFacts(props: &CertFactsProps) -> Html {
    let c = &props.cert;
    let unconfirmed: Vec<&str> = c.unconfirmed.iter().map(|f| f.words()).collect();
    html! {
        <details class="cert-facts">
            <summary>{ format!("About {}", c.name) }</summary>
            <dl>
                <dt>{ "Issued by" }</dt><dd>{ c.issuer.clone() }</dd>
                <dt>{ "Who may sit it" }</dt><dd>{ c.prerequisites_text.clone() }</dd>
                <dt>{ "Exam" }</dt><dd>{ c.exam.clone() }</dd>
                <dt>{ "Cost" }</dt><dd>{ c.cost_text.clone() }</dd>
                <dt>{ "Renewal" }</dt><dd>{ c.renewal.clone() }</dd>
            </dl>
            if !unconfirmed.is_empty() {
                <p class="unconfirmed">{ format!("Not confirmed on the issuer's own page: {}. Check before you rely on it.", unconfirmed.join(", ")) }</p>
            }
            <p>{ "Official page: " }<a href={c.url.clone()} rel="noreferrer">{ c.url.clone() }</a></p>
            <p>{ format!("Sources (gathered {}):", c.as_of) }</p>
            <ul class="sources">
                { for c.sources.iter().map(|src| html! {
                    <li>
                        <a href={src.url.clone()} rel="noreferrer">{ src.url.clone() }</a>
                        { format!(" — {}{}",
                            if src.issuer { "the issuer's page" } else { "another site" },
                            src.page_date.as_ref().map(|d| format!(", dated {d}")).unwrap_or_else(|| ", undated".to_owned())) }
                    </li>
                }) }
            </ul>
        </details>
    }
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
    let roadmap = plan(cat, &role, person, &constraints, &settings.choices);

    let on_hours = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            if let Some(h) = crate::core::text::decimal(&value_of(&e)) {
                state.dispatch(Action::SetHours(h));
            }
        })
    };
    let on_budget = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let v = value_of(&e);
            state.dispatch(Action::SetBudget(crate::core::text::decimal(&v)));
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
    let marked: Vec<(&String, StepMark)> = choices
        .done
        .iter()
        .map(|d| (d, StepMark::Done))
        .chain(choices.skipped.iter().map(|d| (d, StepMark::Skipped)))
        .collect();

    html! {
        <article class="roadmap" aria-labelledby="rm-title">
            <h1 id="rm-title">{ format!("Your roadmap to {}", role.name) }</h1>
            // On paper: who it is for and what it was planned within, then a
            // compact timeline of every step before the phases in detail.
            <p class="print-only print-header">{ format!(
                "For {} · {} hours a week · budget {} · from {start}",
                state.session.display_name.as_deref().filter(|n| !n.trim().is_empty()).unwrap_or("(no name given)"),
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
                <p class="lead">{ roadmap.summary() }</p>
                if !roadmap.notes.is_empty() {
                    <ul class="notes" aria-label="Notes on this plan">
                        { for roadmap.notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }
                    </ul>
                }
            </section>
            if !roadmap.role_certs.is_empty() {
                // Left off paper: the notes above already say why a typical
                // certification is not planned, and the plan fits two pages.
                <section class="panel no-print" aria-labelledby="rc-title">
                    <h2 id="rc-title">{ format!("Certifications typical for {}", role.name) }</h2>
                    <ul class="role-certs">
                        { for roadmap.role_certs.iter().map(|c| {
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
                                            { s.exam_first.as_ref().map(|n| format!(" (exam first: {n})")).unwrap_or_default() }
                                            { format!(" · about {:.0} hours · {}", s.hours, s.cost_usd.map(money).unwrap_or_else(|| "cost unknown".into())) }</p>
                                        <p class="why">{ s.why.clone() }</p>
                                        if let StepId::Cert(id) = &s.id {
                                            if let Some(c) = cat.cert(id) { <CertFacts cert={c.clone()} /> }
                                        }
                                        if !s.assumptions.is_empty() {
                                            <ul class="assumptions" aria-label={format!("What the dates of {} assume", s.name)}>
                                                { for s.assumptions.iter().map(|a| html! { <li>{ a.clone() }</li> }) }
                                            </ul>
                                        }
                                        <div class="step-actions no-print" role="group" aria-label={format!("Mark {}", s.name)}>
                                            <button type="button" class="secondary small" aria-label={format!("Mark done: {}", s.name)} onclick={toggle(StepMark::Done, s.id.as_str())}>{ "Mark done" }</button>
                                            <button type="button" class="secondary small" aria-label={format!("Skip: {}", s.name)} onclick={toggle(StepMark::Skipped, s.id.as_str())}>{ "Skip" }</button>
                                            <button type="button" class="secondary small" aria-pressed={s.pinned.to_string()} aria-label={format!("Pin: {}", s.name)} onclick={toggle(StepMark::Pinned, s.id.as_str())}>{ "Pin" }</button>
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
                        { for marked.iter().map(|(id, mark)| {
                            let label = StepId::resolve(cat, id)
                                .and_then(|s| match s {
                                    StepId::Cert(c) => cat.cert(&c).map(|c| c.name.clone()),
                                    StepId::Activity(a) => cat.activity(&a).map(|a| a.name.clone()),
                                })
                                .unwrap_or_else(|| (*id).clone());
                            let (mark, how) = (*mark, if *mark == StepMark::Done { "done" } else { "skipped" });
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
