//! Build-time rendering (native only): the explainer as HTML for the standalone page and
//! the embeddable fragment, plus structured data for search engines. The browser then
//! hydrates this markup instead of rendering it again.

use std::rc::Rc;

use serde_json::{json, Value};

use crate::app::{Explainer, ExplainerProps};
use crate::config::{self, JsonConfig, Options};
use crate::content::{Content, Status};

/// The explainer's HTML as Yew renders it on the server, with hydration markers.
pub fn render_widget(options: Options) -> Result<String, String> {
    let (content, _) = config::resolve(&options, &JsonConfig::default())?;
    let props = ExplainerProps {
        content,
        options: Rc::new(options),
        on_event: Default::default(),
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let local = tokio::task::LocalSet::new();
    Ok(local.block_on(&runtime, async move {
        yew::LocalServerRenderer::<Explainer>::with_props(props)
            .hydratable(true)
            .render()
            .await
    }))
}

/// Escapes text for an HTML text node or a double-quoted attribute.
pub fn escape(text: &str) -> String {
    html_escape::encode_double_quoted_attribute(text).into_owned()
}

/// schema.org structured data: a medical web page about TRD listing each treatment.
pub fn structured_data(content: &Content) -> Value {
    let therapies: Vec<Value> = content
        .cards
        .iter()
        .filter(|c| c.is_treatment())
        .map(|c| {
            let kind = match c.category {
                crate::content::Category::Medication => "Drug",
                _ => "MedicalTherapy",
            };
            let mut v = json!({
                "@type": kind,
                "name": c.title,
                "description": c.summary,
            });
            if let Some(status) = c.status {
                let label = match status {
                    Status::Established => "https://schema.org/EvidenceLevelA",
                    Status::Emerging => "https://schema.org/EvidenceLevelB",
                    _ => "https://schema.org/EvidenceLevelC",
                };
                // Only a rough mapping, so say it in words too.
                v["evidenceLevel"] = json!(label);
                v["disambiguatingDescription"] = json!(content.status_label(status));
            }
            v
        })
        .collect();
    json!({
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": content.meta.title,
        "description": content.meta.description,
        "inLanguage": content.locale,
        "lastReviewed": content.meta.reviewed,
        "audience": { "@type": "PeopleAudience", "audienceType": "Patients and caregivers" },
        "about": {
            "@type": "MedicalCondition",
            "name": "Treatment-resistant depression",
            "alternateName": "TRD",
            "possibleTreatment": therapies,
        },
        "specialty": "https://schema.org/Psychiatric",
    })
}

/// `<title>`, meta description and JSON-LD for the page head.
pub fn head(content: &Content) -> String {
    // `</` cannot appear inside the script element; JSON allows `<\/`.
    let ld = structured_data(content).to_string().replace("</", "<\\/");
    format!(
        "<title>{title}</title>\n  <meta name=\"description\" content=\"{desc}\">\n  <script type=\"application/ld+json\">{ld}</script>",
        title = escape(&content.meta.title),
        desc = escape(&content.meta.description),
    )
}

/// Asset names in a built `dist/` directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assets {
    pub glue: String,
    pub wasm: String,
    pub css: String,
    /// The standalone page's own stylesheet.
    pub page_css: String,
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
        });
        format!("{v:#}\n")
    }
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

