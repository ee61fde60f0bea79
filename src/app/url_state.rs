//! Search, filters and view mirrored in the page URL, so a shared link reproduces what
//! the reader saw.

use yew::prelude::*;

use crate::browser;
use crate::state::{Action, ExplainerState, UrlState};

#[hook]
pub fn use_url_state(state: &UseReducerHandle<ExplainerState>, enabled: bool) {
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let url = UrlState::from_pairs(browser::query_param);
            if enabled && !url.is_default() {
                state.dispatch(Action::Restore(url));
            }
        });
    }
    // Only once hydrated: before that the state is the server's default, not the reader's.
    use_effect_with(
        (enabled && state.hydrated, state.url_state()),
        |(on, url)| {
            if *on {
                browser::set_query_params(&url.to_pairs());
            }
        },
    );
}
