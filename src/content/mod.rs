//! Content: the typed model (`model.rs` around the cards, `card.rs` the cards), the locale
//! files (compiled into native builds; handed to the wasm at run time by [`register`]), and
//! the checks every built-in locale must pass (`validate/`, `fairness.rs`, with the
//! locale's own `phrases.rs` and the helpers in `text.rs` and `readability.rs`).

mod about;
mod card;
pub mod deadline;
mod facts;
pub mod fairness;
mod matters;
mod model;
mod phrases;
mod readability;
mod text;
mod ui;
mod validate;

pub use about::{About, AboutPart, Change, ABOUT_ID, ABOUT_TARGETS, PRIVACY_ID, REPORT_ID};
pub use card::*;
pub use facts::{
    agrees, check as check_facts, check_strings as check_fact_strings, headline,
    headline_difference, out_of_100, share_of, FactBox, FactRow, Group, Tenths, Words,
    KEYS as FACT_KEYS,
};
pub use matters::{
    evidence_class, issue_cards, issue_spec, validate as validate_matters, AnswerGroup, Answered,
    IssueCard, IssueSpec, Issues, ISSUES, NOT_KNOWN,
};
pub use model::*;
pub use ui::{fill, UiStrings};

/// A counted phrase in its grammatical form, chosen here for every counted string: `one`
/// for exactly 1, `many` otherwise (0 too, "0 tratamientos"), `{count}` filled in.
pub fn counted(count: usize, one: &str, many: &str) -> String {
    let form = if count == 1 { one } else { many };
    fill(form, &[("count", &count.to_string())])
}
pub use phrases::Phrases;
pub use readability::{reading_ease_es, reading_grade};
pub use text::{find_word, has_figure, has_number, parse_iso_date, safe_href};

/// Every problem in a built-in locale, each naming the card or block it is in: the
/// content checks, then the fairness rules, with the phrases of the locale's own file
/// (a file without them is the one problem). Empty means the content may ship.
#[cfg(not(target_arch = "wasm32"))]
pub fn validate(content: &Content) -> Vec<String> {
    match Phrases::built_in(&content.locale) {
        Ok(phrases) => validate_with(content, &phrases),
        Err(e) => vec![e],
    }
}

/// [`validate`] with the given phrases: a locale that is not built in (a new language's
/// file, read the way the build reads it) is checked like the others.
pub fn validate_with(content: &Content, phrases: &Phrases) -> Vec<String> {
    let mut errors = validate::check(content, phrases);
    errors.extend(fairness::check(content, phrases));
    errors
}

use std::rc::Rc;

use crate::data;

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// The id of the standalone page's `<script type="application/json">` carrying its
/// locale's content (written by the prerender, read by the wasm's `start`).
pub const PAGE_SCRIPT_ID: &str = "trd-content";

/// The locale used when a requested one is missing.
pub const DEFAULT_LOCALE: &str = "en";

/// The locale codes of the built-in content.
pub fn locales() -> impl Iterator<Item = &'static str> {
    LOCALE_CODES.iter().copied()
}

/// A built-in locale's content JSON (native builds only: the wasm carries no content
/// text; the prerender writes this to `dist/` for the browser).
#[cfg(not(target_arch = "wasm32"))]
pub fn json(locale: &str) -> Option<&'static str> {
    LOCALES
        .iter()
        .find(|(code, _)| *code == locale)
        .map(|(_, json)| *json)
}

/// Picks the compiled locale for a BCP 47 tag (`en-GB` → `en`), if any.
pub fn match_locale(tag: &str) -> Option<&'static str> {
    let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
    locales().find(|code| *code == primary)
}

/// Parses a locale's content JSON. Built-in content is checked by tests, so an error
/// here means a broken build, but it is still reported rather than panicking. Fields the
/// model does not know are kept in [`Content::unknown_fields`] for [`validate`].
pub fn parse(json: &str) -> Result<Content, String> {
    let mut unknown = Vec::new();
    let mut content: Content = data::decode_text(json, &mut unknown)?;
    content.unknown_fields = unknown;
    Ok(content)
}

