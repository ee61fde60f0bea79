//! "What matters to me": issue cards. A reader ticks the issues they care about (how soon
//! it may help, effects on memory...) and sees, per issue, every treatment's short answer,
//! grouped by answer class in a natural order (fastest first, least time first).
//!
//! The issue slugs (a public contract: `trd-issues=onset,memory`) and each issue's answer
//! classes, in display order, are declared once, in [`ISSUES`]. The locale file gives the
//! words (`[matters.issues.<slug>]`) and the facts (`[matters.answers.<card>]`); see the
//! comment above the `[matters]` block in `src/content/en.toml` for its shape.

use std::rc::Rc;

use serde::{Deserialize, Deserializer};

use super::model::{Card, Content, Source};
use super::validate::has_figure;
use crate::collections::Entries;

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
        classes: &["known-risk", "short-term", "not-listed", NOT_KNOWN],
    },
    IssueSpec {
        slug: "procedure",
        classes: &["none", "anesthesia", "surgery-implant", NOT_KNOWN],
    },
    IssueSpec {
        slug: "driving",
        classes: &["not-same-day", "long-session", NOT_KNOWN],
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

/// The issue with this slug, if any (for URL state and events).
pub fn issue_spec(slug: &str) -> Option<&'static IssueSpec> {
    ISSUES.iter().find(|i| i.slug == slug)
}

/// The `[matters]` block of a locale: the view's words, the issue texts, every
/// treatment's answers and the sources they cite.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Matters {
    pub strings: MattersStrings,
    /// Issue slug → its words. Display order comes from [`ISSUES`], not from here.
    #[serde(deserialize_with = "entries")]
    pub issues: Vec<(String, IssueText)>,
    /// Card slug → (issue slug → answer).
    #[serde(deserialize_with = "nested_entries")]
    pub answers: Vec<(String, CardAnswers)>,
    /// Full references cited by answers (keys as in the cards where the text is the same).
    pub sources: Rc<[Source]>,
}

/// The view's own interface words. Kept with the rest of the block (not in `[ui]`) so
/// the feature is one block of the locale file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MattersStrings {
    /// The view's name in the view switcher and its heading: "What matters to me".
    pub view: String,
    /// Announced when the view is chosen.
    pub showing: String,
    pub intro: String,
    /// Legend of the issue chips.
    pub legend: String,
    /// Shown while no issue is ticked.
    pub empty: String,
    /// Shown when the search and filters leave no treatment.
    pub no_treatments: String,
    /// Result count for screen readers. `{issues}` and `{treatments}` are replaced by
    /// `issues_one`/`issues_many` and `treatments_one`/`treatments_many`.
    pub status: String,
    pub issues_one: String,
    /// `{count}` is replaced.
    pub issues_many: String,
    pub treatments_one: String,
    /// `{count}` is replaced.
    pub treatments_many: String,
    /// Heading above an issue's question for the doctor.
    pub question_heading: String,
    /// Hint next to the question's checkbox.
    pub question_add: String,
    /// Shown beside the question once it is in My questions.
    pub question_added: String,
    /// For a treatment without an entry (a publisher's added card).
    pub no_answer: String,
}

/// The words for one issue.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssueText {
    /// The chip: "Effects on memory and thinking".
    pub label: String,
    /// The issue card's heading: "Will it affect my memory?".
    pub heading: String,
    /// One or two sentences under the heading.
    pub note: String,
    /// The question to ask a doctor, which the reader can add to My questions.
    pub question: String,
    /// Class → visible group label ("Hours to days").
    #[serde(deserialize_with = "entries")]
    pub classes: Vec<(String, String)>,
}

/// One card's answers: issue slug → answer.
pub type CardAnswers = Vec<(String, Answer)>;

/// One treatment's answer to one issue.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// One of the issue's classes in [`ISSUES`].
    pub class: String,
    /// One or two short, plain sentences: facts, not advice.
    pub text: String,
    /// Keys into [`Matters::sources`].
    #[serde(default)]
    pub sources: Vec<String>,
}

fn entries<'de, D: Deserializer<'de>, V: Deserialize<'de>>(
    d: D,
) -> Result<Vec<(String, V)>, D::Error> {
    Entries::deserialize(d).map(|Entries(v)| v)
}

fn nested_entries<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(String, CardAnswers)>, D::Error> {
    let Entries(cards) = Entries::<Entries<Answer>>::deserialize(d)?;
    Ok(cards.into_iter().map(|(k, Entries(v))| (k, v)).collect())
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

    /// The group label of an issue's class.
    pub fn class_label(&self, issue: &str, class: &str) -> Option<&str> {
        self.issue(issue)
            .and_then(|i| lookup(&i.classes, class))
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

    let s = &m.strings;
    let strings = [
        ("view", &s.view),
        ("showing", &s.showing),
        ("intro", &s.intro),
        ("legend", &s.legend),
        ("empty", &s.empty),
        ("no_treatments", &s.no_treatments),
        ("status", &s.status),
        ("issues_one", &s.issues_one),
        ("issues_many", &s.issues_many),
        ("treatments_one", &s.treatments_one),
        ("treatments_many", &s.treatments_many),
        ("question_heading", &s.question_heading),
        ("question_add", &s.question_add),
        ("question_added", &s.question_added),
        ("no_answer", &s.no_answer),
    ];
    for (key, value) in strings {
        if value.trim().is_empty() {
            errors.push(format!("matters: string `{key}` is empty"));
        }
    }

    for spec in ISSUES {
        let who = format!("matters: issue `{}`", spec.slug);
        let Some(issue) = m.issue(spec.slug) else {
            errors.push(format!("{who} has no words (label, heading, question)"));
            continue;
        };
        for (field, value) in [
            ("label", &issue.label),
            ("heading", &issue.heading),
            ("note", &issue.note),
            ("question", &issue.question),
        ] {
            if value.trim().is_empty() {
                errors.push(format!("{who}: `{field}` is empty"));
            }
        }
        for class in spec.classes {
            if lookup(&issue.classes, class).is_none_or(|l| l.trim().is_empty()) {
                errors.push(format!("{who}: class `{class}` has no label"));
            }
        }
        for (class, _) in &issue.classes {
            if !spec.classes.contains(&class.as_str()) {
                errors.push(format!(
                    "{who}: label for unknown class `{class}` (allowed: {})",
                    spec.classes.join(", ")
                ));
            }
        }
    }
    for (slug, _) in &m.issues {
        if issue_spec(slug).is_none() {
            errors.push(format!("matters: unknown issue `{slug}`"));
        }
    }

    for (key, _) in m.sources.iter().map(|s| (&s.id, s)) {
        if m.sources.iter().filter(|s| &s.id == key).count() > 1 {
            errors.push(format!("matters: duplicate source key `{key}`"));
        }
    }
    for src in m.sources.iter() {
        if src.short.trim().is_empty() || src.text.trim().is_empty() {
            errors.push(format!(
                "matters: source `{}` needs `short` and `text`",
                src.id
            ));
        }
    }

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
                    "{who}: class `{}` is not one of {}",
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
                    let label = lookup(&text.classes, class).map_or(class, String::as_str);
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
