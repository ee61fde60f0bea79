//! Thin, failure-tolerant wrappers over the browser APIs the widget touches. Each one
//! degrades to "nothing happens" (storage blocked, no history API, sandboxed iframe)
//! instead of throwing into the app.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{window, Element, EventTarget, UrlSearchParams};

/// The page fragment without `#`, if any.
pub fn location_hash() -> Option<String> {
    let hash = match pending_url(|p| p.hash.clone()) {
        Some(hash) => hash,
        None => window()?.location().hash().ok()?,
    };
    let hash = hash.strip_prefix('#').unwrap_or(&hash).to_owned();
    (!hash.is_empty()).then_some(hash)
}

fn location_search() -> String {
    pending_url(|p| p.search.clone())
        .or_else(|| window().and_then(|w| w.location().search().ok()))
        .unwrap_or_default()
}

/// The reader's own languages, most preferred first (`navigator.languages`); none if
/// the browser does not say.
pub fn reader_languages() -> Vec<String> {
    let Some(window) = window() else {
        return Vec::new();
    };
    let languages = window.navigator().languages();
    languages.iter().filter_map(|tag| tag.as_string()).collect()
}

/// One query parameter of the page URL, decoded.
pub fn query_param(key: &str) -> Option<String> {
    UrlSearchParams::new_with_str(&location_search())
        .ok()?
        .get(key)
}

/// Sets these query parameters (removing those with empty values), keeping the others,
/// without a new history entry.
pub fn set_query_params(pairs: &[(&str, String)]) {
    let Ok(params) = UrlSearchParams::new_with_str(&location_search()) else {
        return;
    };
    for (key, value) in pairs {
        if value.is_empty() {
            params.delete(key)
        } else {
            params.set(key, value)
        }
    }
    let query = String::from(params.to_string());
    let search = if query.is_empty() {
        String::new()
    } else {
        format!("?{query}")
    };
    if search != location_search() {
        replace_url(Some(&search), None);
    }
}

/// A URL change not yet written: `history.replaceState` costs about a millisecond, so it
/// waits until the frame that shows the reader's click or keystroke has been painted
/// (`URL_DELAY_MS` is longer than such a frame takes, even on a slow phone). Reads of the
/// query and fragment see it at once.
#[derive(Default)]
struct PendingUrl {
    search: Option<String>,
    hash: Option<String>,
}

const URL_DELAY_MS: u32 = 150;

thread_local! {
    static PENDING_URL: std::cell::RefCell<Option<PendingUrl>> = const { std::cell::RefCell::new(None) };
}

fn pending_url<T>(read: impl FnOnce(&PendingUrl) -> Option<T>) -> Option<T> {
    PENDING_URL.with(|p| p.borrow().as_ref().and_then(read))
}

/// Replaces the current history entry's URL (query and/or fragment) without a new entry,
/// after the next paint; several changes before then are written once.
pub fn replace_url(search: Option<&str>, hash: Option<&str>) {
    let first = PENDING_URL.with(|p| {
        let mut p = p.borrow_mut();
        let first = p.is_none();
        let pending = p.get_or_insert_with(PendingUrl::default);
        if let Some(s) = search {
            pending.search = Some(s.to_owned());
        }
        if let Some(h) = hash {
            pending.hash = Some(h.to_owned());
        }
        first
    });
    if first {
        gloo_timers::callback::Timeout::new(URL_DELAY_MS, write_pending_url).forget();
    }
}

/// Forgets a fragment not yet written (the page navigated to another one meanwhile).
pub fn drop_pending_hash() {
    PENDING_URL.with(|p| {
        if let Some(p) = p.borrow_mut().as_mut() {
            p.hash = None;
        }
    });
}

fn write_pending_url() {
    let Some(pending) = PENDING_URL.with(|p| p.borrow_mut().take()) else {
        return;
    };
    let Some(w) = window() else { return };
    let loc = w.location();
    let path = loc.pathname().unwrap_or_default();
    let search = (pending.search).unwrap_or_else(|| loc.search().unwrap_or_default());
    let hash = (pending.hash).unwrap_or_else(|| loc.hash().unwrap_or_default());
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(
            &history.state().unwrap_or(JsValue::NULL),
            "",
            Some(&format!("{path}{search}{hash}")),
        );
    }
}

pub fn session_get(key: &str) -> Option<String> {
    window()?.session_storage().ok()??.get_item(key).ok()?
}

pub fn session_set(key: &str, value: &str) {
    if let Some(Ok(Some(s))) = window().map(|w| w.session_storage()) {
        let _ = if value.is_empty() {
            s.remove_item(key)
        } else {
            s.set_item(key, value)
        };
    }
}

