//! Reading many chosen files in order, for the cohort page, while the page
//! decodes the ones already read.
//!
//! The reads are done by a worker (`static/read-files.js`), off the page's
//! thread: the page decodes one batch while the next is read, and the
//! worker reads each batch of files as one joined read, which Chromium
//! starts once instead of once per file. Handing the files to the worker
//! still costs the page a look-up of each on disk, so they go over a few at
//! a time ([`HAND_OVER`]). Where a worker cannot
//! run (the script is missing on a host, or fails), the page reads the
//! files itself, a window of reads ahead of the one being decoded — the
//! same result, more slowly. Either way nothing leaves the browser.
//!
//! A chosen `.zip` archive is unpacked by the worker, which sends its
//! `.json` entries a part at a time; each entry then counts as a file of
//! its own, named `archive.zip:entry.json`. Where no worker runs, an
//! archive is listed as skipped, with what to do instead.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::core::cohort::{is_archive, ChosenFileError};

/// The worker's script, beside the page.
const WORKER: &str = "read-files.js";

/// How many files the page reads ahead of the one being decoded when it
/// reads them itself.
const READ_AHEAD: usize = 128;

/// Who is reading the files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    Worker,
    Page,
}

impl Reader {
    pub fn name(self) -> &'static str {
        match self {
            Reader::Worker => "worker",
            Reader::Page => "page",
        }
    }
}

/// What the worker has sent and the page has not taken yet: batches of
/// files' bytes, or `None` when the worker failed. `wake` resolves the
/// promise the page is waiting on, if it is waiting.
#[derive(Default)]
struct Inbox {
    received: VecDeque<Option<js_sys::Array>>,
    wake: Option<js_sys::Function>,
}

impl Inbox {
    fn push(inbox: &RefCell<Inbox>, item: Option<js_sys::Array>) {
        let wake = {
            let mut inbox = inbox.borrow_mut();
            inbox.received.push_back(item);
            inbox.wake.take()
        };
        if let Some(wake) = wake {
            let _ = wake.call0(&JsValue::NULL);
        }
    }

    async fn take(inbox: &RefCell<Inbox>) -> Option<js_sys::Array> {
        loop {
            if let Some(item) = inbox.borrow_mut().received.pop_front() {
                return item;
            }
            let promise = js_sys::Promise::new(&mut |resolve, _| {
                inbox.borrow_mut().wake = Some(resolve);
            });
            let _ = JsFuture::from(promise).await;
        }
    }
}

/// A running worker, the handlers that feed its inbox, and the bytes of the
/// batch being taken.
struct Worker {
    worker: web_sys::Worker,
    inbox: Rc<RefCell<Inbox>>,
    batch: VecDeque<JsValue>,
    /// The files to read, until they are handed over.
    files: Vec<web_sys::File>,
    /// The worker's events, listened to while this lives (the page's own
    /// kind of listener: no handler type of its own in the wasm).
    _listeners: [EventListener; 3],
}

/// How many files the page hands the worker in one message. Handing a file
/// over costs the page a synchronous look-up of the file on disk (about
/// 0.35 ms a file in Chromium, and about as much whichever way a file is
/// handed over or read): 2,000 files in one message held the page for
/// 0.7 s in a single task. A few at a time, with the page free in between,
/// no task is long (docs/cohorts.md).
const HAND_OVER: usize = 128;

/// How many batches the worker may read before the page has taken any: it
/// reads nothing until every file is handed over, since reading while the
/// page hands over files slows both (by a fifth in all, measured).
const CREDIT: u32 = 8;

impl Worker {
    /// Starts a worker to read `files`, or `None` if the browser will not
    /// start one.
    fn start(files: Vec<web_sys::File>) -> Option<Worker> {
        let worker = web_sys::Worker::new(WORKER).ok()?;
        let inbox = Rc::new(RefCell::new(Inbox::default()));
        let on_message = {
            let inbox = inbox.clone();
            EventListener::new(&worker, "message", move |e| {
                let batch = e.dyn_ref::<web_sys::MessageEvent>().map(|m| m.data());
                Inbox::push(&inbox, batch.and_then(|b| b.dyn_into().ok()));
            })
        };
        // A script that fails to load or run, or a message that cannot be
        // read: the page reads the rest itself.
        let failed = |event| {
            let inbox = inbox.clone();
            EventListener::new(&worker, event, move |_| Inbox::push(&inbox, None))
        };
        let listeners = [on_message, failed("error"), failed("messageerror")];
        Some(Worker {
            worker,
            inbox,
            batch: VecDeque::new(),
            files,
            _listeners: listeners,
        })
    }

