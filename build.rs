//! Turns each locale file `src/content/<locale>.toml` into compact JSON. Native builds
//! (tests, the prerender) embed it; the wasm gets only the locale codes and receives the
//! JSON at run time (the prerender writes it to `dist/`), so a reader downloads only their
//! own language. Authors write readable TOML; the wasm never carries a TOML or JSON parser
//! (the browser's `JSON.parse` does the work) and adding a locale needs no code change.
//! The fact boxes' numbers, the same in every language, are written once in
//! `src/content/data/facts.toml` (a subfolder, so not a locale) and joined here with each
//! locale's words for them.

use std::{env, fmt::Write as _, fs, path::Path};

// How a locale file splits into content, publisher's words and page words.
#[path = "src/content/locale_file.rs"]
mod locale_file;

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
    // The fact boxes' numbers, which locale_file joins onto every locale's cards.
    println!(
        "cargo:rerun-if-changed={}",
        dir.join(locale_file::FACT_DATA).display()
    );

    let mut codes = String::from("/// The locale code of every `src/content/*.toml`.\n");
    codes.push_str("pub static LOCALE_CODES: &[&str] = &[\n");
    // The publisher's page words (each locale file's `[publish]` table): never part of
    // the content a reader downloads; the build writes them into the publisher's page.
    let mut publish = String::from(
        "/// (locale, `[publish]` table as JSON) for every `src/content/*.toml`; native only.\n",
    );
    publish.push_str("pub static PUBLISH_STRINGS: &[(&str, &str)] = &[\n");
    // The words of the page around the guide (each locale file's `[page]` table), which
    // the build writes into the standalone page and the scripts; native only.
    let mut page = String::from(
        "/// (locale, `[page]` table as JSON) for every `src/content/*.toml`; native only.\n",
    );
    page.push_str("pub static PAGE_STRINGS: &[(&str, &str)] = &[\n");
    // The phrases the content checks look for (each locale file's `[checks]` table), read
    // by the tests; never part of what a reader downloads.
    let mut checks = format!(
        "/// The table of a locale file that holds the checks' phrases.\npub const CHECKS_TABLE: &str = {:?};\n",
        locale_file::CHECKS_TABLE
    );
    checks.push_str(
        "/// (locale, `[checks]` table as JSON) for every `src/content/*.toml`; native only.\n",
    );
    checks.push_str("pub static CHECK_PHRASES: &[(&str, &str)] = &[\n");
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
        let file =
            locale_file::split(locale, &text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        warn_on_overdue_reviews(locale, &file.value, today);
        warn_on_ending_statuses(locale, &file.value, today);

        let words_file = format!("{out}/publish-{locale}.json");
        fs::write(&words_file, &file.publish_json).expect("OUT_DIR is writable");
        writeln!(publish, "    ({locale:?}, include_str!({words_file:?})),").unwrap();
        let page_file = format!("{out}/page-{locale}.json");
        fs::write(&page_file, &file.page_json).expect("OUT_DIR is writable");
        writeln!(page, "    ({locale:?}, include_str!({page_file:?})),").unwrap();
        let checks_file = format!("{out}/checks-{locale}.json");
        fs::write(&checks_file, &file.checks_json).expect("OUT_DIR is writable");
        writeln!(checks, "    ({locale:?}, include_str!({checks_file:?})),").unwrap();
        let file_name = format!("{out}/content-{locale}.json");
        fs::write(&file_name, &file.content_json).expect("OUT_DIR is writable");
        writeln!(table, "    ({locale:?}, include_str!({file_name:?})),").unwrap();
        writeln!(codes, "    {locale:?},").unwrap();
    }
    table.push_str("];\n");
    codes.push_str("];\n");
    table.push_str(&codes);
    fs::write(format!("{out}/locales.rs"), table).expect("OUT_DIR is writable");
    publish.push_str("];\n");
    fs::write(format!("{out}/publish_strings.rs"), publish).expect("OUT_DIR is writable");
    page.push_str("];\n");
    fs::write(format!("{out}/page_strings.rs"), page).expect("OUT_DIR is writable");
    checks.push_str("];\n");
    fs::write(format!("{out}/check_phrases.rs"), checks).expect("OUT_DIR is writable");
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
