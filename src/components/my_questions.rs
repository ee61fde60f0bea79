use std::rc::Rc;

use yew::prelude::*;

use super::heading;
use crate::browser;
use crate::content::Content;
use crate::questions::Questions;
use crate::state::{Action, Notice};

/// Added to the widget root while printing, so only the question list prints.
const PRINT_CLASS: &str = "trd--print-questions";

#[derive(Properties, PartialEq)]
pub struct MyQuestionsProps {
    pub content: Rc<Content>,
    pub ticked: Rc<Questions>,
    pub level: u8,
    pub dispatch: Callback<Action>,
}

/// The reader's own list of questions for their doctor: print it, copy it, prune it.
#[function_component]
pub fn MyQuestions(props: &MyQuestionsProps) -> Html {
    let ui = &props.content.ui;
    let section = use_node_ref();
    let groups = props.ticked.group(&props.content);
    let issue_questions = props.ticked.issue_questions(&props.content);
    let sub = (props.level + 1).min(6);
    let on_print = {
        let section = section.clone();
        Callback::from(move |_: MouseEvent| {
            let root = section.cast::<web_sys::Element>();
            if let Some(root) = root.and_then(|el| el.closest(".trd").ok().flatten()) {
                browser::print_with_class(&root, PRINT_CLASS);
            }
        })
    };
    let on_copy = {
        let (section, dispatch) = (section.clone(), props.dispatch.clone());
        let text = props.ticked.to_text(&props.content);
        Callback::from(move |_: MouseEvent| {
            let (section, dispatch, text) = (section.clone(), dispatch.clone(), text.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let Some(el) = section.cast::<web_sys::Element>() else {
                    return;
                };
                let ok = browser::copy_text(&el, &text).await;
                dispatch.emit(Action::Notify(if ok {
                    Notice::Copied
                } else {
                    Notice::CopyFailed
                }));
            });
        })
    };
    let body = if groups.is_empty() && issue_questions.is_empty() {
        html! { <p class="trd-empty">{ &ui.my_questions_empty }</p> }
    } else {
        let lists = groups.into_iter().map(|(card, qs)| {
            let items = qs.into_iter().map(|(i, q)| {
                let id = format!("myq-{}-{i}", card.id);
                let slug = card.id.clone();
                html! {
                    <li class="trd-question">
                        <input type="checkbox" class="trd-question__box" id={id.clone()} checked=true
                            onchange={props.dispatch.reform(move |_: Event| Action::ToggleQuestion(slug.clone(), i))} />
                        <label for={id}>{ q }</label>
                    </li>
                }
            });
            html! {
                <div class="trd-my-questions__group" key={card.id.clone()}>
                    { heading(sub, None, "trd-my-questions__title", html! { card.title.clone() }) }
                    <ul class="trd-questions">{ for items }</ul>
                </div>
            }
        });
        // The questions added from "What matters to me", under the view's name.
        let issues = match (props.content.matters.as_deref(), issue_questions.is_empty()) {
            (Some(m), false) => {
                let items = issue_questions.into_iter().map(|(slug, q)| {
                    let id = format!("myq-issue-{slug}");
                    html! {
                        <li class="trd-question">
                            <input type="checkbox" class="trd-question__box" id={id.clone()} checked=true
                                onchange={props.dispatch.reform(move |_: Event| Action::ToggleIssueQuestion(slug))} />
                            <label for={id}>{ q }</label>
                        </li>
                    }
                });
                html! {
                    <div class="trd-my-questions__group">
                        { heading(sub, None, "trd-my-questions__title", html! { m.strings.view.clone() }) }
                        <ul class="trd-questions">{ for items }</ul>
                    </div>
                }
            }
            _ => Html::default(),
        };
        html! {
            <>
                <div class="trd-my-questions__actions">
                    <button type="button" class="trd-button" onclick={on_print}>{ &ui.my_questions_print }</button>
                    <button type="button" class="trd-button" onclick={on_copy}>{ &ui.my_questions_copy }</button>
                    <button type="button" class="trd-button trd-button--quiet"
                        onclick={props.dispatch.reform(|_| Action::ClearQuestions)}>{ &ui.my_questions_clear }</button>
                </div>
                { for lists }
                { issues }
            </>
        }
    };
    html! {
        <section class="trd-my-questions" ref={section}>
            { heading(props.level, Some("trd-my-questions-heading".into()), "trd-view__heading", html! { ui.my_questions_heading.clone() }) }
            <p class="trd-my-questions__intro">{ &ui.my_questions_intro }</p>
            { body }
        </section>
    }
}
