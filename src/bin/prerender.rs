//! Trunk post-build hook: prerenders the explainer into the staged `index.html`, writes
//! `trd-explainer.fragment.html` and each locale's prerendered body for bare snippets,
//! fills the loader and the pre-wasm accordion script, and writes `assets.json`, the one
//! list of hashed asset names.
//! Run by Trunk (see Trunk.toml); reads TRUNK_STAGING_DIR and TRUNK_PUBLIC_URL.
//! `prerender release`, run after scripts/minify.mjs, pins the loader to the hashes of
//! what it loads, writes the versioned release folders (src/release.rs), and last the
//! publisher's pages (src/publish/page.rs), which offer the code those files make.

use std::path::Path;
use std::{env, fs, process::ExitCode};

use trd_explainer::config::{self, JsonConfig, Options};
use trd_explainer::content;
use trd_explainer::prerender::{
    accordion, app_after_first_paint, body_module, content_module, fragment_in, fragment_path,
    inline_stylesheets, loader, localize_page, page_content_script, page_for, page_path,
    relative_urls, render_embed, render_widget, standalone_options, wasm_module, wasm_module_name,
    Assets, BodyFile, ACCORDION, LOADER, MANIFEST,
};
use trd_explainer::publish::page as publish_page;
use trd_explainer::{embed_page, release};

/// Options as the browser will have them for an element or page in `locale`.
fn in_language(mut options: Options, locale: &str) -> Options {
    let defaults = options.clone();
    let _ = options.set_attribute(&defaults, "lang", Some(locale));
    options
}

fn run() -> Result<String, String> {
    let staging = env::var("TRUNK_STAGING_DIR")
        .map_err(|_| "TRUNK_STAGING_DIR is not set: run me from `trunk build`".to_string())?;
    let public_url = env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".into());
    let dir = Path::new(&staging);
    let read = |name: &str| fs::read_to_string(dir.join(name)).map_err(|e| format!("{name}: {e}"));
    let write = |name: &str, text: &str| {
        fs::write(dir.join(name), text).map_err(|e| format!("{name}: {e}"))
    };

    let files: Vec<String> = fs::read_dir(dir)
        .map_err(|e| format!("{staging}: {e}"))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    // The one search for hashed names; everything after this reads the manifest.
    let mut assets = Assets::find(&files)?;
    // Before anything is made from them: the embed's and the publisher's wasm builds did
    // not take each other's output (a race in Trunk, see publish_page::check_apart).
    let (app_glue, app_wasm) = publish_page::app_files(dir)?;
    let bytes = |name: &str| fs::read(dir.join(name)).map_err(|e| format!("{name}: {e}"));
    let built = [&assets.glue, &assets.wasm, &app_glue, &app_wasm]
        .map(|name| bytes(name).map(|b| (name.as_str(), b)));
    let [a, b, c, d] = built;
    let (a, b, c, d) = (a?, b?, c?, d?);
    publish_page::check_apart([(a.0, &a.1), (b.0, &b.1), (c.0, &c.1), (d.0, &d.1)])?;
    // Each locale's widget as a bare `<trd-explainer>` in that language shows it: the
    // fragments' markup, and a file of its own that the loader shows before the wasm.
    let mut embeds = Vec::new();
    for code in content::locales() {
        let html = render_embed(in_language(Options::embedded(), code))?;
        let body = BodyFile::new(code, &html);
        write(&body.html, &html)?;
        write(&body.module, &body_module(&html))?;
        assets.bodies.push(body);
        embeds.push((code, html));
    }
    write(MANIFEST, &assets.manifest())?;
    // Each locale's content, outside the wasm: only its readers download it.
    for file in &assets.content {
        let json = content::json(&file.locale).unwrap_or_default();
        write(&file.json, json)?;
        write(&file.module, &content_module(json))?;
    }

    let standalone = Options::standalone();
    let (content, _) = config::resolve(&standalone, &JsonConfig::default())?;
    let template = read("index.html")?;
    // The site's address, for `hreflang` alternates (which must be absolute): TRD_SITE_URL,
    // else the public URL when it is absolute.
    let site = env::var("TRD_SITE_URL")
        .ok()
        .filter(|s| !s.trim().is_empty())
        .or_else(|| public_url.starts_with("http").then(|| public_url.clone()));
    let widget_css = read(&assets.css)?;
    let page_css_text = read(&assets.page_css)?;
    // One standalone page per locale: index.html (English), es/index.html, …
    // The page's own configuration: attributes on its `data-trd-standalone` container.
    let (configured, warnings) = standalone_options(&template, Options::standalone());
    for w in &warnings {
        eprintln!("prerender: index.html: {w}");
    }
    for code in content::locales() {
        let options = in_language(configured.clone(), code);
        let (locale_content, resolved) = config::resolve(&options, &JsonConfig::default())?;
        if code == content::DEFAULT_LOCALE {
            for w in &resolved {
                eprintln!("prerender: index.html: {w}");
            }
        }
        let publisher = options.publisher.clone();
        let page_widget = render_widget(options)?;
        let html = page_for(
            &template,
            &locale_content,
            &page_widget,
            site.as_deref(),
            &publisher,
        )?;
        // oEmbed discovery, beside the `hreflang` alternates (absolute URLs only).
        let discovery = embed_page::oembed_link(code, site.as_deref());
        let html = html.replacen("</title>", &format!("</title>{discovery}"), 1);
        let html = inline_stylesheets(
            &html,
            &[
                (&assets.css, &widget_css),
                (&assets.page_css, &page_css_text),
            ],
        )?;
        // Relative, so the page works from disk and from any sub-path (the fragment,
        // pasted into other sites, keeps the public URL).
        let html = localize_page(&relative_urls(&html, &public_url, &files), code, &files);
        let html = app_after_first_paint(&html, &assets.wasm)?;
        // The page's own locale, in the page: hydration needs nothing more.
        let script = page_content_script(code, content::json(code).unwrap_or_default());
        let html = match html.rfind("</body>") {
            Some(at) => format!("{}{script}\n{}", &html[..at], &html[at..]),
            None => return Err(format!("{}: no </body>", page_path(code))),
        };
        let path = page_path(code);
        if let Some(parent) = Path::new(&path)
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
        {
            fs::create_dir_all(dir.join(parent)).map_err(|e| format!("{path}: {e}"))?;
        }
        write(&path, &html)?;
    }

    // The page built for framing, per locale, and (with a known site) its oEmbed response.
    write(
        embed_page::EMBED_SCRIPT,
        &embed_page::embed_script(&read(embed_page::EMBED_SCRIPT)?)?,
    )?;
    for (code, html) in &embeds {
        let (locale_content, _) = config::resolve(
            &in_language(Options::embedded(), code),
            &JsonConfig::default(),
        )?;
        write(
            &embed_page::embed_path(code),
            &embed_page::embed_page(&locale_content, &assets, html),
        )?;
        if let Some(site) = site.as_deref() {
            let response = embed_page::oembed(&locale_content, site);
            write(&embed_page::oembed_path(code), &format!("{response:#}\n"))?;
        }
    }

    write(LOADER, &loader(&read(LOADER)?, &assets, &content)?)?;
    write(ACCORDION, &accordion(&read(ACCORDION)?, &content)?)?;
    let wasm = fs::read(dir.join(&assets.wasm)).map_err(|e| format!("{}: {e}", assets.wasm))?;
    write(&wasm_module_name(&assets), &wasm_module(&wasm))?;

    for (code, html) in &embeds {
        let lang = (*code != content::DEFAULT_LOCALE).then_some(*code);
        write(
            &fragment_path(code),
            &fragment_in(&public_url, &assets, html, lang),
        )?;
    }
    Ok(format!(
        "prerendered {} cards into index.html, es/index.html and the fragments (loader → {}, {}, {}; {MANIFEST})",
        content.cards.len(),
        assets.glue,
        assets.wasm,
        assets.css
    ))
}

