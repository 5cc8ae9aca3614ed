//! Behaviour of the query language on a small hand-made news graph.

use newsgraph::graph::{Edge, Graph, Node, Value as P};
use newsgraph::query::{self, Limits, Params, QueryError, RuntimeKind, SemanticKind, Value};
use std::time::Duration;

fn person(g: &mut Graph, name: &str, aliases: &[&str]) -> newsgraph::graph::NodeId {
    let mut n = Node::new("Person");
    n.props.insert("name".into(), name.into());
    n.props.insert(
        "aliases".into(),
        P::from(aliases.iter().map(|s| s.to_string()).collect::<Vec<_>>()),
    );
    g.add_node(n)
}

fn entity(g: &mut Graph, label: &str, name: &str) -> newsgraph::graph::NodeId {
    let mut n = Node::new(label);
    n.props.insert("name".into(), name.into());
    g.add_node(n)
}

/// Two leaders of invented countries, a summit and who attended it.
fn news() -> Graph {
    let mut g = Graph::new();
    let ana = person(&mut g, "Ana Ruiz", &["Ruiz"]);
    let tom = person(&mut g, "Tomas Berg", &["Berg"]);
    let lea = person(&mut g, "Lea Holm", &[]);
    let nor = entity(&mut g, "Country", "Norland");
    let sud = entity(&mut g, "Country", "Sudmark");
    let city = entity(&mut g, "Place", "Port Vell");
    let mut m = Node::new("Meeting");
    m.props.insert("name".into(), "Harbour Summit".into());
    m.props.insert("date".into(), "2024-05-02".into());
    m.props.insert("status".into(), "held".into());
    let summit = g.add_node(m);
    let mut holds = Edge::new("HOLDS_OFFICE");
    holds.props.insert("title".into(), "President".into());
    g.add_edge(ana, nor, holds.clone());
    g.add_edge(tom, sud, holds);
    let mut minister = Edge::new("HOLDS_OFFICE");
    minister
        .props
        .insert("title".into(), "Foreign Minister".into());
    g.add_edge(lea, nor, minister);
    g.add_edge(ana, summit, Edge::new("PARTICIPATED_IN"));
    g.add_edge(tom, summit, Edge::new("PARTICIPATED_IN"));
    g.add_edge(summit, city, Edge::new("HELD_IN"));
    g.add_edge(city, sud, Edge::new("LOCATED_IN"));
    g
}

fn run(g: &mut Graph, q: &str) -> query::QueryResult {
    run_limited(g, q, &Limits::default())
}

fn run_limited(g: &mut Graph, q: &str, limits: &Limits) -> query::QueryResult {
    match query::execute(g, q, &Params::new(), limits) {
        Ok(r) => r,
        Err(e) => panic!("{q}\n{e}"),
    }
}

/// Limits whose default depth (for patterns without an upper bound) is three hops.
fn three_hops() -> Limits {
    Limits {
        max_depth: 3,
        ..Limits::default()
    }
}

fn strings(r: &query::QueryResult, col: usize) -> Vec<String> {
    r.rows
        .iter()
        .map(|row| match &row[col] {
            Value::String(s) => s.clone(),
            other => format!("{other:?}"),
        })
        .collect()
}

#[test]
fn match_where_return_with_order_and_limit() {
    let mut g = news();
    let r = run(
        &mut g,
        "MATCH (p:Person)-[h:HOLDS_OFFICE]->(c:Country {name: 'Norland'})
         WHERE h.title CONTAINS 'President' OR h.title STARTS WITH 'Foreign'
         RETURN p.name AS name, h.title AS title ORDER BY name DESC LIMIT 5",
    );
    assert_eq!(r.columns, vec!["name", "title"]);
    assert_eq!(strings(&r, 0), vec!["Lea Holm", "Ana Ruiz"]);
}

#[test]
fn aggregation_groups_implicitly() {
    let mut g = news();
    let r = run(
        &mut g,
        "MATCH (p:Person)-[:HOLDS_OFFICE]->(c:Country)
         RETURN c.name AS country, count(*) AS n, collect(p.name) AS people ORDER BY n DESC, country",
    );
    assert_eq!(strings(&r, 0), vec!["Norland", "Sudmark"]);
    assert_eq!(r.rows[0][1], Value::Int(2));
    assert_eq!(r.rows[1][1], Value::Int(1));
}

