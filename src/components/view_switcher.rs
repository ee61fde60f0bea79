use yew::prelude::*;

use crate::content::UiStrings;
use crate::state::{Action, View};

/// Cards, compare table or my questions. Focus stays on the pressed button; the change is
/// announced by the live region. My questions shows how many are ticked.
pub fn view_switcher(
    current: View,
    question_count: usize,
    ui: &UiStrings,
    dispatch: &Callback<Action>,
) -> Html {
    let questions = if question_count > 0 {
        format!("{} ({question_count})", ui.view_questions)
    } else {
        ui.view_questions.clone()
    };
    let views = [
        (View::Cards, ui.view_cards.clone()),
        (View::Compare, ui.view_compare.clone()),
        (View::Questions, questions),
    ];
    let buttons = views.into_iter().map(|(view, label)| {
        let pressed = view == current;
        html! {
            <button type="button" class={classes!("trd-tab", pressed.then_some("trd-tab--current"))}
                aria-pressed={pressed.to_string()}
                onclick={dispatch.reform(move |_| Action::SetView(view))}>
                { label }
            </button>
        }
    });
    html! {
        <div class="trd-views" role="group" aria-label={ui.view_label.clone()}>{ for buttons }</div>
    }
}
