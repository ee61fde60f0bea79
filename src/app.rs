//! The explainer's root component: owns the state, wires the components together and
//! keeps the browser (URL, storage, events) in step with the state.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser;
use crate::collections::SmallSet;
use crate::components::*;
use crate::config::{Options, Theme};
use crate::content::{fill, Category, Content, Status};
use crate::search::{CardText, Query};
use crate::state::{Action, Column, ExplainerState, QuestionRef, View};

/// What the widget tells its host page, as `trd-explainer:*` DOM events.
#[derive(Debug, Clone, PartialEq)]
pub enum WidgetEvent {
    /// Rendered and interactive.
    Ready,
    /// A reader opened or closed a card.
    Toggle { id: String, open: bool },
}

#[derive(Properties, PartialEq)]
pub struct ExplainerProps {
    /// The content after configuration (locale, overrides, category selection).
    pub content: Rc<Content>,
    pub options: Rc<Options>,
    #[prop_or_default]
    pub on_event: Callback<WidgetEvent>,
}

const URL_QUERY: &str = "trd-q";
const URL_TYPE: &str = "trd-type";
const URL_STATUS: &str = "trd-status";
const URL_VIEW: &str = "trd-view";
const PRINT_CLASS: &str = "trd--print-questions";

fn storage_key(options: &Options) -> String {
    format!("trd-explainer:{}:questions", options.storage_key)
}

/// `slug:index` pairs, comma separated: small and readable in dev tools.
fn encode_questions(q: &SmallSet<QuestionRef>) -> String {
    q.iter()
        .map(|(id, i)| format!("{id}:{i}"))
        .collect::<Vec<_>>()
        .join(",")
}

pub fn decode_questions(raw: &str, content: &Content) -> SmallSet<QuestionRef> {
    raw.split(',')
        .filter_map(|pair| {
            let (id, i) = pair.rsplit_once(':')?;
            let i: usize = i.parse().ok()?;
            let card = content.card(id)?;
            (i < card.questions.len()).then(|| (id.to_owned(), i))
        })
        .collect()
}

/// Reads the view a shared link describes (`?trd-q=seizure&trd-type=stimulation`).
pub fn parse_url_state(search: &str) -> Option<Action> {
    let params = web_sys::UrlSearchParams::new_with_str(search).ok()?;
    let list = |key: &str| params.get(key).unwrap_or_default();
    let query = list(URL_QUERY);
    let categories: SmallSet<Category> = list(URL_TYPE)
        .split(',')
        .filter_map(Category::from_slug)
        .collect();
    let statuses: SmallSet<Status> = list(URL_STATUS)
        .split(',')
        .filter_map(Status::from_slug)
        .collect();
    let view = View::from_slug(&list(URL_VIEW)).unwrap_or_default();
    let any =
        !query.is_empty() || !categories.is_empty() || !statuses.is_empty() || view != View::Cards;
    any.then_some(Action::Restore {
        query,
        categories,
        statuses,
        view,
    })
}

fn write_url_state(state: &ExplainerState) {
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&browser::location_search()) else {
        return;
    };
    let set = |key: &str, value: String| {
        if value.is_empty() {
            params.delete(key)
        } else {
            params.set(key, &value)
        }
    };
    set(URL_QUERY, state.query.trim().to_owned());
    let slugs = |list: Vec<&str>| list.join(",");
    set(
        URL_TYPE,
        slugs(state.categories.iter().map(|c| c.slug()).collect()),
    );
    set(
        URL_STATUS,
        slugs(state.statuses.iter().map(|s| s.slug()).collect()),
    );
    set(
        URL_VIEW,
        if state.view == View::Cards {
            String::new()
        } else {
            state.view.slug().into()
        },
    );
    let qs = String::from(params.to_string());
    let search = if qs.is_empty() {
        String::new()
    } else {
        format!("?{qs}")
    };
    if search != browser::location_search() {
        browser::replace_url(Some(&search), None);
    }
}

