//! "How this guide was made" in a real browser (headless Chromium via wasm-bindgen-test):
//! links from the foot of the view and the disclaimer open the disclosure and move focus
//! into it, and the publisher's reviewer appears (with its JSON-LD) only when configured.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use yew::{AppHandle, Renderer};

use trd_explainer::config::{self, JsonConfig, Options};
use trd_explainer::{Explainer, ExplainerProps};

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn settle() {
    TimeoutFuture::new(20).await;
}

async fn mount(options: Options) -> (Element, AppHandle<Explainer>) {
    register_content();
    let root = new_root();
    let (content, _) = config::resolve(&options, &JsonConfig::default()).unwrap();
    let props = ExplainerProps {
        content,
        options: Rc::new(options),
        on_event: Default::default(),
        progressive: false,
    };
    let app = Renderer::<Explainer>::with_root_and_props(root.clone(), props).render();
    settle().await;
    (root, app)
}

fn embedded() -> Options {
    let mut o = Options::embedded();
    o.deep_links = false;
    o
}

fn reviewed(base: Options) -> Options {
    let defaults = base.clone();
    let mut o = base;
    for (name, value) in [
        ("publisher-name", "Example Health"),
        ("reviewer-name", "Dr Ana Ruiz"),
        ("reviewer-credentials", "MD"),
        ("review-date", "2026-12-01"),
    ] {
        assert!(o.set_attribute(&defaults, name, Some(value)).is_empty());
    }
    o
}

fn is_open(root: &Element) -> bool {
    one(root, ".trd-how-made").has_attribute("open")
}

fn active_element() -> Option<Element> {
    document().active_element()
}

fn click(el: &Element) {
    el.dyn_ref::<HtmlElement>().unwrap().click();
}

#[wasm_bindgen_test]
async fn the_links_at_the_foot_of_the_view_open_the_section_and_move_focus_into_it() {
    let (root, app) = mount(embedded()).await;
    assert!(!is_open(&root), "closed at first");
    let before = web_sys::window().unwrap().location().hash().unwrap();
    click(&one(&root, ".trd-view__footer a[href='#trd-how-made']"));
    settle().await;
    assert!(is_open(&root));
    let summary = one(&root, ".trd-how-made > summary");
    assert_eq!(
        active_element().as_ref(),
        Some(&summary),
        "focus on its summary"
    );
    assert_eq!(
        web_sys::window().unwrap().location().hash().unwrap(),
        before,
        "the page URL is left alone"
    );
    // "Found a mistake?" lands on its part, focusable as a link target.
    one(&root, ".trd-how-made")
        .remove_attribute("open")
        .unwrap();
    click(&one(&root, ".trd-view__footer a[href='#trd-report']"));
    settle().await;
    assert!(is_open(&root));
    assert_eq!(
        active_element().map(|e| e.id()).as_deref(),
        Some("trd-report")
    );
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn the_disclaimer_links_to_the_section() {
    let (root, app) = mount(embedded()).await;
    click(&one(&root, ".trd-disclaimer__more a"));
    settle().await;
    assert!(is_open(&root));
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn without_configuration_no_review_is_claimed() {
    let (root, app) = mount(embedded()).await;
    let text = root.text_content().unwrap_or_default().to_lowercase();
    assert!(!text.contains("reviewed by") && !text.contains("medically reviewed"));
    assert!(all(&root, "script[type='application/ld+json']").is_empty());
    assert!(all(&root, ".trd-disclaimer__review").is_empty());
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn a_configured_reviewer_is_shown_with_its_structured_data() {
    let (root, app) = mount(reviewed(embedded())).await;
    let line = "Medically reviewed for Example Health by Dr Ana Ruiz, MD, on 1 December 2026.";
    assert_eq!(
        one(&root, ".trd-disclaimer__review")
            .text_content()
            .unwrap(),
        line
    );
    assert_eq!(
        one(&root, ".trd-how-made__review").text_content().unwrap(),
        line
    );
    let scripts = all(&root, "script[type='application/ld+json']");
    assert_eq!(scripts.len(), 1);
    let ld = js_sys::JSON::parse(&scripts[0].text_content().unwrap()).unwrap();
    let get = |v: &wasm_bindgen::JsValue, k: &str| js_sys::Reflect::get(v, &k.into()).unwrap();
    assert_eq!(
        get(&get(&ld, "reviewedBy"), "name").as_string().unwrap(),
        "Dr Ana Ruiz"
    );
    assert_eq!(get(&ld, "lastReviewed").as_string().unwrap(), "2026-12-01");
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn on_the_standalone_page_the_heads_json_ld_carries_the_review_not_the_widget() {
    let mut options = reviewed(Options::standalone());
    options.deep_links = false;
    options.url_state = false;
    let (root, app) = mount(options).await;
    assert_eq!(all(&root, ".trd-disclaimer__review").len(), 1);
    assert!(all(&root, "script[type='application/ld+json']").is_empty());
    app.destroy();
    root.remove();
}
