//! The standalone page's start: it hydrates its prerendered explainer, always (the build
//! rendered it from the same attributes this reads, see contract.rs).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::{AppHandle, Renderer};

use super::events::{adopt, event_sink, log};
use super::{fallback, next_task};
use crate::app::{Explainer, ExplainerProps};
use crate::browser;
use crate::config::{self, JsonConfig, Options, ATTRIBUTES};
use crate::{content, contract};

thread_local! {
    static STANDALONE: RefCell<Option<AppHandle<Explainer>>> = const { RefCell::new(None) };
}

/// Mounts the standalone page's explainer into `root`, reusing its prerendered markup
/// when `hydrate` is set (and there is some). Elements mount a [`Slot`] instead.
fn mount(root: &Element, props: ExplainerProps, hydrate: bool) -> AppHandle<Explainer> {
    fallback::watch(root, &props.content.ui.fallback_error);
    let hydrate = hydrate && root.first_element_child().is_some();
    let props = ExplainerProps {
        progressive: hydrate,
        ..props
    };
    let renderer = Renderer::<Explainer>::with_root_and_props(root.clone(), props);
    if hydrate {
        crate::progressive::prepare(root);
        renderer.hydrate()
    } else {
        root.set_text_content(None);
        renderer.render()
    }
}

/// The standalone page carries its own locale's content in a non-executed
/// `<script type="application/json" id="trd-content" data-locale="…">` (CSP-safe, and it
/// works from disk), so hydration starts with nothing more to fetch.
fn register_page_content(doc: &web_sys::Document) {
    let Some(script) = doc.get_element_by_id(content::PAGE_SCRIPT_ID) else {
        return;
    };
    if let (Some(code), Some(text)) = (script.get_attribute("data-locale"), script.text_content()) {
        if let Err(e) = content::register(&code, text) {
            browser::error(&e);
        }
    }
}

/// Hydrates the standalone page's prerendered explainer, if this page has one.
#[wasm_bindgen(start)]
pub fn start() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = doc
        .query_selector(&format!("[{}]", contract::STANDALONE))
        .ok()
        .flatten()
    else {
        return;
    };
    register_page_content(&doc);
    // Reading the content and hydrating each run as a task of their own, not as the tail
    // of the one that started the wasm: no single long task while the page loads. Cards
    // already answer clicks meanwhile (trd-accordion.js).
    wasm_bindgen_futures::spawn_local(async move {
        next_task().await;
        hydrate_standalone(root).await;
    });
}

async fn hydrate_standalone(root: Element) {
    let mut options = Options::standalone();
    // The crisis line the reader's own languages choose for a `lang` without a region
    // (an `es` page read in an `es-MX` browser); the page itself was prerendered without.
    let mut reader_line = options.crisis_region;
    // The page's language (`/es/` is `<html lang="es">`), as the prerender chose it.
    if let Some(tag) = root
        .closest("[lang]")
        .ok()
        .flatten()
        .and_then(|el| el.get_attribute("lang"))
    {
        let defaults = options.clone();
        log(&options.set_attribute(&defaults, "lang", Some(&tag)));
        reader_line = config::lead_region(&tag, options.locale, &browser::reader_languages());
    }
    // The page's own configuration: the same attributes as an element's, on its
    // `data-trd-standalone` container, which the prerender read from the same template.
    let defaults = options.clone();
    for attribute in ATTRIBUTES.iter().filter(|a| a.name != "lang") {
        if let Some(value) = root.get_attribute(attribute.name) {
            log(&options.set_attribute(&defaults, attribute.name, Some(&value)));
        }
    }
    if let Err(e) = content::load_in_steps(options.locale, next_task).await {
        return browser::error(&e);
    }
    let (content, warnings) = match config::resolve(&options, &JsonConfig::default()) {
        Ok(ok) => ok,
        Err(e) => return browser::error(&e),
    };
    next_task().await;
    crate::app::prepare_index(&content);
    next_task().await;
    log(&warnings);
    // What the reader did before the app is in the markup (contract.rs).
    let on_event = adopt(
        &mut options,
        contract::opened_cards(&root),
        event_sink(root.clone().into()),
    );
    let options = Rc::new(options);
    let props = ExplainerProps {
        content: content.clone(),
        options: options.clone(),
        on_event: on_event.clone(),
        progressive: false,
    };
    let mut handle = mount(&root, props, true);
    // The page hydrates with the line it was prerendered with; where the reader's
    // languages choose another, that one leads from the next task, once the first render
    // (and its `ready`) is done: a static page cannot know them before its first paint.
    if reader_line != options.crisis_region {
        next_task().await;
        handle.update(ExplainerProps {
            content,
            options: Rc::new(Options {
                crisis_region: reader_line,
                ..(*options).clone()
            }),
            on_event,
            progressive: true,
        });
    }
    STANDALONE.with(|s| *s.borrow_mut() = Some(handle));
}
