//! Sentence splitting in one pass: byte ranges into the document text, robust to abbreviations
//! ("U.S.", "Mr.", "Gen.", "Oct. 31", "No. 2"), initials ("Donald J. Trump"), decimals,
//! sentences ending inside closing quotes, ellipses, dashes and bullet lines.

use std::ops::Range;

/// Longer stretches without a sentence end are cut at a space so later stages stay bounded.
pub const MAX_SENTENCE_BYTES: usize = 4096;

/// Titles and abbreviations that never end a sentence when followed by a capitalised word.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "cmdr", "adm",
    "sgt", "cpl", "pvt", "gov", "sen", "rep", "rev", "fr", "hon", "pres", "amb", "supt", "insp",
    "det", "st", "mt", "ft", "messrs", "mme", "mlle", "brig", "lieut", "cmdt", "sec", "atty", "vs",
    "v", "cf", "approx", "dept", "univ", "assn", "ave", "blvd", "mgr", "ref", "fig", "al",
];

/// Abbreviations that end a sentence only before a typical sentence opener.
const SOFT: &[&str] = &[
    "jr", "sr", "inc", "ltd", "corp", "co", "bros", "plc", "llc", "etc", "est", "vol", "pp", "no",
    "nos", "nr",
];

/// Month abbreviations: not an end before a number ("Oct. 31"), otherwise like [`SOFT`].
const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Closed-class words that typically open an English sentence; after an ambiguous abbreviation
/// ("the U.S. The ...") they signal a real sentence end.
const OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "in",
    "on",
    "at",
    "for",
    "from",
    "with",
    "after",
    "before",
    "when",
    "while",
    "if",
    "although",
    "though",
    "as",
    "however",
    "meanwhile",
    "still",
    "also",
    "then",
    "now",
    "since",
    "because",
    "what",
    "who",
    "which",
    "where",
    "why",
    "how",
    "both",
    "some",
    "many",
    "most",
    "all",
    "not",
    "to",
    "by",
    "during",
    "under",
    "over",
    "according",
    "despite",
    "earlier",
    "later",
    "such",
    "each",
    "every",
    "another",
    "moreover",
    "instead",
    "thus",
    "therefore",
    "officials",
    "analysts",
    "critics",
];

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '›')
}

fn is_opener_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '‹' | '¿' | '¡'
    )
}

/// The word just before byte `at` (stopping at whitespace or opening punctuation), at most 32 bytes.
fn word_before(s: &str, at: usize) -> &str {
    let lo = at.saturating_sub(32);
    let mut start = at;
    for (i, c) in s.get(..at).unwrap_or("").char_indices().rev() {
        if i < lo || c.is_whitespace() || is_opener_char(c) || matches!(c, '—' | '–') {
            break;
        }
        start = i;
    }
    s.get(start..at).unwrap_or("")
}

/// The word starting at byte `at`, at most 32 bytes, without trailing punctuation.
fn word_at(s: &str, at: usize) -> &str {
    let rest = s.get(at..).unwrap_or("");
    let mut end = 0;
    for (i, c) in rest.char_indices() {
        if i >= 32 || !(c.is_alphanumeric() || c == '\'' || c == '’') {
            break;
        }
        end = i + c.len_utf8();
    }
    rest.get(..end).unwrap_or("")
}

/// Whether a '.' after `word` is an abbreviation point rather than a sentence end, given the
/// next word.
fn is_abbreviation(word: &str, next: &str) -> bool {
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    if word.is_empty() {
        return false;
    }
    let next_lower = next.to_lowercase();
    let opener = OPENERS.contains(&next_lower.as_str());
    let next_is_number = next.starts_with(|c: char| c.is_ascii_digit());
    let mut chars = word.chars();
    let first = chars.next();
    // Single letters: initials ("J. Trump") and list letters.
    if chars.next().is_none() {
        return first.is_some_and(char::is_alphabetic);
    }
    // Dotted acronyms: "U.S", "U.N", "a.m", "e.g".
    if word.contains('.') {
        let lower = word.to_lowercase();
        if lower == "e.g" || lower == "i.e" {
            return true;
        }
        return !opener;
    }
    let lower = word.to_lowercase();
    if TITLES.contains(&lower.as_str()) {
        return true;
    }
    if MONTHS.contains(&lower.as_str()) {
        return next_is_number || !opener;
    }
    if SOFT.contains(&lower.as_str()) {
        if lower == "no" || lower == "nos" || lower == "nr" {
            return next_is_number;
        }
        return !opener;
    }
    false
}

