//! Build time (native): the publisher's pages, `publish.html` and `es/publish.html`, from
//! static/publish/page.html, each with what this build offers a publisher as data
//! ([`PageData`](super::model::PageData)).
//!
//! The forms of code are read from the build's final output, so a form the build lacks is
//! simply absent: the versioned loader from the release's `release.json`
//! ([`pinned_loader`]), the iframe page when `embed.html` exists ([`iframe_form`]). The
//! pages are therefore written last, by `prerender release` after the release step (and
//! in debug builds, which write no release, without the pinned form).

use std::fs;
use std::path::Path;

use serde_json::{json, Value};

use crate::prerender::{escape, fragment_path, ACCORDION, LOADER, MANIFEST};
use crate::release::{self, Release, RELEASE_MANIFEST};
use crate::{content, embed_page};

use super::model::{self, PublishStrings};
use super::{DATA_ID, ROOT_ID};

const TEMPLATE: &str = include_str!("../../static/publish/page.html");

/// Where the publisher's page of a locale lives in the build.
pub fn page_path(locale: &str) -> String {
    if locale == content::DEFAULT_LOCALE {
        "publish.html".into()
    } else {
        format!("{locale}/publish.html")
    }
}

/// The folder of the publisher's own wasm and files in the build.
pub const APP_DIR: &str = "publish";

/// The colours the widget's stylesheet reads (`var(--trd-color-<name>, <default>)` and
/// `var(--trd-color-<name>-dark, <default>)`), in the stylesheet's order: the stylesheet
/// is the one list of them.
pub fn colors(widget_css: &str) -> Vec<(String, String, String)> {
    let mut found: Vec<(String, String, String)> = Vec::new();
    let marker = "var(--trd-color-";
    let mut rest = widget_css;
    while let Some(at) = rest.find(marker) {
        rest = &rest[at + marker.len()..];
        let Some(end) = rest.find(')') else { break };
        let Some((name, default)) = rest[..end].split_once(',') else {
            continue;
        };
        let (name, default) = (name.trim(), default.trim().to_owned());
        let (base, dark) = match name.strip_suffix("-dark") {
            Some(base) => (base, true),
            None => (name, false),
        };
        let at = match found.iter().position(|(n, _, _)| n == base) {
            Some(i) => i,
            None => {
                found.push((base.to_owned(), String::new(), String::new()));
                found.len() - 1
            }
        };
        let slot = if dark {
            &mut found[at].2
        } else {
            &mut found[at].1
        };
        if slot.is_empty() {
            *slot = default;
        }
    }
    found
}

/// The versioned loader with its integrity hash, from the release the build wrote
/// (`v<version>/release.json`, see [`Release::to_json`]): `v<version>/trd-explainer.js`
/// and its `sha384-…`, the README's pinned snippet. `None` if the release lacks the loader.
pub fn pinned_loader(release: &Release) -> Option<Value> {
    let loader = release.files.get(LOADER)?;
    Some(json!({
        "version": release.version,
        "loader": format!("{}/{LOADER}", release::version_dir(&release.version)),
        "integrity": loader.integrity,
    }))
}

/// The iframe form when the build has a page for framing: `embed.html`, and a page per
/// other locale where there is one (`es/embed.html`), in `folder` (with its `/`): the
/// major channel (`v0/`) when the build has a release, as the README's iframe code, so a
/// frame takes the fixes of its major (a frame cannot carry an integrity hash).
pub fn iframe_form(dir: &Path, folder: &str) -> Option<Value> {
    let pages: Vec<Value> = content::locales()
        .map(|code| (code, format!("{folder}{}", embed_page::embed_path(code))))
        .filter(|(_, file)| dir.join(file).is_file())
        .map(|(code, file)| json!({ "locale": code, "file": file }))
        .collect();
    (!pages.is_empty()).then(|| json!({ "pages": pages }))
}

/// What a release leaves out: the publisher's pages and their wasm, a tool for whoever
/// hosts the build, not part of the bundle publishers pin (and written after the release,
/// from it).
pub fn not_released() -> Vec<String> {
    std::iter::once(APP_DIR.to_owned())
        .chain(content::locales().map(page_path))
        .collect()
}

