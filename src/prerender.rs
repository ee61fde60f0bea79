//! Build-time rendering (native only): the explainer as HTML for the standalone page and
//! the embeddable fragment, plus structured data for search engines. The browser then
//! hydrates this markup instead of rendering it again.

use std::rc::Rc;

use serde_json::{json, Value};

use crate::app::{Explainer, ExplainerProps};
use crate::config::{self, JsonConfig, Options, Publisher};
use crate::content::{Content, Status};
use crate::slot::{Shown, Slot, SlotProps};

/// The explainer's HTML as Yew renders it on the server, with hydration markers.
pub fn render_widget(options: Options) -> Result<String, String> {
    let (content, _) = config::resolve(&options, &JsonConfig::default())?;
    let props = ExplainerProps {
        content,
        options: Rc::new(options),
        on_event: Default::default(),
        progressive: false,
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

/// The markup a `<trd-explainer>` hydrates (the fragments, the bare snippet's body): the
/// explainer inside the element's [`Slot`](crate::slot::Slot), as its app renders it.
pub fn render_embed(options: Options) -> Result<String, String> {
    let (content, _) = config::resolve(&options, &JsonConfig::default())?;
    let shown = Shown {
        key: 0,
        content,
        options: Rc::new(options),
        on_event: Default::default(),
        progressive: false,
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let local = tokio::task::LocalSet::new();
    Ok(local.block_on(&runtime, async move {
        yew::LocalServerRenderer::<Slot>::with_props(SlotProps { shown: Some(shown) })
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
    structured_data_for(content, &Publisher::default())
}

/// [`structured_data`] of a page whose publisher configured its own medical review: its
/// reviewer (`reviewedBy`), the review's date (`lastReviewed`) and the publisher, from the
/// same JSON an embedded widget writes. Without a configured review, nobody is named.
pub fn structured_data_for(content: &Content, publisher: &Publisher) -> Value {
    let mut data = guide_data(content);
    if let Some(review) = publisher.review() {
        if let Ok(Value::Object(fields)) = serde_json::from_str::<Value>(&review.json_ld()) {
            for key in ["reviewedBy", "lastReviewed", "publisher"] {
                if let Some(value) = fields.get(key) {
                    data[key] = value.clone();
                }
            }
        }
    }
    data
}

fn guide_data(content: &Content) -> Value {
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
        "audience": { "@type": "PeopleAudience", "audienceType": words(&content.locale).audience },
        "about": {
            "@type": "MedicalCondition",
            "name": words(&content.locale).condition,
            "alternateName": "TRD",
            "possibleTreatment": therapies,
        },
        "specialty": "https://schema.org/Psychiatric",
    })
}

/// `<title>`, meta description and JSON-LD for the page head.
pub fn head(content: &Content) -> String {
    head_for(content, &Publisher::default())
}

/// [`head`] with the publisher's review in the JSON-LD (see [`structured_data_for`]).
pub fn head_for(content: &Content, publisher: &Publisher) -> String {
    // `</` cannot appear inside the script element; JSON allows `<\/`.
    let ld = structured_data_for(content, publisher)
        .to_string()
        .replace("</", "<\\/");
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

/// The standalone page's copy of its locale's content: not executed (CSP-safe), read by
/// the wasm's `start`. `<` is escaped so the text can never close the script element.
pub fn page_content_script(locale: &str, json: &str) -> String {
    format!(
        r#"<script type="application/json" id="{}" data-locale="{}">{}</script>"#,
        crate::content::PAGE_SCRIPT_ID,
        escape(locale),
        json.replace('<', "\\u003c")
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

/// Words outside the content that the build writes into pages and scripts, per locale.
/// (Everything the app shows comes from the locale file; these are the page around it
/// and the scripts that run before or without the wasm.)
pub struct PageWords {
    pub condition: &'static str,
    pub audience: &'static str,
    /// English text of the standalone page template → this language.
    pub page: &'static [(&'static str, &'static str)],
    /// The link to this language's page, in this language ("Read this guide in English").
    pub other_language: &'static str,
    /// The loader's "taking a long time" line.
    pub slow: &'static str,
    /// The pre-wasm script's notes (from disk; the app could not load).
    pub from_disk: &'static str,
    pub unavailable: &'static str,
}

pub fn words(locale: &str) -> &'static PageWords {
    match locale {
        "es" => &PageWords {
            condition: "Depresión resistente al tratamiento",
            audience: "Pacientes y cuidadores",
            page: &[
                ("Skip to the treatment guide", "Ir a la guía de tratamientos"),
                ("Health explainer", "Guía de salud"),
                (
                    "Plain-language, sourced information for people whose depression has not improved after two or more antidepressants, and for the people who support them.",
                    "Información clara y con fuentes para las personas cuya depresión no ha mejorado después de dos o más antidepresivos, y para quienes las acompañan.",
                ),
                (
                    "Embed this guide in your own pages:",
                    "Para incluir esta guía en sus propias páginas:",
                ),
                (
                    "choose the options and copy the code",
                    "elija las opciones y copie el código",
                ),
            ],
            other_language: "Leer esta guía en español",
            slow: "El resto de esta guía de tratamientos está tardando mucho en cargar. Las líneas de crisis de arriba ya funcionan.",
            from_disk: "Abierta desde un archivo, esta guía no puede usar la búsqueda, los filtros, la comparación ni Mis preguntas. Para usarlos, ábrala desde el sitio web que la publicó.",
            unavailable: "La búsqueda, los filtros, la comparación y Mis preguntas no se pudieron cargar, así que están ocultos. Todas las fichas se siguen abriendo y cerrando; recargue la página para intentarlo de nuevo.",
        },
        _ => &PageWords {
            condition: "Treatment-resistant depression",
            audience: "Patients and caregivers",
            page: &[],
            other_language: "Read this guide in English",
            slow: "The rest of this treatment guide is taking a long time to load. The crisis lines above work now.",
            from_disk: "Opened from a file, this guide cannot run its search, filters, compare view or My questions. For those, open it from the website that published it.",
            unavailable: "The search, filters, compare view and My questions could not load, so they are hidden. Every card below still opens and closes; reload the page to try again.",
        },
    }
}

/// Where a locale's standalone page lives, relative to dist/: `index.html` for English,
/// `es/index.html` for Spanish.
pub fn page_path(locale: &str) -> String {
    if locale == crate::content::DEFAULT_LOCALE {
        "index.html".into()
    } else {
        format!("{locale}/index.html")
    }
}

/// Where a locale's prerendered fragment lives, relative to dist/:
/// `trd-explainer.fragment.html` for English, `trd-explainer.fragment.es.html`.
pub fn fragment_path(locale: &str) -> String {
    if locale == crate::content::DEFAULT_LOCALE {
        "trd-explainer.fragment.html".into()
    } else {
        format!("trd-explainer.fragment.{locale}.html")
    }
}

/// `hreflang` alternates for every locale's page, as absolute URLs under `site` (search
/// engines and Lighthouse accept no relative ones). Without a known site URL, none: the
/// visible language links still carry `hreflang`.
pub fn alternates(site: Option<&str>) -> String {
    let Some(site) = site.filter(|s| s.starts_with("https://") || s.starts_with("http://")) else {
        return String::new();
    };
    let base = if site.ends_with('/') {
        site.to_owned()
    } else {
        format!("{site}/")
    };
    let mut out = String::new();
    for code in crate::content::locales() {
        let href = escape(&format!(
            "{base}{}",
            page_path(code).trim_end_matches("index.html")
        ));
        out.push_str(&format!(
            "\n  <link rel=\"alternate\" hreflang=\"{code}\" href=\"{href}\">"
        ));
        if code == crate::content::DEFAULT_LOCALE {
            out.push_str(&format!(
                "\n  <link rel=\"alternate\" hreflang=\"x-default\" href=\"{href}\">"
            ));
        }
    }
    out
}

/// Links to the page in every other language, each in its own language (`lang`,
/// `hreflang`), for the top of a standalone page.
pub fn language_links(locale: &str) -> String {
    let from = page_path(locale);
    let up = "../".repeat(from.matches('/').count());
    let links: Vec<String> = crate::content::locales()
        .filter(|c| *c != locale)
        .map(|code| {
            // The file itself, not its directory: the link also works from disk.
            let href = format!("{up}{}", page_path(code));
            format!(
                "<a href=\"{href}\" hreflang=\"{code}\" lang=\"{code}\">{}</a>",
                escape(words(code).other_language)
            )
        })
        .collect();
    format!("<p class=\"page-languages\">{}</p>", links.join(" · "))
}

/// The standalone page template in another language: `<html lang>`, the page's own
/// words, and asset URLs one directory up.
pub fn localize_page(html: &str, locale: &str, files: &[String]) -> String {
    let mut out = html.replacen(
        "<html lang=\"en\">",
        &format!("<html lang=\"{locale}\">"),
        1,
    );
    out = out.replacen("<html lang=en>", &format!("<html lang={locale}>"), 1);
    for (en, translated) in words(locale).page {
        out = out.replace(en, translated);
    }
    let up = "../".repeat(page_path(locale).matches('/').count());
    if up.is_empty() {
        return out;
    }
    for file in files {
        for lead in ['"', '\'', '='] {
            out = out.replace(&format!("{lead}./{file}"), &format!("{lead}{up}{file}"));
            for end in ['"', '\'', '>', ' '] {
                let from = if lead == '=' {
                    format!("={file}{end}")
                } else {
                    format!("{lead}{file}{lead}")
                };
                let to = if lead == '=' {
                    format!("={up}{file}{end}")
                } else {
                    format!("{lead}{up}{file}{lead}")
                };
                out = out.replace(&from, &to);
            }
        }
    }
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
        "lang": content.locale,
        "heading": content.safety.heading,
        "label": content.ui.widget_label,
        // The line a bare `lang` of this language leads with when the reader's own
        // languages name no region of it (the body was rendered with it).
        "region": crate::config::lead_region(&content.locale, &content.locale, &[]).slug(),
        "fallback": content.ui.fallback_error,
        "slow": words(&content.locale).slow,
        "lines": lines,
    })
}

/// `crisis_data` of every compiled locale, keyed by locale: the loader picks the one the
/// element's language asks for (a few hundred bytes gzip per locale, so the lines show
/// before anything else is fetched).
pub fn crisis_by_locale(default: &Content) -> Value {
    let mut map = serde_json::Map::new();
    map.insert(default.locale.clone(), crisis_data(default));
    for code in crate::content::locales() {
        if let Ok(c) = crate::content::load(code) {
            if code != default.locale {
                map.insert(code.to_owned(), crisis_data(&c));
            }
        }
    }
    Value::Object(map)
}

/// `{ country code: region }` for every country code that leads with a line of its own
/// (`gb` → `uk`): how the loader reads a region subtag or a `crisis-region`.
pub fn region_codes() -> Value {
    let map = crate::content::Region::country_codes()
        .into_iter()
        .map(|(code, region)| (code.to_owned(), json!(region.slug())))
        .collect();
    Value::Object(map)
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
        &crisis_by_locale(content).to_string(),
    )?;
    out = fill(
        &out,
        "loader",
        "__TRD_REGIONS__",
        &region_codes().to_string(),
    )?;
    out = fill(
        &out,
        "loader",
        "__TRD_CONTENT__",
        &assets.content_map("./").to_string(),
    )?;
    out = fill(
        &out,
        "loader",
        "__TRD_BODY__",
        &assets.body_map("./").to_string(),
    )?;
    out = fill(
        &out,
        "loader",
        "__TRD_PRERENDERED_WITH__",
        &prerendered_with().to_string(),
    )?;
    let accordion = ACCORDION.to_owned();
    for (placeholder, value) in [
        ("__TRD_ACCORDION__", &accordion),
        ("__TRD_GLUE__", &assets.glue),
        ("__TRD_WASM__", &assets.wasm),
        ("__TRD_WASM_JS__", &module),
        ("__TRD_CSS__", &assets.css),
    ] {
        out = fill(&out, "loader", placeholder, &format!("./{value}"))?;
    }
    Ok(out)
}

/// The attributes that change the first render's markup, each with the one value the
/// prerendered bodies were rendered with (`null`: any value changes it). The crisis
/// region, which also follows `lang`, the loader checks against the crisis data. JSON
/// configuration always changes it.
pub fn prerendered_with() -> Value {
    let rule = crate::prerendered::prerendered_with().into_iter();
    Value::Object(
        rule.map(|(name, value)| (name.to_owned(), json!(value)))
            .collect(),
    )
}

/// The pre-wasm accordion script with its labels from the content.
pub fn accordion(template: &str, content: &Content) -> Result<String, String> {
    let of = |c: &Content| {
        let w = words(&c.locale);
        json!({
            "expandAll": c.ui.expand_all,
            "collapseAll": c.ui.collapse_all,
            "fromDisk": w.from_disk,
            "unavailable": w.unavailable,
        })
    };
    let mut map = serde_json::Map::new();
    map.insert(content.locale.clone(), of(content));
    for code in crate::content::locales().filter(|c| *c != content.locale) {
        if let Ok(c) = crate::content::load(code) {
            map.insert(code.to_owned(), of(&c));
        }
    }
    let strings = Value::Object(map);
    let out = fill(
        template,
        "accordion",
        "__TRD_ACCORDION_STRINGS__",
        &strings.to_string(),
    )?;
    fill(
        &out,
        "accordion",
        "__TRD_ABOUT_TARGETS__",
        &json!(crate::content::ABOUT_TARGETS).to_string(),
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
    page_at(template, content, widget_html, None)
}

/// [`page`] for a site whose address is known (`site`): with `hreflang` alternates.
pub fn page_at(
    template: &str,
    content: &Content,
    widget_html: &str,
    site: Option<&str>,
) -> Result<String, String> {
    page_for(template, content, widget_html, site, &Publisher::default())
}

/// [`page_at`] for a page configured with the publisher's own review (see
/// [`standalone_attributes`]): its JSON-LD names the reviewer.
pub fn page_for(
    template: &str,
    content: &Content,
    widget_html: &str,
    site: Option<&str>,
    publisher: &Publisher,
) -> Result<String, String> {
    let head = format!("{}{}", head_for(content, publisher), alternates(site));
    let html = fill_slot(template, "head", &head)?;
    // After the header's opening tag, quoted or not (an HTML minifier drops the quotes).
    let links = language_links(&content.locale);
    let html = [
        "<header class=\"page-header\">",
        "<header class=page-header>",
    ]
    .iter()
    .find_map(|tag| {
        html.find(tag).map(|i| {
            let at = i + tag.len();
            format!("{}{links}{}", &html[..at], &html[at..])
        })
    })
    .unwrap_or(html);
    let html = fill_slot(&html, "title", &escape(&content.meta.title))?;
    fill_slot(&html, "prerender", widget_html)
}

/// Trunk's start of the app on the standalone page, which the build delays (see
/// [`app_after_first_paint`]).
const TRUNK_START: &str = "const wasm = await __trunkInitializer(";

/// Starts the standalone page's wasm download once the page has painted, not before: a
/// wasm that finished downloading before the first paint (a fast server) was counted by
/// Lighthouse's simulation into the paint (about 1 s of the mobile network for its
/// 200 KiB), so the page's LCP was 1.2 s or 2.1 s depending on that race. The cards work
/// before the app anyway (trd-accordion.js). Removes Trunk's `preload` of the wasm and
/// waits a frame (or half a second at most, as in a background tab) before Trunk's start.
pub fn app_after_first_paint(html: &str, wasm: &str) -> Result<String, String> {
    let mut out = html.to_owned();
    while let Some(start) = out.match_indices("<link").map(|(i, _)| i).find(|&i| {
        let tag = &out[i..out[i..].find('>').map_or(out.len(), |e| i + e)];
        tag.contains("preload") && tag.contains(wasm)
    }) {
        let end = start + out[start..].find('>').ok_or("unterminated <link>")? + 1;
        out.replace_range(start..end, "");
    }
    if !out.contains(TRUNK_START) {
        return Err(format!(
            "index.html has no `{TRUNK_START}` (Trunk's start of the app)"
        ));
    }
    Ok(out.replacen(
        TRUNK_START,
        &format!(
            "await Promise.race([new Promise((r) => requestAnimationFrame(() => setTimeout(r))), new Promise((r) => setTimeout(r, 500))]);\n{TRUNK_START}"
        ),
        1,
    ))
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
    fragment_in(public_url, assets, widget_html, None)
}

/// The fragment for one language: the element carries `lang` (English needs none).
pub fn fragment_in(
    public_url: &str,
    assets: &Assets,
    widget_html: &str,
    lang: Option<&str>,
) -> String {
    let element = match lang {
        Some(code) => format!("<trd-explainer lang=\"{}\">", escape(code)),
        None => "<trd-explainer>".to_owned(),
    };
    let base = if public_url.ends_with('/') {
        public_url.to_owned()
    } else {
        format!("{public_url}/")
    };
    format!(
        "<!-- TRD treatment explainer: prerendered embed. Paste into the article where the guide should appear. -->\n\
{element}\n\
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

/// The attributes of the standalone page's container (`<div … data-trd-standalone …>`)
/// in the page template, decoded: a publisher hosting the page configures it with the
/// same attributes as an element (`reviewer-name="…"`), and the app reads the same ones
/// from the same element when it hydrates (mount.rs), so both render alike.
pub fn standalone_attributes(template: &str) -> Vec<(String, String)> {
    let Some(at) = template.find("data-trd-standalone") else {
        return Vec::new();
    };
    let Some(start) = template[..at].rfind('<') else {
        return Vec::new();
    };
    let Some(end) = template[at..].find('>').map(|e| at + e) else {
        return Vec::new();
    };
    let tag = &template[start + 1..end];
    // Skip the element name, then read `name`, `name=value`, `name="value"`, `name='value'`.
    let mut rest = tag.trim_start_matches(|c: char| !c.is_whitespace());
    let mut out = Vec::new();
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            break;
        }
        let name_end = rest
            .find(|c: char| c.is_whitespace() || c == '=')
            .unwrap_or(rest.len());
        let name = rest[..name_end].to_ascii_lowercase();
        rest = rest[name_end..].trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (raw, tail) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => match after[1..].find(q) {
                    Some(close) => (&after[1..1 + close], &after[close + 2..]),
                    None => (&after[1..], ""),
                },
                _ => {
                    let stop = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..stop], &after[stop..])
                }
            };
            value = html_escape::decode_html_entities(raw).into_owned();
            rest = tail;
        }
        out.push((name, value));
    }
    out
}

/// `options` with the standalone container's attributes applied (except `lang`, which
/// each page's language sets), and a warning for each bad value, as an element gives.
pub fn standalone_options(template: &str, mut options: Options) -> (Options, Vec<config::Warning>) {
    let defaults = options.clone();
    let mut warnings = Vec::new();
    for (name, value) in standalone_attributes(template) {
        if name != "lang" && config::ATTRIBUTES.iter().any(|a| a.name == name) {
            warnings.extend(options.set_attribute(&defaults, &name, Some(&value)));
        }
    }
    (options, warnings)
}
