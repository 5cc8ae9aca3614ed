//! Statements: direct quotations with their speakers. Attribution after the quote ("…," X said /
//! said X / he added / as relayed by X), before it (X said: "…", X declared that "…", stating "…"),
//! or carried over from the previous quote of the same speaker.

use super::facts::{Label, StatementFact};
use super::gazetteer::{GAZETTEER, GazKind};
use super::lexicon::{SPEECH_VERBS, TITLE_HEADS, TITLE_MODIFIERS};
use super::mentions::Analysis;
use super::tokens::TokKind;
use std::ops::Range;

/// Quotes shorter than this many words are scare quotes, not statements.
const MIN_WORDS: usize = 5;

fn is_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "He" | "She")
}

fn is_speech(a: &Analysis, k: usize) -> bool {
    let l = a.lw(k);
    SPEECH_VERBS.contains(l.as_str())
        || l == "relayed"
        || (l == "out" && a.lw(k.wrapping_sub(1)) == "pointed")
        || (l == "it" && a.lw(k.wrapping_sub(1)) == "put")
}

/// Person (or organisation/country) mention covering token `k`, when outside quotes.
fn speaker_at(a: &Analysis, k: usize, orgs: bool) -> Option<usize> {
    let m = a.mention_at(k)?;
    if m.in_quote {
        return None;
    }
    match a.label(m.entity)? {
        Label::Person => Some(m.entity),
        Label::Organization | Label::Country if orgs && !m.demonym => Some(m.entity),
        _ => None,
    }
}

struct Ctx {
    /// Speaker of the most recent attributed quote and its paragraph.
    last_speaker: Option<(usize, usize)>,
}

/// Resolves "he"/"she" at token `k`: the last speaker when recent, else the last sentence subject.
fn resolve_pronoun(a: &Analysis, k: usize, ctx: &Ctx) -> Option<usize> {
    let si = a.sentence_of(k)?;
    // a person mentioned earlier in the same sentence
    let start = a.sentences[si].toks.start;
    let in_sentence = a
        .mentions_in(start..k)
        .filter(|m| !m.in_quote && a.label(m.entity) == Some(Label::Person))
        .last()
        .map(|m| m.entity);
    if in_sentence.is_some() {
        return in_sentence;
    }
    let para = a.sentences[si].para;
    if let Some((s, p)) = ctx.last_speaker
        && para <= p + 1
    {
        return Some(s);
    }
    // subject (first person) of the closest earlier sentence that has one
    (si.saturating_sub(3)..si).rev().find_map(|j| {
        a.mentions_in(a.sentences[j].toks.clone())
            .find(|m| !m.in_quote && a.label(m.entity) == Some(Label::Person))
            .map(|m| m.entity)
    })
}

