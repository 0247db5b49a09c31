//! Why this result: the answers that moved the leaning most, each with
//! what was answered and what it moved.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::bank::{Bank, Item, ItemId};
use crate::core::content::Content;
use crate::core::score::{Profile, Response};
use crate::core::session::Session;

#[derive(Properties, PartialEq)]
pub struct WhyProps {
    pub profile: Rc<Profile>,
    pub content: Rc<Content>,
    pub session: Rc<Session>,
    /// The person's own result (else someone else's, written about them).
    pub own: bool,
}

/// The answers that moved the leaning most, each with its effect.
#[component]
pub fn Why(props: &WhyProps) -> Html {
    let bank = &props.content.bank;
    let top = props.profile.weightiest(8);
    html! {
        <section class="panel" aria-labelledby="why-title">
            <h2 id="why-title">{ "Why this result" }</h2>
            <p>{ if props.own { "The answers that weighed most, strongest first. Each moved one or more topic scores, and through them your leaning." } else { "The answers that weighed most, strongest first. Each moved one or more topic scores, and through them their leaning." } }</p>
            <ol class="why">
                { for top.iter().map(|(id, leaning)| {
                    let moved: Vec<String> = props.profile.contributions.iter()
                        .filter(|c| &c.item == id)
                        .map(|c| format!("{} {}", bank.dimension(&c.dimension).map(|d| d.name.as_str()).unwrap_or("?"), crate::core::text::signed(c.points, 1)))
                        .collect();
                    html! {
                        <li>
                            <q>{ bank.item(id).map(Item::text).unwrap_or_default() }</q>
                            <span class="answer">{ format!(" {} answered: {}.", if props.own { "You" } else { "They" }, answer_text(bank, id, props.session.answers.get(id))) }</span>
                            <span class="effect">{ format!(" Moved: {}. Effect on {} leaning: {} points toward {}.",
                                moved.join(", "), if props.own { "your" } else { "their" }, crate::core::text::fixed(leaning.abs(), 1), if *leaning > 0.0 { "management" } else { "technical" }) }</span>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}

fn answer_text(bank: &Bank, id: &ItemId, r: Option<&Response>) -> String {
    match (bank.item(id), r) {
        (Some(Item::Likert(_)), Some(Response::Likert(v))) => bank
            .scale
            .get(usize::from(*v).saturating_sub(1))
            .cloned()
            .unwrap_or_default(),
        (Some(Item::Scenario(s)), Some(Response::Choice(c))) => {
            s.option(c).map(|o| o.text.clone()).unwrap_or_default()
        }
        _ => String::new(),
    }
}
