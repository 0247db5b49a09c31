//! Content read through one JSON tree. A content file (the question bank,
//! each catalog file, a program's `crossroads.json`) is parsed once into a
//! [`Json`] tree, and each type is then read from that tree by
//! [`FromJson`], with the JSON path of whatever is wrong.
//!
//! Why not `#[derive(Deserialize)]`: serde compiles the whole text parser
//! into each type's deserializer, once per type, and the content has about
//! thirty types; the tree's parser is compiled once. Reading the content and the config
//! from the tree took 10–15 KB gzip off each later page and about 4 KB off
//! the first visit (docs/size.md). The messages follow serde's (`missing
//! field `id``, `unknown field `x`, expected one of …`, `invalid type:
//! string "yes", expected a boolean`); the paths are the ones
//! [`super::problems::path_at`] gives for a syntax error.
//!
//! The tree is the file's own: strings borrowed from the text where they
//! have no escapes, objects as their keys and values in the file's order,
//! and a key written twice in one object refused (as serde's derived
//! readers refuse a field written twice). `serde_json::Value` was tried
//! first: it allocates every string and hashes every key, and made the
//! later pages' start-up parse of the built-in content 2.5× slower
//! (0.9 → 3.4 ms natively); this tree keeps it near the derived readers'.

/// A JSON value as parsed.
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    /// A whole number that fits `u64`.
    U64(u64),
    /// A negative whole number.
    I64(i64),
    /// A number with a fraction or an exponent.
    F64(f64),
    Str(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    Object(Object<'a>),
}

/// An object's members in the file's order, each key once.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Object<'a>(Vec<(Cow<'a, str>, Json<'a>)>);

impl<'a> Object<'a> {
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_ref())
    }
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Json<'a>)> {
        self.0.iter().map(|(k, v)| (k.as_ref(), v))
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'a> Json<'a> {
    /// Parses `text` (serde_json's parser, positions and all).
    pub fn parse(text: &'a str) -> Result<Json<'a>, serde_json::Error> {
        serde_json::from_str(text)
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }
    /// Any number, as serde reads one into an `f64`.
    pub fn as_f64(&self) -> Option<f64> {
        match *self {
            Json::U64(x) => Some(x as f64),
            Json::I64(x) => Some(x as f64),
            Json::F64(x) => Some(x),
            _ => None,
        }
    }
    pub fn as_array(&self) -> Option<&[Json<'a>]> {
        match self {
            Json::Array(a) => Some(a),
            _ => None,
        }
    }
    pub fn as_object(&self) -> Option<&Object<'a>> {
        match self {
            Json::Object(o) => Some(o),
            _ => None,
        }
    }
    pub fn is_object(&self) -> bool {
        matches!(self, Json::Object(_))
    }
}

/// Read for any shorter lifetime than the text's, so that a tree can sit
/// in a derived type that borrows (a result file's head).
impl<'de: 'a, 'a> Deserialize<'de> for Json<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Json<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_unit<E>(self) -> Result<Json<'de>, E> {
                Ok(Json::Null)
            }
            fn visit_bool<E>(self, b: bool) -> Result<Json<'de>, E> {
                Ok(Json::Bool(b))
            }
            fn visit_u64<E>(self, x: u64) -> Result<Json<'de>, E> {
                Ok(Json::U64(x))
            }
            fn visit_i64<E>(self, x: i64) -> Result<Json<'de>, E> {
                Ok(if x >= 0 {
                    Json::U64(x as u64)
                } else {
                    Json::I64(x)
                })
            }
            fn visit_f64<E>(self, x: f64) -> Result<Json<'de>, E> {
                Ok(Json::F64(x))
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Json<'de>, E> {
                Ok(Json::Str(Cow::Borrowed(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Json<'de>, E> {
                Ok(Json::Str(Cow::Owned(s.to_owned())))
            }
            fn visit_string<E>(self, s: String) -> Result<Json<'de>, E> {
                Ok(Json::Str(Cow::Owned(s)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'de>, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Json::Array(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
                let mut members: Vec<(Cow<'de, str>, Json<'de>)> = Vec::new();
                while let Some(key) = map.next_key::<Key<'de>>()? {
                    if members.iter().any(|(k, _)| *k == key.0) {
                        return Err(A::Error::custom(format!("duplicate field `{}`", key.0)));
                    }
                    members.push((key.0, map.next_value()?));
                }
                Ok(Json::Object(Object(members)))
            }
        }
        let tree: Json<'de> = deserializer.deserialize_any(V)?;
        Ok(tree)
    }
}

/// An object's key, borrowed from the text when it has no escapes.
struct Key<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Json::deserialize(deserializer)? {
            Json::Str(s) => Ok(Key(s)),
            _ => Err(D::Error::custom("a key is a string")),
        }
    }
}

use std::borrow::Cow;
use std::fmt;

