//! The program's page (`program.html`): the cohort overview and the
//! deployment check, for the people who host Crossroads. Its own wasm binary, like the other pages
//! (see [`crossroads::routes`]), so technicians and mentors never download
//! what only another audience uses. It has no native face: the
//! command-line tool is the `crossroads` binary.

#[cfg(target_arch = "wasm32")]
fn main() {
    crossroads::app::mount::<crossroads::app::Program>();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("crossroads-program is a browser page; the command-line tool is `crossroads`");
    std::process::exit(2);
}
