//! Rules that hold every treatment to the same standard, so that comparing two cards
//! (or two answers in What matters) never misleads: a label's safety facts are stated
//! wherever the card answers that question, failed trials are named beside the
//! successful ones, a card and its What matters answers agree, a study of a looser
//! group than this guide's TRD says so where it is cited, and a status that ends on a
//! date says when. Each rule returns its problems, naming the card; `validate` runs them
//! all, and `tests/fairness.rs` runs each for every locale. The rules that look for
//! wording take it from the locale file (`Phrases`), so they hold in any language.

use super::card::*;
use super::deadline::{deadline, iso_parts, Deadline};
use super::matters::{evidence_class, NOT_KNOWN};
use super::model::*;
use super::phrases::Phrases;

/// Every fairness problem in a locale.
pub fn check(content: &Content, phrases: &Phrases) -> Vec<String> {
    let mut errors = label_safety(content, phrases);
    errors.extend(failed_trials(content));
    errors.extend(card_and_matters_agree(content, phrases));
    errors.extend(who_was_studied(content, phrases));
    errors.extend(time_limits(content, phrases));
    errors
}

fn treatments(content: &Content) -> impl Iterator<Item = &Card> {
    content
        .cards
        .iter()
        .map(|c| c.as_ref())
        .filter(|c| c.is_treatment())
}

fn says_no_advice(text: &str, p: &Phrases) -> bool {
    let text = text.to_lowercase();
    p.no_advice.iter().any(|n| text.contains(n.as_str()))
}

/// The safety questions a label answers, each with the card's point (if it has one),
/// the What matters issue that asks the same, and the sources checked and found silent.
fn safety_questions(safety: &CardSafety) -> [(&'static str, Option<&Point>, &[String]); 6] {
    let s = &safety.checked_silent;
    [
        ("pregnancy", Some(&safety.pregnancy), &s.pregnancy),
        ("driving", Some(&safety.driving), &s.driving),
        ("interactions", Some(&safety.interactions), &s.interactions),
        ("not_for", Some(&safety.not_for), &s.not_for),
        ("memory", None, &s.memory),
        ("side_effects", None, &s.side_effects),
    ]
}

/// The What matters issue asking a safety question, if any.
fn matters_issue(question: &str) -> Option<&'static str> {
    match question {
        "pregnancy" => Some("pregnancy"),
        "driving" => Some("driving"),
        "memory" => Some("memory"),
        "side_effects" => Some("side-effects"),
        _ => None,
    }
}

/// Answer classes that say the sources list nothing on the question.
fn says_none_listed(class: &str) -> bool {
    class == NOT_KNOWN || class == "not-listed"
}

/// Where a card cites a product label, each safety question (the four card fields and
/// the What matters answers on pregnancy, driving, memory and side effects) either cites
/// the label, so states what it says, or lists it among the sources read and found
/// silent. "No specific advice was found" needs such a list; keys must be the card's.
pub fn label_safety(content: &Content, p: &Phrases) -> Vec<String> {
    let mut errors = Vec::new();
    for card in treatments(content) {
        let who = format!("card `{}`", card.id);
        let Some(safety) = &card.safety else { continue };
        let labels: Vec<&str> = card
            .sources
            .iter()
            .filter(|s| s.kind == Some(SourceKind::Label))
            .map(|s| s.id.as_str())
            .collect();
        for (question, point, silent) in safety_questions(safety) {
            for key in silent {
                if card.source(key).is_none() {
                    errors.push(format!(
                        "{who}: checked_silent.{question} names `{key}`, which is not one of the card's sources"
                    ));
                }
            }
            if labels.is_empty() {
                continue;
            }
            if let Some(point) = point {
                if says_no_advice(&point.text, p) && silent.is_empty() {
                    errors.push(format!(
                        "{who}: safety `{question}` says no specific advice was found, but lists no source checked and found silent (checked_silent.{question})"
                    ));
                }
                for label in &labels {
                    if !point.cite.iter().any(|c| c == label) && !silent.iter().any(|s| s == label)
                    {
                        errors.push(format!(
                            "{who}: safety `{question}` does not state what the label `{label}` says: cite it, or list it in checked_silent.{question} if it is silent"
                        ));
                    }
                }
            }
            let Some(issue) = matters_issue(question) else {
                continue;
            };
            let Some(answer) = content
                .matters
                .as_deref()
                .and_then(|m| m.answer(&card.id, issue))
            else {
                continue;
            };
            for label in &labels {
                let silent_here = silent.iter().any(|s| s == label);
                if says_none_listed(&answer.class) && !silent_here {
                    errors.push(format!(
                        "{who}: What matters `{issue}` is `{}` although the label `{label}` is not listed as silent on it (checked_silent.{question})",
                        answer.class
                    ));
                } else if !answer.sources.iter().any(|c| c == label) && !silent_here {
                    errors.push(format!(
                        "{who}: What matters `{issue}` does not cite the label `{label}`: state what it says, or list it in checked_silent.{question}"
                    ));
                }
            }
        }
    }
    errors
}

