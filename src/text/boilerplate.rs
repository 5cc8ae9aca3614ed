//! Recognising page furniture one line at a time: navigation, account prompts, share buttons,
//! "Related / Popular" teaser headings, comment sections, image file names, photo credits,
//! bylines, section labels, relative timestamps and advertisements. Each rule looks at the shape
//! of a whole line, never at what a particular article says.

use aho_corasick::AhoCorasick;
use foldhash::HashSet;
use regex::Regex;
use std::sync::LazyLock;

/// What kind of page furniture a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Boilerplate {
    /// Site navigation, breadcrumbs, menu and pager links.
    Navigation,
    /// Sign-in, sign-up, subscription, cookie and newsletter prompts.
    Account,
    /// Share buttons and social-network links.
    Share,
    /// A heading that starts a list of teasers for other articles ("Related", "More like this").
    TeaserHeading,
    /// A single teaser or "Read more: ..." link line.
    Teaser,
    /// A heading that starts the comment section.
    CommentsHeading,
    /// An image file name, usually followed by its caption or credit.
    ImageFile,
    /// Photo credit, copyright, "Reporting by", "Adapted by ... from ..." lines.
    Credit,
    /// Author lines ("By Jane Roe", "Posted by", "Staff Writer") and bare labels ("Date:").
    Byline,
    /// Section labels ("World News", "Politics").
    Section,
    /// Relative times, reading times and counters ("3 hours ago", "5 min read", "12 comments").
    Timestamp,
    /// Advertisement markers.
    Advert,
    /// A line with no letters or digits ("×", "* * *").
    Symbols,
}

impl Boilerplate {
    /// Whether the rest of the page after this line (once the article has started) is furniture.
    pub fn starts_tail(self) -> bool {
        matches!(
            self,
            Boilerplate::TeaserHeading | Boilerplate::CommentsHeading
        )
    }
}

const NAVIGATION: &[&str] = &[
    "jump to content",
    "skip to content",
    "skip to main content",
    "skip to navigation",
    "skip navigation",
    "menu",
    "main menu",
    "open menu",
    "close menu",
    "toggle navigation",
    "navigation",
    "search",
    "search for",
    "home",
    "homepage",
    "back to top",
    "go to top",
    "scroll to top",
    "next",
    "previous",
    "prev",
    "next article",
    "previous article",
    "next post",
    "previous post",
    "next story",
    "close",
    "load more",
    "show more",
    "see more",
    "view all",
    "see all",
    "more",
    "sections",
    "create new...",
    "go to",
    "quote",
    "reply",
    "report",
    "link to comment",
    "share this post",
    "followers",
    "posts",
    "members",
    "like",
    "likes",
    "thanks",
    "expand",
    "collapse",
    "print this page",
];

const ACCOUNT: &[&str] = &[
    "sign in",
    "sign up",
    "signin",
    "signup",
    "log in",
    "login",
    "log out",
    "logout",
    "create an account",
    "create account",
    "create a free account",
    "register a new account",
    "already have an account",
    "you need to be a member",
    "members only",
    "subscribe",
    "subscribe now",
    "subscribers only",
    "subscription",
    "newsletter",
    "newsletters",
    "registered users",
    "recently browsing",
    "members viewing",
    "forgot password",
    "forgot your password",
    "my account",
    "continue reading",
    "to continue reading",
    "unlock this article",
    "free trial",
    "cookie",
    "cookies",
    "cookie policy",
    "privacy policy",
    "terms of use",
    "terms of service",
    "accept all",
    "manage preferences",
    "download the app",
    "get the app",
    "follow us",
    "contact us",
    "about us",
];

