//! The built-in content must meet the fact sheet's rules and the outline's structure.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use trd_explainer::content::{self, Category, Content, Status};

fn english() -> Rc<Content> {
    content::load("en").unwrap_or_else(|e| panic!("English content does not load: {e}"))
}

fn load(code: &str) -> Rc<Content> {
    content::load(code).unwrap_or_else(|e| panic!("{code} content does not load: {e}"))
}

/// The card slugs, categories and statuses the outline fixes.
const OUTLINE: &[(&str, Category, Status)] = &[
    ("ketamine", Category::Medication, Status::Established),
    ("augmentation", Category::Medication, Status::Established),
    ("lithium", Category::Medication, Status::Established),
    (
        "personalized-pharmacotherapy",
        Category::Medication,
        Status::Emerging,
    ),
    (
        "novel-agents",
        Category::Medication,
        Status::Investigational,
    ),
    ("psilocybin", Category::Medication, Status::Investigational),
    ("tms", Category::Stimulation, Status::Established),
    ("ect", Category::Stimulation, Status::Established),
    ("vns", Category::Stimulation, Status::Established),
    ("dbs", Category::Stimulation, Status::Investigational),
    ("neurofeedback", Category::Stimulation, Status::Emerging),
    ("cbt", Category::Psychotherapy, Status::Established),
    ("ipt", Category::Psychotherapy, Status::Emerging),
    ("mindfulness", Category::Psychotherapy, Status::Emerging),
    ("psychosocial", Category::Psychotherapy, Status::Emerging),
    ("biomarkers", Category::Research, Status::Research),
    ("genetics", Category::Research, Status::Research),
    ("brain-imaging", Category::Research, Status::Research),
    ("neuroplasticity", Category::Research, Status::Research),
];

#[test]
fn every_locale_parses_and_passes_validation() {
    for code in content::locales() {
        let c = content::load(code).unwrap_or_else(|e| panic!("{code}: {e}"));
        let errors = content::validate(&c);
        assert!(
            errors.is_empty(),
            "{code} has content errors:\n  {}",
            errors.join("\n  ")
        );
    }
}

/// The content checks look for a few phrases in each locale's own words (safety points
/// that found no advice, texting 988, looser study groups, ended statuses): each locale
/// file brings them in its `[checks]` table, or its checks could not run.
#[test]
fn every_locale_file_has_the_phrases_its_checks_look_for() {
    for code in content::locales() {
        content::Phrases::built_in(code).unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn every_outline_card_is_present_with_its_category_and_status() {
    let c = english();
    assert_eq!(c.cards.len(), OUTLINE.len(), "exactly the outline's cards");
    for (slug, category, status) in OUTLINE {
        let card = c
            .card(slug)
            .unwrap_or_else(|| panic!("missing card `{slug}`"));
        assert_eq!(card.category, *category, "card `{slug}` category");
        assert_eq!(card.status, Some(*status), "card `{slug}` status");
    }
}

#[test]
fn category_names_are_the_reader_facing_ones() {
    let c = english();
    let names: Vec<&str> = c.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Medications",
            "Brain stimulation",
            "Talking and psychosocial therapies",
            "Research frontiers"
        ]
    );
}

#[test]
fn the_safety_banner_lists_every_crisis_line_the_fact_sheet_names() {
    let c = english();
    let text: String = c
        .safety
        .lines
        .iter()
        .flat_map(|l| {
            [l.name.clone(), l.detail.clone()]
                .into_iter()
                .chain(l.contacts.iter().map(|x| x.href.clone()))
        })
        .collect::<Vec<_>>()
        .join(" ");
    for needle in [
        "988",
        "tel:988",
        "116\u{a0}123",
        "tel:116123",
        "findahelpline.com",
        "988lifeline.org",
        "911",
        "999",
        "112",
        "Samaritans",
    ] {
        assert!(text.contains(needle), "safety banner lacks {needle}");
    }
}

#[test]
fn every_card_shows_at_least_one_source() {
    for card in &english().cards {
        assert!(!card.sources.is_empty(), "card `{}` has no source", card.id);
    }
}

/// Claims the fact sheet marks **unverified** must not be stated as fact.
#[test]
fn nothing_marked_unverified_is_stated() {
    let c = english();
    let everything: Vec<(String, String)> = c
        .cards
        .iter()
        .flat_map(|card| {
            let mut texts = vec![card.summary.clone(), card.title.clone()];
            for (_, s) in card.sections() {
                texts.extend(s.brief.clone());
                texts.extend(s.points.iter().map(|p| p.text.clone()));
            }
            texts.into_iter().map(move |t| (card.id.clone(), t))
        })
        .collect();
    let banned = [
        ("vns", "IPG330"), // replaced by IPG679 (2020)
        ("ipt", "12–16"),  // session count unverified
        ("ipt", "12-16"),
        ("ketamine", "within a week"), // duration of one infusion unverified
    ];
    for (card, phrase) in banned {
        for (id, text) in &everything {
            assert!(
                !(id == card && text.contains(phrase)),
                "card `{id}` states an unverified claim ({phrase}): {text}"
            );
        }
    }
}

/// Reads one card as the built-in content is read (strictly: an unknown field fails).
fn decode_card(json: &str) -> Result<trd_explainer::content::Card, String> {
    let mut unknown = Vec::new();
    let card = trd_explainer::data::decode_strict(json, &mut unknown)?;
    match unknown.first() {
        Some(path) => Err(format!("unknown field `{path}`")),
        None => Ok(card),
    }
}

#[test]
fn a_field_the_model_does_not_know_fails_the_content_checks_naming_its_path() {
    let en = content::LOCALES.iter().find(|(c, _)| *c == "en").unwrap().1;
    let mut v: serde_json::Value = serde_json::from_str(en).unwrap();
    v["cards"][3]["evidence"]["levle"] = serde_json::json!("strong");
    v["intro"]["heding"] = serde_json::json!("Typo");
    let c = content::parse(&v.to_string()).expect("a typo does not stop the parse");
    let errors = content::validate(&c);
    for path in ["cards[3].evidence.levle", "intro.heding"] {
        assert!(
            errors
                .iter()
                .any(|e| e.contains(&format!("unknown field `{path}`"))),
            "{path}: {errors:?}"
        );
    }
    assert!(
        content::validate(&english()).is_empty(),
        "the shipped file has none"
    );
    // One card read strictly (as the tests read the locale files) names the field too.
    let card = r#"{"id":"x","category":"research","title":"t","summary":"s","sumary":"t"}"#;
    assert_eq!(decode_card(card).unwrap_err(), "unknown field `sumary`");
}

