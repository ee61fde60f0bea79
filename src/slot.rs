//! What a `<trd-explainer>` element's app renders: a [`Slot`] that shows an explainer or
//! nothing. The element's app is always a `Slot`, whether it hydrated the build's markup
//! or rendered afresh, so a removed element's app can be parked and reused (see
//! `src/mount/element.rs`); the prerender renders the same `Slot`, so its markup hydrates as one.

use std::rc::Rc;

use yew::{function_component, html, Callback, Html, Properties};

use crate::app::{Explainer, WidgetEvent};
use crate::config::Options;
use crate::content::Content;

/// What a [`Slot`] shows: nothing (parked), or an explainer.
#[derive(Clone, PartialEq)]
pub struct Shown {
    /// A new key mounts a fresh explainer (fresh state) in a reused app.
    pub key: u32,
    pub content: Rc<Content>,
    pub options: Rc<Options>,
    pub on_event: Callback<WidgetEvent>,
    /// Hydrating the build's markup: its cards hydrate one per task (progressive.rs).
    pub progressive: bool,
}

#[derive(Properties, PartialEq)]
pub struct SlotProps {
    pub shown: Option<Shown>,
}

/// Yew never releases an app's event delegation: its listeners on the root element keep
/// their closures, and through them the app's memory and the root, for the life of the
/// page. So a removed widget parks its app (showing nothing) with its container, and the
/// next widget reuses both; a new `key` gives it a fresh explainer. Without this, every
/// removed element stayed in memory (container → shadow root → element), wasm memory grew
/// with each one, and a reconnected element stacked a second set of listeners.
#[function_component]
pub fn Slot(props: &SlotProps) -> Html {
    match &props.shown {
        Some(s) => html! {
            <Explainer key={s.key} content={s.content.clone()} options={s.options.clone()}
                on_event={s.on_event.clone()} progressive={s.progressive} />
        },
        None => Html::default(),
    }
}
