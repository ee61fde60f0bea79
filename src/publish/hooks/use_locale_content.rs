//! A locale's content in this page's wasm: its card list for `open`, and what the
//! element's content checks need (`config::resolve`).

use std::rc::Rc;

use yew::prelude::*;

use super::{use_fetched_text, Fetched};
use crate::content::{self, Content};

/// `Some` once `locale`'s content file (at `url`) is fetched and read; `Err` if it failed.
#[hook]
pub fn use_locale_content(
    locale: &'static str,
    url: Option<String>,
) -> Option<Result<Rc<Content>, ()>> {
    let fetched = use_fetched_text(url);
    let content = use_memo(
        (locale, fetched.clone()),
        |(locale, fetched)| match fetched {
            Fetched::Loaded(text) => Some(
                content::register(locale, text.to_string())
                    .and_then(|()| content::load(locale))
                    .map_err(|_| ()),
            ),
            Fetched::Failed => Some(Err(())),
            Fetched::Idle | Fetched::Loading => content::load(locale).ok().map(Ok),
        },
    );
    (*content).clone()
}
