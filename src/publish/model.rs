//! What the build tells the publisher's page: the files a publisher can copy code for (the
//! forms), the colours the widget's stylesheet offers, and the page's words. The build
//! writes it as JSON into the page (`<script type="application/json">`, see
//! [`page`](super::page)); the page reads it back with the content's decoder.

use crate::json::{self, Decode, Error, Node, Reader};

/// Everything the page needs from the build.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PageData {
    /// The page's language (its words; the preview follows the page's `lang` too).
    pub locale: String,
    /// The build's root relative to this page: `""` or `"../"`.
    pub root: String,
    /// The public URL the build was made for: `/`, or an absolute CDN address.
    pub public_url: String,
    /// The publisher page's own wasm, relative to the build's root (read by publish.js).
    pub app: AppFiles,
    pub forms: Forms,
    /// Each locale's content file: the page lists the cards and checks `open` with it.
    pub content: Vec<LocaleFile>,
    /// The colours the widget's stylesheet reads (`--trd-color-<name>` and `…-dark`).
    pub colors: Vec<ColorSpec>,
    pub strings: PublishStrings,
}

json::decode_struct!(PageData {
    locale,
    root,
    public_url,
    app,
    forms,
    content,
    colors,
    strings,
});

#[derive(Debug, Clone, PartialEq, Default)]
pub struct AppFiles {
    pub glue: String,
    pub wasm: String,
}

json::decode_struct!(AppFiles { glue, wasm });

/// The forms of code this build supports. Each is data: a form the build lacks is absent
/// (`None` or empty) and the page does not offer it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Forms {
    /// The loader, relative to the build's root (`trd-explainer.js`).
    pub loader: String,
    /// A versioned copy of the loader with its integrity hash, when the build has one.
    pub pinned: Option<Pinned>,
    /// Each locale's prerendered fragment: the pinned version's own (`v0.1.0/…`, its files
    /// with their integrity hashes) when there is [`pinned`](Self::pinned), else the build's.
    pub fragments: Vec<LocaleFile>,
    /// The build's files a fragment refers to through the public URL; the page rewrites
    /// those references to where the build is actually served.
    pub fragment_assets: Vec<String>,
    /// The page built for framing, when the build has one.
    pub iframe: Option<IframeForm>,
}

json::decode_struct!(Forms {
    loader,
    pinned = default,
    fragments = default,
    fragment_assets = default,
    iframe = default,
});

/// A release of the loader that never changes, with its Subresource Integrity hash.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Pinned {
    pub version: String,
    /// The versioned loader, relative to the build's root (`v0.1.0/trd-explainer.js`).
    pub loader: String,
    /// `sha384-…`
    pub integrity: String,
}

json::decode_struct!(Pinned {
    version,
    loader,
    integrity,
});

/// The iframe embed: its page per locale (in the major channel, `v0/`, when the build has
/// a release), reading the attributes as URL parameters.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IframeForm {
    pub pages: Vec<LocaleFile>,
    /// The URL parameter that carries the JSON configuration, if the page reads one.
    pub config_param: Option<String>,
}

json::decode_struct!(IframeForm {
    pages,
    config_param = default,
});

/// One locale's file, relative to the build's root.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LocaleFile {
    pub locale: String,
    pub file: String,
}

json::decode_struct!(LocaleFile { locale, file });

/// One themable colour with the stylesheet's defaults.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ColorSpec {
    /// `accent` for `--trd-color-accent` (light) and `--trd-color-accent-dark`.
    pub name: String,
    pub light: String,
    pub dark: String,
}

json::decode_struct!(ColorSpec { name, light, dark });

impl ColorSpec {
    /// The custom property for the light (`dark == false`) or dark theme.
    pub fn property(&self, dark: bool) -> String {
        if dark {
            format!("--trd-color-{}-dark", self.name)
        } else {
            format!("--trd-color-{}", self.name)
        }
    }
}

/// Text by key (an object of strings in the locale file).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TextMap(pub Vec<(String, String)>);

