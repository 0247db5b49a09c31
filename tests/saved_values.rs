//! How saved answers and experience facts read back from JSON.

use crossroads::core::bank::OptionId;
use crossroads::core::career::person::FactValue;
use crossroads::core::score::Response;

fn response(json: &str) -> Result<Response, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

fn fact(json: &str) -> Result<FactValue, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

#[test]
fn an_answer_is_a_statement_level_or_a_scenario_option() {
    assert_eq!(response("4"), Ok(Response::Likert(4)));
    assert_eq!(
        response(r#""delegate""#),
        Ok(Response::Choice(OptionId("delegate".into())))
    );
    // Out of the 1–5 range still reads (the session reports it as not
    // matching the bank), but a number that is no level at all does not.
    assert_eq!(response("9"), Ok(Response::Likert(9)));
    for bad in ["300", "-1", "2.5", "true", "null", "[1]"] {
        let err = response(bad).unwrap_err();
        assert!(
            err.contains("a number from 1 to 5, or a scenario option id"),
            "{bad}: {err}"
        );
    }
}

#[test]
fn a_fact_is_a_number_a_choice_or_a_list_of_choices() {
    assert_eq!(fact("3"), Ok(FactValue::Number(3.0)));
    assert_eq!(fact("-2"), Ok(FactValue::Number(-2.0)));
    assert_eq!(fact("2.5"), Ok(FactValue::Number(2.5)));
    assert_eq!(
        fact(r#""bachelor""#),
        Ok(FactValue::Choice("bachelor".into()))
    );
    assert_eq!(
        fact(r#"["a","b"]"#),
        Ok(FactValue::Multi(vec!["a".into(), "b".into()]))
    );
    assert!(fact("[1]").is_err());
    let err = fact("{}").unwrap_err();
    assert!(
        err.contains("a number, a choice, or a list of choices"),
        "{err}"
    );
}

#[test]
fn answers_and_facts_write_what_they_read() {
    for json in ["4", r#""delegate""#] {
        assert_eq!(
            serde_json::to_string(&response(json).unwrap()).unwrap(),
            json
        );
    }
    for json in ["2.5", r#""bachelor""#, r#"["a","b"]"#] {
        assert_eq!(serde_json::to_string(&fact(json).unwrap()).unwrap(), json);
    }
}
