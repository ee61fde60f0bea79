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
// Declared beside the issue list; state and the question list both keep sets of issues.
pub use crate::content::Issues;
use crate::questions::Questions;
use crate::search::{Filter, Query};
use crate::slug::slug_enum;

slug_enum! {
    /// Which of the four views is showing.
    #[derive(Default)]
    pub enum View {
        #[default]
        Cards = "cards",
        Compare = "compare",
        /// "What matters to me": issue cards (only when the content has a `[matters]` block).
        Matters = "matters",
        Questions = "questions",
    }
}

/// The comparison table's columns, in order. The header, the rows and the side-by-side
/// table all iterate `Field::ALL`; each field's label, cell and sort key sit together in
/// `components/compare_fields.rs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Treatment,
    Category,
    Status,
    Given,
    Onset,
    Evidence,
    /// The headline of the card's first fact box: "27 out of 100 vs 18 out of 100".
    Outcome,
    Risks,
    Regulatory,
}

impl Field {
    pub const ALL: [Field; 9] = [
        Field::Treatment,
        Field::Category,
        Field::Status,
        Field::Given,
        Field::Onset,
        Field::Evidence,
        Field::Outcome,
        Field::Risks,
        Field::Regulatory,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortDir {
    Ascending,
    Descending,
}

/// Most treatments a reader can put side by side.
pub const MAX_PICKS: usize = 4;

/// The part of the state a shared link carries (`?trd-q=seizure&trd-type=stimulation`,
/// `?trd-view=matters&trd-issues=onset,memory`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UrlState {
    pub query: String,
    pub categories: SmallSet<Category>,
    pub statuses: SmallSet<Status>,
    pub view: View,
    pub issues: Issues,
}

impl UrlState {
    const QUERY: &'static str = "trd-q";
    const CATEGORIES: &'static str = "trd-type";
    const STATUSES: &'static str = "trd-status";
    const VIEW: &'static str = "trd-view";
    const ISSUES: &'static str = "trd-issues";

    /// Reads the query parameters through `get`; unknown slugs are ignored.
    pub fn from_pairs(get: impl Fn(&str) -> Option<String>) -> Self {
        let list = |key| get(key).unwrap_or_default();
        UrlState {
            query: list(Self::QUERY),
            categories: list(Self::CATEGORIES)
                .split(',')
                .filter_map(Category::from_slug)
                .collect(),
            statuses: list(Self::STATUSES)
                .split(',')
                .filter_map(Status::from_slug)
                .collect(),
            view: View::from_slug(&list(Self::VIEW)).unwrap_or_default(),
            issues: list(Self::ISSUES).split(',').collect(),
        }
    }

    /// Each parameter and its value; an empty value means "leave it out of the URL".
    pub fn to_pairs(&self) -> [(&'static str, String); 5] {
        let slugs = |list: Vec<&str>| list.join(",");
        [
            (Self::QUERY, self.query.trim().to_owned()),
            (
                Self::CATEGORIES,
                slugs(self.categories.iter().map(|c| c.slug()).collect()),
            ),
            (
                Self::STATUSES,
                slugs(self.statuses.iter().map(|s| s.slug()).collect()),
            ),
            (
                Self::VIEW,
                match self.view {
                    View::Cards => String::new(),
                    v => v.slug().into(),
                },
            ),
            (Self::ISSUES, self.issues.to_list()),
        ]
    }

    pub fn is_default(&self) -> bool {
        *self == UrlState::default()
    }
}

/// A one-off message for the polite live region; the text is chosen at render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    Showing(View),
    Copied,
    CopyFailed,
}

/// Cards that opened or closed together, for the host page to hear about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Toggled {
    pub ids: Vec<String>,
    pub open: bool,
}

/// A running count of the changes to `open` and the latest few of them. Only the latest
/// are kept because the state is cloned on every action: a log of all of them would make
/// each click slower than the one before. A render emits what arrived since the last one,
/// which is one or two changes, far fewer than it keeps.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ToggleLog {
    count: usize,
    recent: Vec<Toggled>,
}

impl ToggleLog {
    const KEEP: usize = 16;

    pub fn push(&mut self, toggled: Toggled) {
        if self.recent.len() == Self::KEEP {
            self.recent.remove(0);
        }
        self.recent.push(toggled);
        self.count += 1;
    }

    /// How many changes there have been.
    pub fn count(&self) -> usize {
        self.count
    }

