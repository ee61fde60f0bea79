//! Fact boxes ("In numbers"): every "X out of 100" a reader sees is worked out from what
//! its source reports, and nothing else on the page claims such a figure.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use trd_explainer::components;
use trd_explainer::config::Options;
use trd_explainer::content::{self, Content, FactBox, Group, Tenths};
use trd_explainer::prerender::render_widget;
use trd_explainer::state::Field;

fn load(code: &str) -> Rc<Content> {
    content::load(code).unwrap_or_else(|e| panic!("{code}: {e}"))
}

fn widget(code: &'static str) -> String {
    let mut options = Options::standalone();
    options.locale = code;
    render_widget(options).unwrap_or_else(|e| panic!("{code}: {e}"))
}

/// The test's own arithmetic, apart from the widget's: the share in percent, rounded to
/// the nearest whole number, halves up.
fn expected(g: &Group) -> u32 {
    match (g.events, g.percent) {
        (Some(e), _) => (f64::from(e) * 100.0 / f64::from(g.size) + 0.5).floor() as u32,
        (None, Some(Tenths(t))) => (f64::from(t) / 10.0 + 0.5).floor() as u32,
        (None, None) => panic!("group `{}` has no figure to show", g.arm),
    }
}

/// Every group of every box on every card, in the order the page shows them.
fn groups(c: &Content) -> Vec<(&str, &FactBox, &Group)> {
    let mut out = Vec::new();
    for card in &c.cards {
        for b in &card.facts {
            for row in &b.rows {
                for g in row.ordered(&b.lead) {
                    out.push((card.id.as_str(), b, g));
                }
            }
        }
    }
    out
}

/// The numbers written before each occurrence of `phrase` ("27 out of 100" → 27).
fn figures_before(html: &str, phrase: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(phrase) {
        let before = rest[..at].trim_end();
        let digits: String = before
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if let Ok(n) = digits.parse() {
            out.push(n);
        }
        rest = &rest[at + phrase.len()..];
    }
    out
}

/// What sits inside each element that has `class="<class>"`, in order.
fn inside(html: &str, class: &str, close: &str) -> Vec<String> {
    let open = format!("class=\"{class}\"");
    html.match_indices(&open)
        .map(|(at, _)| {
            let start = at + html[at..].find('>').unwrap() + 1;
            let end = start + html[start..].find(close).unwrap();
            html[start..end].to_owned()
        })
        .collect()
}

/// How many of the 100 squares an icon array's filled path covers (each row is
/// `M0 <y>h<width>`, ten units per square).
fn squares(path: &str) -> u32 {
    path.split('h')
        .skip(1)
        .map(|w| {
            w.chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
                .parse::<u32>()
                .unwrap()
                / 10
        })
        .sum()
}

fn filled_paths(html: &str) -> Vec<String> {
    html.split("<path ")
        .skip(1)
        .map(|tag| &tag[..tag.find('>').unwrap()])
        .filter(|tag| tag.contains("class=\"trd-icons__filled\""))
        .map(|tag| {
            let d = &tag[tag.find("d=\"").unwrap() + 3..];
            d[..d.find('"').unwrap()].to_owned()
        })
        .collect()
}

#[test]
fn every_figure_shown_is_worked_out_from_what_its_source_reports() {
    for code in content::locales() {
        let c = load(code);
        let html = widget(code);
        let want: Vec<u32> = groups(&c).iter().map(|(_, _, g)| expected(g)).collect();
        assert!(
            want.len() > 20,
            "{code}: the boxes hold {} groups",
            want.len()
        );

        // The bold figure beside each group, in order.
        let phrase = c.facts.get("out-of").replace("{x}", "");
        let shown: Vec<u32> = inside(&html, "trd-fact-group__figure", "</strong>")
            .iter()
            .map(|t| {
                figures_before(t, phrase.trim_start())
                    .first()
                    .copied()
                    .unwrap_or(0)
            })
            .collect();
        assert_eq!(shown, want, "{code}: each group's figure");

        // Its icon array fills as many squares.
        let filled: Vec<u32> = filled_paths(&html).iter().map(|p| squares(p)).collect();
        assert_eq!(filled, want, "{code}: each icon array");

        // Nothing else on the page claims an "X out of 100": a figure typed into any
        // text would have no source, so it fails here.
        let mut anywhere = figures_before(&html, phrase.trim_start());
        let mut derived = want.clone();
        anywhere.sort_unstable();
        derived.sort_unstable();
        assert_eq!(
            anywhere,
            derived,
            "{code}: every \"{}\" on the page is a box's figure",
            phrase.trim()
        );
    }
}

