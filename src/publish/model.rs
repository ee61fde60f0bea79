//! What the build tells the publisher's page: the files a publisher can copy code for (the
//! forms), the colours the widget's stylesheet offers, and the page's words. The build
//! writes it as JSON into the page (`<script type="application/json">`, see
//! [`page`](super::page)); the page reads it back with serde, as the content is read.

use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::collections::Entries;
use crate::data;

/// Everything the page needs from the build.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
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

#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct AppFiles {
    pub glue: String,
    pub wasm: String,
}

/// The forms of code this build supports. Each is data: a form the build lacks is absent
/// (`None` or empty) and the page does not offer it.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct Forms {
    /// The loader, relative to the build's root (`trd-explainer.js`).
    pub loader: String,
    /// A versioned copy of the loader with its integrity hash, when the build has one.
    pub pinned: Option<Pinned>,
    /// Each locale's prerendered fragment: the pinned version's own (`v0.1.0/…`, its files
    /// with their integrity hashes) when there is [`pinned`](Self::pinned), else the build's.
    #[serde(default)]
    pub fragments: Vec<LocaleFile>,
    /// The build's files a fragment refers to through the public URL; the page rewrites
    /// those references to where the build is actually served.
    #[serde(default)]
    pub fragment_assets: Vec<String>,
    /// The page built for framing, when the build has one.
    pub iframe: Option<IframeForm>,
}

/// A release of the loader that never changes, with its Subresource Integrity hash.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct Pinned {
    pub version: String,
    /// The versioned loader, relative to the build's root (`v0.1.0/trd-explainer.js`).
    pub loader: String,
    /// `sha384-…`
    pub integrity: String,
}

/// The iframe embed: its page per locale (in the major channel, `v0/`, when the build has
/// a release), reading the attributes as URL parameters.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct IframeForm {
    pub pages: Vec<LocaleFile>,
    /// The URL parameter that carries the JSON configuration, if the page reads one.
    pub config_param: Option<String>,
}

/// One locale's file, relative to the build's root.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct LocaleFile {
    pub locale: String,
    pub file: String,
}

/// One themable colour with the stylesheet's defaults.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct ColorSpec {
    /// `accent` for `--trd-color-accent` (light) and `--trd-color-accent-dark`.
    pub name: String,
    pub light: String,
    pub dark: String,
}

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
pub type TextMap = Entries<String>;

/// Labels of an attribute's choices, by attribute name, then by value.
pub type ChoiceLabels = Entries<TextMap>;

/// The page's words: each locale file's `[publish]` table. A label, hint or choice label
/// that is missing shows the attribute's name or value instead, so an attribute added to
/// the table appears on the page before anyone words it.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
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
    #[serde(default)]
    pub labels: TextMap,
    /// A line under the control, by attribute name.
    #[serde(default)]
    pub hints: TextMap,
    #[serde(default)]
    pub choices: ChoiceLabels,
    /// Name of each colour, by its name in the custom property.
    #[serde(default)]
    pub colors: TextMap,
}

impl PublishStrings {
    /// An attribute's label: its own, else its name.
    pub fn label<'a>(&'a self, attribute: &'a str) -> &'a str {
        self.labels.get(attribute).map_or(attribute, String::as_str)
    }

    /// A choice's label: its own, else the value as written.
    pub fn choice<'a>(&'a self, attribute: &str, value: &'a str) -> &'a str {
        self.choices
            .get(attribute)
            .and_then(|labels| labels.get(value))
            .map_or(value, String::as_str)
    }

    /// A colour's name: its own, else its name in the custom property.
    pub fn color<'a>(&'a self, name: &'a str) -> &'a str {
        self.colors.get(name).map_or(name, String::as_str)
    }
}

/// Reads JSON the build wrote (strictly: an unknown field is the build's mistake, found
/// natively, where the tests read every page the build writes).
pub fn decode<T: DeserializeOwned>(text: &str, what: &str) -> Result<T, String> {
    let mut unknown = Vec::new();
    let value = data::decode_text(text, &mut unknown).map_err(|e| format!("{what}: {e}"))?;
    match unknown.first() {
        None => Ok(value),
        Some(path) => Err(format!("{what}: {path}: unknown field")),
    }
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
