//! The questions the mentor is offered for the conversation, after how firm
//! the track result is.

use yew::prelude::*;

use crate::core::score::{ConfidenceLevel, Profile};

pub fn conversation(label: &str, profile: &Profile, prompts: &[String]) -> Html {
    let confidence = &profile.confidence;
    let firmness = if profile.result_band().is_none() {
        format!("There is no track result yet: {label} has answered none of this questionnaire's questions.")
    } else {
        format!(
            "How firm the track result is: {} — {} would give the same track {} times.{}",
            crate::app::pages::results::level_name(confidence.level),
            // With questions unanswered, the chance is that of the whole
            // questionnaire answered (docs/validity.md).
            if profile.answered < profile.total {
                "answering the whole questionnaire"
            } else {
                "a retake"
            },
            confidence.in_words(),
            if confidence.level == ConfidenceLevel::High {
                ""
            } else {
                " Treat the track as a question to explore together, not a finding."
            }
        )
    };
    html! {
        <>
            <h3>{ "Questions for the conversation" }</h3>
            <p class="mentor-confidence">{ firmness }</p>
            <p class="muted">{ format!("To ask {label}; they speak to {label} directly.") }</p>
            <ul class="prompts">{ for prompts.iter().map(|p| html! { <li>{ p.clone() }</li> }) }</ul>
        </>
    }
}