thread_local! {
    static CACHE: std::cell::RefCell<Vec<(&'static str, Rc<Content>)>> = const { std::cell::RefCell::new(Vec::new()) };
    /// Content JSON handed over at run time and not parsed yet, by locale.
    static REGISTERED: std::cell::RefCell<Vec<(&'static str, String)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Hands over a built-in locale's content JSON (the file the build wrote to `dist/`);
/// [`load`] parses it on first use. The first text given for a locale is kept.
pub fn register(locale: &str, json: String) -> Result<(), String> {
    let code = locales()
        .find(|code| *code == locale)
        .ok_or_else(|| format!("no built-in locale `{locale}`"))?;
    let known = CACHE.with(|c| c.borrow().iter().any(|(c, _)| *c == code))
        || REGISTERED.with(|r| r.borrow().iter().any(|(c, _)| *c == code));
    if !known {
        REGISTERED.with(|r| r.borrow_mut().push((code, json)));
    }
    Ok(())
}

#[cfg(not(target_arch = "wasm32"))]
fn built_in_json(locale: &str) -> Option<&'static str> {
    json(locale)
}

#[cfg(target_arch = "wasm32")]
fn built_in_json(_locale: &str) -> Option<&'static str> {
    None
}

/// Parses a [`register`]ed locale now, in steps that each run as a task of their own
/// (`pause` resolves in a later task): reading the parsed JSON into Rust, card by card,
/// is the slow part, and as one task it blocked the page for 80–120 ms on a phone-speed
/// CPU. [`load`] then finds it parsed. Does nothing for a locale already parsed.
#[cfg(target_arch = "wasm32")]
pub async fn load_in_steps<F: std::future::Future<Output = ()>>(
    locale: &str,
    pause: impl Fn() -> F,
) -> Result<(), String> {
    use wasm_bindgen::JsValue;
    let Some(code) = locales().find(|code| *code == locale) else {
        return Err(format!("no content for locale `{locale}`"));
    };
    let text = REGISTERED.with(|r| {
        r.borrow()
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, t)| t.clone())
    });
    let Some(text) = text else {
        return Ok(());
    };
    let parsed =
        js_sys::JSON::parse(&text).map_err(|_| format!("content `{code}`: invalid JSON"))?;
    let cards_key = JsValue::from_str("cards");
    let list = js_sys::Reflect::get(&parsed, &cards_key).unwrap_or_default();
    let mut cards = Vec::new();
    // Decoded one card per task (the first also compiles the decoding code), then the
    // rest of the content in one more.
    for (i, item) in js_sys::Array::from(&list).iter().enumerate() {
        pause().await;
        let card: Card =
            data::decode(item).map_err(|e| format!("content `{code}`: cards[{i}]: {e}"))?;
        cards.push(Rc::new(card));
    }
    pause().await;
    // Another caller may have parsed it meanwhile.
    if CACHE.with(|c| c.borrow().iter().any(|(c, _)| *c == code)) {
        return Ok(());
    }
    let _ = js_sys::Reflect::set(&parsed, &cards_key, &js_sys::Array::new());
    let mut content: Content =
        data::decode(parsed).map_err(|e| format!("content `{code}`: {e}"))?;
    content.cards = cards;
    REGISTERED.with(|r| r.borrow_mut().retain(|(c, _)| *c != code));
    CACHE.with(|c| c.borrow_mut().push((code, Rc::new(content))));
    Ok(())
}

/// The content for a built-in locale, parsed once per page and shared by all instances.
/// In the wasm, its JSON must have been [`register`]ed first.
pub fn load(locale: &str) -> Result<Rc<Content>, String> {
    let code = locales()
        .find(|code| *code == locale)
        .ok_or_else(|| format!("no content for locale `{locale}`"))?;
    if let Some(hit) = CACHE.with(|c| {
        c.borrow()
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, v)| v.clone())
    }) {
        return Ok(hit);
    }
    let registered = REGISTERED.with(|r| {
        let mut r = r.borrow_mut();
        let at = r.iter().position(|(c, _)| *c == code)?;
        Some(r.swap_remove(at).1)
    });
    let parsed = match (&registered, built_in_json(code)) {
        (Some(text), _) => parse(text),
        (None, Some(text)) => parse(text),
        (None, None) => return Err(format!("the content for locale `{code}` is not loaded")),
    };
    let content = Rc::new(parsed.map_err(|e| format!("content `{code}`: {e}"))?);
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

    /// An ISO date as readers of this locale write it, by its `date_pattern`: "26 November
    /// 2026", "26 de noviembre de 2026"; the ISO text if it does not parse.
    pub fn format_date(&self, iso: &str) -> String {
        let months: Vec<&str> = self.ui.month_names.split_whitespace().collect();
        match parse_iso_date(iso) {
            Some((y, m, d)) if months.len() == 12 => fill(
                &self.ui.date_pattern,
                &[
                    ("day", &d.to_string()),
                    ("month", months[(m - 1) as usize]),
                    ("year", &y.to_string()),
                ],
            ),
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

// Here, not in card.rs: the plain label is the content's, and the card types know
// nothing of the content around them.
impl Card {
    /// The status text a reader sees: the card's own badge, else the plain label.
    pub fn badge_label<'a>(&'a self, content: &'a Content) -> Option<&'a str> {
        let status = self.status?;
        Some(
            self.badge
                .as_deref()
                .unwrap_or_else(|| content.status_label(status)),
        )
    }
}
