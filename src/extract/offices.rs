//! Offices and family relations around person mentions: "Kenyan President Ana Wanjiru",
//! "Peru's former Foreign Minister X", "X, the finance minister of Y", "Y's new president, X",
//! "his Malian counterpart, X", "X, sister of Y"; then title-only references ("the Kenyan
//! president") linked to the person who holds that office in the article.

use super::facts::{Label, OfficeFact, RelativeFact};
use super::lexicon::{HONORIFICS, RELATIONS, TITLE_HEADS, TITLE_MODIFIERS};
use super::mentions::Analysis;
use super::tokens::TokKind;

fn is_head(w: &str) -> bool {
    TITLE_HEADS.contains(w.to_lowercase().as_str())
}
fn is_titleish(w: &str) -> bool {
    let l = w.to_lowercase();
    TITLE_HEADS.contains(l.as_str()) || TITLE_MODIFIERS.contains(l.as_str())
}

/// Canonical title text: words as written, except a lone lower-case head stays lower case.
fn title_text(a: &Analysis, from: usize, to: usize) -> String {
    (from..to).map(|k| a.t(k)).collect::<Vec<_>>().join(" ")
}

/// Collects title tokens leftwards from `end` (exclusive). Returns the start, if a head was seen.
fn title_left(a: &Analysis, end: usize, floor: usize) -> Option<usize> {
    let mut j = end;
    let mut head = false;
    while j > floor {
        let k = j - 1;
        if a.mention_at(k).is_some() || a.toks[k].kind != TokKind::Word {
            break;
        }
        let w = a.t(k);
        if is_titleish(w) {
            head |= is_head(w);
            j = k;
        } else if w == "of" && j < end && k > floor && is_titleish(a.t(k - 1)) {
            j = k;
        } else {
            break;
        }
    }
    (head && j < end).then_some(j)
}

/// Country or organisation mention right before token `j` (exclusive), allowing "X's" and
/// "United States (US)". Returns (entity, is_person, start token).
fn owner_before(a: &Analysis, j: usize, floor: usize) -> Option<(usize, bool, usize)> {
    let mut k = j;
    if k > floor && a.t(k - 1) == ")" {
        let mut o = k - 1;
        while o > floor && a.t(o) != "(" {
            o -= 1;
        }
        if k - o <= 3 {
            k = o;
        }
    }
    if k > floor && a.toks[k - 1].kind == TokKind::Poss {
        let m = a.mention_at(k - 2)?;
        let label = a.label(m.entity)?;
        return match label {
            Label::Country | Label::Organization => Some((m.entity, false, m.toks.start)),
            Label::Person => Some((m.entity, true, m.toks.start)),
            Label::Place => {
                // a capital for its country: "Seoul's envoy"
                None
            }
        };
    }
    if k <= floor {
        return None;
    }
    let m = a.mention_at(k - 1)?;
    if m.toks.end != k || m.toks.start < floor {
        return None;
    }
    match a.label(m.entity)? {
        Label::Country | Label::Organization => Some((m.entity, false, m.toks.start)),
        _ => None,
    }
}

