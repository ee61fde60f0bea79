use yew::prelude::*;

/// How many treatments match, announced politely as it changes, with "Show everything"
/// while something is filtered.
pub fn results_status(
    message: &str,
    filtered: bool,
    clear_label: &str,
    live: bool,
    on_clear: &Callback<()>,
) -> Html {
    let onclick = on_clear.reform(|_: MouseEvent| ());
    html! {
        <div class="trd-results">
            <p class="trd-results__count" role="status">{ message.to_owned() }</p>
            if filtered {
                <button type="button" class="trd-button trd-button--quiet" disabled={!live} {onclick}>
                    { clear_label.to_owned() }
                </button>
            }
        </div>
    }
}
