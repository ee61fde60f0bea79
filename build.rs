//! Turns each locale file `src/content/<locale>.toml` into compact JSON. Native builds
//! (tests, the prerender) embed it; the wasm gets only the locale codes and receives the
//! JSON at run time (the prerender writes it to `dist/`), so a reader downloads only their
//! own language. Authors write readable TOML; the wasm never carries a TOML or JSON parser
//! (the browser's `JSON.parse` does the work) and adding a locale needs no code change.
//! The fact boxes' numbers, the same in every language, are written once in
//! `src/content/data/facts.toml` (a subfolder, so not a locale) and joined here with each
//! locale's words for them.

use std::{env, fmt::Write as _, fs, path::Path};

// The same deadline arithmetic the content checks use.
#[path = "src/content/deadline.rs"]
#[allow(dead_code)]
mod deadline;

fn main() {
    let dir = Path::new("src/content");
    println!("cargo:rerun-if-changed={}", dir.display());
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut entries: Vec<_> = fs::read_dir(dir)
        .expect("src/content exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    entries.sort();
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    let today = build_date();
    let fact_data = read_fact_data(dir);

    let mut codes = String::from("/// The locale code of every `src/content/*.toml`.\n");
    codes.push_str("pub static LOCALE_CODES: &[&str] = &[\n");
    // The publisher's page words (each locale file's `[publish]` table): never part of
    // the content a reader downloads; the build writes them into the publisher's page.
    let mut publish = String::from(
        "/// (locale, `[publish]` table as JSON) for every `src/content/*.toml`; native only.\n",
    );
    publish.push_str("pub static PUBLISH_STRINGS: &[(&str, &str)] = &[\n");
    let mut table =
        String::from("/// (locale, content JSON) for every `src/content/*.toml`; native only.\n");
    table.push_str("#[cfg(not(target_arch = \"wasm32\"))]\n");
    table.push_str("pub static LOCALES: &[(&str, &str)] = &[\n");
    for path in entries {
        println!("cargo:rerun-if-changed={}", path.display());
        let locale = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("utf-8 file name");
        let text = fs::read_to_string(&path).expect("readable content file");
        let mut value: toml::Value = toml::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: invalid TOML: {e}", path.display()));
        if let Some(data) = &fact_data {
            join_fact_boxes(locale, &mut value, data);
        }
        warn_on_overdue_reviews(locale, &value, today);
        warn_on_ending_statuses(locale, &value, today);
        let words = value
            .as_table_mut()
            .and_then(|t| t.remove(PUBLISH_TABLE))
            .map(|w| serde_json::to_string(&w).expect("TOML values map to JSON"))
            .unwrap_or_else(|| "null".into());
        let words_file = format!("{out}/publish-{locale}.json");
        fs::write(&words_file, words).expect("OUT_DIR is writable");
        writeln!(publish, "    ({locale:?}, include_str!({words_file:?})),").unwrap();
        let json = to_json(&value);
        let file = format!("{out}/content-{locale}.json");
        fs::write(&file, json).expect("OUT_DIR is writable");
        writeln!(table, "    ({locale:?}, include_str!({file:?})),").unwrap();
        writeln!(codes, "    {locale:?},").unwrap();
    }
    table.push_str("];\n");
    codes.push_str("];\n");
    table.push_str(&codes);
    fs::write(format!("{out}/locales.rs"), table).expect("OUT_DIR is writable");
    publish.push_str("];\n");
    fs::write(format!("{out}/publish_strings.rs"), publish).expect("OUT_DIR is writable");
}

/// The table of a locale file that holds the publisher's page words, not content.
const PUBLISH_TABLE: &str = "publish";

/// The order of a locale's top-level tables in its JSON; any other table follows, sorted.
/// gzip only looks 32 KB back, so the `[matters]` block, whose sources repeat many of
/// the cards' sources, goes right before the cards (alphabetical order put 66 KB of cards
/// between them), which saves about 0.6 KB of a reader's download.
const JSON_ORDER: &[&str] = &[
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

/// Compact JSON of a locale file, top-level tables in [`JSON_ORDER`].
fn to_json(value: &toml::Value) -> String {
    let table = value.as_table().expect("a locale file is a table");
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
        let key_json = serde_json::to_string(key).expect("a key maps to JSON");
        let value_json = serde_json::to_string(&table[key]).expect("TOML values map to JSON");
        write!(out, "{key_json}:{value_json}").unwrap();
    }
    out.push('}');
    out
}

/// Today's date (UTC) as (year, month, day); `SOURCE_DATE_EPOCH` wins for reproducible builds.
fn build_date() -> (i64, i64, i64) {
    let secs = env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        });
    civil_from_days(secs.div_euclid(86_400))
}

