//! The explainer's content model: what a locale file (`src/content/<locale>.toml`) holds.
//!
//! Content is data. View code never contains treatment facts; it renders these structs.
//! Each derives serde's `Deserialize` (read through `crate::data`). A field the model
//! does not know is never silently dropped: in a built-in locale it fails the content
//! checks (`validate`), and in a publisher's card it is a warning naming its path.

use std::rc::Rc;

use serde::Deserialize;

use super::ui::UiStrings;
use crate::collections::Entries;
use crate::slug::slug_enum;

/// Everything the widget shows for one locale.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct Content {
    /// BCP 47 primary language subtag, e.g. `en`.
    pub locale: String,
    // Shared: an instance with publisher overrides copies the content, and these parts
    // it never changes (a deep copy cost kilobytes of wasm as well as time).
    pub meta: Rc<Meta>,
    pub intro: Rc<Intro>,
    pub safety: Rc<Safety>,
    pub disclaimer: Rc<Disclaimer>,
    /// Category groups in display order.
    pub categories: Vec<CategoryInfo>,
    pub ui: UiStrings,
    pub cards: Vec<Rc<Card>>,
    /// "Words explained": plain definitions that cards link to.
    #[serde(default)]
    pub glossary: Vec<GlossaryEntry>,
    /// "What matters to me" issue cards (`[matters]`, see `matters.rs`).
    pub matters: Option<Rc<Matters>>,
    /// The fact boxes' strings (`[facts]`, see `facts.rs`); the boxes are on their cards.
    #[serde(default)]
    pub facts: Rc<super::facts::Words>,
    /// "How this guide was made" (`[about]`, see `about.rs`); every built-in locale has it.
    pub about: Option<Rc<super::about::About>>,
    /// Paths of fields in the file that the model does not know (typos): the content
    /// checks report them, so a built-in locale with one does not ship.
    #[serde(skip)]
    pub unknown_fields: Vec<String>,
}

/// One entry of the "Words explained" section.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct GlossaryEntry {
    /// Slug used in the entry's anchor (`#trd-word-<id>`) and in a card's `words`.
    pub id: String,
    /// The word as shown, e.g. "Off-label".
    pub term: String,
    /// Lower-case forms that count as a use of the word in a card's text.
    pub forms: Vec<String>,
    pub definition: String,
}

/// Page-level text used by the standalone page and structured data.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct Meta {
    pub title: String,
    pub description: String,
    /// Date the content was last reviewed against its sources (ISO 8601).
    pub reviewed: String,
}

/// The short introduction: what TRD is, how common it is, why it matters.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct Intro {
    pub heading: String,
    /// Two or three sentences shown first; `heading` and `paragraphs` are one tap away.
    #[serde(default)]
    pub lead: Rc<[Point]>,
    pub paragraphs: Rc<[Point]>,
    pub sources: Rc<[Source]>,
}

/// The always-visible crisis information.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct Safety {
    pub heading: String,
    /// One short sentence shown in the sticky strip.
    pub strip: String,
    /// Names the disclosure that holds every line, below the chosen region's line.
    #[serde(default)]
    pub more: String,
    pub lines: Vec<CrisisLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
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

slug_enum! {
    /// Which crisis lines lead the banner. (The default is only a decoder's placeholder.)
    #[derive(Default)]
    pub enum Region {
        #[default]
        Us = "us",
        /// Spain (024).
        Es = "es",
        /// Mexico (Línea de la Vida).
        Mx = "mx",
        Uk = "uk",
        Ca = "ca",
        Au = "au",
        Nz = "nz",
        Intl = "intl",
        /// Emergency numbers: always shown last.
        Emergency = "emergency",
    }
}

impl Region {
    /// The lines a publisher may choose with `crisis-region` (emergency numbers are always shown).
    pub const CHOOSABLE: [Region; 8] = [
        Region::Us,
        Region::Es,
        Region::Mx,
        Region::Uk,
        Region::Ca,
        Region::Au,
        Region::Nz,
        Region::Intl,
    ];

