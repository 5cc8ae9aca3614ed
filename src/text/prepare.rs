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
        // Lines ending in an article, preposition or conjunction always continue.
        let last = prev.rsplit(' ').next().unwrap_or("").to_lowercase();
        const JOINERS: &[&str] = &[
            "the", "a", "an", "of", "in", "to", "and", "or", "for", "with", "on", "at", "by",
            "from", "that", "his", "her", "their", "its", "as", "but", "is", "was", "were", "are",
        ];
        return prev.len() < 50
            && !next.starts_with(char::is_lowercase)
            && !JOINERS.contains(&last.as_str());
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
        // A short sentence before the first long line (a one-line lead such as "The minister
        // arrived in Lima on Monday.") is article text, not header furniture.
        let lead_sentence = l.kind.is_none()
            && l.date.is_none()
            && l.words >= 4
            && ends_terminal(l.text)
            && !ends_ellipsis(l.text);
        if in_header && !lead_sentence {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn prep(text: &str) -> (Prepared, SourceDoc) {
        let doc = SourceDoc::new("t", "t.txt", text);
        (prepare(&doc), doc)
    }

    fn sents<'a>(p: &Prepared, d: &'a SourceDoc) -> Vec<&'a str> {
        p.sentences.iter().map(|r| &d.text[r.clone()]).collect()
    }

    #[test]
    fn a_short_lead_sentence_is_article_text() {
        let (p, d) = prep(
            "Harbour Talks Resume\n\nPublished 2024-06-12\n\nThe envoy arrived in Lima.\n\n\
             \"We are ready to sign the agreement this week,\" the envoy told reporters at the port.\n",
        );
        assert_eq!(sents(&p, &d).first(), Some(&"The envoy arrived in Lima."));
    }

    fn title(p: &Prepared) -> Option<&str> {
        p.title.as_ref().map(|t| t.0.as_str())
    }

    #[test]
    fn portal_style_header_with_today_and_section() {
        let (p, d) = prep(
            "Today : Mar 3, 2024\nBusiness News\n2 March 2024\n\n\
             Copper Prices Climb As Chile Mine Strike Drags On\n\n\
             A strike at one of the largest copper mines in northern Chile entered its third week on Saturday.\n",
        );
        assert_eq!(
            title(&p),
            Some("Copper Prices Climb As Chile Mine Strike Drags On")
        );
        assert_eq!(p.date.as_deref(), Some("2024-03-02"));
        assert_eq!(
            sents(&p, &d),
            vec![
                "A strike at one of the largest copper mines in northern Chile entered its third week on Saturday."
            ]
        );
        assert_eq!(p.boilerplate.len(), 3);
    }

    #[test]
    fn weekday_dateline_label_and_teaser_tail() {
        let (p, d) = prep(
            "Friday, June 7, 2024\n\nFishing Fleet Returns to Port After Storm\n\nDate:\n\n\
             Dozens of fishing boats returned to Valparaiso on Friday after a storm kept them at sea.\n\n\
             Harbour officials said no one was hurt.\n\n\
             Share post:\n\nPopular\n\nMore like this\nRelated\n\n\
             Drought Threatens Olive Harvest\n\nFarmers in the south are worried about...\n",
        );
        assert_eq!(title(&p), Some("Fishing Fleet Returns to Port After Storm"));
        assert_eq!(p.date.as_deref(), Some("2024-06-07"));
        assert_eq!(
            sents(&p, &d),
            vec![
                "Dozens of fishing boats returned to Valparaiso on Friday after a storm kept them at sea.",
                "Harbour officials said no one was hurt."
            ]
        );
    }

    #[test]
    fn forum_page_with_trailing_credit_date_and_account_prompts() {
        let (p, d) = prep(
            "Skip to content\n\nRail Union Calls Off Weekend Strike\n\nRecommended Posts\nPosted\n\n\
             IMG_0042.jpeg\n\ncamera footage\n\u{a0}\n\n\
             The national rail union called off a planned weekend strike after late-night talks with the transport ministry.\n\n\
             \u{a0}\n\nphoto.png  Adapted by Example Forum from AFP 2024-04-19\n\n\
             Create an account or sign in to comment\n\nYou need to be a member in order to leave a comment\n\n\
             Sign In Now\n",
        );
        assert_eq!(title(&p), Some("Rail Union Calls Off Weekend Strike"));
        assert_eq!(p.date.as_deref(), Some("2024-04-19"));
        assert_eq!(
            sents(&p, &d),
            vec![
                "The national rail union called off a planned weekend strike after late-night talks with the transport ministry."
            ]
        );
    }

    #[test]
    fn date_and_headline_on_one_line() {
        let (p, d) = prep(
            " date 2023-11-05 Flood defences hold as river peaks in Bavaria\n\n\
             Emergency crews in Passau said on Sunday that the new flood walls had held overnight.\n",
        );
        assert_eq!(
            title(&p),
            Some("Flood defences hold as river peaks in Bavaria")
        );
        assert_eq!(p.date.as_deref(), Some("2023-11-05"));
        assert_eq!(&d.text[p.date_span.clone().unwrap()], "date 2023-11-05");
        assert_eq!(sents(&p, &d).len(), 1);
    }

    #[test]
    fn wire_story_with_byline_published_label_and_photo_credit() {
        let (p, d) = prep(
            "World | Africa\nKenya and Ethiopia sign power-sharing deal\nBy Amina Yusuf, Reuters\n\
             Published: 12 Jan 2024 14:05 GMT\nUpdated: 13 Jan 2024 08:00 GMT\n\n\
             NAIROBI (Reuters) - Kenya and Ethiopia signed an agreement on Friday to share electricity from a new dam.\n\
             Photo: Tom Brown/Reuters\n\
             Officials from both countries attended the ceremony in Addis Ababa.\n\n\
             Reporting by Amina Yusuf; Editing by Lars Berg\n",
        );
        assert_eq!(
            title(&p),
            Some("Kenya and Ethiopia sign power-sharing deal")
        );
        assert_eq!(p.date.as_deref(), Some("2024-01-12"));
        assert_eq!(
            sents(&p, &d),
            vec![
                "NAIROBI (Reuters) - Kenya and Ethiopia signed an agreement on Friday to share electricity from a new dam.",
                "Officials from both countries attended the ceremony in Addis Ababa."
            ]
        );
    }

    #[test]
    fn relative_time_gives_no_date() {
        let (p, d) = prep(
            "Published 3 hours ago\nMayor Resigns Over Budget Row\n\n\
             The mayor of the city resigned on Tuesday after the council rejected her budget plan.\n",
        );
        assert_eq!(title(&p), Some("Mayor Resigns Over Budget Row"));
        assert_eq!(p.date, None);
        assert_eq!(sents(&p, &d).len(), 1);
    }

    #[test]
    fn single_newline_paragraphs_and_hard_wrapped_lines() {
        let (p, d) = prep(
            "Ministers agree on grain corridor\n\
             Ministers from three countries agreed on Monday to reopen the grain corridor.\n\
             Talks will continue in Istanbul.\n\n\
             The agreement, reached after long talks in the\n\
             Turkish capital, allows ships to leave Odesa. It was welcomed by the U.N.\n\
             What comes next\n\
             Inspections start next week.\n",
        );
        assert_eq!(title(&p), Some("Ministers agree on grain corridor"));
        assert_eq!(
            sents(&p, &d),
            vec![
                "Ministers from three countries agreed on Monday to reopen the grain corridor.",
                "Talks will continue in Istanbul.",
                "The agreement, reached after long talks in the\nTurkish capital, allows ships to leave Odesa.",
                "It was welcomed by the U.N.",
                "What comes next",
                "Inspections start next week."
            ]
        );
        assert_eq!(p.paragraphs.len(), 5);
    }

    #[test]
    fn bullet_lines_are_their_own_sentences() {
        let (p, d) = prep(
            "Key points from the summit\n\n\
             Leaders of the regional bloc met in Accra on Thursday for a two-day summit.\n\
             - Trade barriers will be cut by 2026\n\
             - A joint force will patrol the border\n\
             • Funding was promised by the bank.\n",
        );
        assert_eq!(
            sents(&p, &d),
            vec![
                "Leaders of the regional bloc met in Accra on Thursday for a two-day summit.",
                "Trade barriers will be cut by 2026",
                "A joint force will patrol the border",
                "Funding was promised by the bank."
            ]
        );
    }

    #[test]
    fn metadata_title_and_date_are_preferred() {
        let mut doc = SourceDoc::new(
            "j",
            "a.jsonl:1",
            "Council approves new bridge\n\nThe council approved the bridge on Monday, 4 March 2024.",
        );
        doc.title = Some("Council approves new bridge".into());
        doc.date = Some("2024-03-05".into());
        let p = prepare(&doc);
        assert_eq!(p.title.as_ref().map(|t| t.1.clone()), Some(0..27));
        assert_eq!(p.date.as_deref(), Some("2024-03-05"));
        assert_eq!(p.sentences.len(), 1);
    }

    #[test]
    fn comment_section_is_cut_even_when_long() {
        let (p, d) = prep(
            "Port strike ends\n\n\
             Dock workers in Santos ended their strike on Monday after a pay deal was reached with operators.\n\n\
             Comments\n\n\
             I think this deal is a very bad idea for everyone involved and the workers should have held out for much more money from the port operators this time.\n",
        );
        assert_eq!(sents(&p, &d).len(), 1);
    }

    #[test]
    fn article_resumes_after_an_inline_related_box() {
        let (p, d) = prep(
            "Election results delayed\n\n\
             Officials in the capital said on Sunday that counting would take at least two more days.\n\n\
             Related\n\nOpposition leader casts vote\n\n\
             The electoral commission blamed the delay on heavy rain that had kept some polling stations closed for most of the day, and on a shortage of ballot papers in the north.\n",
        );
        assert_eq!(sents(&p, &d).len(), 2);
    }

    #[test]
    fn no_header_no_title_and_hostile_text_is_safe() {
        let (p, _) =
            prep("The committee met on Tuesday and agreed to publish its findings next month.");
        assert_eq!(p.title, None);
        assert_eq!(p.sentences.len(), 1);
        for text in [
            "",
            "\n\n\n",
            "\u{feff}",
            "...",
            "×\n•\n",
            &"a".repeat(10_000),
            "\u{200b}\n\u{a0}",
        ] {
            let (p, d) = prep(text);
            for r in p
                .sentences
                .iter()
                .chain(&p.boilerplate)
                .chain(&p.paragraphs)
            {
                assert!(d.text.get(r.clone()).is_some());
            }
        }
    }
}
