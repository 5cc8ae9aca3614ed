//! Inputs found by fuzzing (fuzz/fuzz_targets/query.rs) that made the parser backtrack
//! exponentially. Each must finish with a syntax error (or parse, when balanced). With the blowup
//! back, the deep variants here would each take far longer than the whole test suite.

use newsgraph::query::{self, QueryError};

/// The fuzzer's 75-byte timeout input (took 6 s in a debug build).
const FUZZ_TIMEOUT: &str =
    "UNWIND va[2-dett-N1[Ne8[gd[Ne1[NVe8llect-N1[Ne8[gd[Ne1[NVe8[gd[N([N\u{2029}e(\u{3000}";

fn rep(s: &str, n: usize) -> String {
    s.repeat(n)
}

fn assert_syntax_error(q: &str) {
    match query::parse(q) {
        Err(QueryError::Syntax { .. }) => {}
        other => panic!("expected a syntax error for {q:?}, got {other:?}"),
    }
}

#[test]
fn fuzz_timeout_input_is_rejected() {
    assert_syntax_error(FUZZ_TIMEOUT);
    let err = query::parse(FUZZ_TIMEOUT).unwrap_err().to_string();
    assert!(err.contains("line 1, column 69"), "{err}");
}

#[test]
fn deeply_unclosed_brackets_are_rejected() {
    for n in [30, 60] {
        assert_syntax_error(&format!("RETURN {}", rep("[x", n)));
        assert_syntax_error(&format!("RETURN {}", rep("x[", n)));
        assert_syntax_error(&format!("RETURN {}", rep("(x", n)));
        assert_syntax_error(&format!("RETURN {}", rep("[x IN ", n)));
        assert_syntax_error(&format!("RETURN {}", rep("[x IN [1], ", n)));
        assert_syntax_error(&format!("UNWIND {} AS x", rep("va[2-N1[Ne8[gd", n)));
    }
}

#[test]
fn deep_balanced_brackets_parse() {
    let n = 30;
    for q in [
        format!("RETURN {}1{}", rep("[", n), rep("]", n)),
        format!("RETURN {}1{}", rep("(", n), rep(")", n)),
        format!("RETURN x{}{}", rep("[x", n), rep("]", n)),
        format!("RETURN {}[1]{}", rep("[x IN ", n), rep(" | x]", n)),
        format!("RETURN {}1{}", rep("[x IN [1], ", n), rep("]", n)),
        format!("RETURN x{}{}", rep("[0..x", n), rep("]", n)),
    ] {
        if let Err(e) = query::parse(&q) {
            panic!("{q:?} should parse: {e}");
        }
    }
}

#[test]
fn comprehension_and_literal_forms_keep_their_meaning() {
    // `[x IN list, ...]` is a list literal whose first element is the boolean `x IN list`.
    let lit = format!(
        "{:?}",
        query::parse("RETURN [x IN [1, 2] OR true, 3] AS l").unwrap()
    );
    assert!(lit.contains("List(") && !lit.contains("ListComp"), "{lit}");
    let comp = format!(
        "{:?}",
        query::parse("RETURN [x IN [1, 2] WHERE x > 1 | x] AS l").unwrap()
    );
    assert!(comp.contains("ListComp"), "{comp}");
    let slice = format!(
        "{:?}",
        query::parse("RETURN [1, 2][1..], [1, 2][..1], [1, 2][0]").unwrap()
    );
    assert!(
        slice.contains("Slice(") && slice.contains("Index("),
        "{slice}"
    );
    assert_syntax_error("RETURN [1, 2][]");
}

#[test]
fn runaway_backtracking_is_bounded() {
    // Forms the grammar still tries two ways; the parser's call limit stops them.
    assert_syntax_error(&format!("RETURN {}", rep("[(a {k: ", 30)));
}

#[test]
fn a_backslash_in_a_backticked_name_does_not_hide_the_nesting_limit() {
    let deep = format!("{}1{}", rep("(", 300), rep(")", 300));
    for name in ["`\\`", "`a\\`", "`x``\\`"] {
        let err = query::parse(&format!("RETURN {name}, {deep}"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("nested too deeply"), "{name}: {err}");
    }
    // Nor does a quote in a comment.
    for comment in ["// it's\n", "/* it's */", "/*/ ' */"] {
        let err = query::parse(&format!("RETURN 1 {comment}, {deep}"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("nested too deeply"), "{comment}: {err}");
    }
    // Balanced and shallow: still fine.
    assert!(query::parse("RETURN `a\\` + (1), '\\'' + (2)").is_ok());
    assert!(query::parse("RETURN 1 /* ( [ ' */ + (2) // ( '\n + '//' + (3)").is_ok());
}
