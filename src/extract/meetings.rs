//! Meetings: trigger verbs and nouns (met, talks, summit, hosted, visit, call, luncheon, forum),
//! participants (subject and object, "between X and Y", "X–Y summit", "their summit"), place
//! ("in"/"at" a place), date (nearest date expression), status (tense and modality), then one
//! fact per event in the document.

use super::dates::{DateExpr, find_dates};
use super::facts::{Label, MeetingFact, Status};
use super::lexicon::SPEECH_VERBS;
use super::mentions::Analysis;
use chrono::Datelike;
use foldhash::HashMap;

/// Pure reporting verbs: what follows them is reported speech, not the clause of their subject.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "wrote",
    "argued",
    "noted",
    "stressed",
    "explained",
];

const TRIGGERS: &[&str] = &[
    "sat",
    "met",
    "meet",
    "meets",
    "meeting",
    "meetings",
    "hosted",
    "hosting",
    "hosts",
    "visited",
    "visiting",
    "talks",
    "summit",
    "summits",
    "call",
    "luncheon",
    "dinner",
    "forum",
    "conference",
];
const PROPOSED: &[&str] = &[
    "propose",
    "proposed",
    "proposes",
    "proposing",
    "proposal",
    "desire",
    "want",
    "wants",
    "wanted",
    "wish",
    "wishes",
    "like",
    "hope",
    "hopes",
    "hoped",
    "seek",
    "seeks",
    "seeking",
    "urge",
    "urged",
    "urges",
    "intention",
    "intends",
    "intend",
    "willing",
    "willingness",
    "could",
    "might",
    "possible",
    "possibly",
    "potential",
    "pursue",
    "pursuing",
    "offer",
    "offered",
    "invite",
    "invited",
    "suggest",
    "suggested",
    "eager",
    "keen",
    "push",
    "unlikely",
    "facilitating",
];
const PLANNED: &[&str] = &[
    "will",
    "shall",
    "expected",
    "expects",
    "plan",
    "plans",
    "planned",
    "planning",
    "scheduled",
    "set",
    "upcoming",
    "forthcoming",
    "next",
    "prepares",
    "preparing",
    "attend",
    "later",
    "due",
];
const HELD: &[&str] = &["met", "hosted", "held", "visited"];

fn is_person(a: &Analysis, k: usize) -> Option<usize> {
    let m = a.mention_at(k)?;
    (!m.in_quote && a.label(m.entity) == Some(Label::Person)).then_some(m.entity)
}

/// Persons named in a token range (outside quotes), in order.
fn persons_in(a: &Analysis, r: std::ops::Range<usize>) -> Vec<usize> {
    let mut v = Vec::new();
    for m in a.mentions_in(r) {
        if !m.in_quote && a.label(m.entity) == Some(Label::Person) && !v.contains(&m.entity) {
            v.push(m.entity);
        }
    }
    v
}

/// A person starting at or after `k` (skipping title words and "with"), plus "and Y".
fn person_group(a: &Analysis, mut k: usize, end: usize) -> (Vec<usize>, usize) {
    let mut out = Vec::new();
    let mut steps = 0;
    while k < end && steps < 10 {
        if let Some(e) = is_person(a, k) {
            out.push(e);
            k = a.mention_at(k).map_or(k + 1, |m| m.toks.end);
            if k < end && a.lw(k) == "and" {
                k += 1;
                steps = 2;
                continue;
            }
            break;
        }
        if matches!(a.lw(k).as_str(), "he" | "she") && out.is_empty() {
            if let Some(e) = pronoun(a, k) {
                out.push(e);
            }
            break;
        }
        if SPEECH_VERBS.contains(a.lw(k).as_str())
            || super::lexicon::month_number(a.t(k)).is_some() && k > 0 && a.lw(k - 1) == "in"
        {
            break;
        }
        k += 1;
        steps += 1;
    }
    (out, k)
}

