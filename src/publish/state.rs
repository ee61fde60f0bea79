//! The publisher page's state: what the publisher has chosen, how the preview is shown and
//! the last copy. One state, one action enum, one reducer; the code and the checks are
//! derived from it (see [`Embed`](super::embed::Embed)).

use std::rc::Rc;

use yew::Reducible;

use crate::config::{Accepts, Attribute, Options, ATTRIBUTES};
use crate::slug::slug_enum;

slug_enum! {
    /// How wide the preview is.
    pub enum PreviewWidth {
        Phone = "phone",
        Column = "column",
        Full = "full",
    }
}

slug_enum! {
    /// The reader's light or dark setting the preview shows (for the automatic theme).
    pub enum Scheme {
        Light = "light",
        Dark = "dark",
    }
}

slug_enum! {
    /// A form of code a publisher can copy.
    pub enum CodeForm {
        Snippet = "snippet",
        Fragment = "fragment",
        Iframe = "iframe",
    }
}

slug_enum! {
    /// One field of the sponsored call-to-action (the JSON `cta`).
    pub enum CtaField {
        Label = "label",
        Url = "url",
        Sponsor = "sponsor",
    }
}

/// The control the page offers for an attribute, derived from what it accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Control {
    /// A few choices: radio buttons. Always one chosen; the default means "not set".
    Radios(Vec<&'static str>),
    /// Many choices: a list, whose first entry leaves the attribute out.
    Select(Vec<&'static str>),
    /// A comma list of choices: checkboxes.
    Checkboxes(Vec<&'static str>),
    /// A comma list of card slugs: a checkbox per card of the content.
    Cards,
    /// Free text, with values to suggest.
    Text(Vec<&'static str>),
}

/// Radios up to this many choices; a list above.
const MAX_RADIOS: usize = 4;

impl Control {
    pub fn of(attribute: &Attribute) -> Control {
        match &attribute.accepts {
            Accepts::Choices(choices) => {
                let choices = choices();
                if choices.len() <= MAX_RADIOS {
                    Control::Radios(choices)
                } else {
                    Control::Select(choices)
                }
            }
            Accepts::ChoiceList(choices) => Control::Checkboxes(choices()),
            Accepts::CardList => Control::Cards,
            Accepts::Described(..) => Control::Text(Vec::new()),
            Accepts::Suggested(_, _, suggestions) => Control::Text(suggestions()),
        }
    }

    /// What the control holds before the publisher touches it.
    pub fn initial(&self, attribute: &Attribute) -> String {
        match self {
            Control::Radios(_) => default_value(attribute),
            _ => String::new(),
        }
    }

    /// The attribute the code writes for `value`, if any: radios at their default and
    /// empty fields leave it out.
    pub fn emitted(&self, attribute: &Attribute, value: &str) -> Option<String> {
        let value = value.trim();
        match self {
            _ if value.is_empty() => None,
            Control::Radios(_) if value == default_value(attribute) => None,
            _ => Some(value.to_owned()),
        }
    }
}

/// An attribute's default for an embedded element, as the attribute writes it.
pub fn default_value(attribute: &Attribute) -> String {
    (attribute.show)(&Options::embedded())
}

/// The items of a comma list value.
pub fn list_items(value: &str) -> Vec<&str> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// The sponsored call-to-action as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CtaDraft {
    pub label: String,
    pub url: String,
    pub sponsor: String,
}

impl CtaDraft {
    pub fn get(&self, field: CtaField) -> &str {
        match field {
            CtaField::Label => &self.label,
            CtaField::Url => &self.url,
            CtaField::Sponsor => &self.sponsor,
        }
    }

    fn get_mut(&mut self, field: CtaField) -> &mut String {
        match field {
            CtaField::Label => &mut self.label,
            CtaField::Url => &mut self.url,
            CtaField::Sponsor => &mut self.sponsor,
        }
    }

    pub fn is_empty(&self) -> bool {
        CtaField::ALL.iter().all(|f| self.get(*f).trim().is_empty())
    }
}

/// The outcome of the last copy, for the live region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Copied {
    pub form: CodeForm,
    /// Whether the clipboard took it (else the code was selected for the publisher).
    pub ok: bool,
    /// Counts copies, so the same message said twice is announced twice.
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishState {
    /// The value of each attribute's control, in [`ATTRIBUTES`] order.
    pub values: Vec<String>,
    pub cta: CtaDraft,
    /// Each colour of the page's list: (light, dark), as typed ("" for the default).
    pub colors: Vec<(String, String)>,
    pub width: PreviewWidth,
    pub scheme: Scheme,
    pub copied: Option<Copied>,
}

/// Everything that can happen on the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// An attribute's control now holds this value (by index in [`ATTRIBUTES`]).
    Set(usize, String),
    /// One item of a list attribute was ticked (`true`) or unticked.
    Tick(usize, String, bool),
    Cta(CtaField, String),
    /// A colour (by index in the page's list) for the dark theme or the light one.
    Color(usize, bool, String),
    Width(PreviewWidth),
    Scheme(Scheme),
    Copied(CodeForm, bool),
}

impl PublishState {
    /// Every control at its default; `colors` is how many colours the page lists.
    pub fn new(colors: usize, scheme: Scheme) -> Self {
        PublishState {
            values: ATTRIBUTES
                .iter()
                .map(|a| Control::of(a).initial(a))
                .collect(),
            cta: CtaDraft::default(),
            colors: vec![(String::new(), String::new()); colors],
            width: PreviewWidth::Full,
            scheme,
            copied: None,
        }
    }

    /// The control's value for an attribute, by name.
    pub fn value(&self, name: &str) -> &str {
        ATTRIBUTES
            .iter()
            .position(|a| a.name == name)
            .and_then(|i| self.values.get(i))
            .map_or("", String::as_str)
    }

    fn apply(&mut self, action: Action) {
        match action {
            Action::Set(i, value) => {
                if let Some(slot) = self.values.get_mut(i) {
                    *slot = value;
                }
            }
            Action::Tick(i, item, on) => {
                if let Some(slot) = self.values.get_mut(i) {
                    let mut items: Vec<&str> = list_items(slot)
                        .into_iter()
                        .filter(|x| *x != item)
                        .collect();
                    if on {
                        items.push(&item);
                    }
                    *slot = items.join(",");
                }
            }
            Action::Cta(field, value) => *self.cta.get_mut(field) = value,
            Action::Color(i, dark, value) => {
                if let Some((light_value, dark_value)) = self.colors.get_mut(i) {
                    *(if dark { dark_value } else { light_value }) = value;
                }
            }
            Action::Width(width) => self.width = width,
            Action::Scheme(scheme) => self.scheme = scheme,
            Action::Copied(form, ok) => {
                let count = self.copied.map_or(0, |c| c.count.wrapping_add(1));
                self.copied = Some(Copied { form, ok, count });
            }
        }
    }
}

impl Reducible for PublishState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}
