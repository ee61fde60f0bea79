//! The element's own messages about a value, beside its control. Always present (empty when
//! there are none) and polite, so a screen reader hears a problem as it is typed.

use yew::prelude::*;

/// `lang="en"`: the messages are the element's console warnings, which are in English.
pub fn field_warnings(id: String, label: &str, warnings: &[&str]) -> Html {
    html! {
        <div {id} class="publish-warnings" aria-live="polite">
            if !warnings.is_empty() {
                <p class="publish-warnings__label">{ label.to_owned() }</p>
                <ul class="publish-warnings__list" lang="en">
                    { for warnings.iter().map(|w| html! { <li>{ (*w).to_owned() }</li> }) }
                </ul>
            }
        </div>
    }
}
