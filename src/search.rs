//! Finding cards: accent- and case-insensitive matching, ranking and highlight ranges.
//!
//! Folding maps every character to exactly one character, so positions found in the
//! folded text are positions in the original text too (by char index).

use std::ops::Range;

use crate::collections::sort_by;
use crate::content::{counted, fill, Card, Category, Content, Status, UiStrings};

/// Lowercase for the scripts the content uses (Basic Latin, Latin-1, Latin Extended-A),
/// without Unicode's case tables: `char::to_lowercase` would pull several KB of them into
/// the wasm. Other characters pass through unchanged.
fn lower_latin(c: char) -> char {
    let u = c as u32;
    let lower = match u {
        0x41..=0x5A => u + 0x20,
        // À–Þ, except × (U+00D7).
        0xC0..=0xDE if u != 0xD7 => u + 0x20,
        // Latin Extended-A pairs upper/lower as even/odd, except in the two runs
        // Ĺ–ň and Ź–ž, which pair odd/even; İ, ı, ĸ, ŉ and ſ have no simple pair.
        0x0130 => 0x69,
        0x0178 => 0xFF,
        0x0139..=0x0148 | 0x0179..=0x017E if u % 2 == 1 => u + 1,
        0x0100..=0x0137 | 0x014A..=0x0177 if u % 2 == 0 => u + 1,
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// A letter or digit, for word boundaries and trimming query terms. Exact for the Latin
/// ranges above, and treats every other non-ASCII letter-like code point as a letter,
/// which only matters for highlighting word starts.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || (c as u32 >= 0xC0 && !matches!(c, '×' | '÷') && !is_punctuation(c))
}

/// Non-ASCII punctuation and spaces the content uses (quotes, dashes, spaces).
fn is_punctuation(c: char) -> bool {
    matches!(c as u32, 0x2000..=0x206F | 0x3000..=0x303F | 0xFE30..=0xFE4F | 0x00A0)
}

/// Lowercases and strips accents, one char in, one char out.
fn fold_char(c: char) -> char {
    let c = lower_latin(c);
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ß' => 's',
        'ţ' | 'ť' | 'ŧ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'æ' => 'a',
        'œ' => 'o',
        '‘' | '’' | '`' => '\'',
        '“' | '”' => '"',
        '‐' | '‑' | '–' | '—' => '-',
        other => other,
    }
}

pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// A query split into folded terms. Empty when the query is only whitespace.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub terms: Vec<String>,
}

impl Query {
    pub fn parse(raw: &str) -> Self {
        let mut terms: Vec<String> = fold(raw)
            .split(|c: char| c.is_whitespace() || c == ',')
            .map(|t| t.trim_matches(|c: char| !is_word_char(c)).to_owned())
            .filter(|t| !t.is_empty())
            .collect();
        sort_by(&mut terms, |a, b| a.cmp(b));
        terms.dedup();
        Query { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// A card's searchable text, folded once per content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardText {
    pub id: String,
    title: String,
    summary: String,
    body: String,
}

impl CardText {
    pub fn new(card: &Card, content: &Content) -> Self {
        let mut body = String::new();
        let mut push = |s: &str| {
            body.push_str(&fold(s));
            body.push('\n');
        };
        if let Some(n) = &card.status_note {
            push(n);
        }
        if let Some(s) = card.status {
            push(content.status_label(s));
        }
        if let Some(cat) = content.category(card.category) {
            push(&cat.name);
        }
        for (_, section) in card.sections() {
            if let Some(b) = &section.brief {
                push(b);
            }
            for p in section.points.iter() {
                push(&p.text);
            }
        }
        for q in &card.questions {
            push(q);
        }
        CardText {
            id: card.id.clone(),
            title: fold(&card.title),
            summary: fold(&card.summary),
            body,
        }
    }

    /// `None` unless every term occurs somewhere; otherwise a score where title hits
    /// outweigh summary hits, which outweigh body hits, and word starts beat infixes.
    pub fn score(&self, query: &Query) -> Option<u32> {
        let mut total = 0;
        for term in &query.terms {
            let t = field_score(&self.title, term) * 12
                + field_score(&self.summary, term) * 4
                + field_score(&self.body, term);
            if t == 0 {
                return None;
            }
            total += t;
        }
        Some(total)
    }
}

/// 0 if absent, 2 if a word starts with the term, 1 if it only occurs inside a word.
fn field_score(haystack: &str, term: &str) -> u32 {
    let mut best = 0;
    for (i, _) in haystack.match_indices(term) {
        let starts_word = haystack[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c));
        best = best.max(if starts_word { 2 } else { 1 });
        if best == 2 {
            break;
        }
    }
    best
}

/// Which cards to show, in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    pub query: Query,
    /// Empty means every category.
    pub categories: Vec<Category>,
    /// Empty means every status.
    pub statuses: Vec<Status>,
}

