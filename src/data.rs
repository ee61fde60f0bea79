//! Reading JSON-shaped data into the content model, with serde.
//!
//! Every value becomes a [`serde_json::Value`] first, and [`decode`] turns that into a model
//! type through its derived `Deserialize`: built-in content and publisher data, in the
//! browser and natively, take that one path.
//!
//! - Built-in content is parsed by the browser's `JSON.parse` and handed to serde by
//!   `serde_wasm_bindgen` ([`from_js`]), so the wasm carries no JSON parser; natively,
//!   `serde_json` parses it.
//! - A publisher's value can throw from a getter, nest thousands of levels deep or hold a
//!   megabyte string, and serde's recursion has no bound of its own. [`Reader::read`]
//!   copies it first, under [`Limits`], catching everything it throws, with one warning
//!   per problem naming its path; only that plain copy reaches serde.
//!
//! Why a `serde_json::Value` in between rather than `serde_wasm_bindgen` straight into the
//! model: for a struct, serde-wasm-bindgen reads only the fields the struct declares
//! (its issue #39), so a mistyped field could never be reported. A `Value` shows serde every
//! key, so `serde_ignored` can name each unknown field, and `serde_path_to_error` the value
//! an error is about; and every model type is compiled for one deserializer only.

use std::fmt;

use serde::de::DeserializeOwned;
use serde_json::Value;

/// A decoding problem, with the path of the value it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub path: String,
    pub message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for Error {}

/// Decodes `value`, found at `path`, as a `T`. Fields `T` does not know are not errors here:
/// their paths are pushed to `unknown`, for the caller to warn about (publisher data) or
/// fail on (built-in content).
pub fn decode<T: DeserializeOwned>(
    value: Value,
    path: &str,
    unknown: &mut Vec<String>,
) -> Result<T, Error> {
    let mut track = serde_path_to_error::Track::new();
    let mut on_unknown = |field: serde_ignored::Path| unknown.push(ignored_path(path, &field));
    // One callback type for every `T`, so nested types are compiled once.
    let mut on_unknown: &mut dyn FnMut(serde_ignored::Path) = &mut on_unknown;
    let tracked = serde_path_to_error::Deserializer::new(value, &mut track);
    T::deserialize(serde_ignored::Deserializer::new(tracked, &mut on_unknown)).map_err(|e| {
        Error {
            path: join(path, &track.path().to_string()),
            message: e.to_string(),
        }
    })
}

/// `path` + `rest` as written in messages: `config.cards[1].title`.
fn join(path: &str, rest: &str) -> String {
    match rest {
        "" | "." => path.to_owned(),
        _ if path.is_empty() => rest.to_owned(),
        _ if rest.starts_with('[') => format!("{path}{rest}"),
        _ => format!("{path}.{rest}"),
    }
}

/// An unknown field's path, written as [`join`] writes it (serde_ignored's own form is
/// `cards.0.?.extra`).
fn ignored_path(root: &str, path: &serde_ignored::Path) -> String {
    use serde_ignored::Path;
    match path {
        Path::Root => root.to_owned(),
        Path::Seq { parent, index } => format!("{}[{index}]", ignored_path(root, parent)),
        Path::Map { parent, key } => join(&ignored_path(root, parent), key),
        Path::Some { parent } | Path::NewtypeStruct { parent } | Path::NewtypeVariant { parent } => {
            ignored_path(root, parent)
        }
    }
}

/// Parses trusted JSON text (built-in content): the browser's `JSON.parse` in the wasm,
/// `serde_json` natively.
pub fn parse_trusted(text: &str) -> Result<Value, String> {
    #[cfg(target_arch = "wasm32")]
    {
        from_js(js_sys::JSON::parse(text).map_err(|e| js_message(&e))?)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }
}

/// Hands a trusted JS value (parsed built-in content, shallow and plain) to serde.
#[cfg(target_arch = "wasm32")]
pub fn from_js(value: wasm_bindgen::JsValue) -> Result<Value, String> {
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

#[cfg(target_arch = "wasm32")]
fn js_message(error: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_default()
}

/// How a message names a kind of value.
pub fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Caps on what is read from a publisher.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Deepest nesting of lists and objects.
    pub depth: usize,
    /// Characters per text (longer text is cut, with a warning).
    pub text_chars: usize,
    /// Items per list and keys per object (the rest are ignored, with a warning).
    pub items: usize,
    /// Values in all (the rest are ignored, with a warning).
    pub values: usize,
}

