//! The publisher's page (`dist/publish.html`, `dist/es/publish.html`): every option of the
//! attribute table as a control, the real `<trd-explainer>` as a live preview, and the code
//! in each form the build supports, checked as the publisher types by the same functions
//! that make the element's console warnings.
//!
//! It is compiled only with the `publisher` feature, into a wasm of its own that only this
//! page loads (index.html's second rust link), so an embed never downloads it. The preview
//! runs on the embed's own loader and wasm.
//!
//! - [`model`]: what the build tells the page (forms, colours, words);
//! - [`state`]: the state, the `Action` enum and the reducer;
//! - [`embed`]: what the choices make (attributes, JSON, colours) and the checks;
//! - [`code`]: the code of each form;
//! - `components/`, `hooks/`: the views and the browser integrations;
//! - [`page`]: build time, writes the pages (native).

pub mod code;
pub mod components;
pub mod embed;
mod hooks;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod page;
pub mod state;

/// The id of the page's `<script type="application/json">` holding the [`model::PageData`].
pub const DATA_ID: &str = "trd-publish-data";
/// The id of the element the app renders into.
pub const ROOT_ID: &str = "trd-publisher";

#[cfg(target_arch = "wasm32")]
pub use start::start_publisher;

#[cfg(target_arch = "wasm32")]
mod start {
    use std::cell::RefCell;
    use std::rc::Rc;

    use wasm_bindgen::prelude::*;
    use yew::{AppHandle, Renderer};

    use super::components::{Publisher, PublisherProps};
    use super::model::{self, PageData};

    thread_local! {
        static APP: RefCell<Option<AppHandle<Publisher>>> = const { RefCell::new(None) };
    }

    /// Renders the publisher's page into `#trd-publisher` from the page's data (exported
    /// by the `trd_publish` binary, src/bin/trd_publish.rs, as `startPublisher`).
    pub fn start_publisher() -> Result<(), JsValue> {
        let doc = web_sys::window()
            .and_then(|w| w.document())
            .ok_or("no document")?;
        let text = doc
            .get_element_by_id(super::DATA_ID)
            .and_then(|el| el.text_content())
            .ok_or("the page has no publisher data")?;
        let data: PageData =
            model::decode(&text, "publish data").map_err(|e| JsValue::from_str(&e))?;
        let root = doc
            .get_element_by_id(super::ROOT_ID)
            .ok_or("the page has no #trd-publisher")?;
        root.set_text_content(None);
        let props = PublisherProps {
            data: Rc::new(data),
        };
        let app = Renderer::<Publisher>::with_root_and_props(root, props).render();
        APP.with(|a| *a.borrow_mut() = Some(app));
        Ok(())
    }
}
