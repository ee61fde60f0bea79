//! "How this guide was made" (issue 25): the section in every locale with everything a
//! health editor needs to see, its dated list of changes kept true to the cards' review
//! dates, the publisher's reviewer, statement and contact as configuration, and the
//! reviewer shown and written into structured data only when configured.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use serde_json::Value;
use trd_explainer::config::{
    contact_href, parse_json_text, resolve, JsonConfig, Options, ATTRIBUTES,
};
use trd_explainer::content::{self, About, Content, ABOUT_ID, PRIVACY_ID, REPORT_ID};
use trd_explainer::prerender::{
    accordion, head_for, page_for, prerendered_with, render_embed, render_widget,
    standalone_attributes, standalone_options, structured_data,
};

fn load(code: &str) -> Rc<Content> {
    content::load(code).unwrap()
}

fn about(c: &Content) -> &About {
    c.about
        .as_deref()
        .unwrap_or_else(|| panic!("locale `{}` has no [about]", c.locale))
}

/// All the section's prose, lower-cased.
fn prose(a: &About) -> String {
    let mut all = vec![a.heading.clone(), a.intro.clone()];
    for (part, _) in a.parts() {
        all.push(part.heading.clone());
        all.extend(part.paragraphs.iter().cloned());
    }
    all.extend([
        a.statement_none.clone(),
        a.report_default.clone(),
        a.last_review.clone(),
    ]);
    all.join("\n").to_lowercase()
}

/// What each item of the issue has to say, as words the locale's text must contain.
fn items(locale: &str) -> &'static [(&'static str, &'static [&'static str])] {
    match locale {
        "en" => &[
            ("the decision", &["choosing which treatments to ask about when depression has not improved after two or more antidepressants"]),
            ("who it is for", &["it is for adults", "people who support them"]),
            ("who it is not for", &["not for a crisis", "children or teenagers"]),
            ("kinds of sources", &["labels", "guidelines", "randomized trials", "reviews"]),
            ("how figures are shown", &["every figure is shown next to its source", "company paid"]),
            ("how cards were checked", &["independent fact checks", "26 november 2026", "5 december 2026", "bilingual medical editor"]),
            ("what it does not cover", &["what it does not cover"]),
            ("its own funding", &["no sponsor", "no conflicts of interest"]),
            ("the sponsored link", &["sponsored", "off unless", "never placed inside a treatment card"]),
            ("the update policy", &["at least once every 12 months", "due to end on a set date"]),
            ("the last full review", &["last full review"]),
            ("reporting an error", &["found a mistake", "contact page"]),
            ("its limits", &["not medical advice", "does not replace a doctor", "not yet been tested with patients"]),
            ("privacy", &["session storage", "this tab only", "sends nothing", "no cookies", "no trackers"]),
        ],
        "es" => &[
            ("the decision", &["elegir sobre qué tratamientos preguntar cuando la depresión no ha mejorado después de dos o más antidepresivos"]),
            ("who it is for", &["es para adultos", "personas que los acompañan"]),
            ("who it is not for", &["no sirve para una crisis", "niños ni adolescentes"]),
            ("kinds of sources", &["fichas técnicas", "guías clínicas", "ensayos aleatorizados", "revisiones"]),
            ("how figures are shown", &["cada cifra aparece junto a su fuente", "empresa pagó"]),
            ("how cards were checked", &["revisiones independientes", "26 de noviembre de 2026", "5 de diciembre de 2026", "editor médico bilingüe"]),
            ("what it does not cover", &["lo que no cubre"]),
            ("its own funding", &["no tiene patrocinador", "no tener conflictos de intereses"]),
            ("the sponsored link", &["patrocinado", "desactivado salvo", "nunca aparece dentro de una ficha"]),
            ("the update policy", &["al menos una vez cada 12 meses", "fecha de fin"]),
            ("the last full review", &["última revisión completa"]),
            ("reporting an error", &["ha encontrado un error", "página de contacto"]),
            ("its limits", &["no un consejo médico", "no sustituye a un médico", "todavía no se ha probado con pacientes"]),
            ("privacy", &["almacenamiento de sesión", "solo para esta pestaña", "no envía nada", "ni cookies", "ni rastreadores"]),
        ],
        other => panic!("add the words of locale `{other}` to items() in tests/about.rs"),
    }
}

