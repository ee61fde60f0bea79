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
pub use validate::{has_figure, safe_href, validate};

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
        let value = js_sys::JSON::parse(json).map_err(|e| format!("{e:?}"))?;
        serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
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

    pub fn section_heading(&self, kind: SectionKind) -> &str {
        let ui = &self.ui;
        match kind {
            SectionKind::HowItWorks => &ui.how_it_works,
            SectionKind::HowGiven => &ui.how_given,
            SectionKind::Onset => &ui.onset,
            SectionKind::Evidence => &ui.evidence,
            SectionKind::Risks => &ui.risks,
            SectionKind::Regulatory => &ui.regulatory,
            SectionKind::Known => &ui.known,
            SectionKind::MayChange => &ui.may_change,
        }
    }
}
