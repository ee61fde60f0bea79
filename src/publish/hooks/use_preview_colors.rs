//! Sets the preview element's colours as custom properties through the CSSOM (a strict
//! Content-Security-Policy refuses style attributes, not the CSSOM).

use yew::prelude::*;

/// `all` is every property the page offers (a colour set back to the default is removed);
/// `set` is what to set now.
#[hook]
pub fn use_preview_colors(element: &NodeRef, all: Vec<String>, set: Vec<(String, String)>) {
    let element = element.clone();
    use_effect_with((all, set), move |(all, set)| {
        if let Some(el) = element.cast::<web_sys::HtmlElement>() {
            let style = el.style();
            for property in all {
                match set.iter().find(|(p, _)| p == property) {
                    Some((_, value)) => {
                        let _ = style.set_property(property, value);
                    }
                    None => {
                        let _ = style.remove_property(property);
                    }
                }
            }
        }
    });
}
