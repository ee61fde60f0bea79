use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExpandAllButtonProps {
    /// Whether every visible card is open.
    pub all_open: bool,
    pub expand_label: AttrValue,
    pub collapse_label: AttrValue,
    /// Space-separated ids of the panels it controls.
    pub controls: AttrValue,
    pub live: bool,
    pub on_click: Callback<bool>,
}

/// "Expand all" / "Collapse all": label and `aria-expanded` follow the cards.
#[function_component]
pub fn ExpandAllButton(props: &ExpandAllButtonProps) -> Html {
    let all_open = props.all_open;
    let onclick = props.on_click.reform(move |_: MouseEvent| !all_open);
    html! {
        <button type="button" class="trd-button trd-expand-all" aria-expanded={all_open.to_string()}
            aria-controls={props.controls.clone()} disabled={!props.live} {onclick}>
            <span class="trd-expand-all__icon" aria-hidden="true"></span>
            { if all_open { props.collapse_label.clone() } else { props.expand_label.clone() } }
        </button>
    }
}
