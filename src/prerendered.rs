//! Which configuration the build's prerendered markup (the fragments, the bare snippet's
//! bodies) was rendered with, and which attributes make an element's first render differ
//! from it. The loader gets this rule as data (`__TRD_PRERENDERED_WITH__`, filled in by
//! src/prerender.rs); the publisher's page uses it to say when a fragment is rendered
//! afresh. One rule, so the two never disagree.

use crate::config::{Options, ATTRIBUTES};

/// The attributes that change the markup, each with the one value the markup was rendered
/// with (`None`: any value changes it). The crisis region, which a regional `lang` may also
/// choose, is compared on the options instead (see [`changed_attributes`]); a JSON
/// configuration always changes the markup.
pub fn prerendered_with() -> Vec<(&'static str, Option<String>)> {
    let defaults = Options::embedded();
    let mut rule = vec![
        ("heading-level", Some(defaults.heading_level.to_string())),
        ("theme", Some(defaults.theme.slug().to_owned())),
        ("categories", None),
        ("open", None),
    ];
    // The options that are also JSON keys are the publisher's own disclosures (reviewer,
    // statement, contact): any value is shown, so it changes the markup.
    rule.extend(ATTRIBUTES.iter().filter(|a| a.json).map(|a| (a.name, None)));
    rule
}

/// The attributes among `attributes` (name, value; applied in this order, as an element
/// applies them) whose values make the first render differ from the markup prerendered for
/// the element's language. `crisis-region` is named when the lines would lead with another
/// region, whichever attribute chose it.
pub fn changed_attributes(attributes: &[(&'static str, String)]) -> Vec<&'static str> {
    let rule = prerendered_with();
    let mut changed: Vec<&'static str> = attributes
        .iter()
        .filter(|(name, value)| {
            rule.iter().any(|(rule_name, rendered)| {
                rule_name == name
                    && rendered
                        .as_deref()
                        .is_none_or(|r| value.trim().to_ascii_lowercase() != r)
            })
        })
        .map(|(name, _)| *name)
        .collect();
    let defaults = Options::embedded();
    let mut chosen = defaults.clone();
    for (name, value) in attributes {
        let _ = chosen.set_attribute(&defaults, name, Some(value));
    }
    // The markup of the chosen language was rendered with its language alone.
    let mut rendered = defaults.clone();
    let _ = rendered.set_attribute(&defaults, "lang", Some(chosen.locale));
    if chosen.crisis_region != rendered.crisis_region {
        let name = if attributes.iter().any(|(n, _)| *n == "crisis-region") {
            "crisis-region"
        } else {
            "lang"
        };
        if !changed.contains(&name) {
            changed.push(name);
        }
    }
    changed
}
