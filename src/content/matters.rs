//! "What matters to me": issue cards. A reader ticks the issues they care about (how soon
//! it may help, effects on memory...) and sees, per issue, every treatment's short answer,
//! grouped by answer class in a natural order (fastest first, least time first).
//!
//! The issue slugs (a public contract: `trd-issues=onset,memory`) and each issue's answer
//! classes, in display order, are declared once, in [`ISSUES`]. The locale file gives the
//! words (`[matters.issues.<slug>]`) and the facts (`[matters.answers.<card>]`); see the
//! comment above the `[matters]` block in `src/content/en.toml` for its shape.

use std::rc::Rc;

use super::model::{Card, Content, Point, Source};
use super::validate::has_figure;
use crate::collections::Entries;
use crate::json::{Decode, Error, Node};

/// The class every issue offers for "the sources say nothing about this".
pub const NOT_KNOWN: &str = "not-known";

/// One issue a reader can tick: its slug and its answer classes in display order.
#[derive(Debug, PartialEq, Eq)]
pub struct IssueSpec {
    pub slug: &'static str,
    /// Display order of the answer groups; the last is always [`NOT_KNOWN`].
    pub classes: &'static [&'static str],
}

/// Every issue, in the order the chips and issue cards appear.
pub const ISSUES: &[IssueSpec] = &[
    IssueSpec {
        slug: "onset",
        // Fastest first.
        classes: &[
            "hours-days",
            "weeks-1-3",
            "weeks-2-4",
            "weeks-months",
            "months",
            "depends",
            NOT_KNOWN,
        ],
    },
    IssueSpec {
        slug: "time",
        // Least time first.
        classes: &[
            "one-visit",
            "daily-tablet",
            "one-or-two-sessions",
            "weekly",
            "two-three-weekly",
            "daily-visits",
            "surgery-then-months",
            "varies",
            NOT_KNOWN,
        ],
    },
    IssueSpec {
        slug: "memory",
        classes: &[
            "known-risk",
            "slowed-thinking",
            "short-term",
            "not-listed",
            NOT_KNOWN,
        ],
    },
    IssueSpec {
        slug: "procedure",
        classes: &["none", "anesthesia", "surgery-implant", NOT_KNOWN],
    },
    IssueSpec {
        slug: "driving",
        classes: &["not-same-day", "take-care", "long-session", NOT_KNOWN],
    },
    IssueSpec {
        slug: "side-effects",
        classes: &[
            "around-sessions",
            "daily-medicine",
            "surgery-device",
            "cost-time",
            NOT_KNOWN,
        ],
    },
    IssueSpec {
        slug: "pregnancy",
        classes: &["not-recommended", "specialist-advice", NOT_KNOWN],
    },
    IssueSpec {
        slug: "evidence",
        // As the fact sheet grades it, strongest first.
        classes: &["strong", "moderate", "mixed", "emerging", NOT_KNOWN],
    },
    IssueSpec {
        slug: "access",
        classes: &["routine", "specialist", "trials", NOT_KNOWN],
    },
];

/// The evidence answer's class for a card's evidence level (the fact sheet's "limited"
/// is grouped as "emerging or limited").
pub fn evidence_class(level: super::model::EvidenceLevel) -> &'static str {
    use super::model::EvidenceLevel::*;
    match level {
        Strong => "strong",
        Moderate => "moderate",
        Mixed => "mixed",
        Limited => "emerging",
    }
}

/// The issue with this slug, if any (for URL state and events).
pub fn issue_spec(slug: &str) -> Option<&'static IssueSpec> {
    ISSUES.iter().find(|i| i.slug == slug)
}