/// Splits `text[range]` into sentences, appending their byte ranges (relative to `text`).
/// Line breaks inside the range count as spaces; a leading list bullet is left out.
pub fn split_into(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let Some(s) = text.get(range.clone()) else {
        return;
    };
    let base = range.start;
    let mut start = skip_lead(s, 0);
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if i < start || !matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？') {
            continue;
        }
        // Absorb a run of terminal punctuation, then closing quotes and brackets.
        let mut end = i + c.len_utf8();
        let mut dots = usize::from(c == '.');
        let mut ellipsis = c == '…';
        while let Some(&(j, d)) = iter.peek() {
            if matches!(d, '.' | '!' | '?' | '…') {
                dots += usize::from(d == '.');
                ellipsis |= d == '…';
                end = j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        ellipsis |= dots >= 3;
        while let Some(&(j, d)) = iter.peek() {
            if is_closer(d) {
                end = j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        // A sentence end is followed by whitespace (or the end of the text).
        let rest = s.get(end..).unwrap_or("");
        if rest.is_empty() {
            break;
        }
        if !rest.starts_with(char::is_whitespace) {
            continue;
        }
        let next_at = end + (rest.len() - rest.trim_start().len());
        let Some(next_char) = s.get(next_at..).and_then(|r| r.chars().next()) else {
            break;
        };
        let next_ok = next_char.is_uppercase()
            || next_char.is_ascii_digit()
            || is_opener_char(next_char)
            || matches!(next_char, '•' | '—' | '–' | '-' | '*')
            || (next_char.is_alphabetic() && !next_char.is_lowercase());
        if !next_ok {
            continue;
        }
        if ellipsis && next_char.is_ascii_digit() {
            continue;
        }
        if c == '.' && dots == 1 && !ellipsis {
            let word = word_before(s, i);
            let next_word = word_at(
                s,
                next_at
                    + if is_opener_char(next_char) {
                        next_char.len_utf8()
                    } else {
                        0
                    },
            );
            if is_abbreviation(word, next_word) {
                continue;
            }
        }
        push(s, base, start, end, out);
        start = skip_lead(s, next_at);
    }
    if start < s.len() {
        push(s, base, start, s.len(), out);
    }
}

/// Skips whitespace and a list bullet ("- ", "• ", "1. ", "2) ") at `at`.
fn skip_lead(s: &str, at: usize) -> usize {
    let rest = s.get(at..).unwrap_or("");
    let trimmed = rest.trim_start();
    let mut pos = at + (rest.len() - trimmed.len());
    let after_bullet = super::boilerplate::strip_bullet(trimmed);
    if after_bullet.len() != trimmed.len() {
        return pos + (trimmed.len() - after_bullet.len());
    }
    // Numbered items: one or two digits then "." or ")" then a space.
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let after = trimmed.get(digits..).unwrap_or("");
        if (after.starts_with(". ") || after.starts_with(") "))
            && after
                .get(2..)
                .is_some_and(|a| a.starts_with(char::is_uppercase))
        {
            let item = after.get(2..).unwrap_or("");
            pos += trimmed.len() - item.len();
        }
    }
    pos
}

/// Pushes `s[start..end]` trimmed, cut into pieces of at most [`MAX_SENTENCE_BYTES`].
fn push(s: &str, base: usize, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let Some(piece) = s.get(start..end) else {
        return;
    };
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    let (mut a, b) = (start + lead, end - trail);
    if a >= b
        || !s
            .get(a..b)
            .is_some_and(|p| p.chars().any(char::is_alphanumeric))
    {
        return;
    }
    while b - a > MAX_SENTENCE_BYTES {
        let mut cut = a + MAX_SENTENCE_BYTES;
        while cut > a && !s.is_char_boundary(cut) {
            cut -= 1;
        }
        let window = s.get(a..cut).unwrap_or("");
        let split = window
            .rfind(char::is_whitespace)
            .filter(|&p| p > 0)
            .map_or(cut, |p| a + p);
        out.push(base + a..base + split);
        let rest = s.get(split..b).unwrap_or("");
        a = split + (rest.len() - rest.trim_start().len());
    }
    if a < b {
        out.push(base + a..base + b);
    }
}

/// Splits a whole text into sentences.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    split_into(text, 0..text.len(), &mut out);
    out
}

