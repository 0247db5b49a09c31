//! Reusable pieces shared by the pages.

pub mod charts;
pub mod detail;
pub mod export;
pub mod instrument;
pub mod notices;
pub mod start_over;
pub mod wide_table;
