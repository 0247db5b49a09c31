//! `crossroads cohort [--people] [--csv FILE] [--parquet DIR] <files, folders
//! or .zip archives>...`: folds any number of result files into one
//! summary, printed as JSON (with the instrument statistics), and writes
//! the participants table and the anonymous exports when asked.
//!
//! Streams: folders are walked as they are read, archives entry by entry
//! from their local headers (never the whole central directory); one
//! thread reads, the others import and score a batch at a time, and this
//! one folds the batches in reading order — so memory stays flat as the
//! cohort grows, except for what the summary itself keeps: the retake
//! pairing (see [`super::reliability`]) and, with `--people`, every
//! participant.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};
use std::ops::Range;
use std::panic::AssertUnwindSafe;
use std::path::Path;
use std::sync::{mpsc, Mutex};

use super::bank::Bank;
use super::cohort::{
    is_archive, is_cohort_file, is_result_entry, participant_csv_row, participants_csv_head,
    prepare, Cohort, Participant, Prepared, Refused,
};
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

/// Why the command's words cannot be used; exit code 2.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
enum UsageError {
    /// `--csv` was the last word.
    #[error("--csv needs a file name")]
    CsvFile,
    /// `--parquet` was the last word.
    #[error("--parquet needs a folder")]
    ParquetFolder,
    /// Nothing to read.
    #[error("name at least one result file, folder or .zip archive")]
    NoPaths,
}

fn parse(args: &[String]) -> Result<Options, UsageError> {
    let mut o = Options::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--people" => o.people = true,
            "--csv" => o.csv = Some(it.next().ok_or(UsageError::CsvFile)?.clone()),
            "--parquet" => o.parquet = Some(it.next().ok_or(UsageError::ParquetFolder)?.clone()),
            _ => o.paths.push(a.clone()),
        }
    }
    if o.paths.is_empty() {
        return Err(UsageError::NoPaths);
    }
    Ok(o)
}

/// Why an output could not be written; the command stops with exit code 1.
#[derive(Debug, thiserror::Error)]
enum WriteError {
    /// The Parquet export (`--parquet`), in its own words.
    #[error(transparent)]
    Parquet(#[from] ExportError),
    /// The participants table (`--csv`): the file named, and the system's
    /// words.
    #[error("{file}: cannot write: {source}")]
    Csv {
        file: String,
        source: std::io::Error,
    },
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
    // The participants table is written as the files are read, so it
    // needs no list of participants in memory.
    let mut csv = match options.csv.as_deref().map(|out| {
        File::create(out).and_then(|f| {
            let mut w = BufWriter::new(f);
            w.write_all(participants_csv_head(bank).as_bytes())?;
            Ok(w)
        })
    }) {
        None => None,
        Some(Ok(w)) => Some(w),
        Some(Err(source)) => {
            let file = options.csv.unwrap_or_default();
            eprintln!("{}", WriteError::Csv { file, source });
            return 1;
        }
    };
    let mut failed: Option<WriteError> = None;
    let mut cohort = Cohort::new(bank, options.people);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    stream(bank, &options.paths, threads, &mut |name, prepared| {
        cohort.add_prepared(name, prepared, |file, profile| {
            if failed.is_some() {
                return;
            }
            if let Some(x) = export.as_mut() {
                failed = x.push(file, profile).err().map(WriteError::from);
            }
            if let Some(w) = csv.as_mut() {
                let row = participant_csv_row(bank, &Participant::new(name, file, profile));
                if let Err(source) = w.write_all(row.as_bytes()) {
                    failed = Some(WriteError::Csv {
                        file: options.csv.clone().unwrap_or_default(),
                        source,
                    });
                }
            }
        });
    });
    if let Some(e) = failed {
        eprintln!("cohort: {e}");
        return 1;
    }
    if let (Some(mut w), Some(file)) = (csv, options.csv) {
        if let Err(source) = w.flush() {
            eprintln!("{}", WriteError::Csv { file, source });
            return 1;
        }
    }
    if let (Some(x), Some(dir)) = (export, options.parquet.as_deref()) {
        if let Err(e) = x.finish() {
            eprintln!("cohort: {e}");
            return 1;
        }
        eprintln!("wrote {dir}/{RESULTS_FILE} and {dir}/{ANSWERS_FILE}");
    }
    println!(
        "{}",
        serde_json::to_string_pretty(&cohort.summary()).unwrap_or_default()
    );
    0
}

/// Files read and waiting to be prepared, in reading order. Their names and
/// bytes share two buffers, kept from batch to batch: no allocation per
/// file on the way in.
#[derive(Default)]
struct Batch {
    names: String,
    bytes: Vec<u8>,
    files: Vec<Entry>,
}

/// One file of a [`Batch`]: where its name is, and where its bytes are or
/// why they could not be read.
struct Entry {
    name: Range<usize>,
    bytes: Result<Range<usize>, Unread>,
}

/// Why a file never reached the importer; listed with the skipped files in
/// these words. (A file over [`MAX_BYTES`] is read a byte past the limit
/// and refused by the importer itself.)
#[derive(Debug, thiserror::Error)]
enum Unread {
    /// The system would not open or read the file.
    #[error("the file cannot be read: {0}")]
    File(std::io::Error),
    /// The system would not list a folder.
    #[error("the folder cannot be read: {0}")]
    Folder(std::io::Error),
    /// The system would not open a `.zip` archive.
    #[error("the archive cannot be read: {0}")]
    Archive(std::io::Error),
    /// An archive entry's header could not be read in order (damaged, or
    /// written in a form that needs the central directory); the entries
    /// after it are not reached.
    #[error("the archive is damaged or uses a form this tool cannot stream: {0}")]
    Stream(zip::result::ZipError),
    /// Bytes that are not UTF-8: a picture, a spreadsheet, another
    /// encoding.
    #[error("the file is not text (UTF-8), so it is not a result file")]
    NotText,
    /// Importing or scoring the file panicked; the other files of its
    /// batch are listed with it.
    #[error("the file could not be processed")]
    Crashed,
}

impl From<&Unread> for Refused {
    fn from(why: &Unread) -> Self {
        why.to_string().into()
    }
}

impl Batch {
    fn len(&self) -> usize {
        self.files.len()
    }

