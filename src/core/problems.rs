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

/// Parses `text` as `T`. A structural error (wrong type, missing or unknown
/// field, broken syntax) is reported with the JSON path where it happened,
/// found by [`path_at`] from serde_json's line and column.
pub fn parse_json<'a, T: serde::Deserialize<'a>>(file: &str, text: &'a str) -> Result<T, Problem> {
    serde_json::from_str(text).map_err(|err| {
        let offset = offset_of(text, err.line(), err.column());
        let message = if err.is_syntax() || err.is_eof() {
            format!("not valid JSON ({err})")
        } else {
            err.to_string()
        };
        Problem::new(file, path_at(text, offset), message)
    })
}

/// The byte offset of a 1-based line and column (serde_json's convention:
/// the column points at the last character read).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column).min(text.len())
}

/// The JSON path of the innermost value open at byte `offset` of `text`, as
/// `items[3].reverse`, or `$` at the top level. A small scanner rather than
/// a path-tracking deserializer: it costs a few hundred bytes of wasm
/// instead of a wrapper around every generated deserializer.
pub fn path_at(text: &str, offset: usize) -> String {
    enum Frame {
        Object(Option<String>),
        Array(usize),
    }
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    // In an object, whether the next string is a key.
    let mut expect_key = false;
    while i < offset.min(bytes.len()) {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if expect_key {
                    if let Some(Frame::Object(key)) = stack.last_mut() {
                        *key = Some(text[start..i.min(bytes.len())].to_owned());
                    }
                    expect_key = false;
                }
            }
            b'{' => {
                stack.push(Frame::Object(None));
                expect_key = true;
            }
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
                expect_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(n)) => *n += 1,
                Some(Frame::Object(key)) => {
                    *key = None;
                    expect_key = true;
                }
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Array(n) => path.push_str(&format!("[{n}]")),
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object(None) => {}
        }
    }
    if path.is_empty() {
        "$".to_owned()
    } else {
        path
    }
}

/// A number for a message: `3`, `0.25`. Written with serde_json's float
/// formatter (whole numbers as integers) rather than `{}`, so the
/// assessment page carries one float formatter instead of two; core's costs
/// about 4 KB gzip.
pub fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        (x as i64).to_string()
    } else {
        serde_json::to_string(&x).unwrap_or_default()
    }
}

/// An amount in whole US dollars (one formatter for the app: see [`crate::core::text`]).
pub use crate::core::text::money;

/// `x` rounded to one decimal, for a message: `1.5`, `4.0`.
pub fn one_decimal(x: f64) -> String {
    let tenths = (x.abs() * 10.0).round() as u64;
    let sign = if x < 0.0 && tenths > 0 { "-" } else { "" };
    format!("{sign}{}.{}", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::path_at;

    #[test]
    fn paths_point_into_nested_values() {
        let text = r#"{"items": [{"id": "a"}, {"id": "b", "options": [1, {"w": tru"#;
        for (needle, expected) in [
            ("\"a\"", "items[0].id"),
            ("\"b\"", "items[1].id"),
            ("tru", "items[1].options[1].w"),
            ("{", "$"),
        ] {
            let at = text.find(needle).unwrap() + needle.len() - 1;
            assert_eq!(path_at(text, at), expected, "{needle}");
        }
    }

    #[test]
    fn numbers_in_messages_read_as_people_write_them() {
        assert_eq!(super::number(3.0), "3");
        assert_eq!(super::number(0.25), "0.25");
        assert_eq!(super::number(-1.5), "-1.5");
        assert_eq!(super::one_decimal(1.4999), "1.5");
        assert_eq!(super::one_decimal(4.0), "4.0");
        assert_eq!(super::one_decimal(20.96), "21.0");
        assert_eq!(super::one_decimal(-0.26), "-0.3");
        assert_eq!(super::money(1250.4), "US$1,250");
        assert_eq!(super::money(999.5), "US$1,000");
        assert_eq!(super::money(0.0), "US$0");
        assert_eq!(super::money(-1_234_567.0), "-US$1,234,567");
    }
}
