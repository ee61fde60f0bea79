//! Publisher configuration: bad input gets a clear message and a default, never a panic.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{json, Value};

use trd_explainer::config::{
    parse_json_text, parse_value, readme_attribute_table, resolve, JsonConfig, Options, Theme,
    Warning, ATTRIBUTES,
};
use trd_explainer::content::{Category, Region};

fn set(name: &str, value: &str) -> (Options, Vec<String>) {
    let defaults = Options::embedded();
    let mut o = defaults.clone();
    let w = o
        .set_attribute(&defaults, name, Some(value))
        .into_iter()
        .map(|w| w.to_string())
        .collect();
    (o, w)
}

#[test]
fn valid_attributes_apply_without_warnings() {
    let cases = [
        ("heading-level", "2"),
        ("categories", "medication, stimulation"),
        ("open", "ect,tms"),
        ("crisis-region", "uk"),
        ("deep-links", "off"),
        ("url-state", "on"),
        ("lang", "en-GB"),
        ("theme", "dark"),
        ("storage-key", "article-42"),
    ];
    for (name, value) in cases {
        let (_, w) = set(name, value);
        assert!(w.is_empty(), "{name}={value} warned: {w:?}");
    }
    let (o, _) = set("categories", "medication, stimulation");
    assert_eq!(
        o.categories,
        Some(vec![Category::Medication, Category::Stimulation])
    );
    assert_eq!(set("crisis-region", "uk").0.crisis_region, Region::Uk);
    assert!(!set("deep-links", "off").0.deep_links);
    assert_eq!(set("theme", "dark").0.theme, Theme::Dark);
    assert_eq!(set("heading-level", "2").0.section_level(), 2);
    assert_eq!(set("heading-level", "4").0.section_level(), 3);
}

#[test]
fn a_bad_attribute_value_warns_once_naming_option_value_and_choices_and_keeps_the_default() {
    let cases = [
        ("heading-level", "7", "2, 3 or 4"),
        (
            "crisis-region",
            "mars",
            "\"us\", \"es\", \"mx\", \"uk\", \"ca\", \"au\", \"nz\" or \"intl\"",
        ),
        ("deep-links", "maybe", "\"on\" or \"off\""),
        ("lang", "xx", "available: en, es"),
        ("theme", "sepia", "\"auto\", \"light\" or \"dark\""),
    ];
    let defaults = Options::embedded();
    for (name, value, accepted) in cases {
        let (o, w) = set(name, value);
        assert_eq!(w.len(), 1, "{name}={value}: {w:?}");
        assert!(
            w[0].contains(name) && w[0].contains(value) && w[0].contains(accepted),
            "{}",
            w[0]
        );
        assert_eq!(o, defaults, "{name}={value} falls back to the default");
    }
}

#[test]
fn unknown_categories_are_named_and_the_rest_apply() {
    let (o, w) = set("categories", "stimulation, surgery");
    assert_eq!(o.categories, Some(vec![Category::Stimulation]));
    assert_eq!(w.len(), 1);
    assert!(w[0].contains("surgery"));
    let (o, w) = set("categories", "surgery");
    assert_eq!(o.categories, None, "nothing valid: show all");
    assert_eq!(w.len(), 2);
}

#[test]
fn removing_an_attribute_restores_its_default() {
    let defaults = Options::embedded();
    let (mut o, _) = set("heading-level", "2");
    o.set_attribute(&defaults, "heading-level", None);
    assert_eq!(o.heading_level, 3);
}

#[test]
fn unknown_open_slugs_are_reported_against_the_content() {
    let (o, _) = set("open", "ect,teleportation");
    let (_, w) = resolve(&o, &JsonConfig::default()).unwrap();
    assert_eq!(w.len(), 1);
    assert!(w[0].to_string().contains("teleportation"));
}

#[test]
fn malformed_json_is_one_warning_and_no_overrides() {
    let (o, w) = parse_json_text("{ not json");
    assert_eq!(o, JsonConfig::default());
    assert_eq!(w.len(), 1);
    assert!(w[0].to_string().contains("not valid JSON"));
}

