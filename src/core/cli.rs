//! The native command line: `crossroads check <folder>` validates a
//! program's folder before it is deployed, exactly as the browser will;
//! `score`, `cohort` and `schema` serve authors and facilitators.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use super::config::{Config, CONFIG_FILE};
use super::content::Content;
use super::problems::Problem;
use super::program::{ProgramTexts, CONTENT_FILES};

/// Technical or management track? Checks and scores Crossroads content and
/// results, on this machine, with the same code the browser runs.
#[derive(Debug, Parser)]
#[command(name = "crossroads", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate a program folder as the browser will
    ///
    /// Reads `crossroads.json` and every content file it names, and checks
    /// them with the browser's own code. A folder without `crossroads.json`
    /// (such as `questions/`) is read as content files under their usual
    /// names (bank.json, skills.json, …). Exits with 1 on any problem.
    Check {
        /// The folder that will sit beside index.html (or a content folder).
        #[arg(default_value = "questions")]
        folder: PathBuf,
    },
    /// Print a result file's profile, gap and roadmap as JSON
    ///
    /// The gap and roadmap appear when the file names a target role.
    Score {
        /// The day the roadmap starts when the file does not say.
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<String>,
        /// A result file downloaded from Crossroads.
        file: PathBuf,
    },
    /// Summarise a cohort's result files as JSON (and CSV)
    ///
    /// Reads result files, every .json file under folders, and .zip archives.
    Cohort {
        /// List every participant (memory then grows with the cohort).
        #[arg(long)]
        people: bool,
        /// Also write the summary as CSV to this file.
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
        /// Write anonymous results.parquet and answers.parquet into this folder.
        #[arg(long, value_name = "DIR")]
        parquet: Option<PathBuf>,
        /// Result files, folders, or .zip archives of them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Write the JSON Schemas of the content files.
    Schema {
        #[arg(default_value = "questions/schema")]
        folder: PathBuf,
    },
}

/// Runs the command line (`args` without the program name); returns the
/// process exit code: 0 success, 1 problems found, 2 wrong usage.
pub fn run(args: Vec<String>) -> i32 {
    let cli = match Cli::try_parse_from(std::iter::once("crossroads".to_owned()).chain(args)) {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with 0; mistakes to stderr with 2.
            let _ = e.print();
            return e.exit_code();
        }
    };
    match cli.command {
        Command::Check { folder } => check(&folder),
        Command::Score { today, file } => score_file(today.as_deref(), &file),
        Command::Cohort {
            people,
            csv,
            parquet,
            paths,
        } => {
            // The streaming cohort reader takes the checked options as words.
            let mut words: Vec<String> = Vec::new();
            if people {
                words.push("--people".into());
            }
            for (flag, value) in [("--csv", csv), ("--parquet", parquet)] {
                if let Some(v) = value {
                    words.push(flag.into());
                    words.push(v.display().to_string());
                }
            }
            words.extend(paths.iter().map(|p| p.display().to_string()));
            super::cohort_cli::run(&words)
        }
        Command::Schema { folder } => write_schemas(&folder),
    }
}

/// Why a program's file that exists cannot be checked.
#[derive(Debug, thiserror::Error)]
enum ReadError {
    /// Bytes that are not UTF-8: a picture, a spreadsheet, another encoding.
    #[error("cannot read: it is not UTF-8 text")]
    NotText,
    /// The system refused (permissions, a folder where a file belongs, …).
    #[error("cannot read: {0}")]
    Io(std::io::Error),
}

/// Reads a text file: `Ok(None)` when it does not exist.
fn read(path: &Path) -> Result<Option<String>, ReadError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
        Err(e) if e.kind() == ErrorKind::InvalidData => Err(ReadError::NotText),
        Err(e) => Err(ReadError::Io(e)),
    }
}

/// Gathers a program folder's content files as the browser would fetch
/// them, with the problems met on the way.
fn gather(dir: &Path) -> Result<(ProgramTexts, Vec<Problem>, Vec<String>), Vec<Problem>> {
    let config_path = dir.join(CONFIG_FILE);
    let mut program = ProgramTexts::default();
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    match read(&config_path) {
        Err(why) => return Err(vec![Problem::new(CONFIG_FILE, "$", why.to_string())]),
        Ok(Some(text)) => {
            let config = Config::from_json(&text)?;
            for (key, path) in config.content.named() {
                match read(&dir.join(path)) {
                    Ok(Some(text)) => program.add(key, path, text),
                    Ok(None) => problems.push(Problem::new(
                        CONFIG_FILE,
                        format!("content.{key}"),
                        format!("\"{path}\" was not found beside index.html"),
                    )),
                    Err(why) => problems.push(Problem::new(path, "$", why.to_string())),
                }
            }
            if let Some(logo) = &config.logo {
                if !dir.join(logo).is_file() {
                    problems.push(Problem::new(
                        CONFIG_FILE,
                        "logo",
                        format!("\"{logo}\" was not found beside index.html"),
                    ));
                }
            }
            notes.push(format!("{CONFIG_FILE}: read"));
            for (key, file) in CONTENT_FILES {
                if program.path_of(key).is_none() && dir.join(file).is_file() {
                    notes.push(format!(
                        "{file} is in the folder, but {CONFIG_FILE} does not name it (\"content\": {{\"{key}\": \"{file}\"}}), so the app uses the built-in one"
                    ));
                }
            }
        }
        Ok(None) => {
            if !dir.is_dir() {
                return Err(vec![Problem::new(
                    &dir.display().to_string(),
                    "$",
                    "cannot read: no such folder",
                )]);
            }
            notes.push(format!(
                "no {CONFIG_FILE}: reading the content files under their usual names"
            ));
            for (key, file) in CONTENT_FILES {
                match read(&dir.join(file)) {
                    Ok(Some(text)) => program.add(key, file, text),
                    Ok(None) => {}
                    Err(why) => problems.push(Problem::new(file, "$", why.to_string())),
                }
            }
            if program.is_empty() && problems.is_empty() {
                problems.push(Problem::new(
                    &dir.display().to_string(),
                    "$",
                    format!("the folder has neither {CONFIG_FILE} nor any content file"),
                ));
            }
        }
    }
    Ok((program, problems, notes))
}

