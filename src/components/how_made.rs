use yew::prelude::*;

use super::heading;
use crate::config::{Options, Publisher};
use crate::content::{fill, About, AboutPart, Content, ABOUT_ID, PRIVACY_ID, REPORT_ID};

/// "How this guide was made": what the guide is for, how it was made and checked, money
/// and conflicts of interest (the guide's and the publisher's), updates with the dated
/// list of changes, how to report a mistake, its limits and what it stores. A native
/// disclosure, like the intro's: it works before the wasm and without it, find-in-page
/// opens it, print shows it open, and links from the disclaimer and the foot of every
/// view open it (`app/about_links.rs`, `static/trd-accordion.js`).
pub fn how_made(content: &Content, options: &Options, level: u8) -> Html {
    let Some(about) = content.about.as_deref() else {
        return Html::default();
    };
    let publisher = &options.publisher;
    let sub = (level + 1).min(6);
    let review = review_line(content, publisher)
        .map(|line| html! { <p class="trd-how-made__review">{ line }</p> });
    let statement = match &publisher.disclosure {
        Some(text) => {
            let lead = match &publisher.name {
                Some(name) => fill(&about.statement, &[("publisher", name)]),
                None => about.statement_anonymous.clone(),
            };
            html! {
                <blockquote class="trd-how-made__statement">
                    <p class="trd-how-made__statement-lead">{ lead }</p>
                    <p>{ text }</p>
                </blockquote>
            }
        }
        None => html! { <p>{ &about.statement_none }</p> },
    };
    let report = match &publisher.contact {
        Some(href) => html! {
            <p>
                { &about.report_to }{ " " }
                <a href={href.clone()}>{ href.strip_prefix("mailto:").unwrap_or(href) }</a>
            </p>
        },
        None => html! { <p>{ &about.report_default }</p> },
    };
    let updates = html! { <>
        <p>{ fill(&about.last_review, &[("date", &content.format_date(&content.meta.reviewed))]) }</p>
        { heading((sub + 1).min(6), None, "trd-how-made__changes-heading", html! { about.changes_heading.clone() }) }
        { changes(content, about) }
    </> };
    html! {
        <details class="trd-disclosure trd-how-made">
            <summary class="trd-disclosure__summary">
                { heading(level, None, "trd-how-made__heading", html! { about.heading.clone() }) }
            </summary>
            // The link target is the content, not the `<details>`: the browser's own
            // fragment navigation opens a closed disclosure around its target (so links
            // work without JavaScript too), but not one that is the target.
            <div class="trd-how-made__body" id={ABOUT_ID}>
                <p class="trd-how-made__intro">{ &about.intro }</p>
                { part(&about.purpose, sub, None, Html::default()) }
                { part(&about.method, sub, None, review.unwrap_or_default()) }
                { part(&about.money, sub, None, statement) }
                { part(&about.updates, sub, None, updates) }
                { part(&about.report, sub, Some(REPORT_ID), report) }
                { part(&about.limits, sub, None, Html::default()) }
                { part(&about.privacy, sub, Some(PRIVACY_ID), Html::default()) }
                { structured_data(publisher, options.own_page) }
            </div>
        </details>
    }
}

/// One part: its heading (a link target when `id` is given; a link makes it focusable
/// when it moves focus there), its paragraphs, then what the configuration adds.
fn part(part: &AboutPart, level: u8, id: Option<&'static str>, extra: Html) -> Html {
    let tag = format!("h{level}");
    html! {
        <section class="trd-how-made__part">
            <@{tag} class="trd-how-made__part-heading" {id}>{ &part.heading }</@>
            { for part.paragraphs.iter().map(|p| html! { <p>{ p }</p> }) }
            { extra }
        </section>
    }
}

/// The dated list of changes, newest first, each with the titles of the cards it changed.
fn changes(content: &Content, about: &About) -> Html {
    let items = about.changes.iter().map(|change| {
        let titles: Vec<&str> = (change.cards.iter())
            .filter_map(|id| content.card(id).map(|c| c.title.as_str()))
            .collect();
        let cards = (!titles.is_empty())
            .then(|| fill(&about.changed_cards, &[("cards", &titles.join(", "))]));
        html! {
            <li>
                <time datetime={change.date.clone()}>{ content.format_date(&change.date) }</time>
                { ": " }{ &change.summary }
                if let Some(cards) = cards {
                    { " " }{ cards }
                }
            </li>
        }
    });
    html! { <ul class="trd-how-made__changes">{ for items }</ul> }
}

/// "Medically reviewed for {publisher} by {name}, {credentials}, on {date}.", only when the
/// publisher configured a reviewer and the date of the review; never otherwise.
pub fn review_line(content: &Content, publisher: &Publisher) -> Option<String> {
    let about = content.about.as_deref()?;
    let review = publisher.review()?;
    let name = match review.credentials {
        Some(credentials) => fill(
            &about.reviewer_credentials,
            &[("reviewer", review.reviewer), ("credentials", credentials)],
        ),
        None => review.reviewer.to_owned(),
    };
    let date = content.format_date(review.date);
    Some(match review.publisher {
        Some(publisher) => fill(
            &about.reviewed_for,
            &[("publisher", publisher), ("name", &name), ("date", &date)],
        ),
        None => fill(&about.reviewed_by, &[("name", &name), ("date", &date)]),
    })
}

/// The publisher's review as schema.org data, for an embedded widget (the standalone
/// page's head carries it instead, see prerender.rs). Not executed, so any policy allows it.
fn structured_data(publisher: &Publisher, own_page: bool) -> Html {
    match publisher.review() {
        Some(review) if !own_page => html! {
            <script type="application/ld+json">{ review.json_ld() }</script>
        },
        _ => Html::default(),
    }
}

/// Links to the section and to "Found a mistake?", at the foot of every view.
pub fn about_links(content: &Content) -> Html {
    let Some(about) = content.about.as_deref() else {
        return Html::default();
    };
    html! {
        <p class="trd-view__footer">
            <a href={format!("#{ABOUT_ID}")}>{ &about.heading }</a>
            { " · " }
            <a href={format!("#{REPORT_ID}")}>{ &about.report.heading }</a>
        </p>
    }
}
