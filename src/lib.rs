//! Crossroads: technical or management track?
//!
//! The crate holds a pure core ([`core`]) that knows nothing of the browser —
//! content model and validation, scoring, and saved-state format — and, on the
//! wasm target only, the Yew app (`app`) that renders it. The app's pure
//! parts — its routes ([`routes`]), the assessment's reducer ([`assess`])
//! and the words for a refused download ([`download`]) — build on both
//! targets, so they are tested natively.

pub mod assess;
pub mod core;
pub mod download;
pub mod routes;

#[cfg(target_arch = "wasm32")]
pub mod app;
