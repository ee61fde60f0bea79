//! "What matters to me": issue cards. A reader ticks the issues they care about (how soon
//! it may help, effects on memory...) and sees, per issue, every treatment's short answer,
//! grouped by answer class in a natural order (fastest first, least time first).
//!
//! The issue slugs (a public contract: `trd-issues=onset,memory`) and each issue's answer
//! classes, in display order, are declared once, in [`ISSUES`]. The locale file gives the
//! words (`[matters.issues.<slug>]`) and the facts (`[matters.answers.<card>]`), read into
//! [`Matters`] (in `model.rs`); see the comment above the `[matters]` block in
//! `src/content/en.toml` for its shape.

use std::rc::Rc;

use super::card::{Card, Source};
use super::model::{Content, IssueText, Matters, MattersStrings};
use super::text::has_figure;
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
pub fn evidence_class(level: super::card::EvidenceLevel) -> &'static str {
    use super::card::EvidenceLevel::*;
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

/// Ticked issues ("What matters to me"), known slugs only, kept in the order of
/// [`ISSUES`] so URLs and events list them the same way whatever order they were ticked in.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Issues(Vec<&'static str>);

impl Issues {
    /// Ticks a known issue, or unticks it if it was ticked; unknown slugs change nothing.
    pub fn toggle(&mut self, slug: &str) {
        if let Some(pos) = self.0.iter().position(|s| *s == slug) {
            self.0.remove(pos);
        } else if let Some(spec) = issue_spec(slug) {
            // Inserted in place: a slice sort would add kilobytes of wasm for nine items.
            let rank = |s: &str| ISSUES.iter().position(|i| i.slug == s);
            let at = (self.0.iter())
                .position(|s| rank(s) > rank(spec.slug))
                .unwrap_or(self.0.len());
            self.0.insert(at, spec.slug);
        }
    }

    pub fn contains(&self, slug: &str) -> bool {
        self.0.contains(&slug)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.0.iter().copied()
    }

    /// `onset,memory`, as in the URL.
    pub fn to_list(&self) -> String {
        self.0.join(",")
    }
}

impl<'a> FromIterator<&'a str> for Issues {
    fn from_iter<I: IntoIterator<Item = &'a str>>(iter: I) -> Self {
        let mut issues = Issues::default();
        for slug in iter {
            if !issues.contains(slug) {
                issues.toggle(slug);
            }
        }
        issues
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
    // Typos in the block (the content checks report those elsewhere in the file).
    for path in &content.unknown_fields {
        let Some(rest) = path.strip_prefix("matters.") else {
            continue;
        };
        errors.push(match rest.split('.').collect::<Vec<_>>()[..] {
            ["strings", key] => format!("matters: unknown string `{key}`"),
            ["issues", issue, key] => format!("matters: issue `{issue}`: unknown field `{key}`"),
            _ => format!("matters: unknown field `{rest}`"),
        });
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
            }
        }
        for class in spec.classes {
            if m.class_label(spec.slug, class)
                .is_none_or(|l| l.trim().is_empty())
            {
                errors.push(format!("{who}: class `{class}` has no label"));
            }
        }
        for class in m.classes.get(spec.slug).into_iter().flat_map(Entries::keys) {
            if !spec.classes.contains(&class.as_str()) {
                errors.push(format!(
                    "{who}: label for unknown class `{class}` (allowed: {})",
                    spec.classes.join(", ")
                ));
            }
        }
    }
    for slug in m.issues.keys().chain(m.classes.keys()) {
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
