//! Finding absolute calendar dates in short strings ("Sep 28, 2025", "28 September 2025",
//! "2025-08-26T10:00:00Z", "31.08.2025") and validating them with chrono.

use chrono::{DateTime, NaiveDate};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A date found in a string, with the byte range of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMatch {
    pub date: NaiveDate,
    pub range: Range<usize>,
}

const MONTH: &str = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(\d{4})([-/.])(\d{1,2})([-/.])(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b",
    )
    .unwrap_or_else(|e| panic!("bad built-in regex: {e}"))
});
static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b{MONTH}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
    ))
    .unwrap_or_else(|e| panic!("bad built-in regex: {e}"))
});
static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\.?,?\s+(\d{{4}})\b"
    ))
    .unwrap_or_else(|e| panic!("bad built-in regex: {e}"))
});
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{1,2})([./])(\d{1,2})[./](\d{4})\b")
        .unwrap_or_else(|e| panic!("bad built-in regex: {e}"))
});

/// The month number of an English month name or abbreviation.
pub fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_ascii_lowercase();
    let m = match lower.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

fn num(s: Option<regex::Match<'_>>) -> Option<u32> {
    s?.as_str().parse().ok()
}

fn ymd(y: Option<u32>, m: Option<u32>, d: Option<u32>) -> Option<NaiveDate> {
    let y = i32::try_from(y?).ok()?;
    if !(1800..=2200).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m?, d?)
}

/// Every valid absolute date in `s`, in order of position, without overlaps.
pub fn find_dates(s: &str) -> Vec<DateMatch> {
    let mut found: Vec<DateMatch> = Vec::new();
    // Every pattern needs a four-digit year; most lines of news have none, and this check
    // is much cheaper than the four regex searches.
    if !has_four_digit_run(s) {
        return found;
    }
    for c in ISO.captures_iter(s) {
        // The two separators must agree ("2025-08-26", not "2025-08/26").
        if c.get(2).map(|m| m.as_str()) != c.get(4).map(|m| m.as_str()) {
            continue;
        }
        if let (Some(date), Some(m)) = (ymd(num(c.get(1)), num(c.get(3)), num(c.get(5))), c.get(0))
        {
            found.push(DateMatch {
                date,
                range: m.range(),
            });
        }
    }
    for c in MONTH_FIRST.captures_iter(s) {
        let month = c.get(1).and_then(|m| month_number(m.as_str()));
        if let (Some(date), Some(m)) = (ymd(num(c.get(3)), month, num(c.get(2))), c.get(0)) {
            found.push(DateMatch {
                date,
                range: m.range(),
            });
        }
    }
    for c in DAY_FIRST.captures_iter(s) {
        let month = c.get(2).and_then(|m| month_number(m.as_str()));
        if let (Some(date), Some(m)) = (ymd(num(c.get(3)), month, num(c.get(1))), c.get(0)) {
            found.push(DateMatch {
                date,
                range: m.range(),
            });
        }
    }
    for c in NUMERIC.captures_iter(s) {
        let (a, b, y) = (num(c.get(1)), num(c.get(3)), num(c.get(4)));
        // Dots are day-first (European); slashes are month-first unless the first part is > 12.
        let day_first = c.get(2).is_some_and(|m| m.as_str() == ".") || a.is_some_and(|a| a > 12);
        let date = if day_first {
            ymd(y, b, a)
        } else {
            ymd(y, a, b)
        };
        if let (Some(date), Some(m)) = (date, c.get(0)) {
            found.push(DateMatch {
                date,
                range: m.range(),
            });
        }
    }
    found.sort_by_key(|m| (m.range.start, std::cmp::Reverse(m.range.end)));
    let mut out: Vec<DateMatch> = Vec::with_capacity(found.len());
    for m in found {
        if out
            .last()
            .is_none_or(|last| m.range.start >= last.range.end)
        {
            out.push(m);
        }
    }
    out
}

/// Whether `s` holds four digits in a row (`\d` in the patterns is any Unicode decimal digit;
/// `char::is_numeric` accepts those and more, so no date is missed).
fn has_four_digit_run(s: &str) -> bool {
    let mut run = 0;
    for c in s.chars() {
        if c.is_numeric() {
            run += 1;
            if run == 4 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// Reads a date given as a metadata value: any date `find_dates` knows, an RFC 3339 / RFC 2822
/// timestamp, or a Unix timestamp in seconds or milliseconds.
pub fn parse_loose(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.date_naive());
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d.date_naive());
    }
    if let Ok(n) = s.parse::<i64>() {
        return from_timestamp(n);
    }
    find_dates(s).first().map(|m| m.date)
}

/// A Unix timestamp (seconds, or milliseconds when large) as a date.
pub fn from_timestamp(n: i64) -> Option<NaiveDate> {
    let secs = if n.abs() > 100_000_000_000 {
        n / 1000
    } else {
        n
    };
    DateTime::from_timestamp(secs, 0).map(|d| d.date_naive())
}

/// ISO 8601 form of a date (`2025-09-28`).
pub fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(s: &str) -> Option<String> {
        find_dates(s).first().map(|m| iso(m.date))
    }

    #[test]
    fn many_styles() {
        let cases = [
            ("Today : Mar 3, 2024", "2024-03-03"),
            ("Tuesday, February 11, 2025", "2025-02-11"),
            ("date 2023-11-05", "2023-11-05"),
            ("5 November 2023", "2023-11-05"),
            ("5th of November, 2023", "2023-11-05"),
            ("Sept. 9, 2022 10:00 a.m. ET", "2022-09-09"),
            ("Updated 2021-06-30T08:15:00Z", "2021-06-30"),
            ("AFP 2019/04/01", "2019-04-01"),
            ("31.12.2020", "2020-12-31"),
            ("12/31/2020", "2020-12-31"),
            ("31/12/2020", "2020-12-31"),
            ("JANUARY 2 2024", "2024-01-02"),
        ];
        for (s, want) in cases {
            assert_eq!(first(s).as_deref(), Some(want), "{s}");
        }
    }

    #[test]
    fn rejects_impossible_dates_and_non_dates() {
        assert_eq!(first("February 30, 2024"), None);
        assert_eq!(first("2024-13-01"), None);
        assert_eq!(first("in May he said 2024 was hard"), None);
        assert_eq!(first("The vote was 12-3 in 2024"), None);
        assert_eq!(first("2025-08/26"), None);
    }

    #[test]
    fn the_year_check_passes_every_four_digit_run() {
        assert!(has_four_digit_run("on May 5, 2024."));
        assert!(has_four_digit_run("\u{661}\u{662}\u{663}\u{664}"));
        assert!(!has_four_digit_run("12 34 567, no year here"));
        assert_eq!(first("no year in May 5"), None);
    }

    #[test]
    fn ranges_cover_the_date_text() {
        let s = "Posted on April 4, 2021 by staff";
        let m = &find_dates(s)[0];
        assert_eq!(&s[m.range.clone()], "April 4, 2021");
    }

    #[test]
    fn metadata_values() {
        let d = |s: &str| parse_loose(s).map(iso);
        assert_eq!(
            d("2024-05-06T23:30:00-04:00").as_deref(),
            Some("2024-05-06")
        );
        assert_eq!(
            d("Mon, 06 May 2024 10:00:00 +0000").as_deref(),
            Some("2024-05-06")
        );
        assert_eq!(d("1715000000").as_deref(), Some("2024-05-06"));
        assert_eq!(d("1715000000000").as_deref(), Some("2024-05-06"));
        assert_eq!(d("soon"), None);
    }
}
