//! A mentor's review: blind spots and hidden strengths at two levels apart,
//! prompts drawn from content data, and the review survives a file round trip.

mod common;

use crossroads::core::bank::DimensionId;
use crossroads::core::career::catalog::SkillId;
use crossroads::core::career::person::SkillRatings;
use crossroads::core::content::Content;
use crossroads::core::result_file::{import, ResultFile};
use crossroads::core::review::{discussion_prompts, side_by_side, Agreement, MentorReview};
use crossroads::core::score::Band;
use crossroads::core::session::Session;

fn ratings(pairs: &[(&str, u8)]) -> SkillRatings {
    pairs
        .iter()
        .map(|(s, l)| (SkillId((*s).into()), *l))
        .collect()
}

#[test]
fn two_levels_apart_is_a_blind_spot_or_a_hidden_strength() {
    let cat = common::catalog();
    let own = ratings(&[
        ("networking", 4),
        ("negotiation", 1),
        ("communication", 2),
        ("databases", 3),
    ]);
    let mentor = ratings(&[("networking", 2), ("negotiation", 3), ("communication", 3)]);
    let rows = side_by_side(&cat, &own, &mentor);
    let of = |id: &str| {
        rows.iter()
            .find(|r| r.skill.as_str() == id)
            .unwrap()
            .agreement
    };
    assert_eq!(of("networking"), Agreement::BlindSpot);
    assert_eq!(of("negotiation"), Agreement::HiddenStrength);
    assert_eq!(of("communication"), Agreement::Close);
    assert_eq!(of("databases"), Agreement::Unrated);
    assert_eq!(rows.len(), cat.skills.len());
}

#[test]
fn with_no_answer_scored_the_prompts_ask_nothing_about_the_track() {
    use crossroads::core::career::catalog::PromptWhen;
    let cat = common::catalog();
    let track_prompts: Vec<&str> = cat
        .prompts
        .iter()
        .filter(|p| matches!(p.when, PromptWhen::Hybrid | PromptWhen::TrackDecision))
        .map(|p| p.text.as_str())
        .collect();
    assert!(!track_prompts.is_empty());
    let rows = side_by_side(&cat, &ratings(&[]), &ratings(&[]));
    let asked = |band| discussion_prompts(&cat, &rows, cat.roles.first(), &[], band);
    // A middle result is a finding, and gets its question…
    assert!(asked(Some(Band::Hybrid))
        .iter()
        .any(|p| track_prompts.contains(&p.as_str())));
    // …but no answer scored is no result: a mentee whose answers were all
    // to retired questions was asked which half of a team lead's job they
    // would protect.
    let none = asked(None);
    assert!(!none.is_empty(), "the general prompt is still there");
    assert!(
        none.iter().all(|p| !track_prompts.contains(&p.as_str())),
        "{none:?}"
    );
}

#[test]
fn prompts_come_from_content_and_name_the_skill() {
    let cat = common::catalog();
    let rows = side_by_side(
        &cat,
        &ratings(&[("networking", 4)]),
        &ratings(&[("networking", 1)]),
    );
    let role = cat.roles.first();
    let prompts = discussion_prompts(
        &cat,
        &rows,
        role,
        &[SkillId("financial_management".into())],
        Some(Band::Hybrid),
    );
    assert!(prompts.len() >= 3, "{prompts:?}");
    assert!(
        prompts.iter().all(|p| !p.contains('{')),
        "placeholders filled: {prompts:?}"
    );
    assert!(prompts[0].contains("Networking"), "{prompts:?}");
    // Every prompt is one of the content's templates, filled in.
    for p in &prompts {
        assert!(
            cat.prompts.iter().any(|t| {
                let head: String = t.text.split('{').next().unwrap_or_default().to_owned();
                p.starts_with(&head)
            }),
            "{p} is not from prompts.json"
        );
    }
}

#[test]
fn a_review_round_trips_through_the_result_file() {
    let content = common::content().clone();
    let mut file = ResultFile::new(Session::new(&content.bank, "2026-11-28"));
    file.review = Some(MentorReview {
        mentor_name: Some("Dana <mentor>".into()),
        ratings: ratings(&[("networking", 2)]),
        skill_notes: [(
            SkillId("networking".into()),
            "Ask about the VLAN outage".into(),
        )]
        .into(),
        overall: "Strong start; let's talk budgets.".into(),
        topics: [(DimensionId("people_orientation".into()), 3)].into(),
    });
    let text = file.to_json();
    let back = import(&text, &content.bank).unwrap();
    assert_eq!(back.file, file);
    assert_eq!(back.file.to_json(), text);
}

/// Ratings outside 0–4 (refused on import; this is the last guard) are no
/// rating at all, never a difference of a hundred levels.
#[test]
fn a_rating_out_of_range_is_not_a_hidden_strength() {
    let cat = common::catalog();
    let rows = side_by_side(
        &cat,
        &ratings(&[("negotiation", 1), ("networking", 255)]),
        &ratings(&[("negotiation", 128), ("networking", 0)]),
    );
    for id in ["negotiation", "networking"] {
        let row = rows.iter().find(|r| r.skill.as_str() == id).unwrap();
        assert_eq!(row.agreement, Agreement::Unrated, "{id}");
    }
}

