//! Checks a locale's content before it can ship: the rules in the fact sheet
//! (every figure sourced, every card sourced) and the outline (slugs, categories).

use std::collections::HashSet;

use super::model::*;
use super::ui::UiStrings;

/// Whether a sentence states a statistical figure that needs a source:
/// a percentage, an odds/hazard ratio, an effect size, a sample size or a rating-scale change.
pub fn has_figure(text: &str) -> bool {
    if text.contains('%') || text.contains("MADRS") {
        return true;
    }
    const MARKERS: [&str; 6] = ["OR", "HR", "RR", "n", "g", "d"];
    let chars: Vec<char> = text.chars().collect();
    for (i, _) in chars.iter().enumerate() {
        // Start of a word only.
        if i > 0 && chars[i - 1].is_alphanumeric() {
            continue;
        }
        for m in MARKERS {
            let mc: Vec<char> = m.chars().collect();
            if chars.len() < i + mc.len() || chars[i..i + mc.len()] != mc[..] {
                continue;
            }
            let mut j = i + mc.len();
            let mut saw_sep = false;
            while j < chars.len() && (chars[j] == ' ' || chars[j] == '=') {
                saw_sep |= chars[j] == '=';
                j += 1;
            }
            // "OR 1.7" counts; "n 3" does not (single letters need an `=`).
            let needs_eq = mc.len() == 1;
            if j < chars.len()
                && chars[j].is_ascii_digit()
                && (saw_sep || !needs_eq)
                && j > i + mc.len()
            {
                return true;
            }
        }
    }
    false
}

/// Whether a sentence states a number a reader could act on: a dose, a duration, a count, a
/// year, a percentage. Digits inside a name (CYP2D6, 5-HT2A, TRANSFORM-2, NG222) do not
/// count; everything else does, so "56 or 84 mg", "37.5 minutes" and "6–12 sessions" all need
/// a source.
pub fn has_number(text: &str) -> bool {
    text.split_whitespace().any(|word| {
        let core = word.trim_matches(|c: char| !c.is_alphanumeric());
        if !core.chars().any(|c| c.is_ascii_digit()) {
            return false;
        }
        if !core.chars().any(char::is_alphabetic) {
            return true;
        }
        // "2-hour" and "50mg" are numbers with a unit glued on; "5-HT2A" is a name.
        let unit = core.trim_start_matches(|c: char| c.is_ascii_digit() || ".,-–".contains(c));
        core.starts_with(|c: char| c.is_ascii_digit())
            && unit.chars().all(|c| c.is_lowercase() || c == '-')
    })
}

/// A Flesch–Kincaid grade level for plain English prose: 0.39 × words per sentence +
/// 11.8 × syllables per word − 15.59. Syllables are counted by vowel groups (a common
/// approximation); a token without letters (a number) counts as a one-syllable word.
pub fn reading_grade(texts: &[&str]) -> f64 {
    let (words, sentences, syllables) = text_stats(texts, count_syllables);
    if words == 0 || sentences == 0 {
        return 0.0;
    }
    0.39 * words as f64 / sentences as f64 + 11.8 * syllables as f64 / words as f64 - 15.59
}

/// The Fernández-Huerta reading ease for Spanish prose (its adaptation of Flesch):
/// 206.84 − 0.60 × syllables per 100 words − 1.02 × sentences per 100 words. Higher is
/// easier: 60–70 "normal", 70–80 "fairly easy", above 80 "easy".
pub fn reading_ease_es(texts: &[&str]) -> f64 {
    let (words, sentences, syllables) = text_stats(texts, count_syllables_es);
    if words == 0 {
        return 100.0;
    }
    let per100 = |n: usize| 100.0 * n as f64 / words as f64;
    206.84 - 0.60 * per100(syllables) - 1.02 * per100(sentences)
}