#[test]
fn a_json_value_of_the_wrong_shape_is_ignored_with_a_warning() {
    for text in ["[1,2]", "\"hello\"", "42", "true"] {
        let (o, w) = parse_json_text(text);
        assert_eq!(o, JsonConfig::default(), "{text}");
        assert_eq!(w.len(), 1, "{text}: {w:?}");
    }
}

#[test]
fn a_malformed_card_is_dropped_and_the_rest_of_the_config_applies() {
    let config = json!({
        "strings": { "expand_all": "Open every card", "nope": "x", "collapse_all": 5 },
        "cards": [
            { "id": "local-service", "category": "psychotherapy", "title": "Local talking therapy service", "summary": "How to refer yourself." },
            { "id": "broken", "category": "surgery", "title": "t", "summary": "s" },
            { "id": "no-title", "category": "research", "summary": "s" },
            { "id": "ect", "category": "stimulation", "title": "ECT (house style)", "summary": "Replaced summary." }
        ],
        "cta": { "label": "Find a clinic", "url": "https://example.org/find", "sponsor": "Example Health" },
        "colour": "blue"
    });
    let (o, w) = parse_json_text(&config.to_string());
    let cta = o.cta.clone();
    let w: Vec<String> = w.into_iter().map(|w| w.to_string()).collect();
    assert_eq!(
        o.strings,
        [("expand_all".to_string(), "Open every card".to_string())]
    );
    let ids: Vec<&str> = o.cards.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["local-service", "ect"]);
    assert_eq!(cta.unwrap().sponsor, "Example Health");
    for needle in [
        "\"nope\"",
        "collapse_all",
        "cards[1]",
        "surgery",
        "cards[2]",
        "title",
        "\"colour\"",
    ] {
        assert!(
            w.iter().any(|m| m.contains(needle)),
            "no warning mentions {needle}: {w:#?}"
        );
    }

    let options = Options::embedded();
    let (content, _) = resolve(&options, &o).unwrap();
    assert_eq!(content.cards.len(), 20, "one added, one replaced");
    assert_eq!(content.card("ect").unwrap().title, "ECT (house style)");
    assert_eq!(content.ui.expand_all, "Open every card");
}

#[test]
fn dangerous_links_never_survive_configuration() {
    let config = json!({
        "cta": { "label": "<img src=x onerror=alert(1)>", "url": "javascript:alert(1)", "sponsor": "Evil" },
        "cards": [{ "id": "x", "category": "research", "title": "<script>alert(1)</script>", "summary": "s",
                    "sources": [{ "id": "s", "short": "s", "text": "t", "url": "javascript:alert(2)" }] }]
    });
    let (o, w) = parse_json_text(&config.to_string());
    assert!(o.cta.is_none(), "a javascript: CTA is not shown");
    assert_eq!(
        o.cards[0].sources[0].url, None,
        "unsafe source link dropped"
    );
    assert_eq!(
        o.cards[0].title, "<script>alert(1)</script>",
        "kept as text; Yew escapes it"
    );
    assert!(w
        .iter()
        .any(|w| w.to_string().contains("javascript:alert(1)")));
}

#[test]
fn an_added_card_needs_only_id_category_title_and_summary() {
    let (o, w) = parse_json_text(
        r#"{"cards":[{"id":"minimal","category":"research","title":"T","summary":"S"}]}"#,
    );
    assert!(w.is_empty(), "{w:?}");
    assert_eq!(o.cards.len(), 1);
}

fn messages(w: &[Warning]) -> Vec<String> {
    w.iter().map(|w| w.to_string()).collect()
}

fn assert_warns(w: &[Warning], needles: &[&str]) {
    let w = messages(w);
    for needle in needles {
        assert!(
            w.iter().any(|m| m.contains(needle)),
            "no warning mentions {needle}: {w:#?}"
        );
    }
}

/// Drops a value without recursing (serde_json's own drop recurses once per level).
fn drop_flat(value: Value) {
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(items) => stack.extend(items),
            Value::Object(map) => stack.extend(map.into_iter().map(|(_, v)| v)),
            _ => {}
        }
    }
}

