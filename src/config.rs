//! Publisher configuration: element attributes and the JSON config object.
//!
//! Nothing a publisher supplies can break the widget. Every bad value produces one
//! message naming the option, the value and what is accepted, and that option falls
//! back to its default while everything else still applies.

use std::fmt;
use std::rc::Rc;

use crate::content::{self, safe_href, Card, Category, Content, Region};
use crate::json::{self, Reader, Value};

/// Behaviour options for one widget instance (content changes live in [`JsonConfig`]).
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

crate::slug::slug_enum! {
    #[derive(Default)]
    pub enum Theme {
        /// Follow `prefers-color-scheme`.
        #[default]
        Auto = "auto",
        Light = "light",
        Dark = "dark",
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
            crisis_region: DEFAULT_REGION,
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
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cta {
    pub label: String,
    pub url: String,
    pub sponsor: String,
}

json::decode_struct!(Cta {
    label,
    url,
    sponsor,
});

/// What the JSON config changes: interface strings, added or replaced cards, the CTA.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct JsonConfig {
    pub strings: Vec<(String, String)>,
    pub cards: Vec<Rc<Card>>,
    pub cta: Option<Cta>,
}

/// A problem with publisher input, shown once in the console.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning(pub String);

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<trd-explainer>: {}", self.0)
    }
}

/// One attribute the element reads. Everything about it is here: the name, what it
/// accepts, how it is parsed and what its default is; the element's observed attributes,
/// the warnings and the README table all come from [`ATTRIBUTES`].
pub struct Attribute {
    pub name: &'static str,
    /// The accepted values: a list (for messages and the README), or a description.
    pub accepts: Accepts,
    /// What it does, as the README says it.
    pub purpose: &'static str,
    /// Applies a value; `Err(())` when the value is not accepted (the caller warns and uses
    /// the default). May add warnings about parts of a value it accepts.
    parse: fn(&mut Options, &str, &mut Vec<Warning>) -> Result<(), ()>,
    /// Copies this option from the defaults ("absent" means "the default").
    reset: fn(&mut Options, &Options),
    /// This option's value in `options`, as the README and messages write it.
    pub show: fn(&Options) -> String,
}

