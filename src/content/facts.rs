//! Fact boxes ("In numbers"): what a study found, group by group, as "X out of 100".
//!
//! The numbers are what each source reports (counts, or a percentage and the group's
//! size), written once in `src/content/data/facts.toml`; the words are in each locale's
//! `[facts]` and `[[facts.boxes]]`. build.rs joins them and puts each box on its card, so a
//! card carries its boxes and a locale's JSON carries everything the view needs. The
//! figures a reader sees are computed here, with one rounding rule ([`out_of_100`]).

use serde::Deserialize;

use crate::collections::Entries;

/// The share of a group, out of 100, from what the source reports: `events` of `size`
/// (exact integer arithmetic), or a reported percentage. Rounded to the nearest whole
/// number, halves up: 91 of 336 (27.08 %) is 27; 17.65 % is 18; 12.5 % is 13.
pub fn out_of_100(group: &Group) -> u32 {
    match (group.events, group.percent) {
        (Some(events), _) if group.size > 0 => (200 * events + group.size) / (2 * group.size),
        (_, Some(Tenths(t))) => (t + 5) / 10,
        _ => 0,
    }
}

/// A percentage as the source printed it, kept in tenths (27.1 → 271) so content stays
/// comparable with `Eq`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(try_from = "f64")]
pub struct Tenths(pub u32);

impl Tenths {
    /// "27.1", "41": as a reader would see it in the paper.
    pub fn show(self) -> String {
        match self.0 % 10 {
            0 => (self.0 / 10).to_string(),
            d => format!("{}.{d}", self.0 / 10),
        }
    }
}

impl TryFrom<f64> for Tenths {
    // Not printing the number: formatting a float costs kilobytes of wasm.
    type Error = &'static str;
    fn try_from(n: f64) -> Result<Self, Self::Error> {
        if (0.0..=100.0).contains(&n) {
            Ok(Tenths((n * 10.0).round() as u32))
        } else {
            Err("a percentage must be from 0 to 100")
        }
    }
}

/// Language-neutral words keyed by slug: the `[facts]` strings of a locale, or a box's
/// group names. A list, not a struct, so adding a time unit or an outcome is data only.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(from = "Entries<String>")]
pub struct Words(pub Vec<(String, String)>);

impl Words {
    pub fn get(&self, key: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map_or("", |(_, v)| v.as_str())
    }

    pub fn has(&self, key: &str) -> bool {
        !self.get(key).trim().is_empty()
    }
}

impl From<Entries<String>> for Words {
    fn from(entries: Entries<String>) -> Self {
        Words(entries.0)
    }
}

/// The `[facts]` keys every locale must fill. Slug-dependent keys (`design-…`, `role-…`,
/// `time-…`, `outcome-…`, `certainty-…`) are checked against the boxes that use them.
pub const KEYS: &[&str] = &[
    "heading",
    "intro",
    "out-of",
    "under-one",
    "basis-counts",
    "basis-percent",
    "who",
    "source",
    "study-label",
    "study",
    "certainty",
    "no-comparison",
    "see-numbers",
    "compare",
];

/// One fact box: one source, the people it studied, and its outcomes by group.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct FactBox {
    /// Stable slug; the key shared by the data file and the locale files.
    pub id: String,
    // Words (the locale).
    pub title: String,
    /// Who took part, in a few words.
    pub population: String,
    /// Why we are only as sure as `certainty` says.
    pub reason: String,
    /// Group names by arm slug.
    pub arms: Words,
    // Numbers (the data file).
    /// Citation key of the card's source.
    pub source: String,
    /// How the study was done: a slug with words in the locale (`design-…`).
    pub design: String,
    /// How many people took part, as the source reports.
    pub people: u32,
    /// `high`, `moderate`, `low` or `very-low`.
    pub certainty: String,
    /// Which arm is this card's treatment (shown first, without a role).
    pub lead: String,
    pub rows: Vec<FactRow>,
}