#[function_component]
pub fn Explainer(props: &ExplainerProps) -> Html {
    // Cards open by configuration, or opened by the reader before the wasm arrived (see
    // mount.rs), are open from the first render, so hydration matches the page.
    let state = {
        let open: Vec<String> = (props.options.open.iter())
            .filter(|id| props.content.card(id).is_some())
            .cloned()
            .collect();
        use_reducer(move || {
            let mut s = ExplainerState::default();
            s.open.extend(open);
            s
        })
    };
    let root = use_node_ref();
    let banner = use_node_ref();
    let content = props.content.clone();
    let options = props.options.clone();
    let ui = &content.ui;

    let texts = use_memo(content.clone(), |c| {
        c.cards
            .iter()
            .map(|card| CardText::new(card, c))
            .collect::<Vec<_>>()
    });
    let filter = state.filter();
    let visible = {
        let filter = filter.clone();
        use_memo(
            (content.clone(), texts.clone(), filter),
            move |(c, t, f)| f.apply(&c.cards, t),
        )
    };

    // Once, after the first (hydrating) render: apply what the server could not know.
    {
        let state = state.clone();
        let options = options.clone();
        let content = content.clone();
        let on_event = props.on_event.clone();
        use_effect_with((), move |_| {
            if options.url_state {
                if let Some(restore) = parse_url_state(&browser::location_search()) {
                    state.dispatch(restore);
                }
            }
            if let Some(saved) = browser::session_get(&storage_key(&options)) {
                state.dispatch(Action::RestoreQuestions(decode_questions(&saved, &content)));
            }
            if options.deep_links {
                if let Some(id) = browser::location_hash().filter(|h| content.card(h).is_some()) {
                    state.dispatch(Action::Reveal(id));
                }
            }
            state.dispatch(Action::GoLive);
            on_event.emit(WidgetEvent::Ready);
        });
    }

    // Cards opened by configuration, at start and whenever the attribute changes.
    {
        let state = state.clone();
        let content = content.clone();
        use_effect_with(options.open.clone(), move |open| {
            let ids: Vec<String> = open
                .iter()
                .filter(|id| content.card(id).is_some())
                .cloned()
                .collect();
            if !ids.is_empty() {
                state.dispatch(Action::ExpandAll(ids));
            }
        });
    }

    // Following links to `#slug` while the page is open.
    {
        let state = state.clone();
        let content = content.clone();
        let on_event = props.on_event.clone();
        use_effect_with(options.deep_links, move |on| {
            let listener = on.then(|| {
                browser::window().map(|w| {
                    gloo_events::EventListener::new(&w, "hashchange", move |_| {
                        if let Some(id) =
                            browser::location_hash().filter(|h| content.card(h).is_some())
                        {
                            if !state.is_open(&id) {
                                on_event.emit(WidgetEvent::Toggle {
                                    id: id.clone(),
                                    open: true,
                                });
                            }
                            state.dispatch(Action::Reveal(id));
                        }
                    })
                })
            });
            move || drop(listener)
        });
    }

    // Find-in-page revealing a closed panel (`hidden="until-found"` fires `beforematch`).
    {
        let state = state.clone();
        let root = root.clone();
        let on_event = props.on_event.clone();
        use_effect_with((), move |_| {
            let listener = root.cast::<web_sys::Element>().map(|el| {
                gloo_events::EventListener::new(&el, "beforematch", move |e| {
                    let slug = e
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .and_then(|el| el.get_attribute("data-card"));
                    if let Some(slug) = slug {
                        on_event.emit(WidgetEvent::Toggle {
                            id: slug.clone(),
                            open: true,
                        });
                        state.dispatch(Action::SetOpen(slug, true));
                    }
                })
            });
            move || drop(listener)
        });
    }

    // Bring in the sticky crisis strip once the full banner has scrolled away.
    {
        let state = state.clone();
        let banner = banner.clone();
        use_effect_with((), move |_| {
            let watch = banner.cast::<web_sys::Element>().and_then(|el| {
                browser::when_scrolled_past(&el, move |past| {
                    state.dispatch(Action::ShowStrip(past))
                })
            });
            move || drop(watch)
        });
    }

    // Scroll to a card once a deep link has opened it.
    {
        let state = state.clone();
        let root = root.clone();
        use_effect_with(state.scroll_to.clone(), move |target| {
            if let (Some(id), Some(el)) = (target, root.cast::<web_sys::Element>()) {
                browser::reveal(&el, id);
                state.dispatch(Action::ScrolledTo);
            }
        });
    }

    // Mirror search, filters and view in the URL so a link reproduces what the reader sees.
    {
        let deps = (
            state.live && options.url_state,
            state.query.clone(),
            state.categories.clone(),
            state.statuses.clone(),
            state.view,
        );
        let state = state.clone();
        use_effect_with(deps, move |(on, ..)| {
            if *on {
                write_url_state(&state);
            }
        });
    }

    // Keep ticked questions for the session (quietly does nothing when storage is blocked).
    {
        let key = storage_key(&options);
        use_effect_with((state.live, state.questions.clone()), move |(live, q)| {
            if *live {
                browser::session_set(&key, &encode_questions(q));
            }
        });
    }

    // Callbacks handed to memoised views (cards, table rows) must keep their identity
    // across renders, or every card would re-render on every change.
    let stable = state.dispatcher();
    let on_toggle = {
        let d = stable.clone();
        use_callback(
            (props.on_event.clone(), options.deep_links),
            move |(id, open): (String, bool), (on_event, deep_links)| {
                if *deep_links {
                    if open {
                        browser::replace_url(None, Some(&format!("#{id}")));
                    } else if browser::location_hash().as_deref() == Some(id.as_str()) {
                        browser::replace_url(None, Some(""));
                    }
                }
                on_event.emit(WidgetEvent::Toggle {
                    id: id.clone(),
                    open,
                });
                d.dispatch(Action::SetOpen(id, open));
            },
        )
    };
    let on_question = {
        let d = stable.clone();
        use_callback((), move |(id, i): (String, usize), _| {
            d.dispatch(Action::ToggleQuestion(id, i))
        })
    };
    let on_pick = {
        let d = stable.clone();
        use_callback((), move |id: String, _| d.dispatch(Action::TogglePick(id)))
    };
    let no_query = use_memo((), |_| Query::default());

    let visible_ids: Vec<String> = visible
        .iter()
        .map(|&i| content.cards[i].id.clone())
        .collect();
    let all_open = !visible_ids.is_empty() && visible_ids.iter().all(|id| state.is_open(id));
    let on_expand_all = {
        let state = state.clone();
        let on_event = props.on_event.clone();
        let ids = visible_ids.clone();
        Callback::from(move |expand: bool| {
            for id in ids.iter().filter(|id| state.is_open(id) != expand) {
                on_event.emit(WidgetEvent::Toggle {
                    id: id.clone(),
                    open: expand,
                });
            }
            state.dispatch(if expand {
                Action::ExpandAll(ids.clone())
            } else {
                Action::CollapseAll
            });
        })
    };

    let on_query: Callback<String> = dispatcher(&state, Action::SetQuery);
    let on_category: Callback<Category> = dispatcher(&state, Action::ToggleCategory);
    let on_status: Callback<Status> = dispatcher(&state, Action::ToggleStatus);
    let on_sort: Callback<Column> = dispatcher(&state, Action::SortBy);
    let on_side_by_side: Callback<bool> = dispatcher(&state, Action::SetSideBySide);
    let on_clear_filters = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::ClearFilters))
    };
    let on_clear_picks = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::ClearPicks))
    };
    let on_clear_questions = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::ClearQuestions))
    };
    let on_view = {
        let state = state.clone();
        let content = content.clone();
        Callback::from(move |view: View| {
            let ui = &content.ui;
            let message = match view {
                View::Cards => &ui.showing_cards,
                View::Compare => &ui.showing_compare,
                View::Questions => &ui.showing_questions,
            };
            state.dispatch(Action::SetView(view));
            state.dispatch(Action::Notify(message.clone()));
        })
    };
    let on_print = {
        let root = root.clone();
        Callback::from(move |()| {
            if let Some(el) = root.cast::<web_sys::Element>() {
                browser::print_with_class(&el, PRINT_CLASS);
            }
        })
    };
    let on_copy = {
        let root = root.clone();
        let state = state.clone();
        let content = content.clone();
        Callback::from(move |()| {
            let text = crate::components::questions_as_text(&content, &state.questions);
            let (root, state, content) = (root.clone(), state.clone(), content.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let Some(el) = root.cast::<web_sys::Element>() else {
                    return;
                };
                let ok = browser::copy_text(&el, &text).await;
                let ui = &content.ui;
                state.dispatch(Action::Notify(if ok {
                    ui.my_questions_copied.clone()
                } else {
                    ui.my_questions_copy_failed.clone()
                }));
            });
        })
    };

    let total = content.cards.len();
    let results = if !filter.is_active() {
        fill(&ui.results_all, &[("count", &total.to_string())])
    } else {
        match visible.len() {
            0 if filter.query.is_empty() => ui.compare_empty.clone(),
            0 => fill(&ui.results_none, &[("query", state.query.trim())]),
            1 => ui.results_one.clone(),
            n => fill(&ui.results_many, &[("count", &n.to_string())]),
        }
    };
    let category_counts: Vec<(Category, usize, bool)> = content
        .categories
        .iter()
        .map(|c| {
            (
                c.id,
                filter.category_count(c.id, &content.cards, &texts),
                state.categories.contains(&c.id),
            )
        })
        .collect();
    let status_counts: Vec<(Status, usize, bool)> = [
        Status::Established,
        Status::Emerging,
        Status::Investigational,
    ]
    .into_iter()
    .map(|s| {
        (
            s,
            filter.status_count(s, &content.cards, &texts),
            state.statuses.contains(&s),
        )
    })
    .collect();
    let question_count = state.questions.len();
    let views = vec![
        (View::Cards, ui.view_cards.clone()),
        (View::Compare, ui.view_compare.clone()),
        (
            View::Questions,
            if question_count > 0 {
                format!("{} ({question_count})", ui.view_questions)
            } else {
                ui.view_questions.clone()
            },
        ),
    ];

    let level = options.heading_level;
    let section_level = options.section_level();
    let query = Rc::new(filter.query.clone());
    let questions = Rc::new(state.questions.clone());

    let view = match state.view {
        View::Cards => html! {
            <div class="trd-cards">
                <div class="trd-cards__bar trd-app-only">
                    { expand_all_button(all_open, ui, visible_ids.iter().map(|id| format!("{id}-panel")).collect::<Vec<_>>().join(" "), state.live, &on_expand_all) }
                </div>
                if visible.is_empty() {
                    <p class="trd-empty">{ &results }</p>
                }
                { treatment_list(&content, &visible, &state.open, &state.questions, &query, &no_query, level, section_level, &on_toggle, &on_question) }
            </div>
        },
        View::Compare => html! {
            <CompareTable content={content.clone()} visible={visible.clone()} sort={state.sort}
                picked={Rc::new(state.picked.clone())} side_by_side={state.side_by_side} level={section_level}
                live={state.live} {on_sort} {on_pick} {on_side_by_side} {on_clear_picks} />
        },
        View::Questions => html! {
            <MyQuestions content={content.clone()} ticked={questions} level={section_level}
                on_toggle={on_question} {on_print} {on_copy} on_clear={on_clear_questions} />
        },
    };

    let theme = match options.theme {
        Theme::Auto => None,
        t => Some(format!("trd--{}", t.slug())),
    };
    let class = classes!("trd", theme, state.live.then_some("trd--live"));
    let notice = state
        .notice
        .as_ref()
        .map(|(text, n)| html! { <p key={*n}>{ text }</p> });
    let searchable = state.view != View::Questions;
    let label = match options.instance {
        0 | 1 => ui.widget_label.clone(),
        n => format!("{} ({n})", ui.widget_label),
    };

    html! {
        <section {class} aria-label={label} ref={root} lang={content.locale.clone()}>
            { crisis_strip(&content, options.crisis_region, state.strip) }
            <div class="trd-inner">
                { safety_banner(&content, options.crisis_region, section_level, &banner) }
                { intro(&content, section_level) }
                if let Some(cta) = &options.cta {
                    { sponsored_slot(&content, cta) }
                }
                <div class="trd-toolbar trd-app-only">
                    { view_switcher(state.view, &views, &ui.view_label, state.live, &on_view) }
                    if searchable {
                        { search_box(&state.query, ui, state.live, &on_query) }
                        { filter_bar(&content, &category_counts, &status_counts, state.live, &on_category, &on_status) }
                        { results_status(&results, filter.is_active(), &ui.filter_clear, state.live, &on_clear_filters) }
                    }
                </div>
                <div class="trd-view">{ view }</div>
                { disclaimer(&content, section_level) }
                <div class="trd-sr-only" role="status">{ notice }</div>
            </div>
        </section>
    }
}

/// A callback that turns its argument into an action.
fn dispatcher<T: 'static>(
    state: &UseReducerHandle<ExplainerState>,
    make: fn(T) -> Action,
) -> Callback<T> {
    let state = state.clone();
    Callback::from(move |v| state.dispatch(make(v)))
}
