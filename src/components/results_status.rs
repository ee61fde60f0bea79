use yew::prelude::*;

use crate::content::UiStrings;
use crate::state::Action;

/// How many treatments match, announced politely as it changes, with "Show everything"
/// while something is filtered.
pub fn results_status(
    message: &str,
    filtered: bool,
    ui: &UiStrings,
    dispatch: &Callback<Action>,
) -> Html {
    let onclick = dispatch.reform(|_: MouseEvent| Action::ClearFilters);
    html! {
        <div class="trd-results">
            <p class="trd-results__count" role="status">{ message.to_owned() }</p>
            if filtered {
                <button type="button" class="trd-button trd-button--quiet" {onclick}>
                    { &ui.filter_clear }
                </button>
            }
        </div>
    }
}
