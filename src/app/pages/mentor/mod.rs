//! A mentor's review of an opened result ([`MentorPanel`]: ratings, topic
//! views, the differences they show, prompts and notes), and the printable
//! meeting report ([`MeetingReport`]).

mod callouts;
mod conversation;
mod report;
mod skill_rating;
mod topic_view;
mod typing;

use std::rc::Rc;

use yew::prelude::*;

use crate::app::debounce::use_debouncer;
use crate::app::download::download;
use crate::app::opened::use_opened;
use crate::app::route::Route;
use crate::app::state::{now, use_assess};
use crate::core::bank::{Bank, DimensionId};
use crate::core::career::catalog::{Catalog, SkillId};
use crate::core::career::gap::gap;
use crate::core::review::{
    discussion_prompts, side_by_side, topics_side_by_side, Agreement, MentorReview, TOPIC_LEVELS,
};
use crate::core::score::score;

use callouts::callouts;
use conversation::conversation;
pub use report::MeetingReport;
use skill_rating::SkillRating;
use topic_view::TopicView;
use typing::Typing;

/// How a typed text changes the review.
type Apply = Rc<dyn Fn(&mut MentorReview, String)>;

#[derive(Properties, PartialEq)]
pub struct MentorProps {
    pub index: usize,
}

/// A skill's name, or its id for a skill the catalog no longer has.
fn skill_name(cat: &Catalog, id: &SkillId) -> String {
    cat.skill(id)
        .map(|s| s.name.clone())
        .unwrap_or_else(|| id.to_string())
}

/// A topic's name, or its id for a topic the bank no longer has.
fn topic_name(bank: &Bank, id: &DimensionId) -> String {
    bank.dimension(id)
        .map(|d| d.name.clone())
        .unwrap_or_else(|| id.to_string())
}

/// A point on the topics' five-point scale in words ("–" for none).
fn topic_words(level: Option<u8>) -> String {
    level
        .and_then(|l| TOPIC_LEVELS.get(usize::from(l)))
        .copied()
        .unwrap_or("–")
        .to_ascii_lowercase()
}

/// The class that marks a difference worth talking about.
fn agreement_class(agreement: Agreement) -> &'static str {
    match agreement {
        Agreement::BlindSpot => "blind-spot",
        Agreement::HiddenStrength => "hidden-strength",
        _ => "",
    }
}

/// Whether the two views differ enough to be called out.
fn called_out(agreement: Agreement) -> bool {
    matches!(agreement, Agreement::BlindSpot | Agreement::HiddenStrength)
}

/// The review's file name: `crossroads-review-<name>-<day>.json`, the name
/// reduced to at most 24 lower-case letters and digits.
fn review_file_name(label: &str, day: &str) -> String {
    let slug: String = label
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .take(24)
        .collect::<String>()
        .to_ascii_lowercase();
    format!(
        "crossroads-review-{}-{day}.json",
        if slug.is_empty() {
            "mentee".into()
        } else {
            slug
        }
    )
}