/// Whether a card must name its failed trials: evidence rated moderate or strong, or an
/// established (approved, guideline-backed) treatment.
pub fn owes_failed_trials(card: &Card) -> bool {
    let level = card.evidence.as_ref().and_then(|e| e.level);
    card.is_treatment()
        && (matches!(level, Some(EvidenceLevel::Strong | EvidenceLevel::Moderate))
            || card.status == Some(Status::Established))
}

/// Every treatment rated moderate or strong, or established, names its failed or
/// negative trials in its evidence (and in its What matters evidence answer), or
/// records the source that was checked and found none.
pub fn failed_trials(content: &Content) -> Vec<String> {
    let mut errors = Vec::new();
    let matters = content.matters.as_deref();
    for card in treatments(content).filter(|c| owes_failed_trials(c)) {
        let who = format!("card `{}`", card.id);
        let evidence_cites = |key: &str| {
            card.evidence
                .iter()
                .flat_map(|e| e.points.iter())
                .any(|p| p.cite.iter().any(|c| c == key))
        };
        match (&card.failed_trials[..], &card.no_failed_trials) {
            ([], None) => errors.push(format!(
                "{who}: names no failed or negative trial (`failed_trials`) and records no source that found none (`no_failed_trials`)"
            )),
            ([], Some(key)) => {
                if !evidence_cites(key) {
                    errors.push(format!(
                        "{who}: `no_failed_trials` source `{key}` is not cited in the evidence"
                    ));
                }
            }
            (keys, _) => {
                for key in keys {
                    if !evidence_cites(key) {
                        errors.push(format!(
                            "{who}: failed trial `{key}` is not reported in the evidence"
                        ));
                    }
                }
                let answer = matters.and_then(|m| m.answer(&card.id, "evidence"));
                if answer.is_some_and(|a| !a.sources.iter().any(|s| keys.contains(s))) {
                    errors.push(format!(
                        "{who}: the What matters evidence answer names none of its failed trials ({})",
                        keys.join(", ")
                    ));
                }
            }
        }
    }
    errors
}

/// A card and its What matters answers tell the same story: the evidence answer uses
/// the card's level; a treatment in use does not have "no side effects listed"; where
/// the card states pregnancy or driving advice, the answer does not say none was found,
/// and where the card found none, the answer does not give any.
pub fn card_and_matters_agree(content: &Content, p: &Phrases) -> Vec<String> {
    let mut errors = Vec::new();
    let Some(m) = content.matters.as_deref() else {
        return errors;
    };
    for card in treatments(content) {
        let who = format!("card `{}`", card.id);
        let class = |issue: &str| m.answer(&card.id, issue).map(|a| a.class.as_str());
        if let (Some(level), Some(answer)) = (
            card.evidence.as_ref().and_then(|e| e.level),
            class("evidence"),
        ) {
            if answer != evidence_class(level) {
                errors.push(format!(
                    "{who}: evidence is `{}` on the card but `{answer}` in What matters",
                    level.slug()
                ));
            }
        }
        if class("side-effects") == Some(NOT_KNOWN) && card.status != Some(Status::Investigational)
        {
            errors.push(format!(
                "{who}: What matters says no side effects are listed, beside the card's side effects and risks"
            ));
        }
        let Some(safety) = &card.safety else { continue };
        for (issue, point, advice_class) in [
            ("pregnancy", &safety.pregnancy, None),
            ("driving", &safety.driving, Some("not-same-day")),
        ] {
            let Some(answer) = class(issue) else { continue };
            let none_found = says_no_advice(&point.text, p);
            if !none_found && answer == NOT_KNOWN {
                errors.push(format!(
                    "{who}: the card gives {issue} advice but What matters says none was found"
                ));
            }
            if none_found
                && (advice_class == Some(answer) || (advice_class.is_none() && answer != NOT_KNOWN))
            {
                errors.push(format!(
                    "{who}: the card found no {issue} advice but What matters answers `{answer}`"
                ));
            }
        }
    }
    errors
}

