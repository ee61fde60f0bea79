//! Checks a locale's content before it can ship: the rules in the fact sheet
//! (every figure sourced, every card sourced) and the outline (slugs, categories). Here the
//! rules for the whole locale and for points and sources; each card's own in `cards.rs`.
//! The few phrases the checks look for come from the locale file (`Phrases`).

mod cards;

use std::collections::HashSet;

use super::card::{Category, Point, Source};
use super::model::{Content, Region};
use super::phrases::Phrases;
use super::text::{has_figure, has_number, safe_href};
use super::ui::UiStrings;

/// Every problem in a built-in locale but the fairness rules', each naming the card or
/// block it is in (`content::validate` adds those). `phrases` are the locale file's own.
pub fn check(content: &Content, phrases: &Phrases) -> Vec<String> {
    let mut errors = Vec::new();
    // A typo in the file would otherwise drop its text silently (`[matters]` typos are
    // reported by its own checks).
    for path in &content.unknown_fields {
        if !path.starts_with("matters.") {
            errors.push(format!("unknown field `{path}`"));
        }
    }
    check_ui_and_categories(&mut errors, content);
    check_sources(&mut errors, "intro", &content.intro.sources);
    if content.intro.lead.is_empty() {
        errors.push("intro: no `lead` (the sentences shown before the rest)".into());
    }
    for (field, points) in [
        ("lead", &content.intro.lead),
        ("paragraphs", &content.intro.paragraphs),
    ] {
        check_points(&mut errors, "intro", field, points, &content.intro.sources);
    }
    if content.safety.more.trim().is_empty() {
        errors.push("safety: `more` (the label of the full list of lines) is empty".into());
    }
    check_crisis_lines(&mut errors, content, phrases);
    errors.extend(check_glossary(content));
    let mut ids = HashSet::new();
    for card in &content.cards {
        let who = format!("card `{}`", card.id);
        if !ids.insert(card.id.as_str()) {
            errors.push(format!("{who}: duplicate id"));
        }
        cards::check_card(&mut errors, &who, card, content, phrases);
        errors.extend(super::facts::check(card, &content.facts));
    }
    if content.cards.iter().any(|c| !c.facts.is_empty()) {
        errors.extend(super::facts::check_strings(&content.facts));
    }
    errors
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Checks points against a source list: keys resolve, figures carry a source.
fn check_points(
    errors: &mut Vec<String>,
    whose: &str,
    where_: &str,
    points: &[Point],
    sources: &[Source],
) {
    for p in points {
        if p.text.trim().is_empty() {
            errors.push(format!("{whose}: empty point in {where_}"));
        }
        for key in &p.cite {
            if !sources.iter().any(|s| &s.id == key) {
                errors.push(format!("{whose}: {where_} cites unknown source `{key}`"));
            }
        }
        if p.cite.is_empty() && (has_figure(&p.text) || has_number(&p.text)) {
            errors.push(format!(
                "{whose}: figure without a source in {where_}: \"{}\"",
                p.text
            ));
        }
    }
}

fn check_sources(errors: &mut Vec<String>, whose: &str, sources: &[Source]) {
    let mut seen = HashSet::new();
    for s in sources {
        if !is_slug(&s.id) {
            errors.push(format!(
                "{whose}: source key `{}` must be lowercase letters, digits and dashes",
                s.id
            ));
        }
        if !seen.insert(&s.id) {
            errors.push(format!("{whose}: duplicate source key `{}`", s.id));
        }
        if s.short.trim().is_empty() || s.text.trim().is_empty() {
            errors.push(format!(
                "{whose}: source `{}` needs `short` and `text`",
                s.id
            ));
        }
        if let Some(url) = &s.url {
            if safe_href(url).is_none() || !url.starts_with("https://") {
                errors.push(format!(
                    "{whose}: source `{}` has an unsafe or non-https url `{url}`",
                    s.id
                ));
            }
        }
    }
}

fn check_ui_and_categories(errors: &mut Vec<String>, content: &Content) {
    for key in UiStrings::KEYS {
        if content.ui.get(key).is_none_or(|v| v.trim().is_empty()) {
            errors.push(format!("ui: string `{key}` is empty"));
        }
    }
    if content.ui.month_names.split_whitespace().count() != 12 {
        errors.push("ui: `month_names` must list 12 month names".into());
    }
    for cat in Category::ALL {
        match content.categories.iter().filter(|c| c.id == cat).count() {
            1 => {}
            n => errors.push(format!(
                "categories: `{}` listed {n} times (must be once)",
                cat.slug()
            )),
        }
    }
}

/// Every region has a line, every link is safe, and every number shown is one tap away
/// (a `tel:` link, or an `sms:` link for a number that only takes texts).
fn check_crisis_lines(errors: &mut Vec<String>, content: &Content, phrases: &Phrases) {
    for region in Region::CHOOSABLE.into_iter().chain([Region::Emergency]) {
        if !content.safety.lines.iter().any(|l| l.region == region) {
            errors.push(format!("safety: no crisis line for region {region:?}"));
        }
    }
    for line in &content.safety.lines {
        let links = line.contacts.iter().chain(line.strip_contact.iter());
        for link in links {
            if safe_href(&link.href).is_none() {
                errors.push(format!(
                    "safety: `{}` has an unsafe link `{}`",
                    line.name, link.href
                ));
            }
        }
        let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
        for number in phone_numbers(&line.detail) {
            let linked = line.contacts.iter().any(|c| {
                (c.href.starts_with("tel:") || c.href.starts_with("sms:"))
                    && digits(c.href.split('?').next().unwrap_or_default()) == digits(&number)
            });
            if !linked {
                errors.push(format!(
                    "safety: `{}` shows {number} without a `tel:` (or `sms:`) link",
                    line.name
                ));
            }
        }
        if line
            .detail
            .to_lowercase()
            .contains(phrases.text_988.as_str())
            && !line.contacts.iter().any(|c| c.href.starts_with("sms:988"))
        {
            errors.push(format!(
                "safety: `{}` says text 988 without an `sms:988` link",
                line.name
            ));
        }
    }
}

/// Phone numbers written in a crisis line's text: runs of digits (with spaces, no-break
/// spaces or dashes inside) at least 3 digits long, e.g. "988", "116 123", "13 11 14",
/// "9-8-8".
fn phone_numbers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let joins = [' ', '\u{a0}', '\u{202f}', '-'].contains(&c)
            && !current.is_empty()
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        if c.is_ascii_digit() || joins {
            current.push(c);
        } else {
            if current.chars().filter(char::is_ascii_digit).count() >= 3 {
                out.push(current.trim().to_owned());
            }
            current.clear();
        }
    }
    if current.chars().filter(char::is_ascii_digit).count() >= 3 {
        out.push(current.trim().to_owned());
    }
    out
}

fn check_glossary(content: &Content) -> Vec<String> {
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    for g in &content.glossary {
        if !is_slug(&g.id) || !seen.insert(&g.id) {
            errors.push(format!("glossary: id `{}` must be a unique slug", g.id));
        }
        if g.term.trim().is_empty() || g.definition.trim().is_empty() || g.forms.is_empty() {
            errors.push(format!(
                "glossary: `{}` needs a term, forms and a definition",
                g.id
            ));
        }
        if has_number(&g.definition) {
            errors.push(format!(
                "glossary: `{}` states a number without a source",
                g.id
            ));
        }
    }
    errors
}