fn pronoun(a: &Analysis, k: usize) -> Option<usize> {
    let si = a.sentence_of(k)?;
    let s0 = a.sentences[si].toks.start;
    if let Some(e) = persons_in(a, s0..k).last() {
        return Some(*e);
    }
    (si.saturating_sub(2)..si)
        .rev()
        .find_map(|j| persons_in(a, a.sentences[j].toks.clone()).first().copied())
}

/// Finds the meetings of the document (merged per event).
pub fn find(a: &Analysis) -> Vec<MeetingFact> {
    let mut facts: Vec<MeetingFact> = Vec::new();
    for si in 0..a.sentences.len() {
        let sent = a.sentences[si].clone();
        if sent.headline {
            continue;
        }
        let r = sent.toks.clone();
        let triggers: Vec<usize> = r
            .clone()
            .filter(|&k| {
                !a.in_quote[k] && TRIGGERS.contains(&a.lw(k).as_str()) && a.mention_at(k).is_none()
            })
            .filter(|&k| match a.lw(k).as_str() {
                "sat" => a.lw(k + 1) == "down",
                "call" => {
                    matches!(a.lw(k - 1).as_str(), "phone" | "telephone" | "video")
                        || a.lw(k + 1) == "with"
                }
                "conference" => {
                    matches!(a.lw(k - 1).as_str(), "press" | "news")
                        && (a.lw(k + 1) == "with" || a.lw(k - 2) == "joint")
                }
                "visited" | "visiting" => {
                    is_person(a, k + 1).is_some()
                        || persons_in(a, k + 1..(k + 5).min(r.end)).len() == 1
                            && a.label(a.mention_at(k + 1).map_or(usize::MAX, |m| m.entity))
                                .is_none()
                }
                _ => true,
            })
            .collect();
        if triggers.is_empty() {
            continue;
        }
        // date expressions are only looked for in sentences with a trigger (and their predecessor)
        let dates = find_dates(a.text, sent.range.clone(), a.doc_date);
        let prev_dates: Vec<DateExpr> = match si.checked_sub(1).and_then(|p| a.sentences.get(p)) {
            Some(p) if !p.headline => find_dates(a.text, p.range.clone(), a.doc_date),
            _ => Vec::new(),
        };
        // each date goes to its nearest trigger
        let tok_of = |byte: usize| a.toks.partition_point(|t| t.start < byte);
        let mut date_for: Vec<Option<&DateExpr>> = vec![None; triggers.len()];
        for d in &dates {
            let dt = tok_of(d.start);
            if let Some((ti, _)) = triggers
                .iter()
                .enumerate()
                .min_by_key(|(_, k)| k.abs_diff(dt))
            {
                let better = date_for[ti].is_none_or(|old| {
                    tok_of(old.start).abs_diff(triggers[ti]) > dt.abs_diff(triggers[ti])
                });
                if better {
                    date_for[ti] = Some(d);
                }
            }
        }
        let prev_persons: Vec<usize> = if si > 0 {
            persons_in(a, a.sentences[si - 1].toks.clone())
        } else {
            vec![]
        };
        let mut done_enumeration = false;
        let enumerates = triggers.iter().any(|&k| {
            matches!(a.lw(k).as_str(), "summits" | "meetings")
                && matches!(a.lw(k + 1).as_str(), "in" | "at")
                && a.mention_at(k + 2).is_some_and(|m| {
                    matches!(a.label(m.entity), Some(Label::Place) | Some(Label::Country))
                })
        });
        for (ti, &k) in triggers.iter().enumerate() {
            if done_enumeration {
                break;
            }
            if enumerates && !matches!(a.lw(k).as_str(), "summits" | "meetings") {
                continue;
            }
            let word = a.lw(k);
            // clause start: after the last speech verb / semicolon / dash before the trigger
            let mut cs = r.start;
            for j in (r.start..k).rev() {
                let t = a.t(j);
                let lj = a.lw(j);
                if matches!(t, ";" | "—" | ":")
                    || (SPEECH_VERBS.contains(lj.as_str())
                        && !a.in_quote[j]
                        && (REPORTING.contains(&lj.as_str())
                            || matches!(a.lw(j + 1).as_str(), "that" | "," | ":")))
                {
                    cs = j + 1;
                    break;
                }
                if t == "," && matches!(a.lw(j + 1).as_str(), "and" | "but" | "while") {
                    cs = j + 1;
                    break;
                }
            }
            let prev_trigger = if ti > 0 { triggers[ti - 1] } else { cs };
            let next_trigger = triggers.get(ti + 1).copied().unwrap_or(r.end);
            let mut parts: Vec<usize> = Vec::new();
            let mut rule = "subject-object";
            // between X and Y
            let bt = (k + 1..(k + 4).min(r.end)).find(|&j| a.lw(j) == "between");
            if let Some(b) = bt {
                let (g, _) = person_group(a, b + 1, r.end);
                if g.len() >= 2 {
                    parts = g;
                    rule = "between";
                }
            }
            // X–Y summit
            if parts.is_empty()
                && k >= 3
                && matches!(a.t(k - 2), "–" | "-" | "—")
                && let (Some(x), Some(y)) =
                    (a.mention_at(k - 3).map(|m| m.entity), is_person(a, k - 1))
                && a.label(x) == Some(Label::Person)
            {
                parts = vec![x, y];
                rule = "dash-compound";
            }
            // their summit / the two leaders
            let anaphoric = (cs.max(k.saturating_sub(6))..k)
                .any(|j| matches!(a.lw(j).as_str(), "their" | "two" | "both"));
            let definite =
                k > 0 && a.lw(k - 1) == "the" || (k > 1 && a.lw(k - 2) == "the" && !a.cap(k - 1));
            // named event: an organisation right before the trigger, "APEC summit", "X (Y) summit"
            let mut event_org = None;
            let mut before = k;
            if before > 0 && a.t(before - 1) == ")" {
                while before > r.start && a.t(before - 1) != "(" {
                    before -= 1;
                }
                before = before.saturating_sub(1);
            }
            if let Some(m) = before.checked_sub(1).and_then(|b| a.mention_at(b))
                && a.label(m.entity) == Some(Label::Organization)
            {
                event_org = Some(m.entity);
            }
            let place_named = (k > 0)
                .then(|| a.mention_at(k - 1))
                .flatten()
                .filter(|m| a.label(m.entity) == Some(Label::Place))
                .map(|m| m.entity);
            if parts.is_empty() {
                let (subj, _) = person_group(
                    a,
                    cs.max(if event_org.is_some() {
                        cs
                    } else {
                        r.start.max(cs)
                    }),
                    prev_trigger.max(cs).max(k).min(k),
                );
                let subj: Vec<usize> = if ti > 0 {
                    let (s, _) = person_group(a, cs, triggers[0]);
                    s
                } else {
                    subj
                };
                let (obj, _) = person_group(a, k + 1, next_trigger);
                for e in subj.into_iter().chain(obj) {
                    if !parts.contains(&e) {
                        parts.push(e);
                    }
                }
            }
            if parts.len() < 2
                && anaphoric
                && prev_persons.len() >= 2
                && persons_in(a, r.clone()).len() < 2
            {
                parts = prev_persons.clone();
                rule = "anaphoric-participants";
            } else if parts.len() < 2 && anaphoric {
                let all = persons_in(a, cs..r.end);
                if all.len() >= 2 {
                    parts = all;
                    rule = "clause-participants";
                }
            }
            if parts.len() == 1 && a.lw(k + 1) == "with" && k <= r.start + 2 {
                // "talks with X, Cho said": the speaker is the other side
                let spk = (r.start..r.end).find_map(|j| {
                    let e = is_person(a, j)?;
                    let m = a.mention_at(j)?;
                    (SPEECH_VERBS.contains(a.lw(m.toks.end).as_str())
                        || j > 0 && SPEECH_VERBS.contains(a.lw(j - 1).as_str()))
                    .then_some(e)
                });
                if let Some(s) = spk.filter(|s| !parts.contains(s)) {
                    parts.insert(0, s);
                    rule = "with-speaker";
                }
            }
            // enumerated summits: "summits in Lima (2019), Quito (2021) and Cali"
            if matches!(word.as_str(), "summits" | "meetings")
                && matches!(a.lw(k + 1).as_str(), "in" | "at")
            {
                let mut j = k + 2;
                let mut items = Vec::new();
                while j < r.end {
                    if a.lw(j) == "the" {
                        j += 1;
                        continue;
                    }
                    let Some(m) = a.mention_at(j) else { break };
                    if !matches!(a.label(m.entity), Some(Label::Place) | Some(Label::Country)) {
                        break;
                    }
                    let place = m.entity;
                    j = m.toks.end;
                    let mut year = None;
                    if a.t(j) == "(" && a.t(j + 2) == ")" {
                        year = Some(a.t(j + 1).to_string())
                            .filter(|y| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()));
                        j += 3;
                    }
                    items.push((place, year, m.span.clone()));
                    while j < r.end && matches!(a.t(j), "," | "and") {
                        j += 1;
                    }
                }
                if items.len() >= 2 {
                    let who = if parts.len() >= 2 {
                        parts.clone()
                    } else {
                        prev_persons.clone()
                    };
                    if who.len() >= 2 {
                        for (place, year, span) in items {
                            facts.push(MeetingFact {
                                participants: who.clone(),
                                place: Some(place),
                                date: year,
                                date_end: None,
                                date_weak: false,
                                status: Status::Held,
                                kind: "summit".into(),
                                event_org: None,
                                spans: std::iter::once(
                                    sent.range.start.min(span.start)..sent.range.end,
                                )
                                .collect(),
                                confidence: 0.7,
                                rule: "enumerated-summits",
                            });
                        }
                        done_enumeration = true;
                        continue;
                    }
                }
            }
            // place: "in/at X" near the trigger, within the clause
            let mut place = place_named;
            if place.is_none() {
                let mut best: Option<(usize, usize)> = None;
                for m in a.mentions_in(cs..r.end) {
                    if m.in_quote
                        || !matches!(a.label(m.entity), Some(Label::Place) | Some(Label::Country))
                        || m.demonym
                    {
                        continue;
                    }
                    let p = m.toks.start;
                    let prep = if p > 1 && a.lw(p - 1) == "the" {
                        p - 2
                    } else {
                        p.wrapping_sub(1)
                    };
                    if p == 0 || !matches!(a.lw(prep).as_str(), "in" | "at" | "to") {
                        continue;
                    }
                    let dist = p.abs_diff(k);
                    if dist > 12 || triggers.iter().any(|&o| o != k && o.abs_diff(p) < dist) {
                        continue;
                    }
                    let penalty = if a.label(m.entity) == Some(Label::Country) {
                        20
                    } else {
                        0
                    };
                    if best.is_none_or(|(d, _)| dist + penalty < d) {
                        best = Some((dist + penalty, m.entity));
                    }
                }
                place = best.map(|b| b.1);
            }
            // date
            let mut date = date_for[ti].cloned();
            if date.is_none() && anaphoric && prev_dates.len() == 1 {
                date = prev_dates.first().cloned();
            }
            // status
            let cue_from = prev_trigger.max(cs).min(k);
            let cues: Vec<String> = (cue_from..(k + 4).min(r.end)).map(|j| a.lw(j)).collect();
            // "a meeting between X and Y is expected in May"
            let passive_future = (k + 1..(k + 9).min(next_trigger).min(r.end)).any(|j| {
                matches!(a.lw(j).as_str(), "is" | "are")
                    && matches!(
                        a.lw(j + 1).as_str(),
                        "expected" | "scheduled" | "planned" | "due" | "set"
                    )
            });
            let mut status = if passive_future {
                Status::Planned
            } else if cues.iter().any(|c| PROPOSED.contains(&c.as_str())) {
                Status::Proposed
            } else if cues.iter().any(|c| PLANNED.contains(&c.as_str())) {
                Status::Planned
            } else if HELD.contains(&word.as_str()) {
                Status::Held
            } else if word == "meet" {
                Status::Proposed
            } else {
                Status::Held
            };
            if event_org.is_some()
                && status == Status::Held
                && !HELD.iter().any(|h| cues.iter().any(|c| c == h))
            {
                status = Status::Planned;
            }
            // "Feb. 15" in a future sentence written in December is next year's
            if status != Status::Held
                && let (Some(d), Some(dd)) = (date.as_mut(), a.doc_date)
                && d.relative
                && d.iso.len() == 10
                && let Some(x) = super::dates::parse_iso(&d.iso)
                && x < dd
                && let Some(next) = x.with_year(x.year() + 1)
            {
                d.iso = next.format("%Y-%m-%d").to_string();
                if let Some(e) = d.iso_end.as_mut()
                    && let Some(xe) = super::dates::parse_iso(e)
                    && let Some(ne) = xe.with_year(xe.year() + 1)
                {
                    *e = ne.format("%Y-%m-%d").to_string();
                }
            }
            // a planned or proposed meeting cannot be dated before the article: that date is of the report
            if status != Status::Held
                && let (Some(d), Some(dd)) = (date.as_ref(), a.doc_date)
                && d.iso.len() == 10
                && super::dates::parse_iso(&d.iso).is_some_and(|x| x <= dd)
            {
                date = None;
            }
            if let (Some(d), Some(dd)) = (date.as_ref(), a.doc_date)
                && (super::dates::parse_iso(&d.iso).is_some_and(|dp| dp > dd)
                    || (d.iso.len() == 7
                        && d.iso.as_str() > dd.format("%Y-%m").to_string().as_str()))
                && status == Status::Held
            {
                status = Status::Planned;
            }
            let keep = parts.len() >= 2 || event_org.is_some() || place_named.is_some() || definite;
            if !keep {
                continue;
            }
            if event_org.is_some() && rule == "subject-object" {
                rule = "named-event";
            }
            facts.push(MeetingFact {
                participants: parts,
                place,
                date: date.as_ref().map(|d| d.iso.clone()),
                date_end: date.as_ref().and_then(|d| d.iso_end.clone()),
                date_weak: date.as_ref().is_some_and(|d| d.relative),
                status,
                kind: word,
                event_org,
                spans: vec![sent.range.clone()],
                confidence: 0.6,
                rule,
            });
        }
    }
    merge_doc(a, facts)
}

