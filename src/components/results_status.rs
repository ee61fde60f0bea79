use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultsStatusProps {
    pub message: AttrValue,
    /// Offer "Show everything" when something is filtered.
    pub filtered: bool,
    pub clear_label: AttrValue,
    pub live: bool,
    pub on_clear: Callback<()>,
}

/// How many treatments match, announced politely as it changes.
#[function_component]
pub fn ResultsStatus(props: &ResultsStatusProps) -> Html {
    let onclick = props.on_clear.reform(|_: MouseEvent| ());
    html! {
        <div class="trd-results">
            <p class="trd-results__count" role="status">{ props.message.clone() }</p>
            if props.filtered {
                <button type="button" class="trd-button trd-button--quiet" disabled={!props.live} {onclick}>
                    { props.clear_label.clone() }
                </button>
            }
        </div>
    }
}