    fn clear(&mut self) {
        self.names.clear();
        self.bytes.clear();
        self.files.clear();
    }

    fn name(&self, i: usize) -> &str {
        &self.names[self.files[i].name.clone()]
    }

    /// Queues a file that could not be read.
    fn push_err(&mut self, name: impl std::fmt::Display, why: Unread) {
        let name = self.push_name(name);
        self.files.push(Entry {
            name,
            bytes: Err(why),
        });
    }

    /// Reads at most [`MAX_BYTES`] + 1 bytes of `reader` (so the importer
    /// can say a file is too large without the whole of it in memory).
    fn push_read(&mut self, name: impl std::fmt::Display, reader: impl Read) {
        let name = self.push_name(name);
        let start = self.bytes.len();
        let bytes = match reader
            .take(MAX_BYTES as u64 + 1)
            .read_to_end(&mut self.bytes)
        {
            Ok(_) => Ok(start..self.bytes.len()),
            Err(e) => {
                self.bytes.truncate(start);
                Err(Unread::File(e))
            }
        };
        self.files.push(Entry { name, bytes });
    }

    fn push_name(&mut self, name: impl std::fmt::Display) -> Range<usize> {
        let start = self.names.len();
        let _ = write!(self.names, "{name}");
        start..self.names.len()
    }

    /// Imports and scores the `i`th file.
    fn prepare(&self, bank: &Bank, i: usize) -> Prepared {
        let bytes = self.files[i].bytes.as_ref()?.clone();
        let text = std::str::from_utf8(&self.bytes[bytes]).map_err(|_| &Unread::NotText)?;
        prepare(bank, text)
    }
}

/// Files per batch handed from the reading thread to the preparing ones.
const BATCH: usize = 512;

/// Reads every file below `paths`, prepares them on `threads` threads and
/// hands each to `fold` with its name, in reading order, whatever the
/// threads' timing: one thread walks and reads, `threads` import and score,
/// and this one folds. At most `2 × threads + 2` batches exist at a time
/// (each comes back to the reader once folded), so memory stays flat.
fn stream(bank: &Bank, paths: &[String], threads: usize, fold: &mut dyn FnMut(&str, Prepared)) {
    let (to_prepare, waiting) = mpsc::channel::<(usize, Batch)>();
    let waiting = Mutex::new(waiting);
    let (to_fold, prepared) = mpsc::channel::<(usize, Batch, Vec<Prepared>)>();
    let (to_reuse, reusable) = mpsc::channel::<Batch>();
    for _ in 0..2 * threads + 2 {
        let _ = to_reuse.send(Batch::default());
    }
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut sent = 0;
            let mut send = |batch: &mut Batch| {
                let next = reusable.recv().unwrap_or_default();
                let _ = to_prepare.send((sent, std::mem::replace(batch, next)));
                sent += 1;
            };
            let mut batch = Batch::default();
            for p in paths {
                walk(Path::new(p), &mut batch, &mut send);
            }
            if batch.len() > 0 {
                send(&mut batch);
            }
        });
        for _ in 0..threads {
            let (waiting, to_fold) = (&waiting, to_fold.clone());
            scope.spawn(move || loop {
                let next = waiting
                    .lock()
                    .map_err(|_| ())
                    .and_then(|rx| rx.recv().map_err(|_| ()));
                let Ok((seq, batch)) = next else { break };
                let all = std::panic::catch_unwind(AssertUnwindSafe(|| {
                    (0..batch.len()).map(|i| batch.prepare(bank, i)).collect()
                }))
                .unwrap_or_else(|_| vec![Err(Refused::from(&Unread::Crashed)); batch.len()]);
                if to_fold.send((seq, batch, all)).is_err() {
                    break;
                }
            });
        }
        drop(to_fold);
        // Batches finish in any order; they are folded in the order read.
        let mut early = BTreeMap::new();
        let mut next = 0;
        for (seq, batch, all) in prepared {
            early.insert(seq, (batch, all));
            while let Some((mut batch, all)) = early.remove(&next) {
                for (i, p) in all.into_iter().enumerate() {
                    fold(batch.name(i), p);
                }
                batch.clear();
                let _ = to_reuse.send(batch);
                next += 1;
            }
        }
    });
}

