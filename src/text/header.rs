//! Header lines of a page: lines that state the publication date ("Sunday, August 31, 2025",
//! "Published: 28 Sep 2025 10:32 BST", "date 2025-08-26 <headline>") and how much to trust them.

use super::dates::{DateMatch, find_dates};
use chrono::NaiveDate;
use std::ops::Range;

/// How strongly a line's wording says "this is the publication date".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DateStrength {
    /// "Today: ...", "Updated ...", "Last modified ...": the date of the page, not the story.
    Weak,
    /// A bare date, or a date in a credit line ("Adapted from REUTERS 2025-08-26").
    Plain,
    /// "Published ...", "Posted on ...", "Date: ...".
    Labelled,
}

/// A line that is a date, possibly followed by a headline on the same line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateLine {
    pub date: NaiveDate,
    pub strength: DateStrength,
    /// Byte range (within the line) of the date part, labels included.
    pub date_part: Range<usize>,
    /// Byte range (within the line) of a headline that follows the date, if any.
    pub rest: Option<Range<usize>>,
}

const STRONG_LABELS: &[&str] = &[
    "published",
    "posted",
    "date",
    "dated",
    "released",
    "issued",
    "created",
    "first",
    "publication",
    "pub",
];
const WEAK_LABELS: &[&str] = &["today", "updated", "modified", "last", "edited", "revised"];
const FILLER: &[&str] = &[
    "on", "at", "am", "pm", "a.m", "p.m", "a.m.", "p.m.", "time", "hrs", "h", "by", "|", "-",
];
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];

fn clean(w: &str) -> &str {
    w.trim_matches(|c: char| {
        matches!(
            c,
            ',' | ';' | ':' | '|' | '(' | ')' | '[' | ']' | '-' | '–' | '—' | '•' | '·' | '/'
        )
    })
}

/// Classifies a word of a date line: `Some(None)` filler, `Some(Some(s))` a label of strength
/// `s`, `None` an ordinary word.
fn date_word(raw: &str) -> Option<Option<DateStrength>> {
    let w = clean(raw);
    if w.is_empty() {
        return Some(None);
    }
    let lower = w.to_lowercase();
    let l = lower.trim_end_matches('.');
    if STRONG_LABELS.contains(&l) {
        return Some(Some(DateStrength::Labelled));
    }
    if WEAK_LABELS.contains(&l) {
        return Some(Some(DateStrength::Weak));
    }
    if FILLER.contains(&l) || FILLER.contains(&lower.as_str()) || WEEKDAYS.contains(&l) {
        return Some(None);
    }
    // Times: "10:32", "10.32am", "9pm"
    let digits_end = l.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &l[digits_end.len()..];
    if !digits_end.is_empty()
        && digits_end
            .chars()
            .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
        && (digits_end.contains(':') || matches!(suffix, "am" | "pm"))
        && matches!(suffix, "" | "am" | "pm" | "h" | "hrs")
    {
        return Some(None);
    }
    // Time zones: "KST", "EDT", "UTC+9", "GMT+01:00", "+0900"
    if (2..=5).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase()) {
        return Some(None);
    }
    if (l.starts_with("utc") || l.starts_with("gmt")) && l.len() <= 9 {
        return Some(None);
    }
    if (l.starts_with('+') || l.starts_with('−')) && l.len() <= 6 {
        return Some(None);
    }
    None
}

/// Reads a line as a date line: a date with only labels, weekdays, times and time zones around
/// it, or such a date at the start followed by a headline. Sentences that merely mention a date
/// are not date lines.
pub fn date_line(line: &str) -> Option<DateLine> {
    if !may_be_date_line(line) {
        return None;
    }
    let found = find_dates(line);
    let DateMatch { date, range } = found.first()?.clone();
    let mut strength = DateStrength::Plain;
    let mut weak = false;
    for w in line.get(..range.start)?.split_whitespace() {
        match date_word(w)? {
            Some(DateStrength::Labelled) => strength = DateStrength::Labelled,
            Some(DateStrength::Weak) => weak = true,
            _ => {}
        }
    }
    if weak && strength != DateStrength::Labelled {
        strength = DateStrength::Weak;
    }
    // After the date: filler up to the end, or filler then a headline.
    let after = line.get(range.end..)?;
    let mut pos = range.end;
    let mut rest = None;
    let mut offset = 0;
    for w in after.split_inclusive(char::is_whitespace) {
        let word = w.trim();
        if !word.is_empty() && date_word(word).is_none() {
            let start = range.end + offset;
            let tail = line.get(start..)?.trim_end();
            let headline_like = tail.split_whitespace().count() >= 3
                && tail.starts_with(|c: char| {
                    c.is_uppercase() || c.is_ascii_digit() || "\"“‘'".contains(c)
                })
                && !tail.ends_with('.');
            if headline_like {
                rest = Some(start..start + tail.len());
                break;
            }
            // Text after the date that is not a headline: an ordinary sentence.
            return None;
        }
        offset += w.len();
        if !word.is_empty() {
            pos = range.end + offset - (w.len() - w.trim_end().len());
        }
    }
    let lead = line.len() - line.trim_start().len();
    Some(DateLine {
        date,
        strength,
        date_part: lead..pos.max(range.end),
        rest,
    })
}

