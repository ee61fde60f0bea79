use yew::prelude::*;

use super::{heading, point_list};
use crate::content::{Card, Content, Section, SectionKind};
use crate::search::Query;

/// One titled part of a card: "How it works", "Side effects and risks"…
pub fn card_section(
    card: &Card,
    kind: SectionKind,
    section: &Section,
    content: &Content,
    level: u8,
    query: &Query,
) -> Html {
    let evidence_level = section.level.map(|l| {
        html! {
            <p class={classes!("trd-level", format!("trd-level--{}", l.slug()))}>
                { content.evidence_label(l).to_owned() }
            </p>
        }
    });
    html! {
        <div class="trd-section">
            { heading(level, None, "trd-section__heading", html! { content.section_heading(kind).to_owned() }) }
            { evidence_level }
            { point_list(&section.points, &card.sources, query, false) }
        </div>
    }
}
