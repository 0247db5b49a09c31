//! The pure core: no DOM, no clock, no I/O except in [`cli`]. Everything here
//! is deterministic and tested natively with `cargo test`.

pub mod anon;
pub mod anon_rows;
pub mod bank;
pub mod career;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod cohort;
#[cfg(not(target_arch = "wasm32"))]
pub mod cohort_cli;
pub mod compare;
pub mod config;
pub mod content;
pub mod json;
pub mod map;
#[cfg(not(target_arch = "wasm32"))]
pub mod parquet_export;
pub mod problems;
pub mod program;
pub mod reliability;
pub mod report;
pub mod result_file;
pub mod review;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod score;
pub mod session;
pub mod share;
pub mod text;
pub mod validity;
pub mod wording;
