//! The publisher's page: the options, the live preview and the code, wired to one state.

use std::rc::Rc;

use yew::prelude::*;

use crate::config::ATTRIBUTES;
use crate::content::fill;
use crate::prerendered::changed_attributes;
use crate::publish::code;
use crate::publish::embed::{field_of, Embed};
use crate::publish::hooks::{
    prefers_dark, use_build_base, use_copy, use_fetched_text, use_locale_content,
    use_preview_colors, use_valid_colors, Fetched,
};
use crate::publish::model::PageData;
use crate::publish::state::{CodeForm, PublishState, Scheme};

use super::{code_form, color_fields, cta_fields, option_field, preview, CodeView, Field};

#[derive(Properties, PartialEq)]
pub struct PublisherProps {
    pub data: Rc<PageData>,
}

#[function_component]
pub fn Publisher(props: &PublisherProps) -> Html {
    let data = &props.data;
    let strings = &data.strings;
    let state = {
        let colors = data.colors.len();
        use_reducer(move || {
            let scheme = if prefers_dark() {
                Scheme::Dark
            } else {
                Scheme::Light
            };
            PublishState::new(colors, scheme)
        })
    };
    let dispatch = state.dispatcher().to_callback();
    let root = use_node_ref();
    let element = use_node_ref();
    let areas = [use_node_ref(), use_node_ref(), use_node_ref()];
    let base = use_build_base(&data.public_url, &data.root);
    let valid = use_valid_colors(state.colors.clone());
    let embed = Embed::new(&state, &data.colors, &valid);

    let locale = embed.locale(&data.locale);
    let file_for = |files: &[crate::publish::model::LocaleFile]| {
        files
            .iter()
            .find(|f| f.locale == locale)
            .or_else(|| files.first())
            .cloned()
    };
    let content_url = file_for(&data.content).map(|f| format!("{base}{}", f.file));
    let content = use_locale_content(locale, content_url);
    let loaded = matches!(content, Some(Ok(_)));
    let warnings = {
        let page_locale = data.locale.clone();
        use_memo((embed.clone(), loaded), move |(embed, _)| {
            embed.warnings(&page_locale)
        })
    };
    let warnings_for = |field: &str| -> Vec<&str> {
        warnings
            .iter()
            .filter(|w| field_of(w) == field)
            .map(String::as_str)
            .collect()
    };
    let fragment_file = file_for(&data.forms.fragments);
    let fragment_text =
        use_fetched_text(fragment_file.as_ref().map(|f| format!("{base}{}", f.file)));
    use_preview_colors(
        &element,
        data.colors
            .iter()
            .flat_map(|c| [c.property(false), c.property(true)])
            .collect(),
        embed.colors.clone(),
    );
    let on_copy = use_copy(&root, &state);

    let fields = ATTRIBUTES.iter().enumerate().map(|(index, attribute)| {
        let field = Field {
            index,
            attribute,
            value: state.values.get(index).map_or("", String::as_str),
            strings,
            warnings: warnings_for(attribute.name),
            dispatch: &dispatch,
        };
        option_field(&field, content.as_ref())
    });
    let mut cta_warnings = warnings_for("cta");
    cta_warnings.extend(warnings_for(""));

    // Each form of code the build supports, in order of how many publishers need it.
    let forms = &data.forms;
    let style_note = (!embed.colors.is_empty()).then(|| strings.style_note.clone());
    // With a release, the snippet and the fragments are the version's own, with its hashes.
    let pinned_note = forms
        .pinned
        .as_ref()
        .map(|p| fill(&strings.snippet_pinned, &[("version", &p.version)]));
    let mut views = vec![CodeView {
        form: CodeForm::Snippet,
        title: strings.snippet_title.clone(),
        hint: strings.snippet_hint.clone(),
        notes: pinned_note
            .clone()
            .into_iter()
            .chain(style_note.clone())
            .collect(),
        code: Ok(code::snippet(&embed, forms, &base)),
    }];
    if let Some(file) = &fragment_file {
        let shown = code::fragment_embed(&embed, &file.locale);
        let mut changed: Vec<String> = changed_attributes(&shown.attributes)
            .into_iter()
            .map(|name| strings.label(name).to_owned())
            .collect();
        if shown.json.is_some() {
            changed.push(strings.cta_legend.clone());
        }
        let rendered = if changed.is_empty() {
            strings.fragment_same.clone()
        } else {
            fill(&strings.fragment_differs, &[("names", &changed.join(", "))])
        };
        views.push(CodeView {
            form: CodeForm::Fragment,
            title: strings.fragment_title.clone(),
            hint: strings.fragment_hint.clone(),
            notes: std::iter::once(rendered)
                .chain(pinned_note)
                .chain(style_note.clone())
                .collect(),
            code: match &fragment_text {
                Fetched::Loaded(text) => Ok(code::fragment(
                    &embed,
                    forms,
                    text,
                    &file.locale,
                    &data.public_url,
                    &base,
                )),
                Fetched::Failed => Err(strings.fragment_failed.clone()),
                Fetched::Idle | Fetched::Loading => Err(strings.fragment_loading.clone()),
            },
        });
    }
    if let Some(iframe) = &forms.iframe {
        if let Some(page) = file_for(&iframe.pages) {
            let title = match &content {
                // As in the README and oEmbed: the guide's own title (its page's <title>).
                Some(Ok(content)) => content.meta.title.clone(),
                _ => strings.title.clone(),
            };
            let lost =
                !embed.colors.is_empty() || (embed.json.is_some() && iframe.config_param.is_none());
            views.push(CodeView {
                form: CodeForm::Iframe,
                title: strings.iframe_title.clone(),
                hint: strings.iframe_hint.clone(),
                notes: lost
                    .then(|| strings.iframe_not_carried.clone())
                    .into_iter()
                    .collect(),
                code: Ok(code::iframe(
                    &embed,
                    &page.file,
                    iframe.config_param.as_deref(),
                    &base,
                    &title,
                )),
            });
        }
    }
    let title_of = |form: CodeForm| match form {
        CodeForm::Snippet => &strings.snippet_title,
        CodeForm::Fragment => &strings.fragment_title,
        CodeForm::Iframe => &strings.iframe_title,
    };
    let status = state.copied.map(|copied| {
        let text = if copied.ok {
            fill(&strings.copied, &[("form", title_of(copied.form))])
        } else {
            strings.copy_failed.clone()
        };
        // A new node per copy: the same message twice is announced twice.
        html! { <span key={copied.count}>{ text }</span> }
    });
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());

    html! {
        <div class="publish__layout" ref={root}>
            <section class="publish__options" aria-labelledby="publish-options-heading">
                <h2 id="publish-options-heading">{ strings.options_heading.clone() }</h2>
                <form class="publish-form" {onsubmit}>
                    { for fields }
                    { cta_fields(&state.cta, strings, &cta_warnings, &dispatch) }
                    { color_fields(&data.colors, &state.colors, &valid, strings, &dispatch) }
                </form>
            </section>
            <div class="publish__output">
                { preview(&embed, &state, strings, &element, &dispatch) }
                <section class="publish-code" aria-labelledby="publish-code-heading">
                    <h2 id="publish-code-heading">{ strings.code_heading.clone() }</h2>
                    <p class="publish-hint">{ strings.code_intro.clone() }</p>
                    { for views.into_iter().map(|view| {
                        let area = &areas[view.form as usize];
                        code_form(view, strings, area, &on_copy)
                    }) }
                    <p class="publish-status" role="status">{ status }</p>
                </section>
            </div>
        </div>
    }
}
