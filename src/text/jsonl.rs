//! JSON Lines of articles, one object a line: `{"title", "date", "text", "url"}` (with the
//! field names common news datasets use as alternatives). Lines are read one at a time with a
//! length bound, so a large file is streamed; a bad line is reported by number and skipped.

use super::{dates, decode, html};
use serde_json::Value;
use std::io::{self, BufRead};

/// One article read from a line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Article {
    /// The record's own id (`id`, `_id`, `doc_id`, `article_id`; string or number), when it has one.
    pub id: Option<String>,
    pub title: Option<String>,
    /// ISO date when the line's date could be read, else `None`.
    pub date: Option<String>,
    pub url: Option<String>,
    pub text: String,
}

const TEXT_FIELDS: &[&str] = &[
    "text",
    "content",
    "body",
    "article",
    "maintext",
    "article_text",
    "story",
    "description",
];
const TITLE_FIELDS: &[&str] = &["title", "headline", "heading"];
const DATE_FIELDS: &[&str] = &[
    "date",
    "published",
    "published_at",
    "publishedAt",
    "date_publish",
    "publish_date",
    "pubDate",
    "datePublished",
    "published_date",
    "time",
    "timestamp",
    "created_at",
];
const ID_FIELDS: &[&str] = &["id", "_id", "doc_id", "article_id"];
const URL_FIELDS: &[&str] = &["url", "link", "source_url", "href"];

fn string_field(obj: &serde_json::Map<String, Value>, names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| match obj.get(*n) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    })
}

fn id_field(obj: &serde_json::Map<String, Value>) -> Option<String> {
    ID_FIELDS.iter().find_map(|n| match obj.get(*n) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Some(Value::Number(x)) => Some(x.to_string()),
        _ => None,
    })
}

fn date_field(obj: &serde_json::Map<String, Value>) -> Option<String> {
    DATE_FIELDS.iter().find_map(|n| match obj.get(*n) {
        Some(Value::String(s)) => dates::parse_loose(s).map(dates::iso),
        Some(Value::Number(x)) => x.as_i64().and_then(dates::from_timestamp).map(dates::iso),
        _ => None,
    })
}

/// Parses one line. `Ok(None)` for a blank line; `Err` says what is wrong with it.
pub fn parse_line(line: &str) -> Result<Option<Article>, String> {
    let line = line.trim_start_matches('\u{feff}').trim();
    if line.is_empty() {
        return Ok(None);
    }
    let value: Value = serde_json::from_str(line).map_err(|e| {
        let msg = e.to_string();
        let msg = msg
            .rsplit_once(" at line ")
            .map_or(msg.as_str(), |(m, _)| m)
            .to_string();
        format!("invalid JSON at column {}: {msg}", e.column())
    })?;
    let Value::Object(obj) = value else {
        let kind = match value {
            Value::Array(_) => "an array",
            Value::String(_) => "a string",
            Value::Number(_) => "a number",
            Value::Bool(_) => "a boolean",
            _ => "null",
        };
        return Err(format!("expected a JSON object, found {kind}"));
    };
    let Some(mut text) = string_field(&obj, TEXT_FIELDS) else {
        return Err("no article text (expected a non-empty \"text\" field)".to_string());
    };
    if text.contains("</p>") || text.contains("<br") || text.contains("<p>") {
        text = html::fragment_text(&text);
        if text.trim().is_empty() {
            return Err("no readable text in the \"text\" field's HTML".to_string());
        }
    }
    text = decode::normalize_newlines(text);
    Ok(Some(Article {
        id: id_field(&obj),
        title: string_field(&obj, TITLE_FIELDS)
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" ")),
        date: date_field(&obj),
        url: string_field(&obj, URL_FIELDS),
        text,
    }))
}

