//! Rating one's skills: each skill a radio group of five levels described by
//! what a person has actually done, saved after every choice. Skills are
//! grouped by area with the progress of each; a rated skill folds up to one
//! line once the person moves on to another, and in each area the next
//! unrated skill stands open, so the page stays a few phone screens long.

use yew::prelude::*;

use crate::app::route::Route;
use crate::app::state::{use_assess, Action};
use crate::core::career::catalog::{Skill, SkillId};

/// The heading of a skill area, from the catalog's category.
fn area_name(category: &str) -> String {
    match category {
        "technical" => "Technical skills".to_owned(),
        "leadership" => "Leadership and people".to_owned(),
        "business" => "Business and organization".to_owned(),
        other => {
            let mut c = other.replace(['_', '-'], " ");
            if let Some(first) = c.get(0..1) {
                c = first.to_ascii_uppercase() + c.get(1..).unwrap_or_default();
            }
            c
        }
    }
}

#[component]
pub fn Skills() -> Html {
    let state = use_assess();
    // The skill rated last stays open, so choosing a level (or moving
    // through the levels with the arrow keys) never folds it away under
    // the person's hands.
    let active = use_state(|| None::<SkillId>);
    let cat = &state.content.catalog;
    let ratings = &state.session.skills;
    let rated = cat
        .skills
        .iter()
        .filter(|s| ratings.contains_key(&s.id))
        .count();
    // Areas in the order the catalog first names them.
    let mut areas: Vec<&str> = Vec::new();
    for s in &cat.skills {
        if !areas.contains(&s.category.as_str()) {
            areas.push(&s.category);
        }
    }
    let skill_card = |skill: &Skill, open: bool| {
        let current = ratings.get(&skill.id).copied();
        let name = format!("skill-{}", skill.id);
        let summary = match current.and_then(|l| skill.levels.get(usize::from(l)).map(|t| (l, t))) {
            Some((l, _)) => format!("Level {l}"),
            None => "not rated yet".to_owned(),
        };
        html! {
            <details class={classes!("skill", current.is_some().then_some("rated"))} {open}>
                <summary><span class="skill-name">{ skill.name.clone() }</span><span class="skill-level">{ format!(" — {summary}") }</span></summary>
                <fieldset aria-describedby={format!("{name}-desc")}>
                    <legend>{ skill.name.clone() }</legend>
                    <p id={format!("{name}-desc")} class="muted">{ skill.description.clone() }</p>
                    <div class="options">
                        { for skill.levels.iter().enumerate().map(|(level, text)| {
                            let id = format!("{name}-{level}");
                            let onchange = {
                                let state = state.clone();
                                let active = active.clone();
                                let sid = skill.id.clone();
                                Callback::from(move |_: Event| {
                                    active.set(Some(sid.clone()));
                                    state.dispatch(Action::RateSkill(sid.clone(), level as u8));
                                })
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
            </details>
        }
    };
    html! {
        <article aria-labelledby="skills-title">
            <h1 id="skills-title">{ "Rate your skills" }</h1>
            <p>{ "For each skill, pick the sentence that describes what you have actually done. Be honest rather than modest or bold: a mentor can rate you too, and the differences are worth a conversation." }</p>
            <p class="progress-text" role="status">{ format!("{rated} of {} skills rated", cat.skills.len()) }</p>
            <progress max={cat.skills.len().to_string()} value={rated.to_string()} aria-label="Skills rated" />
            <p class="muted">{ "Rated skills fold up to one line; open one to change it." }</p>
            { for areas.iter().map(|area| {
                let skills: Vec<&Skill> = cat.skills.iter().filter(|s| s.category == *area).collect();
                let done = skills.iter().filter(|s| ratings.contains_key(&s.id)).count();
                let next_unrated = skills.iter().find(|s| !ratings.contains_key(&s.id)).map(|s| s.id.clone());
                let heading_id = format!("area-{area}");
                html! {
                    <section class="skill-area" aria-labelledby={heading_id.clone()}>
                        <h2 id={heading_id}>{ area_name(area) }<span class="muted area-progress">{ format!(" · {done} of {} rated", skills.len()) }</span></h2>
                        { for skills.iter().map(|s| {
                            let open = active.as_ref() == Some(&s.id) || next_unrated.as_ref() == Some(&s.id);
                            skill_card(s, open)
                        }) }
                    </section>
                }
            }) }
            <div class="actions">
                <a class="button" href={Route::Experience.href()}>{ "Next: your experience" }</a>
            </div>
        </article>
    }
}
