//! Links into "How this guide was made" (`#trd-how-made`, `#trd-report`, `#trd-privacy`)
//! from the disclaimer and the foot of every view, and the same fragments in the page URL.
//! The section is a native `<details>`, so a link has to open it; and inside a shadow root
//! the browser's own fragment navigation finds nothing (it only searches the document),
//! while it would rewrite the host page's URL. So a click opens the section here instead.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser;
use crate::content::ABOUT_TARGETS;

#[hook]
pub fn use_about_links(root: &NodeRef, deep_links: bool) {
    let root = root.clone();
    use_effect_with(deep_links, move |deep_links| {
        let Some(el) = root.cast::<web_sys::Element>() else {
            return Box::new(|| ()) as Box<dyn FnOnce()>;
        };
        let clicks = {
            let el = el.clone();
            gloo_events::EventListener::new_with_options(
                &el.clone(),
                "click",
                gloo_events::EventListenerOptions::enable_prevent_default(),
                move |e| {
                    let target = (e.target())
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .and_then(|t| t.closest("a[href^=\"#\"]").ok().flatten())
                        .and_then(|a| a.get_attribute("href"));
                    if let Some(id) = target.as_deref().and_then(about_target) {
                        e.prevent_default();
                        browser::open_section(&el, id);
                    }
                },
            )
        };
        let open_linked = {
            let el = el.clone();
            move || {
                if let Some(id) = browser::location_hash().as_deref().and_then(about_target) {
                    browser::open_section(&el, id);
                }
            }
        };
        let hash = deep_links.then(|| {
            open_linked();
            web_sys::window()
                .map(|w| gloo_events::EventListener::new(&w, "hashchange", move |_| open_linked()))
        });
        Box::new(move || drop((clicks, hash)))
    });
}

/// `#trd-report` (or `trd-report`) → the section's id it names, if it is one.
fn about_target(fragment: &str) -> Option<&'static str> {
    let id = fragment.strip_prefix('#').unwrap_or(fragment);
    ABOUT_TARGETS.into_iter().find(|t| *t == id)
}
