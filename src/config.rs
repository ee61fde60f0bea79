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

/// What a publisher tells readers about itself, shown in "How this guide was made":
/// its medical reviewer, its own funding and conflicts statement, where to report an
/// error. Every field is empty unless the publisher set it; nothing here is ever made up.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Publisher {
    pub name: Option<String>,
    pub reviewer: Option<String>,
    pub credentials: Option<String>,
    /// ISO date of the reviewer's review.
    pub review_date: Option<String>,
    pub disclosure: Option<String>,
    /// A `mailto:` or `http(s):` link.
    pub contact: Option<String>,
}

/// A medical review the publisher has configured: shown only with a name and a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Review<'a> {
    pub reviewer: &'a str,
    pub credentials: Option<&'a str>,
    pub date: &'a str,
    pub publisher: Option<&'a str>,
}

impl Review<'_> {
    /// The review as schema.org data (`reviewedBy`, `lastReviewed`, `publisher` of a
    /// `MedicalWebPage`), as JSON text that can sit inside a `<script>` element: `<`, `>`
    /// and `&` are escaped, so it reads the same in HTML and in a DOM text node.
    pub fn json_ld(&self) -> String {
        let mut person = format!(r#"{{"@type":"Person","name":{}"#, json_text(self.reviewer));
        if let Some(credentials) = self.credentials {
            person.push_str(&format!(r#","jobTitle":{}"#, json_text(credentials)));
        }
        person.push('}');
        let mut out = format!(
            r#"{{"@context":"https://schema.org","@type":"MedicalWebPage","reviewedBy":{person},"lastReviewed":{}"#,
            json_text(self.date)
        );
        if let Some(name) = self.publisher {
            out.push_str(&format!(
                r#","publisher":{{"@type":"Organization","name":{}}}"#,
                json_text(name)
            ));
        }
        out.push('}');
        out
    }
}

/// A JSON string literal for `text`, with `<`, `>` and `&` escaped too (see [`Review::json_ld`]).
fn json_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' | '>' | '&' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Publisher {
    /// The review to show, if the publisher named a reviewer and dated the review.
    pub fn review(&self) -> Option<Review<'_>> {
        Some(Review {
            reviewer: self.reviewer.as_deref()?,
            credentials: self.credentials.as_deref(),
            date: self.review_date.as_deref()?,
            publisher: self.name.as_deref(),
        })
    }
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
    /// Also a key of the JSON config, with the same values (an attribute wins).
    pub json: bool,
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

/// The crisis line that leads for a `lang` tag. The one rule, for every path (the element,
/// the standalone page, the prerender); the loader gets it at build time as each
/// language's default region and [`Region::country_codes`]:
/// 1. the tag's own region, if this guide has a line for it (`es-MX` → Mexico);
/// 2. else the region of the first of the reader's own languages in the same language
///    that has a line (`es` on a page, `es-MX` in the browser → Mexico), so a Spanish
///    reader's first line is one they can call in Spanish;
/// 3. else the language's default: English leads with the US line; any other language,
///    read in many countries, with the international directory.
pub fn lead_region(tag: &str, locale: &str, reader_languages: &[String]) -> Region {
    let primary = |t: &str| {
        let first = t.split(['-', '_']).next().unwrap_or_default();
        first.trim().to_ascii_lowercase()
    };
    let tag = tag.trim();
    let language = primary(tag);
    let same_language = reader_languages
        .iter()
        .map(String::as_str)
        .filter(|t| primary(t) == language);
    std::iter::once(tag)
        .chain(same_language)
        .find_map(Region::from_locale_tag)
        .unwrap_or(if locale == content::DEFAULT_LOCALE {
            DEFAULT_REGION
        } else {
            Region::Intl
        })
}

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
            // The tag (or the reader's own languages) chooses the crisis line, unless a
            // `crisis-region` has already chosen one (attributes apply in order).
            if o.crisis_region == DEFAULT_REGION {
                o.crisis_region = lead_region(v, o.locale, &o.reader_languages);
            }
            Ok(())
        },
        reset: |o, d| o.locale = d.locale,
        show: |o| o.locale.to_owned(),
        json: false,
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
        json: false,
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
        json: false,
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
        json: false,
    },
    Attribute {
        name: "crisis-region",
        accepts: Accepts::Choices(crisis_regions),
        purpose: readme!("which crisis lines lead the banner and the pinned strip; without it, a regional `lang` (`en-AU`, `es-MX`) chooses; a `lang` without a region (`es`) takes the region of the reader's own browser languages in that language (`es-MX`), else English leads with the US line and other languages with the international directory"),
        parse: |o, v, _| Region::from_attribute(v).map(|r| o.crisis_region = r).ok_or(()),
        reset: |o, d| o.crisis_region = d.crisis_region,
        show: |o| o.crisis_region.slug().to_owned(),
        json: false,
    },
    Attribute {
        name: "deep-links",
        accepts: Accepts::Choices(SWITCH),
        purpose: readme!("`#ect` in the page URL opens that card; opening a card updates the fragment (no history entry)"),
        parse: |o, v, _| switch(v).map(|on| o.deep_links = on),
        reset: |o, d| o.deep_links = d.deep_links,
        show: |o| on_off(o.deep_links),
        json: false,
    },
    Attribute {
        name: "url-state",
        accepts: Accepts::Choices(SWITCH),
        purpose: readme!("mirror search, filters and view in the query string (`trd-q`, `trd-type`, `trd-status`, `trd-view`)"),
        parse: |o, v, _| switch(v).map(|on| o.url_state = on),
        reset: |o, d| o.url_state = d.url_state,
        show: |o| on_off(o.url_state),
        json: false,
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
        json: false,
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
        json: false,
    },
    // The publisher's own disclosures, shown in "How this guide was made" (issue 25).
    Attribute {
        name: "publisher-name",
        accepts: Accepts::Described(readme!("text, 1–200 characters"), || {
            "the publisher's name, 1–200 characters".into()
        }),
        purpose: readme!("your organization's name, as readers know it: it names your statement and your medical review (\"Medically reviewed for {publisher} by …\")"),
        parse: |o, v, _| text_option(&mut o.publisher.name, v, 200),
        reset: |o, d| o.publisher.name = d.publisher.name.clone(),
        show: |o| shown(&o.publisher.name),
        json: true,
    },
    Attribute {
        name: "reviewer-name",
        accepts: Accepts::Described(readme!("text, 1–200 characters"), || {
            "the medical reviewer's name, 1–200 characters".into()
        }),
        purpose: readme!("the name of your medical reviewer; the review is shown (and written into structured data) only with `review-date`"),
        parse: |o, v, _| text_option(&mut o.publisher.reviewer, v, 200),
        reset: |o, d| o.publisher.reviewer = d.publisher.reviewer.clone(),
        show: |o| shown(&o.publisher.reviewer),
        json: true,
    },
    Attribute {
        name: "reviewer-credentials",
        accepts: Accepts::Described(readme!("text, 1–200 characters"), || {
            "the reviewer's credentials, 1–200 characters (e.g. MD, consultant psychiatrist)".into()
        }),
        purpose: readme!("the reviewer's qualifications and role, e.g. `MD, consultant psychiatrist`"),
        parse: |o, v, _| text_option(&mut o.publisher.credentials, v, 200),
        reset: |o, d| o.publisher.credentials = d.publisher.credentials.clone(),
        show: |o| shown(&o.publisher.credentials),
        json: true,
    },
    Attribute {
        name: "review-date",
        accepts: Accepts::Described(readme!("an ISO date, `YYYY-MM-DD`"), || {
            "an ISO date, YYYY-MM-DD (e.g. 2026-12-01)".into()
        }),
        purpose: readme!("when your reviewer reviewed the guide"),
        parse: |o, v, _| {
            let date = v.trim();
            content::parse_iso_date(date).ok_or(())?;
            o.publisher.review_date = Some(date.to_owned());
            Ok(())
        },
        reset: |o, d| o.publisher.review_date = d.publisher.review_date.clone(),
        show: |o| shown(&o.publisher.review_date),
        json: true,
    },
    Attribute {
        name: "publisher-disclosure",
        accepts: Accepts::Described(readme!("text, 1–2,000 characters"), || {
            "your funding and conflicts of interest statement, 1–2,000 characters".into()
        }),
        purpose: readme!("your own statement of funding and conflicts of interest, shown beside the guide's own"),
        parse: |o, v, _| text_option(&mut o.publisher.disclosure, v, 2000),
        reset: |o, d| o.publisher.disclosure = d.publisher.disclosure.clone(),
        show: |o| shown(&o.publisher.disclosure),
        json: true,
    },
    Attribute {
        name: "report-contact",
        accepts: Accepts::Described(
            readme!("an `http(s):` URL, a `mailto:` link or an email address"),
            || "an http(s): URL, a mailto: link or an email address".into(),
        ),
        purpose: readme!("where readers report an error (your corrections page or address); without it, the guide tells them to use your site's contact page"),
        parse: |o, v, _| {
            o.publisher.contact = Some(contact_href(v).ok_or(())?);
            Ok(())
        },
        reset: |o, d| o.publisher.contact = d.publisher.contact.clone(),
        show: |o| shown(&o.publisher.contact),
        json: true,
    },
];

