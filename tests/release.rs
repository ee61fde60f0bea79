//! Releases, the iframe embed page and oEmbed, as the build writes them.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use trd_explainer::config::{self, JsonConfig, Options};
use trd_explainer::embed_page::{
    embed_page, embed_path, embed_script, iframe_code, oembed, oembed_link, oembed_path, ALLOW,
    SANDBOX,
};
use trd_explainer::prerender::{render_embed, Assets};
use trd_explainer::release::{
    integrity, is_release_dir, major_dir, release_fragment, version_key, write_release, Release,
    ReleaseFile, RELEASE_MANIFEST,
};

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

fn in_language(locale: &str) -> Options {
    let mut options = Options::embedded();
    let defaults = options.clone();
    let warnings = options.set_attribute(&defaults, "lang", Some(locale));
    assert!(warnings.is_empty(), "{locale}");
    options
}

fn content(locale: &str) -> std::rc::Rc<trd_explainer::content::Content> {
    config::resolve(&in_language(locale), &JsonConfig::default())
        .unwrap()
        .0
}

#[test]
fn integrity_is_sha384_in_base64() {
    // The SRI example value for "alert('Hello, world.');" (W3C Subresource Integrity).
    assert_eq!(
        integrity(b"alert('Hello, world.');"),
        "sha384-H8BRh8j48O9oYatfu5AZzq6A9RINhZO5H16dQZngK7T62em8MUt1FLm52t+eX6xO"
    );
}

#[test]
fn release_folders_are_told_apart_and_versions_ordered() {
    assert!(is_release_dir("v0.1.0") && is_release_dir("v0") && is_release_dir("v12.0.0-rc.1"));
    assert!(!is_release_dir("vendor") && !is_release_dir("es") && !is_release_dir("v"));
    assert_eq!(major_dir("0.1.0"), "v0");
    assert_eq!(major_dir("2.3.4"), "v2");
    assert!(version_key("0.10.0") > version_key("0.9.9"));
    assert!(version_key("1.0.0-rc.1") < version_key("1.0.0"));
}

#[test]
fn a_changed_release_names_what_changed() {
    let file = |size, hash: &str| ReleaseFile {
        size,
        integrity: hash.into(),
    };
    let a = Release {
        version: "0.1.0".into(),
        files: BTreeMap::from([("a.js".into(), file(1, "x")), ("b.js".into(), file(2, "y"))]),
    };
    let mut b = a.clone();
    assert!(a.differences(&b).is_empty());
    b.files.insert("b.js".into(), file(2, "z"));
    b.files.insert("c.js".into(), file(3, "w"));
    b.files.remove("a.js");
    assert_eq!(
        b.differences(&a),
        vec!["changed b.js", "new file c.js", "missing a.js"]
    );
    assert_eq!(Release::from_json(&a.to_json()).unwrap(), a);
}

#[test]
fn a_release_fragment_points_into_its_folder_and_pins_what_it_loads() {
    let html = "<link rel=\"stylesheet\" href=\"/trd-1.css\" data-trd><a href=\"/other\">x</a>\
                <script type=\"module\" src=\"/trd-explainer.js\"></script>";
    let files = BTreeMap::from([
        (
            "trd-1.css".to_owned(),
            ReleaseFile {
                size: 1,
                integrity: "sha384-css".into(),
            },
        ),
        (
            "trd-explainer.js".to_owned(),
            ReleaseFile {
                size: 1,
                integrity: "sha384-js".into(),
            },
        ),
    ]);
    let pinned = release_fragment(html, "/", "v0.1.0", Some(&files));
    assert!(pinned.contains("href=\"/v0.1.0/trd-1.css\" data-trd integrity=\"sha384-css\" crossorigin=\"anonymous\">"), "{pinned}");
    assert!(
        pinned.contains(
            "src=\"/v0.1.0/trd-explainer.js\" integrity=\"sha384-js\" crossorigin=\"anonymous\">"
        ),
        "{pinned}"
    );
    let channel = release_fragment(html, "/", "v0", None);
    assert!(
        channel.contains("src=\"/v0/trd-explainer.js\">") && !channel.contains("integrity"),
        "{channel}"
    );
}

#[test]
fn the_embed_page_holds_the_prerendered_guide_and_loads_with_relative_urls() {
    for locale in ["en", "es"] {
        let widget = render_embed(in_language(locale)).unwrap();
        let page = embed_page(&content(locale), &assets(), &widget);
        let base = if locale == "en" { "./" } else { "../" };
        assert!(
            page.contains(&format!("<html lang=\"{locale}\"")),
            "{locale}"
        );
        assert!(page.contains("shadowrootmode=\"open\""));
        assert!(page.contains(&widget));
        assert!(page.contains(&format!("src=\"{base}trd-embed.js\"")));
        assert!(page.contains(&format!("src=\"{base}trd-explainer.js\"")));
        // The options script comes before the loader, which reads them.
        assert!(page.find("trd-embed.js") < page.find("type=\"module\" src"));
        assert_eq!(
            embed_path(locale),
            if locale == "en" {
                "embed.html"
            } else {
                "es/embed.html"
            }
        );
    }
}

