//! Reading JSON-shaped data safely: the built-in content and whatever a publisher hands us.
//!
//! Two steps. [`Reader::read`] walks the source (a JS value in the browser, a
//! `serde_json::Value` natively) into a plain [`Value`] tree under a budget of depth, text
//! length, list length and total size, and turns anything it cannot read (a throwing getter
//! or Proxy, a Date, a DOM element) into [`Value::Unreadable`] with one warning naming the
//! path. Nothing thrown by host data gets past it, and its recursion is bounded. Then
//! [`Reader::decode`] runs the content model's decoders over that
//! tree, so built-in and publisher data share one path. That is [`Decode`], not serde:
//! serde's derived visitors cost kilobytes of wasm per type and instantiation, while here
//! the work (matching keys, reporting problems) is in a few shared, non-generic functions
//! and each type adds only its list of fields ([`decode_struct!`]).

use std::cell::{Cell, RefCell};
use std::fmt;

use std::rc::Rc;

/// A JSON value as read, already within the [`Limits`].
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    List(Vec<Value>),
    Object(Vec<(String, Value)>),
    /// Could not be read or was over a limit; a warning already says why.
    Unreadable,
}

impl Value {
    /// How a message names this kind of value.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::Text(_) => "text",
            Value::List(_) => "a list",
            Value::Object(_) => "an object",
            Value::Unreadable => "an unreadable value",
        }
    }
}

/// Caps on what is read.
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

