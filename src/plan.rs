//! The planner page (`plan.html`): the technician's result, method, skills,
//! experience, roles, gap and roadmap screens, built as a wasm binary of its
//! own so that the assessment a first visitor loads stays small (see
//! [`crossroads::routes`]). It has no native face: the command-line tool is
//! the `crossroads` binary.

#[cfg(target_arch = "wasm32")]
fn main() {
    crossroads::app::mount::<crossroads::app::Plan>();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("crossroads-plan is the browser planner page; the command-line tool is `crossroads`");
    std::process::exit(2);
}
