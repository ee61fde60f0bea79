use std::rc::Rc;

use yew::prelude::*;

use super::{heading, TreatmentCard};
use crate::collections::SmallSet;
use crate::content::Content;
use crate::search::Query;
use crate::state::QuestionRef;

/// The cards: grouped under their category headings, or as one ranked list while
/// searching. `visible` holds indices into `content.cards`, in display order.
#[allow(clippy::too_many_arguments)]
pub fn treatment_list(
    content: &Rc<Content>,
    visible: &[usize],
    open: &SmallSet<String>,
    questions: &SmallSet<QuestionRef>,
    query: &Rc<Query>,
    level: u8,
    section_level: u8,
    on_toggle: &Callback<String>,
    on_question: &Callback<(String, usize)>,
) -> Html {
    let card = |i: usize| {
        let c = &content.cards[i];
        let ticked: Vec<usize> = questions
            .iter()
            .filter(|(id, _)| *id == c.id)
            .map(|(_, q)| *q)
            .collect();
        html! {
            <li class="trd-list__item" key={c.id.clone()}>
                <TreatmentCard card={c.clone()} content={content.clone()} open={open.contains(&c.id)}
                    {level} query={query.clone()} ticked={Rc::new(ticked)}
                    on_toggle={on_toggle.clone()} on_question={on_question.clone()} />
            </li>
        }
    };
    if !query.is_empty() {
        return html! { <ul class="trd-list" role="list">{ for visible.iter().map(|&i| card(i)) }</ul> };
    }
    let groups = content.categories.iter().filter_map(|cat| {
        let members: Vec<usize> = visible.iter().copied().filter(|&i| content.cards[i].category == cat.id).collect();
        if members.is_empty() {
            return None;
        }
        let id = format!("trd-group-{}", cat.id.slug());
        Some(html! {
            <section class="trd-group" key={id.clone()}>
                { heading(section_level, Some(id), "trd-group__heading", html! { cat.name.clone() }) }
                <p class="trd-group__description">{ &cat.description }</p>
                <ul class="trd-list" role="list">{ for members.into_iter().map(card) }</ul>
            </section>
        })
    });
    html! { <div class="trd-groups">{ for groups }</div> }
}
