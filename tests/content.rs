//! The built-in content must meet the fact sheet's rules and the outline's structure.
#![cfg(not(target_arch = "wasm32"))]

use trd_explainer::content::{self, Category, Status};

fn english() -> std::rc::Rc<content::Content> {
    content::load("en").unwrap_or_else(|e| panic!("English content does not load: {e}"))
}

#[test]
fn every_locale_parses_and_passes_validation() {
    for code in content::locales() {
        let c = content::load(code).unwrap_or_else(|e| panic!("{code}: {e}"));
        let errors = content::validate(&c);
        assert!(errors.is_empty(), "{code} has content errors:\n  {}", errors.join("\n  "));
    }
}