/// Finds offices and relatives; adds title-only mentions to `a`.
pub fn find(a: &mut Analysis) -> (Vec<OfficeFact>, Vec<RelativeFact>) {
    let mut offices: Vec<OfficeFact> = Vec::new();
    let mut relatives = Vec::new();
    let mut by_person_owner: Vec<(usize, usize, usize)> = Vec::new(); // (office idx, owner person, _)
    let persons: Vec<(usize, std::ops::Range<usize>)> = a
        .mentions
        .iter()
        .filter(|m| !m.anaphor && a.label(m.entity) == Some(Label::Person))
        .map(|m| (m.entity, m.toks.clone()))
        .collect();
    for (pe, toks) in persons {
        let p = toks.start;
        let Some(si) = a.sentence_of(p) else { continue };
        let sent = a.sentences[si].clone();
        let floor = sent.toks.start;
        // honorific right before the name is not an office
        let mut left = p;
        if left > floor
            && a.t(left - 1) == "."
            && left >= 2
            && HONORIFICS.contains(a.lw(left - 2).as_str())
        {
            left -= 2;
        } else if left > floor
            && HONORIFICS.contains(a.lw(left - 1).as_str())
            && !is_head(a.t(left - 1))
        {
            left -= 1;
        }
        // (1) title before the name; "Ambassador to the United Nations X" takes the body into the title
        let mut body_title: Option<usize> = None;
        if left > floor + 3
            && let Some(m) = a.mention_at(left - 1)
            && m.toks.end == left
            && a.label(m.entity) == Some(Label::Organization)
            && m.toks.start >= floor + 3
            && a.lw(m.toks.start - 1) == "the"
            && matches!(a.lw(m.toks.start - 2).as_str(), "to" | "at")
            && matches!(
                a.lw(m.toks.start - 3).as_str(),
                "ambassador" | "envoy" | "representative" | "delegate" | "observer"
            )
        {
            body_title = title_left(a, m.toks.start - 2, floor);
        }
        if let Some(ts) = body_title.or_else(|| title_left(a, left, floor)) {
            let title = title_text(a, ts, left);
            let mut j = ts;
            let mut former = false;
            let mut of = None;
            let mut owner_person = None;
            let mut start = ts;
            // "President of Kenya X"
            loop {
                if j > floor && matches!(a.lw(j - 1).as_str(), "former" | "then" | "ex" | "late") {
                    former |= a.lw(j - 1) != "then";
                    j -= 1;
                    continue;
                }
                if j > floor
                    && matches!(
                        a.lw(j - 1).as_str(),
                        "new" | "incoming" | "outgoing" | "current" | "sitting"
                    )
                {
                    j -= 1;
                    continue;
                }
                break;
            }
            if let Some((e, is_person, st)) = owner_before(a, j, floor) {
                if is_person {
                    owner_person = Some(e);
                } else {
                    of = Some(e);
                }
                start = st;
                // "former U.S. President"
                if st > floor && a.lw(st - 1) == "former" {
                    former = true;
                }
            }
            let mut end = toks.end;
            // "Defence Minister X of Oman"
            if of.is_none()
                && owner_person.is_none()
                && a.lw(end) == "of"
                && let Some(m) = a.mention_at(end + 1)
                && matches!(
                    a.label(m.entity),
                    Some(Label::Country) | Some(Label::Organization)
                )
                && !m.demonym
            {
                of = Some(m.entity);
                end = m.toks.end;
            }
            let span = a.span(start..end);
            let conf = if of.is_some() { 0.9 } else { 0.7 };
            offices.push(OfficeFact {
                person: pe,
                title,
                of,
                former,
                span,
                confidence: conf,
                rule: "title-before-name",
            });
            if let Some(op) = owner_person {
                by_person_owner.push((offices.len() - 1, op, 0));
            }
            continue;
        }
        // (2a) "Y's sister, X"
        if left > floor + 3
            && a.t(left - 1) == ","
            && RELATIONS.contains(a.lw(left - 2).as_str())
            && a.toks[left - 3].kind == TokKind::Poss
            && let Some(m) = a.mention_at(left - 4).cloned()
            && a.label(m.entity) == Some(Label::Person)
            && m.entity != pe
        {
            relatives.push(RelativeFact {
                person: pe,
                relation: a.lw(left - 2),
                of: m.entity,
                span: a.span(m.toks.start..toks.end),
                confidence: 0.8,
                rule: "possessive-relative",
            });
            continue;
        }
        // (2) apposition before the name: "Ghana's new president, X" / "his Malian counterpart, X"
        if left > floor + 1 && a.t(left - 1) == "," {
            let end = left - 1;
            if let Some(ts) = title_left(a, end, floor) {
                let head = a.lw(end - 1);
                let mut j = ts;
                while j > floor
                    && matches!(
                        a.lw(j - 1).as_str(),
                        "new" | "former" | "incoming" | "current"
                    )
                {
                    j -= 1;
                }
                let owner = owner_before(a, j, floor);
                let mut title = title_text(a, ts, end);
                let mut ok = owner.is_some();
                if head == "counterpart" {
                    // copy the title of the person "his"/"her" refers to: the last one named before it
                    let owner_person = (floor..ts)
                        .rev()
                        .filter_map(|k| a.mention_at(k))
                        .find(|m| a.label(m.entity) == Some(Label::Person) && m.entity != pe)
                        .map(|m| m.entity);
                    let subj = offices
                        .iter()
                        .rev()
                        .find(|o| Some(o.person) == owner_person);
                    match subj {
                        Some(o) => title = o.title.clone(),
                        None => ok = false,
                    }
                }
                if ok && let Some((e, is_person, st)) = owner {
                    let span = a.span(st..toks.end);
                    let former = j < ts && a.lw(j) == "former";
                    if is_person {
                        offices.push(OfficeFact {
                            person: pe,
                            title,
                            of: None,
                            former,
                            span,
                            confidence: 0.6,
                            rule: "apposition-before",
                        });
                        by_person_owner.push((offices.len() - 1, e, 0));
                    } else {
                        offices.push(OfficeFact {
                            person: pe,
                            title,
                            of: Some(e),
                            former,
                            span,
                            confidence: 0.8,
                            rule: if head == "counterpart" {
                                "counterpart"
                            } else {
                                "apposition-before"
                            },
                        });
                    }
                    continue;
                }
            }
        }
        // (3) apposition after the name: "X, (the) [former] [Kenyan] deputy minister of Y,"
        let mut q = toks.end;
        if q < sent.toks.end && a.t(q) == "," {
            q += 1;
            let st = q;
            let mut former = false;
            while q < sent.toks.end
                && matches!(
                    a.lw(q).as_str(),
                    "the"
                        | "a"
                        | "an"
                        | "its"
                        | "his"
                        | "her"
                        | "former"
                        | "then"
                        | "powerful"
                        | "influential"
                        | "younger"
                        | "elder"
                        | "older"
                        | "late"
                        | "new"
                        | "current"
                )
            {
                former |= a.lw(q) == "former";
                q += 1;
            }
            // relatives
            if RELATIONS.contains(a.lw(q).as_str()) && a.lw(q + 1) == "of" {
                let rel = a.lw(q);
                let mut r = q + 2;
                while is_titleish(a.t(r)) || a.lw(r) == "the" {
                    r += 1;
                }
                if let Some(m) = a.mention_at(r).cloned() {
                    if a.label(m.entity) == Some(Label::Person) {
                        relatives.push(RelativeFact {
                            person: pe,
                            relation: rel,
                            of: m.entity,
                            span: a.span(toks.start..m.toks.end),
                            confidence: 0.85,
                            rule: "apposition-relative",
                        });
                        continue;
                    }
                    // "sister of Ghana's president": resolved after title references
                    if matches!(a.label(m.entity), Some(Label::Country)) {
                        r = m.toks.end;
                        if a.toks.get(r).is_some_and(|t| t.kind == TokKind::Poss) {
                            r += 1;
                        }
                        let hs = r;
                        while is_titleish(a.t(r)) {
                            r += 1;
                        }
                        if r > hs {
                            let head = a.lw(r - 1);
                            let holder = offices
                                .iter()
                                .find(|o| {
                                    o.of == Some(m.entity)
                                        && o.title.to_lowercase().ends_with(&head)
                                        && o.person != pe
                                })
                                .map(|o| o.person);
                            if let Some(h) = holder {
                                relatives.push(RelativeFact {
                                    person: pe,
                                    relation: rel,
                                    of: h,
                                    span: a.span(toks.start..r),
                                    confidence: 0.7,
                                    rule: "apposition-relative-title",
                                });
                            }
                        }
                    }
                }
                continue;
            }
            let mut of = None;
            if let Some(m) = a.mention_at(q).cloned()
                && matches!(
                    a.label(m.entity),
                    Some(Label::Country) | Some(Label::Organization)
                )
            {
                of = Some(m.entity);
                q = m.toks.end;
                if a.toks.get(q).is_some_and(|t| t.kind == TokKind::Poss) {
                    q += 1;
                }
            }
            let ts = q;
            while q < sent.toks.end
                && (is_titleish(a.t(q)) || (a.lw(q) == "of" && q > ts && is_titleish(a.t(q + 1))))
            {
                q += 1;
            }
            if q > ts && (ts..q).any(|k| is_head(a.t(k))) {
                let mut title_end = q;
                while title_end > ts
                    && !is_head(a.t(title_end - 1))
                    && !TITLE_MODIFIERS.contains(a.lw(title_end - 1).as_str())
                {
                    title_end -= 1;
                }
                let title = title_text(a, ts, title_end);
                if a.lw(q) == "of" {
                    let mut r = q + 1;
                    if a.lw(r) == "the" {
                        r += 1;
                    }
                    if let Some(m) = a.mention_at(r).cloned()
                        && matches!(
                            a.label(m.entity),
                            Some(Label::Country) | Some(Label::Organization)
                        )
                    {
                        of = Some(m.entity);
                        q = m.toks.end;
                    }
                }
                let _ = st;
                offices.push(OfficeFact {
                    person: pe,
                    title,
                    of,
                    former,
                    span: a.span(toks.start..q),
                    confidence: if of.is_some() { 0.85 } else { 0.6 },
                    rule: "apposition-after",
                });
            }
        }
    }
    // offices owned through a person ("Amina's chief of staff"): that person's country
    for (oi, owner, _) in by_person_owner {
        let c = offices
            .iter()
            .find(|o| o.person == owner && o.of.is_some())
            .and_then(|o| o.of);
        if let Some(o) = offices.get_mut(oi)
            && o.of.is_none()
        {
            o.of = c;
        }
    }
    title_references(a, &offices);
    (offices, relatives)
}