/// Whether a line ending with `line` and followed by a line starting with `next` ends a
/// sentence there (used to tell paragraph breaks from wrapped lines).
pub fn ends_sentence(line: &str, next: &str) -> bool {
    let joined = format!("{} {}", line.trim_end(), next.trim_start());
    let cut = line.trim_end().len();
    let mut out = Vec::new();
    split_into(&joined, 0..joined.len(), &mut out);
    out.iter().any(|r| r.end == cut)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn abbreviations_and_initials() {
        let t = "Mr. Okafor met Gen. Haddad in St. Louis on Oct. 3 with Dr. Ruth A. Klein. \
                 The U.N. envoy, Jorge M. Ortiz, arrived at 9 a.m. Monday. They spoke for an hour.";
        assert_eq!(
            parts(t),
            vec![
                "Mr. Okafor met Gen. Haddad in St. Louis on Oct. 3 with Dr. Ruth A. Klein.",
                "The U.N. envoy, Jorge M. Ortiz, arrived at 9 a.m. Monday.",
                "They spoke for an hour."
            ]
        );
    }

    #[test]
    fn acronym_at_sentence_end() {
        let t = "Troops returned to the U.S. The base closed. Talks with the U.K. Foreign Office resumed.";
        assert_eq!(
            parts(t),
            vec![
                "Troops returned to the U.S.",
                "The base closed.",
                "Talks with the U.K. Foreign Office resumed."
            ]
        );
    }

    #[test]
    fn numbers_and_decimals() {
        let t = "Growth was 3.5 percent in 2023. Resolution No. 2417 passed. It cost $1.2 billion.";
        assert_eq!(
            parts(t),
            vec![
                "Growth was 3.5 percent in 2023.",
                "Resolution No. 2417 passed.",
                "It cost $1.2 billion."
            ]
        );
    }

    #[test]
    fn quotes_straight_and_curly() {
        let t = "She said, \u{201C}We will return.\u{201D} Then she left. \"Why now?\" he asked. \
                 'It is over.' Nobody replied.";
        assert_eq!(
            parts(t),
            vec![
                "She said, \u{201C}We will return.\u{201D}",
                "Then she left.",
                "\"Why now?\" he asked.",
                "'It is over.'",
                "Nobody replied."
            ]
        );
    }

    #[test]
    fn ellipses_and_dashes() {
        let t = "We waited… and waited. It was late... Then the call came — at last. \
                 Prices rose--again.";
        assert_eq!(
            parts(t),
            vec![
                "We waited… and waited.",
                "It was late...",
                "Then the call came — at last.",
                "Prices rose--again."
            ]
        );
    }

    #[test]
    fn bullets_are_left_out_of_the_sentence() {
        let t = "- Aid convoys reached Goma\n• The airport reopened.\n2. Schools stay shut.";
        let mut out = Vec::new();
        let mut at = 0;
        for line in t.split_inclusive('\n') {
            split_into(t, at..at + line.len(), &mut out);
            at += line.len();
        }
        let got: Vec<&str> = out.into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            got,
            vec![
                "Aid convoys reached Goma",
                "The airport reopened.",
                "Schools stay shut."
            ]
        );
    }

    #[test]
    fn ranges_are_absolute_and_trimmed() {
        let t = "Header\n\n  First one. Second one.  ";
        let mut out = Vec::new();
        split_into(t, 8..t.len(), &mut out);
        assert_eq!(out.len(), 2);
        assert_eq!(&t[out[0].clone()], "First one.");
        assert_eq!(&t[out[1].clone()], "Second one.");
    }

    #[test]
    fn lowercase_after_period_does_not_split() {
        assert_eq!(
            parts("See e.g. the report. ok then."),
            vec!["See e.g. the report. ok then."]
        );
    }

    #[test]
    fn very_long_runs_are_cut_at_spaces() {
        let t = "word ".repeat(3000);
        let got = split(&t);
        assert!(got.len() >= 3);
        assert!(got.iter().all(|r| r.len() <= MAX_SENTENCE_BYTES));
        assert!(got.iter().all(|r| !t[r.clone()].starts_with(' ')));
    }

    #[test]
    fn line_end_detection() {
        assert!(ends_sentence("The talks ended.", "Both sides left."));
        assert!(!ends_sentence("He met Mr.", "Osei on Friday."));
        assert!(!ends_sentence("He met the", "minister."));
    }

    #[test]
    fn non_ascii_text_is_safe() {
        let t = "Der Präsident sagte: „Wir kommen.“ Ça va? Oui! 会談は終わった。次へ。";
        let got = split(t);
        assert!(!got.is_empty());
        for r in got {
            assert!(t.get(r).is_some());
        }
    }
}
