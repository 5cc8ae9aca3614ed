//! Pattern matching: binds pattern variables to nodes and relationships, one row at a time.
//!
//! Matching starts from the most selective end of each pattern (a bound variable, an indexed
//! `name`, a label), walks relationships depth-first, keeps relationships unique within a
//! MATCH, and bounds variable-length and shortest-path expansion by [`crate::query::Limits`].

use crate::graph::{EdgeId, NodeId};
use crate::query::ast::*;
use crate::query::error::{QueryError, SemanticKind};
use crate::query::eval::{Eval, R, Row, truth};
use crate::query::value::Value;
use petgraph::Direction;
use std::collections::HashMap;
use std::rc::Rc;

type Sink<'s> = dyn FnMut(Row) -> R<bool> + 's;

/// Every way `parts` can be matched, as extensions of `row`.
pub fn match_parts(ev: &Eval, row: &Row, parts: &[PatternPart]) -> R<Vec<Row>> {
    let mut out = Vec::new();
    let mut m = Matcher::new(ev);
    m.parts(parts, 0, row.clone(), &mut |r| {
        out.push(r);
        ev.check_rows(out.len())?;
        Ok(true)
    })?;
    Ok(out)
}

/// Every match of `parts` that also satisfies `filter`, stopping after `limit` (if given).
pub fn match_filtered(
    ev: &Eval,
    row: &Row,
    parts: &[PatternPart],
    filter: Option<&Expr>,
    limit: Option<usize>,
) -> R<Vec<Row>> {
    let mut out = Vec::new();
    let mut m = Matcher::new(ev);
    m.parts(parts, 0, row.clone(), &mut |r| {
        if let Some(f) = filter
            && truth(&ev.eval(&r, f)?)? != Some(true)
        {
            return Ok(true);
        }
        out.push(r);
        ev.check_rows(out.len())?;
        Ok(limit.is_none_or(|l| out.len() < l))
    })?;
    Ok(out)
}

/// True when `parts` has at least one match (satisfying `filter`).
pub fn exists(ev: &Eval, row: &Row, parts: &[PatternPart], filter: Option<&Expr>) -> R<bool> {
    // A null-bound variable makes the pattern unmatchable; openCypher returns null-free false.
    Ok(!match_filtered(ev, row, parts, filter, Some(1))?.is_empty())
}

struct Matcher<'e, 'a> {
    ev: &'e Eval<'a>,
    used: Vec<EdgeId>,
    steps: usize,
    /// Type-filtered relationship lists of high-degree nodes (see [`Matcher::expand`]).
    hubs: HashMap<(NodeId, u8), HubLists>,
}

/// A hub's relationship lists, one per set of wanted types.
type HubLists = Vec<(Vec<String>, Rc<Vec<(EdgeId, NodeId)>>)>;

/// A node with at least this many relationships in one direction is a hub: its filtered
/// relationship lists are remembered during a match.
const HUB_DEGREE: usize = 256;

fn score(np: &NodePattern, row: &Row) -> u8 {
    if np.var.as_ref().is_some_and(|v| row.contains_key(v)) {
        0
    } else if name_literal(np).is_some() {
        1
    } else if !np.labels.is_empty() {
        2
    } else {
        3
    }
}

fn name_literal(np: &NodePattern) -> Option<&Expr> {
    match &np.props {
        Some(Expr::Map(entries)) => entries.iter().find(|(k, _)| k == "name").map(|(_, e)| e),
        _ => None,
    }
}

fn flip(d: Dir) -> Dir {
    match d {
        Dir::Left => Dir::Right,
        Dir::Right => Dir::Left,
        Dir::Both => Dir::Both,
    }
}

