//! A card and its parts: the treatment (or research) card a reader opens, its sections,
//! safety facts, points and sources, and the slugs that sort and filter it. The content
//! around the cards (crisis lines, introduction, What matters) is in `model.rs`.

use std::rc::Rc;

use serde::Deserialize;

use crate::slug::slug_enum;

slug_enum! {
    /// A card's group. The slugs are a public contract (config `categories`). (The
    /// default is only a decoder's placeholder.)
    #[derive(Default)]
    pub enum Category {
        #[default]
        Medication = "medication",
        Stimulation = "stimulation",
        Psychotherapy = "psychotherapy",
        Research = "research",
    }
}

slug_enum! {
    /// Where a treatment stands, from routine care to the lab.
    pub enum Status {
        Established = "established",
        Emerging = "emerging",
        Investigational = "investigational",
        Research = "research",
    }
}

slug_enum! {
    /// How strong the evidence is; ordered strongest first so sorting is meaningful.
    pub enum EvidenceLevel {
        Strong = "strong",
        Moderate = "moderate",
        Mixed = "mixed",
        Limited = "limited",
    }
}

/// One expandable card. Built-in cards fill every section their category needs
/// (checked by `validate`); a publisher's added card needs only `id`, `category`,
/// `title` and `summary`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct Card {
    /// Stable slug: deep link (`#ect`), event `id`, config key.
    pub id: String,
    pub category: Category,
    pub status: Option<Status>,
    /// Qualifies the status, e.g. "esketamine approved; IV ketamine off-label".
    pub status_note: Option<String>,
    /// Shown instead of the plain status label when that alone would mislead, e.g.
    /// "Approved (esketamine) · Off-label (IV ketamine)". The `status` still drives filters.
    pub badge: Option<String>,
    /// When the card was last checked against its sources (ISO date, `2026-11-26`).
    pub reviewed: Option<String>,
    /// When it must next be checked (ISO date; at most 12 months after `reviewed`).
    pub next_review: Option<String>,
    /// Glossary ids of the "Words explained" entries this card uses.
    #[serde(default)]
    pub words: Vec<String>,
    pub title: String,
    /// One line, visible while the card is collapsed.
    pub summary: String,
    #[serde(default)]
    pub questions: Vec<String>,
    #[serde(default)]
    pub sources: Rc<[Source]>,
    // Treatment cards.
    pub how_it_works: Option<Section>,
    pub how_given: Option<Section>,
    pub onset: Option<Section>,
    /// Must carry `level`.
    pub evidence: Option<Section>,
    pub risks: Option<Section>,
    pub regulatory: Option<Section>,
    /// Pregnancy, driving, interactions and who should not have it; shown with the risks.
    pub safety: Option<CardSafety>,
    // Research cards.
    pub known: Option<Section>,
    pub may_change: Option<Section>,
    /// "In numbers": what its studies found, as "X out of 100" per group (`facts.rs`).
    #[serde(default)]
    pub facts: Vec<super::facts::FactBox>,
    /// Keys of the card's sources whose evidence points report a failed or negative
    /// trial: shown as plainly as the successful ones (checked by `fairness`).
    #[serde(default)]
    pub failed_trials: Vec<String>,
    /// When no failed trial was found: the key of the source checked for one.
    pub no_failed_trials: Option<String>,
    /// Regulatory statuses that end on a date (a programme listed for one year).
    #[serde(default)]
    pub time_limited: Vec<TimeLimit>,
}

/// A status that lasts until a date: the points citing `source` (on the card and in
/// What matters) state that date, and once it has passed say so (see `fairness`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct TimeLimit {
    /// The citation key of the source that sets the end date.
    pub source: String,
    /// The last day listed (ISO date).
    pub until: String,
}

impl Card {
    /// One body section, if the card has it.
    pub fn section(&self, kind: SectionKind) -> Option<&Section> {
        match kind {
            SectionKind::HowItWorks => self.how_it_works.as_ref(),
            SectionKind::HowGiven => self.how_given.as_ref(),
            SectionKind::Onset => self.onset.as_ref(),
            SectionKind::Evidence => self.evidence.as_ref(),
            SectionKind::Risks => self.risks.as_ref(),
            SectionKind::Regulatory => self.regulatory.as_ref(),
            SectionKind::Known => self.known.as_ref(),
            SectionKind::MayChange => self.may_change.as_ref(),
        }
    }

    /// The body sections the card has, in reading order.
    pub fn sections(&self) -> impl Iterator<Item = (SectionKind, &Section)> {
        SectionKind::ALL
            .into_iter()
            .filter_map(|kind| Some((kind, self.section(kind)?)))
    }

    pub fn is_treatment(&self) -> bool {
        self.category != Category::Research
    }

    /// Every sentence of prose a reader sees on the card (no citations, no headings).
    pub fn prose(&self) -> Vec<&str> {
        let mut out = vec![self.summary.as_str()];
        out.extend(self.status_note.as_deref());
        for (_, s) in self.sections() {
            out.extend(s.points.iter().map(|p| p.text.as_str()));
        }
        if let Some(safety) = &self.safety {
            out.extend(safety.points().map(|(_, p)| p.text.as_str()));
        }
        out.extend(self.questions.iter().map(String::as_str));
        out
    }

    /// The source a citation key points at.
    pub fn source(&self, key: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == key)
    }
}

