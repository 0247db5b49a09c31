//! One questionnaire topic in the mentor's panel: how the mentee's answers
//! came out, and the mentor's view of the mentee on the same five points.

use yew::prelude::*;

use super::agreement_class;
use crate::app::dom::event_value;
use crate::core::bank::DimensionId;
use crate::core::review::{TopicRow, TOPIC_LEVELS};

#[derive(Properties, PartialEq)]
pub struct TopicViewProps {
    /// The mentee, as the panel names them.
    pub label: AttrValue,
    pub row: TopicRow,
    /// The topic's name in the bank.
    pub name: AttrValue,
    /// A view chosen: the topic, and its point or `None` for "No view".
    pub onview: Callback<(DimensionId, Option<u8>)>,
}

#[component]
pub fn TopicView(props: &TopicViewProps) -> Html {
    let TopicViewProps {
        label,
        row: t,
        name: tname,
        ..
    } = props;
    let on_topic = {
        let did = t.dimension.clone();
        props
            .onview
            .reform(move |e: Event| (did.clone(), event_value(&e).parse::<u8>().ok()))
    };
    let id = format!("topic-{}", t.dimension);
    html! {
        <li class={classes!("mentor-skill", agreement_class(t.agreement))}>
            <h4>{ tname.clone() }</h4>
            <p class="muted">{ match (t.score, t.own) {
                (Some(s), Some(l)) => format!("{label}'s answers: {s_0} of 100, “{}”.", TOPIC_LEVELS.get(usize::from(l)).copied().unwrap_or_default().to_ascii_lowercase(), s_0 = crate::core::text::fixed(s, 0)),
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
}