/// (words, sentences, syllables) of plain prose, syllables counted by `syllables_of`.
fn text_stats(texts: &[&str], syllables_of: fn(&str) -> usize) -> (usize, usize, usize) {
    let (mut words, mut sentences, mut syllables) = (0usize, 0usize, 0usize);
    for text in texts {
        let mut in_sentence = false;
        for token in text.split_whitespace() {
            let letters: String = token.chars().filter(|c| c.is_alphabetic()).collect();
            if token.chars().all(|c| !c.is_alphanumeric()) {
                continue; // a dash or a bullet
            }
            words += 1;
            in_sentence = true;
            syllables += if letters.is_empty() {
                1
            } else {
                syllables_of(&letters)
            };
            // "0.5" and "e.g." do not end sentences; a word ending in . ! ? does.
            let end = token.trim_end_matches(['"', '\'', ')', '”', '’', '»']);
            if end.ends_with(['.', '!', '?']) && !end.ends_with("e.g.") {
                sentences += 1;
                in_sentence = false;
            }
        }
        // A point or question without a final full stop still ends a sentence.
        if in_sentence {
            sentences += 1;
        }
    }
    (words, sentences, syllables)
}

/// Spanish syllables: one per vowel nucleus. Two weak vowels (i, u) or a weak and a
/// strong one form one syllable (diphthong); two strong ones (a, e, o) or an accented
/// í/ú split (hiatus: "dí-a"). Abbreviations count one syllable per two letters.
fn count_syllables_es(word: &str) -> usize {
    if word.chars().count() > 1 && word.chars().all(|c| c.is_uppercase()) {
        return word.chars().count().div_ceil(2);
    }
    let w = word.to_lowercase();
    let vowel = |c: char| "aeiouáéíóúü".contains(c);
    let strong = |c: char| "aeoáéíóú".contains(c);
    let mut count = 0;
    let mut prev: Option<char> = None;
    for c in w.chars() {
        if vowel(c) {
            match prev {
                Some(p) if vowel(p) && !(strong(p) && strong(c)) => {}
                _ => count += 1,
            }
        }
        prev = Some(c);
    }
    count.max(1)
}

fn count_syllables(word: &str) -> usize {
    let w = word.to_lowercase();
    // Vowel groups undercount abbreviations (FDA has none) and one syllable per letter
    // overcounts the ones read as words (MADRS, NICE): count one per two letters.
    if word.len() > 1 && word.chars().all(|c| c.is_uppercase()) {
        return word.chars().count().div_ceil(2);
    }
    let vowel = |c: char| "aeiouy".contains(c);
    let chars: Vec<char> = w.chars().collect();
    let mut count = 0;
    let mut prev = false;
    for &c in &chars {
        let v = vowel(c);
        if v && !prev {
            count += 1;
        }
        prev = v;
    }
    // A silent final "e" ("make"), but not "-le" ("table").
    if chars.len() > 2 && chars.ends_with(&['e']) && !chars.ends_with(&['l', 'e']) && count > 1 {
        count -= 1;
    }
    count.max(1)
}

/// Parses an ISO date (`2026-11-26`) into (year, month, day), checking the day exists.
pub fn parse_iso_date(s: &str) -> Option<(i32, u32, u32)> {
    let mut parts = s.trim().splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (i32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d).then_some((y, m, d))
}

/// Whether a card point about safety is either sourced or says plainly that no specific
/// advice was found (so a missing fact is never silently skipped).
fn safety_point_ok(p: &Point, phrases: &Phrases) -> bool {
    let text = p.text.to_lowercase();
    !p.cite.is_empty() || phrases.no_advice.iter().any(|n| text.contains(n))
}

/// The few fixed phrases the checks look for, per language. A new locale adds a row here
/// (and the content test fails until it does: its safety points would not pass).
pub struct Phrases {
    /// Lower-case wording that says plainly no specific advice was found.
    pub no_advice: &'static [&'static str],
    /// Lower-case wording that offers texting 988.
    pub text_988: &'static str,
    /// Lower-case wording that says a study's group was looser than this guide's TRD
    /// (the first is the one suggested in error messages).
    pub looser_population: &'static [&'static str],
    /// Lower-case wording that says a time-limited status was not found extended.
    pub ended: &'static str,
}

pub fn phrases(locale: &str) -> &'static Phrases {
    match locale {
        "es" => &Phrases {
            no_advice: &["ningún consejo específico", "ninguna lista específica"],
            text_988: "texto al 988",
            looser_population: &["no solo personas con drt", "no solo la drt"],
            ended: "no se encontró ninguna prórroga",
        },
        _ => &Phrases {
            no_advice: &["no specific"],
            text_988: "text 988",
            looser_population: &["not only people with trd", "not only trd"],
            ended: "no extension was found",
        },
    }
}

