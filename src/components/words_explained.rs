use yew::prelude::*;

use super::heading;
use crate::content::Content;

/// "Words explained": one plain definition for each term the cards link to, so a card can
/// use a word like "sham" or "off-label" without explaining it again every time. Not a
/// named region: several instances on one page would repeat the landmark.
pub fn words_explained(content: &Content, level: u8) -> Html {
    if content.glossary.is_empty() {
        return Html::default();
    }
    let items = content.glossary.iter().map(|g| {
        html! {
            <>
                <dt class="trd-words__term" id={format!("trd-word-{}", g.id)}>{ &g.term }</dt>
                <dd class="trd-words__definition">{ &g.definition }</dd>
            </>
        }
    });
    html! {
        <section class="trd-words">
            { heading(level, Some("trd-words-heading".into()), "trd-words__heading", html! { content.ui.words_heading.clone() }) }
            <p class="trd-words__intro">{ &content.ui.words_intro }</p>
            <dl class="trd-words__list">{ for items }</dl>
        </section>
    }
}
