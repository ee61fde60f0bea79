use yew::prelude::*;

use super::{heading, highlighted};
use crate::content::{Card, Content};
use crate::search::Query;

/// "Questions to ask your doctor", each one a checkbox that adds it to My questions.
/// `ticked` holds the positions of the ticked questions.
pub fn question_checklist(
    card: &Card,
    content: &Content,
    level: u8,
    ticked: &[usize],
    query: &Query,
    on_toggle: &Callback<usize>,
) -> Html {
    let slug = &card.id;
    let hint_id = format!("{slug}-questions-hint");
    let items = card.questions.iter().enumerate().map(|(i, q)| {
        let id = format!("{slug}-q{i}");
        let onchange = on_toggle.reform(move |_: Event| i);
        html! {
            <li class="trd-question">
                <input type="checkbox" class="trd-question__box" id={id.clone()}
                    checked={ticked.contains(&i)} aria-describedby={hint_id.clone()} {onchange} />
                <label for={id}>{ highlighted(q, query) }</label>
            </li>
        }
    });
    html! {
        <div class="trd-section trd-section--questions">
            { heading(level, None, "trd-section__heading", html! { content.ui.questions.clone() }) }
            <p class="trd-hint trd-app-only" id={hint_id.clone()}>{ &content.ui.question_add }</p>
            <ul class="trd-questions">{ for items }</ul>
        </div>
    }
}