    /// Country codes that share another region's line: Samaritans serves the UK (`gb`)
    /// and Ireland (`ie`).
    pub const ALIASES: [(&'static str, Region); 2] = [("gb", Region::Uk), ("ie", Region::Uk)];

    /// Reads a `crisis-region` value (or a country code, see [`Region::ALIASES`]); the
    /// emergency numbers are not a choice (they are always shown).
    pub fn from_attribute(s: &str) -> Option<Self> {
        let s = s.trim().to_ascii_lowercase();
        match Self::ALIASES.iter().find(|(code, _)| *code == s) {
            Some((_, region)) => Some(*region),
            None => Self::from_slug(&s).filter(|r| *r != Region::Emergency),
        }
    }

    /// Every two-letter country code that leads with a line of its own, with that line:
    /// the choosable regions' codes and the aliases (the loader gets this list at build
    /// time, so it reads region subtags as the Rust side does).
    pub fn country_codes() -> Vec<(&'static str, Region)> {
        let own = Self::CHOOSABLE
            .into_iter()
            .map(|r| (r.slug(), r))
            .filter(|(code, _)| code.len() == 2);
        own.chain(Self::ALIASES).collect()
    }

    /// The crisis line implied by a BCP 47 tag's region subtag (`en-AU` → Australia),
    /// if this guide has a line for it.
    pub fn from_locale_tag(tag: &str) -> Option<Self> {
        tag.split(['-', '_'])
            .skip(1)
            // The region subtag is 2 letters (a script subtag has 4, a variant 5+).
            .find(|t| t.len() == 2 && t.chars().all(|c| c.is_ascii_alphabetic()))
            .and_then(|r| match r.to_ascii_lowercase().as_str() {
                "intl" => None,
                other => Self::from_attribute(other),
            })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct Link {
    pub label: String,
    pub href: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct Disclaimer {
    pub heading: String,
    pub paragraphs: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct CategoryInfo {
    pub id: Category,
    /// Reader-facing name, e.g. "Brain stimulation".
    pub name: String,
    pub description: String,
}

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

    /// The status text a reader sees: the card's own badge, else the plain label.
    pub fn badge_label<'a>(&'a self, content: &'a Content) -> Option<&'a str> {
        let status = self.status?;
        Some(
            self.badge
                .as_deref()
                .unwrap_or_else(|| content.status_label(status)),
        )
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

/// Declares the "What matters to me" view's interface words once: the struct, its key list
/// and the by-key reader the content checks use.
macro_rules! matters_strings {
    ($( $(#[doc = $doc:literal])* $field:ident ),* $(,)?) => {
        /// The view's own interface words. Kept in the `[matters]` block (not in `[ui]`)
        /// so the feature is one block of the locale file. A missing one is empty, which
        /// the content checks report.
        #[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
        #[serde(default)]
        pub struct MattersStrings {
            $( $(#[doc = $doc])* pub $field: String, )*
        }

        impl MattersStrings {
            pub const KEYS: &'static [&'static str] = &[$(stringify!($field)),*];

            pub fn get(&self, key: &str) -> Option<&str> {
                match key {
                    $(stringify!($field) => Some(&self.$field),)*
                    _ => None,
                }
            }
        }
    };
}

matters_strings! {
    /// The view's name, as its heading and in My questions: "What matters to me".
    view,
    /// Its shorter name on the view switcher's tab, which must fit a phone: "What matters".
    tab,
    /// Announced when the view is chosen.
    showing,
    intro,
    /// Legend of the issue chips.
    legend,
    /// Shown (and announced) while no issue is ticked.
    empty,
    /// Shown when the search and filters leave no treatment.
    no_treatments,
    /// Result count for screen readers: `{issues}` and `{treatments}` are replaced by
    /// `issues_one`/`issues_many` and `treatments_one`/`treatments_many`.
    status,
    issues_one,
    /// `{count}` is replaced.
    issues_many,
    treatments_one,
    /// `{count}` is replaced.
    treatments_many,
    /// Heading above an issue's question for the doctor.
    question_heading,
    /// Hint under the question's checkbox.
    question_add,
    /// The same hint once the question is in My questions.
    question_added,
    /// For a treatment without an entry (a publisher's added card).
    no_answer,
}

/// The `[matters]` block of a locale: the view's words, the issue texts and answer
/// group labels, every treatment's answers and the sources they cite. Issue and class
/// order come from `matters::ISSUES`, not from here.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Matters {
    pub strings: MattersStrings,
    /// Issue slug → its words.
    pub issues: Entries<IssueText>,
    /// Issue slug → (class → visible group label).
    pub classes: Entries<Entries<String>>,
    /// Card slug → (issue slug → answer).
    pub answers: Entries<CardAnswers>,
    /// Full references cited by answers (keys as in the cards where the text is the same).
    pub sources: Rc<[Source]>,
}

/// The words for one issue. A missing one is empty, which the content checks report.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(default)]
pub struct IssueText {
    /// The chip: "Effects on memory and thinking".
    pub label: String,
    /// The issue card's heading: "Will it affect my memory or thinking?".
    pub heading: String,
    /// One or two sentences under the heading.
    pub note: String,
    /// The question to ask a doctor, which the reader can add to My questions.
    pub question: String,
}

/// One card's answers: issue slug → answer.
pub type CardAnswers = Entries<Answer>;

/// One treatment's answer to one issue, written in the locale file as one string:
/// `"hours-days: Can start to help within hours. [key1, key2]"`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(from = "String")]
pub struct Answer {
    /// One of the issue's classes in `matters::ISSUES`.
    pub class: String,
    /// One or two short, plain sentences: facts, not advice.
    pub text: String,
    /// Keys into [`Matters::sources`].
    pub sources: Vec<String>,
}

impl From<String> for Answer {
    fn from(raw: String) -> Self {
        // The class is everything before the first colon; a missing class shows up in
        // validation as an unknown class rather than being guessed.
        let (class, rest) = raw.split_once(':').unwrap_or(("", &raw));
        let point = Point::from(rest.trim().to_owned());
        Answer {
            class: class.trim().to_owned(),
            text: point.text,
            sources: point.cite,
        }
    }
}

impl Matters {
    pub fn issue(&self, slug: &str) -> Option<&IssueText> {
        self.issues.get(slug)
    }

    /// A card's answer to an issue.
    pub fn answer(&self, card: &str, issue: &str) -> Option<&Answer> {
        self.answers.get(card)?.get(issue)
    }

    pub fn source(&self, key: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == key)
    }

    /// The visible group label of an issue's answer class.
    pub fn class_label(&self, issue: &str, class: &str) -> Option<&str> {
        self.classes.get(issue)?.get(class).map(String::as_str)
    }
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