/// Finds the statements of the document.
pub fn find(a: &Analysis) -> Vec<StatementFact> {
    let mut out: Vec<StatementFact> = Vec::new();
    let mut ctx = Ctx { last_speaker: None };
    for (pi, quotes) in a.quotes.iter().enumerate() {
        let mut prev_in_para: Option<usize> = None;
        for (qi, q) in quotes.iter().enumerate() {
            let inner = a.text.get(q.inner.clone()).unwrap_or("").trim();
            let words = inner.split_whitespace().count();
            let qs = a.toks.partition_point(|t| t.start < q.inner.start);
            let qe = a.toks.partition_point(|t| t.start < q.outer.end);
            let Some(si_open) = a.sentence_of(qs) else {
                continue;
            };
            let si_close = a.sentence_of(qe.saturating_sub(1)).unwrap_or(si_open);
            let next_open = quotes.get(qi + 1).map_or(usize::MAX, |n| n.outer.start);
            let mut speaker = None;
            let mut evidence: Option<Range<usize>> = None;
            let mut rule = "";
            let mut conf = 0.0;
            // (A) after the quote
            let close_end = a.sentences[si_close].toks.end;
            let mut k = qe;
            let limit = (qe + 12).min(close_end);
            while k < limit && a.toks[k].start < next_open {
                if is_speech(a, k) {
                    // subject before the verb
                    let mut b = k;
                    while b > qe {
                        b -= 1;
                        if let Some(e) = speaker_at(a, b, true) {
                            speaker = Some(e);
                            break;
                        }
                        if is_pronoun(a.t(b)) {
                            speaker = resolve_pronoun(a, b, &ctx);
                            break;
                        }
                    }
                    // or after it: "said Lee", "as relayed by X"
                    for orgs in [false, true] {
                        if speaker.is_some() {
                            break;
                        }
                        let mut f = k + 1;
                        while f < close_end && f <= k + 8 {
                            if let Some(e) = speaker_at(a, f, orgs) {
                                speaker = Some(e);
                                break;
                            }
                            let l = a.lw(f);
                            if !(l == "by"
                                || TITLE_HEADS.contains(l.as_str())
                                || TITLE_MODIFIERS.contains(l.as_str())
                                || a.toks[f].kind != TokKind::Word
                                || l == "the"
                                || a.mention_at(f).is_some())
                            {
                                break;
                            }
                            f += 1;
                        }
                    }
                    if speaker.is_some() {
                        evidence = Some(a.span(qe..(k + 1).min(close_end)));
                        rule = "quote-then-verb";
                        conf = 0.9;
                    }
                    break;
                }
                k += 1;
            }
            // (B) before the quote, in the sentence that opens it
            if speaker.is_none() {
                let s0 = a.sentences[si_open].toks.start;
                let prev_close = if qi > 0 { quotes[qi - 1].outer.end } else { 0 };
                let verb = (s0..qs)
                    .rev()
                    .find(|&k| is_speech(a, k) || (a.t(k) == ":" && k + 2 >= qs));
                if let Some(v) = verb {
                    let mut subj = None;
                    for k in s0..v {
                        if a.toks[k].start < prev_close {
                            continue;
                        }
                        if let Some(m) = a.mention_at(k)
                            && !m.in_quote
                            && a.label(m.entity) == Some(Label::Person)
                        {
                            subj = Some(m.entity);
                            break;
                        }
                        if is_pronoun(a.t(k)) {
                            subj = resolve_pronoun(a, k, &ctx);
                            break;
                        }
                    }
                    if subj.is_none() {
                        subj = (s0..v).find_map(|k| speaker_at(a, k, true));
                    }
                    if subj.is_some() {
                        speaker = subj;
                        evidence = Some(a.span(s0..v + 1));
                        rule = "subject-verb-quote";
                        conf = 0.8;
                    }
                }
            }
            // (C) carried over: the previous quote of this paragraph, or a lone quote after a quoted speaker
            if speaker.is_none() {
                if let Some(p) = prev_in_para {
                    speaker = out.get(p).and_then(|s: &StatementFact| s.speaker);
                    rule = "continued-quote";
                    conf = 0.6;
                } else if let Some((s, p)) = ctx.last_speaker
                    && p + 1 == pi
                {
                    speaker = Some(s);
                    rule = "previous-paragraph-speaker";
                    conf = 0.45;
                } else if let Some(s) = (a.sentences[si_open].toks.start == qs.saturating_sub(1))
                    .then(|| resolve_pronoun(a, qs, &ctx))
                    .flatten()
                {
                    speaker = Some(s);
                    rule = "previous-sentence-subject";
                    conf = 0.4;
                }
            }
            if let Some(s) = speaker {
                ctx.last_speaker = Some((s, pi));
            }
            if words < MIN_WORDS {
                continue;
            }
            // news agency named in the attributing sentences
            let sents = si_open.min(si_close)..si_close.max(si_open) + 1;
            let tok_range =
                a.sentences[sents.start].toks.start..a.sentences[sents.end - 1].toks.end;
            let reported_by = a
                .mentions_in(tok_range)
                .filter(|m| !m.in_quote)
                .find(|m| {
                    a.entities
                        .get(m.entity)
                        .and_then(|e| e.gaz)
                        .and_then(|g| GAZETTEER.entry(g))
                        .is_some_and(|g| g.kind == GazKind::Agency)
                })
                .map(|m| m.entity);
            let mut mentions: Vec<usize> = a.mentions_in(qs..qe).map(|m| m.entity).collect();
            mentions.sort();
            mentions.dedup();
            let st = StatementFact {
                text: inner.to_string(),
                span: q.inner.clone(),
                speaker,
                attribution: evidence,
                mentions,
                reported_by,
                date: None,
                confidence: if speaker.is_some() { conf } else { 0.3 },
                rule: if speaker.is_some() {
                    rule
                } else {
                    "unattributed-quote"
                },
            };
            prev_in_para = Some(out.len());
            out.push(st);
        }
    }
    out
}
