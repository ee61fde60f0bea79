use std::rc::Rc;

use yew::prelude::*;

use super::heading;
use crate::content::{safe_href, Source};

#[derive(Properties, PartialEq)]
pub struct SourceListProps {
    pub heading: AttrValue,
    pub level: u8,
    pub sources: Rc<[Source]>,
}

/// A card's references. Only addresses known to be safe are linked.
#[function_component]
pub fn SourceList(props: &SourceListProps) -> Html {
    let items = props.sources.iter().map(|s| {
        let cite = html! { <cite>{ &s.text }</cite> };
        match s.url.as_deref().and_then(safe_href) {
            Some(href) => html! { <li><a href={href.to_owned()}>{ cite }</a></li> },
            None => html! { <li>{ cite }</li> },
        }
    });
    html! {
        <div class="trd-section trd-section--sources">
            { heading(props.level, None, "trd-section__heading", html! { props.heading.clone() }) }
            <ol class="trd-sources">{ for items }</ol>
        </div>
    }
}
