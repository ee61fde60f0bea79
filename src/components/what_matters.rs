use yew::prelude::*;

use super::{heading, source_list};
use crate::content::{counted, fill, issue_cards, Content, IssueCard, Source, ISSUES};

/// What the reader did in the "What matters to me" view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MattersEvent {
    /// An issue chip was pressed: tick the issue if it was not ticked, untick it if it was.
    ToggleIssue(&'static str),
    /// The checkbox of an issue's question for the doctor was changed: add the question to
    /// My questions, or take it out again.
    ToggleQuestion(&'static str),
    /// "See the numbers" beside an evidence answer: show that card's fact boxes.
    ShowFacts(String),
}

/// "What matters to me": chips for the issues a reader cares about, and one issue card
/// per ticked issue listing every visible treatment's answer, grouped in a natural order
/// (fastest first, least time first), each answer with its sources.
///
/// A plain function rather than a component: it holds no state, and every component
/// type adds its own copy of Yew's machinery to the wasm.
/// - `visible`: indices of the cards passing the current search and filters (as for the
///   compare table); research cards among them are skipped.
/// - `issues`: slugs of the ticked issues, in any order (shown in the issue table's order).
/// - `questions`: slugs of the issues whose question is in My questions.
/// - `level`: the view heading's level; issue cards sit one below, their answer groups
///   and sources two below.
/// - `live`: false until the app has hydrated; the chips need it.
pub fn what_matters(
    content: &Content,
    visible: &[usize],
    issues: &[String],
    questions: &[String],
    level: u8,
    live: bool,
    on_event: &Callback<MattersEvent>,
) -> Html {
    let Some(m) = content.matters.as_deref() else {
        return Html::default();
    };
    let s = &m.strings;
    let visible: Vec<&str> = visible
        .iter()
        .filter_map(|&i| content.cards.get(i))
        .map(|c| c.id.as_str())
        .collect();
    let cards = issue_cards(content, &visible, issues);
    let treatments = content
        .cards
        .iter()
        .filter(|c| c.is_treatment() && visible.contains(&c.id.as_str()))
        .count();

    let chips = ISSUES.iter().filter_map(|spec| {
        let issue = m.issue(spec.slug)?;
        let pressed = issues.iter().any(|t| t == spec.slug);
        let onclick = on_event.reform(move |_: MouseEvent| MattersEvent::ToggleIssue(spec.slug));
        Some(html! {
            <button type="button" class="trd-chip" data-issue={spec.slug}
                aria-pressed={pressed.to_string()} disabled={!live} {onclick}>
                { &issue.label }
            </button>
        })
    });

    let status = match (cards.len(), treatments) {
        (0, _) => s.empty.clone(),
        (_, 0) => s.no_treatments.clone(),
        (n, t) => {
            let issues = counted(n, &s.issues_one, &s.issues_many);
            let treatments = counted(t, &s.treatments_one, &s.treatments_many);
            fill(
                &s.status,
                &[("issues", &issues), ("treatments", &treatments)],
            )
        }
    };

    let sub = (level + 1).min(6);
    let issue_cards = cards
        .iter()
        .map(|card| issue_card(content, card, sub, questions, on_event));

    html! {
        <section class="trd-matters" aria-labelledby="trd-matters-heading">
            { heading(level, Some("trd-matters-heading".into()), "trd-view__heading", html! { s.view.clone() }) }
            <p class="trd-matters__intro">{ &s.intro }</p>
            <fieldset class="trd-matters__issues">
                <legend class="trd-matters__legend">{ &s.legend }</legend>
                <div class="trd-matters__chips">{ for chips }</div>
            </fieldset>
            <p class="trd-matters__status" role="status">{ status }</p>
            <div class="trd-matters__cards">{ for issue_cards }</div>
        </section>
    }
}

/// One ticked issue: its heading and note, the answer groups, the question to add to My
/// questions, and the full references cited on it.
fn issue_card(
    content: &Content,
    card: &IssueCard,
    level: u8,
    questions: &[String],
    on_event: &Callback<MattersEvent>,
) -> Html {
    let Some(m) = content.matters.as_deref() else {
        return Html::default();
    };
    let s = &m.strings;
    let slug = card.slug;
    let id = format!("trd-issue-{slug}");
    let sub = (level + 1).min(6);

    let groups = card.groups.iter().map(|group| {
        let answers = group.answers.iter().map(|a| {
            let cite = super::cite(crate::content::citation(a.sources.iter().copied()));
            // How strong the evidence is: the card's own numbers are one step away.
            let numbers = (slug == "evidence" && !a.card.facts.is_empty()).then(|| {
                let id = a.card.id.clone();
                let onclick = on_event.reform(move |e: MouseEvent| {
                    e.prevent_default();
                    MattersEvent::ShowFacts(id.clone())
                });
                html! {
                    <a class="trd-issue__numbers" href={format!("#{}-facts", a.card.id)} {onclick}>
                        { content.facts.get("see-numbers") }
                        <span class="trd-sr-only">{ format!(": {}", a.card.title) }</span>
                    </a>
                }
            });
            html! {
                <li class="trd-issue__answer" data-card={a.card.id.clone()}>
                    <span class="trd-issue__treatment">{ &a.card.title }</span>
                    <span class="trd-issue__text">{ a.text }{ cite }</span>
                    { numbers }
                </li>
            }
        });
        html! {
            <div class="trd-issue__group" data-class={group.class}>
                { heading(sub, None, "trd-issue__group-label", html! { group.label.to_owned() }) }
                <ul class="trd-issue__answers">{ for answers }</ul>
            </div>
        }
    });

    let added = questions.iter().any(|q| q == slug);
    let box_id = format!("{id}-question");
    let hint_id = format!("{id}-question-hint");
    let onchange = on_event.reform(move |_: Event| MattersEvent::ToggleQuestion(slug));
    let sources: Vec<Source> = card.sources().into_iter().cloned().collect();

    html! {
        <section class="trd-issue" id={id.clone()} data-issue={slug} aria-labelledby={format!("{id}-heading")}>
            { heading(level, Some(format!("{id}-heading")), "trd-issue__heading", html! { card.text.heading.clone() }) }
            <p class="trd-issue__note">{ &card.text.note }</p>
            if card.groups.is_empty() {
                <p class="trd-empty">{ &s.no_treatments }</p>
            }
            { for groups }
            <div class="trd-issue__question">
                { heading(sub, None, "trd-issue__group-label", html! { s.question_heading.clone() }) }
                <div class="trd-question">
                    <input type="checkbox" class="trd-question__box" id={box_id.clone()}
                        checked={added} aria-describedby={hint_id.clone()} {onchange} />
                    <label for={box_id}>{ &card.text.question }</label>
                </div>
                <p class={classes!("trd-hint", "trd-app-only", added.then_some("trd-issue__added"))} id={hint_id}>
                    { if added { &s.question_added } else { &s.question_add } }
                </p>
            </div>
            if !sources.is_empty() {
                { source_list(&content.ui.sources, sub, &sources) }
            }
        </section>
    }
}
