use std::rc::Rc;

use yew::prelude::*;

use crate::content::{Category, Content, Status};

#[derive(Properties, PartialEq)]
pub struct FilterBarProps {
    pub content: Rc<Content>,
    /// (category, cards it would show, pressed)
    pub categories: Vec<(Category, usize, bool)>,
    pub statuses: Vec<(Status, usize, bool)>,
    pub live: bool,
    pub on_category: Callback<Category>,
    pub on_status: Callback<Status>,
}

/// Toggle buttons for the type of treatment and how established it is, with counts.
#[function_component]
pub fn FilterBar(props: &FilterBarProps) -> Html {
    let ui = &props.content.ui;
    let button = |label: String, count: usize, pressed: bool, onclick: Callback<MouseEvent>| {
        html! {
            <button type="button" class="trd-chip" aria-pressed={pressed.to_string()} disabled={!props.live} {onclick}>
                <span class="trd-chip__label">{ label }</span>
                <span class="trd-chip__count">{ format!("({count})") }</span>
            </button>
        }
    };
    let cats = props.categories.iter().map(|&(cat, n, on)| {
        let name = props
            .content
            .category(cat)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| cat.slug().into());
        button(name, n, on, props.on_category.reform(move |_| cat))
    });
    let statuses = props.statuses.iter().map(|&(st, n, on)| {
        button(
            props.content.status_label(st).to_owned(),
            n,
            on,
            props.on_status.reform(move |_| st),
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
                <div class="trd-filters__chips">{ for statuses }</div>
            </div>
        </div>
    }
}