slug_enum! {
    /// Which body section, in reading order. Each key is both the card's field in the
    /// content file and the UI-string key of its heading.
    pub enum SectionKind {
        HowItWorks = "how_it_works",
        HowGiven = "how_given",
        Onset = "onset",
        Evidence = "evidence",
        Risks = "risks",
        Regulatory = "regulatory",
        Known = "known",
        MayChange = "may_change",
    }
}

impl SectionKind {
    /// Whether a treatment card (or, if not, a research card) must have this section.
    pub fn required(self, treatment: bool) -> bool {
        match self {
            SectionKind::Known | SectionKind::MayChange => !treatment,
            _ => treatment,
        }
    }

    /// Whether the section needs a one-line `brief` for the comparison table.
    pub fn needs_brief(self) -> bool {
        !matches!(
            self,
            SectionKind::HowItWorks | SectionKind::Known | SectionKind::MayChange
        )
    }
}

/// Safety facts every treatment card states, each sourced or saying plainly that no
/// specific advice was found.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct CardSafety {
    pub pregnancy: Point,
    pub driving: Point,
    pub interactions: Point,
    pub not_for: Point,
    /// Shown to no reader: per question, the sources that were read and found silent
    /// on it, which is what lets a card citing a label say "no specific advice".
    #[serde(default)]
    pub checked_silent: CheckedSilent,
}

/// Sources read and found silent, per safety question (the four card fields and the
/// What matters answers on memory and side effects). Keys are the card's source keys.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(default)]
pub struct CheckedSilent {
    pub pregnancy: Vec<String>,
    pub driving: Vec<String>,
    pub interactions: Vec<String>,
    pub not_for: Vec<String>,
    pub memory: Vec<String>,
    pub side_effects: Vec<String>,
}

/// Which safety fact; the view maps it to a label from the UI strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SafetyKind {
    Pregnancy,
    Driving,
    Interactions,
    NotFor,
}

impl CardSafety {
    pub fn points(&self) -> impl Iterator<Item = (SafetyKind, &Point)> {
        [
            (SafetyKind::Pregnancy, &self.pregnancy),
            (SafetyKind::Driving, &self.driving),
            (SafetyKind::Interactions, &self.interactions),
            (SafetyKind::NotFor, &self.not_for),
        ]
        .into_iter()
    }
}

/// A titled list of points, with an optional one-line `brief` used by the comparison table.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct Section {
    pub brief: Option<String>,
    /// Only on the evidence section: how strong the evidence is overall.
    pub level: Option<EvidenceLevel>,
    #[serde(default)]
    pub points: Rc<[Point]>,
}

/// A sentence of content with the sources that back it.
///
/// Written in content files as one string with trailing citation keys:
/// `"Remission 27.1% vs 17.6% at week 8. [reif2023]"` or `"... [a, b]"`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(from = "String")]
pub struct Point {
    pub text: String,
    /// Keys into the card's (or intro's) `sources`.
    pub cite: Vec<String>,
}

impl Point {
    /// The short forms of the sources behind this point, as readers see them after the
    /// sentence: "(Reif et al., NEJM 2023; US FDA, 2019)". `None` without sources.
    pub fn citation(&self, sources: &[Source]) -> Option<String> {
        citation(
            self.cite
                .iter()
                .filter_map(|k| sources.iter().find(|s| &s.id == k)),
        )
    }
}

/// "(A; B)" from sources' short forms; `None` when there are none.
pub fn citation<'a>(sources: impl IntoIterator<Item = &'a Source>) -> Option<String> {
    let shorts: Vec<&str> = sources.into_iter().map(|s| s.short.as_str()).collect();
    (!shorts.is_empty()).then(|| format!("({})", shorts.join("; ")))
}

impl From<String> for Point {
    fn from(raw: String) -> Self {
        let trimmed = raw.trim_end();
        if let Some(body) = trimmed.strip_suffix(']') {
            if let Some(open) = body.rfind('[') {
                let keys: Vec<String> = body[open + 1..]
                    .split(',')
                    .map(|k| k.trim().to_owned())
                    .collect();
                let are_keys = keys.iter().all(|k| {
                    !k.is_empty()
                        && k.chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                });
                if are_keys {
                    return Point {
                        text: body[..open].trim_end().to_owned(),
                        cite: keys,
                    };
                }
            }
        }
        Point {
            text: raw,
            cite: Vec::new(),
        }
    }
}

/// A reference: shown as text (`<cite>`), linked only when `url` is a known-safe address.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct Source {
    /// Citation key used by points, e.g. `reif2023`.
    pub id: String,
    /// Short form shown next to a figure, e.g. "Reif et al., NEJM 2023".
    pub short: String,
    /// Full reference shown in the card's source list.
    pub text: String,
    pub url: Option<String>,
    /// `label` for a product's prescribing information: what it says on safety must
    /// be stated wherever the card answers a safety question (see `fairness`).
    pub kind: Option<SourceKind>,
    /// `looser` when the people studied were not all TRD by this guide's definition
    /// (two or more antidepressants failed): every point citing it says so.
    pub population: Option<Population>,
}

slug_enum! {
    /// What sort of reference a source is, where a rule depends on it.
    pub enum SourceKind {
        /// A product's prescribing information (label, SmPC).
        Label = "label",
    }
}

slug_enum! {
    /// Who a study enrolled, measured against this guide's definition of TRD.
    pub enum Population {
        /// TRD as this guide defines it (two or more failed antidepressants).
        Trd = "trd",
        /// A looser group: fewer failed treatments, or depression in general.
        Looser = "looser",
    }
}
