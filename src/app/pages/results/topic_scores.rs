//! The score on each topic, as a chart and as a table of the same data.

use std::rc::Rc;

use yew::prelude::*;

use super::track_name;
use crate::app::components::charts::{Bar, DimensionBars};
use crate::core::content::Content;
use crate::core::score::Profile;

#[derive(Properties, PartialEq)]
pub struct TopicScoresProps {
    pub profile: Rc<Profile>,
    pub content: Rc<Content>,
    /// Whose scores, as the heading starts: "Your", "Sam's".
    pub owner: AttrValue,
}

#[component]
pub fn TopicScores(props: &TopicScoresProps) -> Html {
    let bank = &props.content.bank;
    let profile = &*props.profile;
    let owner = &props.owner;
    let bars: Vec<Bar> = bank
        .dimensions
        .iter()
        .zip(&profile.dimensions)
        .map(|(d, s)| Bar {
            label: d.name.clone().into(),
            value: s.score,
            track: d.track,
        })
        .collect();
    html! {
        <section class="panel" aria-labelledby="dims-title">
            <h2 id="dims-title">{ format!("{owner} scores on each topic") }</h2>
            <p>{ "Each topic is scored from 0 to 100; 50 is neutral. Solid bars point to management, hatched bars to the technical track; outlined bars are topics not counted in the leaning." }</p>
            <DimensionBars bars={bars} />
            <table class="scores">
                <caption>{ "Scores by topic (the same data as the chart)" }</caption>
                <thead><tr><th scope="col">{ "Topic" }</th><th scope="col">{ "Track" }</th><th scope="col">{ "Score" }</th><th scope="col">{ "Answers" }</th></tr></thead>
                <tbody>
                    { for bank.dimensions.iter().zip(&profile.dimensions).map(|(d, s)| html! {
                        <tr>
                            <th scope="row">{ &d.name }</th>
                            <td>{ track_name(d.track) }</td>
                            <td>{ s.score.map(|v| crate::core::text::fixed(v, 0)).unwrap_or_else(|| "not enough answers".into()) }</td>
                            <td>{ format!("{} of {}", s.answered, s.total) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}
