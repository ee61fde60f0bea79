//! A standalone page per language: where each lives, the links between them, and the
//! template in another language.

use super::{escape, PageWords};
use crate::content::DEFAULT_LOCALE;

/// Where a locale's standalone page lives, relative to dist/: `index.html` for English,
/// `es/index.html` for Spanish.
pub fn page_path(locale: &str) -> String {
    if locale == DEFAULT_LOCALE {
        "index.html".into()
    } else {
        format!("{locale}/index.html")
    }
}

/// `hreflang` alternates for every locale's page, as absolute URLs under `site` (search
/// engines and Lighthouse accept no relative ones). Without a known site URL, none: the
/// visible language links still carry `hreflang`.
pub fn alternates(site: Option<&str>) -> String {
    let Some(site) = site.filter(|s| s.starts_with("https://") || s.starts_with("http://")) else {
        return String::new();
    };
    let base = if site.ends_with('/') {
        site.to_owned()
    } else {
        format!("{site}/")
    };
    let mut out = String::new();
    for code in crate::content::locales() {
        let href = escape(&format!(
            "{base}{}",
            page_path(code).trim_end_matches("index.html")
        ));
        out.push_str(&format!(
            "\n  <link rel=\"alternate\" hreflang=\"{code}\" href=\"{href}\">"
        ));
        if code == DEFAULT_LOCALE {
            out.push_str(&format!(
                "\n  <link rel=\"alternate\" hreflang=\"x-default\" href=\"{href}\">"
            ));
        }
    }
    out
}

/// Links to the page in every other language, each in its own language (`lang`,
/// `hreflang`), for the top of a standalone page.
pub fn language_links(locale: &str) -> String {
    let from = page_path(locale);
    let up = "../".repeat(from.matches('/').count());
    let links: Vec<String> = crate::content::locales()
        .filter(|c| *c != locale)
        .map(|code| {
            // The file itself, not its directory: the link also works from disk.
            let href = format!("{up}{}", page_path(code));
            format!(
                "<a href=\"{href}\" hreflang=\"{code}\" lang=\"{code}\">{}</a>",
                escape(&PageWords::built_in(code).other_language)
            )
        })
        .collect();
    format!("<p class=\"page-languages\">{}</p>", links.join(" · "))
}

/// The standalone page template in another language: `<html lang>`, the page's own
/// words, and asset URLs one directory up.
pub fn localize_page(html: &str, locale: &str, files: &[String]) -> String {
    localize_page_with(html, &PageWords::built_in(locale), files)
}

/// [`localize_page`] with the page words given: any locale's, built in or not. The
/// template is written in the default locale; each of its texts (`[page.template]`) is
/// replaced by the same key's text in `words`.
pub fn localize_page_with(html: &str, words: &PageWords, files: &[String]) -> String {
    let locale = words.locale.as_str();
    let mut out = html.replacen(
        &format!("<html lang=\"{DEFAULT_LOCALE}\">"),
        &format!("<html lang=\"{locale}\">"),
        1,
    );
    out = out.replacen(
        &format!("<html lang={DEFAULT_LOCALE}>"),
        &format!("<html lang={locale}>"),
        1,
    );
    for (key, text) in &PageWords::built_in(DEFAULT_LOCALE).template {
        if let Some(translated) = words.template_text(key) {
            out = out.replace(text.as_str(), translated);
        }
    }
    let up = "../".repeat(page_path(locale).matches('/').count());
    if up.is_empty() {
        return out;
    }
    for file in files {
        for lead in ['"', '\'', '='] {
            out = out.replace(&format!("{lead}./{file}"), &format!("{lead}{up}{file}"));
            for end in ['"', '\'', '>', ' '] {
                let from = if lead == '=' {
                    format!("={file}{end}")
                } else {
                    format!("{lead}{file}{lead}")
                };
                let to = if lead == '=' {
                    format!("={up}{file}{end}")
                } else {
                    format!("{lead}{up}{file}{lead}")
                };
                out = out.replace(&from, &to);
            }
        }
    }
    out
}
