//! TRD treatment explainer: an accessible, sourced explainer of treatments for
//! treatment-resistant depression, as a Yew component.
//!
//! This library is what every entry point mounts:
//! - the standalone page hydrates its prerendered markup (`start`, in the browser);
//! - the `<trd-explainer>` custom element creates a [`mount::Widget`] per instance;
//! - the `prerender` binary renders [`Explainer`] to HTML at build time;
//! - with the `publisher` feature, the publisher's page (`publish`) is a wasm of its own.

// dlmalloc costs a few KB more wasm than talc; allocation speed is not a bottleneck here.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod app;
pub mod browser;
pub mod collections;
pub mod components;
pub mod config;
pub mod content;
pub mod json;
pub mod prerendered;
#[cfg(feature = "publisher")]
pub mod publish;
pub mod questions;
pub mod search;
pub mod slot;
mod slug;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod mount;
pub mod progressive;

// The iframe code is also written in the browser, by the publisher's page.
#[cfg(any(not(target_arch = "wasm32"), feature = "publisher"))]
pub mod embed_page;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
#[cfg(not(target_arch = "wasm32"))]
pub mod release;

pub use app::{Explainer, ExplainerProps, WidgetEvent};
