//! Finding quotation spans in a paragraph: curly (“…”) and straight ("…") double quotes.

use std::ops::Range;

/// A quotation: the byte range of its content (without the marks) and of the whole quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSpan {
    pub inner: Range<usize>,
    pub outer: Range<usize>,
}

/// The double-quoted spans of `text[range]`. An unclosed quote runs to the end of the paragraph
/// only when it is long (a quote continued in the next paragraph); otherwise it is ignored.
pub fn quote_spans(text: &str, range: Range<usize>) -> Vec<QuoteSpan> {
    let mut out = Vec::new();
    let Some(s) = text.get(range.clone()) else {
        return out;
    };
    let mut open: Option<(usize, usize)> = None; // (position of mark, its length)
    for (i, c) in s.char_indices() {
        match c {
            '\u{201c}' if open.is_none() => open = Some((i, c.len_utf8())),
            '\u{201c}' => {}
            '\u{201d}' => {
                if let Some((o, l)) = open.take() {
                    out.push(QuoteSpan {
                        inner: range.start + o + l..range.start + i,
                        outer: range.start + o..range.start + i + c.len_utf8(),
                    });
                }
            }
            '"' => match open.take() {
                Some((o, l)) => out.push(QuoteSpan {
                    inner: range.start + o + l..range.start + i,
                    outer: range.start + o..range.start + i + 1,
                }),
                None => open = Some((i, 1)),
            },
            _ => {}
        }
    }
    if let Some((o, l)) = open
        && s[o + l..].split_whitespace().count() >= 8
    {
        out.push(QuoteSpan {
            inner: range.start + o + l..range.end,
            outer: range.start + o..range.end,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curly_and_straight() {
        let t = "“We will,” she said, \"and soon.\"";
        let q = quote_spans(t, 0..t.len());
        assert_eq!(q.len(), 2);
        assert_eq!(&t[q[0].inner.clone()], "We will,");
        assert_eq!(&t[q[1].inner.clone()], "and soon.");
    }
}
