//! Component behaviour in a real browser (headless Chromium via wasm-bindgen-test):
//! the WAI-ARIA accordion contract, expand all, and configuration effects.
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

fn click(el: &Element) {
    el.dyn_ref::<HtmlElement>().unwrap().click();
}

fn embedded() -> Options {
    let mut o = Options::embedded();
    o.deep_links = false;
    o
}

#[wasm_bindgen_test]
async fn every_card_header_is_a_button_alone_in_a_heading_and_starts_collapsed() {
    let (root, app) = mount(embedded()).await;
    let buttons = all(&root, ".trd-card__button");
    assert_eq!(buttons.len(), 19, "one button per card");
    for b in &buttons {
        let heading = b.parent_element().unwrap();
        assert_eq!(
            heading.tag_name(),
            "H3",
            "card buttons sit in an h3 by default"
        );
        assert_eq!(
            heading.child_element_count(),
            1,
            "the button is the heading's only child"
        );
        assert_eq!(b.get_attribute("aria-expanded").as_deref(), Some("false"));
        let panel_id = b.get_attribute("aria-controls").expect("aria-controls");
        let panel = one(&root, &format!("[id=\"{panel_id}\"]"));
        assert_eq!(
            panel.get_attribute("hidden").as_deref(),
            Some("until-found"),
            "{panel_id} starts hidden"
        );
    }
    app.destroy();
}

#[wasm_bindgen_test]
async fn clicking_a_card_toggles_its_panel_and_aria_expanded() {
    let (root, app) = mount(embedded()).await;
    let button = one(&root, "[id=\"ect-button\"]");
    click(&button);
    settle().await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert!(
        !one(&root, "[id=\"ect-panel\"]").has_attribute("hidden"),
        "open panel is not hidden"
    );
    assert!(one(&root, "[id=\"ect-panel\"]")
        .text_content()
        .unwrap()
        .contains("anesthesia"));
    click(&button);
    settle().await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(one(&root, "[id=\"ect-panel\"]").has_attribute("hidden"));
    app.destroy();
}

#[wasm_bindgen_test]
async fn expand_all_opens_every_card_and_then_offers_collapse_all() {
    let (root, app) = mount(embedded()).await;
    let toggle = one(&root, ".trd-expand-all");
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(toggle.text_content().unwrap().contains("Expand all"));
    click(&toggle);
    settle().await;
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert!(toggle.text_content().unwrap().contains("Collapse all"));
    assert!(
        all(&root, ".trd-card__panel[hidden]").is_empty(),
        "no panel stays hidden"
    );
    let controls = toggle.get_attribute("aria-controls").unwrap();
    assert_eq!(controls.split_whitespace().count(), 19);
    click(&toggle);
    settle().await;
    assert_eq!(all(&root, ".trd-card__panel[hidden]").len(), 19);
    assert!(toggle.text_content().unwrap().contains("Expand all"));
    app.destroy();
}

#[wasm_bindgen_test]
async fn heading_level_and_categories_options_shape_the_outline() {
    let mut options = embedded();
    options.heading_level = 4;
    options.categories = Some(vec![trd_explainer::content::Category::Stimulation]);
    let (root, app) = mount(options).await;
    let buttons = all(&root, ".trd-card__button");
    assert_eq!(buttons.len(), 5, "only brain stimulation cards");
    assert!(buttons
        .iter()
        .all(|b| b.parent_element().unwrap().tag_name() == "H4"));
    assert_eq!(
        one(&root, ".trd-group__heading").tag_name(),
        "H3",
        "groups sit one level above cards"
    );
    app.destroy();
}

#[wasm_bindgen_test]
async fn cards_listed_in_open_start_expanded() {
    let mut options = embedded();
    options.open = vec!["tms".into(), "cbt".into()];
    let (root, app) = mount(options).await;
    settle().await;
    assert_eq!(
        one(&root, "[id=\"tms-button\"]")
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("true")
    );
    assert_eq!(
        one(&root, "[id=\"cbt-button\"]")
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("true")
    );
    assert_eq!(
        one(&root, "[id=\"ect-button\"]")
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("false")
    );
    app.destroy();
}

#[wasm_bindgen_test]
async fn searching_filters_cards_and_announces_the_count() {
    let (root, app) = mount(embedded()).await;
    let input: web_sys::HtmlInputElement = one(&root, "#trd-search-input").dyn_into().unwrap();
    input.set_value("seizure");
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    settle().await;
    let titles: Vec<String> = all(&root, ".trd-card__title")
        .iter()
        .map(|t| t.text_content().unwrap())
        .collect();
    assert!(
        titles[0].contains("Electroconvulsive"),
        "ECT ranks first for 'seizure': {titles:?}"
    );
    assert!(
        !all(&root, ".trd-mark").is_empty(),
        "matches are highlighted"
    );
    let status = one(&root, ".trd-results__count");
    assert_eq!(status.get_attribute("role").as_deref(), Some("status"));
    assert!(status.text_content().unwrap().contains("match"));
    app.destroy();
}
