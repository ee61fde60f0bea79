//! The publisher's page (src/publish): every attribute of the table becomes a control, the
//! code in each form carries exactly the publisher's choices, the checks are the element's
//! own warnings, and the build's data and words read back.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use std::collections::BTreeMap;

use serde_json::{json, Value};

use trd_explainer::config::{Attribute, ATTRIBUTES};
use trd_explainer::content;
use trd_explainer::embed_page::{iframe_code, ALLOW, DEFAULT_HEIGHT, SANDBOX};
use trd_explainer::prerendered::{changed_attributes, prerendered_with};
use trd_explainer::publish::code;
use trd_explainer::publish::embed::{field_of, Embed};
use trd_explainer::publish::model::{self, ColorSpec, Forms, PageData, Pinned, PublishStrings};
use trd_explainer::publish::page;
use trd_explainer::publish::state::{Action, Control, CtaField, PublishState, Scheme};
use trd_explainer::release::{integrity, write_release, Release, ReleaseFile};
use yew::Reducible;

fn attribute(name: &str) -> (usize, &'static Attribute) {
    let i = ATTRIBUTES.iter().position(|a| a.name == name).unwrap();
    (i, &ATTRIBUTES[i])
}

fn specs() -> Vec<ColorSpec> {
    ["accent", "text"]
        .iter()
        .map(|n| ColorSpec {
            name: (*n).into(),
            light: "#000".into(),
            dark: "#fff".into(),
        })
        .collect()
}

/// A state after these actions, from the defaults.
fn after(actions: Vec<Action>) -> PublishState {
    let mut state = std::rc::Rc::new(PublishState::new(2, Scheme::Light));
    for a in actions {
        state = state.reduce(a);
    }
    (*state).clone()
}

fn set(name: &str, value: &str) -> Action {
    Action::Set(attribute(name).0, value.into())
}

fn embed(actions: Vec<Action>) -> Embed {
    Embed::new(&after(actions), &specs(), &[(true, true), (true, true)])
}

fn strings(locale: &str) -> PublishStrings {
    model::decode(
        model::strings_json(locale).expect("a [publish] table"),
        "publish",
    )
    .unwrap()
}

#[test]
fn every_attribute_of_the_table_gets_a_control_from_what_it_accepts() {
    for a in ATTRIBUTES {
        let control = Control::of(a);
        // Untouched, no control writes its attribute: the code starts as the bare element.
        assert_eq!(control.emitted(a, &control.initial(a)), None, "{}", a.name);
    }
    assert!(
        matches!(Control::of(attribute("theme").1), Control::Radios(c) if c == ["auto", "light", "dark"])
    );
    assert!(
        matches!(Control::of(attribute("crisis-region").1), Control::Select(c) if c.contains(&"mx"))
    );
    assert!(
        matches!(Control::of(attribute("categories").1), Control::Checkboxes(c) if c.len() == 4)
    );
    assert_eq!(Control::of(attribute("open").1), Control::Cards);
    assert!(matches!(Control::of(attribute("lang").1), Control::Text(s) if s == ["en", "es"]));
    assert_eq!(
        Control::of(attribute("storage-key").1),
        Control::Text(vec![])
    );
}

#[test]
fn the_code_writes_only_what_differs_from_the_defaults_in_table_order() {
    let e = embed(vec![
        set("theme", "dark"),
        Action::Tick(attribute("categories").0, "medication".into(), true),
        Action::Tick(attribute("categories").0, "stimulation".into(), true),
        set("heading-level", "3"),
        set("lang", " es "),
        set("crisis-region", "mx"),
        Action::Tick(attribute("open").0, "ketamine".into(), true),
        set("storage-key", ""),
    ]);
    assert_eq!(
        e.attributes,
        vec![
            ("lang", "es".to_owned()),
            ("categories", "medication,stimulation".to_owned()),
            ("open", "ketamine".to_owned()),
            ("crisis-region", "mx".to_owned()),
            ("theme", "dark".to_owned()),
        ]
    );
    assert_eq!(
        e.open_tag(),
        r#"<trd-explainer lang="es" categories="medication,stimulation" open="ketamine" crisis-region="mx" theme="dark">"#
    );
    // Unticking takes the item out again.
    let e = embed(vec![
        Action::Tick(attribute("categories").0, "medication".into(), true),
        Action::Tick(attribute("categories").0, "medication".into(), false),
    ]);
    assert!(e.attributes.is_empty());
}

