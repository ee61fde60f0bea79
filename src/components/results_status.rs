use yew::prelude::*;

use crate::content::UiStrings;
use crate::state::Action;

/// How many treatments match, announced politely as it changes (when `live`: a view that
/// announces its own count turns it off), with "Show everything" while something is
/// filtered.
pub fn results_status(
    message: &str,
    filtered: bool,
    live: bool,
    ui: &UiStrings,
    dispatch: &Callback<Action>,
) -> Html {
    let onclick = dispatch.reform(|_: MouseEvent| Action::ClearFilters);
    html! {
        <div class="trd-results">
            <p class="trd-results__count" role={live.then_some("status")}>{ message.to_owned() }</p>
            if filtered {
                <button type="button" class="trd-button trd-button--quiet" {onclick}>
                    { &ui.filter_clear }
                </button>
            }
        </div>
    }
}
