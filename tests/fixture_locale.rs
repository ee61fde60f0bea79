//! A new language is one file: a locale that is not in `src/content/` (built here from the
//! English file, as a translator would start) goes through the build's own steps and
//! renders, with its own page words, crisis lines and script words, and passes the content
//! checks with the phrases of its own `[checks]` table, with no code change.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use trd_explainer::config::{Options, Publisher};
use trd_explainer::content::{self, Phrases, Region};
use trd_explainer::prerender::{
    accordion_with, built_in_locales, crisis_data_with, head_with, loader_with, localize_page_with,
    render_content, Assets, PageWords,
};

#[path = "../src/content/locale_file.rs"]
#[allow(dead_code)]
mod locale_file;

const CODE: &str = "xx";
const TITLE: &str = "Fixture: the treatment options";
const OTHER: &str = "Read this guide in Fixture";
const SKIP: &str = "Skip to the fixture guide";
const SLOW: &str = "The fixture guide is slow.";
const CRISIS_HEADING: &str = "Fixture crisis lines";

/// The English file with a new code and a few of its words changed.
fn fixture() -> String {
    toml::to_string(&fixture_value()).unwrap()
}

fn fixture_value() -> toml::Value {
    let en = include_str!("../src/content/en.toml");
    let mut value: toml::Value = toml::from_str(en).unwrap();
    let table = value.as_table_mut().unwrap();
    table.insert("locale".into(), CODE.into());
    let set = |table: &mut toml::Table, path: &[&str], text: &str| {
        let (last, parents) = path.split_last().unwrap();
        let mut at = table;
        for key in parents {
            at = at.get_mut(*key).unwrap().as_table_mut().unwrap();
        }
        assert!(
            at.contains_key(*last),
            "{path:?} exists in the English file"
        );
        at.insert((*last).into(), text.into());
    };
    set(table, &["meta", "title"], TITLE);
    set(table, &["safety", "heading"], CRISIS_HEADING);
    set(table, &["page", "other_language"], OTHER);
    set(table, &["page", "slow"], SLOW);
    set(table, &["page", "template", "skip"], SKIP);
    value
}

struct Built {
    content: Rc<content::Content>,
    words: PageWords,
    phrases: Phrases,
}

fn build() -> Built {
    // The build's own split of a locale file (build.rs).
    let file = locale_file::split(CODE, &fixture()).unwrap();
    assert!(
        !file.content_json.contains(SKIP),
        "page words stay out of the content"
    );
    let table: serde_json::Value = serde_json::from_str(&file.content_json).unwrap();
    assert!(
        table.get(locale_file::CHECKS_TABLE).is_none(),
        "the checks' phrases stay out of the content"
    );
    let content = Rc::new(content::parse(&file.content_json).unwrap());
    let words = PageWords::from_json(CODE, &file.page_json).unwrap();
    let phrases = Phrases::from_json(CODE, &file.checks_json).unwrap_or_else(|e| panic!("{e}"));
    Built {
        content,
        words,
        phrases,
    }
}

fn options() -> Options {
    Options {
        locale: CODE,
        ..Options::embedded()
    }
}

#[test]
fn a_fixture_locale_parses_and_renders_in_its_own_language() {
    let built = build();
    assert_eq!(built.content.locale, CODE);
    let html = render_content(built.content.clone(), options()).unwrap();
    assert!(
        html.contains(&format!("lang=\"{CODE}\"")),
        "the root says its language"
    );
    assert!(html.contains(CRISIS_HEADING), "its own crisis heading");
    assert!(html.contains("tel:988"), "its crisis lines");
    assert!(html.contains("trd-card__button"), "its cards");
}

#[test]
fn a_fixture_locale_gets_its_own_page() {
    let built = build();
    let head = head_with(&built.content, &built.words, &Publisher::default());
    assert!(head.contains(TITLE));
    assert!(head.contains(&format!("\"inLanguage\":\"{CODE}\"")));
    let template = include_str!("../index.html");
    let page = localize_page_with(template, &built.words, &[]);
    assert!(
        page.contains(&format!("<html lang=\"{CODE}\">")),
        "its <html lang>"
    );
    assert!(page.contains(SKIP), "its own page words");
    assert!(!page.contains("Skip to the treatment guide"));
}

