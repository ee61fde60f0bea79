//! Publisher configuration: element attributes and the JSON config object.
//!
//! Nothing a publisher supplies can break the widget. Every bad value produces one
//! message naming the option, the value and what is accepted, and that option falls
//! back to its default while everything else still applies.
//!
//! Here: the options and what the JSON config changes, and [`resolve`], which builds the
//! content an instance shows. The attribute table is in `attributes.rs`, reading the JSON
//! config in `read.rs`, the crisis line a language leads with in `regions.rs`, and what a
//! publisher tells readers about itself in `publisher.rs`.

mod attributes;
mod publisher;
mod read;
mod regions;

use std::fmt;
use std::rc::Rc;

use serde::Deserialize;

use crate::content::{self, Card, Category, Content, Region};

pub use attributes::{
    attribute_names, contact_href, readme_attribute_table, Accepts, Attribute, ATTRIBUTES,
};
pub use publisher::{Publisher, Review};
pub use read::{parse_json_text, parse_value};
pub use regions::lead_region;

use publisher::review_warning;
use regions::DEFAULT_REGION;

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
    /// The reader's own languages, most preferred first (the browser's
    /// `navigator.languages`; none in the prerender). A `lang` without a region takes its
    /// crisis line from them (see [`lead_region`]).
    pub reader_languages: Vec<String>,
    /// Whether the page fragment (`#ect`) opens cards, and opening a card updates it.
    pub deep_links: bool,
    /// Whether search, filters and view are mirrored in the page URL.
    pub url_state: bool,
    /// Keeps this instance's saved questions apart from other instances'.
    pub storage_key: String,
    pub theme: Theme,
    pub cta: Option<Cta>,
    /// What the publisher tells readers about itself (reviewer, statement, contact).
    pub publisher: Publisher,
    /// The widget is the page (the standalone page): the page's head carries its
    /// structured data, so the widget writes none of its own.
    pub own_page: bool,
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
            reader_languages: Vec::new(),
            deep_links: true,
            url_state: true,
            storage_key: "page".into(),
            theme: Theme::Auto,
            cta: None,
            publisher: Publisher::default(),
            own_page: true,
            instance: 1,
        }
    }

    /// Defaults for `<trd-explainer>`: the host page owns its URL, so the query string
    /// is left alone unless the publisher opts in.
    pub fn embedded() -> Self {
        Options {
            url_state: false,
            storage_key: "default".into(),
            own_page: false,
            ..Self::standalone()
        }
    }

    /// The level of headings that introduce sections (intro, categories, views).
    pub fn section_level(&self) -> u8 {
        self.heading_level.saturating_sub(1).max(2)
    }
}

/// The sponsored call-to-action, off unless a publisher supplies all three fields.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct Cta {
    pub label: String,
    pub url: String,
    pub sponsor: String,
}

/// What the JSON config changes: interface strings, added or replaced cards, the CTA,
/// and the options that are also JSON keys (`publisher-name`, …; see [`Attribute::json`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct JsonConfig {
    pub strings: Vec<(String, String)>,
    pub cards: Vec<Rc<Card>>,
    pub cta: Option<Cta>,
    /// (attribute name, value), each value already accepted by that attribute.
    pub options: Vec<(&'static str, String)>,
}

impl JsonConfig {
    /// Applies the JSON config's options to `options`, except those the element also has
    /// as attributes (`has_attribute`): an attribute wins over the JSON key of its name.
    pub fn apply_options(
        &self,
        options: &mut Options,
        defaults: &Options,
        has_attribute: impl Fn(&str) -> bool,
    ) {
        for (name, value) in &self.options {
            if !has_attribute(name) {
                // Accepted when the JSON was read, so no warning can come of it here.
                let _ = options.set_attribute(defaults, name, Some(value));
            }
        }
    }
}

/// A problem with publisher input, shown once in the console.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning(pub String);

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<trd-explainer>: {}", self.0)
    }
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
    warnings.extend(review_warning(&options.publisher));
    Ok((content, warnings))
}