/// Days since 1970-01-01 to a calendar date (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Content past its review date still builds (it is still the best we have), but says so:
/// health content must be re-checked on schedule.
fn warn_on_overdue_reviews(locale: &str, value: &toml::Value, today: (i64, i64, i64)) {
    let Some(cards) = value.get("cards").and_then(|c| c.as_array()) else {
        return;
    };
    for card in cards {
        let id = card.get("id").and_then(|v| v.as_str()).unwrap_or("?");
        let Some(next) = card.get("next_review").and_then(|v| v.as_str()) else {
            continue;
        };
        let parts: Vec<i64> = next.split('-').filter_map(|p| p.parse().ok()).collect();
        if let [y, m, d] = parts[..] {
            if (y, m, d) < today {
                println!(
                    "cargo:warning=content `{locale}`: card `{id}` was due for review on {next}; check it against its sources and update `reviewed` and `next_review`"
                );
            }
        }
    }
}

/// The fact boxes' numbers, written once for every locale (`src/content/data/facts.toml`).
fn read_fact_data(dir: &Path) -> Option<toml::Value> {
    let path = dir.join("data/facts.toml");
    println!("cargo:rerun-if-changed={}", path.display());
    let text = fs::read_to_string(&path).ok()?;
    Some(toml::from_str(&text).unwrap_or_else(|e| panic!("{}: invalid TOML: {e}", path.display())))
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

/// A regulatory status listed until a date (`time_limited` on a card) must be re-checked
/// when the date is near, and once it has passed, until the card is reviewed after it (the
/// content checks then hold its text to saying that no extension was found).
fn warn_on_ending_statuses(locale: &str, value: &toml::Value, today: (i64, i64, i64)) {
    let Some(cards) = value.get("cards").and_then(|c| c.as_array()) else {
        return;
    };
    for card in cards {
        let id = card.get("id").and_then(|v| v.as_str()).unwrap_or("?");
        let reviewed = card
            .get("reviewed")
            .and_then(|v| v.as_str())
            .and_then(deadline::iso_parts);
        let limits = card.get("time_limited").and_then(|v| v.as_array());
        for limit in limits.into_iter().flatten() {
            let source = limit.get("source").and_then(|v| v.as_str()).unwrap_or("?");
            let Some(until) = limit.get("until").and_then(|v| v.as_str()) else {
                continue;
            };
            let Some(date) = deadline::iso_parts(until) else {
                continue;
            };
            match deadline::deadline(date, today) {
                deadline::Deadline::Passed if reviewed.is_some_and(|r| r > date) => {}
                deadline::Deadline::Passed => println!(
                    "cargo:warning=content `{locale}`: card `{id}`: the status from `{source}` was listed until {until}, which has passed; check whether it was extended and make the text say so"
                ),
                deadline::Deadline::Soon(days) => println!(
                    "cargo:warning=content `{locale}`: card `{id}`: the status from `{source}` ends on {until}, in {days} days; check whether it will be extended"
                ),
                deadline::Deadline::Later => {}
            }
        }
    }
}