/// Queues `path` if it is a file, every entry of an archive, or every
/// `.json` file and archive below a folder; `full` takes the batch away
/// whenever it is full.
fn walk(path: &Path, batch: &mut Batch, full: &mut dyn FnMut(&mut Batch)) {
    walk_as(path, path.is_dir(), batch, full);
}

/// [`walk`] for a path already known to be a folder or not — from its
/// folder entry, which costs no `stat` (a million files in a folder would
/// otherwise cost a million of them).
fn walk_as(path: &Path, is_dir: bool, batch: &mut Batch, full: &mut dyn FnMut(&mut Batch)) {
    if is_dir {
        let entries = match std::fs::read_dir(path) {
            Ok(e) => e,
            Err(e) => {
                batch.push_err(path.display(), Unread::Folder(e));
                return queued(batch, full);
            }
        };
        for entry in entries.flatten() {
            let p = entry.path();
            // A symbolic link is followed (its entry type says only "link").
            let dir = match entry.file_type() {
                Ok(t) if t.is_symlink() => p.is_dir(),
                Ok(t) => t.is_dir(),
                Err(_) => p.is_dir(),
            };
            if dir || is_cohort_file(&entry.file_name().to_string_lossy()) {
                walk_as(&p, dir, batch, full);
            }
        }
    } else if is_archive(&path.to_string_lossy()) {
        archive(path, batch, full);
    } else {
        match File::open(path) {
            Ok(f) => batch.push_read(path.display(), f),
            Err(e) => batch.push_err(path.display(), Unread::File(e)),
        }
        queued(batch, full);
    }
}

/// Hands the batch on when it is full.
fn queued(batch: &mut Batch, full: &mut dyn FnMut(&mut Batch)) {
    if batch.len() >= BATCH {
        full(batch);
    }
}

