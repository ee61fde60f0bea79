//! Links to `#slug`: the fragment at start and while the page is open, find-in-page
//! revealing a closed panel, scrolling to the card, and the fragment following the card a
//! reader opens.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser;
use crate::content::Content;
use crate::state::{Action, ExplainerState, Toggled};

#[hook]
pub fn use_deep_links(
    state: &UseReducerHandle<ExplainerState>,
    content: &Rc<Content>,
    root: &NodeRef,
    enabled: bool,
) {
    // A card (`#ect`), or a card's numbers (`#ect-facts`).
    let linked = {
        let content = content.clone();
        move || {
            let hash = browser::location_hash()?;
            let card = hash.strip_suffix("-facts").unwrap_or(&hash);
            let card = content.card(card).or_else(|| content.card(&hash))?;
            Some((card.id.clone(), hash != card.id))
        }
    };
    {
        let (state, linked) = (state.clone(), linked.clone());
        use_effect_with((), move |_| {
            if let Some(link) = linked().filter(|_| enabled) {
                show(&state, link);
            }
        });
    }
    {
        let state = state.clone();
        use_effect_with(enabled, move |on| {
            let listener = on.then(web_sys::window).flatten().map(|w| {
                gloo_events::EventListener::new(&w, "hashchange", move |_| {
                    // The reader's own navigation wins over a fragment not yet written.
                    browser::drop_pending_hash();
                    if let Some(link) = linked() {
                        show(&state, link);
                    }
                })
            });
            move || drop(listener)
        });
    }
    // Find-in-page reveals a closed panel (`hidden="until-found"` fires `beforematch`).
    {
        let (state, root) = (state.clone(), root.clone());
        use_effect_with((), move |_| {
            let listener = root.cast::<web_sys::Element>().map(|el| {
                gloo_events::EventListener::new(&el, "beforematch", move |e| {
                    let card = e
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .and_then(|el| el.get_attribute("data-card"));
                    if let Some(card) = card {
                        state.dispatch(Action::open(vec![card], true));
                    }
                })
            });
            move || drop(listener)
        });
    }
    // Scroll once the opened card has rendered.
    {
        let (state, root) = (state.clone(), root.clone());
        use_effect_with(state.scroll_to.clone(), move |target| {
            if let (Some(id), Some(el)) = (target, root.cast::<web_sys::Element>()) {
                browser::reveal(&el, id);
                state.dispatch(Action::ScrolledTo);
            }
        });
    }
}

fn show(state: &UseReducerHandle<ExplainerState>, (id, facts): (String, bool)) {
    if facts {
        state.dispatch(Action::ShowFacts(id));
    } else {
        state.dispatch(Action::open(vec![id.clone()], true));
        state.dispatch(Action::Reveal(id));
    }
}

/// Points the fragment at a card a reader opened on its own, and clears it when that card
/// closes, without a new history entry.
pub fn follow_fragment(toggled: &Toggled) {
    let hash = browser::location_hash();
    match (toggled.open, toggled.ids.as_slice()) {
        (true, [id]) if hash.as_deref() != Some(id.as_str()) => {
            browser::replace_url(None, Some(&format!("#{id}")))
        }
        (false, ids) if hash.as_ref().is_some_and(|h| ids.contains(h)) => {
            browser::replace_url(None, Some(""))
        }
        _ => {}
    }
}
