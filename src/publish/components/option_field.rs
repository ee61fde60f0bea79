//! One attribute of the table as a control: which kind follows from what it accepts
//! ([`Control::of`]), so a new attribute appears here with no other change.

use std::rc::Rc;

use yew::prelude::*;

use crate::config::Attribute;
use crate::content::Content;
use crate::publish::model::PublishStrings;
use crate::publish::state::{Action, Control};

use super::{card_checkboxes, choice_checkboxes, choice_radios, choice_select, text_field};

/// What every attribute's control is drawn from.
pub struct Field<'a> {
    /// The attribute's index in the table.
    pub index: usize,
    pub attribute: &'static Attribute,
    /// The control's value.
    pub value: &'a str,
    pub strings: &'a PublishStrings,
    /// The element's warnings about this attribute.
    pub warnings: Vec<&'a str>,
    pub dispatch: &'a Callback<Action>,
}

impl Field<'_> {
    /// The control's id (a group's own id for radios and checkboxes).
    pub fn id(&self) -> String {
        format!("publish-{}", self.attribute.name)
    }

    pub fn hint_id(&self) -> String {
        format!("{}-hint", self.id())
    }

    pub fn warnings_id(&self) -> String {
        format!("{}-warnings", self.id())
    }

    /// The hint, if the page has one for this attribute.
    pub fn hint_text(&self) -> &str {
        self.strings
            .hints
            .get(self.attribute.name)
            .unwrap_or_default()
    }

    /// `aria-describedby`: the hint (when there is one) and the warnings.
    pub fn described_by(&self) -> String {
        if self.hint_text().is_empty() {
            self.warnings_id()
        } else {
            format!("{} {}", self.hint_id(), self.warnings_id())
        }
    }

    pub fn label(&self) -> String {
        self.strings.label(self.attribute.name).to_owned()
    }

    pub fn choice(&self, value: &str) -> String {
        self.strings.choice(self.attribute.name, value).to_owned()
    }

    /// Sets the control's whole value.
    pub fn set(&self) -> Callback<String> {
        let index = self.index;
        self.dispatch.reform(move |value| Action::Set(index, value))
    }

    /// Ticks or unticks one item of a list.
    pub fn tick(&self) -> Callback<(String, bool)> {
        let index = self.index;
        self.dispatch
            .reform(move |(item, on)| Action::Tick(index, item, on))
    }
}

/// `content`: the chosen language's content, for the card list (`None` while loading,
/// `Err` if it failed).
pub fn option_field(field: &Field, content: Option<&Result<Rc<Content>, ()>>) -> Html {
    match Control::of(field.attribute) {
        Control::Radios(choices) => choice_radios(field, &choices),
        Control::Select(choices) => choice_select(field, &choices),
        Control::Checkboxes(choices) => choice_checkboxes(field, &choices),
        Control::Cards => card_checkboxes(field, content),
        Control::Text(suggestions) => text_field(field, &suggestions),
    }
}
