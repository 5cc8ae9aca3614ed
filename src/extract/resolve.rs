//! Resolution: merges each document's facts into the graph. One node per real-world entity
//! (gazetteer canonical names, folded person names, surname-only mentions matched to a known full
//! name), one Meeting node per event across documents, offices completed from the person's other
//! offices or the article's home country. Works against nodes already in the graph, so loading
//! more articles into a saved graph extends it.

use super::facts::{DocFacts, Label, LocatedFact, MeetingFact, RuleName, Status};
use super::gazetteer::GAZETTEER;
use super::meetings::{MeetingIndex, absorb, same_event};
use super::mentions::Analysis;
use super::tokens::TokKind;
use crate::graph::{
    DocumentInfo, Edge, EdgeId, Graph, Node, NodeId, Span, Value, fold_name, schema,
};
use crate::text::SourceDoc;
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use petgraph::Direction;
use smallvec::SmallVec;
use std::cell::RefCell;
use std::ops::Range;

/// "Gyeongju, North Gyeongsang Province" / "Kisumu, Kenya": a place followed by a comma and a
/// larger place or a country.
pub fn located_patterns(a: &Analysis) -> Vec<LocatedFact> {
    let mut out = Vec::new();
    for (i, m) in a.mentions.iter().enumerate() {
        if m.anaphor || m.demonym || a.label(m.entity) != Some(Label::Place) {
            continue;
        }
        let k = m.toks.end;
        if a.t(k) != "," || a.toks.get(k).is_none_or(|t| t.kind != TokKind::Punct) {
            continue;
        }
        let Some(n) = a.mentions.get(i + 1) else {
            continue;
        };
        if n.toks.start != k + 1 || n.demonym || n.entity == m.entity {
            continue;
        }
        let ok = match a.label(n.entity) {
            Some(Label::Country) => true,
            Some(Label::Place) => {
                let name = a.entities[n.entity].name.to_lowercase();
                [
                    "province",
                    "state",
                    "region",
                    "county",
                    "prefecture",
                    "district",
                ]
                .iter()
                .any(|w| name.ends_with(w))
                    || a.entities[n.entity]
                        .gaz
                        .and_then(|g| GAZETTEER.entry(g))
                        .is_some_and(|g| g.category == "state")
            }
            _ => false,
        };
        if ok {
            out.push(LocatedFact {
                place: m.entity,
                within: n.entity,
                span: m.span.start..n.span.end,
                confidence: 0.8,
                rule: "place-comma-place",
            });
        }
    }
    out
}

fn spans(doc: u32, r: &[Range<usize>]) -> Vec<Span> {
    r.iter()
        .map(|r| Span {
            doc,
            start: r.start as u32,
            end: r.end as u32,
        })
        .collect()
}

/// Adds spans to a sorted source list, skipping those already there. Sorted so that the check is a
/// binary search: a country mentioned in every article collects one span per article.
fn push_sources(dst: &mut Vec<Span>, src: Vec<Span>) {
    for s in src {
        if dst.last().is_none_or(|last| *last < s) {
            dst.push(s);
        } else if let Err(pos) = dst.binary_search(&s) {
            dst.insert(pos, s);
        }
    }
}

/// A source list in the order [`push_sources`] keeps.
fn sorted(mut src: Vec<Span>) -> Vec<Span> {
    src.sort_unstable();
    src.dedup();
    src
}

fn set_conf(props: &mut crate::graph::Props, c: f32) {
    let raised = raised_conf(props.get("confidence"), c);
    props.insert("confidence".into(), raised);
}

/// The confidence `old` raised to `c` (rounded to two decimals) if that is higher.
fn raised_conf(old: Option<&Value>, c: f32) -> Value {
    let c = (c as f64 * 100.0).round() / 100.0;
    let old = match old {
        Some(Value::Float(f)) => *f,
        _ => 0.0,
    };
    Value::Float(old.max(c))
}

fn add_alias(node: &mut Node, alias: &str) {
    let mut list: Vec<String> = node.aliases().into_iter().map(String::from).collect();
    if !list.iter().any(|a| a == alias) {
        list.push(alias.to_string());
        node.props.insert("aliases".into(), Value::from(list));
    }
}

