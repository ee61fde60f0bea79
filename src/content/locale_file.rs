//! How a locale file `src/content/<code>.toml` becomes what the build embeds: the content
//! readers download (compact JSON), and the two tables that are never part of it, the
//! publisher's page words (`[publish]`) and the words of the page around the guide
//! (`[page]`). Used by build.rs and by tests/fixture_locale.rs, which builds a locale that
//! is not in `src/content/` the same way: a new language needs no code change.

use std::fmt::Write as _;

/// The table of a locale file that holds the publisher's page words, not content.
pub const PUBLISH_TABLE: &str = "publish";
/// The table of a locale file that holds the words of the page around the guide.
pub const PAGE_TABLE: &str = "page";

/// The order of a locale's top-level tables in its JSON; any other table follows, sorted.
/// gzip only looks 32 KB back, so the `[matters]` block, whose sources repeat many of
/// the cards' sources, goes right before the cards (alphabetical order put 66 KB of cards
/// between them), which saves about 0.6 KB of a reader's download.
pub const JSON_ORDER: &[&str] = &[
    "locale",
    "meta",
    "ui",
    "intro",
    "safety",
    "disclaimer",
    "categories",
    "glossary",
    "matters",
    "cards",
];

/// One locale file, split.
pub struct LocaleFile {
    /// The content, as the TOML reads (without the two tables below).
    pub value: toml::Value,
    /// The content readers download.
    pub content_json: String,
    /// `[publish]` as JSON (`null` without one).
    pub publish_json: String,
    /// `[page]` as JSON (`null` without one).
    pub page_json: String,
}

/// Splits a locale file's text.
pub fn split(text: &str) -> Result<LocaleFile, String> {
    let mut value: toml::Value = toml::from_str(text).map_err(|e| format!("invalid TOML: {e}"))?;
    let mut take = |table: &str| {
        value
            .as_table_mut()
            .and_then(|t| t.remove(table))
            .map(|w| serde_json::to_string(&w).expect("TOML values map to JSON"))
            .unwrap_or_else(|| "null".into())
    };
    let publish_json = take(PUBLISH_TABLE);
    let page_json = take(PAGE_TABLE);
    let content_json = to_json(&value)?;
    Ok(LocaleFile {
        value,
        content_json,
        publish_json,
        page_json,
    })
}

/// Compact JSON of a locale file, top-level tables in [`JSON_ORDER`].
fn to_json(value: &toml::Value) -> Result<String, String> {
    let table = value.as_table().ok_or("a locale file is a table")?;
    let mut keys: Vec<&String> = table.keys().collect();
    keys.sort_by_key(|k| {
        let at = JSON_ORDER.iter().position(|o| o == k);
        (at.unwrap_or(JSON_ORDER.len()), k.as_str())
    });
    let mut out = String::from("{");
    for (i, key) in keys.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let key_json = serde_json::to_string(key).map_err(|e| e.to_string())?;
        let value_json = serde_json::to_string(&table[key]).map_err(|e| e.to_string())?;
        let _ = write!(out, "{key_json}:{value_json}");
    }
    out.push('}');
    Ok(out)
}
