//! The mentor's page (`mentor.html`): results opened from files and share
//! links, the review beside the mentee's own ratings, comparison and the
//! meeting report. Its own wasm binary, like the other pages
//! (see [`crossroads::routes`]), so technicians and mentors never download
//! what only another audience uses. It has no native face: the
//! command-line tool is the `crossroads` binary.

#[cfg(target_arch = "wasm32")]
fn main() {
    crossroads::app::mount::<crossroads::app::Mentor>();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("crossroads-mentor is a browser page; the command-line tool is `crossroads`");
    std::process::exit(2);
}