/// Whether two dates can name the same day/month/year.
pub fn dates_compatible(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x.starts_with(y) || y.starts_with(x),
        _ => true,
    }
}

fn held(s: Status) -> bool {
    s == Status::Held
}

/// Whether two meeting facts describe one event, given a place-containment test.
pub fn same_event(x: &MeetingFact, y: &MeetingFact, within: &dyn Fn(usize, usize) -> bool) -> bool {
    if x.event_org.is_some() || y.event_org.is_some() {
        return x.event_org == y.event_org;
    }
    if held(x.status) != held(y.status) {
        return false;
    }
    if !dates_compatible(x.date.as_deref(), y.date.as_deref()) {
        return false;
    }
    let places_ok = !held(x.status)
        || match (x.place, y.place) {
            (Some(p), Some(q)) => p == q || within(p, q) || within(q, p),
            _ => true,
        };
    if !places_ok {
        return false;
    }
    // participant lists are short: a scan beats building a set
    let shared = y
        .participants
        .iter()
        .filter(|p| x.participants.contains(p))
        .count();
    if x.participants.len() >= 2 && y.participants.len() >= 2 {
        return shared >= 2;
    }
    shared >= 1 || (x.place.is_some() && x.place == y.place)
}

/// Folds `y` into `x`.
pub fn absorb(x: &mut MeetingFact, y: MeetingFact) {
    for p in y.participants {
        if !x.participants.contains(&p) {
            x.participants.push(p);
        }
    }
    // keep the most precise, non-relative date
    let better = match (&x.date, &y.date) {
        (None, Some(_)) => true,
        (Some(a), Some(b)) => {
            (x.date_weak && !y.date_weak) || (b.len() > a.len() && x.date_weak == y.date_weak)
        }
        _ => false,
    };
    if better {
        x.date = y.date;
        x.date_end = y.date_end;
        x.date_weak = y.date_weak;
    } else if x.date_end.is_none() && y.date_end.is_some() && x.date == y.date {
        x.date_end = y.date_end;
    }
    if x.place.is_none() {
        x.place = y.place;
    }
    x.spans.extend(y.spans);
    x.confidence = (x.confidence + 0.1).min(0.95);
}

