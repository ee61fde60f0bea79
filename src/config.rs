//! Publisher configuration: element attributes and the JSON config object.
//!
//! Nothing a publisher supplies can break the widget. Every bad value produces one
//! message naming the option, the value and what is accepted, and that option falls
//! back to its default while everything else still applies.

use std::fmt;
use std::rc::Rc;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

use crate::collections::Entries;
use crate::content::{self, safe_href, Card, Category, Content, Region};

/// Behaviour options for one widget instance (content overrides live in [`Overrides`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub locale: &'static str,
    /// Heading level of each card (2–4); section headings sit one level above.
    pub heading_level: u8,
    /// Only these categories (None: all).
    pub categories: Option<Vec<Category>>,
    /// Cards open at start.
    pub open: Vec<String>,
    pub crisis_region: Region,
    /// Whether the page fragment (`#ect`) opens cards, and opening a card updates it.
    pub deep_links: bool,
    /// Whether search, filters and view are mirrored in the page URL.
    pub url_state: bool,
    /// Keeps this instance's saved questions apart from other instances'.
    pub storage_key: String,
    pub theme: Theme,
    pub cta: Option<Cta>,
    /// 1 for the first widget on a page; later ones get a numbered landmark name so
    /// screen-reader users can tell them apart.
    pub instance: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn slug(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

impl Options {
    /// Defaults for the standalone page.
    pub fn standalone() -> Self {
        Options {
            locale: content::DEFAULT_LOCALE,
            heading_level: 3,
            categories: None,
            open: Vec::new(),
            crisis_region: Region::Us,
            deep_links: true,
            url_state: true,
            storage_key: "page".into(),
            theme: Theme::Auto,
            cta: None,
            instance: 1,
        }
    }

    /// Defaults for `<trd-explainer>`: the host page owns its URL, so the query string
    /// is left alone unless the publisher opts in.
    pub fn embedded() -> Self {
        Options {
            url_state: false,
            storage_key: "default".into(),
            ..Self::standalone()
        }
    }

    /// The level of headings that introduce sections (intro, categories, views).
    pub fn section_level(&self) -> u8 {
        self.heading_level.saturating_sub(1).max(2)
    }
}

/// The sponsored call-to-action, off unless a publisher supplies all three fields.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cta {
    pub label: String,
    pub url: String,
    pub sponsor: String,
}

/// Content changes from the JSON config.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Overrides {
    pub strings: Vec<(String, String)>,
    pub cards: Vec<Rc<Card>>,
}

/// A problem with publisher input, shown once in the console.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning(pub String);

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<trd-explainer>: {}", self.0)
    }
}

/// The attributes the element reads. Anything else on the element is the host's business.
pub const ATTRIBUTES: &[&str] = &[
    "lang",
    "heading-level",
    "categories",
    "open",
    "crisis-region",
    "deep-links",
    "url-state",
    "storage-key",
    "theme",
];

fn parse_switch(name: &str, value: &str, default: bool) -> Result<bool, Warning> {
    match value.trim().to_ascii_lowercase().as_str() {
        "" | "on" | "true" | "yes" | "1" => Ok(true),
        "off" | "false" | "no" | "0" => Ok(false),
        _ => Err(Warning(format!(
            "{name}=\"{value}\" is not valid; use \"on\" or \"off\". Using \"{}\".",
            if default { "on" } else { "off" }
        ))),
    }
}