/// Whether `form` occurs in `text` as a whole word. Forms with capitals (FDA, NICE) match
/// exactly; lower-case forms match any case.
pub fn find_word(text: &str, form: &str) -> Option<usize> {
    let exact = form.chars().any(|c| c.is_uppercase());
    let (hay, needle) = if exact {
        (text.to_owned(), form.to_owned())
    } else {
        (text.to_lowercase(), form.to_lowercase())
    };
    let mut from = 0;
    while let Some(i) = hay[from..].find(&needle) {
        let start = from + i;
        let end = start + needle.len();
        let before = hay[..start].chars().next_back();
        let after = hay[end..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '-');
        if boundary(before) && boundary(after) {
            return Some(start);
        }
        from = end;
    }
    None
}

/// Only web, mail and phone links are ever rendered; anything else (`javascript:`,
/// `data:`, relative paths) is refused.
pub fn safe_href(href: &str) -> Option<&str> {
    let h = href.trim();
    let lower = h.to_ascii_lowercase();
    let ok = (lower.starts_with("https://") || lower.starts_with("http://")) && h.len() > 8
        || lower.starts_with("mailto:") && h.len() > 7
        || lower.starts_with("tel:")
            && h[4..]
                .chars()
                .all(|c| c.is_ascii_digit() || "+-() ".contains(c))
            && h.len() > 4
        // "Text 988": a number, optionally with a prefilled body (`sms:988?body=AYUDA`).
        || lower.starts_with("sms:") && {
            let (number, body) = h[4..].split_once('?').unwrap_or((&h[4..], ""));
            !number.is_empty()
                && number.chars().all(|c| c.is_ascii_digit() || c == '+')
                && (body.is_empty()
                    || body.strip_prefix("body=").is_some_and(|b| {
                        !b.is_empty() && b.chars().all(|c| c.is_ascii_alphanumeric() || c == '%')
                    }))
        };
    let clean = !h
        .chars()
        .any(|c| c.is_control() || c == '"' || c == '<' || c == '>' || c == '\\');
    (ok && clean).then_some(h)
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Checks points against a source list: keys resolve, figures carry a source.
fn check_points(
    errors: &mut Vec<String>,
    whose: &str,
    where_: &str,
    points: &[Point],
    sources: &[Source],
) {
    for p in points {
        if p.text.trim().is_empty() {
            errors.push(format!("{whose}: empty point in {where_}"));
        }
        for key in &p.cite {
            if !sources.iter().any(|s| &s.id == key) {
                errors.push(format!("{whose}: {where_} cites unknown source `{key}`"));
            }
        }
        if p.cite.is_empty() && (has_figure(&p.text) || has_number(&p.text)) {
            errors.push(format!(
                "{whose}: figure without a source in {where_}: \"{}\"",
                p.text
            ));
        }
    }
}

fn check_sources(errors: &mut Vec<String>, whose: &str, sources: &[Source]) {
    let mut seen = HashSet::new();
    for s in sources {
        if !is_slug(&s.id) {
            errors.push(format!(
                "{whose}: source key `{}` must be lowercase letters, digits and dashes",
                s.id
            ));
        }
        if !seen.insert(&s.id) {
            errors.push(format!("{whose}: duplicate source key `{}`", s.id));
        }
        if s.short.trim().is_empty() || s.text.trim().is_empty() {
            errors.push(format!(
                "{whose}: source `{}` needs `short` and `text`",
                s.id
            ));
        }
        if let Some(url) = &s.url {
            if safe_href(url).is_none() || !url.starts_with("https://") {
                errors.push(format!(
                    "{whose}: source `{}` has an unsafe or non-https url `{url}`",
                    s.id
                ));
            }
        }
    }
}

/// Every problem in a built-in locale but the fairness rules', each naming the card or
/// block it is in (`content::validate` adds those: `fairness` uses this module's phrases).
pub fn check(content: &Content) -> Vec<String> {
    let mut errors = Vec::new();
    // A typo in the file would otherwise drop its text silently (`[matters]` typos are
    // reported by its own checks).
    for path in &content.unknown_fields {
        if !path.starts_with("matters.") {
            errors.push(format!("unknown field `{path}`"));
        }
    }
    check_ui_and_categories(&mut errors, content);
    check_sources(&mut errors, "intro", &content.intro.sources);
    if content.intro.lead.is_empty() {
        errors.push("intro: no `lead` (the sentences shown before the rest)".into());
    }
    for (field, points) in [
        ("lead", &content.intro.lead),
        ("paragraphs", &content.intro.paragraphs),
    ] {
        check_points(&mut errors, "intro", field, points, &content.intro.sources);
    }
    if content.safety.more.trim().is_empty() {
        errors.push("safety: `more` (the label of the full list of lines) is empty".into());
    }
    check_crisis_lines(&mut errors, content);
    errors.extend(check_glossary(content));
    let mut ids = HashSet::new();
    for card in &content.cards {
        let who = format!("card `{}`", card.id);
        if !ids.insert(card.id.as_str()) {
            errors.push(format!("{who}: duplicate id"));
        }
        check_card(&mut errors, &who, card, content);
        errors.extend(super::facts::check(card, &content.facts));
    }
    if content.cards.iter().any(|c| !c.facts.is_empty()) {
        errors.extend(super::facts::check_strings(&content.facts));
    }
    errors
}

fn check_ui_and_categories(errors: &mut Vec<String>, content: &Content) {
    for key in UiStrings::KEYS {
        if content.ui.get(key).is_none_or(|v| v.trim().is_empty()) {
            errors.push(format!("ui: string `{key}` is empty"));
        }
    }
    if content.ui.month_names.split_whitespace().count() != 12 {
        errors.push("ui: `month_names` must list 12 month names".into());
    }
    for cat in Category::ALL {
        match content.categories.iter().filter(|c| c.id == cat).count() {
            1 => {}
            n => errors.push(format!(
                "categories: `{}` listed {n} times (must be once)",
                cat.slug()
            )),
        }
    }
}

/// Every region has a line, every link is safe, and every number shown is one tap away
/// (a `tel:` link, or an `sms:` link for a number that only takes texts).
fn check_crisis_lines(errors: &mut Vec<String>, content: &Content) {
    for region in Region::CHOOSABLE.into_iter().chain([Region::Emergency]) {
        if !content.safety.lines.iter().any(|l| l.region == region) {
            errors.push(format!("safety: no crisis line for region {region:?}"));
        }
    }
    for line in &content.safety.lines {
        let links = line.contacts.iter().chain(line.strip_contact.iter());
        for link in links {
            if safe_href(&link.href).is_none() {
                errors.push(format!(
                    "safety: `{}` has an unsafe link `{}`",
                    line.name, link.href
                ));
            }
        }
        let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
        for number in phone_numbers(&line.detail) {
            let linked = line.contacts.iter().any(|c| {
                (c.href.starts_with("tel:") || c.href.starts_with("sms:"))
                    && digits(c.href.split('?').next().unwrap_or_default()) == digits(&number)
            });
            if !linked {
                errors.push(format!(
                    "safety: `{}` shows {number} without a `tel:` (or `sms:`) link",
                    line.name
                ));
            }
        }
        if line
            .detail
            .to_lowercase()
            .contains(phrases(&content.locale).text_988)
            && !line.contacts.iter().any(|c| c.href.starts_with("sms:988"))
        {
            errors.push(format!(
                "safety: `{}` says text 988 without an `sms:988` link",
                line.name
            ));
        }
    }
}

fn check_card(errors: &mut Vec<String>, who: &str, card: &Card, content: &Content) {
    if !is_slug(&card.id) {
        errors.push(format!(
            "{who}: id must be a slug (lowercase letters, digits, dashes)"
        ));
    }
    if card.title.trim().is_empty() || card.summary.trim().is_empty() {
        errors.push(format!("{who}: needs a title and a summary"));
    }
    match card.status {
        None => errors.push(format!("{who}: missing status")),
        Some(Status::Research) if card.is_treatment() => errors.push(format!(
            "{who}: status `research` is only for research cards"
        )),
        Some(s) if !card.is_treatment() && s != Status::Research => {
            errors.push(format!("{who}: research cards have status `research`"))
        }
        _ => {}
    }
    if card.sources.is_empty() {
        errors.push(format!("{who}: no sources"));
    }
    if card.questions.is_empty() {
        errors.push(format!("{who}: no questions to ask"));
    }
    check_sources(errors, who, &card.sources);
    check_sections(errors, who, card);
    check_numbers_outside_points(errors, who, card);
    check_badge(errors, who, card, content);
    check_review_dates(errors, who, card);
    check_card_safety(errors, who, card, phrases(&content.locale));
    check_card_words(errors, who, card, content);
}

/// The sections a card of its kind needs (from `SectionKind`), each with points whose
/// figures are sourced, and briefs with no figures.
fn check_sections(errors: &mut Vec<String>, who: &str, card: &Card) {
    for kind in SectionKind::ALL {
        let name = kind.slug();
        match card.section(kind) {
            None if kind.required(card.is_treatment()) => {
                errors.push(format!("{who}: missing section `{name}`"))
            }
            Some(s) if s.points.is_empty() => {
                errors.push(format!("{who}: section `{name}` has no points"))
            }
            Some(s)
                if card.is_treatment()
                    && kind.needs_brief()
                    && s.brief.as_deref().is_none_or(|b| b.trim().is_empty()) =>
            {
                errors.push(format!(
                    "{who}: section `{name}` needs a `brief` for the comparison table"
                ))
            }
            _ => {}
        }
    }
    if card.is_treatment() && card.evidence.as_ref().is_some_and(|e| e.level.is_none()) {
        errors.push(format!("{who}: evidence needs a `level`"));
    }
    for (kind, section) in card.sections() {
        if kind != SectionKind::Evidence && section.level.is_some() {
            errors.push(format!("{who}: only the evidence section has a `level`"));
        }
        check_points(
            errors,
            who,
            &format!("{kind:?}"),
            &section.points,
            &card.sources,
        );
        if section.brief.as_deref().is_some_and(has_figure) {
            errors.push(format!(
                "{who}: the {kind:?} brief states a figure; keep figures in sourced points"
            ));
        }
    }
}

/// Text that cannot carry a citation (summary, badge, status note, briefs, questions)
/// states no number at all.
fn check_numbers_outside_points(errors: &mut Vec<String>, who: &str, card: &Card) {
    if has_figure(&card.summary) || has_number(&card.summary) {
        errors.push(format!(
            "{who}: the summary states a figure; keep figures in sourced points"
        ));
    }
    let texts = [
        ("status note", card.status_note.as_deref()),
        ("badge", card.badge.as_deref()),
    ]
    .into_iter()
    .chain(card.sections().map(|(_, s)| ("brief", s.brief.as_deref())))
    .chain(
        card.questions
            .iter()
            .map(|q| ("question", Some(q.as_str()))),
    );
    for (what, text) in texts {
        if let Some(text) = text.filter(|t| has_number(t)) {
            errors.push(format!(
                "{who}: a {what} states a number, which cannot carry a source: \"{text}\""
            ));
        }
    }
}

/// Phone numbers written in a crisis line's text: runs of digits (with spaces, no-break
/// spaces or dashes inside) at least 3 digits long, e.g. "988", "116 123", "13 11 14",
/// "9-8-8".
fn phone_numbers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let joins = [' ', '\u{a0}', '\u{202f}', '-'].contains(&c)
            && !current.is_empty()
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        if c.is_ascii_digit() || joins {
            current.push(c);
        } else {
            if current.chars().filter(char::is_ascii_digit).count() >= 3 {
                out.push(current.trim().to_owned());
            }
            current.clear();
        }
    }
    if current.chars().filter(char::is_ascii_digit).count() >= 3 {
        out.push(current.trim().to_owned());
    }
    out
}

