//! Interface strings: every word of chrome the widget shows, per locale, overridable by
//! publishers key by key (`{"strings": {"expand_all": "Open all"}}`).

use crate::json::{Decode, Error, Node};

/// Declares the string table once so the struct, its key list, the by-name setter used
/// for publisher overrides and the decoder can never drift apart. The decoder goes
/// through `set`: serde's derived deserializer for ~80 fields cost over 30 KB of wasm.
macro_rules! ui_strings {
    ($( $(#[doc = $doc:literal])* $field:ident ),* $(,)?) => {
        #[derive(Debug, Default)]
        pub struct UiStrings {
            $( $(#[doc = $doc])* pub $field: String, )*
        }

        impl UiStrings {
            /// Every key, as publishers write it.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($field)),*];

            /// Each field, in `KEYS` order. By-key access, cloning and comparing go
            /// through these tiny accessors in a loop: code written out per field (a match
            /// arm, a derived `clone` or `eq` line) cost kilobytes of wasm for ~90 fields.
            const FIELDS: &'static [fn(&UiStrings) -> &String] = &[$(|u| &u.$field),*];
            const FIELDS_MUT: &'static [fn(&mut UiStrings) -> &mut String] =
                &[$(|u| &mut u.$field),*];
        }
    };
}

impl UiStrings {
    fn index(key: &str) -> Option<usize> {
        Self::KEYS.iter().position(|k| *k == key)
    }

    /// Replaces one string by key; `false` if there is no such key.
    pub fn set(&mut self, key: &str, value: String) -> bool {
        match Self::index(key) {
            Some(i) => {
                *(Self::FIELDS_MUT[i])(self) = value;
                true
            }
            None => false,
        }
    }

    /// Reads one string by key.
    pub fn get(&self, key: &str) -> Option<&str> {
        Self::index(key).map(|i| (Self::FIELDS[i])(self).as_str())
    }
}

impl Clone for UiStrings {
    fn clone(&self) -> Self {
        let mut copy = UiStrings::default();
        for (get, get_mut) in Self::FIELDS.iter().zip(Self::FIELDS_MUT) {
            get_mut(&mut copy).clone_from(get(self));
        }
        copy
    }
}

impl PartialEq for UiStrings {
    fn eq(&self, other: &Self) -> bool {
        Self::FIELDS.iter().all(|get| get(self) == get(other))
    }
}

impl Eq for UiStrings {}

ui_strings! {
    /// Accessible name of the whole widget.
    widget_label,
    expand_all,
    collapse_all,
    how_it_works,
    how_given,
    onset,
    evidence,
    risks,
    regulatory,
    known,
    may_change,
    questions,
    sources,
    status_label,
    status_established,
    status_emerging,
    status_investigational,
    status_research,
    evidence_strong,
    evidence_moderate,
    evidence_mixed,
    evidence_limited,
    search_label,
    search_hint,
    search_clear,
    filter_category,
    filter_status,
    filter_clear,
    /// The control that shows the search and filters on a narrow widget.
    find_label,
    /// Shown on it: how many cards show. `{count}` is replaced.
    find_count_many,
    find_count_one,
    /// Shown on it while something is searched or filtered. `{count}` is replaced.
    find_active_many,
    find_active_one,
    results_one,
    /// `{count}` is replaced.
    results_many,
    /// `{query}` is replaced.
    results_none,
    /// No card passes the filters (and there is no search text to quote).
    results_empty,
    /// Every card shows (nothing searched or filtered). `{count}` is replaced.
    results_all,
    /// The same when only one card is there (a publisher's category selection).
    results_all_one,
    view_label,
    view_cards,
    view_compare,
    view_questions,
    showing_cards,
    showing_compare,
    showing_questions,
    compare_heading,
    compare_caption,
    compare_scroll_hint,
    col_treatment,
    col_category,
    col_status,
    col_given,
    col_onset,
    col_evidence,
    col_outcome,
    col_risks,
    col_regulatory,
    /// `{title}` is replaced.
    compare_pick,
    /// `{count}` is replaced; only shown for 2 or more, so it has no "one" form.
    compare_side_by_side,
    /// The same button before two treatments are chosen.
    compare_side_by_side_idle,
    compare_pick_hint,
    compare_limit,
    compare_clear_pick,
    compare_show_all,
    compare_side_caption,
    compare_empty,
    /// Under the table: the outcome column's figures come from different studies.
    compare_outcome_note,
    question_add,
    my_questions_heading,
    my_questions_intro,
    my_questions_empty,
    my_questions_print,
    my_questions_copy,
    my_questions_copied,
    my_questions_copy_failed,
    my_questions_clear,
    /// `{sponsor}` is replaced.
    sponsored_by,
    /// Heading of a card's pregnancy / driving / interactions list, inside the risks.
    safety_checks,
    safety_pregnancy,
    safety_driving,
    safety_interactions,
    safety_not_for,
    /// `{reviewed}` and `{next}` are replaced by dates.
    review_dates,
    /// Twelve month names, separated by spaces, for review dates.
    month_names,
    /// How a date is written: `{day}`, `{month}` (a name from `month_names`) and `{year}`
    /// are replaced ("{day} de {month} de {year}").
    date_pattern,
    words_heading,
    words_intro,
    /// Label before a card's links into "Words explained".
    words_on_card,
    fallback_error,
}

/// Every key must be there, and no other (the built-in content is checked by tests;
/// publishers override single strings through `set`).
impl Decode for UiStrings {
    fn decode(node: Node<'_>) -> Result<Self, Error> {
        let mut fields = node.fields(UiStrings::KEYS)?;
        let mut ui = UiStrings::default();
        for key in UiStrings::KEYS {
            ui.set(key, fields.required(key));
        }
        fields.finish(ui)
    }
}

/// Replaces `{name}` placeholders. Unknown placeholders are left as written so a
/// publisher's typo shows up on the page rather than vanishing.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}
