//! The one place that knows Yew's hydration comment markers, which are not part of its
//! public API (yew 0.23: `virtual_dom::Collectable`).
//!
//! Server-side rendering with `hydratable(true)` brackets every component's markup with
//! `<!--<[Name]>-->` … `<!--</[Name]>-->` and every raw HTML node with `<!--<#>-->` …
//! `<!--</#>-->`; hydration reads them back (the name is not checked). Progressive
//! hydration (src/progressive.rs) relies on exactly that: the explainer's first render
//! adopts each prerendered card as a raw node (so its component markers are rewritten as
//! raw-node markers), and each card later hydrates as an app of its own (so component
//! markers are put back around it). tests/yew_markers.rs renders with the pinned Yew and
//! fails if these markers change; nothing else in the project names them.

/// Opens a component's markup: `<[` + name + `]>` (the name only in debug builds).
pub const COMPONENT_OPEN: (&str, &str) = ("<[", "]>");
/// Closes a component's markup: `</[` + name + `]>`.
pub const COMPONENT_CLOSE: (&str, &str) = ("</[", "]>");
/// Opens a raw HTML node's markup.
pub const RAW_OPEN: &str = "<#>";
/// Closes a raw HTML node's markup.
pub const RAW_CLOSE: &str = "</#>";
/// The component markers this module writes: the name is never checked.
pub const ANY_COMPONENT: (&str, &str) = ("<[c]>", "</[c]>");

#[cfg(target_arch = "wasm32")]
pub use browser::{adopt_as_raw, bracket_as_component};

#[cfg(target_arch = "wasm32")]
mod browser {
    use wasm_bindgen::JsCast;
    use web_sys::{Element, Node};

    /// Turns the component markers around `parent`'s prerendered content into raw-node
    /// markers, so hydrating a raw node there adopts the content without reading it.
    pub fn adopt_as_raw(parent: &Element) {
        if let (Some(first), Some(last)) = (parent.first_child(), parent.last_child()) {
            let is_comment = |n: &Node| n.node_type() == Node::COMMENT_NODE;
            if is_comment(&first) && is_comment(&last) && first != last {
                first.set_text_content(Some(super::RAW_OPEN));
                last.set_text_content(Some(super::RAW_CLOSE));
            }
        }
    }

    /// Brackets `parent`'s content with component markers (hydrating it as a raw node
    /// removed the raw ones), so a component can hydrate it as the root of an app.
    pub fn bracket_as_component(parent: &Element) {
        let (open, close) = super::ANY_COMPONENT;
        if let (Some(open), Some(close)) = (comment(parent, open), comment(parent, close)) {
            let _ = parent.prepend_with_node_1(&open);
            let _ = parent.append_with_node_1(&close);
        }
    }

    /// `document.createComment`, called directly (no web-sys binding is compiled for it).
    fn comment(near: &Element, text: &str) -> Option<Node> {
        let doc = near.owner_document()?;
        let create: js_sys::Function = js_sys::Reflect::get(&doc, &"createComment".into())
            .ok()?
            .dyn_into()
            .ok()?;
        create.call1(&doc, &text.into()).ok()?.dyn_into().ok()
    }
}