/// The mentor's side: rate the mentee on the same behaviour-anchored
/// levels, give a view of the questionnaire topics, see where the two views
/// differ, get prompts for the conversation, write notes (saved while
/// typing), export the review.
#[component]
pub fn MentorPanel(props: &MentorProps) -> Html {
    let state = use_assess();
    let opened = use_opened();
    let message = use_state(|| None::<String>);
    let debouncer = use_debouncer();
    // The newest list, for changes applied after a pause in typing: the
    // handle a callback captured may be a render behind by then.
    let latest = use_mut_ref(|| (*opened).clone());
    *latest.borrow_mut() = (*opened).clone();
    let Some(file) = opened.get(props.index).cloned() else {
        return html! {};
    };
    let cat = &state.content.catalog;
    let bank = &state.content.bank;
    let label = file.label("This person");
    let review = file.review.clone().unwrap_or_default();
    let update = {
        let opened = opened.clone();
        let latest = latest.clone();
        let index = props.index;
        Rc::new(move |f: Box<dyn Fn(&mut MentorReview)>| {
            let mut list = latest.borrow().as_ref().clone();
            if let Some(file) = list.get_mut(index) {
                let mut r = file.review.clone().unwrap_or_default();
                f(&mut r);
                file.review = Some(r);
            }
            let list = Rc::new(list);
            *latest.borrow_mut() = list.clone();
            opened.set(list);
        })
    };
    // A text field saved while typing and at once when it loses focus.
    let typed = |key: String, apply: Apply| {
        let oninput = {
            let (update, debouncer, key, apply) = (
                update.clone(),
                debouncer.clone(),
                key.clone(),
                apply.clone(),
            );
            Callback::from(move |v: String| {
                let (update, apply) = (update.clone(), apply.clone());
                debouncer.later(&key, move || update(Box::new(move |r| apply(r, v.clone()))));
            })
        };
        let onchange = {
            let (update, debouncer) = (update.clone(), debouncer.clone());
            Callback::from(move |v: String| {
                let apply = apply.clone();
                debouncer.now(&key, || update(Box::new(move |r| apply(r, v.clone()))));
            })
        };
        Typing { oninput, onchange }
    };
    let on_rate = {
        let update = update.clone();
        Callback::from(move |(sid, level): (SkillId, Option<u8>)| {
            update(Box::new(move |rv| rv.rate(sid.clone(), level)));
        })
    };
    let on_view = {
        let update = update.clone();
        Callback::from(move |(did, level): (DimensionId, Option<u8>)| {
            update(Box::new(move |rv| rv.view_topic(did.clone(), level)));
        })
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
    let profile = score(bank, &file.session.answers);
    let prompts = discussion_prompts(cat, &rows, role, &gaps, profile.result_band());
    let topic_rows = topics_side_by_side(&profile, &review.topics);
    let called: Vec<_> = rows
        .iter()
        .filter(|r| called_out(r.agreement))
        .map(|r| (skill_name(cat, &r.skill), r))
        .collect();
    let called_topics: Vec<_> = topic_rows
        .iter()
        .filter(|r| called_out(r.agreement))
        .map(|r| (topic_name(bank, &r.dimension), r))
        .collect();
    let unrated_self = file.session.skills.is_empty();

    let name_typing = typed(
        "mentor-name".into(),
        Rc::new(|r, v| r.mentor_name = (!v.trim().is_empty()).then_some(v)),
    );
    let overall_typing = typed("mentor-overall".into(), Rc::new(|r, v| r.overall = v));
    let on_export = {
        let file = file.clone();
        let message = message.clone();
        let label = label.clone();
        Callback::from(move |_| {
            let day: String = now().chars().take(10).collect();
            let fname = review_file_name(&label, &day);
            message.set(Some(
                match download(&fname, "application/json", &file.to_json()) {
                    Ok(()) => {
                        format!("Saved {fname}: give it to {label}, who can open it in Crossroads.")
                    }
                    Err(e) => e.to_string(),
                },
            ));
        })
    };
    let attr_label = AttrValue::from(label.clone());

    html! {
        <section class="panel mentor" aria-labelledby="mentor-title">
            <h2 id="mentor-title">{ format!("Review {label} as a mentor") }</h2>
            <p>{ format!("Rate {label} on the same skills and the same levels {label} used, each described by what a person has actually done. Rate from what you have seen. Differences of two levels or more are called out below.") }</p>
            if unrated_self {
                <p class="notice warn">{ format!("{label} has not rated any skills in what you opened, so blind spots cannot be found yet: your ratings have nothing to be compared with. Ask {label} for the result file (or a new share link) after rating the skills.") }</p>
            }
            <div class="field">
                <label for="mentor-name">{ "Your name (optional)" }</label>
                <input id="mentor-name" type="text" value={review.mentor_name.clone().unwrap_or_default()} oninput={name_typing.input()} onchange={name_typing.change()} />
            </div>
            { callouts(&label, &called, &called_topics) }
            <h3>{ format!("Skills: {label}'s rating and yours") }</h3>
            <ul class="mentor-skills">
                { for rows.iter().map(|r| {
                    let sid = r.skill.clone();
                    let note_typing = typed(format!("note-{sid}"), Rc::new(move |rv, v| {
                        if v.trim().is_empty() { rv.skill_notes.remove(&sid); } else { rv.skill_notes.insert(sid.clone(), v); }
                    }));
                    html! {
                        <SkillRating
                            label={attr_label.clone()}
                            row={r.clone()}
                            name={skill_name(cat, &r.skill)}
                            levels={cat.skill(&r.skill).map(|s| s.levels.clone()).unwrap_or_default()}
                            note={review.skill_notes.get(&r.skill).cloned().unwrap_or_default()}
                            onrate={on_rate.clone()}
                            onnote={note_typing}
                        />
                    }
                }) }
            </ul>
            <h3>{ format!("Topics: how {label}'s answers came out, and how you see {label} (optional)") }</h3>
            <p class="muted">{ format!("Each topic from the questionnaire, on five points from “not at all like them” to “very much like them”. {label}'s answers are placed on the same points (each 20 points of the 0–100 score is one point).") }</p>
            <ul class="mentor-topics">
                { for topic_rows.iter().map(|t| html! {
                    <TopicView
                        label={attr_label.clone()}
                        row={t.clone()}
                        name={topic_name(bank, &t.dimension)}
                        onview={on_view.clone()}
                    />
                }) }
            </ul>
            { conversation(&label, &profile, &prompts) }
            <div class="field">
                <label for="mentor-overall">{ "Overall note" }</label>
                <textarea id="mentor-overall" rows="4" value={review.overall.clone()} oninput={overall_typing.input()} onchange={overall_typing.change()} />
            </div>
            <div class="actions">
                <button type="button" onclick={on_export}>{ format!("Download the review for {label}") }</button>
                <a class="button secondary" href={Route::Report(props.index).href()}>{ "Meeting report" }</a>
            </div>
            <p role="status" class="muted">{ (*message).clone().unwrap_or_default() }</p>
        </section>
    }
}
