use yew::prelude::*;

use super::{heading, icon_array};
use crate::content::{fill, out_of_100, Card, Content, FactBox, FactRow, Group, Words};

/// "27 out of 100", or "fewer than 1 out of 100" when some had it but too few to round up.
pub fn out_of_text(words: &Words, group: &Group) -> String {
    let x = out_of_100(group);
    if x == 0 && group.events.is_some_and(|e| e > 0) {
        return words.get("under-one").to_owned();
    }
    fill(words.get("out-of"), &[("x", &x.to_string())])
}

/// The words for a percentage without counts: a plain share of the group, or what
/// `basis` says it is of.
pub fn basis_key(group: &Group) -> String {
    match group.basis.as_str() {
        "" => "basis-percent".to_owned(),
        slug => format!("basis-percent-{slug}"),
    }
}

/// When a row was measured: "at week 8", "over months 4 to 6".
pub fn time_text(words: &Words, group: &Group) -> String {
    let from = group.from.map(|f| f.to_string()).unwrap_or_default();
    fill(
        words.get(&format!("time-{}", group.unit)),
        &[("n", &group.at.to_string()), ("from", &from)],
    )
}

/// The outcome's name and what it means: "Remission: few or no symptoms left".
fn outcome_text(words: &Words, row: &FactRow) -> (String, String) {
    let key = format!("outcome-{}", row.outcome);
    (
        words.get(&key).to_owned(),
        words.get(&format!("{key}-meaning")).to_owned(),
    )
}

/// A card's fact boxes under "In numbers", right after its evidence. The section's id
/// (`<card>-facts`) is where "What matters to me" links; it takes focus when followed
/// (a `div`, not a `section`: eleven more landmarks would only be noise).
pub fn fact_boxes(card: &Card, content: &Content, level: u8) -> Html {
    if card.facts.is_empty() {
        return Html::default();
    }
    let words = &content.facts;
    let id = format!("{}-facts", card.id);
    let sub = (level + 1).min(6);
    html! {
        <div class="trd-facts" id={id.clone()} role="group" aria-labelledby={format!("{id}-heading")}>
            { heading(level, Some(format!("{id}-heading")), "trd-facts__heading", html! { words.get("heading").to_owned() }) }
            <p class="trd-facts__intro">{ words.get("intro") }</p>
            { for card.facts.iter().map(|b| fact_box(card, b, words, sub)) }
        </div>
    }
}

/// One study: who took part, each outcome by group, the source and how sure we can be.
fn fact_box(card: &Card, b: &FactBox, words: &Words, level: u8) -> Html {
    let source = card.source(&b.source);
    let study = fill(
        words.get("study"),
        &[
            ("design", words.get(&format!("design-{}", b.design))),
            ("people", &b.people.to_string()),
        ],
    );
    let certainty = words.get(&format!("certainty-{}", b.certainty));
    html! {
        <div class="trd-fact-box" data-box={b.id.clone()}>
            { heading(level, None, "trd-fact-box__title", html! { b.title.clone() }) }
            <p class="trd-fact-box__who"><strong>{ format!("{}: ", words.get("who")) }</strong>{ &b.population }</p>
            { for b.rows.iter().map(|row| fact_row(b, row, words)) }
            if !b.compared() {
                <p class="trd-fact-box__alone">{ words.get("no-comparison") }</p>
            }
            <p class="trd-fact-box__study"><strong>{ format!("{}: ", words.get("study-label")) }</strong>{ study }</p>
            if let Some(s) = source {
                <p class="trd-fact-box__source"><strong>{ format!("{}: ", words.get("source")) }</strong><cite>{ &s.text }</cite></p>
            }
            <p class="trd-fact-box__certainty">
                <strong>{ format!("{}: ", words.get("certainty")) }</strong>
                { format!("{certainty}. {}", b.reason) }
            </p>
        </div>
    }
}

/// One outcome at one time point, a line and an icon array per group.
fn fact_row(b: &FactBox, row: &FactRow, words: &Words) -> Html {
    let (name, meaning) = outcome_text(words, row);
    let groups = row.ordered(&b.lead);
    let when = groups
        .first()
        .map(|g| time_text(words, g))
        .unwrap_or_default();
    let outcome = if meaning.is_empty() {
        format!(", {when}")
    } else {
        format!(": {meaning}, {when}")
    };
    let items = groups.into_iter().map(|g| {
        let arm = b.arms.get(&g.arm);
        let label = if g.arm == b.lead {
            arm.to_owned()
        } else {
            format!("{arm} ({})", words.get(&format!("role-{}", g.role)))
        };
        let basis = match (g.events, g.percent) {
            (Some(e), _) => fill(
                words.get("basis-counts"),
                &[("events", &e.to_string()), ("size", &g.size.to_string())],
            ),
            (None, p) => fill(
                words.get(&basis_key(g)),
                &[
                    ("percent", &p.map(|p| p.show()).unwrap_or_default()),
                    ("size", &g.size.to_string()),
                ],
            ),
        };
        html! {
            <li class="trd-fact-group" data-arm={g.arm.clone()}>
                { icon_array(out_of_100(g)) }
                <p class="trd-fact-group__text">
                    <strong class="trd-fact-group__figure">{ out_of_text(words, g) }</strong>
                    <span class="trd-fact-group__arm">{ label }</span>
                    <span class="trd-fact-group__basis">{ basis }</span>
                </p>
            </li>
        }
    });
    html! {
        <div class={classes!("trd-fact-row", row.harm.then_some("trd-fact-row--harm"))} data-outcome={row.outcome.clone()}>
            <p class="trd-fact-row__outcome"><strong>{ name }</strong>{ outcome }</p>
            <ul class="trd-fact-row__groups">{ for items }</ul>
        </div>
    }
}
