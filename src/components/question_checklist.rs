use std::rc::Rc;

use yew::prelude::*;

use super::{heading, Highlighted};
use crate::content::Card;
use crate::search::Query;

#[derive(Properties, PartialEq)]
pub struct QuestionChecklistProps {
    pub card: Rc<Card>,
    pub heading: AttrValue,
    pub hint: AttrValue,
    pub level: u8,
    /// Positions of the ticked questions.
    pub ticked: Rc<Vec<usize>>,
    pub query: Rc<Query>,
    pub on_toggle: Callback<usize>,
}

/// "Questions to ask your doctor", each one a checkbox that adds it to My questions.
#[function_component]
pub fn QuestionChecklist(props: &QuestionChecklistProps) -> Html {
    let slug = &props.card.id;
    let hint_id = format!("{slug}-questions-hint");
    let items = props.card.questions.iter().enumerate().map(|(i, q)| {
        let id = format!("{slug}-q{i}");
        let onchange = props.on_toggle.reform(move |_: Event| i);
        html! {
            <li class="trd-question">
                <input type="checkbox" class="trd-question__box" id={id.clone()}
                    checked={props.ticked.contains(&i)} aria-describedby={hint_id.clone()} {onchange} />
                <label for={id}><Highlighted text={q.clone()} query={props.query.clone()} /></label>
            </li>
        }
    });
    html! {
        <div class="trd-section trd-section--questions">
            { heading(props.level, None, "trd-section__heading", html! { props.heading.clone() }) }
            <p class="trd-hint trd-app-only" id={hint_id.clone()}>{ props.hint.clone() }</p>
            <ul class="trd-questions">{ for items }</ul>
        </div>
    }
}
