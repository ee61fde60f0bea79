use yew::prelude::*;

use super::heading;
use crate::collections::sort_by;
use crate::content::{Content, Region};

/// Every crisis line, the chosen region first. Never collapsed, never hidden. `node` lets
/// the explainer watch when the banner scrolls out of view.
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
            <ul class="trd-safety__lines" role="list">{ for items }</ul>
        </section>
    }
}
