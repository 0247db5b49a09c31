//! One dated step of the roadmap: when, how long, what it costs, why, what
//! its dates assume, and the buttons that mark it.

use std::sync::Arc;

use yew::prelude::*;

use super::cert_facts::CertFacts;
use crate::app::state::StepMark;
use crate::core::career::catalog::Catalog;
use crate::core::career::plan::{Step, StepId, StepKind};
use crate::core::text::money;

#[derive(Properties)]
pub struct StepCardProps {
    pub step: Step,
    /// The catalog the step comes from: a certification step shows its
    /// facts from it.
    pub catalog: Arc<Catalog>,
    /// A mark pressed: which, and on which step.
    pub onmark: Callback<(StepMark, StepId)>,
}

/// The same catalog is the same catalog: comparing it by address keeps a
/// change of hours from comparing every certification's facts field by
/// field on each card.
impl PartialEq for StepCardProps {
    fn eq(&self, other: &Self) -> bool {
        self.step == other.step
            && Arc::ptr_eq(&self.catalog, &other.catalog)
            && self.onmark == other.onmark
    }
}

#[component]
pub fn StepCard(props: &StepCardProps) -> Html {
    let s = &props.step;
    let kind = match s.kind {
        StepKind::Certification => "Certification",
        StepKind::Activity => "Activity",
    };
    let mark = |mark: StepMark| {
        let id = s.id.clone();
        props.onmark.reform(move |_: MouseEvent| (mark, id.clone()))
    };
    html! {
        <li class="step">
            <h3>{ s.name.clone() }<span class="muted">{ format!(" · {kind}") }</span>
                if s.pinned { <span class="tag">{ "Pinned" }</span> }</h3>
            <p class="when">{ format!("{} → {}", s.start, s.end) }
                { s.exam_date.map(|d| format!(" · exam target {d}")).unwrap_or_default() }
                { s.exam_first.as_ref().map(|n| format!(" (exam first: {n})")).unwrap_or_default() }
                { format!(" · about {} hours · {}", crate::core::text::fixed(s.hours, 0), s.cost_usd.map(money).unwrap_or_else(|| "cost unknown".into())) }</p>
            <p class="why">{ s.why.clone() }</p>
            if let StepId::Cert(id) = &s.id {
                <CertFacts catalog={props.catalog.clone()} cert={id.clone()} />
            }
            if !s.assumptions.is_empty() {
                <ul class="assumptions" aria-label={format!("What the dates of {} assume", s.name)}>
                    { for s.assumptions.iter().map(|a| html! { <li>{ a.clone() }</li> }) }
                </ul>
            }
            <div class="step-actions no-print" role="group" aria-label={format!("Mark {}", s.name)}>
                <button type="button" class="secondary small" aria-label={format!("Mark done: {}", s.name)} onclick={mark(StepMark::Done)}>{ "Mark done" }</button>
                <button type="button" class="secondary small" aria-label={format!("Skip: {}", s.name)} onclick={mark(StepMark::Skipped)}>{ "Skip" }</button>
                <button type="button" class="secondary small" aria-pressed={s.pinned.to_string()} aria-label={format!("Pin: {}", s.name)} onclick={mark(StepMark::Pinned)}>{ "Pin" }</button>
            </div>
        </li>
    }
}
