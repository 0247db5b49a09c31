//! From a result to a plan: the career catalog (skills, experience facts,
//! roles, certifications, activities), eligibility for certifications, the
//! skill gap to a target role, and the dated learning roadmap.

pub mod catalog;
pub mod date;
pub mod eligibility;
pub mod gap;
pub mod ics;
pub mod person;
pub mod plan;
