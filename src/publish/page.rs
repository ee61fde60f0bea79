//! Build time (native): the publisher's pages, `publish.html` and `es/publish.html`, from
//! static/publish/page.html, each with what this build offers a publisher as data
//! ([`PageData`](super::model::PageData)).
//!
//! The forms of code are read from the build's output, so a form the build lacks is simply
//! absent: the versioned loader from `release.json` ([`pinned_loader`]), the iframe page
//! when `embed.html` exists ([`iframe_form`]).

use std::fs;
use std::path::Path;

use serde_json::{json, Value};

use crate::content;
use crate::prerender::{escape, fragment_path, Assets, ACCORDION, LOADER};

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

/// The versioned loader with its integrity hash, from the build's `release.json` (written
/// by the release step) when there is one: `{"version": "…", "files": …}`, `files` either
/// a list of `{path, integrity}` or an object of path → `{integrity}`. `None` without a
/// release, or without the loader in it.
pub fn pinned_loader(release: &Value) -> Option<Value> {
    let version = release.get("version")?.as_str()?;
    let entry = |path: &str, info: &Value| -> Option<(String, String)> {
        let integrity = info
            .get("integrity")
            .or_else(|| info.get("sha384"))?
            .as_str()?;
        let integrity = if integrity.starts_with("sha384-") {
            integrity.to_owned()
        } else {
            format!("sha384-{integrity}")
        };
        (path == LOADER || path.ends_with(&format!("/{LOADER}")))
            .then(|| (path.to_owned(), integrity))
    };
    let (path, integrity) = match release.get("files")? {
        Value::Array(list) => list.iter().find_map(|f| {
            let path = f.get("path").or_else(|| f.get("file"))?.as_str()?;
            entry(path, f)
        }),
        Value::Object(map) => map.iter().find_map(|(path, f)| entry(path, f)),
        _ => None,
    }?;
    // Paths in the release are relative to its versioned folder, or to the build's root.
    let folder = format!("v{version}/");
    let loader = if path.starts_with(&folder) {
        path
    } else {
        format!("{folder}{path}")
    };
    Some(json!({ "version": version, "loader": loader, "integrity": integrity }))
}

/// The iframe form when the build has a page for framing: `embed.html`, and a page per
/// other locale where there is one (`es/embed.html`).
pub fn iframe_form(dir: &Path) -> Option<Value> {
    let page = |code: &str| {
        if code == content::DEFAULT_LOCALE {
            "embed.html".to_owned()
        } else {
            format!("{code}/embed.html")
        }
    };
    let pages: Vec<Value> = content::locales()
        .filter(|code| dir.join(page(code)).is_file())
        .map(|code| json!({ "locale": code, "file": page(code) }))
        .collect();
    (!pages.is_empty()).then(|| json!({ "pages": pages }))
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
            .find(|f| f.starts_with("trd_explainer") && f.ends_with(suffix))
            .map(|f| format!("{APP_DIR}/{f}"))
            .ok_or_else(|| format!("no trd_explainer*{suffix} in {APP_DIR}/"))
    };
    Ok((find(".js")?, find("_bg.wasm")?))
}

/// The page data for every locale's page except its words and paths.
pub fn build_data(
    dir: &Path,
    assets: &Assets,
    public_url: &str,
    widget_css: &str,
) -> Result<Value, String> {
    let (glue, wasm) = app_files(dir)?;
    let release = [
        "release.json".to_owned(),
        format!("v{}/release.json", env!("CARGO_PKG_VERSION")),
    ]
    .iter()
    .find_map(|name| fs::read_to_string(dir.join(name)).ok())
    .and_then(|text| serde_json::from_str::<Value>(&text).ok());
    let fragments: Vec<Value> = content::locales()
        .map(|code| (code, fragment_path(code)))
        .filter(|(_, file)| dir.join(file).is_file())
        .map(|(code, file)| json!({ "locale": code, "file": file }))
        .collect();
    let colors: Vec<Value> = colors(widget_css)
        .into_iter()
        .map(|(name, light, dark)| json!({ "name": name, "light": light, "dark": dark }))
        .collect();
    let content: Vec<Value> = assets
        .content
        .iter()
        .map(|f| json!({ "locale": f.locale, "file": f.json }))
        .collect();
    Ok(json!({
        "public_url": public_url,
        "app": { "glue": glue, "wasm": wasm },
        "forms": {
            "loader": LOADER,
            "pinned": release.as_ref().and_then(pinned_loader),
            "fragments": fragments,
            "fragment_assets": [assets.css, "no-js.css", ACCORDION, LOADER],
            "iframe": iframe_form(dir),
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

/// Writes every locale's page into the build; returns their paths.
pub fn write_pages(
    dir: &Path,
    assets: &Assets,
    public_url: &str,
    widget_css: &str,
) -> Result<Vec<String>, String> {
    let data = build_data(dir, assets, public_url, widget_css)?;
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