#[test]
fn a_percentage_without_counts_is_shown_as_the_study_gives_it() {
    for code in content::locales() {
        let c = load(code);
        let html = widget(code);
        let bases = inside(&html, "trd-fact-group__basis", "</span>");
        let all = groups(&c);
        assert_eq!(bases.len(), all.len(), "{code}: a basis line per group");
        for ((card, b, g), basis) in all.iter().zip(&bases) {
            let size = g.size.to_string();
            assert!(
                basis.contains(&size),
                "{code} {card} {}: size in {basis}",
                b.id
            );
            match (g.events, g.percent) {
                (Some(e), _) => assert!(basis.contains(&e.to_string()), "{basis}"),
                (None, Some(p)) => {
                    let marked = c.facts.get(&components::basis_key(g));
                    let marker = marked.split('{').next().unwrap();
                    assert!(
                        basis.contains(&p.show()) && basis.contains(marker.trim()),
                        "{code} {card} {}: a reported percentage says so: {basis}",
                        b.id
                    );
                }
                (None, None) => unreachable!(),
            }
        }
    }
}

#[test]
fn the_rounding_rule_is_nearest_whole_number_halves_up() {
    let group = |events: Option<u32>, size: u32, percent: Option<u32>| Group {
        arm: "a".into(),
        size,
        events,
        percent: percent.map(Tenths),
        unit: "week".into(),
        at: 8,
        ..Group::default()
    };
    for (g, x) in [
        (group(Some(91), 336, None), 27), // 27.08 %
        (group(Some(60), 340, None), 18), // 17.65 %
        (group(Some(1), 8, None), 13),    // 12.5 %: halves up
        (group(Some(0), 30, None), 0),
        (group(None, 24, Some(208)), 21), // 20.8 %
        (group(None, 69, Some(159)), 16), // 15.9 %
        (group(None, 79, Some(85)), 9),   // 8.5 %
        (group(None, 73, Some(4)), 0),    // 0.4 %
    ] {
        assert_eq!(content::out_of_100(&g), x, "{g:?}");
        assert_eq!(expected(&g), x, "the test's own arithmetic agrees");
    }
    assert!(content::agrees(91, 336, Tenths(271)));
    assert!(
        content::agrees(21, 222, Tenths(90)),
        "9 % printed as a whole number"
    );
    assert!(!content::agrees(95, 336, Tenths(271)), "an edited count");
    assert!(content::share_of(24, Tenths(208)), "5 of 24 is 20.8 %");
    assert!(
        !content::share_of(87, Tenths(303)),
        "no whole number of 87 is 30.3 %"
    );
    assert!(
        content::share_of(234, Tenths(460)),
        "46 %, printed whole, of 234"
    );
}

#[test]
fn at_least_eight_treatments_show_a_box_with_a_comparison_group_in_every_language() {
    let named = [
        "ketamine",
        "augmentation",
        "lithium",
        "tms",
        "ect",
        "vns",
        "psilocybin",
        "cbt",
        "mindfulness",
    ];
    for code in content::locales() {
        let c = load(code);
        let compared: Vec<&str> = c
            .cards
            .iter()
            .filter(|card| card.facts.iter().any(FactBox::compared))
            .map(|card| card.id.as_str())
            .collect();
        assert!(compared.len() >= 8, "{code}: {compared:?}");
        for id in named {
            assert!(compared.contains(&id), "{code}: `{id}` has a compared box");
        }
        // And they are in the prerendered page, so they are there without JavaScript.
        let html = widget(code);
        for id in &compared {
            assert!(html.contains(&format!("id=\"{id}-facts\"")), "{code}: {id}");
        }
    }
}

#[test]
fn a_study_without_a_comparison_group_says_nobody_can_tell() {
    for code in content::locales() {
        let c = load(code);
        let html = widget(code);
        let alone: Vec<&FactBox> = c
            .cards
            .iter()
            .flat_map(|card| &card.facts)
            .filter(|b| !b.compared())
            .collect();
        assert!(!alone.is_empty(), "{code}: the open-label SNT study");
        let says = c.facts.get("no-comparison");
        assert_eq!(
            html.matches(&says.replace('\'', "&#39;")).count(),
            alone.len(),
            "{code}: once per box without a comparison"
        );
    }
}

/// Mutates English content and returns what validation says.
fn problems(mutate: impl FnOnce(&mut FactBox)) -> Vec<String> {
    let mut c = (*load("en")).clone();
    let card = c.cards.iter_mut().find(|c| c.id == "ketamine").unwrap();
    mutate(&mut Rc::make_mut(card).facts[0]);
    content::validate(&c)
}

