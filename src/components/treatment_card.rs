use std::rc::Rc;

use yew::prelude::*;
use yew::virtual_dom::VNode;

use super::{heading, highlighted, status_badge, CardBody};
use crate::content::{Card, Content};
use crate::search::Query;
use crate::state::Action;

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
    pub dispatch: Callback<Action>,
}

/// One expandable treatment: a heading whose only child is the toggle button (WAI-ARIA
/// accordion), and a panel that stays findable by the browser's find-in-page while closed.
/// A component so unchanged cards skip re-rendering.
#[function_component]
pub fn TreatmentCard(props: &TreatmentCardProps) -> Html {
    let card = &props.card;
    let content = &props.content;
    let slug = card.id.clone();
    let panel_id = format!("{slug}-panel");
    let onclick = {
        let slug = slug.clone();
        props
            .dispatch
            .reform(move |_: MouseEvent| Action::Flip(slug.clone()))
    };
    let mut panel = html! {
        <div class="trd-card__panel" id={panel_id.clone()} data-card={slug.clone()}>
            <CardBody card={card.clone()} content={content.clone()} level={(props.level + 1).min(6)}
                query={props.query.clone()} ticked={props.ticked.clone()} dispatch={props.dispatch.clone()} />
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
                    <span class="trd-card__title">{ highlighted(&card.title, &props.query) }</span>
                    { status_badge(card, content) }
                    <span class="trd-card__summary">{ highlighted(&card.summary, &props.query) }</span>
                    <span class="trd-card__icon" aria-hidden="true"></span>
                </button>
            }) }
            { panel }
        </div>
    }
}