/// Scrolls a card (or its numbers) into view and moves keyboard focus to its button (or
/// to the numbers).
pub fn reveal(root: &Element, id: &str) {
    let Ok(Some(card)) = root.query_selector(&format!("[id=\"{id}\"]")) else {
        return;
    };
    card.scroll_into_view();
    // A card's button, or else the target itself (a card's numbers), made focusable only
    // now: in the markup a `tabindex` would look like a control that does nothing.
    let target = match root.query_selector(&format!("[id=\"{id}-button\"]")) {
        Ok(Some(button)) => button,
        _ => {
            let _ = card.set_attribute("tabindex", "-1");
            card
        }
    };
    if let Some(el) = target.dyn_ref::<web_sys::HtmlElement>() {
        let opts = web_sys::FocusOptions::new();
        opts.set_prevent_scroll(true);
        let _ = el.focus_with_options(&opts);
    }
}

/// Opens the `<details>` holding the element `id` (or that is it), scrolls to the element
/// and moves keyboard focus there (to the summary when it is the disclosure itself).
pub fn open_section(root: &Element, id: &str) {
    let Ok(Some(target)) = root.query_selector(&format!("[id=\"{id}\"]")) else {
        return;
    };
    if let Ok(Some(details)) = target.closest("details") {
        let _ = details.set_attribute("open", "");
    }
    // The disclosure or its content: focus its summary; a part of it: that part.
    let whole = |el: &Element| el.tag_name().eq_ignore_ascii_case("details");
    let focus = if whole(&target) || target.parent_element().is_some_and(|p| whole(&p)) {
        target
            .closest("details")
            .ok()
            .flatten()
            .and_then(|d| d.query_selector("summary").ok().flatten())
    } else {
        // A heading: focusable by script only, so it is no control in the tab order.
        let _ = target.set_attribute("tabindex", "-1");
        Some(target.clone())
    };
    target.scroll_into_view();
    if let Some(el) = focus
        .as_ref()
        .and_then(|f| f.dyn_ref::<web_sys::HtmlElement>())
    {
        let opts = web_sys::FocusOptions::new();
        opts.set_prevent_scroll(true);
        let _ = el.focus_with_options(&opts);
    }
}

/// Fires a `bubbles` + `composed` CustomEvent so listeners outside a shadow root hear it.
pub fn dispatch(target: &EventTarget, name: &str, detail: &JsValue) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&event);
    }
}

/// A plain JS object from string/value pairs.
pub fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let obj = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&obj, &JsValue::from_str(k), v);
    }
    obj.into()
}

#[wasm_bindgen]
extern "C" {
    // `catch`: a host page may wrap the console in something that throws; that must not
    // unwind through the widget.
    #[wasm_bindgen(catch, js_namespace = console, js_name = warn)]
    fn console_warn(message: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_namespace = console, js_name = error)]
    fn console_error(message: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_namespace = ["navigator", "clipboard"], js_name = writeText)]
    fn clipboard_write_text(text: &str) -> Result<js_sys::Promise, JsValue>;
}

pub fn warn(message: &str) {
    let _ = console_warn(message);
}

pub fn error(message: &str) {
    let _ = console_error(message);
}

/// Calls `on_change(true)` once `target` has scrolled up out of view and `false` when
/// it is back, for as long as the returned observer lives.
pub fn when_scrolled_past(
    target: &Element,
    on_change: impl Fn(bool) + 'static,
) -> Option<ScrollWatch> {
    use wasm_bindgen::closure::Closure;
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(entry) = entries
            .iter()
            .last()
            .and_then(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
        {
            on_change(!entry.is_intersecting() && entry.bounding_client_rect().top() < 0.0);
        }
    });
    let observer = web_sys::IntersectionObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(target);
    Some(ScrollWatch {
        observer,
        _callback: callback,
    })
}

/// Keeps an IntersectionObserver and its callback alive; disconnects on drop.
pub struct ScrollWatch {
    observer: web_sys::IntersectionObserver,
    _callback: wasm_bindgen::closure::Closure<dyn Fn(js_sys::Array)>,
}

impl Drop for ScrollWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Prints the page with only the reader's question list showing, then restores it.
pub fn print_with_class(root: &Element, class: &str) {
    let _ = root.class_list().add_1(class);
    if let Some(w) = window() {
        let _ = w.print();
    }
    let _ = root.class_list().remove_1(class);
}

/// Copies text: the async Clipboard API first, then the legacy `execCommand` route
/// (needed in some embedded iframes). Resolves to whether it worked.
pub async fn copy_text(root: &Element, text: &str) -> bool {
    if let Some(w) = window() {
        // Caught: `navigator.clipboard` is missing outside secure contexts, and a host page
        // may replace `writeText` with something that throws.
        if let Ok(promise) = clipboard_write_text(text) {
            if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
                return true;
            }
        }
        if let Some(doc) = w.document() {
            if let Ok(area) = doc.create_element("textarea") {
                area.set_class_name("trd-copy-buffer");
                let _ = area.set_attribute("readonly", "");
                area.set_text_content(Some(text));
                let _ = root.append_child(&area);
                if let Some(a) = area.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                    a.select();
                }
                let ok = doc
                    .dyn_ref::<web_sys::HtmlDocument>()
                    .and_then(|d| d.exec_command("copy").ok())
                    .unwrap_or(false);
                area.remove();
                return ok;
            }
        }
    }
    false
}