/// Publisher configuration: generous for real use, small enough that no value can freeze
/// the page (a 1 MB string of mixed-direction text takes Chromium minutes to lay out).
pub const PUBLISHER: Limits = Limits {
    depth: 64,
    text_chars: 2_000,
    items: 200,
    values: 20_000,
};

/// What a source value looks like, read without trusting it.
pub enum Shape {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    List(usize),
    Object(Vec<String>),
    /// Not JSON data: how a message names it.
    Other(&'static str),
}

/// A publisher's value as [`Reader::read`] walks it. Every access may fail (a getter or
/// Proxy that throws).
pub trait Source: Sized {
    fn shape(&self) -> Result<Shape, String>;
    fn item(&self, index: usize) -> Result<Self, String>;
    fn field(&self, key: &str) -> Result<Self, String>;
}

/// Copies publisher data into plain [`Value`]s under [`Limits`], and decodes it; every
/// problem is a warning naming its path.
pub struct Reader {
    limits: Limits,
    values: usize,
    warnings: Vec<String>,
    /// Paths of values that could not be read (each already has its warning): they are
    /// `null` in the copy, and an error about one of them is not repeated.
    unreadable: Vec<String>,
}

impl Reader {
    pub fn publisher() -> Self {
        Reader {
            limits: PUBLISHER,
            values: 0,
            warnings: Vec::new(),
            unreadable: Vec::new(),
        }
    }

    pub fn warn(&mut self, message: String) {
        self.warnings.push(message);
    }

    pub fn into_warnings(self) -> Vec<String> {
        self.warnings
    }

    /// Whether the value at `path` could not be read (and was warned about).
    pub fn unreadable(&self, path: &str) -> bool {
        self.unreadable.iter().any(|p| p == path)
    }

