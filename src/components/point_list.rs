use yew::prelude::*;

use super::highlighted;
use crate::content::{Point, Source};
use crate::search::Query;

/// Sentences of content, each followed by the short form of the sources behind it;
/// a bulleted list, or paragraphs.
pub fn point_list(points: &[Point], sources: &[Source], query: &Query, paragraphs: bool) -> Html {
    let items = points.iter().map(|p| {
        let body = html! { <>{ highlighted(&p.text, query) }{ cite(p.citation(sources)) }</> };
        if paragraphs {
            html! { <p>{ body }</p> }
        } else {
            html! { <li>{ body }</li> }
        }
    });
    if paragraphs {
        items.collect()
    } else {
        html! { <ul class="trd-points">{ for items }</ul> }
    }
}

/// A citation after a sentence, or nothing.
pub fn cite(citation: Option<String>) -> Html {
    citation.map_or_else(Html::default, |c| {
        html! { <>{ " " }<cite class="trd-cite">{ c }</cite></> }
    })
}
