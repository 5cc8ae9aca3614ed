//! A single-pass tokenizer with byte offsets: words (keeping "U.S.", "Jong-un", "don't" whole),
//! numbers, possessive endings ("'s") and punctuation.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Num,
    /// A possessive ending: "'s", "’s", or a lone apostrophe after a plural ("Workers’").
    Poss,
    Punct,
}

/// One token: its byte range in the document and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
}

impl Tok {
    /// The token's text.
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        src.get(self.start..self.end).unwrap_or("")
    }
    /// Whether the token is a word starting with an upper-case letter.
    pub fn is_cap(&self, src: &str) -> bool {
        self.kind == TokKind::Word
            && self
                .text(src)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }
}

fn is_apos(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Splits `src[range]` into tokens (offsets are into `src`).
pub fn tokenize(src: &str, range: std::ops::Range<usize>, out: &mut Vec<Tok>) {
    let Some(text) = src.get(range.clone()) else {
        return;
    };
    let base = range.start;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let pos = |i: usize| chars.get(i).map_or(text.len(), |&(p, _)| p) + base;
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_alphabetic() {
            // abbreviation with periods: U.S., U.N., D.P.R.K.
            if c.is_uppercase()
                && at(i + 1) == Some('.')
                && at(i + 2).is_some_and(char::is_uppercase)
            {
                let mut j = i;
                while at(j).is_some_and(char::is_alphabetic) && at(j + 1) == Some('.') {
                    j += 2;
                }
                if j - i >= 4 {
                    out.push(Tok {
                        start: pos(start),
                        end: pos(j),
                        kind: TokKind::Word,
                    });
                    i = j;
                    continue;
                }
            }
            let mut j = i + 1;
            loop {
                match at(j) {
                    Some(ch) if ch.is_alphanumeric() => j += 1,
                    Some('-') | Some('\u{2010}') | Some('\u{2011}')
                        if at(j + 1).is_some_and(char::is_alphanumeric) =>
                    {
                        j += 2
                    }
                    Some(ch)
                        if is_apos(ch)
                            && at(j + 1).is_some_and(char::is_alphabetic)
                            && (!matches!(at(j + 1), Some('s') | Some('S'))
                                || at(j + 2).is_some_and(char::is_alphanumeric)) =>
                    {
                        j += 2
                    }
                    _ => break,
                }
            }
            out.push(Tok {
                start: pos(start),
                end: pos(j),
                kind: TokKind::Word,
            });
            i = j;
            // possessive
            if at(i).is_some_and(is_apos) {
                if matches!(at(i + 1), Some('s') | Some('S'))
                    && !at(i + 2).is_some_and(char::is_alphanumeric)
                {
                    out.push(Tok {
                        start: pos(i),
                        end: pos(i + 2),
                        kind: TokKind::Poss,
                    });
                    i += 2;
                } else if !at(i + 1).is_some_and(char::is_alphanumeric)
                    && text[chars[start].0..chars.get(i).map_or(text.len(), |x| x.0)]
                        .ends_with(['s', 'S'])
                {
                    out.push(Tok {
                        start: pos(i),
                        end: pos(i + 1),
                        kind: TokKind::Poss,
                    });
                    i += 1;
                }
            }
            continue;
        }
        if c.is_ascii_digit() {
            let mut j = i + 1;
            while let Some(ch) = at(j) {
                if ch.is_ascii_digit() {
                    j += 1;
                } else if matches!(ch, ',' | '.') && at(j + 1).is_some_and(|d| d.is_ascii_digit()) {
                    j += 2;
                } else {
                    break;
                }
            }
            // ordinal or unit suffix: 80th, 1950s
            while at(j).is_some_and(char::is_alphabetic) {
                j += 1;
            }
            out.push(Tok {
                start: pos(start),
                end: pos(j),
                kind: TokKind::Num,
            });
            i = j;
            continue;
        }
        out.push(Tok {
            start: pos(i),
            end: pos(i + 1),
            kind: TokKind::Punct,
        });
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        let mut v = Vec::new();
        tokenize(s, 0..s.len(), &mut v);
        v.iter().map(|t| t.text(s).to_string()).collect()
    }

    #[test]
    fn keeps_abbreviations_hyphens_and_splits_possessives() {
        assert_eq!(
            toks("The U.S.-led bloc met Ngozi Okonjo-Iweala’s team."),
            [
                "The",
                "U.S.",
                "-",
                "led",
                "bloc",
                "met",
                "Ngozi",
                "Okonjo-Iweala",
                "’s",
                "team",
                "."
            ]
        );
        assert_eq!(
            toks("Farmers’ Union didn't"),
            ["Farmers", "’", "Union", "didn't"]
        );
        assert_eq!(toks("$2,500.50 in 1990s"), ["$", "2,500.50", "in", "1990s"]);
        assert_eq!(toks("Kenya's"), ["Kenya", "'s"]);
    }
}
