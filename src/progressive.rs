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
//! hydrates it first (see [`on_input`]).

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

/// A copy of a card's props (they hold only shared pointers and small values).
#[cfg(target_arch = "wasm32")]
fn copy(p: &TreatmentCardProps) -> TreatmentCardProps {
    TreatmentCardProps {
        card: p.card.clone(),
        content: p.content.clone(),
        open: p.open,
        level: p.level,
        query: p.query.clone(),
        ticked: p.ticked.clone(),
        dispatch: p.dispatch.clone(),
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

    enum Card {
        /// Adopted as prerendered: hydrate with `first` (what the markup shows), then
        /// update to `latest`.
        Waiting {
            item: Element,
            first: Rc<TreatmentCardProps>,
            latest: Rc<TreatmentCardProps>,
        },
        Live(AppHandle<TreatmentCard>),
        Gone,
    }

    type Shared = Rc<RefCell<Card>>;

    thread_local! {
        /// Cards waiting for hydration, bottom-up.
        static QUEUE: RefCell<Vec<Weak<RefCell<Card>>>> = const { RefCell::new(Vec::new()) };
        static PUMPING: Cell<bool> = const { Cell::new(false) };
        static LISTENING: Cell<bool> = const { Cell::new(false) };
    }

    /// The card's state: `Some` while it is deferred or hydrated as its own app.
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
                            let shared = Rc::new(RefCell::new(Card::Waiting {
                                item,
                                first: latest.clone(),
                                latest: latest.clone(),
                            }));
                            enqueue(&shared);
                            *slot = Some(shared);
                        }
                    }
                    None => {}
                    Some(shared) => {
                        let mut state = shared.borrow_mut();
                        match &mut *state {
                            Card::Live(app) => app.update(copy(latest)),
                            // What it shows changed: the reader is using it, hydrate now.
                            Card::Waiting { latest: l, .. } => {
                                *l = latest.clone();
                                drop(state);
                                hydrate(shared);
                            }
                            Card::Gone => {}
                        }
                    }
                }
            });
        }
        {
            use_effect_with((), move |_| {
                move || {
                    if let Some(shared) = card.borrow_mut().take() {
                        if let Card::Live(app) = shared.replace(Card::Gone) {
                            app.destroy();
                        }
                    }
                }
            });
        }
        deferred
    }

    /// Marks the prerendered cards in `root` for adoption: hydration reads each card's
    /// markup as one raw node, so its component markers become raw-node markers.
    pub fn prepare(root: &Element) {
        let Ok(items) = root.query_selector_all("li.trd-list__item") else {
            return;
        };
        for i in 0..items.length() {
            let Some(item) = items.item(i) else { continue };
            if let (Some(first), Some(last)) = (item.first_child(), item.last_child()) {
                let is_comment = |n: &web_sys::Node| n.node_type() == web_sys::Node::COMMENT_NODE;
                if is_comment(&first) && is_comment(&last) && first != last {
                    first.set_text_content(Some("<#>"));
                    last.set_text_content(Some("</#>"));
                }
            }
        }
    }

    fn enqueue(card: &Shared) {
        QUEUE.with(|q| q.borrow_mut().push(Rc::downgrade(card)));
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
            None => PUMPING.with(|p| p.set(false)),
        }
    }

    fn later(f: fn()) {
        let closure = Closure::once_into_js(f);
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(closure.unchecked_ref());
        }
    }

    fn hydrate(card: &Shared) {
        let state = card.replace(Card::Gone);
        let Card::Waiting {
            item,
            first,
            latest,
        } = state
        else {
            card.replace(state);
            return;
        };
        // Hydration expects the card between component markers (adoption removed the raw
        // ones); the names are not checked.
        if let (Some(open), Some(close)) = (comment(&item, "<[c]>"), comment(&item, "</[c]>")) {
            let _ = item.prepend_with_node_1(&open);
            let _ = item.append_with_node_1(&close);
        }
        let mut app = Renderer::<TreatmentCard>::with_root_and_props(item, copy(&first)).hydrate();
        if latest != first {
            app.update(copy(&latest));
        }
        card.replace(Card::Live(app));
    }

    /// `document.createComment`, called directly (no web-sys binding is compiled for it).
    fn comment(near: &Element, text: &str) -> Option<web_sys::Node> {
        let doc = near.owner_document()?;
        let create: js_sys::Function = js_sys::Reflect::get(&doc, &"createComment".into())
            .ok()?
            .dyn_into()
            .ok()?;
        create.call1(&doc, &text.into()).ok()?.dyn_into().ok()
    }

    /// The reader reaches for a card not hydrated yet: hydrate it before the click lands.
    /// A click from a real input hydrates it in time (the app's listeners are added before
    /// the event reaches the card); a scripted `click()` does not let that happen, so the
    /// card's toggle is dispatched here instead.
    fn on_input(event: &Event) {
        if QUEUE.with(|q| q.borrow().is_empty()) {
            return;
        }
        let path = event.composed_path();
        let waiting = QUEUE.with(|q| {
            let q = q.borrow();
            path.iter().find_map(|node| {
                let el = node.dyn_into::<Element>().ok()?;
                q.iter()
                    .filter_map(Weak::upgrade)
                    .find(|c| matches!(&*c.borrow(), Card::Waiting { item, .. } if *item == el))
            })
        });
        let Some(card) = waiting else { return };
        let scripted_toggle = event.type_() == "click"
            && !event.is_trusted()
            && path.iter().any(|n| {
                n.dyn_ref::<Element>()
                    .is_some_and(|el| el.class_list().contains("trd-card__button"))
            });
        let latest = match &*card.borrow() {
            Card::Waiting { latest, .. } => Some(latest.clone()),
            _ => None,
        };
        hydrate(&card);
        if let (true, Some(p)) = (scripted_toggle, latest) {
            p.dispatch.emit(Action::Flip(p.card.id.clone()));
        }
    }

    /// One set of listeners for the page (open shadow roots included), in the capture
    /// phase, so they run before the event reaches any card.
    fn listen() {
        if LISTENING.with(|l| l.replace(true)) {
            return;
        }
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let handler = Closure::<dyn Fn(Event)>::new(|e: Event| on_input(&e));
        for kind in ["pointerdown", "keydown", "focusin", "click"] {
            let _ = doc.add_event_listener_with_callback_and_bool(
                kind,
                handler.as_ref().unchecked_ref(),
                true,
            );
        }
        // Lives as long as the page, like the listeners.
        handler.forget();
    }
}
