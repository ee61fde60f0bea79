//! What a publisher tells readers about itself ("How this guide was made"): its name, its
//! medical review, its own statement and where to report an error; and the review as
//! schema.org data.

use super::Warning;

/// What a publisher tells readers about itself, shown in "How this guide was made":
/// its medical reviewer, its own funding and conflicts statement, where to report an
/// error. Every field is empty unless the publisher set it; nothing here is ever made up.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Publisher {
    pub name: Option<String>,
    pub reviewer: Option<String>,
    pub credentials: Option<String>,
    /// ISO date of the reviewer's review.
    pub review_date: Option<String>,
    pub disclosure: Option<String>,
    /// A `mailto:` or `http(s):` link.
    pub contact: Option<String>,
}

/// A medical review the publisher has configured: shown only with a name and a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Review<'a> {
    pub reviewer: &'a str,
    pub credentials: Option<&'a str>,
    pub date: &'a str,
    pub publisher: Option<&'a str>,
}

impl Review<'_> {
    /// The review as schema.org data (`reviewedBy`, `lastReviewed`, `publisher` of a
    /// `MedicalWebPage`), as JSON text that can sit inside a `<script>` element: `<`, `>`
    /// and `&` are escaped, so it reads the same in HTML and in a DOM text node.
    pub fn json_ld(&self) -> String {
        let mut person = format!(r#"{{"@type":"Person","name":{}"#, json_text(self.reviewer));
        if let Some(credentials) = self.credentials {
            person.push_str(&format!(r#","jobTitle":{}"#, json_text(credentials)));
        }
        person.push('}');
        let mut out = format!(
            r#"{{"@context":"https://schema.org","@type":"MedicalWebPage","reviewedBy":{person},"lastReviewed":{}"#,
            json_text(self.date)
        );
        if let Some(name) = self.publisher {
            out.push_str(&format!(
                r#","publisher":{{"@type":"Organization","name":{}}}"#,
                json_text(name)
            ));
        }
        out.push('}');
        out
    }
}

/// A JSON string literal for `text`, with `<`, `>` and `&` escaped too (see [`Review::json_ld`]).
fn json_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' | '>' | '&' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Publisher {
    /// The review to show, if the publisher named a reviewer and dated the review.
    pub fn review(&self) -> Option<Review<'_>> {
        Some(Review {
            reviewer: self.reviewer.as_deref()?,
            credentials: self.credentials.as_deref(),
            date: self.review_date.as_deref()?,
            publisher: self.name.as_deref(),
        })
    }
}

/// A review is shown only with a reviewer's name and its date; half of one is a mistake
/// worth one warning (never a made-up or undated "reviewed by").
pub(super) fn review_warning(p: &Publisher) -> Option<Warning> {
    let missing = match (&p.reviewer, &p.review_date) {
        (Some(_), Some(_)) => return None,
        (Some(_), None) => "reviewer-name is set but review-date is not",
        (None, Some(_)) => "review-date is set but reviewer-name is not",
        (None, None) if p.credentials.is_some() => {
            "reviewer-credentials is set but reviewer-name and review-date are not"
        }
        (None, None) => return None,
    };
    Some(Warning(format!(
        "{missing}: a medical review is shown only with both a reviewer's name and the date of the review. Not showing it."
    )))
}
