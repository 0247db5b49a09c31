//! `crossroads cohort [--people] [--csv FILE] [--parquet DIR] <files, folders
//! or .zip archives>...`: folds any number of result files into one
//! summary, printed as JSON (with the instrument statistics), and writes
//! the anonymous exports when asked.
//!
//! Streams: folders are walked as they are read, archives entry by entry
//! from their local headers (never the whole central directory), and files
//! are imported and scored a batch at a time on every core, then folded in
//! order — so memory stays flat as the cohort grows, except for what the
//! summary itself keeps: the skipped files' list, the retake pairing (see
//! [`super::reliability`]) and, with `--people`, every participant.

use std::fs::File;
use std::io::{BufReader, Read as _};
use std::path::Path;

use super::bank::Bank;
use super::cohort::{prepare, Cohort, Prepared};
use super::content::Content;
use super::parquet_export::{ExportError, ParquetExport, ANSWERS_FILE, RESULTS_FILE};
use super::result_file::MAX_BYTES;

/// The options as entered.
#[derive(Debug, Default, PartialEq)]
struct Options {
    people: bool,
    csv: Option<String>,
    parquet: Option<String>,
    paths: Vec<String>,
}

/// Why the command's words cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
enum UsageError {
    #[error("--csv needs a file name")]
    CsvWithoutFile,
    #[error("--parquet needs a folder")]
    ParquetWithoutFolder,
    #[error("name at least one result file, folder or .zip archive")]
    NothingToRead,
}

fn parse(args: &[String]) -> Result<Options, UsageError> {
    let mut o = Options::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--people" => o.people = true,
            "--csv" => o.csv = Some(it.next().ok_or(UsageError::CsvWithoutFile)?.clone()),
            "--parquet" => {
                o.parquet = Some(it.next().ok_or(UsageError::ParquetWithoutFolder)?.clone());
            }
            _ => o.paths.push(a.clone()),
        }
    }
    if o.paths.is_empty() {
        return Err(UsageError::NothingToRead);
    }
    Ok(o)
}

