//! An attribute with a few choices: radio buttons in a fieldset, the default checked.

use yew::prelude::*;

use super::{field_warnings, hint, Field};

pub fn choice_radios(field: &Field, choices: &[&'static str]) -> Html {
    let name = field.attribute.name;
    let group = field.id();
    html! {
        <fieldset class="publish-field publish-field--group" data-attribute={name}
            aria-describedby={field.described_by()}>
            <legend class="publish-field__label">{ field.label() }</legend>
            { hint(field.hint_id(), field.hint_text()) }
            <div class="publish-choices publish-choices--inline">
                { for choices.iter().copied().map(|choice| {
                    let id = format!("{group}-{choice}");
                    let set = field.set();
                    let onchange = Callback::from(move |_: Event| set.emit(choice.to_owned()));
                    html! {
                        <div class="publish-choice">
                            <input type="radio" id={id.clone()} name={group.clone()} value={choice}
                                checked={field.value == choice} {onchange} />
                            <label for={id}>{ field.choice(choice) }</label>
                        </div>
                    }
                }) }
            </div>
            { field_warnings(field.warnings_id(), &field.strings.warnings_label, &field.warnings) }
        </fieldset>
    }
}
