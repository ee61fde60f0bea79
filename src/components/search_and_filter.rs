use yew::prelude::*;

use super::{filter_bar, results_status, search_box};
use crate::content::{counted, Content};
use crate::search::{Filter, Results};
use crate::state::Action;

/// The search box, filters and match count behind one native disclosure, so on a narrow
/// widget they do not take the first screen. Its summary says how many treatments show
/// and how many filters are on. On a wide widget the stylesheet keeps it open and hides
/// the summary (static/trd.css, by the toolbar's own width). `node` lets the app open it
/// when the URL sets a search or filter. `live`: the match count is announced (a view that
/// announces its own count turns it off).
#[allow(clippy::too_many_arguments)]
pub fn search_and_filter(
    content: &Content,
    results: &Results,
    filter: &Filter,
    query: &str,
    message: &str,
    live: bool,
    node: &NodeRef,
    dispatch: &Callback<Action>,
) -> Html {
    let ui = &content.ui;
    let shown = counted(
        results.visible.len(),
        &ui.find_count_one,
        &ui.find_count_many,
    );
    let on =
        usize::from(!filter.query.is_empty()) + filter.categories.len() + filter.statuses.len();
    let active = (on > 0).then(|| counted(on, &ui.find_active_one, &ui.find_active_many));
    let count = match active {
        Some(active) => format!("({shown}, {active})"),
        None => format!("({shown})"),
    };
    html! {
        <details class="trd-disclosure trd-find" ref={node.clone()}>
            <summary class="trd-disclosure__summary trd-find__summary">
                { &ui.find_label }{ " " }<span class="trd-find__count">{ count }</span>
            </summary>
            <div class="trd-find__panel">
                { search_box(query, ui, dispatch) }
                { filter_bar(content, results, filter, dispatch) }
                { results_status(message, filter.is_active(), live, ui, dispatch) }
            </div>
        </details>
    }
}
