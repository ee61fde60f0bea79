//! Interface strings: every word of chrome the widget shows, per locale, overridable by
//! publishers key by key (`{"strings": {"expand_all": "Open all"}}`).

use serde::Deserialize;

use crate::collections::Entries;

/// Declares the string table once so the struct, its key list and the by-key access used
/// for publisher overrides can never drift apart.
macro_rules! ui_strings {
    ($( $(#[doc = $doc:literal])* $field:ident ),* $(,)?) => {
        /// Read as a table of strings and filled by key (see `TryFrom` below): serde's
        /// derived deserializer for ~90 fields cost about 50 KB of wasm.
        #[derive(Debug, Default, Deserialize)]
        #[serde(try_from = "Entries<String>")]
        pub struct UiStrings {
            $( $(#[doc = $doc])* pub $field: String, )*
        }

        impl UiStrings {
            /// Every key, as publishers write it.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($field)),*];

            /// The string at `index` in `KEYS`. One jump on a number serves lookups,
            /// cloning and comparing: code written out per field (a match arm on the name,
            /// a derived `clone` or `eq` line) cost kilobytes of wasm for ~90 fields.
            fn at(&self, index: usize) -> Option<&String> {
                let mut i = 0;
                $(
                    if i == index {
                        return Some(&self.$field);
                    }
                    i += 1;
                )*
                let _ = i;
                None
            }

            fn at_mut(&mut self, index: usize) -> Option<&mut String> {
                let mut i = 0;
                $(
                    if i == index {
                        return Some(&mut self.$field);
                    }
                    i += 1;
                )*
                let _ = i;
                None
            }
        }
    };
}

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

impl UiStrings {
    fn index(key: &str) -> Option<usize> {
        Self::KEYS.iter().position(|k| *k == key)
    }

    /// Reads one string by key.
    pub fn get(&self, key: &str) -> Option<&str> {
        Self::index(key)
            .and_then(|i| self.at(i))
            .map(String::as_str)
    }

    /// Replaces one string by key; `false` if there is no such key.
    pub fn set(&mut self, key: &str, value: String) -> bool {
        match Self::index(key).and_then(|i| self.at_mut(i)) {
            Some(slot) => {
                *slot = value;
                true
            }
            None => false,
        }
    }
}

impl Clone for UiStrings {
    fn clone(&self) -> Self {
        let mut copy = UiStrings::default();
        for i in 0..Self::KEYS.len() {
            if let (Some(to), Some(from)) = (copy.at_mut(i), self.at(i)) {
                to.clone_from(from);
            }
        }
        copy
    }
}

impl PartialEq for UiStrings {
    fn eq(&self, other: &Self) -> bool {
        (0..Self::KEYS.len()).all(|i| self.at(i) == other.at(i))
    }
}

impl Eq for UiStrings {}

/// Every key must be there, and no other (publishers override single strings through
/// `set`, in `config/`).
impl TryFrom<Entries<String>> for UiStrings {
    type Error = String;

    fn try_from(Entries(table): Entries<String>) -> Result<Self, String> {
        if let Some(key) = (Self::KEYS.iter()).find(|key| !table.iter().any(|(k, _)| k == *key)) {
            return Err(format!("missing field `{key}`"));
        }
        let mut ui = UiStrings::default();
        for (key, value) in table {
            if !ui.set(&key, value) {
                return Err(format!("unknown field `{key}`"));
            }
        }
        Ok(ui)
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
