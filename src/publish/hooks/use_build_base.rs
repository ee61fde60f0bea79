//! Where the build is served from, as an absolute URL: the code a publisher copies must
//! point there from any other site.

use std::rc::Rc;

use yew::prelude::*;

/// The build's root: its public URL when that is absolute (a CDN), else this page's
/// address resolved against `root` (the way from this page to the build's root).
#[hook]
pub fn use_build_base(public_url: &str, root: &str) -> Rc<str> {
    let key = (public_url.to_owned(), root.to_owned());
    let base = use_memo(key, |(public_url, root)| -> Rc<str> {
        if public_url.starts_with("https://") || public_url.starts_with("http://") {
            let slash = if public_url.ends_with('/') { "" } else { "/" };
            return Rc::from(format!("{public_url}{slash}"));
        }
        let here = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        let root = if root.is_empty() { "./" } else { root.as_str() };
        let base = web_sys::Url::new_with_base(root, &here)
            .map(|u| u.href())
            .unwrap_or(here);
        Rc::from(base)
    });
    (*base).clone()
}