#[test]
fn the_call_to_action_is_json_and_colours_are_a_class_and_a_style_block() {
    let e = Embed::new(
        &after(vec![
            Action::Cta(CtaField::Label, "Find </script> help".into()),
            Action::Cta(CtaField::Url, "https://example.org/find".into()),
            Action::Cta(CtaField::Sponsor, "Ex \"Health\"".into()),
            Action::Color(0, false, "#8a1538".into()),
            Action::Color(1, true, "not a colour".into()),
        ]),
        &specs(),
        &[(true, true), (true, false)],
    );
    assert_eq!(
        e.json.as_deref(),
        Some(
            r#"{"cta":{"label":"Find </script> help","url":"https://example.org/find","sponsor":"Ex \"Health\""}}"#
        )
    );
    let child = e.json_child().unwrap();
    assert_eq!(
        child.matches("</script>").count(),
        1,
        "`</` escaped inside the script: {child}"
    );
    // The colour the browser refused is left out.
    assert_eq!(
        e.colors,
        vec![("--trd-color-accent".to_owned(), "#8a1538".to_owned())]
    );
    let class = e.color_class().unwrap();
    assert!(e.open_tag().contains(&format!("class=\"{class}\"")));
    assert_eq!(
        e.style_block().unwrap(),
        format!("<style>\ntrd-explainer.{class} {{\n  --trd-color-accent: #8a1538;\n}}\n</style>")
    );
    // The parsed JSON is the element's own config.
    let (config, warnings) = trd_explainer::config::parse_json_text(e.json.as_deref().unwrap());
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(config.cta.unwrap().sponsor, "Ex \"Health\"");
}

#[test]
fn the_checks_are_the_elements_own_warnings_beside_their_field() {
    let e = embed(vec![
        set("heading-level", "2"),
        Action::Tick(attribute("categories").0, "surgery".into(), true),
        Action::Tick(attribute("categories").0, "research".into(), true),
        Action::Tick(attribute("open").0, "ketamine".into(), true),
        set("lang", "Spanish"),
        Action::Cta(CtaField::Label, "Find help".into()),
    ]);
    let warnings = e.warnings("en");
    let of = |field: &str| -> Vec<&String> {
        warnings.iter().filter(|w| field_of(w) == field).collect()
    };
    assert!(
        of("categories")
            .iter()
            .any(|w| w.contains("\"surgery\" is not a category")),
        "{warnings:?}"
    );
    assert!(
        of("lang")
            .iter()
            .any(|w| w.contains("lang=\"Spanish\" is not valid")),
        "{warnings:?}"
    );
    // Ketamine is a medication card, and only research cards are shown.
    assert!(
        of("open")
            .iter()
            .any(|w| w.contains("\"ketamine\" is not a card shown here")),
        "{warnings:?}"
    );
    // Label without url and sponsor: the element would not show it.
    assert!(!of("cta").is_empty(), "{warnings:?}");
    assert!(of("heading-level").is_empty());
    // Nothing else: every message found its field.
    assert_eq!(of("").len(), 0, "{warnings:?}");
    // The same values with nothing wrong give no warnings.
    let e = embed(vec![
        set("lang", "es"),
        Action::Tick(attribute("open").0, "ketamine".into(), true),
    ]);
    assert!(e.warnings("en").is_empty(), "{:?}", e.warnings("en"));
}

