//! The reader's ticked questions kept for the session (quietly nothing when storage is
//! blocked).

use std::rc::Rc;

use yew::prelude::*;

use crate::browser;
use crate::content::Content;
use crate::questions::Questions;
use crate::state::{Action, ExplainerState};

/// `instance_key` keeps several widgets on one page apart.
#[hook]
pub fn use_saved_questions(
    state: &UseReducerHandle<ExplainerState>,
    content: &Rc<Content>,
    instance_key: &str,
) {
    let key = format!("trd-explainer:{instance_key}:questions");
    {
        let (state, content, key) = (state.clone(), content.clone(), key.clone());
        use_effect_with((), move |_| {
            if let Some(saved) = browser::session_get(&key) {
                state.dispatch(Action::RestoreQuestions(Questions::decode(
                    &saved, &content,
                )));
            }
        });
    }
    use_effect_with(
        (state.hydrated, state.questions.clone()),
        move |(hydrated, questions)| {
            if *hydrated {
                browser::session_set(&key, &questions.encode());
            }
        },
    );
}