/// `prerender release`, after scripts/minify.mjs: the loader gets the integrity hashes of
/// what it loads, then the release folders are written (src/release.rs), then the
/// publisher's pages, from the final files.
fn release() -> Result<String, String> {
    let staging = env::var("TRUNK_STAGING_DIR")
        .map_err(|_| "TRUNK_STAGING_DIR is not set: run me from `trunk build`".to_string())?;
    let dir = Path::new(&staging);
    let manifest =
        fs::read_to_string(dir.join(MANIFEST)).map_err(|e| format!("{MANIFEST}: {e}"))?;
    let loader_text = fs::read_to_string(dir.join(LOADER)).map_err(|e| format!("{LOADER}: {e}"))?;
    let names = release::loaded_names(&manifest)?;
    let filled = release::fill_integrity(&loader_text, dir, &names)?;
    fs::write(dir.join(LOADER), filled).map_err(|e| format!("{LOADER}: {e}"))?;
    let public_url = env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".into());
    let version = env!("CARGO_PKG_VERSION");
    // Debug builds are never published: no release folders.
    let released = if env::var("TRUNK_PROFILE").as_deref() == Ok("release") {
        let previous = release::previous_dist();
        // scripts/serve.sh rebuilds on every edit and publishes nothing.
        let replace = env::var_os("TRD_REPLACE_RELEASE").is_some();
        // A release is what a publisher's snippet, fragment or frame loads. The standalone
        // pages are the host's own, like the publisher's page they link to: neither is
        // pinned, so no released page links to a file its folder lacks.
        let not_released: Vec<String> = publish_page::not_released()
            .into_iter()
            .chain(content::locales().map(page_path))
            .collect();
        release::write_release(
            dir,
            previous.as_deref(),
            version,
            &public_url,
            replace,
            &not_released,
        )?
    } else {
        format!("loader pinned to {} files, no release (debug)", names.len())
    };
    // Last, from the final files: the publisher's pages offer the forms of code the build
    // holds, pinned to the release's hashes when there is one.
    let pages = publish_page::write_pages(dir, &public_url, version)?;
    Ok(format!("{released}; wrote {}", pages.join(", ")))
}

fn main() -> ExitCode {
    let job = env::args().nth(1);
    let result = match job.as_deref() {
        Some("release") => release(),
        _ => run(),
    };
    match result {
        Ok(summary) => {
            eprintln!("prerender: {summary}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}