fn check(dir: &Path) -> i32 {
    let (program, mut problems, notes) = match gather(dir) {
        Ok(found) => found,
        Err(problems) => return report_problems(&problems),
    };
    let builtin = match Content::builtin() {
        Ok(c) => c,
        Err(problems) => return report_problems(&problems),
    };
    let bank = match program.bank() {
        Some(Ok(bank)) => Some(std::sync::Arc::new(bank)),
        Some(Err(p)) => {
            problems.extend(p);
            None
        }
        None => Some(builtin.bank.clone()),
    };
    if program.has_catalog() {
        if let Err(p) = program.validated_catalog() {
            problems.extend(p);
        }
    }
    for note in &notes {
        eprintln!("note: {note}");
    }
    if !problems.is_empty() {
        return report_problems(&problems);
    }
    let bank = bank.unwrap_or(builtin.bank);
    println!(
        "ok: {} {} — {} dimensions, {} questions",
        bank.id,
        bank.version,
        bank.dimensions.len(),
        bank.items.len()
    );
    for (key, file) in CONTENT_FILES {
        match program.path_of(key) {
            Some(path) => println!("  {file}: {path} (checked)"),
            None => println!("  {file}: built-in"),
        }
    }
    // The writing rules are advice, not errors: the bank works as it is.
    let bank_file = program
        .path_of("bank")
        .unwrap_or_else(|| "bank.json".to_owned());
    let warnings = super::wording::warnings(&bank, &bank_file);
    for w in &warnings {
        println!("warning: {w}");
    }
    if !warnings.is_empty() {
        println!(
            "{}: the questionnaire works, but {} the writing rules in docs/authoring.md",
            super::text::count(warnings.len(), "writing warning", "writing warnings"),
            if warnings.len() == 1 {
                "this statement breaks"
            } else {
                "these statements break"
            }
        );
    }
    0
}

fn report_problems(problems: &[Problem]) -> i32 {
    for p in problems {
        eprintln!("{p}");
    }
    eprintln!(
        "{} found",
        super::text::count(problems.len(), "problem", "problems")
    );
    1
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
/// `today`, else on the day the file was last saved, so the output never
/// depends on the clock.
fn score_file(today: Option<&str>, path: &Path) -> i32 {
    if let Some(t) = today {
        if super::session::checked_date(t).is_none() {
            eprintln!("score: --today {t}: not a date of the form YYYY-MM-DD (1900–2200)");
            return 2;
        }
    }
    let content = match Content::builtin() {
        Ok(c) => c,
        Err(problems) => return report_problems(&problems),
    };
    let text = match read(path) {
        Ok(Some(t)) => t,
        Ok(None) => {
            eprintln!("{}: cannot read: the file was not found", path.display());
            return 1;
        }
        Err(why) => {
            eprintln!("{}: {why}", path.display());
            return 1;
        }
    };
    match super::report::score_report(&content, &text, today) {
        Ok(report) => {
            println!(
                "{}",
                serde_json::to_string_pretty(&report).unwrap_or_default()
            );
            0
        }
        Err(e) => {
            eprintln!("{}: {e}", path.display());
            if let Some(detail) = e.detail() {
                eprintln!("  detail: {detail}");
            }
            1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{read, ReadError};

    /// A missing file is no error (the built-in one is used); one that is
    /// there but unreadable says why, in the words `check` prints.
    #[test]
    fn a_file_that_cannot_be_read_says_why() {
        let dir = std::env::temp_dir().join(format!("crossroads-cli-read-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let binary = dir.join("bank.json");
        std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x89]).unwrap();

        assert!(read(&dir.join("absent.json")).unwrap().is_none());
        let err = read(&binary).unwrap_err();
        assert!(matches!(err, ReadError::NotText), "{err:?}");
        assert_eq!(err.to_string(), "cannot read: it is not UTF-8 text");
        // A folder where a file belongs is refused by the system.
        let err = read(&dir).unwrap_err();
        let ReadError::Io(io) = &err else {
            panic!("a folder is an I/O error: {err:?}");
        };
        assert_eq!(err.to_string(), format!("cannot read: {io}"));

        let _ = std::fs::remove_dir_all(&dir);
    }
}
