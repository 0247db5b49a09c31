//! Problems found in content or saved data, each naming the file, the JSON
//! path and what is wrong, so an author can find and fix it.

use std::fmt;

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// The file the problem is in, as the author knows it (`bank.json`).
    pub file: String,
    /// A JSON path such as `items[3].options[1].weights.hands_on`; `$` for
    /// the whole document.
    pub path: String,
    /// What is wrong, in plain words.
    pub message: String,
}

impl Problem {
    pub fn new(file: &str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.path, self.message)
    }
}

/// Marks the inner path in a nested error message (see `bank::Item`).
pub(crate) const NESTED: char = '\u{1}';

/// Parses `text` as `T`, naming the JSON path of a structural error (wrong
/// type, missing field, unknown field) rather than only a line and column.
pub fn parse_json<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, Problem> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|err| {
        let path = err.path().to_string();
        let path = if path == "." || path.is_empty() {
            "$".to_owned()
        } else {
            path
        };
        let inner = err.into_inner();
        let message = if inner.is_syntax() || inner.is_eof() {
            format!("not valid JSON ({inner})")
        } else {
            inner.to_string()
        };
        // A nested error carries its own path inside the message.
        let mut parts = message.splitn(3, NESTED);
        match (parts.next(), parts.next(), parts.next()) {
            (Some(""), Some(inner_path), Some(rest)) => {
                let joined = if inner_path == "." || inner_path.is_empty() {
                    path
                } else if path == "$" {
                    inner_path.to_owned()
                } else {
                    format!("{path}.{inner_path}")
                };
                Problem::new(file, joined, rest)
            }
            _ => Problem::new(file, path, message),
        }
    })
}
