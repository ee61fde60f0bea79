//! How a locale file `src/content/<code>.toml` becomes what the build embeds: the content
//! readers download (compact JSON), and the three tables that are never part of it, the
//! publisher's page words (`[publish]`), the words of the page around the guide (`[page]`)
//! and the phrases the content checks look for (`[checks]`). Used by build.rs and by tests/fixture_locale.rs, which builds a locale that
//! is not in `src/content/` the same way: a new language needs no code change.

use std::fmt::Write as _;

/// The table of a locale file that holds the publisher's page words, not content.
pub const PUBLISH_TABLE: &str = "publish";
/// The table of a locale file that holds the words of the page around the guide.
pub const PAGE_TABLE: &str = "page";
/// The table of a locale file that holds the phrases the content checks look for.
pub const CHECKS_TABLE: &str = "checks";

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
    "facts",
    "cards",
];

/// One locale file, split.
pub struct LocaleFile {
    /// The content, as the TOML reads (without the three tables below).
    pub value: toml::Value,
    /// The content readers download.
    pub content_json: String,
    /// `[publish]` as JSON (`null` without one).
    pub publish_json: String,
    /// `[page]` as JSON (`null` without one).
    pub page_json: String,
    /// `[checks]` as JSON (`null` without one).
    pub checks_json: String,
}

/// The fact boxes' numbers, written once for every locale, relative to `src/content/`.
pub const FACT_DATA: &str = "data/facts.toml";

/// Splits a locale file's text, with the fact boxes joined onto its cards.
pub fn split(locale: &str, text: &str) -> Result<LocaleFile, String> {
    let mut value: toml::Value = toml::from_str(text).map_err(|e| format!("invalid TOML: {e}"))?;
    let data: toml::Value = toml::from_str(include_str!("data/facts.toml"))
        .map_err(|e| format!("{FACT_DATA}: invalid TOML: {e}"))?;
    join_fact_boxes(locale, &mut value, &data);
    split_value(value)
}

/// Splits a locale file already read, its fact boxes joined.
fn split_value(mut value: toml::Value) -> Result<LocaleFile, String> {
    let mut take = |table: &str| {
        value
            .as_table_mut()
            .and_then(|t| t.remove(table))
            .map(|w| serde_json::to_string(&w).expect("TOML values map to JSON"))
            .unwrap_or_else(|| "null".into())
    };
    let publish_json = take(PUBLISH_TABLE);
    let page_json = take(PAGE_TABLE);
    let checks_json = take(CHECKS_TABLE);
    let content_json = to_json(&value)?;
    Ok(LocaleFile {
        value,
        content_json,
        publish_json,
        page_json,
        checks_json,
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

/// Joins each fact box's numbers (the data file) with its words (the locale's
/// `[[facts.boxes]]`, matched by `id`) and appends the box to every card it names, with
/// that card's `lead` group. What is left of `[facts]` is the locale's strings. A box
/// without words, words without a box, a key in both or an unknown card stops the build:
/// each would be a figure shown without its context, or words without their figures.
fn join_fact_boxes(locale: &str, value: &mut toml::Value, data: &toml::Value) {
    use toml::Value;
    let root = value.as_table_mut().expect("a locale file is a table");
    let mut words = match root.get_mut("facts").and_then(|f| f.as_table_mut()) {
        Some(facts) => match facts.remove("boxes") {
            Some(Value::Array(boxes)) => boxes,
            _ => Vec::new(),
        },
        None => Vec::new(),
    };
    let boxes = data
        .get("boxes")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    for numbers in boxes {
        let mut numbers = numbers.as_table().cloned().expect("a fact box is a table");
        let id = numbers
            .get("id")
            .and_then(Value::as_str)
            .expect("a fact box has an id")
            .to_owned();
        let at = words
            .iter()
            .position(|w| w.get("id").and_then(Value::as_str) == Some(id.as_str()))
            .unwrap_or_else(|| {
                panic!("locale `{locale}`: no [[facts.boxes]] words for fact box `{id}`")
            });
        let mut joined = words
            .remove(at)
            .as_table()
            .cloned()
            .expect("fact box words are a table");
        let cards = numbers
            .remove("cards")
            .and_then(|c| c.as_array().cloned())
            .unwrap_or_default();
        for (key, v) in numbers {
            if key != "id" && joined.insert(key.clone(), v).is_some() {
                panic!("locale `{locale}`: fact box `{id}`: `{key}` is both data and words");
            }
        }
        for shown in cards {
            let card_id = shown
                .get("card")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let mut on_card = joined.clone();
            on_card.insert(
                "lead".into(),
                shown
                    .get("lead")
                    .cloned()
                    .unwrap_or(Value::String(String::new())),
            );
            let card = root
                .get_mut("cards")
                .and_then(Value::as_array_mut)
                .and_then(|cards| {
                    cards
                        .iter_mut()
                        .find(|c| c.get("id").and_then(Value::as_str) == Some(card_id))
                })
                .and_then(Value::as_table_mut)
                .unwrap_or_else(|| {
                    panic!("locale `{locale}`: fact box `{id}` names no card `{card_id}`")
                });
            let list = card
                .entry("facts")
                .or_insert_with(|| Value::Array(Vec::new()));
            list.as_array_mut()
                .expect("a card's facts are a list")
                .push(Value::Table(on_card));
        }
    }
    if let Some(extra) = words.first().and_then(|w| w.get("id")) {
        panic!("locale `{locale}`: [[facts.boxes]] `{extra}` has no numbers in data/facts.toml");
    }
}
