use yew::prelude::*;

use crate::content::Content;
use crate::search::{Filter, Results};
use crate::state::Action;

/// Toggle buttons for the type of treatment and how established it is, each with the
/// number of cards it would show.
pub fn filter_bar(
    content: &Content,
    results: &Results,
    filter: &Filter,
    dispatch: &Callback<Action>,
) -> Html {
    let ui = &content.ui;
    let button = |label: String, count: usize, pressed: bool, onclick: Callback<MouseEvent>| {
        html! {
            <button type="button" class="trd-chip" aria-pressed={pressed.to_string()} {onclick}>
                <span class="trd-chip__label">{ label }</span>
                <span class="trd-chip__count">{ format!("({count})") }</span>
            </button>
        }
    };
    let cats = results.categories.iter().map(|&(cat, n)| {
        let name = content
            .category(cat)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| cat.slug().into());
        let pressed = filter.categories.contains(&cat);
        button(
            name,
            n,
            pressed,
            dispatch.reform(move |_| Action::ToggleCategory(cat)),
        )
    });
    let stats = results.statuses.iter().map(|&(st, n)| {
        let label = content.status_label(st).to_owned();
        let pressed = filter.statuses.contains(&st);
        button(
            label,
            n,
            pressed,
            dispatch.reform(move |_| Action::ToggleStatus(st)),
        )
    });
    html! {
        <div class="trd-filters">
            <div class="trd-filters__group" role="group" aria-labelledby="trd-filter-category">
                <p class="trd-filters__label" id="trd-filter-category">{ &ui.filter_category }</p>
                <div class="trd-filters__chips">{ for cats }</div>
            </div>
            <div class="trd-filters__group" role="group" aria-labelledby="trd-filter-status">
                <p class="trd-filters__label" id="trd-filter-status">{ &ui.filter_status }</p>
                <div class="trd-filters__chips">{ for stats }</div>
            </div>
        </div>
    }
}
