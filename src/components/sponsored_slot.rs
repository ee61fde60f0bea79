use yew::prelude::*;

use crate::config::Cta;
use crate::content::{fill, safe_href, Content};

/// A publisher's call-to-action, always labelled as sponsored and kept apart from the
/// neutral content.
pub fn sponsored_slot(content: &Content, cta: &Cta) -> Html {
    let ui = &content.ui;
    let Some(href) = safe_href(&cta.url) else {
        return Html::default();
    };
    html! {
        <div class="trd-sponsored">
            <p class="trd-sponsored__label">{ fill(&ui.sponsored_by, &[("sponsor", &cta.sponsor)]) }</p>
            <a class="trd-sponsored__link" href={href.to_owned()} rel="sponsored noopener">{ &cta.label }</a>
        </div>
    }
}