#[test]
fn a_missing_field_names_the_card() {
    let json = r#"{"cards":[{"id":"x","category":"stimulation","summary":"s"}]}"#;
    let card = serde_json::from_str::<serde_json::Value>(json).unwrap()["cards"][0].to_string();
    let err = decode_card(&card).unwrap_err();
    assert!(err.contains("title"), "{err}");
}

fn validate_mutated(mutate: impl FnOnce(&mut Content)) -> Vec<String> {
    let mut c = (*english()).clone();
    mutate(&mut c);
    content::validate(&c)
}

#[test]
fn validation_fails_on_a_duplicate_slug() {
    let errors = validate_mutated(|c| {
        let dup = c.cards[0].clone();
        c.cards.push(dup);
    });
    assert!(
        errors
            .iter()
            .any(|e| e.contains("card `ketamine`") && e.contains("duplicate")),
        "{errors:?}"
    );
}

#[test]
fn validation_fails_on_a_card_without_sources() {
    let errors = validate_mutated(|c| {
        let mut card = (*c.cards[7]).clone();
        card.sources = Rc::from(vec![]);
        c.cards[7] = Rc::new(card);
    });
    assert!(
        errors
            .iter()
            .any(|e| e.contains("card `ect`") && e.contains("no sources")),
        "{errors:?}"
    );
}

#[test]
fn validation_fails_on_a_figure_without_a_source() {
    let errors = validate_mutated(|c| {
        let mut card = (*c.cards[7]).clone();
        let mut risks = card.risks.clone().unwrap();
        let mut points = risks.points.to_vec();
        points.push(content::Point {
            text: "Memory loss affects 40% of people.".into(),
            cite: vec![],
        });
        risks.points = points.into();
        card.risks = Some(risks);
        c.cards[7] = Rc::new(card);
    });
    assert!(
        errors
            .iter()
            .any(|e| e.contains("card `ect`") && e.contains("figure without a source")),
        "{errors:?}"
    );
}

#[test]
fn validation_fails_on_a_missing_section() {
    let errors = validate_mutated(|c| {
        let mut card = (*c.cards[0]).clone();
        card.onset = None;
        c.cards[0] = Rc::new(card);
    });
    assert!(
        errors
            .iter()
            .any(|e| e.contains("card `ketamine`") && e.contains("onset")),
        "{errors:?}"
    );
}

#[test]
fn an_unknown_category_or_status_is_rejected_by_the_parser() {
    for bad in [
        r#"{"id":"x","category":"surgery","title":"t","summary":"s"}"#,
        r#"{"id":"x","category":"stimulation","status":"approved","title":"t","summary":"s"}"#,
    ] {
        let err = decode_card(bad).unwrap_err();
        assert!(err.contains("is not one of"), "{err}");
    }
}

#[test]
fn citation_keys_split_from_the_text() {
    let p = content::Point::from("Remission 27.1% vs 17.6%. [reif2023, popova2019]".to_string());
    assert_eq!(p.text, "Remission 27.1% vs 17.6%.");
    assert_eq!(p.cite, ["reif2023", "popova2019"]);
    let plain = content::Point::from("Brackets [like this] stay text.".to_string());
    assert!(plain.cite.is_empty());
}

#[test]
fn figures_are_recognised() {
    for yes in [
        "27.1% vs 17.6%",
        "response OR 1.69",
        "(n=676)",
        "small effect (g=0.37)",
        "MADRS fell",
    ] {
        assert!(content::has_figure(yes), "{yes}");
    }
    for no in [
        "2 or 3 times a week",
        "at least 4 to 6 weeks",
        "Phase 3 trials",
        "CYP2D6",
    ] {
        assert!(!content::has_figure(no), "{no}");
    }
}

#[test]
fn only_safe_links_pass() {
    for ok in [
        "https://988lifeline.org",
        "tel:988",
        "mailto:a@b.org",
        "http://example.org/x",
        "sms:988",
        "sms:988?body=AYUDA",
    ] {
        assert!(content::safe_href(ok).is_some(), "{ok}");
    }
    for bad in [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "data:text/html,x",
        "/relative",
        "https://",
        "tel:call-me",
        "sms:",
        "sms:988?body=<script>",
        "sms:call-me",
        "https://x.org/\"onmouseover=\"",
    ] {
        assert!(content::safe_href(bad).is_none(), "{bad}");
    }
}

#[test]
fn ui_strings_can_be_set_by_key() {
    let mut ui = english().ui.clone();
    assert!(ui.set("expand_all", "Open all".into()));
    assert_eq!(ui.expand_all, "Open all");
    assert!(!ui.set("no_such_key", "x".into()));
    assert_eq!(
        content::fill("{count} treatments match", &[("count", "3")]),
        "3 treatments match"
    );
}

#[test]
fn locale_tags_resolve_to_compiled_content() {
    assert_eq!(content::match_locale("en-GB"), Some("en"));
    assert_eq!(content::match_locale("EN"), Some("en"));
    assert_eq!(content::match_locale("xx"), None);
}

// ---------------------------------------------------------------------------
// The second fact check (2026-11-26): one test per defect it found, so none can return.
// ---------------------------------------------------------------------------

/// All reader-facing prose of a card, joined, for searching.
fn card_text(id: &str) -> String {
    let c = english();
    let card = c
        .card(id)
        .unwrap_or_else(|| panic!("missing card `{id}`"))
        .clone();
    let mut parts: Vec<String> = card.prose().into_iter().map(str::to_owned).collect();
    parts.extend(card.badge.clone());
    parts.join(" \n")
}

fn sources_text(id: &str) -> String {
    let c = english();
    let card = c.card(id).unwrap_or_else(|| panic!("missing card `{id}`"));
    card.sources
        .iter()
        .map(|s| format!("{} | {}", s.short, s.text))
        .collect::<Vec<_>>()
        .join("\n")
}

fn assert_says(id: &str, needles: &[&str]) {
    let text = card_text(id);
    for n in needles {
        assert!(
            text.to_lowercase().contains(&n.to_lowercase()),
            "card `{id}` must say \"{n}\""
        );
    }
}