/// The built-in content, checked by tests; only the depth cap matters.
pub const BUILT_IN: Limits = Limits {
    depth: 64,
    text_chars: usize::MAX,
    items: usize::MAX,
    values: usize::MAX,
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

/// Something a [`Reader`] can walk. Every access may fail (a getter or Proxy that throws).
pub trait Source: Sized {
    fn shape(&self) -> Result<Shape, String>;
    fn item(&self, index: usize) -> Result<Self, String>;
    fn field(&self, key: &str) -> Result<Self, String>;
}

/// Reads and decodes under [`Limits`], collecting warnings.
pub struct Reader {
    limits: Limits,
    /// Unknown object keys are errors (built-in content) rather than warnings (publishers).
    strict: bool,
    values: Cell<usize>,
    warnings: RefCell<Vec<String>>,
}

impl Reader {
    /// For publisher data: lenient, capped, every problem a warning.
    pub fn publisher() -> Self {
        Reader::new(PUBLISHER, false)
    }

    /// For built-in content: unknown fields are errors.
    pub fn built_in() -> Self {
        Reader::new(BUILT_IN, true)
    }

    fn new(limits: Limits, strict: bool) -> Self {
        Reader {
            limits,
            strict,
            values: Cell::new(0),
            warnings: RefCell::new(Vec::new()),
        }
    }

    pub fn warn(&self, message: String) {
        self.warnings.borrow_mut().push(message);
    }

    pub fn into_warnings(self) -> Vec<String> {
        self.warnings.into_inner()
    }

    /// Walks `source` (found at `path`) into a [`Value`].
    pub fn read<S: Source>(&self, source: &S, path: &str) -> Value {
        self.walk(source, path, 0)
    }

    fn walk<S: Source>(&self, source: &S, path: &str, depth: usize) -> Value {
        let count = self.values.get() + 1;
        self.values.set(count);
        if count > self.limits.values {
            if count == self.limits.values + 1 {
                self.warn(format!(
                    "{path}: the configuration has more than {} values; ignoring the rest.",
                    self.limits.values
                ));
            }
            return Value::Unreadable;
        }
        let shape = match source.shape() {
            Ok(shape) => shape,
            Err(e) => {
                self.warn(format!("{path} could not be read ({e}). Ignoring it."));
                return Value::Unreadable;
            }
        };
        if matches!(shape, Shape::List(_) | Shape::Object(_)) && depth >= self.limits.depth {
            self.warn(format!(
                "{path} is nested more than {} levels deep. Ignoring it.",
                self.limits.depth
            ));
            return Value::Unreadable;
        }
        match shape {
            Shape::Null => Value::Null,
            Shape::Bool(b) => Value::Bool(b),
            Shape::Number(n) => Value::Number(n),
            Shape::Text(text) => Value::Text(self.cap_text(text, path)),
            Shape::Other(what) => {
                self.warn(format!(
                    "{path} is {what}, not JSON data (text, number, boolean, list or object). Ignoring it."
                ));
                Value::Unreadable
            }
            Shape::List(len) => {
                let len = self.cap_items(len, path);
                let mut items = Vec::with_capacity(len);
                for i in 0..len {
                    let item_path = format!("{path}[{i}]");
                    items.push(match source.item(i) {
                        Ok(item) => self.walk(&item, &item_path, depth + 1),
                        Err(e) => {
                            self.warn(format!("{item_path} could not be read ({e}). Ignoring it."));
                            Value::Unreadable
                        }
                    });
                }
                Value::List(items)
            }
            Shape::Object(keys) => {
                let len = self.cap_items(keys.len(), path);
                let mut entries = Vec::with_capacity(len);
                for key in keys.into_iter().take(len) {
                    let field_path = format!("{path}.{key}");
                    match source.field(&key) {
                        Ok(field) => {
                            let value = self.walk(&field, &field_path, depth + 1);
                            entries.push((key, value));
                        }
                        Err(e) => self.warn(format!(
                            "{field_path} could not be read ({e}). Ignoring it."
                        )),
                    }
                }
                Value::Object(entries)
            }
        }
    }

    fn cap_text(&self, text: String, path: &str) -> String {
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

    fn cap_items(&self, len: usize, path: &str) -> usize {
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

    /// Decodes `value` (found at `path`) as a `T`. Unknown object keys are dropped with a
    /// warning (or are errors, for a strict reader); a list where an object is expected is
    /// an error.
    pub fn decode<T: Decode>(&self, value: Value, path: &str) -> Result<T, Error> {
        T::decode(Node {
            value,
            path: path.to_owned(),
            reader: self,
        })
    }
}

/// Parses JSON text, then reads it (the browser's `JSON.parse`, which does not recurse on
/// the JS stack; `serde_json` natively).
pub fn parse_text(text: &str, reader: &Reader, path: &str) -> Result<Value, String> {
    #[cfg(target_arch = "wasm32")]
    {
        let value = js_sys::JSON::parse(text).map_err(|e| {
            e.dyn_ref::<js_sys::SyntaxError>()
                .map(|e| String::from(e.message()))
                .unwrap_or_default()
        })?;
        Ok(reader.read(&value, path))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        Ok(reader.read(&&value, path))
    }
}

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::{JsCast, JsValue};

/// A JS value from the host page: any property access may run host code that throws.
/// Every access goes through `Reflect`, whose bindings catch.
#[cfg(target_arch = "wasm32")]
impl Source for JsValue {
    fn shape(&self) -> Result<Shape, String> {
        use js_sys::{Array, Reflect};
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
        js_sys::Reflect::get(self, &JsValue::from_str(key))
            .map_err(|_| "reading it threw an exception".to_owned())
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Source for &serde_json::Value {
    fn shape(&self) -> Result<Shape, String> {
        use serde_json::Value as J;
        Ok(match self {
            J::Null => Shape::Null,
            J::Bool(b) => Shape::Bool(*b),
            J::Number(n) => Shape::Number(n.as_f64().unwrap_or(f64::NAN)),
            J::String(s) => Shape::Text(s.clone()),
            J::Array(a) => Shape::List(a.len()),
            J::Object(o) => Shape::Object(o.keys().cloned().collect()),
        })
    }

    fn item(&self, index: usize) -> Result<Self, String> {
        self.get(index).ok_or_else(|| "missing".to_owned())
    }

    fn field(&self, key: &str) -> Result<Self, String> {
        self.get(key).ok_or_else(|| "missing".to_owned())
    }
}

/// A decoding problem, with the path of the value it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub path: String,
    pub message: String,
    /// The value was unreadable and a warning already said so.
    pub reported: bool,
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

/// `"a", "b"`: the names a message lists.
fn one_of(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    quoted.join(", ")
}

/// A type read from a [`Value`].
pub trait Decode: Sized {
    fn decode(node: Node<'_>) -> Result<Self, Error>;
}

/// One value being decoded, with its path for messages.
pub struct Node<'r> {
    value: Value,
    path: String,
    reader: &'r Reader,
}

impl<'r> Node<'r> {
    /// An error about this value.
    pub fn error(&self, message: String) -> Error {
        Error {
            path: self.path.clone(),
            message,
            reported: matches!(self.value, Value::Unreadable),
        }
    }

    /// The value is not the `expected` kind (an unreadable one was reported already).
    fn mismatch(&self, expected: &str) -> Error {
        match self.value {
            Value::Unreadable => self.error("could not be read".into()),
            ref found => self.error(format!("expected {expected}, found {}", found.kind())),
        }
    }

    pub fn text(self) -> Result<String, Error> {
        match self.value {
            Value::Text(s) => Ok(s),
            _ => Err(self.mismatch("text")),
        }
    }

    pub fn number(self) -> Result<f64, Error> {
        match self.value {
            Value::Number(n) => Ok(n),
            _ => Err(self.mismatch("a number")),
        }
    }

    /// The items of a list, each with its path.
    pub fn items(self) -> Result<Vec<Node<'r>>, Error> {
        let Node {
            value,
            path,
            reader,
        } = self;
        match value {
            Value::List(items) => Ok(items
                .into_iter()
                .enumerate()
                .map(|(i, value)| Node {
                    value,
                    path: format!("{path}[{i}]"),
                    reader,
                })
                .collect()),
            value => Err(Node {
                value,
                path,
                reader,
            }
            .mismatch("a list")),
        }
    }

    /// The entries of an object, in order, each with its path.
    pub fn entries(self) -> Result<Vec<(String, Node<'r>)>, Error> {
        let Node {
            value,
            path,
            reader,
        } = self;
        match value {
            Value::Object(entries) => Ok(entries
                .into_iter()
                .map(|(key, value)| {
                    let path = format!("{path}.{key}");
                    (
                        key,
                        Node {
                            value,
                            path,
                            reader,
                        },
                    )
                })
                .collect()),
            value => Err(Node {
                value,
                path,
                reader,
            }
            .mismatch("an object")),
        }
    }

    /// An object with the given field names, ready to take them one by one. Unknown keys
    /// are errors for a strict reader, and warnings (the key ignored) otherwise.
    pub fn fields(self, names: &'static [&'static str]) -> Result<Fields<'r>, Error> {
        let path = self.path.clone();
        let reader = self.reader;
        let mut slots: Vec<Option<Node<'r>>> = names.iter().map(|_| None).collect();
        for (key, node) in self.entries()? {
            match names.iter().position(|n| *n == key) {
                Some(i) => slots[i] = Some(node),
                None if reader.strict => {
                    return Err(Error {
                        path,
                        message: format!(
                            "unknown field \"{key}\"; known fields: {}",
                            one_of(names)
                        ),
                        reported: false,
                    })
                }
                None => reader.warn(format!(
                    "{path}.{key} is not a known field; known fields: {}. Ignoring it.",
                    one_of(names)
                )),
            }
        }
        Ok(Fields {
            names,
            slots,
            path,
            error: None,
        })
    }

    /// Text naming one of `names`: its index, or an error listing them.
    pub fn choice(self, names: &[&str]) -> Result<usize, Error> {
        let path = self.path.clone();
        let text = self.text()?;
        names.iter().position(|n| *n == text).ok_or_else(|| Error {
            path,
            message: format!("\"{text}\" is not one of {}", one_of(names)),
            reported: false,
        })
    }
}

/// An object's fields by name, each taken once ([`Node::fields`]).
///
/// Taking a field gives a value, not a `Result`: the first problem is kept and returned by
/// [`Fields::finish`], and every later field is skipped (it takes its default, never
/// seen). A `?` per field would make the compiler write out, per struct, the drop of every
/// field already decoded at each one: most of the decoding code, before this.
pub struct Fields<'r> {
    names: &'static [&'static str],
    slots: Vec<Option<Node<'r>>>,
    path: String,
    error: Option<Error>,
}

