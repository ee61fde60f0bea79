use std::rc::Rc;

use yew::prelude::*;

use crate::content::{Content, Region};

#[derive(Properties, PartialEq)]
pub struct CrisisStripProps {
    pub content: Rc<Content>,
    pub region: Region,
}

/// A one-line crisis contact that stays in view while the reader scrolls the widget.
#[function_component]
pub fn CrisisStrip(props: &CrisisStripProps) -> Html {
    let safety = &props.content.safety;
    let lead = safety.lines.iter().find(|l| l.region == props.region);
    let intl = safety.lines.iter().find(|l| l.region == Region::Intl);
    let mut contacts: Vec<_> = lead
        .into_iter()
        .chain(intl)
        .filter_map(|l| l.strip_contact.as_ref())
        .collect();
    contacts.dedup();
    html! {
        <div class="trd-strip">
            <p class="trd-strip__text">
                <strong class="trd-strip__label">{ &safety.strip }</strong>
                { for contacts.into_iter().map(|c| html! {
                    <>{ " " }<a class="trd-strip__link" href={c.href.clone()}>{ &c.label }</a></>
                }) }
            </p>
        </div>
    }
}