/// What an attribute accepts. Besides messages and the README, this chooses the control
/// the publisher's page (src/publish) offers for it.
pub enum Accepts {
    /// One of these (a group of radios or a list to pick from).
    Choices(fn() -> Vec<&'static str>),
    /// A comma list of any of these (checkboxes).
    ChoiceList(fn() -> Vec<&'static str>),
    /// A comma list of the slugs of the cards shown (checkboxes of the cards).
    CardList,
    /// Free text: (for the README, for a message).
    Described(&'static str, fn() -> String),
    /// Free text, with common values to suggest: (for the README, for a message, the
    /// suggestions).
    Suggested(&'static str, fn() -> String, fn() -> Vec<&'static str>),
}

impl Accepts {
    /// For a warning: `"on" or "off"`.
    fn message(&self) -> String {
        match self {
            Accepts::Choices(choices) => {
                // Numbers bare (`2, 3 or 4`), words quoted (`"on" or "off"`).
                let quoted: Vec<String> = choices()
                    .iter()
                    .map(|c| match c.parse::<u8>() {
                        Ok(_) => (*c).to_owned(),
                        Err(_) => format!("\"{c}\""),
                    })
                    .collect();
                match quoted.split_last() {
                    Some((last, [])) => last.clone(),
                    Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
                    None => String::new(),
                }
            }
            Accepts::ChoiceList(choices) => format!("a comma list of {}", choices().join(", ")),
            Accepts::CardList => "card slugs".into(),
            Accepts::Described(_, message) | Accepts::Suggested(_, message, _) => message(),
        }
    }

    /// For the README: `` `on`, `off` ``.
    pub fn readme(&self) -> String {
        match self {
            Accepts::Choices(choices) => {
                let ticked: Vec<String> = choices().iter().map(|c| format!("`{c}`")).collect();
                ticked.join(", ")
            }
            Accepts::ChoiceList(choices) => {
                let ticked: Vec<String> = choices().iter().map(|c| format!("`{c}`")).collect();
                format!("comma list of {}", ticked.join(", "))
            }
            Accepts::CardList => "comma list of card slugs".into(),
            Accepts::Described(readme, _) | Accepts::Suggested(readme, _, _) => {
                (*readme).to_owned()
            }
        }
    }
}

const SWITCH: fn() -> Vec<&'static str> = || vec!["on", "off"];

fn switch(value: &str) -> Result<bool, ()> {
    match value.trim().to_ascii_lowercase().as_str() {
        // A bare boolean attribute (`deep-links`) means on.
        "" | "on" | "true" | "yes" | "1" => Ok(true),
        "off" | "false" | "no" | "0" => Ok(false),
        _ => Err(()),
    }
}

fn on_off(on: bool) -> String {
    if on { "on" } else { "off" }.into()
}

/// Crisis regions a publisher can choose: the content model's region slugs, so a new
/// region needs no change here. `emergency` lines always come last and are not a choice.
fn crisis_regions() -> Vec<&'static str> {
    Region::ALL
        .into_iter()
        .filter(|r| *r != Region::Emergency)
        .map(Region::slug)
        .collect()
}

/// The crisis line shown first when neither `crisis-region` nor a regional `lang` says.
const DEFAULT_REGION: Region = Region::Us;

fn split_list(value: &str) -> impl Iterator<Item = &str> {
    value
        .split([',', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Text only the README shows: left out of the wasm, which never does.
macro_rules! readme {
    ($text:literal) => {
        if cfg!(target_arch = "wasm32") {
            ""
        } else {
            $text
        }
    };
}

/// Every attribute, in README order.
pub const ATTRIBUTES: &[Attribute] = &[
    Attribute {
        name: "lang",
        accepts: Accepts::Suggested(
            readme!("a BCP 47 tag (`en`, `es`, `es-MX`)"),
            || {
                let available: Vec<_> = content::locales().collect();
                format!("a language with a translation (available: {})", available.join(", "))
            },
            || content::locales().collect(),
        ),
        purpose: readme!("content language (`es-419` → `es`); without it, the closest `lang` ancestor (the page's `<html lang>`) chooses; unknown languages fall back to English"),
        parse: |o, v, _| {
            o.locale = content::match_locale(v).ok_or(())?;
            // A regional tag (en-AU) leads with that country's crisis line unless a
            // `crisis-region` has already chosen another (attributes apply in order).
            // A language without a region (plain `es`, or `es-AR` with no line of its
            // own) is read in many countries: lead with the international directory.
            let region = Region::from_locale_tag(v).or_else(|| {
                (o.locale != content::DEFAULT_LOCALE).then_some(Region::Intl)
            });
            if let Some(region) = region {
                if o.crisis_region == DEFAULT_REGION {
                    o.crisis_region = region;
                }
            }
            Ok(())
        },
        reset: |o, d| o.locale = d.locale,
        show: |o| o.locale.to_owned(),
    },
    Attribute {
        name: "heading-level",
        accepts: Accepts::Choices(|| vec!["2", "3", "4"]),
        purpose: readme!("heading level of each card; section headings sit one level above (never below h2)"),
        parse: |o, v, _| {
            o.heading_level = match v.trim() {
                "2" => 2,
                "3" => 3,
                "4" => 4,
                _ => return Err(()),
            };
            Ok(())
        },
        reset: |o, d| o.heading_level = d.heading_level,
        show: |o| o.heading_level.to_string(),
    },
    Attribute {
        name: "categories",
        accepts: Accepts::ChoiceList(|| Category::ALL.map(Category::slug).to_vec()),
        purpose: readme!("only these groups of cards"),
        parse: |o, v, warnings| {
            let mut chosen = Vec::new();
            for slug in split_list(v) {
                match Category::from_slug(slug) {
                    Some(c) if !chosen.contains(&c) => chosen.push(c),
                    Some(_) => {}
                    None => warnings.push(Warning(format!(
                        "categories: \"{slug}\" is not a category; use any of medication, stimulation, psychotherapy, research. Ignoring it."
                    ))),
                }
            }
            // An empty value is the same as no attribute: all categories.
            if chosen.is_empty() && !v.trim().is_empty() {
                return Err(());
            }
            o.categories = (!chosen.is_empty()).then_some(chosen);
            Ok(())
        },
        reset: |o, d| o.categories = d.categories.clone(),
        show: |o| match &o.categories {
            None => "all".into(),
            Some(list) => list.iter().map(|c| c.slug()).collect::<Vec<_>>().join(","),
        },
    },
    Attribute {
        name: "open",
        accepts: Accepts::CardList,
        purpose: readme!("cards open at start (and whenever the attribute changes)"),
        // Slugs are checked against the content in `resolve`, which knows added cards.
        parse: |o, v, _| {
            o.open = split_list(v).map(str::to_owned).collect();
            Ok(())
        },
        reset: |o, d| o.open = d.open.clone(),
        show: |o| {
            if o.open.is_empty() {
                "none".into()
            } else {
                o.open.join(",")
            }
        },
    },
    Attribute {
        name: "crisis-region",
        accepts: Accepts::Choices(crisis_regions),
        purpose: readme!("which crisis lines lead the banner and the pinned strip; without it, a regional `lang` (`en-AU`, `es-MX`) chooses, and a language without a region other than English (`es`) leads with the international directory"),
        parse: |o, v, _| Region::from_attribute(v).map(|r| o.crisis_region = r).ok_or(()),
        reset: |o, d| o.crisis_region = d.crisis_region,
        show: |o| o.crisis_region.slug().to_owned(),
    },
    Attribute {
        name: "deep-links",
        accepts: Accepts::Choices(SWITCH),
        purpose: readme!("`#ect` in the page URL opens that card; opening a card updates the fragment (no history entry)"),
        parse: |o, v, _| switch(v).map(|on| o.deep_links = on),
        reset: |o, d| o.deep_links = d.deep_links,
        show: |o| on_off(o.deep_links),
    },
    Attribute {
        name: "url-state",
        accepts: Accepts::Choices(SWITCH),
        purpose: readme!("mirror search, filters and view in the query string (`trd-q`, `trd-type`, `trd-status`, `trd-view`)"),
        parse: |o, v, _| switch(v).map(|on| o.url_state = on),
        reset: |o, d| o.url_state = d.url_state,
        show: |o| on_off(o.url_state),
    },
    Attribute {
        name: "storage-key",
        accepts: Accepts::Described(readme!("1–64 characters"), || "1–64 characters".into()),
        purpose: readme!("keeps this instance's saved questions apart from others' (sessionStorage)"),
        parse: |o, v, _| {
            let key = v.trim();
            // Characters, not bytes: 17 emoji are a fine key.
            if key.is_empty() || key.chars().count() > 64 {
                return Err(());
            }
            o.storage_key = key.to_owned();
            Ok(())
        },
        reset: |o, d| o.storage_key = d.storage_key.clone(),
        show: |o| o.storage_key.clone(),
    },
    Attribute {
        name: "theme",
        accepts: Accepts::Choices(|| Theme::ALL.map(Theme::slug).to_vec()),
        purpose: readme!("follow `prefers-color-scheme`, or force one"),
        parse: |o, v, _| {
            let v = v.trim().to_ascii_lowercase();
            o.theme = if v.is_empty() {
                Theme::Auto
            } else {
                Theme::from_slug(&v).ok_or(())?
            };
            Ok(())
        },
        reset: |o, d| o.theme = d.theme,
        show: |o| o.theme.slug().into(),
    },
];

/// The attribute names, comma-separated (the loader's `observedAttributes`).
pub fn attribute_names() -> String {
    let names: Vec<&str> = ATTRIBUTES.iter().map(|a| a.name).collect();
    names.join(",")
}

/// The README's attribute table, generated from [`ATTRIBUTES`] (a test keeps them equal).
pub fn readme_attribute_table() -> String {
    let embedded = Options::embedded();
    let standalone = Options::standalone();
    let cell = |shown: String| match shown.as_str() {
        "all" | "none" => shown,
        _ => format!("`{shown}`"),
    };
    let mut out = String::from(
        "| attribute | values | default | what it does |\n| --- | --- | --- | --- |\n",
    );
    for a in ATTRIBUTES {
        let mut default = cell((a.show)(&embedded));
        let on_page = (a.show)(&standalone);
        // The standalone page's own defaults differ for some options; say so.
        if on_page != (a.show)(&embedded) && a.name != "storage-key" {
            default = format!("{default} ({} on the standalone page)", cell(on_page));
        }
        out.push_str(&format!(
            "| `{}` | {} | {default} | {} |\n",
            a.name,
            a.accepts.readme(),
            a.purpose
        ));
    }
    out
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
        let Some(attribute) = ATTRIBUTES.iter().find(|a| a.name == name) else {
            return warnings;
        };
        let Some(value) = value else {
            (attribute.reset)(self, defaults);
            return warnings;
        };
        if (attribute.parse)(self, value, &mut warnings).is_err() {
            (attribute.reset)(self, defaults);
            warnings.push(Warning(format!(
                "{name}=\"{value}\" is not valid; use {}. Using \"{}\".",
                attribute.accepts.message(),
                (attribute.show)(defaults)
            )));
        }
        warnings
    }
}

/// The keys of the JSON config.
const CONFIG_KEYS: &str = "strings, cards, cta";

/// Parses a JSON config given as text (the `<script type="application/json">` child).
pub fn parse_json_text(text: &str) -> (JsonConfig, Vec<Warning>) {
    let reader = Reader::publisher();
    let config = match json::parse_text(text, &reader, "config") {
        Ok(value) => read_config(value, &reader),
        Err(e) => {
            reader.warn(format!(
                "the JSON config is not valid JSON ({e}). Ignoring it."
            ));
            JsonConfig::default()
        }
    };
    (config, warnings(reader))
}

/// Reads a config object from any source (a JS value, or `serde_json` natively).
/// `null` or `undefined` clears the config. `None`: the value as a whole could not be
/// read (it threw, or is too deep or not data), so the caller keeps its previous config.
pub fn parse_value<S: json::Source>(source: &S) -> (Option<JsonConfig>, Vec<Warning>) {
    let reader = Reader::publisher();
    let config = match reader.read(source, "config") {
        Value::Null => Some(JsonConfig::default()),
        Value::Unreadable => None,
        value => Some(read_config(value, &reader)),
    };
    (config, warnings(reader))
}

fn warnings(reader: Reader) -> Vec<Warning> {
    reader.into_warnings().into_iter().map(Warning).collect()
}

/// Turns a config value into strings, cards and the CTA; every problem is a warning that
/// names its path, and the rest still applies.
fn read_config(value: Value, reader: &Reader) -> JsonConfig {
    let mut config = JsonConfig::default();
    let entries = match value {
        Value::Object(entries) => entries,
        Value::Unreadable => return config,
        other => {
            reader.warn(format!(
                "the JSON config must be an object with any of the keys {CONFIG_KEYS}, not {}. Ignoring it.",
                other.kind()
            ));
            return config;
        }
    };
    for (key, value) in entries {
        match key.as_str() {
            "strings" => config.strings = read_strings(value, reader),
            "cards" => config.cards = read_cards(value, reader),
            "cta" => config.cta = read_cta(value, reader),
            _ => reader.warn(format!(
                "config.{key}: unknown key \"{key}\"; known keys are {CONFIG_KEYS}. Ignoring it."
            )),
        }
    }
    config
}

fn read_strings(value: Value, reader: &Reader) -> Vec<(String, String)> {
    let entries = match value {
        Value::Object(entries) => entries,
        Value::Null | Value::Unreadable => return Vec::new(),
        other => {
            reader.warn(format!(
                "config.strings must be an object of text strings, not {}. Ignoring it.",
                other.kind()
            ));
            return Vec::new();
        }
    };
    let mut strings: Vec<(String, String)> = Vec::new();
    for (key, value) in entries {
        match value {
            _ if !content::UiStrings::KEYS.contains(&key.as_str()) => reader.warn(format!(
                "config.strings.{key}: \"{key}\" is not a string key; known keys: {}. Ignoring it.",
                content::UiStrings::KEYS.join(", ")
            )),
            Value::Text(text) => strings.push((key, text)),
            Value::Unreadable => {}
            other => reader.warn(format!(
                "config.strings.{key} must be text, not {}. Ignoring it.",
                other.kind()
            )),
        }
    }
    strings
}

fn read_cards(value: Value, reader: &Reader) -> Vec<Rc<Card>> {
    let items = match value {
        Value::List(items) => items,
        Value::Null | Value::Unreadable => return Vec::new(),
        other => {
            reader.warn(format!(
                "config.cards must be a list of cards, not {}. Ignoring it.",
                other.kind()
            ));
            return Vec::new();
        }
    };
    let mut cards: Vec<Rc<Card>> = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        let path = format!("config.cards[{i}]");
        match reader.decode::<Card>(item, &path) {
            Ok(card) => {
                let Some(card) = sanitize_card(card, &path, reader) else {
                    continue;
                };
                if cards.iter().any(|c| c.id == card.id) {
                    reader.warn(format!(
                        "{path}: id \"{}\" is already used by an earlier card in the config. Dropping this one.",
                        card.id
                    ));
                } else {
                    cards.push(Rc::new(card));
                }
            }
            Err(e) if e.reported => {}
            Err(e) => reader.warn(format!(
                "{path} is not a valid card ({e}); a card needs id, category (medication, stimulation, psychotherapy or research), title and summary. Dropping it."
            )),
        }
    }
    cards
}

fn read_cta(value: Value, reader: &Reader) -> Option<Cta> {
    if matches!(value, Value::Null | Value::Unreadable) {
        return None;
    }
    let cta = match reader.decode::<Cta>(value, "config.cta") {
        Ok(cta) => cta,
        Err(e) => {
            if !e.reported {
                reader.warn(format!(
                    "config.cta must be {{\"label\", \"url\", \"sponsor\"}} ({e}). Not showing it."
                ));
            }
            return None;
        }
    };
    if safe_href(&cta.url).is_none() {
        reader.warn(format!(
            "config.cta.url \"{}\" is not an http(s), mailto or tel link. Not showing the sponsored link.",
            cta.url
        ));
        None
    } else if cta.label.trim().is_empty() || cta.sponsor.trim().is_empty() {
        reader.warn("config.cta needs a non-empty label and sponsor. Not showing it.".into());
        None
    } else {
        Some(cta)
    }
}

/// Checks a publisher's card: a usable slug and text, and only safe links.
fn sanitize_card(mut card: Card, path: &str, reader: &Reader) -> Option<Card> {
    let slug_ok = !card.id.is_empty()
        && card.id.len() <= 64
        && card
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !slug_ok {
        reader.warn(format!(
            "{path}.id \"{}\" must be lowercase letters, digits and dashes. Dropping the card.",
            card.id
        ));
        return None;
    }
    if card.title.trim().is_empty() || card.summary.trim().is_empty() {
        reader.warn(format!(
            "{path}: card \"{}\" needs a non-empty title and summary. Dropping it.",
            card.id
        ));
        return None;
    }
    let mut sources = card.sources.to_vec();
    for source in &mut sources {
        if let Some(url) = &source.url {
            if safe_href(url).is_none() {
                reader.warn(format!(
                    "{path}: card \"{}\" source \"{}\" has an unsafe url \"{url}\"; showing it as text only.",
                    card.id, source.id
                ));
                source.url = None;
            }
        }
    }
    card.sources = sources.into();
    Some(card)
}

/// Builds the content one instance shows: locale, string overrides, added or replaced
/// cards, the category selection. Also checks `open` slugs against the result.
pub fn resolve(
    options: &Options,
    overrides: &JsonConfig,
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