fn object(entries: Vec<(&str, Value)>) -> Value {
    Value::Object(
        entries
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
    )
}

/// `depth` lists around `leaf`. (Built in a loop: `json!` would recurse.)
fn nested(depth: usize, leaf: Value) -> Value {
    (0..depth).fold(leaf, |inner, _| Value::Array(vec![inner]))
}

#[test]
fn the_readme_attribute_table_is_the_attribute_table() {
    let readme = include_str!("../README.md");
    let table = readme_attribute_table();
    assert!(
        readme.contains(&table),
        "README's attribute table differs from config::ATTRIBUTES; it should read:\n{table}"
    );
}

#[test]
fn every_attribute_warning_names_the_default_actually_used() {
    let defaults = Options {
        crisis_region: Region::Uk,
        heading_level: 2,
        ..Options::embedded()
    };
    let mut o = defaults.clone();
    let w = messages(&o.set_attribute(&defaults, "crisis-region", Some("mars")));
    assert!(w[0].contains("Using \"uk\""), "{w:?}");
    assert_eq!(o.crisis_region, Region::Uk);
    let w = messages(&o.set_attribute(&defaults, "heading-level", Some("9")));
    assert!(w[0].contains("Using \"2\""), "{w:?}");
}

#[test]
fn crisis_region_accepts_every_selectable_region_of_the_content_model() {
    for slug in ["us", "uk", "intl", "UK", " gb ", "ie"] {
        let (_, w) = set("crisis-region", slug);
        assert!(w.is_empty(), "{slug}: {w:?}");
    }
    let (_, w) = set("crisis-region", "emergency");
    assert_eq!(w.len(), 1, "emergency lines are not a choice");
}

#[test]
fn storage_key_counts_characters_not_bytes() {
    let key = "😀".repeat(17);
    let (o, w) = set("storage-key", &key);
    assert!(w.is_empty(), "{w:?}");
    assert_eq!(o.storage_key, key);
    let (o, w) = set("storage-key", &"é".repeat(65));
    assert_eq!(w.len(), 1);
    assert_eq!(o.storage_key, "default");
}

#[test]
fn an_absent_attribute_and_a_removed_one_both_mean_the_default() {
    let defaults = Options::embedded();
    for a in ATTRIBUTES {
        let mut o = defaults.clone();
        o.set_attribute(&defaults, a.name, Some("nonsense-value"));
        o.set_attribute(&defaults, a.name, None);
        assert_eq!(o, defaults, "{} removed", a.name);
    }
}

#[test]
fn unknown_fields_anywhere_get_one_warning_naming_their_path() {
    let config = json!({
        "cards": [
            { "id": "a", "category": "research", "title": "T", "summary": "S", "sumary": "typo", "risk": "x",
              "evidence": { "brief": "e", "extra": 1 } }
        ],
        "cta": { "label": "L", "url": "https://example.org", "sponsor": "S", "utm": "x" },
        "__proto__": { "polluted": true },
        "constructor": "x"
    });
    let (o, w) = parse_json_text(&config.to_string());
    assert_warns(
        &w,
        &[
            "config.cards[0].sumary",
            "config.cards[0].risk",
            "config.cards[0].evidence.extra",
            "config.cta.utm",
            "config.__proto__",
            "config.constructor",
        ],
    );
    assert_eq!(w.len(), 6, "{:#?}", messages(&w));
    assert_eq!(o.cards.len(), 1, "a typo does not cost the card");
    assert!(o.cta.is_some(), "nor the CTA");
}

#[test]
fn a_duplicate_card_id_is_named_and_the_first_card_kept() {
    let config = json!({ "cards": [
        { "id": "mine", "category": "research", "title": "First", "summary": "S" },
        { "id": "mine", "category": "research", "title": "Second", "summary": "S" }
    ]});
    let (o, w) = parse_json_text(&config.to_string());
    assert_eq!(o.cards.len(), 1);
    assert_eq!(o.cards[0].title, "First");
    assert_warns(&w, &["config.cards[1]", "\"mine\""]);
}

