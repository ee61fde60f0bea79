//! "How this guide was made" (`[about]` in a locale file): the decision the guide
//! supports and for whom, how its content was made and checked, money and conflicts of
//! interest, how it is kept up to date (with a dated list of changes), how to report an
//! error, its limits, and what it stores. A health editor reads this before signing off;
//! a reader reads it to judge the guide. The publisher's own reviewer, statement and
//! contact come from configuration (`config::Publisher`), never from here.

use crate::json::decode_struct;

/// The section's text in one locale. Every part is required, so a locale cannot ship
/// without one of them (checked again by tests/about.rs).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct About {
    /// The summary of the disclosure, and the text of every link to it.
    pub heading: String,
    /// One line under the summary, before the parts.
    pub intro: String,
    /// The decision it supports, who it is for and who it is not for.
    pub purpose: AboutPart,
    /// Kinds of sources, how figures are chosen and shown, how cards were checked, what
    /// it does not cover.
    pub method: AboutPart,
    /// The guide's own funding and conflicts of interest, and the sponsored-link policy.
    pub money: AboutPart,
    /// Before the publisher's statement; `{publisher}` is replaced (see `statement_anonymous`).
    pub statement: String,
    /// The same when the publisher has not given its name.
    pub statement_anonymous: String,
    /// Said when the publisher has given no statement of its own.
    pub statement_none: String,
    /// The update policy.
    pub updates: AboutPart,
    /// `{date}`: the last full review of every card (the content's `meta.reviewed`).
    pub last_review: String,
    /// Heading of the dated list of changes.
    pub changes_heading: String,
    /// After a change's summary: `{cards}` is replaced by the titles of the cards it changed.
    pub changed_cards: String,
    /// How to report an error, before the contact.
    pub report: AboutPart,
    /// Before the publisher's contact link.
    pub report_to: String,
    /// Where to write when the publisher has configured no contact.
    pub report_default: String,
    /// What the guide is not: medical advice, a clinician, user-tested (yet).
    pub limits: AboutPart,
    /// What the widget stores and sends.
    pub privacy: AboutPart,
    /// "Medically reviewed by {name} on {date}."
    pub reviewed_by: String,
    /// `{name}` in the review line when the reviewer's credentials are given:
    /// "{reviewer}, {credentials}," (the punctuation is the language's).
    pub reviewer_credentials: String,
    /// "Medically reviewed for {publisher} by {name} on {date}."
    pub reviewed_for: String,
    /// The dated list of content changes, newest first, as shown (a test keeps the
    /// order: sorting here would add a sort to the wasm for a list the file can keep).
    pub changes: Vec<Change>,
}

decode_struct!(About {
    heading,
    intro,
    purpose,
    method,
    money,
    statement,
    statement_anonymous,
    statement_none,
    updates,
    last_review,
    changes_heading,
    changed_cards,
    report,
    report_to,
    report_default,
    limits,
    privacy,
    reviewed_by,
    reviewer_credentials,
    reviewed_for,
    changes,
});

/// One part of the section: a heading and its paragraphs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AboutPart {
    pub heading: String,
    pub paragraphs: Vec<String>,
}

decode_struct!(AboutPart {
    heading,
    paragraphs,
});

/// One dated change to the content. Every card's `reviewed` date has a change of that
/// date naming it, and every card a change names was reviewed on or after it (tests).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Change {
    /// ISO date.
    pub date: String,
    /// Ids of the cards it changed (none for a change to the guide as a whole).
    pub cards: Vec<String>,
    /// One line, in the locale's language.
    pub summary: String,
}

decode_struct!(Change {
    date,
    cards,
    summary,
});

/// The ids of the section and of the parts links point at. Links to them open the
/// section (a native `<details>`), also before the app and without it.
pub const ABOUT_ID: &str = "trd-how-made";
pub const REPORT_ID: &str = "trd-report";
pub const PRIVACY_ID: &str = "trd-privacy";
/// Every id a link or the page URL may point at inside the section.
pub const ABOUT_TARGETS: [&str; 3] = [ABOUT_ID, REPORT_ID, PRIVACY_ID];

impl About {
    /// Every part, in the order shown, each with the id a link may point at.
    pub fn parts(&self) -> [(&AboutPart, Option<&'static str>); 7] {
        [
            (&self.purpose, None),
            (&self.method, None),
            (&self.money, None),
            (&self.updates, None),
            (&self.report, Some(REPORT_ID)),
            (&self.limits, None),
            (&self.privacy, Some(PRIVACY_ID)),
        ]
    }
}
