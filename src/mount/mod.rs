//! Browser entry points: the standalone page ([`standalone`]) and the `<trd-explainer>`
//! custom element ([`element`]). The element's JavaScript shell (static/trd-explainer.js)
//! owns the shadow root, lazy start and whether prerendered markup can be hydrated; these
//! modules own configuration, rendering and events. What passes between the two before
//! the app starts is written down in src/contract.rs.

use wasm_bindgen::prelude::*;

use crate::content;

pub mod element;
mod events;
mod fallback;
pub mod standalone;

pub use element::{memory_bytes, Widget};
pub use standalone::start;

/// Hands a locale's content JSON (the `content-<locale>-<hash>.json` the build wrote) to
/// the wasm, which carries none: the loader calls this before an element needs the locale.
/// Resolves once it is parsed, in several tasks (see [`content::load_in_steps`]).
#[wasm_bindgen(js_name = addLocale)]
pub async fn add_locale(locale: String, json: String) -> Result<(), JsValue> {
    content::register(&locale, json).map_err(|e| JsValue::from_str(&e))?;
    content::load_in_steps(&locale, next_task)
        .await
        .map_err(|e| JsValue::from_str(&e))?;
    // The first widget in this language most likely shows it all, unconfigured.
    next_task().await;
    if let Ok(content) = content::load(&locale) {
        crate::app::prepare_index(&content);
    }
    Ok(())
}

/// Resolves in a later task, letting the browser paint and handle input in between.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
