//! Start-up: read the program's `crossroads.json` and content files beside
//! `index.html`, validate them, and fall back to the built-in content when
//! anything is wrong — participants always get a working app, and the
//! coordinator sees every problem on `#/admin`.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::app::route::Page;
use crate::app::Part;
use crate::core::career::catalog::Catalog;
use crate::core::config::{Config, CONFIG_FILE};
use crate::core::content::Content;
use crate::core::problems::Problem;
use crate::core::program::ProgramTexts;

/// What start-up found, for the coordinator's check page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BootReport {
    /// Whether a `crossroads.json` was found and read.
    pub config_found: bool,
    /// Content files that replaced built-in ones.
    pub custom_files: Vec<String>,
    /// The program's own bank file, when it is the one in use.
    pub bank_file: Option<String>,
    /// Every problem found. A bank or catalog with a problem is replaced by
    /// the built-in one (each on its own); a broken `crossroads.json` means
    /// the built-in settings and content.
    pub problems: Vec<Problem>,
}

/// The loaded content, its settings and the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Booted {
    pub content: Rc<Content>,
    pub config: Rc<Config>,
    pub report: Rc<BootReport>,
}

/// Why a program's file beside `index.html` could not be fetched; shown as
/// a problem on the deployment check.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
enum FetchError {
    /// Not in a browser window (a worker, a test harness).
    #[error("no window")]
    NoWindow,
    /// Offline with nothing cached, or the request was blocked.
    #[error("the file could not be fetched (network error)")]
    Network,
    /// `fetch` resolved to something that is not a `Response`.
    #[error("not a response")]
    NotAResponse,
    /// The server answered with an error status other than 404.
    #[error("the server answered HTTP {0}")]
    Status(u16),
    /// The body could not be read as text.
    #[error("unreadable body")]
    UnreadableBody,
}

/// Fetches a file beside `index.html`: `Ok(None)` when it does not exist.
async fn fetch_text(path: &str) -> Result<Option<String>, FetchError> {
    let window = web_sys::window().ok_or(FetchError::NoWindow)?;
    let response = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(|_| FetchError::Network)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| FetchError::NotAResponse)?;
    if response.status() == 404 {
        return Ok(None);
    }
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| FetchError::UnreadableBody)?)
        .await
        .map_err(|_| FetchError::UnreadableBody)?;
    Ok(text.as_string())
}

/// Lets the browser paint and handle input before the next piece of work
/// (a macrotask, unlike an awaited promise), so start-up never blocks the
/// page in one long task.
pub async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Waits `ms` milliseconds without blocking the page.
pub async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Parses the built-in content this page needs, yielding between the bank
/// and the catalog.
pub async fn builtin<P: Part>() -> Result<Rc<Content>, Vec<Problem>> {
    next_tick().await;
    let bank = P::builtin_bank();
    next_tick().await;
    let catalog = P::builtin_catalog().unwrap_or_else(|| Ok(Catalog::default()));
    Content::combine(bank, catalog).map(Rc::new)
}

/// Loads settings and the content this page needs. Never fails: the worst
/// case is the built-in content with a list of problems.
pub async fn boot<P: Part>(builtin: Rc<Content>) -> Booted {
    let mut report = BootReport::default();
    let fallback = |report: BootReport, config: Config| Booted {
        content: builtin.clone(),
        config: Rc::new(config),
        report: Rc::new(report),
    };
    let config = match fetch_text(CONFIG_FILE).await {
        Ok(None) => return fallback(report, Config::default()),
        Err(why) => {
            // Offline with nothing cached, or a server error: run as shipped.
            report
                .problems
                .push(Problem::new(CONFIG_FILE, "$", why.to_string()));
            return fallback(report, Config::default());
        }
        Ok(Some(text)) => {
            report.config_found = true;
            match Config::from_json(&text) {
                Ok(c) => c,
                Err(problems) => {
                    report.problems = problems;
                    return fallback(report, Config::default());
                }
            }
        }
    };
    // The assessment page needs only the bank; the other pages need all.
    let uses_catalog = P::PAGE != Page::Assess;
    let files: Vec<_> = config
        .content
        .named()
        .into_iter()
        .filter(|(key, _)| uses_catalog || *key == "bank")
        .collect();
    if files.is_empty() {
        return fallback(report, config);
    }
    // Fetch every named file; a missing or unreadable one is a problem, and
    // the built-in text stands in for it.
    let mut program = ProgramTexts::default();
    for (key, path) in files {
        match fetch_text(path).await {
            Ok(Some(text)) => program.add(key, path, text),
            Ok(None) => report.problems.push(Problem::new(
                CONFIG_FILE,
                format!("content.{key}"),
                format!("\"{path}\" was not found beside index.html"),
            )),
            Err(why) => report
                .problems
                .push(Problem::new(path, "$", why.to_string())),
        }
    }
    // The bank and the catalog fall back to the built-in ones each on its
    // own. Both pages read the same bank file by the same rule, so they
    // always agree on which questionnaire the answers belong to — the
    // assessment page never even fetches the catalog.
    let mut used: Vec<String> = Vec::new();
    let bank = match program.bank() {
        None => std::sync::Arc::clone(&builtin.bank),
        Some(Ok(bank)) => {
            used.extend(program.path_of("bank"));
            report.bank_file = program.path_of("bank");
            std::sync::Arc::new(bank)
        }
        Some(Err(problems)) => {
            report.problems.extend(problems);
            std::sync::Arc::clone(&builtin.bank)
        }
    };
    let catalog = match P::program_catalog(&program) {
        Some(Ok(catalog)) => {
            used.extend(program.catalog_paths());
            std::sync::Arc::new(catalog)
        }
        Some(Err(problems)) => {
            report.problems.extend(problems);
            std::sync::Arc::clone(&builtin.catalog)
        }
        None => std::sync::Arc::clone(&builtin.catalog),
    };
    report.custom_files = used;
    Booted {
        content: Rc::new(Content { bank, catalog }),
        config: Rc::new(config),
        report: Rc::new(report),
    }
}

/// Puts the program's name, logo, accent colour and welcome text on the
/// page. Text is set as text, never parsed as HTML; the colour goes through
/// the CSS object model, which the Content Security Policy allows.
pub fn apply_branding(config: &Config) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let (Some(accent), Some(root)) = (&config.accent, document.document_element()) {
        if let Ok(el) = root.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.style().set_property("--accent", accent);
            let _ = el.style().set_property("--mgmt", accent);
        }
    }
    if let Some(brand) = document.query_selector(".brand").ok().flatten() {
        if let Some(logo) = &config.logo {
            if let Ok(img) = document.create_element("img") {
                let _ = img.set_attribute("src", logo);
                let _ = img.set_attribute("alt", "");
                let _ = img.set_attribute("class", "program-logo");
                let _ = brand.prepend_with_node_1(&img);
            }
        }
        if let Some(name) = &config.name {
            if let Ok(span) = document.create_element("span") {
                span.set_text_content(Some(name));
                let _ = span.set_attribute("class", "program-name");
                let _ = brand.append_with_node_1(&span);
            }
            document.set_title(&format!("{name} · Crossroads"));
        }
    }
    if let (Some(text), Some(welcome)) = (&config.welcome, document.get_element_by_id("welcome")) {
        if let Ok(p) = document.create_element("p") {
            p.set_text_content(Some(text));
            let _ = p.set_attribute("class", "program-welcome panel");
            if let Some(title) = document.get_element_by_id("welcome-title") {
                let _ = title.after_with_node_1(&p);
            } else {
                let _ = welcome.prepend_with_node_1(&p);
            }
        }
    }
}
