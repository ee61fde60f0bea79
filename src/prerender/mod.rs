//! Build-time rendering (native only): the explainer as HTML for the standalone pages,
//! the fragments and the bare snippet's bodies, and everything the build writes around it.
//! The browser then hydrates this markup instead of rendering it again; what the markup
//! promises the scripts and the app is written down in src/contract.rs.
//!
//! One job per file: rendering (here), the page's words from the locale files
//! ([`words`]), structured data ([`structured_data`]), asset naming and the module forms
//! of files ([`assets`]), the scripts the build fills in ([`scripts`]), the standalone
//! page ([`page`]) and its language versions ([`languages`]), and the fragment
//! ([`fragment`]).

use std::rc::Rc;

use crate::app::{Explainer, ExplainerProps};
use crate::config::{self, JsonConfig, Options};
use crate::content::Content;
use crate::slot::{Shown, Slot, SlotProps};

pub mod assets;
pub mod fragment;
pub mod languages;
pub mod page;
pub mod scripts;
pub mod structured_data;
pub mod words;

pub use assets::*;
pub use fragment::*;
pub use languages::*;
pub use page::*;
pub use scripts::*;
pub use structured_data::*;
pub use words::*;

/// The explainer's HTML as Yew renders it on the server, with hydration markers.
pub fn render_widget(options: Options) -> Result<String, String> {
    let (content, _) = config::resolve(&options, &JsonConfig::default())?;
    render_content(content, options)
}

/// [`render_widget`] of content already resolved: any locale's, built in or not.
pub fn render_content(content: Rc<Content>, options: Options) -> Result<String, String> {
    let props = ExplainerProps {
        content,
        options: Rc::new(options),
        on_event: Default::default(),
        progressive: false,
    };
    block_on(async move {
        yew::LocalServerRenderer::<Explainer>::with_props(props)
            .hydratable(true)
            .render()
            .await
    })
}

/// The markup a `<trd-explainer>` hydrates (the fragments, the bare snippet's body): the
/// explainer inside the element's [`Slot`](crate::slot::Slot), as its app renders it.
pub fn render_embed(options: Options) -> Result<String, String> {
    let (content, _) = config::resolve(&options, &JsonConfig::default())?;
    let shown = Shown {
        key: 0,
        content,
        options: Rc::new(options),
        on_event: Default::default(),
        progressive: false,
    };
    block_on(async move {
        yew::LocalServerRenderer::<Slot>::with_props(SlotProps { shown: Some(shown) })
            .hydratable(true)
            .render()
            .await
    })
}

/// Runs a server render to completion on this thread.
fn block_on(render: impl std::future::Future<Output = String>) -> Result<String, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    Ok(tokio::task::LocalSet::new().block_on(&runtime, render))
}

/// Escapes text for an HTML text node or a double-quoted attribute.
pub fn escape(text: &str) -> String {
    html_escape::encode_double_quoted_attribute(text).into_owned()
}
