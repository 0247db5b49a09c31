//! Content read through one JSON tree. A content file (the question bank,
//! each catalog file, a program's `crossroads.json`) is parsed once into a
//! `serde_json::Value`, and each type is then read from that tree by
//! [`FromJson`], with the JSON path of whatever is wrong.
//!
//! Why not `#[derive(Deserialize)]`: serde compiles the whole text parser
//! into each type's deserializer, once per type, and the content has about
//! thirty types; the tree's parser is compiled once (and the later pages
//! carry it anyway, for result files). Reading the content and the config
//! from the tree took 8–11 KB gzip off each later page and about 2 KB off
//! the first visit (docs/size.md). The messages follow serde's (`missing
//! field `id``, `unknown field `x`, expected one of …`, `invalid type:
//! string "yes", expected a boolean`); the paths are the ones
//! [`super::problems::path_at`] gives for a syntax error.

use serde_json::{Map as Object, Value};

use super::map::{Map, MAX_ENTRIES};
use super::problems::{number, Problem};

/// Where a value sits in its file, as a chain of steps from the top,
/// written out only when something is wrong there.
#[derive(Clone, Copy)]
pub struct At<'a> {
    parent: Option<&'a At<'a>>,
    step: Step<'a>,
}

#[derive(Clone, Copy)]
enum Step<'a> {
    Top,
    Key(&'a str),
    Index(usize),
}

impl<'a> At<'a> {
    /// The whole document.
    pub const TOP: At<'static> = At {
        parent: None,
        step: Step::Top,
    };

    pub fn key(&'a self, key: &'a str) -> At<'a> {
        At {
            parent: Some(self),
            step: Step::Key(key),
        }
    }

    pub fn index(&'a self, i: usize) -> At<'a> {
        At {
            parent: Some(self),
            step: Step::Index(i),
        }
    }

    /// `certifications[0].prerequisites.one_of`; `$` for the whole document.
    pub fn path(&self) -> String {
        let mut steps = Vec::new();
        let mut at = Some(self);
        while let Some(a) = at {
            steps.push(a.step);
            at = a.parent;
        }
        let mut path = String::new();
        for step in steps.iter().rev() {
            match step {
                Step::Top => {}
                Step::Key(k) => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(k);
                }
                Step::Index(i) => {
                    path.push('[');
                    path.push_str(&i.to_string());
                    path.push(']');
                }
            }
        }
        if path.is_empty() {
            "$".to_owned()
        } else {
            path
        }
    }

    /// A problem here.
    pub fn fail(&self, message: impl Into<String>) -> Fail {
        Fail {
            path: self.path(),
            message: message.into(),
        }
    }

    /// serde's message for a value of the wrong kind.
    pub fn invalid_type(&self, found: &Value, expected: &str) -> Fail {
        self.fail(format!(
            "invalid type: {}, expected {expected}",
            unexpected(found)
        ))
    }
}

/// What is wrong, and where; the caller knows the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Fail {
    pub path: String,
    pub message: String,
}

impl Fail {
    pub fn in_file(self, file: &str) -> Problem {
        Problem::new(file, self.path, self.message)
    }
}

/// A value as serde names it in a message.
fn unexpected(v: &Value) -> String {
    match v {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) if n.is_f64() => {
            format!("floating point `{}`", number(n.as_f64().unwrap_or(0.0)))
        }
        Value::Number(n) => format!("integer `{n}`"),
        Value::String(s) => format!("string {s:?}"),
        Value::Array(_) => "sequence".to_owned(),
        Value::Object(_) => "map".to_owned(),
    }
}

/// A type read from a JSON tree.
pub trait FromJson: Sized {
    fn from_json(v: &Value, at: &At) -> Result<Self, Fail>;
}

/// Parses `text` and reads it as `T`; a syntax error is placed by its line
/// and column, any other problem by the path where it was found.
pub fn read_file<T: FromJson>(file: &str, text: &str) -> Result<T, Problem> {
    let tree: Value = super::problems::parse_json(file, text)?;
    T::from_json(&tree, &At::TOP).map_err(|f| f.in_file(file))
}

impl FromJson for String {
    fn from_json(v: &Value, at: &At) -> Result<Self, Fail> {
        v.as_str()
            .map(str::to_owned)
            .ok_or_else(|| at.invalid_type(v, "a string"))
    }
}

impl FromJson for bool {
    fn from_json(v: &Value, at: &At) -> Result<Self, Fail> {
        v.as_bool().ok_or_else(|| at.invalid_type(v, "a boolean"))
    }
}

impl FromJson for f64 {
    fn from_json(v: &Value, at: &At) -> Result<Self, Fail> {
        v.as_f64().ok_or_else(|| at.invalid_type(v, "f64"))
    }
}

/// A whole number no larger than `max`, named as serde names its type.
fn whole(v: &Value, at: &At, max: u64, name: &str) -> Result<u64, Fail> {
    match v {
        Value::Number(n) if n.is_u64() => n
            .as_u64()
            .filter(|&x| x <= max)
            .ok_or_else(|| at.fail(format!("invalid value: integer `{n}`, expected {name}"))),
        Value::Number(n) if n.is_i64() => {
            Err(at.fail(format!("invalid value: integer `{n}`, expected {name}")))
        }
        _ => Err(at.invalid_type(v, name)),
    }
}

