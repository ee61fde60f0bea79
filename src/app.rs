//! The explainer's root component: owns the state and wires the components together.
//! Each browser integration (URL, storage, deep links, scrolling) is a hook of its own
//! under `app/`.

mod about_links;
mod deep_links;
mod open_option;
mod open_search;
mod ready;
mod saved_questions;
mod scrolled_past;
mod toggle_events;
mod url_state;
mod view_events;

use std::rc::Rc;

use yew::prelude::*;

use crate::components::*;
use crate::config::{Options, Theme};
use crate::content::Content;
use crate::search::{search_index, CardText, Query};
use crate::state::{Action, ExplainerState, Notice, View};
use about_links::use_about_links;
use deep_links::use_deep_links;
use open_option::use_open_option;
use open_search::use_open_search;
use ready::use_ready;
use saved_questions::use_saved_questions;
use scrolled_past::use_scrolled_past;
use toggle_events::use_toggle_events;
use url_state::use_url_state;
use view_events::use_view_events;

/// What the widget tells its host page, as `trd-explainer:*` DOM events.
#[derive(Debug, Clone, PartialEq)]
pub enum WidgetEvent {
    /// Rendered and interactive.
    Ready,
    /// A card opened or closed.
    Toggle { id: String, open: bool },
    /// The view or the ticked issues changed (issue slugs in issue order).
    View {
        view: View,
        issues: Vec<&'static str>,
    },
}

#[derive(Properties, PartialEq)]
pub struct ExplainerProps {
    /// The content after configuration (locale, overrides, category selection).
    pub content: Rc<Content>,
    pub options: Rc<Options>,
    #[prop_or_default]
    pub on_event: Callback<WidgetEvent>,
    /// Hydrating prerendered markup: cards are adopted as they are and hydrated one by
    /// one afterwards (see progressive.rs).
    #[prop_or_default]
    pub progressive: bool,
}

#[function_component]
pub fn Explainer(props: &ExplainerProps) -> Html {
    let ExplainerProps {
        content, options, ..
    } = props;
    let state = {
        let first = initial_state(content, options);
        use_reducer(move || first)
    };
    // Stable across renders, so memoised cards and rows only re-render when their data does.
    let dispatch = state.dispatcher().to_callback();
    let root = use_node_ref();
    let banner = use_node_ref();
    let ui = &content.ui;

    // Hooks whose start-up effects apply what the server could not know; they run in
    // this order, before the widget says it is ready.
    use_url_state(&state, options.url_state);
    use_saved_questions(&state, content, &options.storage_key);
    use_deep_links(&state, content, &root, options.deep_links);
    use_about_links(&root, options.deep_links);
    use_ready(&state, &props.on_event);
    use_toggle_events(&state, &props.on_event, options.deep_links);
    use_view_events(&state, &props.on_event);
    use_open_option(&state, content, &options.open);
    let crisis_strip_shown = use_scrolled_past(&banner);
    let search_node = use_open_search(&state);
    let index = use_memo(content.clone(), prepare_index);
    let filter = state.filter();
    let results = use_memo((content.clone(), filter.clone()), move |(c, f)| {
        f.results(c, &index)
    });
    let message = results.message(&filter, &state.query, ui);
    let no_query = use_memo((), |_| Query::default());
    let query = Rc::new(filter.query.clone());

    let hydrated = state.hydrated;
    // Cards the first render adopted hydrate once the app is live (progressive.rs).
    use_effect_with(hydrated, |live| {
        if *live {
            crate::progressive::start();
        }
    });
    let section_level = options.section_level();
    // A view restored from the URL that this content does not offer shows the cards.
    let current = match state.view {
        View::Matters if content.matters.is_none() => View::Cards,
        v => v,
    };
    let view = match current {
        View::Cards => html! {
            <div class="trd-cards">
                <div class="trd-cards__bar trd-app-only">
                    { expand_all_button(content, &results, &state.open, hydrated, &dispatch) }
                </div>
                if results.visible.is_empty() {
                    <p class="trd-empty">{ &message }</p>
                }
                { treatment_list(content, &results.visible, &state, &query, &no_query, options.heading_level, section_level, props.progressive && !hydrated, &dispatch) }
            </div>
        },
        View::Compare => html! {
            <CompareTable content={content.clone()} results={results.clone()} sort={state.sort}
                picked={Rc::new(state.picked.clone())} side_by_side={state.side_by_side}
                level={section_level} {hydrated} dispatch={dispatch.clone()} />
        },
        View::Matters => matters_view(content, &results.visible, &state, section_level, &dispatch),
        View::Questions => html! {
            <MyQuestions content={content.clone()} ticked={Rc::new(state.questions.clone())}
                level={section_level} dispatch={dispatch.clone()} />
        },
    };

    let theme = (options.theme != Theme::Auto).then(|| format!("trd--{}", options.theme.slug()));
    let class = classes!("trd", theme, hydrated.then_some("trd--live"));
    let notice = state.notice.map(|(notice, n)| {
        html! { <p key={n}>{ notice_text(content, notice) }</p> }
    });
    // Numbered only when several widgets share the page, so landmarks stay distinct.
    let label = match options.instance {
        0 | 1 => ui.widget_label.clone(),
        n => format!("{} ({n})", ui.widget_label),
    };

    html! {
        <section {class} aria-label={label} ref={root} lang={content.locale.clone()}>
            { crisis_strip(content, options.crisis_region, crisis_strip_shown) }
            <div class="trd-inner">
                <ContentPart part={Part::Top} content={content.clone()} options={options.clone()} banner={Some(banner.clone())} />
                <Toolbar content={content.clone()} {current} question_count={state.questions.len()}
                    results={results.clone()} filter={filter} query={AttrValue::from(state.query.clone())}
                    message={AttrValue::from(message)} {hydrated} find={search_node} dispatch={dispatch.clone()} />
                <div class="trd-view">{ view }{ about_links(content) }</div>
                <ContentPart part={Part::Bottom} content={content.clone()} options={options.clone()} />
                <div class="trd-sr-only" role="status">{ notice }</div>
            </div>
        </section>
    }
}

