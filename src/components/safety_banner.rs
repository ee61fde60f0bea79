use std::rc::Rc;

use yew::prelude::*;

use super::heading;
use crate::content::{Content, Region};

#[derive(Properties, PartialEq)]
pub struct SafetyBannerProps {
    pub content: Rc<Content>,
    pub region: Region,
    pub level: u8,
}

/// Every crisis line, the chosen region first. Never collapsed, never hidden.
#[function_component]
pub fn SafetyBanner(props: &SafetyBannerProps) -> Html {
    let safety = &props.content.safety;
    let mut lines: Vec<_> = safety.lines.iter().collect();
    // The chosen region leads; emergency numbers always close the list.
    lines.sort_by_key(|l| match l.region {
        r if r == props.region => 0,
        Region::Emergency => 2,
        _ => 1,
    });
    let items = lines.into_iter().map(|line| {
        let contacts = line.contacts.iter().map(|c| {
            html! { <li><a class="trd-safety__link" href={c.href.clone()}>{ &c.label }</a></li> }
        });
        html! {
            <li class={classes!("trd-safety__line", format!("trd-safety__line--{:?}", line.region).to_lowercase())}>
                <p class="trd-safety__who"><strong>{ &line.label }</strong>{ ": " }{ &line.name }</p>
                <p class="trd-safety__detail">{ &line.detail }</p>
                if !line.contacts.is_empty() {
                    <ul class="trd-safety__contacts" role="list">{ for contacts }</ul>
                }
            </li>
        }
    });
    html! {
        <section class="trd-safety">
            { heading(props.level, Some("trd-safety-heading".into()), "trd-safety__heading", html! { safety.heading.clone() }) }
            <ul class="trd-safety__lines" role="list">{ for items }</ul>
        </section>
    }
}
