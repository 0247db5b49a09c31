//! How the result is worked out, and the sources the content draws on.

use yew::prelude::*;

use crate::app::state::use_assess;
use crate::core::bank::{Item, Track};
use crate::core::score::{leverage, HYBRID_HALF_WIDTH};

#[component]
pub fn Method() -> Html {
    let state = use_assess();
    let bank = &state.content.bank;
    let likert = bank
        .items
        .iter()
        .filter(|i| matches!(i, Item::Likert(_)))
        .count();
    let scenarios = bank.items.len() - likert;
    let counted: Vec<f64> = leverage(bank)
        .into_iter()
        .map(|(_, l)| l)
        .filter(|l| *l > 0.0)
        .collect();
    let typical = counted.iter().sum::<f64>() / counted.len().max(1) as f64;
    let (least, most) = counted
        .iter()
        .fold((f64::MAX, 0.0f64), |(lo, hi), l| (lo.min(*l), hi.max(*l)));
    let equal = counted.is_empty() || most - least <= 0.2 * typical;
    html! {
        <article class="method" aria-labelledby="method-title">
            <h1 id="method-title">{ "How Crossroads works out your result" }</h1>
            <section class="panel" aria-labelledby="m-what">
                <h2 id="m-what">{ "What it measures" }</h2>
                <p>{ format!(
                    "The questionnaire ({} version {}) has {likert} statements you rate from \"{}\" to \"{}\", and {scenarios} workplace situations where you pick what you would most likely do. They measure {} topics:",
                    bank.title, bank.version, bank.scale.first().map(String::as_str).unwrap_or(""), bank.scale.last().map(String::as_str).unwrap_or(""), bank.dimensions.len()
                ) }</p>
                <ul>
                    { for bank.dimensions.iter().map(|d| html! {
                        <li><strong>{ &d.name }</strong>{ match d.track { Track::Management => " — points to the management track. ", Track::Technical => " — points to the technical track. ", Track::Hybrid | Track::Neither => " — not counted in the leaning. " } }{ &d.why }</li>
                    }) }
                </ul>
            </section>
            <section class="panel" aria-labelledby="m-how">
                <h2 id="m-how">{ "How the scores are computed" }</h2>
                <ul>
                    <li>{ "Each statement states one preference, habit or ability in plain words, without weighing it against another activity, so a person who likes two things can say so for both." }</li>
                    <li>{ "Each topic has as many statements written toward its low end as toward its high end. Someone who agrees with everything therefore moves no topic; no correction is applied, because with balanced statements none is needed." }</li>
                    <li>{ "A topic's score runs from 0 to 100, where 50 is neutral. It is your answers on that topic compared with the most they could have moved it." }</li>
                    <li>{ "Your leaning pools every answer on the management side and subtracts every answer on the technical side, from 100 points technical to 100 points management. " }
                        { if equal {
                            format!("Each answer, statements and situations alike, can move it by the same amount: about {typical_1} points.", typical_1 = crate::core::text::fixed(typical, 1))
                        } else {
                            format!("In this questionnaire one answer can move it by {least_1} to {most_1} points.", least_1 = crate::core::text::fixed(least, 1), most_1 = crate::core::text::fixed(most, 1))
                        } }</li>
                    <li>{ "Topics marked \"not counted\" are shown but left out of the leaning. Looking ahead to new technology suits both tracks (the source article says so), so it says nothing about which one fits. Wanting a mixed role is asked to tell apart two people who both land in the middle: one drawn to both tracks, one drawn to neither." }</li>
                    <li>{ format!("Within {HYBRID_HALF_WIDTH_0} points of the middle is the hybrid zone — roles such as team lead that are half technical and half management. The margin says how far you are from the nearest edge of a zone.", HYBRID_HALF_WIDTH_0 = crate::core::text::fixed(HYBRID_HALF_WIDTH, 0)) }</li>
                    <li>{ "Everything is computed in your browser. Nothing you enter is sent anywhere." }</li>
                </ul>
                <p>{ "This is a reflection aid, not a test: use it to start a conversation with yourself or a mentor, never to screen people." }</p>
            </section>
            <section class="panel" aria-labelledby="m-sure">
                <h2 id="m-sure">{ "How sure the result is" }</h2>
                <ul>
                    <li>{ "Each answer is read as your standing on its topic plus some noise. How much your answers on the same topic differ from each other shows how large that noise is for you; together with the number of answers it gives the leaning's standard error: how far it would typically move if you answered again." }</li>
                    <li>{ "Set against the distance from your leaning to the edges of its zone, that gives the chance that a retake lands in the same zone, said in words such as \"about 9 in 10\". High means 9 in 10 or more, medium 7 to 9 in 10, low less than 7 in 10." }</li>
                    <li>{ "Skipped questions leave fewer answers, so the range widens and the chance falls. They also leave topics unheard: the answers given are only a sample of the questionnaire, and a person's topics differ, so the unanswered questions could pull the result either way. The range allows for that too, the more so the fewer questions are answered; once every question is answered it no longer applies." }</li>
                    <li>{ "Some ways of answering say little about the person, and each lowers the confidence with a sentence saying why: the same answer to most statements, or answers that vary within a topic as much as random ones would (kept low); the middle answer to most statements, or agreeing (or disagreeing) with statements and their opposites alike (kept below high)." }</li>
                </ul>
            </section>
            <section class="panel" aria-labelledby="m-evidence">
                <h2 id="m-evidence">{ "What the evidence is, and what it is not" }</h2>
                <p>{ "The questionnaire has been checked by simulation, not yet with real people. Thousands of imaginary respondents are drawn from a stated model: each has a general pull toward one track and a standing on every topic; they answer each statement with some random noise, choose in each situation with a probability that follows their standing, and then answer everything a second time. Their results are scored by the same code as yours." }</p>
                <p>{ "The project's tests require, for the built-in questionnaire under that model: every topic consistent enough (Cronbach's alpha of .80 or more), a leaning that tracks the imaginary person's true leaning closely (correlation of .95 or more), and a confidence that keeps its word — at least 9 in 10 retakes land in the same zone for results called high, at most 7 in 10 for results called low, and answers that are random or all the same are never called high. The same holds when only an eighth, a quarter or half of the questions are answered: the chance stated stays within a few points of how often a whole retake lands in the same zone." }</p>
                <p>{ "Simulated figures show how the scoring behaves if people answer the way the model assumes. They cannot show that real people answer that way, that the statements mean the same to everyone, or that a leaning predicts how happy someone will be in a role. Only a study with real people, taking the questionnaire twice and comparing it with what they go on to do, can show that." }</p>
            </section>
            <section class="panel" aria-labelledby="m-sources">
                <h2 id="m-sources">{ "Sources" }</h2>
                <p>{ "The topics and track descriptions draw on these published articles. All questions are written for Crossroads." }</p>
                <ul class="sources">
                    { for bank.sources.iter().map(|s| html! {
                        <li>
                            <cite>{ &s.title }</cite>
                            { [s.author.as_deref(), s.publisher.as_deref(), s.date.as_deref()].into_iter().flatten().map(|x| format!(", {x}")).collect::<String>() }
                            { ". " }{ &s.used_for }
                        </li>
                    }) }
                </ul>
            </section>
        </article>
    }
}
