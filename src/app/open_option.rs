//! Cards the host asks to open (the `open` option), at start and whenever it changes.

use std::rc::Rc;

use yew::prelude::*;

use crate::content::Content;
use crate::state::{Action, ExplainerState};

/// Quiet: the host chose these itself, so it hears no toggle events for them.
#[hook]
pub fn use_open_option(
    state: &UseReducerHandle<ExplainerState>,
    content: &Rc<Content>,
    open: &[String],
) {
    let (state, content) = (state.clone(), content.clone());
    use_effect_with(open.to_vec(), move |open| {
        let ids: Vec<String> = open
            .iter()
            .filter(|id| content.card(id).is_some())
            .cloned()
            .collect();
        if !ids.is_empty() {
            state.dispatch(Action::SetOpen {
                ids,
                open: true,
                quiet: true,
            });
        }
    });
}