fn assert_never_says(id: &str, needles: &[&str]) {
    let text = card_text(id);
    for n in needles {
        assert!(
            !text.to_lowercase().contains(&n.to_lowercase()),
            "card `{id}` must not say \"{n}\""
        );
    }
}

#[test]
fn esketamine_suicidality_approval_states_the_label_limits() {
    assert_says(
        "ketamine",
        &[
            "not been shown to prevent suicide",
            "not been shown to reduce suicidal thoughts",
            "does not replace care in hospital",
        ],
    );
}

#[test]
fn psilocybin_harms_are_not_played_down() {
    assert_says(
        "psilocybin",
        &["happened in every group", "more common at the higher doses"],
    );
    assert_never_says("psilocybin", &["including the 1 mg group"]);
}

#[test]
fn star_d_67_percent_is_called_theoretical() {
    let intro = english()
        .intro
        .paragraphs
        .iter()
        .map(|p| p.text.clone())
        .collect::<Vec<_>>()
        .join(" ");
    let para = intro
        .split("STAR*D")
        .nth(1)
        .expect("the intro discusses STAR*D");
    assert!(para.contains("67%"), "{para}");
    assert!(para.contains("theoretical"), "{para}");
    assert!(para.contains("nobody dropped out"), "{para}");
}

#[test]
fn novel_agents_list_gepirone_auvelity_for_major_depression_and_navacaprant_reported() {
    assert_says(
        "novel-agents",
        &[
            "Auvelity) in 2022 for major depression",
            "gepirone (Exxua)",
            "all three of its phase 3 trials missed",
            "company and news reports",
            "stopped work on it",
        ],
    );
    assert_never_says("novel-agents", &["other kinds of depression"]);
}

#[test]
fn psilocybin_shows_company_reported_phase_3_beside_phase_2_and_current_positions() {
    assert_says(
        "psilocybin",
        &[
            "6.6 points",
            "reported by the company, not yet peer-reviewed",
            "3.6 points",
            "3.8 points",
            "about half the phase 2 effect",
            "germany",
            "czechia: news reports say",
            "not approved by the european medicines agency",
            "it was reported in april 2026",
            "stop their antidepressants first",
            "psychosis or bipolar disorder",
        ],
    );
}

#[test]
fn tms_shows_the_largest_snt_trial_and_both_cole_2020_analyses() {
    assert_says(
        "tms",
        &[
            "largest trial",
            "50.0%",
            "20.8%",
            "90.5%",
            "86.4%",
            "all 22 who started",
        ],
    );
    assert!(sources_text("tms").contains("Kratter et al., World Psychiatry 2026"));
}

#[test]
fn neurofeedback_effect_size_is_not_presented_as_a_depression_effect() {
    assert_says(
        "neurofeedback",
        &[
            "g=0.37",
            "several mental health conditions",
            "not a result for depression alone",
        ],
    );
    assert_never_says("neurofeedback", &["effect on depression symptoms"]);
}

#[test]
fn genetics_reports_697_associations_from_adams_2025() {
    assert_says("genetics", &["697", "688,808", "635"]);
    assert_never_says("genetics", &["102"]);
    assert!(sources_text("genetics").contains("Adams et al., Cell 2025"));
}

#[test]
fn lithium_shows_the_futile_trial_and_its_safety_warnings() {
    assert_says(
        "lithium",
        &[
            "stopped early",
            // Cipriani 2013 pooled randomized trials (review of 2026-12-05, M1).
            "48 randomized trials",
            // What the label says on pregnancy and breastfeeding (M3).
            "can harm an unborn baby",
            "breast milk",
            "brugada syndrome",
            "serotonin syndrome",
            "diarrhea",
            "ace inhibitors",
            "arbs",
            "warning signs",
            "confusion",
        ],
    );
    assert!(sources_text("lithium").contains("Katz et al., JAMA Psychiatry 2022"));
}

#[test]
fn antipsychotic_risks_include_permanent_tardive_dyskinesia_and_nms() {
    assert_says(
        "augmentation",
        &["can be permanent", "neuroleptic malignant syndrome"],
    );
}

#[test]
fn ketamine_states_pregnancy_breastfeeding_and_interactions() {
    assert_says(
        "ketamine",
        &[
            "pregnancy or while breastfeeding",
            "benzodiazepines",
            "opioids",
            "alcohol",
            "stimulants",
            "maoi",
        ],
    );
}

#[test]
fn vns_cites_nice_ipg679_and_its_device_safety() {
    assert_says(
        "vns",
        &[
            "august 2020",
            "limited",
            "diathermy",
            "mri",
            "voice",
            "battery",
        ],
    );
    assert_never_says("vns", &["ask your doctor what current NHS guidance says"]);
    assert!(sources_text("vns").contains("IPG679"));
}

#[test]
fn psychosocial_rests_on_a_real_review_not_the_magazine_feature() {
    let sources = sources_text("psychosocial");
    assert!(!sources.to_lowercase().contains("magazine"), "{sources}");
    assert!(
        sources.contains("Kinoshita et al., Cochrane 2013"),
        "{sources}"
    );
}

#[test]
fn ect_leads_with_the_trd_figure_and_places_core_correctly() {
    let c = english();
    let ect = c.card("ect").expect("ect card");
    let points: Vec<&str> = ect
        .evidence
        .as_ref()
        .expect("evidence")
        .points
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert!(
        points[0].contains("58%") && points[0].contains("TRD"),
        "{points:?}"
    );
    let core = points
        .iter()
        .find(|p| p.contains("CORE"))
        .expect("CORE is shown");
    assert!(core.contains("of all who started"), "{core}");
    assert!(core.contains("not only TRD"), "{core}");
    assert!(!core.contains("completed"), "{core}");
}

#[test]
fn prime_care_enrolment_and_24_week_result_are_stated_correctly() {
    assert_says(
        "personalized-pharmacotherapy",
        &[
            "starting or switching one antidepressant",
            "24 weeks",
            "OR 1.28",
            "faded",
        ],
    );
    assert_never_says(
        "personalized-pharmacotherapy",
        &["At 24 weeks there was no clear difference"],
    );
}

