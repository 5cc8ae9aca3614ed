//! Article text from an HTML page, with a real HTML parser (scraper / html5ever): the article
//! element (or main, or body) as paragraphs, with scripts, styles, navigation, headers, footers,
//! asides, forms, figures and share/related/comment blocks dropped; headline, publication date
//! and canonical URL from the page's metadata.

use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node, Selector};

/// What a page yields.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HtmlArticle {
    pub title: Option<String>,
    /// The publication date as the page writes it (normalise with `dates::parse_loose`).
    pub date: Option<String>,
    pub url: Option<String>,
    /// Paragraphs separated by blank lines.
    pub text: String,
}

/// Elements whose content is never article text.
const SKIP: &[&str] = &[
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "iframe",
    "svg",
    "template",
    "select",
    "option",
    "textarea",
    "input",
    "label",
    "menu",
    "dialog",
    "figure",
    "figcaption",
    "object",
    "embed",
    "video",
    "audio",
    "canvas",
    "picture",
    "img",
    "head",
    "title",
    "meta",
    "link",
    "math",
];

/// Elements that start a new paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "dd",
    "dt",
    "dl",
    "hr",
    "br",
    "address",
    "details",
    "summary",
    "center",
    "body",
];

/// Words in a class or id that mark page furniture.
const FURNITURE: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "share",
    "sharing",
    "social",
    "related",
    "comment",
    "comments",
    "newsletter",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "promo",
    "cookie",
    "cookies",
    "subscribe",
    "subscription",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "footer",
    "popup",
    "modal",
    "paywall",
    "recommended",
    "trending",
    "byline",
    "caption",
];

const FURNITURE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alert",
    "menu",
];

