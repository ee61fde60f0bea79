//! The names of the built files (content-hashed) and the module forms of files that a
//! strict host policy lets a page import but not fetch; `assets.json` lists them all.

use serde_json::{json, Value};

/// Asset names in a built `dist/` directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assets {
    pub glue: String,
    pub wasm: String,
    pub css: String,
    /// The standalone page's own stylesheet.
    pub page_css: String,
    /// Each built-in locale's content file, written by the post-build step.
    pub content: Vec<ContentFile>,
    /// Each locale's prerendered default widget, for bare snippets (see [`BodyFile`]);
    /// added by the post-build step once it has rendered them.
    pub bodies: Vec<BodyFile>,
}

/// One locale's content as the browser gets it: `content-<locale>-<hash>.json`, and the
/// same text as a JS module for cross-origin hosts (see [`content_module`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentFile {
    pub locale: String,
    pub json: String,
    pub module: String,
}

/// A hash of `text` for a file name, so the file can be cached for ever.
fn name_hash(text: &str) -> u64 {
    // FNV-1a: the name only has to change when the text does.
    text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

impl ContentFile {
    /// Names the file by a hash of its text, so it can be cached for ever.
    pub fn new(locale: &str, json: &str) -> ContentFile {
        let json = format!("content-{locale}-{:016x}.json", name_hash(json));
        ContentFile {
            locale: locale.to_owned(),
            module: format!("{json}.js"),
            json,
        }
    }
}

/// One locale's widget as the build renders it for a bare `<trd-explainer>` in that
/// language with no configuration: `body-<locale>-<hash>.html`, which the loader fetches
/// and puts into the shadow root before the wasm arrives (one HTML parse, no script), and
/// the same markup as a JS module for cross-origin hosts (see [`body_module`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyFile {
    pub locale: String,
    pub html: String,
    pub module: String,
}

impl BodyFile {
    pub fn new(locale: &str, html: &str) -> BodyFile {
        let html = format!("body-{locale}-{:016x}.html", name_hash(html));
        BodyFile {
            locale: locale.to_owned(),
            module: format!("{html}.js"),
            html,
        }
    }
}

/// The prerendered body as a JS module whose default export is the markup: a template
/// literal, so the many `"` of the attributes need no escaping and the module gzips to
/// almost exactly the size of the HTML file.
pub fn body_module(html: &str) -> String {
    let text = html
        .replace('\\', "\\\\")
        .replace('`', "\\`")
        .replace("${", "\\${");
    format!("export default `{text}`;\n")
}

/// A locale's content JSON as a JS module whose default export is the text: a strict host
/// policy blocks `fetch()` from a CDN (connect-src) but allows its scripts, as for the wasm.
pub fn content_module(json: &str) -> String {
    // A JSON string literal is a valid JS string literal.
    format!(
        "export default {};\n",
        serde_json::Value::String(json.to_owned())
    )
}

/// The loader: a stable name, so publishers' snippets never change.
pub const LOADER: &str = "trd-explainer.js";
/// The classic script that runs the prerendered cards before or without the wasm.
pub const ACCORDION: &str = "trd-accordion.js";
/// The manifest the build writes for the benchmark and the budget test.
pub const MANIFEST: &str = "assets.json";

impl Assets {
    /// Finds Trunk's (possibly hashed) output names among the files of a dist directory.
    pub fn find(files: &[String]) -> Result<Assets, String> {
        let pick = |pred: &dyn Fn(&str) -> bool, what: &str| {
            files
                .iter()
                .find(|f| pred(f))
                .cloned()
                .ok_or_else(|| format!("no {what} in the build output"))
        };
        Ok(Assets {
            glue: pick(
                &|f| f.starts_with("trd_explainer") && f.ends_with(".js"),
                "wasm-bindgen glue (trd_explainer*.js)",
            )?,
            wasm: pick(
                &|f| f.starts_with("trd_explainer") && f.ends_with("_bg.wasm"),
                "wasm (trd_explainer*_bg.wasm)",
            )?,
            css: pick(
                &|f| (f == "trd.css" || f.starts_with("trd-")) && f.ends_with(".css"),
                "widget stylesheet (trd*.css)",
            )?,
            page_css: pick(
                &|f| f.starts_with("page") && f.ends_with(".css"),
                "page stylesheet (page*.css)",
            )?,
            content: crate::content::locales()
                .filter_map(|code| Some(ContentFile::new(code, crate::content::json(code)?)))
                .collect(),
            bodies: Vec::new(),
        })
    }

    /// `assets.json`: every name a tool needs, written once by the build so nothing else
    /// searches the output for hashed names.
    pub fn manifest(&self) -> String {
        let v = json!({
            "loader": LOADER,
            "accordion": ACCORDION,
            "glue": self.glue,
            "wasm": self.wasm,
            "wasmModule": wasm_module_name(self),
            "css": self.css,
            "pageCss": self.page_css,
            "content": self.content_map(""),
            "body": self.body_map(""),
        });
        format!("{v:#}\n")
    }
}

impl Assets {
    /// `{ locale: { json, module } }`, each name prefixed with `prefix`.
    pub fn content_map(&self, prefix: &str) -> Value {
        let files = self.content.iter();
        locale_map(
            prefix,
            files.map(|f| (&f.locale, [("json", &f.json), ("module", &f.module)])),
        )
    }

    /// `{ locale: { html, module } }` of the prerendered bodies, each prefixed with `prefix`.
    pub fn body_map(&self, prefix: &str) -> Value {
        let files = self.bodies.iter();
        locale_map(
            prefix,
            files.map(|f| (&f.locale, [("html", &f.html), ("module", &f.module)])),
        )
    }
}

/// `{ locale: { key: prefix + name, … } }`: one locale's files under their keys.
fn locale_map<'a>(
    prefix: &str,
    files: impl Iterator<Item = (&'a String, [(&'static str, &'a String); 2])>,
) -> Value {
    let map = files
        .map(|(locale, names)| {
            let entry = names
                .iter()
                .map(|(key, name)| (key.to_string(), Value::String(format!("{prefix}{name}"))))
                .collect();
            (locale.clone(), Value::Object(entry))
        })
        .collect();
    Value::Object(map)
}

/// The name of the JS module carrying the wasm bytes (see [`wasm_module`]).
pub fn wasm_module_name(assets: &Assets) -> String {
    format!("{}.js", assets.wasm)
}

/// The wasm as a JS module whose default export is a string with one char per byte.
///
/// A strict host policy (`default-src 'self'; script-src <cdn> 'wasm-unsafe-eval'`)
/// blocks `fetch()` of a wasm file from a CDN but allows importing a script from it.
/// Bytes are written as Latin-1 code points (UTF-8 on disk), escaping only what a
/// string literal cannot hold. That keeps LZ matches byte-aligned: gzipped, it is only
/// a few percent larger than the gzipped wasm, where base64 would add about a third.
pub fn wasm_module(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 5 / 4 + 128);
    out.push_str(
        "// The explainer's wasm, one char per byte, for hosts whose policy blocks fetching it.\n",
    );
    out.push_str("export default \"");
    for &b in bytes {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'"' => out.push_str("\\\""),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ => out.push(char::from(b)),
        }
    }
    out.push_str("\";\n");
    out
}
