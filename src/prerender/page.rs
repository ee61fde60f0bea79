//! The standalone page: the template's placeholders filled in, its assets inlined or
//! made relative, its content inline, and its own configuration read from its container.

use super::{alternates, escape, head_for, language_links};
use crate::config::{self, Options, Publisher};
use crate::content::Content;

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

/// The attributes of the standalone page's container (`<div … data-trd-standalone …>`)
/// in the page template, decoded: a publisher hosting the page configures it with the
/// same attributes as an element (`reviewer-name="…"`), and the app reads the same ones
/// from the same element when it hydrates (src/mount/standalone.rs), so both render alike.
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
