use std::cmp::Ordering;
use std::rc::Rc;

use yew::prelude::*;

use super::compare_row::{brief, category_cell, evidence_cell, status_cell};
use super::{heading, CompareRow};
use crate::collections::sort_by;
use crate::content::{fill, Card, Content};
use crate::search::fold;
use crate::state::{Column, SortDir, MAX_PICKS};

#[derive(Properties, PartialEq)]
pub struct CompareTableProps {
    pub content: Rc<Content>,
    /// Indices of the cards passing the current search and filters.
    pub visible: Rc<Vec<usize>>,
    pub sort: Option<(Column, SortDir)>,
    pub picked: Rc<Vec<String>>,
    pub side_by_side: bool,
    pub level: u8,
    pub live: bool,
    pub on_sort: Callback<Column>,
    pub on_pick: Callback<String>,
    pub on_side_by_side: Callback<bool>,
    pub on_clear_picks: Callback<()>,
}

/// Sorts cards for the table; ties keep content order. Keys are computed once per card
/// (folding titles inside the comparison would allocate on every step).
pub fn sort_cards(cards: &mut Vec<Rc<Card>>, sort: Option<(Column, SortDir)>) {
    let Some((col, dir)) = sort else { return };
    #[derive(PartialEq, Eq, PartialOrd, Ord)]
    enum Key {
        Text(String),
        Rank(u8),
    }
    let key = |c: &Card| match col {
        Column::Treatment => Key::Text(fold(&c.title)),
        Column::Category => Key::Rank(c.category as u8),
        Column::Status => Key::Rank(c.status.map_or(u8::MAX, |s| s as u8)),
        // Cards without an evidence level sort last either way.
        Column::Evidence => Key::Rank(
            c.evidence
                .as_ref()
                .and_then(|e| e.level)
                .map_or(u8::MAX, |l| l as u8),
        ),
    };
    let mut keyed: Vec<(Key, Rc<Card>)> = cards.drain(..).map(|c| (key(&c), c)).collect();
    sort_by(&mut keyed, |a, b| {
        let missing = |k: &Key| *k == Key::Rank(u8::MAX);
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
                <button type="button" class="trd-button" onclick={props.on_side_by_side.reform(|_| false)}>{ &ui.compare_show_all }</button>
            } else {
                <button type="button" class="trd-button" disabled={picks < 2 || !props.live}
                    onclick={props.on_side_by_side.reform(|_| true)}>
                    if picks >= 2 {
                        { fill(&ui.compare_side_by_side, &[("count", &picks.to_string())]) }
                    } else {
                        { &ui.compare_side_by_side_idle }
                    }
                </button>
            }
            if picks > 0 {
                <button type="button" class="trd-button trd-button--quiet" onclick={props.on_clear_picks.reform(|_| ())}>{ &ui.compare_clear_pick }</button>
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
        let row = |label: &str, cell: &dyn Fn(&Card) -> Html| {
            html! {
                <tr>
                    <th scope="row">{ label }</th>
                    { for chosen.iter().map(|c| html! { <td>{ cell(c) }</td> }) }
                </tr>
            }
        };
        html! {
            <table class="trd-table trd-table--side">
                <caption id="trd-compare-caption">{ &ui.compare_side_caption }</caption>
                <thead>
                    <tr>
                        <td></td>
                        { for chosen.iter().map(|c| html! { <th scope="col">{ &c.title }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { row(&ui.col_category, &|c| html! { category_cell(c, content) }) }
                    { row(&ui.col_status, &|c| status_cell(c, content)) }
                    { row(&ui.col_given, &|c| html! { brief(&c.how_given) }) }
                    { row(&ui.col_onset, &|c| html! { brief(&c.onset) }) }
                    { row(&ui.col_evidence, &|c| evidence_cell(c, content)) }
                    { row(&ui.col_risks, &|c| html! { brief(&c.risks) }) }
                    { row(&ui.col_regulatory, &|c| html! { brief(&c.regulatory) }) }
                </tbody>
            </table>
        }
    } else {
        let sortable = |col: Column, label: &str| {
            let state = props.sort.filter(|(c, _)| *c == col).map(|(_, d)| d);
            let aria_sort = state.map(|d| {
                if d == SortDir::Ascending {
                    "ascending"
                } else {
                    "descending"
                }
            });
            let icon = match state {
                Some(SortDir::Ascending) => "trd-sort trd-sort--asc",
                Some(SortDir::Descending) => "trd-sort trd-sort--desc",
                None => "trd-sort",
            };
            html! {
                <th scope="col" role="columnheader" aria-sort={aria_sort} data-sortable="">
                    <button type="button" class="trd-table__sort" disabled={!props.live} onclick={props.on_sort.reform(move |_| col)}>
                        { label.to_owned() }<span class={icon} aria-hidden="true"></span>
                    </button>
                </th>
            }
        };
        let body = rows.iter().map(|c| {
            let picked = props.picked.contains(&c.id);
            html! {
                <CompareRow key={c.id.clone()} card={c.clone()} content={content.clone()} {picked}
                    pick_disabled={!props.live || (!picked && picks >= MAX_PICKS)} on_pick={props.on_pick.clone()} />
            }
        });
        html! {
            // Explicit roles keep table semantics when narrow containers restyle rows as blocks.
            <table class="trd-table trd-table--stack" role="table">
                <caption id="trd-compare-caption">{ &ui.compare_caption }</caption>
                <thead role="rowgroup">
                    <tr role="row">
                        { sortable(Column::Treatment, &ui.col_treatment) }
                        { sortable(Column::Category, &ui.col_category) }
                        { sortable(Column::Status, &ui.col_status) }
                        <th scope="col" role="columnheader">{ &ui.col_given }</th>
                        <th scope="col" role="columnheader">{ &ui.col_onset }</th>
                        { sortable(Column::Evidence, &ui.col_evidence) }
                        <th scope="col" role="columnheader">{ &ui.col_risks }</th>
                        <th scope="col" role="columnheader">{ &ui.col_regulatory }</th>
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
                <div class="trd-table-scroll" role="region" aria-labelledby="trd-compare-caption" tabindex="0">
                    { table }
                </div>
                <p class="trd-hint trd-table-scroll__hint">{ &ui.compare_scroll_hint }</p>
            }
        </section>
    }
}
