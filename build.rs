//! Derives, from `questions/bank.json`, the copy of the built-in bank that
//! the assessment page embeds: the same questionnaire with the texts only
//! the planner page shows (track summaries and criteria, the switching
//! note, source details, what each dimension means, what a middle result
//! means, earlier versions' question order) left empty or out. A first
//! visit then downloads them once, with the planner, instead of twice.
//!
//! A bank that is not valid JSON is copied as it is, so that the app and
//! the tests report its problems instead of the build failing here.

use std::path::Path;

use serde_json::Value;

/// The content files the pages embed (`src/core/content.rs`).
const EMBEDDED: [&str; 7] = [
    "bank",
    "skills",
    "experience",
    "roles",
    "certifications",
    "activities",
    "prompts",
];

fn main() {
    let dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    // The files as the pages embed them: without the indentation written
    // for authors (65 KB less in each page's wasm, 3.6 KB gzip).
    for name in EMBEDDED {
        let path = format!("questions/{name}.json");
        println!("cargo::rerun-if-changed={path}");
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        std::fs::write(Path::new(&dir).join(format!("{name}.json")), compact(&text))
            .expect("OUT_DIR is writable");
    }
    println!("cargo::rerun-if-changed=questions/bank.json");
    let text = std::fs::read_to_string("questions/bank.json").unwrap_or_default();
    let out = match serde_json::from_str::<Value>(&text) {
        Ok(mut bank) => {
            blank_planner_texts(&mut bank);
            serde_json::to_string(&bank).unwrap_or(text)
        }
        Err(_) => text,
    };
    std::fs::write(Path::new(&dir).join("bank.questionnaire.json"), out)
        .expect("OUT_DIR is writable");
}

/// `text` without the whitespace between JSON tokens; everything else,
/// key order and duplicate keys included, stays byte for byte. Text that is
/// not JSON loses only whitespace outside quotes, so its problems are still
/// reported (with positions in the compact text).
fn compact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in text.chars() {
        if in_string {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

fn blank_planner_texts(bank: &mut Value) {
    let blank = |v: &mut Value, keys: &[&str]| {
        for key in keys {
            match v.get_mut(*key) {
                Some(Value::String(s)) => s.clear(),
                Some(Value::Array(a)) => a.clear(),
                _ => {}
            }
        }
    };
    blank(bank, &["switching_note"]);
    // Only the planner reads these: the question order of earlier versions
    // (for old share links) and what a middle result means.
    if let Some(b) = bank.as_object_mut() {
        b.remove("earlier");
    }
    if let Some(Value::Object(tracks)) = bank.get_mut("tracks") {
        tracks.remove("middle");
        for track in tracks.values_mut() {
            blank(track, &["summary", "criteria"]);
        }
    }
    for (list, keys) in [
        ("sources", &["title", "used_for"][..]),
        ("dimensions", &["high_means", "low_means", "why"][..]),
    ] {
        if let Some(Value::Array(entries)) = bank.get_mut(list) {
            for entry in entries {
                blank(entry, keys);
                if list == "sources" {
                    for key in ["publisher", "author", "date"] {
                        if let Some(v) = entry.get_mut(key) {
                            *v = Value::Null;
                        }
                    }
                }
            }
        }
    }
}
