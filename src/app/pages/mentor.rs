//! A mentor's review of an opened result, and the printable meeting report.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::debounce::use_debouncer;
use crate::app::download::download;
use crate::app::opened::use_opened;
use crate::app::route::Route;
use crate::app::state::{now, today, use_assess};
use crate::core::bank::DimensionId;
use crate::core::career::catalog::{RoleId, SkillId};
use crate::core::career::gap::gap;
use crate::core::career::person::Person;
use crate::core::career::plan::{plan, Step};
use crate::core::result_file::ResultFile;
use crate::core::review::{
    discussion_prompts, side_by_side, topics_side_by_side, Agreement, MentorReview, RatingRow,
    TopicRow, TOPIC_LEVELS,
};
use crate::core::score::{score, Band, ConfidenceLevel};

/// How a typed text changes the review.
type Apply = Rc<dyn Fn(&mut MentorReview, String)>;

#[derive(Properties, PartialEq)]
pub struct MentorProps {
    pub index: usize,
}

use crate::app::dom::event_value as text_of;

fn text_of_target(t: &web_sys::EventTarget) -> String {
    if let Some(i) = t.dyn_ref::<web_sys::HtmlInputElement>() {
        return i.value();
    }
    t.dyn_ref::<web_sys::HtmlTextAreaElement>()
        .map(|a| a.value())
        .unwrap_or_default()
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
            Callback::from(move |e: InputEvent| {
                let v = e.target().map(|t| text_of_target(&t)).unwrap_or_default();
                let (update, apply) = (update.clone(), apply.clone());
                debouncer.later(&key, move || update(Box::new(move |r| apply(r, v.clone()))));
            })
        };
        let onchange = {
            let (update, debouncer) = (update.clone(), debouncer.clone());
            Callback::from(move |e: Event| {
                let v = text_of(&e);
                let apply = apply.clone();
                debouncer.now(&key, || update(Box::new(move |r| apply(r, v.clone()))));
            })
        };
        (oninput, onchange)
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
    let prompts = discussion_prompts(cat, &rows, role, &gaps, profile.band);
    let topic_rows = topics_side_by_side(&profile, &review.topics);
    let confidence = &profile.confidence;
    let name = |id: &SkillId| {
        cat.skill(id)
            .map(|s| s.name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let topic_name = |id: &DimensionId| {
        bank.dimension(id)
            .map(|d| d.name.clone())
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
    let called_topics: Vec<&TopicRow> = topic_rows
        .iter()
        .filter(|r| {
            matches!(
                r.agreement,
                Agreement::BlindSpot | Agreement::HiddenStrength
            )
        })
        .collect();
    let unrated_self = file.session.skills.is_empty();

    let (name_input, name_change) = typed(
        "mentor-name".into(),
        Rc::new(|r, v| r.mentor_name = (!v.trim().is_empty()).then_some(v)),
    );
    let (overall_input, overall_change) =
        typed("mentor-overall".into(), Rc::new(|r, v| r.overall = v));
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
            <p>{ format!("Rate {label} on the same skills and the same levels {label} used, each described by what a person has actually done. Rate from what you have seen. Differences of two levels or more are called out below.") }</p>
            if unrated_self {
                <p class="notice warn">{ format!("{label} has not rated any skills in what you opened, so blind spots cannot be found yet: your ratings have nothing to be compared with. Ask {label} for the result file (or a new share link) after rating the skills.") }</p>
            }
            <div class="field">
                <label for="mentor-name">{ "Your name (optional)" }</label>
                <input id="mentor-name" type="text" value={review.mentor_name.clone().unwrap_or_default()} oninput={name_input} onchange={name_change} />
            </div>
            if !called.is_empty() || !called_topics.is_empty() {
                <ul class="callouts" aria-label="Where your views differ">
                    { for called.iter().map(|r| {
                        let (kind, what) = match r.agreement {
                            Agreement::BlindSpot => ("Blind spot", "you rate lower"),
                            _ => ("Hidden strength", "you rate higher"),
                        };
                        html! { <li class={if r.agreement == Agreement::BlindSpot { "blind-spot" } else { "hidden-strength" }}>
                            <strong>{ format!("{kind}: {}", name(&r.skill)) }</strong>
                            { format!(" — {label} says level {}, {what}: level {}.", r.own.unwrap_or(0), r.mentor.unwrap_or(0)) }
                        </li> }
                    }) }
                    { for called_topics.iter().map(|r| {
                        let (kind, what) = match r.agreement {
                            Agreement::BlindSpot => ("Blind spot (topic)", "you see less"),
                            _ => ("Hidden strength (topic)", "you see more"),
                        };
                        let level = |l: Option<u8>| l.and_then(|l| TOPIC_LEVELS.get(usize::from(l))).copied().unwrap_or("–").to_lowercase();
                        html! { <li class={if r.agreement == Agreement::BlindSpot { "blind-spot" } else { "hidden-strength" }}>
                            <strong>{ format!("{kind}: {}", topic_name(&r.dimension)) }</strong>
                            { format!(" — {label}'s answers say {}, {what}: {}.", level(r.own), level(r.mentor)) }
                        </li> }
                    }) }
                </ul>
            }
            <h3>{ format!("Skills: {label}'s rating and yours") }</h3>
            <ul class="mentor-skills">
                { for rows.iter().map(|r| {
                    let sid = r.skill.clone();
                    let skill = cat.skill(&sid);
                    let skill_name = name(&sid);
                    let level_text = |l: u8| skill.and_then(|s| s.levels.get(usize::from(l))).cloned().unwrap_or_default();
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
                    let sid_note = sid.clone();
                    let (note_input, note_change) = typed(format!("note-{sid}"), Rc::new(move |rv, v| {
                        if v.trim().is_empty() { rv.skill_notes.remove(&sid_note); } else { rv.skill_notes.insert(sid_note.clone(), v); }
                    }));
                    let flag = match r.agreement {
                        Agreement::BlindSpot => " (blind spot)",
                        Agreement::HiddenStrength => " (hidden strength)",
                        _ => "",
                    };
                    let rate_id = format!("rate-{sid}");
                    let note_id = format!("note-{sid}");
                    html! {
                        <li class={classes!("mentor-skill", match r.agreement { Agreement::BlindSpot => "blind-spot", Agreement::HiddenStrength => "hidden-strength", _ => "" })}>
                            <h4>{ skill_name.clone() }{ flag }</h4>
                            <p class="muted">{ match r.own {
                                Some(l) => format!("{label}'s rating: level {l}, “{}”", level_text(l)),
                                None => format!("{label} has not rated this skill."),
                            } }</p>
                            <div class="field">
                                <label for={rate_id.clone()}>{ format!("Your rating of {label} for {skill_name}") }</label>
                                <select id={rate_id} onchange={on_rate}>
                                    <option value="" selected={r.mentor.is_none()}>{ "Not rated" }</option>
                                    { for (0..=4u8).map(|l| html! { <option value={l.to_string()} selected={r.mentor == Some(l)}>{ format!("Level {l}: {}", level_text(l)) }</option> }) }
                                </select>
                            </div>
                            <div class="field">
                                <label for={note_id.clone()}>{ format!("Note on {skill_name}") }</label>
                                <input id={note_id} type="text" value={review.skill_notes.get(&sid).cloned().unwrap_or_default()} oninput={note_input} onchange={note_change} />
                            </div>
                        </li>
                    }
                }) }
            </ul>
            <h3>{ format!("Topics: how {label}'s answers came out, and how you see {label} (optional)") }</h3>
            <p class="muted">{ format!("Each topic from the questionnaire, on five points from “not at all like them” to “very much like them”. {label}'s answers are placed on the same points (each 20 points of the 0–100 score is one point).") }</p>
            <ul class="mentor-topics">
                { for topic_rows.iter().map(|t| {
                    let did = t.dimension.clone();
                    let tname = topic_name(&did);
                    let on_topic = {
                        let update = update.clone();
                        let did = did.clone();
                        Callback::from(move |e: Event| {
                            let v = text_of(&e).parse::<u8>().ok();
                            let did = did.clone();
                            update(Box::new(move |rv| match v {
                                Some(l) => { rv.topics.insert(did.clone(), l.min(4)); }
                                None => { rv.topics.remove(&did); }
                            }));
                        })
                    };
                    let id = format!("topic-{did}");
                    html! {
                        <li class={classes!("mentor-skill", match t.agreement { Agreement::BlindSpot => "blind-spot", Agreement::HiddenStrength => "hidden-strength", _ => "" })}>
                            <h4>{ tname.clone() }</h4>
                            <p class="muted">{ match (t.score, t.own) {
                                (Some(s), Some(l)) => format!("{label}'s answers: {s:.0} of 100, “{}”.", TOPIC_LEVELS.get(usize::from(l)).copied().unwrap_or_default().to_lowercase()),
                                _ => format!("{label}'s answers do not say enough about this topic."),
                            } }</p>
                            <div class="field">
                                <label for={id.clone()}>{ format!("Your view of {label}: {tname}") }</label>
                                <select id={id} onchange={on_topic}>
                                    <option value="" selected={t.mentor.is_none()}>{ "No view" }</option>
                                    { for TOPIC_LEVELS.iter().enumerate().map(|(l, text)| html! { <option value={l.to_string()} selected={t.mentor == Some(l as u8)}>{ *text }</option> }) }
                                </select>
                            </div>
                        </li>
                    }
                }) }
            </ul>
            <h3>{ "Questions for the conversation" }</h3>
            <p class="mentor-confidence">{ format!(
                "How firm the track result is: {} — a retake would give the same track {} times.{}",
                crate::app::pages::results::level_name(confidence.level),
                confidence.in_words(),
                if confidence.level == crate::core::score::ConfidenceLevel::High { "" } else { " Treat the track as a question to explore together, not a finding." }
            ) }</p>
            <p class="muted">{ format!("To ask {label}; they speak to {label} directly.") }</p>
            <ul class="prompts">{ for prompts.iter().map(|p| html! { <li>{ p.clone() }</li> }) }</ul>
            <div class="field">
                <label for="mentor-overall">{ "Overall note" }</label>
                <textarea id="mentor-overall" rows="4" value={review.overall.clone()} oninput={overall_input} onchange={overall_change} />
            </div>
            <div class="actions">
                <button type="button" onclick={on_export}>{ format!("Download the review for {label}") }</button>
                <a class="button secondary" href={Route::Report(props.index).href()}>{ "Meeting report" }</a>
            </div>
            <p role="status" class="muted">{ (*message).clone().unwrap_or_default() }</p>
        </section>
    }
}

/// One printable report for the meeting, two A4 pages: the result, the gap,
/// the top blind spots and hidden strengths on the first; the questions,
/// the next three steps and space for notes on the second. Readable in
/// black and white.
#[component]
pub fn MeetingReport(props: &MentorProps) -> Html {
    let state = use_assess();
    let opened = use_opened();
    let Some(file): Option<ResultFile> = opened.get(props.index).cloned() else {
        return html! { <section class="panel" role="alert"><h1>{ "This opened result is no longer here" }</h1></section> };
    };
    let cat = &state.content.catalog;
    let bank = &state.content.bank;
    let label = file.label("This person");
    let role = file
        .session
        .role
        .as_ref()
        .and_then(|r: &RoleId| cat.role(r));
    let review = file.review.clone().unwrap_or_default();
    let rows = side_by_side(cat, &file.session.skills, &review.ratings);
    let profile = score(bank, &file.session.answers);
    let topic_rows = topics_side_by_side(&profile, &review.topics);
    let name = |id: &SkillId| {
        cat.skill(id)
            .map(|s| s.name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let topic_name = |id: &DimensionId| {
        bank.dimension(id)
            .map(|d| d.name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let on_print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let today = today();
    let track = match profile.band {
        Band::Management => &bank.tracks.management,
        Band::Hybrid => &bank.tracks.hybrid,
        Band::Technical => &bank.tracks.technical,
    };
    let direction = if profile.leaning >= 0.0 {
        "management"
    } else {
        "technical"
    };
    let gap_report = role.map(|r| gap(cat, r, &file.session.skills));
    let gaps: Vec<SkillId> = gap_report
        .as_ref()
        .map(|g| {
            g.rows
                .iter()
                .filter(|r| r.gap > 0)
                .map(|r| r.skill.clone())
                .collect()
        })
        .unwrap_or_default();
    let prompts = discussion_prompts(cat, &rows, role, &gaps, profile.band);
    // The differences worth the meeting's time: skills first, largest
    // difference first, three of each kind.
    let mut differences: Vec<(String, Agreement, String)> = Vec::new();
    for kind in [Agreement::BlindSpot, Agreement::HiddenStrength] {
        let mut skill_rows: Vec<&RatingRow> = rows.iter().filter(|r| r.agreement == kind).collect();
        skill_rows.sort_by_key(|r| {
            std::cmp::Reverse(
                (i16::from(r.mentor.unwrap_or(0)) - i16::from(r.own.unwrap_or(0))).abs(),
            )
        });
        let topics = topic_rows.iter().filter(|t| t.agreement == kind);
        let mut items: Vec<(String, Agreement, String)> = skill_rows
            .iter()
            .map(|r| {
                let note = review
                    .skill_notes
                    .get(&r.skill)
                    .map(|n| format!(" Note: {n}"))
                    .unwrap_or_default();
                (
                    name(&r.skill),
                    kind,
                    format!(
                        "{label} says level {}, the mentor {}.{note}",
                        r.own.unwrap_or(0),
                        r.mentor.unwrap_or(0)
                    ),
                )
            })
            .chain(topics.map(|t| {
                let level = |l: Option<u8>| {
                    l.and_then(|l| TOPIC_LEVELS.get(usize::from(l)))
                        .copied()
                        .unwrap_or("–")
                        .to_lowercase()
                };
                (
                    format!("{} (topic)", topic_name(&t.dimension)),
                    kind,
                    format!(
                        "{label}'s answers: {}; the mentor: {}.",
                        level(t.own),
                        level(t.mentor)
                    ),
                )
            }))
            .collect();
        items.truncate(3);
        differences.append(&mut items);
    }
    let steps: Vec<Step> = role
        .map(|role| {
            let s = &file.session.plan;
            let c = s.constraints(s.start_or(today));
            plan(
                cat,
                role,
                Person {
                    skills: &file.session.skills,
                    experience: &file.session.experience,
                    held: &file.session.held,
                },
                &c,
                &s.choices,
            )
            .steps()
            .take(3)
            .cloned()
            .collect()
        })
        .unwrap_or_default();
    let level_name = match profile.confidence.level {
        ConfidenceLevel::High => "high",
        ConfidenceLevel::Medium => "medium",
        ConfidenceLevel::Low => "low",
    };
    html! {
        <article class="report" aria-labelledby="report-title">
            <h1 id="report-title">{ format!("Meeting report: {label}") }</h1>
            <p class="muted">{ format!("Prepared {today}{}.", review.mentor_name.as_deref().map(|m| format!(" by {m}")).unwrap_or_default()) }</p>
            <div class="actions no-print">
                <button type="button" onclick={on_print}>{ "Print the report" }</button>
                <a class="button secondary" href={Route::Opened(props.index).href()}>{ "Back to the review" }</a>
            </div>
            <section class="report-section" aria-labelledby="r-result">
                <h2 id="r-result">{ format!("Result: {}", track.name) }</h2>
                <p>{ format!(
                    "{label}'s answers lean {:.0} points toward {direction}, out of 100 ({} of {} questions answered; confidence {level_name}, {:.0} of 100).",
                    profile.leaning.abs(), profile.answered, profile.total, profile.confidence.value
                ) }</p>
                <table class="compact">
                    <caption>{ "Topics: their answers (0–100) and the mentor's view" }</caption>
                    <thead><tr><th scope="col">{ "Topic" }</th><th scope="col">{ "Answers" }</th><th scope="col">{ "Mentor's view" }</th></tr></thead>
                    <tbody>{ for topic_rows.iter().map(|t| html! {
                        <tr>
                            <th scope="row">{ topic_name(&t.dimension) }</th>
                            <td>{ t.score.map(|s| format!("{s:.0}")).unwrap_or_else(|| "–".into()) }</td>
                            <td>{ t.mentor.and_then(|l| TOPIC_LEVELS.get(usize::from(l))).copied().unwrap_or("–") }</td>
                        </tr>
                    }) }</tbody>
                </table>
            </section>
            if let (Some(role), Some(g)) = (role, gap_report.as_ref()) {
                <section class="report-section" aria-labelledby="r-gap">
                    <h2 id="r-gap">{ format!("Gap to {}", role.name) }</h2>
                    <p>{ format!("{label}'s self-rated skills meet {:.0}% of what the role asks, weighted by importance.", g.fit) }</p>
                    if g.rows.iter().any(|r| r.gap > 0) {
                        <table class="compact">
                            <caption>{ "The largest gaps (levels 0–4)" }</caption>
                            <thead><tr><th scope="col">{ "Skill" }</th><th scope="col">{ "Now" }</th><th scope="col">{ "Role" }</th><th scope="col">{ "Mentor" }</th></tr></thead>
                            <tbody>{ for g.rows.iter().filter(|r| r.gap > 0).take(6).map(|r| html! {
                                <tr><th scope="row">{ name(&r.skill) }</th><td>{ r.current.to_string() }</td><td>{ r.required.to_string() }</td>
                                    <td>{ review.ratings.get(&r.skill).map(|l| l.to_string()).unwrap_or_else(|| "–".into()) }</td></tr>
                            }) }</tbody>
                        </table>
                    }
                </section>
            }
            <section class="report-section" aria-labelledby="r-diff">
                <h2 id="r-diff">{ "Blind spots and hidden strengths" }</h2>
                if differences.is_empty() {
                    <p>{ "No rating of the mentor's differs from the mentee's by two levels or more." }</p>
                } else {
                    <ul class="callouts">
                        { for differences.iter().map(|(what, kind, text)| html! {
                            <li><strong>{ format!("{}: {what}", if *kind == Agreement::BlindSpot { "Blind spot" } else { "Hidden strength" }) }</strong>{ format!(" — {text}") }</li>
                        }) }
                    </ul>
                }
            </section>
            <section class="report-section page-two" aria-labelledby="r-questions">
                <h2 id="r-questions">{ "Questions for the conversation" }</h2>
                <ol>{ for prompts.iter().take(8).map(|p| html! { <li>{ p.clone() }</li> }) }</ol>
            </section>
            <section class="report-section" aria-labelledby="r-steps">
                <h2 id="r-steps">{ "The next three steps" }</h2>
                if steps.is_empty() {
                    <p>{ format!("{label} has not chosen a target role, so there is no roadmap yet.") }</p>
                } else {
                    <ol>{ for steps.iter().map(|st| html! {
                        <li><strong>{ st.name.clone() }</strong>{ format!(" — {} to {}{}.", st.start, st.end, st.exam_date.map(|d| format!(", exam {d}")).unwrap_or_default()) }</li>
                    }) }</ol>
                }
            </section>
            <section class="report-section" aria-labelledby="r-notes">
                <h2 id="r-notes">{ "Notes" }</h2>
                <p><strong>{ format!("{label}'s notes: ") }</strong><span class="preserve">{ if file.session.notes.is_empty() { "None.".to_owned() } else { file.session.notes.clone() } }</span></p>
                <p><strong>{ "Mentor's notes: " }</strong><span class="preserve">{ if review.overall.is_empty() { "None.".to_owned() } else { review.overall.clone() } }</span></p>
                <p class="lines-title"><strong>{ "Notes from the meeting:" }</strong></p>
                <div class="note-lines" aria-hidden="true">{ for (0..10).map(|_| html! { <div class="note-line"></div> }) }</div>
            </section>
        </article>
    }
}