/// Runs the command; returns the exit code.
pub fn run(args: &[String]) -> i32 {
    let options = match parse(args) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("cohort: {e}");
            return 2;
        }
    };
    let content = match Content::builtin() {
        Ok(c) => c,
        Err(problems) => {
            problems.iter().for_each(|p| eprintln!("{p}"));
            return 1;
        }
    };
    let bank = &content.bank;
    let mut export = match options
        .parquet
        .as_deref()
        .map(|d| ParquetExport::create(Path::new(d), bank))
    {
        None => None,
        Some(Ok(e)) => Some(e),
        Some(Err(e)) => {
            eprintln!("cohort: {e}");
            return 1;
        }
    };
    let mut failed: Option<ExportError> = None;
    let mut cohort = Cohort::new(bank, options.people);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    {
        let mut fold = |batch: &mut Batch| {
            let prepared = prepare_all(bank, batch, threads);
            for ((name, _), p) in batch.drain(..).zip(prepared) {
                cohort.add_prepared(&name, p, |file, profile| {
                    if let (Some(x), None) = (export.as_mut(), &failed) {
                        if let Err(e) = x.push(bank, file, profile) {
                            failed = Some(e);
                        }
                    }
                });
            }
        };
        let mut batch = Batch::with_capacity(BATCH);
        for p in &options.paths {
            walk(Path::new(p), &mut batch, &mut fold);
        }
        fold(&mut batch);
    }
    if let Some(e) = failed {
        eprintln!("cohort: {e}");
        return 1;
    }
    if let (Some(x), Some(dir)) = (export, options.parquet.as_deref()) {
        if let Err(e) = x.finish() {
            eprintln!("cohort: {e}");
            return 1;
        }
        eprintln!("wrote {dir}/{RESULTS_FILE} and {dir}/{ANSWERS_FILE}");
    }
    let summary = cohort.summary();
    if let Some(out) = &options.csv {
        if let Err(e) = std::fs::write(out, summary.to_csv()) {
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

/// Why a file, folder or archive named or found could not be read.
#[derive(Debug, thiserror::Error)]
enum Unread {
    #[error("the folder cannot be read: {0}")]
    Folder(std::io::Error),
    #[error("the file cannot be read: {0}")]
    File(std::io::Error),
    /// Bytes that are not UTF-8: a picture, a spreadsheet, a zip renamed.
    #[error("the file is not text (UTF-8), so it is not a result file")]
    NotText,
    #[error("the archive cannot be read: {0}")]
    Archive(std::io::Error),
    /// An archive whose headers cannot be followed entry by entry.
    #[error("the archive is damaged or uses a form this tool cannot stream: {0}")]
    Damaged(zip::result::ZipError),
}

/// A file's text, or why it could not be read.
type Read = Result<String, Unread>;
/// Files read and waiting to be prepared: name, and text or why not.
type Batch = Vec<(String, Read)>;
/// Files prepared together, split across the threads.
const BATCH: usize = 512;

/// Imports and scores a batch on `threads` threads, keeping its order.
fn prepare_all(bank: &Bank, batch: &Batch, threads: usize) -> Vec<Prepared> {
    let one = |(_, text): &(String, Read)| match text {
        Ok(t) => prepare(bank, t),
        Err(why) => Err(why.to_string().into()),
    };
    if threads <= 1 || batch.len() < 2 * threads {
        return batch.iter().map(one).collect();
    }
    let chunk = batch.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = batch
            .chunks(chunk)
            .map(|c| {
                (
                    c.len(),
                    scope.spawn(move || c.iter().map(one).collect::<Vec<_>>()),
                )
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|(len, h)| {
                h.join().unwrap_or_else(|_| {
                    vec![Err("the file could not be processed".to_owned().into()); len]
                })
            })
            .collect()
    })
}

/// Queues `path` if it is a file, every entry of an archive, or every
/// `.json` file and archive below a folder; `fold` empties the queue
/// whenever it is full.
fn walk(path: &Path, batch: &mut Batch, fold: &mut dyn FnMut(&mut Batch)) {
    walk_as(path, path.is_dir(), batch, fold);
}

/// [`walk`] for a path already known to be a folder or not — from its
/// folder entry, which costs no `stat` (a million files in a folder would
/// otherwise cost a million of them).
fn walk_as(path: &Path, is_dir: bool, batch: &mut Batch, fold: &mut dyn FnMut(&mut Batch)) {
    let name = path.display().to_string();
    let mut push = |batch: &mut Batch, name: String, text: Read| {
        batch.push((name, text));
        if batch.len() >= BATCH {
            fold(batch);
        }
    };
    if is_dir {
        let entries = match std::fs::read_dir(path) {
            Ok(e) => e,
            Err(e) => return push(batch, name, Err(Unread::Folder(e))),
        };
        for entry in entries.flatten() {
            let p = entry.path();
            // A symbolic link is followed (its entry type says only "link").
            let dir = match entry.file_type() {
                Ok(t) if t.is_symlink() => p.is_dir(),
                Ok(t) => t.is_dir(),
                Err(_) => p.is_dir(),
            };
            if dir || p.extension().is_some_and(|e| e == "json" || e == "zip") {
                walk_as(&p, dir, batch, fold);
            }
        }
    } else if path.extension().is_some_and(|e| e == "zip") {
        archive(path, &name, &mut |n, t| push(batch, n, t));
    } else {
        let text = File::open(path).map_err(Unread::File).and_then(read_capped);
        push(batch, name, text);
    }
}

/// Reads at most [`MAX_BYTES`] + 1 bytes (so the importer can say a file is
/// too large without the whole of it in memory).
fn read_capped(reader: impl std::io::Read) -> Read {
    let mut bytes = Vec::new();
    reader
        .take(MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(Unread::File)?;
    String::from_utf8(bytes).map_err(|_| Unread::NotText)
}

/// Every `.json` entry of a zip archive, read in order from the local
/// headers so that memory does not grow with the number of entries.
fn archive(path: &Path, name: &str, push: &mut dyn FnMut(String, Read)) {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return push(name.to_owned(), Err(Unread::Archive(e))),
    };
    let mut reader = BufReader::with_capacity(1 << 16, file);
    loop {
        match zip::read::read_zipfile_from_stream(&mut reader) {
            Ok(Some(mut entry)) => {
                let wanted = !entry.is_dir() && entry.name().ends_with(".json");
                let entry_name = format!("{name}:{}", entry.name());
                let text = wanted.then(|| read_capped(&mut entry));
                // Whatever is left of the entry (all of a skipped one, the
                // rest of an oversized one) is read through to reach the
                // next header.
                let _ = std::io::copy(&mut entry, &mut std::io::sink());
                if let Some(text) = text {
                    push(entry_name, text);
                }
            }
            Ok(None) => break,
            Err(e) => {
                push(name.to_owned(), Err(Unread::Damaged(e)));
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn options_are_read_and_missing_values_named() {
        let o = parse(&args(&["--parquet", "out", "a", "--people", "b.zip"])).unwrap();
        assert_eq!(o.parquet.as_deref(), Some("out"));
        assert!(o.people);
        assert_eq!(o.paths, ["a", "b.zip"]);
        for (words, error, message) in [
            (
                &["a", "--parquet"][..],
                UsageError::ParquetWithoutFolder,
                "--parquet needs a folder",
            ),
            (
                &["a", "--csv"],
                UsageError::CsvWithoutFile,
                "--csv needs a file name",
            ),
            (
                &["--people"],
                UsageError::NothingToRead,
                "name at least one result file, folder or .zip archive",
            ),
        ] {
            let err = parse(&args(words)).unwrap_err();
            assert_eq!(err, error, "{words:?}");
            assert_eq!(err.to_string(), message);
        }
    }

    /// A file that is not text is named as such, not as unreadable, and a
    /// file that is text is read whole (up to the cap).
    #[test]
    fn a_file_that_is_not_text_is_named_as_such() {
        let err = read_capped(&[0xff, 0xfe, 0x00, 0x89][..]).unwrap_err();
        assert!(matches!(err, Unread::NotText), "{err:?}");
        assert_eq!(
            err.to_string(),
            "the file is not text (UTF-8), so it is not a result file"
        );
        assert_eq!(read_capped(&b"{}"[..]).unwrap(), "{}");
        let err = Unread::Damaged(zip::result::ZipError::InvalidArchive("bad header".into()));
        assert!(
            err.to_string()
                .starts_with("the archive is damaged or uses a form this tool cannot stream: "),
            "{err}"
        );
    }
}
