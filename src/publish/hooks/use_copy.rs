//! Copying a form of code: the clipboard when the browser allows it; otherwise the code is
//! selected in its text area, for the publisher to copy by hand.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser;
use crate::publish::state::{Action, CodeForm, PublishState};

/// A callback taking (form, its text, its text area).
#[hook]
pub fn use_copy(
    root: &NodeRef,
    state: &UseReducerHandle<PublishState>,
) -> Callback<(CodeForm, String, NodeRef)> {
    let root = root.clone();
    let dispatcher = state.dispatcher();
    Callback::from(move |(form, text, area): (CodeForm, String, NodeRef)| {
        let Some(root) = root.cast::<web_sys::Element>() else {
            return;
        };
        let dispatcher = dispatcher.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let ok = browser::copy_text(&root, &text).await;
            if !ok {
                if let Some(area) = area
                    .get()
                    .and_then(|n| n.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
                {
                    let _ = area.focus();
                    area.select();
                }
            }
            dispatcher.dispatch(Action::Copied(form, ok));
        });
    })
}
