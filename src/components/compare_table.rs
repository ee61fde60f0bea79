use std::cmp::Ordering;
use std::rc::Rc;

use yew::prelude::*;

use super::compare_fields::SortKey;
use super::{heading, CompareRow};
use crate::collections::sort_by;
use crate::content::{fill, Card, Content, UiStrings};
use crate::search::Results;
use crate::state::{Action, Field, SortDir, MAX_PICKS};

#[derive(Properties, PartialEq)]
pub struct CompareTableProps {
    pub content: Rc<Content>,
    /// The cards passing the current search and filters.
    pub results: Rc<Results>,
    pub sort: Option<(Field, SortDir)>,
    pub picked: Rc<Vec<String>>,
    pub side_by_side: bool,
    pub level: u8,
    pub hydrated: bool,
    pub dispatch: Callback<Action>,
}

/// Sorts cards for the table; ties keep content order. Keys are computed once per card
/// (folding titles inside the comparison would allocate on every step).
fn sort_cards(cards: &mut Vec<Rc<Card>>, sort: Option<(Field, SortDir)>) {
    let Some((key, dir)) = sort.and_then(|(f, d)| Some((f.sort()?, d))) else {
        return;
    };
    let mut keyed: Vec<(SortKey, Rc<Card>)> = cards.drain(..).map(|c| (key(&c), c)).collect();
    sort_by(&mut keyed, |a, b| {
        let missing = |k: &SortKey| *k == SortKey::MISSING;
        match (missing(&a.0), missing(&b.0)) {
            (true, false) => Ordering::Greater,
            (false, true) => Ordering::Less,
            _ if dir == SortDir::Descending => b.0.cmp(&a.0),
            _ => a.0.cmp(&b.0),
        }
    });
    cards.extend(keyed.into_iter().map(|(_, c)| c));
}

/// A row per treatment with sortable columns, or 2–4 chosen treatments side by side.
#[function_component]
pub fn CompareTable(props: &CompareTableProps) -> Html {
    let content = &props.content;
    let ui = &content.ui;
    let mut rows: Vec<Rc<Card>> = props
        .results
        .visible
        .iter()
        .map(|&i| content.cards[i].clone())
        .filter(|c| c.is_treatment())
        .collect();
    sort_cards(&mut rows, props.sort);

    let picks = props.picked.len();
    let side_by_side = props.side_by_side && picks >= 2;
    let actions = html! {
        <div class="trd-compare__actions">
            <p class="trd-hint" id="trd-compare-hint">{ &ui.compare_pick_hint }</p>
            if side_by_side {
                <button type="button" class="trd-button" onclick={props.dispatch.reform(|_| Action::SetSideBySide(false))}>{ &ui.compare_show_all }</button>
            } else {
                <button type="button" class="trd-button" disabled={picks < 2 || !props.hydrated}
                    onclick={props.dispatch.reform(|_| Action::SetSideBySide(true))}>
                    if picks >= 2 {
                        { fill(&ui.compare_side_by_side, &[("count", &picks.to_string())]) }
                    } else {
                        { &ui.compare_side_by_side_idle }
                    }
                </button>
            }
            if picks > 0 {
                <button type="button" class="trd-button trd-button--quiet" onclick={props.dispatch.reform(|_| Action::ClearPicks)}>{ &ui.compare_clear_pick }</button>
            }
            if picks >= MAX_PICKS {
                <p class="trd-hint trd-compare__limit">{ &ui.compare_limit }</p>
            }
        </div>
    };

    let table = if side_by_side {
        let chosen: Vec<Rc<Card>> = props
            .picked
            .iter()
            .filter_map(|id| content.card(id).cloned())
            .collect();
        side_by_side_table(&chosen, content)
    } else {
        let header = |f: Field| column_header(f, props.sort, props.hydrated, &props.dispatch, ui);
        let body = rows.iter().map(|c| {
            let picked = props.picked.contains(&c.id);
            html! {
                <CompareRow key={c.id.clone()} card={c.clone()} content={content.clone()} {picked}
                    pick_disabled={!props.hydrated || (!picked && picks >= MAX_PICKS)} dispatch={props.dispatch.clone()} />
            }
        });
        html! {
            // Explicit roles keep table semantics when narrow containers restyle rows as blocks.
            <table class="trd-table trd-table--stack" role="table">
                <caption id="trd-compare-caption">{ &ui.compare_caption }</caption>
                <thead role="rowgroup">
                    <tr role="row">
                        { for Field::ALL.into_iter().map(header) }
                    </tr>
                </thead>
                <tbody role="rowgroup">{ for body }</tbody>
            </table>
        }
    };

    html! {
        <section class="trd-compare">
            { heading(props.level, Some("trd-compare-heading".into()), "trd-view__heading", html! { ui.compare_heading.clone() }) }
            { actions }
            if rows.is_empty() && !side_by_side {
                <p class="trd-empty">{ &ui.compare_empty }</p>
            } else {
                // Before the table, where a reader who would scroll sideways still sees it.
                <p class="trd-hint trd-table-scroll__hint">{ &ui.compare_scroll_hint }</p>
                <div class="trd-table-scroll" role="region" aria-labelledby="trd-compare-caption" tabindex="0">
                    { table }
                </div>
                <p class="trd-hint trd-compare__note">{ &ui.compare_outcome_note }</p>
            }
        </section>
    }
}

/// 2–4 chosen treatments as columns, one row per field.
fn side_by_side_table(chosen: &[Rc<Card>], content: &Content) -> Html {
    let ui = &content.ui;
    let lines = Field::ALL[1..].iter().map(|f| {
        html! {
            <tr>
                <th scope="row">{ f.label(ui) }</th>
                { for chosen.iter().map(|c| html! { <td>{ f.cell(c, content) }</td> }) }
            </tr>
        }
    });
    html! {
        <table class="trd-table trd-table--side">
            <caption id="trd-compare-caption">{ &ui.compare_side_caption }</caption>
            <thead>
                <tr>
                    <td></td>
                    { for chosen.iter().map(|c| html! { <th scope="col">{ &c.title }</th> }) }
                </tr>
            </thead>
            <tbody>{ for lines }</tbody>
        </table>
    }
}

/// A column heading; a sort button for fields that sort.
fn column_header(
    f: Field,
    sort: Option<(Field, SortDir)>,
    hydrated: bool,
    dispatch: &Callback<Action>,
    ui: &UiStrings,
) -> Html {
    if f.sort().is_none() {
        return html! { <th scope="col" role="columnheader">{ f.label(ui) }</th> };
    }
    let (aria_sort, icon) = match sort.filter(|(s, _)| *s == f).map(|(_, d)| d) {
        Some(SortDir::Ascending) => (Some("ascending"), "trd-sort trd-sort--asc"),
        Some(SortDir::Descending) => (Some("descending"), "trd-sort trd-sort--desc"),
        None => (None, "trd-sort"),
    };
    html! {
        <th scope="col" role="columnheader" aria-sort={aria_sort} data-sortable="">
            <button type="button" class="trd-table__sort" disabled={!hydrated}
                onclick={dispatch.reform(move |_| Action::SortBy(f))}>
                { f.label(ui) }<span class={icon} aria-hidden="true"></span>
            </button>
        </th>
    }
}
