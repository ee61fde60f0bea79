//! The `<trd-explainer>` element's app: one [`Widget`] per element, created by the loader
//! (static/trd-explainer.js) with the element's attributes and JSON configuration. An
//! element's app is always a [`Slot`], hydrated or rendered, so a removed element's app is
//! parked and reused by the next one (Yew never frees an app root's listeners).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};
use yew::{AppHandle, Callback, Renderer};

use super::events::{adopt, event_sink, log};
use super::fallback;
use crate::app::WidgetEvent;
use crate::browser;
use crate::config::{self, JsonConfig, Options, Warning, ATTRIBUTES};
use crate::slot::{Shown, Slot, SlotProps};
use crate::{content, contract};

thread_local! {
    /// Landmark numbers of the widgets on the page now (not of every one ever created).
    static NUMBERS: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
    /// Emptied apps of removed widgets, with their containers, for the next widget.
    static SPARE: RefCell<Vec<(Element, AppHandle<Slot>)>> = const { RefCell::new(Vec::new()) };
    /// Keys that make a reused app mount a fresh explainer (fresh state).
    static GENERATION: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Removed widgets keep at most this many apps for reuse.
const MAX_SPARE: usize = 8;

/// One `<trd-explainer>` instance. Every method is safe to call with anything a host
/// page passes: configuration is read under limits with every throw caught, so no JS
/// exception unwinds through it and a bad update leaves the last good state in place.
#[wasm_bindgen]
pub struct Widget {
    host: HtmlElement,
    root: Element,
    defaults: Options,
    options: Options,
    config: JsonConfig,
    /// Created once: a new callback on every update would re-render every card.
    on_event: Callback<WidgetEvent>,
    /// Warnings from the last render, so an unchanged problem is not repeated.
    last_warnings: Vec<Warning>,
    /// Always a [`Slot`] (see there), hydrated or rendered, so it can be parked and reused.
    app: Option<AppHandle<Slot>>,
    /// This widget's explainer key in a reused [`Slot`].
    key: u32,
}

#[wasm_bindgen]
impl Widget {
    /// Mounts into `root` (a container in the element's shadow root). `hydrate`: the
    /// container holds prerendered markup that the app's first render matches; the loader
    /// decides that, alone (see contract.rs).
    #[wasm_bindgen(constructor)]
    pub fn new(
        host: HtmlElement,
        root: Element,
        config_text: Option<String>,
        hydrate: bool,
    ) -> Widget {
        let defaults = Options {
            instance: take_number(),
            reader_languages: browser::reader_languages(),
            ..Options::embedded()
        };
        let mut widget = Widget {
            on_event: event_sink(host.clone().into()),
            host,
            root,
            options: defaults.clone(),
            defaults,
            config: JsonConfig::default(),
            last_warnings: Vec::new(),
            app: None,
            key: GENERATION.with(|g| {
                g.set(g.get().wrapping_add(1));
                g.get()
            }),
        };
        let mut warnings = Vec::new();
        for attribute in ATTRIBUTES {
            if let Some(value) = widget.host.get_attribute(attribute.name) {
                warnings.extend(widget.options.set_attribute(
                    &widget.defaults,
                    attribute.name,
                    Some(&value),
                ));
            }
        }
        if !widget.host.has_attribute("lang") {
            widget.inherit_lang();
        }
        if let Some(text) = config_text.filter(|t| !t.trim().is_empty()) {
            let (config, config_warnings) = config::parse_json_text(&text);
            widget.config = config;
            warnings.extend(config_warnings);
        }
        log(&warnings);
        widget.render(hydrate);
        widget
    }

    /// An observed attribute changed (`None`: removed).
    #[wasm_bindgen(js_name = setAttribute)]
    pub fn set_attribute(&mut self, name: &str, value: Option<String>) {
        let removed_lang = name == "lang" && value.is_none();
        let warnings = self
            .options
            .set_attribute(&self.defaults, name, value.as_deref());
        log(&warnings);
        if removed_lang {
            self.inherit_lang();
        }
        self.render(false);
    }

    /// The `config` property was set to an object (or `null` to clear it).
    #[wasm_bindgen(js_name = setConfig)]
    pub fn set_config(&mut self, value: JsValue) {
        let (config, warnings) = config::parse_value(&value);
        log(&warnings);
        // Unreadable as a whole: keep showing the last good configuration.
        if let Some(config) = config {
            self.config = config;
            self.render(false);
        }
    }

    /// The JSON config child's text changed.
    #[wasm_bindgen(js_name = setConfigText)]
    pub fn set_config_text(&mut self, text: Option<String>) {
        let (config, warnings) = match text.filter(|t| !t.trim().is_empty()) {
            Some(t) => config::parse_json_text(&t),
            None => Default::default(),
        };
        self.config = config;
        log(&warnings);
        self.render(false);
    }

    /// Unmounts the app; the element was removed from the page.
    pub fn destroy(&mut self) {
        fallback::forget(&self.root);
        NUMBERS.with(|n| n.borrow_mut().retain(|&x| x != self.defaults.instance));
        // Detached, the container holds neither the shadow root nor the element.
        self.root.remove();
        if let Some(mut app) = self.app.take() {
            app.update(SlotProps { shown: None });
            SPARE.with(|s| {
                let mut spare = s.borrow_mut();
                if spare.len() < MAX_SPARE {
                    spare.push((self.root.clone(), app));
                } else {
                    app.destroy();
                }
            });
        }
    }
}

/// The smallest landmark number no widget on the page is using.
fn take_number() -> u32 {
    NUMBERS.with(|n| {
        let mut used = n.borrow_mut();
        let free = (1..).find(|x| !used.contains(x)).unwrap_or(1);
        used.push(free);
        free
    })
}

impl Widget {
    /// Without its own `lang`, the element reads the closest ancestor's (usually the
    /// host page's `<html lang>`). A host language with no translation is not the
    /// publisher's mistake, so it falls back to English without a warning.
    fn inherit_lang(&mut self) {
        let inherited = self
            .host
            .parent_element()
            .and_then(|p| p.closest("[lang]").ok().flatten())
            .and_then(|el| el.get_attribute("lang"));
        if let Some(tag) = inherited {
            if content::match_locale(&tag).is_some() {
                let _ = self
                    .options
                    .set_attribute(&self.defaults, "lang", Some(&tag));
            }
        }
    }

    /// Shows the explainer in a parked app if there is one (moving its container into
    /// this element's shadow root), else in a new one.
    fn mount_slot(&mut self, shown: Shown) -> AppHandle<Slot> {
        fallback::watch(&self.root, &shown.content.ui.fallback_error);
        let props = SlotProps { shown: Some(shown) };
        if let Some((container, mut app)) = SPARE.with(|s| s.borrow_mut().pop()) {
            if self.root.replace_with_with_node_1(&container).is_ok() {
                fallback::moved(&self.root, &container);
                self.root = container;
                app.update(props);
                return app;
            }
            app.destroy();
        }
        self.root.set_text_content(None);
        Renderer::<Slot>::with_root_and_props(self.root.clone(), props).render()
    }

    fn render(&mut self, hydrate: bool) {
        let mut options = self.options.clone();
        options.cta = self.config.cta.clone();
        let host = &self.host;
        self.config
            .apply_options(&mut options, &self.defaults, |name| {
                host.has_attribute(name)
            });
        let (content, warnings) = match config::resolve(&options, &self.config) {
            Ok(ok) => ok,
            Err(e) => return browser::error(&format!("<trd-explainer>: {e}")),
        };
        let new: Vec<Warning> = warnings
            .iter()
            .filter(|w| !self.last_warnings.contains(w))
            .cloned()
            .collect();
        log(&new);
        self.last_warnings = warnings;
        let shown = Shown {
            key: self.key,
            content,
            options: Rc::new(options),
            on_event: self.on_event.clone(),
            progressive: false,
        };
        if let Some(app) = &mut self.app {
            return app.update(SlotProps { shown: Some(shown) });
        }
        // What the reader did before the app is in the markup, whether it is hydrated or
        // replaced: cards they opened stay open (contract.rs).
        let mut options = (*shown.options).clone();
        let on_event = adopt(
            &mut options,
            contract::opened_cards(&self.root),
            shown.on_event.clone(),
        );
        let shown = Shown {
            options: Rc::new(options),
            on_event,
            ..shown
        };
        // A parked app is reused (rendered afresh in place of the markup): every new app
        // root would keep Yew's listeners for the life of the page.
        let spare = SPARE.with(|s| !s.borrow().is_empty());
        if !hydrate || spare || self.root.first_element_child().is_none() {
            self.app = Some(self.mount_slot(shown));
            return;
        }
        fallback::watch(&self.root, &shown.content.ui.fallback_error);
        // Hydrating the build's markup: its cards are adopted as they are and hydrated one
        // per task (progressive.rs). Never for a fresh render above.
        crate::progressive::prepare(&self.root);
        let shown = Shown {
            progressive: true,
            ..shown
        };
        let props = SlotProps { shown: Some(shown) };
        let app = Renderer::<Slot>::with_root_and_props(self.root.clone(), props).hydrate();
        self.app = Some(app);
    }
}

/// Bytes of linear memory the wasm holds (for the benchmark's memory figures).
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65536) as f64
}
