//! The planner page (`plan.html`): skills, roadmap, mentor, compare, cohort
//! and admin screens, built as a second wasm binary so that the assessment a
//! first visitor loads stays small. It has no native face: the command-line
//! tool is the `crossroads` binary.

#[cfg(target_arch = "wasm32")]
fn main() {
    crossroads::app::mount::<crossroads::app::Plan>();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("crossroads-plan is the browser planner page; the command-line tool is `crossroads`");
    std::process::exit(2);
}
