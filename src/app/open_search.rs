//! Opens the search-and-filter disclosure when the page starts with a search or filter
//! from its URL, so a shared link shows what narrowed the cards.

use yew::prelude::*;

use crate::state::ExplainerState;

/// The returned ref goes on the disclosure (components/search_and_filter.rs). Only at
/// start: afterwards the reader opens and closes it.
#[hook]
pub fn use_open_search(state: &UseReducerHandle<ExplainerState>) -> NodeRef {
    let node = use_node_ref();
    // The URL's search and filters are restored in the same start-up pass that marks
    // the app hydrated, so the first hydrated render already has them.
    let filtered = state.hydrated && state.filter().is_active();
    {
        let node = node.clone();
        use_effect_with(state.hydrated, move |_| {
            if let (true, Some(details)) = (filtered, node.cast::<web_sys::Element>()) {
                // The boolean attribute, so the Element feature of web-sys is enough.
                let _ = details.set_attribute("open", "");
            }
        });
    }
    node
}