/// A quick test that is false only for lines [`date_line`] refuses, sparing most lines the date
/// search. The date must start before the end of the line's first word that is not a date word
/// (all the words before it must be date words), and every date starts with a digit or a month
/// name, which would lie in that stretch too. Non-ASCII text there (other digits, case
/// variants the search folds) is left to the full test.
fn may_be_date_line(line: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let head_end = line
        .split_whitespace()
        .find(|w| date_word(w).is_none())
        .map_or(line.len(), |w| {
            w.as_ptr() as usize - line.as_ptr() as usize + w.len()
        });
    let head = &line[..head_end];
    if !head.is_ascii() || head.bytes().any(|b| b.is_ascii_digit()) {
        return true;
    }
    let lower = head.to_ascii_lowercase();
    MONTHS.iter().any(|m| lower.contains(m))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::dates::iso;

    fn d(line: &str) -> Option<(String, DateStrength, Option<&str>)> {
        date_line(line).map(|l| (iso(l.date), l.strength, l.rest.map(|r| &line[r])))
    }

    #[test]
    fn whole_line_dates() {
        use DateStrength::*;
        assert_eq!(
            d("Today : Mar 3, 2024"),
            Some(("2024-03-03".into(), Weak, None))
        );
        assert_eq!(
            d("Tuesday, February 11, 2025"),
            Some(("2025-02-11".into(), Plain, None))
        );
        assert_eq!(
            d("5 November 2023"),
            Some(("2023-11-05".into(), Plain, None))
        );
        assert_eq!(
            d("Published: 12 Jan 2024 14:05 GMT"),
            Some(("2024-01-12".into(), Labelled, None))
        );
        assert_eq!(
            d("Posted on April 4, 2021 at 9:30 pm"),
            Some(("2021-04-04".into(), Labelled, None))
        );
        assert_eq!(
            d("Updated 10:32 AM EDT, Sun May 5, 2024"),
            Some(("2024-05-05".into(), Weak, None))
        );
        assert_eq!(
            d("Last updated: 2024-05-06 | 08:00 KST"),
            Some(("2024-05-06".into(), Weak, None))
        );
    }

    #[test]
    fn date_then_headline() {
        assert_eq!(
            d(" date 2023-11-05 Flood defences hold as river peaks"),
            Some((
                "2023-11-05".into(),
                DateStrength::Labelled,
                Some("Flood defences hold as river peaks")
            ))
        );
    }

    #[test]
    fn the_quick_test_passes_every_date_line() {
        for line in [
            "March 5, 2024",
            "Updated: 10:32 KST, 5 March 2024",
            "Posted on Tuesday 2024-03-05 Floods hit the north",
            "(Sept. 9, 2022)",
            "Monday, \u{661}\u{662} March 2024",
        ] {
            assert!(may_be_date_line(line), "{line}");
        }
        for line in [
            "According to officials, the talks began on March 5, 2024.",
            "The minister said so.",
        ] {
            assert!(!may_be_date_line(line), "{line}");
            assert!(date_line(line).is_none());
        }
    }

    #[test]
    fn sentences_with_dates_are_not_date_lines() {
        assert_eq!(
            d("The ceasefire was signed on March 3, 2024 in Doha."),
            None
        );
        assert_eq!(d("Adapted by Example Daily from AFP 2024-01-02"), None);
        assert_eq!(d("On 5 November 2023, voters went to the polls."), None);
        assert_eq!(d("No date here"), None);
    }

    #[test]
    fn date_part_covers_labels_and_times() {
        let line = "Published 5 November 2023 10:00 GMT";
        let l = date_line(line).unwrap();
        assert_eq!(&line[l.date_part], line);
    }
}
