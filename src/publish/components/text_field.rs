//! An attribute taking free text: a text input, with the table's suggestions (the
//! languages, for `lang`) offered as a list. Empty leaves the attribute out.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{field_warnings, hint, Field};

pub fn text_field(field: &Field, suggestions: &[&'static str]) -> Html {
    let set = field.set();
    let oninput = Callback::from(move |e: InputEvent| {
        set.emit(e.target_unchecked_into::<HtmlInputElement>().value());
    });
    let list_id = format!("{}-suggestions", field.id());
    html! {
        <div class="publish-field" data-attribute={field.attribute.name}>
            <label class="publish-field__label" for={field.id()}>{ field.label() }</label>
            { hint(field.hint_id(), field.hint_text()) }
            <input type="text" id={field.id()} class="publish-input" value={field.value.to_owned()}
                autocomplete="off" spellcheck="false"
                list={(!suggestions.is_empty()).then(|| list_id.clone())}
                aria-describedby={field.described_by()}
                aria-invalid={(!field.warnings.is_empty()).then_some("true")} {oninput} />
            if !suggestions.is_empty() {
                <datalist id={list_id}>
                    { for suggestions.iter().map(|s| html! {
                        <option value={*s}>{ field.choice(s) }</option>
                    }) }
                </datalist>
            }
            { field_warnings(field.warnings_id(), &field.strings.warnings_label, &field.warnings) }
        </div>
    }
}
