//! A training program's own content files, as read from beside
//! `index.html`: which built-in file each replaces, and how the problems in
//! them are named. The browser (`app::boot`) and the `crossroads check`
//! command both validate a program through this, so they agree on what is
//! wrong.

use super::bank::Bank;
use super::career::catalog::{Catalog, CatalogTexts};
use super::content::{BANK_FILE, BUILTIN_CATALOG};
use super::problems::Problem;

/// The config keys of the content files, with the built-in file each
/// replaces (the name problems carry).
pub const CONTENT_FILES: [(&str, &str); 7] = [
    ("bank", BANK_FILE),
    ("skills", "skills.json"),
    ("experience", "experience.json"),
    ("roles", "roles.json"),
    ("certifications", "certifications.json"),
    ("activities", "activities.json"),
    ("prompts", "prompts.json"),
];

/// A program's content files: `(key, path, text)` for each file it
/// replaces; any other file is the built-in one.
#[derive(Debug, Clone, Default)]
pub struct ProgramTexts {
    texts: Vec<(&'static str, String, String)>,
}

impl ProgramTexts {
    /// Adds the program's text for the content file `key` (`"bank"`,
    /// `"skills"`, …), read from `path`.
    pub fn add(&mut self, key: &str, path: &str, text: String) {
        if let Some((key, _)) = CONTENT_FILES.iter().find(|(k, _)| *k == key) {
            self.texts.push((key, path.to_owned(), text));
        }
    }

    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }

    fn find(&self, key: &str) -> Option<&(&'static str, String, String)> {
        self.texts.iter().find(|(k, _, _)| *k == key)
    }

    /// The program's path for a content file it replaces.
    pub fn path_of(&self, key: &str) -> Option<String> {
        self.find(key).map(|(_, p, _)| p.clone())
    }

    /// The program's text for a content file it replaces.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.find(key).map(|(_, _, t)| t.as_str())
    }

    /// Whether the program replaces any of the six catalog files.
    pub fn has_catalog(&self) -> bool {
        self.texts.iter().any(|(k, _, _)| *k != "bank")
    }

    /// The program's paths for the catalog files it replaces.
    pub fn catalog_paths(&self) -> Vec<String> {
        self.texts
            .iter()
            .filter(|(k, _, _)| *k != "bank")
            .map(|(_, p, _)| p.clone())
            .collect()
    }

    /// The six catalog files, the program's where it has them.
    pub fn catalog(&self) -> CatalogTexts<'_> {
        let b = &BUILTIN_CATALOG;
        CatalogTexts {
            skills: self.get("skills").unwrap_or(b.skills),
            experience: self.get("experience").unwrap_or(b.experience),
            roles: self.get("roles").unwrap_or(b.roles),
            certifications: self.get("certifications").unwrap_or(b.certifications),
            activities: self.get("activities").unwrap_or(b.activities),
            prompts: self.get("prompts").unwrap_or(b.prompts),
        }
    }

    /// The program's bank, parsed and validated, if it has one.
    pub fn bank(&self) -> Option<Result<Bank, Vec<Problem>>> {
        self.get("bank")
            .map(|text| Bank::from_json(BANK_FILE, text).map_err(|p| self.named(p)))
    }

    /// The catalog with the program's files in it, parsed and validated.
    pub fn validated_catalog(&self) -> Result<Catalog, Vec<Problem>> {
        Catalog::from_texts(&self.catalog()).map_err(|p| self.named(p))
    }

    /// Problems carry the built-in file names; this gives them the
    /// program's own.
    pub fn named(&self, problems: Vec<Problem>) -> Vec<Problem> {
        problems
            .into_iter()
            .map(|mut p| {
                let key = CONTENT_FILES
                    .iter()
                    .find(|(_, file)| *file == p.file)
                    .map(|(k, _)| *k);
                if let Some(path) = key.and_then(|k| self.path_of(k)) {
                    p.file = path;
                }
                p
            })
            .collect()
    }
}
