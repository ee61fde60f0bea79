//! Whether an element has scrolled up out of view, for the sticky crisis strip.

use yew::prelude::*;

use crate::browser;

/// Local to the root: nothing else in the explainer depends on it.
#[hook]
pub fn use_scrolled_past(target: &NodeRef) -> bool {
    let past = use_state_eq(|| false);
    {
        let (past, target) = (past.setter(), target.clone());
        use_effect_with((), move |_| {
            let watch = target
                .cast::<web_sys::Element>()
                .and_then(|el| browser::when_scrolled_past(&el, move |p| past.set(p)));
            move || drop(watch)
        });
    }
    *past
}