/// For EXPLAIN: the element as it will be walked given the `bound` variables, whether it was
/// reversed, and how its start node is found.
pub fn start_choice(
    g: &crate::graph::Graph,
    el: &PatternElement,
    bound: &[String],
) -> (PatternElement, bool, String) {
    let row: Row = bound.iter().map(|v| (v.clone(), Value::Null)).collect();
    let (el, reversed) = orient(el, &row);
    let access = match score(&el.start, &row) {
        0 => "the node bound earlier".to_string(),
        1 => "name index lookup".to_string(),
        2 => {
            let (label, n) = el
                .start
                .labels
                .iter()
                .map(|l| (l.clone(), g.nodes_with_label(l).len()))
                .min_by_key(|(_, n)| *n)
                .unwrap_or_default();
            format!("label index :{label} ({n} nodes)")
        }
        _ => format!("scan of all {} nodes", g.node_count()),
    };
    (el, reversed, access)
}

/// The element walked from its most selective end; true when reversed.
fn orient(el: &PatternElement, row: &Row) -> (PatternElement, bool) {
    let Some((_, last)) = el.chain.last() else {
        return (el.clone(), false);
    };
    if score(last, row) >= score(&el.start, row) {
        return (el.clone(), false);
    }
    let mut nodes: Vec<&NodePattern> = vec![&el.start];
    nodes.extend(el.chain.iter().map(|(_, n)| n));
    let mut chain = Vec::new();
    for k in (0..el.chain.len()).rev() {
        let mut r = el.chain[k].0.clone();
        r.dir = flip(r.dir);
        chain.push((r, nodes[k].clone()));
    }
    (
        PatternElement {
            start: last.clone(),
            chain,
        },
        true,
    )
}

impl<'e, 'a> Matcher<'e, 'a> {
    fn new(ev: &'e Eval<'a>) -> Self {
        Matcher {
            ev,
            used: Vec::new(),
            steps: 0,
            hubs: HashMap::new(),
        }
    }

    fn tick(&mut self) -> R<()> {
        self.steps += 1;
        if self.steps.is_multiple_of(1024) {
            self.ev.check_time()?;
        }
        Ok(())
    }

