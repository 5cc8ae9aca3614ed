//! newsgraph: news articles in, a queryable knowledge graph out.
//!
//! Stages: [`text`] (read and prepare articles) → [`extract`] (entities and facts, resolved into
//! the graph) → [`graph`] (the property graph and its file) → [`query`] / [`export`] / [`repl`].
#![forbid(unsafe_code)]

pub mod export;
pub mod extract;
#[path = "gen/mod.rs"]
pub mod generator;
pub mod graph;
pub mod inputs;
pub mod query;
pub mod repl;
pub mod text;
