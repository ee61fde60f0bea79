use yew::prelude::*;

use crate::collections::SmallSet;
use crate::content::Content;
use crate::search::Results;
use crate::state::Action;

/// "Expand all" / "Collapse all" for the cards on show (hidden cards keep their state):
/// label and `aria-expanded` follow them, `aria-controls` lists their panels.
pub fn expand_all_button(
    content: &Content,
    results: &Results,
    open: &SmallSet<String>,
    hydrated: bool,
    dispatch: &Callback<Action>,
) -> Html {
    let ids: Vec<String> = results.visible_ids(content).map(str::to_owned).collect();
    let all_open = !ids.is_empty() && ids.iter().all(|id| open.contains(id));
    let controls = ids
        .iter()
        .map(|id| format!("{id}-panel"))
        .collect::<Vec<_>>()
        .join(" ");
    let onclick = dispatch.reform(move |_: MouseEvent| Action::open(ids.clone(), !all_open));
    let ui = &content.ui;
    html! {
        <button type="button" class="trd-button trd-expand-all" aria-expanded={all_open.to_string()}
            aria-controls={controls} disabled={!hydrated} {onclick}>
            <span class="trd-expand-all__icon" aria-hidden="true"></span>
            { if all_open { ui.collapse_all.clone() } else { ui.expand_all.clone() } }
        </button>
    }
}