#[test]
fn the_embed_script_takes_its_option_names_from_the_attribute_table() {
    let script = embed_script("const NAMES = \"__TRD_ATTRIBUTES__\".split(\",\");").unwrap();
    assert!(script.contains(&config::attribute_names()));
    assert!(script.contains("heading-level") && script.contains("crisis-region"));
    assert!(embed_script("no placeholder").is_err());
}

#[test]
fn the_readme_gives_the_iframe_code_the_build_gives() {
    let readme = include_str!("../README.md");
    let code = iframe_code(
        "https://cdn.example/trd/v0/embed.html",
        &content("en").meta.title,
    );
    assert!(readme.contains(&code), "README.md should show:\n{code}");
    for part in ["title=\"", "loading=\"lazy\"", SANDBOX, ALLOW] {
        assert!(code.contains(part), "{part}");
    }
}

#[test]
fn oembed_responses_are_rich_with_the_iframe_for_their_language() {
    for locale in ["en", "es"] {
        let c = content(locale);
        let v = oembed(&c, "https://example.org/guide");
        assert_eq!(v["version"], "1.0");
        assert_eq!(v["type"], "rich");
        assert_eq!(v["title"], c.meta.title.as_str());
        let html = v["html"].as_str().unwrap();
        let src = format!("src=\"https://example.org/guide/{}\"", embed_path(locale));
        assert!(
            html.starts_with("<iframe ") && html.contains(&src),
            "{html}"
        );
        assert!(v["width"].is_u64() && v["height"].is_u64());
        let link = oembed_link(locale, Some("https://example.org/guide/"));
        assert!(
            link.contains(&format!(
                "type=\"application/json+oembed\" href=\"https://example.org/guide/{}\"",
                oembed_path(locale)
            )),
            "{link}"
        );
    }
    // Discovery needs an absolute URL: none without a known site.
    assert_eq!(oembed_link("en", None), "");
    assert_eq!(oembed_link("en", Some("/relative/")), "");
}

/// A small build: the loader, a stylesheet, a fragment, a folder, and the publisher's page
/// with its wasm (`publish.html`, `publish/`).
fn small_build(dir: &std::path::Path, loader: &str, publisher: &str) {
    let _ = std::fs::remove_dir_all(dir);
    for (path, text) in [
        ("trd-explainer.js", loader),
        ("trd-1.css", ".trd{}"),
        (
            "trd-explainer.fragment.html",
            "<link rel=\"stylesheet\" href=\"/trd-1.css\" data-trd><script type=\"module\" src=\"/trd-explainer.js\"></script>",
        ),
        ("es/embed.html", "<p>es</p>"),
        ("publish.html", publisher),
        ("publish/trd_publish-p.js", publisher),
    ] {
        let file = dir.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, text).unwrap();
    }
}

#[test]
fn a_release_leaves_out_what_is_not_released_and_an_unchanged_version_builds_again() {
    let root = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("release-twice");
    let (first, second) = (root.join("first"), root.join("second"));
    let not_released = ["publish".to_owned(), "publish.html".to_owned()];
    small_build(&first, "loader 1", "page 1");
    write_release(&first, None, "0.1.0", "/", false, &not_released).unwrap();
    let released = Release::from_json(
        &std::fs::read_to_string(first.join("v0.1.0").join(RELEASE_MANIFEST)).unwrap(),
    )
    .unwrap();
    let names: Vec<&str> = released.files.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "es/embed.html",
            "trd-1.css",
            "trd-explainer.fragment.html",
            "trd-explainer.js"
        ]
    );
    for folder in ["v0.1.0", "v0"] {
        assert!(
            !first.join(folder).join("publish.html").exists(),
            "{folder}"
        );
        assert!(!first.join(folder).join("publish").exists(), "{folder}");
    }
    // The same bundle again, with the publisher's page changed: the same release.
    small_build(&second, "loader 1", "page 2");
    write_release(&second, Some(&first), "0.1.0", "/", false, &not_released).unwrap();
    assert_eq!(
        std::fs::read(second.join("v0.1.0").join(RELEASE_MANIFEST)).unwrap(),
        std::fs::read(first.join("v0.1.0").join(RELEASE_MANIFEST)).unwrap()
    );
    // A changed loader under the same version is refused, naming it.
    small_build(&second, "loader 2", "page 1");
    let refused = write_release(&second, Some(&first), "0.1.0", "/", false, &not_released)
        .expect_err("a published version never changes");
    assert!(refused.contains("changed trd-explainer.js"), "{refused}");
    let _ = std::fs::remove_dir_all(root);
}