#[test]
fn minor_defects_stay_fixed() {
    // The IV ketamine dose and schedule come from the ELEKT-D paper.
    let c = english();
    let ketamine = c.card("ketamine").expect("ketamine card");
    let dose = ketamine
        .how_given
        .as_ref()
        .expect("how_given")
        .points
        .iter()
        .find(|p| p.text.contains("0.5 mg"))
        .expect("IV ketamine dose");
    assert_eq!(dose.cite, ["anand2023"]);
    // The unsourced PET/DBS accuracy claim is gone.
    assert_never_says("brain-imaging", &["predicted who would respond", "80%"]);
    // The ketamine questions do not steer toward the branded spray.
    for q in &ketamine.questions {
        assert!(
            !q.contains("approved esketamine spray") && !q.contains("rather than"),
            "{q}"
        );
    }
    // Sackeim 2024 could not be confirmed: the definition cites the EMA guideline.
    let intro: Vec<&str> = c.intro.sources.iter().map(|s| s.text.as_str()).collect();
    assert!(intro.iter().all(|s| !s.contains("Sackeim")), "{intro:?}");
    assert!(
        intro
            .iter()
            .any(|s| s.contains("European Medicines Agency")
                && s.contains("treatment of depression")),
        "{intro:?}"
    );
}

#[test]
fn every_source_entry_names_a_year() {
    let c = english();
    let all = c
        .cards
        .iter()
        .flat_map(|card| {
            card.sources
                .iter()
                .map(move |s| (card.id.clone(), s.clone()))
        })
        .chain(
            c.intro
                .sources
                .iter()
                .map(|s| ("intro".to_owned(), s.clone())),
        );
    for (who, s) in all {
        let has_year = s
            .text
            .split(|ch: char| !ch.is_ascii_digit())
            .any(|run| run.len() == 4 && (run.starts_with("19") || run.starts_with("20")));
        // Labels are living documents; everything else is dated.
        assert!(
            has_year || s.id.ends_with("-label") || s.id == "fda-lithium",
            "{who}: source `{}` names no year: {}",
            s.id,
            s.text
        );
        assert!(
            s.text.len() > s.short.len(),
            "{who}: source `{}` is no fuller than its short form",
            s.id
        );
    }
}

/// Items the fact sheet marks *reported* say in the text that they are reports.
#[test]
fn reported_items_are_labelled_as_reports() {
    let c = english();
    for (card, needle) in [
        ("novel-agents", "Navacaprant"),
        ("psilocybin", "COMP005"),
        ("psilocybin", "Czechia"),
        ("psilocybin", "priority voucher"),
    ] {
        let card = c.card(card).expect("card");
        let point = card
            .sections()
            .flat_map(|(_, s)| s.points.iter())
            .find(|p| p.text.contains(needle))
            .unwrap_or_else(|| panic!("`{}` does not mention {needle}", card.id));
        assert!(
            point.text.contains("reported") || point.text.contains("reports"),
            "`{}`: {needle} is not labelled as reported: {}",
            card.id,
            point.text
        );
    }
}

// ---------------------------------------------------------------------------
// Rules enforced from now on.
// ---------------------------------------------------------------------------

#[test]
fn industry_funded_trials_say_so_and_by_whom() {
    let c = english();
    let funders = [
        ("ESCAPE-TRD", "Janssen"),
        ("TRANSFORM-2", "Janssen"),
        ("SUSTAIN-1", "Janssen"),
        ("GUIDED", "Myriad"),
        ("5-year registry", "LivaNova"),
        ("RECOVER", "LivaNova"),
        ("phase 2 trial", "Compass Pathways"),
        ("COMP005", "Compass Pathways"),
    ];
    for (trial, funder) in funders {
        let matching: Vec<_> = c
            .cards
            .iter()
            .flat_map(|card| card.sources.iter())
            .filter(|s| s.text.contains(trial))
            .collect();
        assert!(!matching.is_empty(), "no source for {trial}");
        for s in matching {
            assert!(
                s.text.contains("Industry-funded") && s.text.contains(funder),
                "source `{}` ({trial}) must say it is industry-funded by {funder}: {}",
                s.id,
                s.text
            );
        }
    }
}

#[test]
fn numbers_need_a_source_including_doses_durations_and_session_counts() {
    for number in [
        "The dose is 56 or 84 mg.",
        "A session takes 37.5 minutes.",
        "Usually 6–12 sessions.",
        "Approved in 2019.",
        "Take it for 2-hour sessions.",
    ] {
        assert!(content::has_number(number), "{number}");
        let errors = validate_mutated(|c| {
            let mut card = (*c.cards[7]).clone();
            let mut given = card.how_given.clone().unwrap();
            let mut points = given.points.to_vec();
            points.push(content::Point {
                text: number.into(),
                cite: vec![],
            });
            given.points = points.into();
            card.how_given = Some(given);
            c.cards[7] = Rc::new(card);
        });
        assert!(
            errors
                .iter()
                .any(|e| e.contains("card `ect`") && e.contains("without a source")),
            "{number}: {errors:?}"
        );
    }
    for name in [
        "CYP2D6 and CYP2C19",
        "5-HT2A receptors",
        "TRANSFORM-2 trial",
        "NICE NG222",
    ] {
        assert!(!content::has_number(name), "{name}");
    }
}

#[test]
fn a_plain_status_badge_never_contradicts_the_text() {
    let c = english();
    let vns = c.card("vns").expect("vns");
    let shown = vns.badge_label(&c).unwrap_or_default();
    assert!(shown.contains("Limited evidence"), "{shown}");
    let ketamine = c.card("ketamine").expect("ketamine");
    let shown = ketamine.badge_label(&c).unwrap_or_default();
    assert!(shown.contains("Off-label (IV ketamine)"), "{shown}");
    assert_ne!(shown, c.status_label(Status::Established));

    for id in ["vns", "ketamine"] {
        let errors = validate_mutated(|c| {
            let i = c.cards.iter().position(|x| x.id == id).unwrap();
            let mut card = (*c.cards[i]).clone();
            card.badge = None;
            c.cards[i] = Rc::new(card);
        });
        assert!(
            errors
                .iter()
                .any(|e| e.contains(&format!("card `{id}`")) && e.contains("badge must say so")),
            "{id}: {errors:?}"
        );
    }
}

