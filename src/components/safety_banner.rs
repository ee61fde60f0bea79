use std::rc::Rc;

use yew::prelude::*;

use super::heading;
use crate::content::{Content, Region};

#[derive(Properties, PartialEq)]
pub struct SafetyBannerProps {
    pub content: Rc<Content>,
    pub region: Region,
    pub level: u8,
    /// Lets the explainer watch when the banner scrolls out of view.
    #[prop_or_default]
    pub node: NodeRef,
}

/// Every crisis line, the chosen region first. Never collapsed, never hidden.
#[function_component]
pub fn SafetyBanner(props: &SafetyBannerProps) -> Html {
    let safety = &props.content.safety;
    let mut lines: Vec<_> = safety.lines.iter().collect();
    // The chosen region leads; emergency numbers always close the list.
    let rank = |r: Region| match r {
        r if r == props.region => 0,
        Region::Emergency => 2,
        _ => 1,
    };
    crate::collections::sort_by(&mut lines, |a, b| rank(a.region).cmp(&rank(b.region)));
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
        <section class="trd-safety" ref={props.node.clone()}>
            { heading(props.level, Some("trd-safety-heading".into()), "trd-safety__heading", html! { safety.heading.clone() }) }
            <ul class="trd-safety__lines" role="list">{ for items }</ul>
        </section>
    }
}