fn merge_doc(a: &Analysis, facts: Vec<MeetingFact>) -> Vec<MeetingFact> {
    let within = |p: usize, q: usize| place_within(a, p, q);
    let mut out: Vec<MeetingFact> = Vec::new();
    let mut index = MeetingIndex::default();
    for f in facts {
        // the most recent meeting of the document that is the same event
        let hit = index
            .candidates(&f)
            .into_iter()
            .rev()
            .find(|&i| same_event(&out[i], &f, &within));
        match hit {
            Some(i) => {
                absorb(&mut out[i], f);
                index.add(i, &out[i]);
            }
            None => {
                index.add(out.len(), &f);
                out.push(f);
            }
        }
    }
    out.retain(|m| m.participants.len() >= 2 || m.event_org.is_some());
    out
}

fn place_within(a: &Analysis, p: usize, q: usize) -> bool {
    use super::gazetteer::GAZETTEER;
    let (Some(ep), Some(eq)) = (a.entities.get(p), a.entities.get(q)) else {
        return false;
    };
    let Some(g) = ep.gaz.and_then(|g| GAZETTEER.entry(g)) else {
        return false;
    };
    g.within
        .as_deref()
        .is_some_and(|w| crate::graph::fold_name(w) == crate::graph::fold_name(&eq.name))
}

