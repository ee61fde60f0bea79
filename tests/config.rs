//! Publisher configuration: bad input gets a clear message and a default, never a panic.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{json, Value};

use trd_explainer::config::{parse_json_text, resolve, Options, Overrides, Theme};
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
            "\"us\", \"uk\", \"ca\", \"au\", \"nz\" or \"intl\"",
        ),
        ("deep-links", "maybe", "\"on\" or \"off\""),
        ("lang", "xx", "available: en"),
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
    let (_, w) = resolve(&o, &Overrides::default()).unwrap();
    assert_eq!(w.len(), 1);
    assert!(w[0].to_string().contains("teleportation"));
}

#[test]
fn malformed_json_is_one_warning_and_no_overrides() {
    let (o, cta, w) = parse_json_text("{ not json");
    assert_eq!(o, Overrides::default());
    assert!(cta.is_none());
    assert_eq!(w.len(), 1);
    assert!(w[0].to_string().contains("not valid JSON"));
}

#[test]
fn a_json_value_of_the_wrong_shape_is_ignored_with_a_warning() {
    for text in ["[1,2]", "\"hello\"", "42", "true"] {
        let (o, _, w) = parse_json_text(text);
        assert_eq!(o, Overrides::default(), "{text}");
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
    let (o, cta, w) = parse_json_text(&config.to_string());
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
    let (o, cta, w) = parse_json_text(&config.to_string());
    assert!(cta.is_none(), "a javascript: CTA is not shown");
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
    let (o, _, w) = parse_json_text(
        r#"{"cards":[{"id":"minimal","category":"research","title":"T","summary":"S"}]}"#,
    );
    assert!(w.is_empty(), "{w:?}");
    assert_eq!(o.cards.len(), 1);
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
        let (overrides, cta, _warnings) = parse_json_text(&value.to_string());
        for card in &overrides.cards {
            prop_assert!(!card.id.is_empty() && !card.title.trim().is_empty());
        }
        if let Some(cta) = cta {
            prop_assert!(trd_explainer::content::safe_href(&cta.url).is_some());
        }
        let _ = resolve(&Options::embedded(), &overrides);
    }

    /// Arbitrary bytes as JSON text, too.
    #[test]
    fn any_text_as_config_never_panics(text in ".{0,200}") {
        let _ = parse_json_text(&text);
    }

    /// Any attribute value is either accepted or produces warnings; never a panic.
    #[test]
    fn any_attribute_value_is_handled(name in prop::sample::select(trd_explainer::config::ATTRIBUTES), value in ".{0,30}") {
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
