//! The publisher page's browser integrations, one hook each.

mod use_build_base;
mod use_copy;
mod use_fetched_text;
mod use_locale_content;
mod use_preview_colors;
mod use_valid_colors;

pub use use_build_base::use_build_base;
pub use use_copy::use_copy;
pub use use_fetched_text::{use_fetched_text, Fetched};
pub use use_locale_content::use_locale_content;
pub use use_preview_colors::use_preview_colors;
pub use use_valid_colors::{prefers_dark, use_valid_colors};
