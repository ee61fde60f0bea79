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

/// The text at `url` (`None`: nothing to fetch). Never another URL's: while the text of a
/// new URL is on its way, `Loading`.
#[hook]
pub fn use_fetched_text(url: Option<String>) -> Fetched {
    // The state is for the URL it was fetched from.
    let state = use_state(|| (None::<String>, Fetched::Idle));
    let shown = match &*state {
        (for_url, fetched) if *for_url == url => fetched.clone(),
        _ if url.is_none() => Fetched::Idle,
        _ => url
            .as_deref()
            .and_then(cached)
            .map_or(Fetched::Loading, Fetched::Loaded),
    };
    {
        let state = state.clone();
        use_effect_with(url, move |url| {
            // A later URL wins over a slower earlier one.
            let current = Rc::new(Cell::new(true));
            match url.clone() {
                None => state.set((None, Fetched::Idle)),
                Some(url) => match cached(&url) {
                    Some(text) => state.set((Some(url), Fetched::Loaded(text))),
                    None => {
                        state.set((Some(url.clone()), Fetched::Loading));
                        let current = current.clone();
                        wasm_bindgen_futures::spawn_local(async move {
                            let text = fetch_text(&url).await;
                            if !current.get() {
                                return;
                            }
                            let fetched = match text {
                                Some(text) => {
                                    let text: Rc<str> = text.into();
                                    CACHE
                                        .with(|c| c.borrow_mut().push((url.clone(), text.clone())));
                                    Fetched::Loaded(text)
                                }
                                None => Fetched::Failed,
                            };
                            state.set((Some(url), fetched));
                        });
                    }
                },
            }
            move || current.set(false)
        });
    }
    shown
}
