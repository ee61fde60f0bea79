use yew::prelude::*;

use super::{heading, point_list};
use crate::content::Content;
use crate::search::Query;

/// What treatment-resistant depression is, how common it is and why it matters.
pub fn intro(content: &Content, level: u8) -> Html {
    let intro = &content.intro;
    let sources = intro
        .sources
        .iter()
        .map(|s| html! { <li><cite>{ &s.text }</cite></li> });
    html! {
        <section class="trd-intro">
            { heading(level, Some("trd-intro-heading".into()), "trd-intro__heading", html! { intro.heading.clone() }) }
            { point_list(&intro.paragraphs, &intro.sources, &Query::default(), true) }
            <details class="trd-intro__sources">
                <summary>{ &content.ui.sources }</summary>
                <ol class="trd-sources">{ for sources }</ol>
            </details>
        </section>
    }
}