fn split_list(value: &str) -> impl Iterator<Item = &str> {
    value
        .split([',', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

impl Options {
    /// Applies one attribute (`None`: removed) on top of `defaults`. Returns warnings;
    /// on a bad value the option takes its default.
    pub fn set_attribute(
        &mut self,
        defaults: &Options,
        name: &str,
        value: Option<&str>,
    ) -> Vec<Warning> {
        let mut warnings = Vec::new();
        let Some(value) = value else {
            self.reset(defaults, name);
            return warnings;
        };
        match name {
            "lang" => match content::match_locale(value) {
                Some(code) => {
                    self.locale = code;
                    // A regional tag (en-AU) leads with that country's crisis line unless a
                    // `crisis-region` has already chosen another (attributes apply in order).
                    if let Some(region) = Region::from_locale_tag(value) {
                        if self.crisis_region == defaults.crisis_region {
                            self.crisis_region = region;
                        }
                    }
                }
                None => {
                    let available: Vec<_> = content::locales().collect();
                    warnings.push(Warning(format!(
                        "lang=\"{value}\" has no translation; available: {}. Using \"{}\".",
                        available.join(", "),
                        defaults.locale
                    )));
                    self.locale = defaults.locale;
                }
            },
            "heading-level" => match value.trim() {
                "2" => self.heading_level = 2,
                "3" => self.heading_level = 3,
                "4" => self.heading_level = 4,
                _ => {
                    warnings.push(Warning(format!(
                        "heading-level=\"{value}\" is not valid; use 2, 3 or 4. Using {}.",
                        defaults.heading_level
                    )));
                    self.heading_level = defaults.heading_level;
                }
            },
            "categories" => {
                let mut chosen = Vec::new();
                for slug in split_list(value) {
                    match Category::from_slug(slug) {
                        Some(c) if !chosen.contains(&c) => chosen.push(c),
                        Some(_) => {}
                        None => warnings.push(Warning(format!(
                            "categories: \"{slug}\" is not a category; use any of medication, stimulation, psychotherapy, research. Ignoring it."
                        ))),
                    }
                }
                self.categories = if chosen.is_empty() {
                    if !value.trim().is_empty() {
                        warnings.push(Warning(format!(
                            "categories=\"{value}\" names no known category. Showing all categories."
                        )));
                    }
                    None
                } else {
                    Some(chosen)
                };
            }
            // Slugs are checked against the content in `resolve`, which knows added cards.
            "open" => self.open = split_list(value).map(str::to_owned).collect(),
            "crisis-region" => match Region::from_attribute(value) {
                Some(region) => self.crisis_region = region,
                None => {
                    warnings.push(Warning(format!(
                        "crisis-region=\"{value}\" is not valid; use \"us\", \"uk\", \"ca\", \"au\", \"nz\" or \"intl\". Using \"us\"."
                    )));
                    self.crisis_region = defaults.crisis_region;
                }
            },
            "deep-links" => {
                self.deep_links =
                    parse_switch(name, value, defaults.deep_links).unwrap_or_else(|w| {
                        warnings.push(w);
                        defaults.deep_links
                    })
            }
            "url-state" => {
                self.url_state = parse_switch(name, value, defaults.url_state).unwrap_or_else(|w| {
                    warnings.push(w);
                    defaults.url_state
                })
            }
            "storage-key" => {
                let key = value.trim();
                if key.is_empty() || key.len() > 64 {
                    warnings.push(Warning(format!(
                        "storage-key=\"{value}\" must be 1–64 characters. Using \"{}\".",
                        defaults.storage_key
                    )));
                    self.storage_key = defaults.storage_key.clone();
                } else {
                    self.storage_key = key.to_owned();
                }
            }
            "theme" => match value.trim().to_ascii_lowercase().as_str() {
                "" | "auto" => self.theme = Theme::Auto,
                "light" => self.theme = Theme::Light,
                "dark" => self.theme = Theme::Dark,
                _ => {
                    warnings.push(Warning(format!(
                        "theme=\"{value}\" is not valid; use \"auto\", \"light\" or \"dark\". Using \"auto\"."
                    )));
                    self.theme = Theme::Auto;
                }
            },
            _ => {}
        }
        warnings
    }

    fn reset(&mut self, d: &Options, name: &str) {
        match name {
            "lang" => self.locale = d.locale,
            "heading-level" => self.heading_level = d.heading_level,
            "categories" => self.categories = d.categories.clone(),
            "open" => self.open = d.open.clone(),
            "crisis-region" => self.crisis_region = d.crisis_region,
            "deep-links" => self.deep_links = d.deep_links,
            "url-state" => self.url_state = d.url_state,
            "storage-key" => self.storage_key = d.storage_key.clone(),
            "theme" => self.theme = d.theme,
            _ => {}
        }
    }
}

/// Deserializes `T`, or keeps the error instead of failing the whole config.
/// Works because every deserializer we use here (serde-wasm-bindgen in the browser,
/// `serde_json::Value` in tests) reads from a tree, so one failed part leaves the rest readable.
#[derive(Debug)]
pub enum Lenient<T> {
    Ok(T),
    Invalid(String),
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match T::deserialize(d) {
            Ok(v) => Lenient::Ok(v),
            Err(e) => Lenient::Invalid(e.to_string()),
        })
    }
}

/// The JSON config as written, each part parsed on its own.
#[derive(Debug, Default)]
pub struct RawConfig {
    strings: Option<Lenient<Entries<Lenient<String>>>>,
    cards: Option<Lenient<Vec<Lenient<Card>>>>,
    cta: Option<Lenient<Option<Cta>>>,
    unknown: Vec<String>,
}

const CONFIG_KEYS: &[&str] = &["strings", "cards", "cta"];

impl<'de> Deserialize<'de> for RawConfig {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct RawVisitor;
        impl<'de> Visitor<'de> for RawVisitor {
            type Value = RawConfig;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object with any of the keys strings, cards, cta")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawConfig, A::Error> {
                let mut raw = RawConfig::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "strings" => raw.strings = Some(map.next_value()?),
                        "cards" => raw.cards = Some(map.next_value()?),
                        "cta" => raw.cta = Some(map.next_value()?),
                        _ => {
                            map.next_value::<de::IgnoredAny>()?;
                            raw.unknown.push(key);
                        }
                    }
                }
                Ok(raw)
            }
        }
        d.deserialize_map(RawVisitor)
    }
}

