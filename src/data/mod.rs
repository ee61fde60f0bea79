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
//!
//! Here: [`Plain`] data and how to look into it. Decoding with serde is in `decode.rs`;
//! copying a publisher's value under limits is in `reader.rs`.

mod decode;
mod reader;

#[cfg(not(target_arch = "wasm32"))]
pub use decode::decode_strict;
pub use decode::{decode, decode_text, fields};
pub use reader::{Limits, Reader, Shape, Source, PUBLISHER};

/// Plain data, as [`Reader::read`] copies it: a JS value in the browser (what
/// serde-wasm-bindgen reads), a `serde_json` value natively.
#[cfg(target_arch = "wasm32")]
pub type Plain = wasm_bindgen::JsValue;
/// Plain data, as [`Reader::read`] copies it: a JS value in the browser (what
/// serde-wasm-bindgen reads), a `serde_json` value natively.
#[cfg(not(target_arch = "wasm32"))]
pub type Plain = serde_json::Value;

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
