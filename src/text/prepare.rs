//! Preparing a document for extraction: find the header (headline, publication date), mark
//! page furniture, group the article's lines into paragraphs and split them into sentences.
//! Every result is a byte range into the document text. One pass over the lines, linear time.

use super::boilerplate::{self, Boilerplate};
use super::header::{self, DateLine, DateStrength};
use super::{Prepared, SourceDoc, dates, sentences};
use std::ops::Range;

/// How many non-blank lines from the top may belong to the header.
const HEADER_LINES: usize = 15;

/// One non-blank line, trimmed.
struct Line<'a> {
    range: Range<usize>,
    text: &'a str,
    /// A blank line precedes it.
    gap_before: bool,
    kind: Option<Boilerplate>,
    date: Option<DateLine>,
    words: usize,
}

fn is_blankish(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
        )
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut offset = 0;
    let mut gap = true;
    for raw in text.split_inclusive('\n') {
        let start = offset;
        offset += raw.len();
        let trimmed = raw.trim_matches(is_blankish);
        if trimmed.is_empty() {
            gap = true;
            continue;
        }
        let lead = raw.len() - raw.trim_start_matches(is_blankish).len();
        let range = start + lead..start + lead + trimmed.len();
        let kind = boilerplate::classify(trimmed);
        let date = if kind.is_none() {
            header::date_line(trimmed)
        } else {
            None
        };
        out.push(Line {
            range,
            text: trimmed,
            gap_before: gap,
            kind,
            date,
            words: trimmed.split_whitespace().count(),
        });
        gap = false;
    }
    out
}

/// The line without closing quotes and brackets at its end.
fn core_end(s: &str) -> &str {
    s.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»'])
}

fn ends_terminal(s: &str) -> bool {
    core_end(s).ends_with(['.', '!', '?', '…'])
}

fn ends_ellipsis(s: &str) -> bool {
    let c = core_end(s);
    c.ends_with('…') || c.ends_with("...")
}

/// A line of running prose: where the article body starts.
fn body_like(l: &Line<'_>) -> bool {
    l.kind.is_none()
        && l.date.is_none()
        && ((l.words >= 10 && ends_terminal(l.text) && !ends_ellipsis(l.text)) || l.words >= 25)
}

fn headline_like(s: &str) -> bool {
    let words = s.split_whitespace().count();
    (3..=40).contains(&words) && !s.ends_with(['.', ':', ',', ';']) && !ends_ellipsis(s)
}

/// Whether a line break between two article lines also ends a paragraph.
fn paragraph_break(prev: &str, next: &str) -> bool {
    let bullet = boilerplate::strip_bullet(next).len() != next.len()
        || next.split_once(['.', ')']).is_some_and(|(n, _)| {
            !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit())
        });
    if bullet {
        return true;
    }
    if !ends_terminal(prev) && !prev.ends_with([',', ';', ':', '-', '—', '–']) {
        // A short line without punctuation is a heading or label; a long one is a wrapped line.
        return prev.len() < 50 && !next.starts_with(char::is_lowercase);
    }
    let tail_start = floor_boundary(prev, prev.len().saturating_sub(64));
    let head_end = floor_boundary(next, next.len().min(64));
    sentences::ends_sentence(
        prev.get(tail_start..).unwrap_or(prev),
        next.get(..head_end).unwrap_or(next),
    )
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Where a date candidate came from, for choosing the best one.
struct DateCandidate {
    date: chrono::NaiveDate,
    strength: DateStrength,
    in_header: bool,
    span: Range<usize>,
}

