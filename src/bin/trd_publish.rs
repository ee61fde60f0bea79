//! The publisher's page's wasm (publish.html; index.html's second rust link builds it with
//! `--bin trd_publish`). All its code is the library's `publish` module. It is a binary of
//! its own so that its wasm-bindgen output is named `trd_publish`: Trunk runs both wasm
//! builds at once through one folder, and under one name each could take the other's files.

#[cfg(target_arch = "wasm32")]
mod wasm {
    use wasm_bindgen::prelude::*;

    /// Renders the publisher's page (called by static/publish/publish.js once this wasm is
    /// up). A binary keeps only the exports it defines itself, so it is declared here.
    #[wasm_bindgen(js_name = startPublisher)]
    pub fn start_publisher() -> Result<(), JsValue> {
        trd_explainer::publish::start_publisher()
    }
}

fn main() {}
