//! Mentions: gazetteer matches (countries, demonyms, capitals, places, bodies, agencies),
//! capitalised name runs classified as organisations, places or people (with titles stripped),
//! and in-document coreference of surname-only mentions to the person they most recently named.

use super::facts::{DocEntity, Label, Mention};
use super::gazetteer::{GAZETTEER, GazHit, GazKind};
use super::lexicon::{
    COMMON_CAPS, HONORIFICS, ORG_HEADS, PLACE_HEADS, PLACE_PREFIXES, SPEECH_VERBS, TITLE_HEADS,
    TITLE_MODIFIERS, month_number,
};
use super::prep::Layout;
use super::quotes_span::{QuoteSpan, quote_spans};
use super::tokens::{Tok, TokKind, tokenize};
use crate::graph::fold_name;
use chrono::NaiveDate;
use foldhash::{HashMap, HashMapExt, HashSet};
use std::ops::Range;

/// A sentence: byte range, token range, paragraph index, and whether it reads like a headline.
#[derive(Debug, Clone)]
pub struct Sentence {
    pub range: Range<usize>,
    pub toks: Range<usize>,
    pub para: usize,
    pub headline: bool,
}

/// The analysed document shared by the fact rules.
pub struct Analysis<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
    pub sentences: Vec<Sentence>,
    /// Quotations, by paragraph.
    pub quotes: Vec<Vec<QuoteSpan>>,
    pub in_quote: Vec<bool>,
    pub entities: Vec<DocEntity>,
    pub mentions: Vec<Mention>,
    /// Token -> mention covering it.
    pub tok_mention: Vec<Option<usize>>,
    pub doc_date: Option<NaiveDate>,
    /// Lower-case name parts of each person entity (for surname matching).
    pub person_parts: HashMap<usize, Vec<String>>,
    ent_index: HashMap<(Label, String), usize>,
}

const OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "but",
    "however",
    "meanwhile",
    "still",
    "also",
    "yet",
    "so",
    "then",
    "while",
    "when",
    "after",
    "before",
    "since",
    "as",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "despite",
    "during",
    "adding",
    "according",
    "under",
    "new",
    "former",
    "if",
    "this",
    "that",
    "both",
    "between",
    "among",
];

const CONNECTORS: &[&str] = &[
    "of", "de", "del", "da", "dos", "das", "van", "von", "bin", "bint", "al", "el", "la", "le",
    "du", "di", "der",
];

const COMPANY_NOUNS: &[&str] = &[
    "companies",
    "firms",
    "brands",
    "corporations",
    "conglomerates",
    "automakers",
    "carmakers",
    "banks",
    "lenders",
    "manufacturers",
    "chaebols",
    "giants",
    "startups",
    "insurers",
    "miners",
    "airlines",
    "retailers",
];

const COMPANY_AFTER: &[&str] = &[
    "plant",
    "factory",
    "shipyard",
    "subsidiary",
    "facility",
    "executives",
    "shares",
    "stock",
    "employees",
    "headquarters",
    "chief",
    "affiliate",
    "mine",
    "refinery",
    "plants",
    "factories",
    "workers",
    "brand",
];

