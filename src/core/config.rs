//! A training program's deployment settings: `crossroads.json` beside
//! `index.html`, naming its branding and any content files that replace the
//! built-in ones. Validated like content: every problem with its JSON path.

use serde::Serialize;

use super::json::{from_json, read_file, At, Fail, Fields, FromJson, Json};
use super::problems::Problem;

/// The file the app looks for beside `index.html`.
pub const CONFIG_FILE: &str = "crossroads.json";

/// Branding and content overrides.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Lets editors find the schema; ignored by Crossroads.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The program's name, shown in the header next to Crossroads.
    #[serde(default)]
    pub name: Option<String>,
    /// A logo image beside `index.html` (relative path).
    #[serde(default)]
    pub logo: Option<String>,
    /// The accent colour, `#rrggbb`; white text must be readable on it.
    #[serde(default)]
    pub accent: Option<String>,
    /// A paragraph added to the welcome screen.
    #[serde(default)]
    pub welcome: Option<String>,
    /// Content files replacing the built-in ones (relative paths).
    #[serde(default)]
    pub content: ContentFiles,
}

/// Which content files to load instead of the built-in ones.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ContentFiles {
    #[serde(default)]
    pub bank: Option<String>,
    #[serde(default)]
    pub skills: Option<String>,
    #[serde(default)]
    pub experience: Option<String>,
    #[serde(default)]
    pub roles: Option<String>,
    #[serde(default)]
    pub certifications: Option<String>,
    #[serde(default)]
    pub activities: Option<String>,
    #[serde(default)]
    pub prompts: Option<String>,
}

impl FromJson for Config {
    fn from_json(v: &Json, at: &At) -> Result<Self, Fail> {
        const FIELDS: &[&str] = &["$schema", "name", "logo", "accent", "welcome", "content"];
        let f = Fields::of(v, at, "struct Config", FIELDS)?;
        Ok(Config {
            schema: f.opt("$schema")?,
            name: f.opt("name")?,
            logo: f.opt("logo")?,
            accent: f.opt("accent")?,
            welcome: f.opt("welcome")?,
            content: f.or_default("content")?,
        })
    }
}

from_json!(ContentFiles {
    bank: opt,
    skills: opt,
    experience: opt,
    roles: opt,
    certifications: opt,
    activities: opt,
    prompts: opt,
});

impl ContentFiles {
    /// Each named file with its config key, in a fixed order.
    pub fn named(&self) -> Vec<(&'static str, &str)> {
        [
            ("bank", &self.bank),
            ("skills", &self.skills),
            ("experience", &self.experience),
            ("roles", &self.roles),
            ("certifications", &self.certifications),
            ("activities", &self.activities),
            ("prompts", &self.prompts),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.as_deref().map(|v| (k, v)))
        .collect()
    }
}

impl Config {
    /// Parses and validates `crossroads.json`.
    pub fn from_json(text: &str) -> Result<Config, Vec<Problem>> {
        let config: Config = read_file(CONFIG_FILE, text).map_err(|p| vec![p])?;
        let problems = config.validate();
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(problems)
        }
    }

    pub fn validate(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        if let Some(accent) = &self.accent {
            match parse_hex(accent) {
                None => out.push(Problem::new(
                    CONFIG_FILE,
                    "accent",
                    format!("\"{accent}\" is not a colour of the form #rrggbb"),
                )),
                Some(rgb) => {
                    let ratio = contrast(rgb, (255, 255, 255));
                    if ratio < 4.5 {
                        out.push(Problem::new(
                            CONFIG_FILE,
                            "accent",
                            format!("white text on {accent} has a contrast of {}:1; it needs at least 4.5:1 to be readable (choose a darker colour)", super::problems::one_decimal(ratio)),
                        ));
                    }
                }
            }
        }
        if let Some(logo) = &self.logo {
            if let Some(why) = unsafe_path(logo) {
                out.push(Problem::new(CONFIG_FILE, "logo", why));
            }
        }
        for (key, path) in self.content.named() {
            if let Some(why) = unsafe_path(path) {
                out.push(Problem::new(CONFIG_FILE, format!("content.{key}"), why));
            } else if !path.ends_with(".json") {
                out.push(Problem::new(
                    CONFIG_FILE,
                    format!("content.{key}"),
                    format!("\"{path}\" should be a .json file"),
                ));
            }
        }
        for (field, text, max) in [("name", &self.name, 60), ("welcome", &self.welcome, 1000)] {
            if let Some(t) = text {
                if t.trim().is_empty() {
                    out.push(Problem::new(CONFIG_FILE, field, "the text is empty"));
                } else if t.chars().count() > max {
                    out.push(Problem::new(
                        CONFIG_FILE,
                        field,
                        format!("the text is longer than {max} characters"),
                    ));
                }
            }
        }
        out
    }
}

/// Why `path` cannot be used: files must sit beside `index.html` (or below
/// it), so that the app never reaches another origin or climbs out of its
/// folder. Only plain names are allowed — letters, digits, `-`, `_`, `.`
/// and `/` between names — because a browser reads more into a URL than it
/// shows: it drops leading spaces and control characters and every TAB and
/// newline (so `" //evil.example/x"` is another site), and decodes `%2e%2e`
/// into `..`.
fn unsafe_path(path: &str) -> Option<String> {
    let plain = path
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'/'));
    let bad = !plain
        || path
            .split('/')
            .any(|seg| seg.is_empty() || seg == "." || seg == "..");
    bad.then(|| {
        format!(
            "\"{}\" must be a relative path beside index.html, such as \"my-bank.json\" or \"content/my-bank.json\" (letters, digits, -, _ and . in names separated by /)",
            visible(path)
        )
    })
}

/// `text` with control characters (TAB, newline, …) shown as `�`, so a
/// message shows that they are there.
fn visible(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect()
}

fn parse_hex(s: &str) -> Option<(u8, u8, u8)> {
    let hex = s.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let c = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some((c(0)?, c(2)?, c(4)?))
}

/// `x` to the power `y`. In the browser, its own `Math.pow`: Rust's `powf`
/// is libm's `pow`, about 1.4 KB of wasm, which every page carried for
/// this one use (the branding's contrast check).
#[cfg(target_arch = "wasm32")]
fn pow(x: f64, y: f64) -> f64 {
    js_sys::Math::pow(x, y)
}
#[cfg(not(target_arch = "wasm32"))]
fn pow(x: f64, y: f64) -> f64 {
    x.powf(y)
}

/// WCAG 2 contrast ratio of two sRGB colours.
pub fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    fn lum((r, g, b): (u8, u8, u8)) -> f64 {
        let ch = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                pow((c + 0.055) / 1.055, 2.4)
            }
        };
        0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)
    }
    let (x, y) = (lum(a), lum(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}
