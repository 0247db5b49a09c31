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

/// Numbers typed into the page's fields read as the standard parser reads
/// them, for every figure a person types (up to 15 significant digits),
/// and the rest is refused as it refuses it.
#[test]
fn typed_numbers_read_as_the_standard_parser_reads_them() {
    use crossroads::core::text::decimal;
    for text in [
        "0",
        "12",
        " 12 ",
        "2.5",
        "-3",
        "+4",
        ".5",
        "5.",
        "007",
        "1e3",
        "1E-2",
        "2.5e+1",
        "0.1",
        "0.3",
        "80",
        "79.99",
        "1500",
        "123456789012345",
        "0.000001",
        "-0.0",
        "99999999999999.9",
        "4.35",
        "1e22",
        "1e-22",
        "17.2",
    ] {
        assert_eq!(
            decimal(text).map(f64::to_bits),
            text.trim().parse::<f64>().ok().map(f64::to_bits),
            "{text:?}"
        );
    }
    for refused in [
        "", " ", "-", ".", "abc", "1,500", "2,5", "1.2.3", "1e", "e5", "--1", "inf", "NaN", "12h",
        "1e400",
    ] {
        assert_eq!(decimal(refused), None, "{refused:?}");
    }
    // Past fifteen significant digits the extra digits are dropped.
    let long = decimal("3.14159265358979323846").expect("a number");
    assert!((long - std::f64::consts::PI).abs() < 1e-14, "{long}");
    assert_eq!(
        decimal("123456789012345678"),
        Some(123_456_789_012_345_000.0)
    );
    // Beyond 10^±22 a few multiplications leave it within a few units of
    // the last place.
    let huge = decimal("1e300").expect("a number");
    assert!((huge / 1e300 - 1.0).abs() < 1e-15, "{huge}");
}

/// The same, over many generated figures: every value with up to 15
/// significant digits, written the ways a person might, reads back exactly.
#[test]
fn generated_figures_read_back_exactly() {
    use crossroads::core::text::decimal;
    let mut seed: u64 = 0x5eed_1234_abcd_0001;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..20_000 {
        let digits = next() % 1_000_000_000_000_000;
        let point = (next() % 16) as usize;
        let s = digits.to_string();
        let text = if point == 0 || point >= s.len() {
            s.clone()
        } else {
            format!("{}.{}", &s[..s.len() - point], &s[s.len() - point..])
        };
        let text = if next() % 4 == 0 {
            format!("-{text}")
        } else {
            text
        };
        assert_eq!(
            decimal(&text).map(f64::to_bits),
            text.parse::<f64>().ok().map(f64::to_bits),
            "{text:?}"
        );
    }
}

/// Figures written with a fixed number of decimals read exactly as the
/// standard formatting writes them, halves and negative zero included.
#[test]
fn fixed_decimals_write_as_the_standard_formatting_does() {
    use crossroads::core::text::{fixed, plain, signed};
    let mut values = vec![
        0.0,
        -0.0,
        0.5,
        1.5,
        2.5,
        -2.5,
        0.25,
        0.35,
        0.125,
        62.5,
        99.95,
        1e-9,
        -0.4,
        12.0,
        7.49,
        100.0,
        0.05,
        1.005,
        2.675,
        1234.5678,
        999.9999,
        0.045,
        -33.333333333333336,
    ];
    let mut seed: u64 = 0x0dd5_eed5_1234_5678;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..50_000 {
        let v = (next() % 2_000_000) as f64 / [1.0, 8.0, 100.0, 1000.0, 3.0][(next() % 5) as usize];
        values.push(if next() % 3 == 0 { -v } else { v });
    }
    for x in values {
        for d in 0..=3 {
            assert_eq!(fixed(x, d), format!("{x:.d$}"), "{x:?} with {d} decimals");
            assert_eq!(
                signed(x, d),
                format!("{x:+.d$}"),
                "{x:?} signed, {d} decimals"
            );
        }
        let standard = x.to_string();
        if standard
            .split_once('.')
            .is_none_or(|(_, frac)| frac.len() <= 5)
        {
            assert_eq!(plain(x), standard, "{x:?}");
        }
    }
}
