//! Turning raw bytes into text: byte-order marks, UTF-8, UTF-16, the Windows-1252 fallback,
//! binary detection and line-ending normalisation.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// How a byte buffer was decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decoded {
    /// Valid UTF-8 (a BOM, if any, removed).
    Utf8,
    /// UTF-16 (little or big endian), recognised by its BOM or its byte pattern.
    Utf16,
    /// Not valid UTF-8: read as Windows-1252 (a superset of Latin-1's printable range).
    Windows1252,
    /// Another encoding named by the document itself (an HTML `charset`).
    Declared(&'static Encoding),
}

/// Why bytes were judged not to be text; the string names what they look like.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotText(pub &'static str);

/// Known binary signatures and their names.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or office document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1F\x8B", "gzip-compressed data"),
    (b"\x7FELF", "an executable"),
    (
        b"NGRAPH\r\n",
        "a newsgraph graph file (give it a .ngraph name)",
    ),
    (b"SQLite format 3", "an SQLite database"),
    (b"\xD0\xCF\x11\xE0", "an old Microsoft Office document"),
];

/// Decodes `bytes` into text with `\n` line endings. `declared` is an encoding label the
/// document names for itself (HTML `charset`), used when there is no BOM. Returns an error
/// when the bytes look binary.
pub fn decode(bytes: Vec<u8>, declared: Option<&str>) -> Result<(String, Decoded), NotText> {
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Err(NotText(what));
        }
    }
    let (text, how) = if let Some((enc, bom_len)) = Encoding::for_bom(&bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        let how = if enc == UTF_8 {
            if std::str::from_utf8(body).is_ok() {
                Decoded::Utf8
            } else {
                Decoded::Windows1252
            }
        } else {
            Decoded::Utf16
        };
        let enc = if how == Decoded::Windows1252 {
            WINDOWS_1252
        } else {
            enc
        };
        let (cow, _) = enc.decode_without_bom_handling(body);
        (cow.into_owned(), how)
    } else if let Some(enc) = sniff_utf16(&bytes) {
        let (cow, _) = enc.decode_without_bom_handling(&bytes);
        (cow.into_owned(), Decoded::Utf16)
    } else {
        if looks_binary(&bytes) {
            return Err(NotText("binary data"));
        }
        match String::from_utf8(bytes) {
            Ok(s) => (s, Decoded::Utf8),
            Err(e) => {
                let bytes = e.into_bytes();
                let declared = declared
                    .and_then(|l| Encoding::for_label(l.trim().as_bytes()))
                    .filter(|e| *e != UTF_8 && *e != UTF_16LE && *e != UTF_16BE);
                match declared {
                    Some(enc) => {
                        let (cow, _) = enc.decode_without_bom_handling(&bytes);
                        (cow.into_owned(), Decoded::Declared(enc))
                    }
                    None => {
                        let (cow, _) = WINDOWS_1252.decode_without_bom_handling(&bytes);
                        (cow.into_owned(), Decoded::Windows1252)
                    }
                }
            }
        }
    };
    if control_ratio_too_high(&text) {
        return Err(NotText("binary data"));
    }
    Ok((normalize_newlines(text), how))
}

/// UTF-16 without a BOM: ASCII-heavy text has a zero in every other byte.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = bytes.get(..bytes.len().min(4096))?;
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let (mut even_zero, mut odd_zero) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        if pair.first() == Some(&0) {
            even_zero += 1;
        }
        if pair.get(1) == Some(&0) {
            odd_zero += 1;
        }
    }
    if odd_zero * 10 >= pairs * 7 && even_zero * 20 <= pairs {
        Some(UTF_16LE)
    } else if even_zero * 10 >= pairs * 7 && odd_zero * 20 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// NUL bytes in the first 8 KiB mean binary (text encodings other than UTF-16/32 never use them).
fn looks_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(8192).any(|b| *b == 0)
}

/// More than 2% control characters (other than tab, newline, carriage return, form feed) in
/// the first 64 KiB of decoded text means it is not prose.
fn control_ratio_too_high(text: &str) -> bool {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(65_536) {
        total += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C') {
            control += 1;
        }
    }
    total > 0 && control * 50 > total
}

/// Rewrites `\r\n` and lone `\r` as `\n`, without copying when there is nothing to change.
pub fn normalize_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

/// The `charset` an HTML page declares in its first 1024 bytes, if any.
pub fn html_charset(bytes: &[u8]) -> Option<String> {
    let head = bytes.get(..bytes.len().min(1024)).unwrap_or(bytes);
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = head.find("charset")?;
    let rest = head.get(at + "charset".len()..)?.trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let label: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!label.is_empty()).then_some(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let (t, how) = decode("Café au lait".as_bytes().to_vec(), None).unwrap();
        assert_eq!((t.as_str(), how), ("Café au lait", Decoded::Utf8));
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("Zürich".as_bytes());
        let (t, how) = decode(b, None).unwrap();
        assert_eq!((t.as_str(), how), ("Zürich", Decoded::Utf8));
    }

    #[test]
    fn utf16_with_bom_both_orders_and_without_bom() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        let mut bare = Vec::new();
        for u in "Señor Núñez met the envoy.".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
            bare.extend_from_slice(&u.to_le_bytes());
        }
        for b in [le, be, bare] {
            let (t, how) = decode(b, None).unwrap();
            assert_eq!(t, "Señor Núñez met the envoy.");
            assert_eq!(how, Decoded::Utf16);
        }
    }

    #[test]
    fn latin1_and_windows_1252_fall_back() {
        // "Müller said “no”" in Windows-1252: ü = 0xFC, curly quotes 0x93/0x94.
        let b = b"M\xFCller said \x93no\x94".to_vec();
        let (t, how) = decode(b, None).unwrap();
        assert_eq!(t, "Müller said \u{201C}no\u{201D}");
        assert_eq!(how, Decoded::Windows1252);
    }

    #[test]
    fn declared_charset_is_used_for_non_utf8() {
        let b = b"\xC1\xEB\xE5\xEA\xF1\xE9\xF2".to_vec(); // "Αλεξηστ"-ish in ISO-8859-7
        let (_, how) = decode(b, Some("iso-8859-7")).unwrap();
        assert!(matches!(how, Decoded::Declared(_)));
    }

    #[test]
    fn binary_is_refused_with_a_name() {
        assert_eq!(
            decode(b"%PDF-1.7 ...".to_vec(), None),
            Err(NotText("a PDF document"))
        );
        assert_eq!(
            decode(vec![1, 2, 0, 3, 200, 0, 0, 9, 17], None),
            Err(NotText("binary data"))
        );
        let noisy: Vec<u8> = (0..400u32).map(|i| (i % 9) as u8 + 1).collect();
        assert!(decode(noisy, None).is_err());
    }

    #[test]
    fn line_endings_are_normalised() {
        let (t, _) = decode(b"one\r\ntwo\rthree\n".to_vec(), None).unwrap();
        assert_eq!(t, "one\ntwo\nthree\n");
    }

    #[test]
    fn empty_input_is_empty_text() {
        assert_eq!(decode(Vec::new(), None).unwrap().0, "");
    }

    #[test]
    fn finds_html_charset() {
        assert_eq!(
            html_charset(b"<html><head><meta charset=\"windows-1251\">").as_deref(),
            Some("windows-1251")
        );
        assert_eq!(
            html_charset(b"<meta http-equiv=Content-Type content='text/html; charset=ISO-8859-1'>")
                .as_deref(),
            Some("iso-8859-1")
        );
        assert_eq!(html_charset(b"<html><p>charset</p>"), None);
    }
}