use serde::de::{Deserialize, Deserializer, Error as _, MapAccess, SeqAccess, Visitor};

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
    pub fn invalid_type(&self, found: &Json, expected: &str) -> Fail {
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
fn unexpected(v: &Json) -> String {
    match v {
        Json::Null => "null".to_owned(),
        Json::Bool(b) => format!("boolean `{b}`"),
        Json::F64(x) => format!("floating point `{}`", number(*x)),
        Json::U64(x) => format!("integer `{x}`"),
        Json::I64(x) => format!("integer `{x}`"),
        Json::Str(s) => format!("string {s:?}"),
        Json::Array(_) => "sequence".to_owned(),
        Json::Object(_) => "map".to_owned(),
    }
}

/// A type read from a JSON tree.
pub trait FromJson: Sized {
    fn from_json(v: &Json, at: &At) -> Result<Self, Fail>;
}

/// Parses `text` and reads it as `T`; a syntax error is placed by its line
/// and column, any other problem by the path where it was found.
pub fn read_file<T: FromJson>(file: &str, text: &str) -> Result<T, Problem> {
    let tree: Json = super::problems::parse_json(file, text)?;
    T::from_json(&tree, &At::TOP).map_err(|f| f.in_file(file))
}

impl FromJson for String {
    fn from_json(v: &Json, at: &At) -> Result<Self, Fail> {
        v.as_str()
            .map(str::to_owned)
            .ok_or_else(|| at.invalid_type(v, "a string"))
    }
}

impl FromJson for bool {
    fn from_json(v: &Json, at: &At) -> Result<Self, Fail> {
        v.as_bool().ok_or_else(|| at.invalid_type(v, "a boolean"))
    }
}

impl FromJson for f64 {
    fn from_json(v: &Json, at: &At) -> Result<Self, Fail> {
        v.as_f64().ok_or_else(|| at.invalid_type(v, "f64"))
    }
}

/// A whole number no larger than `max`, named as serde names its type.
fn whole(v: &Json, at: &At, max: u64, name: &str) -> Result<u64, Fail> {
    match *v {
        Json::U64(x) if x <= max => Ok(x),
        Json::U64(x) => Err(at.fail(format!("invalid value: integer `{x}`, expected {name}"))),
        Json::I64(x) => Err(at.fail(format!("invalid value: integer `{x}`, expected {name}"))),
        _ => Err(at.invalid_type(v, name)),
    }
}

impl FromJson for u8 {
    fn from_json(v: &Json, at: &At) -> Result<Self, Fail> {
        whole(v, at, u8::MAX.into(), "u8").map(|x| x as u8)
    }
}

impl FromJson for i32 {
    fn from_json(v: &Json, at: &At) -> Result<Self, Fail> {
        let out_of_range =
            |x: &dyn fmt::Display| at.fail(format!("invalid value: integer `{x}`, expected i32"));
        match *v {
            Json::U64(x) => i32::try_from(x).map_err(|_| out_of_range(&x)),
            Json::I64(x) => i32::try_from(x).map_err(|_| out_of_range(&x)),
            _ => Err(at.invalid_type(v, "i32")),
        }
    }
}

impl FromJson for usize {
    fn from_json(v: &Json, at: &At) -> Result<Self, Fail> {
        whole(v, at, usize::MAX as u64, "usize").map(|x| x as usize)
    }
}

/// `null` reads as nothing, as serde reads an `Option`.
impl<T: FromJson> FromJson for Option<T> {
    fn from_json(v: &Json, at: &At) -> Result<Self, Fail> {
        match v {
            Json::Null => Ok(None),
            v => T::from_json(v, at).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Json, at: &At) -> Result<Self, Fail> {
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
    fn from_json(v: &Json, at: &At) -> Result<Self, Fail> {
        let object = v
            .as_object()
            .ok_or_else(|| at.invalid_type(v, "an object"))?;
        if object.len() > MAX_ENTRIES {
            return Err(at.fail(format!("more than {MAX_ENTRIES} entries")));
        }
        object
            .iter()
            .map(|(k, x)| Ok((K::from(k), V::from_json(x, &at.key(k))?)))
            .collect()
    }
}

/// The fields of one object, each read by name: an object with a key not
/// in `fields` is refused, as `#[serde(deny_unknown_fields)]` does.
pub struct Fields<'a> {
    object: &'a Object<'a>,
    at: &'a At<'a>,
}

impl<'a> Fields<'a> {
    /// `v` as an object of `what` ("struct Skill") with only these keys.
    pub fn of(
        v: &'a Json<'a>,
        at: &'a At<'a>,
        what: &str,
        fields: &[&str],
    ) -> Result<Fields<'a>, Fail> {
        let object = v.as_object().ok_or_else(|| at.invalid_type(v, what))?;
        if let Some(key) = object.keys().find(|k| !fields.contains(k)) {
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

/// `FromJson` for a struct whose fields are read by name, each as `req`
/// (must be there), `opt` (may be left out, or `null`) or `or_default`
/// (`#[serde(default)]`), with no other key allowed — as the type's serde
/// attributes say for the schema.
macro_rules! from_json {
    ($t:ident { $($field:ident: $how:ident),* $(,)? }) => {
        impl $crate::core::json::FromJson for $t {
            fn from_json(
                v: &$crate::core::json::Json,
                at: &$crate::core::json::At,
            ) -> Result<Self, $crate::core::json::Fail> {
                let f = $crate::core::json::Fields::of(
                    v,
                    at,
                    concat!("struct ", stringify!($t)),
                    &[$(stringify!($field)),*],
                )?;
                Ok($t { $($field: f.$how(stringify!($field))?),* })
            }
        }
    };
}
pub(crate) use from_json;

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
pub fn variant<T: Copy>(v: &Json, at: &At, variants: &[(&str, T)]) -> Result<T, Fail> {
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
