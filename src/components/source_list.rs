use yew::prelude::*;

use super::heading;
use crate::content::{safe_href, Source};

/// A card's references. Only addresses known to be safe are linked.
pub fn source_list(title: &str, level: u8, sources: &[Source]) -> Html {
    let items = sources.iter().map(|s| {
        let cite = html! { <cite>{ &s.text }</cite> };
        match s.url.as_deref().and_then(safe_href) {
            Some(href) => html! { <li><a href={href.to_owned()}>{ cite }</a></li> },
            None => html! { <li>{ cite }</li> },
        }
    });
    html! {
        <div class="trd-section trd-section--sources">
            { heading(level, None, "trd-section__heading", html! { title.to_owned() }) }
            <ol class="trd-sources">{ for items }</ol>
        </div>
    }
}
