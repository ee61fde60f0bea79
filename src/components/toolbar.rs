use std::rc::Rc;

use yew::prelude::*;

use super::{search_and_filter, view_switcher};
use crate::content::Content;
use crate::search::{Filter, Results};
use crate::state::{Action, View};

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub content: Rc<Content>,
    pub current: View,
    pub question_count: usize,
    pub results: Rc<Results>,
    pub filter: Filter,
    /// The search box's text, as typed.
    pub query: AttrValue,
    /// The match count announced under the search box.
    pub message: AttrValue,
    pub hydrated: bool,
    /// The search-and-filter disclosure, opened by the app when the URL filters.
    pub find: NodeRef,
    pub dispatch: Callback<Action>,
}

/// The view tabs and the search-and-filter disclosure. A component so that opening or
/// closing a card, which changes none of its props, does not rebuild its dozen buttons.
#[function_component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let ToolbarProps {
        content,
        current,
        results,
        dispatch,
        ..
    } = props;
    // Disabled as a whole until the app runs: one switch for every control in it.
    html! {
        <fieldset class="trd-toolbar trd-app-only" disabled={!props.hydrated}>
            { view_switcher(*current, props.question_count, content, dispatch) }
            if *current != View::Questions {
                // "What matters to me" announces its own count, issues included.
                { search_and_filter(content, results, &props.filter, &props.query, &props.message,
                    *current != View::Matters, &props.find, dispatch) }
            }
        </fieldset>
    }
}