impl Filter {
    pub fn is_active(&self) -> bool {
        !self.query.is_empty() || !self.categories.is_empty() || !self.statuses.is_empty()
    }

    fn passes_facets(&self, card: &Card, skip_categories: bool, skip_statuses: bool) -> bool {
        (skip_categories || self.categories.is_empty() || self.categories.contains(&card.category))
            && (skip_statuses
                || self.statuses.is_empty()
                || card.status.is_some_and(|s| self.statuses.contains(&s)))
    }

    /// Indices of matching cards: in content order without a query, best match first with one
    /// (ties keep content order).
    pub fn apply(&self, cards: &[std::rc::Rc<Card>], index: &[CardText]) -> Vec<usize> {
        let mut hits: Vec<(usize, u32)> = cards
            .iter()
            .zip(index)
            .enumerate()
            .filter(|(_, (card, _))| self.passes_facets(card, false, false))
            .filter_map(|(i, (_, text))| {
                if self.query.is_empty() {
                    Some((i, 0))
                } else {
                    text.score(&self.query).map(|s| (i, s))
                }
            })
            .collect();
        if !self.query.is_empty() {
            sort_by(&mut hits, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        }
        hits.into_iter().map(|(i, _)| i).collect()
    }

    /// What these filters show, with the counts on their buttons. Each card is scored
    /// once; the counts reuse the scores.
    pub fn results(&self, content: &Content, index: &[CardText]) -> Results {
        let matches: Vec<bool> = index
            .iter()
            .map(|t| self.query.is_empty() || t.score(&self.query).is_some())
            .collect();
        // A button's count ignores its own facet: it shows what pressing it would give.
        let count = |keep: &dyn Fn(&Card) -> bool, skip_categories, skip_statuses| {
            content
                .cards
                .iter()
                .zip(&matches)
                .filter(|(c, m)| {
                    **m && keep(c) && self.passes_facets(c, skip_categories, skip_statuses)
                })
                .count()
        };
        Results {
            visible: self.apply(&content.cards, index),
            categories: content
                .categories
                .iter()
                .map(|cat| (cat.id, count(&|c| c.category == cat.id, true, false)))
                .collect(),
            statuses: FILTER_STATUSES
                .into_iter()
                .map(|s| (s, count(&|c| c.status == Some(s), false, true)))
                .collect(),
        }
    }
}

/// The statuses a reader can filter by (research-only work is not a treatment choice).
pub const FILTER_STATUSES: [Status; 3] = [
    Status::Established,
    Status::Emerging,
    Status::Investigational,
];

/// Every card's searchable text, in content order.
pub fn search_index(content: &Content) -> Vec<CardText> {
    content
        .cards
        .iter()
        .map(|card| CardText::new(card, content))
        .collect()
}

/// What the search and filters show, and the counts their controls display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Results {
    /// Indices into `content.cards`, in the order shown.
    pub visible: Vec<usize>,
    /// Cards each category button would show, given the query and the status filter.
    pub categories: Vec<(Category, usize)>,
    /// Cards each status button would show, given the query and the category filter.
    pub statuses: Vec<(Status, usize)>,
}

