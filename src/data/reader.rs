//! Copying a publisher's value into [`Plain`] data under [`Limits`] before serde sees it:
//! every access that can throw is caught, and each problem is one warning naming its path.

use super::{entries, Plain};

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
