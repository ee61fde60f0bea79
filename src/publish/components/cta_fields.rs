//! The sponsored call-to-action (the JSON configuration's `cta`): label, link and sponsor,
//! checked by the element's own JSON reader.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::publish::model::PublishStrings;
use crate::publish::state::{Action, CtaDraft, CtaField};

use super::{field_warnings, hint};

pub fn cta_fields(
    cta: &CtaDraft,
    strings: &PublishStrings,
    warnings: &[&str],
    dispatch: &Callback<Action>,
) -> Html {
    let label = |field: CtaField| match field {
        CtaField::Label => &strings.cta_label,
        CtaField::Url => &strings.cta_url,
        CtaField::Sponsor => &strings.cta_sponsor,
    };
    html! {
        <fieldset class="publish-field publish-field--group" data-config="cta"
            aria-describedby="publish-cta-hint publish-cta-warnings">
            <legend class="publish-field__label">{ strings.cta_legend.clone() }</legend>
            { hint("publish-cta-hint".into(), &strings.cta_hint) }
            { for CtaField::ALL.iter().map(|field| {
                let id = format!("publish-cta-{}", field.slug());
                let field = *field;
                let oninput = dispatch.reform(move |e: InputEvent| {
                    Action::Cta(field, e.target_unchecked_into::<HtmlInputElement>().value())
                });
                let kind = if field == CtaField::Url { "url" } else { "text" };
                html! {
                    <div class="publish-subfield">
                        <label for={id.clone()}>{ label(field).clone() }</label>
                        <input type={kind} {id} class="publish-input" value={cta.get(field).to_owned()}
                            autocomplete="off" aria-describedby="publish-cta-warnings"
                            aria-invalid={(!warnings.is_empty()).then_some("true")} {oninput} />
                    </div>
                }
            }) }
            { field_warnings("publish-cta-warnings".into(), &strings.warnings_label, warnings) }
        </fieldset>
    }
}
