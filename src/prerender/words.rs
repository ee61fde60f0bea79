//! The words of the page around the guide, from each locale file's `[page]` table (the
//! build keeps them out of the content readers download): the standalone page's own
//! text, its structured data, the notes of the scripts that run before the wasm, and the
//! embed page's note.

use serde_json::Value;

use crate::content::DEFAULT_LOCALE;

include!(concat!(env!("OUT_DIR"), "/page_strings.rs"));

/// One locale's page words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageWords {
    pub locale: String,
    /// What the page is about, and for whom (schema.org).
    pub condition: String,
    pub audience: String,
    /// The link to this language's page, in this language ("Read this guide in English").
    pub other_language: String,
    /// The loader's "taking a long time" line.
    pub slow: String,
    /// The pre-wasm script's notes (from disk; the app could not load).
    pub from_disk: String,
    pub unavailable: String,
    /// The embed page's note, shown in a frame that cannot keep ticked questions.
    pub embed_note: String,
    /// The standalone page template's own text, by key (`[page.template]`).
    pub template: Vec<(String, String)>,
}

/// The keys every `[page]` table has (its `template` table aside).
pub const PAGE_KEYS: [&str; 7] = [
    "condition",
    "audience",
    "other_language",
    "slow",
    "from_disk",
    "unavailable",
    "embed_note",
];

impl PageWords {
    /// Reads a `[page]` table (as JSON); every key of [`PAGE_KEYS`] must be there.
    pub fn from_json(locale: &str, json: &str) -> Result<PageWords, String> {
        let value: Value =
            serde_json::from_str(json).map_err(|e| format!("locale `{locale}`: [page]: {e}"))?;
        let text = |key: &str| {
            value
                .get(key)
                .and_then(Value::as_str)
                .map(str::to_owned)
                .ok_or_else(|| format!("locale `{locale}`: [page] has no `{key}`"))
        };
        let template = value
            .get("template")
            .and_then(Value::as_object)
            .map(|t| {
                t.iter()
                    .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned())))
                    .collect()
            })
            .unwrap_or_default();
        Ok(PageWords {
            locale: locale.to_owned(),
            condition: text("condition")?,
            audience: text("audience")?,
            other_language: text("other_language")?,
            slow: text("slow")?,
            from_disk: text("from_disk")?,
            unavailable: text("unavailable")?,
            embed_note: text("embed_note")?,
            template,
        })
    }

    /// A built-in locale's words; the default locale's for one without a `[page]` table
    /// (tests/contract.rs checks that every built-in locale has all of them).
    pub fn built_in(locale: &str) -> PageWords {
        let of = |code: &str| {
            PAGE_STRINGS
                .iter()
                .find(|(c, _)| *c == code)
                .and_then(|(_, json)| PageWords::from_json(code, json).ok())
        };
        of(locale)
            .or_else(|| of(DEFAULT_LOCALE))
            .unwrap_or_else(|| panic!("src/content/{DEFAULT_LOCALE}.toml has a [page] table"))
    }

    /// The `[page]` table of a built-in locale as the build read it (JSON), if it has one.
    pub fn source(locale: &str) -> Option<&'static str> {
        PAGE_STRINGS
            .iter()
            .find(|(c, _)| *c == locale)
            .map(|(_, json)| *json)
    }

    /// The template text under `key` in these words.
    pub fn template_text(&self, key: &str) -> Option<&str> {
        self.template
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// A built-in locale's page words (see [`PageWords::built_in`]).
pub fn words(locale: &str) -> PageWords {
    PageWords::built_in(locale)
}
