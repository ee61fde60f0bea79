//! Checks a locale's content before it can ship: the rules in the fact sheet
//! (every figure sourced, every card sourced) and the outline (slugs, categories).

use std::collections::HashSet;

use super::model::*;

/// Whether a sentence states a statistical figure that needs a source:
/// a percentage, an odds/hazard ratio, an effect size, a sample size or a rating-scale change.
pub fn has_figure(text: &str) -> bool {
    if text.contains('%') || text.contains("MADRS") {
        return true;
    }
    const MARKERS: [&str; 6] = ["OR", "HR", "RR", "n", "g", "d"];
    let chars: Vec<char> = text.chars().collect();
    for (i, _) in chars.iter().enumerate() {
        // Start of a word only.
        if i > 0 && chars[i - 1].is_alphanumeric() {
            continue;
        }
        for m in MARKERS {
            let mc: Vec<char> = m.chars().collect();
            if chars.len() < i + mc.len() || chars[i..i + mc.len()] != mc[..] {
                continue;
            }
            let mut j = i + mc.len();
            let mut saw_sep = false;
            while j < chars.len() && (chars[j] == ' ' || chars[j] == '=') {
                saw_sep |= chars[j] == '=';
                j += 1;
            }
            // "OR 1.7" counts; "n 3" does not (single letters need an `=`).
            let needs_eq = mc.len() == 1;
            if j < chars.len()
                && chars[j].is_ascii_digit()
                && (saw_sep || !needs_eq)
                && j > i + mc.len()
            {
                return true;
            }
        }
    }
    false
}

/// Only web, mail and phone links are ever rendered; anything else (`javascript:`,
/// `data:`, relative paths) is refused.
pub fn safe_href(href: &str) -> Option<&str> {
    let h = href.trim();
    let lower = h.to_ascii_lowercase();
    let ok = (lower.starts_with("https://") || lower.starts_with("http://")) && h.len() > 8
        || lower.starts_with("mailto:") && h.len() > 7
        || lower.starts_with("tel:")
            && h[4..]
                .chars()
                .all(|c| c.is_ascii_digit() || "+-() ".contains(c))
            && h.len() > 4;
    let clean = !h
        .chars()
        .any(|c| c.is_control() || c == '"' || c == '<' || c == '>' || c == '\\');
    (ok && clean).then_some(h)
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
        if p.cite.is_empty() && has_figure(&p.text) {
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

/// Every problem in a built-in locale, each naming the card or block it is in.
/// Empty means the content may ship.
pub fn validate(content: &Content) -> Vec<String> {
    let mut errors = Vec::new();

    for key in super::UiStrings::KEYS {
        if content.ui.get(key).is_none_or(|v| v.trim().is_empty()) {
            errors.push(format!("ui: string `{key}` is empty"));
        }
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

    check_sources(&mut errors, "intro", &content.intro.sources);
    check_points(
        &mut errors,
        "intro",
        "paragraphs",
        &content.intro.paragraphs,
        &content.intro.sources,
    );

    for region in [Region::Us, Region::Uk, Region::Intl, Region::Emergency] {
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
    }

    let mut ids = HashSet::new();
    for card in &content.cards {
        let who = format!("card `{}`", card.id);
        if !is_slug(&card.id) {
            errors.push(format!(
                "{who}: id must be a slug (lowercase letters, digits, dashes)"
            ));
        }
        if !ids.insert(card.id.as_str()) {
            errors.push(format!("{who}: duplicate id"));
        }
        if card.title.trim().is_empty() || card.summary.trim().is_empty() {
            errors.push(format!("{who}: needs a title and a summary"));
        }
        match card.status {
            None => errors.push(format!("{who}: missing status")),
            Some(Status::Research) if card.is_treatment() => errors.push(format!(
                "{who}: status `research` is only for research cards"
            )),
            Some(s) if !card.is_treatment() && s != Status::Research => {
                errors.push(format!("{who}: research cards have status `research`"))
            }
            _ => {}
        }
        if card.sources.is_empty() {
            errors.push(format!("{who}: no sources"));
        }
        if card.questions.is_empty() {
            errors.push(format!("{who}: no questions to ask"));
        }
        check_sources(&mut errors, &who, &card.sources);

        let required: &[(&str, &Option<Section>, bool)] = if card.is_treatment() {
            &[
                ("how_it_works", &card.how_it_works, false),
                ("how_given", &card.how_given, true),
                ("onset", &card.onset, true),
                ("evidence", &card.evidence, true),
                ("risks", &card.risks, true),
                ("regulatory", &card.regulatory, true),
            ]
        } else {
            &[
                ("known", &card.known, false),
                ("may_change", &card.may_change, false),
            ]
        };
        for (name, section, needs_brief) in required {
            match section {
                None => errors.push(format!("{who}: missing section `{name}`")),
                Some(s) if s.points.is_empty() => {
                    errors.push(format!("{who}: section `{name}` has no points"))
                }
                Some(s)
                    if *needs_brief && s.brief.as_deref().is_none_or(|b| b.trim().is_empty()) =>
                {
                    errors.push(format!(
                        "{who}: section `{name}` needs a `brief` for the comparison table"
                    ))
                }
                _ => {}
            }
        }
        if card.is_treatment() && card.evidence.as_ref().is_some_and(|e| e.level.is_none()) {
            errors.push(format!("{who}: evidence needs a `level`"));
        }
        for (kind, section) in card.sections() {
            if kind != SectionKind::Evidence && section.level.is_some() {
                errors.push(format!("{who}: only the evidence section has a `level`"));
            }
            check_points(
                &mut errors,
                &who,
                &format!("{kind:?}"),
                &section.points,
                &card.sources,
            );
            if let Some(brief) = &section.brief {
                if has_figure(brief) {
                    errors.push(format!(
                        "{who}: the {kind:?} brief states a figure; keep figures in sourced points"
                    ));
                }
            }
        }
        if has_figure(&card.summary) {
            errors.push(format!(
                "{who}: the summary states a figure; keep figures in sourced points"
            ));
        }
    }
    errors
}
