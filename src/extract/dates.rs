//! Date expressions: absolute ("September 26, 2025", "28 September 2025", "2025-08-26",
//! "Oct. 31 to Nov. 1", "February 2019", "(2018)") and relative to the article date ("on Monday",
//! "earlier this month", "this year"), resolved to ISO 8601 strings as precise as the text allows.

use super::lexicon::month_number;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;
use std::sync::LazyLock;

/// A date found in text: byte range (absolute), ISO value and optional end of a range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateExpr {
    pub start: usize,
    pub end: usize,
    pub iso: String,
    pub iso_end: Option<String>,
    /// Whether it came from a relative expression (weaker evidence).
    pub relative: bool,
}

const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

static DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let md = format!(
        r"(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>(?:19|20)\d\d))?"
    );
    let dm = format!(
        r"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTH})(?:,?\s+(?P<y2>(?:19|20)\d\d))?"
    );
    let my = format!(
        r"(?P<pre>(?:early|mid|late)-?\s?)?(?P<m3>{MONTH})(?:\s+(?:of\s+)?(?P<y3>(?:19|20)\d\d))?"
    );
    let iso = r"(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d)";
    let rel = r"(?i:(?P<rel>(?:earlier|later)\s+(?:this|in|last)\s+(?:month|week|year)|this\s+(?:month|week|year)|last\s+(?:month|week|year)|next\s+(?:month|week|year)|earlier\s+this\s+year|today|yesterday|tomorrow))";
    let wd = r"(?P<wd>(?:last\s+|next\s+|this\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))";
    let year = r"(?P<yr>(?:19|20)\d\d)";
    Regex::new(&format!(r"\b(?:{iso}|{md}|{dm}|{my}|{wd}|{rel}|{year})\b"))
        .unwrap_or_else(|_| unreachable!())
});

static RANGE_SEP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:to|until|through|till|-|–|—|and)\s*$").unwrap_or_else(|_| unreachable!())
});

fn ymd(y: i32, m: u32, d: u32) -> Option<String> {
    NaiveDate::from_ymd_opt(y, m, d).map(|d| d.format("%Y-%m-%d").to_string())
}

