use std::rc::Rc;

use yew::prelude::*;

use super::{heading, PointList};
use crate::content::{Card, Content, SectionKind};
use crate::search::Query;

#[derive(Properties, PartialEq)]
pub struct CardSectionProps {
    pub card: Rc<Card>,
    pub kind: SectionKind,
    pub content: Rc<Content>,
    pub level: u8,
    pub query: Rc<Query>,
}

/// One titled part of a card: "How it works", "Side effects and risks"…
#[function_component]
pub fn CardSection(props: &CardSectionProps) -> Html {
    let Some(section) = props
        .card
        .sections()
        .find(|(k, _)| *k == props.kind)
        .map(|(_, s)| s)
    else {
        return Html::default();
    };
    let level = section.level.map(|l| {
        html! {
            <p class={classes!("trd-level", format!("trd-level--{}", l.slug()))}>
                { props.content.evidence_label(l).to_owned() }
            </p>
        }
    });
    let title = props.content.section_heading(props.kind).to_owned();
    html! {
        <div class="trd-section">
            { heading(props.level, None, "trd-section__heading", html! { title }) }
            { level }
            <PointList points={section.points.clone()} sources={props.card.sources.clone()} query={props.query.clone()} />
        </div>
    }
}
