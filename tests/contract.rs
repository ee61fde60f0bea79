//! The contract of the phase before the app (src/contract.rs): the names the scripts share
//! with the markup and the wasm are declared once in Rust, the markup carries the ones it
//! promises, and the scripts read languages and crisis lines as the Rust side does.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use trd_explainer::config::Options;
use trd_explainer::content::{self, Region};
use trd_explainer::contract::{self, crisis_order, IN_MARKUP, NAMES};
use trd_explainer::prerender::{
    crisis_regions, region_codes, render_embed, render_widget, PageWords, PAGE_KEYS,
};

const SCRIPTS: [(&str, &str); 2] = [
    (
        "static/trd-explainer.js",
        include_str!("../static/trd-explainer.js"),
    ),
    (
        "static/trd-accordion.js",
        include_str!("../static/trd-accordion.js"),
    ),
];

/// The script without its comments (which may name files and events freely).
fn code(script: &str) -> String {
    let mut out = String::new();
    let mut in_block = false;
    for line in script.lines() {
        let mut line = line.to_owned();
        if in_block {
            match line.find("*/") {
                Some(end) => {
                    line = line[end + 2..].to_owned();
                    in_block = false;
                }
                None => continue,
            }
        }
        while let Some(start) = line.find("/*") {
            match line[start..].find("*/") {
                Some(end) => line.replace_range(start..start + end + 2, ""),
                None => {
                    line.truncate(start);
                    in_block = true;
                }
            }
        }
        if line.trim_start().starts_with("//") {
            continue;
        }
        if let Some(at) = line.find(" // ") {
            line.truncate(at);
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Every `trd` name written out in `code`: `trd-…`, `trd_…`, `data-trd…`, `--trd-…`.
fn trd_names(code: &str) -> BTreeSet<String> {
    let bytes = code.as_bytes();
    let is_name = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_:".contains(&b);
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices("trd") {
        let before = at.checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(at + 3).copied();
        let mut start = at;
        let prefixed = match before {
            Some(b'-') if code[..at].ends_with("data-") => {
                start -= 5;
                true
            }
            Some(b'-') if code[..at].ends_with("--") => {
                start -= 2;
                true
            }
            Some(b) => !(b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b == b'-'),
            None => true,
        };
        let named = prefixed && (matches!(after, Some(b'-' | b'_')) || start < at);
        if !named {
            continue;
        }
        let mut end = at + 3;
        while end < bytes.len() && is_name(bytes[end]) {
            end += 1;
        }
        found.insert(code[start..end].trim_end_matches([':', '-']).to_owned());
    }
    found
}

/// The keys a script reads from its names object (`NAMES.card`, `N.card`).
fn name_keys(code: &str) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for object in ["NAMES.", "N."] {
        for (at, _) in code.match_indices(object) {
            let before = at.checked_sub(1).map(|i| code.as_bytes()[i]);
            if before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$') {
                continue;
            }
            let rest = &code[at + object.len()..];
            let key: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            keys.insert(key);
        }
    }
    keys
}

#[test]
fn the_scripts_use_only_names_the_rust_side_declares() {
    let declared: BTreeSet<&str> = NAMES.iter().map(|(_, v)| *v).collect();
    let keys: BTreeSet<&str> = NAMES.iter().map(|(k, _)| *k).collect();
    for (file, script) in SCRIPTS {
        let code = code(script);
        assert!(
            code.contains("__TRD_NAMES__"),
            "{file} gets the names at build time"
        );
        for name in trd_names(&code) {
            assert!(
                declared.contains(name.as_str()),
                "{file} uses `{name}`, which src/contract.rs does not declare"
            );
        }
        for key in name_keys(&code) {
            assert!(
                keys.contains(key.as_str()),
                "{file} reads `{key}` from the names, which src/contract.rs does not declare"
            );
        }
    }
}

#[test]
fn the_name_scanner_finds_what_it_must() {
    let code = code(
        "// trd-in-a-comment\nel.className = \"trd-card trd-other\"; q(\"[data-trd-x]\"); s(\"var(--trd-h)\"); x.trdAccordion; __TRD_NAMES__; N.card; NAMES.widget; Node.TEXT",
    );
    let names: Vec<String> = trd_names(&code).into_iter().collect();
    assert_eq!(
        names,
        ["--trd-h", "data-trd-x", "trd-card", "trd-other"].map(String::from)
    );
    let keys: Vec<String> = name_keys(&code).into_iter().collect();
    assert_eq!(keys, ["card", "widget"].map(String::from));
}

#[test]
fn every_declared_name_is_declared_once() {
    let mut keys = BTreeSet::new();
    let mut values = BTreeSet::new();
    for (key, value) in NAMES {
        assert!(keys.insert(key), "key `{key}` twice");
        assert!(values.insert(value), "name `{value}` twice");
    }
    let json: serde_json::Value = serde_json::from_str(&contract::names_json()).unwrap();
    assert_eq!(json["card"], contract::CARD);
    assert_eq!(json.as_object().unwrap().len(), NAMES.len());
}

/// Whether `class` is one of the class names of some element of `html`.
fn has_class(html: &str, class: &str) -> bool {
    html.split("class=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .any(|classes| classes.split_whitespace().any(|c| c == class))
}

#[test]
fn the_prerendered_markup_carries_every_name_it_promises() {
    let embed = render_embed(Options::embedded()).unwrap();
    let page = render_widget(Options::standalone()).unwrap();
    for html in [&embed, &page] {
        for name in IN_MARKUP {
            assert!(has_class(html, name), "the markup has no `.{name}`");
        }
        assert!(
            html.contains(&format!("class=\"{}", contract::WIDGET))
                && html.contains(" lang=\"en\""),
            "the root says its language"
        );
        assert!(!has_class(html, contract::LIVE), "not live before the app");
        assert!(
            !has_class(html, contract::CARD_OPEN),
            "no card open by default"
        );
    }
    let template = include_str!("../index.html");
    assert!(template.contains(contract::STANDALONE));
}

#[test]
fn the_loader_reads_crisis_regions_as_the_rust_side_does() {
    let codes = region_codes();
    for (code, region) in codes.as_object().unwrap() {
        assert_eq!(
            Region::from_attribute(code).map(Region::slug),
            region.as_str(),
            "{code}"
        );
        assert_eq!(
            Region::from_locale_tag(&format!("xx-{}", code.to_uppercase())).map(Region::slug),
            region.as_str(),
            "a region subtag {code}"
        );
    }
    for value in crisis_regions().as_array().unwrap() {
        let value = value.as_str().unwrap();
        assert_eq!(
            Region::from_attribute(value).map(Region::slug),
            Some(value),
            "{value}"
        );
    }
    assert!(Region::from_attribute("emergency").is_none());
    assert!(!crisis_regions().to_string().contains("emergency"));
}

#[test]
fn crisis_lines_lead_with_the_chosen_line_and_close_with_the_emergency_numbers() {
    for code in content::locales() {
        let c = content::load(code).unwrap();
        for lead in Region::CHOOSABLE {
            let order = crisis_order(&c.safety.lines, Some(lead));
            assert_eq!(order.len(), c.safety.lines.len());
            if c.safety.lines.iter().any(|l| l.region == lead) {
                assert_eq!(order[0].region, lead, "{code}: {lead:?} leads");
            }
            let last = order.last().unwrap();
            assert_eq!(
                last.region,
                Region::Emergency,
                "{code}: emergency numbers last"
            );
            // What the loader does with the lines it gets: lifts the one that leads.
            let mut lifted = crisis_order(&c.safety.lines, None);
            if let Some(at) = lifted.iter().position(|l| l.region == lead) {
                let line = lifted.remove(at);
                lifted.insert(0, line);
            }
            assert_eq!(lifted, order, "{code}: {lead:?}");
        }
    }
}

#[test]
fn every_locale_has_the_page_words_and_the_template_has_the_default_text() {
    let template = include_str!("../index.html");
    let default = PageWords::built_in(content::DEFAULT_LOCALE);
    for (_, text) in &default.template {
        assert!(template.contains(text.as_str()), "index.html has `{text}`");
    }
    for code in content::locales() {
        let json = PageWords::source(code).unwrap_or_else(|| panic!("{code} has a [page] table"));
        let words = PageWords::from_json(code, json).unwrap();
        assert_eq!(PAGE_KEYS.len(), 7);
        let keys = |w: &PageWords| {
            w.template
                .iter()
                .map(|(k, _)| k.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(keys(&words), keys(&default), "{code}: [page.template] keys");
    }
}
