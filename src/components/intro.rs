use yew::prelude::*;

use super::{heading, point_list};
use crate::content::Content;
use crate::search::Query;

/// What treatment-resistant depression is, how common it is and why it matters: a few
/// sentences first, the rest (every figure with its source) one tap away in a native
/// disclosure, so the cards start on a phone's first screen. The heading stays a heading
/// inside the summary, so it is still in the page's outline.
pub fn intro(content: &Content, level: u8) -> Html {
    let intro = &content.intro;
    let sources = intro
        .sources
        .iter()
        .map(|s| html! { <li><cite>{ &s.text }</cite></li> });
    html! {
        <section class="trd-intro">
            <div class="trd-intro__lead">
                { point_list(&intro.lead, &intro.sources, &Query::default(), true) }
            </div>
            <details class="trd-disclosure trd-intro__more">
                <summary class="trd-disclosure__summary">
                    { heading(level, Some("trd-intro-heading".into()), "trd-intro__heading", html! { intro.heading.clone() }) }
                </summary>
                <div class="trd-intro__body">
                    { point_list(&intro.paragraphs, &intro.sources, &Query::default(), true) }
                    <details class="trd-intro__sources">
                        <summary>{ &content.ui.sources }</summary>
                        <ol class="trd-sources">{ for sources }</ol>
                    </details>
                </div>
            </details>
        </section>
    }
}
