//! Decoding plain data and JSON text into the model's types with serde, and asking
//! serde for the field names a type declares.

use std::fmt;

use serde::de::{self, DeserializeOwned, Visitor};

use super::Plain;

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
