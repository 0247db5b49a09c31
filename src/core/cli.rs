//! The native command: `crossroads check <dir>` validates a content folder
//! before a training program deploys it.

use std::path::Path;

use super::content::{Content, BANK_FILE};

/// Runs the command line; returns the process exit code.
pub fn run(args: Vec<String>) -> i32 {
    match args.first().map(String::as_str) {
        Some("check") => {
            let dir = args.get(1).map(String::as_str).unwrap_or("questions");
            check(Path::new(dir))
        }
        Some("schema") => {
            let dir = args
                .get(1)
                .map(String::as_str)
                .unwrap_or("questions/schema");
            write_schemas(Path::new(dir))
        }
        _ => {
            eprintln!("usage: crossroads check [content-dir]\n       crossroads schema [out-dir]");
            2
        }
    }
}

fn check(dir: &Path) -> i32 {
    let path = dir.join(BANK_FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{}: cannot read: {e}", path.display());
            return 1;
        }
    };
    match Content::from_texts(&text) {
        Ok(c) => {
            println!(
                "ok: {} {} — {} dimensions, {} questions",
                c.bank.id,
                c.bank.version,
                c.bank.dimensions.len(),
                c.bank.items.len()
            );
            0
        }
        Err(problems) => {
            for p in &problems {
                eprintln!("{p}");
            }
            eprintln!("{} problem(s) found", problems.len());
            1
        }
    }
}

fn write_schemas(dir: &Path) -> i32 {
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("{}: cannot create: {e}", dir.display());
        return 1;
    }
    for (name, text) in super::schema::schemas() {
        let path = dir.join(name);
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("{}: cannot write: {e}", path.display());
            return 1;
        }
        println!("wrote {}", path.display());
    }
    0
}
