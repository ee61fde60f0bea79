//! What the app tells the page: `trd-explainer:*` DOM events, and the cards the reader
//! opened before the app, reported as the reader's own toggles once it is ready.

use std::cell::RefCell;

use wasm_bindgen::JsValue;
use yew::Callback;

use crate::app::WidgetEvent;
use crate::browser;
use crate::config::{Options, Warning};
use crate::contract;

/// Logs configuration warnings to the console.
pub fn log(warnings: &[Warning]) {
    for w in warnings {
        browser::warn(&w.to_string());
    }
}

/// Turns widget events into `trd-explainer:*` DOM events on `target`.
pub fn event_sink(target: web_sys::EventTarget) -> Callback<WidgetEvent> {
    Callback::from(move |event: WidgetEvent| match event {
        WidgetEvent::Ready => browser::dispatch(&target, contract::EVENT_READY, &JsValue::NULL),
        WidgetEvent::Toggle { id, open } => {
            let detail = browser::object(&[
                ("id", JsValue::from_str(&id)),
                ("open", JsValue::from_bool(open)),
            ]);
            browser::dispatch(&target, contract::EVENT_TOGGLE, &detail)
        }
        WidgetEvent::View { view, issues } => {
            let issues: js_sys::Array = issues.into_iter().map(JsValue::from_str).collect();
            let detail = browser::object(&[
                ("view", JsValue::from_str(view.slug())),
                ("issues", issues.into()),
            ]);
            browser::dispatch(&target, contract::EVENT_VIEW, &detail)
        }
    })
}

/// Opens `ids` at start and, once the app is ready, reports each one that configuration did
/// not already open as a toggle: the reader opened it, the app only adopted it.
pub fn adopt(
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