/// Sets a text option: trimmed, not empty, at most `max` characters.
fn text_option(slot: &mut Option<String>, value: &str, max: usize) -> Result<(), ()> {
    let text = value.trim();
    if text.is_empty() || text.chars().count() > max {
        return Err(());
    }
    *slot = Some(text.to_owned());
    Ok(())
}

fn shown(value: &Option<String>) -> String {
    value.clone().unwrap_or_else(|| "none".into())
}

/// A contact for error reports as a link: an `http(s):` or `mailto:` URL, or a bare email
/// address (`health@example.org` → `mailto:`). Anything else (`javascript:`, `tel:`) is not one.
pub fn contact_href(value: &str) -> Option<String> {
    let v = value.trim();
    let lower = v.to_ascii_lowercase();
    let href = if lower.starts_with("mailto:")
        || lower.starts_with("https://")
        || lower.starts_with("http://")
    {
        v.to_owned()
    } else if v.contains('@') && !v.contains(':') && !v.contains(char::is_whitespace) {
        format!("mailto:{v}")
    } else {
        return None;
    };
    safe_href(&href).map(str::to_owned)
}

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
        let json = if a.json { "; also a JSON key" } else { "" };
        out.push_str(&format!(
            "| `{}` | {} | {default} | {}{json} |\n",
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

/// The keys of the JSON config: its own, then the attributes that are also JSON keys.
fn config_keys() -> String {
    let mut keys = vec!["strings", "cards", "cta"];
    keys.extend(ATTRIBUTES.iter().filter(|a| a.json).map(|a| a.name));
    keys.join(", ")
}

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
                "the JSON config must be an object with any of the keys {}, not {}. Ignoring it.",
                config_keys(),
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
            _ => match ATTRIBUTES.iter().find(|a| a.json && a.name == key) {
                Some(attribute) => {
                    if let Some(value) = read_option(attribute, value, reader) {
                        config.options.retain(|(name, _)| *name != attribute.name);
                        config.options.push((attribute.name, value));
                    }
                }
                None => reader.warn(format!(
                    "config.{key}: unknown key \"{key}\"; known keys are {}. Ignoring it.",
                    config_keys()
                )),
            },
        }
    }
    config
}