impl<'r> Fields<'r> {
    /// The field's value, unless it is absent or an earlier field failed.
    #[inline(never)]
    fn take(&mut self, name: &str) -> Option<Node<'r>> {
        if self.error.is_some() {
            return None;
        }
        let i = self.names.iter().position(|n| *n == name)?;
        self.slots[i].take()
    }

    #[inline(never)]
    fn fail(&mut self, error: Error) {
        self.error.get_or_insert(error);
    }

    fn keep<T: Default>(&mut self, result: Result<T, Error>) -> T {
        result.unwrap_or_else(|e| {
            self.fail(e);
            T::default()
        })
    }

    /// A field that must be there.
    pub fn required<T: Decode + Default>(&mut self, name: &'static str) -> T {
        match self.take(name) {
            Some(node) => self.keep(T::decode(node)),
            None => {
                self.missing(name);
                T::default()
            }
        }
    }

    #[inline(never)]
    fn missing(&mut self, name: &str) {
        if self.error.is_none() {
            let message = format!("missing field \"{name}\"");
            self.fail(Error {
                path: self.path.clone(),
                message,
                reported: false,
            });
        }
    }

    /// A field that takes its default when absent.
    pub fn or_default<T: Decode + Default>(&mut self, name: &'static str) -> T {
        match self.take(name) {
            Some(node) => self.keep(T::decode(node)),
            None => T::default(),
        }
    }

    /// `value`, built from the fields taken, or the first problem met taking them.
    pub fn finish<T>(self, value: T) -> Result<T, Error> {
        match self.error {
            None => Ok(value),
            Some(e) => Err(e),
        }
    }
}

