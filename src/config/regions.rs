//! The crisis line that leads the banner: the regions a publisher can choose, and the
//! one rule that picks a line from a `lang` tag and the reader's own languages.

use crate::content::{self, Region};

/// Crisis regions a publisher can choose: the content model's region slugs, so a new
/// region needs no change here. `emergency` lines always come last and are not a choice.
pub(super) fn crisis_regions() -> Vec<&'static str> {
    Region::ALL
        .into_iter()
        .filter(|r| *r != Region::Emergency)
        .map(Region::slug)
        .collect()
}

/// The crisis line shown first when neither `crisis-region` nor a regional `lang` says.
pub(super) const DEFAULT_REGION: Region = Region::Us;

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