impl Results {
    /// The slugs of the shown cards, in order.
    pub fn visible_ids<'a>(&'a self, content: &'a Content) -> impl Iterator<Item = &'a str> {
        self.visible.iter().map(|&i| content.cards[i].id.as_str())
    }

    /// The count announced under the search box.
    pub fn message(&self, filter: &Filter, raw_query: &str, ui: &UiStrings) -> String {
        let n = self.visible.len();
        if !filter.is_active() {
            return counted(n, &ui.results_all_one, &ui.results_all);
        }
        match n {
            0 if filter.query.is_empty() => ui.results_empty.clone(),
            0 => fill(&ui.results_none, &[("query", raw_query.trim())]),
            n => counted(n, &ui.results_one, &ui.results_many),
        }
    }
}

/// Char ranges of `text` to highlight for these terms, merged and sorted.
fn highlight_ranges(text: &str, query: &Query) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    let folded: Vec<char> = text.chars().map(fold_char).collect();
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for term in &query.terms {
        let t: Vec<char> = term.chars().collect();
        if t.is_empty() || t.len() > folded.len() {
            continue;
        }
        let mut i = 0;
        while i + t.len() <= folded.len() {
            if folded[i..i + t.len()] == t[..] {
                ranges.push(i..i + t.len());
                i += t.len();
            } else {
                i += 1;
            }
        }
    }
    sort_by(&mut ranges, |a, b| a.start.cmp(&b.start));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// Splits text into (segment, highlighted) pieces for rendering.
pub fn split_highlights(text: &str, query: &Query) -> Vec<(String, bool)> {
    let ranges = highlight_ranges(text, query);
    if ranges.is_empty() {
        return vec![(text.to_owned(), false)];
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut at = 0;
    for r in ranges {
        if r.start > at {
            out.push((chars[at..r.start].iter().collect(), false));
        }
        out.push((chars[r.clone()].iter().collect(), true));
        at = r.end;
    }
    if at < chars.len() {
        out.push((chars[at..].iter().collect(), false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_map_back_to_the_original_text() {
        let q = Query::parse("ther");
        let text = "Électro-thérapie and therapy";
        let ranges = highlight_ranges(text, &q);
        assert_eq!(ranges.len(), 2);
        let parts = split_highlights(text, &q);
        let marked: Vec<&str> = parts
            .iter()
            .filter(|(_, hit)| *hit)
            .map(|(s, _)| s.as_str())
            .collect();
        assert_eq!(marked, ["thér", "ther"]);
        assert_eq!(
            parts.iter().map(|(s, _)| s.as_str()).collect::<String>(),
            text,
            "no text lost"
        );
    }

    /// The table-free lowercase agrees with Unicode's for every character the folding is
    /// meant to cover, so search behaves as it did with `char::to_lowercase`.
    #[test]
    fn lower_latin_matches_unicode_lowercase_for_latin_ranges() {
        for u in 0..=0x017F_u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let mut std_lower = c.to_lowercase();
            let expected = match (std_lower.next(), std_lower.next()) {
                (Some(l), None) => l,
                // İ lowercases to "i̇" (two chars); one char in, one out keeps the base letter.
                _ => 'i',
            };
            assert_eq!(lower_latin(c), expected, "U+{u:04X} {c}");
        }
    }

    #[test]
    fn word_chars_match_unicode_alphanumerics_in_latin_ranges() {
        for u in 0..=0x017F_u32 {
            let Some(c) = char::from_u32(u) else { continue };
            if (0x80..0xC0).contains(&u) {
                // Latin-1 symbols: ª, µ, º are letters to Unicode but never start a word here.
                continue;
            }
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "U+{u:04X} {c}");
        }
        for c in ['–', '—', '“', '”', '’', '\u{a0}'] {
            assert!(!is_word_char(c), "{c}");
        }
    }
}
