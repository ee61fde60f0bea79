use std::rc::Rc;

use yew::prelude::*;

use super::heading;
use crate::collections::SmallSet;
use crate::content::{Card, Content};
use crate::state::QuestionRef;

/// A card and its ticked questions (position, text).
pub type QuestionGroup = (Rc<Card>, Vec<(usize, String)>);

/// Ticked questions grouped by card, in content order.
pub fn group_questions(content: &Content, ticked: &SmallSet<QuestionRef>) -> Vec<QuestionGroup> {
    content
        .cards
        .iter()
        .filter_map(|card| {
            let qs: Vec<(usize, String)> = card
                .questions
                .iter()
                .enumerate()
                .filter(|(i, _)| ticked.contains(&(card.id.clone(), *i)))
                .map(|(i, q)| (i, q.clone()))
                .collect();
            (!qs.is_empty()).then(|| (card.clone(), qs))
        })
        .collect()
}

/// The list as plain text, for the clipboard.
pub fn questions_as_text(content: &Content, ticked: &SmallSet<QuestionRef>) -> String {
    let mut out = format!("{}\n", content.ui.my_questions_heading);
    for (card, qs) in group_questions(content, ticked) {
        out.push('\n');
        out.push_str(&card.title);
        out.push('\n');
        for (_, q) in qs {
            out.push_str("- ");
            out.push_str(&q);
            out.push('\n');
        }
    }
    out
}

#[derive(Properties, PartialEq)]
pub struct MyQuestionsProps {
    pub content: Rc<Content>,
    pub ticked: Rc<SmallSet<QuestionRef>>,
    pub level: u8,
    pub on_toggle: Callback<(String, usize)>,
    pub on_print: Callback<()>,
    pub on_copy: Callback<()>,
    pub on_clear: Callback<()>,
}

/// The reader's own list of questions for their doctor: print it, copy it, prune it.
#[function_component]
pub fn MyQuestions(props: &MyQuestionsProps) -> Html {
    let ui = &props.content.ui;
    let groups = group_questions(&props.content, &props.ticked);
    let sub = (props.level + 1).min(6);
    let body = if groups.is_empty() {
        html! { <p class="trd-empty">{ &ui.my_questions_empty }</p> }
    } else {
        let lists = groups.into_iter().map(|(card, qs)| {
            let items = qs.into_iter().map(|(i, q)| {
                let id = format!("myq-{}-{i}", card.id);
                let slug = card.id.clone();
                html! {
                    <li class="trd-question">
                        <input type="checkbox" class="trd-question__box" id={id.clone()} checked=true
                            onchange={props.on_toggle.reform(move |_: Event| (slug.clone(), i))} />
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
        html! {
            <>
                <div class="trd-my-questions__actions">
                    <button type="button" class="trd-button" onclick={props.on_print.reform(|_| ())}>{ &ui.my_questions_print }</button>
                    <button type="button" class="trd-button" onclick={props.on_copy.reform(|_| ())}>{ &ui.my_questions_copy }</button>
                    <button type="button" class="trd-button trd-button--quiet" onclick={props.on_clear.reform(|_| ())}>{ &ui.my_questions_clear }</button>
                </div>
                { for lists }
            </>
        }
    };
    html! {
        <section class="trd-my-questions">
            { heading(props.level, Some("trd-my-questions-heading".into()), "trd-view__heading", html! { ui.my_questions_heading.clone() }) }
            <p class="trd-my-questions__intro">{ &ui.my_questions_intro }</p>
            { body }
        </section>
    }
}