const SHARE_WORDS: &[&str] = &[
    "share",
    "shares",
    "sharing",
    "tweet",
    "email",
    "e-mail",
    "mail",
    "print",
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "whatsapp",
    "telegram",
    "reddit",
    "pinterest",
    "copy",
    "link",
    "copied",
    "save",
    "gift",
    "listen",
    "bookmark",
    "flipboard",
    "messenger",
    "line",
    "kakaotalk",
    "kakao",
    "weibo",
    "wechat",
    "vk",
    "threads",
    "bluesky",
    "mastodon",
    "this",
    "article",
    "story",
    "post",
    "on",
    "via",
    "icon",
    "url",
    "to",
    "clipboard",
];

const SHARE_TRIGGERS: &[&str] = &[
    "share",
    "tweet",
    "facebook",
    "twitter",
    "linkedin",
    "whatsapp",
    "telegram",
    "reddit",
    "pinterest",
    "email",
    "print",
];

const TEASER_HEADINGS: &[&str] = &[
    "popular",
    "most popular",
    "popular now",
    "popular stories",
    "popular posts",
    "most read",
    "most viewed",
    "most shared",
    "related",
    "related articles",
    "related stories",
    "related news",
    "related posts",
    "related content",
    "related topics",
    "related coverage",
    "more like this",
    "more stories",
    "more news",
    "more on this story",
    "more to read",
    "you may also like",
    "you might also like",
    "you may be interested in",
    "you might be interested in",
    "recommended",
    "recommended for you",
    "recommended stories",
    "recommended articles",
    "recommended posts",
    "recommended reading",
    "read next",
    "read more",
    "also read",
    "see also",
    "further reading",
    "trending",
    "trending now",
    "latest",
    "latest news",
    "latest stories",
    "top stories",
    "editor's picks",
    "editors' picks",
    "editor’s picks",
    "editors’ picks",
    "don't miss",
    "don’t miss",
    "must read",
    "what to read next",
    "in other news",
    "in case you missed it",
    "around the web",
    "sponsored stories",
    "promoted stories",
    "from the web",
    "more from this section",
    "keep reading",
];

const TEASER_PREFIXES: &[&str] = &[
    "read more:",
    "read also:",
    "also read:",
    "related:",
    "see also:",
    "watch:",
    "listen:",
    "recommended:",
    "must read:",
    "tags:",
    "topics:",
    "filed under:",
    "read:",
    "more:",
    "related article:",
    "related story:",
];

const COMMENT_HEADINGS: &[&str] = &[
    "comments",
    "comment",
    "leave a comment",
    "leave a reply",
    "post a comment",
    "add a comment",
    "add comment",
    "join the conversation",
    "join the discussion",
    "discussion",
    "reader comments",
    "show comments",
    "view comments",
    "create an account or sign in to comment",
    "you must be logged in to post a comment",
    "write a comment",
];

const CREDIT_PREFIXES: &[&str] = &[
    "photo:",
    "photo by",
    "photos:",
    "photo credit",
    "photograph:",
    "image:",
    "image by",
    "image credit",
    "image source",
    "picture:",
    "pictured:",
    "credit:",
    "credits:",
    "source:",
    "sources:",
    "file photo",
    "(photo",
    "(ap photo",
    "(afp",
    "(reuters",
    "[photo",
    "adapted by",
    "adapted from",
    "reporting by",
    "(reporting by",
    "additional reporting",
    "editing by",
    "edited by",
    "writing by",
    "written by",
    "compiled by",
    "translated by",
    "with reporting by",
    "©",
    "(c)",
    "copyright",
    "this article was",
    "this story was",
    "originally published",
    "republished",
];

const CREDIT_CONTAINS: &[&str] = &[
    "getty images",
    "all rights reserved",
    "afp photo",
    "ap photo",
    "/ afp",
    "/afp",
    "/ reuters",
    "via reuters",
    "shutterstock",
    "file photo",
];

const BYLINE_PREFIXES: &[&str] = &[
    "posted by",
    "author:",
    "authors:",
    "story by",
    "words by",
    "reported by",
    "written by",
    "posted on",
];