    /// The changes after the first `seen`, oldest first.
    pub fn since(&self, seen: usize) -> impl Iterator<Item = &Toggled> {
        let new = self.count.saturating_sub(seen).min(self.recent.len());
        self.recent.iter().skip(self.recent.len() - new)
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ExplainerState {
    /// Slugs of the open cards.
    pub open: SmallSet<String>,
    /// The search box's text, as typed.
    pub query: String,
    pub categories: SmallSet<Category>,
    pub statuses: SmallSet<Status>,
    pub view: View,
    /// Issues ticked in "What matters to me".
    pub issues: Issues,
    pub sort: Option<(Field, SortDir)>,
    /// Treatments chosen for the side-by-side comparison, in the order chosen.
    pub picked: Vec<String>,
    pub side_by_side: bool,
    pub questions: Questions,
    /// A card to scroll to once it has rendered (deep links).
    pub scroll_to: Option<String>,
    /// The latest notice, with a counter so repeats re-announce.
    pub notice: Option<(Notice, u32)>,
    /// The real changes to `open` the host should hear about; the app emits the ones it
    /// has not emitted yet.
    pub toggled: ToggleLog,
    /// False for the first render, so server and client markup match; controls that need
    /// the app are disabled until then.
    pub hydrated: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The app has hydrated or mounted; enable its controls.
    Hydrated,
    /// The one way cards open and close. Only cards whose state really changes count,
    /// and the host hears about them unless `quiet` (cards the host itself configured).
    SetOpen {
        ids: Vec<String>,
        open: bool,
        quiet: bool,
    },
    /// A reader clicked a card's header: open it if it is closed by then, else close it.
    /// Decided here rather than in the card, whose props lag behind two clicks in one task.
    Flip(String),
    /// Shows a card from a deep link: clears what would hide it, then scrolls to it.
    Reveal(String),
    /// Opens a card at its fact boxes ("See the numbers", `#ect-facts`): as `Reveal`, but
    /// scrolls to and focuses the numbers.
    ShowFacts(String),
    ScrolledTo,
    SetQuery(String),
    ToggleCategory(Category),
    ToggleStatus(Status),
    ClearFilters,
    /// Restores search, filters, view and ticked issues from the page URL.
    Restore(UrlState),
    SetView(View),
    /// Ticks or unticks an issue in "What matters to me".
    ToggleIssue(&'static str),
    SortBy(Field),
    TogglePick(String),
    ClearPicks,
    SetSideBySide(bool),
    ToggleQuestion(String, usize),
    /// Adds an issue card's question to My questions, or takes it out.
    ToggleIssueQuestion(&'static str),
    RestoreQuestions(Questions),
    ClearQuestions,
    Notify(Notice),
}

impl Action {
    /// Opens (or closes) the cards a reader asked for.
    pub fn open(ids: Vec<String>, open: bool) -> Self {
        Action::SetOpen {
            ids,
            open,
            quiet: false,
        }
    }
}

impl ExplainerState {
    pub fn filter(&self) -> Filter {
        Filter {
            query: Query::parse(&self.query),
            categories: self.categories.iter().copied().collect(),
            statuses: self.statuses.iter().copied().collect(),
        }
    }

    pub fn url_state(&self) -> UrlState {
        UrlState {
            query: self.query.clone(),
            categories: self.categories.clone(),
            statuses: self.statuses.clone(),
            view: self.view,
            issues: self.issues.clone(),
        }
    }

    pub fn is_open(&self, id: &str) -> bool {
        self.open.contains(id)
    }

    /// Opens or closes the cards not already so; returns the ones that changed.
    fn set_open(&mut self, ids: Vec<String>, open: bool) -> Vec<String> {
        let changed: Vec<String> = ids
            .into_iter()
            .filter(|id| self.is_open(id) != open)
            .collect();
        for id in &changed {
            if open {
                self.open.insert(id.clone());
            } else {
                self.open.remove(id);
            }
        }
        changed
    }

    fn notify(&mut self, notice: Notice) {
        let n = self.notice.as_ref().map_or(0, |(_, n)| n + 1);
        self.notice = Some((notice, n));
    }

    fn clear_filters(&mut self) {
        self.query.clear();
        self.categories.clear();
        self.statuses.clear();
    }
}

impl Reducible for ExplainerState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Hydrated => s.hydrated = true,
            Action::Flip(id) => {
                let open = !s.is_open(&id);
                let ids = s.set_open(vec![id], open);
                s.toggled.push(Toggled { ids, open });
            }
            Action::SetOpen { ids, open, quiet } => {
                let ids = s.set_open(ids, open);
                if !quiet && !ids.is_empty() {
                    s.toggled.push(Toggled { ids, open });
                }
            }
            Action::Reveal(id) => {
                s.clear_filters();
                s.view = View::Cards;
                s.scroll_to = Some(id);
            }
            Action::ShowFacts(id) => {
                let ids = s.set_open(vec![id.clone()], true);
                if !ids.is_empty() {
                    s.toggled.push(Toggled { ids, open: true });
                }
                s.clear_filters();
                s.view = View::Cards;
                s.scroll_to = Some(format!("{id}-facts"));
            }
            Action::ScrolledTo => s.scroll_to = None,
            Action::SetQuery(q) => s.query = q,
            Action::ToggleCategory(c) => s.categories.toggle(c),
            Action::ToggleStatus(st) => s.statuses.toggle(st),
            Action::ClearFilters => s.clear_filters(),
            Action::Restore(url) => {
                s.query = url.query;
                s.categories = url.categories;
                s.statuses = url.statuses;
                s.view = url.view;
                s.issues = url.issues;
            }
            Action::SetView(v) => {
                s.view = v;
                s.notify(Notice::Showing(v));
            }
            Action::ToggleIssue(slug) => s.issues.toggle(slug),
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
            Action::ToggleQuestion(id, i) => s.questions.toggle(id, i),
            Action::ToggleIssueQuestion(slug) => s.questions.toggle_issue(slug),
            Action::RestoreQuestions(q) => s.questions = q,
            Action::ClearQuestions => s.questions.clear(),
            Action::Notify(notice) => s.notify(notice),
        }
        Rc::new(s)
    }
}