/// Finds the headline, date, boilerplate, paragraphs and sentences of a document.
pub fn prepare(doc: &SourceDoc) -> Prepared {
    let text = doc.text.as_str();
    let lines = lines(text);

    // A headline the source named (JSON Lines, HTML metadata): find its line.
    let known_title = doc
        .title
        .as_deref()
        .filter(|t| !t.is_empty())
        .and_then(|t| {
            let window = floor_boundary(text, text.len().min(1 << 16));
            text.get(..window)?.find(t).map(|at| at..at + t.len())
        });

    // The header: lines before the first line of running prose, within the first few lines.
    let body_start = lines.iter().take(HEADER_LINES).position(body_like);
    let scan_end = body_start.unwrap_or(lines.len().min(HEADER_LINES));
    let mut title: Option<(usize, Range<usize>)> = known_title.and_then(|r| {
        lines
            .iter()
            .position(|l| l.range.start <= r.start && r.end <= l.range.end)
            .map(|i| (i, r))
    });
    if title.is_none() {
        let pick = |min_words: usize| {
            lines.iter().take(scan_end).enumerate().find_map(|(i, l)| {
                if l.kind.is_some() {
                    return None;
                }
                let r = match &l.date {
                    Some(DateLine { rest: Some(r), .. }) => {
                        l.range.start + r.start..l.range.start + r.end
                    }
                    Some(_) => return None,
                    None => l.range.clone(),
                };
                let t = text.get(r.clone())?;
                (headline_like(t) && t.split_whitespace().count() >= min_words).then_some((i, r))
            })
        };
        title = pick(3).or_else(|| {
            pick(2).filter(|(_, r)| {
                text.get(r.clone())
                    .is_some_and(|t| t.split_whitespace().count() == 2)
            })
        });
    }
    let header_end = match (body_start, &title) {
        (Some(b), Some((t, _))) => b.max(t + 1),
        (Some(b), None) => b,
        (None, Some((t, _))) => t + 1,
        (None, None) => 0,
    };

    let mut boiler: Vec<Range<usize>> = Vec::new();
    let mut included: Vec<bool> = vec![false; lines.len()];
    let mut candidates: Vec<DateCandidate> = Vec::new();
    let mut tail: Option<Boilerplate> = None;
    for (i, l) in lines.iter().enumerate() {
        let in_header = i < header_end;
        let is_title_line = title.as_ref().is_some_and(|(t, _)| *t == i);
        // Dates: header date lines, and credit / byline / timestamp lines before any tail.
        if tail.is_none() {
            if let Some(d) = &l.date {
                if in_header || d.rest.is_none() {
                    candidates.push(DateCandidate {
                        date: d.date,
                        strength: d.strength,
                        in_header,
                        span: l.range.start + d.date_part.start..l.range.start + d.date_part.end,
                    });
                }
            } else if matches!(
                l.kind,
                Some(
                    Boilerplate::Credit
                        | Boilerplate::Byline
                        | Boilerplate::Timestamp
                        | Boilerplate::ImageFile
                )
            ) && let Some(m) = dates::find_dates(l.text).into_iter().next()
            {
                let lower = l.text.to_lowercase();
                let labelled = ["posted", "published", "date"]
                    .iter()
                    .any(|p| lower.starts_with(p));
                candidates.push(DateCandidate {
                    date: m.date,
                    strength: if labelled {
                        DateStrength::Labelled
                    } else {
                        DateStrength::Plain
                    },
                    in_header,
                    span: l.range.start + m.range.start..l.range.start + m.range.end,
                });
            }
        }
        if is_title_line {
            if let Some((_, r)) = &title {
                let before = text.get(l.range.start..r.start).unwrap_or("").trim_end();
                if !before.is_empty() {
                    boiler.push(l.range.start..l.range.start + before.len());
                }
                let after = text.get(r.end..l.range.end).unwrap_or("");
                let after_trimmed = after.trim_start();
                if !after_trimmed.is_empty() {
                    boiler.push(l.range.end - after_trimmed.len()..l.range.end);
                }
            }
            continue;
        }
        if in_header {
            boiler.push(l.range.clone());
            continue;
        }
        if tail == Some(Boilerplate::CommentsHeading) {
            boiler.push(l.range.clone());
            continue;
        }
        if let Some(k) = l.kind.filter(|k| k.starts_tail()) {
            tail = Some(k);
            boiler.push(l.range.clone());
            continue;
        }
        if tail == Some(Boilerplate::TeaserHeading) {
            if body_like(l) && l.words >= 25 && !ends_ellipsis(l.text) {
                tail = None;
            } else {
                boiler.push(l.range.clone());
                continue;
            }
        }
        if l.kind.is_some() || l.date.as_ref().is_some_and(|d| d.rest.is_none()) {
            boiler.push(l.range.clone());
            continue;
        }
        if let Some(flag) = included.get_mut(i) {
            *flag = true;
        }
    }

    // Paragraphs: runs of article lines, broken at blank or excluded lines and at sentence ends.
    let mut paragraphs: Vec<Range<usize>> = Vec::new();
    let mut prev: Option<usize> = None;
    for (i, l) in lines.iter().enumerate() {
        if !included.get(i).copied().unwrap_or(false) {
            prev = None;
            continue;
        }
        let continues = match prev.and_then(|p| lines.get(p)) {
            Some(p) => !l.gap_before && !paragraph_break(p.text, l.text),
            None => false,
        };
        match paragraphs.last_mut() {
            Some(last) if continues => last.end = l.range.end,
            _ => paragraphs.push(l.range.clone()),
        }
        prev = Some(i);
    }
    let mut sentence_ranges = Vec::new();
    for p in &paragraphs {
        sentences::split_into(text, p.clone(), &mut sentence_ranges);
    }

    // The publication date: the source's own metadata, else the strongest header or credit line.
    let meta_date = doc.date.as_deref().and_then(dates::parse_loose);
    let best = candidates
        .into_iter()
        .enumerate()
        .max_by_key(|(pos, c)| (c.strength, c.in_header, std::cmp::Reverse(*pos)))
        .map(|(_, c)| c);
    let (date, date_span) = match (meta_date, best) {
        (Some(d), _) => (Some(dates::iso(d)), None),
        (None, Some(c)) => (Some(dates::iso(c.date)), Some(c.span)),
        (None, None) => (None, None),
    };

    Prepared {
        title: title.and_then(|(_, r)| Some((text.get(r.clone())?.to_string(), r))),
        date,
        date_span,
        sentences: sentence_ranges,
        paragraphs,
        boilerplate: boiler,
    }
}
