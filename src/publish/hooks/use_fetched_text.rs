//! A text file of the build (a locale's content, a fragment), fetched once per page.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

/// A fetch's progress.
#[derive(Debug, Clone, PartialEq)]
pub enum Fetched {
    /// Nothing asked for.
    Idle,
    Loading,
    Loaded(Rc<str>),
    Failed,
}

thread_local! {
    /// Texts already fetched, by URL: switching back to a language costs nothing.
    static CACHE: RefCell<Vec<(String, Rc<str>)>> = const { RefCell::new(Vec::new()) };
}

fn cached(url: &str) -> Option<Rc<str>> {
    CACHE.with(|c| {
        c.borrow()
            .iter()
            .find(|(u, _)| u == url)
            .map(|(_, t)| t.clone())
    })
}

#[cfg(target_arch = "wasm32")]
async fn fetch_text(url: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window()?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

#[cfg(not(target_arch = "wasm32"))]
async fn fetch_text(_url: &str) -> Option<String> {
    None
}

/// The text at `url` (`None`: nothing to fetch).
#[hook]
pub fn use_fetched_text(url: Option<String>) -> Fetched {
    let state = use_state(|| Fetched::Idle);
    {
        let state = state.clone();
        use_effect_with(url, move |url| {
            // A later URL wins over a slower earlier one.
            let current = Rc::new(Cell::new(true));
            match url.clone() {
                None => state.set(Fetched::Idle),
                Some(url) => match cached(&url) {
                    Some(text) => state.set(Fetched::Loaded(text)),
                    None => {
                        state.set(Fetched::Loading);
                        let current = current.clone();
                        wasm_bindgen_futures::spawn_local(async move {
                            let text = fetch_text(&url).await;
                            if !current.get() {
                                return;
                            }
                            state.set(match text {
                                Some(text) => {
                                    let text: Rc<str> = text.into();
                                    CACHE.with(|c| c.borrow_mut().push((url, text.clone())));
                                    Fetched::Loaded(text)
                                }
                                None => Fetched::Failed,
                            });
                        });
                    }
                },
            }
            move || current.set(false)
        });
    }
    (*state).clone()
}
