//! The checks each built-in card must pass: its sections and their briefs, numbers only
//! where a source can follow, a badge that does not overstate, review dates, safety facts
//! that are sourced or say plainly that no advice was found, and glossary words explained.

use super::{check_points, check_sources, is_slug};
use crate::content::card::{Card, EvidenceLevel, Point, SectionKind, Status};
use crate::content::model::Content;
use crate::content::phrases::Phrases;
use crate::content::text::{find_word, has_figure, has_number, parse_iso_date};

/// Every problem with one built-in card.
pub(super) fn check_card(
    errors: &mut Vec<String>,
    who: &str,
    card: &Card,
    content: &Content,
    phrases: &Phrases,
) {
    if !is_slug(&card.id) {
        errors.push(format!(
            "{who}: id must be a slug (lowercase letters, digits, dashes)"
        ));
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
    check_sources(errors, who, &card.sources);
    check_sections(errors, who, card);
    check_numbers_outside_points(errors, who, card);
    check_badge(errors, who, card, content);
    check_review_dates(errors, who, card);
    check_card_safety(errors, who, card, phrases);
    check_card_words(errors, who, card, content);
}

/// The sections a card of its kind needs (from `SectionKind`), each with points whose
/// figures are sourced, and briefs with no figures.
fn check_sections(errors: &mut Vec<String>, who: &str, card: &Card) {
    for kind in SectionKind::ALL {
        let name = kind.slug();
        match card.section(kind) {
            None if kind.required(card.is_treatment()) => {
                errors.push(format!("{who}: missing section `{name}`"))
            }
            Some(s) if s.points.is_empty() => {
                errors.push(format!("{who}: section `{name}` has no points"))
            }
            Some(s)
                if card.is_treatment()
                    && kind.needs_brief()
                    && s.brief.as_deref().is_none_or(|b| b.trim().is_empty()) =>
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
            errors,
            who,
            &format!("{kind:?}"),
            &section.points,
            &card.sources,
        );
        if section.brief.as_deref().is_some_and(has_figure) {
            errors.push(format!(
                "{who}: the {kind:?} brief states a figure; keep figures in sourced points"
            ));
        }
    }
}

/// Text that cannot carry a citation (summary, badge, status note, briefs, questions)
/// states no number at all.
fn check_numbers_outside_points(errors: &mut Vec<String>, who: &str, card: &Card) {
    if has_figure(&card.summary) || has_number(&card.summary) {
        errors.push(format!(
            "{who}: the summary states a figure; keep figures in sourced points"
        ));
    }
    let texts = [
        ("status note", card.status_note.as_deref()),
        ("badge", card.badge.as_deref()),
    ]
    .into_iter()
    .chain(card.sections().map(|(_, s)| ("brief", s.brief.as_deref())))
    .chain(
        card.questions
            .iter()
            .map(|q| ("question", Some(q.as_str()))),
    );
    for (what, text) in texts {
        if let Some(text) = text.filter(|t| has_number(t)) {
            errors.push(format!(
                "{who}: a {what} states a number, which cannot carry a source: \"{text}\""
            ));
        }
    }
}

/// A badge may not let the plain "Established" stand beside text that says otherwise.
fn check_badge(errors: &mut Vec<String>, who: &str, card: &Card, content: &Content) {
    if let Some(badge) = &card.badge {
        if badge.trim().is_empty() {
            errors.push(format!("{who}: `badge` is empty"));
        }
    }
    if card.status != Some(Status::Established) {
        return;
    }
    let shown = card.badge_label(content).unwrap_or_default().to_lowercase();
    let limited = card
        .evidence
        .as_ref()
        .is_some_and(|e| e.level == Some(EvidenceLevel::Limited));
    let limited_label = content
        .evidence_label(EvidenceLevel::Limited)
        .to_lowercase();
    if limited && !shown.contains(&limited_label) {
        errors.push(format!(
            "{who}: shown as \"{shown}\" but its evidence is limited; the badge must say so"
        ));
    }
    // The locale's own word for off-label: the glossary entry's forms.
    let forms: Vec<String> = content
        .glossary
        .iter()
        .find(|g| g.id == "off-label")
        .map_or_else(|| vec!["off-label".to_owned()], |g| g.forms.clone());
    let off_label = card
        .prose()
        .iter()
        .any(|t| forms.iter().any(|f| find_word(t, f).is_some()));
    if off_label && !forms.iter().any(|f| shown.contains(&f.to_lowercase())) {
        errors.push(format!(
            "{who}: shown as \"{shown}\" but the card describes off-label use; the badge must say so"
        ));
    }
}

fn check_review_dates(errors: &mut Vec<String>, who: &str, card: &Card) {
    let (Some(reviewed), Some(next)) = (&card.reviewed, &card.next_review) else {
        errors.push(format!("{who}: needs `reviewed` and `next_review` dates"));
        return;
    };
    match (parse_iso_date(reviewed), parse_iso_date(next)) {
        (Some(r), Some(n)) => {
            let limit = (r.0 + 1, r.1, r.2);
            if n <= r {
                errors.push(format!("{who}: `next_review` must come after `reviewed`"));
            } else if n > limit {
                errors.push(format!(
                    "{who}: `next_review` {next} is more than 12 months after `reviewed` {reviewed}"
                ));
            }
        }
        _ => errors.push(format!(
            "{who}: review dates must be ISO dates like 2026-11-26 (got `{reviewed}`, `{next}`)"
        )),
    }
}

fn check_card_safety(errors: &mut Vec<String>, who: &str, card: &Card, phrases: &Phrases) {
    match (&card.safety, card.is_treatment()) {
        (None, true) => errors.push(format!(
            "{who}: needs `safety` (pregnancy, driving, interactions, not_for)"
        )),
        (Some(_), false) => errors.push(format!("{who}: research cards have no `safety`")),
        (Some(safety), true) => {
            for (kind, p) in safety.points() {
                if !safety_point_ok(p, phrases) {
                    errors.push(format!(
                        "{who}: safety `{kind:?}` needs a source, or must say plainly that no specific advice was found: \"{}\"",
                        p.text
                    ));
                }
            }
            let points: Vec<Point> = safety.points().map(|(_, p)| p.clone()).collect();
            check_points(errors, who, "safety", &points, &card.sources);
        }
        (None, false) => {}
    }
}

/// Whether a card point about safety is either sourced or says plainly that no specific
/// advice was found (so a missing fact is never silently skipped).
fn safety_point_ok(p: &Point, phrases: &Phrases) -> bool {
    let text = p.text.to_lowercase();
    !p.cite.is_empty() || phrases.no_advice.iter().any(|n| text.contains(n.as_str()))
}

/// Every glossary word a card uses is explained on the card (first use followed by an
/// explanation in brackets) or linked to "Words explained" through the card's `words`.
fn check_card_words(errors: &mut Vec<String>, who: &str, card: &Card, content: &Content) {
    let prose = card.prose();
    for id in &card.words {
        match content.glossary.iter().find(|g| &g.id == id) {
            None => errors.push(format!(
                "{who}: `words` names `{id}`, which is not in the glossary"
            )),
            Some(entry) => {
                let used = prose
                    .iter()
                    .any(|t| entry.forms.iter().any(|f| find_word(t, f).is_some()));
                if !used {
                    errors.push(format!(
                        "{who}: `words` links `{id}` but the card never uses it"
                    ));
                }
            }
        }
    }
    for entry in &content.glossary {
        if card.words.contains(&entry.id) {
            continue;
        }
        let first_use = prose.iter().find_map(|t| {
            entry
                .forms
                .iter()
                .filter_map(|f| find_word(t, f).map(|i| (i, f.len())))
                .min()
                .map(|(i, len)| t.get(i + len..).unwrap_or_default().to_owned())
        });
        if let Some(rest) = first_use {
            if !rest.starts_with(" (") {
                errors.push(format!(
                    "{who}: uses \"{}\" without explaining it; explain it in brackets where first used, or add `{}` to the card's `words`",
                    entry.term, entry.id
                ));
            }
        }
    }
}
