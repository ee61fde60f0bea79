//! Browser entry points: the standalone page and the `<trd-explainer>` custom element.
//! The element's JavaScript shell (static/trd-explainer.js) owns the shadow root and
//! lazy start; this module owns configuration, rendering and events.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};
use yew::{AppHandle, Callback, Renderer};

use crate::app::{Explainer, ExplainerProps, WidgetEvent};
use crate::browser;
use crate::config::{self, Options, Overrides, Warning, ATTRIBUTES};
use crate::content;

thread_local! {
    /// Every mounted root with the message to show there if the app ever panics.
    static ROOTS: RefCell<Vec<(Element, String)>> = const { RefCell::new(Vec::new()) };
    static STANDALONE: RefCell<Option<AppHandle<Explainer>>> = const { RefCell::new(None) };
    /// Widgets created on this page so far.
    static INSTANCES: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

fn show_fallback(root: &Element, message: &str) {
    root.set_text_content(None);
    let Some(doc) = root.owner_document() else {
        return;
    };
    if let Ok(p) = doc.create_element("p") {
        p.set_class_name("trd-fallback");
        let _ = p.set_attribute("role", "alert");
        p.set_text_content(Some(message));
        let _ = root.append_child(&p);
    }
}

/// A panic would otherwise leave every instance frozen mid-render: replace each one with
/// a readable message that still carries the crisis lines.
fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        ROOTS.with(|roots| {
            if let Ok(roots) = roots.try_borrow() {
                for (root, message) in roots.iter() {
                    show_fallback(root, message);
                }
            }
        });
    }));
}

fn register(root: &Element, content: &content::Content) {
    ROOTS.with(|r| {
        r.borrow_mut()
            .push((root.clone(), content.ui.fallback_error.clone()))
    });
}

fn log(warnings: &[Warning]) {
    for w in warnings {
        browser::warn(&w.to_string());
    }
}

/// Turns widget events into `trd-explainer:*` DOM events on `target`.
fn event_sink(target: web_sys::EventTarget) -> Callback<WidgetEvent> {
    Callback::from(move |event: WidgetEvent| match event {
        WidgetEvent::Ready => browser::dispatch(&target, "trd-explainer:ready", &JsValue::NULL),
        WidgetEvent::Toggle { id, open } => {
            let detail = browser::object(&[
                ("id", JsValue::from_str(&id)),
                ("open", JsValue::from_bool(open)),
            ]);
            browser::dispatch(&target, "trd-explainer:toggle", &detail)
        }
    })
}

/// Cards opened in the prerendered markup before the wasm arrived (static/trd-accordion.js
/// toggles them from first paint), so hydration can start with them open.
fn opened_before_hydration(root: &Element) -> Vec<String> {
    let Ok(list) = root.query_selector_all(".trd-card.trd-card--open") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .map(|el| el.id())
        .filter(|id| !id.is_empty())
        .collect()
}

/// Opens `ids` at start and, once the app is ready, reports each one that configuration did
/// not already open as a toggle: the reader opened it, the app only adopted it.
fn adopt(
    options: &mut Options,
    ids: Vec<String>,
    sink: Callback<WidgetEvent>,
) -> Callback<WidgetEvent> {
    let adopted: Vec<String> = ids
        .into_iter()
        .filter(|id| !options.open.contains(id))
        .collect();
    options.open.extend(adopted.iter().cloned());
    let pending = RefCell::new(adopted);
    Callback::from(move |event: WidgetEvent| {
        let ready = matches!(event, WidgetEvent::Ready);
        sink.emit(event);
        if ready {
            for id in pending.take() {
                sink.emit(WidgetEvent::Toggle { id, open: true });
            }
        }
    })
}

/// Hydrates the standalone page's prerendered explainer, if this page has one.
#[wasm_bindgen(start)]
pub fn start() {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("[data-trd-standalone]").ok().flatten())
    else {
        return;
    };
    install_panic_hook();
    let mut options = Options::standalone();
    let (content, warnings) = match config::resolve(&options, &Overrides::default()) {
        Ok(ok) => ok,
        Err(e) => {
            web_sys::console::error_1(&JsValue::from_str(&e));
            return;
        }
    };
    log(&warnings);
    register(&root, &content);
    let on_event = adopt(
        &mut options,
        opened_before_hydration(&root),
        event_sink(root.clone().into()),
    );
    let props = ExplainerProps {
        content,
        options: Rc::new(options),
        on_event,
    };
    let renderer = Renderer::<Explainer>::with_root_and_props(root.clone(), props);
    let handle = if root.first_element_child().is_some() {
        renderer.hydrate()
    } else {
        renderer.render()
    };
    STANDALONE.with(|s| *s.borrow_mut() = Some(handle));
}

