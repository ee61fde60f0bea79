use std::rc::Rc;

use yew::prelude::*;

use super::heading;
use crate::content::Content;

#[derive(Properties, PartialEq)]
pub struct DisclaimerProps {
    pub content: Rc<Content>,
    pub level: u8,
}

/// Informational only; no provider endorsed; when the content was last reviewed.
#[function_component]
pub fn Disclaimer(props: &DisclaimerProps) -> Html {
    let d = &props.content.disclaimer;
    html! {
        <section class="trd-disclaimer">
            { heading(props.level, Some("trd-disclaimer-heading".into()), "trd-disclaimer__heading", html! { d.heading.clone() }) }
            { for d.paragraphs.iter().map(|p| html! { <p>{ p }</p> }) }
        </section>
    }
}
