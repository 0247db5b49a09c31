//! What a person tells Crossroads about themselves beyond the aptitude
//! questions: skill self-ratings, experience facts, certifications held.

use crate::core::map::{Map, Set};

use serde::{Deserialize, Serialize};

use super::catalog::{CertId, FactId, SkillId};

/// The highest skill level (levels go from 0 to this).
pub const MAX_LEVEL: u8 = 4;

/// Self-ratings 0–4 by skill; a skill not present is not rated yet.
pub type SkillRatings = Map<SkillId, u8>;

/// One experience fact's value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum FactValue {
    Number(f64),
    Choice(String),
    Multi(Vec<String>),
}

/// Read by the JSON value's own type (see `Response`'s reader).
impl<'de> Deserialize<'de> for FactValue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = FactValue;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a number, a choice, or a list of choices")
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<FactValue, E> {
                Ok(FactValue::Number(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<FactValue, E> {
                Ok(FactValue::Number(v as f64))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<FactValue, E> {
                Ok(FactValue::Number(v as f64))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<FactValue, E> {
                Ok(FactValue::Choice(v.to_owned()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<FactValue, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<String>()? {
                    out.push(s);
                }
                Ok(FactValue::Multi(out))
            }
        }
        deserializer.deserialize_any(V)
    }
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

/// Everything the planner knows of one person: how they rate their skills,
/// their experience, and the certifications they hold.
#[derive(Debug, Clone, Copy)]
pub struct Person<'a> {
    pub skills: &'a SkillRatings,
    pub experience: &'a Experience,
    pub held: &'a Held,
}
