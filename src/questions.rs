//! The reader's list of questions for their doctor: which are ticked, how they are saved
//! for the session, and how they read when grouped or copied. Questions come from the
//! treatment cards and from the "What matters to me" issue cards.

use std::rc::Rc;

use crate::collections::SmallSet;
use crate::content::{Card, Content, Issues};

/// A ticked question: the card's slug and the question's position in it.
pub type QuestionRef = (String, usize);

/// A card and its ticked questions (position, text).
pub type QuestionGroup = (Rc<Card>, Vec<(usize, String)>);

/// An issue's question (slug, text), as My questions lists it.
pub type IssueQuestion = (&'static str, String);

/// Separates the issue questions from the card questions in the saved value; values saved
/// before issue questions existed have none and read as before.
const ISSUES_MARK: char = '|';

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Questions {
    cards: SmallSet<QuestionRef>,
    /// Issues whose question is in the list (one question per issue).
    issues: Issues,
}

impl Questions {
    pub fn toggle(&mut self, card: String, position: usize) {
        self.cards.toggle((card, position));
    }

    /// Adds an issue's question, or takes it out; unknown slugs change nothing.
    pub fn toggle_issue(&mut self, slug: &str) {
        self.issues.toggle(slug);
    }

    pub fn clear(&mut self) {
        self.cards.clear();
        self.issues = Issues::default();
    }

    pub fn len(&self) -> usize {
        self.cards.len() + self.issues.iter().count()
    }

    pub fn is_empty(&self) -> bool {
        self.cards.is_empty() && self.issues.is_empty()
    }

    /// Slugs of the issues whose question is in the list, in issue order.
    pub fn issues(&self) -> &Issues {
        &self.issues
    }

    /// Positions of one card's ticked questions.
    pub fn of_card(&self, card: &str) -> Vec<usize> {
        self.cards
            .iter()
            .filter(|(id, _)| id == card)
            .map(|(_, i)| *i)
            .collect()
    }

    /// `slug:index` pairs, comma separated: small and readable in dev tools. Issue
    /// questions follow after a `|` as issue slugs (`ect:0,tms:1|onset,memory`); without
    /// any the value is exactly what older versions wrote.
    pub fn encode(&self) -> String {
        let cards = (self.cards.iter())
            .map(|(id, i)| format!("{id}:{i}"))
            .collect::<Vec<_>>()
            .join(",");
        match self.issues.is_empty() {
            true => cards,
            false => format!("{cards}{ISSUES_MARK}{}", self.issues.to_list()),
        }
    }

    /// Reads what `encode` wrote (now or before issue questions existed), keeping only
    /// questions the content still has.
    pub fn decode(raw: &str, content: &Content) -> Self {
        let (cards, issues) = raw.split_once(ISSUES_MARK).unwrap_or((raw, ""));
        let cards = cards
            .split(',')
            .filter_map(|pair| {
                let (id, i) = pair.rsplit_once(':')?;
                let i: usize = i.parse().ok()?;
                let card = content.card(id)?;
                (i < card.questions.len()).then(|| (id.to_owned(), i))
            })
            .collect();
        let issues = match content.matters {
            Some(_) => issues.split(',').collect(),
            None => Issues::default(),
        };
        Questions { cards, issues }
    }

    /// The issue questions in the list, in issue order (none if the content has no issue
    /// cards).
    pub fn issue_questions(&self, content: &Content) -> Vec<IssueQuestion> {
        let Some(m) = content.matters.as_deref() else {
            return Vec::new();
        };
        (self.issues.iter())
            .filter_map(|slug| Some((slug, m.issue(slug)?.question.clone())))
            .collect()
    }

    /// Ticked questions grouped by card, in content order.
    pub fn group(&self, content: &Content) -> Vec<QuestionGroup> {
        content
            .cards
            .iter()
            .filter_map(|card| {
                let ticked = self.of_card(&card.id);
                let qs: Vec<(usize, String)> = card
                    .questions
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| ticked.contains(i))
                    .map(|(i, q)| (i, q.clone()))
                    .collect();
                (!qs.is_empty()).then(|| (card.clone(), qs))
            })
            .collect()
    }

    /// The list as plain text, for the clipboard: the card groups, then the issue
    /// questions under the view's name.
    pub fn to_text(&self, content: &Content) -> String {
        let mut out = format!("{}\n", content.ui.my_questions_heading);
        let mut group = |title: &str, qs: &mut dyn Iterator<Item = String>| {
            out.push('\n');
            out.push_str(title);
            out.push('\n');
            for q in qs {
                out.push_str("- ");
                out.push_str(&q);
                out.push('\n');
            }
        };
        for (card, qs) in self.group(content) {
            group(&card.title, &mut qs.into_iter().map(|(_, q)| q));
        }
        let issues = self.issue_questions(content);
        if let (Some(m), false) = (content.matters.as_deref(), issues.is_empty()) {
            group(&m.strings.view, &mut issues.into_iter().map(|(_, q)| q));
        }
        out
    }
}

impl FromIterator<QuestionRef> for Questions {
    fn from_iter<I: IntoIterator<Item = QuestionRef>>(iter: I) -> Self {
        Questions {
            cards: iter.into_iter().collect(),
            issues: Issues::default(),
        }
    }
}