    /// Hands the worker every file, [`HAND_OVER`] at a time with the page
    /// free in between, then lets it read; `false` if the browser refused a
    /// message.
    async fn hand_over(&mut self) -> bool {
        let files = std::mem::take(&mut self.files);
        for chunk in files.chunks(HAND_OVER) {
            let list: js_sys::Array = chunk.iter().collect();
            if self.worker.post_message(&list).is_err() {
                return false;
            }
            crate::app::boot::next_tick().await;
        }
        self.worker.post_message(&JsValue::from(CREDIT)).is_ok()
    }

    /// The next file's bytes (`null` when the worker could not read it),
    /// or `None` when the worker has failed.
    async fn next(&mut self) -> Option<JsValue> {
        if !self.files.is_empty() && !self.hand_over().await {
            return None;
        }
        if self.batch.is_empty() {
            let batch = Inbox::take(&self.inbox).await?;
            // The page has taken a batch: the worker may read one more.
            let _ = self.worker.post_message(&JsValue::from(1));
            self.batch.extend(batch.iter());
        }
        self.batch.pop_front()
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// An archive the worker is unpacking: its name and the entries of the
/// part being taken, each `[name, bytes or why not]`.
struct Archive {
    name: String,
    entries: VecDeque<JsValue>,
    last: bool,
    /// Whether its entries are in [`FileReads::total`].
    counted: bool,
}

/// What the worker sent for one chosen file, or for one entry of an
/// archive, written into `bytes`: an `ArrayBuffer`, `null` for a file that
/// could not be read, an entry's size when it is too large to unpack, or a
/// word for why it could not be unpacked.
fn bytes_of(value: &JsValue, bytes: &mut Vec<u8>) -> Result<(), ChosenFileError> {
    if let Some(size) = value.as_f64() {
        return Err(ChosenFileError::TooLarge { bytes: size as u64 });
    }
    if let Some(why) = value.as_string() {
        return Err(ChosenFileError::from_worker(&why));
    }
    match value.dyn_ref::<js_sys::ArrayBuffer>() {
        Some(buffer) => {
            let array = js_sys::Uint8Array::new(buffer);
            bytes.resize(array.length() as usize, 0);
            array.copy_to(bytes);
            Ok(())
        }
        None => Err(ChosenFileError::Unreadable),
    }
}

/// The chosen files, read one after another in the order chosen.
pub struct FileReads {
    files: Rc<Vec<web_sys::File>>,
    /// Each file's check: a file too large to be a result is not read.
    checks: Vec<Result<(), ChosenFileError>>,
    /// Which files are archives.
    archives: Vec<bool>,
    /// The archive being unpacked.
    archive: Option<Archive>,
    /// How many files and archive entries there are, as far as known.
    total: usize,
    /// The next file to hand out.
    next: usize,
    worker: Option<Worker>,
    /// When the page reads: the reads started, for the readable files from
    /// `next` up to `ahead`.
    window: VecDeque<JsFuture>,
    ahead: usize,
}

impl FileReads {
    pub fn start(files: Rc<Vec<web_sys::File>>) -> FileReads {
        let checks: Vec<_> = files
            .iter()
            .map(|f| ChosenFileError::check(&f.name(), || f.size() as u64))
            .collect();
        let readable: Vec<web_sys::File> = files
            .iter()
            .zip(&checks)
            .filter(|(_, check)| check.is_ok())
            .map(|(f, _)| f.clone())
            .collect();
        let worker = Worker::start(readable);
        let archives = files.iter().map(|f| is_archive(&f.name())).collect();
        FileReads {
            total: files.len(),
            files,
            checks,
            archives,
            archive: None,
            next: 0,
            worker,
            window: VecDeque::new(),
            ahead: 0,
        }
    }

    /// Who is reading the files now.
    pub fn reader(&self) -> Reader {
        if self.worker.is_some() {
            Reader::Worker
        } else {
            Reader::Page
        }
    }

    /// How many files and archive entries there are, as far as known: an
    /// archive counts as one until the worker has read its directory.
    pub fn total(&self) -> usize {
        self.total
    }

    /// The next file's (or archive entry's) name and its bytes, written
    /// into `bytes`, or why it could not be read; `None` after the last.
    pub async fn next(
        &mut self,
        bytes: &mut Vec<u8>,
    ) -> Option<(String, Result<(), ChosenFileError>)> {
        loop {
            if let Some(archive) = self.archive.as_mut() {
                if let Some(entry) = archive.entries.pop_front() {
                    let entry: js_sys::Array = entry.unchecked_into();
                    let name = entry.get(0).as_string().unwrap_or_default();
                    let name = format!("{}:{name}", archive.name);
                    return Some((name, bytes_of(&entry.get(1), bytes)));
                }
                if archive.last {
                    self.archive = None;
                    continue;
                }
                let part = match self.worker.as_mut() {
                    Some(worker) => worker.next().await,
                    None => None,
                };
                let name = match part {
                    Some(part) => match self.take_part(&part) {
                        Ok(()) => continue,
                        Err(why) => return Some(why),
                    },
                    None => self.archive.take().map(|a| a.name).unwrap_or_default(),
                };
                // The worker failed in the middle of an archive: the page
                // reads the files after it itself.
                self.worker = None;
                self.ahead = self.next;
                return Some((name, Err(ChosenFileError::Unreadable)));
            }
            let i = self.next;
            let name = self.files.get(i)?.name();
            self.next += 1;
            if let Err(why) = &self.checks[i] {
                return Some((name, Err(why.clone())));
            }
            let sent = match self.worker.as_mut() {
                Some(worker) => match worker.next().await {
                    Some(sent) => Some(sent),
                    None => {
                        // The worker failed: the page reads this file and
                        // the rest itself.
                        self.worker = None;
                        self.ahead = i;
                        None
                    }
                },
                None => None,
            };
            let sent = match sent {
                Some(sent) => sent,
                None if self.archives[i] => {
                    return Some((name, Err(ChosenFileError::ArchiveNeedsWorker)))
                }
                None => self.read_here(i).await,
            };
            if !self.archives[i] {
                return Some((name, bytes_of(&sent, bytes)));
            }
            self.archive = Some(Archive {
                name,
                entries: VecDeque::new(),
                last: false,
                counted: false,
            });
            if let Err(why) = self.take_part(&sent) {
                return Some(why);
            }
        }
    }

    /// Takes the next part of the archive being unpacked, `{ count,
    /// entries, last }`. For an archive that cannot be read (`{ error }`)
    /// the archive ends here, and its name and why are returned.
    fn take_part(&mut self, part: &JsValue) -> Result<(), (String, Result<(), ChosenFileError>)> {
        let field = |key: &str| js_sys::Reflect::get(part, &key.into()).unwrap_or_default();
        let entries = field("entries").dyn_into::<js_sys::Array>();
        let why = match (field("error").as_string(), entries) {
            (None, Ok(entries)) => {
                let Some(archive) = self.archive.as_mut() else {
                    return Ok(());
                };
                if !archive.counted {
                    // From now on the archive stands for its entries.
                    let count = field("count").as_f64().unwrap_or_default() as usize;
                    self.total += count.saturating_sub(1);
                    archive.counted = true;
                }
                archive.entries.extend(entries.iter());
                archive.last = field("last").is_truthy();
                return Ok(());
            }
            (Some(why), _) => ChosenFileError::from_worker(&why),
            (None, Err(_)) => ChosenFileError::Damaged,
        };
        let name = self.archive.take().map(|a| a.name).unwrap_or_default();
        Err((name, Err(why)))
    }

    /// Reads file `i` in the page, keeping a window of reads started
    /// ahead of it.
    async fn read_here(&mut self, i: usize) -> JsValue {
        let limit = (i + READ_AHEAD).min(self.files.len());
        while self.ahead < limit {
            if self.checks[self.ahead].is_ok() && !self.archives[self.ahead] {
                let f = &self.files[self.ahead];
                self.window.push_back(JsFuture::from(f.array_buffer()));
            }
            self.ahead += 1;
        }
        match self.window.pop_front() {
            Some(read) => read.await.unwrap_or(JsValue::NULL),
            None => JsValue::NULL,
        }
    }
}
