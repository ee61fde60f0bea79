use yew::prelude::*;

use crate::state::View;

/// Cards, compare table or my questions. Focus stays on the pressed button; the change is
/// announced by the live region. `views` are (view, label).
pub fn view_switcher(
    current: View,
    views: &[(View, String)],
    group_label: &str,
    live: bool,
    on_select: &Callback<View>,
) -> Html {
    let buttons = views.iter().map(|(view, label)| {
        let view = *view;
        let pressed = view == current;
        html! {
            <button type="button" class={classes!("trd-tab", pressed.then_some("trd-tab--current"))}
                aria-pressed={pressed.to_string()} disabled={!live}
                onclick={on_select.reform(move |_| view)}>
                { label.clone() }
            </button>
        }
    });
    html! {
        <div class="trd-views" role="group" aria-label={group_label.to_owned()}>{ for buttons }</div>
    }
}