/// Every `.json` entry of a zip archive, read in order from the local
/// headers so that memory does not grow with the number of entries.
fn archive(path: &Path, batch: &mut Batch, full: &mut dyn FnMut(&mut Batch)) {
    let name = path.display();
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => {
            batch.push_err(name, Unread::Archive(e));
            return queued(batch, full);
        }
    };
    let mut reader = BufReader::with_capacity(1 << 16, file);
    loop {
        match zip::read::read_zipfile_from_stream(&mut reader) {
            Ok(Some(mut entry)) => {
                if !entry.is_dir() && is_result_entry(entry.name()) {
                    let entry_name = format!("{name}:{}", entry.name());
                    batch.push_read(entry_name, &mut entry);
                }
                // Whatever is left of the entry (all of a skipped one, the
                // rest of an oversized one) is read through to reach the
                // next header.
                let _ = std::io::copy(&mut entry, &mut std::io::sink());
                drop(entry);
                queued(batch, full);
            }
            Ok(None) => break,
            Err(e) => {
                batch.push_err(name, Unread::Stream(e));
                queued(batch, full);
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
        assert!(parse(&args(&["a", "--parquet"]))
            .unwrap_err()
            .to_string()
            .contains("--parquet"));
        assert!(parse(&args(&["--people"])).is_err());
    }

    /// Each wrong use is its own error, in the words the command printed
    /// when these were strings.
    #[test]
    fn each_wrong_use_is_named_in_its_words() {
        let check = |words: &[&str], expect: UsageError, message: &str| {
            let error = parse(&args(words)).unwrap_err();
            assert_eq!(error, expect, "{words:?}");
            assert_eq!(error.to_string(), message);
        };
        check(
            &["a", "--csv"],
            UsageError::CsvFile,
            "--csv needs a file name",
        );
        check(
            &["--people", "a", "--parquet"],
            UsageError::ParquetFolder,
            "--parquet needs a folder",
        );
        let none = "name at least one result file, folder or .zip archive";
        check(&["--people"], UsageError::NoPaths, none);
        check(&[], UsageError::NoPaths, none);
        check(&["--csv", "out.csv"], UsageError::NoPaths, none);
    }

    /// Every reason a file never reaches the importer, word for word.
    #[test]
    fn each_unread_file_says_why_in_its_words() {
        let denied = || std::io::Error::other("denied");
        let check = |why: Unread, expect: &str| assert_eq!(why.to_string(), expect);
        check(Unread::File(denied()), "the file cannot be read: denied");
        check(
            Unread::Folder(denied()),
            "the folder cannot be read: denied",
        );
        check(
            Unread::Archive(denied()),
            "the archive cannot be read: denied",
        );
        check(
            Unread::Stream(zip::result::ZipError::InvalidArchive(
                "Invalid local file header".into(),
            )),
            "the archive is damaged or uses a form this tool cannot stream: \
             invalid Zip archive: Invalid local file header",
        );
        check(
            Unread::NotText,
            "the file is not text (UTF-8), so it is not a result file",
        );
        check(Unread::Crashed, "the file could not be processed");
    }

    /// A scratch folder of its own for one test, emptied first.
    fn scratch(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "crossroads-cohort-cli-{name}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// What a walk over `path` queues: each name and its reason, if any.
    fn walked(path: &Path, is_dir: bool) -> Batch {
        let mut batch = Batch::default();
        walk_as(path, is_dir, &mut batch, &mut |_| {});
        batch
    }

    /// Each way of not reading a file gives its own reason, and reaches
    /// the skipped list as those words with no technical detail.
    #[test]
    fn files_that_cannot_be_read_are_refused_for_their_own_reason() {
        let dir = scratch("unread");
        let bank = Content::builtin().unwrap().bank;
        let refused = |batch: &Batch| batch.prepare(&bank, 0).unwrap_err();

        let missing = walked(&dir.join("gone.json"), false);
        assert!(matches!(missing.files[0].bytes, Err(Unread::File(_))));
        assert!(refused(&missing)
            .problem
            .starts_with("the file cannot be read: "));

        let folder = walked(&dir.join("gone"), true);
        assert!(matches!(folder.files[0].bytes, Err(Unread::Folder(_))));
        assert_eq!(folder.name(0), dir.join("gone").display().to_string());

        let archive = walked(&dir.join("gone.zip"), false);
        assert!(matches!(archive.files[0].bytes, Err(Unread::Archive(_))));

        std::fs::write(dir.join("photo.zip"), b"not an archive at all").unwrap();
        let damaged = walked(&dir.join("photo.zip"), false);
        assert!(matches!(damaged.files[0].bytes, Err(Unread::Stream(_))));
        assert!(refused(&damaged)
            .problem
            .starts_with("the archive is damaged or uses a form this tool cannot stream: "));

        struct Failing;
        impl Read for Failing {
            fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("the disk went away"))
            }
        }
        let mut batch = Batch::default();
        batch.push_read("failing.json", Failing);
        batch.push_read("binary.json", &[0xff, 0xfe, 0x00, 0x89][..]);
        assert!(matches!(batch.files[0].bytes, Err(Unread::File(_))));
        assert_eq!(
            batch.prepare(&bank, 0).unwrap_err(),
            Refused {
                problem: "the file cannot be read: the disk went away".into(),
                detail: None,
            }
        );
        assert!(batch.files[1].bytes.is_ok());
        assert_eq!(
            batch.prepare(&bank, 1).unwrap_err(),
            Refused {
                problem: "the file is not text (UTF-8), so it is not a result file".into(),
                detail: None,
            }
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// A failed write names the output, as the command printed it before:
    /// the Parquet export in its own words, the CSV with its file name.
    #[test]
    fn each_write_failure_reads_as_before() {
        let create = ExportError::Create {
            path: "out/results.parquet".into(),
            source: std::io::Error::other("denied"),
        };
        let words = create.to_string();
        assert_eq!(words, "out/results.parquet: cannot create: denied");
        let parquet = WriteError::from(create);
        assert!(matches!(parquet, WriteError::Parquet(_)));
        assert_eq!(parquet.to_string(), words);
        let csv = WriteError::Csv {
            file: "people.csv".into(),
            source: std::io::Error::other("no space left"),
        };
        assert_eq!(csv.to_string(), "people.csv: cannot write: no space left");
    }
}
