use yew::prelude::*;

use crate::state::View;

#[derive(Properties, PartialEq)]
pub struct ViewSwitcherProps {
    pub current: View,
    /// (view, label)
    pub views: Vec<(View, String)>,
    pub group_label: AttrValue,
    pub live: bool,
    pub on_select: Callback<View>,
}

/// Cards, compare table or my questions. Focus stays on the pressed button; the change
/// is announced by the live region.
#[function_component]
pub fn ViewSwitcher(props: &ViewSwitcherProps) -> Html {
    let buttons = props.views.iter().map(|(view, label)| {
        let view = *view;
        let pressed = view == props.current;
        html! {
            <button type="button" class={classes!("trd-tab", pressed.then_some("trd-tab--current"))}
                aria-pressed={pressed.to_string()} disabled={!props.live}
                onclick={props.on_select.reform(move |_| view)}>
                { label.clone() }
            </button>
        }
    });
    html! {
        <div class="trd-views" role="group" aria-label={props.group_label.clone()}>{ for buttons }</div>
    }
}
