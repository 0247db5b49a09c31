//! The built-in content, embedded at build time from `questions/`.

use std::sync::Arc;

use super::bank::Bank;
use super::career::catalog::{Catalog, CatalogTexts};
use super::problems::Problem;

/// The default bank's file name and text.
pub const BANK_FILE: &str = "bank.json";
/// The files are embedded as `build.rs` writes them: `questions/` without
/// the indentation.
pub const BANK_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/bank.json"));

/// The built-in bank as the assessment page embeds it: the same
/// questionnaire with the texts only the planner page shows left empty
/// (made by `build.rs` from `questions/bank.json`). The full bank is
/// validated by the tests; this copy is only parsed.
pub const BANK_QUESTIONNAIRE_JSON: &str =
    include_str!(concat!(env!("OUT_DIR"), "/bank.questionnaire.json"));

/// The built-in catalog files.
pub const BUILTIN_CATALOG: CatalogTexts<'static> = CatalogTexts {
    skills: include_str!(concat!(env!("OUT_DIR"), "/skills.json")),
    experience: include_str!(concat!(env!("OUT_DIR"), "/experience.json")),
    roles: include_str!(concat!(env!("OUT_DIR"), "/roles.json")),
    certifications: include_str!(concat!(env!("OUT_DIR"), "/certifications.json")),
    activities: include_str!(concat!(env!("OUT_DIR"), "/activities.json")),
    prompts: include_str!(concat!(env!("OUT_DIR"), "/prompts.json")),
};

/// Everything the app shows, validated. Shared, not copied: a page that
/// falls back to the built-in bank or catalog takes another handle on it
/// (copying a bank linked 2.8 KB of clone code into the first visit).
#[derive(Debug, Clone)]
pub struct Content {
    pub bank: Arc<Bank>,
    pub catalog: Arc<Catalog>,
}

/// Two handles are the same content when they hold the same loaded bank
/// and catalog. Content never changes once loaded, so this is all a screen
/// needs to know to skip a render. Derived equality walked every question
/// and certification on each comparison of a screen's properties (a bank
/// and a catalog hold floats, so `Arc`'s pointer shortcut for `Eq` types
/// does not apply), and its code was 5.4 KB raw of the later pages' wasm.
impl PartialEq for Content {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.bank, &other.bank) && Arc::ptr_eq(&self.catalog, &other.catalog)
    }
}

impl Content {
    /// The content shipped with the app.
    pub fn builtin() -> Result<Content, Vec<Problem>> {
        Self::from_texts(BANK_JSON)
    }

    /// A bank of one's own with the built-in catalog.
    pub fn from_texts(bank: &str) -> Result<Content, Vec<Problem>> {
        Self::from_parts(bank, &BUILTIN_CATALOG)
    }

    /// A bank and a catalog; every problem in either is reported.
    pub fn from_parts(bank: &str, catalog: &CatalogTexts) -> Result<Content, Vec<Problem>> {
        Self::combine(
            Bank::from_json(BANK_FILE, bank),
            Catalog::from_texts(catalog),
        )
    }

    /// Joins a separately parsed bank and catalog, keeping the problems of
    /// both.
    pub fn combine(
        bank: Result<Bank, Vec<Problem>>,
        catalog: Result<Catalog, Vec<Problem>>,
    ) -> Result<Content, Vec<Problem>> {
        match (bank, catalog) {
            (Ok(bank), Ok(catalog)) => Ok(Content {
                bank: Arc::new(bank),
                catalog: Arc::new(catalog),
            }),
            (b, c) => Err(b
                .err()
                .unwrap_or_default()
                .into_iter()
                .chain(c.err().unwrap_or_default())
                .collect()),
        }
    }
}
