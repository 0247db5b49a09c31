//! Writes N generated result files, for the cohort benchmark and the
//! documented example cohort:
//! `cargo run --release --example gen_results -- <dir or archive.zip> <n> [broken-every]`.
//! People answer as real ones do (see `support/generate.rs`); every tenth
//! takes it a second time; every 25th file (or every `broken-every`-th; 0
//! for none) is deliberately broken, as real cohorts have some. A target
//! ending in `.zip` gets one archive (entries stored) instead of N files.
//! Native only.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
#[path = "support/generate.rs"]
mod generate;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::io::Write;

    use crossroads::core::content::Content;

    let mut args = std::env::args().skip(1);
    let target = args.next().unwrap_or_else(|| "cohort".into());
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(500);
    let broken_every: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(25);
    let bank = Content::builtin().expect("shipped bank").bank;
    let mut rng = generate::Rng::new(2026);
    let mut zip = target.ends_with(".zip").then(|| {
        let file = std::fs::File::create(&target).expect("create archive");
        zip::ZipWriter::new(std::io::BufWriter::with_capacity(1 << 20, file))
    });
    if zip.is_none() {
        std::fs::create_dir_all(&target).expect("create folder");
    }
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .large_file(false);
    let mut write = |i: usize, text: &str| {
        let name = format!("p{i:07}.json");
        match zip.as_mut() {
            Some(z) => {
                z.start_file(name, options).expect("add entry");
                z.write_all(text.as_bytes()).expect("write entry");
            }
            None => std::fs::write(format!("{target}/{name}"), text).expect("write"),
        }
    };
    let mut i = 0;
    let mut person = 0;
    while i < n {
        let p = generate::person(&bank, &mut rng);
        let attempts = if person % 10 == 0 { 2 } else { 1 };
        for (a, when) in ["2026-09-01T09:00:00Z", "2026-11-28T09:00:00Z"]
            .iter()
            .take(attempts)
            .enumerate()
        {
            if i >= n {
                break;
            }
            if broken_every > 0 && i % broken_every == broken_every - 1 {
                write(i, "{\"format\": \"crossroads-result\", \"version\": 1");
            } else {
                let mut f = generate::attempt(&bank, &p, &mut rng, when);
                f.session.display_name = Some(format!("Participant {person}"));
                if a == 0 {
                    f.session.notes = "private note".into();
                }
                write(i, &f.to_json());
            }
            i += 1;
        }
        person += 1;
    }
    if let Some(z) = zip {
        z.finish().expect("finish archive");
    }
    println!("wrote {n} files to {target}");
}
