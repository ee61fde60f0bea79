use std::rc::Rc;

use yew::prelude::*;

use crate::search::{split_highlights, Query};

#[derive(Properties, PartialEq)]
pub struct HighlightedProps {
    pub text: AttrValue,
    pub query: Rc<Query>,
}

/// Text with the search terms marked, so readers see why a card matched.
#[function_component]
pub fn Highlighted(props: &HighlightedProps) -> Html {
    if props.query.is_empty() {
        return html! { { props.text.clone() } };
    }
    split_highlights(&props.text, &props.query)
        .into_iter()
        .map(|(text, hit)| {
            if hit {
                html! { <mark class="trd-mark">{ text }</mark> }
            } else {
                html! { { text } }
            }
        })
        .collect()
}
