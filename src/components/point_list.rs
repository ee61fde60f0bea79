use yew::prelude::*;

use super::highlighted;
use crate::content::{Point, Source};
use crate::search::Query;

/// Sentences of content, each followed by the short form of the sources behind it;
/// a bulleted list, or paragraphs.
pub fn point_list(points: &[Point], sources: &[Source], query: &Query, paragraphs: bool) -> Html {
    let items = points.iter().map(|p| {
        let cites: Vec<&str> = p
            .cite
            .iter()
            .filter_map(|k| sources.iter().find(|s| &s.id == k))
            .map(|s| s.short.as_str())
            .collect();
        let cite = (!cites.is_empty()).then(|| {
            html! { <>{ " " }<cite class="trd-cite">{ format!("({})", cites.join("; ")) }</cite></> }
        });
        let body = html! { <>{ highlighted(&p.text, query) }{ cite }</> };
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