#[test]
fn a_fixture_locale_reaches_the_scripts_that_run_before_the_app() {
    let built = build();
    let data = crisis_data_with(&built.content, &built.words);
    assert_eq!(data["lang"], CODE);
    assert_eq!(data["heading"], CRISIS_HEADING);
    assert_eq!(data["slow"], SLOW);
    // A language other than the default leads with the worldwide directory.
    assert_eq!(data["region"], Region::Intl.slug());
    let mut locales = built_in_locales(&content::load(content::DEFAULT_LOCALE).unwrap());
    locales.push((built.content.clone(), built.words.clone()));
    let files: Vec<String> = [
        "trd_explainer-1.js",
        "trd_explainer-1_bg.wasm",
        "trd-2.css",
        "page-3.css",
    ]
    .map(String::from)
    .into();
    let assets = Assets::find(&files).unwrap();
    let loader = loader_with(
        include_str!("../static/trd-explainer.js"),
        &assets,
        &locales,
    )
    .unwrap();
    assert!(loader.contains(SLOW) && loader.contains(CRISIS_HEADING));
    assert!(loader.contains(&format!("\"lang\":\"{CODE}\"")));
    let accordion = accordion_with(include_str!("../static/trd-accordion.js"), &locales).unwrap();
    assert!(accordion.contains(&format!("\"{CODE}\":{{")));
}

#[test]
fn the_scripts_name_no_language() {
    // Languages reach the scripts as data only: neither script names one.
    for script in [
        include_str!("../static/trd-explainer.js"),
        include_str!("../static/trd-accordion.js"),
    ] {
        for code in content::locales() {
            for quoted in [
                format!("\"{code}\""),
                format!("'{code}'"),
                format!(".{code}\n"),
            ] {
                assert!(!script.contains(&quoted), "a script names {quoted}");
            }
            assert!(
                !script.contains(&format!(".{code};")) && !script.contains(&format!(".{code})"))
            );
        }
    }
}

#[test]
fn a_fixture_locale_passes_the_content_checks_with_its_own_phrases() {
    let built = build();
    let errors = content::validate_with(&built.content, &built.phrases);
    assert!(errors.is_empty(), "\n  {}", errors.join("\n  "));
    // The phrases are the file's: with wording its text never uses, its safety points
    // that found no advice no longer pass.
    let other = Phrases {
        no_advice: vec!["wording this file never uses".into()],
        ..built.phrases.clone()
    };
    let errors = content::validate_with(&built.content, &other);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("must say plainly that no specific advice was found")),
        "\n  {}",
        errors.join("\n  ")
    );
}

/// The error when a locale file lacks its checks' phrases, as the build splits that file.
fn phrases_error(edit: impl FnOnce(&mut toml::Table)) -> String {
    let mut value = fixture_value();
    edit(value.as_table_mut().unwrap());
    let file = locale_file::split(CODE, &toml::to_string(&value).unwrap()).unwrap();
    Phrases::from_json(CODE, &file.checks_json).expect_err("the phrases are refused")
}

fn checks(table: &mut toml::Table) -> &mut toml::Table {
    table
        .get_mut(locale_file::CHECKS_TABLE)
        .and_then(toml::Value::as_table_mut)
        .expect("the English file has a [checks] table")
}

#[test]
fn a_locale_file_without_its_checks_phrases_is_named_with_the_key() {
    let file = format!("src/content/{CODE}.toml");
    let table = format!("[{}]", locale_file::CHECKS_TABLE);
    let error = phrases_error(|t| {
        t.remove(locale_file::CHECKS_TABLE);
    });
    assert!(error.contains(&file) && error.contains(&table), "{error}");
    let error = phrases_error(|t| {
        checks(t).remove("ended");
    });
    assert!(
        error.contains(&file) && error.contains(&table) && error.contains("`ended`"),
        "{error}"
    );
    // An empty phrase is in every text, so it would pass every check it is for.
    let error = phrases_error(|t| {
        checks(t).insert("text_988".into(), "".into());
    });
    assert!(
        error.contains(&file) && error.contains(&format!("{table}.text_988")),
        "{error}"
    );
    // The checks search lower-cased text: a capital would never be found.
    let error = phrases_error(|t| {
        checks(t).insert("no_advice".into(), vec!["No specific"].into());
    });
    assert!(error.contains(&format!("{table}.no_advice")), "{error}");
}
