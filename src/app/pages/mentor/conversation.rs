//! The questions the mentor is offered for the conversation, after how firm
//! the track result is.

use yew::prelude::*;

use crate::core::score::{Confidence, ConfidenceLevel};

pub fn conversation(label: &str, confidence: &Confidence, prompts: &[String]) -> Html {
    html! {
        <>
            <h3>{ "Questions for the conversation" }</h3>
            <p class="mentor-confidence">{ format!(
                "How firm the track result is: {} — a retake would give the same track {} times.{}",
                crate::app::pages::results::level_name(confidence.level),
                confidence.in_words(),
                if confidence.level == ConfidenceLevel::High { "" } else { " Treat the track as a question to explore together, not a finding." }
            ) }</p>
            <p class="muted">{ format!("To ask {label}; they speak to {label} directly.") }</p>
            <ul class="prompts">{ for prompts.iter().map(|p| html! { <li>{ p.clone() }</li> }) }</ul>
        </>
    }
}
