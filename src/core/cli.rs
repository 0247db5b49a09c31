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
        Some("cohort") => cohort(&args[1..]),
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
                "usage: crossroads check [content-dir]\n       crossroads score [--today YYYY-MM-DD] <result file>\n       crossroads cohort [--people] [--csv out.csv] <result files or folders>...\n       crossroads schema [out-dir]"
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
            // The writing rules are advice, not errors: the bank works as
            // it is.
            let warnings = super::wording::warnings(&c.bank, BANK_FILE);
            for w in &warnings {
                println!("warning: {w}");
            }
            if !warnings.is_empty() {
                println!(
                    "{} warning(s): the questionnaire works, but these statements break the writing rules in docs/authoring.md",
                    warnings.len()
                );
            }
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

/// `cohort`: folds result files (or every `.json` under folders) into one
/// summary, printed as JSON; `--csv` also writes it as CSV. Files are read
/// one at a time, so memory stays flat as the cohort grows; `--people` lists
/// every participant (memory then grows with the cohort).
fn cohort(args: &[String]) -> i32 {
    let content = match Content::builtin() {
        Ok(c) => c,
        Err(problems) => {
            for p in &problems {
                eprintln!("{p}");
            }
            return 1;
        }
    };
    let mut keep_people = false;
    let mut csv = None;
    let mut paths = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--people" => keep_people = true,
            "--csv" => csv = it.next().cloned(),
            _ => paths.push(a.clone()),
        }
    }
    if paths.is_empty() {
        eprintln!("cohort: name at least one result file or folder");
        return 2;
    }
    let mut cohort = super::cohort::Cohort::new(&content.bank, keep_people);
    let mut add = |path: &Path| match std::fs::read_to_string(path) {
        Ok(text) => cohort.add(&path.display().to_string(), &text),
        Err(e) => cohort.add(&path.display().to_string(), &format!("unreadable: {e}")),
    };
    for p in &paths {
        walk(Path::new(p), &mut add);
    }
    let summary = cohort.summary();
    if let Some(out) = csv {
        if let Err(e) = std::fs::write(&out, summary.to_csv()) {
            eprintln!("{out}: cannot write: {e}");
            return 1;
        }
    }
    println!(
        "{}",
        serde_json::to_string_pretty(&summary).unwrap_or_default()
    );
    0
}

/// Calls `f` for `path` if it is a file, or for every `.json` file below it.
fn walk(path: &Path, f: &mut impl FnMut(&Path)) {
    if path.is_dir() {
        let Ok(entries) = std::fs::read_dir(path) else {
            return;
        };
        for entry in entries.flatten() {
            let p = entry.path();
            if p.is_dir() || p.extension().is_some_and(|e| e == "json") {
                walk(&p, f);
            }
        }
    } else {
        f(path);
    }
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
