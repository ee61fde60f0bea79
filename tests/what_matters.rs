//! The "What matters to me" view in a real browser (headless Chromium via
//! wasm-bindgen-test): chips, one issue card per ticked issue in the issue order, groups
//! in class order, sourced answers, and the callbacks for chips and questions.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::prelude::*;
use yew::{AppHandle, Renderer};

use trd_explainer::components::{what_matters, MattersEvent};
use trd_explainer::content::{self, Content};

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

type Events = Rc<RefCell<Vec<MattersEvent>>>;

/// What the app passes, held by a small host component for the test.
#[derive(Properties, PartialEq)]
struct HostProps {
    content: Rc<Content>,
    issues: Vec<String>,
    questions: Vec<String>,
    on_event: Callback<MattersEvent>,
}

#[function_component]
fn Host(p: &HostProps) -> Html {
    let all: Vec<usize> = (0..p.content.cards.len()).collect();
    what_matters(
        &p.content,
        &all,
        &p.issues,
        &p.questions,
        2,
        true,
        &p.on_event,
    )
}

async fn mount(issues: &[&str], questions: &[&str]) -> (Element, Events, AppHandle<Host>) {
    register_content();
    let root = new_root();
    let events: Events = Rc::default();
    let sink = events.clone();
    let props = HostProps {
        content: content::load("en").unwrap(),
        issues: issues.iter().map(|s| s.to_string()).collect(),
        questions: questions.iter().map(|s| s.to_string()).collect(),
        on_event: Callback::from(move |e| sink.borrow_mut().push(e)),
    };
    let app = Renderer::<Host>::with_root_and_props(root.clone(), props).render();
    TimeoutFuture::new(20).await;
    (root, events, app)
}

fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default().trim().to_owned()
}

#[wasm_bindgen_test]
async fn chips_sit_in_a_fieldset_and_show_which_issues_are_ticked() {
    let (root, _, app) = mount(&["memory", "onset"], &[]).await;
    let legend = one(&root, "fieldset.trd-matters__issues > legend");
    assert_eq!(text(&legend), "Issues that matter to me");
    let chips = all(&root, "fieldset .trd-chip");
    assert_eq!(chips.len(), content::ISSUES.len(), "one chip per issue");
    let pressed: Vec<String> = chips
        .iter()
        .filter(|c| c.get_attribute("aria-pressed").as_deref() == Some("true"))
        .map(|c| c.get_attribute("data-issue").unwrap())
        .collect();
    assert_eq!(pressed, ["onset", "memory"]);
    for c in &chips {
        assert_eq!(c.tag_name(), "BUTTON");
        assert_eq!(c.get_attribute("type").as_deref(), Some("button"));
    }
    app.destroy();
}

#[wasm_bindgen_test]
async fn one_section_per_ticked_issue_in_issue_order_with_groups_in_class_order() {
    let (root, _, app) = mount(&["memory", "onset"], &[]).await;
    let sections = all(&root, "section.trd-issue");
    let order: Vec<String> = sections
        .iter()
        .map(|s| s.get_attribute("data-issue").unwrap())
        .collect();
    assert_eq!(order, ["onset", "memory"], "issue order, not tick order");

    let heading = one(&sections[0], "h3.trd-issue__heading");
    assert_eq!(
        sections[0].get_attribute("aria-labelledby"),
        Some(heading.id())
    );
    let labels: Vec<String> = all(&sections[0], ".trd-issue__group > h4")
        .iter()
        .map(text)
        .collect();
    assert_eq!(labels.first().map(String::as_str), Some("Hours to days"));
    let classes: Vec<String> = all(&sections[0], ".trd-issue__group")
        .iter()
        .map(|g| g.get_attribute("data-class").unwrap())
        .collect();
    let spec = content::issue_spec("onset").unwrap();
    let positions: Vec<usize> = classes
        .iter()
        .map(|c| spec.classes.iter().position(|k| k == c).unwrap())
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "fastest first: {classes:?}"
    );

    // ECT's memory effects beside TMS's and ketamine's, each sourced.
    let memory = &sections[1];
    let ect = one(memory, "[data-class=known-risk] [data-card=ect]");
    assert!(text(&ect).contains("memory"));
    for card in ["ect", "tms", "ketamine"] {
        one(memory, &format!("[data-card={card}]"));
    }
    for card in ["ect", "tms", "ketamine"] {
        one(memory, &format!("[data-card={card}] cite.trd-cite"));
    }
    let status = one(&root, ".trd-matters__status[role=status]");
    assert_eq!(text(&status), "2 issues chosen, 15 treatments on each");
    app.destroy();
}

#[wasm_bindgen_test]
async fn one_chosen_issue_is_counted_in_the_singular() {
    let (root, _, app) = mount(&["memory"], &[]).await;
    let status = one(&root, ".trd-matters__status[role=status]");
    assert_eq!(text(&status), "1 issue chosen, 15 treatments on each");
    app.destroy();
}

#[wasm_bindgen_test]
async fn chips_and_question_boxes_report_what_the_reader_did() {
    let (root, events, app) = mount(&["memory"], &[]).await;
    one(&root, "[data-issue=driving].trd-chip")
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    let memory = one(&root, "section[data-issue=memory]");
    let label = one(&memory, ".trd-issue__question label");
    assert_eq!(text(&label), "How will my memory be checked?");
    let boxed = one(&memory, ".trd-issue__question input[type=checkbox]");
    assert_eq!(label.get_attribute("for"), Some(boxed.id()));
    boxed.dyn_ref::<HtmlElement>().unwrap().click();
    TimeoutFuture::new(20).await;
    assert_eq!(
        *events.borrow(),
        [
            MattersEvent::ToggleIssue("driving"),
            MattersEvent::ToggleQuestion("memory"),
        ]
    );
    app.destroy();
}

#[wasm_bindgen_test]
async fn an_added_question_shows_as_added() {
    let (root, _, app) = mount(&["memory", "onset"], &["memory"]).await;
    let memory = one(&root, "section[data-issue=memory]");
    let boxed: HtmlInputElement = one(&memory, ".trd-issue__question input")
        .dyn_into()
        .unwrap();
    assert!(boxed.checked());
    assert_eq!(
        text(&one(&memory, ".trd-issue__question .trd-hint")),
        "Added to my questions"
    );
    let onset = one(&root, "section[data-issue=onset]");
    let other: HtmlInputElement = one(&onset, ".trd-issue__question input")
        .dyn_into()
        .unwrap();
    assert!(!other.checked());
    assert_eq!(
        text(&one(&onset, ".trd-issue__question .trd-hint")),
        "Add to my questions"
    );
    app.destroy();
}

#[wasm_bindgen_test]
async fn nothing_ticked_shows_only_the_chips_and_a_prompt() {
    let (root, _, app) = mount(&[], &[]).await;
    assert!(all(&root, "section.trd-issue").is_empty());
    let status = one(&root, ".trd-matters__status");
    assert!(text(&status).starts_with("Choose one or more issues"));
    app.destroy();
}
