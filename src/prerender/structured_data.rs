//! schema.org structured data and the page head written from it.

use serde_json::{json, Value};

use super::{escape, PageWords};
use crate::config::Publisher;
use crate::content::{Content, Status};

/// schema.org structured data: a medical web page about TRD listing each treatment.
pub fn structured_data(content: &Content) -> Value {
    structured_data_for(content, &Publisher::default())
}

/// [`structured_data`] of a page whose publisher configured its own medical review: its
/// reviewer (`reviewedBy`), the review's date (`lastReviewed`) and the publisher, from the
/// same JSON an embedded widget writes. Without a configured review, nobody is named.
pub fn structured_data_for(content: &Content, publisher: &Publisher) -> Value {
    structured_data_with(content, &PageWords::built_in(&content.locale), publisher)
}

/// [`structured_data_for`] with the page words given: any locale's, built in or not.
pub fn structured_data_with(content: &Content, words: &PageWords, publisher: &Publisher) -> Value {
    let mut data = guide_data(content, words);
    if let Some(review) = publisher.review() {
        if let Ok(Value::Object(fields)) = serde_json::from_str::<Value>(&review.json_ld()) {
            for key in ["reviewedBy", "lastReviewed", "publisher"] {
                if let Some(value) = fields.get(key) {
                    data[key] = value.clone();
                }
            }
        }
    }
    data
}

fn guide_data(content: &Content, words: &PageWords) -> Value {
    let therapies: Vec<Value> = content
        .cards
        .iter()
        .filter(|c| c.is_treatment())
        .map(|c| {
            let kind = match c.category {
                crate::content::Category::Medication => "Drug",
                _ => "MedicalTherapy",
            };
            let mut v = json!({
                "@type": kind,
                "name": c.title,
                "description": c.summary,
            });
            if let Some(status) = c.status {
                let label = match status {
                    Status::Established => "https://schema.org/EvidenceLevelA",
                    Status::Emerging => "https://schema.org/EvidenceLevelB",
                    _ => "https://schema.org/EvidenceLevelC",
                };
                // Only a rough mapping, so say it in words too.
                v["evidenceLevel"] = json!(label);
                v["disambiguatingDescription"] = json!(content.status_label(status));
            }
            v
        })
        .collect();
    json!({
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": content.meta.title,
        "description": content.meta.description,
        "inLanguage": content.locale,
        "lastReviewed": content.meta.reviewed,
        "audience": { "@type": "PeopleAudience", "audienceType": words.audience },
        "about": {
            "@type": "MedicalCondition",
            "name": words.condition,
            "alternateName": "TRD",
            "possibleTreatment": therapies,
        },
        "specialty": "https://schema.org/Psychiatric",
    })
}

/// `<title>`, meta description and JSON-LD for the page head.
pub fn head(content: &Content) -> String {
    head_for(content, &Publisher::default())
}

/// [`head`] with the publisher's review in the JSON-LD (see [`structured_data_for`]).
pub fn head_for(content: &Content, publisher: &Publisher) -> String {
    head_with(content, &PageWords::built_in(&content.locale), publisher)
}

/// [`head_for`] with the page words given.
pub fn head_with(content: &Content, words: &PageWords, publisher: &Publisher) -> String {
    // `</` cannot appear inside the script element; JSON allows `<\/`.
    let ld = structured_data_with(content, words, publisher)
        .to_string()
        .replace("</", "<\\/");
    format!(
        "<title>{title}</title>\n  <meta name=\"description\" content=\"{desc}\">\n  <script type=\"application/ld+json\">{ld}</script>",
        title = escape(&content.meta.title),
        desc = escape(&content.meta.description),
    )
}