#[test]
fn every_locale_has_the_section_with_every_item() {
    for code in content::locales() {
        let c = load(code);
        let a = about(&c);
        for (part, _) in a.parts() {
            assert!(
                !part.heading.trim().is_empty(),
                "{code}: a part has no heading"
            );
            assert!(
                !part.paragraphs.is_empty() && part.paragraphs.iter().all(|p| !p.trim().is_empty()),
                "{code}: part `{}` has no text",
                part.heading
            );
        }
        let text = prose(a);
        for (item, words) in items(code) {
            for word in *words {
                assert!(
                    text.contains(&word.to_lowercase()),
                    "{code}: \"How this guide was made\" does not say {item} (no \"{word}\")"
                );
            }
        }
        for (template, placeholders) in [
            (&a.statement, &["{publisher}"][..]),
            (&a.last_review, &["{date}"]),
            (&a.changed_cards, &["{cards}"]),
            (&a.reviewed_by, &["{name}", "{date}"]),
            (&a.reviewer_credentials, &["{reviewer}", "{credentials}"]),
            (&a.reviewed_for, &["{publisher}", "{name}", "{date}"]),
        ] {
            for p in placeholders {
                assert!(template.contains(p), "{code}: `{template}` has no {p}");
            }
        }
    }
}

#[test]
fn the_spanish_section_speaks_to_the_reader_as_usted() {
    let text = prose(about(&load("es")));
    for informal in [" tú ", " tu ", " puedes ", " tienes ", " usa ", " dinos "] {
        assert!(
            !text.contains(informal),
            "es: informal \"{}\"",
            informal.trim()
        );
    }
    assert!(text.contains("usted"));
}

#[test]
fn every_card_review_has_a_dated_change_naming_that_card() {
    for code in content::locales() {
        let c = load(code);
        let a = about(&c);
        for card in &c.cards {
            let reviewed = card
                .reviewed
                .as_deref()
                .unwrap_or_else(|| panic!("{code}: card `{}` has no reviewed date", card.id));
            assert!(
                a.changes
                    .iter()
                    .any(|ch| ch.date == reviewed && ch.cards.contains(&card.id)),
                "{code}: card `{}` was reviewed on {reviewed}, but no change of that date in [[about.changes]] names it",
                card.id
            );
        }
    }
}

#[test]
fn every_change_is_dated_names_real_cards_and_none_after_their_review() {
    for code in content::locales() {
        let c = load(code);
        for change in &about(&c).changes {
            assert!(
                content::parse_iso_date(&change.date).is_some(),
                "{code}: change date `{}` is not an ISO date",
                change.date
            );
            assert!(
                !change.summary.trim().is_empty(),
                "{code}: change {} has no summary",
                change.date
            );
            for id in &change.cards {
                let card = c.card(id).unwrap_or_else(|| {
                    panic!("{code}: change {} names no card `{id}`", change.date)
                });
                let reviewed = card.reviewed.as_deref().unwrap_or_default();
                assert!(
                    reviewed >= change.date.as_str(),
                    "{code}: change {} names `{id}`, whose reviewed date {reviewed} is earlier: bump the card's `reviewed`",
                    change.date
                );
            }
        }
    }
}