/// One outcome, at one time point, for each group.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct FactRow {
    /// Slug with words in the locale (`outcome-…`, `outcome-…-meaning`).
    pub outcome: String,
    /// A side effect rather than a benefit.
    #[serde(default)]
    pub harm: bool,
    pub groups: Vec<Group>,
}

/// What the source reports for one group.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct Group {
    /// Slug of the group, named in the box's `arms`.
    pub arm: String,
    /// What the group had, when it is not the card's treatment: `active`, `placebo`, `sham`,
    /// `usual-care` or `control-dose`.
    #[serde(default)]
    pub role: String,
    /// People in the group.
    pub size: u32,
    /// People with the outcome, when the source gives counts.
    #[serde(default)]
    pub events: Option<u32>,
    /// The percentage the source gives (alone, or beside its counts).
    #[serde(default)]
    pub percent: Option<Tenths>,
    /// When a percentage without counts is not a plain share of `size` (of those followed
    /// up, or from a statistical model): a slug with words in the locale
    /// (`basis-percent-…`), so the box says what the figure is of.
    #[serde(default)]
    pub basis: String,
    /// When it was measured: a slug with words in the locale (`time-…`), and its numbers.
    pub unit: String,
    pub at: u32,
    #[serde(default)]
    pub from: Option<u32>,
}

impl Group {
    /// The time point as one comparable value.
    pub fn time(&self) -> (&str, u32, Option<u32>) {
        (self.unit.as_str(), self.at, self.from)
    }
}

impl FactRow {
    /// The card's treatment first, then the comparison groups in the source's order.
    pub fn ordered<'a>(&'a self, lead: &str) -> Vec<&'a Group> {
        let mut out: Vec<&Group> = self.groups.iter().filter(|g| g.arm == lead).collect();
        out.extend(self.groups.iter().filter(|g| g.arm != lead));
        out
    }
}

impl FactBox {
    /// Whether the study had a group to compare with.
    pub fn compared(&self) -> bool {
        self.rows.iter().any(|r| r.groups.len() > 1)
    }

    /// The first benefit row with a comparison: the card's headline.
    pub fn headline(&self) -> Option<&FactRow> {
        self.rows.iter().find(|r| !r.harm && r.groups.len() > 1)
    }
}

/// A card's headline for the comparison table: the first box with a comparison group,
/// its first benefit row, the card's treatment and the first other group.
pub fn headline(boxes: &[FactBox]) -> Option<(&FactBox, &FactRow, &Group, &Group)> {
    boxes.iter().find_map(|b| {
        let row = b.headline()?;
        let groups = row.ordered(&b.lead);
        match groups.as_slice() {
            [lead, other, ..] => Some((b, row, *lead, *other)),
            _ => None,
        }
    })
}

/// Treatment minus comparison, out of 100: what the comparison column sorts by.
pub fn headline_difference(boxes: &[FactBox]) -> Option<i32> {
    headline(boxes).map(|(_, _, a, b)| out_of_100(a) as i32 - out_of_100(b) as i32)
}

/// The fixed `[facts]` strings a locale with fact boxes must fill.
pub fn check_strings(words: &Words) -> Vec<String> {
    KEYS.iter()
        .filter(|key| !words.has(key))
        .map(|key| format!("facts: string `{key}` is empty"))
        .collect()
}

