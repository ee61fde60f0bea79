//! Reading JSON-shaped data safely: the built-in content and whatever a publisher hands us.
//!
//! Two steps. [`Reader::read`] walks the source (a JS value in the browser, a
//! `serde_json::Value` natively) into a plain [`Value`] tree under a budget of depth, text
//! length, list length and total size, and turns anything it cannot read (a throwing getter
//! or Proxy, a Date, a DOM element) into [`Value::Unreadable`] with one warning naming the
//! path. Nothing thrown by host data gets past it, and its recursion is bounded. Then
//! [`Reader::decode`] runs the serde `Deserialize` impls of the content model over that
//! tree, so built-in and publisher data share one path, with no second serde pass and none
//! of serde-wasm-bindgen's number formatting in the wasm.

use std::cell::{Cell, RefCell};
use std::fmt;

use serde::de::{self, DeserializeOwned, IntoDeserializer, Visitor};

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

    /// Runs `T`'s `Deserialize` over `value`. Unknown object keys are dropped with a warning
    /// (or are errors, for a strict reader); an array where an object is expected is an error.
    pub fn decode<T: DeserializeOwned>(&self, value: Value, path: &str) -> Result<T, Error> {
        T::deserialize(Node {
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

impl Error {
    fn at(mut self, path: &str) -> Self {
        if self.path.is_empty() {
            self.path = path.to_owned();
        }
        self
    }
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

/// How a message names an unexpected value. Deliberately not serde's `Unexpected`
/// `Display`, which formats floats and pulls all of core's float printing into the wasm.
fn unexpected(u: de::Unexpected) -> &'static str {
    use de::Unexpected as U;
    match u {
        U::Bool(_) => "a boolean",
        U::Unsigned(_) | U::Signed(_) | U::Float(_) => "a number",
        U::Char(_) | U::Str(_) => "text",
        U::Unit | U::Option => "null",
        U::Seq => "a list",
        U::Map => "an object",
        _ => "a value of another kind",
    }
}

fn one_of(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    quoted.join(", ")
}

impl de::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error {
            path: String::new(),
            message: message.to_string(),
            reported: false,
        }
    }

    fn invalid_type(u: de::Unexpected, expected: &dyn de::Expected) -> Self {
        Self::custom(format_args!("expected {expected}, found {}", unexpected(u)))
    }

    fn invalid_value(u: de::Unexpected, expected: &dyn de::Expected) -> Self {
        Self::custom(format_args!(
            "expected {expected}, found another {}",
            unexpected(u)
        ))
    }

    fn invalid_length(len: usize, expected: &dyn de::Expected) -> Self {
        Self::custom(format_args!("expected {expected}, found {len} entries"))
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        Self::custom(format_args!(
            "\"{variant}\" is not one of {}",
            one_of(expected)
        ))
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        Self::custom(format_args!(
            "unknown field \"{field}\"; known fields: {}",
            one_of(expected)
        ))
    }

    fn missing_field(field: &'static str) -> Self {
        Self::custom(format_args!("missing field \"{field}\""))
    }
}

/// One value being decoded, with its path for messages.
struct Node<'r> {
    value: Value,
    path: String,
    reader: &'r Reader,
}

impl Node<'_> {
    fn error(&self, message: String) -> Error {
        Error {
            path: self.path.clone(),
            message,
            reported: false,
        }
    }

    fn mismatch(&self, expected: &str, found: &Value) -> Error {
        match found {
            Value::Unreadable => self.unreadable(),
            _ => self.error(format!("expected {expected}, found {}", found.kind())),
        }
    }

    fn unreadable(&self) -> Error {
        Error {
            reported: true,
            ..self.error("could not be read".into())
        }
    }
}

