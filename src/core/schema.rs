//! JSON Schemas for every file a content author writes, generated from the
//! very types that read them, so the two cannot disagree. Written by
//! `crossroads schema <dir>`; a test fails when the committed copies drift.

use schemars::schema_for;

use super::bank::Bank;
use super::career::catalog::{
    ActivitiesFile, CertificationsFile, FactsFile, PromptsFile, RolesFile, SkillsFile,
};
use super::config::Config;

/// Each schema's file name and pretty-printed text.
pub fn schemas() -> Vec<(&'static str, String)> {
    let pretty = |s: schemars::Schema| serde_json::to_string_pretty(&s).unwrap_or_default() + "\n";
    vec![
        ("bank.schema.json", pretty(schema_for!(Bank))),
        ("crossroads.schema.json", pretty(schema_for!(Config))),
        ("skills.schema.json", pretty(schema_for!(SkillsFile))),
        ("experience.schema.json", pretty(schema_for!(FactsFile))),
        ("roles.schema.json", pretty(schema_for!(RolesFile))),
        (
            "certifications.schema.json",
            pretty(schema_for!(CertificationsFile)),
        ),
        (
            "activities.schema.json",
            pretty(schema_for!(ActivitiesFile)),
        ),
        ("prompts.schema.json", pretty(schema_for!(PromptsFile))),
    ]
}
