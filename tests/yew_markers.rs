//! Progressive hydration relies on Yew's hydration comment markers, which are not part of
//! its public API (src/yew_markers.rs). These tests render with the pinned Yew and fail
//! if the markers change, long before a browser test would notice.
#![cfg(not(target_arch = "wasm32"))]

use trd_explainer::config::Options;
use trd_explainer::contract::LIST_ITEM;
use trd_explainer::prerender::render_embed;
use trd_explainer::yew_markers::{
    ANY_COMPONENT, COMPONENT_CLOSE, COMPONENT_OPEN, RAW_CLOSE, RAW_OPEN,
};
use yew::prelude::*;

#[function_component]
fn Inner() -> Html {
    html! { <b>{ "card" }</b> }
}

#[function_component]
fn Outer() -> Html {
    html! {
        <ul>
            <li class="component"><Inner /></li>
            <li class="raw">{ Html::from_html_unchecked(AttrValue::Static("<i>raw</i>")) }</li>
        </ul>
    }
}

fn render<C: BaseComponent<Properties = ()>>() -> String {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    tokio::task::LocalSet::new().block_on(&runtime, async {
        yew::LocalServerRenderer::<C>::new()
            .hydratable(true)
            .render()
            .await
    })
}

/// The text between `<li class="{class}">` and its `</li>`.
fn item<'a>(html: &'a str, class: &str) -> &'a str {
    let open = format!("<li class=\"{class}\">");
    let start = html.find(&open).expect("the item is rendered") + open.len();
    let end = start + html[start..].find("</li>").expect("the item is closed");
    &html[start..end]
}

/// The comments of `html`, in order.
fn comments(html: &str) -> Vec<&str> {
    html.split("<!--")
        .skip(1)
        .filter_map(|rest| rest.split_once("-->").map(|(c, _)| c))
        .collect()
}

fn is_component_open(marker: &str) -> bool {
    marker.starts_with(COMPONENT_OPEN.0)
        && marker.ends_with(COMPONENT_OPEN.1)
        && !marker.starts_with(COMPONENT_CLOSE.0)
}

fn is_component_close(marker: &str) -> bool {
    marker.starts_with(COMPONENT_CLOSE.0) && marker.ends_with(COMPONENT_CLOSE.1)
}

#[test]
fn a_component_is_bracketed_by_the_component_markers_the_fence_names() {
    let html = render::<Outer>();
    let inner = item(&html, "component");
    assert!(
        inner.starts_with("<!--") && inner.ends_with("-->"),
        "{inner}"
    );
    let found = comments(inner);
    assert_eq!(found.len(), 2, "one marker each side: {inner}");
    assert!(is_component_open(found[0]), "open marker `{}`", found[0]);
    assert!(is_component_close(found[1]), "close marker `{}`", found[1]);
    assert!(inner.contains("<b>card</b>"));
}

#[test]
fn a_raw_node_is_bracketed_by_the_raw_markers_the_fence_names() {
    let html = render::<Outer>();
    assert_eq!(
        item(&html, "raw"),
        format!("<!--{RAW_OPEN}--><i>raw</i><!--{RAW_CLOSE}-->")
    );
}

#[test]
fn the_markers_the_fence_writes_read_as_component_markers() {
    // Hydration matches on the marks around the name, never on the name itself.
    assert!(is_component_open(ANY_COMPONENT.0));
    assert!(is_component_close(ANY_COMPONENT.1));
}

#[test]
fn every_prerendered_card_sits_between_component_markers_in_its_list_item() {
    // What `adopt_as_raw` relies on: each list item's first and last nodes are the card
    // component's markers.
    let html = render_embed(Options::embedded()).unwrap();
    let open = format!("<li class=\"{LIST_ITEM}\"");
    let items: Vec<&str> = html.split(&open).skip(1).collect();
    assert!(items.len() > 10, "the cards are rendered");
    for rest in items {
        let body = &rest[rest.find('>').unwrap() + 1..];
        let open = comments(body)[0];
        assert!(body.starts_with("<!--"), "{body:.200}");
        assert!(is_component_open(open), "{open}");
        // The same component's close marker ends the item.
        let name = &open[COMPONENT_OPEN.0.len()..open.len() - COMPONENT_OPEN.1.len()];
        let close = format!(
            "<!--{}{name}{}--></li>",
            COMPONENT_CLOSE.0, COMPONENT_CLOSE.1
        );
        assert!(body.contains(&close), "{close} ends the item");
    }
}