/// Parses an ISO date prefix (`2025-08-26`, `2025-08`, `2025`).
pub fn parse_iso(s: &str) -> Option<NaiveDate> {
    let s = s.get(..10).unwrap_or(s);
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn weekday(word: &str) -> Option<Weekday> {
    word.parse::<Weekday>().ok()
}

/// Finds the date expressions in `text[range]`, resolving relative ones against `doc_date`.
pub fn find_dates(
    text: &str,
    range: std::ops::Range<usize>,
    doc_date: Option<NaiveDate>,
) -> Vec<DateExpr> {
    let Some(slice) = text.get(range.clone()) else {
        return Vec::new();
    };
    let mut out: Vec<DateExpr> = Vec::new();
    let doc_year = doc_date.map(|d| d.year());
    for c in DATE_RE.captures_iter(slice) {
        let Some(m) = c.get(0) else { continue };
        let (s, e) = (range.start + m.start(), range.start + m.end());
        let mut relative = false;
        let iso = if let (Some(y), Some(mo), Some(d)) = (c.name("iy"), c.name("im"), c.name("id")) {
            ymd(
                y.as_str().parse().unwrap_or(0),
                mo.as_str().parse().unwrap_or(0),
                d.as_str().parse().unwrap_or(0),
            )
        } else if let (Some(mo), Some(d)) =
            (c.name("m1").or(c.name("m2")), c.name("d1").or(c.name("d2")))
        {
            let month = month_number(mo.as_str());
            let day: u32 = d.as_str().parse().unwrap_or(0);
            let year = c
                .name("y1")
                .or(c.name("y2"))
                .and_then(|y| y.as_str().parse().ok())
                .or_else(|| {
                    relative = true;
                    doc_year
                });
            match (month, year) {
                (Some(mo), Some(y)) => ymd(y, mo, day),
                _ => None,
            }
        } else if let Some(mo) = c.name("m3") {
            // "May" alone is too often the verb; require a year or a capitalised month name
            let word = mo.as_str();
            if word == "May" && c.name("y3").is_none() {
                continue;
            }
            let month = month_number(word);
            let year = c
                .name("y3")
                .and_then(|y| y.as_str().parse::<i32>().ok())
                .or_else(|| {
                    relative = true;
                    doc_year
                });
            match (month, year) {
                (Some(mo), Some(y)) => Some(format!("{y:04}-{mo:02}")),
                _ => None,
            }
        } else if let Some(w) = c.name("wd") {
            relative = true;
            let lw = w.as_str().to_ascii_lowercase();
            let name = lw.split_whitespace().last().unwrap_or_default();
            match (weekday(name), doc_date) {
                (Some(wd), Some(dd)) => {
                    let back = (dd.weekday().num_days_from_monday() as i64
                        - wd.num_days_from_monday() as i64)
                        .rem_euclid(7);
                    let date = if lw.starts_with("next") {
                        dd + Duration::days(7 - back)
                    } else if lw.starts_with("last") && back == 0 {
                        dd - Duration::days(7)
                    } else {
                        dd - Duration::days(back)
                    };
                    Some(date.format("%Y-%m-%d").to_string())
                }
                _ => None,
            }
        } else if let Some(r) = c.name("rel") {
            relative = true;
            let r = r.as_str().to_ascii_lowercase();
            let words: Vec<&str> = r.split_whitespace().collect();
            doc_date.and_then(|dd| match words.as_slice() {
                ["today"] => Some(dd.format("%Y-%m-%d").to_string()),
                ["yesterday"] => Some((dd - Duration::days(1)).format("%Y-%m-%d").to_string()),
                ["tomorrow"] => Some((dd + Duration::days(1)).format("%Y-%m-%d").to_string()),
                [.., "last", "month"] => {
                    let (y, m) = if dd.month() == 1 {
                        (dd.year() - 1, 12)
                    } else {
                        (dd.year(), dd.month() - 1)
                    };
                    Some(format!("{y:04}-{m:02}"))
                }
                ["next", "month"] => {
                    let (y, m) = if dd.month() == 12 {
                        (dd.year() + 1, 1)
                    } else {
                        (dd.year(), dd.month() + 1)
                    };
                    Some(format!("{y:04}-{m:02}"))
                }
                [.., "month"] => Some(dd.format("%Y-%m").to_string()),
                [.., "last", "year"] => Some(format!("{:04}", dd.year() - 1)),
                ["next", "year"] => Some(format!("{:04}", dd.year() + 1)),
                [.., "year"] => Some(format!("{:04}", dd.year())),
                _ => None,
            })
        } else if let Some(y) = c.name("yr") {
            // a bare year; skip money and counts such as "2025 people" is impossible to rule out cheaply
            let before = slice[..m.start()].chars().next_back();
            if matches!(before, Some('$') | Some('€') | Some('£')) {
                continue;
            }
            Some(y.as_str().to_string())
        } else {
            None
        };
        let Some(iso) = iso else { continue };
        // "earlier in September": month name resolved above; "in mid-August" keeps the month
        if let Some(prev) = out.last_mut()
            && RANGE_SEP.is_match(text.get(prev.end..s).unwrap_or("x"))
            && prev.iso_end.is_none()
            && !text.get(prev.end..s).unwrap_or("").trim().is_empty()
            && (prev.iso.len() == iso.len() || iso.len() == 4 && prev.iso.len() == 4)
        {
            // a range: "Oct. 31 to Nov. 1", "from 2018 to 2019"
            let mut end_iso = iso;
            if let (Some(a), Some(b)) = (parse_iso(&prev.iso), parse_iso(&end_iso))
                && b < a
                && !prev.relative
            {
                end_iso = ymd(b.year() + 1, b.month(), b.day()).unwrap_or(end_iso);
            }
            prev.iso_end = Some(end_iso);
            prev.end = e;
            continue;
        }
        out.push(DateExpr {
            start: s,
            end: e,
            iso,
            iso_end: None,
            relative,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn isos(s: &str, doc: &str) -> Vec<(String, Option<String>)> {
        find_dates(s, 0..s.len(), parse_iso(doc))
            .into_iter()
            .map(|d| (d.iso, d.iso_end))
            .collect()
    }

    #[test]
    fn absolute_dates() {
        assert_eq!(
            isos("On March 3, 2024, the envoys met.", "2024-03-10")[0].0,
            "2024-03-03"
        );
        assert_eq!(
            isos("signed on 14 February 2021 in Accra", "2024-01-01")[0].0,
            "2021-02-14"
        );
        assert_eq!(isos("posted 2023-11-05", "2024-01-01")[0].0, "2023-11-05");
        assert_eq!(
            isos("talks in February 2019 collapsed", "2024-01-01")[0].0,
            "2019-02"
        );
        assert_eq!(isos("Lagos (2018), Dakar (2019)", "2024-01-01").len(), 2);
    }

    #[test]
    fn ranges_and_relative_dates() {
        assert_eq!(
            isos(
                "the forum runs from Nov. 30 to Dec. 2 in Lima",
                "2024-10-01"
            ),
            vec![("2024-11-30".to_string(), Some("2024-12-02".to_string()))]
        );
        // 2024-06-12 is a Wednesday
        assert_eq!(
            isos("the ministers met on Monday", "2024-06-12")[0].0,
            "2024-06-10"
        );
        assert_eq!(
            isos("a visit earlier this month", "2024-06-12")[0].0,
            "2024-06"
        );
        assert_eq!(isos("she hopes to go this year", "2024-06-12")[0].0, "2024");
        assert_eq!(
            isos("the parade earlier in September", "2024-09-30")[0].0,
            "2024-09"
        );
        assert!(isos("they may meet", "2024-06-12").is_empty());
    }
}
