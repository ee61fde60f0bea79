use yew::prelude::*;

use super::heading;
use crate::content::Content;

/// Informational only; no provider endorsed.
pub fn disclaimer(content: &Content, level: u8) -> Html {
    let d = &content.disclaimer;
    html! {
        <section class="trd-disclaimer">
            { heading(level, Some("trd-disclaimer-heading".into()), "trd-disclaimer__heading", html! { d.heading.clone() }) }
            { for d.paragraphs.iter().map(|p| html! { <p>{ p }</p> }) }
        </section>
    }
}