/// A content's search index, and which content it is for.
type CachedIndex = (std::rc::Weak<Content>, Rc<Vec<CardText>>);

thread_local! {
    /// The search index of the content shown last, built ahead (see [`prepare_index`]).
    static INDEX: std::cell::RefCell<Option<CachedIndex>> = const { std::cell::RefCell::new(None) };
}

/// `content`'s search index. The entry points call it in a task of their own before the
/// first render, so building it (about a tenth of hydration's work) does not lengthen it.
pub fn prepare_index(content: &Rc<Content>) -> Rc<Vec<CardText>> {
    INDEX.with(|cache| {
        let mut cache = cache.borrow_mut();
        match &*cache {
            Some((c, index)) if std::rc::Weak::ptr_eq(c, &Rc::downgrade(content)) => index.clone(),
            _ => {
                let index = Rc::new(search_index(content));
                *cache = Some((Rc::downgrade(content), index.clone()));
                index
            }
        }
    })
}

/// The first state: cards open by configuration, or opened by the reader before the wasm
/// arrived (see src/contract.rs), are open from the first render, so hydration matches the page.
fn initial_state(content: &Content, options: &Options) -> ExplainerState {
    let mut s = ExplainerState::default();
    s.open.extend(
        (options.open.iter())
            .filter(|id| content.card(id).is_some())
            .cloned(),
    );
    s
}

/// "What matters to me" for the visible treatments, its chips and questions as actions.
fn matters_view(
    content: &Content,
    visible: &[usize],
    state: &ExplainerState,
    level: u8,
    dispatch: &Callback<Action>,
) -> Html {
    let issues: Vec<String> = state.issues.iter().map(String::from).collect();
    let questions: Vec<String> = (state.questions.issues().iter())
        .map(String::from)
        .collect();
    let on_event = dispatch.reform(|e| match e {
        MattersEvent::ToggleIssue(slug) => Action::ToggleIssue(slug),
        MattersEvent::ToggleQuestion(slug) => Action::ToggleIssueQuestion(slug),
        MattersEvent::ShowFacts(card) => Action::ShowFacts(card),
    });
    what_matters(
        content,
        visible,
        &issues,
        &questions,
        level,
        state.hydrated,
        &on_event,
    )
}

/// The parts above and below the views that change only with the content and options.
#[derive(Clone, Copy, PartialEq)]
enum Part {
    Top,
    Bottom,
}

#[derive(Properties, PartialEq)]
struct ContentPartProps {
    part: Part,
    content: Rc<Content>,
    options: Rc<Options>,
    /// The safety banner, watched for scrolling out of view.
    #[prop_or_default]
    banner: Option<NodeRef>,
}

/// A component so that the root's re-renders (every card toggle, every keystroke) skip
/// these long static sections instead of rebuilding and diffing them.
#[function_component]
fn ContentPart(props: &ContentPartProps) -> Html {
    let ContentPartProps {
        content, options, ..
    } = props;
    let level = options.section_level();
    match props.part {
        Part::Top => html! { <>
            { safety_banner(content, options.crisis_region, level, &props.banner.clone().unwrap_or_default()) }
            { intro(content, level) }
            if let Some(cta) = &options.cta {
                { sponsored_slot(content, cta) }
            }
        </> },
        Part::Bottom => html! { <>
            { words_explained(content, level) }
            { disclaimer(content, level, review_line(content, &options.publisher)) }
            { how_made(content, options, level) }
        </> },
    }
}

fn notice_text(content: &Content, notice: Notice) -> &str {
    let ui = &content.ui;
    match notice {
        Notice::Showing(View::Cards) => &ui.showing_cards,
        Notice::Showing(View::Compare) => &ui.showing_compare,
        Notice::Showing(View::Questions) => &ui.showing_questions,
        Notice::Showing(View::Matters) => content
            .matters
            .as_deref()
            .map_or(&ui.showing_cards, |m| &m.strings.showing),
        Notice::Copied => &ui.my_questions_copied,
        Notice::CopyFailed => &ui.my_questions_copy_failed,
    }
}
