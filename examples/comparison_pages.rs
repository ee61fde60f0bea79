//! Writes the benchmark's two comparison pages from the same content as the widget:
//! `floor.html` (plain static HTML, native `<details>`: the fastest this content can be)
//! and `govuk.html` (the GOV.UK Frontend accordion, a familiar alternative).
//! Usage: `cargo run --example comparison_pages -- <output dir>`

use std::{env, fs, path::PathBuf};

use trd_explainer::content::{self, Card, Content};
use trd_explainer::prerender::escape;

fn body_of(card: &Card, content: &Content, p_class: &str, h_class: &str) -> String {
    let mut out = String::new();
    for (kind, section) in card.sections() {
        out.push_str(&format!(
            "<h4{h_class}>{}</h4><ul>",
            escape(content.section_heading(kind))
        ));
        for p in section.points.iter() {
            let cite = p
                .citation(&card.sources)
                .map(|c| format!(" <cite>{}</cite>", escape(&c)))
                .unwrap_or_default();
            out.push_str(&format!("<li{p_class}>{}{cite}</li>", escape(&p.text)));
        }
        out.push_str("</ul>");
    }
    out.push_str(&format!(
        "<h4{h_class}>{}</h4><ul>",
        escape(&content.ui.questions)
    ));
    for q in &card.questions {
        out.push_str(&format!("<li{p_class}>{}</li>", escape(q)));
    }
    out.push_str(&format!(
        "</ul><h4{h_class}>{}</h4><ol>",
        escape(&content.ui.sources)
    ));
    for s in card.sources.iter() {
        out.push_str(&format!(
            "<li{p_class}><cite>{}</cite></li>",
            escape(&s.text)
        ));
    }
    out.push_str("</ol>");
    out
}

fn banner_and_intro(content: &Content, p_class: &str) -> String {
    let mut out = format!("<section><h2>{}</h2><ul>", escape(&content.safety.heading));
    for line in &content.safety.lines {
        let links: Vec<String> = line
            .contacts
            .iter()
            .map(|c| format!("<a href=\"{}\">{}</a>", escape(&c.href), escape(&c.label)))
            .collect();
        out.push_str(&format!(
            "<li{p_class}><strong>{}</strong> · {}. {} {}</li>",
            escape(&line.label),
            escape(&line.name),
            escape(&line.detail),
            links.join(" ")
        ));
    }
    out.push_str(&format!(
        "</ul></section><section><h2>{}</h2>",
        escape(&content.intro.heading)
    ));
    for p in content.intro.paragraphs.iter() {
        out.push_str(&format!("<p{p_class}>{}</p>", escape(&p.text)));
    }
    out.push_str("</section>");
    out
}

fn floor(content: &Content) -> String {
    let mut cards = String::new();
    for cat in &content.categories {
        cards.push_str(&format!("<h2>{}</h2>", escape(&cat.name)));
        for card in content.cards.iter().filter(|c| c.category == cat.id) {
            cards.push_str(&format!(
                "<details id=\"{}\"><summary><h3>{}</h3><p>{}</p></summary>{}</details>",
                card.id,
                escape(&card.title),
                escape(&card.summary),
                body_of(card, content, "", "")
            ));
        }
    }
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{title}</title><meta name=\"description\" content=\"{desc}\">\
<style>body{{font-family:system-ui,sans-serif;line-height:1.5;max-width:46rem;margin:0 auto;padding:1rem}}summary h3,summary p{{display:inline}}details{{border:1px solid #ccc;border-radius:.5rem;padding:.75rem;margin:.5rem 0}}summary{{cursor:pointer}}summary p{{display:block}}</style>\
</head><body><main><h1>{title}</h1>{top}{cards}<section><h2>{disc}</h2>{discp}</section></main></body></html>",
        title = escape(&content.meta.title),
        desc = escape(&content.meta.description),
        top = banner_and_intro(content, ""),
        disc = escape(&content.disclaimer.heading),
        discp = content.disclaimer.paragraphs.iter().map(|p| format!("<p>{}</p>", escape(p))).collect::<String>(),
    )
}

fn govuk(content: &Content) -> String {
    let mut sections = String::new();
    for (i, card) in content.cards.iter().enumerate() {
        let n = i + 1;
        sections.push_str(&format!(
            "<div class=\"govuk-accordion__section\"><div class=\"govuk-accordion__section-header\">\
<h3 class=\"govuk-accordion__section-heading\"><span class=\"govuk-accordion__section-button\" id=\"trd-heading-{n}\">{}</span></h3>\
<div class=\"govuk-accordion__section-summary govuk-body\" id=\"trd-summary-{n}\">{}</div></div>\
<div id=\"trd-content-{n}\" class=\"govuk-accordion__section-content\">{}</div></div>",
            escape(&card.title),
            escape(&card.summary),
            body_of(card, content, " class=\"govuk-body\"", " class=\"govuk-heading-s\"")
        ));
    }
    format!(
        "<!DOCTYPE html><html lang=\"en\" class=\"govuk-template\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{title}</title><meta name=\"description\" content=\"{desc}\"><link rel=\"stylesheet\" href=\"govuk/govuk-frontend.min.css\"></head>\
<body class=\"govuk-template__body\"><script>document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');</script>\
<div class=\"govuk-width-container\"><main class=\"govuk-main-wrapper\"><h1 class=\"govuk-heading-xl\">{title}</h1>{top}\
<div class=\"govuk-accordion\" data-module=\"govuk-accordion\" id=\"trd\">{sections}</div></main></div>\
<script type=\"module\">import {{ initAll }} from './govuk/govuk-frontend.min.js'; initAll();</script></body></html>",
        title = escape(&content.meta.title),
        desc = escape(&content.meta.description),
        top = banner_and_intro(content, " class=\"govuk-body\""),
    )
}

fn main() {
    let out = PathBuf::from(
        env::args()
            .nth(1)
            .unwrap_or_else(|| "bench-results/pages".into()),
    );
    let content = content::load(content::DEFAULT_LOCALE).expect("built-in content loads");
    fs::create_dir_all(&out).expect("output directory");
    fs::write(out.join("floor.html"), floor(&content)).expect("write floor.html");
    fs::write(out.join("govuk.html"), govuk(&content)).expect("write govuk.html");
    eprintln!("wrote floor.html and govuk.html to {}", out.display());
}
