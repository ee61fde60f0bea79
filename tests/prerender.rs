//! Build-time rendering: the HTML that readers and search engines get before (or
//! without) JavaScript.
#![cfg(not(target_arch = "wasm32"))]

use trd_explainer::config::Options;
use trd_explainer::content;
use trd_explainer::prerender::{
    accordion, content_module, escape, fragment, head, loader, page, page_content_script,
    relative_urls, render_widget, structured_data, Assets, ContentFile,
};
use trd_explainer::release;

/// How Yew escapes a text node.
fn text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn assets() -> Assets {
    Assets::find(&[
        "index.html".into(),
        "trd_explainer-abc123.js".into(),
        "trd_explainer-abc123_bg.wasm".into(),
        "page-999.css".into(),
        "trd-def456.css".into(),
        "trd-explainer.js".into(),
    ])
    .unwrap()
}

#[test]
fn the_prerendered_widget_holds_every_card_banner_intro_and_disclaimer() {
    let html = render_widget(Options::standalone()).unwrap();
    let c = content::load("en").unwrap();
    for card in &c.cards {
        assert!(
            html.contains(&format!("id=\"{}-button\"", card.id)),
            "card {} heading",
            card.id
        );
        assert!(
            html.contains(&text(&card.summary)),
            "card {} summary",
            card.id
        );
        let first_point = &card.sections().next().unwrap().1.points[0].text;
        assert!(
            html.contains(&text(first_point)),
            "card {} body text is in the HTML",
            card.id
        );
        assert!(
            html.contains(&text(&card.sources[0].text)),
            "card {} sources",
            card.id
        );
    }
    assert!(html.contains(&text(&c.safety.heading)));
    assert!(
        html.contains("tel:988")
            && html.contains("tel:116123")
            && html.contains("findahelpline.com")
    );
    assert!(html.contains(&text(&c.intro.heading)));
    assert!(html.contains(&text(&c.disclaimer.paragraphs[0])));
}

#[test]
fn panels_are_closed_but_findable_and_carry_hydration_markers() {
    let html = render_widget(Options::standalone()).unwrap();
    assert_eq!(html.matches("hidden=\"until-found\"").count(), 19);
    assert!(html.contains("<!--<["), "hydration markers present");
    assert!(html.contains("aria-expanded=\"false\""));
}

#[test]
fn embedded_and_standalone_markup_are_the_same_so_either_can_hydrate() {
    assert_eq!(
        render_widget(Options::standalone()).unwrap(),
        render_widget(Options::embedded()).unwrap()
    );
}

#[test]
fn structured_data_is_a_medical_web_page_listing_the_treatments() {
    let c = content::load("en").unwrap();
    let data = structured_data(&c);
    assert_eq!(data["@type"], "MedicalWebPage");
    assert_eq!(data["about"]["@type"], "MedicalCondition");
    let treatments = data["about"]["possibleTreatment"].as_array().unwrap();
    assert_eq!(treatments.len(), 15, "every non-research card");
    let head = head(&c);
    let start = head.find("application/ld+json\">").unwrap() + "application/ld+json\">".len();
    let end = head.rfind("</script>").unwrap();
    let parsed: serde_json::Value =
        serde_json::from_str(&head[start..end]).expect("JSON-LD is valid JSON");
    assert_eq!(parsed["name"], c.meta.title.as_str());
    assert!(head.contains("<meta name=\"description\""));
}

#[test]
fn the_page_template_gets_head_title_and_widget() {
    let c = content::load("en").unwrap();
    // As written, and as an HTML minifier leaves it.
    let template = "<head><trd-slot name=\"head\"></trd-slot></head><h1><trd-slot name=title></trd-slot></h1><div data-trd-standalone><trd-slot name=prerender></trd-slot></div>";
    let out = page(template, &c, "<section>W</section>").unwrap();
    assert!(
        out.contains("<title>") && out.contains(&format!("<h1>{}</h1>", escape(&c.meta.title)))
    );
    assert!(out.contains("<div data-trd-standalone><section>W</section></div>"));
    assert!(
        page("<html></html>", &c, "").is_err(),
        "a template without markers is an error"
    );
}

