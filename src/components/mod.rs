//! One component per file, each named for what the reader sees.

mod card_section;
mod compare_table;
mod crisis_strip;
mod disclaimer;
mod expand_all_button;
mod filter_bar;
mod highlighted;
mod intro;
mod my_questions;
mod point_list;
mod question_checklist;
mod results_status;
mod safety_banner;
mod search_box;
mod source_list;
mod sponsored_slot;
mod status_badge;
mod treatment_card;
mod treatment_list;
mod view_switcher;

pub use card_section::CardSection;
pub use compare_table::CompareTable;
pub use crisis_strip::CrisisStrip;
pub use disclaimer::Disclaimer;
pub use expand_all_button::ExpandAllButton;
pub use filter_bar::FilterBar;
pub use highlighted::Highlighted;
pub use intro::Intro;
pub use my_questions::{group_questions, questions_as_text, MyQuestions};
pub use point_list::PointList;
pub use question_checklist::QuestionChecklist;
pub use results_status::ResultsStatus;
pub use safety_banner::SafetyBanner;
pub use search_box::SearchBox;
pub use source_list::SourceList;
pub use sponsored_slot::SponsoredSlot;
pub use status_badge::StatusBadge;
pub use treatment_card::TreatmentCard;
pub use treatment_list::TreatmentList;
pub use view_switcher::ViewSwitcher;

use yew::prelude::*;

/// A heading of a level chosen at run time (the host page decides the outline).
pub fn heading(level: u8, id: Option<String>, class: &'static str, children: Html) -> Html {
    let tag = format!("h{}", level.clamp(1, 6));
    html! { <@{tag} {id} {class}>{ children }</@> }
}
