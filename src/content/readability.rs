//! Reading-level formulas for plain prose, one per language it was made for: the
//! Flesch–Kincaid grade for English and the Fernández-Huerta ease for Spanish. The content
//! tests hold every card to a level in its own language.

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