impl TextMap {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

impl Decode for TextMap {
    fn decode(node: Node<'_>) -> Result<Self, Error> {
        let mut out = Vec::new();
        for (key, value) in node.entries()? {
            out.push((key, value.text()?));
        }
        Ok(TextMap(out))
    }
}

/// Labels of an attribute's choices, by attribute name, then by value.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChoiceLabels(pub Vec<(String, TextMap)>);

impl ChoiceLabels {
    pub fn get(&self, attribute: &str, value: &str) -> Option<&str> {
        let (_, labels) = self.0.iter().find(|(name, _)| name == attribute)?;
        labels.get(value)
    }
}

impl Decode for ChoiceLabels {
    fn decode(node: Node<'_>) -> Result<Self, Error> {
        let mut out = Vec::new();
        for (key, value) in node.entries()? {
            out.push((key, TextMap::decode(value)?));
        }
        Ok(ChoiceLabels(out))
    }
}

/// The page's words: each locale file's `[publish]` table. A label, hint or choice label
/// that is missing shows the attribute's name or value instead, so an attribute added to
/// the table appears on the page before anyone words it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PublishStrings {
    pub skip: String,
    pub title: String,
    pub intro: String,
    pub options_heading: String,
    /// The first entry of a list of choices, which leaves the attribute out. `{value}` is
    /// replaced by the default.
    pub not_set: String,
    pub list_all: String,
    pub cards_loading: String,
    pub cards_failed: String,
    pub cta_legend: String,
    pub cta_hint: String,
    pub cta_label: String,
    pub cta_url: String,
    pub cta_sponsor: String,
    pub colors_legend: String,
    pub colors_hint: String,
    pub colors_more: String,
    /// `{color}` is replaced.
    pub color_light: String,
    pub color_dark: String,
    /// `{value}` is replaced.
    pub color_default: String,
    /// `{value}` is replaced.
    pub color_invalid: String,
    pub preview_heading: String,
    pub preview_label: String,
    pub preview_width: String,
    pub width_phone: String,
    pub width_column: String,
    pub width_full: String,
    pub preview_scheme: String,
    pub scheme_light: String,
    pub scheme_dark: String,
    pub preview_scheme_note: String,
    pub code_heading: String,
    pub code_intro: String,
    pub snippet_title: String,
    pub snippet_hint: String,
    /// `{version}` is replaced.
    pub snippet_pinned: String,
    pub fragment_title: String,
    pub fragment_hint: String,
    pub fragment_same: String,
    /// `{names}` is replaced.
    pub fragment_differs: String,
    pub fragment_loading: String,
    pub fragment_failed: String,
    pub iframe_title: String,
    pub iframe_hint: String,
    pub iframe_not_carried: String,
    pub style_note: String,
    /// `{form}` is replaced.
    pub code_label: String,
    pub copy: String,
    /// `{form}` is replaced.
    pub copied: String,
    pub copy_failed: String,
    pub warnings_label: String,
    pub guide_link: String,
    /// The link to this page in this language, in this language.
    pub this_page: String,
    pub noscript: String,
    /// Label of each attribute's control, by attribute name.
    pub labels: TextMap,
    /// A line under the control, by attribute name.
    pub hints: TextMap,
    pub choices: ChoiceLabels,
    /// Name of each colour, by its name in the custom property.
    pub colors: TextMap,
}

json::decode_struct!(PublishStrings {
    skip,
    title,
    intro,
    options_heading,
    not_set,
    list_all,
    cards_loading,
    cards_failed,
    cta_legend,
    cta_hint,
    cta_label,
    cta_url,
    cta_sponsor,
    colors_legend,
    colors_hint,
    colors_more,
    color_light,
    color_dark,
    color_default,
    color_invalid,
    preview_heading,
    preview_label,
    preview_width,
    width_phone,
    width_column,
    width_full,
    preview_scheme,
    scheme_light,
    scheme_dark,
    preview_scheme_note,
    code_heading,
    code_intro,
    snippet_title,
    snippet_hint,
    snippet_pinned,
    fragment_title,
    fragment_hint,
    fragment_same,
    fragment_differs,
    fragment_loading,
    fragment_failed,
    iframe_title,
    iframe_hint,
    iframe_not_carried,
    style_note,
    code_label,
    copy,
    copied,
    copy_failed,
    warnings_label,
    guide_link,
    this_page,
    noscript,
    labels = default,
    hints = default,
    choices = default,
    colors = default,
});

impl PublishStrings {
    /// An attribute's label: its own, else its name.
    pub fn label<'a>(&'a self, attribute: &'a str) -> &'a str {
        self.labels.get(attribute).unwrap_or(attribute)
    }

    /// A choice's label: its own, else the value as written.
    pub fn choice<'a>(&'a self, attribute: &str, value: &'a str) -> &'a str {
        self.choices.get(attribute, value).unwrap_or(value)
    }

    /// A colour's name: its own, else its name in the custom property.
    pub fn color<'a>(&'a self, name: &'a str) -> &'a str {
        self.colors.get(name).unwrap_or(name)
    }
}

/// Reads JSON the build wrote (strictly: an unknown field is the build's mistake).
pub fn decode<T: Decode>(text: &str, what: &str) -> Result<T, String> {
    let reader = Reader::built_in();
    let value = json::parse_text(text, &reader, what)?;
    reader.decode(value, what).map_err(|e| e.to_string())
}

#[cfg(not(target_arch = "wasm32"))]
include!(concat!(env!("OUT_DIR"), "/publish_strings.rs"));

/// A locale's `[publish]` table as JSON (native builds: the build writes it into the page).
#[cfg(not(target_arch = "wasm32"))]
pub fn strings_json(locale: &str) -> Option<&'static str> {
    PUBLISH_STRINGS
        .iter()
        .find(|(code, _)| *code == locale)
        .map(|(_, json)| *json)
        .filter(|json| *json != "null")
}
