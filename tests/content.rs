//! The built-in content must meet the fact sheet's rules and the outline's structure.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use trd_explainer::content::{self, Category, Content, Status};

fn english() -> Rc<Content> {
    content::load("en").unwrap_or_else(|e| panic!("English content does not load: {e}"))
}

/// The card slugs, categories and statuses the outline fixes.
const OUTLINE: &[(&str, Category, Status)] = &[
    ("ketamine", Category::Medication, Status::Established),
    ("augmentation", Category::Medication, Status::Established),
    ("lithium", Category::Medication, Status::Established),
    (
        "personalized-pharmacotherapy",
        Category::Medication,
        Status::Emerging,
    ),
    (
        "novel-agents",
        Category::Medication,
        Status::Investigational,
    ),
    ("psilocybin", Category::Medication, Status::Investigational),
    ("tms", Category::Stimulation, Status::Established),
    ("ect", Category::Stimulation, Status::Established),
    ("vns", Category::Stimulation, Status::Established),
    ("dbs", Category::Stimulation, Status::Investigational),
    ("neurofeedback", Category::Stimulation, Status::Emerging),
    ("cbt", Category::Psychotherapy, Status::Established),
    ("ipt", Category::Psychotherapy, Status::Emerging),
    ("mindfulness", Category::Psychotherapy, Status::Emerging),
    ("psychosocial", Category::Psychotherapy, Status::Emerging),
    ("biomarkers", Category::Research, Status::Research),
    ("genetics", Category::Research, Status::Research),
    ("brain-imaging", Category::Research, Status::Research),
    ("neuroplasticity", Category::Research, Status::Research),
];

#[test]
fn every_locale_parses_and_passes_validation() {
    for code in content::locales() {
        let c = content::load(code).unwrap_or_else(|e| panic!("{code}: {e}"));
        let errors = content::validate(&c);
        assert!(
            errors.is_empty(),
            "{code} has content errors:\n  {}",
            errors.join("\n  ")
        );
    }
}

#[test]
fn every_outline_card_is_present_with_its_category_and_status() {
    let c = english();
    assert_eq!(c.cards.len(), OUTLINE.len(), "exactly the outline's cards");
    for (slug, category, status) in OUTLINE {
        let card = c
            .card(slug)
            .unwrap_or_else(|| panic!("missing card `{slug}`"));
        assert_eq!(card.category, *category, "card `{slug}` category");
        assert_eq!(card.status, Some(*status), "card `{slug}` status");
    }
}

#[test]
fn category_names_are_the_reader_facing_ones() {
    let c = english();
    let names: Vec<&str> = c.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Medications",
            "Brain stimulation",
            "Talking and psychosocial therapies",
            "Research frontiers"
        ]
    );
}

#[test]
fn the_safety_banner_lists_every_crisis_line_the_fact_sheet_names() {
    let c = english();
    let text: String = c
        .safety
        .lines
        .iter()
        .flat_map(|l| {
            [l.name.clone(), l.detail.clone()]
                .into_iter()
                .chain(l.contacts.iter().map(|x| x.href.clone()))
        })
        .collect::<Vec<_>>()
        .join(" ");
    for needle in [
        "988",
        "tel:988",
        "116 123",
        "tel:116123",
        "findahelpline.com",
        "988lifeline.org",
        "911",
        "999",
        "112",
        "Samaritans",
    ] {
        assert!(text.contains(needle), "safety banner lacks {needle}");
    }
}

#[test]
fn every_card_shows_at_least_one_source() {
    for card in &english().cards {
        assert!(!card.sources.is_empty(), "card `{}` has no source", card.id);
    }
}

/// Claims the fact sheet marks **unverified** must not be stated as fact.
#[test]
fn nothing_marked_unverified_is_stated() {
    let c = english();
    let everything: Vec<(String, String)> = c
        .cards
        .iter()
        .flat_map(|card| {
            let mut texts = vec![card.summary.clone(), card.title.clone()];
            for (_, s) in card.sections() {
                texts.extend(s.brief.clone());
                texts.extend(s.points.iter().map(|p| p.text.clone()));
            }
            texts.into_iter().map(move |t| (card.id.clone(), t))
        })
        .collect();
    let banned = [
        ("psilocybin", "3.6"), // company-reported COMP005 result
        ("psilocybin", "3.8"), // company-reported COMP006 result
        ("vns", "IPG330"),     // NICE position unverified
        ("ipt", "12–16"),      // session count unverified
        ("ipt", "12-16"),
        ("ketamine", "within a week"), // duration of one infusion unverified
    ];
    for (card, phrase) in banned {
        for (id, text) in &everything {
            assert!(
                !(id == card && text.contains(phrase)),
                "card `{id}` states an unverified claim ({phrase}): {text}"
            );
        }
    }
}

