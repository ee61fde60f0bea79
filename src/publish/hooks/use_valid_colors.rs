//! Which colours the browser's own CSS parser accepts (`CSS.supports('color', …)`): the
//! same parser that will read them on the publisher's page.

use std::rc::Rc;

use yew::prelude::*;

#[cfg(target_arch = "wasm32")]
mod css {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(catch, js_namespace = CSS, js_name = supports)]
        fn css_supports(property: &str, value: &str) -> Result<bool, JsValue>;
    }

    pub fn is_color(value: &str) -> bool {
        css_supports("color", value).unwrap_or(true)
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod css {
    pub fn is_color(_value: &str) -> bool {
        true
    }
}

/// For each (light, dark) pair: whether each is empty or a colour.
#[hook]
pub fn use_valid_colors(colors: Vec<(String, String)>) -> Rc<Vec<(bool, bool)>> {
    use_memo(colors, |colors| {
        let ok = |v: &str| v.trim().is_empty() || css::is_color(v.trim());
        colors.iter().map(|(l, d)| (ok(l), ok(d))).collect()
    })
}

/// Whether the publisher's device prefers dark: the preview starts in their setting.
pub fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}
