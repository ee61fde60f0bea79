//! The explainer's content model: what a locale file (`src/content/<locale>.toml`) holds
//! around its cards (the cards themselves are in `card.rs`).
//!
//! Content is data. View code never contains treatment facts; it renders these structs.
//! Each derives serde's `Deserialize` (read through `crate::data`). A field the model
//! does not know is never silently dropped: in a built-in locale it fails the content
//! checks (`validate`), and in a publisher's card it is a warning naming its path.

use std::rc::Rc;

use serde::Deserialize;

use super::card::{Card, Category, Point, Source};
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