#[test]
fn the_fragment_note_follows_the_loaders_rule() {
    let names: Vec<&str> = prerendered_with().into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "heading-level",
            "theme",
            "categories",
            "open",
            "publisher-name",
            "reviewer-name",
            "reviewer-credentials",
            "review-date",
            "publisher-disclosure",
            "report-contact"
        ]
    );
    let attrs = |pairs: &[(&'static str, &str)]| -> Vec<(&'static str, String)> {
        pairs.iter().map(|(n, v)| (*n, (*v).to_owned())).collect()
    };
    assert!(changed_attributes(&attrs(&[
        ("lang", "es"),
        ("storage-key", "x"),
        ("deep-links", "off")
    ]))
    .is_empty());
    assert!(changed_attributes(&attrs(&[("theme", "AUTO"), ("heading-level", "3")])).is_empty());
    assert_eq!(
        changed_attributes(&attrs(&[("theme", "dark"), ("open", "ect")])),
        ["theme", "open"]
    );
    // A region other than the language's own: named by the attribute that chose it.
    assert_eq!(
        changed_attributes(&attrs(&[("crisis-region", "uk")])),
        ["crisis-region"]
    );
    assert_eq!(changed_attributes(&attrs(&[("lang", "es-MX")])), ["lang"]);
    assert!(changed_attributes(&attrs(&[("lang", "es"), ("crisis-region", "intl")])).is_empty());
}

fn forms() -> Forms {
    Forms {
        loader: "trd-explainer.js".into(),
        pinned: None,
        fragments: vec![],
        fragment_assets: vec![
            "trd-abc.css".into(),
            "no-js.css".into(),
            "trd-accordion.js".into(),
            "trd-explainer.js".into(),
        ],
        iframe: None,
    }
}

#[test]
fn the_snippet_loads_the_loader_from_the_build_pinned_when_the_build_has_a_release() {
    let e = embed(vec![set("theme", "dark")]);
    let base = "https://cdn.example/trd/";
    assert_eq!(
        code::snippet(&e, &forms(), base),
        "<script type=\"module\" src=\"https://cdn.example/trd/trd-explainer.js\"></script>\n<trd-explainer theme=\"dark\"></trd-explainer>\n"
    );
    let pinned = Forms {
        pinned: Some(Pinned {
            version: "1.2.0".into(),
            loader: "v1.2.0/trd-explainer.js".into(),
            integrity: "sha384-abc".into(),
        }),
        ..forms()
    };
    let snippet = code::snippet(&e, &pinned, base);
    assert!(snippet.starts_with(
        "<script type=\"module\" src=\"https://cdn.example/trd/v1.2.0/trd-explainer.js\" integrity=\"sha384-abc\" crossorigin=\"anonymous\"></script>"
    ), "{snippet}");
}

#[test]
fn the_fragment_carries_the_publishers_element_and_points_at_the_build() {
    let text = "<!-- x -->\n<trd-explainer lang=\"es\">\n<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"/trd-abc.css\" data-trd><div class=\"trd-root\"><a href=\"#ect\">x</a></div></template>\n</trd-explainer>\n<script src=\"/trd-accordion.js\" async></script>\n<script type=\"module\" src=\"/trd-explainer.js\"></script>\n";
    let e = embed(vec![
        set("theme", "dark"),
        Action::Cta(CtaField::Label, "L".into()),
    ]);
    let out = code::fragment(&e, &forms(), text, "es", "/", "http://127.0.0.1:9/");
    // No `lang` chosen: the Spanish fragment keeps its language.
    assert!(
        out.contains("<trd-explainer lang=\"es\" theme=\"dark\">\n<template"),
        "{out}"
    );
    assert!(
        out.contains("href=\"http://127.0.0.1:9/trd-abc.css\""),
        "{out}"
    );
    assert!(
        out.contains("src=\"http://127.0.0.1:9/trd-accordion.js\""),
        "{out}"
    );
    assert!(
        out.contains("src=\"http://127.0.0.1:9/trd-explainer.js\""),
        "{out}"
    );
    assert!(
        out.contains("href=\"#ect\""),
        "links inside the guide are left alone: {out}"
    );
    assert!(
        out.contains("</template>\n<script type=\"application/json\">{\"cta\""),
        "{out}"
    );
    assert_eq!(out.matches("</trd-explainer>").count(), 1);
}

