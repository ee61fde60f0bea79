//! Each language written the way its editors would publish it: counted phrases in the
//! right grammatical form, dates in the locale's own pattern, crisis numbers that never
//! break across lines, and the crisis lines its readers need.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use trd_explainer::content::{self, counted, fill, Content, Region, UiStrings};

fn load(code: &str) -> Rc<Content> {
    content::load(code).unwrap_or_else(|e| panic!("{code} content does not load: {e}"))
}

/// Every counted interface string: (form for one, form for any other count).
const UI_COUNTED: &[(&str, &str)] = &[
    ("find_count_one", "find_count_many"),
    ("find_active_one", "find_active_many"),
    ("results_one", "results_many"),
    ("results_all_one", "results_all"),
];

/// Counted strings only ever shown for two or more (so they need no form for one).
const NEVER_ONE: &[&str] = &["compare_side_by_side"];

#[test]
fn every_counted_string_has_a_form_for_one_and_one_for_many() {
    for code in content::locales() {
        let c = load(code);
        for key in UiStrings::KEYS {
            let text = c.ui.get(key).unwrap_or_default();
            if text.contains("{count}") {
                assert!(
                    UI_COUNTED.iter().any(|(_, many)| many == key) || NEVER_ONE.contains(key),
                    "{code}: ui.{key} counts something but has no form for one"
                );
            }
        }
        for (one, many) in UI_COUNTED {
            let (one, many) = (c.ui.get(one).unwrap(), c.ui.get(many).unwrap());
            assert!(many.contains("{count}"), "{code}: {many}");
            assert!(!counted(1, one, many).contains("{count}"), "{code}: {one}");
        }
        let s = &c.matters.as_ref().unwrap().strings;
        for (one, many) in [
            (&s.issues_one, &s.issues_many),
            (&s.treatments_one, &s.treatments_many),
        ] {
            assert!(many.contains("{count}"), "{code}: {many}");
            assert_eq!(counted(3, one, many), many.replace("{count}", "3"));
            assert_eq!(counted(1, one, many), one.replace("{count}", "1"));
        }
    }
}

/// The matters status line as the view builds it.
fn matters_status(code: &str, issues: usize, treatments: usize) -> String {
    let c = load(code);
    let s = &c.matters.as_ref().unwrap().strings;
    fill(
        &s.status,
        &[
            ("issues", &counted(issues, &s.issues_one, &s.issues_many)),
            (
                "treatments",
                &counted(treatments, &s.treatments_one, &s.treatments_many),
            ),
        ],
    )
}

#[test]
fn one_chosen_issue_is_singular_in_every_language() {
    assert_eq!(
        matters_status("es", 1, 15),
        "1 tema elegido; 15 tratamientos en cada uno"
    );
    assert_eq!(
        matters_status("es", 2, 1),
        "2 temas elegidos; 1 tratamiento en cada uno"
    );
    assert_eq!(
        matters_status("en", 1, 15),
        "1 issue chosen, 15 treatments on each"
    );
    assert_eq!(
        matters_status("en", 2, 15),
        "2 issues chosen, 15 treatments on each"
    );
    let es = load("es");
    assert_eq!(
        counted(1, &es.ui.results_all_one, &es.ui.results_all),
        "Se muestra el único tema"
    );
    assert_eq!(
        counted(19, &es.ui.results_all_one, &es.ui.results_all),
        "Se muestran los 19 temas"
    );
}

#[test]
fn dates_are_written_the_way_each_language_writes_them() {
    let (en, es) = (load("en"), load("es"));
    assert_eq!(en.format_date("2026-11-26"), "26 November 2026");
    assert_eq!(es.format_date("2026-11-26"), "26 de noviembre de 2026");
    assert_eq!(es.format_date("2027-01-05"), "5 de enero de 2027");
    // Not a date: shown as written rather than invented.
    assert_eq!(es.format_date("2026-13-01"), "2026-13-01");
    let ect = es.card("ect").unwrap();
    assert_eq!(
        es.review_line(ect).as_deref(),
        Some("Última revisión: 5 de diciembre de 2026 · Próxima revisión: 5 de diciembre de 2027")
    );
    for code in content::locales() {
        let pattern = &load(code).ui.date_pattern;
        for part in ["{day}", "{month}", "{year}"] {
            assert!(pattern.contains(part), "{code}: date_pattern lacks {part}");
        }
    }
}