impl Decode for String {
    fn decode(node: Node<'_>) -> Result<Self, Error> {
        node.text()
    }
}

/// A count: a whole number from 0 up.
impl Decode for u32 {
    fn decode(node: Node<'_>) -> Result<Self, Error> {
        let at = node.error(String::new());
        let n = node.number()?;
        if n >= 0.0 && n <= f64::from(u32::MAX) && n.fract() == 0.0 {
            Ok(n as u32)
        } else {
            // Not printing `n`: formatting a float costs kilobytes of wasm.
            Err(Error {
                message: "expected a whole number from 0".into(),
                ..at
            })
        }
    }
}

impl Decode for bool {
    fn decode(node: Node<'_>) -> Result<Self, Error> {
        match node.value {
            Value::Bool(b) => Ok(b),
            _ => Err(node.mismatch("true or false")),
        }
    }
}

/// `null` (or an unreadable value, already reported) is `None`.
impl<T: Decode> Decode for Option<T> {
    fn decode(node: Node<'_>) -> Result<Self, Error> {
        match node.value {
            Value::Null | Value::Unreadable => Ok(None),
            _ => T::decode(node).map(Some),
        }
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(node: Node<'_>) -> Result<Self, Error> {
        // A plain loop: collecting into `Result` costs an adapter per item type.
        let items = node.items()?;
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            out.push(T::decode(item)?);
        }
        Ok(out)
    }
}

impl<T: Decode> Decode for Rc<[T]> {
    fn decode(node: Node<'_>) -> Result<Self, Error> {
        Vec::<T>::decode(node).map(Rc::from)
    }
}

impl<T: Decode> Decode for Rc<T> {
    fn decode(node: Node<'_>) -> Result<Self, Error> {
        T::decode(node).map(Rc::new)
    }
}

/// Implements [`Decode`] for a struct from its field names (every field type has a
/// `Default`, the placeholder while a problem is reported): `name` must be present,
/// `name = default` takes `Default::default()` when absent (serde's `#[serde(default)]`).
/// Fields are read in the order written here, which should be the struct's.
macro_rules! decode_struct {
    ($ty:ident { $( $field:ident $(= $default:ident)? ),* $(,)? }) => {
        impl $crate::json::Decode for $ty {
            fn decode(node: $crate::json::Node<'_>) -> Result<Self, $crate::json::Error> {
                let mut fields = node.fields(&[$(stringify!($field)),*])?;
                let value = $ty {
                    $( $field: $crate::json::decode_struct!(@take fields $field $($default)?), )*
                };
                fields.finish(value)
            }
        }
    };
    (@take $fields:ident $field:ident) => {
        $fields.required(stringify!($field))
    };
    (@take $fields:ident $field:ident default) => {
        $fields.or_default(stringify!($field))
    };
}

pub(crate) use decode_struct;
