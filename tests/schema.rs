//! The JSON Schemas shipped for content authors are exactly what the types
//! generate: change a content type without regenerating them (`cargo run
//! --bin crossroads -- schema`) and this fails.

#![cfg(not(target_arch = "wasm32"))]

use crossroads::core::schema::schemas;

#[test]
fn committed_schemas_match_the_types() {
    for (name, generated) in schemas() {
        let path = format!("{}/questions/schema/{name}", env!("CARGO_MANIFEST_DIR"));
        let committed = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{path}: {e}; run `cargo run --bin crossroads -- schema`"));
        assert!(
            committed == generated,
            "{name} is out of date; run `cargo run --bin crossroads -- schema`"
        );
    }
}

#[test]
fn schemas_describe_the_fields_authors_write() {
    let all: String = schemas().into_iter().map(|(_, s)| s).collect();
    for field in [
        "\"reverse\"",
        "\"weights\"",
        "\"high_means\"",
        "\"accent\"",
        "\"welcome\"",
    ] {
        assert!(all.contains(field), "{field} missing from the schemas");
    }
}