/// The publisher's own wasm and glue (Trunk's output in [`APP_DIR`]), relative to the
/// build's root.
pub fn app_files(dir: &Path) -> Result<(String, String), String> {
    let folder = dir.join(APP_DIR);
    let files: Vec<String> = fs::read_dir(&folder)
        .map_err(|e| {
            format!(
                "{APP_DIR}/: {e} (the publisher's wasm is built by index.html's second rust link)"
            )
        })?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    let find = |suffix: &str| {
        files
            .iter()
            .find(|f| f.starts_with(APP_BIN) && f.ends_with(suffix))
            .map(|f| format!("{APP_DIR}/{f}"))
            .ok_or_else(|| format!("no {APP_BIN}*{suffix} in {APP_DIR}/"))
    };
    Ok((find(".js")?, find("_bg.wasm")?))
}

/// The binary that is the publisher's wasm (Cargo.toml's `[[bin]]`, index.html's `data-bin`),
/// and so the name wasm-bindgen gives its files.
pub const APP_BIN: &str = "trd_publish";

/// The function the publisher's wasm exports to start its page (`#[wasm_bindgen(js_name)]`
/// in `src/bin/trd_publish.rs`, called by `static/publish/publish.js`): only that wasm has it.
pub const START_EXPORT: &str = "startPublisher";

/// Trunk builds the embed's wasm and the publisher's at the same time, through one
/// wasm-bindgen folder. Under one name (both were once the crate's), one pipeline could copy
/// the other's output on a busy machine; the publisher's wasm is now a binary with a name
/// of its own ([`APP_BIN`]), and this check stays so that no such bundle can ever ship: the
/// embed would carry the publisher's code, or the publisher's page would not start. `files`
/// are the build's `(path, bytes)` of the embed's glue and wasm, then the publisher's.
pub fn check_apart(files: [(&str, &[u8]); 4]) -> Result<(), String> {
    let has = |bytes: &[u8]| {
        bytes
            .windows(START_EXPORT.len())
            .any(|w| w == START_EXPORT.as_bytes())
    };
    let wrong: Vec<&str> = files
        .iter()
        .enumerate()
        .filter(|(i, (_, bytes))| has(bytes) != (*i >= 2))
        .map(|(_, (path, _))| *path)
        .collect();
    if wrong.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "the embed's and the publisher's wasm builds crossed ({} hold the other build's output): \
             each must pass through wasm-bindgen under its own name (index.html's rust links). \
             Delete dist/ and build again.",
            wrong.join(", ")
        ))
    }
}

/// The page data for every locale's page except its words and paths, read from the
/// build's final files: its manifest (`assets.json`), the widget's stylesheet, and the
/// release of `version` when the build wrote one (`v<version>/release.json`). With a
/// release, the snippet and the fragments are the version's own, pinned with its hashes.
pub fn build_data(dir: &Path, public_url: &str, version: &str) -> Result<Value, String> {
    let (glue, wasm) = app_files(dir)?;
    let read = |name: &str| fs::read_to_string(dir.join(name)).map_err(|e| format!("{name}: {e}"));
    let manifest: Value =
        serde_json::from_str(&read(MANIFEST)?).map_err(|e| format!("{MANIFEST}: {e}"))?;
    let css = manifest["css"]
        .as_str()
        .ok_or_else(|| format!("{MANIFEST} has no css"))?;
    let widget_css = read(css)?;
    let content: Vec<Value> = content::locales()
        .filter_map(|code| {
            let file = manifest["content"][code]["json"].as_str()?;
            Some(json!({ "locale": code, "file": file }))
        })
        .collect();
    let released = format!("{}/{RELEASE_MANIFEST}", release::version_dir(version));
    let release = match fs::read_to_string(dir.join(&released)) {
        Ok(text) => Some(Release::from_json(&text).map_err(|e| format!("{released}: {e}"))?),
        Err(_) => None,
    };
    let pinned = release.as_ref().and_then(pinned_loader);
    // The fragments (and the files they load) of the version the snippet pins, else the
    // build's own.
    let (folder, channel) = match (&release, &pinned) {
        (Some(r), Some(_)) => (
            format!("{}/", release::version_dir(&r.version)),
            format!("{}/", release::major_dir(&r.version)),
        ),
        _ => (String::new(), String::new()),
    };
    let fragments: Vec<Value> = content::locales()
        .map(|code| (code, format!("{folder}{}", fragment_path(code))))
        .filter(|(_, file)| dir.join(file).is_file())
        .map(|(code, file)| json!({ "locale": code, "file": file }))
        .collect();
    let fragment_assets: Vec<String> = [css, "no-js.css", ACCORDION, LOADER]
        .iter()
        .map(|name| format!("{folder}{name}"))
        .collect();
    let colors: Vec<Value> = colors(&widget_css)
        .into_iter()
        .map(|(name, light, dark)| json!({ "name": name, "light": light, "dark": dark }))
        .collect();
    Ok(json!({
        "public_url": public_url,
        "app": { "glue": glue, "wasm": wasm },
        "forms": {
            "loader": LOADER,
            "pinned": pinned,
            "fragments": fragments,
            "fragment_assets": fragment_assets,
            "iframe": iframe_form(dir, &channel).or_else(|| iframe_form(dir, "")),
        },
        "content": content,
        "colors": colors,
    }))
}