/// Turns a parsed JSON config into content overrides and the CTA, with warnings.
pub fn interpret(raw: Lenient<RawConfig>) -> (Overrides, Option<Cta>, Vec<Warning>) {
    let mut warnings = Vec::new();
    let mut overrides = Overrides::default();
    let mut cta = None;
    let raw = match raw {
        Lenient::Ok(r) => r,
        Lenient::Invalid(e) => {
            warnings.push(Warning(format!(
                "the JSON config must be an object with any of the keys {} ({e}). Ignoring it.",
                CONFIG_KEYS.join(", ")
            )));
            return (overrides, cta, warnings);
        }
    };
    for key in raw.unknown {
        warnings.push(Warning(format!(
            "config: unknown key \"{key}\"; known keys are {}. Ignoring it.",
            CONFIG_KEYS.join(", ")
        )));
    }
    match raw.strings {
        None => {}
        Some(Lenient::Invalid(e)) => warnings.push(Warning(format!(
            "config.strings must be an object of text strings ({e}). Ignoring it."
        ))),
        Some(Lenient::Ok(Entries(map))) => {
            for (key, value) in map {
                match value {
                    Lenient::Ok(text) if content::UiStrings::KEYS.contains(&key.as_str()) => {
                        overrides.strings.push((key, text))
                    }
                    Lenient::Ok(_) => warnings.push(Warning(format!(
                        "config.strings: \"{key}\" is not a string key; known keys: {}. Ignoring it.",
                        content::UiStrings::KEYS.join(", ")
                    ))),
                    Lenient::Invalid(e) => warnings.push(Warning(format!(
                        "config.strings.{key} must be text ({e}). Ignoring it."
                    ))),
                }
            }
        }
    }
    match raw.cards {
        None => {}
        Some(Lenient::Invalid(e)) => warnings.push(Warning(format!(
            "config.cards must be a list of cards ({e}). Ignoring it."
        ))),
        Some(Lenient::Ok(list)) => {
            for (i, card) in list.into_iter().enumerate() {
                match card {
                    Lenient::Ok(card) => {
                        if let Some(card) = sanitize_card(card, &mut warnings) {
                            overrides.cards.push(Rc::new(card));
                        }
                    }
                    Lenient::Invalid(e) => warnings.push(Warning(format!(
                        "config.cards[{i}] is not a valid card ({e}); a card needs id, category (medication, stimulation, psychotherapy or research), title and summary. Dropping it."
                    ))),
                }
            }
        }
    }
    match raw.cta {
        None | Some(Lenient::Ok(None)) => {}
        Some(Lenient::Invalid(e)) => warnings.push(Warning(format!(
            "config.cta must be {{\"label\", \"url\", \"sponsor\"}} ({e}). Not showing it."
        ))),
        Some(Lenient::Ok(Some(c))) => {
            let url_ok = safe_href(&c.url).is_some();
            if !url_ok {
                warnings.push(Warning(format!(
                    "config.cta.url \"{}\" is not an http(s), mailto or tel link. Not showing the sponsored link.",
                    c.url
                )));
            } else if c.label.trim().is_empty() || c.sponsor.trim().is_empty() {
                warnings.push(Warning(
                    "config.cta needs a non-empty label and sponsor. Not showing it.".into(),
                ));
            } else {
                cta = Some(c);
            }
        }
    }
    (overrides, cta, warnings)
}

