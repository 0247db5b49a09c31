//! A program's `crossroads.json`: good settings load; each mistake is named
//! with its JSON path.

use crossroads::core::config::{contrast, Config};

#[test]
fn a_full_config_loads() {
    let c = Config::from_json(
        r##"{"name": "Acme IT Academy", "logo": "img/logo.svg", "accent": "#7a1f5c",
            "welcome": "Cohort 12: finish before Friday's session.",
            "content": {"bank": "acme-bank.json"}}"##,
    )
    .unwrap();
    assert_eq!(c.content.named(), vec![("bank", "acme-bank.json")]);
}

#[test]
fn an_empty_config_is_fine() {
    assert_eq!(Config::from_json("{}").unwrap(), Config::default());
}

#[test]
fn each_mistake_is_named() {
    for (text, expected) in [
        (
            r##"{"accent": "purple"}"##,
            "crossroads.json: accent: \"purple\" is not a colour",
        ),
        (
            r##"{"accent": "#ffcc00"}"##,
            "crossroads.json: accent: white text on #ffcc00 has a contrast of 1.5:1",
        ),
        (
            r##"{"logo": "https://cdn.example.com/logo.png"}"##,
            "crossroads.json: logo: \"https://cdn.example.com/logo.png\" must be a relative path",
        ),
        (
            r##"{"content": {"bank": "../secrets.json"}}"##,
            "crossroads.json: content.bank: \"../secrets.json\" must be a relative path",
        ),
        (
            r##"{"logo": " //evil.example/x.png"}"##,
            "crossroads.json: logo: \" //evil.example/x.png\" must be a relative path",
        ),
        (
            r##"{"logo": "\t//evil.example/x.png"}"##,
            "crossroads.json: logo: \"\u{FFFD}//evil.example/x.png\" must be a relative path",
        ),
        (
            r##"{"content": {"bank": "\n//evil.example/bank.json"}}"##,
            "crossroads.json: content.bank: \"\u{FFFD}//evil.example/bank.json\" must be a relative path",
        ),
        (
            r##"{"content": {"bank": "%2e%2e/secrets.json"}}"##,
            "crossroads.json: content.bank: \"%2e%2e/secrets.json\" must be a relative path",
        ),
        (
            r##"{"content": {"bank": "content//bank.json"}}"##,
            "crossroads.json: content.bank: \"content//bank.json\" must be a relative path",
        ),
        (
            r##"{"logo": "logo.png?x=//evil"}"##,
            "crossroads.json: logo: \"logo.png?x=//evil\" must be a relative path",
        ),
        (
            r##"{"content": {"roles": "roles.yaml"}}"##,
            "crossroads.json: content.roles: \"roles.yaml\" should be a .json file",
        ),
        (
            r##"{"content": {"bnak": "x.json"}}"##,
            "crossroads.json: content.bnak: unknown field `bnak`",
        ),
        (
            r##"{"name": "  "}"##,
            "crossroads.json: name: the text is empty",
        ),
        (
            r##"{"name": 3}"##,
            "crossroads.json: name: invalid type: integer `3`",
        ),
    ] {
        let problems: Vec<String> = Config::from_json(text)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(
            problems.iter().any(|p| p.starts_with(expected)),
            "{text}: expected {expected:?}, got {problems:?}"
        );
    }
}

#[test]
fn contrast_matches_wcag_reference_values() {
    assert!((contrast((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 0.01);
    assert!((contrast((0x1f, 0x4e, 0x79), (255, 255, 255)) - 8.66).abs() < 0.05);
}
