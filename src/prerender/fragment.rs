//! The prerendered fragment a publisher pastes into an article.

use super::{escape, Assets, ACCORDION, LOADER};

/// Where a locale's prerendered fragment lives, relative to dist/:
/// `trd-explainer.fragment.html` for English, `trd-explainer.fragment.es.html`.
pub fn fragment_path(locale: &str) -> String {
    if locale == crate::content::DEFAULT_LOCALE {
        "trd-explainer.fragment.html".into()
    } else {
        format!("trd-explainer.fragment.{locale}.html")
    }
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
