//! The few phrases the content checks look for in a locale's text, in that locale's own
//! words: each locale file's `[checks]` table. Read by the checks (native, where the tests
//! run) and never shown to readers: the build keeps the table out of the content they
//! download, so a new language brings its phrases in its own file and no Rust changes.

use serde::Deserialize;

/// The phrases of one locale, all lower-case: the checks lower-case the text they search.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct Phrases {
    /// Wording that says plainly no specific advice was found (any one of them).
    pub no_advice: Vec<String>,
    /// Wording that offers texting 988 (such a line needs an `sms:988` link).
    pub text_988: String,
    /// Wording that says a study's group was looser than this guide's TRD (any one; the
    /// first is the one error messages suggest).
    pub looser_population: Vec<String>,
    /// Wording that says a time-limited status was not found extended.
    pub ended: String,
}

#[cfg(not(target_arch = "wasm32"))]
include!(concat!(env!("OUT_DIR"), "/check_phrases.rs"));

#[cfg(not(target_arch = "wasm32"))]
impl Phrases {
    /// A built-in locale's phrases (`src/content/<locale>.toml`, `[checks]`).
    pub fn built_in(locale: &str) -> Result<Phrases, String> {
        let json = CHECK_PHRASES
            .iter()
            .find(|(code, _)| *code == locale)
            .map(|(_, json)| *json)
            .ok_or_else(|| format!("no built-in locale `{locale}`"))?;
        Phrases::from_json(locale, json)
    }

    /// Reads a locale file's `[checks]` table, as the build wrote it (JSON; `null` when the
    /// file has none). Every error names the file and the key: a missing or empty phrase
    /// would let a check pass that should not (an empty one is in every text).
    pub fn from_json(locale: &str, json: &str) -> Result<Phrases, String> {
        let file = format!("src/content/{locale}.toml");
        let keys = crate::data::fields::<Phrases>().join(", ");
        if json.trim() == "null" {
            return Err(format!(
                "{file} has no [{CHECKS_TABLE}] table: the phrases the content checks look for ({keys})"
            ));
        }
        let mut unknown = Vec::new();
        let phrases: Phrases = crate::data::decode_strict(json, &mut unknown)
            .map_err(|e| format!("{file}: [{CHECKS_TABLE}]: {e} (it needs {keys})"))?;
        if let Some(key) = unknown.first() {
            return Err(format!(
                "{file}: [{CHECKS_TABLE}].{key} is not a phrase the checks use ({keys})"
            ));
        }
        // Every phrase, whichever key: none empty (it would be in every text), none with
        // capitals (the checks search lower-cased text, so it would never be found).
        let table: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
        for (key, value) in table.as_object().into_iter().flatten() {
            let list = match value {
                serde_json::Value::Array(items) => items.iter().collect(),
                one => vec![one],
            };
            if list.is_empty() {
                return Err(format!("{file}: [{CHECKS_TABLE}].{key} lists no phrase"));
            }
            for phrase in list.into_iter().filter_map(serde_json::Value::as_str) {
                if phrase.trim().is_empty() {
                    return Err(format!(
                        "{file}: [{CHECKS_TABLE}].{key} has an empty phrase, which every text contains"
                    ));
                }
                if phrase.to_lowercase() != phrase {
                    return Err(format!(
                        "{file}: [{CHECKS_TABLE}].{key}: \"{phrase}\" must be lower-case (the checks search lower-cased text)"
                    ));
                }
            }
        }
        Ok(phrases)
    }
}