#[test]
fn undirected_and_alternative_types_and_var_length() {
    let mut g = news();
    let r = run(
        &mut g,
        "MATCH (m:Meeting)-[:HELD_IN|LOCATED_IN*1..2]->(c:Country) RETURN DISTINCT c.name",
    );
    assert_eq!(strings(&r, 0), vec!["Sudmark"]);
    let r = run(
        &mut g,
        "MATCH (a:Person {name: 'Ana Ruiz'})-[:PARTICIPATED_IN]-(m)-[:PARTICIPATED_IN]-(b)
         RETURN b.name",
    );
    assert_eq!(strings(&r, 0), vec!["Tomas Berg"]);
}

#[test]
fn shortest_path_and_named_paths() {
    let mut g = news();
    let r = run(
        &mut g,
        "MATCH (a:Person {name: 'Lea Holm'}), (b:Person {name: 'Tomas Berg'}),
               p = shortestPath((a)-[*]-(b))
         RETURN length(p) AS hops, [n IN nodes(p) | n.name] AS names",
    );
    assert_eq!(r.rows.len(), 1);
    assert_eq!(r.rows[0][0], Value::Int(4));
}

/// The search stops once the end is reached; every shortest path must still be found, and an end
/// given only by its label still gets its own shortest path per node.
#[test]
fn all_shortest_paths_and_unnamed_ends() {
    let mut g = newsgraph::graph::Graph::new();
    newsgraph::query::execute(
        &mut g,
        "CREATE (a:P {name: 'a'}), (b:P {name: 'b'}), (x:Q), (y:Q), (z:Q), (far:P {name: 'far'}),
                (a)-[:R]->(x)-[:R]->(b), (a)-[:R]->(y)-[:R]->(b), (a)-[:R]->(z), (z)-[:R]->(z),
                (b)-[:R]->(far)",
        &Default::default(),
        &Default::default(),
    )
    .expect("create");
    let r = run(
        &mut g,
        "MATCH p = allShortestPaths((a:P {name: 'a'})-[*]-(b:P {name: 'b'})) RETURN length(p)",
    );
    assert_eq!(r.rows.len(), 2);
    assert!(r.rows.iter().all(|row| row[0] == Value::Int(2)));
    let r = run(
        &mut g,
        "MATCH p = shortestPath((a:P {name: 'a'})-[*]-(o:P)) RETURN o.name, length(p) ORDER BY o.name",
    );
    assert_eq!(strings(&r, 0), vec!["b", "far"]);
    assert_eq!(r.rows[1][1], Value::Int(3));
}

#[test]
fn optional_match_gives_nulls_and_null_semantics_hold() {
    let mut g = news();
    let r = run(
        &mut g,
        "MATCH (p:Person) OPTIONAL MATCH (p)-[:PARTICIPATED_IN]->(m:Meeting)
         RETURN p.name AS name, m.name AS meeting, m.name IS NULL AS absent ORDER BY name",
    );
    assert_eq!(r.rows[1][1], Value::Null);
    assert_eq!(r.rows[1][2], Value::Bool(true));
    let r = run(
        &mut g,
        "RETURN null = null AS a, null OR true AS b, 1 IN [null, 1] AS c",
    );
    assert_eq!(
        r.rows[0],
        vec![Value::Null, Value::Bool(true), Value::Bool(true)]
    );
}

#[test]
fn name_lookups_use_the_index_and_exact_names() {
    let mut g = news();
    // The index finds the node by its folded name; the exact comparison still applies.
    let r = run(&mut g, "MATCH (p:Person {name: 'Ana Ruiz'}) RETURN p.name");
    assert_eq!(r.rows.len(), 1);
    let r = run(&mut g, "MATCH (p:Person {name: 'ana ruiz'}) RETURN p.name");
    assert_eq!(r.rows.len(), 0);
}

