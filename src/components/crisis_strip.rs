use yew::prelude::*;

use crate::content::{Content, Region};

/// A one-line crisis contact pinned to the top of the widget while the reader scrolls
/// through it, `shown` once the full safety banner has scrolled out of view. It overlays
/// rather than takes space, so showing it never shifts layout; while hidden it is out of
/// the tab order and the accessibility tree.
pub fn crisis_strip(content: &Content, region: Region, shown: bool) -> Html {
    let safety = &content.safety;
    let lead = safety.lines.iter().find(|l| l.region == region);
    let intl = safety.lines.iter().find(|l| l.region == Region::Intl);
    let mut contacts: Vec<_> = lead
        .into_iter()
        .chain(intl)
        .filter_map(|l| l.strip_contact.as_ref())
        .collect();
    contacts.dedup();
    let class = classes!("trd-strip", shown.then_some("trd-strip--shown"));
    html! {
        <div class="trd-strip-anchor">
            <div {class}>
                <p class="trd-strip__text">
                    <strong class="trd-strip__label">{ &safety.strip }</strong>
                    { for contacts.into_iter().map(|c| html! {
                        <a class="trd-strip__link" href={c.href.clone()}>{ &c.label }</a>
                    }) }
                </p>
            </div>
        </div>
    }
}
