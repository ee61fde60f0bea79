use std::rc::Rc;

use yew::prelude::*;

use super::{heading, PointList};
use crate::content::Content;
use crate::search::Query;

#[derive(Properties, PartialEq)]
pub struct IntroProps {
    pub content: Rc<Content>,
    pub level: u8,
}

/// What treatment-resistant depression is, how common it is and why it matters.
#[function_component]
pub fn Intro(props: &IntroProps) -> Html {
    let intro = &props.content.intro;
    let sources = intro
        .sources
        .iter()
        .map(|s| html! { <li><cite>{ &s.text }</cite></li> });
    html! {
        <section class="trd-intro">
            { heading(props.level, Some("trd-intro-heading".into()), "trd-intro__heading", html! { intro.heading.clone() }) }
            <PointList points={intro.paragraphs.clone()} sources={intro.sources.clone()} query={Rc::new(Query::default())} paragraphs=true />
            <details class="trd-intro__sources">
                <summary>{ &props.content.ui.sources }</summary>
                <ol class="trd-sources">{ for sources }</ol>
            </details>
        </section>
    }
}