impl<'de> de::Deserializer<'de> for Node<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let path = self.path.clone();
        let result = match self.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            // Integers as integers, so `u8` and friends accept them.
            Value::Number(n) if n.fract() == 0.0 && (0.0..9.0e15).contains(&n) => {
                visitor.visit_u64(n as u64)
            }
            Value::Number(n) if n.fract() == 0.0 && (-9.0e15..0.0).contains(&n) => {
                visitor.visit_i64(n as i64)
            }
            Value::Number(n) => visitor.visit_f64(n),
            Value::Text(s) => visitor.visit_string(s),
            Value::List(items) => visitor.visit_seq(Items {
                items: items.into_iter().enumerate(),
                path: &path,
                reader: self.reader,
            }),
            Value::Object(entries) => visitor.visit_map(Entries {
                entries: entries.into_iter(),
                pending: None,
                path: &path,
                reader: self.reader,
            }),
            Value::Unreadable => return Err(self.unreadable()),
        };
        result.map_err(|e| e.at(&path))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            // Unreadable optional data acts as absent; its warning is out already.
            Value::Null | Value::Unreadable => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.value {
            Value::Object(entries) if !self.reader.strict => {
                let mut known = Vec::with_capacity(entries.len());
                for (key, value) in entries {
                    if fields.contains(&key.as_str()) {
                        known.push((key, value));
                    } else {
                        self.reader.warn(format!(
                            "{}.{key} is not a known field; known fields: {}. Ignoring it.",
                            self.path,
                            one_of(fields)
                        ));
                    }
                }
                let node = Node {
                    value: Value::Object(known),
                    path: self.path,
                    reader: self.reader,
                };
                node.deserialize_map(visitor)
            }
            Value::Object(_) => self.deserialize_map(visitor),
            Value::Unreadable => Err(self.unreadable()),
            // serde's derive would take a list as the fields in order: never what was meant.
            ref other => Err(self.error(format!("expected an object, found {}", other.kind()))),
        }
    }

    // Each typed entry point calls only the one visitor method it needs: `deserialize_any`
    // would instantiate every `visit_*` of every model type, kilobytes of wasm each.
    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Object(entries) => visitor
                .visit_map(Entries {
                    entries: entries.into_iter(),
                    pending: None,
                    path: &self.path,
                    reader: self.reader,
                })
                .map_err(|e| e.at(&self.path)),
            ref other => Err(self.mismatch("an object", other)),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::List(items) => visitor
                .visit_seq(Items {
                    items: items.into_iter().enumerate(),
                    path: &self.path,
                    reader: self.reader,
                })
                .map_err(|e| e.at(&self.path)),
            ref other => Err(self.mismatch("a list", other)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Text(s) => visitor.visit_string(s).map_err(|e: Error| e.at(&self.path)),
            ref other => Err(self.mismatch("text", other)),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Bool(b) => visitor.visit_bool(b).map_err(|e: Error| e.at(&self.path)),
            ref other => Err(self.mismatch("true or false", other)),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            ref other => Err(self.mismatch("null", other)),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.value {
            Value::Text(s) => {
                let path = self.path.clone();
                visitor
                    .visit_enum(<String as IntoDeserializer<'de, Error>>::into_deserializer(
                        s,
                    ))
                    .map_err(|e| e.at(&path))
            }
            Value::Unreadable => Err(self.unreadable()),
            ref other => Err(self.error(format!("expected text, found {}", other.kind()))),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char
        bytes byte_buf unit_struct tuple tuple_struct
    }
}

struct Items<'p, 'r> {
    items: std::iter::Enumerate<std::vec::IntoIter<Value>>,
    path: &'p str,
    reader: &'r Reader,
}

impl<'de> de::SeqAccess<'de> for Items<'_, '_> {
    type Error = Error;

    fn next_element_seed<T: de::DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some((i, value)) = self.items.next() else {
            return Ok(None);
        };
        let path = format!("{}[{i}]", self.path);
        let node = Node {
            value,
            path: path.clone(),
            reader: self.reader,
        };
        seed.deserialize(node).map(Some).map_err(|e| e.at(&path))
    }
}

struct Entries<'p, 'r> {
    entries: std::vec::IntoIter<(String, Value)>,
    pending: Option<(String, Value)>,
    path: &'p str,
    reader: &'r Reader,
}

impl<'de> de::MapAccess<'de> for Entries<'_, '_> {
    type Error = Error;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        let result = seed.deserialize(<String as IntoDeserializer<'de, Error>>::into_deserializer(
            key.clone(),
        ));
        self.pending = Some((key, value));
        result.map(Some)
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let (key, value) = self.pending.take().unwrap_or((String::new(), Value::Null));
        let path = format!("{}.{key}", self.path);
        let node = Node {
            value,
            path: path.clone(),
            reader: self.reader,
        };
        seed.deserialize(node).map_err(|e| e.at(&path))
    }
}

/// The names a unit-variant enum is written as in JSON (its serde names), e.g. to list the
/// accepted values in a message without writing them out again.
pub fn variant_names<T: DeserializeOwned>() -> &'static [&'static str] {
    struct Probe<'c>(&'c Cell<&'static [&'static str]>);
    impl<'de> de::Deserializer<'de> for Probe<'_> {
        type Error = Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Error> {
            Err(de::Error::custom("not an enum"))
        }
        fn deserialize_enum<V: Visitor<'de>>(
            self,
            _name: &'static str,
            variants: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Error> {
            self.0.set(variants);
            Err(de::Error::custom("probe"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map struct identifier ignored_any
        }
    }
    let names = Cell::new(&[][..]);
    let _ = T::deserialize(Probe(&names));
    names.get()
}
