//! The scripts that run before (or without) the wasm, filled in by the build: the loader
//! (static/trd-explainer.js) and the accordion (static/trd-accordion.js). Everything
//! they share with the Rust side comes from here (see src/contract.rs).

use serde_json::{json, Value};

use super::{wasm_module_name, Assets, PageWords, ACCORDION};
use crate::content::{Content, Region};

/// A locale as the scripts get it: its content and its page words.
pub type ScriptLocale = (std::rc::Rc<Content>, PageWords);

/// Every built-in locale for the scripts, `default` first.
pub fn built_in_locales(default: &Content) -> Vec<ScriptLocale> {
    let mut out = vec![(
        std::rc::Rc::new(default.clone()),
        PageWords::built_in(&default.locale),
    )];
    for code in crate::content::locales().filter(|c| *c != default.locale) {
        if let Ok(c) = crate::content::load(code) {
            out.push((c, PageWords::built_in(code)));
        }
    }
    out
}

/// What a bare snippet shows before the wasm, and if it never runs: the crisis lines
/// (emergency numbers last; the loader lifts the line that leads, see src/contract.rs)
/// and the could-not-load message, from the content (one copy of the
/// words).
pub fn crisis_data(content: &Content) -> Value {
    crisis_data_with(content, &PageWords::built_in(&content.locale))
}

/// [`crisis_data`] with the page words given: any locale's, built in or not.
pub fn crisis_data_with(content: &Content, words: &PageWords) -> Value {
    // The line a bare `lang` of this language leads with when the reader's own languages
    // name no region of it (the body was rendered with it).
    let lead = crate::config::lead_region(&content.locale, &content.locale, &[]);
    let lines: Vec<Value> = crate::contract::crisis_order(&content.safety.lines, None)
        .into_iter()
        .map(|l| {
            json!({
                "region": l.region.slug(),
                "label": l.label,
                "name": l.name,
                "detail": l.detail,
                "contacts": l.contacts.iter().map(|c| json!({ "label": c.label, "href": c.href })).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "lang": content.locale,
        "heading": content.safety.heading,
        "label": content.ui.widget_label,
        "region": lead.slug(),
        "fallback": content.ui.fallback_error,
        "slow": words.slow,
        "lines": lines,
    })
}

/// `crisis_data` of every locale, keyed by locale: the loader picks the one the
/// element's language asks for (a few hundred bytes gzip per locale, so the lines show
/// before anything else is fetched).
pub fn crisis_by_locale(default: &Content) -> Value {
    crisis_of(&built_in_locales(default))
}

fn crisis_of(locales: &[ScriptLocale]) -> Value {
    let map = locales
        .iter()
        .map(|(c, w)| (c.locale.clone(), crisis_data_with(c, w)))
        .collect();
    Value::Object(map)
}

/// `{ country code: region }` for every country code that leads with a line of its own
/// (`gb` → `uk`): how the loader reads a region subtag or a `crisis-region`.
pub fn region_codes() -> Value {
    let map = Region::country_codes()
        .into_iter()
        .map(|(code, region)| (code.to_owned(), json!(region.slug())))
        .collect();
    Value::Object(map)
}

/// The `crisis-region` values a publisher may write besides country codes (the regions'
/// own names, `intl` among them; never `emergency`), as `Region::from_attribute` reads them.
pub fn crisis_regions() -> Value {
    json!(Region::CHOOSABLE.map(Region::slug))
}

fn fill(template: &str, what: &str, placeholder: &str, value: &str) -> Result<String, String> {
    if !template.contains(placeholder) {
        return Err(format!("{what} template has no {placeholder}"));
    }
    Ok(template.replace(placeholder, value))
}

/// The loader with the hashed asset names (relative to the loader's own URL), the
/// observed attributes and the crisis data filled in.
pub fn loader(template: &str, assets: &Assets, content: &Content) -> Result<String, String> {
    loader_with(template, assets, &built_in_locales(content))
}

/// [`loader`] for the locales given (the first is the default).
pub fn loader_with(
    template: &str,
    assets: &Assets,
    locales: &[ScriptLocale],
) -> Result<String, String> {
    let module = wasm_module_name(assets);
    let mut out = fill(
        template,
        "loader",
        "__TRD_NAMES__",
        &crate::contract::names_json(),
    )?;
    out = fill(
        &out,
        "loader",
        "__TRD_ATTRIBUTES__",
        &crate::config::attribute_names(),
    )?;
    out = fill(
        &out,
        "loader",
        "__TRD_CRISIS__",
        &crisis_of(locales).to_string(),
    )?;
    out = fill(
        &out,
        "loader",
        "__TRD_REGIONS__",
        &region_codes().to_string(),
    )?;
    out = fill(
        &out,
        "loader",
        "__TRD_CRISIS_REGIONS__",
        &crisis_regions().to_string(),
    )?;
    out = fill(
        &out,
        "loader",
        "__TRD_CONTENT__",
        &assets.content_map("./").to_string(),
    )?;
    out = fill(
        &out,
        "loader",
        "__TRD_BODY__",
        &assets.body_map("./").to_string(),
    )?;
    out = fill(
        &out,
        "loader",
        "__TRD_PRERENDERED_WITH__",
        &prerendered_with().to_string(),
    )?;
    let accordion = ACCORDION.to_owned();
    for (placeholder, value) in [
        ("__TRD_ACCORDION__", &accordion),
        ("__TRD_GLUE__", &assets.glue),
        ("__TRD_WASM__", &assets.wasm),
        ("__TRD_WASM_JS__", &module),
        ("__TRD_CSS__", &assets.css),
    ] {
        out = fill(&out, "loader", placeholder, &format!("./{value}"))?;
    }
    Ok(out)
}

/// The attributes that change the first render's markup, each with the one value the
/// prerendered bodies were rendered with (`null`: any value changes it). The crisis
/// region, which also follows `lang`, the loader checks against the crisis data. JSON
/// configuration always changes it.
pub fn prerendered_with() -> Value {
    let rule = crate::prerendered::prerendered_with().into_iter();
    Value::Object(
        rule.map(|(name, value)| (name.to_owned(), json!(value)))
            .collect(),
    )
}

/// The pre-wasm accordion script with its labels from the content.
pub fn accordion(template: &str, content: &Content) -> Result<String, String> {
    accordion_with(template, &built_in_locales(content))
}

/// [`accordion`] for the locales given.
pub fn accordion_with(template: &str, locales: &[ScriptLocale]) -> Result<String, String> {
    let strings: serde_json::Map<String, Value> = locales
        .iter()
        .map(|(c, w)| {
            let words = json!({
                "expandAll": c.ui.expand_all,
                "collapseAll": c.ui.collapse_all,
                "fromDisk": w.from_disk,
                "unavailable": w.unavailable,
            });
            (c.locale.clone(), words)
        })
        .collect();
    let mut out = fill(
        template,
        "accordion",
        "__TRD_NAMES__",
        &crate::contract::names_json(),
    )?;
    out = fill(
        &out,
        "accordion",
        "__TRD_ACCORDION_STRINGS__",
        &Value::Object(strings).to_string(),
    )?;
    fill(
        &out,
        "accordion",
        "__TRD_ABOUT_TARGETS__",
        &json!(crate::content::ABOUT_TARGETS).to_string(),
    )
}
