//! Reading JSON-shaped data into the content model, with serde.
//!
//! Every model type derives `Deserialize`. In the browser, serde-wasm-bindgen reads it
//! from a JS value ([`decode`]): the built-in content as the browser's `JSON.parse` made it
//! (so the wasm carries no JSON parser), and a publisher's configuration as [`Reader::read`]
//! copied it. Natively (tests, the prerender) the same derives read `serde_json` values.
//!
//! A publisher's value can throw from a getter, nest thousands of levels deep or hold a
//! megabyte string, and serde's recursion has no bound of its own (deep recursion traps the
//! wasm). So it is never handed to serde as it is: [`Reader::read`] copies it first, under
//! [`Limits`], catching everything it throws, with one warning per problem naming its path,
//! and only that plain copy is decoded.
//!
//! For a struct, serde-wasm-bindgen reads only the fields the struct declares (its issue
//! #39), so a field the model does not know never reaches serde. A publisher's typo is found
//! by comparing an object's keys with [`fields`], the names serde's derive gives its type.
//! Built-in content is checked for unknown fields natively, where the tests run, by
//! `serde_ignored` ([`decode_strict`]).

use std::fmt;

use serde::de::{self, DeserializeOwned, Visitor};

/// Plain data, as [`Reader::read`] copies it: a JS value in the browser (what
/// serde-wasm-bindgen reads), a `serde_json` value natively.
#[cfg(target_arch = "wasm32")]
pub type Plain = wasm_bindgen::JsValue;
/// Plain data, as [`Reader::read`] copies it: a JS value in the browser (what
/// serde-wasm-bindgen reads), a `serde_json` value natively.
#[cfg(not(target_arch = "wasm32"))]
pub type Plain = serde_json::Value;

/// Decodes plain data as a `T`; the error says what is wrong, not where (the caller
/// knows which part it decoded).
pub fn decode<T: DeserializeOwned>(value: Plain) -> Result<T, String> {
    #[cfg(target_arch = "wasm32")]
    {
        serde_wasm_bindgen::from_value(value).map_err(|e| {
            // The message of the JS `Error` it wraps, without the "Error: " that JS adds.
            let text = e.to_string();
            text.strip_prefix("Error: ")
                .map(str::to_owned)
                .unwrap_or(text)
        })
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        serde_json::from_value(value).map_err(|e| e.to_string())
    }
}

/// The field names serde's derive gives the struct `T` (what a publisher may write in
/// one). The derive hands them to `deserialize_struct`, where this deserializer stops with
/// them: it reads no data.
pub fn fields<T: DeserializeOwned>() -> &'static [&'static str] {
    match T::deserialize(FieldNames) {
        Err(Found(fields)) => fields,
        Ok(_) => &[],
    }
}

struct FieldNames;

#[derive(Debug)]
struct Found(&'static [&'static str]);

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a struct")
    }
}

impl std::error::Error for Found {}

impl de::Error for Found {
    fn custom<M: fmt::Display>(_: M) -> Self {
        Found(&[])
    }
}

impl<'de> de::Deserializer<'de> for FieldNames {
    type Error = Found;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Found> {
        Err(Found(&[]))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Found> {
        Err(Found(fields))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// Text, if the value is text.
pub fn text(value: &Plain) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    return value.as_string();
    #[cfg(not(target_arch = "wasm32"))]
    return value.as_str().map(str::to_owned);
}

pub fn is_null(value: &Plain) -> bool {
    #[cfg(target_arch = "wasm32")]
    return value.is_null() || value.is_undefined();
    #[cfg(not(target_arch = "wasm32"))]
    return value.is_null();
}

/// The items, if the value is a list.
pub fn items(value: &Plain) -> Option<Vec<Plain>> {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Array::is_array(value).then(|| js_sys::Array::from(value).iter().collect());
    #[cfg(not(target_arch = "wasm32"))]
    return value.as_array().cloned();
}

/// The entries in order, if the value is an object (and not a list).
pub fn entries(value: &Plain) -> Option<Vec<(String, Plain)>> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        if !value.is_object() || js_sys::Array::is_array(value) {
            return None;
        }
        let entries = js_sys::Object::entries(value.unchecked_ref());
        Some(
            entries
                .iter()
                .filter_map(|pair| {
                    let pair = js_sys::Array::from(&pair);
                    Some((pair.get(0).as_string()?, pair.get(1)))
                })
                .collect(),
        )
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let object = value.as_object()?;
        Some(object.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
    }
}

/// How a message names the kind of a value.
pub fn kind(value: &Plain) -> &'static str {
    if is_null(value) {
        "null"
    } else if text(value).is_some() {
        "text"
    } else if items(value).is_some() {
        "a list"
    } else if entries(value).is_some() {
        "an object"
    } else if plain_bool(value) {
        "a boolean"
    } else {
        "a number"
    }
}