#[test]
fn a_crisis_number_or_grouped_figure_never_breaks_across_lines() {
    for code in content::locales() {
        // Every string of the locale, as the browser gets it.
        let json = content::json(code).unwrap();
        let chars: Vec<char> = json.chars().collect();
        for (i, w) in chars.windows(3).enumerate() {
            if w[0].is_ascii_digit() && w[1] == ' ' && w[2].is_ascii_digit() {
                let around: String = chars[i.saturating_sub(40)..(i + 40).min(chars.len())]
                    .iter()
                    .collect();
                panic!("{code}: an ordinary space between digits can break the line: …{around}…");
            }
        }
    }
    let es = load("es");
    assert!(es.ui.fallback_error.contains("800\u{a0}911\u{a0}2000"));
    let genetics = es.card("genetics").unwrap().prose().join(" ");
    assert!(genetics.contains("688\u{202f}808"), "{genetics}");
}

fn line(c: &Content, region: Region) -> &content::CrisisLine {
    c.safety
        .lines
        .iter()
        .find(|l| l.region == region)
        .unwrap_or_else(|| panic!("{}: no line for {region:?}", c.locale))
}

#[test]
fn the_us_line_offers_spanish_and_veterans_in_both_languages() {
    for code in content::locales() {
        let c = load(code);
        let us = line(&c, Region::Us);
        let (press_2, press_1) = match code {
            "es" => ("marque 2", "marquen 1"),
            _ => ("press 2", "press 1"),
        };
        assert!(us.detail.contains(press_2), "{code}: {}", us.detail);
        assert!(us.detail.contains(press_1), "{code}: {}", us.detail);
        assert!(us.detail.contains("AYUDA"), "{code}: {}", us.detail);
        assert!(
            us.contacts.iter().any(|l| l.href == "sms:988?body=AYUDA"),
            "{code}: texting AYUDA is one tap away"
        );
        assert!(us.contacts.iter().any(|l| l.href == "tel:988"));
    }
}

#[test]
fn lifeline_text_ireland_and_the_spanish_speaking_countries_are_listed() {
    for code in content::locales() {
        let c = load(code);
        let au = line(&c, Region::Au);
        assert!(au.detail.contains("0477\u{a0}13\u{a0}11\u{a0}14"), "{code}");
        assert!(
            au.contacts.iter().any(|l| l.href == "sms:0477131114"),
            "{code}: Lifeline's text number has an sms: link"
        );
        let emergency = line(&c, Region::Emergency);
        let ireland = match code {
            "es" => "Irlanda",
            _ => "Ireland",
        };
        for number in ["999", "112"] {
            let link = emergency
                .contacts
                .iter()
                .find(|l| l.href == format!("tel:{number}"))
                .unwrap_or_else(|| panic!("{code}: no tel:{number}"));
            assert!(
                link.label.contains(ireland),
                "{code}: {number} is Ireland's too: {}",
                link.label
            );
        }
        // The could-not-load message names Spain's and Mexico's lines.
        for number in ["024", "800\u{a0}911\u{a0}2000", "112", "911", "988"] {
            assert!(
                c.ui.fallback_error.contains(number),
                "{code}: fallback_error lacks {number}"
            );
        }
    }
}

#[test]
fn spanish_lines_name_who_runs_them_without_dated_contractors() {
    let es = load("es");
    assert!(!line(&es, Region::Es).detail.contains("Cruz Roja"));
    assert!(line(&es, Region::Mx).detail.contains("CONASAMA"));
    assert!(line(&es, Region::Us).detail.contains("Veteranos"));
}