/// An option given as a JSON key: text its attribute accepts, or a warning like the
/// attribute's and nothing.
fn read_option(attribute: &Attribute, value: Value, reader: &Reader) -> Option<String> {
    let name = attribute.name;
    let text = match value {
        Value::Text(text) => text,
        Value::Null | Value::Unreadable => return None,
        other => {
            reader.warn(format!(
                "config.{name} must be text ({}), not {}. Ignoring it.",
                attribute.accepts.message(),
                other.kind()
            ));
            return None;
        }
    };
    let mut scratch = Options::embedded();
    let mut warnings = Vec::new();
    if (attribute.parse)(&mut scratch, &text, &mut warnings).is_err() {
        reader.warn(format!(
            "config.{name} \"{text}\" is not valid; use {}. Ignoring it.",
            attribute.accepts.message()
        ));
        return None;
    }
    for w in warnings {
        reader.warn(w.0);
    }
    Some(text)
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
    warnings.extend(review_warning(&options.publisher));
    Ok((content, warnings))
}

/// A review is shown only with a reviewer's name and its date; half of one is a mistake
/// worth one warning (never a made-up or undated "reviewed by").
fn review_warning(p: &Publisher) -> Option<Warning> {
    let missing = match (&p.reviewer, &p.review_date) {
        (Some(_), Some(_)) => return None,
        (Some(_), None) => "reviewer-name is set but review-date is not",
        (None, Some(_)) => "review-date is set but reviewer-name is not",
        (None, None) if p.credentials.is_some() => {
            "reviewer-credentials is set but reviewer-name and review-date are not"
        }
        (None, None) => return None,
    };
    Some(Warning(format!(
        "{missing}: a medical review is shown only with both a reviewer's name and the date of the review. Not showing it."
    )))
}