/// Problems with a card's boxes: everything a figure needs to be derived and shown.
/// `words` is the locale's `[facts]`.
pub fn check(card: &super::Card, words: &Words) -> Vec<String> {
    let mut errors = Vec::new();
    let who = format!("card `{}`", card.id);
    let need = |errors: &mut Vec<String>, key: String, what: &str| {
        if !words.has(&key) {
            errors.push(format!("{who}: {what}: no words for `{key}` in [facts]"));
        }
    };
    for b in &card.facts {
        let what = format!("fact box `{}`", b.id);
        if card.source(&b.source).is_none() {
            errors.push(format!(
                "{who}: {what}: source `{}` is not among the card's sources",
                b.source
            ));
        }
        for (field, text) in [
            ("title", &b.title),
            ("population", &b.population),
            ("reason", &b.reason),
        ] {
            if text.trim().is_empty() {
                errors.push(format!("{who}: {what}: `{field}` is empty"));
            }
        }
        if b.people == 0 {
            errors.push(format!("{who}: {what}: `people` is 0"));
        }
        need(&mut errors, format!("design-{}", b.design), &what);
        need(&mut errors, format!("certainty-{}", b.certainty), &what);
        if b.rows.is_empty() {
            errors.push(format!("{who}: {what}: no rows"));
        }
        for row in &b.rows {
            let what = format!("{what}, `{}`", row.outcome);
            need(&mut errors, format!("outcome-{}", row.outcome), &what);
            if !row.groups.iter().any(|g| g.arm == b.lead) {
                errors.push(format!("{who}: {what}: no group for the lead `{}`", b.lead));
            }
            if let Some(first) = row.groups.first() {
                need(&mut errors, format!("time-{}", first.unit), &what);
                if row.groups.iter().any(|g| g.time() != first.time()) {
                    errors.push(format!(
                        "{who}: {what}: the groups have different time points"
                    ));
                }
            }
            for g in &row.groups {
                let what = format!("{what}, group `{}`", g.arm);
                if !b.arms.has(&g.arm) {
                    errors.push(format!("{who}: {what}: no name in `arms`"));
                }
                if g.arm != b.lead {
                    need(&mut errors, format!("role-{}", g.role), &what);
                }
                if g.size == 0 {
                    errors.push(format!("{who}: {what}: no group size"));
                }
                match (g.events, g.percent) {
                    (None, None) => errors.push(format!(
                        "{who}: {what}: neither `events` nor `percent`: the figure has no source"
                    )),
                    (Some(e), _) if e > g.size => errors.push(format!(
                        "{who}: {what}: {e} events in a group of {}",
                        g.size
                    )),
                    (Some(e), Some(p)) if !agrees(e, g.size, p) => errors.push(format!(
                        "{who}: {what}: {e} of {} is not the reported {}%",
                        g.size,
                        p.show()
                    )),
                    // "The study gives 30.3% of 87 people" must be true: some whole
                    // number of the 87 is 30.3%. If none is, the figure is of another
                    // group (those followed up) or from a model: `basis` says which.
                    (None, Some(p)) if g.basis.is_empty() && !share_of(g.size, p) => {
                        errors.push(format!(
                            "{who}: {what}: {}% is not a share of {} people; set `basis`",
                            p.show(),
                            g.size
                        ))
                    }
                    _ => {}
                }
                if !g.basis.is_empty() {
                    if g.events.is_some() {
                        errors.push(format!(
                            "{who}: {what}: `basis` is for a percentage without counts"
                        ));
                    }
                    need(&mut errors, format!("basis-percent-{}", g.basis), &what);
                }
            }
        }
    }
    errors
}

/// Whether some whole number of `size` people rounds to the reported percentage.
pub fn share_of(size: u32, reported: Tenths) -> bool {
    (0..=size).any(|events| agrees(events, size, reported))
}

/// Whether `events` of `size` rounds to the reported percentage at the precision it was
/// printed with (a whole number, or one decimal).
pub fn agrees(events: u32, size: u32, reported: Tenths) -> bool {
    if size == 0 {
        return false;
    }
    // In thousandths of a percent, exactly: 100_000 * events / size.
    let exact = 100_000 * u64::from(events);
    let size = u64::from(size);
    let reported = u64::from(reported.0) * 100;
    let tolerance = if reported % 1_000 == 0 { 500 } else { 50 };
    exact.abs_diff(reported * size) <= tolerance * size
}