/// What a bare snippet shows before the wasm, and if it never runs: the crisis lines
/// and the could-not-load message, from the content (one copy of the words).
pub fn crisis_data(content: &Content) -> Value {
    let lines: Vec<Value> = content
        .safety
        .lines
        .iter()
        .map(|l| {
            json!({
                "region": format!("{:?}", l.region).to_lowercase(),
                "label": l.label,
                "name": l.name,
                "detail": l.detail,
                "contacts": l.contacts.iter().map(|c| json!({ "label": c.label, "href": c.href })).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "heading": content.safety.heading,
        "label": content.ui.widget_label,
        "region": format!("{:?}", Options::embedded().crisis_region).to_lowercase(),
        "fallback": content.ui.fallback_error,
        "lines": lines,
    })
}

fn fill(template: &str, what: &str, placeholder: &str, value: &str) -> Result<String, String> {
    if !template.contains(placeholder) {
        return Err(format!("{what} template has no {placeholder}"));
    }
    Ok(template.replace(placeholder, value))
}

/// The loader with the hashed asset names (relative to the loader's own URL), the
/// observed attributes and the crisis data filled in.
pub fn loader(template: &str, assets: &Assets, content: &Content) -> Result<String, String> {
    let module = wasm_module_name(assets);
    let mut out = fill(
        template,
        "loader",
        "__TRD_ATTRIBUTES__",
        &crate::config::attribute_names(),
    )?;
    out = fill(
        &out,
        "loader",
        "__TRD_CRISIS__",
        &crisis_data(content).to_string(),
    )?;
    for (placeholder, value) in [
        ("__TRD_GLUE__", &assets.glue),
        ("__TRD_WASM__", &assets.wasm),
        ("__TRD_WASM_JS__", &module),
        ("__TRD_CSS__", &assets.css),
    ] {
        out = fill(&out, "loader", placeholder, &format!("./{value}"))?;
    }
    Ok(out)
}

/// The pre-wasm accordion script with its labels from the content.
pub fn accordion(template: &str, content: &Content) -> Result<String, String> {
    let strings = json!({
        "expandAll": content.ui.expand_all,
        "collapseAll": content.ui.collapse_all,
    });
    fill(
        template,
        "accordion",
        "__TRD_ACCORDION_STRINGS__",
        &strings.to_string(),
    )
}

/// Rewrites the standalone page's references to build outputs (`/trd_explainer-….js`,
/// quoted or not) as relative URLs, so `dist/` works from any sub-path and from disk.
pub fn relative_urls(html: &str, public_url: &str, files: &[String]) -> String {
    let base = if public_url.ends_with('/') {
        public_url.to_owned()
    } else {
        format!("{public_url}/")
    };
    let mut out = html.to_owned();
    for file in files {
        for lead in ['"', '\'', '='] {
            out = out.replace(&format!("{lead}{base}{file}"), &format!("{lead}./{file}"));
        }
    }
    out
}

/// Replaces the `<trd-slot name="…"></trd-slot>` placeholder of that name, however an
/// HTML minifier has rewritten its attribute (`name=head`, `name="head"`).
fn fill_slot(html: &str, name: &str, value: &str) -> Result<String, String> {
    let mut from = 0;
    while let Some(rel) = html[from..].find("<trd-slot") {
        let start = from + rel;
        let open_end = start + html[start..].find('>').ok_or("unterminated <trd-slot>")? + 1;
        let tag = &html[start..open_end];
        let named =
            tag.contains(&format!("name={name}")) || tag.contains(&format!("name=\"{name}\""));
        if named {
            let close = "</trd-slot>";
            let end =
                open_end + html[open_end..].find(close).ok_or("unclosed <trd-slot>")? + close.len();
            return Ok(format!("{}{value}{}", &html[..start], &html[end..]));
        }
        from = open_end;
    }
    Err(format!(
        "index.html has no <trd-slot name=\"{name}\"> placeholder"
    ))
}

/// Fills the standalone page's placeholders: head metadata, the h1 and the prerendered widget.
pub fn page(template: &str, content: &Content, widget_html: &str) -> Result<String, String> {
    let html = fill_slot(template, "head", &head(content))?;
    let html = fill_slot(&html, "title", &escape(&content.meta.title))?;
    fill_slot(&html, "prerender", widget_html)
}

/// Replaces each `<link rel="stylesheet">` whose href ends with one of `sheets`' names by
/// a `<style>` holding that CSS: the standalone page then paints from the HTML alone,
/// with no render-blocking request (the hashed files stay for the embed).
pub fn inline_stylesheets(html: &str, sheets: &[(&str, &str)]) -> Result<String, String> {
    let mut out = html.to_owned();
    for (name, css) in sheets {
        let start = out
            .match_indices("<link")
            .map(|(i, _)| i)
            .find(|&i| {
                let tag = &out[i..out[i..].find('>').map_or(out.len(), |e| i + e)];
                // Quoted or not: an HTML minifier drops the quotes.
                tag.contains("stylesheet") && tag.contains(name)
            })
            .ok_or_else(|| format!("index.html links no stylesheet named {name}"))?;
        let end = start + out[start..].find('>').ok_or("unterminated <link>")? + 1;
        // `</style` cannot appear in CSS we ship, but never let it end the element early.
        let css = css.replace("</style", "<\\/style");
        out.replace_range(start..end, &format!("<style>{css}</style>"));
    }
    Ok(out)
}

/// Markup a publisher pastes instead of the bare element: the prerendered widget in a
/// declarative shadow root (readable and styled without JavaScript), the script that
/// opens its cards before the wasm arrives, then the loader.
pub fn fragment(public_url: &str, assets: &Assets, widget_html: &str) -> String {
    let base = if public_url.ends_with('/') {
        public_url.to_owned()
    } else {
        format!("{public_url}/")
    };
    format!(
        "<!-- TRD treatment explainer: prerendered embed. Paste into the article where the guide should appear. -->\n\
<trd-explainer>\n\
<template shadowrootmode=\"open\">\
<link rel=\"stylesheet\" href=\"{base}{css}\" data-trd>\
<noscript><link rel=\"stylesheet\" href=\"{base}no-js.css\"></noscript>\
<div class=\"trd-root\">{widget_html}</div>\
</template>\n\
</trd-explainer>\n\
<script src=\"{base}{ACCORDION}\" async></script>\n\
<script type=\"module\" src=\"{base}{LOADER}\"></script>\n",
        css = assets.css,
    )
}