/// Meetings by organizing body, participant or place, and by date. [`same_event`] only accepts two
/// meetings with the same organizing body, or (without one) a shared participant or the same
/// place, and with compatible dates (one a prefix of the other), so these lists hold every meeting
/// a new one can merge with: merging compares a few candidates, not every meeting seen so far
/// (a capital hosts thousands of meetings in a large corpus, but few in one month). Used within
/// a document (entity indexes) and across documents (node indexes).
///
/// The same place alone only joins two meetings when one of them has fewer than two
/// participants, so a meeting with two or more looks up by place only the small meetings there
/// (filed a second time under [`MeetingKey::PlaceOfSmall`]); otherwise every meeting held in a
/// capital would be a candidate for every other one held there that month.
#[derive(Default)]
pub struct MeetingIndex(HashMap<(MeetingKey, usize, DateBucket), Vec<usize>>);

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum MeetingKey {
    EventOrg,
    Participant,
    Place,
    /// The place of a meeting with fewer than two participants (participants only grow, so a
    /// meeting that is small now was small whenever it was filed).
    PlaceOfSmall,
}

/// Where a meeting's date files it. Every meeting is under `Any`; a meeting without an ISO date
/// ("2025", "2025-08", "2025-08-26", …) is under `Undated`, the others under their year, and under
/// `YearOnly` or their month.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum DateBucket {
    Any,
    Undated,
    Year(u16),
    YearOnly(u16),
    Month(u16, u8),
}

