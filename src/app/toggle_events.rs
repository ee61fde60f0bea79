//! The one place that tells the host page about cards opening and closing.

use yew::prelude::*;

use super::deep_links::follow_fragment;
use super::WidgetEvent;
use crate::state::ExplainerState;

/// Emits a `Toggle` for every change `reduce` recorded that has not been emitted yet, in
/// order. The handle reads the latest state, which may already be ahead of this render.
#[hook]
pub fn use_toggle_events(
    state: &UseReducerHandle<ExplainerState>,
    on_event: &Callback<WidgetEvent>,
    deep_links: bool,
) {
    let emitted = use_mut_ref(|| 0);
    let (state, on_event) = (state.clone(), on_event.clone());
    use_effect_with(state.toggled.count(), move |_| {
        let mut emitted = emitted.borrow_mut();
        for toggled in state.toggled.since(*emitted) {
            for id in &toggled.ids {
                on_event.emit(WidgetEvent::Toggle {
                    id: id.clone(),
                    open: toggled.open,
                });
            }
            if deep_links {
                follow_fragment(toggled);
            }
        }
        *emitted = state.toggled.count();
    });
}
