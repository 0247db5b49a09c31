//! Rating one's skills: each skill a radio group of five levels described by
//! what a person has actually done, saved after every choice.

use yew::prelude::*;

use crate::app::route::Route;
use crate::app::state::{use_assess, Action};

#[component]
pub fn Skills() -> Html {
    let state = use_assess();
    let cat = &state.content.catalog;
    let rated = cat
        .skills
        .iter()
        .filter(|s| state.session.skills.contains_key(&s.id))
        .count();
    html! {
        <article aria-labelledby="skills-title">
            <h1 id="skills-title">{ "Rate your skills" }</h1>
            <p>{ "For each skill, pick the sentence that describes what you have actually done. Be honest rather than modest or bold: a mentor can rate you too, and the differences are worth a conversation." }</p>
            <p class="progress-text" role="status">{ format!("{rated} of {} skills rated", cat.skills.len()) }</p>
            <progress max={cat.skills.len().to_string()} value={rated.to_string()} aria-label="Skills rated" />
            { for cat.skills.iter().map(|skill| {
                let current = state.session.skills.get(&skill.id).copied();
                let name = format!("skill-{}", skill.id);
                html! {
                    <fieldset class="skill" aria-describedby={format!("{name}-desc")}>
                        <legend>{ skill.name.clone() }</legend>
                        <p id={format!("{name}-desc")} class="muted">{ skill.description.clone() }</p>
                        <div class="options">
                            { for skill.levels.iter().enumerate().map(|(level, text)| {
                                let id = format!("{name}-{level}");
                                let onchange = {
                                    let state = state.clone();
                                    let sid = skill.id.clone();
                                    Callback::from(move |_: Event| state.dispatch(Action::RateSkill(sid.clone(), level as u8)))
                                };
                                html! {
                                    <label class="option" for={id.clone()}>
                                        <input type="radio" id={id} name={name.clone()} checked={current == Some(level as u8)} {onchange} />
                                        <span><strong>{ format!("Level {level}: ") }</strong>{ text.clone() }</span>
                                    </label>
                                }
                            }) }
                        </div>
                    </fieldset>
                }
            }) }
            <div class="actions">
                <a class="button" href={Route::Experience.href()}>{ "Next: your experience" }</a>
            </div>
        </article>
    }
}