#[test]
fn the_iframe_carries_the_attributes_as_url_parameters() {
    let e = embed(vec![
        set("lang", "es-MX"),
        Action::Tick(attribute("categories").0, "medication".into(), true),
        Action::Tick(attribute("categories").0, "research".into(), true),
    ]);
    let out = code::iframe(
        &e,
        "embed.html",
        None,
        "https://cdn.example/trd/",
        "Guía \"TRD\"",
    );
    // The README's frame (title, lazy, sandbox, permissions), made by the one generator.
    assert_eq!(
        out,
        format!(
            "{}\n",
            iframe_code(
                "https://cdn.example/trd/embed.html?lang=es-MX&categories=medication%2Cresearch",
                "Guía \"TRD\""
            )
        )
    );
    assert!(out.starts_with(
        "<iframe src=\"https://cdn.example/trd/embed.html?lang=es-MX&amp;categories=medication%2Cresearch\" title=\"Guía &quot;TRD&quot;\" "
    ), "{out}");
    for part in [
        "loading=\"lazy\"".to_owned(),
        format!("sandbox=\"{SANDBOX}\""),
        format!("allow=\"{ALLOW}\""),
        format!("height=\"{DEFAULT_HEIGHT}\""),
    ] {
        assert!(out.contains(&part), "{part}: {out}");
    }
    assert_eq!(
        code::encode_uri_component("a b&c=d/é"),
        "a%20b%26c%3Dd%2F%C3%A9"
    );
}

#[test]
fn copies_are_counted_so_each_is_announced() {
    let s = after(vec![
        Action::Copied(trd_explainer::publish::state::CodeForm::Snippet, true),
        Action::Copied(trd_explainer::publish::state::CodeForm::Snippet, true),
    ]);
    assert_eq!(s.copied.unwrap().count, 1);
}

#[test]
fn the_page_words_exist_in_every_locale_with_the_same_keys_and_are_translated() {
    let keys = |v: &Value| -> Vec<String> {
        fn walk(prefix: &str, v: &Value, out: &mut Vec<String>) {
            if let Value::Object(map) = v {
                for (k, v) in map {
                    walk(&format!("{prefix}.{k}"), v, out);
                }
            } else {
                out.push(prefix.to_owned());
            }
        }
        let mut out = Vec::new();
        walk("publish", v, &mut out);
        out.sort();
        out
    };
    let english: Value = serde_json::from_str(model::strings_json("en").unwrap()).unwrap();
    let english_keys = keys(&english);
    for code in content::locales() {
        let words: Value = serde_json::from_str(
            model::strings_json(code)
                .unwrap_or_else(|| panic!("locale `{code}` has no [publish] table")),
        )
        .unwrap();
        assert_eq!(
            keys(&words),
            english_keys,
            "locale `{code}`: the [publish] keys differ from English"
        );
        let s = strings(code);
        assert!(
            !s.title.trim().is_empty() && !s.copy.trim().is_empty(),
            "{code}"
        );
        if code != "en" {
            assert_ne!(s.title, strings("en").title, "{code}: title not translated");
            assert_ne!(s.copy_failed, strings("en").copy_failed, "{code}");
        }
    }
}

#[test]
fn an_attribute_without_words_shows_its_name() {
    let s = strings("en");
    assert_eq!(s.label("lang"), "Language");
    assert_eq!(s.label("reviewer-name"), "Medical reviewer's name");
    assert_eq!(s.label("not-in-the-locale-file"), "not-in-the-locale-file");
    assert_eq!(s.choice("theme", "dark"), "Dark");
    assert_eq!(s.choice("theme", "sepia"), "sepia");
}