    /// Decodes publisher data: an unknown field is a warning naming it (and is ignored);
    /// an error is returned unless it is about a value already warned about (`Ok(None)`).
    pub fn decode<T: DeserializeOwned>(
        &mut self,
        value: Value,
        path: &str,
    ) -> Result<Option<T>, Error> {
        let mut unknown = Vec::new();
        let decoded = decode(value, path, &mut unknown);
        for field in unknown {
            let key = field.rsplit(['.', ']']).next().unwrap_or_default();
            self.warn(format!("{field}: \"{key}\" is not a known field. Ignoring it."));
        }
        match decoded {
            Ok(value) => Ok(Some(value)),
            Err(e) if self.unreadable(&e.path) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Copies `source` (found at `path`) into a plain value; what cannot be read is `null`.
    pub fn read<S: Source>(&mut self, source: &S, path: &str) -> Value {
        self.walk(source, path, 0).unwrap_or_else(|| {
            self.unreadable.push(path.to_owned());
            Value::Null
        })
    }

    /// `None`: unreadable, with a warning.
    fn walk<S: Source>(&mut self, source: &S, path: &str, depth: usize) -> Option<Value> {
        self.values += 1;
        if self.values > self.limits.values {
            if self.values == self.limits.values + 1 {
                self.warn(format!(
                    "{path}: the configuration has more than {} values; ignoring the rest.",
                    self.limits.values
                ));
            }
            return None;
        }
        let shape = match source.shape() {
            Ok(shape) => shape,
            Err(e) => {
                self.warn(format!("{path} could not be read ({e}). Ignoring it."));
                return None;
            }
        };
        if matches!(shape, Shape::List(_) | Shape::Object(_)) && depth >= self.limits.depth {
            self.warn(format!(
                "{path} is nested more than {} levels deep. Ignoring it.",
                self.limits.depth
            ));
            return None;
        }
        Some(match shape {
            Shape::Null => Value::Null,
            Shape::Bool(b) => Value::Bool(b),
            Shape::Number(n) => serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number),
            Shape::Text(text) => Value::String(self.cap_text(text, path)),
            Shape::Other(what) => {
                self.warn(format!(
                    "{path} is {what}, not JSON data (text, number, boolean, list or object). Ignoring it."
                ));
                return None;
            }
            Shape::List(len) => {
                let len = self.cap_items(len, path);
                let mut items = Vec::with_capacity(len);
                for i in 0..len {
                    let item_path = format!("{path}[{i}]");
                    let item = match source.item(i) {
                        Ok(item) => self.read_at(&item, &item_path, depth + 1),
                        Err(e) => self.unreadable_at(&item_path, e),
                    };
                    items.push(item);
                }
                Value::Array(items)
            }
            Shape::Object(keys) => {
                let len = self.cap_items(keys.len(), path);
                let mut entries = serde_json::Map::new();
                for key in keys.into_iter().take(len) {
                    let field_path = format!("{path}.{key}");
                    let value = match source.field(&key) {
                        Ok(field) => self.read_at(&field, &field_path, depth + 1),
                        Err(e) => self.unreadable_at(&field_path, e),
                    };
                    entries.insert(key, value);
                }
                Value::Object(entries)
            }
        })
    }

    fn read_at<S: Source>(&mut self, source: &S, path: &str, depth: usize) -> Value {
        self.walk(source, path, depth).unwrap_or_else(|| {
            self.unreadable.push(path.to_owned());
            Value::Null
        })
    }

    fn unreadable_at(&mut self, path: &str, error: String) -> Value {
        self.warn(format!("{path} could not be read ({error}). Ignoring it."));
        self.unreadable.push(path.to_owned());
        Value::Null
    }

    fn cap_text(&mut self, text: String, path: &str) -> String {
        match text.char_indices().nth(self.limits.text_chars) {
            None => text,
            Some((cut, _)) => {
                self.warn(format!(
                    "{path} is longer than {} characters; using the first {}.",
                    self.limits.text_chars, self.limits.text_chars
                ));
                text[..cut].to_owned()
            }
        }
    }

    fn cap_items(&mut self, len: usize, path: &str) -> usize {
        if len > self.limits.items {
            self.warn(format!(
                "{path} has {len} entries; using the first {}.",
                self.limits.items
            ));
            self.limits.items
        } else {
            len
        }
    }
}

/// A JS value from the host page: any property access may run host code that throws.
/// Every access goes through `Reflect`, whose bindings catch.
#[cfg(target_arch = "wasm32")]
impl Source for wasm_bindgen::JsValue {
    fn shape(&self) -> Result<Shape, String> {
        use js_sys::{Array, Reflect};
        use wasm_bindgen::JsValue;
        const THREW: &str = "reading it threw an exception";
        if self.is_null() || self.is_undefined() {
            return Ok(Shape::Null);
        }
        if let Some(b) = self.as_bool() {
            return Ok(Shape::Bool(b));
        }
        if let Some(n) = self.as_f64() {
            return Ok(if n.is_finite() {
                Shape::Number(n)
            } else {
                Shape::Other("a number that is not finite")
            });
        }
        if let Some(s) = self.as_string() {
            return Ok(Shape::Text(s));
        }
        if !self.is_object() {
            return Ok(Shape::Other("a function, symbol or bigint"));
        }
        // First, because a revoked Proxy throws here (caught) rather than in `isArray`.
        let proto = Reflect::get_prototype_of(self).map_err(|_| THREW.to_owned())?;
        if Array::is_array(self) {
            let len = Reflect::get(self, &JsValue::from_str("length"))
                .map_err(|_| THREW.to_owned())?
                .as_f64()
                .unwrap_or(0.0);
            return Ok(Shape::List(len.max(0.0) as usize));
        }
        // Plain data: made by `{}`, `JSON.parse` or `Object.create(null)`, in any realm.
        let plain = proto.is_null()
            || Reflect::get_prototype_of(&proto).is_ok_and(|p| JsValue::from(p).is_null());
        if !plain {
            return Ok(Shape::Other(
                "an object of another kind (a Date, RegExp, element or class instance)",
            ));
        }
        let keys = Reflect::own_keys(self).map_err(|_| THREW.to_owned())?;
        Ok(Shape::Object(
            keys.iter().filter_map(|k| k.as_string()).collect(),
        ))
    }

    fn item(&self, index: usize) -> Result<Self, String> {
        js_sys::Reflect::get_u32(self, index as u32)
            .map_err(|_| "reading it threw an exception".to_owned())
    }

    fn field(&self, key: &str) -> Result<Self, String> {
        js_sys::Reflect::get(self, &wasm_bindgen::JsValue::from_str(key))
            .map_err(|_| "reading it threw an exception".to_owned())
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Source for &Value {
    fn shape(&self) -> Result<Shape, String> {
        Ok(match self {
            Value::Null => Shape::Null,
            Value::Bool(b) => Shape::Bool(*b),
            Value::Number(n) => Shape::Number(n.as_f64().unwrap_or(f64::NAN)),
            Value::String(s) => Shape::Text(s.clone()),
            Value::Array(a) => Shape::List(a.len()),
            Value::Object(o) => Shape::Object(o.keys().cloned().collect()),
        })
    }

    fn item(&self, index: usize) -> Result<Self, String> {
        self.get(index).ok_or_else(|| "missing".to_owned())
    }

    fn field(&self, key: &str) -> Result<Self, String> {
        self.get(key).ok_or_else(|| "missing".to_owned())
    }
}