impl FromJson for u8 {
    fn from_json(v: &Value, at: &At) -> Result<Self, Fail> {
        whole(v, at, u8::MAX.into(), "u8").map(|x| x as u8)
    }
}

impl FromJson for i32 {
    fn from_json(v: &Value, at: &At) -> Result<Self, Fail> {
        match v {
            Value::Number(n) if !n.is_f64() => n
                .as_i64()
                .and_then(|x| i32::try_from(x).ok())
                .ok_or_else(|| at.fail(format!("invalid value: integer `{n}`, expected i32"))),
            _ => Err(at.invalid_type(v, "i32")),
        }
    }
}

impl FromJson for usize {
    fn from_json(v: &Value, at: &At) -> Result<Self, Fail> {
        whole(v, at, usize::MAX as u64, "usize").map(|x| x as usize)
    }
}

/// `null` reads as nothing, as serde reads an `Option`.
impl<T: FromJson> FromJson for Option<T> {
    fn from_json(v: &Value, at: &At) -> Result<Self, Fail> {
        match v {
            Value::Null => Ok(None),
            v => T::from_json(v, at).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Value, at: &At) -> Result<Self, Fail> {
        let items = v
            .as_array()
            .ok_or_else(|| at.invalid_type(v, "a sequence"))?;
        items
            .iter()
            .enumerate()
            .map(|(i, item)| T::from_json(item, &at.index(i)))
            .collect()
    }
}

/// An object keyed by ids, as [`Map`] reads it with serde: at most
/// [`MAX_ENTRIES`] entries.
impl<K: Ord + for<'k> From<&'k str>, V: FromJson> FromJson for Map<K, V> {
    fn from_json(v: &Value, at: &At) -> Result<Self, Fail> {
        let object = v
            .as_object()
            .ok_or_else(|| at.invalid_type(v, "an object"))?;
        if object.len() > MAX_ENTRIES {
            return Err(at.fail(format!("more than {MAX_ENTRIES} entries")));
        }
        object
            .iter()
            .map(|(k, x)| Ok((K::from(k.as_str()), V::from_json(x, &at.key(k))?)))
            .collect()
    }
}

/// The fields of one object, each read by name: an object with a key not
/// in `fields` is refused, as `#[serde(deny_unknown_fields)]` does.
pub struct Fields<'a> {
    object: &'a Object<String, Value>,
    at: &'a At<'a>,
}

impl<'a> Fields<'a> {
    /// `v` as an object of `what` ("struct Skill") with only these keys.
    pub fn of(
        v: &'a Value,
        at: &'a At<'a>,
        what: &str,
        fields: &[&str],
    ) -> Result<Fields<'a>, Fail> {
        let object = v.as_object().ok_or_else(|| at.invalid_type(v, what))?;
        if let Some(key) = object.keys().find(|k| !fields.contains(&k.as_str())) {
            return Err(at.key(key).fail(unknown_field(key, fields)));
        }
        Ok(Fields { object, at })
    }

    /// A field that must be there.
    pub fn req<T: FromJson>(&self, key: &str) -> Result<T, Fail> {
        match self.object.get(key) {
            Some(v) => T::from_json(v, &self.at.key(key)),
            None => Err(self.at.fail(format!("missing field `{key}`"))),
        }
    }

    /// A field that may be left out (or be `null`).
    pub fn opt<T: FromJson>(&self, key: &str) -> Result<Option<T>, Fail> {
        match self.object.get(key) {
            Some(v) => Option::<T>::from_json(v, &self.at.key(key)),
            None => Ok(None),
        }
    }

    /// A field that may be left out, then its default (`#[serde(default)]`).
    pub fn or_default<T: FromJson + Default>(&self, key: &str) -> Result<T, Fail> {
        match self.object.get(key) {
            Some(v) => T::from_json(v, &self.at.key(key)),
            None => Ok(T::default()),
        }
    }
}

/// serde's message for a key a type does not have.
pub fn unknown_field(key: &str, fields: &[&str]) -> String {
    format!("unknown field `{key}`, expected {}", one_of(fields))
}

/// "`a`", "`a` or `b`", "one of `a`, `b`, `c`", as serde lists them.
fn one_of(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.as_slice() {
        [] => "nothing".to_owned(),
        [one] => one.clone(),
        [a, b] => format!("{a} or {b}"),
        _ => format!("one of {}", quoted.join(", ")),
    }
}

/// One of a fixed set of names, read as the value it stands for (an enum
/// of unit variants, as serde's `rename_all` writes them).
pub fn variant<T: Copy>(v: &Value, at: &At, variants: &[(&str, T)]) -> Result<T, Fail> {
    let name = v
        .as_str()
        .ok_or_else(|| at.invalid_type(v, "variant identifier"))?;
    variants
        .iter()
        .find(|(n, _)| *n == name)
        .map(|&(_, x)| x)
        .ok_or_else(|| {
            let names: Vec<&str> = variants.iter().map(|(n, _)| *n).collect();
            at.fail(format!(
                "unknown variant `{name}`, expected {}",
                one_of(&names)
            ))
        })
}
