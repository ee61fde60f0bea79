//! The views, one per file, each named for what the reader sees. Stateless views are
//! plain functions returning `Html`. Yew components are kept for the root, the two
//! alternative views, the toolbar, and where memoising on props pays: cards, card bodies and table
//! rows, which would otherwise all re-render on every change. Every component type adds
//! its own copy of Yew's generic machinery to the wasm, so there are no more than that.

mod card_body;
mod card_section;
mod compare_fields;
mod compare_row;
mod compare_table;
mod crisis_strip;
mod disclaimer;
mod expand_all_button;
mod fact_box;
mod filter_bar;
mod highlighted;
mod how_made;
mod icon_array;
mod intro;
mod my_questions;
mod point_list;
mod question_checklist;
mod results_status;
mod safety_banner;
mod search_and_filter;
mod search_box;
mod source_list;
mod sponsored_slot;
mod status_badge;
mod toolbar;
mod treatment_card;
mod treatment_list;
mod view_switcher;
mod what_matters;
mod words_explained;

pub use card_body::CardBody;
pub use card_section::card_section;
pub use compare_row::CompareRow;
pub use compare_table::CompareTable;
pub use crisis_strip::crisis_strip;
pub use disclaimer::disclaimer;
pub use expand_all_button::expand_all_button;
pub use fact_box::{basis_key, fact_boxes, out_of_text, time_text};
pub use filter_bar::filter_bar;
pub use highlighted::highlighted;
pub use how_made::{about_links, how_made, review_line};
pub use icon_array::icon_array;
pub use intro::intro;
pub use my_questions::MyQuestions;
pub use point_list::{cite, point_list};
pub use question_checklist::question_checklist;
pub use results_status::results_status;
pub use safety_banner::safety_banner;
pub use search_and_filter::search_and_filter;
pub use search_box::search_box;
pub use source_list::source_list;
pub use sponsored_slot::sponsored_slot;
pub use status_badge::status_badge;
pub use toolbar::Toolbar;
pub use treatment_card::{TreatmentCard, TreatmentCardProps};
pub use treatment_list::treatment_list;
pub use view_switcher::view_switcher;
pub use what_matters::{what_matters, MattersEvent};
pub use words_explained::words_explained;

use yew::prelude::*;

/// A heading of a level chosen at run time (the host page decides the outline).
pub fn heading(level: u8, id: Option<String>, class: &'static str, children: Html) -> Html {
    let tag = format!("h{}", level.clamp(1, 6));
    html! { <@{tag} {id} {class}>{ children }</@> }
}