#[test]
fn every_treatment_card_states_pregnancy_driving_interactions_and_who_should_not() {
    let c = english();
    for card in c.cards.iter().filter(|c| c.is_treatment()) {
        let safety = card
            .safety
            .as_ref()
            .unwrap_or_else(|| panic!("card `{}` has no safety facts", card.id));
        for (kind, p) in safety.points() {
            assert!(!p.text.trim().is_empty(), "{} {kind:?}", card.id);
        }
    }
    let errors = validate_mutated(|c| {
        let mut card = (*c.cards[1]).clone();
        card.safety = None;
        c.cards[1] = Rc::new(card);
    });
    assert!(
        errors
            .iter()
            .any(|e| e.contains("card `augmentation`") && e.contains("needs `safety`")),
        "{errors:?}"
    );
    let errors = validate_mutated(|c| {
        let mut card = (*c.cards[0]).clone();
        let mut safety = card.safety.clone().unwrap();
        safety.driving = content::Point {
            text: "Driving is fine.".into(),
            cite: vec![],
        };
        card.safety = Some(safety);
        c.cards[0] = Rc::new(card);
    });
    assert!(
        errors
            .iter()
            .any(|e| e.contains("card `ketamine`") && e.contains("Driving")),
        "{errors:?}"
    );
}

#[test]
fn every_card_has_review_dates_at_most_a_year_apart_shown_like_a_health_service() {
    let c = english();
    for card in &c.cards {
        let line = c
            .review_line(card)
            .unwrap_or_else(|| panic!("card `{}` has no review dates", card.id));
        assert!(line.starts_with("Last reviewed "), "{line}");
        assert!(line.contains(" · Next review due "), "{line}");
    }
    let ect = c.card("ect").expect("ect");
    assert_eq!(
        c.review_line(ect).as_deref(),
        Some("Last reviewed 5 December 2026 · Next review due 5 December 2027")
    );
    for (next, complaint) in [
        // The ECT card was reviewed on 2026-12-05.
        ("2027-12-06", "more than 12 months"),
        ("2026-12-01", "must come after"),
        ("2027-02-30", "ISO dates"),
    ] {
        let errors = validate_mutated(|c| {
            let mut card = (*c.cards[7]).clone();
            card.next_review = Some(next.into());
            c.cards[7] = Rc::new(card);
        });
        assert!(
            errors
                .iter()
                .any(|e| e.contains("card `ect`") && e.contains(complaint)),
            "{next}: {errors:?}"
        );
    }
}

/// Each language's reading-level formula and the level every card must reach:
/// English Flesch–Kincaid grade at most 8; Spanish Fernández-Huerta ease at least 60
/// ("normal", about the same school level). Prints the table (`-- --nocapture`).
#[test]
fn every_card_reads_at_a_plain_level_in_every_locale() {
    for code in content::locales() {
        let c = load(code);
        let (formula, pass): (&str, fn(f64) -> bool) = match code {
            "en" => ("Flesch–Kincaid grade, at most 8", |g| g <= 8.0),
            "es" => ("Fernández-Huerta ease, at least 60", |e| e >= 60.0),
            other => panic!("locale `{other}` needs a reading-level formula in this test"),
        };
        let mut table = format!("\n{code}: {formula} (prose only, citations excluded)\n");
        let mut too_hard = Vec::new();
        let mut all = Vec::new();
        for card in &c.cards {
            let prose = card.prose();
            all.extend(prose.iter().map(|s| s.to_string()));
            let level = reading_level(code, &prose);
            table.push_str(&format!("  {:<30} {level:>5.1}\n", card.id));
            if !pass(level) {
                too_hard.push(format!("{} ({level:.1})", card.id));
            }
        }
        let all: Vec<&str> = all.iter().map(String::as_str).collect();
        table.push_str(&format!(
            "  {:<30} {:>5.1}\n",
            "all cards",
            reading_level(code, &all)
        ));
        println!("{table}");
        assert!(
            too_hard.is_empty(),
            "{code}: too hard: {}",
            too_hard.join(", ")
        );
    }
}

fn reading_level(code: &str, texts: &[&str]) -> f64 {
    match code {
        "es" => content::reading_ease_es(texts),
        _ => content::reading_grade(texts),
    }
}

#[test]
fn the_spanish_reading_ease_tells_plain_from_dense_prose() {
    let plain = content::reading_ease_es(&["El gato se sentó en la cama. Hacía calor."]);
    let dense = content::reading_ease_es(&[
        "Las metodologías de estratificación farmacogenómica demuestran una validez predictiva insuficiente respecto de la respuesta antidepresiva.",
    ]);
    assert!(plain > 80.0, "{plain}");
    assert!(dense < 30.0, "{dense}");
}

/// Issue 16: the introduction shown before the cards is two or three plain sentences;
/// the rest waits behind "What is treatment-resistant depression?".
#[test]
fn the_intro_lead_is_two_or_three_plain_sentences() {
    let c = english();
    let lead: Vec<&str> = c.intro.lead.iter().map(|p| p.text.as_str()).collect();
    let sentences = lead
        .iter()
        .flat_map(|t| t.split_inclusive(['.', '?', '!']))
        .filter(|s| !s.trim().is_empty())
        .count();
    assert!(
        (2..=3).contains(&sentences),
        "{sentences} sentences: {lead:?}"
    );
    let grade = content::reading_grade(&lead);
    assert!(grade <= 8.0, "grade {grade:.1}: {lead:?}");
}

#[test]
fn the_reading_grade_tells_plain_from_dense_prose() {
    let plain = content::reading_grade(&["The cat sat on the mat. It was warm."]);
    let dense = content::reading_grade(&[
        "Pharmacogenomic stratification methodologies demonstrate insufficient predictive validity regarding antidepressant responsiveness.",
    ]);
    assert!(plain < 3.0, "{plain}");
    assert!(dense > 14.0, "{dense}");
}

/// The words a reader may not know, each explained on the card or linked to "Words explained".
const HARD_WORDS: &[&str] = &[
    "fda",
    "nice",
    "rems",
    "off-label",
    "antipsychotic",
    "psychosis",
    "randomized",
    "open-label",
    "sham",
    "remission",
    "response",
    "madrs",
];

#[test]
fn hard_words_are_in_the_glossary_and_every_card_using_one_explains_or_links_it() {
    let c = english();
    for id in HARD_WORDS {
        assert!(
            c.glossary.iter().any(|g| g.id == *id),
            "\"Words explained\" lacks `{id}`"
        );
    }
    let errors = validate_mutated(|c| {
        let i = c.cards.iter().position(|x| x.id == "tms").unwrap();
        let mut card = (*c.cards[i]).clone();
        card.words.retain(|w| w != "sham");
        c.cards[i] = Rc::new(card);
    });
    assert!(
        errors
            .iter()
            .any(|e| e.contains("card `tms`") && e.contains("\"Sham\"")),
        "{errors:?}"
    );
}