fn plain_bool(value: &Plain) -> bool {
    #[cfg(target_arch = "wasm32")]
    return value.as_bool().is_some();
    #[cfg(not(target_arch = "wasm32"))]
    return value.is_boolean();
}

/// Builds plain data (the copy [`Reader::read`] makes).
mod build {
    use super::Plain;

    #[cfg(target_arch = "wasm32")]
    pub fn null() -> Plain {
        Plain::NULL
    }
    #[cfg(not(target_arch = "wasm32"))]
    pub fn null() -> Plain {
        Plain::Null
    }

    pub fn bool(b: bool) -> Plain {
        Plain::from(b)
    }

    #[cfg(target_arch = "wasm32")]
    pub fn number(n: f64) -> Plain {
        Plain::from_f64(n)
    }
    #[cfg(not(target_arch = "wasm32"))]
    pub fn number(n: f64) -> Plain {
        serde_json::Number::from_f64(n).map_or(Plain::Null, Plain::Number)
    }

    pub fn text(s: String) -> Plain {
        Plain::from(s)
    }

    #[cfg(target_arch = "wasm32")]
    pub fn list(items: Vec<Plain>) -> Plain {
        items.into_iter().collect::<js_sys::Array>().into()
    }
    #[cfg(not(target_arch = "wasm32"))]
    pub fn list(items: Vec<Plain>) -> Plain {
        Plain::Array(items)
    }

