//! Finding cards and the state machine behind the explainer.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use yew::Reducible;

use trd_explainer::content::{self, Category, Status};
use trd_explainer::questions::Questions;
use trd_explainer::search::{fold, search_index, Filter, Query};
use trd_explainer::state::{
    Action, ExplainerState, Field, Notice, SortDir, Toggled, View, MAX_PICKS,
};

fn find(query: &str) -> Vec<String> {
    let c = content::load("en").unwrap();
    let index = search_index(&c);
    let filter = Filter {
        query: Query::parse(query),
        ..Default::default()
    };
    filter
        .apply(&c.cards, &index)
        .into_iter()
        .map(|i| c.cards[i].id.clone())
        .collect()
}

#[test]
fn seizure_finds_electroconvulsive_therapy_first() {
    assert_eq!(find("seizure").first().map(String::as_str), Some("ect"));
}

#[test]
fn nasal_finds_esketamine() {
    assert_eq!(find("nasal").first().map(String::as_str), Some("ketamine"));
}

#[test]
fn matching_ignores_case_and_accents() {
    assert_eq!(find("SÉIZURE"), find("seizure"));
    assert_eq!(
        fold("Électroconvulsive Thérapie"),
        "electroconvulsive therapie"
    );
}

#[test]
fn an_empty_query_keeps_every_card_in_content_order() {
    let all = find("   ");
    assert_eq!(all.len(), 19);
    assert_eq!(all[0], "ketamine");
}

#[test]
fn every_term_must_match() {
    assert!(find("magnetic zzzz").is_empty());
    assert!(find("magnetic pulses").contains(&"tms".to_string()));
}

#[test]
fn a_title_match_outranks_a_body_match() {
    let hits = find("lithium");
    assert_eq!(hits[0], "lithium", "{hits:?}");
}

#[test]
fn filters_combine_with_search_and_each_other() {
    let c = content::load("en").unwrap();
    let index = search_index(&c);
    let f = Filter {
        query: Query::default(),
        categories: vec![Category::Stimulation],
        statuses: vec![Status::Established],
    };
    let ids: Vec<&str> = f
        .apply(&c.cards, &index)
        .into_iter()
        .map(|i| c.cards[i].id.as_str())
        .collect();
    assert_eq!(ids, ["tms", "ect", "vns"]);
    let results = f.results(&c, &index);
    assert_eq!(results.visible, f.apply(&c.cards, &index));
    fn count<K: PartialEq>(list: &[(K, usize)], key: K) -> Option<usize> {
        list.iter().find(|(k, _)| *k == key).map(|(_, n)| *n)
    }
    assert_eq!(
        count(&results.categories, Category::Medication),
        Some(3),
        "established medications"
    );
    assert_eq!(
        count(&results.statuses, Status::Investigational),
        Some(1),
        "investigational stimulation (DBS)"
    );
}

fn run(actions: impl IntoIterator<Item = Action>) -> ExplainerState {
    actions
        .into_iter()
        .fold(Rc::new(ExplainerState::default()), |s, a| s.reduce(a))
        .as_ref()
        .clone()
}

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn cards_start_closed_and_open_and_close() {
    assert!(ExplainerState::default().open.is_empty());
    let s = run([Action::open(ids(&["ect"]), true)]);
    assert!(s.is_open("ect"));
    let s = run([
        Action::open(ids(&["ect"]), true),
        Action::open(ids(&["ect"]), false),
    ]);
    assert!(!s.is_open("ect"));
}

#[test]
fn opening_and_closing_several_touches_only_those() {
    let s = run([Action::open(ids(&["a", "b"]), true)]);
    assert_eq!(s.open.len(), 2);
    let s = run([
        Action::open(ids(&["a", "b"]), true),
        Action::open(ids(&["a"]), false),
    ]);
    assert!(
        !s.is_open("a") && s.is_open("b"),
        "closing a hides nothing else"
    );
}

