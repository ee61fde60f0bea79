//! The reader's list of questions for their doctor: which are ticked, how they are saved
//! for the session, and how they read when grouped or copied.

use std::rc::Rc;

use crate::collections::SmallSet;
use crate::content::{Card, Content};

/// A ticked question: the card's slug and the question's position in it.
pub type QuestionRef = (String, usize);

/// A card and its ticked questions (position, text).
pub type QuestionGroup = (Rc<Card>, Vec<(usize, String)>);

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Questions(SmallSet<QuestionRef>);

impl Questions {
    pub fn toggle(&mut self, card: String, position: usize) {
        self.0.toggle((card, position));
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Positions of one card's ticked questions.
    pub fn of_card(&self, card: &str) -> Vec<usize> {
        self.0
            .iter()
            .filter(|(id, _)| id == card)
            .map(|(_, i)| *i)
            .collect()
    }

    /// `slug:index` pairs, comma separated: small and readable in dev tools.
    pub fn encode(&self) -> String {
        self.0
            .iter()
            .map(|(id, i)| format!("{id}:{i}"))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Reads what `encode` wrote, keeping only questions the content still has.
    pub fn decode(raw: &str, content: &Content) -> Self {
        Questions(
            raw.split(',')
                .filter_map(|pair| {
                    let (id, i) = pair.rsplit_once(':')?;
                    let i: usize = i.parse().ok()?;
                    let card = content.card(id)?;
                    (i < card.questions.len()).then(|| (id.to_owned(), i))
                })
                .collect(),
        )
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

    /// The list as plain text, for the clipboard.
    pub fn to_text(&self, content: &Content) -> String {
        let mut out = format!("{}\n", content.ui.my_questions_heading);
        for (card, qs) in self.group(content) {
            out.push('\n');
            out.push_str(&card.title);
            out.push('\n');
            for (_, q) in qs {
                out.push_str("- ");
                out.push_str(&q);
                out.push('\n');
            }
        }
        out
    }
}

impl FromIterator<QuestionRef> for Questions {
    fn from_iter<I: IntoIterator<Item = QuestionRef>>(iter: I) -> Self {
        Questions(iter.into_iter().collect())
    }
}