#[test]
fn crisis_lines_cover_canada_australia_and_new_zealand_with_tap_to_call_links() {
    use trd_explainer::content::Region;
    let c = english();
    for (region, number, href) in [
        (Region::Ca, "9-8-8", "tel:988"),
        (Region::Au, "13\u{a0}11\u{a0}14", "tel:131114"),
        (Region::Nz, "1737", "tel:1737"),
    ] {
        let line = c
            .safety
            .lines
            .iter()
            .find(|l| l.region == region)
            .unwrap_or_else(|| panic!("no line for {region:?}"));
        assert!(line.detail.contains(number), "{region:?}: {}", line.detail);
        assert!(line.contacts.iter().any(|l| l.href == href), "{region:?}");
    }
    let us = c
        .safety
        .lines
        .iter()
        .find(|l| l.region == Region::Us)
        .unwrap();
    assert!(us.contacts.iter().any(|l| l.href == "sms:988"));
    let emergency = c
        .safety
        .lines
        .iter()
        .find(|l| l.region == Region::Emergency)
        .unwrap();
    for n in ["911", "999", "112", "000", "111"] {
        assert!(emergency.detail.contains(n), "emergency lacks {n}");
        assert!(
            emergency
                .contacts
                .iter()
                .any(|l| l.href == format!("tel:{n}")),
            "emergency {n} has no tel: link"
        );
    }
    // A number shown without a link is caught.
    let errors = validate_mutated(|c| {
        let line = Rc::make_mut(&mut c.safety)
            .lines
            .iter_mut()
            .find(|l| l.region == Region::Au)
            .unwrap();
        line.contacts.clear();
    });
    assert!(
        errors.iter().any(|e| e.contains("13\u{a0}11\u{a0}14")),
        "{errors:?}"
    );
}

#[test]
fn the_locale_region_subtag_picks_the_crisis_line() {
    use trd_explainer::content::Region;
    for (tag, region) in [
        ("en-GB", Some(Region::Uk)),
        ("en-IE", Some(Region::Uk)),
        ("en-AU", Some(Region::Au)),
        ("en-CA", Some(Region::Ca)),
        ("en-NZ", Some(Region::Nz)),
        ("en-US", Some(Region::Us)),
        ("en_nz", Some(Region::Nz)),
        ("en", None),
        ("en-Latn", None),
        ("en-FR", None),
    ] {
        assert_eq!(Region::from_locale_tag(tag), region, "{tag}");
    }
}

// ---------------------------------------------------------------------------
// Every locale against English: the same structure, facts and figures.
// ---------------------------------------------------------------------------

fn other_locales() -> Vec<&'static str> {
    let others: Vec<_> = content::locales().filter(|c| *c != "en").collect();
    assert!(!others.is_empty(), "the Spanish edition is compiled in");
    others
}

#[test]
fn spanish_is_compiled_in_and_tags_fall_back_to_it() {
    assert_eq!(content::match_locale("es"), Some("es"));
    assert_eq!(content::match_locale("es-419"), Some("es"));
    assert_eq!(content::match_locale("es-MX"), Some("es"));
    assert_eq!(content::match_locale("ES_es"), Some("es"));
    assert_eq!(load("es").locale, "es");
}

#[test]
fn every_locale_has_the_english_cards_categories_statuses_and_sources() {
    let en = english();
    for code in other_locales() {
        let c = load(code);
        let ids = |c: &Content| c.cards.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
        assert_eq!(
            ids(&c),
            ids(&en),
            "{code}: card slugs or their order differ"
        );
        let cats = |c: &Content| c.categories.iter().map(|x| x.id).collect::<Vec<_>>();
        assert_eq!(cats(&c), cats(&en), "{code}: categories differ");
        let keys = |s: &[content::Source]| s.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
        assert_eq!(
            keys(&c.intro.sources),
            keys(&en.intro.sources),
            "{code}: intro sources"
        );
        for (a, b) in c.cards.iter().zip(&en.cards) {
            let who = format!("{code}, card `{}`", a.id);
            assert_eq!(a.category, b.category, "{who}: category");
            assert_eq!(a.status, b.status, "{who}: status");
            assert_eq!(keys(&a.sources), keys(&b.sources), "{who}: sources");
            for (sa, sb) in a.sources.iter().zip(b.sources.iter()) {
                assert_eq!(sa.url, sb.url, "{who}: source `{}` url", sa.id);
                // A paper's short form (authors, journal, year) stays as published.
                if sb.short.contains(" et al.") || sb.short.contains(" & ") {
                    assert_eq!(
                        sa.short, sb.short,
                        "{who}: source `{}` authors and journal",
                        sa.id
                    );
                }
                assert_eq!(
                    years(&sa.text),
                    years(&sb.text),
                    "{who}: source `{}` years",
                    sa.id
                );
            }
            let level = |c: &content::Card| c.evidence.as_ref().and_then(|e| e.level);
            assert_eq!(level(a), level(b), "{who}: evidence level");
            let kinds = |c: &content::Card| c.sections().map(|(k, _)| k).collect::<Vec<_>>();
            assert_eq!(kinds(a), kinds(b), "{who}: sections");
            assert_eq!(a.words, b.words, "{who}: words explained");
            assert_eq!(a.questions.len(), b.questions.len(), "{who}: questions");
            assert_eq!(
                (&a.reviewed, &a.next_review),
                (&b.reviewed, &b.next_review),
                "{who}: review dates"
            );
            for ((kind, sa), (_, sb)) in a.sections().zip(b.sections()) {
                let cites = |s: &content::Section| {
                    let mut v: Vec<String> = s.points.iter().flat_map(|p| p.cite.clone()).collect();
                    v.sort();
                    v.dedup();
                    v
                };
                assert_eq!(cites(sa), cites(sb), "{who}: {kind:?} cites other sources");
            }
        }
        let glossary = |c: &Content| c.glossary.iter().map(|g| g.id.clone()).collect::<Vec<_>>();
        assert_eq!(glossary(&c), glossary(&en), "{code}: words explained");
        let regions = |c: &Content| {
            let mut v: Vec<_> = c.safety.lines.iter().map(|l| l.region).collect();
            v.sort_by_key(|r| r.slug());
            v
        };
        assert_eq!(regions(&c), regions(&en), "{code}: crisis lines");
        let (m, me) = (c.matters.as_ref().unwrap(), en.matters.as_ref().unwrap());
        let msrc =
            |m: &content::Matters| m.sources.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
        assert_eq!(msrc(m), msrc(me), "{code}: What matters sources");
    }
}