#[test]
fn the_readers_content_never_carries_the_publishers_words() {
    for code in content::locales() {
        let json = content::json(code).unwrap();
        let value: Value = serde_json::from_str(json).unwrap();
        assert!(
            value.get("publish").is_none(),
            "{code}: the [publish] table is in the reader's content"
        );
        assert!(!json.contains(&strings(code).copy_failed));
    }
}

#[test]
fn the_colours_come_from_the_widgets_stylesheet_with_their_defaults() {
    let css =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("static/trd.css")).unwrap();
    let colors = page::colors(&css);
    let find = |name: &str| {
        colors
            .iter()
            .find(|(n, _, _)| n == name)
            .cloned()
            .unwrap_or_else(|| panic!("no {name}"))
    };
    assert_eq!(
        find("accent"),
        ("accent".into(), "#0a58a8".into(), "#8cc0ff".into())
    );
    assert_eq!(
        find("text"),
        ("text".into(), "#1b1f24".into(), "#e9ecef".into())
    );
    assert_eq!(
        find("background"),
        ("background".into(), "#ffffff".into(), "#14171b".into())
    );
    assert!(
        colors
            .iter()
            .all(|(_, light, dark)| !light.is_empty() && !dark.is_empty()),
        "{colors:?}"
    );
    // Minified CSS reads the same.
    let minified = css.replace(", #", ",#");
    assert_eq!(page::colors(&minified), colors);
}

#[test]
fn a_release_pins_the_loader_with_its_integrity_hash() {
    let file = |integrity: &str| ReleaseFile {
        size: 10,
        integrity: integrity.into(),
    };
    let mut release = Release {
        version: "0.1.0".into(),
        files: BTreeMap::from([
            ("trd-explainer.js".to_owned(), file("sha384-AAA")),
            ("trd-1.css".to_owned(), file("sha384-BBB")),
        ]),
    };
    // Read back from release.json as the release step writes it.
    let written = Release::from_json(&release.to_json()).unwrap();
    assert_eq!(
        page::pinned_loader(&written),
        Some(
            json!({ "version": "0.1.0", "loader": "v0.1.0/trd-explainer.js", "integrity": "sha384-AAA" })
        )
    );
    release.files.remove("trd-explainer.js");
    assert_eq!(page::pinned_loader(&release), None);
}

/// A build as Trunk and the first hook leave it, with the publisher's wasm.
fn small_build(dir: &Path) {
    let _ = fs::remove_dir_all(dir);
    let manifest = json!({
        "loader": "trd-explainer.js",
        "css": "trd-1.css",
        "content": { "en": { "json": "content-en-1.json", "module": "content-en-1.json.js" } },
    });
    for (path, text) in [
        ("assets.json", manifest.to_string()),
        ("trd-explainer.js", "loader".into()),
        ("trd-1.css", ".trd{color:var(--trd-color-accent, #123456)}".into()),
        ("no-js.css", "".into()),
        ("trd-accordion.js", "".into()),
        ("content-en-1.json", "{}".into()),
        (
            "trd-explainer.fragment.html",
            "<link rel=\"stylesheet\" href=\"/trd-1.css\" data-trd><script type=\"module\" src=\"/trd-explainer.js\"></script>".into(),
        ),
        ("embed.html", "<p>en</p>".into()),
        ("es/embed.html", "<p>es</p>".into()),
        ("publish/trd_publish-p.js", "".into()),
        ("publish/trd_publish-p_bg.wasm", "".into()),
    ] {
        let file = dir.join(path);
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        fs::write(file, text).unwrap();
    }
}

