use std::rc::Rc;

use yew::prelude::*;

use crate::config::Cta;
use crate::content::{fill, safe_href, Content};

#[derive(Properties, PartialEq)]
pub struct SponsoredSlotProps {
    pub content: Rc<Content>,
    pub cta: Cta,
}

/// A publisher's call-to-action, always labelled as sponsored and kept apart from the
/// neutral content.
#[function_component]
pub fn SponsoredSlot(props: &SponsoredSlotProps) -> Html {
    let ui = &props.content.ui;
    let Some(href) = safe_href(&props.cta.url) else {
        return Html::default();
    };
    html! {
        <div class="trd-sponsored">
            <p class="trd-sponsored__label">{ fill(&ui.sponsored_by, &[("sponsor", &props.cta.sponsor)]) }</p>
            <a class="trd-sponsored__link" href={href.to_owned()} rel="sponsored noopener">{ &props.cta.label }</a>
        </div>
    }
}
