//! The contract of the phase before the app: what the build's markup promises the two
//! scripts that run before (or without) the wasm, and what they hand to the app.
//!
//! **Who is involved.** The build (src/prerender/) writes the explainer as HTML: the
//! standalone pages, the fragments and each language's body for a bare snippet. The
//! loader (static/trd-explainer.js) owns the `<trd-explainer>` element, its shadow root
//! and the start of the wasm; the accordion (static/trd-accordion.js) makes the
//! prerendered cards work from first paint. The wasm (src/mount/) then hydrates the
//! markup or renders afresh.
//!
//! **What the markup promises.** The names in [`NAMES`], and nothing else: the widget's
//! root is a `.trd` section with its language in `lang`; each treatment card is a
//! `.trd-card` whose id is the card's slug, holding one `.trd-card__button`
//! (`aria-expanded`) and one `.trd-card__panel` (`hidden="until-found"` when closed), in
//! a `li.trd-list__item`; an open card also has `.trd-card--open`. An element keeps its
//! markup in a `.trd-root` container of its shadow root; the standalone page's container
//! carries `data-trd-standalone` and the same configuration attributes as an element. The
//! app marks its root `.trd--live` once it owns it and announces `trd-explainer:ready`.
//! Every name is declared here once; the build writes [`NAMES`] into both scripts
//! (`__TRD_NAMES__`, see [`names_json`]) and tests/contract.rs fails if a script uses a
//! `trd` name not declared here, or if the markup lacks one it promises.
//!
//! **Who decides whether markup can be hydrated: the loader, alone.** It decides before
//! the wasm exists (a bare snippet's body must be shown, or not, at once), by a rule the
//! build derives from the Rust side (src/prerendered.rs, `__TRD_PRERENDERED_WITH__`): no
//! JSON configuration, no attribute that changes the first render, the markup's language
//! is the element's, and the crisis line that would lead is the one the markup leads with.
//! It passes its answer to `new Widget(…, hydrate)`; the wasm never second-guesses it. The
//! standalone page is always hydrated: the build rendered it from the same attributes the
//! wasm reads.
//!
//! **One hand-over of what the reader did before the app: the markup itself.** The
//! accordion (clicks, Enter/Space, Expand all, a `#card` link, a shared text fragment,
//! find-in-page) only ever changes the markup's state: a card is open when it has
//! `.trd-card--open`. When the wasm mounts, whether it hydrates or renders afresh, it reads
//! the open cards from the markup before anything else ([`opened_cards`]), starts with them
//! open, and once ready reports each as a `trd-explainer:toggle` event. The accordion
//! stops touching a root once it is `.trd--live` or has announced `ready`.
//!
//! **Language and crisis line.** A tag's language is its primary subtag (`es-MX` → `es`);
//! the crisis line that leads follows `config::lead_region`. The loader needs both before
//! the wasm: it gets each locale's default line and the country codes that have a line
//! of their own (`__TRD_CRISIS__`, `__TRD_REGIONS__`), and the crisis lines in the
//! content's order with the emergency numbers last ([`crisis_order`] without a lead); it
//! only lifts the line that leads to the top, which gives the banner's order. A new language is a new locale file: nothing here or in the
//! scripts names one.

use crate::content::{CrisisLine, Region};

/// The custom element.
pub const ELEMENT: &str = "trd-explainer";
/// The app has rendered for the first time (the accordion hands over).
pub const EVENT_READY: &str = "trd-explainer:ready";
/// A card was opened or closed (`detail: { id, open }`).
pub const EVENT_TOGGLE: &str = "trd-explainer:toggle";
/// The view changed (`detail: { view, issues }`).
pub const EVENT_VIEW: &str = "trd-explainer:view";
/// An element's container in its shadow root, holding the widget.
pub const CONTAINER: &str = "trd-root";
/// The widget's root section.
pub const WIDGET: &str = "trd";
/// On the widget's root once the app owns it.
pub const LIVE: &str = "trd--live";
/// The crisis lines the loader shows before the app (not hydratable).
pub const EARLY: &str = "trd--early";
/// The loader's status line inside [`EARLY`].
pub const EARLY_STATUS: &str = "trd-early__status";
/// The widget's inner wrapper.
pub const INNER: &str = "trd-inner";
/// A treatment card (its id is the card's slug).
pub const CARD: &str = "trd-card";
/// On an open card.
pub const CARD_OPEN: &str = "trd-card--open";
/// A card's header button (`aria-expanded`).
pub const CARD_BUTTON: &str = "trd-card__button";
/// A card's panel (`hidden="until-found"` when closed).
pub const CARD_PANEL: &str = "trd-card__panel";
/// The list item holding a card; progressive hydration adopts it (src/progressive.rs).
pub const LIST_ITEM: &str = "trd-list__item";
/// On a list item whose card waits for its own hydration.
pub const WAITING: &str = "data-trd-waiting";
/// The Expand all / Collapse all button.
pub const EXPAND_ALL: &str = "trd-expand-all";
/// A "My questions" checkbox (needs the app).
pub const QUESTION_BOX: &str = "trd-question__box";
/// The toolbar (search, filters, views: needs the app).
pub const TOOLBAR: &str = "trd-toolbar";
/// On a widget's parent where the app cannot run: its controls are hidden.
pub const STATIC: &str = "trd-static";
/// The one-line note saying why.
pub const STATIC_NOTE: &str = "trd-static-note";
/// On a container whose app failed without the accordion (CSS shows every card).
pub const NO_APP: &str = "trd-no-app";
/// The message that replaces a widget whose app panicked.
pub const FALLBACK: &str = "trd-fallback";
/// The standalone page's container.
pub const STANDALONE: &str = "data-trd-standalone";
/// The widget stylesheet's `<link>` in a shadow root.
pub const STYLESHEET: &str = "data-trd";
/// The height an element reserves until its app has drawn.
pub const RESERVE_HEIGHT: &str = "--trd-reserve-height";
/// The crisis block's classes (the loader's copy before the app, and the banner's).
pub const SAFETY: &str = "trd-safety";
pub const SAFETY_HEADING: &str = "trd-safety__heading";
pub const SAFETY_LINES: &str = "trd-safety__lines";
pub const SAFETY_LINE: &str = "trd-safety__line";
pub const SAFETY_WHO: &str = "trd-safety__who";
pub const SAFETY_DETAIL: &str = "trd-safety__detail";
pub const SAFETY_CONTACTS: &str = "trd-safety__contacts";
pub const SAFETY_LINK: &str = "trd-safety__link";

