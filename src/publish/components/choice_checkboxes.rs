//! An attribute taking a comma list of choices: a checkbox per choice. None ticked leaves
//! the attribute out (all shown).

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::publish::state::list_items;

use super::{field_warnings, hint, Field};

pub fn choice_checkboxes(field: &Field, choices: &[&'static str]) -> Html {
    let ticked = list_items(field.value);
    let group = field.id();
    let hint_text = match field.hint_text() {
        "" => field.strings.list_all.clone(),
        text => format!("{text} {}", field.strings.list_all),
    };
    html! {
        <fieldset class="publish-field publish-field--group" data-attribute={field.attribute.name}
            aria-describedby={format!("{} {}", field.hint_id(), field.warnings_id())}>
            <legend class="publish-field__label">{ field.label() }</legend>
            { hint(field.hint_id(), &hint_text) }
            <div class="publish-choices">
                { for choices.iter().copied().map(|choice| {
                    let id = format!("{group}-{choice}");
                    let tick = field.tick();
                    let onchange = Callback::from(move |e: Event| {
                        tick.emit((choice.to_owned(), e.target_unchecked_into::<HtmlInputElement>().checked()));
                    });
                    html! {
                        <div class="publish-choice">
                            <input type="checkbox" id={id.clone()} value={choice}
                                checked={ticked.contains(&choice)} {onchange} />
                            <label for={id}>{ field.choice(choice) }</label>
                        </div>
                    }
                }) }
            </div>
            { field_warnings(field.warnings_id(), &field.strings.warnings_label, &field.warnings) }
        </fieldset>
    }
}
