//! Fact boxes in a real browser (headless Chromium via wasm-bindgen-test): an opened card
//! shows its numbers as sentences with icon arrays hidden from screen readers, in the
//! reader's language, and "See the numbers" in "What matters to me" opens the card at them.
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

fn embedded(locale: &'static str) -> Options {
    let mut o = Options::embedded();
    o.deep_links = false;
    o.locale = locale;
    o
}

fn click(el: &Element) {
    el.dyn_ref::<HtmlElement>().unwrap().click();
}

fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn an_opened_card_shows_each_group_out_of_100_beside_its_icon_array() {
    let (root, app) = mount(embedded("en")).await;
    click(&one(&root, "[id=\"ketamine-button\"]"));
    settle().await;
    let facts = one(&root, "[id=\"ketamine-panel\"] [id=\"ketamine-facts\"]");
    assert_eq!(facts.get_attribute("role").as_deref(), Some("group"));
    let heading = one(&facts, "[id=\"ketamine-facts-heading\"]");
    assert_eq!(
        heading.tag_name(),
        "H5",
        "below the card's h3 and its sections' h4"
    );

    let first = one(&facts, ".trd-fact-box");
    assert_eq!(
        first.get_attribute("data-box").as_deref(),
        Some("escape-trd")
    );
    let groups = all(&first, ".trd-fact-group");
    assert_eq!(groups.len(), 2, "esketamine and quetiapine XR");
    let lines: Vec<String> = groups.iter().map(text).collect();
    assert!(lines[0].starts_with("27 out of 100"), "{}", lines[0]);
    assert!(lines[0].contains("Esketamine") && lines[0].contains("91 of 336"));
    assert!(lines[1].starts_with("18 out of 100"), "{}", lines[1]);
    assert!(
        lines[1].contains("another treatment"),
        "the comparison says what it is"
    );
    assert!(text(&first).contains("at week 8") && text(&first).contains("few or no symptoms"));
    assert!(text(&first).contains("676 people") && text(&first).contains("Industry-funded"));

    for svg in all(&facts, "svg.trd-icons") {
        assert_eq!(svg.get_attribute("aria-hidden").as_deref(), Some("true"));
        assert_eq!(
            svg.child_element_count(),
            2,
            "one path per state, not 100 elements"
        );
        for path in all(&svg, "path") {
            assert_eq!(
                path.get_attribute("stroke").as_deref(),
                Some("currentColor")
            );
        }
    }
    let filled = one(&groups[0], ".trd-icons__filled")
        .get_attribute("d")
        .unwrap();
    assert_eq!(
        filled, "M0 4h100M0 14h100M0 24h70",
        "27 squares, row by row"
    );
    app.destroy();
}

#[wasm_bindgen_test]
async fn a_box_without_a_comparison_says_so_and_spanish_reads_de_cada_100() {
    let (root, app) = mount(embedded("es")).await;
    click(&one(&root, "[id=\"tms-button\"]"));
    settle().await;
    let alone = one(&root, "[data-box=\"snt-open\"]");
    assert!(
        text(&alone).contains("nadie puede saber cuántos habrían mejorado"),
        "{}",
        text(&alone)
    );
    assert!(text(&alone).contains("86 de cada 100"), "{}", text(&alone));
    let trial = one(&root, "[data-box=\"snt-trial\"]");
    assert!(text(&trial).contains("50 de cada 100"));
    assert!(text(&trial).contains("el estudio da un 20.8% de 24 personas"));
    app.destroy();
}

#[wasm_bindgen_test]
async fn see_the_numbers_opens_the_card_at_its_fact_box_and_focuses_it() {
    let (root, app) = mount(embedded("en")).await;
    let tab = all(&root, ".trd-tab")
        .into_iter()
        .find(|b| text(b).contains("What matters"))
        .expect("a What matters tab");
    click(&tab);
    settle().await;
    click(&one(&root, ".trd-chip[data-issue=\"evidence\"]"));
    settle().await;
    let link = one(
        &root,
        ".trd-issue__answer[data-card=\"cbt\"] .trd-issue__numbers",
    );
    assert_eq!(link.get_attribute("href").as_deref(), Some("#cbt-facts"));
    assert!(text(&link).contains("See the numbers") && text(&link).contains("CBT"));
    assert!(
        all(
            &root,
            ".trd-issue__answer[data-card=\"neurofeedback\"] .trd-issue__numbers"
        )
        .is_empty(),
        "no link where there are no numbers"
    );
    click(&link);
    settle().await;
    settle().await;
    let button = one(&root, "[id=\"cbt-button\"]");
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let active = document().active_element().expect("something has focus");
    assert_eq!(active.id(), "cbt-facts", "focus lands on the numbers");
    app.destroy();
}
