//! What the person can give the roadmap: hours a week, a budget and a
//! start date. The fields report numbers and dates, not text.

use yew::prelude::*;

use crate::app::dom::event_value;
use crate::core::career::date::Date;
use crate::core::session::checked_date;

#[derive(Properties, PartialEq)]
pub struct SettingsFormProps {
    pub hours_per_week: f64,
    /// `None`: no limit.
    pub budget_usd: Option<f64>,
    pub start: Date,
    /// Hours typed (only when they read as a number).
    pub onhours: Callback<f64>,
    /// A budget typed; `None` when the field was emptied or is no number.
    pub onbudget: Callback<Option<f64>>,
    /// A start date chosen; `None` when it was cleared or is out of range.
    pub onstart: Callback<Option<Date>>,
}

#[component]
pub fn SettingsForm(props: &SettingsFormProps) -> Html {
    let on_hours = {
        let onhours = props.onhours.clone();
        Callback::from(move |e: Event| {
            if let Some(h) = crate::core::text::decimal(&event_value(&e)) {
                onhours.emit(h);
            }
        })
    };
    let on_budget = props
        .onbudget
        .reform(|e: Event| crate::core::text::decimal(&event_value(&e)));
    let on_start = props
        .onstart
        .reform(|e: Event| checked_date(&event_value(&e)));
    html! {
        <form class="panel constraints no-print" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <h2>{ "What you can give" }</h2>
            <div class="three-col">
                <div class="field">
                    <label for="plan-hours">{ "Hours a week for learning" }</label>
                    <input id="plan-hours" type="number" min="0" max="80" step="1" value={crate::core::text::plain(props.hours_per_week)} onchange={on_hours} />
                </div>
                <div class="field">
                    <label for="plan-budget">{ "Budget in US$ (empty: no limit)" }</label>
                    <input id="plan-budget" type="number" min="0" step="50" value={props.budget_usd.map(crate::core::text::plain).unwrap_or_default()} onchange={on_budget} />
                </div>
                <div class="field">
                    <label for="plan-start">{ "Start date" }</label>
                    <input id="plan-start" type="date" value={props.start.to_string()} onchange={on_start} />
                </div>
            </div>
        </form>
    }
}
