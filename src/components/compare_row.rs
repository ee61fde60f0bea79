use std::rc::Rc;

use yew::prelude::*;

use super::status_badge;
use crate::content::{fill, Card, Content, Section};

/// A section's one-line summary for the table, or a dash.
pub fn brief(section: &Option<Section>) -> String {
    section
        .as_ref()
        .and_then(|s| s.brief.clone())
        .unwrap_or_else(|| "—".into())
}

pub fn category_cell(card: &Card, content: &Content) -> String {
    content
        .category(card.category)
        .map(|i| i.name.clone())
        .unwrap_or_default()
}

pub fn status_cell(card: &Card, content: &Content) -> Html {
    status_badge(card, content)
}

pub fn evidence_cell(card: &Card, content: &Content) -> Html {
    let Some(e) = &card.evidence else {
        return Html::default();
    };
    html! {
        <span class="trd-table__evidence">
            if let Some(l) = e.level {
                <span class={classes!("trd-level", format!("trd-level--{}", l.slug()))}>{ content.evidence_label(l) }</span>
            }
            if let Some(b) = &e.brief { <span class="trd-table__brief">{ b }</span> }
        </span>
    }
}

#[derive(Properties, PartialEq)]
pub struct CompareRowProps {
    pub card: Rc<Card>,
    pub content: Rc<Content>,
    pub picked: bool,
    /// True when four are already picked and this one is not.
    pub pick_disabled: bool,
    pub on_pick: Callback<String>,
}

/// One treatment in the comparison table, with its "select to compare" box. A component
/// so that sorting moves rows instead of rebuilding them.
#[function_component]
pub fn CompareRow(props: &CompareRowProps) -> Html {
    let c = &props.card;
    let content = &props.content;
    let ui = &content.ui;
    let id = c.id.clone();
    let box_id = format!("{}-pick", c.id);
    html! {
        <tr role="row" class={classes!(props.picked.then_some("trd-table__row--picked"))}>
            <th scope="row" role="rowheader">
                <span class="trd-pick">
                    <input type="checkbox" id={box_id.clone()} class="trd-pick__box" checked={props.picked}
                        disabled={props.pick_disabled}
                        aria-label={fill(&ui.compare_pick, &[("title", &c.title)])}
                        aria-describedby="trd-compare-hint"
                        onchange={props.on_pick.reform(move |_: Event| id.clone())} />
                    <label for={box_id}>{ &c.title }</label>
                </span>
            </th>
            <td role="cell" data-label={ui.col_category.clone()}>{ category_cell(c, content) }</td>
            <td role="cell" data-label={ui.col_status.clone()}>{ status_cell(c, content) }</td>
            <td role="cell" data-label={ui.col_given.clone()}>{ brief(&c.how_given) }</td>
            <td role="cell" data-label={ui.col_onset.clone()}>{ brief(&c.onset) }</td>
            <td role="cell" data-label={ui.col_evidence.clone()}>{ evidence_cell(c, content) }</td>
            <td role="cell" data-label={ui.col_risks.clone()}>{ brief(&c.risks) }</td>
            <td role="cell" data-label={ui.col_regulatory.clone()}>{ brief(&c.regulatory) }</td>
        </tr>
    }
}
