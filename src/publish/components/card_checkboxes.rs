//! An attribute taking card slugs (`open`): a checkbox per card of the chosen language,
//! named by its title. A ticked card the other options hide is named by the element's own
//! warning.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::content::Content;
use crate::publish::state::list_items;

use super::{field_warnings, hint, Field};

pub fn card_checkboxes(field: &Field, content: Option<&Result<Rc<Content>, ()>>) -> Html {
    let ticked = list_items(field.value);
    let group = field.id();
    let cards = match content {
        Some(Ok(content)) => html! {
            <div class="publish-choices publish-choices--columns">
                { for content.cards.iter().map(|card| {
                    let id = format!("{group}-{}", card.id);
                    let slug = card.id.clone();
                    let tick = field.tick();
                    let onchange = Callback::from(move |e: Event| {
                        tick.emit((slug.clone(), e.target_unchecked_into::<HtmlInputElement>().checked()));
                    });
                    html! {
                        <div class="publish-choice">
                            <input type="checkbox" id={id.clone()} value={card.id.clone()}
                                checked={ticked.contains(&card.id.as_str())} {onchange} />
                            <label for={id}>{ card.title.clone() }</label>
                        </div>
                    }
                }) }
            </div>
        },
        Some(Err(())) => {
            html! { <p class="publish-note">{ field.strings.cards_failed.clone() }</p> }
        }
        None => html! { <p class="publish-note">{ field.strings.cards_loading.clone() }</p> },
    };
    html! {
        <fieldset class="publish-field publish-field--group" data-attribute={field.attribute.name}
            aria-describedby={field.described_by()}>
            <legend class="publish-field__label">{ field.label() }</legend>
            { hint(field.hint_id(), field.hint_text()) }
            { cards }
            { field_warnings(field.warnings_id(), &field.strings.warnings_label, &field.warnings) }
        </fieldset>
    }
}
