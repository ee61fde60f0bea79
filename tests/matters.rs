//! "What matters to me": the `[matters]` block of every locale passes its checks, the
//! checks catch broken data (naming the card and issue), and the issue cards are built
//! in the right order from the visible cards and the ticked issues.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use serde_json::{json, Value};
use trd_explainer::content::{
    self, issue_cards, issue_spec, validate_matters, Content, ISSUES, NOT_KNOWN,
};

fn english() -> Rc<Content> {
    content::load("en").unwrap_or_else(|e| panic!("English content does not load: {e}"))
}

/// The English content as JSON, to break on purpose.
fn english_json() -> Value {
    let (_, json) = content::LOCALES
        .iter()
        .find(|(code, _)| *code == "en")
        .expect("English is compiled in");
    serde_json::from_str(json).expect("the embedded JSON parses")
}

/// Parses edited content and returns its matters errors.
fn errors_after(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut v = english_json();
    edit(&mut v);
    let c = content::parse(&v.to_string()).unwrap_or_else(|e| panic!("still parses: {e}"));
    validate_matters(&c)
}

fn assert_reported(errors: &[String], needles: &[&str]) {
    assert!(
        errors.iter().any(|e| needles.iter().all(|n| e.contains(n))),
        "expected an error containing {needles:?}, got:\n  {}",
        errors.join("\n  ")
    );
}

fn answer<'a>(v: &'a mut Value, card: &str, issue: &str) -> &'a mut Value {
    &mut v["matters"]["answers"][card][issue]
}

#[test]
fn every_locale_has_a_matters_block_that_passes_its_checks() {
    for code in content::locales() {
        let c = content::load(code).unwrap_or_else(|e| panic!("{code}: {e}"));
        let errors = validate_matters(&c);
        assert!(
            errors.is_empty(),
            "{code} has matters errors:\n  {}",
            errors.join("\n  ")
        );
    }
}

#[test]
fn every_treatment_card_answers_every_issue_and_research_cards_answer_none() {
    let c = english();
    let m = c.matters.as_deref().expect("English has a matters block");
    for card in &c.cards {
        for spec in ISSUES {
            let a = m.answer(&card.id, spec.slug);
            if card.is_treatment() {
                let a = a.unwrap_or_else(|| panic!("{} does not answer {}", card.id, spec.slug));
                assert!(spec.classes.contains(&a.class.as_str()));
            } else {
                assert!(
                    a.is_none(),
                    "research card {} answers {}",
                    card.id,
                    spec.slug
                );
            }
        }
    }
}

#[test]
fn the_issue_table_has_slugs_and_ends_every_class_list_with_not_known() {
    assert!(
        ISSUES.len() >= 9,
        "at least the nine issues the view promises"
    );
    for spec in ISSUES {
        assert!(spec
            .slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '-'));
        assert_eq!(spec.classes.last(), Some(&NOT_KNOWN), "{}", spec.slug);
        assert_eq!(issue_spec(spec.slug), Some(spec));
    }
    assert_eq!(issue_spec("nope"), None);
}

#[test]
fn every_issue_has_a_question_for_the_doctor() {
    let c = english();
    let m = c.matters.as_deref().expect("matters block");
    for spec in ISSUES {
        let issue = m.issue(spec.slug).expect("issue words");
        assert!(
            issue.question.ends_with('?'),
            "{}: {}",
            spec.slug,
            issue.question
        );
    }
    assert_eq!(
        m.issue("memory").map(|i| i.question.as_str()),
        Some("How will my memory be checked?")
    );
}

#[test]
fn a_missing_answer_is_reported_naming_card_and_issue() {
    let errors = errors_after(|v| {
        v["matters"]["answers"]["ect"]
            .as_object_mut()
            .unwrap()
            .remove("memory");
    });
    assert_reported(&errors, &["`ect`", "`memory`", "no answer"]);
}

#[test]
fn a_missing_card_is_reported_for_every_issue() {
    let errors = errors_after(|v| {
        v["matters"]["answers"]
            .as_object_mut()
            .unwrap()
            .remove("vns");
    });
    for spec in ISSUES {
        assert_reported(&errors, &["`vns`", &format!("`{}`", spec.slug)]);
    }
}

