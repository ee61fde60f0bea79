//! The live preview: the real `<trd-explainer>`, run by the build's own loader, with the
//! attributes, JSON and colours the code carries, at the width and in the light or dark
//! setting the publisher picks.

use yew::prelude::*;
use yew::virtual_dom::{VNode, VTag};

use crate::publish::embed::Embed;
use crate::publish::model::PublishStrings;
use crate::publish::state::{Action, PreviewWidth, PublishState, Scheme};

fn radios<T: Copy + PartialEq + 'static>(
    name: &'static str,
    legend: &str,
    options: &[(T, &'static str, &str)],
    current: T,
    described_by: Option<&'static str>,
    on: Callback<T>,
) -> Html {
    html! {
        <fieldset class="publish-field publish-field--group" aria-describedby={described_by}>
            <legend class="publish-field__label">{ legend.to_owned() }</legend>
            <div class="publish-choices publish-choices--inline">
                { for options.iter().map(|(value, slug, label)| {
                    let id = format!("publish-{name}-{slug}");
                    let (value, on) = (*value, on.clone());
                    html! {
                        <div class="publish-choice">
                            <input type="radio" id={id.clone()} name={format!("publish-{name}")} value={*slug}
                                checked={value == current} onchange={Callback::from(move |_: Event| on.emit(value))} />
                            <label for={id}>{ (*label).to_owned() }</label>
                        </div>
                    }
                }) }
            </div>
        </fieldset>
    }
}

pub fn preview(
    embed: &Embed,
    state: &PublishState,
    strings: &PublishStrings,
    element: &NodeRef,
    dispatch: &Callback<Action>,
) -> Html {
    let mut tag = VTag::new("trd-explainer");
    for (name, value) in &embed.attributes {
        tag.add_attribute(name, value.clone());
    }
    // With the automatic theme each reader's device chooses; the preview shows the one
    // picked here.
    if embed.attribute("theme").is_none() {
        tag.add_attribute("theme", state.scheme.slug());
    }
    if let Some(json) = &embed.json {
        tag.add_child(html! { <script type="application/json">{ json.clone() }</script> });
    }
    tag.node_ref = element.clone();
    let widths = [
        (
            PreviewWidth::Phone,
            PreviewWidth::Phone.slug(),
            strings.width_phone.as_str(),
        ),
        (
            PreviewWidth::Column,
            PreviewWidth::Column.slug(),
            &strings.width_column,
        ),
        (
            PreviewWidth::Full,
            PreviewWidth::Full.slug(),
            &strings.width_full,
        ),
    ];
    let schemes = [
        (
            Scheme::Light,
            Scheme::Light.slug(),
            strings.scheme_light.as_str(),
        ),
        (Scheme::Dark, Scheme::Dark.slug(), &strings.scheme_dark),
    ];
    html! {
        <section class="publish-preview" aria-labelledby="publish-preview-heading">
            <h2 id="publish-preview-heading">{ strings.preview_heading.clone() }</h2>
            <div class="publish-preview__controls">
                { radios("width", &strings.preview_width, &widths, state.width, None, dispatch.reform(Action::Width)) }
                { radios("scheme", &strings.preview_scheme, &schemes, state.scheme, Some("publish-scheme-note"), dispatch.reform(Action::Scheme)) }
            </div>
            <p id="publish-scheme-note" class="publish-hint">{ strings.preview_scheme_note.clone() }</p>
            <div class={classes!("publish-preview__stage", format!("publish-preview__stage--{}", state.scheme.slug()))}
                role="region" aria-label={strings.preview_label.clone()}>
                <div class={classes!("publish-preview__frame", format!("publish-preview__frame--{}", state.width.slug()))}>
                    { VNode::from(tag) }
                </div>
            </div>
        </section>
    }
}
