//! The publisher page's views, one per file, named for what the publisher sees. The root
//! ([`Publisher`]) is the one component (it holds the state and the hooks); the rest are
//! functions of what they show.

mod card_checkboxes;
mod choice_checkboxes;
mod choice_radios;
mod choice_select;
mod code_form;
mod color_fields;
mod cta_fields;
mod field_warnings;
mod option_field;
mod preview;
mod publisher;
mod text_field;

pub use card_checkboxes::card_checkboxes;
pub use choice_checkboxes::choice_checkboxes;
pub use choice_radios::choice_radios;
pub use choice_select::choice_select;
pub use code_form::{code_form, CodeView};
pub use color_fields::color_fields;
pub use cta_fields::cta_fields;
pub use field_warnings::field_warnings;
pub use option_field::{option_field, Field};
pub use preview::preview;
pub use publisher::{Publisher, PublisherProps};
pub use text_field::text_field;

use yew::prelude::*;

/// A line under a control that its `aria-describedby` points to.
pub fn hint(id: String, text: &str) -> Html {
    if text.is_empty() {
        return Html::default();
    }
    html! { <p {id} class="publish-hint">{ text.to_owned() }</p> }
}
