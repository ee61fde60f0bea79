//! When the app panics: every mounted widget shows a readable message that still carries
//! the crisis lines, instead of freezing mid-render.

use std::cell::RefCell;

use web_sys::Element;

use crate::contract;

thread_local! {
    /// Every mounted root with the message to show there if the app ever panics.
    static ROOTS: RefCell<Vec<(Element, String)>> = const { RefCell::new(Vec::new()) };
}

/// Shows `message` in `root` if the app ever panics (installs the hook once).
pub fn watch(root: &Element, message: &str) {
    install_panic_hook();
    ROOTS.with(|r| r.borrow_mut().push((root.clone(), message.to_owned())));
}

/// `root` was removed from the page.
pub fn forget(root: &Element) {
    ROOTS.with(|r| r.borrow_mut().retain(|(el, _)| el != root));
}

/// A watched root was replaced by `by` (a parked app's container).
pub fn moved(root: &Element, by: &Element) {
    ROOTS.with(|r| {
        for (watched, _) in r.borrow_mut().iter_mut() {
            if watched == root {
                *watched = by.clone();
            }
        }
    });
}

fn show_fallback(root: &Element, message: &str) {
    root.set_text_content(None);
    let Some(doc) = root.owner_document() else {
        return;
    };
    if let Ok(p) = doc.create_element("p") {
        p.set_class_name(contract::FALLBACK);
        let _ = p.set_attribute("role", "alert");
        p.set_text_content(Some(message));
        let _ = root.append_child(&p);
    }
}

/// A panic would otherwise leave every instance frozen mid-render: replace each one with
/// a readable message that still carries the crisis lines.
fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        ROOTS.with(|roots| {
            if let Ok(roots) = roots.try_borrow() {
                for (root, message) in roots.iter() {
                    show_fallback(root, message);
                }
            }
        });
    }));
}