/// Reads one line of at most `max` bytes into `buf` (without the newline). Returns `None` at the
/// end of input, `Some(true)` when the line was longer than `max` (the rest is skipped).
pub fn read_bounded_line<R: BufRead>(
    reader: &mut R,
    buf: &mut Vec<u8>,
    max: usize,
) -> io::Result<Option<bool>> {
    buf.clear();
    let mut read_any = false;
    let mut overflow = false;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(read_any.then_some(overflow));
        }
        read_any = true;
        let (part, used, done) = match chunk.iter().position(|b| *b == b'\n') {
            Some(p) => (&chunk[..p], p + 1, true),
            None => (chunk, chunk.len(), false),
        };
        if !overflow {
            if buf.len() + part.len() > max {
                overflow = true;
                buf.clear();
            } else {
                buf.extend_from_slice(part);
            }
        }
        reader.consume(used);
        if done {
            return Ok(Some(overflow));
        }
    }
}

/// Streams a JSON Lines reader, calling `each(line_number, result)` for every non-blank line.
pub fn read<R: BufRead>(
    mut reader: R,
    max_line: usize,
    mut each: impl FnMut(usize, Result<Article, String>),
) -> io::Result<()> {
    let mut buf = Vec::new();
    let mut number = 0usize;
    while let Some(overflow) = read_bounded_line(&mut reader, &mut buf, max_line)? {
        number += 1;
        if overflow {
            each(number, Err(format!("line longer than {max_line} bytes")));
            continue;
        }
        let line = match std::str::from_utf8(&buf) {
            Ok(s) => std::borrow::Cow::Borrowed(s),
            Err(_) => {
                encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(&buf)
                    .0
            }
        };
        match parse_line(&line) {
            Ok(Some(a)) => each(number, Ok(a)),
            Ok(None) => {}
            Err(e) => each(number, Err(e)),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_common_shape_and_aliases() {
        let a = parse_line(
            r#"{"title":"Port reopens","date":"2024-02-03T10:00:00Z","text":"The port reopened.","url":"https://x.test/a"}"#,
        )
        .unwrap()
        .unwrap();
        assert_eq!(a.title.as_deref(), Some("Port reopens"));
        assert_eq!(a.date.as_deref(), Some("2024-02-03"));
        assert_eq!(a.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(a.text, "The port reopened.");
        let b = parse_line(
            r#"{"headline":"H","published_at":1706954400,"content":"<p>A.</p><p>B.</p>"}"#,
        )
        .unwrap()
        .unwrap();
        assert_eq!(b.date.as_deref(), Some("2024-02-03"));
        assert_eq!(b.text, "A.\n\nB.");
    }

    #[test]
    fn bad_lines_say_why() {
        assert!(
            parse_line(r#"{"title": "x", "text": }"#)
                .unwrap_err()
                .contains("column")
        );
        assert_eq!(
            parse_line("[1,2]").unwrap_err(),
            "expected a JSON object, found an array"
        );
        assert!(
            parse_line(r#"{"title":"only a title"}"#)
                .unwrap_err()
                .contains("text")
        );
        assert_eq!(parse_line("   "), Ok(None));
    }

    #[test]
    fn streams_with_line_numbers_and_bounds() {
        let data = format!(
            "{}\n\n{{broken\n{{\"text\":\"{}\"}}\r\n{{\"text\":\"Fine again.\"}}",
            r#"{"text":"First."}"#,
            "x".repeat(100)
        );
        let mut got = Vec::new();
        read(data.as_bytes(), 64, |n, r| got.push((n, r.map(|a| a.text)))).unwrap();
        assert_eq!(got.len(), 4);
        assert_eq!(got[0], (1, Ok("First.".to_string())));
        assert_eq!(got[1].0, 3);
        assert!(got[1].1.is_err());
        assert_eq!(got[2], (4, Err("line longer than 64 bytes".to_string())));
        assert_eq!(got[3], (5, Ok("Fine again.".to_string())));
    }

    #[test]
    fn latin1_line_is_decoded() {
        let mut bytes = br#"{"text":"Caf"#.to_vec();
        bytes.push(0xE9);
        bytes.extend_from_slice(br#" reopens."}"#);
        let mut got = Vec::new();
        read(&bytes[..], 1000, |_, r| got.push(r)).unwrap();
        assert_eq!(
            got[0].as_ref().map(|a| a.text.as_str()),
            Ok("Café reopens.")
        );
    }
}