const BYLINE_ROLES: &[&str] = &[
    "reporter",
    "writer",
    "correspondent",
    "editor",
    "contributor",
    "columnist",
    "bureau chief",
    "staff",
    "desk",
];

const LABELS: &[&str] = &[
    "date",
    "dated",
    "author",
    "authors",
    "by",
    "posted",
    "published",
    "updated",
    "last updated",
    "source",
    "tags",
    "topics",
    "category",
    "categories",
    "filed under",
];

const SECTION_WORDS: &[&str] = &[
    "news",
    "world",
    "politics",
    "business",
    "opinion",
    "asia",
    "europe",
    "africa",
    "americas",
    "sports",
    "sport",
    "tech",
    "technology",
    "science",
    "health",
    "culture",
    "entertainment",
    "local",
    "national",
    "international",
    "economy",
    "markets",
    "breaking",
    "live",
    "analysis",
    "exclusive",
    "features",
    "feature",
    "editorial",
    "lifestyle",
    "travel",
    "video",
    "videos",
    "podcast",
    "podcasts",
    "photos",
    "gallery",
    "diplomacy",
    "defense",
    "defence",
    "security",
    "nation",
    "metro",
    "east",
    "pacific",
    "update",
    "explainer",
    "commentary",
    "insight",
    "global",
    "region",
    "regional",
];

const ADVERTS: &[&str] = &[
    "advertisement",
    "advertising",
    "advert",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "paid content",
    "partner content",
    "promoted",
    "story continues below advertisement",
    "article continues below advertisement",
    "continue reading below",
    "article continues below",
    "scroll to continue",
    "scroll to continue with content",
];

static IMAGE_FILE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\w\-.()%~+]+\.(jpe?g|png|gif|webp|svg|bmp|tiff?|avif|heic)$")
        .unwrap_or_else(|e| panic!("bad built-in regex: {e}"))
});
static RELATIVE_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(\d+|an?|one|few)\s+(seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?|years?)\s+ago\b|^(just now|yesterday|today)$|\b\d+\s*(min|mins|minute|minutes)\s+read\b|^reading time\b|^\d[\d,.]*\s*(views?|comments?|replies|likes?|shares?|reads?)$",
    )
    .unwrap_or_else(|e| panic!("bad built-in regex: {e}"))
});

/// Lower-cases a line, drops a leading bullet and trailing colons/ellipses and squeezes spaces.
fn normalise(line: &str) -> String {
    let t = normalised_part(line);
    let mut out = String::with_capacity(t.len());
    for w in t.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if w.is_ascii() {
            // the common case, without a String per word
            out.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            out.push_str(&w.to_lowercase());
        }
    }
    out
}

/// The part of a line that [`normalise`] keeps: without a leading bullet and trailing
/// colons/ellipses.
fn normalised_part(line: &str) -> &str {
    strip_bullet(line.trim()).trim_end_matches([':', ' ', '\u{a0}', '.', '…', '›', '»', '>'])
}

/// Removes a leading list bullet ("• ", "- ", "* ", "▪ ", "► ") from a line.
pub fn strip_bullet(line: &str) -> &str {
    const BULLETS: [char; 11] = ['•', '*', '-', '·', '▪', '►', '▸', '◦', '‣', '–', '—'];
    let mut chars = line.chars();
    if chars.next().is_some_and(|c| BULLETS.contains(&c)) {
        let rest = chars.as_str();
        if rest.starts_with(char::is_whitespace) {
            return rest.trim_start();
        }
    }
    line
}

fn words(norm: &str) -> Vec<&str> {
    norm.split(' ').filter(|w| !w.is_empty()).collect()
}

/// One automaton for each list of phrases that `classify` looks for anywhere in a short line:
/// searching for all of them in one pass instead of one `find` per phrase (each building its own
/// searcher) was the larger part of classifying a line.
fn phrases(list: &[&str]) -> AhoCorasick {
    AhoCorasick::new(list).unwrap_or_else(|e| panic!("bad built-in phrase list: {e}"))
}

