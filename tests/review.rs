//! A mentor's review: blind spots and hidden strengths at two levels apart,
//! prompts drawn from content data, and the review survives a file round trip.

mod common;

use crossroads::core::career::catalog::SkillId;
use crossroads::core::career::person::SkillRatings;
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
        Band::Hybrid,
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