#[test]
fn only_real_changes_are_recorded_for_the_host_and_configuration_is_quiet() {
    let s = run([
        Action::SetOpen {
            ids: ids(&["a"]),
            open: true,
            quiet: true,
        },
        Action::open(ids(&["a", "b"]), true),
        Action::open(ids(&["b"]), true),
        Action::open(ids(&["a", "c"]), false),
    ]);
    assert_eq!(
        s.toggled.since(0).cloned().collect::<Vec<_>>(),
        [
            Toggled {
                ids: ids(&["b"]),
                open: true
            },
            Toggled {
                ids: ids(&["a"]),
                open: false
            },
        ]
    );
}

#[test]
fn a_header_click_flips_the_card_as_it_is_by_then_so_two_clicks_open_and_close_it() {
    let s = run([Action::Flip("a".into()), Action::Flip("a".into())]);
    assert!(!s.is_open("a"));
    assert_eq!(
        s.toggled.since(0).cloned().collect::<Vec<_>>(),
        [
            Toggled {
                ids: ids(&["a"]),
                open: true
            },
            Toggled {
                ids: ids(&["a"]),
                open: false
            },
        ]
    );
}

#[test]
fn a_deep_link_clears_what_would_hide_the_card_and_asks_to_scroll() {
    let s = run([
        Action::SetQuery("zzz".into()),
        Action::ToggleCategory(Category::Research),
        Action::SetView(View::Compare),
        Action::Reveal("ect".into()),
    ]);
    assert!(s.query.is_empty() && s.categories.is_empty());
    assert_eq!(s.view, View::Cards);
    assert_eq!(s.scroll_to.as_deref(), Some("ect"));
    assert_eq!(
        run([Action::Reveal("ect".into()), Action::ScrolledTo]).scroll_to,
        None
    );
}

#[test]
fn sorting_a_column_twice_reverses_it() {
    let s = run([Action::SortBy(Field::Evidence)]);
    assert_eq!(s.sort, Some((Field::Evidence, SortDir::Ascending)));
    let s = run([
        Action::SortBy(Field::Evidence),
        Action::SortBy(Field::Evidence),
    ]);
    assert_eq!(s.sort, Some((Field::Evidence, SortDir::Descending)));
    let s = run([
        Action::SortBy(Field::Evidence),
        Action::SortBy(Field::Treatment),
    ]);
    assert_eq!(s.sort, Some((Field::Treatment, SortDir::Ascending)));
}

#[test]
fn at_most_four_treatments_can_be_picked_and_side_by_side_needs_two() {
    let picks = ["a", "b", "c", "d", "e"].map(|x| Action::TogglePick(x.into()));
    let s = run(picks);
    assert_eq!(s.picked.len(), MAX_PICKS);
    assert!(!s.picked.contains(&"e".to_string()));
    assert!(!run([Action::TogglePick("a".into()), Action::SetSideBySide(true)]).side_by_side);
    let s = run([
        Action::TogglePick("a".into()),
        Action::TogglePick("b".into()),
        Action::SetSideBySide(true),
    ]);
    assert!(s.side_by_side);
    let s = run([
        Action::TogglePick("a".into()),
        Action::TogglePick("b".into()),
        Action::SetSideBySide(true),
        Action::TogglePick("b".into()),
    ]);
    assert!(
        !s.side_by_side,
        "dropping below two leaves the side-by-side view"
    );
}

#[test]
fn questions_tick_untick_and_clear() {
    let s = run([
        Action::ToggleQuestion("ect".into(), 1),
        Action::ToggleQuestion("tms".into(), 0),
    ]);
    assert_eq!(s.questions.len(), 2);
    let s = run([
        Action::ToggleQuestion("ect".into(), 1),
        Action::ToggleQuestion("ect".into(), 1),
    ]);
    assert!(s.questions.is_empty());
    let s = run([
        Action::ToggleQuestion("ect".into(), 1),
        Action::ClearQuestions,
    ]);
    assert!(s.questions.is_empty());
}