static ACCOUNT_PHRASES: LazyLock<AhoCorasick> = LazyLock::new(|| phrases(ACCOUNT));
static CREDIT_PHRASES: LazyLock<AhoCorasick> = LazyLock::new(|| phrases(CREDIT_CONTAINS));

/// A list of line prefixes as one anchored automaton: whether a line starts with any of them
/// is then one short walk instead of a comparison per prefix, for every line of every article.
struct Prefixes {
    automaton: AhoCorasick,
    /// The length of the longest prefix, in characters.
    longest: usize,
}

impl Prefixes {
    fn new(list: &[&str]) -> Self {
        let automaton = AhoCorasick::builder()
            .start_kind(aho_corasick::StartKind::Anchored)
            .build(list)
            .unwrap_or_else(|e| panic!("bad built-in prefix list: {e}"));
        let longest = list.iter().map(|p| p.chars().count()).max().unwrap_or(0);
        Prefixes { automaton, longest }
    }

    /// Whether `line` starts with one of the prefixes.
    fn start(&self, line: &str) -> bool {
        let input = aho_corasick::Input::new(line).anchored(aho_corasick::Anchored::Yes);
        self.automaton.is_match(input)
    }
}

static TEASER_STARTS: LazyLock<Prefixes> = LazyLock::new(|| Prefixes::new(TEASER_PREFIXES));
static CREDIT_STARTS: LazyLock<Prefixes> = LazyLock::new(|| Prefixes::new(CREDIT_PREFIXES));

/// Whether one of the account phrases ("sign in", "subscribe", …) occurs in `norm` on word
/// boundaries.
fn has_account_phrase(norm: &str) -> bool {
    ACCOUNT_PHRASES
        .find_overlapping_iter(norm)
        .any(|m| on_word_boundaries(norm, m.start(), m.end()))
}