#[test]
fn the_last_full_review_and_every_date_in_the_text_have_a_change() {
    for code in content::locales() {
        let c = load(code);
        let a = about(&c);
        let dates: Vec<&str> = a.changes.iter().map(|ch| ch.date.as_str()).collect();
        assert!(
            dates.contains(&c.meta.reviewed.as_str()),
            "{code}: the last full review ({}) has no change of that date",
            c.meta.reviewed
        );
        // "5 December 2026", "5 de diciembre de 2026": each names a dated change.
        let months: Vec<String> =
            c.ui.month_names
                .split_whitespace()
                .map(str::to_lowercase)
                .collect();
        let text = prose(a);
        let words: Vec<&str> = text
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| !w.is_empty() && *w != "de")
            .collect();
        let mut found = 0;
        for i in 1..words.len().saturating_sub(1) {
            if let Some(m) = months.iter().position(|m| m == words[i]) {
                if let (Ok(day), Ok(year)) =
                    (words[i - 1].parse::<u32>(), words[i + 1].parse::<u32>())
                {
                    let iso = format!("{year:04}-{:02}-{day:02}", m + 1);
                    assert!(
                        dates.contains(&iso.as_str()),
                        "{code}: the text names {iso}, which has no change"
                    );
                    found += 1;
                }
            }
        }
        assert!(
            found >= 2,
            "{code}: the fact-check dates are written in the text"
        );
    }
}

#[test]
fn every_locale_lists_the_same_changes_as_english() {
    let key = |c: &Content| {
        let mut v: Vec<(String, Vec<String>)> = about(c)
            .changes
            .iter()
            .map(|ch| (ch.date.clone(), ch.cards.clone()))
            .collect();
        v.sort();
        v
    };
    let en = key(&load("en"));
    for code in content::locales() {
        assert_eq!(
            key(&load(code)),
            en,
            "{code}: [[about.changes]] differ from English (dates and cards)"
        );
    }
}

#[test]
fn changes_are_listed_and_shown_newest_first() {
    for code in content::locales() {
        let c = load(code);
        let dates: Vec<&str> = about(&c)
            .changes
            .iter()
            .map(|ch| ch.date.as_str())
            .collect();
        let mut sorted = dates.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(
            dates, sorted,
            "{code}: [[about.changes]] must be listed newest first"
        );
    }
    let html = render_widget(Options::standalone()).unwrap();
    let at = |date: &str| html.find(&format!("datetime=\"{date}\"")).unwrap();
    assert!(at("2026-12-05") < at("2026-11-27") && at("2026-11-27") < at("2026-11-26"));
}

// ---- The publisher's reviewer, statement and contact -------------------------------

fn configured(base: Options) -> Options {
    let defaults = base.clone();
    let mut o = base;
    for (name, value) in [
        ("publisher-name", "Example Health"),
        ("reviewer-name", "Dr Ana Ruiz"),
        ("reviewer-credentials", "MD, consultant psychiatrist"),
        ("review-date", "2026-12-01"),
        (
            "publisher-disclosure",
            "Example Health is funded by its readers and takes no money from drug makers.",
        ),
        ("report-contact", "corrections@example.org"),
    ] {
        let warnings = o.set_attribute(&defaults, name, Some(value));
        assert!(warnings.is_empty(), "{name}: {warnings:?}");
    }
    o
}

const LINE: &str = "Medically reviewed for Example Health by Dr Ana Ruiz, MD, consultant psychiatrist, on 1 December 2026.";

#[test]
fn a_configured_reviewer_is_shown_and_written_into_the_structured_data() {
    let options = configured(Options::standalone());
    let html = render_widget(options.clone()).unwrap();
    assert_eq!(
        html.matches(LINE).count(),
        2,
        "in the disclaimer and in the section"
    );
    assert!(html.contains("Example Health is funded by its readers"));
    assert!(html.contains("href=\"mailto:corrections@example.org\""));
    let (c, _) = resolve(&options, &JsonConfig::default()).unwrap();
    let head = head_for(&c, &options.publisher);
    let ld = head
        .split("application/ld+json\">")
        .nth(1)
        .unwrap()
        .split("</script>")
        .next()
        .unwrap();
    let ld: Value = serde_json::from_str(ld).unwrap();
    assert_eq!(ld["@type"], "MedicalWebPage");
    assert_eq!(ld["reviewedBy"]["@type"], "Person");
    assert_eq!(ld["reviewedBy"]["name"], "Dr Ana Ruiz");
    assert_eq!(ld["reviewedBy"]["jobTitle"], "MD, consultant psychiatrist");
    assert_eq!(ld["lastReviewed"], "2026-12-01");
    assert_eq!(ld["publisher"]["name"], "Example Health");
    // The standalone page's head carries it: no second copy inside the widget.
    assert!(!html.contains("application/ld+json"));
}