#[test]
fn a_class_outside_the_issues_list_is_reported() {
    let errors = errors_after(|v| {
        *answer(v, "tms", "onset") = json!("soonish: Within days. [cole2022]");
    });
    assert_reported(&errors, &["`tms`", "`onset`", "`soonish`", "hours-days"]);
}

#[test]
fn a_class_from_another_issue_is_reported() {
    let errors = errors_after(|v| {
        *answer(v, "lithium", "memory") = json!("weeks-2-4: Not listed.");
    });
    assert_reported(&errors, &["`lithium`", "`memory`", "`weeks-2-4`"]);
}

#[test]
fn a_figure_without_a_source_is_reported() {
    let errors = errors_after(|v| {
        *answer(v, "cbt", "evidence") = json!("moderate: About half improved, 46% vs 22%.");
    });
    assert_reported(&errors, &["`cbt`", "`evidence`", "figure without a source"]);
}

#[test]
fn any_digit_counts_as_a_figure() {
    let errors = errors_after(|v| {
        *answer(v, "ipt", "time") = json!("weekly: Weekly sessions for 16 weeks.");
    });
    assert_reported(&errors, &["`ipt`", "`time`", "figure without a source"]);
}

#[test]
fn an_unknown_source_key_is_reported() {
    let errors = errors_after(|v| {
        *answer(v, "ketamine", "evidence") =
            json!("moderate: Remission 27.1% vs 17.6%. [reif2032]");
    });
    assert_reported(&errors, &["`ketamine`", "`evidence`", "`reif2032`"]);
}

#[test]
fn answers_on_a_research_card_are_reported() {
    let errors = errors_after(|v| {
        v["matters"]["answers"]["genetics"] = json!({ "onset": "not-known: Not a treatment." });
    });
    assert_reported(&errors, &["`genetics`", "research card"]);
}

#[test]
fn an_issue_without_a_question_is_reported() {
    let errors = errors_after(|v| {
        v["matters"]["issues"]["driving"]["question"] = json!(" ");
    });
    assert_reported(&errors, &["`driving`", "`question` is empty"]);
    let errors = errors_after(|v| {
        v["matters"]["issues"]["driving"]
            .as_object_mut()
            .unwrap()
            .remove("question");
    });
    assert_reported(&errors, &["`driving`", "`question` is empty or missing"]);
}

#[test]
fn a_class_without_a_group_label_is_reported() {
    let errors = errors_after(|v| {
        v["matters"]["classes"]["onset"]
            .as_object_mut()
            .unwrap()
            .remove("months");
    });
    assert_reported(&errors, &["`onset`", "class `months` has no label"]);
}

#[test]
fn a_missing_matters_block_is_reported() {
    let errors = errors_after(|v| {
        v.as_object_mut().unwrap().remove("matters");
    });
    assert_reported(&errors, &["`[matters]` block is missing"]);
}

#[test]
fn an_answer_without_its_class_is_reported() {
    let errors = errors_after(|v| {
        *answer(v, "ect", "memory") = json!("Memory loss is a known side effect.");
    });
    assert_reported(&errors, &["`ect`", "`memory`", "class ``"]);
}

#[test]
fn a_mistyped_field_is_reported() {
    let errors = errors_after(|v| {
        v["matters"]["issues"]["memory"]["questoin"] = json!("How will my memory be checked?");
        v["matters"]["strings"]["veiw"] = json!("What matters");
    });
    assert_reported(&errors, &["`memory`", "unknown field `questoin`"]);
    assert_reported(&errors, &["unknown string `veiw`"]);
}

#[test]
fn a_table_where_a_string_belongs_fails_to_parse() {
    let mut v = english_json();
    *answer(&mut v, "ect", "memory") = json!({ "class": "known-risk", "text": "Memory loss." });
    assert!(content::parse(&v.to_string()).is_err());
}

#[test]
fn an_answer_reads_class_text_and_sources_from_one_string() {
    let a = content::Answer::from("weeks-2-4: About 2 to 4 weeks: often. [a, b-2]".to_owned());
    assert_eq!(a.class, "weeks-2-4");
    assert_eq!(a.text, "About 2 to 4 weeks: often.");
    assert_eq!(a.sources, ["a", "b-2"]);
}