/// Declares the view's interface words once: the struct, the key list and the by-key
/// accessors. Built from plain string entries rather than a decoder per field, which
/// costs kilobytes of wasm per struct (see `ui.rs`).
macro_rules! matters_strings {
    ($( $(#[doc = $doc:literal])* $field:ident ),* $(,)?) => {
        /// The view's own interface words. Kept in the `[matters]` block (not in `[ui]`)
        /// so the feature is one block of the locale file.
        #[derive(Debug, Clone, PartialEq, Eq, Default)]
        pub struct MattersStrings {
            $( $(#[doc = $doc])* pub $field: String, )*
            /// Keys in the file that are not strings of the view (typos).
            pub unknown: Vec<String>,
        }

        impl MattersStrings {
            pub const KEYS: &'static [&'static str] = &[$(stringify!($field)),*];

            fn get(&self, key: &str) -> Option<&str> {
                match key {
                    $(stringify!($field) => Some(&self.$field),)*
                    _ => None,
                }
            }

            /// Each field, in `KEYS` order: one small accessor each rather than a match
            /// arm per field in the decoder (see `UiStrings`).
            const FIELDS_MUT: &'static [fn(&mut MattersStrings) -> &mut String] =
                &[$(|s| &mut s.$field),*];
        }
    };
}

impl MattersStrings {
    fn from_entries(entries: Vec<(String, String)>) -> Self {
        let mut s = Self::default();
        for (key, value) in entries {
            match Self::KEYS.iter().position(|k| *k == key) {
                Some(i) => *(Self::FIELDS_MUT[i])(&mut s) = value,
                None => s.unknown.push(key),
            }
        }
        s
    }
}

matters_strings! {
    /// The view's name, as its heading and in My questions: "What matters to me".
    view,
    /// Its shorter name on the view switcher's tab, which must fit a phone: "What matters".
    tab,
    /// Announced when the view is chosen.
    showing,
    intro,
    /// Legend of the issue chips.
    legend,
    /// Shown (and announced) while no issue is ticked.
    empty,
    /// Shown when the search and filters leave no treatment.
    no_treatments,
    /// Result count for screen readers: `{issues}` and `{treatments}` are replaced by
    /// `issues_one`/`issues_many` and `treatments_one`/`treatments_many`.
    status,
    issues_one,
    /// `{count}` is replaced.
    issues_many,
    treatments_one,
    /// `{count}` is replaced.
    treatments_many,
    /// Heading above an issue's question for the doctor.
    question_heading,
    /// Hint under the question's checkbox.
    question_add,
    /// The same hint once the question is in My questions.
    question_added,
    /// For a treatment without an entry (a publisher's added card).
    no_answer,
}

/// The `[matters]` block of a locale: the view's words, the issue texts and answer
/// group labels, every treatment's answers and the sources they cite. Everything but the
/// sources is read as tables of strings (one small decoder shared by all of them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matters {
    pub strings: MattersStrings,
    /// Issue slug → its words. Display order comes from [`ISSUES`], not from here.
    pub issues: Vec<(String, IssueText)>,
    /// Issue slug → (class → visible group label).
    pub classes: Vec<(String, Vec<(String, String)>)>,
    /// Card slug → (issue slug → answer).
    pub answers: Vec<(String, CardAnswers)>,
    /// Full references cited by answers (keys as in the cards where the text is the same).
    pub sources: Rc<[Source]>,
}

/// The words for one issue.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IssueText {
    /// The chip: "Effects on memory and thinking".
    pub label: String,
    /// The issue card's heading: "Will it affect my memory or thinking?".
    pub heading: String,
    /// One or two sentences under the heading.
    pub note: String,
    /// The question to ask a doctor, which the reader can add to My questions.
    pub question: String,
    /// Keys in the file that are none of the above (typos).
    pub unknown: Vec<String>,
}

/// One card's answers: issue slug → answer.
pub type CardAnswers = Vec<(String, Answer)>;

/// One treatment's answer to one issue, written in the locale file as one string:
/// `"hours-days: Can start to help within hours. [key1, key2]"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// One of the issue's classes in [`ISSUES`].
    pub class: String,
    /// One or two short, plain sentences: facts, not advice.
    pub text: String,
    /// Keys into [`Matters::sources`].
    pub sources: Vec<String>,
}

impl From<String> for Answer {
    fn from(raw: String) -> Self {
        // The class is everything before the first colon; a missing class shows up in
        // validation as an unknown class rather than being guessed.
        let (class, rest) = raw.split_once(':').unwrap_or(("", &raw));
        let point = Point::from(rest.trim().to_owned());
        Answer {
            class: class.trim().to_owned(),
            text: point.text,
            sources: point.cite,
        }
    }
}

type Tables = Vec<(String, Vec<(String, String)>)>;

impl Decode for Matters {
    fn decode(node: Node<'_>) -> Result<Self, Error> {
        let mut f = node.fields(&["strings", "issues", "classes", "answers", "sources"])?;
        let Entries(strings) = f.required::<Entries<String>>("strings");
        let issues = tables(f.required("issues"))
            .into_iter()
            .map(|(slug, entries)| {
                let mut t = IssueText::default();
                for (key, value) in entries {
                    match key.as_str() {
                        "label" => t.label = value,
                        "heading" => t.heading = value,
                        "note" => t.note = value,
                        "question" => t.question = value,
                        _ => t.unknown.push(key),
                    }
                }
                (slug, t)
            })
            .collect();
        let classes = tables(f.required("classes"));
        let answers = tables(f.required("answers"))
            .into_iter()
            .map(|(card, entries)| {
                let answers = entries
                    .into_iter()
                    .map(|(issue, raw)| (issue, Answer::from(raw)))
                    .collect();
                (card, answers)
            })
            .collect();
        let sources = f.required("sources");
        f.finish(Matters {
            strings: MattersStrings::from_entries(strings),
            issues,
            classes,
            answers,
            sources,
        })
    }
}

