//! One form of code: what it is, notes about it, the code in a text area and a button that
//! copies it.

use yew::prelude::*;

use crate::content::fill;
use crate::publish::model::PublishStrings;
use crate::publish::state::CodeForm;

/// A form as the page shows it.
pub struct CodeView {
    pub form: CodeForm,
    pub title: String,
    pub hint: String,
    pub notes: Vec<String>,
    /// The code, or why there is none yet (loading, failed).
    pub code: Result<String, String>,
}

pub fn code_form(
    view: CodeView,
    strings: &PublishStrings,
    area: &NodeRef,
    on_copy: &Callback<(CodeForm, String, NodeRef)>,
) -> Html {
    let id = format!("publish-code-{}", view.form.slug());
    let body = match view.code {
        Ok(code) => {
            let onclick = {
                let (on_copy, area, form, code) =
                    (on_copy.clone(), area.clone(), view.form, code.clone());
                Callback::from(move |_: MouseEvent| {
                    on_copy.emit((form, code.clone(), area.clone()))
                })
            };
            html! {
                <>
                    <label class="publish-visually-hidden" for={id.clone()}>
                        { fill(&strings.code_label, &[("form", &view.title)]) }
                    </label>
                    <textarea id={id.clone()} class="publish-code__text" readonly=true rows="8"
                        spellcheck="false" value={code} ref={area.clone()} />
                    <button type="button" class="publish-button" {onclick}>
                        { strings.copy.clone() }
                        <span class="publish-visually-hidden">{ format!(": {}", view.title) }</span>
                    </button>
                </>
            }
        }
        Err(why) => html! { <p class="publish-note">{ why }</p> },
    };
    html! {
        <section class="publish-code__form" data-form={view.form.slug()} aria-labelledby={format!("{id}-title")}>
            <h3 id={format!("{id}-title")}>{ view.title.clone() }</h3>
            <p class="publish-hint">{ view.hint }</p>
            { for view.notes.into_iter().map(|n| html! { <p class="publish-note">{ n }</p> }) }
            { body }
        </section>
    }
}
