use yew::prelude::*;

use crate::content::{Card, Content};

/// A small label saying how established a treatment is; colour is never the only cue. A
/// card's own badge ("US-approved · Limited evidence") gets a cautionary colour rather than
/// the colour of its filter status, so colour never contradicts the words.
pub fn status_badge(card: &Card, content: &Content) -> Html {
    let Some(status) = card.status else {
        return Html::default();
    };
    let class = classes!(
        "trd-badge",
        format!("trd-badge--{}", status.slug()),
        card.badge.is_some().then_some("trd-badge--qualified")
    );
    html! { <span {class}>{ card.badge_label(content).unwrap_or_default().to_owned() }</span> }
}