#[test]
fn a_missing_field_names_the_card() {
    let json = r#"{"cards":[{"id":"x","category":"stimulation","summary":"s"}]}"#;
    let err = serde_json::from_str::<serde_json::Value>(json)
        .map(|v| serde_json::from_value::<trd_explainer::content::Card>(v["cards"][0].clone()))
        .unwrap()
        .unwrap_err()
        .to_string();
    assert!(err.contains("title"), "{err}");
}

fn validate_mutated(mutate: impl FnOnce(&mut Content)) -> Vec<String> {
    let mut c = (*english()).clone();
    mutate(&mut c);
    content::validate(&c)
}

#[test]
fn validation_fails_on_a_duplicate_slug() {
    let errors = validate_mutated(|c| {
        let dup = c.cards[0].clone();
        c.cards.push(dup);
    });
    assert!(
        errors
            .iter()
            .any(|e| e.contains("card `ketamine`") && e.contains("duplicate")),
        "{errors:?}"
    );
}

#[test]
fn validation_fails_on_a_card_without_sources() {
    let errors = validate_mutated(|c| {
        let mut card = (*c.cards[7]).clone();
        card.sources = Rc::from(vec![]);
        c.cards[7] = Rc::new(card);
    });
    assert!(
        errors
            .iter()
            .any(|e| e.contains("card `ect`") && e.contains("no sources")),
        "{errors:?}"
    );
}

#[test]
fn validation_fails_on_a_figure_without_a_source() {
    let errors = validate_mutated(|c| {
        let mut card = (*c.cards[7]).clone();
        let mut risks = card.risks.clone().unwrap();
        let mut points = risks.points.to_vec();
        points.push(content::Point {
            text: "Memory loss affects 40% of people.".into(),
            cite: vec![],
        });
        risks.points = points.into();
        card.risks = Some(risks);
        c.cards[7] = Rc::new(card);
    });
    assert!(
        errors
            .iter()
            .any(|e| e.contains("card `ect`") && e.contains("figure without a source")),
        "{errors:?}"
    );
}

#[test]
fn validation_fails_on_a_missing_section() {
    let errors = validate_mutated(|c| {
        let mut card = (*c.cards[0]).clone();
        card.onset = None;
        c.cards[0] = Rc::new(card);
    });
    assert!(
        errors
            .iter()
            .any(|e| e.contains("card `ketamine`") && e.contains("onset")),
        "{errors:?}"
    );
}

#[test]
fn an_unknown_category_or_status_is_rejected_by_the_parser() {
    for bad in [
        r#"{"id":"x","category":"surgery","title":"t","summary":"s"}"#,
        r#"{"id":"x","category":"stimulation","status":"approved","title":"t","summary":"s"}"#,
    ] {
        let err = serde_json::from_str::<trd_explainer::content::Card>(bad)
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown variant"), "{err}");
    }
}

#[test]
fn citation_keys_split_from_the_text() {
    let p = content::Point::from("Remission 27.1% vs 17.6%. [reif2023, popova2019]".to_string());
    assert_eq!(p.text, "Remission 27.1% vs 17.6%.");
    assert_eq!(p.cite, ["reif2023", "popova2019"]);
    let plain = content::Point::from("Brackets [like this] stay text.".to_string());
    assert!(plain.cite.is_empty());
}

#[test]
fn figures_are_recognised() {
    for yes in [
        "27.1% vs 17.6%",
        "response OR 1.69",
        "(n=676)",
        "small effect (g=0.37)",
        "MADRS fell",
    ] {
        assert!(content::has_figure(yes), "{yes}");
    }
    for no in [
        "2 or 3 times a week",
        "at least 4 to 6 weeks",
        "Phase 3 trials",
        "CYP2D6",
    ] {
        assert!(!content::has_figure(no), "{no}");
    }
}

#[test]
fn only_safe_links_pass() {
    for ok in [
        "https://988lifeline.org",
        "tel:988",
        "mailto:a@b.org",
        "http://example.org/x",
    ] {
        assert!(content::safe_href(ok).is_some(), "{ok}");
    }
    for bad in [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "data:text/html,x",
        "/relative",
        "https://",
        "tel:call-me",
        "https://x.org/\"onmouseover=\"",
    ] {
        assert!(content::safe_href(bad).is_none(), "{bad}");
    }
}

#[test]
fn ui_strings_can_be_set_by_key() {
    let mut ui = english().ui.clone();
    assert!(ui.set("expand_all", "Open all".into()));
    assert_eq!(ui.expand_all, "Open all");
    assert!(!ui.set("no_such_key", "x".into()));
    assert_eq!(
        content::fill("{count} treatments match", &[("count", "3")]),
        "3 treatments match"
    );
}

#[test]
fn locale_tags_resolve_to_compiled_content() {
    assert_eq!(content::match_locale("en-GB"), Some("en"));
    assert_eq!(content::match_locale("EN"), Some("en"));
    assert_eq!(content::match_locale("xx"), None);
}