/// Checks a publisher's card: a usable slug and text, and only safe links.
fn sanitize_card(mut card: Card, warnings: &mut Vec<Warning>) -> Option<Card> {
    let slug_ok = !card.id.is_empty()
        && card.id.len() <= 64
        && card
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !slug_ok {
        warnings.push(Warning(format!(
            "config.cards: id \"{}\" must be lowercase letters, digits and dashes. Dropping the card.",
            card.id
        )));
        return None;
    }
    if card.title.trim().is_empty() || card.summary.trim().is_empty() {
        warnings.push(Warning(format!(
            "config.cards: card \"{}\" needs a non-empty title and summary. Dropping it.",
            card.id
        )));
        return None;
    }
    let mut sources = card.sources.to_vec();
    for source in &mut sources {
        if let Some(url) = &source.url {
            if safe_href(url).is_none() {
                warnings.push(Warning(format!(
                    "config.cards: card \"{}\" source \"{}\" has an unsafe url \"{url}\"; showing it as text only.",
                    card.id, source.id
                )));
                source.url = None;
            }
        }
    }
    card.sources = sources.into();
    Some(card)
}

/// Parses a JSON config given as text (the `<script type="application/json">` child).
pub fn parse_json_text(text: &str) -> (Overrides, Option<Cta>, Vec<Warning>) {
    #[cfg(target_arch = "wasm32")]
    {
        match js_sys::JSON::parse(text) {
            Ok(value) => parse_js(value),
            Err(e) => {
                let msg = e
                    .dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
                    .unwrap_or_default();
                (
                    Overrides::default(),
                    None,
                    vec![Warning(format!(
                        "the JSON config is not valid JSON ({msg}). Ignoring it."
                    ))],
                )
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        match serde_json::from_str::<serde_json::Value>(text) {
            Ok(value) => interpret(
                Lenient::<RawConfig>::deserialize(value)
                    .unwrap_or_else(|e| Lenient::Invalid(e.to_string())),
            ),
            Err(e) => (
                Overrides::default(),
                None,
                vec![Warning(format!(
                    "the JSON config is not valid JSON ({e}). Ignoring it."
                ))],
            ),
        }
    }
}

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsCast;

/// Parses a JSON config given as a JS value (the element's `config` property).
#[cfg(target_arch = "wasm32")]
pub fn parse_js(value: wasm_bindgen::JsValue) -> (Overrides, Option<Cta>, Vec<Warning>) {
    if value.is_null() || value.is_undefined() {
        return (Overrides::default(), None, Vec::new());
    }
    let raw = Lenient::<RawConfig>::deserialize(serde_wasm_bindgen::Deserializer::from(value))
        .unwrap_or_else(|e| Lenient::Invalid(e.to_string()));
    interpret(raw)
}

/// Builds the content one instance shows: locale, string overrides, added or replaced
/// cards, the category selection. Also checks `open` slugs against the result.
pub fn resolve(
    options: &Options,
    overrides: &Overrides,
) -> Result<(Rc<Content>, Vec<Warning>), String> {
    let base = content::load(options.locale)?;
    let mut warnings = Vec::new();
    let customised = !overrides.strings.is_empty()
        || !overrides.cards.is_empty()
        || options.categories.is_some();
    let content = if customised {
        let mut c = (*base).clone();
        for (key, value) in &overrides.strings {
            c.ui.set(key, value.clone());
        }
        for card in &overrides.cards {
            match c.cards.iter_mut().find(|existing| existing.id == card.id) {
                Some(existing) => *existing = card.clone(),
                None => c.cards.push(card.clone()),
            }
        }
        if let Some(cats) = &options.categories {
            c.cards.retain(|card| cats.contains(&card.category));
            c.categories.retain(|info| cats.contains(&info.id));
        }
        Rc::new(c)
    } else {
        base
    };
    for slug in &options.open {
        if content.card(slug).is_none() {
            warnings.push(Warning(format!(
                "open: \"{slug}\" is not a card shown here; use the slugs listed in the README (e.g. ect, tms, ketamine). Ignoring it."
            )));
        }
    }
    Ok((content, warnings))
}