    fn parts(&mut self, parts: &[PatternPart], i: usize, row: Row, sink: &mut Sink) -> R<bool> {
        let Some(part) = parts.get(i) else {
            return sink(row);
        };
        if part.shortest.is_some() {
            for r in self.shortest(part, &row)? {
                if !self.parts(parts, i + 1, r, sink)? {
                    return Ok(false);
                }
            }
            return Ok(true);
        }
        let (el, reversed) = orient(&part.element, &row);
        let (starts, labels_known) = self.candidates(&el.start, &row)?;
        for start in starts {
            self.tick()?;
            let Some(row1) = self.node_ok(&el.start, start, &row, labels_known)? else {
                continue;
            };
            let mut pn = vec![start];
            let mut pr = Vec::new();
            let ctx = Walk {
                parts,
                i,
                el: &el,
                reversed,
            };
            if !self.chain(&ctx, 0, start, row1, &mut pn, &mut pr, sink)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    #[allow(clippy::too_many_arguments)]
    fn chain(
        &mut self,
        w: &Walk,
        k: usize,
        cur: NodeId,
        row: Row,
        pn: &mut Vec<NodeId>,
        pr: &mut Vec<EdgeId>,
        sink: &mut Sink,
    ) -> R<bool> {
        let Some((rp, np)) = w.el.chain.get(k) else {
            let mut row = row;
            if let Some(pv) = &w.parts[w.i].var {
                let (mut nodes, mut rels) = (pn.clone(), pr.clone());
                if w.reversed {
                    nodes.reverse();
                    rels.reverse();
                }
                row.insert(pv.clone(), Value::Path { nodes, rels });
            }
            return self.parts(w.parts, w.i + 1, row, sink);
        };
        if let Some((min, max)) = rp.range {
            let min = min.unwrap_or(1) as usize;
            let max = max.map_or(self.ev.limits.max_depth, |m| m as usize);
            let mut acc = Vec::new();
            return self.varlen(w, k, cur, 0, min, max, &mut acc, &row, pn, pr, sink);
        }
        let bound = match rp.var.as_ref().and_then(|v| row.get(v)) {
            Some(Value::Rel(e)) => Some(*e),
            Some(_) => return Ok(true),
            None => None,
        };
        for &(eid, other) in self.expand(cur, rp.dir, &rp.types).iter() {
            self.tick()?;
            if bound.is_some_and(|b| b != eid) || self.used.contains(&eid) {
                continue;
            }
            if !self.rel_ok(rp, eid, &row)? {
                continue;
            }
            let Some(mut row2) = self.node_ok(np, other, &row, false)? else {
                continue;
            };
            if let Some(v) = &rp.var {
                row2.insert(v.clone(), Value::Rel(eid));
            }
            self.used.push(eid);
            pn.push(other);
            pr.push(eid);
            let go_on = self.chain(w, k + 1, other, row2, pn, pr, sink);
            pn.pop();
            pr.pop();
            self.used.pop();
            if !go_on? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    #[allow(clippy::too_many_arguments)]
    fn varlen(
        &mut self,
        w: &Walk,
        k: usize,
        cur: NodeId,
        depth: usize,
        min: usize,
        max: usize,
        acc: &mut Vec<EdgeId>,
        row: &Row,
        pn: &mut Vec<NodeId>,
        pr: &mut Vec<EdgeId>,
        sink: &mut Sink,
    ) -> R<bool> {
        let (rp, np) = &w.el.chain[k];
        if depth >= min
            && let Some(mut row2) = self.node_ok(np, cur, row, false)?
        {
            let mut ok = true;
            if let Some(v) = &rp.var {
                let mut list: Vec<Value> = acc.iter().map(|e| Value::Rel(*e)).collect();
                if w.reversed {
                    list.reverse();
                }
                match row.get(v) {
                    Some(existing) => ok = existing.equals(&Value::List(list)) == Some(true),
                    None => {
                        row2.insert(v.clone(), Value::List(list));
                    }
                }
            }
            if ok && !self.chain(w, k + 1, cur, row2, pn, pr, sink)? {
                return Ok(false);
            }
        }
        if depth >= max {
            let unbounded = rp.range.is_some_and(|(_, max)| max.is_none());
            if unbounded && !self.ev.depth_cut.get() {
                let goes_on = self.expand(cur, rp.dir, &rp.types).iter().any(|&(eid, _)| {
                    !self.used.contains(&eid) && self.rel_ok(rp, eid, row).unwrap_or(false)
                });
                self.ev.depth_cut.set(goes_on);
            }
            return Ok(true);
        }
        for &(eid, other) in self.expand(cur, rp.dir, &rp.types).iter() {
            self.tick()?;
            if self.used.contains(&eid) || !self.rel_ok(rp, eid, row)? {
                continue;
            }
            self.used.push(eid);
            acc.push(eid);
            pn.push(other);
            pr.push(eid);
            let go_on = self.varlen(w, k, other, depth + 1, min, max, acc, row, pn, pr, sink);
            pn.pop();
            pr.pop();
            acc.pop();
            self.used.pop();
            if !go_on? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// The relationships of `cur` in direction `dir` whose type is one of `types` (any type when
    /// empty), with the node at their other end. A hub (a country mentioned in every article)
    /// has far more relationships than a pattern wants, and a MATCH reaches it again and again;
    /// its filtered list is kept for the rest of the match.
    fn expand(&mut self, cur: NodeId, dir: Dir, types: &[String]) -> Rc<Vec<(EdgeId, NodeId)>> {
        if let Some(lists) = self.hubs.get(&(cur, dir as u8))
            && let Some((_, hit)) = lists.iter().find(|(t, _)| t.as_slice() == types)
        {
            return Rc::clone(hit);
        }
        let g = self.ev.graph;
        let (out, scanned) = match g.adjacency() {
            Some(adj) => compact_list(adj, cur, dir, types),
            None => linked_list(g, cur, dir, types),
        };
        let out = Rc::new(out);
        if scanned >= HUB_DEGREE {
            self.hubs
                .entry((cur, dir as u8))
                .or_default()
                .push((types.to_vec(), Rc::clone(&out)));
        }
        out
    }

    /// The nodes `np` may bind to, and whether they all carry the pattern's labels already
    /// (they came from the index of its only label).
    fn candidates(&self, np: &NodePattern, row: &Row) -> R<(Vec<NodeId>, bool)> {
        let g = self.ev.graph;
        if let Some(v) = &np.var
            && let Some(b) = row.get(v)
        {
            return Ok(match b {
                // bound earlier, perhaps deleted since: the only candidate that may not exist
                Value::Node(id) => (g.node(*id).map(|_| *id).into_iter().collect(), false),
                Value::Null => (vec![], false),
                other => {
                    return Err(QueryError::semantic(
                        SemanticKind::VariableTypeConflict,
                        format!("`{v}` is a {}, not a node", other.type_name()),
                    ));
                }
            });
        }
        if let Some(e) = name_literal(np)
            && let Value::String(s) = self.ev.eval(row, e)?
        {
            return Ok((g.nodes_named(&s).to_vec(), false));
        }
        if !np.labels.is_empty() {
            let best = np
                .labels
                .iter()
                .map(|l| g.nodes_with_label(l))
                .min_by_key(|ids| ids.len())
                .unwrap_or(&[]);
            return Ok((best.to_vec(), np.labels.len() == 1));
        }
        Ok((g.node_ids().collect(), false))
    }

    /// `row` extended by binding `np` to node `id`, or `None` when the node does not fit the
    /// pattern. `labels_known`: the node came from the index of the pattern's only label, so its
    /// labels need not be read; without labels to check or a property map the node is not read
    /// at all, which saves a cache miss per node on a scan or expansion.
    fn node_ok(
        &self,
        np: &NodePattern,
        id: NodeId,
        row: &Row,
        labels_known: bool,
    ) -> R<Option<Row>> {
        let g = self.ev.graph;
        let mut bind = true;
        if let Some(v) = &np.var
            && let Some(b) = row.get(v)
        {
            if *b != Value::Node(id) {
                return Ok(None);
            }
            bind = false;
        }
        // `id` exists (it came from an index, a relationship, or a bound variable that
        // `candidates` checked), so a node without labels to check or properties to compare is
        // not read at all.
        let check_labels = !labels_known && !np.labels.is_empty();
        if check_labels || np.props.is_some() {
            let Some(node) = g.node(id) else {
                return Ok(None);
            };
            if check_labels && !np.labels.iter().all(|l| node.has_label(l)) {
                return Ok(None);
            }
            if let Some(pe) = &np.props
                && !self.props_match(pe, row, |k| node.props.get(k))?
            {
                return Ok(None);
            }
        }
        let mut out = row.clone();
        if bind && let Some(v) = &np.var {
            out.insert(v.clone(), Value::Node(id));
        }
        Ok(Some(out))
    }

    /// Whether relationship `eid` (found by [`Matcher::expand`], so of a wanted type) has the
    /// pattern's properties.
    fn rel_ok(&self, rp: &RelPattern, eid: EdgeId, row: &Row) -> R<bool> {
        let Some(pe) = &rp.props else {
            return Ok(true);
        };
        let Some(edge) = self.ev.graph.edge(eid) else {
            return Ok(false);
        };
        self.props_match(pe, row, |k| edge.props.get(k))
    }

    fn props_match<'p>(
        &self,
        pe: &Expr,
        row: &Row,
        get: impl Fn(&str) -> Option<&'p crate::graph::Value>,
    ) -> R<bool> {
        let want = self.ev.eval(row, pe)?;
        let Value::Map(m) = want else {
            if want.is_null() {
                return Ok(true);
            }
            return Err(QueryError::type_error(format!(
                "a pattern's properties must be a map, got {}",
                want.type_name()
            )));
        };
        for (k, v) in &m {
            let have = get(k).map_or(Value::Null, Value::from);
            if have.equals(v) != Some(true) {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn shortest(&mut self, part: &PatternPart, row: &Row) -> R<Vec<Row>> {
        let el = &part.element;
        let [(rp, end)] = el.chain.as_slice() else {
            return Err(QueryError::semantic(
                SemanticKind::InvalidPattern,
                "shortestPath needs a pattern with exactly one relationship",
            ));
        };
        let (min, max) = rp.range.unwrap_or((Some(1), Some(1)));
        let min = min.unwrap_or(1) as usize;
        if min > 1 {
            return Err(QueryError::semantic(
                SemanticKind::InvalidPattern,
                "shortestPath's minimal length must be 0 or 1",
            ));
        }
        let max = max.map_or(self.ev.limits.max_depth, |m| m as usize);
        let all = part.shortest == Some(Shortest::All);
        let mut out = Vec::new();
        let (starts, labels_known) = self.candidates(&el.start, row)?;
        for s in starts {
            let Some(row1) = self.node_ok(&el.start, s, row, labels_known)? else {
                continue;
            };
            // The end's candidates (one node when it is bound or named): the search stops once
            // every one of them is reached, instead of exploring the graph to the depth bound.
            let (mut targets, _) = self.candidates(end, &row1)?;
            targets.sort();
            targets.dedup();
            let mut unreached: std::collections::HashSet<NodeId> =
                targets.iter().copied().filter(|&t| t != s).collect();
            let mut dist: HashMap<NodeId, usize> = HashMap::new();
            let mut preds: HashMap<NodeId, Vec<(EdgeId, NodeId)>> = HashMap::new();
            dist.insert(s, 0);
            let mut frontier = vec![s];
            let mut depth = 0;
            'levels: while depth < max && !frontier.is_empty() && !unreached.is_empty() {
                let mut next = Vec::new();
                for u in std::mem::take(&mut frontier) {
                    for &(e, v) in self.expand(u, rp.dir, &rp.types).iter() {
                        self.tick()?;
                        if !self.rel_ok(rp, e, &row1)? {
                            continue;
                        }
                        match dist.get(&v) {
                            None => {
                                dist.insert(v, depth + 1);
                                next.push(v);
                                preds.entry(v).or_default().push((e, u));
                                // one shortest path is enough: stop at the last target's first
                                if unreached.remove(&v) && unreached.is_empty() && !all {
                                    break 'levels;
                                }
                            }
                            Some(d) if *d == depth + 1 => {
                                preds.entry(v).or_default().push((e, u));
                            }
                            _ => {}
                        }
                    }
                }
                frontier = next;
                depth += 1;
            }
            let unbounded = rp.range.is_some_and(|(_, max)| max.is_none());
            if unbounded && depth >= max && !unreached.is_empty() && !self.ev.depth_cut.get() {
                // targets were left unreached by the bound: say so if the search could go on
                let mut goes_on = false;
                for &u in &frontier {
                    goes_on = self.expand(u, rp.dir, &rp.types).iter().any(|&(e, v)| {
                        !dist.contains_key(&v) && self.rel_ok(rp, e, &row1).unwrap_or(false)
                    });
                    if goes_on {
                        break;
                    }
                }
                self.ev.depth_cut.set(goes_on);
            }
            let reached: Vec<(NodeId, usize)> = targets
                .into_iter()
                .filter_map(|t| dist.get(&t).map(|&d| (t, d)))
                .collect();
            for (t, d) in reached {
                if d < min || (d == 0 && t != s) {
                    continue;
                }
                let Some(row2) = self.node_ok(end, t, &row1, false)? else {
                    continue;
                };
                let mut paths: Vec<(Vec<NodeId>, Vec<EdgeId>)> = Vec::new();
                collect_paths(&preds, s, t, &mut vec![t], &mut Vec::new(), &mut paths, all);
                for (nodes, rels) in paths {
                    let mut r = row2.clone();
                    if let Some(v) = &rp.var {
                        r.insert(
                            v.clone(),
                            Value::List(rels.iter().map(|e| Value::Rel(*e)).collect()),
                        );
                    }
                    if let Some(v) = &part.var {
                        r.insert(v.clone(), Value::Path { nodes, rels });
                    }
                    out.push(r);
                    self.ev.check_rows(out.len())?;
                }
            }
        }
        Ok(out)
    }
}

/// A node's relationships of the wanted types, read from the compact lists, and how many
/// relationships were looked at.
fn compact_list(
    adj: &crate::graph::Adjacency,
    cur: NodeId,
    dir: Dir,
    types: &[String],
) -> (Vec<(EdgeId, NodeId)>, usize) {
    let wanted: Vec<u16> = types.iter().filter_map(|t| adj.type_id(t)).collect();
    let keep = |a: &&crate::graph::Adjacent| types.is_empty() || wanted.contains(&a.rel_type);
    let pick = |a: &crate::graph::Adjacent| (a.edge, a.other);
    let (outgoing, incoming) = (
        adj.of(cur, Direction::Outgoing),
        adj.of(cur, Direction::Incoming),
    );
    match dir {
        Dir::Right => (
            outgoing.iter().filter(keep).map(pick).collect(),
            outgoing.len(),
        ),
        Dir::Left => (
            incoming.iter().filter(keep).map(pick).collect(),
            incoming.len(),
        ),
        Dir::Both => (
            outgoing
                .iter()
                .filter(keep)
                .chain(incoming.iter().filter(|a| a.other != cur).filter(keep))
                .map(pick)
                .collect(),
            outgoing.len() + incoming.len(),
        ),
    }
}

/// [`compact_list`] walking petgraph's own lists (while a writing query changes the graph).
fn linked_list(
    g: &crate::graph::Graph,
    cur: NodeId,
    dir: Dir,
    types: &[String],
) -> (Vec<(EdgeId, NodeId)>, usize) {
    let mut scanned = 0usize;
    let mut out = Vec::new();
    let mut take = |it: &mut dyn Iterator<Item = (EdgeId, &crate::graph::Edge, NodeId)>| {
        for (e, edge, o) in it {
            scanned += 1;
            if types.is_empty() || types.iter().any(|t| *t == edge.rel_type) {
                out.push((e, o));
            }
        }
    };
    match dir {
        Dir::Right => take(&mut g.edges_with(cur, Direction::Outgoing)),
        Dir::Left => take(&mut g.edges_with(cur, Direction::Incoming)),
        Dir::Both => {
            take(&mut g.edges_with(cur, Direction::Outgoing));
            take(
                &mut g
                    .edges_with(cur, Direction::Incoming)
                    .filter(|(_, _, o)| *o != cur),
            );
        }
    }
    (out, scanned)
}

struct Walk<'p> {
    parts: &'p [PatternPart],
    i: usize,
    el: &'p PatternElement,
    reversed: bool,
}

fn collect_paths(
    preds: &HashMap<NodeId, Vec<(EdgeId, NodeId)>>,
    s: NodeId,
    cur: NodeId,
    nodes: &mut Vec<NodeId>,
    rels: &mut Vec<EdgeId>,
    out: &mut Vec<(Vec<NodeId>, Vec<EdgeId>)>,
    all: bool,
) {
    if !all && !out.is_empty() {
        return;
    }
    if cur == s {
        let mut n = nodes.clone();
        let mut r = rels.clone();
        n.reverse();
        r.reverse();
        out.push((n, r));
        return;
    }
    for (e, u) in preds.get(&cur).map_or(&[][..], Vec::as_slice) {
        nodes.push(*u);
        rels.push(*e);
        collect_paths(preds, s, *u, nodes, rels, out, all);
        nodes.pop();
        rels.pop();
    }
}