fn tables(Entries(outer): Entries<Entries<String>>) -> Tables {
    outer.into_iter().map(|(k, Entries(v))| (k, v)).collect()
}

fn lookup<'a, V>(list: &'a [(String, V)], key: &str) -> Option<&'a V> {
    list.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

impl Matters {
    pub fn issue(&self, slug: &str) -> Option<&IssueText> {
        lookup(&self.issues, slug)
    }

    /// A card's answer to an issue.
    pub fn answer(&self, card: &str, issue: &str) -> Option<&Answer> {
        lookup(&self.answers, card).and_then(|a| lookup(a, issue))
    }

    pub fn source(&self, key: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == key)
    }

    /// The visible group label of an issue's answer class.
    pub fn class_label(&self, issue: &str, class: &str) -> Option<&str> {
        lookup(&self.classes, issue)
            .and_then(|c| lookup(c, class))
            .map(String::as_str)
    }
}

/// Every problem in a locale's `[matters]` block, each naming the card and issue it is in.
/// Empty means the block may ship.
pub fn validate(content: &Content) -> Vec<String> {
    let mut errors = Vec::new();
    let Some(m) = content.matters.as_deref() else {
        return vec!["matters: the `[matters]` block is missing".into()];
    };

    for key in MattersStrings::KEYS {
        if m.strings.get(key).is_none_or(|v| v.trim().is_empty()) {
            errors.push(format!("matters: string `{key}` is empty or missing"));
        }
    }
    for key in &m.strings.unknown {
        errors.push(format!("matters: unknown string `{key}`"));
    }

    check_issues(&mut errors, m);
    check_sources(&mut errors, m);
    check_answers(&mut errors, content, m);
    for card in content.cards.iter().filter(|c| c.is_treatment()) {
        for spec in ISSUES {
            if m.answer(&card.id, spec.slug).is_none() {
                errors.push(format!(
                    "matters: card `{}`, issue `{}`: no answer (use class `{NOT_KNOWN}` if the sources are silent)",
                    card.id, spec.slug
                ));
            }
        }
    }
    errors
}

/// Every issue has its words and a label for each of its classes, and nothing else.
fn check_issues(errors: &mut Vec<String>, m: &Matters) {
    for spec in ISSUES {
        let who = format!("matters: issue `{}`", spec.slug);
        match m.issue(spec.slug) {
            None => errors.push(format!("{who} has no words (label, heading, question)")),
            Some(issue) => {
                for (field, value) in [
                    ("label", &issue.label),
                    ("heading", &issue.heading),
                    ("note", &issue.note),
                    ("question", &issue.question),
                ] {
                    if value.trim().is_empty() {
                        errors.push(format!("{who}: `{field}` is empty or missing"));
                    }
                }
                for key in &issue.unknown {
                    errors.push(format!("{who}: unknown field `{key}`"));
                }
            }
        }
        for class in spec.classes {
            if m.class_label(spec.slug, class)
                .is_none_or(|l| l.trim().is_empty())
            {
                errors.push(format!("{who}: class `{class}` has no label"));
            }
        }
        for (class, _) in lookup(&m.classes, spec.slug).into_iter().flatten() {
            if !spec.classes.contains(&class.as_str()) {
                errors.push(format!(
                    "{who}: label for unknown class `{class}` (allowed: {})",
                    spec.classes.join(", ")
                ));
            }
        }
    }
    for slug in m
        .issues
        .iter()
        .map(|(k, _)| k)
        .chain(m.classes.iter().map(|(k, _)| k))
    {
        if issue_spec(slug).is_none() {
            errors.push(format!("matters: unknown issue `{slug}`"));
        }
    }
}

fn check_sources(errors: &mut Vec<String>, m: &Matters) {
    for (i, src) in m.sources.iter().enumerate() {
        if m.sources[..i].iter().any(|s| s.id == src.id) {
            errors.push(format!("matters: duplicate source key `{}`", src.id));
        }
        if src.short.trim().is_empty() || src.text.trim().is_empty() {
            errors.push(format!(
                "matters: source `{}` needs `short` and `text`",
                src.id
            ));
        }
    }
}