/// Years named in a reference (four digits starting 19 or 20).
fn years(text: &str) -> Vec<String> {
    let mut v: Vec<String> = numbers(text)
        .into_iter()
        .filter(|n| n.len() == 4 && (n.starts_with("19") || n.starts_with("20")))
        .collect();
    v.sort();
    v.dedup();
    v
}

/// Every number in a text, thousands separators (`3,480`, `688 808`) removed and decimal
/// points kept, so "27.1%" and "n=3,480" compare across languages.
fn numbers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    for (i, &ch) in chars.iter().enumerate() {
        let next_digit = chars.get(i + 1).is_some_and(|c| c.is_ascii_digit());
        let joins_group = !cur.is_empty()
            && [',', ' ', '\u{a0}', '\u{202f}'].contains(&ch)
            && chars
                .get(i + 1..i + 4)
                .is_some_and(|g| g.iter().all(|c| c.is_ascii_digit()))
            && chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        let decimal_point = ch == '.' && !cur.is_empty() && next_digit;
        if ch.is_ascii_digit() || decimal_point {
            cur.push(ch);
        } else if joins_group {
            // A thousands separator: skip it.
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn number_set<'a>(texts: impl IntoIterator<Item = &'a str>) -> std::collections::BTreeSet<String> {
    texts.into_iter().flat_map(numbers).collect()
}

#[test]
fn numbers_are_read_across_languages() {
    assert_eq!(
        numbers("n=3,480, 27.1% vs 17.6%."),
        ["3480", "27.1", "17.6"]
    );
    assert_eq!(
        numbers("688 808 personas, del año 2 al 8"),
        ["688808", "2", "8"]
    );
    assert_eq!(numbers("aged 13 and over, 4 to 6 weeks"), ["13", "4", "6"]);
}

#[test]
fn the_same_numbers_appear_on_the_same_card_in_every_locale() {
    let en = english();
    for code in other_locales() {
        let c = load(code);
        let intro = |c: &Content| number_set(c.intro.paragraphs.iter().map(|p| p.text.as_str()));
        assert_eq!(intro(&c), intro(&en), "{code}: intro numbers differ");
        for (a, b) in c.cards.iter().zip(&en.cards) {
            assert_eq!(
                number_set(a.prose()),
                number_set(b.prose()),
                "{code}, card `{}`: the numbers differ from English",
                a.id
            );
        }
        let (m, me) = (c.matters.as_ref().unwrap(), en.matters.as_ref().unwrap());
        for card in &en.cards {
            for issue in content::ISSUES {
                let answer = |m: &content::Matters| m.answer(&card.id, issue.slug).cloned();
                assert_eq!(
                    answer(m).map(|a| (a.class, a.sources)),
                    answer(me).map(|a| (a.class, a.sources)),
                    "{code}, What matters, card `{}`, issue `{}`: class or sources differ",
                    card.id,
                    issue.slug
                );
                let text = |m: &content::Matters| {
                    m.answer(&card.id, issue.slug)
                        .map(|a| a.text.clone())
                        .unwrap_or_default()
                };
                assert_eq!(
                    number_set([text(m).as_str()]),
                    number_set([text(me).as_str()]),
                    "{code}, What matters, card `{}`, issue `{}`: the numbers differ",
                    card.id,
                    issue.slug
                );
            }
        }
    }
}

/// Strings that may read the same in another language: acronyms and names.
fn may_match_english(text: &str) -> bool {
    let letters: String = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.chars().all(|c| c.is_uppercase())
        || [
            "Placebo",
            "Australia",
            "Lifeline",
            "Samaritans",
            "Línea de la Vida",
        ]
        .contains(&text)
}

#[test]
fn no_string_is_left_in_english() {
    let en = english();
    for code in other_locales() {
        let c = load(code);
        let mut untranslated = Vec::new();
        for key in content::UiStrings::KEYS {
            let (a, b) = (
                c.ui.get(key).unwrap_or_default(),
                en.ui.get(key).unwrap_or_default(),
            );
            if a == b && !may_match_english(a) {
                untranslated.push(format!("ui `{key}`"));
            }
        }
        // The What matters words (strings, issues, answer groups), leaf by leaf.
        let json = |code: &str| -> serde_json::Value {
            let text = content::LOCALES.iter().find(|(c, _)| *c == code).unwrap().1;
            serde_json::from_str(text).unwrap()
        };
        let (m, me) = (json(code), json("en"));
        for block in ["strings", "issues", "classes"] {
            let mut leaves = Vec::new();
            string_leaves(
                &m["matters"][block],
                &me["matters"][block],
                block,
                &mut leaves,
            );
            for (key, a, b) in leaves {
                if a == b && !may_match_english(&a) {
                    untranslated.push(format!("matters.{key}"));
                }
            }
        }
        let pairs = c.cards.iter().zip(&en.cards).flat_map(|(a, b)| {
            let mut v = vec![
                (
                    format!("card `{}` title", a.id),
                    a.title.clone(),
                    b.title.clone(),
                ),
                (
                    format!("card `{}` summary", a.id),
                    a.summary.clone(),
                    b.summary.clone(),
                ),
            ];
            for (i, (pa, pb)) in a.prose().into_iter().zip(b.prose()).enumerate() {
                v.push((
                    format!("card `{}` sentence {i}", a.id),
                    pa.to_owned(),
                    pb.to_owned(),
                ));
            }
            v
        });
        for (who, a, b) in pairs
            .chain(c.categories.iter().zip(&en.categories).map(|(a, b)| {
                (
                    format!("category `{}`", a.id.slug()),
                    a.name.clone(),
                    b.name.clone(),
                )
            }))
            .chain(c.glossary.iter().zip(&en.glossary).map(|(a, b)| {
                (
                    format!("word `{}`", a.id),
                    a.definition.clone(),
                    b.definition.clone(),
                )
            }))
        {
            if a == b && !may_match_english(&a) {
                untranslated.push(who);
            }
        }
        for (a, b) in [
            (&c.meta.title, &en.meta.title),
            (&c.intro.heading, &en.intro.heading),
            (&c.safety.heading, &en.safety.heading),
            (&c.disclaimer.heading, &en.disclaimer.heading),
        ] {
            if a == b {
                untranslated.push(a.clone());
            }
        }
        assert!(
            untranslated.is_empty(),
            "{code}: left in English: {}",
            untranslated.join(", ")
        );
    }
}

/// Every key path of a locale file (tables by key, cards and other lists of tables by
/// their `id` or `region`), as `card `ketamine`: how_given.brief`.
fn key_paths(value: &serde_json::Value, at: &str, out: &mut std::collections::BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let path = if at.is_empty() {
                    k.clone()
                } else {
                    format!("{at}.{k}")
                };
                out.insert(path.clone());
                key_paths(v, &path, out);
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                let name = item
                    .get("id")
                    .or_else(|| item.get("region"))
                    .and_then(|v| v.as_str());
                if let Some(name) = name {
                    let what = match at {
                        "cards" => format!("card `{name}`:"),
                        _ => format!("{at} `{name}`:"),
                    };
                    key_paths(item, &what, out);
                }
            }
        }
        _ => {}
    }
}

