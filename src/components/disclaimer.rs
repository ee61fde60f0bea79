use yew::prelude::*;

use super::heading;
use crate::content::{Content, ABOUT_ID};

/// Informational only; no provider endorsed. Ends with the publisher's medical review,
/// when one is configured (`review`), and the link to "How this guide was made".
pub fn disclaimer(content: &Content, level: u8, review: Option<String>) -> Html {
    let d = &content.disclaimer;
    html! {
        <section class="trd-disclaimer">
            { heading(level, Some("trd-disclaimer-heading".into()), "trd-disclaimer__heading", html! { d.heading.clone() }) }
            { for d.paragraphs.iter().map(|p| html! { <p>{ p }</p> }) }
            if let Some(review) = review {
                <p class="trd-disclaimer__review">{ review }</p>
            }
            if let Some(about) = content.about.as_deref() {
                <p class="trd-disclaimer__more"><a href={format!("#{ABOUT_ID}")}>{ &about.heading }</a></p>
            }
        </section>
    }
}
