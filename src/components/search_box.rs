use yew::prelude::*;

use crate::content::UiStrings;
use crate::state::Action;

/// Filters the cards as the reader types; Escape or the clear button empties it.
pub fn search_box(value: &str, ui: &UiStrings, dispatch: &Callback<Action>) -> Html {
    let oninput = dispatch.reform(|e: InputEvent| {
        Action::SetQuery(
            e.target_unchecked_into::<web_sys::HtmlInputElement>()
                .value(),
        )
    });
    let onclear = dispatch.reform(|_: MouseEvent| Action::SetQuery(String::new()));
    let onkeydown = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                dispatch.emit(Action::SetQuery(String::new()));
            }
        })
    };
    html! {
        <div class="trd-search">
            <label class="trd-search__label" for="trd-search-input">{ &ui.search_label }</label>
            <p class="trd-hint" id="trd-search-hint">{ &ui.search_hint }</p>
            <div class="trd-search__row">
                <input type="search" id="trd-search-input" class="trd-search__input" autocomplete="off"
                    spellcheck="false" aria-describedby="trd-search-hint" value={value.to_owned()} {oninput} {onkeydown} />
                if !value.is_empty() {
                    <button type="button" class="trd-button trd-search__clear" onclick={onclear}>{ &ui.search_clear }</button>
                }
            </div>
        </div>
    }
}
