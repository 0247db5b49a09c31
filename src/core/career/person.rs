//! What a person tells Crossroads about themselves beyond the aptitude
//! questions: skill self-ratings, experience facts, certifications held.

use crate::core::map::{Map, Set};

use serde::{Deserialize, Serialize};

use super::catalog::{CertId, FactId, SkillId};

/// Self-ratings 0–4 by skill; a skill not present is not rated yet.
pub type SkillRatings = Map<SkillId, u8>;

/// One experience fact's value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FactValue {
    Number(f64),
    Choice(String),
    Multi(Vec<String>),
}

/// The person's experience facts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Experience(pub Map<FactId, FactValue>);

impl Experience {
    pub fn number(&self, id: &FactId) -> f64 {
        match self.0.get(id) {
            Some(FactValue::Number(n)) => *n,
            _ => 0.0,
        }
    }

    pub fn choice(&self, id: &FactId) -> Option<&str> {
        match self.0.get(id) {
            Some(FactValue::Choice(c)) => Some(c),
            _ => None,
        }
    }

    pub fn multi(&self, id: &FactId) -> &[String] {
        match self.0.get(id) {
            Some(FactValue::Multi(v)) => v,
            _ => &[],
        }
    }

    pub fn add(&mut self, id: &FactId, amount: f64) {
        let v = self.number(id) + amount;
        self.0.insert(id.clone(), FactValue::Number(v));
    }
}

/// Certifications the person holds.
pub type Held = Set<CertId>;
