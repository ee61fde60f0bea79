//! The explainer's state and everything that can happen to it.
//!
//! One `ExplainerState` per widget instance, changed only through `Action`s in `reduce`.
//! The first render (server-side and hydration alike) uses `ExplainerState::default()`;
//! options, the URL, deep links and saved questions are applied as actions afterwards so
//! hydration always sees the markup it expects.

use std::rc::Rc;

use yew::Reducible;

use crate::collections::SmallSet;
use crate::content::{Category, Status};
use crate::search::{Filter, Query};

/// Which of the three views is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Cards,
    Compare,
    Questions,
}

impl View {
    pub fn slug(self) -> &'static str {
        match self {
            View::Cards => "cards",
            View::Compare => "compare",
            View::Questions => "questions",
        }
    }

    pub fn from_slug(s: &str) -> Option<Self> {
        [View::Cards, View::Compare, View::Questions]
            .into_iter()
            .find(|v| v.slug() == s)
    }
}

/// Sortable columns of the comparison table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Treatment,
    Category,
    Status,
    Evidence,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortDir {
    Ascending,
    Descending,
}

/// Most treatments a reader can put side by side.
pub const MAX_PICKS: usize = 4;

/// A ticked question: the card's slug and the question's position in it.
pub type QuestionRef = (String, usize);

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ExplainerState {
    /// Slugs of the open cards.
    pub open: SmallSet<String>,
    /// The search box's text, as typed.
    pub query: String,
    pub categories: SmallSet<Category>,
    pub statuses: SmallSet<Status>,
    pub view: View,
    pub sort: Option<(Column, SortDir)>,
    /// Treatments chosen for the side-by-side comparison, in the order chosen.
    pub picked: Vec<String>,
    pub side_by_side: bool,
    pub questions: SmallSet<QuestionRef>,
    /// A card to scroll to once it has rendered (deep links).
    pub scroll_to: Option<String>,
    /// A one-off message for the polite live region, with a counter so repeats re-announce.
    pub notice: Option<(String, u32)>,
    /// Whether the sticky crisis strip shows (the full banner has scrolled out of view).
    pub strip: bool,
    /// False for the first render, so server and client markup match; controls that need
    /// the app are disabled until then.
    pub live: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The app has hydrated or mounted; enable its controls.
    GoLive,
    ShowStrip(bool),
    Toggle(String),
    SetOpen(String, bool),
    /// Open these cards (the visible ones).
    ExpandAll(Vec<String>),
    CollapseAll,
    /// Open a card from a deep link: clears filters hiding it, then scrolls to it.
    Reveal(String),
    ScrolledTo,
    SetQuery(String),
    ToggleCategory(Category),
    ToggleStatus(Status),
    ClearFilters,
    /// Restores search and filters from the page URL.
    Restore {
        query: String,
        categories: SmallSet<Category>,
        statuses: SmallSet<Status>,
        view: View,
    },
    SetView(View),
    SortBy(Column),
    TogglePick(String),
    ClearPicks,
    SetSideBySide(bool),
    ToggleQuestion(String, usize),
    RestoreQuestions(SmallSet<QuestionRef>),
    ClearQuestions,
    Notify(String),
}

impl ExplainerState {
    pub fn filter(&self) -> Filter {
        Filter {
            query: Query::parse(&self.query),
            categories: self.categories.iter().copied().collect(),
            statuses: self.statuses.iter().copied().collect(),
        }
    }

    pub fn is_open(&self, id: &str) -> bool {
        self.open.contains(id)
    }

    fn notify(&mut self, text: String) {
        let n = self.notice.as_ref().map_or(0, |(_, n)| n + 1);
        self.notice = Some((text, n));
    }
}

impl Reducible for ExplainerState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::GoLive => s.live = true,
            Action::ShowStrip(on) => s.strip = on,
            Action::Toggle(id) => s.open.toggle(id),
            Action::SetOpen(id, true) => {
                s.open.insert(id);
            }
            Action::SetOpen(id, false) => {
                s.open.remove(&id);
            }
            Action::ExpandAll(ids) => s.open.extend(ids),
            Action::CollapseAll => s.open.clear(),
            Action::Reveal(id) => {
                s.query.clear();
                s.categories.clear();
                s.statuses.clear();
                s.view = View::Cards;
                s.open.insert(id.clone());
                s.scroll_to = Some(id);
            }
            Action::ScrolledTo => s.scroll_to = None,
            Action::SetQuery(q) => s.query = q,
            Action::ToggleCategory(c) => s.categories.toggle(c),
            Action::ToggleStatus(st) => s.statuses.toggle(st),
            Action::ClearFilters => {
                s.query.clear();
                s.categories.clear();
                s.statuses.clear();
            }
            Action::Restore {
                query,
                categories,
                statuses,
                view,
            } => {
                s.query = query;
                s.categories = categories;
                s.statuses = statuses;
                s.view = view;
            }
            Action::SetView(v) => {
                s.view = v;
            }
            Action::SortBy(col) => {
                s.sort = Some(match s.sort {
                    Some((c, SortDir::Ascending)) if c == col => (col, SortDir::Descending),
                    _ => (col, SortDir::Ascending),
                });
            }
            Action::TogglePick(id) => {
                if let Some(pos) = s.picked.iter().position(|p| *p == id) {
                    s.picked.remove(pos);
                } else if s.picked.len() < MAX_PICKS {
                    s.picked.push(id);
                }
                if s.picked.len() < 2 {
                    s.side_by_side = false;
                }
            }
            Action::ClearPicks => {
                s.picked.clear();
                s.side_by_side = false;
            }
            Action::SetSideBySide(on) => s.side_by_side = on && s.picked.len() >= 2,
            Action::ToggleQuestion(id, i) => s.questions.toggle((id, i)),
            Action::RestoreQuestions(q) => s.questions = q,
            Action::ClearQuestions => s.questions.clear(),
            Action::Notify(text) => s.notify(text),
        }
        Rc::new(s)
    }
}
