//! One module per routed screen.

pub mod admin;
pub mod cohort;
pub mod compare;
pub mod method;
pub mod not_found;
pub mod open;
pub mod questionnaire;
pub mod results;
pub mod welcome;
