//! Issue 20: every treatment is held to the same standard of evidence, safety and
//! wording, in every locale. Each rule in `content::fairness` runs here for every
//! built-in locale, and each is shown to catch the defect it exists for.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use trd_explainer::content::{self, deadline, fairness, Content, Phrases, Point};

fn load(code: &str) -> Rc<Content> {
    content::load(code).unwrap_or_else(|e| panic!("{code} content does not load: {e}"))
}

/// The phrases of a built-in locale's own file, which the rules look for.
fn phrases(c: &Content) -> Phrases {
    Phrases::built_in(&c.locale).unwrap_or_else(|e| panic!("{e}"))
}

/// Runs one rule on every built-in locale and fails with every problem it finds.
fn holds_in_every_locale(rule: impl Fn(&Content, &Phrases) -> Vec<String>) {
    let mut all = Vec::new();
    for code in content::locales() {
        let c = load(code);
        all.extend(
            rule(&c, &phrases(&c))
                .into_iter()
                .map(|e| format!("{code}: {e}")),
        );
    }
    assert!(all.is_empty(), "\n  {}", all.join("\n  "));
}

fn mutated(code: &str, card: &str, edit: impl FnOnce(&mut content::Card)) -> Content {
    let mut c = (*load(code)).clone();
    let i = c.cards.iter().position(|x| x.id == card).expect("card");
    let mut changed = (*c.cards[i]).clone();
    edit(&mut changed);
    c.cards[i] = Rc::new(changed);
    c
}

fn assert_caught(errors: &[String], needles: &[&str]) {
    assert!(
        errors.iter().any(|e| needles.iter().all(|n| e.contains(n))),
        "expected a problem containing {needles:?}, got:\n  {}",
        errors.join("\n  ")
    );
}

#[test]
fn label_backed_safety_answers_state_what_the_label_says() {
    // Each card that cites a product label marks it as one, so the rule applies to it.
    for code in content::locales() {
        let c = load(code);
        for (id, label) in [
            ("ketamine", "spravato-label"),
            ("augmentation", "fda-addon"),
            ("lithium", "fda-lithium"),
        ] {
            let source = c.card(id).and_then(|card| card.source(label));
            assert_eq!(
                source.and_then(|s| s.kind),
                Some(content::SourceKind::Label),
                "{code}: card `{id}` must mark `{label}` as `kind = \"label\"`"
            );
        }
    }
    holds_in_every_locale(fairness::label_safety);
}

#[test]
fn failed_trials_are_named_as_plainly_as_successful_ones() {
    holds_in_every_locale(|c, _| fairness::failed_trials(c));
}

#[test]
fn cards_and_their_what_matters_answers_agree() {
    holds_in_every_locale(fairness::card_and_matters_agree);
}

#[test]
fn studies_of_looser_groups_than_trd_say_so_where_cited() {
    // The studies the review named are marked, wherever they are cited.
    for code in content::locales() {
        let c = load(code);
        for (id, key) in [
            ("cbt", "wiles2013"),
            ("augmentation", "mohamed2017"),
            ("ect", "haq2015"),
            ("ect", "husain2004"),
            ("personalized-pharmacotherapy", "oslin2022"),
            ("personalized-pharmacotherapy", "greden2019"),
        ] {
            let source = c.card(id).and_then(|card| card.source(key));
            assert_eq!(
                source.and_then(|s| s.population),
                Some(content::Population::Looser),
                "{code}: card `{id}` must mark `{key}` as `population = \"looser\"`"
            );
        }
    }
    holds_in_every_locale(fairness::who_was_studied);
}

#[test]
fn time_limited_statuses_give_their_end_date() {
    // Germany's programme is listed by the regulator until 11 July 2026.
    for code in content::locales() {
        let c = load(code);
        let psilocybin = c.card("psilocybin").expect("psilocybin card");
        assert!(
            psilocybin
                .time_limited
                .iter()
                .any(|t| t.source == "bfarm2025" && t.until == "2026-07-11"),
            "{code}: the psilocybin card must record that `bfarm2025` ends on 2026-07-11"
        );
    }
    holds_in_every_locale(fairness::time_limits);
}

#[test]
fn a_safety_field_that_drops_its_label_is_caught() {
    let c = mutated("en", "lithium", |card| {
        let mut safety = card.safety.clone().unwrap();
        safety.pregnancy = Point {
            text: "No specific advice was found.".into(),
            cite: vec![],
        };
        card.safety = Some(safety);
    });
    let errors = fairness::label_safety(&c, &phrases(&c));
    assert_caught(&errors, &["card `lithium`", "pregnancy", "fda-lithium"]);
    assert_caught(&errors, &["card `lithium`", "pregnancy", "checked_silent"]);
}