#[test]
fn notices_count_up_so_repeats_are_announced_again() {
    let s = run([
        Action::Notify(Notice::Copied),
        Action::Notify(Notice::Copied),
    ]);
    assert_eq!(s.notice, Some((Notice::Copied, 1)));
    let s = run([Action::SetView(View::Compare)]);
    assert_eq!(s.notice, Some((Notice::Showing(View::Compare), 0)));
}

#[test]
fn switching_views_remembers_the_view() {
    assert_eq!(
        run([Action::SetView(View::Questions)]).view,
        View::Questions
    );
    assert_eq!(View::from_slug("compare"), Some(View::Compare));
    assert_eq!(View::from_slug("nope"), None);
}

#[test]
fn saved_questions_are_checked_against_the_content() {
    let c = content::load("en").unwrap();
    let q = Questions::decode("ect:0,ect:99,nope:1,garbage,tms:1", &c);
    assert_eq!(q.encode(), "ect:0,tms:1");
}

#[test]
fn my_questions_copy_as_grouped_plain_text() {
    let c = content::load("en").unwrap();
    let q: Questions = [("tms".to_string(), 0), ("ect".to_string(), 1)]
        .into_iter()
        .collect();
    let text = q.to_text(&c);
    let tms = c.card("tms").unwrap();
    let ect = c.card("ect").unwrap();
    assert!(text.starts_with(&c.ui.my_questions_heading));
    let tms_at = text.find(&tms.title).unwrap();
    let ect_at = text.find(&ect.title).unwrap();
    assert!(tms_at < ect_at, "grouped in content order");
    assert!(text.contains(&format!("- {}", ect.questions[1])));
}

#[test]
fn small_sets_stay_sorted_and_unique() {
    use trd_explainer::collections::SmallSet;
    let mut s: SmallSet<u32> = [5, 1, 3, 1].into_iter().collect();
    assert_eq!(s.iter().copied().collect::<Vec<_>>(), [1, 3, 5]);
    assert!(!s.insert(3));
    s.toggle(3);
    s.toggle(4);
    assert_eq!(s.iter().copied().collect::<Vec<_>>(), [1, 4, 5]);
    assert!(s.contains(&4) && !s.contains(&3));
    assert!(s.remove(&1) && !s.remove(&1));
}

