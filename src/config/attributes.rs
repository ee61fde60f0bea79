//! The one attribute table, [`ATTRIBUTES`]: each attribute's name, what it accepts, how
//! it is parsed and its default. The element's observed attributes, its warnings, the
//! JSON keys that are also attributes, the publisher's page's controls and the README's
//! table all come from it.

use super::regions::{crisis_regions, lead_region, DEFAULT_REGION};
use super::{Options, Theme, Warning};
use crate::content::{self, safe_href, Category, Region};

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
    pub(super) parse: fn(&mut Options, &str, &mut Vec<Warning>) -> Result<(), ()>,
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
    pub(super) fn message(&self) -> String {
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