#[test]
fn a_list_where_an_object_is_expected_is_named_not_read_as_fields() {
    let config = json!({
        "cta": ["Find a clinic", "https://example.org", "Example Health"],
        "strings": ["x"],
        "cards": [["a", "research", "T", "S"]]
    });
    let (o, w) = parse_json_text(&config.to_string());
    assert_eq!(o, JsonConfig::default());
    assert_warns(
        &w,
        &["config.cta", "config.strings", "config.cards[0]", "a list"],
    );
    assert_eq!(w.len(), 3, "{:#?}", messages(&w));
}

#[test]
fn a_top_level_null_is_named_in_json_and_clears_the_config_as_a_value() {
    let (o, w) = parse_json_text("null");
    assert_eq!(o, JsonConfig::default());
    assert_warns(&w, &["null"]);
    let (o, w) = parse_value(&&Value::Null);
    assert_eq!(o, Some(JsonConfig::default()));
    assert!(w.is_empty(), "`el.config = null` clears it quietly");
}

#[test]
fn nesting_deeper_than_64_levels_is_cut_with_one_warning_and_the_rest_applies() {
    for place in ["strings", "cards", "cta", "top"] {
        let deep = nested(5_000, json!(1));
        let close = || ("strings", object(vec![("collapse_all", json!("Close"))]));
        let card = json!({ "id": "ok", "category": "research", "title": "T", "summary": "S" });
        // Not `json!`: it serialises interpolated values, recursing once per level.
        let config = match place {
            "strings" => object(vec![(
                "strings",
                object(vec![("expand_all", deep), ("collapse_all", json!("Close"))]),
            )]),
            "cards" => object(vec![("cards", Value::Array(vec![deep, card])), close()]),
            "cta" => object(vec![
                (
                    "cta",
                    object(vec![
                        ("label", deep),
                        ("url", json!("https://a.b")),
                        ("sponsor", json!("S")),
                    ]),
                ),
                close(),
            ]),
            _ => deep,
        };
        let (o, w) = parse_value(&&config);
        let o = o.unwrap_or_default();
        let deep_warnings = messages(&w)
            .into_iter()
            .filter(|m| m.contains("64 levels"))
            .count();
        assert_eq!(deep_warnings, 1, "{place}: {:#?}", messages(&w));
        if place == "top" {
            assert_eq!(
                o,
                JsonConfig::default(),
                "unreadable as a whole: nothing to apply"
            );
        } else {
            assert_eq!(
                o.strings,
                [("collapse_all".to_string(), "Close".to_string())],
                "{place}"
            );
        }
        if place == "cards" {
            assert_eq!(o.cards.len(), 1);
        }
        drop_flat(config);
    }
}

