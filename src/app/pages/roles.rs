//! Choosing a target role: the three that fit best first (aptitude and
//! skills together, both tracks as equals), then every other role.

use yew::prelude::*;

use crate::app::route::{navigate, Route};
use crate::app::state::{use_assess, Action};
use crate::core::career::catalog::{CareerTrack, Role};
use crate::core::career::gap::{roles_named_in, suggest_roles_agreeing};
use crate::core::score::Band;

fn track_label(t: CareerTrack) -> &'static str {
    match t {
        CareerTrack::Management => "Management track",
        CareerTrack::Technical => "Technical track",
        CareerTrack::Hybrid => "Hybrid",
        CareerTrack::Both => "Either track",
    }
}

#[component]
pub fn Roles() -> Html {
    let state = use_assess();
    let cat = &state.content.catalog;
    let profile = (state.answered() > 0).then(|| state.profile());
    let leaning = profile.as_ref().map(|p| p.leaning);
    // The roles the result's own text recommends are always suggested, so
    // the two never disagree.
    let named = profile
        .as_ref()
        .map(|p| {
            let tracks = &state.content.bank.tracks;
            let text = match p.band {
                Band::Management => &tracks.management.summary,
                Band::Hybrid => &tracks.hybrid.summary,
                Band::Technical => &tracks.technical.summary,
            };
            roles_named_in(cat, text)
        })
        .unwrap_or_default();
    let suggested = suggest_roles_agreeing(cat, leaning, &state.session.skills, &named);
    let card = |role: &Role, why: Option<String>| {
        let chosen = state.session.role.as_ref() == Some(&role.id);
        let onclick = {
            let state = state.clone();
            let id = role.id.clone();
            Callback::from(move |_| {
                state.dispatch(Action::ChooseRole(id.clone()));
                navigate(Route::Gap);
            })
        };
        html! {
            <li class={classes!("role-card", chosen.then_some("current"))}>
                <h3>{ role.name.clone() }<span class="muted">{ format!(" · {}", track_label(role.track)) }</span></h3>
                <p>{ role.summary.clone() }</p>
                if let Some(w) = why { <p class="why-role">{ w }</p> }
                <p class="muted">{ format!("Typical experience: {}", role.typical_experience) }</p>
                // The visible text names the role, so the accessible name
                // is the visible text (WCAG 2.5.3 Label in Name).
                <button type="button" onclick={onclick}>
                    { if chosen { format!("Chosen: see the gap to {}", role.name) } else { format!("Choose {}", role.name) } }
                </button>
            </li>
        }
    };
    let suggested_ids: Vec<_> = suggested.iter().map(|f| f.role.clone()).collect();
    html! {
        <article aria-labelledby="roles-title">
            <h1 id="roles-title">{ "Choose a target role" }</h1>
            <p>{ "Suggestions weigh your questionnaire result and the skills you rated. Technical-track roles are equal outcomes, not second prizes." }</p>
            <section aria-labelledby="suggested-title">
                <h2 id="suggested-title">{ "Suggested for you" }</h2>
                <ul class="roles">
                    { for suggested.iter().filter_map(|f| cat.role(&f.role).map(|r| card(r, Some(f.why.clone())))) }
                </ul>
            </section>
            <section aria-labelledby="all-roles-title">
                <h2 id="all-roles-title">{ "All roles" }</h2>
                <ul class="roles">
                    { for cat.roles.iter().filter(|r| !suggested_ids.contains(&r.id)).map(|r| card(r, None)) }
                </ul>
            </section>
        </article>
    }
}