#[test]
fn the_small_sort_is_stable() {
    let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
    trd_explainer::collections::sort_by(&mut v, |a, b| a.0.cmp(&b.0));
    assert_eq!(v, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
}

#[test]
fn folding_covers_latin_capitals_with_accents() {
    assert_eq!(fold("ÀÉÎÕÜÇÑ ĀĘŁŃŚŽ Œ"), "aeioucn aelnsz o");
    assert_eq!(fold("×"), "×", "the multiplication sign is not a letter");
}

#[test]
fn the_url_state_round_trips_through_query_pairs_and_ignores_unknown_slugs() {
    use trd_explainer::state::UrlState;
    let url = UrlState {
        query: "seizure".into(),
        categories: [Category::Stimulation].into_iter().collect(),
        statuses: [Status::Established, Status::Emerging]
            .into_iter()
            .collect(),
        view: View::Compare,
        issues: ["memory", "onset"].into_iter().collect(),
    };
    let pairs = url.to_pairs();
    let get = |key: &str| {
        pairs
            .iter()
            .find(|(k, v)| *k == key && !v.is_empty())
            .map(|(_, v)| v.clone())
    };
    assert_eq!(UrlState::from_pairs(get), url);
    let odd = UrlState::from_pairs(|key| (key == "trd-type").then(|| "mars,stimulation".into()));
    assert_eq!(odd.categories.len(), 1);
    assert!(UrlState::from_pairs(|_| None).is_default());
    assert!(UrlState::default()
        .to_pairs()
        .iter()
        .all(|(_, v)| v.is_empty()));
}

#[test]
fn every_section_kind_names_a_heading_string() {
    use trd_explainer::content::{SectionKind, UiStrings};
    for kind in SectionKind::ALL {
        assert!(UiStrings::KEYS.contains(&kind.slug()), "{kind:?}");
    }
}

#[test]
fn ticked_issues_keep_the_issue_order_and_only_known_slugs() {
    let s = run([
        Action::ToggleIssue("memory"),
        Action::ToggleIssue("access"),
        Action::ToggleIssue("onset"),
        Action::ToggleIssue("no-such-issue"),
    ]);
    assert_eq!(s.issues.to_list(), "onset,memory,access");
    let s = run([Action::ToggleIssue("memory"), Action::ToggleIssue("memory")]);
    assert!(s.issues.is_empty());
}

#[test]
fn a_matters_link_restores_the_view_and_its_issues_in_issue_order() {
    use trd_explainer::state::UrlState;
    let url = UrlState::from_pairs(|key| match key {
        "trd-view" => Some("matters".into()),
        "trd-issues" => Some("memory,bogus,onset,memory".into()),
        _ => None,
    });
    assert_eq!(url.view, View::Matters);
    assert_eq!(url.issues.to_list(), "onset,memory");
    let pairs = url.to_pairs();
    assert!(pairs.contains(&("trd-view", "matters".into())));
    assert!(pairs.contains(&("trd-issues", "onset,memory".into())));
    let s = run([Action::Restore(url)]);
    assert_eq!(
        (s.view, s.issues.to_list().as_str()),
        (View::Matters, "onset,memory")
    );
}

#[test]
fn issue_questions_are_saved_with_the_card_questions_and_old_values_still_read() {
    let c = content::load("en").unwrap();
    let s = run([
        Action::ToggleQuestion("ect".into(), 0),
        Action::ToggleIssueQuestion("memory"),
        Action::ToggleIssueQuestion("onset"),
    ]);
    assert_eq!(s.questions.len(), 3);
    let saved = s.questions.encode();
    assert_eq!(saved, "ect:0|onset,memory");
    assert_eq!(Questions::decode(&saved, &c), s.questions);
    let old = Questions::decode("ect:0,tms:1", &c);
    assert_eq!((old.len(), old.encode().as_str()), (2, "ect:0,tms:1"));
    let odd = Questions::decode("|memory,nope,", &c);
    assert_eq!(odd.encode(), "|memory");
    let s = run([
        Action::ToggleIssueQuestion("memory"),
        Action::ClearQuestions,
    ]);
    assert!(s.questions.is_empty());
}

#[test]
fn issue_questions_copy_under_the_view_name_after_the_cards() {
    let c = content::load("en").unwrap();
    let s = run([
        Action::ToggleIssueQuestion("memory"),
        Action::ToggleQuestion("ect".into(), 0),
    ]);
    let m = c.matters.as_deref().unwrap();
    let text = s.questions.to_text(&c);
    let ect_at = text.find(&c.card("ect").unwrap().title).unwrap();
    let view_at = text.find(&format!("\n{}\n", m.strings.view)).unwrap();
    assert!(ect_at < view_at, "{text}");
    assert!(text.contains("- How will my memory be checked?"), "{text}");
}

#[test]
fn the_toggle_log_keeps_a_full_count_but_only_the_latest_changes() {
    let flips = (0..40).map(|i| Action::Flip(format!("card-{}", i % 3)));
    let s = run(flips);
    assert_eq!(s.toggled.count(), 40);
    // What a render that has emitted 38 still owes: the last two, oldest first.
    let owed: Vec<_> = s.toggled.since(38).map(|t| t.ids[0].clone()).collect();
    assert_eq!(owed, ["card-2", "card-0"]);
    assert!(s.toggled.since(0).count() < 40, "the log is bounded");
    assert_eq!(s.toggled.since(40).count(), 0);
}