/// Keys English has that the locale lacks, each naming the locale, the card and the field.
fn missing_keys(code: &str, json: &str) -> Vec<String> {
    let read = |j: &str| serde_json::from_str::<serde_json::Value>(j).unwrap();
    let en_json = content::LOCALES.iter().find(|(c, _)| *c == "en").unwrap().1;
    let (mut want, mut have) = (Default::default(), Default::default());
    key_paths(&read(en_json), "", &mut want);
    key_paths(&read(json), "", &mut have);
    want.difference(&have)
        .map(|p| {
            let p = p.replacen(":.", ": ", 1);
            format!("locale `{code}`: missing {p}")
        })
        .collect()
}

#[test]
fn every_locale_has_every_key_english_has() {
    for (code, json) in content::LOCALES {
        let missing = missing_keys(code, json);
        assert!(missing.is_empty(), "{}", missing.join("\n"));
    }
}

#[test]
fn a_missing_key_names_the_locale_the_card_and_the_field() {
    let (_, json) = content::LOCALES.iter().find(|(c, _)| *c == "es").unwrap();
    let mut value: serde_json::Value = serde_json::from_str(json).unwrap();
    let cards = value["cards"].as_array_mut().unwrap();
    let ketamine = cards.iter_mut().find(|c| c["id"] == "ketamine").unwrap();
    ketamine["how_given"]
        .as_object_mut()
        .unwrap()
        .remove("brief");
    value["ui"].as_object_mut().unwrap().remove("expand_all");
    let missing = missing_keys("es", &value.to_string());
    assert_eq!(
        missing,
        [
            "locale `es`: missing card `ketamine`: how_given.brief",
            "locale `es`: missing ui.expand_all",
        ],
    );
}

#[test]
fn spanish_crisis_lines_follow_the_fact_sheet() {
    use trd_explainer::content::Region;
    let c = load("es");
    let line = |r: Region| c.safety.lines.iter().find(|l| l.region == r).unwrap();
    let us = line(Region::Us);
    assert!(
        us.detail.contains("marque 2") && us.detail.contains("AYUDA"),
        "{}",
        us.detail
    );
    assert!(us.contacts.iter().any(|l| l.href == "tel:988"));
    assert!(us.contacts.iter().any(|l| l.href == "sms:988?body=AYUDA"));
    assert!(line(Region::Es)
        .contacts
        .iter()
        .any(|l| l.href == "tel:024"));
    assert!(line(Region::Mx)
        .contacts
        .iter()
        .any(|l| l.href == "tel:8009112000"));
    let emergency = line(Region::Emergency);
    for n in ["tel:112", "tel:911"] {
        assert!(emergency.contacts.iter().any(|l| l.href == n), "{n}");
    }
    assert!(line(Region::Intl)
        .contacts
        .iter()
        .any(|l| l.href == "https://findahelpline.com"));
    for text in [
        "024",
        "800\u{a0}911\u{a0}2000",
        "988",
        "112",
        "911",
        "findahelpline.com",
    ] {
        assert!(
            c.ui.fallback_error.contains(text),
            "fallback text lacks {text}"
        );
    }
    // English readers choosing Spain or Mexico get the same numbers.
    let en = english();
    for (r, href) in [(Region::Es, "tel:024"), (Region::Mx, "tel:8009112000")] {
        let l = en.safety.lines.iter().find(|l| l.region == r).unwrap();
        assert!(l.contacts.iter().any(|x| x.href == href), "{r:?}");
    }
}

#[test]
fn spanish_explains_the_agencies_and_off_label_where_first_used() {
    let c = load("es");
    let def = |id: &str| &c.glossary.iter().find(|g| g.id == id).unwrap().definition;
    assert!(def("fda").contains("Administración de Alimentos y Medicamentos"));
    assert!(def("nice").contains("Reino Unido"));
    assert!(def("rems").contains("programa de seguridad"));
    assert!(def("off-label").contains("off-label"));
    assert!(c.intro.paragraphs[0]
        .text
        .contains("Agencia Europea de Medicamentos (EMA)"));
    let ketamine = c.card("ketamine").unwrap().prose().join(" ");
    assert!(
        ketamine.contains("(AEMPS)"),
        "Spain's regulator is named and explained"
    );
    let every = c
        .cards
        .iter()
        .flat_map(|x| x.prose())
        .collect::<Vec<_>>()
        .join(" ");
    for usted in ["usted", "Usted", "su médico"] {
        assert!(
            every.contains(usted),
            "addresses the reader as usted: {usted}"
        );
    }
    for tu in [" tu ", " tienes ", " puedes "] {
        assert!(!every.contains(tu), "uses tú: {tu:?}");
    }
}

/// (path, locale text, English text) for every string under two matching JSON values.
fn string_leaves(
    a: &serde_json::Value,
    b: &serde_json::Value,
    at: &str,
    out: &mut Vec<(String, String, String)>,
) {
    match (a, b) {
        (serde_json::Value::String(x), serde_json::Value::String(y)) => {
            out.push((at.to_owned(), x.clone(), y.clone()))
        }
        (serde_json::Value::Object(x), serde_json::Value::Object(y)) => {
            for (k, v) in x {
                if let Some(w) = y.get(k) {
                    string_leaves(v, w, &format!("{at}.{k}"), out);
                }
            }
        }
        _ => {}
    }
}
