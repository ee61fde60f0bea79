//! An attribute with many choices: a list whose first entry leaves the attribute out (for
//! `crisis-region`, "not set" lets a regional `lang` choose, which a set value would not).

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::content::fill;
use crate::publish::state::default_value;

use super::{field_warnings, hint, Field};

pub fn choice_select(field: &Field, choices: &[&'static str]) -> Html {
    let set = field.set();
    let onchange = Callback::from(move |e: Event| {
        set.emit(e.target_unchecked_into::<HtmlSelectElement>().value());
    });
    let default = field.choice(&default_value(field.attribute));
    html! {
        <div class="publish-field" data-attribute={field.attribute.name}>
            <label class="publish-field__label" for={field.id()}>{ field.label() }</label>
            { hint(field.hint_id(), field.hint_text()) }
            <select id={field.id()} aria-describedby={field.described_by()}
                aria-invalid={(!field.warnings.is_empty()).then_some("true")} {onchange}>
                <option value="" selected={field.value.is_empty()}>
                    { fill(&field.strings.not_set, &[("value", &default)]) }
                </option>
                { for choices.iter().map(|choice| html! {
                    <option value={*choice} selected={field.value == *choice}>{ field.choice(choice) }</option>
                }) }
            </select>
            { field_warnings(field.warnings_id(), &field.strings.warnings_label, &field.warnings) }
        </div>
    }
}
