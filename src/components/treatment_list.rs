use std::rc::Rc;

use yew::prelude::*;

use super::{heading, TreatmentCardProps};
use crate::collections::sort_by;
use crate::content::Content;
use crate::progressive::DeferredCard;
use crate::search::Query;
use crate::state::{Action, ExplainerState};

/// The cards under their category headings. While searching, groups and cards are ordered
/// by rank (best match first). Cards that do not match stay mounted but `hidden`, so
/// typing, filtering and clearing only move and show nodes instead of rebuilding cards.
/// `visible` holds indices into `content.cards` in rank order. `defer`: the cards are
/// hydrated after the first render (see progressive.rs).
#[allow(clippy::too_many_arguments)]
pub fn treatment_list(
    content: &Rc<Content>,
    visible: &[usize],
    state: &ExplainerState,
    query: &Rc<Query>,
    no_query: &Rc<Query>,
    level: u8,
    section_level: u8,
    defer: bool,
    dispatch: &Callback<Action>,
) -> Html {
    let mut rank = vec![usize::MAX; content.cards.len()];
    for (r, &i) in visible.iter().enumerate() {
        rank[i] = r;
    }
    let mut groups: Vec<(usize, Vec<usize>)> = content
        .categories
        .iter()
        .enumerate()
        .map(|(g, cat)| {
            let mut members: Vec<usize> = (0..content.cards.len())
                .filter(|&i| content.cards[i].category == cat.id)
                .collect();
            sort_by(&mut members, |a, b| rank[*a].cmp(&rank[*b]).then(a.cmp(b)));
            (g, members)
        })
        .collect();
    if !query.is_empty() {
        let best = |m: &Vec<usize>| m.first().map_or(usize::MAX, |&i| rank[i]);
        sort_by(&mut groups, |a, b| {
            best(&a.1).cmp(&best(&b.1)).then(a.0.cmp(&b.0))
        });
    }

    let card = |i: usize| {
        let c = &content.cards[i];
        let shown = rank[i] != usize::MAX;
        let ticked = state.questions.of_card(&c.id);
        let card = TreatmentCardProps {
            card: c.clone(),
            content: content.clone(),
            open: state.is_open(&c.id),
            level,
            query: if shown {
                query.clone()
            } else {
                no_query.clone()
            },
            ticked: Rc::new(ticked),
            dispatch: dispatch.clone(),
        };
        html! { <DeferredCard key={c.id.clone()} card={Rc::new(card)} hidden={!shown} {defer} /> }
    };
    let sections = groups.into_iter().map(|(g, members)| {
        let cat = &content.categories[g];
        let id = format!("trd-group-{}", cat.id.slug());
        let any = members.iter().any(|&i| rank[i] != usize::MAX);
        html! {
            <section class="trd-group" key={id.clone()} hidden={!any}>
                { heading(section_level, Some(id), "trd-group__heading", html! { cat.name.clone() }) }
                <p class="trd-group__description">{ &cat.description }</p>
                <ul class="trd-list" role="list">{ for members.into_iter().map(card) }</ul>
            </section>
        }
    });
    html! { <div class="trd-groups">{ for sections }</div> }
}
