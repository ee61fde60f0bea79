//! Reading the publisher's JSON config (the element's JSON child or its `config`
//! property) into strings, cards, the CTA and options. The value is first copied under
//! limits by `data::Reader`, then decoded by serde; every problem is a warning naming its
//! path, and the rest still applies.

use std::rc::Rc;

use super::attributes::{Attribute, ATTRIBUTES};
use super::{Cta, JsonConfig, Options, Warning};
use crate::content::{self, safe_href, Card, CardSafety, CheckedSilent, SectionKind};
use crate::content::{Source, TimeLimit};
use crate::data::{self, Plain, Reader};

/// The keys of the JSON config: its own, then the attributes that are also JSON keys.
fn config_keys() -> String {
    let mut keys = vec!["strings", "cards", "cta"];
    keys.extend(ATTRIBUTES.iter().filter(|a| a.json).map(|a| a.name));
    keys.join(", ")
}

/// Parses a JSON config given as text (the `<script type="application/json">` child).
pub fn parse_json_text(text: &str) -> (JsonConfig, Vec<Warning>) {
    let mut reader = Reader::publisher();
    // The browser's `JSON.parse` (it does not recurse on the wasm's stack); `serde_json`
    // natively. Either way the result is then read under the limits.
    #[cfg(target_arch = "wasm32")]
    let parsed = js_sys::JSON::parse(text)
        .map(|value| reader.read(&value, "config"))
        .map_err(|e| {
            use wasm_bindgen::JsCast;
            e.dyn_ref::<js_sys::SyntaxError>()
                .map(|e| String::from(e.message()))
                .unwrap_or_default()
        });
    #[cfg(not(target_arch = "wasm32"))]
    let parsed = serde_json::from_str::<serde_json::Value>(text)
        .map(|value| reader.read(&&value, "config"))
        .map_err(|e| e.to_string());
    let config = match parsed {
        Ok(value) => read_config(value, &mut reader),
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
pub fn parse_value<S: data::Source>(source: &S) -> (Option<JsonConfig>, Vec<Warning>) {
    let mut reader = Reader::publisher();
    let value = reader.read(source, "config");
    let config = if reader.unreadable("config") {
        None
    } else if data::is_null(&value) {
        Some(JsonConfig::default())
    } else {
        Some(read_config(value, &mut reader))
    };
    (config, warnings(reader))
}

fn warnings(reader: Reader) -> Vec<Warning> {
    reader.into_warnings().into_iter().map(Warning).collect()
}

/// Turns a config value into strings, cards and the CTA; every problem is a warning that
/// names its path, and the rest still applies.
fn read_config(value: Plain, reader: &mut Reader) -> JsonConfig {
    let mut config = JsonConfig::default();
    let Some(entries) = data::entries(&value) else {
        if !reader.unreadable("config") {
            reader.warn(format!(
                "the JSON config must be an object with any of the keys {}, not {}. Ignoring it.",
                config_keys(),
                data::kind(&value)
            ));
        }
        return config;
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
fn read_option(attribute: &Attribute, value: Plain, reader: &mut Reader) -> Option<String> {
    let name = attribute.name;
    let path = format!("config.{name}");
    if data::is_null(&value) {
        return None;
    }
    let Some(text) = data::text(&value) else {
        if !reader.unreadable(&path) {
            reader.warn(format!(
                "{path} must be text ({}), not {}. Ignoring it.",
                attribute.accepts.message(),
                data::kind(&value)
            ));
        }
        return None;
    };
    let mut scratch = Options::embedded();
    let mut warnings = Vec::new();
    if (attribute.parse)(&mut scratch, &text, &mut warnings).is_err() {
        reader.warn(format!(
            "{path} \"{text}\" is not valid; use {}. Ignoring it.",
            attribute.accepts.message()
        ));
        return None;
    }
    for w in warnings {
        reader.warn(w.0);
    }
    Some(text)
}

fn read_strings(value: Plain, reader: &mut Reader) -> Vec<(String, String)> {
    if data::is_null(&value) {
        return Vec::new();
    }
    let Some(entries) = data::entries(&value) else {
        reader.warn(format!(
            "config.strings must be an object of text strings, not {}. Ignoring it.",
            data::kind(&value)
        ));
        return Vec::new();
    };
    let mut strings: Vec<(String, String)> = Vec::new();
    for (key, value) in entries {
        let path = format!("config.strings.{key}");
        if !content::UiStrings::KEYS.contains(&key.as_str()) {
            reader.warn(format!(
                "{path}: \"{key}\" is not a string key; known keys: {}. Ignoring it.",
                content::UiStrings::KEYS.join(", ")
            ));
        } else if let Some(text) = data::text(&value) {
            strings.push((key, text));
        } else if !reader.unreadable(&path) {
            reader.warn(format!(
                "{path} must be text, not {}. Ignoring it.",
                data::kind(&value)
            ));
        }
    }
    strings
}

fn read_cards(value: Plain, reader: &mut Reader) -> Vec<Rc<Card>> {
    if data::is_null(&value) {
        return Vec::new();
    }
    let Some(items) = data::items(&value) else {
        reader.warn(format!(
            "config.cards must be a list of cards, not {}. Ignoring it.",
            data::kind(&value)
        ));
        return Vec::new();
    };
    let mut cards: Vec<Rc<Card>> = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        let path = format!("config.cards[{i}]");
        match read_card(item, &path, reader) {
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
            Err(_) if reader.unreadable_within(&path) => {}
            Err(e) => reader.warn(format!(
                "{path} is not a valid card ({e}); a card needs id, category (medication, stimulation, psychotherapy or research), title and summary. Dropping it."
            )),
        }
    }
    cards
}

/// One publisher card. Fields the model does not know are warned about (serde never sees
/// them, see `data`) and the rest is decoded.
fn read_card(value: Plain, path: &str, reader: &mut Reader) -> Result<Card, String> {
    object(&value)?;
    reader.unknown_fields(&value, data::fields::<Card>(), path);
    let each = |reader: &mut Reader, list: &Plain, known: &[&str], path: &str| {
        for (i, item) in data::items(list).unwrap_or_default().iter().enumerate() {
            reader.unknown_fields(item, known, &format!("{path}[{i}]"));
        }
    };
    for (key, field) in data::entries(&value).unwrap_or_default() {
        let path = format!("{path}.{key}");
        match key.as_str() {
            "safety" => {
                reader.unknown_fields(&field, data::fields::<CardSafety>(), &path);
                if let Some(silent) = data::entries(&field)
                    .and_then(|e| e.into_iter().find(|(k, _)| k == "checked_silent"))
                {
                    let path = format!("{path}.checked_silent");
                    reader.unknown_fields(&silent.1, data::fields::<CheckedSilent>(), &path);
                }
            }
            "sources" => each(reader, &field, data::fields::<Source>(), &path),
            "time_limited" => each(reader, &field, data::fields::<TimeLimit>(), &path),
            _ if SectionKind::from_slug(&key).is_some() => {
                reader.unknown_fields(&field, data::fields::<content::Section>(), &path);
            }
            _ => {}
        }
    }
    data::decode(value)
}

/// Ok if `value` is an object. serde reads a struct from a list too (field by position),
/// which in a publisher's config is a mistake to name, not a card to guess at.
fn object(value: &Plain) -> Result<(), String> {
    match data::entries(value) {
        Some(_) => Ok(()),
        None => Err(format!("expected an object, found {}", data::kind(value))),
    }
}

fn read_cta(value: Plain, reader: &mut Reader) -> Option<Cta> {
    if data::is_null(&value) {
        return None;
    }
    let path = "config.cta";
    let decoded = object(&value).and_then(|()| {
        reader.unknown_fields(&value, data::fields::<Cta>(), path);
        data::decode::<Cta>(value)
    });
    let cta = match decoded {
        Ok(cta) => cta,
        Err(_) if reader.unreadable_within(path) => return None,
        Err(e) => {
            reader.warn(format!(
                "config.cta must be {{\"label\", \"url\", \"sponsor\"}} ({e}). Not showing it."
            ));
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
fn sanitize_card(mut card: Card, path: &str, reader: &mut Reader) -> Option<Card> {
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
