//! The code a publisher copies, in each form the build supports, from one [`Embed`].

use crate::embed_page::iframe_code;

use super::embed::{escape_html, Embed};
use super::model::{Forms, Pinned};

/// The element with its JSON child, if any.
fn element(embed: &Embed, inner: &str) -> String {
    let mut out = embed.open_tag();
    out.push_str(inner);
    if let Some(json) = embed.json_child() {
        out.push_str(&format!("\n  {json}\n"));
    }
    out.push_str("</trd-explainer>");
    out
}

fn with_style(embed: &Embed, code: String) -> String {
    match embed.style_block() {
        Some(style) => format!("{style}\n{code}"),
        None => code,
    }
}

/// The script snippet: the loader (pinned, with its integrity hash, when the build has a
/// release) and the element. `base` is the absolute URL of the build's root.
pub fn snippet(embed: &Embed, forms: &Forms, base: &str) -> String {
    let script = match &forms.pinned {
        Some(Pinned {
            loader, integrity, ..
        }) => format!(
            "<script type=\"module\" src=\"{}\" integrity=\"{}\" crossorigin=\"anonymous\"></script>",
            escape_html(&format!("{base}{loader}")),
            escape_html(integrity)
        ),
        None => format!(
            "<script type=\"module\" src=\"{}\"></script>",
            escape_html(&format!("{base}{}", forms.loader))
        ),
    };
    with_style(embed, format!("{script}\n{}\n", element(embed, "")))
}

/// The prerendered fragment (`text`, the build's file for the element's language) with the
/// publisher's element: its attributes, JSON child and colours. References to the build's
/// files through the public URL it was built with are rebased onto `base`.
/// `locale` is the fragment's language: an element without `lang` keeps the build's, so
/// the fragment is not rendered again in the host page's language.
pub fn fragment(
    embed: &Embed,
    forms: &Forms,
    text: &str,
    locale: &str,
    public_url: &str,
    base: &str,
) -> String {
    let embed = &fragment_embed(embed, locale);
    let mut out = text.to_owned();
    if public_url != base {
        for asset in &forms.fragment_assets {
            for quote in ['"', '\''] {
                out = out.replace(
                    &format!("{quote}{public_url}{asset}{quote}"),
                    &format!("{quote}{base}{asset}{quote}"),
                );
            }
        }
    }
    // The build's element tag (`<trd-explainer>` or `<trd-explainer lang="es">`).
    if let Some(start) = out.find("<trd-explainer") {
        if let Some(end) = out[start..].find('>') {
            out.replace_range(start..start + end + 1, &embed.open_tag());
        }
    }
    if let Some(json) = embed.json_child() {
        if let Some(at) = out.rfind("</trd-explainer>") {
            out.insert_str(at, &format!("{json}\n"));
        }
    }
    with_style(embed, out)
}

/// The iframe: the embed page for the element's language with the attributes as URL
/// parameters (and the JSON, where the page reads it), in the README's frame
/// ([`iframe_code`]: its title, sandbox, permissions, height). `page` is relative to `base`.
pub fn iframe(
    embed: &Embed,
    page: &str,
    config_param: Option<&str>,
    base: &str,
    title: &str,
) -> String {
    let mut params: Vec<String> = embed
        .attributes
        .iter()
        .map(|(name, value)| format!("{name}={}", encode_uri_component(value)))
        .collect();
    if let (Some(param), Some(json)) = (config_param, &embed.json) {
        params.push(format!("{param}={}", encode_uri_component(json)));
    }
    let query = if params.is_empty() {
        String::new()
    } else {
        format!("?{}", params.join("&"))
    };
    format!("{}\n", iframe_code(&format!("{base}{page}{query}"), title))
}

/// The element the fragment of `locale` carries: the publisher's, keeping the build's
/// `lang` when the publisher set none.
pub fn fragment_embed(embed: &Embed, locale: &str) -> Embed {
    let mut embed = embed.clone();
    if embed.attribute("lang").is_none() && locale != crate::content::DEFAULT_LOCALE {
        embed.attributes.insert(0, ("lang", locale.to_owned()));
    }
    embed
}

/// Percent-encodes like JavaScript's `encodeURIComponent`.
pub fn encode_uri_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'_'
            | b'.'
            | b'!'
            | b'~'
            | b'*'
            | b'\''
            | b'('
            | b')' => out.push(char::from(b)),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
