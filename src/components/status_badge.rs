use yew::prelude::*;

use crate::content::Status;

/// A small label saying how established a treatment is; colour is never the only cue.
pub fn status_badge(status: Status, label: &str) -> Html {
    let class = classes!("trd-badge", format!("trd-badge--{}", status.slug()));
    html! { <span {class}>{ label.to_owned() }</span> }
}
