use std::rc::Rc;

use yew::prelude::*;

use super::{heading, TreatmentCard};
use crate::collections::SmallSet;
use crate::content::Content;
use crate::search::Query;
use crate::state::QuestionRef;

#[derive(Properties, PartialEq)]
pub struct TreatmentListProps {
    pub content: Rc<Content>,
    /// Indices into `content.cards`, in display order.
    pub visible: Rc<Vec<usize>>,
    pub open: Rc<SmallSet<String>>,
    pub questions: Rc<SmallSet<QuestionRef>>,
    pub query: Rc<Query>,
    pub level: u8,
    pub section_level: u8,
    pub on_toggle: Callback<String>,
    pub on_question: Callback<(String, usize)>,
}

/// The cards: grouped under their category headings, or as one ranked list while searching.
#[function_component]
pub fn TreatmentList(props: &TreatmentListProps) -> Html {
    let content = &props.content;
    let card = |i: usize| {
        let c = &content.cards[i];
        let ticked: Vec<usize> = props
            .questions
            .iter()
            .filter(|(id, _)| *id == c.id)
            .map(|(_, q)| *q)
            .collect();
        html! {
            <li class="trd-list__item" key={c.id.clone()}>
                <TreatmentCard card={c.clone()} content={content.clone()} open={props.open.contains(&c.id)}
                    level={props.level} query={props.query.clone()} ticked={Rc::new(ticked)}
                    on_toggle={props.on_toggle.clone()} on_question={props.on_question.clone()} />
            </li>
        }
    };
    if !props.query.is_empty() {
        return html! { <ul class="trd-list" role="list">{ for props.visible.iter().map(|&i| card(i)) }</ul> };
    }
    let groups = content.categories.iter().filter_map(|cat| {
        let members: Vec<usize> =
            props.visible.iter().copied().filter(|&i| content.cards[i].category == cat.id).collect();
        if members.is_empty() {
            return None;
        }
        let id = format!("trd-group-{}", cat.id.slug());
        Some(html! {
            <section class="trd-group" key={id.clone()}>
                { heading(props.section_level, Some(id), "trd-group__heading", html! { cat.name.clone() }) }
                <p class="trd-group__description">{ &cat.description }</p>
                <ul class="trd-list" role="list">{ for members.into_iter().map(card) }</ul>
            </section>
        })
    });
    html! { <div class="trd-groups">{ for groups }</div> }
}
