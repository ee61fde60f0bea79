use yew::prelude::*;

use super::{cite, fact_boxes, heading, highlighted, point_list};
use crate::content::{Card, CardSafety, Content, Section, SectionKind};
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
    // The safety facts sit with the risks, where a reader looks for them.
    let safety = card
        .safety
        .as_ref()
        .filter(|_| kind == SectionKind::Risks)
        .map(|safety| safety_checks(card, safety, content, level, query));
    // The numbers sit with the evidence they put in proportion.
    let facts =
        (kind == SectionKind::Evidence).then(|| fact_boxes(card, content, (level + 1).min(6)));
    html! {
        <div class="trd-section">
            { heading(level, None, "trd-section__heading", html! { content.section_heading(kind).to_owned() }) }
            { evidence_level }
            { point_list(&section.points, &card.sources, query, false) }
            { safety }
            { facts }
        </div>
    }
}

/// Pregnancy, driving, other medicines and who should not have it: the questions a reader
/// most needs answered before starting, always in the same order and wording.
fn safety_checks(
    card: &Card,
    safety: &CardSafety,
    content: &Content,
    level: u8,
    query: &Query,
) -> Html {
    let items = safety.points().map(|(kind, p)| {
        html! {
            <>
                <dt class="trd-safety-checks__term">{ content.safety_label(kind).to_owned() }</dt>
                <dd class="trd-safety-checks__text">
                    { highlighted(&p.text, query) }{ cite(p.citation(&card.sources)) }
                </dd>
            </>
        }
    });
    html! {
        <div class="trd-safety-checks">
            { heading((level + 1).min(6), None, "trd-safety-checks__heading", html! { content.ui.safety_checks.clone() }) }
            <dl class="trd-safety-checks__list">{ for items }</dl>
        </div>
    }
}