/// The year and (when given) month of an ISO date, or `None` for anything else.
pub fn iso_year_month(date: Option<&str>) -> Option<(u16, Option<u8>)> {
    let d = date?;
    let year = d.get(..4)?.parse::<u16>().ok()?;
    if d.len() == 4 {
        return Some((year, None));
    }
    if d.as_bytes().get(4) != Some(&b'-') {
        return None;
    }
    let month = d.get(5..7)?.parse::<u8>().ok()?;
    Some((year, Some(month)))
}

impl MeetingIndex {
    /// The keys a meeting is filed under.
    fn subjects(f: &MeetingFact) -> Vec<(MeetingKey, usize)> {
        if f.participants.len() < 2 {
            Self::keys(f, &[MeetingKey::Place, MeetingKey::PlaceOfSmall])
        } else {
            Self::keys(f, &[MeetingKey::Place])
        }
    }

    /// The keys under which every meeting that may be the same event as `f` is filed.
    fn lookups(f: &MeetingFact) -> Vec<(MeetingKey, usize)> {
        if f.participants.len() < 2 {
            Self::keys(f, &[MeetingKey::Place])
        } else {
            Self::keys(f, &[MeetingKey::PlaceOfSmall])
        }
    }

    /// `f`'s organizing body alone, or its participants and its place under `place_keys`.
    fn keys(f: &MeetingFact, place_keys: &[MeetingKey]) -> Vec<(MeetingKey, usize)> {
        if let Some(o) = f.event_org {
            return vec![(MeetingKey::EventOrg, o)];
        }
        let places = f
            .place
            .into_iter()
            .flat_map(|p| place_keys.iter().map(move |&k| (k, p)));
        f.participants
            .iter()
            .map(|&p| (MeetingKey::Participant, p))
            .chain(places)
            .collect()
    }