#[test]
fn validation_fails_when_a_figure_loses_its_source_size_or_time_point() {
    assert!(problems(|_| {}).is_empty(), "the content as it is passes");
    type Edit = fn(&mut FactBox);
    let cases: [(&str, Edit); 8] = [
        ("no group size", |b| b.rows[0].groups[1].size = 0),
        ("different time points", |b| b.rows[0].groups[1].at = 12),
        ("the figure has no source", |b| {
            let g = &mut b.rows[0].groups[0];
            g.events = None;
            g.percent = None;
        }),
        // A count edited by hand no longer matches the percentage the paper printed.
        ("is not the reported", |b| {
            b.rows[0].groups[0].events = Some(95)
        }),
        ("not among the card's sources", |b| {
            b.source = "nobody2024".into()
        }),
        ("no name in `arms`", |b| b.arms.0.clear()),
        // "30.3% of 87 people": no whole number of 87 is 30.3%, so the figure is of
        // another group or from a model, and the box must say which.
        ("is not a share of 87 people", |b| {
            let g = &mut b.rows[0].groups[0];
            g.events = None;
            g.percent = Some(Tenths(303));
            g.size = 87;
        }),
        ("no words for `basis-percent-guessed`", |b| {
            let g = &mut b.rows[0].groups[1];
            g.events = None;
            g.basis = "guessed".into();
        }),
    ];
    for (says, mutate) in cases {
        let errors = problems(mutate);
        assert!(
            errors.iter().any(|e| e.contains(says)),
            "expected \"{says}\" in {errors:?}"
        );
    }
}

/// The numbers inside a text (sizes, doses, years), in order.
fn numbers(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

#[test]
fn box_words_carry_the_same_numbers_in_every_language() {
    let en = load("en");
    for code in content::locales().filter(|c| *c != "en") {
        let other = load(code);
        for (card, theirs) in en.cards.iter().zip(&other.cards) {
            assert_eq!(card.facts.len(), theirs.facts.len(), "{code} {}", card.id);
            for (a, b) in card.facts.iter().zip(&theirs.facts) {
                assert_eq!(a.rows, b.rows, "the data is shared");
                for (field, x, y) in [
                    ("title", &a.title, &b.title),
                    ("population", &a.population, &b.population),
                    ("reason", &a.reason, &b.reason),
                ] {
                    assert_eq!(numbers(x), numbers(y), "{code} box `{}` {field}", a.id);
                    assert_ne!(x, y, "{code} box `{}` {field} is translated", a.id);
                }
            }
        }
    }
}

#[test]
fn the_comparison_column_shows_each_headline_and_sorts_by_the_difference() {
    let c = load("en");
    let sort = Field::Outcome.sort().expect("the outcome column sorts");
    let ketamine = c.card("ketamine").unwrap();
    assert_eq!(content::headline_difference(&ketamine.facts), Some(27 - 18));
    let ect = c.card("ect").unwrap();
    assert_eq!(
        content::headline_difference(&ect.facts),
        Some(41 - 55),
        "on the ECT card, ECT leads"
    );
    let without = c.card("neurofeedback").unwrap();
    assert!(sort(without) == sort(without) && content::headline(&without.facts).is_none());
    assert!(
        sort(ketamine) > sort(ect),
        "a larger difference sorts after a smaller one"
    );
}

fn unescape(html: &str) -> String {
    html.replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[test]
fn each_box_names_its_source_and_says_when_industry_paid_for_the_trial() {
    for code in content::locales() {
        let c = load(code);
        let html = widget(code);
        let shown: Vec<String> = inside(&html, "trd-fact-box__source", "</p>")
            .iter()
            .map(|s| unescape(s))
            .collect();
        let boxes: Vec<(&content::Card, &FactBox)> = c
            .cards
            .iter()
            .flat_map(|card| card.facts.iter().map(move |b| (&**card, b)))
            .collect();
        assert_eq!(shown.len(), boxes.len(), "{code}: a source line per box");
        let funded = if code == "es" {
            "Financiado por la industria"
        } else {
            "Industry-funded"
        };
        let mut industry = Vec::new();
        for ((card, b), line) in boxes.iter().zip(&shown) {
            let source = card.source(&b.source).expect("checked by validation");
            assert!(
                line.contains(&source.text),
                "{code} {}: the box cites {}: {line}",
                b.id,
                source.text
            );
            if line.contains(funded) {
                industry.push(b.id.as_str());
            }
        }
        for id in ["escape-trd", "psilocybin-phase-2"] {
            assert!(
                industry.contains(&id),
                "{code}: `{id}` says who paid: {industry:?}"
            );
        }
    }
}