/// One `<trd-explainer>` instance.
#[wasm_bindgen]
pub struct Widget {
    host: HtmlElement,
    root: Element,
    defaults: Options,
    options: Options,
    overrides: Overrides,
    cta: Option<config::Cta>,
    app: Option<AppHandle<Explainer>>,
}

#[wasm_bindgen]
impl Widget {
    /// Mounts into `root` (a container in the element's shadow root). `hydrate`: the
    /// container holds prerendered markup that may be reused.
    #[wasm_bindgen(constructor)]
    pub fn new(
        host: HtmlElement,
        root: Element,
        config_text: Option<String>,
        hydrate: bool,
    ) -> Widget {
        install_panic_hook();
        let instance = INSTANCES.with(|n| {
            n.set(n.get() + 1);
            n.get()
        });
        let defaults = Options {
            instance,
            ..Options::embedded()
        };
        let mut widget = Widget {
            host,
            root,
            options: defaults.clone(),
            defaults,
            overrides: Overrides::default(),
            cta: None,
            app: None,
        };
        let mut warnings = Vec::new();
        for name in ATTRIBUTES {
            if let Some(value) = widget.host.get_attribute(name) {
                warnings.extend(
                    widget
                        .options
                        .set_attribute(&widget.defaults, name, Some(&value)),
                );
            }
        }
        if let Some(text) = config_text.filter(|t| !t.trim().is_empty()) {
            warnings.extend(widget.apply_config(config::parse_json_text(&text)));
        }
        log(&warnings);
        widget.render(hydrate);
        widget
    }

    /// An observed attribute changed (`None`: removed).
    #[wasm_bindgen(js_name = setAttribute)]
    pub fn set_attribute(&mut self, name: &str, value: Option<String>) {
        let warnings = self
            .options
            .set_attribute(&self.defaults, name, value.as_deref());
        log(&warnings);
        self.render(false);
    }

    /// The `config` property was set to an object (or `null` to clear it).
    #[wasm_bindgen(js_name = setConfig)]
    pub fn set_config(&mut self, value: JsValue) {
        let warnings = self.apply_config(config::parse_js(value));
        log(&warnings);
        self.render(false);
    }

    /// The JSON config child's text changed.
    #[wasm_bindgen(js_name = setConfigText)]
    pub fn set_config_text(&mut self, text: Option<String>) {
        let parsed = match text.filter(|t| !t.trim().is_empty()) {
            Some(t) => config::parse_json_text(&t),
            None => (Overrides::default(), None, Vec::new()),
        };
        let warnings = self.apply_config(parsed);
        log(&warnings);
        self.render(false);
    }

    /// Unmounts the app; the element was removed from the page.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        ROOTS.with(|r| r.borrow_mut().retain(|(el, _)| el != &self.root));
    }
}

impl Widget {
    fn apply_config(
        &mut self,
        (overrides, cta, warnings): (Overrides, Option<config::Cta>, Vec<Warning>),
    ) -> Vec<Warning> {
        self.overrides = overrides;
        self.cta = cta;
        warnings
    }

    fn render(&mut self, hydrate: bool) {
        let mut options = self.options.clone();
        options.cta = self.cta.clone();
        let (content, warnings) = match config::resolve(&options, &self.overrides) {
            Ok(ok) => ok,
            Err(e) => {
                web_sys::console::error_1(&JsValue::from_str(&format!("<trd-explainer>: {e}")));
                return;
            }
        };
        log(&warnings);
        let adopted = match &self.app {
            None if hydrate => opened_before_hydration(&self.root),
            _ => Vec::new(),
        };
        let on_event = adopt(&mut options, adopted, event_sink(self.host.clone().into()));
        let props = ExplainerProps {
            content: content.clone(),
            options: Rc::new(options.clone()),
            on_event,
        };
        match &mut self.app {
            Some(app) => app.update(props),
            None => {
                register(&self.root, &content);
                // Prerendered markup shows the default configuration; reuse it only when the
                // first render will match it exactly, otherwise render afresh.
                let pristine = content::load(options.locale)
                    .is_ok_and(|base| Rc::ptr_eq(&base, &content))
                    && options.heading_level == self.defaults.heading_level
                    && options.crisis_region == self.defaults.crisis_region
                    && options.theme == self.defaults.theme
                    && options.cta.is_none();
                let renderer = Renderer::<Explainer>::with_root_and_props(self.root.clone(), props);
                self.app = Some(
                    if hydrate && pristine && self.root.first_element_child().is_some() {
                        renderer.hydrate()
                    } else {
                        self.root.set_text_content(None);
                        renderer.render()
                    },
                );
            }
        }
    }
}

/// Bytes of linear memory the wasm holds (for the benchmark's memory figures).
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65536) as f64
}
