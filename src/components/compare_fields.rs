//! What each comparison column shows and how it sorts, in one place: the table header,
//! its rows and the side-by-side view all iterate `Field::ALL`.

use yew::prelude::*;

use super::{out_of_text, status_badge, time_text};
use crate::content::{fill, headline, headline_difference, Card, Content, Section, UiStrings};
use crate::search::fold;
use crate::state::Field;

/// A card's position under a sorted field. `Rank(u8::MAX)` means "not given", which
/// sorts last in either direction.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
pub enum SortKey {
    Text(String),
    Rank(u8),
    /// Treatment minus comparison, out of 100 (the outcome column).
    Difference(i32),
}

impl SortKey {
    pub const MISSING: SortKey = SortKey::Rank(u8::MAX);
}

impl Field {
    pub fn label(self, ui: &UiStrings) -> &str {
        match self {
            Field::Treatment => &ui.col_treatment,
            Field::Category => &ui.col_category,
            Field::Status => &ui.col_status,
            Field::Given => &ui.col_given,
            Field::Onset => &ui.col_onset,
            Field::Evidence => &ui.col_evidence,
            Field::Outcome => &ui.col_outcome,
            Field::Risks => &ui.col_risks,
            Field::Regulatory => &ui.col_regulatory,
        }
    }

    pub fn cell(self, card: &Card, content: &Content) -> Html {
        match self {
            Field::Treatment => html! { card.title.clone() },
            Field::Category => html! {
                content.category(card.category).map(|c| c.name.clone()).unwrap_or_default()
            },
            Field::Status => status_badge(card, content),
            Field::Given => brief(&card.how_given),
            Field::Onset => brief(&card.onset),
            Field::Evidence => evidence_cell(card, content),
            Field::Outcome => outcome_cell(card, content),
            Field::Risks => brief(&card.risks),
            Field::Regulatory => brief(&card.regulatory),
        }
    }

    /// How the field orders cards, if it can be sorted.
    pub fn sort(self) -> Option<fn(&Card) -> SortKey> {
        fn rank(r: Option<u8>) -> SortKey {
            r.map_or(SortKey::MISSING, SortKey::Rank)
        }
        match self {
            Field::Treatment => Some(|c| SortKey::Text(fold(&c.title))),
            Field::Category => Some(|c| SortKey::Rank(c.category as u8)),
            Field::Status => Some(|c| rank(c.status.map(|s| s as u8))),
            Field::Evidence => {
                Some(|c| rank(c.evidence.as_ref().and_then(|e| e.level).map(|l| l as u8)))
            }
            Field::Outcome => Some(|c| {
                headline_difference(&c.facts).map_or(SortKey::MISSING, SortKey::Difference)
            }),
            Field::Given | Field::Onset | Field::Risks | Field::Regulatory => None,
        }
    }
}

/// A section's one-line summary for the table, or a dash.
fn brief(section: &Option<Section>) -> Html {
    let text = section
        .as_ref()
        .and_then(|s| s.brief.clone())
        .unwrap_or_else(|| "—".into());
    html! { text }
}

fn evidence_cell(card: &Card, content: &Content) -> Html {
    let Some(e) = &card.evidence else {
        return Html::default();
    };
    html! {
        <span class="trd-table__evidence">
            if let Some(l) = e.level {
                <span class={classes!("trd-level", format!("trd-level--{}", l.slug()))}>{ content.evidence_label(l) }</span>
            }
            if let Some(b) = &e.brief { <span class="trd-table__brief">{ b }</span> }
        </span>
    }
}

/// "27 out of 100 vs 18 out of 100 (another treatment): few or no symptoms left, at week
/// 8": the first fact box's headline, a dash without one.
fn outcome_cell(card: &Card, content: &Content) -> Html {
    let Some((_, row, a, b)) = headline(&card.facts) else {
        return html! { "—" };
    };
    let words = &content.facts;
    html! {
        fill(words.get("compare"), &[
            ("a", &out_of_text(words, a)),
            ("b", &out_of_text(words, b)),
            ("comparison", words.get(&format!("role-{}", b.role))),
            ("meaning", words.get(&format!("outcome-{}-meaning", row.outcome))),
            ("time", &time_text(words, a)),
        ])
    }
}