/// One locale's page: the template filled with its words and the data.
pub fn page(locale: &str, data: &Value) -> Result<String, String> {
    let words_json = model::strings_json(locale)
        .ok_or_else(|| format!("locale `{locale}` has no [publish] table"))?;
    let words: PublishStrings = model::decode(words_json, "publish")?;
    let root = "../".repeat(page_path(locale).matches('/').count());
    let mut data = data.clone();
    data["locale"] = json!(locale);
    data["root"] = json!(root);
    data["strings"] = serde_json::from_str(words_json).map_err(|e| e.to_string())?;
    // Checked here, so a page the app could not read never ships.
    model::decode::<model::PageData>(&data.to_string(), "publish data")?;
    // Each other language's page, named in its own language.
    let languages: Vec<String> = content::locales()
        .filter(|code| *code != locale)
        .filter_map(|code| {
            let other: PublishStrings =
                model::decode(model::strings_json(code)?, "publish").ok()?;
            Some(format!(
                "<a href=\"{root}{}\" hreflang=\"{code}\" lang=\"{code}\">{}</a>",
                page_path(code),
                escape(&other.this_page)
            ))
        })
        .collect();
    let guide = crate::prerender::page_path(locale);
    let mut html = TEMPLATE.to_owned();
    for (placeholder, value) in [
        ("__TRD_LANG__", escape(locale)),
        ("__TRD_TITLE__", escape(&words.title)),
        ("__TRD_SKIP__", escape(&words.skip)),
        ("__TRD_INTRO__", escape(&words.intro)),
        ("__TRD_NOSCRIPT__", escape(&words.noscript)),
        ("__TRD_GUIDE_LINK__", escape(&words.guide_link)),
        ("__TRD_GUIDE__", guide),
        ("__TRD_LANGUAGES__", languages.join(" · ")),
        ("__TRD_LOADER__", LOADER.to_owned()),
        ("__TRD_ATTRIBUTES__", crate::config::attribute_names()),
        ("__TRD_ROOT__", root.clone()),
        // `<` escaped: the text can never close the script element.
        ("__TRD_DATA__", data.to_string().replace('<', "\\u003c")),
    ] {
        if !html.contains(placeholder) {
            return Err(format!("static/publish/page.html has no {placeholder}"));
        }
        html = html.replace(placeholder, &value);
    }
    debug_assert!(html.contains(DATA_ID) && html.contains(ROOT_ID));
    Ok(html)
}

/// Writes every locale's page into the build (last: it offers the forms of code the
/// final files make, see [`build_data`]); returns their paths.
pub fn write_pages(dir: &Path, public_url: &str, version: &str) -> Result<Vec<String>, String> {
    let data = build_data(dir, public_url, version)?;
    let mut written = Vec::new();
    for code in content::locales() {
        let path = page_path(code);
        let html = page(code, &data)?;
        if let Some(parent) = Path::new(&path)
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
        {
            fs::create_dir_all(dir.join(parent)).map_err(|e| format!("{path}: {e}"))?;
        }
        fs::write(dir.join(&path), html).map_err(|e| format!("{path}: {e}"))?;
        written.push(path);
    }
    Ok(written)
}
