//! The widget says it is ready once its first render and start-up effects are done.

use yew::prelude::*;

use crate::app::WidgetEvent;
use crate::state::{Action, ExplainerState};

/// After the first (hydrating) render: enables the controls and tells the host the widget
/// is ready. Declared after the start-up hooks, so their effects have run by then.
#[hook]
pub fn use_ready(state: &UseReducerHandle<ExplainerState>, on_event: &Callback<WidgetEvent>) {
    let (state, on_event) = (state.clone(), on_event.clone());
    use_effect_with((), move |_| {
        state.dispatch(Action::Hydrated);
        on_event.emit(WidgetEvent::Ready);
    });
}
