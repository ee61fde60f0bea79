//! The widget's colours for the light and the dark theme: the main ones first, the rest one
//! tap away. Each is checked by the browser's own CSS parser.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::content::fill;
use crate::publish::model::{ColorSpec, PublishStrings};
use crate::publish::state::Action;

use super::hint;

/// The colours shown first; the others are under "More colours".
const MAIN: [&str; 3] = ["accent", "text", "background"];

fn color_input(
    index: usize,
    spec: &ColorSpec,
    dark: bool,
    value: &str,
    valid: bool,
    strings: &PublishStrings,
    dispatch: &Callback<Action>,
) -> Html {
    let id = format!(
        "publish-color-{}{}",
        spec.name,
        if dark { "-dark" } else { "" }
    );
    let template = if dark {
        &strings.color_dark
    } else {
        &strings.color_light
    };
    let label = fill(template, &[("color", strings.color(&spec.name))]);
    let default = if dark { &spec.dark } else { &spec.light };
    let oninput = dispatch.reform(move |e: InputEvent| {
        Action::Color(
            index,
            dark,
            e.target_unchecked_into::<HtmlInputElement>().value(),
        )
    });
    let warning_id = format!("{id}-warning");
    html! {
        <div class="publish-subfield" data-property={spec.property(dark)}>
            <label for={id.clone()}>{ label }</label>
            <input type="text" id={id.clone()} class="publish-input publish-input--color" value={value.to_owned()}
                autocomplete="off" spellcheck="false"
                aria-describedby={format!("{id}-default {warning_id}")}
                aria-invalid={(!valid).then_some("true")} {oninput} />
            { hint(format!("{id}-default"), &fill(&strings.color_default, &[("value", default)])) }
            <p id={warning_id} class="publish-warning" aria-live="polite">
                if !valid {
                    { fill(&strings.color_invalid, &[("value", value.trim())]) }
                }
            </p>
        </div>
    }
}

/// `values` and `valid` follow `specs`: (light, dark) each.
pub fn color_fields(
    specs: &[ColorSpec],
    values: &[(String, String)],
    valid: &[(bool, bool)],
    strings: &PublishStrings,
    dispatch: &Callback<Action>,
) -> Html {
    let color = |index: usize| {
        let spec = &specs[index];
        let (light, dark) = values.get(index).cloned().unwrap_or_default();
        let (light_ok, dark_ok) = valid.get(index).copied().unwrap_or((true, true));
        html! {
            <div class="publish-color" key={spec.name.clone()}>
                { color_input(index, spec, false, &light, light_ok, strings, dispatch) }
                { color_input(index, spec, true, &dark, dark_ok, strings, dispatch) }
            </div>
        }
    };
    let main: Vec<usize> = MAIN
        .iter()
        .filter_map(|name| specs.iter().position(|s| s.name == *name))
        .collect();
    let rest: Vec<usize> = (0..specs.len()).filter(|i| !main.contains(i)).collect();
    html! {
        <fieldset class="publish-field publish-field--group" data-config="colors"
            aria-describedby="publish-colors-hint">
            <legend class="publish-field__label">{ strings.colors_legend.clone() }</legend>
            { hint("publish-colors-hint".into(), &strings.colors_hint) }
            { for main.iter().map(|i| color(*i)) }
            if !rest.is_empty() {
                <details class="publish-more">
                    <summary>{ strings.colors_more.clone() }</summary>
                    { for rest.iter().map(|i| color(*i)) }
                </details>
            }
        </fieldset>
    }
}
