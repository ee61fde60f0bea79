//! The explainer's content model: what a locale file (`src/content/<locale>.toml`) holds.
//!
//! Content is data. View code never contains treatment facts; it renders these structs.
//! Every struct rejects unknown fields so a typo in a content file or a publisher's
//! card fails loudly instead of silently dropping text.

use serde::Deserialize;
use std::rc::Rc;

use super::ui::UiStrings;

/// Everything the widget shows for one locale.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Content {
    /// BCP 47 primary language subtag, e.g. `en`.
    pub locale: String,
    pub meta: Meta,
    pub intro: Intro,
    pub safety: Safety,
    pub disclaimer: Disclaimer,
    /// Category groups in display order.
    pub categories: Vec<CategoryInfo>,
    pub ui: UiStrings,
    pub cards: Vec<Rc<Card>>,
    /// "What matters to me" issue cards (`[matters]`, see `matters.rs`).
    #[serde(default)]
    pub matters: Option<Rc<super::matters::Matters>>,
}

/// Page-level text used by the standalone page and structured data.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub title: String,
    pub description: String,
    /// Date the content was last reviewed against its sources (ISO 8601).
    pub reviewed: String,
}

/// The short introduction: what TRD is, how common it is, why it matters.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Intro {
    pub heading: String,
    pub paragraphs: Rc<[Point]>,
    pub sources: Rc<[Source]>,
}

/// The always-visible crisis information.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Safety {
    pub heading: String,
    /// One short sentence shown in the sticky strip.
    pub strip: String,
    pub lines: Vec<CrisisLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrisisLine {
    pub region: Region,
    /// Who this line is for, e.g. "United States".
    pub label: String,
    pub name: String,
    pub detail: String,
    pub contacts: Vec<Link>,
    /// Shown in the sticky strip when this line leads.
    pub strip_contact: Option<Link>,
}

/// Which crisis lines lead the banner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Region {
    Us,
    Uk,
    Intl,
    /// Emergency numbers: always shown last.
    Emergency,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub label: String,
    pub href: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Disclaimer {
    pub heading: String,
    pub paragraphs: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryInfo {
    pub id: Category,
    /// Reader-facing name, e.g. "Brain stimulation".
    pub name: String,
    pub description: String,
}

/// A card's group. The slugs are a public contract (config `categories`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Medication,
    Stimulation,
    Psychotherapy,
    Research,
}

impl Category {
    pub const ALL: [Category; 4] = [
        Category::Medication,
        Category::Stimulation,
        Category::Psychotherapy,
        Category::Research,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Category::Medication => "medication",
            Category::Stimulation => "stimulation",
            Category::Psychotherapy => "psychotherapy",
            Category::Research => "research",
        }
    }

    pub fn from_slug(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.slug() == s)
    }
}

/// Where a treatment stands, from routine care to the lab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Established,
    Emerging,
    Investigational,
    Research,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Established,
        Status::Emerging,
        Status::Investigational,
        Status::Research,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Status::Established => "established",
            Status::Emerging => "emerging",
            Status::Investigational => "investigational",
            Status::Research => "research",
        }
    }

    pub fn from_slug(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.slug() == s)
    }
}

/// How strong the evidence is; ordered strongest first so sorting is meaningful.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceLevel {
    Strong,
    Moderate,
    Mixed,
    Limited,
}

impl EvidenceLevel {
    pub fn slug(self) -> &'static str {
        match self {
            EvidenceLevel::Strong => "strong",
            EvidenceLevel::Moderate => "moderate",
            EvidenceLevel::Mixed => "mixed",
            EvidenceLevel::Limited => "limited",
        }
    }
}

/// One expandable card. Built-in cards fill every section their category needs
/// (checked by `validate`); a publisher's added card needs only `id`, `category`,
/// `title` and `summary`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    /// Stable slug: deep link (`#ect`), event `id`, config key.
    pub id: String,
    pub category: Category,
    #[serde(default)]
    pub status: Option<Status>,
    /// Qualifies the status, e.g. "esketamine approved; IV ketamine off-label".
    #[serde(default)]
    pub status_note: Option<String>,
    pub title: String,
    /// One line, visible while the card is collapsed.
    pub summary: String,
    #[serde(default)]
    pub questions: Vec<String>,
    #[serde(default)]
    pub sources: Rc<[Source]>,
    // Treatment cards.
    #[serde(default)]
    pub how_it_works: Option<Section>,
    #[serde(default)]
    pub how_given: Option<Section>,
    #[serde(default)]
    pub onset: Option<Section>,
    /// Must carry `level`.
    #[serde(default)]
    pub evidence: Option<Section>,
    #[serde(default)]
    pub risks: Option<Section>,
    #[serde(default)]
    pub regulatory: Option<Section>,
    // Research cards.
    #[serde(default)]
    pub known: Option<Section>,
    #[serde(default)]
    pub may_change: Option<Section>,
}

impl Card {
    /// The body sections in reading order, each with the UI-string key of its heading.
    pub fn sections(&self) -> impl Iterator<Item = (SectionKind, &Section)> {
        [
            (SectionKind::HowItWorks, self.how_it_works.as_ref()),
            (SectionKind::HowGiven, self.how_given.as_ref()),
            (SectionKind::Onset, self.onset.as_ref()),
            (SectionKind::Evidence, self.evidence.as_ref()),
            (SectionKind::Risks, self.risks.as_ref()),
            (SectionKind::Regulatory, self.regulatory.as_ref()),
            (SectionKind::Known, self.known.as_ref()),
            (SectionKind::MayChange, self.may_change.as_ref()),
        ]
        .into_iter()
        .filter_map(|(kind, s)| s.map(|s| (kind, s)))
    }

    pub fn is_treatment(&self) -> bool {
        self.category != Category::Research
    }

    /// The source a citation key points at.
    pub fn source(&self, key: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == key)
    }
}

/// Which body section; the view maps it to a heading from the UI strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SectionKind {
    HowItWorks,
    HowGiven,
    Onset,
    Evidence,
    Risks,
    Regulatory,
    Known,
    MayChange,
}

/// A titled list of points, with an optional one-line `brief` used by the comparison table.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    #[serde(default)]
    pub brief: Option<String>,
    /// Only on the evidence section: how strong the evidence is overall.
    #[serde(default)]
    pub level: Option<EvidenceLevel>,
    #[serde(default)]
    pub points: Rc<[Point]>,
}

/// A sentence of content with the sources that back it.
///
/// Written in content files as one string with trailing citation keys:
/// `"Remission 27.1% vs 17.6% at week 8. [reif2023]"` or `"... [a, b]"`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(from = "String")]
pub struct Point {
    pub text: String,
    /// Keys into the card's (or intro's) `sources`.
    pub cite: Vec<String>,
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
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Citation key used by points, e.g. `reif2023`.
    pub id: String,
    /// Short form shown next to a figure, e.g. "Reif et al., NEJM 2023".
    pub short: String,
    /// Full reference shown in the card's source list.
    pub text: String,
    #[serde(default)]
    pub url: Option<String>,
}