#[test]
fn functions_case_and_comprehensions() {
    let mut g = news();
    let r = run(
        &mut g,
        "MATCH (m:Meeting) RETURN toUpper(m.name) AS up, date(m.date) AS d,
           CASE m.status WHEN 'held' THEN 'past' ELSE 'future' END AS phase,
           [x IN range(1, 5) WHERE x % 2 = 1 | x * 10] AS odd, size(split('a,b,c', ',')) AS n,
           coalesce(m.missing, 'none') AS c, substring('summit', 1, 3) AS s",
    );
    assert_eq!(
        r.rows[0],
        vec![
            Value::String("HARBOUR SUMMIT".into()),
            Value::String("2024-05-02".into()),
            Value::String("past".into()),
            Value::List(vec![Value::Int(10), Value::Int(30), Value::Int(50)]),
            Value::Int(3),
            Value::String("none".into()),
            Value::String("umm".into()),
        ]
    );
}

#[test]
fn updates_change_the_graph_and_report_statistics() {
    let mut g = news();
    let r = run(
        &mut g,
        "MATCH (a:Person {name: 'Ana Ruiz'}) CREATE (a)-[:SAID]->(s:Statement {text: 'We agree.'})
         SET s.date = '2024-05-02' RETURN s.text",
    );
    assert_eq!(r.stats.nodes_created, 1);
    assert_eq!(r.stats.relationships_created, 1);
    let r = run(&mut g, "MERGE (c:Country {name: 'Norland'}) RETURN c.name");
    assert_eq!(r.stats.nodes_created, 0);
    run(&mut g, "MATCH (s:Statement) DETACH DELETE s");
    let r = run(&mut g, "MATCH (s:Statement) RETURN count(s)");
    assert_eq!(r.rows[0][0], Value::Int(0));
}