#[test]
fn the_page_offers_the_forms_the_final_files_make_pinned_when_the_build_has_a_release() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("publish-forms");
    small_build(&dir);
    // A debug build: no release, so no pinned form; the build's own fragment and frame.
    let data = page::build_data(&dir, "/", "0.1.0").unwrap();
    let forms = &data["forms"];
    assert_eq!(forms["pinned"], Value::Null);
    assert_eq!(
        forms["fragments"],
        json!([{ "locale": "en", "file": "trd-explainer.fragment.html" }])
    );
    assert_eq!(
        forms["fragment_assets"],
        json!([
            "trd-1.css",
            "no-js.css",
            "trd-accordion.js",
            "trd-explainer.js"
        ])
    );
    assert_eq!(
        forms["iframe"]["pages"],
        json!([{ "locale": "en", "file": "embed.html" }, { "locale": "es", "file": "es/embed.html" }])
    );
    assert_eq!(
        data["content"],
        json!([{ "locale": "en", "file": "content-en-1.json" }])
    );
    assert_eq!(data["colors"][0]["light"], "#123456");

    // A release build: the pages are written after the release, from it.
    write_release(&dir, None, "0.1.0", "/", false, &page::not_released()).unwrap();
    let written = page::write_pages(&dir, "/", "0.1.0").unwrap();
    assert_eq!(written, ["publish.html", "es/publish.html"]);
    let release =
        Release::from_json(&fs::read_to_string(dir.join("v0.1.0/release.json")).unwrap()).unwrap();
    assert!(
        release.files.keys().all(|f| !f.starts_with("publish")),
        "the publisher's page is no part of a release: {:?}",
        release.files.keys()
    );
    let html = fs::read_to_string(dir.join("publish.html")).unwrap();
    let start = html.find("id=\"trd-publish-data\">").unwrap() + "id=\"trd-publish-data\">".len();
    let end = start + html[start..].find("</script>").unwrap();
    let read: PageData = model::decode(&html[start..end], "publish data").unwrap();
    let pinned = read
        .forms
        .pinned
        .clone()
        .expect("a release build pins the snippet");
    assert_eq!(pinned.loader, "v0.1.0/trd-explainer.js");
    assert_eq!(
        pinned.integrity,
        release.files["trd-explainer.js"].integrity
    );
    assert_eq!(pinned.integrity, integrity(b"loader"));
    // The version's own fragment, whose files carry their hashes; the frame follows the
    // major, as in the README.
    assert_eq!(
        read.forms.fragments[0].file,
        "v0.1.0/trd-explainer.fragment.html"
    );
    assert!(read
        .forms
        .fragment_assets
        .iter()
        .all(|a| a.starts_with("v0.1.0/")));
    let fragment = fs::read_to_string(dir.join(&read.forms.fragments[0].file)).unwrap();
    assert!(fragment.contains(&format!(
        "src=\"/v0.1.0/trd-explainer.js\" integrity=\"{}\"",
        pinned.integrity
    )));
    // Pasted elsewhere, it points at where the build is served, hashes kept.
    let pasted = code::fragment(
        &embed(vec![]),
        &read.forms,
        &fragment,
        "en",
        "/",
        "https://cdn.example/trd/",
    );
    assert!(
        pasted.contains(&format!(
            "src=\"https://cdn.example/trd/v0.1.0/trd-explainer.js\" integrity=\"{}\" crossorigin=\"anonymous\"",
            pinned.integrity
        )),
        "{pasted}"
    );
    assert!(
        pasted.contains(
            "href=\"https://cdn.example/trd/v0.1.0/trd-1.css\" data-trd integrity=\"sha384-"
        ),
        "{pasted}"
    );
    let pages: Vec<String> = read
        .forms
        .iframe
        .unwrap()
        .pages
        .into_iter()
        .map(|p| p.file)
        .collect();
    assert_eq!(pages, ["v0/embed.html", "v0/es/embed.html"]);
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn every_locales_page_data_reads_back_and_names_every_attribute() {
    let data = json!({
        "public_url": "/",
        "app": { "glue": "publish/a.js", "wasm": "publish/a_bg.wasm" },
        "forms": { "loader": "trd-explainer.js", "pinned": null, "fragments": [{ "locale": "en", "file": "f.html" }], "fragment_assets": [], "iframe": { "pages": [{ "locale": "en", "file": "embed.html" }] } },
        "content": [{ "locale": "en", "file": "c.json" }],
        "colors": [{ "name": "accent", "light": "#000", "dark": "#fff" }],
    });
    for code in content::locales() {
        let html = page::page(code, &data).unwrap();
        assert!(html.contains(&format!("<html lang=\"{code}\">")));
        let attributes = trd_explainer::config::attribute_names();
        assert!(html.contains(&format!("data-attributes=\"{attributes}\"")));
        let start =
            html.find("id=\"trd-publish-data\">").unwrap() + "id=\"trd-publish-data\">".len();
        let end = start + html[start..].find("</script>").unwrap();
        let read: PageData = model::decode(&html[start..end], "publish data").unwrap();
        assert_eq!(read.locale, code);
        assert_eq!(read.forms.iframe.unwrap().pages[0].file, "embed.html");
        assert!(!html.contains("__TRD_"), "{code}: a placeholder left");
        // Every page links to each other language's page.
        for other in content::locales().filter(|c| *c != code) {
            assert!(html.contains(&page::page_path(other)), "{code} → {other}");
        }
    }
}