#[test]
fn an_embedded_widget_with_a_reviewer_writes_its_own_structured_data() {
    let mut options = configured(Options::embedded());
    options.publisher.reviewer = Some("Dr <b>Ruiz</b> & \"Co\" </script>".into());
    let html = render_embed(options).unwrap();
    let ld = html
        .split("application/ld+json\">")
        .nth(1)
        .unwrap()
        .split("</script>")
        .next()
        .unwrap();
    let ld: Value = serde_json::from_str(ld).unwrap_or_else(|e| panic!("{e}: {ld}"));
    assert_eq!(
        ld["reviewedBy"]["name"],
        "Dr <b>Ruiz</b> & \"Co\" </script>"
    );
    assert_eq!(ld["lastReviewed"], "2026-12-01");
    assert_eq!(
        html.matches("</script>").count(),
        1,
        "the name cannot close the script"
    );
}

#[test]
fn without_configuration_nobody_is_said_to_have_reviewed_it() {
    for code in content::locales() {
        let mut options = Options::standalone();
        let defaults = options.clone();
        let _ = options.set_attribute(&defaults, "lang", Some(code));
        let html = render_widget(options.clone()).unwrap().to_lowercase();
        let embed = render_embed(options.clone()).unwrap().to_lowercase();
        for needle in [
            "reviewed by",
            "medically reviewed",
            "revisión médica",
            "revisado por",
            "reviewedby",
        ] {
            assert!(
                !html.contains(needle) && !embed.contains(needle),
                "{code}: \"{needle}\" without a configured reviewer"
            );
        }
        assert!(!embed.contains("application/ld+json"));
        let (c, _) = resolve(&options, &JsonConfig::default()).unwrap();
        let ld = structured_data(&c);
        assert!(ld.get("reviewedBy").is_none());
        assert_eq!(
            ld["lastReviewed"],
            Value::String(c.meta.reviewed.clone()),
            "the guide's own last review"
        );
        // The section says the publisher has added no statement, and where to report.
        let a = about(&c);
        assert!(html.contains(&a.statement_none.to_lowercase()));
        assert!(html.contains(&a.report_default.to_lowercase()));
    }
}

#[test]
fn a_review_needs_a_name_and_a_date_and_half_of_one_warns_once() {
    let defaults = Options::embedded();
    for (set, missing) in [
        (vec![("reviewer-name", "Dr Ana Ruiz")], "review-date is not"),
        (vec![("review-date", "2026-12-01")], "reviewer-name is not"),
        (
            vec![("reviewer-credentials", "MD")],
            "reviewer-name and review-date are not",
        ),
    ] {
        let mut o = defaults.clone();
        for (name, value) in &set {
            assert!(o.set_attribute(&defaults, name, Some(value)).is_empty());
        }
        assert!(o.publisher.review().is_none());
        let (_, warnings) = resolve(&o, &JsonConfig::default()).unwrap();
        let about_review: Vec<_> = warnings
            .iter()
            .filter(|w| w.0.contains("medical review"))
            .collect();
        assert_eq!(about_review.len(), 1, "{set:?}: {warnings:?}");
        assert!(about_review[0].0.contains(missing), "{:?}", about_review[0]);
        let html = render_embed(o).unwrap();
        assert!(!html.contains("Medically reviewed"), "{set:?}");
    }
    // Without publisher name or credentials: "Medically reviewed by … on …".
    let mut o = defaults.clone();
    let _ = o.set_attribute(&defaults, "reviewer-name", Some("Dr Ana Ruiz"));
    let _ = o.set_attribute(&defaults, "review-date", Some("2026-12-01"));
    let html = render_embed(o).unwrap();
    assert!(html.contains("Medically reviewed by Dr Ana Ruiz on 1 December 2026."));
}

