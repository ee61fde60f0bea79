//! Browser entry points: the standalone page and the `<trd-explainer>` custom element.
//! The element's JavaScript shell (static/trd-explainer.js) owns the shadow root and
//! lazy start; this module owns configuration, rendering and events.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::{AppHandle, Callback, Renderer};

use crate::app::{Explainer, ExplainerProps, WidgetEvent};
use crate::browser;
use crate::config::{self, JsonConfig, Options, Warning, ATTRIBUTES};
use crate::content;
use crate::slot::{Shown, Slot, SlotProps};

thread_local! {
    /// Every mounted root with the message to show there if the app ever panics.
    static ROOTS: RefCell<Vec<(Element, String)>> = const { RefCell::new(Vec::new()) };
    static STANDALONE: RefCell<Option<AppHandle<Explainer>>> = const { RefCell::new(None) };
    /// Landmark numbers of the widgets on the page now (not of every one ever created).
    static NUMBERS: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
    /// Emptied apps of removed widgets, with their containers, for the next widget.
    static SPARE: RefCell<Vec<(Element, AppHandle<Slot>)>> = const { RefCell::new(Vec::new()) };
    /// Keys that make a reused app mount a fresh explainer (fresh state).
    static GENERATION: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Removed widgets keep at most this many apps for reuse.
const MAX_SPARE: usize = 8;

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
        WidgetEvent::View { view, issues } => {
            let issues: js_sys::Array = issues.into_iter().map(JsValue::from_str).collect();
            let detail = browser::object(&[
                ("view", JsValue::from_str(view.slug())),
                ("issues", issues.into()),
            ]);
            browser::dispatch(&target, "trd-explainer:view", &detail)
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

/// Mounts the standalone page's explainer into `root`, reusing its prerendered markup
/// when `hydrate` is set (and there is some). Elements mount a [`Slot`] instead.
fn mount(root: &Element, props: ExplainerProps, hydrate: bool) -> AppHandle<Explainer> {
    install_panic_hook();
    ROOTS.with(|r| {
        r.borrow_mut()
            .push((root.clone(), props.content.ui.fallback_error.clone()))
    });
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
    let Some(root) = doc.query_selector("[data-trd-standalone]").ok().flatten() else {
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

/// Resolves in a later task, letting the browser paint and handle input in between.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
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
    let on_event = adopt(
        &mut options,
        opened_before_hydration(&root),
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
    /// container holds prerendered markup that may be reused.
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
        ROOTS.with(|r| r.borrow_mut().retain(|(el, _)| el != &self.root));
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
        ROOTS.with(|r| {
            r.borrow_mut()
                .push((self.root.clone(), shown.content.ui.fallback_error.clone()))
        });
        let props = SlotProps { shown: Some(shown) };
        if let Some((container, mut app)) = SPARE.with(|s| s.borrow_mut().pop()) {
            if self.root.replace_with_with_node_1(&container).is_ok() {
                ROOTS.with(|r| {
                    for (root, _) in r.borrow_mut().iter_mut() {
                        if root == &self.root {
                            *root = container.clone();
                        }
                    }
                });
                self.root = container;
                app.update(props);
                return app;
            }
            app.destroy();
        }
        install_panic_hook();
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
        // Prerendered markup shows the default configuration; reuse it only when the
        // first render will match it exactly, otherwise render afresh.
        // Prerendered markup is in one language (its root's `lang`).
        let prerendered_lang = self
            .root
            .query_selector("[lang]")
            .ok()
            .flatten()
            .and_then(|el| el.get_attribute("lang"));
        let pristine = content::load(options.locale).is_ok_and(|base| Rc::ptr_eq(&base, &content))
            && prerendered_lang.as_deref() == Some(options.locale)
            && options.heading_level == self.defaults.heading_level
            && options.crisis_region == {
                // The prerender applied the same `lang` (which may choose the region),
                // knowing no reader's languages.
                let prerendered = Options::embedded();
                let mut expected = prerendered.clone();
                let _ = expected.set_attribute(&prerendered, "lang", Some(options.locale));
                expected.crisis_region
            }
            && options.theme == self.defaults.theme
            && options.cta.is_none()
            && options.publisher == self.defaults.publisher;
        let shown = Shown {
            key: self.key,
            content,
            options: Rc::new(options),
            on_event: self.on_event.clone(),
            progressive: false,
        };
        match &mut self.app {
            Some(app) => app.update(SlotProps { shown: Some(shown) }),
            None if hydrate && pristine && self.root.first_element_child().is_some() => {
                // Cards the reader opened before the wasm arrived stay open (see adopt).
                let mut options = (*shown.options).clone();
                let on_event = adopt(
                    &mut options,
                    opened_before_hydration(&self.root),
                    shown.on_event.clone(),
                );
                let shown = Shown {
                    options: Rc::new(options),
                    on_event,
                    ..shown
                };
                // A parked app is reused (rendered afresh in place of the markup): every
                // new app root would keep Yew's listeners for the life of the page.
                if SPARE.with(|s| !s.borrow().is_empty()) {
                    self.app = Some(self.mount_slot(shown));
                    return;
                }
                ROOTS.with(|r| {
                    r.borrow_mut()
                        .push((self.root.clone(), shown.content.ui.fallback_error.clone()))
                });
                install_panic_hook();
                // Hydrating the build's markup: its cards are adopted as they are and
                // hydrated one per task (progressive.rs). Never for a fresh render above.
                crate::progressive::prepare(&self.root);
                let shown = Shown {
                    progressive: true,
                    ..shown
                };
                let props = SlotProps { shown: Some(shown) };
                let app = Renderer::<Slot>::with_root_and_props(self.root.clone(), props).hydrate();
                self.app = Some(app);
            }
            None => self.app = Some(self.mount_slot(shown)),
        }
    }
}

/// Bytes of linear memory the wasm holds (for the benchmark's memory figures).
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65536) as f64
}