    /// `Object.fromEntries` defines each key as the object's own property, so a key such as
    /// `__proto__` stays data and never reaches the prototype.
    #[cfg(target_arch = "wasm32")]
    pub fn object(entries: Vec<(String, Plain)>) -> Plain {
        let pairs: js_sys::Array = entries
            .into_iter()
            .map(|(k, v)| js_sys::Array::of2(&Plain::from(k), &v))
            .collect();
        js_sys::Object::from_entries(&pairs).map_or(Plain::NULL, Plain::from)
    }
    #[cfg(not(target_arch = "wasm32"))]
    pub fn object(entries: Vec<(String, Plain)>) -> Plain {
        Plain::Object(entries.into_iter().collect())
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

/// Copies publisher data into [`Plain`] data under [`Limits`], collecting warnings that
/// name the path of each problem.
pub struct Reader {
    limits: Limits,
    values: usize,
    warnings: Vec<String>,
    /// Paths of values that could not be read (each already has its warning): they are
    /// `null` in the copy, and a problem with one of them is not reported again.
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

    /// Whether anything at or inside `path` could not be read: a decoding error there is
    /// most likely that value's `null`, already warned about.
    pub fn unreadable_within(&self, path: &str) -> bool {
        self.unreadable.iter().any(|p| {
            p.strip_prefix(path)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
        })
    }

    /// Copies `source` (found at `path`) into plain data; what cannot be read is `null`.
    pub fn read<S: Source>(&mut self, source: &S, path: &str) -> Plain {
        self.read_at(source, path, 0)
    }

    fn read_at<S: Source>(&mut self, source: &S, path: &str, depth: usize) -> Plain {
        self.walk(source, path, depth).unwrap_or_else(|| {
            self.unreadable.push(path.to_owned());
            build::null()
        })
    }

    /// `None`: unreadable, with a warning.
    fn walk<S: Source>(&mut self, source: &S, path: &str, depth: usize) -> Option<Plain> {
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
            Shape::Null => build::null(),
            Shape::Bool(b) => build::bool(b),
            Shape::Number(n) => build::number(n),
            Shape::Text(text) => build::text(self.cap_text(text, path)),
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
                    let path = format!("{path}[{i}]");
                    items.push(match source.item(i) {
                        Ok(item) => self.read_at(&item, &path, depth + 1),
                        Err(e) => self.unreadable_at(&path, e),
                    });
                }
                build::list(items)
            }
            Shape::Object(keys) => {
                let len = self.cap_items(keys.len(), path);
                let mut entries = Vec::with_capacity(len);
                for key in keys.into_iter().take(len) {
                    let path = format!("{path}.{key}");
                    let value = match source.field(&key) {
                        Ok(field) => self.read_at(&field, &path, depth + 1),
                        Err(e) => self.unreadable_at(&path, e),
                    };
                    entries.push((key, value));
                }
                build::object(entries)
            }
        })
    }

    fn unreadable_at(&mut self, path: &str, error: String) -> Plain {
        self.warn(format!("{path} could not be read ({error}). Ignoring it."));
        self.unreadable.push(path.to_owned());
        build::null()
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

    /// Warns about each key of the object `value` (at `path`) that is not one of `known`.
    pub fn unknown_fields(&mut self, value: &Plain, known: &[&str], path: &str) {
        for (key, _) in entries(value).unwrap_or_default() {
            if !known.contains(&key.as_str()) {
                let quoted: Vec<String> = known.iter().map(|k| format!("\"{k}\"")).collect();
                self.warn(format!(
                    "{path}.{key} is not a known field; known fields: {}. Ignoring it.",
                    quoted.join(", ")
                ));
            }
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
impl Source for &serde_json::Value {
    fn shape(&self) -> Result<Shape, String> {
        use serde_json::Value;
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

/// Decodes JSON text the build wrote (a locale's content, the publisher page's data):
/// in the wasm the browser's `JSON.parse` reads it (so the wasm carries no JSON parser)
/// and serde-wasm-bindgen decodes the result; natively [`decode_strict`] does, and
/// `unknown` gets the path of every field the model does not know.
pub fn decode_text<T: DeserializeOwned>(
    json: &str,
    unknown: &mut Vec<String>,
) -> Result<T, String> {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = unknown;
        let parsed = js_sys::JSON::parse(json).map_err(|_| "invalid JSON".to_owned())?;
        decode(parsed)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        decode_strict(json, unknown)
    }
}

/// Parses built-in content JSON natively and decodes it, naming the path of any error
/// (`serde_path_to_error`) and of every field the model does not know (`serde_ignored`).
/// Native only: the content is checked here, by the tests, before it ships.
#[cfg(not(target_arch = "wasm32"))]
pub fn decode_strict<T: DeserializeOwned>(
    json: &str,
    unknown: &mut Vec<String>,
) -> Result<T, String> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let mut on_unknown = |path: serde_ignored::Path| unknown.push(path_text(&path));
    let tracked = serde_ignored::Deserializer::new(value, &mut on_unknown);
    serde_path_to_error::deserialize(tracked).map_err(|e| match e.path().to_string() {
        path if path == "." => e.into_inner().to_string(),
        path => format!("{path}: {}", e.into_inner()),
    })
}

/// A path as messages write it, `cards[3].evidence.extra` (serde_ignored's own form is
/// `cards.3.evidence.?.extra`).
#[cfg(not(target_arch = "wasm32"))]
fn path_text(path: &serde_ignored::Path) -> String {
    use serde_ignored::Path;
    match path {
        Path::Root => String::new(),
        Path::Seq { parent, index } => format!("{}[{index}]", path_text(parent)),
        Path::Map { parent, key } => match path_text(parent) {
            parent if parent.is_empty() => key.clone(),
            parent => format!("{parent}.{key}"),
        },
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => path_text(parent),
    }
}
