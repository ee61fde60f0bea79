use yew::prelude::*;

use crate::content::UiStrings;

/// "Expand all" / "Collapse all": label and `aria-expanded` follow the cards; `controls`
/// lists the panel ids. Emits whether to expand.
pub fn expand_all_button(
    all_open: bool,
    ui: &UiStrings,
    controls: String,
    live: bool,
    on_click: &Callback<bool>,
) -> Html {
    let onclick = on_click.reform(move |_: MouseEvent| !all_open);
    html! {
        <button type="button" class="trd-button trd-expand-all" aria-expanded={all_open.to_string()}
            aria-controls={controls} disabled={!live} {onclick}>
            <span class="trd-expand-all__icon" aria-hidden="true"></span>
            { if all_open { ui.collapse_all.clone() } else { ui.expand_all.clone() } }
        </button>
    }
}