/// Every name the scripts may use, under the key they use it by (`NAMES.card`).
pub const NAMES: &[(&str, &str)] = &[
    ("element", ELEMENT),
    ("ready", EVENT_READY),
    ("toggle", EVENT_TOGGLE),
    ("view", EVENT_VIEW),
    ("container", CONTAINER),
    ("widget", WIDGET),
    ("live", LIVE),
    ("early", EARLY),
    ("earlyStatus", EARLY_STATUS),
    ("inner", INNER),
    ("card", CARD),
    ("cardOpen", CARD_OPEN),
    ("cardButton", CARD_BUTTON),
    ("cardPanel", CARD_PANEL),
    ("listItem", LIST_ITEM),
    ("waiting", WAITING),
    ("expandAll", EXPAND_ALL),
    ("questionBox", QUESTION_BOX),
    ("toolbar", TOOLBAR),
    ("static", STATIC),
    ("staticNote", STATIC_NOTE),
    ("noApp", NO_APP),
    ("fallback", FALLBACK),
    ("standalone", STANDALONE),
    ("stylesheet", STYLESHEET),
    ("reserveHeight", RESERVE_HEIGHT),
    ("safety", SAFETY),
    ("safetyHeading", SAFETY_HEADING),
    ("safetyLines", SAFETY_LINES),
    ("safetyLine", SAFETY_LINE),
    ("safetyWho", SAFETY_WHO),
    ("safetyDetail", SAFETY_DETAIL),
    ("safetyContacts", SAFETY_CONTACTS),
    ("safetyLink", SAFETY_LINK),
    ("defaultLocale", crate::content::DEFAULT_LOCALE),
];

/// The names the build's markup always carries (tests/contract.rs renders it and checks).
pub const IN_MARKUP: &[&str] = &[
    WIDGET,
    CARD,
    CARD_BUTTON,
    CARD_PANEL,
    LIST_ITEM,
    EXPAND_ALL,
    QUESTION_BOX,
    TOOLBAR,
    SAFETY,
    SAFETY_LINE,
    SAFETY_WHO,
    SAFETY_LINK,
];

/// [`NAMES`] as a JSON object, for `__TRD_NAMES__` in the scripts.
pub fn names_json() -> String {
    let fields: Vec<String> = NAMES
        .iter()
        .map(|(key, value)| format!("\"{key}\":\"{value}\""))
        .collect();
    format!("{{{}}}", fields.join(","))
}

/// Where a line goes in a crisis list led by `lead`: that line first, the emergency
/// numbers last, every other line in the content's order between.
pub fn crisis_rank(region: Region, lead: Option<Region>) -> u8 {
    match region {
        r if Some(r) == lead => 0,
        Region::Emergency => 2,
        _ => 1,
    }
}

/// `lines` in the order a list led by `lead` shows them (a stable sort by [`crisis_rank`]).
/// Without a lead, the order the loader gets: it lifts the line that leads to the top.
pub fn crisis_order(lines: &[CrisisLine], lead: Option<Region>) -> Vec<&CrisisLine> {
    let mut ordered: Vec<&CrisisLine> = lines.iter().collect();
    crate::collections::sort_by(&mut ordered, |a, b| {
        crisis_rank(a.region, lead).cmp(&crisis_rank(b.region, lead))
    });
    ordered
}

/// The ids of the cards open in prerendered markup under `root`: what the reader opened
/// before the app (the one hand-over, see the module's documentation).
#[cfg(target_arch = "wasm32")]
pub fn opened_cards(root: &web_sys::Element) -> Vec<String> {
    use wasm_bindgen::JsCast;
    let selector = format!(".{CARD}.{CARD_OPEN}");
    let Ok(list) = root.query_selector_all(&selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .map(|el| el.id())
        .filter(|id| !id.is_empty())
        .collect()
}