fn slugs(cards: &[content::IssueCard]) -> Vec<&'static str> {
    cards.iter().map(|c| c.slug).collect()
}

/// (class, [card ids]) per group.
fn groups<'a>(card: &'a content::IssueCard) -> Vec<(&'a str, Vec<&'a str>)> {
    card.groups
        .iter()
        .map(|g| {
            (
                g.class,
                g.answers.iter().map(|a| a.card.id.as_str()).collect(),
            )
        })
        .collect()
}

#[test]
fn issue_cards_follow_the_issue_list_order_not_the_tick_order() {
    let c = english();
    let all: Vec<&str> = c.cards.iter().map(|c| c.id.as_str()).collect();
    let cards = issue_cards(&c, &all, &["memory", "onset", "no-such-issue"]);
    assert_eq!(slugs(&cards), ["onset", "memory"]);
    assert!(issue_cards(&c, &all, &[] as &[&str]).is_empty());
}

#[test]
fn issue_cards_group_by_class_in_class_order_and_drop_empty_groups() {
    let c = english();
    let visible = ["tms", "ect", "genetics", "ketamine"];
    let cards = issue_cards(&c, &visible, &["onset", "memory"]);
    assert_eq!(
        groups(&cards[0]),
        [
            ("hours-days", vec!["ketamine"]),
            ("weeks-1-3", vec!["ect"]),
            ("weeks-2-4", vec!["tms"]),
        ],
        "fastest first; no empty groups"
    );
    assert_eq!(
        groups(&cards[1]),
        [
            ("known-risk", vec!["ect"]),
            ("short-term", vec!["ketamine"]),
            ("not-listed", vec!["tms"]),
        ]
    );
    assert_eq!(cards[0].groups[0].label, "Hours to days");
    assert_eq!(cards[0].count(), 3, "the research card is never listed");
}

#[test]
fn within_a_group_treatments_keep_content_order() {
    let c = english();
    // Visible order deliberately differs from content order.
    let visible = ["psilocybin", "ect", "augmentation", "ketamine"];
    let cards = issue_cards(&c, &visible, &["onset"]);
    assert_eq!(
        groups(&cards[0]),
        [
            ("hours-days", vec!["ketamine", "psilocybin"]),
            ("weeks-1-3", vec!["augmentation", "ect"]),
        ]
    );
}

#[test]
fn answers_carry_their_text_and_full_sources() {
    let c = english();
    let cards = issue_cards(&c, &["ect"], &["evidence"]);
    let a = &cards[0].groups[0].answers[0];
    assert!(a.text.contains("58%"), "{}", a.text);
    let keys: Vec<&str> = a.sources.iter().map(|s| s.id.as_str()).collect();
    // ECT's answer names the trial in which it did not come out ahead (ELEKT-D).
    assert_eq!(keys, ["haq2015", "anand2023", "ekstrand2022"]);
    assert_eq!(cards[0].sources().len(), 3);
}

#[test]
fn no_visible_treatments_gives_issue_cards_without_groups() {
    let c = english();
    let cards = issue_cards(&c, &["genetics"], &["access"]);
    assert_eq!(slugs(&cards), ["access"]);
    assert!(cards[0].groups.is_empty());
}

#[test]
fn a_treatment_without_answers_is_listed_as_not_known() {
    // A publisher's added card has no matters entries.
    let mut v = english_json();
    v["cards"].as_array_mut().unwrap().push(json!({
        "id": "local-service", "category": "psychotherapy",
        "title": "Our local service", "summary": "How to refer yourself."
    }));
    let c = content::parse(&v.to_string()).expect("parses");
    let cards = issue_cards(&c, &["local-service", "ect"], &["pregnancy"]);
    let last = cards[0].groups.last().expect("a group");
    assert_eq!(last.class, NOT_KNOWN);
    let ids: Vec<&str> = last.answers.iter().map(|a| a.card.id.as_str()).collect();
    assert_eq!(ids, ["ect", "local-service"]);
    let m = c.matters.as_deref().unwrap();
    assert_eq!(last.answers[1].text, m.strings.no_answer);
}
