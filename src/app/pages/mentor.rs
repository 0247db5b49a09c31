//! A mentor's review of an opened result, and the printable meeting report.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::download::download;
use crate::app::opened::use_opened;
use crate::app::pages::results::{ResultView, Whose};
use crate::app::route::Route;
use crate::app::state::{now, today, use_assess};
use crate::core::career::catalog::{RoleId, SkillId};
use crate::core::career::gap::gap;
use crate::core::career::plan::plan;
use crate::core::result_file::ResultFile;
use crate::core::review::{discussion_prompts, side_by_side, Agreement, MentorReview, RatingRow};
use crate::core::score::score;

#[derive(Properties, PartialEq)]
pub struct MentorProps {
    pub index: usize,
}

use crate::app::dom::event_value as text_of;

/// The mentor's side: rate the mentee, see where the two views differ, get
/// prompts for the conversation, write notes, export the review.
#[component]
pub fn MentorPanel(props: &MentorProps) -> Html {
    let state = use_assess();
    let opened = use_opened();
    let message = use_state(|| None::<String>);
    let Some(file) = opened.get(props.index).cloned() else {
        return html! {};
    };
    let cat = &state.content.catalog;
    let label = file.label("This person");
    let review = file.review.clone().unwrap_or_default();
    let update = {
        let opened = opened.clone();
        let index = props.index;
        move |f: Box<dyn Fn(&mut MentorReview)>| {
            let mut list = (*opened).as_ref().clone();
            if let Some(file) = list.get_mut(index) {
                let mut r = file.review.clone().unwrap_or_default();
                f(&mut r);
                file.review = Some(r);
            }
            opened.set(Rc::new(list));
        }
    };
    let rows = side_by_side(cat, &file.session.skills, &review.ratings);
    let role = file.session.role.as_ref().and_then(|r| cat.role(r));
    let gaps: Vec<SkillId> = role
        .map(|r| {
            gap(cat, r, &file.session.skills)
                .rows
                .into_iter()
                .filter(|g| g.gap > 0)
                .map(|g| g.skill)
                .collect()
        })
        .unwrap_or_default();
    let band = score(&state.content.bank, &file.session.answers).band;
    let prompts = discussion_prompts(cat, &rows, role, &gaps, band);
    let name = |id: &SkillId| {
        cat.skill(id)
            .map(|s| s.name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let called: Vec<&RatingRow> = rows
        .iter()
        .filter(|r| {
            matches!(
                r.agreement,
                Agreement::BlindSpot | Agreement::HiddenStrength
            )
        })
        .collect();

    let on_name = {
        let update = update.clone();
        Callback::from(move |e: Event| {
            let v = text_of(&e);
            update(Box::new(move |r| {
                r.mentor_name = (!v.trim().is_empty()).then(|| v.clone())
            }));
        })
    };
    let on_overall = {
        let update = update.clone();
        Callback::from(move |e: Event| {
            let v = text_of(&e);
            update(Box::new(move |r| r.overall = v.clone()));
        })
    };
    let on_export = {
        let file = file.clone();
        let message = message.clone();
        let label = label.clone();
        Callback::from(move |_| {
            let day: String = now().chars().take(10).collect();
            let slug: String = label
                .chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .take(24)
                .collect::<String>()
                .to_lowercase();
            let fname = format!(
                "crossroads-review-{}-{day}.json",
                if slug.is_empty() {
                    "mentee".into()
                } else {
                    slug
                }
            );
            message.set(Some(
                match download(&fname, "application/json", &file.to_json()) {
                    Ok(()) => {
                        format!("Saved {fname}: give it to {label}, who can open it in Crossroads.")
                    }
                    Err(e) => e,
                },
            ));
        })
    };

    html! {
        <section class="panel mentor" aria-labelledby="mentor-title">
            <h2 id="mentor-title">{ format!("Review {label} as a mentor") }</h2>
            <p>{ "Rate the same skills on the same levels, from what you have seen. Differences of two levels or more are called out below." }</p>
            <div class="field">
                <label for="mentor-name">{ "Your name (optional)" }</label>
                <input id="mentor-name" type="text" value={review.mentor_name.clone().unwrap_or_default()} onchange={on_name} />
            </div>
            if !called.is_empty() {
                <ul class="callouts" aria-label="Where your views differ">
                    { for called.iter().map(|r| {
                        let (kind, what) = match r.agreement {
                            Agreement::BlindSpot => ("Blind spot", "you rate lower"),
                            _ => ("Hidden strength", "you rate higher"),
                        };
                        html! { <li class={if r.agreement == Agreement::BlindSpot { "blind-spot" } else { "hidden-strength" }}>
                            <strong>{ format!("{kind}: {}", name(&r.skill)) }</strong>
                            { format!(" — {label} says {}, {what}: {}.", r.own.unwrap_or(0), r.mentor.unwrap_or(0)) }
                        </li> }
                    }) }
                </ul>
            }
            <table class="side-by-side">
                <caption>{ format!("{label}'s self-rating and yours, skill by skill") }</caption>
                <thead><tr><th scope="col">{ "Skill" }</th><th scope="col">{ "Self" }</th><th scope="col">{ "Mentor" }</th><th scope="col">{ "Note" }</th></tr></thead>
                <tbody>
                    { for rows.iter().map(|r| {
                        let sid = r.skill.clone();
                        let skill_name = name(&sid);
                        let on_rate = {
                            let update = update.clone();
                            let sid = sid.clone();
                            Callback::from(move |e: Event| {
                                let v = text_of(&e).parse::<u8>().ok();
                                let sid = sid.clone();
                                update(Box::new(move |rv| match v {
                                    Some(l) => { rv.ratings.insert(sid.clone(), l.min(4)); }
                                    None => { rv.ratings.remove(&sid); }
                                }));
                            })
                        };
                        let on_note = {
                            let update = update.clone();
                            let sid = sid.clone();
                            Callback::from(move |e: Event| {
                                let v = text_of(&e);
                                let sid = sid.clone();
                                update(Box::new(move |rv| {
                                    if v.trim().is_empty() { rv.skill_notes.remove(&sid); } else { rv.skill_notes.insert(sid.clone(), v.clone()); }
                                }));
                            })
                        };
                        let flag = match r.agreement {
                            Agreement::BlindSpot => " (blind spot)",
                            Agreement::HiddenStrength => " (hidden strength)",
                            _ => "",
                        };
                        html! {
                            <tr class={match r.agreement { Agreement::BlindSpot => "blind-spot", Agreement::HiddenStrength => "hidden-strength", _ => "" }}>
                                <th scope="row">{ skill_name.clone() }{ flag }</th>
                                <td>{ r.own.map(|l| l.to_string()).unwrap_or_else(|| "–".into()) }</td>
                                <td>
                                    <select aria-label={format!("Your rating of {label} for {skill_name}")} onchange={on_rate}>
                                        <option value="" selected={r.mentor.is_none()}>{ "–" }</option>
                                        { for (0..=4u8).map(|l| html! { <option value={l.to_string()} selected={r.mentor == Some(l)}>{ l.to_string() }</option> }) }
                                    </select>
                                </td>
                                <td><input type="text" aria-label={format!("Note on {skill_name}")} value={review.skill_notes.get(&sid).cloned().unwrap_or_default()} onchange={on_note} /></td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            <h3>{ "Questions for the conversation" }</h3>
            <ul class="prompts">{ for prompts.iter().map(|p| html! { <li>{ p.clone() }</li> }) }</ul>
            <div class="field">
                <label for="mentor-overall">{ "Overall note" }</label>
                <textarea id="mentor-overall" rows="4" value={review.overall.clone()} onchange={on_overall} />
            </div>
            <div class="actions">
                <button type="button" onclick={on_export}>{ format!("Download the review for {label}") }</button>
                <a class="button secondary" href={Route::Report(props.index).href()}>{ "Meeting report" }</a>
            </div>
            <p role="status" class="muted">{ (*message).clone().unwrap_or_default() }</p>
        </section>
    }
}

/// One printable report for the meeting: result, gap, roadmap, mentor
/// comparison and notes, readable in black and white.
#[component]
pub fn MeetingReport(props: &MentorProps) -> Html {
    let state = use_assess();
    let opened = use_opened();
    let Some(file): Option<ResultFile> = opened.get(props.index).cloned() else {
        return html! { <section class="panel" role="alert"><h1>{ "This opened result is no longer here" }</h1></section> };
    };
    let cat = &state.content.catalog;
    let label = file.label("This person");
    let role = file
        .session
        .role
        .as_ref()
        .and_then(|r: &RoleId| cat.role(r));
    let review = file.review.clone().unwrap_or_default();
    let rows = side_by_side(cat, &file.session.skills, &review.ratings);
    let name = |id: &SkillId| {
        cat.skill(id)
            .map(|s| s.name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let on_print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let today = today();
    html! {
        <article class="report" aria-labelledby="report-title">
            <h1 id="report-title">{ format!("Meeting report: {label}") }</h1>
            <p class="muted">{ format!("Prepared {today}{}.", review.mentor_name.as_deref().map(|m| format!(" by {m}")).unwrap_or_default()) }</p>
            <div class="actions no-print">
                <button type="button" onclick={on_print}>{ "Print the report" }</button>
                <a class="button secondary" href={Route::Opened(props.index).href()}>{ "Back to the review" }</a>
            </div>
            <ResultView content={state.content.clone()} session={Rc::new(file.session.clone())} whose={Whose::Other(label.clone().into())} />
            if let Some(role) = role {
                <section class="panel report-section" aria-labelledby="r-gap">
                    <h2 id="r-gap">{ format!("Gap to {}", role.name) }</h2>
                    <table>
                        <caption>{ "Self-rated level against the role" }</caption>
                        <thead><tr><th scope="col">{ "Skill" }</th><th scope="col">{ "Now" }</th><th scope="col">{ "Role" }</th><th scope="col">{ "Gap" }</th></tr></thead>
                        <tbody>{ for gap(cat, role, &file.session.skills).rows.iter().map(|g| html! {
                            <tr><th scope="row">{ name(&g.skill) }</th><td>{ g.current.to_string() }</td><td>{ g.required.to_string() }</td><td>{ g.gap.to_string() }</td></tr>
                        }) }</tbody>
                    </table>
                </section>
                <section class="panel report-section" aria-labelledby="r-plan">
                    <h2 id="r-plan">{ "Roadmap" }</h2>
                    <ol>
                        { for {
                            let s = &file.session.plan;
                            let c = s.constraints(s.start_or(today));
                            plan(cat, role, &file.session.skills, &file.session.experience, &file.session.held, &c, &s.choices)
                        }.steps().map(|st| html! {
                            <li><strong>{ st.name.clone() }</strong>{ format!(" — {} → {}. ", st.start, st.end) }{ st.why.clone() }</li>
                        }) }
                    </ol>
                </section>
            }
            <section class="panel report-section" aria-labelledby="r-mentor">
                <h2 id="r-mentor">{ "Self-rating and mentor rating" }</h2>
                <table>
                    <caption>{ "Skill by skill; differences of two levels or more are marked" }</caption>
                    <thead><tr><th scope="col">{ "Skill" }</th><th scope="col">{ "Self" }</th><th scope="col">{ "Mentor" }</th><th scope="col">{ "Marked" }</th><th scope="col">{ "Note" }</th></tr></thead>
                    <tbody>{ for rows.iter().map(|r| html! {
                        <tr>
                            <th scope="row">{ name(&r.skill) }</th>
                            <td>{ r.own.map(|l| l.to_string()).unwrap_or_else(|| "–".into()) }</td>
                            <td>{ r.mentor.map(|l| l.to_string()).unwrap_or_else(|| "–".into()) }</td>
                            <td>{ match r.agreement { Agreement::BlindSpot => "Blind spot", Agreement::HiddenStrength => "Hidden strength", _ => "" } }</td>
                            <td>{ review.skill_notes.get(&r.skill).cloned().unwrap_or_default() }</td>
                        </tr>
                    }) }</tbody>
                </table>
            </section>
            <section class="panel report-section" aria-labelledby="r-notes">
                <h2 id="r-notes">{ "Notes" }</h2>
                <h3>{ format!("{label}'s notes") }</h3>
                <p class="preserve">{ if file.session.notes.is_empty() { "None.".to_owned() } else { file.session.notes.clone() } }</p>
                <h3>{ "Mentor's notes" }</h3>
                <p class="preserve">{ if review.overall.is_empty() { "None.".to_owned() } else { review.overall.clone() } }</p>
            </section>
        </article>
    }
}