/// Finds the node for a document entity, or creates it.
fn node_for(
    g: &mut Graph,
    e: &super::facts::DocEntity,
    person_counts: &HashMap<NodeId, usize>,
    parts: &mut NameParts,
) -> NodeId {
    let label = e.label.as_str();
    let with_label = |g: &Graph, name: &str| -> Option<NodeId> {
        g.nodes_named(name)
            .iter()
            .copied()
            .find(|&n| g.node(n).is_some_and(|x| x.has_label(label)))
    };
    let mut found = with_label(g, &e.name);
    if found.is_none() && e.label == Label::Person {
        for a in &e.aliases {
            if a.split_whitespace().count() >= 2
                && let Some(n) = with_label(g, a)
            {
                found = Some(n);
                break;
            }
        }
        if found.is_none() && !e.name.contains(' ') {
            // a surname alone: the known person whose first or last name it is
            let key = fold_name(&e.name);
            let mut best: Option<(usize, NodeId)> = None;
            for n in parts.candidates(&key) {
                let Some(name) = g.node(n).and_then(|x| x.name()).map(fold_name) else {
                    continue;
                };
                if name.len() > key.len()
                    && (name.starts_with(&format!("{key} ")) || name.ends_with(&format!(" {key}")))
                {
                    let c = person_counts.get(&n).copied().unwrap_or(0);
                    if best.is_none_or(|(bc, _)| c > bc) {
                        best = Some((c, n));
                    }
                }
            }
            found = best.map(|b| b.1);
        }
    }
    if found.is_none() && e.label != Label::Person && e.gaz.is_none() {
        for a in &e.aliases {
            if let Some(n) = with_label(g, a) {
                found = Some(n);
                break;
            }
        }
    }
    match found {
        Some(n) => {
            // a full name replaces a surname-only canonical name
            if e.label == Label::Person
                && let Some(cur) = g.node(n).and_then(|x| x.name()).map(String::from)
                && e.name.split_whitespace().count() > cur.split_whitespace().count()
            {
                let new = e.name.clone();
                g.update_node(n, |x| {
                    add_alias(x, &cur);
                    x.props.insert("name".into(), Value::from(new));
                });
                parts.add(g, n);
            }
            n
        }
        None => {
            let mut node = Node::new(label);
            node.props
                .insert("name".into(), Value::from(e.name.clone()));
            node.props.insert("aliases".into(), Value::List(vec![]));
            node.props.insert("rule".into(), Value::from(e.rule));
            if let Some(gz) = e.gaz.and_then(|g| GAZETTEER.entry(g)) {
                node.props
                    .insert("category".into(), Value::from(gz.category.clone()));
            }
            let n = g.add_node(node);
            if e.label == Label::Person {
                parts.add(g, n);
            }
            n
        }
    }
}

/// The first and last word of every person's folded name → the persons, so that a surname-only
/// mention finds its full name without scanning every person in the graph. Only proposes
/// candidates: the caller checks each against the node's current name.
#[derive(Default)]
struct NameParts(HashMap<String, Vec<NodeId>>);

impl NameParts {
    fn from_graph(g: &Graph) -> Self {
        let mut parts = NameParts::default();
        for &n in g.nodes_with_label(schema::PERSON) {
            parts.add(g, n);
        }
        parts
    }

    fn add(&mut self, g: &Graph, n: NodeId) {
        let Some(name) = g.node(n).and_then(|x| x.name()).map(fold_name) else {
            return;
        };
        let words: Vec<&str> = name.split(' ').collect();
        if let [first, .., last] = words.as_slice() {
            for w in [first, last] {
                let v = self.0.entry(w.to_string()).or_default();
                if !v.contains(&n) {
                    v.push(n);
                }
            }
        }
    }

