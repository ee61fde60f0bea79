//! The page built for framing: `embed.html`, and `<locale>/embed.html` for
//! each other language. Pages that refuse a publisher's `<script>` (hosted newsletters,
//! blogging platforms, partner sites) still accept an `<iframe>`; this page is what it
//! shows: the prerendered widget for the default options (the fragment's markup), the
//! element's options taken from its URL (`static/trd-embed.js`, through the attribute
//! table), and its height reported to the host in the dialects hosts listen for.
//! Also the iframe code publishers paste, and the oEmbed responses that carry it.
//!
//! The page and oEmbed are made at build time (native); the iframe code also in the
//! browser, by the publisher's page (the `publisher` feature), so both write the same frame.

#[cfg(not(target_arch = "wasm32"))]
use serde_json::{json, Value};

#[cfg(not(target_arch = "wasm32"))]
use crate::content::Content;
#[cfg(not(target_arch = "wasm32"))]
use crate::prerender::{escape, fragment_in, Assets};

/// The script that reads the options from the URL and reports the height.
pub const EMBED_SCRIPT: &str = "trd-embed.js";
/// The embed page's own stylesheet (margins, the sandbox note).
pub const EMBED_CSS: &str = "embed-page.css";
/// The optional one-line script a host adds to make its iframes follow their height.
pub const RESIZE_SCRIPT: &str = "trd-embed-resize.js";
/// The height an iframe keeps when nothing resizes it: most of a phone's screen; the
/// page scrolls inside it.
pub const DEFAULT_HEIGHT: u32 = 800;
/// What the frame's sandbox needs: scripts; links that open a new tab as a normal page
/// (sources, "find a helpline"); print (`allow-modals`); `tel:`/`sms:` links on a tap.
/// No `allow-same-origin`: the frame then has an opaque origin, and only saving ticked
/// questions across reloads is lost (the page says so).
pub const SANDBOX: &str = "allow-scripts allow-popups allow-popups-to-escape-sandbox allow-modals allow-top-navigation-by-user-activation";
/// "Copy my questions" in a frame needs the host's permission.
pub const ALLOW: &str = "clipboard-write";

/// Where a locale's embed page goes: `embed.html`, `es/embed.html`.
pub fn embed_path(locale: &str) -> String {
    if locale == crate::content::DEFAULT_LOCALE {
        "embed.html".to_owned()
    } else {
        format!("{locale}/embed.html")
    }
}

/// The embed page for `content`'s locale: `widget_html` is the locale's default embed
/// (as in the fragments); asset URLs are relative, so the page works in any folder
/// (`v<version>/`, a sub-path, another origin).
#[cfg(not(target_arch = "wasm32"))]
pub fn embed_page(content: &Content, assets: &Assets, widget_html: &str) -> String {
    let locale = content.locale.as_str();
    let up = "../".repeat(embed_path(locale).matches('/').count());
    let base = if up.is_empty() { "./".to_owned() } else { up };
    let lang = (locale != crate::content::DEFAULT_LOCALE).then_some(locale);
    // The fragment's markup with relative URLs; its loader tag last, after ours.
    let fragment = fragment_in(&base, assets, widget_html, lang);
    let loader_tag = format!(
        "<script type=\"module\" src=\"{base}{}\"></script>\n",
        crate::prerender::LOADER
    );
    let fragment = fragment.replace(&loader_tag, "");
    format!(
        "<!DOCTYPE html>\n\
<html lang=\"{locale}\" class=\"trd-embed-page\">\n\
<head>\n\
  <meta charset=\"utf-8\">\n\
  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
  <meta name=\"color-scheme\" content=\"light dark\">\n\
  <meta name=\"robots\" content=\"noindex\">\n\
  <title>{title}</title>\n\
  <link rel=\"stylesheet\" href=\"{base}{EMBED_CSS}\">\n\
</head>\n\
<body>\n\
<div class=\"trd-embed\">\n\
<p class=\"trd-embed__note\" id=\"trd-embed-note\" hidden>{note}</p>\n\
{fragment}\
</div>\n\
<!-- Options from the URL, before the loader reads them; then the height, to the host. -->\n\
<script src=\"{base}{EMBED_SCRIPT}\"></script>\n\
{loader_tag}\
</body>\n\
</html>\n",
        title = escape(&content.meta.title),
        // The locale file's `[page]` words, like the standalone page's.
        note = escape(&crate::prerender::words(locale).embed_note),
    )
}

/// The embed script with the attribute names filled in from the attribute table.
pub fn embed_script(template: &str) -> Result<String, String> {
    if !template.contains("__TRD_ATTRIBUTES__") {
        return Err(format!("{EMBED_SCRIPT} has no __TRD_ATTRIBUTES__"));
    }
    Ok(template.replace("__TRD_ATTRIBUTES__", &crate::config::attribute_names()))
}

/// The `<iframe>` a publisher pastes for the page at `src` (with the options as its URL
/// parameters, if any): the README's, the oEmbed responses' and the publisher's page's.
pub fn iframe_code(src: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{src}\" title=\"{title}\" width=\"100%\" height=\"{DEFAULT_HEIGHT}\" loading=\"lazy\" sandbox=\"{SANDBOX}\" allow=\"{ALLOW}\"></iframe>",
        src = escape_html(src),
        title = escape_html(title),
    )
}

/// Text for a double-quoted HTML attribute value or a text node (`&`, `<`, `>`, `"`), on
/// both targets: the publisher's page writes code in the browser.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// The site's address with a trailing `/`, when it is absolute.
pub fn site_base(site: Option<&str>) -> Option<String> {
    let site = site.filter(|s| s.starts_with("https://") || s.starts_with("http://"))?;
    Some(if site.ends_with('/') {
        site.to_owned()
    } else {
        format!("{site}/")
    })
}

/// Where a locale's oEmbed response goes: `oembed.json`, `es/oembed.json`.
pub fn oembed_path(locale: &str) -> String {
    if locale == crate::content::DEFAULT_LOCALE {
        "oembed.json".to_owned()
    } else {
        format!("{locale}/oembed.json")
    }
}

/// The oEmbed response (type `rich`) for a locale's guide at `site`: the iframe code for
/// its embed page.
#[cfg(not(target_arch = "wasm32"))]
pub fn oembed(content: &Content, site: &str) -> Value {
    let base = site_base(Some(site)).unwrap_or_else(|| site.to_owned());
    let src = format!("{base}{}", embed_path(&content.locale));
    json!({
        "version": "1.0",
        "type": "rich",
        "title": content.meta.title,
        "provider_name": content.ui.widget_label,
        "provider_url": base,
        "html": iframe_code(&src, &content.meta.title),
        "width": 600,
        "height": DEFAULT_HEIGHT,
        "cache_age": 86400,
    })
}

/// The discovery `<link>` for a standalone page whose oEmbed response is at `site`.
#[cfg(not(target_arch = "wasm32"))]
pub fn oembed_link(locale: &str, site: Option<&str>) -> String {
    let Some(base) = site_base(site) else {
        return String::new();
    };
    format!(
        "\n  <link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"oEmbed\">",
        escape(&format!("{base}{}", oembed_path(locale)))
    )
}
