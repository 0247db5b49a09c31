//! One binary, two faces: on wasm it is the assessment page (`index.html`);
//! natively it is the content checker a training program runs before
//! deploying its own bank.

#[cfg(target_arch = "wasm32")]
fn main() {
    crossroads::app::mount::<crossroads::app::Assess>();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(crossroads::core::cli::run(
        std::env::args().skip(1).collect(),
    ));
}
