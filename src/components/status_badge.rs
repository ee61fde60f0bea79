use yew::prelude::*;

use crate::content::Status;

#[derive(Properties, PartialEq)]
pub struct StatusBadgeProps {
    pub status: Status,
    pub label: AttrValue,
}

/// A small label saying how established a treatment is; colour is never the only cue.
#[function_component]
pub fn StatusBadge(props: &StatusBadgeProps) -> Html {
    let class = classes!("trd-badge", format!("trd-badge--{}", props.status.slug()));
    html! { <span {class}>{ props.label.clone() }</span> }
}
