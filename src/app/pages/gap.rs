//! The gap to the chosen role: a radar of current vs required levels, the
//! same data as a table, and the gaps sorted by how much they matter.

use yew::prelude::*;

use crate::app::components::charts::Radar;
use crate::app::route::Route;
use crate::app::state::use_assess;
use crate::core::career::gap::gap;

#[component]
pub fn Gap() -> Html {
    let state = use_assess();
    let cat = &state.content.catalog;
    let Some(role) = state.session.role.as_ref().and_then(|r| cat.role(r)) else {
        return html! {
            <section class="panel" aria-labelledby="gap-title">
                <h1 id="gap-title">{ "No target role yet" }</h1>
                <a class="button" href={Route::Roles.href()}>{ "Choose a target role" }</a>
            </section>
        };
    };
    let report = gap(cat, role, &state.session.skills);
    let name = |id: &crate::core::career::catalog::SkillId| {
        cat.skill(id)
            .map(|s| s.name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    // The radar in catalog order, so it reads the same every time.
    let axes: Vec<_> = cat
        .skills
        .iter()
        .filter_map(|s| report.rows.iter().find(|r| r.skill == s.id))
        .collect();
    let open: Vec<_> = report.rows.iter().filter(|r| r.gap > 0).collect();
    html! {
        <article aria-labelledby="gap-title">
            <h1 id="gap-title">{ format!("Your gap to {}", role.name) }</h1>
            <p class="lead">{ format!("Your skills meet {}% of what {} asks, weighted by how much each skill matters in the role.", crate::core::text::fixed(report.fit, 0), role.name) }</p>
            <section class="panel" aria-labelledby="radar-title">
                <h2 id="radar-title">{ "Where you are and where the role is" }</h2>
                <Radar
                    labels={axes.iter().map(|r| AttrValue::from(name(&r.skill))).collect::<Vec<_>>()}
                    current={axes.iter().map(|r| f64::from(r.current)).collect::<Vec<_>>()}
                    target={axes.iter().map(|r| f64::from(r.required)).collect::<Vec<_>>()} />
                <table class="gap-table">
                    <caption>{ "Skill levels from 0 to 4, yours and the role's, and the gap in levels (the same data as the chart)" }</caption>
                    <thead><tr><th scope="col">{ "Skill" }</th><th scope="col">{ "You" }</th><th scope="col">{ "Role" }</th><th scope="col">{ "Priority" }</th><th scope="col">{ "Gap" }</th></tr></thead>
                    <tbody>
                        { for axes.iter().map(|r| html! {
                            <tr>
                                <th scope="row">{ name(&r.skill) }</th>
                                <td>{ r.current.to_string() }</td>
                                <td>{ r.required.to_string() }</td>
                                <td>{ ["", "useful", "important", "essential"][usize::from(r.importance.min(3))] }</td>
                                <td>{ if r.gap == 0 { "met".to_owned() } else { r.gap.to_string() } }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </section>
            <section class="panel" aria-labelledby="gaps-title">
                <h2 id="gaps-title">{ "Gaps, most important first" }</h2>
                if open.is_empty() {
                    <p>{ "You meet every level this role asks for." }</p>
                } else {
                    <ol class="gap-list">
                        { for open.iter().map(|r| {
                            let next = cat.skill(&r.skill).and_then(|s| s.levels.get(usize::from(r.current + 1))).cloned().unwrap_or_default();
                            html! {
                                <li>
                                    <strong>{ name(&r.skill) }</strong>{ format!(": level {} of {} needed. ", r.current, r.required) }
                                    <span class="muted">{ format!("Next level looks like: “{next}”") }</span>
                                </li>
                            }
                        }) }
                    </ol>
                }
            </section>
            <div class="actions">
                <a class="button secondary" href={Route::Roles.href()}>{ "Change the role" }</a>
                <a class="button" href={Route::Roadmap.href()}>{ "Next: your roadmap" }</a>
            </div>
        </article>
    }
}