#[test]
fn bad_publisher_values_warn_once_each_and_keep_the_default() {
    let defaults = Options::embedded();
    for (name, value) in [
        ("review-date", "5/12/2026"),
        ("review-date", "2026-02-30"),
        ("report-contact", "javascript:alert(1)"),
        ("report-contact", "tel:988"),
        ("report-contact", "call us"),
        ("reviewer-name", "   "),
        ("publisher-name", ""),
        ("reviewer-credentials", &"x".repeat(201)),
        ("publisher-disclosure", &"x".repeat(2001)),
    ] {
        let mut o = defaults.clone();
        let warnings = o.set_attribute(&defaults, name, Some(value));
        assert_eq!(warnings.len(), 1, "{name}={value:?}: {warnings:?}");
        assert!(
            warnings[0].0.starts_with(&format!("{name}=\"")),
            "{:?}",
            warnings[0]
        );
        assert!(
            warnings[0].0.contains("Using \"none\""),
            "{:?}",
            warnings[0]
        );
        assert_eq!(o.publisher, defaults.publisher, "{name}={value:?} kept");
        // The widget still renders.
        assert!(render_embed(o).unwrap().contains(ABOUT_ID));
    }
}

#[test]
fn a_report_contact_is_an_https_url_or_an_email_address() {
    assert_eq!(
        contact_href("corrections@example.org").as_deref(),
        Some("mailto:corrections@example.org")
    );
    assert_eq!(
        contact_href(" mailto:a@b.org ").as_deref(),
        Some("mailto:a@b.org")
    );
    assert_eq!(
        contact_href("https://example.org/corrections").as_deref(),
        Some("https://example.org/corrections")
    );
    for bad in [
        "javascript:alert(1)",
        "tel:988",
        "a b@c.org",
        "data:text/html,x",
        "https://x.org/\"><script>",
        "",
    ] {
        assert_eq!(contact_href(bad), None, "{bad}");
    }
}

#[test]
fn the_publisher_options_are_json_keys_too_and_an_attribute_wins() {
    let (config, warnings) = parse_json_text(
        r#"{"publisher-name": "Example Health", "reviewer-name": "Dr Ana Ruiz", "review-date": "2026-12-01",
            "report-contact": "https://example.org/corrections", "publisher-disclosure": "No drug-maker money."}"#,
    );
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(config.options.len(), 5);
    let defaults = Options::embedded();
    let mut options = defaults.clone();
    // The element also has `reviewer-name`: the attribute wins.
    let _ = options.set_attribute(&defaults, "reviewer-name", Some("Dr Attribute"));
    config.apply_options(&mut options, &defaults, |name| name == "reviewer-name");
    assert_eq!(options.publisher.reviewer.as_deref(), Some("Dr Attribute"));
    assert_eq!(options.publisher.name.as_deref(), Some("Example Health"));
    assert_eq!(options.publisher.review_date.as_deref(), Some("2026-12-01"));
    assert_eq!(
        options.publisher.contact.as_deref(),
        Some("https://example.org/corrections")
    );

    let (config, warnings) = parse_json_text(
        r#"{"review-date": "yesterday", "report-contact": "javascript:alert(1)", "reviewer-name": 7, "reviewer_name": "x"}"#,
    );
    assert!(config.options.is_empty());
    let text = warnings
        .iter()
        .map(|w| w.0.clone())
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(warnings.len(), 4, "{text}");
    for needle in [
        "config.review-date \"yesterday\" is not valid",
        "config.report-contact \"javascript:alert(1)\"",
        "config.reviewer-name must be text",
        "config.reviewer_name: unknown key",
    ] {
        assert!(text.contains(needle), "no warning says {needle}:\n{text}");
    }
    assert!(
        text.contains("reviewer-name"),
        "the known keys list the JSON options"
    );
}

#[test]
fn the_publisher_options_change_the_markup_so_a_bare_element_renders_afresh() {
    let with = prerendered_with();
    for a in ATTRIBUTES.iter().filter(|a| a.json) {
        assert_eq!(with[a.name], Value::Null, "{}", a.name);
    }
}

