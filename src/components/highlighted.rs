use yew::prelude::*;

use crate::search::{split_highlights, Query};

/// Text with the search terms marked, so readers see why a card matched.
pub fn highlighted(text: &str, query: &Query) -> Html {
    if query.is_empty() {
        return html! { { text.to_owned() } };
    }
    split_highlights(text, query)
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