#[test]
fn syntax_errors_name_line_column_and_expectation() {
    let mut g = news();
    let e = query::execute(
        &mut g,
        "MATCH (n)\nMATCH (n)-[:]->(m) RETURN n",
        &Params::new(),
        &Limits::default(),
    )
    .unwrap_err();
    match &e {
        QueryError::Syntax {
            line,
            column,
            message,
            snippet,
        } => {
            assert_eq!((*line, *column), (2, 13));
            assert!(message.contains("relationship type"), "{message}");
            assert!(snippet.contains('^'));
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
    assert!(e.to_string().contains("line 2, column 13"));
}

#[test]
fn semantic_and_runtime_errors_are_distinct() {
    let mut g = news();
    let e = query::execute(
        &mut g,
        "MATCH (n) RETURN m",
        &Params::new(),
        &Limits::default(),
    )
    .unwrap_err();
    assert!(matches!(
        e,
        QueryError::Semantic {
            kind: SemanticKind::UndefinedVariable,
            ..
        }
    ));
    let e = query::execute(
        &mut g,
        "MATCH (n) WHERE count(n) > 1 RETURN n",
        &Params::new(),
        &Limits::default(),
    )
    .unwrap_err();
    assert!(matches!(
        e,
        QueryError::Semantic {
            kind: SemanticKind::InvalidAggregation,
            ..
        }
    ));
    let e = query::execute(
        &mut g,
        "MATCH (m:Meeting) RETURN m.name * 2",
        &Params::new(),
        &Limits::default(),
    )
    .unwrap_err();
    assert!(matches!(
        e,
        QueryError::Runtime {
            kind: RuntimeKind::TypeError,
            ..
        }
    ));
}

#[test]
fn limits_bound_rows_and_depth() {
    let mut g = news();
    let limits = Limits {
        max_rows: 100,
        ..Limits::default()
    };
    let e = query::execute(
        &mut g,
        "UNWIND range(1, 1000) AS x RETURN x",
        &Params::new(),
        &limits,
    )
    .unwrap_err();
    assert!(matches!(
        e,
        QueryError::Runtime {
            kind: RuntimeKind::RowLimit,
            ..
        }
    ));
    // A dense graph: unbounded variable-length expansion stops at max_depth.
    let mut dense = Graph::new();
    let ids: Vec<_> = (0..8).map(|_| dense.add_node(Node::new("N"))).collect();
    for a in &ids {
        for b in &ids {
            if a != b {
                dense.add_edge(*a, *b, Edge::new("R"));
            }
        }
    }
    let limits = Limits {
        max_depth: 2,
        timeout: Duration::from_secs(5),
        ..Limits::default()
    };
    let r = query::execute(
        &mut dense,
        "MATCH p = (a)-[*]->(b) RETURN max(length(p)) AS m",
        &Params::new(),
        &limits,
    )
    .unwrap();
    assert_eq!(r.rows[0][0], Value::Int(2));
    let limits = Limits {
        max_depth: 30,
        timeout: Duration::from_millis(200),
        ..Limits::default()
    };
    let e = query::execute(
        &mut dense,
        "MATCH p = (a)-[*]->(b) RETURN count(p)",
        &Params::new(),
        &limits,
    )
    .unwrap_err();
    assert!(matches!(
        e,
        QueryError::Runtime {
            kind: RuntimeKind::Timeout,
            ..
        } | QueryError::Runtime {
            kind: RuntimeKind::RowLimit,
            ..
        }
    ));
}

#[test]
fn parameters_and_union() {
    let mut g = news();
    let mut params = Params::new();
    params.insert("who".into(), Value::String("Tomas Berg".into()));
    let r = query::execute(
        &mut g,
        "MATCH (p:Person {name: $who}) RETURN p.name AS n UNION MATCH (c:Country) RETURN c.name AS n",
        &params,
        &Limits::default(),
    )
    .unwrap();
    let mut names = strings(&r, 0);
    names.sort();
    assert_eq!(names, vec!["Norland", "Sudmark", "Tomas Berg"]);
}

#[test]
fn absurd_nesting_is_an_error_not_a_crash() {
    let mut g = Graph::new();
    for q in [
        format!("RETURN {}1{}", "(".repeat(5000), ")".repeat(5000)),
        format!("RETURN {}", vec!["1"; 50_000].join("+")),
        format!("RETURN {}1", "-".repeat(20_000)),
    ] {
        let e = query::execute(&mut g, &q, &Params::new(), &Limits::default()).unwrap_err();
        assert!(matches!(e, QueryError::Syntax { .. }), "{e}");
    }
    // Deep but bounded nesting still works.
    let mut q = String::from("1");
    for _ in 0..8 {
        q = format!("({q}{})", "+1".repeat(900));
    }
    let r = run(&mut g, &format!("RETURN {q} AS n"));
    assert_eq!(r.rows[0][0], Value::Int(1 + 8 * 900));
}

#[test]
fn explain_shows_index_use_and_start_side() {
    let mut g = news();
    let r = run(
        &mut g,
        "EXPLAIN MATCH (c:Country)<-[:HOLDS_OFFICE]-(p:Person {name: 'Ana Ruiz'}) RETURN c.name",
    );
    assert_eq!(r.columns, vec!["plan"]);
    let plan: Vec<String> = strings(&r, 0);
    let text = plan.join("\n");
    assert!(
        text.contains("start at (p:Person): name index lookup"),
        "{text}"
    );
    assert!(text.contains("from its right end"), "{text}");
    let r = run(&mut g, "EXPLAIN MATCH (m:Meeting)--(x) RETURN x");
    assert!(
        strings(&r, 0)
            .join("\n")
            .contains("label index :Meeting (1 nodes)")
    );
    // EXPLAIN does not run updates.
    let before = g.node_count();
    run(&mut g, "EXPLAIN CREATE (:Person {name: 'New'})");
    assert_eq!(g.node_count(), before);
}

#[test]
fn where_name_equality_uses_the_index_and_keeps_results() {
    let mut g = news();
    let r = run(
        &mut g,
        "EXPLAIN MATCH (p:Person)-[:HOLDS_OFFICE]->(c) WHERE c.name = 'Norland' AND p.name <> 'x' RETURN p",
    );
    assert!(
        strings(&r, 0)
            .join("\n")
            .contains("start at (c): name index lookup")
    );
    let r = run(
        &mut g,
        "MATCH (p:Person)-[:HOLDS_OFFICE]->(c) WHERE c.name = 'Norland' RETURN p.name ORDER BY p.name",
    );
    assert_eq!(strings(&r, 0), vec!["Ana Ruiz", "Lea Holm"]);
    let r = run(
        &mut g,
        "MATCH (p:Person) WHERE p.name = 'ana ruiz' OR p.name = 'Lea Holm' RETURN p.name",
    );
    assert_eq!(strings(&r, 0), vec!["Lea Holm"]);
}

#[test]
fn map_projections() {
    let mut g = news();
    let r = run(
        &mut g,
        "MATCH (p:Person {name: 'Ana Ruiz'})-[h:HOLDS_OFFICE]->(c)
         RETURN p, h, c, p {.name, office: h.title, c, n: count(*)} AS m",
    );
    let Value::Map(m) = &r.rows[0][3] else {
        panic!("expected a map, got {:?}", r.rows[0][3]);
    };
    assert_eq!(m.get("name"), Some(&Value::String("Ana Ruiz".into())));
    assert_eq!(m.get("office"), Some(&Value::String("President".into())));
    assert_eq!(m.get("n"), Some(&Value::Int(1)));
    assert!(matches!(m.get("c"), Some(Value::Node(_))));
    let e = query::execute(
        &mut g,
        "MATCH (p:Person) RETURN p {.name, n: count(*)} AS m",
        &Params::new(),
        &Limits::default(),
    );
    assert!(matches!(e, Err(QueryError::Semantic { .. })));
    let r = run(&mut g, "MATCH (m:Meeting) RETURN m {.*} AS all");
    let Value::Map(m) = &r.rows[0][0] else {
        panic!("expected a map");
    };
    assert_eq!(m.len(), 3);
}

#[test]
fn count_and_exists_subqueries() {
    let mut g = news();
    let r = run(
        &mut g,
        "MATCH (c:Country)
         RETURN c.name AS country, COUNT { (p:Person)-[:HOLDS_OFFICE]->(c) } AS holders,
                EXISTS { MATCH (p:Person)-[:HOLDS_OFFICE]->(c) WHERE p.name STARTS WITH 'Lea' RETURN p } AS lea
         ORDER BY country",
    );
    assert_eq!(
        r.rows,
        vec![
            vec![
                Value::String("Norland".into()),
                Value::Int(2),
                Value::Bool(true)
            ],
            vec![
                Value::String("Sudmark".into()),
                Value::Int(1),
                Value::Bool(false)
            ],
        ]
    );
}

#[test]
fn list_building_is_bounded() {
    let mut g = Graph::new();
    let e = query::execute(
        &mut g,
        "RETURN size([x IN range(1, 999999) | [y IN range(1, 999999) | y]]) AS n",
        &Params::new(),
        &Limits::default(),
    )
    .unwrap_err();
    assert!(matches!(
        e,
        QueryError::Runtime {
            kind: RuntimeKind::RowLimit,
            ..
        }
    ));
}

#[test]
fn built_in_procedures_list_the_schema() {
    let mut g = news();
    let r = run(&mut g, "CALL db.labels()");
    assert_eq!(r.columns, vec!["label"]);
    assert_eq!(
        strings(&r, 0),
        vec!["Country", "Meeting", "Person", "Place"]
    );
    let r = run(&mut g, "CALL db.relationshipTypes()");
    assert!(strings(&r, 0).contains(&"HOLDS_OFFICE".to_string()));
    let e = query::execute(
        &mut g,
        "CALL db.labels() YIELD label RETURN label",
        &Params::new(),
        &Limits::default(),
    );
    assert!(matches!(e, Err(QueryError::Syntax { .. })));
}

#[test]
fn a_set_cancel_flag_stops_the_query() {
    use std::sync::Arc;
    use std::sync::atomic::AtomicBool;
    let mut g = Graph::new();
    let flag = Arc::new(AtomicBool::new(true));
    let limits = Limits {
        cancel: query::CancelFlag::new(flag.clone()),
        ..Limits::default()
    };
    let q = "UNWIND range(1, 100000) AS x WITH x WHERE x % 2 = 0 RETURN count(*)";
    let e = query::execute(&mut g, q, &Default::default(), &limits).unwrap_err();
    assert!(e.to_string().contains("cancelled"), "{e}");
    flag.store(false, std::sync::atomic::Ordering::SeqCst);
    let r = query::execute(&mut g, q, &Default::default(), &limits).unwrap();
    assert_eq!(r.rows[0][0], Value::Int(50000));
}

#[test]
fn a_node_deleted_earlier_in_the_query_no_longer_matches() {
    let mut g = news();
    let r = run(
        &mut g,
        "MATCH (p:Person {name: 'Lea Holm'}) DETACH DELETE p WITH p MATCH (p) RETURN count(*) AS n",
    );
    assert_eq!(r.rows, vec![vec![Value::Int(0)]]);
    // read again after the write: the query's relationship lists are rebuilt without her
    let r = run(&mut g, "MATCH (p:Person)--() RETURN count(DISTINCT p) AS n");
    assert_eq!(r.rows, vec![vec![Value::Int(2)]]);
}

/// A line of `len` places, each LOCATED_IN the next.
fn chain(len: usize) -> Graph {
    let mut g = Graph::new();
    let ids: Vec<_> = (0..len)
        .map(|i| entity(&mut g, "Place", &format!("p{i}")))
        .collect();
    for w in ids.windows(2) {
        g.add_edge(w[0], w[1], Edge::new("LOCATED_IN"));
    }
    g
}

#[test]
fn an_unbounded_pattern_cut_by_the_depth_limit_says_so() {
    let limits = three_hops();
    let q = "MATCH ({name: 'p0'})-[*]->(b) RETURN count(b)";
    // paths go on past three hops: three rows and a notice naming the bound
    let mut long = chain(6);
    let r = run_limited(&mut long, q, &limits);
    assert_eq!(r.rows, vec![vec![Value::Int(3)]]);
    assert_eq!(r.notices.len(), 1, "{:?}", r.notices);
    assert!(r.notices[0].contains("3 hops"), "{:?}", r.notices);
    // an explicit bound is the user's own: no notice
    let r = run_limited(
        &mut long,
        "MATCH ({name: 'p0'})-[*..5]->(b) RETURN count(b)",
        &limits,
    );
    assert_eq!(r.rows, vec![vec![Value::Int(5)]]);
    assert!(r.notices.is_empty(), "{:?}", r.notices);
    // every path ends within the bound: nothing was cut, no notice
    let mut short = chain(4);
    let r = run_limited(&mut short, q, &limits);
    assert_eq!(r.rows, vec![vec![Value::Int(3)]]);
    assert!(r.notices.is_empty(), "{:?}", r.notices);
}

#[test]
fn a_shortest_path_the_depth_limit_kept_from_its_target_says_so() {
    let limits = three_hops();
    let mut g = chain(6);
    let far = "MATCH p = shortestPath(({name: 'p0'})-[*]->({name: 'p5'})) RETURN length(p)";
    let r = run_limited(&mut g, far, &limits);
    assert!(r.rows.is_empty());
    assert_eq!(r.notices.len(), 1, "{:?}", r.notices);
    assert!(r.notices[0].contains("3 hops"), "{:?}", r.notices);
    // with its own bound the search reaches the target, and a near target needs no note
    let bounded = "MATCH p = shortestPath(({name: 'p0'})-[*..6]->({name: 'p5'})) RETURN length(p)";
    let r = run_limited(&mut g, bounded, &limits);
    assert_eq!(r.rows, vec![vec![Value::Int(5)]]);
    assert!(r.notices.is_empty(), "{:?}", r.notices);
    let near = "MATCH p = shortestPath(({name: 'p0'})-[*]->({name: 'p2'})) RETURN length(p)";
    let r = run_limited(&mut g, near, &limits);
    assert_eq!(r.rows, vec![vec![Value::Int(2)]]);
    assert!(r.notices.is_empty(), "{:?}", r.notices);
    // a target that no path reaches at all is not a cut
    let mut split = chain(3);
    entity(&mut split, "Place", "island");
    let none = "MATCH p = shortestPath(({name: 'p0'})-[*]->({name: 'island'})) RETURN length(p)";
    let r = run_limited(&mut split, none, &limits);
    assert!(r.rows.is_empty());
    assert!(r.notices.is_empty(), "{:?}", r.notices);
}
