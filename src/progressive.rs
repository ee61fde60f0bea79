//! Progressive hydration of the treatment cards, so no single task blocks the page.
//!
//! Hydrating the whole prerendered explainer at once took one task of 150–250 ms on a
//! phone-speed CPU. Instead, the first (hydrating) render adopts each card's prerendered
//! markup as it is, without reading it: a raw node, which costs nothing to hydrate. Each
//! card is then hydrated as a small app of its own on its list item, one card per task
//! afterwards, or at once when the reader reaches for it (pointer, key or focus), or when
//! its props change (a search, Expand all). Hydrated in place, not replaced, so focus,
//! selection and find-in-page state stay. The cards never lose a click meanwhile: the
//! prerendered markup shows the right state, and a click on a card not yet hydrated
//! hydrates it first, and if the app could not take the click in time, it is
//! handed to the app (see `after_click`).

use std::rc::Rc;

use yew::prelude::*;
use yew::virtual_dom::VComp;

use crate::components::{TreatmentCard, TreatmentCardProps};

#[derive(Properties, PartialEq)]
pub struct DeferredCardProps {
    pub card: Rc<TreatmentCardProps>,
    /// Not shown (it does not match the search or filters).
    pub hidden: bool,
    /// Adopt the prerendered card and hydrate it later. Read once, at creation.
    #[prop_or_default]
    pub defer: bool,
}

/// One list item of [`crate::components::treatment_list`], holding a treatment card.
#[function_component]
pub fn DeferredCard(props: &DeferredCardProps) -> Html {
    let item = use_node_ref();
    #[cfg(target_arch = "wasm32")]
    let deferred = browser::use_deferred(props, &item);
    #[cfg(not(target_arch = "wasm32"))]
    let deferred = false;
    let card = if deferred {
        // Hydrates whatever the server rendered here, untouched; never changes after.
        Html::from_html_unchecked(AttrValue::Static(""))
    } else {
        VComp::new::<TreatmentCard>(props.card.clone(), None).into()
    };
    html! { <li class="trd-list__item" hidden={props.hidden} ref={item}>{ card }</li> }
}

