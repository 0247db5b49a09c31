//! One skill in the mentor's panel: the mentee's own rating, the mentor's
//! rating of the same skill and a note on it.

use yew::prelude::*;

use super::agreement_class;
use super::typing::Typing;
use crate::app::dom::event_value;
use crate::core::career::catalog::SkillId;
use crate::core::review::{Agreement, RatingRow};

#[derive(Properties, PartialEq)]
pub struct SkillRatingProps {
    /// The mentee, as the panel names them.
    pub label: AttrValue,
    pub row: RatingRow,
    /// The skill's name in the catalog.
    pub name: AttrValue,
    /// What each level 0–4 of the skill looks like (empty for a skill the
    /// catalog no longer has).
    pub levels: Vec<String>,
    /// The mentor's note on the skill, as saved.
    pub note: AttrValue,
    /// A rating chosen: the skill, and its level or `None` for "Not rated".
    pub onrate: Callback<(SkillId, Option<u8>)>,
    /// The note being typed.
    pub onnote: Typing,
}

#[component]
pub fn SkillRating(props: &SkillRatingProps) -> Html {
    let SkillRatingProps {
        label,
        row: r,
        name,
        ..
    } = props;
    let sid = &r.skill;
    let level_text = |l: u8| {
        props
            .levels
            .get(usize::from(l))
            .cloned()
            .unwrap_or_default()
    };
    let on_rate = {
        let sid = sid.clone();
        props
            .onrate
            .reform(move |e: Event| (sid.clone(), event_value(&e).parse::<u8>().ok()))
    };
    let flag = match r.agreement {
        Agreement::BlindSpot => " (blind spot)",
        Agreement::HiddenStrength => " (hidden strength)",
        _ => "",
    };
    let rate_id = format!("rate-{sid}");
    let note_id = format!("note-{sid}");
    html! {
        <li class={classes!("mentor-skill", agreement_class(r.agreement))}>
            <h4>{ name.clone() }{ flag }</h4>
            <p class="muted">{ match r.own {
                Some(l) => format!("{label}'s rating: level {l}, “{}”", level_text(l)),
                None => format!("{label} has not rated this skill."),
            } }</p>
            <div class="field">
                <label for={rate_id.clone()}>{ format!("Your rating of {label} for {name}") }</label>
                <select id={rate_id} onchange={on_rate}>
                    <option value="" selected={r.mentor.is_none()}>{ "Not rated" }</option>
                    { for (0..=4u8).map(|l| html! { <option value={l.to_string()} selected={r.mentor == Some(l)}>{ format!("Level {l}: {}", level_text(l)) }</option> }) }
                </select>
            </div>
            <div class="field">
                <label for={note_id.clone()}>{ format!("Note on {name}") }</label>
                <input id={note_id} type="text" value={props.note.clone()} oninput={props.onnote.input()} onchange={props.onnote.change()} />
            </div>
        </li>
    }
}
