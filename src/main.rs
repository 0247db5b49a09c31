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

/// The assessment page uses a small free-list allocator instead of Rust's
/// default (dlmalloc): 3.6 KB less gzip on the first visit. Its cost grows
/// with the free list, which stays short for a questionnaire; the planner,
/// which does heavier work, keeps the default.
// SAFETY: a wasm page without threads is single-threaded, which is what
// `AssumeSingleThreaded` requires.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
