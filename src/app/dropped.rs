//! Folders dropped on the cohort page. A drop hands the page a folder as
//! one item, which is no file; its files are found by walking it. A
//! dropped folder is taken as "Choose a folder" takes one: every result
//! file and archive in it and its subfolders, and nothing else it holds.
//! Files dropped beside it are taken as they are, as when only files are
//! dropped, so a wrongly named one is listed as skipped with why.
//!
//! Where the browser has file system handles (Chromium's
//! `getAsFileSystemHandle`), the walk goes through them: 2,000 files are
//! listed and opened in 0.25–0.4 s here, where the File and Directory
//! Entries API, which every current browser has and is used elsewhere,
//! takes 1.0–1.3 s (each `file()` is a look-up of its own). Files opened
//! either way carry their size and date already, so reading them later
//! costs no look-up either.

use js_sys::{Array, Function, IteratorNext, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DataTransfer, DataTransferItem, File, FileSystemDirectoryEntry, FileSystemDirectoryHandle,
    FileSystemEntry, FileSystemFileEntry, FileSystemFileHandle, FileSystemHandle,
    FileSystemHandleKind,
};

use crate::core::cohort::is_cohort_file;
use crate::core::map::sort_by;

/// How many files are awaited at once: more at once is faster (2,000
/// through handles: 0.16 s all together, 0.25 s 128 at a time), but a
/// batch is awaited file by file when one of it fails.
const AT_ONCE: usize = 512;

/// How many files are asked for in one task. Asking is itself work for
/// the page (each `getFile()` about 0.1 ms here): all 2,000 asked for in
/// one go held it for 0.1–0.28 s, the longest task of a dropped folder's
/// pass. Asked for a slice at a time, with the page free in between, they
/// are all under way as before.
const ASK_AT_ONCE: usize = 128;

/// What a walk through the dropped folders found.
#[derive(Default)]
pub struct Found {
    /// The files to read, in the order of their paths.
    pub files: Vec<File>,
    /// Files and folders the browser could not open (removed meanwhile, or
    /// not readable by this user).
    pub unreadable: usize,
}

/// What was dropped, when at least one item is a folder.
pub enum Folders {
    /// Each item's file system handle, as the browser will give it.
    Handles(Vec<Promise>),
    /// Each item's entry, where the browser has no handles.
    Entries(Vec<FileSystemEntry>),
}

/// The drop's items when at least one is a folder; `None` when only files
/// were dropped, which the drop's file list holds as they are. Call it
/// within the drop event: the browser empties the list after it.
pub fn with_folders(dropped: &DataTransfer) -> Option<Folders> {
    let list = dropped.items();
    let items: Vec<DataTransferItem> = (0..list.length())
        .filter_map(|i| list.get(i))
        .filter(|item| item.kind() == "file")
        .collect();
    let entries: Vec<FileSystemEntry> = items
        .iter()
        .filter_map(|item| item.webkit_get_as_entry().ok().flatten())
        .collect();
    if !entries.iter().any(FileSystemEntry::is_directory) {
        return None;
    }
    let handles: Option<Vec<Promise>> = items.iter().map(handle_of).collect();
    Some(match handles {
        Some(handles) => Folders::Handles(handles),
        None => Folders::Entries(entries),
    })
}

/// The item's `getAsFileSystemHandle()`, where the browser has it (looked
/// up rather than bound, since most browsers do not).
fn handle_of(item: &DataTransferItem) -> Option<Promise> {
    let method: Function = Reflect::get(item, &JsValue::from_str("getAsFileSystemHandle"))
        .ok()?
        .dyn_into()
        .ok()?;
    method.call0(item).ok()?.dyn_into().ok()
}

/// Every file to read in what was dropped: the files themselves, and the
/// result files and archives found in the folders, however deep.
/// `on_found` hears how many have been found so far, a folder at a time.
pub async fn files_in(folders: Folders, on_found: impl Fn(usize)) -> Found {
    match folders {
        Folders::Handles(handles) => through_handles(handles, on_found).await,
        Folders::Entries(entries) => through_entries(entries, on_found).await,
    }
}

