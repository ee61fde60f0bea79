use yew::prelude::*;

use crate::content::Content;
use crate::state::{Action, View};

/// Cards, compare table, what matters to me (when the content has issue cards) or my
/// questions. Focus stays on the pressed button; the change is announced by the live
/// region. My questions shows how many are ticked.
pub fn view_switcher(
    current: View,
    question_count: usize,
    content: &Content,
    dispatch: &Callback<Action>,
) -> Html {
    let ui = &content.ui;
    let questions = if question_count > 0 {
        format!("{} ({question_count})", ui.view_questions)
    } else {
        ui.view_questions.clone()
    };
    let matters = content.matters.as_deref().map(|m| m.strings.tab.clone());
    let views = [
        (View::Cards, Some(ui.view_cards.clone())),
        (View::Compare, Some(ui.view_compare.clone())),
        (View::Matters, matters),
        (View::Questions, Some(questions)),
    ];
    let buttons = views.into_iter().filter_map(|(view, label)| {
        let label = label?;
        let pressed = view == current;
        Some(html! {
            <button type="button" class={classes!("trd-tab", pressed.then_some("trd-tab--current"))}
                aria-pressed={pressed.to_string()}
                onclick={dispatch.reform(move |_| Action::SetView(view))}>
                { label }
            </button>
        })
    });
    html! {
        <div class="trd-views" role="group" aria-label={ui.view_label.clone()}>{ for buttons }</div>
    }
}
