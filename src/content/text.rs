//! What a sentence of content says, as the checks read it: a figure or a number that
//! needs a source, a word as a whole word, an ISO date, a link that is safe to render.
//! Used by the content checks and by the publisher's configuration.

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
