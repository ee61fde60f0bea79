use yew::prelude::*;

use super::heading;
use crate::collections::sort_by;
use crate::content::{Content, CrisisLine, Region};

/// The crisis block that opens the widget: the chosen region's line with its call and
/// text links, then every line and country one tap away in a native disclosure (it works
/// before the wasm and without scripts, opens for find-in-page, and prints open). Short,
/// so the cards start on a phone's first screen. `node` lets the explainer watch when
/// the block scrolls out of view.
pub fn safety_banner(content: &Content, region: Region, level: u8, node: &NodeRef) -> Html {
    let safety = &content.safety;
    let mut lines: Vec<_> = safety.lines.iter().collect();
    // The chosen region leads; emergency numbers always close the list.
    let rank = |r: Region| match r {
        r if r == region => 0,
        Region::Emergency => 2,
        _ => 1,
    };
    sort_by(&mut lines, |a, b| rank(a.region).cmp(&rank(b.region)));
    let phones = |l: &CrisisLine| l.contacts.iter().any(|c| c.href.starts_with("tel:"));
    // A line to call is always in the first screen: where the chosen one has no number
    // (the worldwide directory), the emergency numbers join it.
    let lead: Vec<&CrisisLine> = match lines.first() {
        Some(first) if phones(first) => vec![first],
        Some(first) => std::iter::once(*first)
            .chain(
                lines
                    .iter()
                    .copied()
                    .filter(|l| l.region == Region::Emergency),
            )
            .collect(),
        None => Vec::new(),
    };
    let lead = lead.into_iter().map(|line| {
        // One call and one text link, so the first screen stays short: the rest of the line
        // (a second text option such as 988's AYUDA, the chat) is in the full list.
        let first = |scheme: &str| line.contacts.iter().find(|c| c.href.starts_with(scheme));
        let contacts = [first("tel:"), first("sms:")]
            .into_iter()
            .flatten()
            .map(|c| html! { <a class="trd-safety__link" href={c.href.clone()}>{ &c.label }</a> });
        html! {
            <li class="trd-safety__line trd-safety__line--lead">
                <p class="trd-safety__who"><strong>{ &line.label }</strong>{ " · " }{ &line.name }</p>
                <p class="trd-safety__contacts">{ for contacts }</p>
            </li>
        }
    });
    let items = lines.into_iter().map(|line| {
        let contacts = line.contacts.iter().map(|c| {
            html! { <a class="trd-safety__link" href={c.href.clone()}>{ &c.label }</a> }
        });
        html! {
            <li class="trd-safety__line">
                <p class="trd-safety__who"><strong>{ &line.label }</strong>{ " · " }{ &line.name }</p>
                <p class="trd-safety__detail">{ &line.detail }</p>
                if !line.contacts.is_empty() {
                    <p class="trd-safety__contacts">{ for contacts }</p>
                }
            </li>
        }
    });
    html! {
        <section class="trd-safety" ref={node.clone()}>
            { heading(level, Some("trd-safety-heading".into()), "trd-safety__heading", html! { safety.heading.clone() }) }
            <ul class="trd-safety__lead" role="list">{ for lead }</ul>
            <details class="trd-disclosure trd-safety__more">
                <summary class="trd-disclosure__summary">{ &safety.more }</summary>
                <ul class="trd-safety__lines" role="list">{ for items }</ul>
            </details>
        </section>
    }
}
