use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub value: AttrValue,
    pub label: AttrValue,
    pub hint: AttrValue,
    pub clear_label: AttrValue,
    /// False until the app runs: the box does nothing without it.
    pub live: bool,
    pub on_input: Callback<String>,
}

/// Filters the cards as the reader types.
#[function_component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let oninput = props.on_input.reform(|e: InputEvent| {
        e.target_unchecked_into::<web_sys::HtmlInputElement>()
            .value()
    });
    let onclear = props.on_input.reform(|_: MouseEvent| String::new());
    // Escape clears, as in native search fields, without needing the mouse.
    let onkeydown = {
        let on_input = props.on_input.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                on_input.emit(String::new());
            }
        })
    };
    html! {
        <div class="trd-search">
            <label class="trd-search__label" for="trd-search-input">{ props.label.clone() }</label>
            <p class="trd-hint" id="trd-search-hint">{ props.hint.clone() }</p>
            <div class="trd-search__row">
                <input type="search" id="trd-search-input" class="trd-search__input" autocomplete="off"
                    spellcheck="false" aria-describedby="trd-search-hint" value={props.value.clone()}
                    disabled={!props.live} {oninput} {onkeydown} />
                if !props.value.is_empty() {
                    <button type="button" class="trd-button trd-search__clear" onclick={onclear}>{ props.clear_label.clone() }</button>
                }
            </div>
        </div>
    }
}
