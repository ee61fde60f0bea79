//! Helpers the browser component tests share (each test file uses some of them).
#![allow(dead_code)]

use wasm_bindgen::JsCast;
use web_sys::Element;

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// The wasm carries no content: hand it the build's JSON, as the loader does in a page.
pub fn register_content() {
    for (code, json) in [
        (
            "en",
            include_str!(concat!(env!("OUT_DIR"), "/content-en.json")),
        ),
        (
            "es",
            include_str!(concat!(env!("OUT_DIR"), "/content-es.json")),
        ),
    ] {
        trd_explainer::content::register(code, json.to_owned()).unwrap();
    }
}

/// A fresh element appended to the page's body, to mount an app in.
pub fn new_root() -> Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    root
}

pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into().unwrap())
        .collect()
}

pub fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}