/// Whether `norm[at..end]` is neither preceded nor followed by a letter or digit.
fn on_word_boundaries(norm: &str, at: usize, end: usize) -> bool {
    let before_ok = norm[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    let after_ok = norm[end..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    before_ok && after_ok
}

fn clean_word(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
}

/// Classifies one line (without its newline) as page furniture, or `None` for article text.
pub fn classify(line: &str) -> Option<Boilerplate> {
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return None;
    }
    if !trimmed.chars().any(char::is_alphanumeric) {
        return Some(Boilerplate::Symbols);
    }
    if word_count(normalised_part(trimmed)) > EXACT.long_line_words {
        return classify_long(trimmed);
    }
    classify_words(trimmed)
}

/// `s.split_whitespace().count()`, counted on bytes when `s` is ASCII (most lines are).
fn word_count(s: &str) -> usize {
    if !s.is_ascii() {
        return s.split_whitespace().count();
    }
    // the ASCII characters `char::is_whitespace` accepts
    let space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    let mut count = 0;
    let mut in_word = false;
    for &b in s.as_bytes() {
        let word = !space(b);
        count += usize::from(word && !in_word);
        in_word = word;
    }
    count
}

/// [`classify_words`] for a line of more than [`ExactLists::long_line_words`] words: only the
/// tests that such a line can pass, in the same order. Most lines of an article are such
/// paragraphs, and this spares them the normalised copy, its word list and the lookups.
fn classify_long(trimmed: &str) -> Option<Boilerplate> {
    let body = strip_bullet(trimmed);
    let first_token = body.split_whitespace().next().unwrap_or("");
    if IMAGE_FILE.is_match(first_token) {
        return Some(Boilerplate::ImageFile);
    }
    // Lower-casing the first characters is enough to compare prefixes of that many.
    let chars = TEASER_STARTS.longest.max(CREDIT_STARTS.longest);
    let lower_start = body.chars().take(chars).collect::<String>().to_lowercase();
    if TEASER_STARTS.start(&lower_start) {
        return Some(Boilerplate::Teaser);
    }
    if is_breadcrumb(trimmed) {
        return Some(Boilerplate::Navigation);
    }
    if CREDIT_STARTS.start(&lower_start) {
        return Some(Boilerplate::Credit);
    }
    None
}

/// Every test of [`classify`], on a trimmed line that has a letter or digit.
fn classify_words(trimmed: &str) -> Option<Boilerplate> {
    let norm = normalise(trimmed);
    let n = norm.as_str();
    let ws = words(n);
    let count = ws.len();
    let first_token = strip_bullet(trimmed)
        .split_whitespace()
        .next()
        .unwrap_or("");

    if IMAGE_FILE.is_match(first_token) {
        return Some(Boilerplate::ImageFile);
    }
    // A paragraph longer than every entry of the exact lists is not looked up (nor hashed).
    let short = n.len() <= EXACT.longest;
    if short && EXACT.comment_headings.contains(n) || RELATIVE_COMMENTS.is_match(n) {
        return Some(Boilerplate::CommentsHeading);
    }
    if short && EXACT.teaser_headings.contains(n) || (n.starts_with("more from ") && count <= 5) {
        return Some(Boilerplate::TeaserHeading);
    }
    let lower_line = strip_bullet(trimmed).to_lowercase();
    if TEASER_STARTS.start(&lower_line) {
        return Some(Boilerplate::Teaser);
    }
    if short && EXACT.navigation.contains(n) || is_breadcrumb(trimmed) {
        return Some(Boilerplate::Navigation);
    }
    if short && EXACT.adverts.contains(n) {
        return Some(Boilerplate::Advert);
    }
    if CREDIT_STARTS.start(&lower_line) || (count <= 15 && CREDIT_PHRASES.is_match(n)) {
        return Some(Boilerplate::Credit);
    }
    if short && EXACT.labels.contains(n) || is_byline(trimmed, &lower_line, count) {
        return Some(Boilerplate::Byline);
    }
    if count <= 8 && RELATIVE_TIME.is_match(n) {
        return Some(Boilerplate::Timestamp);
    }
    if count <= 12 && has_account_phrase(n) {
        return Some(Boilerplate::Account);
    }
    if is_share_line(&ws) {
        return Some(Boilerplate::Share);
    }
    if is_section_label(trimmed, &ws) {
        return Some(Boilerplate::Section);
    }
    None
}

/// The lists a whole (normalised) line must equal, as sets: every line of every article is
/// looked up in each of them.
struct ExactLists {
    comment_headings: HashSet<&'static str>,
    teaser_headings: HashSet<&'static str>,
    navigation: HashSet<&'static str>,
    adverts: HashSet<&'static str>,
    labels: HashSet<&'static str>,
    /// The length of the longest entry of any list.
    longest: usize,
    /// A line of more words than this can be furniture only by its first word or characters
    /// or as a breadcrumb: it is longer than every entry here and than every line the other
    /// tests look at (15 words for credit phrases, fewer for the rest).
    long_line_words: usize,
}

static EXACT: LazyLock<ExactLists> = LazyLock::new(|| {
    let set = |list: &[&'static str]| list.iter().copied().collect();
    let entries = || {
        [
            COMMENT_HEADINGS,
            TEASER_HEADINGS,
            NAVIGATION,
            ADVERTS,
            LABELS,
        ]
        .into_iter()
        .flatten()
        .copied()
    };
    ExactLists {
        comment_headings: set(COMMENT_HEADINGS),
        teaser_headings: set(TEASER_HEADINGS),
        navigation: set(NAVIGATION),
        adverts: set(ADVERTS),
        labels: set(LABELS),
        longest: entries().map(str::len).max().unwrap_or(0),
        long_line_words: entries()
            .map(|e| e.split_whitespace().count())
            .fold(15, usize::max),
    }
});

static RELATIVE_COMMENTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d+|no)\s+(comments?|responses?|replies)$")
        .unwrap_or_else(|e| panic!("bad built-in regex: {e}"))
});