#[test]
fn topic_views_use_the_same_blind_spot_rule_as_skills() {
    use crossroads::core::review::{topic_level, topics_side_by_side, Agreement};
    use crossroads::core::score::score;
    let content = Content::builtin().unwrap();
    let bank = &content.bank;
    // Agree with every statement that leans management: high scores there.
    let mut s = Session::new(bank, "2026-11-28");
    for item in &bank.items {
        if let crossroads::core::bank::Item::Likert(_) = item {
            s.answers.insert(
                item.id().clone(),
                crossroads::core::score::Response::Likert(5),
            );
        }
    }
    let profile = score(bank, &s.answers);
    let first = &profile.dimensions[0];
    let own = topic_level(first.score.unwrap());
    let mut mentor = crossroads::core::map::Map::new();
    // Two points below the mentee's own view: a blind spot; two above: a
    // hidden strength; one apart: close; not rated: unrated.
    let rows = |m: &crossroads::core::map::Map<DimensionId, u8>| topics_side_by_side(&profile, m);
    assert_eq!(rows(&mentor)[0].agreement, Agreement::Unrated);
    if own >= 2 {
        mentor.insert(first.id.clone(), own - 2);
        assert_eq!(rows(&mentor)[0].agreement, Agreement::BlindSpot);
    }
    if own <= 2 {
        mentor.insert(first.id.clone(), own + 2);
        assert_eq!(rows(&mentor)[0].agreement, Agreement::HiddenStrength);
    }
    mentor.insert(
        first.id.clone(),
        own.saturating_sub(1).max(if own == 0 { 1 } else { 0 }),
    );
    assert_eq!(rows(&mentor)[0].agreement, Agreement::Close);
    for (score, level) in [
        (0.0, 0),
        (19.9, 0),
        (20.0, 1),
        (50.0, 2),
        (79.0, 3),
        (80.0, 4),
        (100.0, 4),
        (f64::NAN, 2),
    ] {
        assert_eq!(topic_level(score), level, "{score}");
    }
}

#[test]
fn mentor_facing_text_speaks_about_the_mentee() {
    use crossroads::core::text::third_person;
    for (before, after) in [
        (
            "Your answers lean toward leading people.",
            "Their answers lean toward leading people.",
        ),
        (
            "Roles such as IT manager may suit you.",
            "Roles such as IT manager may suit them.",
        ),
        (
            "You seem to enjoy planning, and you care about budgets.",
            "They seem to enjoy planning, and they care about budgets.",
        ),
        (
            "deep skill is what you bring",
            "deep skill is what they bring",
        ),
        (
            "You skipped or have not reached 3 of 60 questions.",
            "They skipped or have not reached 3 of 60 questions.",
        ),
        (
            "keeping your technical skills sharp",
            "keeping their technical skills sharp",
        ),
        (
            "Younger teams, layout, youth",
            "Younger teams, layout, youth",
        ),
        (
            "A café crew trusts you, and you’re its naïve lead.",
            "A café crew trusts them, and they're its naïve lead.",
        ),
        // "you" as an object inside a clause: after a preposition or a
        // verb that takes a person, or before a word no subject precedes.
        (
            "A role that keeps you hands-on while you also guide a team may suit you well.",
            "A role that keeps them hands-on while they also guide a team may suit them well.",
        ),
        (
            "The better you do, the more employers see you only in that role.",
            "The better they do, the more employers see them only in that role.",
        ),
        (
            "Neither track pulls strongly on you yet. Who has seen you use it, and would they give you the same rating?",
            "Neither track pulls strongly on them yet. Who has seen them use it, and would they give them the same rating?",
        ),
        (
            "Ask to let you test controls. What makes you discount it? Do you own a budget?",
            "Ask to let them test controls. What makes them discount it? Do they own a budget?",
        ),
    ] {
        assert_eq!(third_person(before), after);
    }
    // The shipped texts a mentor reads turned never put "they" where an
    // object belongs.
    let content = Content::builtin().unwrap();
    let bank = &content.bank;
    let mut voiced: Vec<&str> = vec![&bank.switching_note];
    for t in [
        &bank.tracks.management,
        &bank.tracks.hybrid,
        &bank.tracks.technical,
    ] {
        voiced.push(&t.summary);
        voiced.extend(t.criteria.iter().map(String::as_str));
    }
    for d in &bank.dimensions {
        voiced.push(&d.high_means);
        voiced.push(&d.low_means);
    }
    for text in voiced {
        let turned = third_person(text);
        for wrong in [
            "keeps they",
            "suit they",
            "see they",
            "on they",
            "to they",
            "give they",
            "let they",
        ] {
            assert!(!turned.contains(wrong), "{turned}");
        }
    }
    // The shipped track texts no longer say "you" once turned.
    let bank = Content::builtin().unwrap().bank;
    for t in [
        &bank.tracks.management,
        &bank.tracks.hybrid,
        &bank.tracks.technical,
    ] {
        let turned = third_person(&t.summary).to_ascii_lowercase();
        assert!(
            !turned
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == "you" || w == "your"),
            "{turned}"
        );
    }
}

/// A mentor's rating or topic view is set capped at the top level, and
/// cleared with `None`, leaving the others as they were.
#[test]
fn a_mentor_sets_and_clears_ratings_and_topic_views() {
    let mut review = MentorReview::default();
    let (skill, other) = (SkillId("sql".into()), SkillId("itil".into()));
    review.rate(skill.clone(), Some(2));
    review.rate(other.clone(), Some(9));
    assert_eq!(review.ratings, ratings(&[("sql", 2), ("itil", 4)]));
    review.rate(skill.clone(), None);
    assert_eq!(review.ratings, ratings(&[("itil", 4)]));

    let (topic, kept) = (DimensionId("people".into()), DimensionId("depth".into()));
    review.view_topic(topic.clone(), Some(7));
    review.view_topic(kept.clone(), Some(1));
    assert_eq!(review.topics.get(&topic), Some(&4));
    review.view_topic(topic.clone(), None);
    assert_eq!(review.topics.len(), 1);
    assert_eq!(review.topics.get(&kept), Some(&1));
    assert_eq!(review.ratings, ratings(&[("itil", 4)]));
}