    /// Persons whose name may start or end with `key` (a folded name), in node order.
    fn candidates(&self, key: &str) -> Vec<NodeId> {
        let first = key.split(' ').next().unwrap_or(key);
        let last = key.rsplit(' ').next().unwrap_or(key);
        let mut v: Vec<NodeId> = [first, last]
            .iter()
            .filter_map(|w| self.0.get(*w))
            .flatten()
            .copied()
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// A meeting being merged: its node and fact with participant/place ids as node indexes.
struct GlobalMeeting {
    node: NodeId,
    fact: MeetingFact,
    doc: u32,
    touched: bool,
}

fn node_ix(n: NodeId) -> usize {
    n.index()
}
fn ix_node(i: usize) -> NodeId {
    NodeId::new(i)
}

/// Whether one place lies within another, by the gazetteer or by a LOCATED_IN relationship.
/// Asked for many meeting pairs, so it keeps the LOCATED_IN pairs in a set and remembers the
/// gazetteer's answers (place names do not change while merging).
struct Containment {
    located: HashSet<(usize, usize)>,
    gazetteer: RefCell<HashMap<(usize, usize), bool>>,
}

impl Containment {
    fn from_graph(g: &Graph) -> Self {
        let located = g
            .edge_ids()
            .filter(|&e| g.edge(e).is_some_and(|x| x.rel_type == schema::LOCATED_IN))
            .filter_map(|e| g.edge_endpoints(e))
            .map(|(a, b)| (node_ix(a), node_ix(b)))
            .collect();
        Containment {
            located,
            gazetteer: RefCell::default(),
        }
    }

    fn within(&self, g: &Graph, p: usize, q: usize) -> bool {
        if self.located.contains(&(p, q)) {
            return true;
        }
        *self
            .gazetteer
            .borrow_mut()
            .entry((p, q))
            .or_insert_with(|| gazetteer_within(g, p, q))
    }
}

fn gazetteer_within(g: &Graph, p: usize, q: usize) -> bool {
    let name = |n: usize| g.node(ix_node(n)).and_then(|x| x.name()).map(fold_name);
    let (Some(pn), Some(qn)) = (name(p), name(q)) else {
        return false;
    };
    GAZETTEER
        .by_name(&pn)
        .and_then(|i| GAZETTEER.entry(i))
        .and_then(|e| e.within.clone())
        .is_some_and(|w| fold_name(&w) == qn)
}

fn existing_meetings(g: &Graph) -> Vec<GlobalMeeting> {
    let mut v = Vec::new();
    for &n in g.nodes_with_label(schema::MEETING) {
        let Some(node) = g.node(n) else { continue };
        let participants = g
            .edges_of(n, Direction::Incoming)
            .filter(|(e, _)| {
                g.edge(*e)
                    .is_some_and(|x| x.rel_type == schema::PARTICIPATED_IN)
            })
            .map(|(_, o)| node_ix(o))
            .collect();
        let place = g
            .edges_of(n, Direction::Outgoing)
            .find(|(e, _)| g.edge(*e).is_some_and(|x| x.rel_type == schema::HELD_IN))
            .map(|(_, o)| node_ix(o));
        let s = |k: &str| node.props.get(k).and_then(Value::as_str).map(String::from);
        let status = match s("status").as_deref() {
            Some("planned") => Status::Planned,
            Some("proposed") => Status::Proposed,
            _ => Status::Held,
        };
        let event_org = node.props.get("event_org").and_then(|v| match v {
            Value::Int(i) => Some(*i as usize),
            _ => None,
        });
        v.push(GlobalMeeting {
            node: n,
            fact: MeetingFact {
                participants,
                place,
                date: s("date"),
                date_end: s("date_end"),
                date_weak: false,
                status,
                kind: s("kind").unwrap_or_default(),
                event_org,
                spans: vec![],
                confidence: 0.6,
                rule: "existing",
            },
            doc: node.sources.first().map_or(0, |s| s.doc),
            touched: false,
        });
    }
    v
}

/// Whether an existing relationship's property agrees with a new fact's: counts are summed and
/// rules are bookkeeping, so neither splits a fact; titles compare without regard to case.
fn same_fact_value(key: &str, old: Option<&Value>, new: &Value) -> bool {
    match (key, old, new) {
        ("count" | "rule", _, _) => true,
        ("title", Some(Value::String(a)), Value::String(b)) => a.eq_ignore_ascii_case(b),
        _ => old == Some(new),
    }
}

/// The relationships between each pair of nodes that the merge has looked up or created. Every
/// fact asks whether its relationship exists already, and walking the relationship lists of a
/// person mentioned in thousands of articles at each of their offices took 5% of a large build.
/// Only the merge adds relationships while it runs, so a pair's list, once read from the graph,
/// stays complete by adding to it what [`Pairs::edge`] creates.
///
/// Most pairs have one or two relationships, so a pair's list is kept inline (no allocation
/// for up to four).
#[derive(Default)]
struct Pairs(HashMap<(NodeId, NodeId), SmallVec<[EdgeId; 4]>>);

impl Pairs {
    /// Records a relationship, or merges it into an identical one between the same nodes;
    /// returns whether it made a new one.
    #[allow(clippy::too_many_arguments)]
    fn edge(
        &mut self,
        g: &mut Graph,
        from: NodeId,
        to: NodeId,
        ty: &str,
        props: Vec<(&str, Value)>,
        src: Vec<Span>,
        conf: f32,
    ) -> bool {
        let known = self
            .0
            .entry((from, to))
            .or_insert_with(|| SmallVec::from_vec(g.edges_between(from, to)));
        // merge with an identical existing relationship
        let same = known.iter().copied().find(|&e| {
            g.edge(e).is_some_and(|x| {
                x.rel_type == ty
                    && props
                        .iter()
                        .all(|(k, v)| same_fact_value(k, x.props.get(*k), v))
            })
        });
        if let Some(e) = same {
            if let Some(x) = g.edge_mut(e) {
                push_sources(&mut x.sources, src);
                set_conf(&mut x.props, conf);
                for (k, v) in props {
                    if k == "count"
                        && let (Some(Value::Int(old)), Value::Int(new)) = (x.props.get("count"), &v)
                    {
                        let sum = old + new;
                        x.props.insert("count".into(), Value::Int(sum));
                    }
                }
            }
            return false;
        }
        let mut e = Edge::new(ty);
        // Room for exactly these and the confidence: a vector's first growth makes room for
        // four (224 bytes), which for a million relationships was 0.15 GB of unused space.
        e.props = crate::graph::Props::with_capacity(props.len() + 1);
        for (k, v) in props {
            e.props.insert(k.into(), v);
        }
        e.sources = sorted(src);
        set_conf(&mut e.props, conf);
        match g.add_edge(from, to, e) {
            Some(id) => {
                known.push(id);
                true
            }
            None => false,
        }
    }
}

/// The offices `person` holds: the country or organization and the lower-cased title, newest
/// first (the order of the graph's relationship list).
fn offices_held(g: &Graph, person: NodeId) -> Vec<(NodeId, String)> {
    g.edges_of(person, Direction::Outgoing)
        .filter_map(|(e, o)| {
            let x = g.edge(e)?;
            (x.rel_type == schema::HOLDS_OFFICE).then(|| {
                let title = x.props.get("title").and_then(Value::as_str).unwrap_or("");
                (o, title.to_lowercase())
            })
        })
        .collect()
}

/// Merges extracted documents into the graph.
/// Merges documents' facts into the graph, in order (see [`Merger`]).
pub fn merge_all(g: &mut Graph, docs: Vec<(SourceDoc, String, DocFacts)>) {
    if docs.is_empty() {
        return;
    }
    let mut merger = Merger::new(g);
    for doc in docs {
        merger.add(g, doc);
    }
    merger.finish(g);
}

/// An office whose country or organization the sentence left to context; settled in
/// [`Merger::finish`], once every document's offices are known.
struct Deferred {
    person: NodeId,
    title: String,
    former: bool,
    src: Vec<Span>,
    conf: f32,
    rule: RuleName,
    doc: u32,
}

impl Deferred {
    /// Records the office now that its country or organization `of` is known; the confidence
    /// drops by `factor` for having been inferred.
    /// Returns whether that made a new relationship (rather than adding to an identical one).
    fn settle(self, g: &mut Graph, pairs: &mut Pairs, of: NodeId, rule: &str, factor: f32) -> bool {
        pairs.edge(
            g,
            self.person,
            of,
            schema::HOLDS_OFFICE,
            vec![
                ("title", Value::from(self.title)),
                ("former", Value::Bool(self.former)),
                ("rule", Value::from(rule)),
            ],
            self.src,
            self.conf * factor,
        )
    }
}

/// Resolution as a stream: [`Merger::add`] merges one document at a time (so merging can run
/// while later documents are still being extracted), [`Merger::finish`] settles what needs every
/// document (offices left to context, meeting names and edges, gazetteer containment). Adding
/// documents one by one and finishing gives the same graph as [`merge_all`] on all of them.
pub struct Merger {
    meetings: Vec<GlobalMeeting>,
    old_meetings: usize,
    meeting_index: MeetingIndex,
    statements_by_text: HashMap<String, NodeId>,
    person_counts: HashMap<NodeId, usize>,
    parts: NameParts,
    containment: Containment,
    deferred: Vec<Deferred>,
    pairs: Pairs,
}

impl Merger {
    /// Starts merging into `g` (which may already hold documents).
    pub fn new(g: &Graph) -> Self {
        let meetings = existing_meetings(g);
        let mut meeting_index = MeetingIndex::default();
        for (i, m) in meetings.iter().enumerate() {
            meeting_index.add(i, &m.fact);
        }
        let statements_by_text = g
            .nodes_with_label(schema::STATEMENT)
            .iter()
            .filter_map(|&n| {
                let x = g.node(n)?;
                let doc = x.sources.first()?.doc;
                Some((
                    format!("{doc}\u{1f}{}", fold_name(x.props.get("text")?.as_str()?)),
                    n,
                ))
            })
            .collect();
        Merger {
            old_meetings: meetings.len(),
            meetings,
            meeting_index,
            statements_by_text,
            person_counts: HashMap::new(),
            parts: NameParts::from_graph(g),
            containment: Containment::from_graph(g),
            deferred: Vec::new(),
            pairs: Pairs::default(),
        }
    }

    /// Makes room for about `pairs` node pairs joined by new relationships, so a large ingest
    /// does not rehash the map of pairs as it grows.
    pub fn reserve_pairs(&mut self, pairs: usize) {
        self.pairs.0.reserve(pairs);
    }

    /// Merges one document (its source, content hash and facts).
    pub fn add(&mut self, g: &mut Graph, (doc, hash, facts): (SourceDoc, String, DocFacts)) {
        let Merger {
            meetings,
            meeting_index,
            statements_by_text,
            person_counts,
            parts,
            containment,
            deferred,
            pairs,
            ..
        } = self;
        let len = doc.text.len() as u32;
        let doc_id = g.add_document(DocumentInfo {
            id: doc.id.clone(),
            file: doc.file.clone(),
            title: facts.title.clone(),
            date: facts.date.clone(),
            hash,
            text: doc.text,
            node: None,
        });
        let mut dnode = Node::new(schema::DOCUMENT);
        dnode.props.insert("file".into(), Value::from(doc.file));
        dnode.props.insert("name".into(), Value::from(doc.id));
        if let Some(t) = &facts.title {
            dnode.props.insert("title".into(), Value::from(t.clone()));
        }
        if let Some(d) = &facts.date {
            dnode.props.insert("date".into(), Value::from(d.clone()));
        }
        dnode.sources.push(Span {
            doc: doc_id,
            start: 0,
            end: len,
        });
        let dn = g.add_node(dnode);
        if let Some(d) = g.document_mut(doc_id) {
            d.node = Some(dn);
        }
        // entities: persons with full names first so surnames find them
        let mut order: Vec<usize> = (0..facts.entities.len()).collect();
        order.sort_by_key(|&i| {
            let e = &facts.entities[i];
            (
                e.label != Label::Person,
                std::cmp::Reverse(e.name.split_whitespace().count()),
            )
        });
        let mut map: Vec<Option<NodeId>> = vec![None; facts.entities.len()];
        for i in order {
            let e = &facts.entities[i];
            if e.count == 0 || e.spans.is_empty() {
                continue;
            }
            let n = node_for(g, e, person_counts, parts);
            map[i] = Some(n);
            let src = spans(doc_id, &e.spans);
            let aliases = e.aliases.clone();
            let conf = e.confidence;
            // Aliases are indexed: only a new one needs the indexing update.
            let new_alias = g.node(n).is_some_and(|x| {
                let known = x.aliases();
                aliases.iter().any(|a| !known.contains(&a.as_str()))
            });
            if new_alias {
                g.update_node(n, |x| {
                    for a in &aliases {
                        add_alias(x, a);
                    }
                });
            }
            g.update_node_unindexed(n, |sources, props| {
                push_sources(sources, src);
                let raised = raised_conf(props.get("confidence"), conf);
                props.insert("confidence", raised);
            });
            *person_counts.entry(n).or_default() += e.count;
            pairs.edge(
                g,
                n,
                dn,
                schema::MENTIONED_IN,
                vec![("count", Value::Int(e.count as i64))],
                spans(doc_id, &e.spans[..1]),
                conf,
            );
        }
        let id = |i: usize| map.get(i).copied().flatten();
        // offices
        for o in &facts.offices {
            let Some(p) = id(o.person) else { continue };
            let src = spans(doc_id, std::slice::from_ref(&o.span));
            match o.of.and_then(id) {
                Some(t) => {
                    pairs.edge(
                        g,
                        p,
                        t,
                        schema::HOLDS_OFFICE,
                        vec![
                            ("title", Value::from(o.title.clone())),
                            ("former", Value::Bool(o.former)),
                        ],
                        src,
                        o.confidence,
                    );
                }
                None => deferred.push(Deferred {
                    person: p,
                    title: o.title.clone(),
                    former: o.former,
                    src,
                    conf: o.confidence,
                    rule: o.rule,
                    doc: doc_id,
                }),
            }
        }
        for r in &facts.relatives {
            if let (Some(p), Some(q)) = (id(r.person), id(r.of)) {
                pairs.edge(
                    g,
                    p,
                    q,
                    schema::RELATIVE_OF,
                    vec![("relation", Value::from(r.relation.clone()))],
                    spans(doc_id, std::slice::from_ref(&r.span)),
                    r.confidence,
                );
            }
        }
        for l in &facts.located_in {
            if let (Some(p), Some(q)) = (id(l.place), id(l.within))
                && p != q
            {
                pairs.edge(
                    g,
                    p,
                    q,
                    schema::LOCATED_IN,
                    vec![],
                    spans(doc_id, std::slice::from_ref(&l.span)),
                    l.confidence,
                );
                containment.located.insert((node_ix(p), node_ix(q)));
            }
        }
        // statements
        for s in &facts.statements {
            // one node per quotation per article (the same words in two articles are two reports)
            let key = format!("{doc_id}\u{1f}{}", fold_name(&s.text));
            let existing = statements_by_text.get(&key).copied();
            let src = spans(doc_id, std::slice::from_ref(&s.span));
            let sn = match existing {
                Some(n) => {
                    g.update_node_unindexed(n, |sources, _| push_sources(sources, src.clone()));
                    n
                }
                None => {
                    let mut node = Node::new(schema::STATEMENT);
                    let short: String = s.text.chars().take(60).collect();
                    node.props.insert("name".into(), Value::from(short));
                    node.props
                        .insert("text".into(), Value::from(s.text.clone()));
                    if let Some(d) = &s.date {
                        node.props.insert("date".into(), Value::from(d.clone()));
                    }
                    node.props.insert("rule".into(), Value::from(s.rule));
                    if let Some(r) = s.reported_by.and_then(|r| facts.entities.get(r)) {
                        node.props
                            .insert("reported_by".into(), Value::from(r.name.clone()));
                    }
                    node.sources = sorted(src.clone());
                    set_conf(&mut node.props, s.confidence);
                    let n = g.add_node(node);
                    statements_by_text.insert(key, n);
                    n
                }
            };
            if let Some(sp) = s.speaker.and_then(id) {
                let mut ev = src.clone();
                if let Some(a) = &s.attribution {
                    ev.extend(spans(doc_id, std::slice::from_ref(a)));
                }
                pairs.edge(g, sp, sn, schema::SAID, vec![], ev, s.confidence);
            }
            for &m in &s.mentions {
                if let Some(t) = id(m) {
                    pairs.edge(g, sn, t, schema::MENTIONS, vec![], src.clone(), 0.8);
                }
            }
        }
        // meetings, merged across documents
        for m in &facts.meetings {
            let mut f = m.clone();
            f.participants = f
                .participants
                .iter()
                .filter_map(|&p| id(p))
                .map(node_ix)
                .collect();
            f.participants.dedup();
            f.place = f.place.and_then(id).map(node_ix);
            f.event_org = f.event_org.and_then(id).map(node_ix);
            let src = spans(doc_id, &f.spans);
            f.spans.clear();
            let within = |p: usize, q: usize| containment.within(g, p, q);
            let hit = meeting_index
                .candidates(&f)
                .into_iter()
                .find(|&i| same_event(&meetings[i].fact, &f, &within));
            match hit {
                Some(i) => {
                    let node = meetings[i].node;
                    absorb(&mut meetings[i].fact, f);
                    meeting_index.add(i, &meetings[i].fact);
                    meetings[i].touched = true;
                    g.update_node_unindexed(node, |sources, _| push_sources(sources, src));
                }
                None => {
                    let mut node = Node::new(schema::MEETING);
                    node.sources = sorted(src);
                    set_conf(&mut node.props, f.confidence);
                    node.props.insert("rule".into(), Value::from(f.rule));
                    let n = g.add_node(node);
                    meeting_index.add(meetings.len(), &f);
                    meetings.push(GlobalMeeting {
                        node: n,
                        fact: f,
                        doc: doc_id,
                        touched: true,
                    });
                }
            }
        }
    }

    /// Settles what needs every document; call once after the last [`Merger::add`].
    pub fn finish(self, g: &mut Graph) {
        let Merger {
            meetings,
            old_meetings,
            deferred,
            mut pairs,
            ..
        } = self;
        // gazetteer containment for places now in the graph
        for &p in g.nodes_with_label(schema::PLACE).to_vec().iter() {
            let Some(name) = g.node(p).and_then(|x| x.name()).map(String::from) else {
                continue;
            };
            let Some(gi) = GAZETTEER.by_name(&name) else {
                continue;
            };
            let mut within = GAZETTEER.entry(gi).and_then(|e| e.within.clone());
            let src = g
                .node(p)
                .map(|x| x.sources.iter().take(1).copied().collect::<Vec<_>>())
                .unwrap_or_default();
            let mut hops = 0;
            while let Some(w) = within.take() {
                let target = g.nodes_named(&w).iter().copied().find(|&n| {
                    g.node(n)
                        .is_some_and(|x| x.has_label(schema::COUNTRY) || x.has_label(schema::PLACE))
                        && n != p
                });
                if let Some(t) = target {
                    pairs.edge(
                        g,
                        p,
                        t,
                        schema::LOCATED_IN,
                        vec![("rule", Value::from("gazetteer"))],
                        src.clone(),
                        0.9,
                    );
                }
                hops += 1;
                if hops < 3 {
                    within = GAZETTEER
                        .by_name(&w)
                        .and_then(|i| GAZETTEER.entry(i))
                        .and_then(|e| e.within.clone());
                }
            }
        }
        // offices whose country the sentence left to context: first from the person's other offices,
        // then from the article's home country (the country most of its other unqualified titles belong to)
        let mut votes: HashMap<u32, HashMap<NodeId, usize>> = HashMap::new();
        let mut rest = Vec::new();
        let mut seen_vote: HashSet<(u32, NodeId)> = HashSet::new();
        // read once per person: a person named in thousands of articles has as many relationships
        let mut offices: HashMap<NodeId, Vec<(NodeId, String)>> = HashMap::new();
        for d in deferred {
            let head = d
                .title
                .to_lowercase()
                .split_whitespace()
                .last()
                .unwrap_or("")
                .to_string();
            let known = offices
                .entry(d.person)
                .or_insert_with(|| offices_held(g, d.person));
            let target = known
                .iter()
                .find(|(_, t)| t.split_whitespace().last() == Some(head.as_str()))
                .or_else(|| {
                    known
                        .iter()
                        .find(|(o, _)| g.node(*o).is_some_and(|x| x.has_label(schema::COUNTRY)))
                })
                .map(|x| x.0);
            match target {
                Some(t) => {
                    if g.node(t).is_some_and(|x| x.has_label(schema::COUNTRY))
                        && seen_vote.insert((d.doc, d.person))
                    {
                        *votes.entry(d.doc).or_default().entry(t).or_default() += 1;
                    }
                    let (rule, title) = (d.rule, d.title.to_lowercase());
                    if d.settle(g, &mut pairs, t, rule, 0.8) {
                        // the newest relationship comes first, as in the graph's own list
                        known.insert(0, (t, title));
                    }
                }
                None => rest.push(d),
            }
        }
        for d in rest {
            let home = votes.get(&d.doc).and_then(|v| {
                let mut v: Vec<(NodeId, usize)> = v.iter().map(|(k, c)| (*k, *c)).collect();
                v.sort_by_key(|(n, c)| (std::cmp::Reverse(*c), *n));
                v.first().map(|x| x.0)
            });
            if let Some(t) = home {
                d.settle(g, &mut pairs, t, "home-country", 0.6);
            }
        }
        // write the meetings (only those this run touched)
        for (mi, m) in meetings.into_iter().enumerate() {
            if mi < old_meetings && !m.touched {
                continue;
            }
            let names: Vec<String> = m
                .fact
                .participants
                .iter()
                .filter_map(|&p| {
                    let x = g.node(ix_node(p))?;
                    // the surname as the articles use it alone ("Kim", "Lee"), else the full name
                    let short = x
                        .aliases()
                        .into_iter()
                        .filter(|a| !a.contains(' ') && x.name().is_some_and(|n| n.contains(' ')))
                        .min_by_key(|a| a.len())
                        .map(String::from);
                    short.or_else(|| x.name().map(String::from))
                })
                .take(3)
                .collect();
            let doc_year = g
                .document(m.doc)
                .and_then(|d| d.date.clone())
                .and_then(|d| d.get(..4).map(String::from));
            let mut date = m.fact.date.clone();
            if date.is_none() && m.fact.status != Status::Held
                || date.is_none() && m.fact.participants.len() >= 2
            {
                date = doc_year;
            }
            let mut name = match m
                .fact
                .event_org
                .and_then(|o| g.node(ix_node(o)))
                .and_then(|x| {
                    x.aliases()
                        .into_iter()
                        .filter(|a| a.chars().all(|c| c.is_uppercase() || c == '.'))
                        .min_by_key(|a| a.len())
                        .map(String::from)
                        .or(x.name().map(String::from))
                }) {
                Some(org) => format!(
                    "{org} {}",
                    if m.fact.kind == "summits" {
                        "summit"
                    } else {
                        &m.fact.kind
                    }
                ),
                None => format!("{} {}", names.join("–"), m.fact.kind),
            };
            if let Some(d) = &date {
                name = format!("{name} ({d})");
            }
            let f = m.fact.clone();
            g.update_node(m.node, |x| {
                x.props.insert("name".into(), Value::from(name));
                x.props
                    .insert("status".into(), Value::from(f.status.as_str()));
                x.props.insert("kind".into(), Value::from(f.kind.clone()));
                if let Some(d) = &date {
                    x.props.insert("date".into(), Value::from(d.clone()));
                }
                if let Some(d) = &f.date_end {
                    x.props.insert("date_end".into(), Value::from(d.clone()));
                }
                if let Some(o) = f.event_org {
                    x.props.insert("event_org".into(), Value::Int(o as i64));
                }
            });
            let src = g
                .node(m.node)
                .map(|x| x.sources.clone())
                .unwrap_or_default();
            for &p in &m.fact.participants {
                pairs.edge(
                    g,
                    ix_node(p),
                    m.node,
                    schema::PARTICIPATED_IN,
                    vec![],
                    src.clone(),
                    m.fact.confidence,
                );
            }
            if let Some(p) = m.fact.place {
                pairs.edge(
                    g,
                    m.node,
                    ix_node(p),
                    schema::HELD_IN,
                    vec![],
                    src.clone(),
                    m.fact.confidence,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::meetings::iso_year_month;
    use super::*;

    fn meeting(participants: &[usize], place: Option<usize>, date: Option<&str>) -> MeetingFact {
        MeetingFact {
            participants: participants.to_vec(),
            place,
            date: date.map(String::from),
            date_end: None,
            date_weak: false,
            status: Status::Held,
            kind: "talks".into(),
            event_org: None,
            spans: vec![],
            confidence: 0.9,
            rule: "test",
        }
    }

    /// The index must propose every meeting `same_event` would accept: compare it with the plain
    /// scan over all pairs of a small mixed set.
    #[test]
    fn meeting_index_proposes_every_mergeable_meeting() {
        let dates = [
            None,
            Some("2025"),
            Some("2025-08"),
            Some("2025-08-26"),
            Some("2025-09-01"),
            Some("2024-08-26"),
            Some("2025-8"),
            Some("last week"),
        ];
        let mut all = Vec::new();
        for (i, d) in dates.iter().enumerate() {
            all.push(meeting(&[1, 2], None, *d));
            all.push(meeting(&[2], Some(7), *d));
            all.push(meeting(&[3 + i], Some(7), *d));
            all.push(meeting(&[20 + i, 40 + i], Some(7), *d));
        }
        let mut index = MeetingIndex::default();
        for (i, m) in all.iter().enumerate() {
            index.add(i, m);
        }
        let within = |_: usize, _: usize| false;
        for new in &all {
            let scan: Vec<usize> = (0..all.len())
                .filter(|&i| same_event(&all[i], new, &within))
                .collect();
            let proposed = index.candidates(new);
            for i in &scan {
                assert!(proposed.contains(i), "{new:?} misses {:?}", all[*i]);
            }
        }
        // another month and another year are not proposed
        let september = index.candidates(&meeting(&[1, 2], None, Some("2025-09-01")));
        assert!(september.iter().all(|&i| {
            !matches!(
                all[i].date.as_deref(),
                Some("2025-08" | "2025-08-26" | "2024-08-26")
            )
        }));
        assert!(september.len() < all.len());
        // two meetings of two or more people at one place, with no one in common, are not
        // proposed to each other (only meetings of fewer than two people merge by place alone)
        let at_place = index.candidates(&meeting(&[60, 61], Some(7), None));
        assert!(!at_place.is_empty());
        assert!(at_place.iter().all(|&i| all[i].participants.len() < 2));
    }

    #[test]
    fn iso_dates_split_into_year_and_month() {
        assert_eq!(iso_year_month(Some("2025-08-26")), Some((2025, Some(8))));
        assert_eq!(iso_year_month(Some("2025")), Some((2025, None)));
        assert_eq!(iso_year_month(Some("2025-8")), None);
        assert_eq!(iso_year_month(Some("Tuesday")), None);
        assert_eq!(iso_year_month(None), None);
    }
}