#[test]
fn the_standalone_page_is_configured_by_its_containers_attributes() {
    let template = r#"<main><div class="trd-host" data-trd-standalone reviewer-name="Dr Ana Ruiz" review-date=2026-12-01
        publisher-name='Example &amp; Co' reviewer-credentials="MD" report-contact="javascript:x"><trd-slot name="prerender"></trd-slot></div></main>"#;
    let attrs = standalone_attributes(template);
    assert!(attrs.contains(&("class".into(), "trd-host".into())));
    assert!(attrs.contains(&("data-trd-standalone".into(), String::new())));
    assert!(attrs.contains(&("review-date".into(), "2026-12-01".into())));
    assert!(attrs.contains(&("publisher-name".into(), "Example & Co".into())));
    let (options, warnings) = standalone_options(template, Options::standalone());
    assert_eq!(warnings.len(), 1, "the unsafe contact: {warnings:?}");
    assert!(warnings[0].0.contains("report-contact"));
    let review = options.publisher.review().unwrap();
    assert_eq!(
        (review.reviewer, review.date, review.publisher),
        ("Dr Ana Ruiz", "2026-12-01", Some("Example & Co"))
    );
    // The page's head names the reviewer.
    let c = load("en");
    let page = page_for(
        "<html><head><trd-slot name=\"head\"></trd-slot></head><body><h1><trd-slot name=\"title\"></trd-slot></h1><trd-slot name=\"prerender\"></trd-slot></body></html>",
        &c,
        "<div></div>",
        None,
        &options.publisher,
    )
    .unwrap();
    assert!(
        page.contains("\"reviewedBy\":{\"@type\":\"Person\""),
        "{page}"
    );
    // The real template has no configuration: nobody is named.
    let (plain, warnings) =
        standalone_options(include_str!("../index.html"), Options::standalone());
    assert!(warnings.is_empty());
    assert_eq!(plain, Options::standalone());
}

#[test]
fn the_section_is_in_the_prerendered_html_with_links_from_the_disclaimer_and_every_view() {
    for code in content::locales() {
        let mut options = Options::embedded();
        let defaults = options.clone();
        let _ = options.set_attribute(&defaults, "lang", Some(code));
        let html = render_embed(options).unwrap();
        let c = load(code);
        let a = about(&c);
        assert!(
            html.contains("<details class=\"trd-disclosure trd-how-made\">"),
            "{code}"
        );
        let at = html.find(&format!("id=\"{ABOUT_ID}\"")).unwrap();
        let tag = &html[html[..at].rfind('<').unwrap()..at + html[at..].find('>').unwrap()];
        assert!(
            tag.starts_with("<div") && tag.contains("trd-how-made__body"),
            "{code}: the link target is the disclosure's content, not {tag}"
        );
        for (part, _) in a.parts() {
            assert!(html.contains(&part.heading), "{code}: {}", part.heading);
        }
        for id in [REPORT_ID, PRIVACY_ID] {
            assert!(html.contains(&format!("id=\"{id}\"")), "{code}: no #{id}");
        }
        // The disclaimer's link, and the view's foot (two links).
        assert_eq!(
            html.matches(&format!("href=\"#{ABOUT_ID}\"")).count(),
            2,
            "{code}"
        );
        assert_eq!(
            html.matches(&format!("href=\"#{REPORT_ID}\"")).count(),
            1,
            "{code}"
        );
        // Every change, each card named by its title.
        assert_eq!(
            html.matches("<time datetime=").count(),
            a.changes.len(),
            "{code}"
        );
        for id in &a
            .changes
            .iter()
            .find(|ch| ch.date == "2026-11-26")
            .unwrap()
            .cards
        {
            assert!(html.contains(&c.card(id).unwrap().title), "{code}: {id}");
        }
    }
}

#[test]
fn the_pre_wasm_script_knows_the_sections_link_targets() {
    let c = load("en");
    let out = accordion(include_str!("../static/trd-accordion.js"), &c).unwrap();
    assert!(out.contains(r#"const ABOUT = ["trd-how-made","trd-report","trd-privacy"];"#));
    assert!(!out.contains("__TRD_"));
}