/// Every point citing a study of a looser group than this guide's TRD (fewer failed
/// antidepressants, or depression in general) says so in words the locale declares
/// once; on the cards, in their fact boxes and in What matters.
pub fn who_was_studied(content: &Content, p: &Phrases) -> Vec<String> {
    let mut errors = Vec::new();
    let says_looser = |text: &str| {
        let text = text.to_lowercase();
        p.looser_population
            .iter()
            .any(|w| text.contains(w.as_str()))
    };
    let looser = |sources: &[Source], key: &str| {
        sources
            .iter()
            .any(|s| s.id == key && s.population == Some(Population::Looser))
    };
    for card in content.cards.iter() {
        let mut points: Vec<&Point> = card.sections().flat_map(|(_, s)| s.points.iter()).collect();
        if let Some(safety) = &card.safety {
            points.extend(safety.points().map(|(_, p)| p));
        }
        for point in points {
            if let Some(key) = point.cite.iter().find(|k| looser(&card.sources, k)) {
                if !says_looser(&point.text) {
                    errors.push(format!(
                        "card `{}`: cites `{key}`, a study of a looser group than TRD, without saying so (\"{}\"): \"{}\"",
                        card.id, p.looser_population[0], point.text
                    ));
                }
            }
        }
    }
    // A fact box says it in who took part or in how sure we can be.
    for card in content.cards.iter() {
        for b in card
            .facts
            .iter()
            .filter(|b| looser(&card.sources, &b.source))
        {
            if !says_looser(&b.population) && !says_looser(&b.reason) {
                errors.push(format!(
                    "card `{}`: fact box `{}` shows `{}`, a study of a looser group than TRD, without saying so (\"{}\")",
                    card.id, b.id, b.source, p.looser_population[0]
                ));
            }
        }
    }
    if let Some(m) = content.matters.as_deref() {
        for (card, answers) in &m.answers {
            for (issue, answer) in answers {
                if let Some(key) = answer.sources.iter().find(|k| looser(&m.sources, k)) {
                    if !says_looser(&answer.text) {
                        errors.push(format!(
                            "What matters, card `{card}`, issue `{issue}`: cites `{key}`, a study of a looser group than TRD, without saying so: \"{}\"",
                            answer.text
                        ));
                    }
                }
            }
        }
    }
    errors
}

/// A status that ends on a date states the date wherever its source is cited (on the
/// card and in What matters), and once the date is past the card's review, says that no
/// extension was found rather than speaking in the present tense.
pub fn time_limits(content: &Content, p: &Phrases) -> Vec<String> {
    let months: Vec<&str> = content.ui.month_names.split_whitespace().collect();
    let mut errors = Vec::new();
    for card in content.cards.iter() {
        let who = format!("card `{}`", card.id);
        for limit in &card.time_limited {
            let Some((y, mo, d)) = iso_parts(&limit.until) else {
                errors.push(format!(
                    "{who}: time_limited `until` must be an ISO date, got `{}`",
                    limit.until
                ));
                continue;
            };
            if card.source(&limit.source).is_none() {
                errors.push(format!(
                    "{who}: time_limited names `{}`, which is not one of its sources",
                    limit.source
                ));
            }
            // The day, the month's name and the year, in whatever order the locale writes dates.
            let month = usize::try_from(mo - 1)
                .ok()
                .and_then(|i| months.get(i))
                .copied()
                .unwrap_or("?");
            let dated = |text: &str| {
                let words: Vec<String> = text
                    .split(|c: char| !c.is_alphanumeric())
                    .map(str::to_lowercase)
                    .collect();
                [d.to_string(), month.to_lowercase(), y.to_string()]
                    .iter()
                    .all(|w| words.contains(w))
            };
            let ended = card
                .reviewed
                .as_deref()
                .and_then(iso_parts)
                .is_some_and(|today| deadline((y, mo, d), today) == Deadline::Passed);
            let mut texts: Vec<(String, &str)> = card
                .sections()
                .flat_map(|(_, s)| s.points.iter())
                .filter(|pt| pt.cite.contains(&limit.source))
                .map(|pt| (who.clone(), pt.text.as_str()))
                .collect();
            if let Some(m) = content.matters.as_deref() {
                texts.extend(matters_texts(m, &card.id, &limit.source));
            }
            if texts.is_empty() {
                errors.push(format!(
                    "{who}: no point cites `{}`, whose status ends on {}",
                    limit.source, limit.until
                ));
            }
            for (whose, text) in texts {
                if !dated(text) {
                    errors.push(format!(
                        "{whose}: `{}` ends on {}, but the text does not give that date: \"{text}\"",
                        limit.source, limit.until
                    ));
                }
                if ended && !text.to_lowercase().contains(p.ended.as_str()) {
                    errors.push(format!(
                        "{whose}: `{}` ended on {} (before the card's review), but the text does not say \"{}\": \"{text}\"",
                        limit.source, limit.until, p.ended
                    ));
                }
            }
        }
    }
    errors
}

fn matters_texts<'a>(m: &'a Matters, card: &str, key: &str) -> Vec<(String, &'a str)> {
    m.answers
        .iter()
        .filter(|(c, _)| c == card)
        .flat_map(|(c, answers)| {
            answers
                .iter()
                .filter(|(_, a)| a.sources.iter().any(|s| s == key))
                .map(move |(issue, a)| {
                    (
                        format!("What matters, card `{c}`, issue `{issue}`"),
                        a.text.as_str(),
                    )
                })
        })
        .collect()
}