/// "Home > World > Asia", "News | Politics | Korea": short segments between separators.
fn is_breadcrumb(line: &str) -> bool {
    let seps = ['>', '›', '»', '|', '/'];
    // Most lines have no separator: a byte scan rules them out (each separator is or ends
    // with one of these bytes) before the slower count of characters.
    if !line
        .bytes()
        .any(|b| matches!(b, b'>' | b'|' | b'/' | 0xba | 0xbb))
    {
        return false;
    }
    // three parts need two separators: most lines have none, and are not split
    if line.matches(&seps[..]).nth(1).is_none() {
        return false;
    }
    let parts: Vec<&str> = line.split(&seps[..]).map(str::trim).collect();
    if parts.len() < 3 {
        return false;
    }
    parts.iter().all(|p| p.split_whitespace().count() <= 3) && !line.ends_with('.')
}

/// "By Jane Roe", "By Jane Roe and John Doe, Reuters", "Posted by admin", "Jane Roe, Staff Writer".
fn is_byline(line: &str, lower: &str, count: usize) -> bool {
    let line = strip_bullet(line);
    if count > 12 || line.ends_with('.') && !line.ends_with("Jr.") {
        return false;
    }
    if BYLINE_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    let connectors = [
        "and", "&", "in", "with", "for", "of", "the", "at", "de", "van", "von",
    ];
    if let Some(rest) = lower
        .strip_prefix("by ")
        .map(|_| line.get(3..).unwrap_or(""))
    {
        let names: Vec<&str> = rest.split_whitespace().map(clean_word).collect();
        return !names.is_empty()
            && names.len() <= 10
            && names.iter().all(|w| {
                w.is_empty()
                    || connectors.contains(&w.to_lowercase().as_str())
                    || w.starts_with(|c: char| c.is_uppercase() || c == '@')
            });
    }
    // "Jane Roe, Staff Writer" / "Staff Reporter"
    count <= 6
        && BYLINE_ROLES.iter().any(|r| lower.trim_end().ends_with(r))
        && line
            .split_whitespace()
            .map(clean_word)
            .all(|w| w.is_empty() || w.starts_with(char::is_uppercase))
}

fn is_share_line(ws: &[&str]) -> bool {
    !ws.is_empty()
        && ws.len() <= 10
        && ws.iter().all(|w| {
            let w = clean_word(w);
            w.is_empty() || SHARE_WORDS.contains(&w)
        })
        && ws.iter().any(|w| SHARE_TRIGGERS.contains(&clean_word(w)))
}