#[test]
fn long_text_and_long_lists_are_capped_with_a_warning() {
    let card = |i: usize| json!({ "id": format!("c{i}"), "category": "research", "title": "T", "summary": "S" });
    let config = json!({
        "strings": { "expand_all": "x".repeat(1_000_000) },
        "cards": (0..250).map(card).collect::<Vec<_>>()
    });
    let (o, w) = parse_json_text(&config.to_string());
    assert_eq!(o.strings[0].1.chars().count(), 2_000);
    assert_eq!(o.cards.len(), 200);
    assert_warns(
        &w,
        &[
            "config.strings.expand_all",
            "2000 characters",
            "config.cards",
            "200",
        ],
    );
    // Characters, not bytes: 2,000 emoji are allowed.
    let emoji = "😀".repeat(2_000);
    let (o, w) = parse_json_text(&json!({ "strings": { "expand_all": emoji } }).to_string());
    assert!(w.is_empty(), "{w:?}");
    assert_eq!(o.strings[0].1, emoji);
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        ".{0,12}".prop_map(Value::String),
        prop_oneof![
            Just("cards"),
            Just("strings"),
            Just("cta"),
            Just("id"),
            Just("category"),
            Just("title"),
            Just("summary"),
            Just("stimulation"),
            Just("research"),
            Just("sources"),
            Just("url"),
            Just("expand_all"),
            Just("label"),
            Just("sponsor"),
            Just("javascript:x"),
            Just("https://a.b")
        ]
        .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(5, 64, 8, |inner| {
        let key = prop_oneof![
            Just("cards".to_string()),
            Just("strings".to_string()),
            Just("cta".to_string()),
            Just("id".to_string()),
            Just("category".to_string()),
            Just("title".to_string()),
            Just("summary".to_string()),
            Just("sources".to_string()),
            Just("points".to_string()),
            Just("how_it_works".to_string()),
            Just("label".to_string()),
            Just("url".to_string()),
            Just("sponsor".to_string()),
            ".{0,6}"
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key, inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Whatever JSON a publisher writes, parsing and resolving never panic, and every
    /// card that survives is usable.
    #[test]
    fn any_json_config_parses_without_panicking(value in arb_json()) {
        let (overrides, _warnings) = parse_json_text(&value.to_string());
        for card in &overrides.cards {
            prop_assert!(!card.id.is_empty() && !card.title.trim().is_empty());
        }
        if let Some(cta) = &overrides.cta {
            prop_assert!(trd_explainer::content::safe_href(&cta.url).is_some());
        }
        let _ = resolve(&Options::embedded(), &overrides);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Deep and huge values too: nesting far past the cap, very long text, long lists.
    #[test]
    fn deep_and_huge_configs_parse_without_panicking(
        depth in 0usize..3_000,
        text_len in 0usize..20_000,
        list_len in 0usize..600,
        inner in arb_json(),
    ) {
        let config = object(vec![
            ("strings", object(vec![
                ("expand_all", Value::String("é".repeat(text_len))),
                ("collapse_all", nested(depth, inner.clone())),
            ])),
            ("cards", Value::Array(vec![inner; list_len])),
        ]);
        let (parsed, _warnings) = parse_value(&&config);
        let parsed = parsed.unwrap_or_default();
        prop_assert!(parsed.cards.len() <= 200);
        prop_assert!(parsed.strings.iter().all(|(_, s)| s.chars().count() <= 2_000));
        let _ = resolve(&Options::embedded(), &parsed);
        drop_flat(config);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Arbitrary bytes as JSON text, too.
    #[test]
    fn any_text_as_config_never_panics(text in ".{0,200}") {
        let _ = parse_json_text(&text);
    }

    /// Any attribute value is either accepted or produces warnings; never a panic.
    #[test]
    fn any_attribute_value_is_handled(name in prop::sample::select(ATTRIBUTES.iter().map(|a| a.name).collect::<Vec<_>>()), value in ".{0,30}") {
        let defaults = Options::embedded();
        let mut o = defaults.clone();
        let _ = o.set_attribute(&defaults, name, Some(&value));
        prop_assert!((2..=4).contains(&o.heading_level));
    }
}

#[test]
fn a_regional_lang_tag_picks_the_crisis_line_unless_crisis_region_is_set() {
    let defaults = Options::embedded();
    for (tag, region) in [
        ("en-AU", Region::Au),
        ("en-CA", Region::Ca),
        ("en-NZ", Region::Nz),
        ("en-GB", Region::Uk),
        ("en-IE", Region::Uk),
        ("en-US", Region::Us),
        ("en", Region::Us),
    ] {
        assert_eq!(set("lang", tag).0.crisis_region, region, "{tag}");
    }
    // Attributes apply in order (lang first); an explicit crisis-region wins.
    let mut o = defaults.clone();
    o.set_attribute(&defaults, "lang", Some("en-AU"));
    o.set_attribute(&defaults, "crisis-region", Some("nz"));
    assert_eq!(o.crisis_region, Region::Nz);
    for (value, region) in [("ca", Region::Ca), ("AU", Region::Au), ("nz", Region::Nz)] {
        assert_eq!(set("crisis-region", value).0.crisis_region, region);
    }
}

#[test]
fn spanish_tags_choose_spanish_and_their_crisis_line() {
    for (tag, region) in [
        ("es-ES", Region::Es),
        ("es-MX", Region::Mx),
        ("es-US", Region::Us),
        // No region, or one without a line of its own: the international directory
        // leads (Spain's and Mexico's lines are listed below it).
        ("es", Region::Intl),
        ("es-419", Region::Intl),
        ("es-AR", Region::Intl),
    ] {
        let (o, warnings) = set("lang", tag);
        assert_eq!(o.locale, "es", "{tag}");
        assert_eq!(o.crisis_region, region, "{tag}");
        assert!(warnings.is_empty(), "{tag}: {warnings:?}");
    }
    for (value, region) in [("es", Region::Es), ("MX", Region::Mx)] {
        assert_eq!(set("crisis-region", value).0.crisis_region, region);
    }
    // An explicit crisis-region wins over the language's.
    let defaults = Options::embedded();
    let mut o = defaults.clone();
    o.set_attribute(&defaults, "crisis-region", Some("mx"));
    o.set_attribute(&defaults, "lang", Some("es"));
    assert_eq!(o.crisis_region, Region::Mx);
    // A language with no translation falls back to English with a warning.
    let (o, warnings) = set("lang", "de-DE");
    assert_eq!(o.locale, "en");
    assert_eq!(warnings.len(), 1);
}

/// `lang` applied as the element does in a browser whose languages are `reader`.
fn in_browser(reader: &[&str], attributes: &[(&str, &str)]) -> Options {
    let defaults = Options {
        reader_languages: reader.iter().map(|t| t.to_string()).collect(),
        ..Options::embedded()
    };
    let mut o = defaults.clone();
    for (name, value) in attributes {
        assert!(o.set_attribute(&defaults, name, Some(value)).is_empty());
    }
    o
}

#[test]
fn a_lang_without_a_region_takes_the_region_of_the_readers_own_languages() {
    for (reader, lang, region) in [
        // A Spanish page read in a Mexican or Spanish browser leads with that line.
        (&["es-MX", "es"][..], "es", Region::Mx),
        (&["es-ES", "en-US"][..], "es", Region::Es),
        (&["es-US"][..], "es", Region::Us),
        // Only the reader's languages in the page's language count, the first with a line.
        (&["en-GB", "es-MX"][..], "es", Region::Mx),
        (&["es-AR", "es-MX"][..], "es", Region::Mx),
        (&["en-US"][..], "es", Region::Intl),
        (&["es"][..], "es", Region::Intl),
        (&[][..], "es", Region::Intl),
        // English: the reader's country, else the US default.
        (&["en-AU"][..], "en", Region::Au),
        (&["en-IE"][..], "en", Region::Uk),
        (&["es-MX"][..], "en", Region::Us),
        (&[][..], "en", Region::Us),
        // The tag's own region wins over the browser's.
        (&["es-MX"][..], "es-ES", Region::Es),
        (&["en-AU"][..], "en-GB", Region::Uk),
    ] {
        let o = in_browser(reader, &[("lang", lang)]);
        assert_eq!(o.crisis_region, region, "lang={lang} in {reader:?}");
        assert_eq!(
            trd_explainer::config::lead_region(
                lang,
                o.locale,
                &reader.iter().map(|t| t.to_string()).collect::<Vec<_>>()
            ),
            region
        );
    }
    // An explicit crisis-region still wins, whatever the order.
    let o = in_browser(&["es-MX"], &[("crisis-region", "es"), ("lang", "es")]);
    assert_eq!(o.crisis_region, Region::Es);
    let o = in_browser(&["es-MX"], &[("lang", "es"), ("crisis-region", "intl")]);
    assert_eq!(o.crisis_region, Region::Intl);
}

#[test]
fn the_prerender_knows_no_reader_so_a_bare_language_gets_its_default_line() {
    assert!(Options::embedded().reader_languages.is_empty());
    assert!(Options::standalone().reader_languages.is_empty());
    assert_eq!(set("lang", "es").0.crisis_region, Region::Intl);
    assert_eq!(set("lang", "en").0.crisis_region, Region::Us);
}