/// Each answer names a treatment card and an issue, a class from that issue's list, and a
/// source for any figure.
fn check_answers(errors: &mut Vec<String>, content: &Content, m: &Matters) {
    for (card_id, answers) in &m.answers {
        let Some(card) = content.card(card_id) else {
            errors.push(format!("matters: answers for unknown card `{card_id}`"));
            continue;
        };
        if !card.is_treatment() {
            errors.push(format!(
                "matters: card `{card_id}` is a research card and must have no answers"
            ));
            continue;
        }
        for (issue, answer) in answers {
            let who = format!("matters: card `{card_id}`, issue `{issue}`");
            let Some(spec) = issue_spec(issue) else {
                errors.push(format!("{who}: unknown issue"));
                continue;
            };
            if !spec.classes.contains(&answer.class.as_str()) {
                errors.push(format!(
                    "{who}: class `{}` is not one of {} (write \"class: text [sources]\")",
                    answer.class,
                    spec.classes.join(", ")
                ));
            }
            if answer.text.trim().is_empty() {
                errors.push(format!("{who}: empty answer"));
            }
            for key in &answer.sources {
                if m.source(key).is_none() {
                    errors.push(format!("{who}: cites unknown source `{key}`"));
                }
            }
            let figure =
                answer.text.chars().any(|c| c.is_ascii_digit()) || has_figure(&answer.text);
            if figure && answer.sources.is_empty() {
                errors.push(format!(
                    "{who}: figure without a source: \"{}\"",
                    answer.text
                ));
            }
        }
    }
}

/// One ticked issue's card: its words and its non-empty answer groups in class order.
#[derive(Debug, PartialEq)]
pub struct IssueCard<'a> {
    pub slug: &'static str,
    pub text: &'a IssueText,
    pub groups: Vec<AnswerGroup<'a>>,
}

/// Treatments sharing an answer class, under its visible label.
#[derive(Debug, PartialEq)]
pub struct AnswerGroup<'a> {
    pub class: &'static str,
    pub label: &'a str,
    pub answers: Vec<Answered<'a>>,
}

/// One treatment's answer, ready to show.
#[derive(Debug, PartialEq)]
pub struct Answered<'a> {
    pub card: &'a Rc<Card>,
    pub text: &'a str,
    pub sources: Vec<&'a Source>,
}

impl IssueCard<'_> {
    /// How many treatments this card lists.
    pub fn count(&self) -> usize {
        self.groups.iter().map(|g| g.answers.len()).sum()
    }

    /// Every source cited on this card, once each, in order of first citation.
    pub fn sources(&self) -> Vec<&Source> {
        let mut out: Vec<&Source> = Vec::new();
        for s in self
            .groups
            .iter()
            .flat_map(|g| &g.answers)
            .flat_map(|a| &a.sources)
        {
            if !out.iter().any(|o| o.id == s.id) {
                out.push(s);
            }
        }
        out
    }
}

/// The issue cards to show: one per ticked issue, in [`ISSUES`] order (whatever order
/// they were ticked in); in each, the groups in class order, empty groups dropped; in
/// each group, the visible treatment cards in content order. Research cards are never
/// listed. A treatment without an answer (a publisher's added card) goes under
/// "not known" with the `no_answer` text. Unknown slugs are ignored.
pub fn issue_cards<'a, V: AsRef<str>, T: AsRef<str>>(
    content: &'a Content,
    visible: &[V],
    ticked: &[T],
) -> Vec<IssueCard<'a>> {
    let Some(m) = content.matters.as_deref() else {
        return Vec::new();
    };
    let treatments: Vec<&Rc<Card>> = content
        .cards
        .iter()
        .filter(|c| c.is_treatment() && visible.iter().any(|v| v.as_ref() == c.id))
        .collect();
    ISSUES
        .iter()
        .filter(|spec| ticked.iter().any(|t| t.as_ref() == spec.slug))
        .filter_map(|spec| {
            let text = m.issue(spec.slug)?;
            let groups = spec
                .classes
                .iter()
                .filter_map(|&class| {
                    let answers: Vec<Answered> = treatments
                        .iter()
                        .filter_map(|card| match m.answer(&card.id, spec.slug) {
                            Some(a) if a.class == class => Some(Answered {
                                card,
                                text: &a.text,
                                sources: a.sources.iter().filter_map(|k| m.source(k)).collect(),
                            }),
                            None if class == NOT_KNOWN => Some(Answered {
                                card,
                                text: &m.strings.no_answer,
                                sources: Vec::new(),
                            }),
                            _ => None,
                        })
                        .collect();
                    let label = m.class_label(spec.slug, class).unwrap_or(class);
                    (!answers.is_empty()).then_some(AnswerGroup {
                        class,
                        label,
                        answers,
                    })
                })
                .collect();
            Some(IssueCard {
                slug: spec.slug,
                text,
                groups,
            })
        })
        .collect()
}
