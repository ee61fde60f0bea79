use std::rc::Rc;

use yew::prelude::*;

use super::Highlighted;
use crate::content::{Point, Source};
use crate::search::Query;

#[derive(Properties, PartialEq)]
pub struct PointListProps {
    /// Owner of the points and sources (a card or the intro), shared, never copied.
    pub points: Rc<[Point]>,
    pub sources: Rc<[Source]>,
    pub query: Rc<Query>,
    /// Paragraphs instead of a bulleted list.
    #[prop_or_default]
    pub paragraphs: bool,
}

/// Sentences of content, each followed by the short form of the sources behind it.
#[function_component]
pub fn PointList(props: &PointListProps) -> Html {
    let items = props.points.iter().map(|p| {
        let cites: Vec<&str> = p
            .cite
            .iter()
            .filter_map(|k| props.sources.iter().find(|s| &s.id == k))
            .map(|s| s.short.as_str())
            .collect();
        let cite = (!cites.is_empty()).then(|| {
            html! { <>{ " " }<cite class="trd-cite">{ format!("({})", cites.join("; ")) }</cite></> }
        });
        let body = html! { <><Highlighted text={p.text.clone()} query={props.query.clone()} />{ cite }</> };
        if props.paragraphs {
            html! { <p>{ body }</p> }
        } else {
            html! { <li>{ body }</li> }
        }
    });
    if props.paragraphs {
        items.collect()
    } else {
        html! { <ul class="trd-points">{ for items }</ul> }
    }
}
