use std::rc::Rc;

use yew::prelude::*;
use yew::virtual_dom::VNode;

use super::{card_section, heading, highlighted, question_checklist, source_list, status_badge};
use crate::content::{Card, Content};
use crate::search::Query;

#[derive(Properties, PartialEq)]
pub struct TreatmentCardProps {
    pub card: Rc<Card>,
    pub content: Rc<Content>,
    pub open: bool,
    /// Heading level of the card title; its sections sit one below.
    pub level: u8,
    pub query: Rc<Query>,
    /// Positions of this card's ticked questions.
    pub ticked: Rc<Vec<usize>>,
    pub on_toggle: Callback<String>,
    pub on_question: Callback<(String, usize)>,
}

/// One expandable treatment: a heading whose only child is the toggle button (WAI-ARIA
/// accordion), and a panel that stays findable by the browser's find-in-page while closed.
/// A component (not a plain view function) so unchanged cards skip re-rendering.
#[function_component]
pub fn TreatmentCard(props: &TreatmentCardProps) -> Html {
    let card = &props.card;
    let content = &props.content;
    let query = &props.query;
    let slug = card.id.clone();
    let panel_id = format!("{slug}-panel");
    let onclick = {
        let slug = slug.clone();
        props.on_toggle.reform(move |_: MouseEvent| slug.clone())
    };
    let on_question = {
        let slug = slug.clone();
        props.on_question.reform(move |i| (slug.clone(), i))
    };
    let sub = (props.level + 1).min(6);
    let status_note = card.status.map(|s| {
        let note = card
            .status_note
            .as_ref()
            .map(|n| format!(": {n}"))
            .unwrap_or_default();
        html! {
            <p class="trd-status-note">
                <strong>{ format!("{}: ", content.ui.status_label) }</strong>
                { format!("{}{note}", content.status_label(s)) }
            </p>
        }
    });

    let mut panel = html! {
        <div class="trd-card__panel" id={panel_id.clone()} data-card={slug.clone()}>
            <div class="trd-card__body">
                { status_note }
                { for card.sections().map(|(kind, section)| card_section(card, kind, section, content, sub, query)) }
                if !card.questions.is_empty() {
                    { question_checklist(card, content, sub, &props.ticked, query, &on_question) }
                }
                if !card.sources.is_empty() {
                    { source_list(&content.ui.sources, sub, &card.sources) }
                }
            </div>
        </div>
    };
    // `hidden="until-found"` keeps closed panels out of the tab order but lets find-in-page
    // reveal them; the html! macro only knows `hidden` as a boolean, so set it here.
    if !props.open {
        if let VNode::VTag(tag) = &mut panel {
            Rc::make_mut(tag).add_attribute("hidden", "until-found");
        }
    }

    let class = classes!("trd-card", props.open.then_some("trd-card--open"));
    html! {
        <div {class} id={slug.clone()}>
            { heading(props.level, None, "trd-card__heading", html! {
                <button type="button" class="trd-card__button" id={format!("{slug}-button")}
                    aria-expanded={props.open.to_string()} aria-controls={panel_id} {onclick}>
                    <span class="trd-card__title">{ highlighted(&card.title, query) }</span>
                    { card.status.map(|s| status_badge(s, content.status_label(s))) }
                    <span class="trd-card__summary">{ highlighted(&card.summary, query) }</span>
                    <span class="trd-card__icon" aria-hidden="true"></span>
                </button>
            }) }
            { panel }
        </div>
    }
}
