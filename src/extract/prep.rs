//! Article structure for extraction: which lines are the body (boilerplate, header and teaser
//! lines dropped), abbreviation-safe sentences inside them, and fallbacks for the headline and the
//! publication date when `text::prepare` did not find them.

use super::dates::{find_dates, parse_iso};
use crate::text::{Prepared, SourceDoc};
use chrono::NaiveDate;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// One body paragraph (a line of the page) and its sentences.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    pub range: Range<usize>,
    pub sentences: Vec<Range<usize>>,
}

/// The document as extraction sees it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Layout {
    pub title: Option<(String, Range<usize>)>,
    pub date: Option<String>,
    pub paragraphs: Vec<Paragraph>,
}

impl Layout {
    /// The publication date as a calendar date.
    pub fn doc_date(&self) -> Option<NaiveDate> {
        self.date.as_deref().and_then(parse_iso)
    }
}

static BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:share(?:\s+(?:post|this|article))?:?|popular|related(?:\s+(?:posts|articles|stories))?|more\s+like\s+this|
        recommended(?:\s+posts)?|posted|jump\s+to\s+content|skip\s+to\s+(?:main|content).*|home|menu|sign\s+(?:in|up).*|log\s*in.*|create\s+an?\s+account.*|
        register\s+a\s+new\s+account|already\s+have\s+an\s+account.*|you\s+need\s+to\s+be\s+a\s+member.*|
        recently\s+browsing.*|no\s+registered\s+users.*|video\s+screenshot|read\s+more.*|advertisement|
        subscribe.*|date:?|world\s+news|follow\s+us.*|click\s+here.*|comments?|you\s+may\s+also\s+like.*|
        trending.*|most\s+read|leave\s+a\s+(?:reply|comment).*|[×•·|]+)$",
    )
    .unwrap_or_else(|_| unreachable!())
});

static END_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:share(?:\s+post)?:?|related(?:\s+(?:posts|articles|stories))?|more\s+like\s+this|popular|you\s+may\s+also\s+like|read\s+more|create\s+an\s+account\s+or\s+sign\s+in.*|leave\s+a\s+(?:reply|comment).*)$",
    )
    .unwrap_or_else(|_| unreachable!())
});

static IMAGE_FILE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b[\w-]+\.(?:jpe?g|png|gif|webp|svg)\b").unwrap_or_else(|_| unreachable!())
});

static HEAD_DATE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:date|published|updated|posted)?\s*:?\s*(?:19|20)\d\d-\d\d-\d\d\s*")
        .unwrap_or_else(|_| unreachable!())
});

static CREDIT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:[A-Z][A-Za-z]+)\s+((?:19|20)\d\d-\d\d-\d\d)\b")
        .unwrap_or_else(|_| unreachable!())
});

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col", "capt",
    "prof", "no", "vs", "inc", "corp", "ltd", "co", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "maj", "sgt", "adm", "rev", "hon",
    "approx", "est", "fig", "dept", "univ",
];

const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "It",
    "He",
    "She",
    "They",
    "We",
    "But",
    "This",
    "That",
    "In",
    "A",
    "An",
    "And",
    "Its",
    "His",
    "Her",
    "Their",
    "There",
    "Meanwhile",
    "However",
    "Still",
    "Yet",
    "On",
    "At",
    "As",
    "I",
];

fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

fn is_date_line(line: &str) -> bool {
    let dates = find_dates(line, 0..line.len(), None);
    if dates.iter().all(|d| d.relative) || dates.is_empty() {
        return false;
    }
    let covered: usize = dates
        .iter()
        .map(|d| word_count(&line[d.start..d.end]))
        .sum();
    word_count(line) <= covered + 3
}

/// Whether a line is page furniture rather than article text.
pub fn is_boilerplate(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || BOILERPLATE.is_match(t) {
        return true;
    }
    if IMAGE_FILE.is_match(t) && word_count(t) <= 8 {
        return true;
    }
    if is_date_line(t) {
        return true;
    }
    word_count(t) < 4 && !t.ends_with(['.', '!', '?', '"', '\u{201d}'])
}

/// Splits a paragraph into sentences without breaking after abbreviations ("U.S.", "Mr.", "Oct.").
pub fn split_sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let Some(s) = text.get(range.clone()) else {
        return out;
    };
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            // include closing quotes / brackets
            let mut end = i + 1;
            loop {
                let rest = &s[end..];
                if let Some(c) = rest.chars().next()
                    && matches!(c, '"' | '\u{201d}' | '\'' | '\u{2019}' | ')' | ']')
                {
                    end += c.len_utf8();
                    continue;
                }
                break;
            }
            let rest = &s[end..];
            let next_word: &str = rest.split_whitespace().next().unwrap_or("");
            let spaced = rest.starts_with(char::is_whitespace);
            let next_ok = next_word.chars().next().is_some_and(|c| {
                c.is_uppercase()
                    || c.is_ascii_digit()
                    || matches!(c, '"' | '\u{201c}' | '(' | '\'' | '\u{2018}')
            });
            let mut split = spaced && next_ok;
            if split && b == b'.' {
                // word before the period
                let before = &s[start..i];
                let word = before
                    .rsplit(|c: char| c.is_whitespace() || c == '(')
                    .next()
                    .unwrap_or("");
                let lw = word
                    .trim_start_matches(['"', '\u{201c}'])
                    .to_ascii_lowercase();
                let dotted = lw.len() >= 2 && lw.chars().filter(|&c| c == '.').count() >= 1;
                let single = lw.len() == 1 && lw.chars().all(|c| c.is_alphabetic());
                if ABBREVIATIONS.contains(&lw.as_str()) || single {
                    split = false;
                } else if dotted {
                    let nw = next_word.trim_matches(|c: char| !c.is_alphanumeric());
                    split = SENTENCE_STARTERS.contains(&nw);
                }
            }
            if split {
                out.push(range.start + start..range.start + end);
                start = end + (rest.len() - rest.trim_start().len());
                i = start;
                continue;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    if !s[start..].trim().is_empty() {
        let trimmed = s[start..].trim_end().len();
        out.push(range.start + start..range.start + start + trimmed);
    }
    out
}

