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
        Some("cohort") => super::cohort_cli::run(&args[1..]),
        Some("score") => score_file(&args[1..]),
        Some("schema") => {
            let dir = args
                .get(1)
                .map(String::as_str)
                .unwrap_or("questions/schema");
            write_schemas(Path::new(dir))
        }
        _ => {
            eprintln!(
                "usage: crossroads check [content-dir]\n       crossroads score [--today YYYY-MM-DD] <result file>\n       crossroads cohort [--people] [--csv out.csv] [--parquet DIR] <result files, folders or .zip archives>...\n       crossroads schema [out-dir]"
            );
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

/// `score`: a result file's profile, and — when it names a target role — its
/// gap and roadmap, as JSON: the same core code the browser runs on the
/// same file. The roadmap starts on the file's own start date, else on
/// `--today`, else on the day the file was last saved, so the output never
/// depends on the clock.
fn score_file(args: &[String]) -> i32 {
    let mut today = None;
    let mut path = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--today" => today = it.next().cloned(),
            _ => path = Some(a.clone()),
        }
    }
    let Some(path) = path else {
        eprintln!("score: name a result file");
        return 2;
    };
    let content = match Content::builtin() {
        Ok(c) => c,
        Err(problems) => {
            problems.iter().for_each(|p| eprintln!("{p}"));
            return 1;
        }
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: cannot read: {e}");
            return 1;
        }
    };
    match super::report::score_report(&content, &text, today.as_deref()) {
        Ok(report) => {
            println!(
                "{}",
                serde_json::to_string_pretty(&report).unwrap_or_default()
            );
            0
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            1
        }
    }
}
