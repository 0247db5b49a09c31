//! One module per routed screen.

pub mod admin;
pub mod cohort;
pub mod compare;
pub mod experience;
pub mod gap;
pub mod mentor;
pub mod method;
pub mod not_found;
pub mod open;
pub mod questionnaire;
pub mod results;
pub mod roadmap;
pub mod roles;
pub mod skills;
pub mod welcome;