/// Works out the layout of a document from its text and what `text::prepare` found.
pub fn layout(doc: &SourceDoc, prepared: &Prepared) -> Layout {
    let text = doc.text.as_str();
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let lead = body.len() - body.trim_start().len();
        let trimmed = body.trim();
        if !trimmed.is_empty() {
            lines.push(pos + lead..pos + lead + trimmed.len());
        }
        pos += line.len();
    }
    // sentences are in text order and do not overlap: the first one ending after the line
    // starts is the only one that can cover it (a binary search keeps long documents linear)
    let covered = |r: &Range<usize>| {
        let first_after = prepared.sentences.partition_point(|s| s.end <= r.start);
        prepared.sentences.is_empty()
            || prepared
                .sentences
                .get(first_after)
                .is_some_and(|s| s.start < r.end)
    };
    // the headline: from prepare, else the first non-furniture line of 3+ words before the body
    let mut title = prepared.title.clone();
    let mut title_line: Option<usize> = None;
    if let Some((_, r)) = &title {
        title_line = lines
            .iter()
            .position(|l| l.start <= r.start && r.start < l.end.max(l.start + 1));
    } else {
        'passes: for min_words in [3, 2] {
            for (i, l) in lines.iter().enumerate().take(12) {
                let t = &text[l.clone()];
                let stripped_len = HEAD_DATE_PREFIX.find(t).map_or(0, |m| m.end());
                let rest = &t[stripped_len..];
                let t = rest.trim();
                if BOILERPLATE.is_match(t)
                    || is_date_line(t)
                    || IMAGE_FILE.is_match(t)
                    || word_count(t) < min_words
                {
                    continue;
                }
                if word_count(t) > 25 || t.ends_with('.') {
                    break;
                }
                title = Some((t.to_string(), l.start + stripped_len..l.end));
                title_line = Some(i);
                break 'passes;
            }
        }
    }
    // publication date: from prepare, else a date line in the header, else a credit line
    let mut date = prepared.date.clone();
    if date.is_none() {
        let header_end = title_line.map_or(3, |t| t + 2).min(lines.len());
        for l in &lines[..header_end] {
            if let Some(d) = find_dates(text, l.clone(), None)
                .into_iter()
                .find(|d| d.iso.len() == 10)
            {
                date = Some(d.iso);
                break;
            }
        }
    }
    if date.is_none() {
        for l in lines.iter().rev() {
            let t = &text[l.clone()];
            if let Some(c) = CREDIT_DATE.captures(t)
                && let Some(m) = c.get(1)
                && parse_iso(m.as_str()).is_some()
            {
                date = Some(m.as_str().to_string());
                break;
            }
        }
    }
    // body paragraphs
    let mut cut = text.len();
    for l in &lines {
        if l.start * 10 > text.len() * 4 && END_MARKER.is_match(&text[l.clone()]) {
            cut = l.start;
            break;
        }
    }
    let mut paragraphs = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if Some(i) == title_line
            || l.start >= cut
            || !covered(l)
            || is_boilerplate(&text[l.clone()])
        {
            continue;
        }
        // a body line that starts with the header date ("date 2025-08-26 Headline") is a headline
        if title_line.is_none() && HEAD_DATE_PREFIX.is_match(&text[l.clone()]) && i < 3 {
            continue;
        }
        paragraphs.push(Paragraph {
            range: l.clone(),
            sentences: split_sentences(text, l.clone()),
        });
    }
    Layout {
        title,
        date,
        paragraphs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> SourceDoc {
        SourceDoc::new("t", "t.txt", text)
    }

    #[test]
    fn sentences_survive_abbreviations() {
        let t = "Mr. Mensah met U.S. envoys on Oct. 3 in Accra. The U.N. agency agreed. He left.";
        let s: Vec<&str> = split_sentences(t, 0..t.len())
            .into_iter()
            .map(|r| &t[r])
            .collect();
        assert_eq!(
            s,
            [
                "Mr. Mensah met U.S. envoys on Oct. 3 in Accra.",
                "The U.N. agency agreed.",
                "He left."
            ]
        );
    }

    #[test]
    fn header_date_title_and_furniture() {
        let t = "Skip to main\nMonday, March 4, 2024\n\nGhana and Togo Agree Border Deal\n\nShare post:\n\
                 Ghana's president met his Togolese counterpart in Accra on Friday. They signed a deal.\n\
                 photo_123.jpg\nRelated\nSome teaser headline here";
        let l = layout(&doc(t), &Prepared::default());
        assert_eq!(l.date.as_deref(), Some("2024-03-04"));
        assert_eq!(
            l.title.as_ref().map(|x| x.0.as_str()),
            Some("Ghana and Togo Agree Border Deal")
        );
        assert_eq!(l.paragraphs.len(), 1);
        assert_eq!(l.paragraphs[0].sentences.len(), 2);
    }

    #[test]
    fn credit_line_date() {
        let t = "Rains Flood Lima Suburbs\n\nHeavy rains flooded three districts, officials said on Sunday.\n\n\
                 Adapted from EFE 2024-02-11";
        let l = layout(&doc(t), &Prepared::default());
        assert_eq!(l.date.as_deref(), Some("2024-02-11"));
    }
}