#[test]
fn a_what_matters_memory_answer_hiding_a_label_warning_is_caught() {
    let mut v = json("en");
    v["matters"]["answers"]["lithium"]["memory"] =
        serde_json::json!("not-listed: Memory problems are not listed.");
    let c = content::parse(&v.to_string()).expect("parses");
    assert_caught(
        &fairness::label_safety(&c, &phrases(&c)),
        &["card `lithium`", "`memory`", "not-listed"],
    );
}

#[test]
fn a_treatment_without_its_failed_trials_is_caught() {
    let c = mutated("en", "ketamine", |card| card.failed_trials.clear());
    assert_caught(
        &fairness::failed_trials(&c),
        &["card `ketamine`", "names no failed"],
    );
    let c = mutated("en", "vns", |card| {
        card.failed_trials = vec!["aaronson2017".into(), "not-a-source".into()];
    });
    assert_caught(
        &fairness::failed_trials(&c),
        &["card `vns`", "not-a-source"],
    );
}

#[test]
fn an_evidence_answer_or_side_effect_answer_out_of_step_with_the_card_is_caught() {
    let mut v = json("en");
    v["matters"]["answers"]["mindfulness"]["evidence"] =
        serde_json::json!("moderate: Emerging to moderate.");
    v["matters"]["answers"]["cbt"]["side-effects"] =
        serde_json::json!("not-known: No side effects are listed.");
    let c = content::parse(&v.to_string()).expect("parses");
    let errors = fairness::card_and_matters_agree(&c, &phrases(&c));
    assert_caught(&errors, &["card `mindfulness`", "`limited`", "`moderate`"]);
    assert_caught(&errors, &["card `cbt`", "no side effects"]);
}

#[test]
fn a_looser_study_cited_without_saying_so_is_caught() {
    let c = mutated("es", "cbt", |card| {
        let mut evidence = card.evidence.clone().unwrap();
        let mut points = evidence.points.to_vec();
        points.push(Point {
            text: "Un ensayo encontró un beneficio.".into(),
            cite: vec!["wiles2013".into()],
        });
        evidence.points = points.into();
        card.evidence = Some(evidence);
    });
    assert_caught(
        &fairness::who_was_studied(&c, &phrases(&c)),
        &["card `cbt`", "wiles2013", "no solo personas con drt"],
    );
}

#[test]
fn a_fact_box_from_a_looser_study_that_does_not_say_so_is_caught() {
    for code in content::locales() {
        let c = mutated(code, "cbt", |card| {
            let b = &mut card.facts[0];
            b.population = "Adults.".into();
            b.reason = "One trial.".into();
        });
        assert_caught(
            &fairness::who_was_studied(&c, &phrases(&c)),
            &["card `cbt`", "fact box `cobalt`", "wiles2013"],
        );
    }
}

#[test]
fn a_status_past_its_end_date_in_the_present_tense_is_caught() {
    let c = mutated("en", "psilocybin", |card| {
        let mut regulatory = card.regulatory.clone().unwrap();
        let points: Vec<Point> = regulatory
            .points
            .iter()
            .map(|p| {
                if p.cite.iter().any(|k| k == "bfarm2025") {
                    Point {
                        text: "Germany: since July 2025, a programme lets adults with TRD get it."
                            .into(),
                        cite: p.cite.clone(),
                    }
                } else {
                    p.clone()
                }
            })
            .collect();
        regulatory.points = points.into();
        card.regulatory = Some(regulatory);
    });
    let errors = fairness::time_limits(&c, &phrases(&c));
    assert_caught(
        &errors,
        &["card `psilocybin`", "2026-07-11", "does not give that date"],
    );
    assert_caught(&errors, &["card `psilocybin`", "no extension was found"]);
}

#[test]
fn deadlines_are_read_against_today_with_a_sixty_day_warning() {
    use deadline::{deadline as at, Deadline};
    let until = deadline::iso_parts("2026-07-11").unwrap();
    assert_eq!(at(until, (2026, 12, 5)), Deadline::Passed);
    assert_eq!(at(until, (2026, 7, 11)), Deadline::Soon(0));
    assert_eq!(at(until, (2026, 5, 12)), Deadline::Soon(60));
    assert_eq!(at(until, (2026, 5, 11)), Deadline::Later);
    assert_eq!(
        deadline::days_from_civil(1970, 1, 1),
        0,
        "the epoch is day zero"
    );
    assert_eq!(deadline::days_from_civil(2000, 3, 1), 11_017);
}

fn json(code: &str) -> serde_json::Value {
    let (_, text) = content::LOCALES
        .iter()
        .find(|(c, _)| *c == code)
        .expect("locale compiled in");
    serde_json::from_str(text).expect("embedded JSON parses")
}