/// A badge may not let the plain "Established" stand beside text that says otherwise.
fn check_badge(errors: &mut Vec<String>, who: &str, card: &Card, content: &Content) {
    if let Some(badge) = &card.badge {
        if badge.trim().is_empty() {
            errors.push(format!("{who}: `badge` is empty"));
        }
    }
    if card.status != Some(Status::Established) {
        return;
    }
    let shown = card.badge_label(content).unwrap_or_default().to_lowercase();
    let limited = card
        .evidence
        .as_ref()
        .is_some_and(|e| e.level == Some(EvidenceLevel::Limited));
    let limited_label = content
        .evidence_label(EvidenceLevel::Limited)
        .to_lowercase();
    if limited && !shown.contains(&limited_label) {
        errors.push(format!(
            "{who}: shown as \"{shown}\" but its evidence is limited; the badge must say so"
        ));
    }
    // The locale's own word for off-label: the glossary entry's forms.
    let forms: Vec<String> = content
        .glossary
        .iter()
        .find(|g| g.id == "off-label")
        .map_or_else(|| vec!["off-label".to_owned()], |g| g.forms.clone());
    let off_label = card
        .prose()
        .iter()
        .any(|t| forms.iter().any(|f| find_word(t, f).is_some()));
    if off_label && !forms.iter().any(|f| shown.contains(&f.to_lowercase())) {
        errors.push(format!(
            "{who}: shown as \"{shown}\" but the card describes off-label use; the badge must say so"
        ));
    }
}

