//! The built-in content, embedded at build time from `questions/`.

use super::bank::Bank;
use super::problems::Problem;

/// The default bank's file name and text.
pub const BANK_FILE: &str = "bank.json";
pub const BANK_JSON: &str = include_str!("../../questions/bank.json");

/// Everything the app shows, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct Content {
    pub bank: Bank,
}

impl Content {
    /// The content shipped with the app.
    pub fn builtin() -> Result<Content, Vec<Problem>> {
        Self::from_texts(BANK_JSON)
    }

    pub fn from_texts(bank: &str) -> Result<Content, Vec<Problem>> {
        let bank = Bank::from_json(BANK_FILE, bank)?;
        Ok(Content { bank })
    }
}