impl<'a> Analysis<'a> {
    /// Tokenizes the layout's paragraphs and finds every entity mention.
    pub fn new(text: &'a str, layout: &Layout) -> Analysis<'a> {
        let mut a = Analysis {
            text,
            toks: Vec::new(),
            sentences: Vec::new(),
            quotes: Vec::new(),
            in_quote: Vec::new(),
            entities: Vec::new(),
            mentions: Vec::new(),
            tok_mention: Vec::new(),
            doc_date: layout.doc_date(),
            person_parts: HashMap::new(),
            ent_index: HashMap::new(),
        };
        for (pi, p) in layout.paragraphs.iter().enumerate() {
            a.quotes.push(quote_spans(text, p.range.clone()));
            for s in &p.sentences {
                let t0 = a.toks.len();
                tokenize(text, s.clone(), &mut a.toks);
                let t1 = a.toks.len();
                let words: Vec<&Tok> = a.toks[t0..t1]
                    .iter()
                    .filter(|t| t.kind == TokKind::Word)
                    .collect();
                let caps = words.iter().filter(|t| t.is_cap(text)).count();
                let ended = text[s.clone()]
                    .trim_end()
                    .ends_with(['.', '!', '?', '"', '\u{201d}', ':']);
                let headline = !ended && words.len() >= 4 && caps * 10 >= words.len() * 7;
                a.sentences.push(Sentence {
                    range: s.clone(),
                    toks: t0..t1,
                    para: pi,
                    headline,
                });
            }
        }
        a.in_quote = vec![false; a.toks.len()];
        for s in &a.sentences {
            let Some(qs) = a.quotes.get(s.para) else {
                continue;
            };
            for i in s.toks.clone() {
                let t = a.toks[i];
                a.in_quote[i] = qs
                    .iter()
                    .any(|q| q.inner.start <= t.start && t.end <= q.inner.end);
            }
        }
        a.tok_mention = vec![None; a.toks.len()];
        a.find_mentions(layout);
        a
    }

    /// Token text.
    pub fn t(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }
    /// Lower-cased token text.
    pub fn lw(&self, i: usize) -> String {
        self.t(i).to_lowercase()
    }
    /// Whether token `i` is a word starting with a capital.
    pub fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_cap(self.text))
    }
    /// The sentence containing token `i`.
    pub fn sentence_of(&self, i: usize) -> Option<usize> {
        let idx = self.sentences.partition_point(|s| s.toks.end <= i);
        (idx < self.sentences.len()).then_some(idx)
    }
    /// Byte span of a token range.
    pub fn span(&self, toks: Range<usize>) -> Range<usize> {
        let s = self.toks.get(toks.start).map_or(0, |t| t.start);
        let e = toks
            .end
            .checked_sub(1)
            .and_then(|i| self.toks.get(i))
            .map_or(s, |t| t.end);
        s..e
    }
    /// The mention at token `i`, if any.
    pub fn mention_at(&self, i: usize) -> Option<&Mention> {
        self.tok_mention
            .get(i)
            .copied()
            .flatten()
            .and_then(|m| self.mentions.get(m))
    }
    /// The label of entity `e`.
    pub fn label(&self, e: usize) -> Option<Label> {
        self.entities.get(e).map(|x| x.label)
    }

    fn entity(
        &mut self,
        label: Label,
        key: String,
        name: &str,
        gaz: Option<usize>,
        rule: &'static str,
        conf: f32,
    ) -> usize {
        if let Some(&e) = self.ent_index.get(&(label, key.clone())) {
            return e;
        }
        let id = self.entities.len();
        self.entities.push(DocEntity {
            label,
            name: name.to_string(),
            aliases: Vec::new(),
            gaz,
            confidence: conf,
            rule,
            count: 0,
            spans: Vec::new(),
        });
        self.ent_index.insert((label, key), id);
        id
    }

    /// Records a mention of entity `e` over tokens `toks`.
    pub fn add_mention(
        &mut self,
        e: usize,
        toks: Range<usize>,
        rule: &'static str,
        demonym: bool,
        anaphor: bool,
    ) -> usize {
        let span = self.span(toks.clone());
        let surface = self.text.get(span.clone()).unwrap_or("").to_string();
        let in_quote = self.in_quote.get(toks.start).copied().unwrap_or(false);
        let m = self.mentions.len();
        self.mentions.push(Mention {
            span: span.clone(),
            toks: toks.clone(),
            entity: e,
            rule,
            demonym,
            anaphor,
            in_quote,
        });
        for i in toks {
            if let Some(slot) = self.tok_mention.get_mut(i) {
                *slot = Some(m);
            }
        }
        if let Some(ent) = self.entities.get_mut(e) {
            ent.count += 1;
            if !anaphor {
                ent.spans.push(span);
                if !ent.aliases.contains(&surface) && !surface.is_empty() {
                    ent.aliases.push(surface);
                }
            }
        }
        m
    }

    fn find_mentions(&mut self, layout: &Layout) {
        let text = self.text;
        // lower-case vocabulary of the document: a capitalised word also used in lower case is a common word
        let lower: HashSet<String> = self
            .toks
            .iter()
            .filter(|t| t.kind == TokKind::Word && !t.is_cap(text))
            .map(|t| t.text(text).to_string())
            .collect();
        // gazetteer hits, aligned to tokens
        let mut hits: Vec<GazHit> = Vec::new();
        for p in &layout.paragraphs {
            GAZETTEER.find(text, p.range.clone(), &mut hits);
        }
        let mut gaz_tok: Vec<Option<(usize, Range<usize>)>> = vec![None; self.toks.len()];
        let mut hit_toks: Vec<(GazHit, Range<usize>)> = Vec::new();
        for h in hits {
            let s = self.toks.partition_point(|t| t.start < h.start);
            let mut e = s;
            while e < self.toks.len() && self.toks[e].end <= h.end {
                e += 1;
            }
            if s >= e || self.toks[s].start != h.start || self.toks[e - 1].end != h.end {
                continue;
            }
            let hi = hit_toks.len();
            for slot in gaz_tok.iter_mut().take(e).skip(s) {
                *slot = Some((hi, s..e));
            }
            hit_toks.push((h, s..e));
        }
        let us_named = hit_toks.iter().any(|(h, _)| {
            GAZETTEER
                .candidates(h)
                .iter()
                .any(|&c| GAZETTEER.entries[c].name == "United States")
        });
        let georgian = hit_toks.iter().any(|(h, _)| {
            let t = &text[h.start..h.end];
            t.starts_with("Georgian") || t == "Tbilisi"
        });
        let gkind = |gaz_tok: &Vec<Option<(usize, Range<usize>)>>, i: usize| -> Option<GazKind> {
            gaz_tok.get(i).cloned().flatten().and_then(|(hi, _)| {
                hit_toks.get(hi).and_then(|(h, _)| {
                    GAZETTEER
                        .candidates(h)
                        .first()
                        .map(|&c| GAZETTEER.entries[c].kind)
                })
            })
        };
        let mut claimed = vec![false; self.toks.len()];
        // capitalised runs
        struct PersonCand {
            toks: Range<usize>,
            titled: bool,
            headline: bool,
        }
        let mut persons: Vec<PersonCand> = Vec::new();
        let mut orgs: Vec<(Range<usize>, &'static str)> = Vec::new();
        let mut places: Vec<(Range<usize>, &'static str)> = Vec::new();
        let is_title = |w: &str| {
            let l = w.to_lowercase();
            let l = l.trim_end_matches('.');
            TITLE_HEADS.contains(l) || HONORIFICS.contains(l)
        };
        let is_title_word = |w: &str| {
            let l = w.to_lowercase();
            let l = l.trim_end_matches('.');
            TITLE_HEADS.contains(l) || HONORIFICS.contains(l) || TITLE_MODIFIERS.contains(l)
        };
        for si in 0..self.sentences.len() {
            let sent = self.sentences[si].clone();
            let mut i = sent.toks.start;
            while i < sent.toks.end {
                if !self.cap(i) {
                    i += 1;
                    continue;
                }
                // build the run
                let a = i;
                let mut b = i + 1;
                loop {
                    if b < sent.toks.end && self.cap(b) {
                        b += 1;
                    } else if b + 1 < sent.toks.end
                        && self.cap(b + 1)
                        && ((self.toks[b].kind == TokKind::Word && CONNECTORS.contains(&self.t(b)))
                            || (self.toks[b].kind == TokKind::Poss
                                && !self.t(b).ends_with(['s', 'S'])))
                    {
                        b += 2;
                    } else {
                        break;
                    }
                }
                i = b;
                let run: Vec<usize> = (a..b).collect();
                let lws: Vec<String> = run.iter().map(|&k| self.lw(k)).collect();
                let whole_gaz = gaz_tok[a]
                    .as_ref()
                    .is_some_and(|(_, r)| r.start == a && r.end == b);
                if whole_gaz {
                    continue;
                }
                // strip openers
                let mut s = 0;
                while s < run.len() && (OPENERS.contains(&lws[s].as_str())) {
                    s += 1;
                }
                if s >= run.len() {
                    continue;
                }
                let has_title = lws.iter().any(|w| TITLE_HEADS.contains(w.as_str()));
                // organisations: a run ending on (or containing) an organisation head word
                let org_head = (s..run.len())
                    .rev()
                    .find(|&k| ORG_HEADS.contains(lws[k].as_str()) && gaz_tok[run[k]].is_none());
                if let Some(k) = org_head
                    && run.len() - s >= 2
                {
                    // cut before a title or a person after the head ("Group Chairman Kim")
                    let mut e = run.len();
                    for (j, &tok) in run.iter().enumerate().skip(k + 1) {
                        if is_title(self.t(tok)) {
                            e = j;
                            break;
                        }
                    }
                    // skip leading title words ("President ... Party" is rare) and generic country+head
                    let generic = (s..k)
                        .all(|j| matches!(gkind(&gaz_tok, run[j]), Some(GazKind::Country)))
                        && k + 1 == e;
                    if !generic && e - s >= 2 {
                        let r = run[s]..run[e - 1] + 1;
                        for c in claimed.iter_mut().take(r.end).skip(r.start) {
                            *c = true;
                        }
                        orgs.push((r, "org-head"));
                        if e < run.len() {
                            i = run[e];
                        }
                        continue;
                    }
                }
                // a gazetteer organisation continued by capitalised words is a different body ("X Now")
                if matches!(
                    gkind(&gaz_tok, a),
                    Some(GazKind::Organization) | Some(GazKind::Agency)
                ) {
                    let gend = gaz_tok[a].as_ref().map_or(a, |(_, r)| r.end);
                    if gend + 1 == b
                        && (gend..b).all(|j| gaz_tok[j].is_none() && !is_title_word(self.t(j)))
                    {
                        for c in claimed.iter_mut().take(b).skip(a) {
                            *c = true;
                        }
                        orgs.push((a..b, "org-extended"));
                        continue;
                    }
                }
                // places: head word at the end or prefix word at the start
                let last = run.len() - 1;
                let place = !has_title
                    && run.len() - s >= 2
                    && ((PLACE_HEADS.contains(lws[last].as_str()) && gaz_tok[run[last]].is_none())
                        || (PLACE_PREFIXES.contains(lws[s].as_str())
                            && gaz_tok[run[s + 1]].is_none()));
                if place {
                    let r = run[s]..b;
                    if !(r.start..r.end).all(|j| gaz_tok[j].is_some()) {
                        for c in claimed.iter_mut().take(r.end).skip(r.start) {
                            *c = true;
                        }
                        places.push((r, "place-head"));
                        continue;
                    }
                }
                // people: skip titles, common words and gazetteer words, then take the name-like tokens
                let name_like = |k: usize| -> bool {
                    let w = self.t(k);
                    let l = w.to_lowercase();
                    self.toks[k].kind == TokKind::Word
                        && self.cap(k)
                        && gaz_tok[k].is_none()
                        && !COMMON_CAPS.contains(l.as_str())
                        && !is_title_word(w)
                        && month_number(w).is_none()
                        && !lower.contains(&l)
                        && !(w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.'))
                        && w.chars()
                            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '\u{2019}')
                };
                let mut j = s;
                while j < run.len() {
                    if !name_like(run[j]) {
                        j += 1;
                        continue;
                    }
                    let st = j;
                    while j < run.len() && name_like(run[j]) {
                        j += 1;
                    }
                    let prev = if st > 0 {
                        Some(run[st - 1])
                    } else {
                        run[0].checked_sub(1)
                    };
                    let titled = prev.is_some_and(|p| {
                        let w = self.t(p);
                        is_title(w)
                            || (w == "." && p > 0 && HONORIFICS.contains(self.lw(p - 1).as_str()))
                    });
                    if j - st <= 4 {
                        persons.push(PersonCand {
                            toks: run[st]..run[j - 1] + 1,
                            titled,
                            headline: sent.headline,
                        });
                    }
                }
            }
        }
        // company lists: "companies like A, B and C"; "a Hyundai plant"
        for si in 0..self.sentences.len() {
            let r = self.sentences[si].toks.clone();
            for k in r.clone() {
                let l = self.lw(k);
                if COMPANY_NOUNS.contains(&l.as_str()) {
                    let mut j = k + 1;
                    if self.lw(j) == "like" || self.lw(j) == "including" || self.t(j) == ":" {
                        j += 1;
                    } else if self.lw(j) == "such" && self.lw(j + 1) == "as" {
                        j += 2;
                    } else {
                        continue;
                    }
                    while j < r.end {
                        if self.cap(j) {
                            let st = j;
                            while j < r.end && self.cap(j) {
                                j += 1;
                            }
                            if gaz_tok[st].is_none() {
                                orgs.push((st..j, "company-list"));
                                for c in claimed.iter_mut().take(j).skip(st) {
                                    *c = true;
                                }
                            }
                            continue;
                        }
                        if matches!(self.t(j), "," | "and" | "&") {
                            j += 1;
                            continue;
                        }
                        break;
                    }
                }
                if self.cap(k)
                    && !self.cap(k + 1)
                    && COMPANY_AFTER.contains(&self.lw(k + 1).as_str())
                    && gaz_tok[k].is_none()
                    && !claimed[k]
                    && k > r.start
                    && matches!(
                        self.lw(k - 1).as_str(),
                        "a" | "an" | "the" | "its" | "his" | "her" | "their"
                    )
                    && !COMMON_CAPS.contains(self.lw(k).as_str())
                    && !lower.contains(&self.lw(k))
                {
                    orgs.push((k..k + 1, "company-context"));
                    claimed[k] = true;
                }
            }
        }
        // gazetteer mentions not inside a longer name
        for (h, r) in &hit_toks {
            if r.clone().any(|j| claimed[j]) {
                continue;
            }
            let cands = GAZETTEER.candidates(h);
            let pick = if cands.len() > 1 {
                // "Georgia": the U.S. state when the article is about the United States
                let want_place = us_named && !georgian;
                cands
                    .iter()
                    .copied()
                    .find(|&c| (GAZETTEER.entries[c].kind == GazKind::Place) == want_place)
                    .or(cands.first().copied())
            } else {
                cands.first().copied()
            };
            let Some(g) = pick else { continue };
            let entry = &GAZETTEER.entries[g];
            // a region naming an event ("the Asia-Pacific summit") is not a place mention
            if entry.category == "region"
                && matches!(
                    self.lw(r.end).as_str(),
                    "summit" | "forum" | "conference" | "talks" | "meeting"
                )
            {
                continue;
            }
            // "northeast Asia": a compass word in lower case makes a smaller region
            if entry.category == "region"
                && r.start > 0
                && matches!(
                    self.lw(r.start - 1).as_str(),
                    "north"
                        | "south"
                        | "east"
                        | "west"
                        | "northeast"
                        | "northwest"
                        | "southeast"
                        | "southwest"
                        | "northern"
                        | "southern"
                        | "eastern"
                        | "western"
                        | "central"
                )
                && !self.cap(r.start - 1)
            {
                let w = self.lw(r.start - 1);
                let mut name: String = w
                    .chars()
                    .next()
                    .map(|c| c.to_uppercase().collect())
                    .unwrap_or_default();
                name.push_str(&w[1..]);
                name.push(' ');
                name.push_str(&entry.name);
                let e = self.entity(
                    Label::Place,
                    fold_name(&name),
                    &name,
                    None,
                    "compass-region",
                    0.8,
                );
                self.add_mention(e, r.start - 1..r.end, "compass-region", false, false);
                continue;
            }
            let label = match entry.kind {
                GazKind::Country => Label::Country,
                GazKind::Capital | GazKind::Place => Label::Place,
                GazKind::Organization | GazKind::Agency => Label::Organization,
            };
            let e = self.entity(
                label,
                format!("gaz:{g}"),
                &entry.name.clone(),
                Some(g),
                "gazetteer",
                0.95,
            );
            self.add_mention(
                e,
                r.clone(),
                if h.demonym {
                    "gazetteer-demonym"
                } else {
                    "gazetteer"
                },
                h.demonym,
                false,
            );
        }
        for (r, rule) in orgs {
            let name = self.text[self.span(r.clone())].to_string();
            let key = fold_name(&name);
            let e = self.entity(Label::Organization, key, &name, None, rule, 0.75);
            self.add_mention(e, r, rule, false, false);
        }
        for (r, rule) in places {
            let name = self.text[self.span(r.clone())].to_string();
            let key = fold_name(&name);
            let e = self.entity(Label::Place, key, &name, None, rule, 0.75);
            self.add_mention(e, r, rule, false, false);
        }
        // people: full names first (clusters), then single names by most recent full mention
        let mut full_positions: Vec<(usize, usize)> = Vec::new(); // (token, entity)
        for p in persons.iter().filter(|p| p.toks.len() >= 2) {
            let name = self.text[self.span(p.toks.clone())].to_string();
            let key = fold_name(&name);
            if p.headline && !self.ent_index.contains_key(&(Label::Person, key.clone())) {
                continue;
            }
            let conf = if p.titled { 0.9 } else { 0.75 };
            let e = self.entity(
                Label::Person,
                key,
                &name,
                None,
                if p.titled { "title+name" } else { "full-name" },
                conf,
            );
            let parts: Vec<String> = p.toks.clone().map(|k| fold_name(self.t(k))).collect();
            let entry = self.person_parts.entry(e).or_default();
            for part in parts {
                for sub in part.split(' ') {
                    if !entry.iter().any(|x| x == sub) {
                        entry.push(sub.to_string());
                    }
                }
            }
            full_positions.push((p.toks.start, e));
            self.add_mention(
                e,
                p.toks.clone(),
                if p.titled { "title+name" } else { "full-name" },
                false,
                false,
            );
        }
        // keep the longest surface form as the name
        for (_, e) in &full_positions {
            if let Some(ent) = self.entities.get_mut(*e)
                && let Some(best) = ent
                    .aliases
                    .iter()
                    .max_by_key(|a| a.split_whitespace().count())
                    .cloned()
            {
                ent.name = best;
            }
        }
        // full-name positions by first and last name part, sorted by position, so a surname
        // finds the nearest full name before (else after) it by binary search, not by scanning
        // every full name of the document
        let mut by_part: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for &(pos, e) in &full_positions {
            index_name_position(&mut by_part, &self.person_parts, pos, e);
        }
        for p in persons.iter().filter(|p| p.toks.len() == 1) {
            let k = p.toks.start;
            let f = fold_name(self.t(k));
            let (before, after) = by_part.get(&f).map_or((None, None), |list| {
                let at = list.partition_point(|&(pos, _)| pos < k);
                let past = list.partition_point(|&(pos, _)| pos <= k);
                (
                    at.checked_sub(1).and_then(|i| list.get(i)).map(|x| x.1),
                    list.get(past).map(|x| x.1),
                )
            });
            let target = before.or(after);
            match target {
                Some(e) => {
                    self.add_mention(e, k..k + 1, "surname-coref", false, false);
                }
                None => {
                    let speaker = SPEECH_VERBS.contains(self.lw(k + 1).as_str())
                        || (k > 0 && SPEECH_VERBS.contains(self.lw(k - 1).as_str()));
                    if (p.titled || speaker) && !p.headline {
                        let name = self.t(k).to_string();
                        let e = self.entity(
                            Label::Person,
                            f.clone(),
                            &name,
                            None,
                            if p.titled {
                                "title+name"
                            } else {
                                "speaker-name"
                            },
                            0.6,
                        );
                        self.person_parts
                            .entry(e)
                            .or_insert_with(|| vec![f.clone()]);
                        full_positions.push((k, e));
                        index_name_position(&mut by_part, &self.person_parts, k, e);
                        self.add_mention(e, k..k + 1, "single-name", false, false);
                    }
                }
            }
        }
        self.mentions.sort_by_key(|m| m.span.start);
        for slot in self.tok_mention.iter_mut() {
            *slot = None;
        }
        for (mi, m) in self.mentions.iter().enumerate() {
            for i in m.toks.clone() {
                if let Some(slot) = self.tok_mention.get_mut(i) {
                    *slot = Some(mi);
                }
            }
        }
    }

    /// Re-sorts mentions after rules added anaphoric ones.
    pub fn reindex(&mut self) {
        self.mentions.sort_by_key(|m| m.span.start);
        for slot in self.tok_mention.iter_mut() {
            *slot = None;
        }
        for (mi, m) in self.mentions.iter().enumerate() {
            for i in m.toks.clone() {
                if let Some(slot) = self.tok_mention.get_mut(i) {
                    *slot = Some(mi);
                }
            }
        }
    }

    /// Mentions whose first token lies in `toks`, in order.
    pub fn mentions_in(&self, toks: Range<usize>) -> impl Iterator<Item = &Mention> + '_ {
        let lo = self.mentions.partition_point(|m| m.toks.start < toks.start);
        self.mentions[lo..]
            .iter()
            .take_while(move |m| m.toks.start < toks.end)
    }
}

/// Files person `e`'s full-name position under the first and the last part of its name.
fn index_name_position(
    by_part: &mut HashMap<String, Vec<(usize, usize)>>,
    parts: &HashMap<usize, Vec<String>>,
    pos: usize,
    e: usize,
) {
    let Some(v) = parts.get(&e) else { return };
    let (Some(first), Some(last)) = (v.first(), v.last()) else {
        return;
    };
    let keys = if first == last {
        vec![first]
    } else {
        vec![first, last]
    };
    for key in keys {
        let list = by_part.entry(key.clone()).or_default();
        let at = list.partition_point(|&(p, _)| p <= pos);
        list.insert(at, (pos, e));
    }
}
