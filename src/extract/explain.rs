//! `newsgraph build --explain`: every mention and fact of a document with the rule that produced
//! it and the text it rests on.

use super::facts::DocFacts;
use crate::text::SourceDoc;
use std::fmt::Write;

fn name(f: &DocFacts, e: usize) -> &str {
    f.entities.get(e).map_or("?", |x| x.name.as_str())
}

fn snippet(text: &str, r: &std::ops::Range<usize>) -> String {
    let s = text.get(r.clone()).unwrap_or("");
    let s: String = s.chars().take(90).collect();
    s.replace('\n', " ")
}

/// A readable report of one document's extraction.
pub fn explain(doc: &SourceDoc, f: &DocFacts) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "== {} (title: {:?}, date: {:?})",
        doc.file, f.title, f.date
    );
    let _ = writeln!(o, "-- entities");
    for e in &f.entities {
        if e.count == 0 {
            continue;
        }
        let _ = writeln!(
            o,
            "  {:<12} {:<30} x{} conf {:.2} rule {} aliases {:?}",
            e.label.as_str(),
            e.name,
            e.count,
            e.confidence,
            e.rule,
            e.aliases
        );
    }
    let _ = writeln!(o, "-- mentions");
    for m in &f.mentions {
        let _ = writeln!(
            o,
            "  {}..{} {:?} -> {} [{}{}]",
            m.span.start,
            m.span.end,
            snippet(&doc.text, &m.span),
            name(f, m.entity),
            m.rule,
            if m.in_quote { ", in quote" } else { "" }
        );
    }
    let _ = writeln!(o, "-- offices");
    for x in &f.offices {
        let of = x.of.map_or("(from context)", |e| name(f, e));
        let _ = writeln!(
            o,
            "  {} HOLDS_OFFICE {:?} of {} former={} conf {:.2} rule {} <- {:?}",
            name(f, x.person),
            x.title,
            of,
            x.former,
            x.confidence,
            x.rule,
            snippet(&doc.text, &x.span)
        );
    }
    let _ = writeln!(o, "-- relatives");
    for x in &f.relatives {
        let _ = writeln!(
            o,
            "  {} {} of {} rule {} <- {:?}",
            name(f, x.person),
            x.relation,
            name(f, x.of),
            x.rule,
            snippet(&doc.text, &x.span)
        );
    }
    let _ = writeln!(o, "-- located in");
    for x in &f.located_in {
        let _ = writeln!(
            o,
            "  {} in {} rule {} <- {:?}",
            name(f, x.place),
            name(f, x.within),
            x.rule,
            snippet(&doc.text, &x.span)
        );
    }
    let _ = writeln!(o, "-- meetings");
    for m in &f.meetings {
        let parts: Vec<&str> = m.participants.iter().map(|&p| name(f, p)).collect();
        let _ = writeln!(
            o,
            "  {} {:?} place {:?} date {:?}..{:?} status {} event {:?} conf {:.2} rule {} <- {:?}",
            m.kind,
            parts,
            m.place.map(|p| name(f, p)),
            m.date,
            m.date_end,
            m.status.as_str(),
            m.event_org.map(|p| name(f, p)),
            m.confidence,
            m.rule,
            m.spans.first().map(|s| snippet(&doc.text, s))
        );
    }
    let _ = writeln!(o, "-- statements");
    for s in &f.statements {
        let _ = writeln!(
            o,
            "  {:?} said by {} conf {:.2} rule {} reported_by {:?} evidence {:?}",
            s.text.chars().take(70).collect::<String>(),
            s.speaker.map_or("(unknown)", |e| name(f, e)),
            s.confidence,
            s.rule,
            s.reported_by.map(|e| name(f, e)),
            s.attribution.as_ref().map(|r| snippet(&doc.text, r))
        );
    }
    o
}
