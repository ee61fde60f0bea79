//! Content: the typed model, the locale files compiled into the binary, and the checks
//! every built-in locale must pass.

mod matters;
mod model;
mod ui;
mod validate;

pub use matters::{
    issue_cards, issue_spec, validate as validate_matters, Answer, AnswerGroup, Answered,
    IssueCard, IssueSpec, IssueText, Matters, MattersStrings, ISSUES, NOT_KNOWN,
};
pub use model::*;
pub use ui::{fill, UiStrings};
pub use validate::{
    find_word, has_figure, has_number, parse_iso_date, phrases, reading_ease_es, reading_grade,
    safe_href, validate, Phrases,
};

use std::rc::Rc;

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// The locale used when a requested one is missing.
pub const DEFAULT_LOCALE: &str = "en";

/// The locale codes compiled in.
pub fn locales() -> impl Iterator<Item = &'static str> {
    LOCALES.iter().map(|(code, _)| *code)
}

/// Picks the compiled locale for a BCP 47 tag (`en-GB` → `en`), if any.
pub fn match_locale(tag: &str) -> Option<&'static str> {
    let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
    locales().find(|code| *code == primary)
}

/// Parses a locale's embedded JSON. Built-in content is checked by tests, so an error
/// here means a broken build, but it is still reported rather than panicking.
pub fn parse(json: &str) -> Result<Content, String> {
    #[cfg(target_arch = "wasm32")]
    {
        let reader = crate::json::Reader::built_in();
        let value = crate::json::parse_text(json, &reader, "content")?;
        reader.decode(value, "content").map_err(|e| e.to_string())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }
}

thread_local! {
    static CACHE: std::cell::RefCell<Vec<(&'static str, Rc<Content>)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The content for a compiled locale, parsed once per page and shared by all instances.
pub fn load(locale: &str) -> Result<Rc<Content>, String> {
    let (code, json) = LOCALES
        .iter()
        .find(|(code, _)| *code == locale)
        .ok_or_else(|| format!("no content for locale `{locale}`"))?;
    if let Some(hit) = CACHE.with(|c| {
        c.borrow()
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, v)| v.clone())
    }) {
        return Ok(hit);
    }
    let content = Rc::new(parse(json).map_err(|e| format!("content `{code}`: {e}"))?);
    CACHE.with(|c| c.borrow_mut().push((code, content.clone())));
    Ok(content)
}

impl Content {
    pub fn card(&self, id: &str) -> Option<&Rc<Card>> {
        self.cards.iter().find(|c| c.id == id)
    }

    pub fn category(&self, id: Category) -> Option<&CategoryInfo> {
        self.categories.iter().find(|c| c.id == id)
    }

    pub fn status_label(&self, status: Status) -> &str {
        let ui = &self.ui;
        match status {
            Status::Established => &ui.status_established,
            Status::Emerging => &ui.status_emerging,
            Status::Investigational => &ui.status_investigational,
            Status::Research => &ui.status_research,
        }
    }

    pub fn evidence_label(&self, level: EvidenceLevel) -> &str {
        let ui = &self.ui;
        match level {
            EvidenceLevel::Strong => &ui.evidence_strong,
            EvidenceLevel::Moderate => &ui.evidence_moderate,
            EvidenceLevel::Mixed => &ui.evidence_mixed,
            EvidenceLevel::Limited => &ui.evidence_limited,
        }
    }

    pub fn safety_label(&self, kind: SafetyKind) -> &str {
        let ui = &self.ui;
        match kind {
            SafetyKind::Pregnancy => &ui.safety_pregnancy,
            SafetyKind::Driving => &ui.safety_driving,
            SafetyKind::Interactions => &ui.safety_interactions,
            SafetyKind::NotFor => &ui.safety_not_for,
        }
    }

    /// An ISO date as readers see it, "26 November 2026"; the ISO text if it does not parse.
    pub fn format_date(&self, iso: &str) -> String {
        let months: Vec<&str> = self.ui.month_names.split_whitespace().collect();
        match parse_iso_date(iso) {
            Some((y, m, d)) if months.len() == 12 => {
                format!("{d} {} {y}", months[(m - 1) as usize])
            }
            _ => iso.to_owned(),
        }
    }

    /// "Last reviewed … · Next review due …" for a card that has both dates.
    pub fn review_line(&self, card: &Card) -> Option<String> {
        let (reviewed, next) = (card.reviewed.as_deref()?, card.next_review.as_deref()?);
        Some(fill(
            &self.ui.review_dates,
            &[
                ("reviewed", &self.format_date(reviewed)),
                ("next", &self.format_date(next)),
            ],
        ))
    }

    pub fn section_heading(&self, kind: SectionKind) -> &str {
        self.ui.get(kind.slug()).unwrap_or_default()
    }
}