/// "World News", "POLITICS", "Asia Pacific": up to three capitalised words, one a section word.
fn is_section_label(line: &str, ws: &[&str]) -> bool {
    if ws.is_empty() || ws.len() > 3 || line.ends_with(['.', '!', '?', '"', '”']) {
        return false;
    }
    let capitalised = line
        .split_whitespace()
        .map(clean_word)
        .all(|w| w.is_empty() || w.starts_with(|c: char| c.is_uppercase() || c == '&'));
    capitalised && ws.iter().any(|w| SECTION_WORDS.contains(&clean_word(w)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Boilerplate::*;

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for s in [
            "",
            "  ",
            "one",
            " two  words ",
            "a\tb\x0bc\x0cd\re\nf",
            "ünï  côdé words",
        ] {
            assert_eq!(word_count(s), s.split_whitespace().count(), "{s:?}");
        }
    }

    #[test]
    fn long_lines_get_what_every_test_would_give_them() {
        let tail =
            "and the rest of this sentence runs on for many more words than any list entry has";
        let mut lines: Vec<String> = TEASER_PREFIXES
            .iter()
            .chain(CREDIT_PREFIXES)
            .flat_map(|p| {
                [
                    format!("{p} {tail}"),
                    format!("• {} {tail}", p.to_uppercase()),
                ]
            })
            .collect();
        lines.extend([
            format!("photo_2024.jpg {tail}"),
            format!("Home > World > Asia > {tail}"),
            format!("A | B | C {tail}"),
            format!("Reading {tail}."),
            format!("ΣΟΦΙΑ Σ {tail}"),
            format!("{tail} ..."),
        ]);
        for line in &lines {
            let trimmed = line.trim();
            assert!(normalised_part(trimmed).split_whitespace().count() > EXACT.long_line_words);
            assert_eq!(classify(line), classify_words(trimmed), "{line}");
        }
        assert!(lines.iter().filter(|l| classify(l).is_some()).count() > TEASER_PREFIXES.len());
    }

    #[test]
    fn furniture_lines() {
        let cases = [
            ("Skip to main content", Navigation),
            ("Home > Europe > Baltic states", Navigation),
            ("Home | Opinion | Columns", Navigation),
            ("Log in to continue reading", Account),
            ("Sign up for our free morning newsletter", Account),
            ("Already have an account? Sign in here.", Account),
            ("We use cookies to improve your experience", Account),
            ("Share", Share),
            ("Share on Facebook", Share),
            ("Facebook Twitter LinkedIn Email", Share),
            ("Share this article:", Share),
            ("More like this", TeaserHeading),
            ("RELATED STORIES", TeaserHeading),
            ("You may also like", TeaserHeading),
            ("More from Africa", TeaserHeading),
            ("Read more: Floods hit the delta region", Teaser),
            ("Leave a Reply", CommentsHeading),
            ("23 Comments", CommentsHeading),
            ("harbour_view-2.JPG", ImageFile),
            ("IMG_2041.jpeg  Fishermen at dawn", ImageFile),
            ("Photo: Maria Lopez/AFP", Credit),
            ("(AP Photo/Jae C. Hong)", Credit),
            ("Protesters in Lagos. AFP via Getty Images", Credit),
            ("Adapted by Example Daily from AFP 2024-01-02", Credit),
            ("Reporting by Ana Silva; Editing by Tom Brown", Credit),
            ("© 2024 Example Media Group", Credit),
            ("By Amina Yusuf and Lars Berg, Reuters", Byline),
            ("Posted by admin", Byline),
            ("Kofi Mensah, Staff Writer", Byline),
            ("Date:", Byline),
            ("Published 3 hours ago", Timestamp),
            ("5 min read", Timestamp),
            ("1,204 views", Timestamp),
            ("World News", Section),
            ("POLITICS", Section),
            ("Advertisement", Advert),
            ("* * *", Symbols),
            ("×", Symbols),
            ("• Recently Browsing   0 members", Account),
        ];
        for (line, want) in cases {
            assert_eq!(classify(line), Some(want), "{line:?}");
        }
    }

    #[test]
    fn article_text_is_not_furniture() {
        let lines = [
            "The minister said the talks would resume in Nairobi next week.",
            "By the end of the day, the two sides had agreed on a ceasefire.",
            "Farmers share their harvest with neighbouring villages every autumn.",
            "Ministers from both countries met in Geneva",
            "Election results are expected on Monday",
            "The company, which has 3 million subscribers, declined to comment on the report.",
            "Related talks were held in Ankara in 2019.",
            "Popular anger over fuel prices has grown since March.",
            "Central Bank Raises Rates Again",
            // account phrases inside longer words are not account lines
            "Designing better signups for apprentices",
            "Loggers blame the blogin rules",
        ];
        for line in lines {
            assert_eq!(classify(line), None, "{line:?}");
        }
    }

    #[test]
    fn only_teaser_and_comment_headings_start_a_tail() {
        assert!(TeaserHeading.starts_tail());
        assert!(CommentsHeading.starts_tail());
        assert!(!Share.starts_tail());
        assert!(!Teaser.starts_tail());
    }
}
