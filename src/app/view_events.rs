//! Tells the host page which view a reader is in and which issues they ticked, for
//! analytics (`trd-explainer:view`).

use yew::prelude::*;

use super::WidgetEvent;
use crate::state::{ExplainerState, View};

/// Emits a `View` event whenever the view or the ticked issues change, including when
/// the URL restores them at start, but not for the default view every page starts in.
#[hook]
pub fn use_view_events(state: &UseReducerHandle<ExplainerState>, on_event: &Callback<WidgetEvent>) {
    let on_event = on_event.clone();
    let shown = (state.view, state.issues.clone());
    let first = use_mut_ref(|| true);
    use_effect_with(shown, move |(view, issues)| {
        let first = std::mem::replace(&mut *first.borrow_mut(), false);
        if !(first && *view == View::default() && issues.is_empty()) {
            on_event.emit(WidgetEvent::View {
                view: *view,
                issues: issues.iter().collect(),
            });
        }
    });
}