async fn through_handles(asked: Vec<Promise>, on_found: impl Fn(usize)) -> Found {
    let mut found = Found::default();
    let mut files: Vec<(String, FileSystemFileHandle)> = Vec::new();
    let mut folders: Vec<(String, FileSystemDirectoryHandle)> = Vec::new();
    for handle in asked {
        match JsFuture::from(handle).await {
            Ok(handle) if !handle.is_null() => {
                let handle: FileSystemHandle = handle.unchecked_into();
                let name = handle.name();
                match handle.kind() {
                    FileSystemHandleKind::Directory => {
                        folders.push((name, handle.unchecked_into()))
                    }
                    _ => files.push((name, handle.unchecked_into())),
                }
            }
            _ => found.unreadable += 1,
        }
    }
    while let Some((path, folder)) = folders.pop() {
        let listing = folder.values();
        loop {
            let step = match listing.next() {
                Ok(step) => JsFuture::from(step).await,
                Err(e) => Err(e),
            };
            let Ok(step) = step else {
                found.unreadable += 1;
                break;
            };
            let step: IteratorNext = step.unchecked_into();
            if step.done() {
                break;
            }
            let handle: FileSystemHandle = step.value().unchecked_into();
            let name = handle.name();
            let at = format!("{path}/{name}");
            match handle.kind() {
                FileSystemHandleKind::Directory => folders.push((at, handle.unchecked_into())),
                _ if is_cohort_file(&name) => files.push((at, handle.unchecked_into())),
                _ => {}
            }
        }
        on_found(files.len());
    }
    sort_by(&mut files, |a, b| a.0.cmp(&b.0));
    let asked = ask(&files, |(_, f)| f.get_file()).await;
    opened(asked, &mut found).await;
    found
}

/// Asks for each item's file, [`ASK_AT_ONCE`] in a task.
async fn ask<T>(items: &[T], file_of: impl Fn(&T) -> Promise) -> Vec<Promise> {
    let mut asked = Vec::with_capacity(items.len());
    for (i, slice) in items.chunks(ASK_AT_ONCE).enumerate() {
        if i > 0 {
            crate::app::boot::next_tick().await;
        }
        asked.extend(slice.iter().map(&file_of));
    }
    asked
}

/// The files the browser opened for `asked`, a batch at a time; a batch in
/// which one failed is awaited file by file, to keep the rest.
async fn opened(asked: Vec<Promise>, found: &mut Found) {
    for batch in asked.chunks(AT_ONCE) {
        let all = Promise::all(&batch.iter().collect::<Array>());
        let got: Vec<JsValue> = match JsFuture::from(all).await {
            Ok(got) => got.unchecked_into::<Array>().iter().collect(),
            Err(_) => {
                let mut one_by_one = Vec::new();
                for file in batch {
                    one_by_one.push(JsFuture::from(file.clone()).await.unwrap_or(JsValue::NULL));
                }
                one_by_one
            }
        };
        for file in got {
            match file.dyn_into::<File>() {
                Ok(file) => found.files.push(file),
                Err(_) => found.unreadable += 1,
            }
        }
    }
}

enum Kind {
    Folder(FileSystemDirectoryEntry),
    File(FileSystemFileEntry),
    Other,
}

/// A folder or a file, by the entry's own word: Chromium gives its entry
/// types no constructors to test against (`instanceof`, which `dyn_into`
/// uses, fails there), so the entry is asked.
fn kind(entry: FileSystemEntry) -> Kind {
    if entry.is_directory() {
        Kind::Folder(entry.unchecked_into())
    } else if entry.is_file() {
        Kind::File(entry.unchecked_into())
    } else {
        Kind::Other
    }
}

async fn through_entries(entries: Vec<FileSystemEntry>, on_found: impl Fn(usize)) -> Found {
    let mut found = Found::default();
    let mut files: Vec<FileSystemFileEntry> = Vec::new();
    let mut folders: Vec<FileSystemDirectoryEntry> = Vec::new();
    for entry in entries {
        match kind(entry) {
            Kind::Folder(folder) => folders.push(folder),
            Kind::File(file) => files.push(file),
            Kind::Other => {}
        }
    }
    while let Some(folder) = folders.pop() {
        let reader = folder.create_reader();
        // `readEntries` gives a folder's entries a batch at a time, then an
        // empty batch.
        loop {
            let batch = Promise::new(&mut |resolve, reject| {
                if let Err(e) = reader.read_entries_with_callback_and_callback(&resolve, &reject) {
                    let _ = reject.call1(&wasm_bindgen::JsValue::NULL, &e);
                }
            });
            let Ok(batch) = JsFuture::from(batch).await else {
                found.unreadable += 1;
                break;
            };
            let batch: Array = batch.unchecked_into();
            if batch.length() == 0 {
                break;
            }
            for entry in batch.iter() {
                match kind(entry.unchecked_into()) {
                    Kind::Folder(folder) => folders.push(folder),
                    Kind::File(file) if is_cohort_file(&file.name()) => files.push(file),
                    Kind::File(_) | Kind::Other => {}
                }
            }
        }
        on_found(files.len());
    }
    // The entries' paths, in order, so that a cohort reads the same
    // whichever order the browser walked the folders in.
    let mut named: Vec<(String, FileSystemFileEntry)> =
        files.into_iter().map(|f| (f.full_path(), f)).collect();
    sort_by(&mut named, |a, b| a.0.cmp(&b.0));
    // Each entry's file, or the error the browser gave instead.
    let asked = ask(&named, |(_, entry)| {
        Promise::new(&mut |resolve, _| entry.file_with_callback_and_callback(&resolve, &resolve))
    })
    .await;
    opened(asked, &mut found).await;
    found
}
