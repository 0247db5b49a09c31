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
    participant_csv_row, participants_csv_head, prepare, Cohort, Participant, Prepared,
};
use super::content::Content;
use super::parquet_export::{ParquetExport, ANSWERS_FILE, RESULTS_FILE};
use super::result_file::MAX_BYTES;

/// The options as entered.
#[derive(Debug, Default, PartialEq)]
struct Options {
    people: bool,
    csv: Option<String>,
    parquet: Option<String>,
    paths: Vec<String>,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut o = Options::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--people" => o.people = true,
            "--csv" => o.csv = Some(it.next().ok_or("--csv needs a file name")?.clone()),
            "--parquet" => o.parquet = Some(it.next().ok_or("--parquet needs a folder")?.clone()),
            _ => o.paths.push(a.clone()),
        }
    }
    if o.paths.is_empty() {
        return Err("name at least one result file, folder or .zip archive".into());
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
        Some(Err(e)) => {
            eprintln!("{}: cannot write: {e}", options.csv.unwrap_or_default());
            return 1;
        }
    };
    let mut failed: Option<String> = None;
    let mut cohort = Cohort::new(bank, options.people);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    stream(bank, &options.paths, threads, &mut |name, prepared| {
        cohort.add_prepared(name, prepared, |file, profile| {
            if failed.is_some() {
                return;
            }
            if let Some(x) = export.as_mut() {
                failed = x.push(file, profile).err().map(|e| e.to_string());
            }
            if let Some(w) = csv.as_mut() {
                let row = participant_csv_row(bank, &Participant::new(name, file, profile));
                if let Err(e) = w.write_all(row.as_bytes()) {
                    failed = Some(format!(
                        "{}: cannot write: {e}",
                        options.csv.as_deref().unwrap_or_default()
                    ));
                }
            }
        });
    });
    if let Some(e) = failed {
        eprintln!("cohort: {e}");
        return 1;
    }
    if let (Some(mut w), Some(out)) = (csv, options.csv.as_deref()) {
        if let Err(e) = w.flush() {
            eprintln!("{out}: cannot write: {e}");
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
    bytes: Result<Range<usize>, String>,
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
    fn push_err(&mut self, name: impl std::fmt::Display, why: String) {
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
                Err(format!("the file cannot be read: {e}"))
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
        let bytes = self.files[i].bytes.clone()?;
        let text = std::str::from_utf8(&self.bytes[bytes])
            .map_err(|_| "the file is not text (UTF-8), so it is not a result file".to_owned())?;
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
                .unwrap_or_else(|_| {
                    vec![Err("the file could not be processed".to_owned().into()); batch.len()]
                });
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
                batch.push_err(path.display(), format!("the folder cannot be read: {e}"));
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
            if dir || p.extension().is_some_and(|e| e == "json" || e == "zip") {
                walk_as(&p, dir, batch, full);
            }
        }
    } else if path.extension().is_some_and(|e| e == "zip") {
        archive(path, batch, full);
    } else {
        match File::open(path) {
            Ok(f) => batch.push_read(path.display(), f),
            Err(e) => batch.push_err(path.display(), format!("the file cannot be read: {e}")),
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
            batch.push_err(name, format!("the archive cannot be read: {e}"));
            return queued(batch, full);
        }
    };
    let mut reader = BufReader::with_capacity(1 << 16, file);
    loop {
        match zip::read::read_zipfile_from_stream(&mut reader) {
            Ok(Some(mut entry)) => {
                if !entry.is_dir() && entry.name().ends_with(".json") {
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
                batch.push_err(
                    name,
                    format!("the archive is damaged or uses a form this tool cannot stream: {e}"),
                );
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
            .contains("--parquet"));
        assert!(parse(&args(&["--people"])).is_err());
    }
}