/// A copy of a card's props (they hold only shared pointers and small values), with the
/// card's own `dispatch`.
#[cfg(target_arch = "wasm32")]
fn copy(p: &TreatmentCardProps, dispatch: &Callback<crate::state::Action>) -> TreatmentCardProps {
    TreatmentCardProps {
        card: p.card.clone(),
        content: p.content.clone(),
        open: p.open,
        level: p.level,
        query: p.query.clone(),
        ticked: p.ticked.clone(),
        dispatch: dispatch.clone(),
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{prepare, start};

/// Nothing is deferred outside the browser.
#[cfg(not(target_arch = "wasm32"))]
pub fn start() {}

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::{Cell, RefCell};
    use std::rc::{Rc, Weak};

    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, Event};
    use yew::prelude::*;
    use yew::{AppHandle, Renderer};

    use super::{copy, DeferredCardProps};
    use crate::components::{TreatmentCard, TreatmentCardProps};
    use crate::state::Action;

    struct Card {
        item: Element,
        /// What the app's own handlers dispatch through: notes that the app took the event.
        dispatch: Callback<Action>,
        /// The props last given by the explainer.
        latest: Rc<TreatmentCardProps>,
        state: State,
    }

    enum State {
        /// Adopted as prerendered: hydrate with `first` (what the markup shows), then
        /// update to `latest`.
        Waiting {
            first: Rc<TreatmentCardProps>,
        },
        Live(AppHandle<TreatmentCard>),
        Gone,
    }

    type Shared = Rc<RefCell<Card>>;

    thread_local! {
        /// Cards waiting for hydration, bottom-up.
        static QUEUE: RefCell<Vec<Weak<RefCell<Card>>>> = const { RefCell::new(Vec::new()) };
        /// Deferred cards until all have hydrated (see `settle`).
        static CARDS: RefCell<Vec<Weak<RefCell<Card>>>> = const { RefCell::new(Vec::new()) };
        static PUMPING: Cell<bool> = const { Cell::new(false) };
        static LISTENING: Cell<bool> = const { Cell::new(false) };
        /// A click on a deferred card's button is being dispatched: that card's toggle.
        static CLICK: RefCell<Option<(Callback<Action>, String)>> = const { RefCell::new(None) };
        /// Whether a card app dispatched anything since the click started.
        static TAKEN: Cell<bool> = const { Cell::new(false) };
    }

    /// Whether this card was adopted for later hydration (fixed at creation).
    #[hook]
    pub(super) fn use_deferred(props: &DeferredCardProps, item: &NodeRef) -> bool {
        let defer = props.defer;
        let card = use_mut_ref(|| None::<Shared>);
        let deferred = *use_memo((), |_| defer);
        {
            let (card, item) = (card.clone(), item.clone());
            use_effect_with(props.card.clone(), move |latest| {
                let mut slot = card.borrow_mut();
                match slot.as_ref() {
                    None if deferred => {
                        if let Some(item) = item.cast::<Element>() {
                            let inner = latest.dispatch.clone();
                            let shared = Rc::new(RefCell::new(Card {
                                item,
                                dispatch: Callback::from(move |action| {
                                    TAKEN.with(|t| t.set(true));
                                    inner.emit(action)
                                }),
                                latest: latest.clone(),
                                state: State::Waiting {
                                    first: latest.clone(),
                                },
                            }));
                            enqueue(&shared);
                            *slot = Some(shared);
                        }
                    }
                    None => {}
                    Some(shared) => {
                        let waiting = {
                            let mut card = shared.borrow_mut();
                            card.latest = latest.clone();
                            let card = &mut *card;
                            match &mut card.state {
                                State::Live(app) => {
                                    app.update(copy(latest, &card.dispatch));
                                    false
                                }
                                State::Waiting { .. } => true,
                                State::Gone => false,
                            }
                        };
                        // What it shows changed: the reader is using it, hydrate now.
                        if waiting {
                            hydrate(shared);
                        }
                    }
                }
            });
        }
        use_effect_with((), move |_| {
            move || {
                if let Some(shared) = card.borrow_mut().take() {
                    let state = std::mem::replace(&mut shared.borrow_mut().state, State::Gone);
                    if let State::Live(app) = state {
                        app.destroy();
                    }
                }
            }
        });
        deferred
    }

    /// Marks the prerendered cards in `root` for adoption: hydration reads each card's
    /// markup as one raw node (src/yew_markers.rs).
    pub fn prepare(root: &Element) {
        let selector = format!("li.{}", crate::contract::LIST_ITEM);
        let Ok(items) = root.query_selector_all(&selector) else {
            return;
        };
        for i in 0..items.length() {
            if let Some(item) = items.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                crate::yew_markers::adopt_as_raw(&item);
            }
        }
    }

    fn enqueue(card: &Shared) {
        // Says so in the page (a test reads it), until `hydrate`.
        let _ = card
            .borrow()
            .item
            .set_attribute(crate::contract::WAITING, "");
        QUEUE.with(|q| q.borrow_mut().push(Rc::downgrade(card)));
        CARDS.with(|c| c.borrow_mut().push(Rc::downgrade(card)));
        listen();
    }

    /// Starts hydrating the waiting cards, one per task. Called once the app is live, so
    /// its own start-up renders are not queued behind them.
    pub fn start() {
        if !PUMPING.with(|p| p.replace(true)) {
            later(pump);
        }
    }

    /// Hydrates the next waiting card, then yields to the browser before the one after.
    fn pump() {
        // Effects run children last-first, so the queue holds the cards bottom-up: take
        // the top one (the reader sees it first).
        let next = QUEUE.with(|q| {
            let mut q = q.borrow_mut();
            while let Some(card) = q.pop() {
                if let Some(card) = card.upgrade() {
                    return Some(card);
                }
            }
            None
        });
        match next {
            Some(card) => {
                hydrate(&card);
                later(pump);
            }
            None => {
                PUMPING.with(|p| p.set(false));
                later(settle);
            }
        }
    }

    /// Every card has hydrated (its app took over in an earlier task): stop watching the
    /// page's input for them, so keystrokes elsewhere cost nothing.
    fn settle() {
        let idle = QUEUE.with(|q| q.borrow().is_empty()) && !PUMPING.with(|p| p.get());
        if idle {
            CARDS.with(|c| c.borrow_mut().clear());
        }
    }

    fn later(f: fn()) {
        let closure = Closure::once_into_js(f);
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(closure.unchecked_ref());
        }
    }

    fn hydrate(card: &Shared) {
        let mut card = card.borrow_mut();
        let State::Waiting { first } = &card.state else {
            return;
        };
        let first = copy(first, &card.dispatch);
        let item = card.item.clone();
        // Hydration expects the card between component markers (adoption removed the raw
        // ones).
        crate::yew_markers::bracket_as_component(&item);
        let _ = item.remove_attribute(crate::contract::WAITING);
        let changed = card.latest.as_ref() != &first;
        let mut app = Renderer::<TreatmentCard>::with_root_and_props(item, first).hydrate();
        if changed {
            app.update(copy(&card.latest, &card.dispatch));
        }
        card.state = State::Live(app);
    }

    /// The deferred card `event` happens in, if any.
    fn card_of(event: &Event) -> Option<(Shared, js_sys::Array)> {
        if CARDS.with(|c| c.borrow().is_empty()) {
            return None;
        }
        let path = event.composed_path();
        let card = CARDS.with(|cards| {
            let mut cards = cards.borrow_mut();
            cards.retain(|c| c.strong_count() > 0);
            path.iter().find_map(|node| {
                let el = node.dyn_into::<Element>().ok()?;
                cards
                    .iter()
                    .filter_map(Weak::upgrade)
                    .find(|c| c.borrow().item == el)
            })
        })?;
        Some((card, path))
    }

    /// Capture phase, before the event reaches any card: the reader reaches for a card not
    /// hydrated yet (pointer, key, focus), so hydrate it now. A card's app usually catches
    /// the click that follows; whether it did is checked in [`after_click`].
    fn on_input(event: &Event) {
        let Some((card, path)) = card_of(event) else {
            return;
        };
        if event.type_() == "click" {
            let on_button = path.iter().any(|n| {
                n.dyn_ref::<Element>()
                    .is_some_and(|el| el.class_list().contains(crate::contract::CARD_BUTTON))
            });
            let latest = card.borrow().latest.clone();
            TAKEN.with(|t| t.set(false));
            let toggle = on_button.then(|| (latest.dispatch.clone(), latest.card.id.clone()));
            CLICK.with(|c| *c.borrow_mut() = toggle);
        }
        hydrate(&card);
    }

    /// Bubble phase, after every handler: a click on a card button that no card app took
    /// (its hydration had not finished, or a scripted `click()` left it no moment to)
    /// toggles the card here, so no click is lost and none counts twice.
    fn after_click(_: &Event) {
        if let Some((dispatch, id)) = CLICK.with(|c| c.borrow_mut().take()) {
            if !TAKEN.with(|t| t.get()) {
                dispatch.emit(Action::Flip(id));
            }
        }
    }

    /// One set of listeners for the page (open shadow roots included).
    fn listen() {
        if LISTENING.with(|l| l.replace(true)) {
            return;
        }
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let capture = Closure::<dyn Fn(Event)>::new(|e: Event| on_input(&e));
        for kind in ["pointerdown", "keydown", "focusin", "click"] {
            let _ = doc.add_event_listener_with_callback_and_bool(
                kind,
                capture.as_ref().unchecked_ref(),
                true,
            );
        }
        let bubble = Closure::<dyn Fn(Event)>::new(|e: Event| after_click(&e));
        let _ = doc.add_event_listener_with_callback_and_bool(
            "click",
            bubble.as_ref().unchecked_ref(),
            false,
        );
        // They live as long as the page, like the listeners.
        capture.forget();
        bubble.forget();
    }
}