#[test]
fn assets_are_found_by_their_hashed_names() {
    let a = assets();
    assert_eq!(a.glue, "trd_explainer-abc123.js");
    assert_eq!(a.wasm, "trd_explainer-abc123_bg.wasm");
    assert_eq!(a.css, "trd-def456.css");
    assert!(Assets::find(&["index.html".into()]).is_err());
}

#[test]
fn the_loader_points_at_hashed_assets_relative_to_itself() {
    let template = include_str!("../static/trd-explainer.js");
    let c = content::load("en").unwrap();
    let out = loader(template, &assets(), &c).unwrap();
    assert!(out.contains("\"./trd_explainer-abc123.js\""));
    assert!(out.contains("\"./trd_explainer-abc123_bg.wasm\""));
    assert!(out.contains("\"./trd-def456.css\""));
    assert!(out.contains("\"./trd_explainer-abc123_bg.wasm.js\""));
    assert!(out.contains("\"lang,heading-level,categories,open,crisis-region,deep-links,url-state,storage-key,theme,publisher-name,reviewer-name,reviewer-credentials,review-date,publisher-disclosure,report-contact\""));
    // The build's last step, once the files are final, adds their integrity hashes.
    let dir = std::env::temp_dir().join(format!("trd-loader-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let names = release::loaded_names(&assets().manifest()).unwrap();
    for name in &names {
        std::fs::write(dir.join(name), name).unwrap();
    }
    let out = release::fill_integrity(&out, &dir, &names).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(out.contains(&format!(
        "\"trd_explainer-abc123_bg.wasm\":\"{}\"",
        release::integrity(b"trd_explainer-abc123_bg.wasm")
    )));
    assert!(!out.contains("__TRD_"));
}

#[test]
fn the_fragment_is_a_declarative_shadow_root_plus_the_loader_under_the_public_url() {
    let f = fragment(
        "https://cdn.example/trd/",
        &assets(),
        "<section class=\"trd\">W</section>",
    );
    assert!(f.contains("<trd-explainer>"));
    assert!(f.contains("<template shadowrootmode=\"open\">"));
    assert!(f.contains("href=\"https://cdn.example/trd/trd-def456.css\""));
    assert!(f.contains(
        "<noscript><link rel=\"stylesheet\" href=\"https://cdn.example/trd/no-js.css\"></noscript>"
    ));
    assert!(f.contains("<div class=\"trd-root\"><section class=\"trd\">W</section></div>"));
    assert!(f.contains(
        "<script type=\"module\" src=\"https://cdn.example/trd/trd-explainer.js\"></script>"
    ));
    assert!(fragment("/", &assets(), "").contains("src=\"/trd-explainer.js\""));
    assert!(f.contains("<script src=\"https://cdn.example/trd/trd-accordion.js\" async></script>"));
}

#[test]
fn the_loader_carries_the_contents_crisis_lines_and_fallback_once() {
    let c = content::load("en").unwrap();
    let template = include_str!("../static/trd-explainer.js");
    assert!(
        !template.contains("116 123"),
        "the template holds no copy of the crisis text"
    );
    let out = loader(template, &assets(), &c).unwrap();
    let fallback = serde_json::to_string(&c.ui.fallback_error).unwrap();
    assert!(out.contains(&fallback), "fallback text from the content");
    for line in &c.safety.lines {
        for contact in &line.contacts {
            assert!(out.contains(&format!("\"href\":\"{}\"", contact.href)));
        }
    }
    assert!(out.contains("\"href\":\"tel:988\""));
}

#[test]
fn the_accordion_gets_the_contents_labels() {
    let c = content::load("en").unwrap();
    let out = accordion(include_str!("../static/trd-accordion.js"), &c).unwrap();
    assert!(out.contains(&format!("\"collapseAll\":\"{}\"", c.ui.collapse_all)));
    assert!(!out.contains("__TRD_"));
    assert!(accordion("no placeholder", &c).is_err());
}

#[test]
fn the_manifest_names_every_asset_once() {
    let m: serde_json::Value = serde_json::from_str(&assets().manifest()).unwrap();
    assert_eq!(m["glue"], "trd_explainer-abc123.js");
    assert_eq!(m["wasm"], "trd_explainer-abc123_bg.wasm");
    assert_eq!(m["wasmModule"], "trd_explainer-abc123_bg.wasm.js");
    assert_eq!(m["css"], "trd-def456.css");
    assert_eq!(m["pageCss"], "page-999.css");
    assert_eq!(m["loader"], "trd-explainer.js");
    assert_eq!(m["accordion"], "trd-accordion.js");
    for code in content::locales() {
        let file = ContentFile::new(code, content::json(code).unwrap());
        assert_eq!(m["content"][code]["json"], file.json.as_str());
        assert_eq!(m["content"][code]["module"], file.module.as_str());
    }
}

#[test]
fn each_locales_content_file_is_named_by_its_text_and_the_loader_knows_them_all() {
    let en = ContentFile::new("en", content::json("en").unwrap());
    assert!(en.json.starts_with("content-en-") && en.json.ends_with(".json"));
    assert_eq!(en.module, format!("{}.js", en.json));
    assert_eq!(en, ContentFile::new("en", content::json("en").unwrap()));
    assert_ne!(
        en.json,
        ContentFile::new("en", "{}").json,
        "new text, new name"
    );
    let out = loader(
        include_str!("../static/trd-explainer.js"),
        &assets(),
        &content::load("en").unwrap(),
    )
    .unwrap();
    for file in &assets().content {
        assert!(
            out.contains(&format!("\"./{}\"", file.json)),
            "{}",
            file.json
        );
        assert!(
            out.contains(&format!("\"./{}\"", file.module)),
            "{}",
            file.module
        );
    }
    assert_eq!(assets().content.len(), content::locales().count());
}

#[test]
fn content_as_a_module_and_in_the_page_carries_the_same_text_safely() {
    let text = r#"{"a":"</script><!-- \u00e9 é ' \" \u2028"}"#;
    let module = content_module(text);
    let literal = module
        .strip_prefix("export default ")
        .and_then(|m| m.trim_end().strip_suffix(';'))
        .unwrap();
    assert_eq!(serde_json::from_str::<String>(literal).unwrap(), text);
    let script = page_content_script("en", text);
    assert!(
        script.starts_with(r#"<script type="application/json" id="trd-content" data-locale="en">"#)
    );
    let inner = script
        .strip_prefix(r#"<script type="application/json" id="trd-content" data-locale="en">"#)
        .and_then(|s| s.strip_suffix("</script>"))
        .unwrap();
    assert!(!inner.contains('<'), "nothing in it can close the element");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(inner).unwrap(),
        serde_json::from_str::<serde_json::Value>(text).unwrap()
    );
}

#[test]
fn the_standalone_page_refers_to_its_assets_relatively() {
    let files = [
        "trd_explainer-abc123.js".to_string(),
        "favicon.svg".to_string(),
    ];
    let html = "<link rel=modulepreload href=/trd_explainer-abc123.js><link href=\"/favicon.svg\">\
        <script type=module>import init from '/trd_explainer-abc123.js';</script><a href=\"/about\">";
    let out = relative_urls(html, "/", &files);
    assert_eq!(
        out,
        "<link rel=modulepreload href=./trd_explainer-abc123.js><link href=\"./favicon.svg\">\
        <script type=module>import init from './trd_explainer-abc123.js';</script><a href=\"/about\">"
    );
    let sub = relative_urls("<link href=\"/guide/favicon.svg\">", "/guide", &files);
    assert_eq!(sub, "<link href=\"./favicon.svg\">");
}

#[test]
fn the_wasm_module_round_trips_every_byte() {
    use trd_explainer::prerender::wasm_module;
    let bytes: Vec<u8> = (0..=255u8)
        .chain([0, b'"', b'\\', b'\n', b'\r', 0xff])
        .collect();
    let js = wasm_module(&bytes);
    let start = js.find("export default \"").unwrap() + "export default \"".len();
    let end = js.rfind("\";").unwrap();
    // Undo the four escapes the way a JS parser would, then read one byte per char.
    let mut decoded = Vec::new();
    let mut chars = js[start..end].chars();
    while let Some(c) = chars.next() {
        let c = if c == '\\' {
            match chars.next().unwrap() {
                'n' => '\n',
                'r' => '\r',
                other => other,
            }
        } else {
            c
        };
        decoded.push(u8::try_from(u32::from(c)).expect("Latin-1 only"));
    }
    assert_eq!(decoded, bytes);
}

#[test]
fn stylesheets_are_inlined_into_the_page() {
    use trd_explainer::prerender::inline_stylesheets;
    let html = r#"<head><link rel="icon" href="x.svg"><link rel="stylesheet" href="/trd-1.css" integrity="sha384-x"/><link rel="stylesheet" href="/page-2.css"></head>"#;
    let out = inline_stylesheets(
        html,
        &[("trd-1.css", ".trd{a:b}"), ("page-2.css", "body{c:d}")],
    )
    .unwrap();
    assert_eq!(
        out,
        r#"<head><link rel="icon" href="x.svg"><style>.trd{a:b}</style><style>body{c:d}</style></head>"#
    );
    assert!(inline_stylesheets(html, &[("missing.css", "")]).is_err());
}

#[test]
fn minified_link_tags_are_inlined_too() {
    use trd_explainer::prerender::inline_stylesheets;
    let html = "<link rel=stylesheet href=/trd-1.css integrity=sha384-x><p>";
    assert_eq!(
        inline_stylesheets(html, &[("trd-1.css", "a{}")]).unwrap(),
        "<style>a{}</style><p>"
    );
}

#[test]
fn each_locale_has_a_page_with_absolute_hreflang_alternates_when_the_site_is_known() {
    use trd_explainer::prerender::{alternates, language_links, page_at, page_path};
    assert_eq!(page_path("en"), "index.html");
    assert_eq!(page_path("es"), "es/index.html");
    assert_eq!(
        alternates(None),
        "",
        "relative alternates would fail SEO audits"
    );
    assert_eq!(alternates(Some("/")), "");
    let alt = alternates(Some("https://guide.example/trd"));
    assert!(
        alt.contains(
            "<link rel=\"alternate\" hreflang=\"en\" href=\"https://guide.example/trd/\">"
        ),
        "{alt}"
    );
    assert!(alt.contains(
        "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://guide.example/trd/\">"
    ));
    assert!(alt.contains(
        "<link rel=\"alternate\" hreflang=\"es\" href=\"https://guide.example/trd/es/\">"
    ));
    assert!(language_links("es").contains(
        "<a href=\"../index.html\" hreflang=\"en\" lang=\"en\">Read this guide in English</a>"
    ));
    assert!(language_links("en").contains(
        "<a href=\"es/index.html\" hreflang=\"es\" lang=\"es\">Leer esta guía en español</a>"
    ));
    let es = content::load("es").unwrap();
    let template = "<html lang=\"en\"><head><trd-slot name=\"head\"></trd-slot></head><body><header class=\"page-header\"><h1><trd-slot name=\"title\"></trd-slot></h1></header><trd-slot name=\"prerender\"></trd-slot></body></html>";
    let html = page_at(template, &es, "W", Some("https://guide.example/")).unwrap();
    assert!(html.contains("hreflang=\"es\""));
    assert!(html.contains("\"inLanguage\":\"es\""));
    assert!(html.contains("Depresión resistente al tratamiento"));
}

#[test]
fn the_spanish_page_reads_its_assets_one_directory_up() {
    use trd_explainer::prerender::localize_page;
    let files = vec!["app-1.js".to_string(), "favicon.svg".to_string()];
    let html = "<html lang=\"en\"><a class=\"skip-link\" href=\"#main\">Skip to the treatment guide</a><script src=\"./app-1.js\"></script><link href=favicon.svg></html>";
    let out = localize_page(html, "es", &files);
    assert!(out.starts_with("<html lang=\"es\">"));
    assert!(out.contains("Ir a la guía de tratamientos"));
    assert!(out.contains("src=\"../app-1.js\""));
    assert!(out.contains("href=../favicon.svg>"));
    assert!(out.contains("href=\"#main\""), "in-page links stay");
    assert_eq!(localize_page(html, "en", &files), html);
}

#[test]
fn the_loader_and_the_accordion_carry_every_language() {
    let c = content::load("en").unwrap();
    let out = loader(include_str!("../static/trd-explainer.js"), &assets(), &c).unwrap();
    assert!(out.contains("\"href\":\"tel:024\""));
    assert!(out.contains("\"lang\":\"es\""));
    assert!(out.contains("El resto de esta guía"));
    let acc = accordion(include_str!("../static/trd-accordion.js"), &c).unwrap();
    assert!(acc.contains("\"expandAll\":\"Desplegar todo\""));
    assert!(acc.contains("\"expandAll\":\"Expand all\""));
}

#[test]
fn the_standalone_page_starts_its_wasm_after_the_first_paint() {
    let html = "<head><link rel=modulepreload href=./app-1.js><link as=fetch crossorigin href=./app-1_bg.wasm rel=preload type=application/wasm></head><script type=module>import init from './app-1.js';\nconst wasm = await __trunkInitializer(init, './app-1_bg.wasm');</script>";
    let out = trd_explainer::prerender::app_after_first_paint(html, "app-1_bg.wasm").unwrap();
    assert!(
        !out.contains("rel=preload"),
        "no preload of the wasm: {out}"
    );
    assert!(out.contains("rel=modulepreload"), "other links stay");
    let wait = out.find("requestAnimationFrame").unwrap();
    assert!(
        wait < out.find("__trunkInitializer(init").unwrap(),
        "waits, then starts"
    );
    assert!(trd_explainer::prerender::app_after_first_paint("<p>", "app-1_bg.wasm").is_err());
}

#[test]
fn each_locales_body_is_named_by_its_markup_and_its_module_carries_the_same_text() {
    use trd_explainer::prerender::{body_module, BodyFile};
    let html = r#"<section class="trd" lang="en"><p>`a` ${b} \d "q" é</p></section>"#;
    let file = BodyFile::new("en", html);
    assert!(file.html.starts_with("body-en-") && file.html.ends_with(".html"));
    assert_eq!(file.module, format!("{}.js", file.html));
    assert_ne!(
        file.html,
        BodyFile::new("en", "<p></p>").html,
        "new markup, new name"
    );
    // A template literal: quotes as they are; backticks, `${` and backslashes escaped.
    assert_eq!(
        body_module(html),
        "export default `<section class=\"trd\" lang=\"en\"><p>\\`a\\` \\${b} \\\\d \"q\" é</p></section>`;\n"
    );
    let mut assets = assets();
    assets.bodies.push(file.clone());
    let m: serde_json::Value = serde_json::from_str(&assets.manifest()).unwrap();
    assert_eq!(m["body"]["en"]["html"], file.html.as_str());
    assert_eq!(m["body"]["en"]["module"], file.module.as_str());
    let out = loader(
        include_str!("../static/trd-explainer.js"),
        &assets,
        &content::load("en").unwrap(),
    )
    .unwrap();
    assert!(out.contains(&format!("\"./{}\"", file.html)));
    assert!(out.contains(&format!("\"./{}\"", file.module)));
    // What the body was rendered with, so the loader gives it only to elements it matches.
    assert!(out.contains(r#""heading-level":"3""#) && out.contains(r#""theme":"auto""#));
    assert!(out.contains("\"./trd-accordion.js\""));
}

#[test]
fn the_loader_gets_the_crisis_line_rule_from_the_rust_side() {
    use trd_explainer::prerender::{crisis_by_locale, region_codes};
    let en = content::load("en").unwrap();
    let data = crisis_by_locale(&en);
    // Each language's line when neither the tag nor the reader's languages name a region:
    // what its prerendered body leads with.
    assert_eq!(data["en"]["region"], "us");
    assert_eq!(data["es"]["region"], "intl");
    let codes = region_codes();
    for (code, region) in [
        ("mx", "mx"),
        ("es", "es"),
        ("gb", "uk"),
        ("ie", "uk"),
        ("us", "us"),
    ] {
        assert_eq!(codes[code], region, "{code}");
    }
    assert!(codes.get("intl").is_none() && codes.get("emergency").is_none());
    let out = loader(include_str!("../static/trd-explainer.js"), &assets(), &en).unwrap();
    assert!(out.contains(&format!("const REGION_OF = {codes};")));
}
