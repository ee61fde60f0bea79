//! What the publisher's choices make: the element's attributes, its JSON configuration and
//! its colours, and the checks the element itself would make of them. The preview and
//! every form of code are built from one [`Embed`], so they always agree.

use crate::config::{self, JsonConfig, Options, ATTRIBUTES};
/// The one escaper of the code a publisher copies, the iframe code's too.
pub use crate::embed_page::escape_html;

use super::model::ColorSpec;
use super::state::{Control, CtaField, PublishState};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Embed {
    /// The attributes to write, in [`ATTRIBUTES`] order (the order the element applies them).
    pub attributes: Vec<(&'static str, String)>,
    /// The JSON configuration child, if any (the call-to-action).
    pub json: Option<String>,
    /// Custom properties to set: (`--trd-color-…`, value). Only colours the browser accepts.
    pub colors: Vec<(String, String)>,
}

impl Embed {
    /// `valid` says, per colour, whether the browser accepts its light and dark values
    /// (CSS.supports); a colour it would ignore is left out.
    pub fn new(state: &PublishState, specs: &[ColorSpec], valid: &[(bool, bool)]) -> Embed {
        let attributes = ATTRIBUTES
            .iter()
            .zip(&state.values)
            .filter_map(|(a, value)| Some((a.name, Control::of(a).emitted(a, value)?)))
            .collect();
        let json = (!state.cta.is_empty()).then(|| {
            let fields: Vec<String> = CtaField::ALL
                .iter()
                .map(|f| {
                    format!(
                        "{}:{}",
                        json_string(f.slug()),
                        json_string(state.cta.get(*f).trim())
                    )
                })
                .collect();
            format!("{{\"cta\":{{{}}}}}", fields.join(","))
        });
        let mut colors = Vec::new();
        for ((spec, (light, dark)), (light_ok, dark_ok)) in
            specs.iter().zip(&state.colors).zip(valid.iter().copied())
        {
            for (value, is_dark, ok) in [(light, false, light_ok), (dark, true, dark_ok)] {
                let value = value.trim();
                if !value.is_empty() && ok {
                    colors.push((spec.property(is_dark), value.to_owned()));
                }
            }
        }
        Embed {
            attributes,
            json,
            colors,
        }
    }

    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The content locale the element shows: its `lang` if translated, else `page_locale`
    /// (an element without `lang` reads the page's).
    pub fn locale(&self, page_locale: &str) -> &'static str {
        self.attribute("lang")
            .and_then(crate::content::match_locale)
            .or_else(|| crate::content::match_locale(page_locale))
            .unwrap_or(crate::content::DEFAULT_LOCALE)
    }

    /// The options and warnings the element would have: every attribute applied in order
    /// as the element applies them, then the JSON, then the content checks, all by the
    /// functions the element uses, so a publisher sees exactly its console messages.
    /// The content check (`open` slugs) runs only once the locale's content is loaded.
    pub fn warnings(&self, page_locale: &str) -> Vec<String> {
        let defaults = Options::embedded();
        let mut options = defaults.clone();
        let mut out = Vec::new();
        if self.attribute("lang").is_none() {
            let _ = options.set_attribute(&defaults, "lang", Some(page_locale));
        }
        for (name, value) in &self.attributes {
            out.extend(options.set_attribute(&defaults, name, Some(value)));
        }
        let config = match &self.json {
            Some(text) => {
                let (config, warnings) = config::parse_json_text(text);
                out.extend(warnings);
                config
            }
            None => JsonConfig::default(),
        };
        options.cta = config.cta.clone();
        if let Ok((_, warnings)) = config::resolve(&options, &config) {
            out.extend(warnings);
        }
        out.into_iter().map(|w| w.0).collect()
    }

    /// The class the code gives the element when it sets colours: one per set of colours,
    /// so differently coloured guides on one page keep theirs.
    pub fn color_class(&self) -> Option<String> {
        if self.colors.is_empty() {
            return None;
        }
        let text: String = self
            .colors
            .iter()
            .map(|(p, v)| format!("{p}:{v};"))
            .collect();
        // FNV-1a: a short stable name, not a security hash.
        let hash = text.bytes().fold(0x811c_9dc5_u32, |h, b| {
            (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
        });
        Some(format!("trd-colors-{:06x}", hash & 0xff_ffff))
    }

    /// The element's opening tag as the code writes it: `<trd-explainer lang="es" …>`.
    pub fn open_tag(&self) -> String {
        let mut tag = String::from("<trd-explainer");
        if let Some(class) = self.color_class() {
            tag.push_str(&format!(" class=\"{class}\""));
        }
        for (name, value) in &self.attributes {
            tag.push_str(&format!(" {name}=\"{}\"", escape_html(value)));
        }
        tag.push('>');
        tag
    }

    /// The JSON child as the code writes it, if any.
    pub fn json_child(&self) -> Option<String> {
        // `</` would end the script element early; `<\/` is the same JSON text.
        self.json.as_ref().map(|json| {
            format!(
                "<script type=\"application/json\">{}</script>",
                json.replace("</", "<\\/")
            )
        })
    }

    /// A `<style>` block with the colours, if any.
    pub fn style_block(&self) -> Option<String> {
        let class = self.color_class()?;
        let rules: String = self
            .colors
            .iter()
            .map(|(property, value)| format!("\n  {property}: {value};"))
            .collect();
        Some(format!(
            "<style>\ntrd-explainer.{class} {{{rules}\n}}\n</style>"
        ))
    }
}

/// Which field a warning is about: the attribute it starts with (`categories: …`,
/// `heading-level="5" …`), `cta` for the call-to-action, else `""` (the whole config).
pub fn field_of(message: &str) -> &'static str {
    if message.starts_with("config.cta") {
        return "cta";
    }
    ATTRIBUTES
        .iter()
        .map(|a| a.name)
        .find(|name| {
            message
                .strip_prefix(name)
                .is_some_and(|rest| rest.starts_with(':') || rest.starts_with('='))
        })
        .unwrap_or("")
}

/// A JSON string literal.
pub fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