    /// The buckets a meeting is filed under.
    fn filed_under(f: &MeetingFact) -> Vec<DateBucket> {
        match iso_year_month(f.date.as_deref()) {
            None => vec![DateBucket::Any, DateBucket::Undated],
            Some((y, None)) => vec![
                DateBucket::Any,
                DateBucket::Year(y),
                DateBucket::YearOnly(y),
            ],
            Some((y, Some(m))) => vec![
                DateBucket::Any,
                DateBucket::Year(y),
                DateBucket::Month(y, m),
            ],
        }
    }

    /// The buckets that hold every meeting whose date is compatible with `f`'s.
    fn compatible_with(f: &MeetingFact) -> Vec<DateBucket> {
        match (f.date.as_deref(), iso_year_month(f.date.as_deref())) {
            (Some(_), Some((y, None))) => vec![DateBucket::Undated, DateBucket::Year(y)],
            (Some(_), Some((y, Some(m)))) => vec![
                DateBucket::Undated,
                DateBucket::YearOnly(y),
                DateBucket::Month(y, m),
            ],
            _ => vec![DateBucket::Any],
        }
    }

    /// Records meeting `i` (again after it absorbed another: new participants, place or date).
    pub fn add(&mut self, i: usize, f: &MeetingFact) {
        for (kind, id) in Self::subjects(f) {
            for bucket in Self::filed_under(f) {
                let v = self.0.entry((kind, id, bucket)).or_default();
                if v.last() != Some(&i) {
                    v.push(i);
                }
            }
        }
    }

    /// Meetings that may be the same event as `f`, in the order they were first seen.
    pub fn candidates(&self, f: &MeetingFact) -> Vec<usize> {
        let buckets = Self::compatible_with(f);
        let mut v: Vec<usize> = Self::lookups(f)
            .into_iter()
            .flat_map(|(kind, id)| buckets.iter().map(move |&b| (kind, id, b)))
            .filter_map(|k| self.0.get(&k))
            .flatten()
            .copied()
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}