/// The publisher's wasm is its own binary, so wasm-bindgen names its files apart from the
/// embed's: Cargo.toml declares it, index.html's second rust link builds it, and the build
/// looks for its files under that name.
#[test]
fn the_publishers_wasm_is_a_binary_of_its_own_name() {
    use trd_explainer::publish::page::APP_BIN;
    let root = env!("CARGO_MANIFEST_DIR");
    let read = |f: &str| std::fs::read_to_string(format!("{root}/{f}")).expect(f);
    let cargo: toml::Table = read("Cargo.toml").parse().expect("Cargo.toml");
    let bins = cargo["bin"]
        .as_array()
        .expect("Cargo.toml has [[bin]] targets");
    assert!(
        bins.iter().any(|b| b["name"].as_str() == Some(APP_BIN)
            && b["path"].as_str() == Some(&format!("src/bin/{APP_BIN}.rs"))),
        "Cargo.toml must declare the [[bin]] {APP_BIN}"
    );
    let index = read("index.html");
    let links: Vec<&str> = index
        .split("<link")
        .filter(|l| l.contains(r#"rel="rust""#))
        .collect();
    assert_eq!(
        links.len(),
        2,
        "index.html has the embed's and the publisher's rust links"
    );
    assert!(
        links[1].contains(&format!(r#"data-bin="{APP_BIN}""#)) && !links[0].contains("data-bin"),
        "only the publisher's rust link builds --bin {APP_BIN}"
    );
}

/// A bundle whose two wasm builds crossed (Trunk's race) is refused, naming the files.
#[test]
fn crossed_wasm_builds_are_refused() {
    use trd_explainer::publish::page::{check_apart, START_EXPORT};
    let embed: &[u8] = b"export function start() {}";
    let publisher = format!("export function {START_EXPORT}() {{}}");
    let publisher = publisher.as_bytes();
    assert!(check_apart([
        ("glue.js", embed),
        ("e.wasm", embed),
        ("publish/glue.js", publisher),
        ("publish/p.wasm", publisher)
    ])
    .is_ok());
    // The embed's wasm replaced by the publisher's.
    let crossed = check_apart([
        ("glue.js", embed),
        ("e.wasm", publisher),
        ("publish/glue.js", publisher),
        ("publish/p.wasm", publisher),
    ])
    .expect_err("crossed builds must be refused");
    assert!(
        crossed.contains("e.wasm") && !crossed.contains("glue.js,"),
        "{crossed}"
    );
    // The publisher's glue replaced by the embed's.
    let crossed = check_apart([
        ("glue.js", embed),
        ("e.wasm", embed),
        ("publish/glue.js", embed),
        ("publish/p.wasm", publisher),
    ])
    .expect_err("crossed builds must be refused");
    assert!(crossed.contains("publish/glue.js"), "{crossed}");
}