fn check_review_dates(errors: &mut Vec<String>, who: &str, card: &Card) {
    let (Some(reviewed), Some(next)) = (&card.reviewed, &card.next_review) else {
        errors.push(format!("{who}: needs `reviewed` and `next_review` dates"));
        return;
    };
    match (parse_iso_date(reviewed), parse_iso_date(next)) {
        (Some(r), Some(n)) => {
            let limit = (r.0 + 1, r.1, r.2);
            if n <= r {
                errors.push(format!("{who}: `next_review` must come after `reviewed`"));
            } else if n > limit {
                errors.push(format!(
                    "{who}: `next_review` {next} is more than 12 months after `reviewed` {reviewed}"
                ));
            }
        }
        _ => errors.push(format!(
            "{who}: review dates must be ISO dates like 2026-11-26 (got `{reviewed}`, `{next}`)"
        )),
    }
}

fn check_card_safety(errors: &mut Vec<String>, who: &str, card: &Card, phrases: &Phrases) {
    match (&card.safety, card.is_treatment()) {
        (None, true) => errors.push(format!(
            "{who}: needs `safety` (pregnancy, driving, interactions, not_for)"
        )),
        (Some(_), false) => errors.push(format!("{who}: research cards have no `safety`")),
        (Some(safety), true) => {
            for (kind, p) in safety.points() {
                if !safety_point_ok(p, phrases) {
                    errors.push(format!(
                        "{who}: safety `{kind:?}` needs a source, or must say plainly that no specific advice was found: \"{}\"",
                        p.text
                    ));
                }
            }
            let points: Vec<Point> = safety.points().map(|(_, p)| p.clone()).collect();
            check_points(errors, who, "safety", &points, &card.sources);
        }
        (None, false) => {}
    }
}