/// "the Kenyan president", "Peru's leader": a mention of the article's holder of that office.
fn title_references(a: &mut Analysis, offices: &[OfficeFact]) {
    let mut adds = Vec::new();
    for si in 0..a.sentences.len() {
        let r = a.sentences[si].toks.clone();
        for k in r.clone() {
            if !is_head(a.t(k)) || a.mention_at(k).is_some() {
                continue;
            }
            // not followed by a name
            if a.mention_at(k + 1)
                .is_some_and(|m| a.label(m.entity) == Some(Label::Person))
            {
                continue;
            }
            let Some((c, _, st)) = owner_before(a, k, r.start) else {
                continue;
            };
            if a.label(c) != Some(Label::Country) {
                continue;
            }
            let head = a.lw(k);
            let holders: Vec<usize> = {
                let mut v: Vec<usize> = offices
                    .iter()
                    .filter(|o| {
                        o.of == Some(c)
                            && !o.former
                            && o.title.to_lowercase().split_whitespace().last()
                                == Some(head.as_str())
                    })
                    .map(|o| o.person)
                    .collect();
                v.sort();
                v.dedup();
                v
            };
            if holders.len() == 1 {
                adds.push((holders[0], st..k + 1));
            }
        }
    }
    for (e, toks) in adds {
        a.add_mention(e, toks, "title-reference", false, true);
    }
    a.reindex();
}
