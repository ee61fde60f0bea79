use std::rc::Rc;

use yew::prelude::*;

use super::{card_section, question_checklist, source_list};
use crate::content::{Card, Content};
use crate::search::Query;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct CardBodyProps {
    pub card: Rc<Card>,
    pub content: Rc<Content>,
    /// Heading level of the card's sections.
    pub level: u8,
    pub query: Rc<Query>,
    /// Positions of this card's ticked questions.
    pub ticked: Rc<Vec<usize>>,
    pub dispatch: Callback<Action>,
}

/// Everything inside an open card: status, sections, questions, sources. Its own
/// component so that opening or closing a card (or all of them) never rebuilds it.
#[function_component]
pub fn CardBody(props: &CardBodyProps) -> Html {
    let card = &props.card;
    let content = &props.content;
    let query = &props.query;
    let on_question = {
        let slug = card.id.clone();
        props
            .dispatch
            .reform(move |i| Action::ToggleQuestion(slug.clone(), i))
    };
    let status_note = card.status.map(|s| {
        let note = card
            .status_note
            .as_ref()
            .map(|n| format!(": {n}"))
            .unwrap_or_default();
        html! {
            <p class="trd-status-note">
                <strong>{ format!("{}: ", content.ui.status_label) }</strong>
                { format!("{}{note}", card.badge_label(content).unwrap_or(content.status_label(s))) }
            </p>
        }
    });
    // Links into "Words explained" for the terms this card uses.
    let words = {
        let links = card
            .words
            .iter()
            .filter_map(|id| content.glossary.iter().find(|g| &g.id == id))
            .enumerate()
            .map(|(i, g)| {
                html! { <>
                    if i > 0 { { ", " } }
                    <a class="trd-words-link" href={format!("#trd-word-{}", g.id)}>{ &g.term }</a>
                </> }
            });
        html! { <p class="trd-card__words">{ format!("{} ", content.ui.words_on_card) }{ for links }</p> }
    };
    html! {
        <div class="trd-card__body">
            { status_note }
            { for card.sections().map(|(kind, section)| card_section(card, kind, section, content, props.level, query)) }
            if !card.questions.is_empty() {
                { question_checklist(card, content, props.level, &props.ticked, query, &on_question) }
            }
            if !card.words.is_empty() {
                { words }
            }
            if !card.sources.is_empty() {
                { source_list(&content.ui.sources, props.level, &card.sources) }
            }
            if let Some(line) = content.review_line(card) {
                <p class="trd-reviewed">{ line }</p>
            }
        </div>
    }
}
