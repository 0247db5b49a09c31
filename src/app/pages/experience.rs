//! Experience facts, asked once: the numbers certification rules depend on,
//! and the certifications already held.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::debounce::use_debouncer;
use crate::app::route::Route;
use crate::app::state::{use_assess, Action};
use crate::core::career::catalog::FactKind;
use crate::core::career::person::FactValue;

use crate::app::dom::event_value;

#[component]
pub fn ExperiencePage() -> Html {
    let state = use_assess();
    let cat = &state.content.catalog;
    let exp = &state.session.experience;
    let debouncer = use_debouncer();
    html! {
        <article aria-labelledby="exp-title">
            <h1 id="exp-title">{ "Your experience" }</h1>
            <p>{ "Certifications have rules about experience and education. Answer what you can; rough numbers are fine, and you can change them later." }</p>
            <form class="panel experience" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                { for cat.facts.iter().map(|fact| {
                    let id = format!("fact-{}", fact.id);
                    let help_id = format!("{id}-help");
                    let help = fact.help.clone().map(|h| html! { <p id={help_id.clone()} class="muted">{ h }</p> });
                    match fact.kind {
                        FactKind::Number | FactKind::Flag => {
                            let value = match exp.0.get(&fact.id) { Some(FactValue::Number(n)) => crate::core::text::plain(*n), _ => String::new() };
                            // Saved while typing (once typing pauses) and
                            // at once when the field loses focus.
                            let apply = {
                                let state = state.clone();
                                let fid = fact.id.clone();
                                let fact = fact.clone();
                                move |v: String| {
                                    let parsed = crate::core::text::decimal(&v).map(|x| crate::core::session::two_decimals(fact.bound(x)));
                                    state.dispatch(Action::SetFact(fid.clone(), parsed.map(FactValue::Number)));
                                }
                            };
                            let oninput = {
                                let (apply, debouncer, key) = (apply.clone(), debouncer.clone(), id.clone());
                                Callback::from(move |e: InputEvent| {
                                    let v = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).map(|i| i.value()).unwrap_or_default();
                                    let apply = apply.clone();
                                    debouncer.later(&key, move || apply(v));
                                })
                            };
                            let onchange = {
                                let (debouncer, key) = (debouncer.clone(), id.clone());
                                Callback::from(move |e: Event| {
                                    let v = event_value(&e);
                                    debouncer.now(&key, || apply(v));
                                })
                            };
                            let unit = fact.unit.clone().map(|u| format!(" ({u})")).unwrap_or_default();
                            html! {
                                <div class="field">
                                    <label for={id.clone()}>{ format!("{}{unit}", fact.label) }</label>
                                    { help }
                                    <input id={id} type="number" inputmode="decimal" min={crate::core::text::plain(fact.min)} max={crate::core::text::plain(fact.max)} step="any"
                                        value={value} {oninput} {onchange} aria-describedby={help_id} />
                                </div>
                            }
                        }
                        FactKind::Choice => {
                            let current = exp.choice(&fact.id).map(str::to_owned).unwrap_or_default();
                            let onchange = {
                                let state = state.clone();
                                let fid = fact.id.clone();
                                Callback::from(move |e: Event| {
                                    let v = event_value(&e);
                                    state.dispatch(Action::SetFact(fid.clone(), (!v.is_empty()).then_some(FactValue::Choice(v))));
                                })
                            };
                            html! {
                                <div class="field">
                                    <label for={id.clone()}>{ fact.label.clone() }</label>
                                    { help }
                                    <select id={id} {onchange} aria-describedby={help_id}>
                                        <option value="" selected={current.is_empty()}>{ "Choose…" }</option>
                                        { for fact.options.iter().map(|o| html! {
                                            <option value={o.id.clone()} selected={current == o.id}>{ o.label.clone() }</option>
                                        }) }
                                    </select>
                                </div>
                            }
                        }
                        FactKind::Multi => {
                            let chosen: Vec<String> = exp.multi(&fact.id).to_vec();
                            html! {
                                <fieldset class="field">
                                    <legend>{ fact.label.clone() }</legend>
                                    { help }
                                    { for fact.options.iter().map(|o| {
                                        let cid = format!("{id}-{}", o.id);
                                        let on = chosen.contains(&o.id);
                                        let onchange = {
                                            let state = state.clone();
                                            let fid = fact.id.clone();
                                            let oid = o.id.clone();
                                            let chosen = chosen.clone();
                                            Callback::from(move |_: Event| {
                                                let mut next: Vec<String> = chosen.iter().filter(|c| **c != oid).cloned().collect();
                                                if !on {
                                                    next.push(oid.clone());
                                                }
                                                state.dispatch(Action::SetFact(fid.clone(), Some(FactValue::Multi(next))));
                                            })
                                        };
                                        html! {
                                            <label class="check" for={cid.clone()}>
                                                <input type="checkbox" id={cid} checked={on} {onchange} />
                                                { o.label.clone() }
                                            </label>
                                        }
                                    }) }
                                </fieldset>
                            }
                        }
                    }
                }) }
                <fieldset class="field">
                    <legend>{ "Certifications you hold now" }</legend>
                    <div class="checks">
                        { for cat.certifications.iter().map(|c| {
                            let cid = format!("held-{}", c.id);
                            let onchange = {
                                let state = state.clone();
                                let id = c.id.clone();
                                Callback::from(move |_: Event| state.dispatch(Action::ToggleHeld(id.clone())))
                            };
                            html! {
                                <label class="check" for={cid.clone()}>
                                    <input type="checkbox" id={cid} checked={state.session.held.contains(&c.id)} {onchange} />
                                    { c.name.clone() }
                                </label>
                            }
                        }) }
                    </div>
                </fieldset>
            </form>
            <div class="actions">
                <a class="button secondary" href={Route::Skills.href()}>{ "Back: skills" }</a>
                <a class="button" href={Route::Roles.href()}>{ "Next: choose a target role" }</a>
            </div>
        </article>
    }
}
