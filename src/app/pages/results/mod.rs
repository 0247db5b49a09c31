//! The result ([`ResultView`], for the person's own answers or anyone
//! else's): in order, a note when the questionnaire has changed
//! ([`QuestionnaireChanged`]), where the person leans and how sure that is
//! ([`Headline`]), the score on each topic ([`TopicScores`]), the answers
//! that weighed most ([`Why`]), what each topic ([`TopicMeanings`]) and
//! each track ([`TrackCards`]) means, and where to go next ([`NextStep`]).

mod headline;
mod next_step;
mod questionnaire_changed;
mod topic_meanings;
mod topic_scores;
mod track_cards;
mod why;

use std::rc::Rc;

use yew::prelude::*;

use crate::app::route::Route;
use crate::app::state::use_assess;
use crate::core::bank::Track;
use crate::core::content::Content;
use crate::core::score::{score, ConfidenceLevel};
use crate::core::session::Session;
use crate::core::text::third_person;

use headline::Headline;
use next_step::NextStep;
use questionnaire_changed::QuestionnaireChanged;
use topic_meanings::TopicMeanings;
use topic_scores::TopicScores;
use track_cards::TrackCards;
use why::Why;

#[component]
pub fn Results() -> Html {
    let state = use_assess();
    let session = use_memo(state.session.clone(), |s| s.clone());
    html! {
        <>
            <ResultView content={state.content.clone()} session={session} whose={Whose::Own} />
            <crate::app::components::export::ExportPanel />
        </>
    }
}

/// Whose result is on screen.
#[derive(Clone, PartialEq)]
pub enum Whose {
    /// The person's own work, from this browser.
    Own,
    /// Someone else's, opened from a file or a link (read-only).
    Other(AttrValue),
}

#[derive(Properties, PartialEq)]
pub struct ResultViewProps {
    pub content: Rc<Content>,
    pub session: Rc<Session>,
    pub whose: Whose,
}

/// A scored, explained result for any session.
#[component]
pub fn ResultView(props: &ResultViewProps) -> Html {
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let bank = &props.content.bank;
    let own = props.whose == Whose::Own;
    let owner = AttrValue::from(match &props.whose {
        Whose::Own => "Your".to_owned(),
        Whose::Other(name) => format!("{name}'s"),
    });
    let answered = bank
        .items
        .iter()
        .filter(|i| props.session.answers.contains_key(i.id()))
        .count();
    if answered == 0 {
        return html! {
            <section class="panel" aria-labelledby="results-title">
                <h1 id="results-title" tabindex="-1" ref={heading}>{ "No result yet" }</h1>
                <p>{ match &props.whose {
                    Whose::Own => "Answer at least some of the questions to see where you lean.".to_owned(),
                    Whose::Other(name) => format!("{name} has answered none of this questionnaire's questions, so there is no leaning to show yet."),
                } }</p>
                if own {
                    <a class="button" href={Route::Questions.href()}>{ "Go to the questionnaire" }</a>
                }
            </section>
        };
    }
    let profile = Rc::new(score(bank, &props.session.answers));
    let track_info = bank.track_info(profile.band);
    let changes = props.session.changes(bank);

    html! {
        <article class="results" aria-labelledby="results-title">
            <h1 id="results-title" tabindex="-1" ref={heading}>{ format!("{owner} result: ") }{ &track_info.name }</h1>
            if let Some(c) = changes {
                <QuestionnaireChanged changes={Rc::new(c)} content={props.content.clone()} own={own} />
            }
            if !props.session.finished {
                <p class="notice warn">{ format!("This is a provisional result: {} of {} questions answered.", profile.answered, profile.total) }
                    if own { { " " }<a href={Route::Questions.href()}>{ "Continue the questionnaire" }</a> }</p>
            }
            <Headline profile={profile.clone()} content={props.content.clone()} own={own} />
            <TopicScores profile={profile.clone()} content={props.content.clone()} owner={owner} />
            <Why profile={profile.clone()} content={props.content.clone()} session={props.session.clone()} own={own} />
            <TopicMeanings profile={profile.clone()} content={props.content.clone()} own={own} />
            <TrackCards content={props.content.clone()} band={profile.band} own={own} />
            <NextStep own={own} />
        </article>
    }
}

/// `text`, written about "you", as it is shown: unchanged on the person's
/// own result, in the third person on someone else's (a mentor reading it
/// sees "Their answers lean…", not "Your answers lean…").
fn voiced(own: bool, text: &str) -> String {
    if own {
        text.to_owned()
    } else {
        third_person(text)
    }
}

/// The track a topic points to, as the table and the topic notes name it.
fn track_name(t: Track) -> &'static str {
    match t {
        Track::Management => "Management",
        Track::Technical => "Technical",
        Track::Hybrid | Track::Neither => "Not counted",
    }
}

/// The confidence level as a word.
pub fn level_name(level: ConfidenceLevel) -> &'static str {
    match level {
        ConfidenceLevel::High => "High",
        ConfidenceLevel::Medium => "Medium",
        ConfidenceLevel::Low => "Low",
    }
}
