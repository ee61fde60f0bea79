use yew::prelude::*;

use crate::content::{Category, Content, Status};

/// Toggle buttons for the type of treatment and how established it is, with counts.
/// `categories` and `statuses` are (filter, cards it would show, pressed).
pub fn filter_bar(
    content: &Content,
    categories: &[(Category, usize, bool)],
    statuses: &[(Status, usize, bool)],
    live: bool,
    on_category: &Callback<Category>,
    on_status: &Callback<Status>,
) -> Html {
    let ui = &content.ui;
    let button = |label: String, count: usize, pressed: bool, onclick: Callback<MouseEvent>| {
        html! {
            <button type="button" class="trd-chip" aria-pressed={pressed.to_string()} disabled={!live} {onclick}>
                <span class="trd-chip__label">{ label }</span>
                <span class="trd-chip__count">{ format!("({count})") }</span>
            </button>
        }
    };
    let cats = categories.iter().map(|&(cat, n, on)| {
        let name = content
            .category(cat)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| cat.slug().into());
        button(name, n, on, on_category.reform(move |_| cat))
    });
    let stats = statuses.iter().map(|&(st, n, on)| {
        button(
            content.status_label(st).to_owned(),
            n,
            on,
            on_status.reform(move |_| st),
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