/// Every glossary word a card uses is explained on the card (first use followed by an
/// explanation in brackets) or linked to "Words explained" through the card's `words`.
fn check_card_words(errors: &mut Vec<String>, who: &str, card: &Card, content: &Content) {
    let prose = card.prose();
    for id in &card.words {
        match content.glossary.iter().find(|g| &g.id == id) {
            None => errors.push(format!(
                "{who}: `words` names `{id}`, which is not in the glossary"
            )),
            Some(entry) => {
                let used = prose
                    .iter()
                    .any(|t| entry.forms.iter().any(|f| find_word(t, f).is_some()));
                if !used {
                    errors.push(format!(
                        "{who}: `words` links `{id}` but the card never uses it"
                    ));
                }
            }
        }
    }
    for entry in &content.glossary {
        if card.words.contains(&entry.id) {
            continue;
        }
        let first_use = prose.iter().find_map(|t| {
            entry
                .forms
                .iter()
                .filter_map(|f| find_word(t, f).map(|i| (i, f.len())))
                .min()
                .map(|(i, len)| t.get(i + len..).unwrap_or_default().to_owned())
        });
        if let Some(rest) = first_use {
            if !rest.starts_with(" (") {
                errors.push(format!(
                    "{who}: uses \"{}\" without explaining it; explain it in brackets where first used, or add `{}` to the card's `words`",
                    entry.term, entry.id
                ));
            }
        }
    }
}

fn check_glossary(content: &Content) -> Vec<String> {
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    for g in &content.glossary {
        if !is_slug(&g.id) || !seen.insert(&g.id) {
            errors.push(format!("glossary: id `{}` must be a unique slug", g.id));
        }
        if g.term.trim().is_empty() || g.definition.trim().is_empty() || g.forms.is_empty() {
            errors.push(format!(
                "glossary: `{}` needs a term, forms and a definition",
                g.id
            ));
        }
        if has_number(&g.definition) {
            errors.push(format!(
                "glossary: `{}` states a number without a source",
                g.id
            ));
        }
    }
    errors
}