fn selector(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

fn first_attr(doc: &Html, sel: &str, attr: &str) -> Option<String> {
    let sel = selector(sel)?;
    doc.select(&sel)
        .filter_map(|e| e.value().attr(attr))
        .map(|v| v.trim().to_string())
        .find(|v| !v.is_empty())
}

fn first_text(root: ElementRef<'_>, sel: &str) -> Option<String> {
    let sel = selector(sel)?;
    root.select(&sel)
        .map(|e| squeeze(&e.text().collect::<String>()))
        .find(|t| !t.is_empty())
}

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_furniture(el: &scraper::node::Element) -> bool {
    if SKIP.contains(&el.name()) {
        return true;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if el
        .attr("role")
        .is_some_and(|r| FURNITURE_ROLES.contains(&r))
    {
        return true;
    }
    let marked = |v: &str| {
        v.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .any(|w| FURNITURE.contains(&w.to_ascii_lowercase().as_str()))
    };
    el.attr("class").is_some_and(marked) || el.attr("id").is_some_and(marked)
}

/// The element that holds the article: `[itemprop=articleBody]`, else the `<article>` with the
/// most text, else `<main>`, else `<body>`.
fn article_root(doc: &Html) -> ElementRef<'_> {
    for s in [
        "[itemprop=articleBody]",
        "article",
        "main, [role=main]",
        "body",
    ] {
        let Some(sel) = selector(s) else { continue };
        let best = doc
            .select(&sel)
            .max_by_key(|e| e.text().map(str::len).sum::<usize>());
        if let Some(e) = best {
            return e;
        }
    }
    doc.root_element()
}

/// Appends the readable text under `root` to `out`, one paragraph per block, without recursion.
fn collect(root: NodeRef<'_, Node>, out: &mut String) {
    let mut cur = String::new();
    let mut stack: Vec<(NodeRef<'_, Node>, bool)> = vec![(root, false)];
    while let Some((node, leaving)) = stack.pop() {
        match node.value() {
            Node::Text(t) => {
                for c in t.chars() {
                    if c.is_whitespace() {
                        if !cur.is_empty() && !cur.ends_with(' ') {
                            cur.push(' ');
                        }
                    } else {
                        cur.push(c);
                    }
                }
            }
            Node::Element(el) => {
                let block = BLOCKS.contains(&el.name());
                if leaving {
                    if block {
                        flush(&mut cur, out);
                    }
                    continue;
                }
                if node != root && is_furniture(el) {
                    continue;
                }
                if block {
                    flush(&mut cur, out);
                    stack.push((node, true));
                }
                for child in node.children().rev() {
                    stack.push((child, false));
                }
            }
            Node::Document | Node::Fragment => {
                for child in node.children().rev() {
                    stack.push((child, false));
                }
            }
            _ => {}
        }
    }
    flush(&mut cur, out);
}

fn flush(cur: &mut String, out: &mut String) {
    let t = cur.trim();
    if !t.is_empty() {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(t);
    }
    cur.clear();
}

/// A page title without its site name ("Floods hit the delta | Example News" → first part).
fn strip_site_name(title: &str) -> String {
    for sep in [" | ", " - ", " — ", " – ", " :: "] {
        if let Some((head, _)) = title.split_once(sep)
            && head.split_whitespace().count() >= 3
        {
            return head.trim().to_string();
        }
    }
    title.trim().to_string()
}

/// Deepest element nesting parsed; html5ever's tree building is quadratic in depth, so deeper
/// (hostile) pages are refused instead of parsed for minutes.
pub const MAX_DEPTH: usize = 1000;

/// Elements that never hold children or that the parser closes implicitly.
const NO_DEPTH: &[&str] = &[
    "br", "img", "meta", "link", "input", "hr", "area", "base", "col", "embed", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th", "!doctype", "!--",
];

/// An upper estimate of the page's element nesting depth, in one pass over the bytes.
pub fn nesting_depth(html: &str) -> usize {
    let b = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = b.get(i..).and_then(|r| r.iter().position(|c| *c == b'<')) {
        i += off + 1;
        match b.get(i) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(c) if c.is_ascii_alphabetic() => {
                let name: String = b
                    .get(i..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .map(|c| char::from(c.to_ascii_lowercase()))
                    .collect();
                let end = b.get(i..).and_then(|r| r.iter().position(|c| *c == b'>'));
                let self_closing = end.is_some_and(|e| e > 0 && b.get(i + e - 1) == Some(&b'/'));
                if !self_closing && !NO_DEPTH.contains(&name.as_str()) {
                    depth += 1;
                    max = max.max(depth);
                }
            }
            _ => {}
        }
    }
    max
}

/// Extracts the article from a whole HTML page; `Err(depth)` when the page nests elements
/// deeper than [`MAX_DEPTH`].
pub fn extract(html: &str) -> Result<HtmlArticle, usize> {
    let depth = nesting_depth(html);
    if depth > MAX_DEPTH {
        return Err(depth);
    }
    let doc = Html::parse_document(html);
    let root = article_root(&doc);
    let title = first_attr(&doc, "meta[property='og:title']", "content")
        .or_else(|| first_attr(&doc, "meta[name='twitter:title']", "content"))
        .or_else(|| first_text(root, "h1"))
        .or_else(|| first_text(doc.root_element(), "h1"))
        .or_else(|| first_text(doc.root_element(), "title").map(|t| strip_site_name(&t)))
        .map(|t| squeeze(&t))
        .filter(|t| !t.is_empty());
    let date = [
        ("meta[property='article:published_time']", "content"),
        ("meta[itemprop='datePublished']", "content"),
        ("[itemprop='datePublished']", "datetime"),
        ("meta[name='date']", "content"),
        ("meta[name='pubdate']", "content"),
        ("meta[name='publishdate']", "content"),
        ("meta[name='publish-date']", "content"),
        ("meta[name='dc.date']", "content"),
        ("meta[name='DC.date.issued']", "content"),
        ("meta[name='dcterms.date']", "content"),
        ("meta[name='parsely-pub-date']", "content"),
        ("meta[name='sailthru.date']", "content"),
        ("time[pubdate]", "datetime"),
        ("article time[datetime]", "datetime"),
        ("time[datetime]", "datetime"),
    ]
    .iter()
    .find_map(|(sel, attr)| first_attr(&doc, sel, attr));
    let url = first_attr(&doc, "link[rel='canonical']", "href")
        .or_else(|| first_attr(&doc, "meta[property='og:url']", "content"));
    let mut text = String::new();
    collect(*root, &mut text);
    Ok(HtmlArticle {
        title,
        date,
        url,
        text,
    })
}

/// Text of an HTML fragment (e.g. a JSON Lines `text` field holding `<p>` markup).
pub fn fragment_text(html: &str) -> String {
    if nesting_depth(html) > MAX_DEPTH {
        return String::new();
    }
    let doc = Html::parse_fragment(html);
    let mut text = String::new();
    collect(*doc.root_element(), &mut text);
    text
}

/// Whether a string looks like HTML markup rather than plain text.
pub fn looks_like_html(s: &str) -> bool {
    let head: String = s
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml") && head.contains("<html")
        || head.starts_with("<head")
        || head.starts_with("<body")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head>
<title>Harbour strike ends | Coastal Times</title>
<meta property="og:title" content="Harbour strike ends after nine days">
<meta property="article:published_time" content="2024-03-14T09:30:00+01:00">
<link rel="canonical" href="https://example.org/harbour-strike">
<script>var tracking = "Sign in now";</script>
<style>p { color: red }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<header class="site-header"><h1>Coastal Times</h1></header>
<article>
  <h1>Harbour strike ends after nine days</h1>
  <div class="byline">By Ines Moreau</div>
  <p>Dock workers in Marseille returned to work on Thursday after the union
     accepted a <b>4.5%</b> pay rise.</p>
  <figure><img src="docks.jpg"><figcaption>Workers at the gate. Photo: AFP</figcaption></figure>
  <p>&ldquo;It is a fair deal,&rdquo; said union leader Paul Girard.<br>Shipping resumed at noon.</p>
  <div class="share-buttons"><a>Share on Facebook</a></div>
  <aside><h2>Related</h2><p>Rail strike looms</p></aside>
</article>
<footer>&copy; 2024 Coastal Times</footer>
</body></html>"#;

    #[test]
    fn article_text_without_furniture() {
        let a = extract(PAGE).unwrap();
        assert_eq!(
            a.title.as_deref(),
            Some("Harbour strike ends after nine days")
        );
        assert_eq!(a.date.as_deref(), Some("2024-03-14T09:30:00+01:00"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/harbour-strike"));
        assert!(a.text.contains(
            "Dock workers in Marseille returned to work on Thursday after the union accepted a 4.5% pay rise."
        ));
        assert!(
            a.text
                .contains("\u{201C}It is a fair deal,\u{201D} said union leader Paul Girard.")
        );
        assert!(a.text.contains("\n\nShipping resumed at noon."));
        for junk in [
            "tracking",
            "color",
            "Home",
            "Coastal Times",
            "Photo",
            "Share",
            "Related",
            "Rail",
            "By Ines",
        ] {
            assert!(!a.text.contains(junk), "{junk:?} in {:?}", a.text);
        }
    }

    #[test]
    fn falls_back_to_body_and_title_tag() {
        let a = extract(
            "<html><head><title>Council votes to widen bridge - Town Crier</title></head>\
             <body><p>The council voted on Monday.</p></body></html>",
        )
        .unwrap();
        assert_eq!(a.title.as_deref(), Some("Council votes to widen bridge"));
        assert_eq!(a.text, "The council voted on Monday.");
        assert_eq!(a.date, None);
    }

    #[test]
    fn broken_markup_still_parses() {
        let a = extract("<p>Unclosed <b>bold <i>text<p>Second para").unwrap();
        assert_eq!(a.text, "Unclosed bold text\n\nSecond para");
    }

    #[test]
    fn deep_nesting_is_parsed_or_refused_quickly() {
        let html = format!("{}deep{}", "<div>".repeat(800), "</div>".repeat(800));
        assert_eq!(extract(&html).map(|a| a.text), Ok("deep".to_string()));
        let hostile = "<div><span>".repeat(50_000);
        assert_eq!(extract(&hostile).map(|a| a.text), Err(100_000));
        assert_eq!(
            nesting_depth("<p>a<p>b<br><img src=x/><div><b>c</b></div>"),
            2
        );
    }

    #[test]
    fn fragments_and_sniffing() {
        assert_eq!(fragment_text("<p>One.</p><p>Two.</p>"), "One.\n\nTwo.");
        assert!(looks_like_html("  <!DOCTYPE html><html>"));
        assert!(!looks_like_html("Plain <b> text"));
    }
}
