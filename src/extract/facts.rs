//! What one document yields: entities with their mentions, and the facts between them, each with
//! a confidence and the rule that produced it. Nothing here refers to other documents.

use serde::{Deserialize, Serialize};
use std::ops::Range;

use super::record::intern_rule;

/// The name of the rule that produced a fact (a name from the extractor's code). An alias rather
/// than `&'static str` in the fields so that serde does not treat the fields as borrowed from the
/// input; `intern_rule` reads them back.
pub type RuleName = &'static str;

/// The four entity labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Label {
    Person,
    Country,
    Organization,
    Place,
}

impl Label {
    /// The graph label.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => crate::graph::schema::PERSON,
            Label::Country => crate::graph::schema::COUNTRY,
            Label::Organization => crate::graph::schema::ORGANIZATION,
            Label::Place => crate::graph::schema::PLACE,
        }
    }
}

/// An entity of one document (all its mentions merged).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocEntity {
    pub label: Label,
    /// Best name in this document (the longest full form).
    pub name: String,
    /// Every surface form used for it (names, not pronouns or titles).
    pub aliases: Vec<String>,
    /// Gazetteer entry, when it came from there.
    pub gaz: Option<usize>,
    pub confidence: f32,
    /// The rule that first established the entity.
    #[serde(deserialize_with = "intern_rule")]
    pub rule: RuleName,
    /// Number of mentions.
    pub count: usize,
    /// Byte spans of its name mentions.
    pub spans: Vec<Range<usize>>,
}

/// One mention of an entity in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Range<usize>,
    /// Token range.
    pub toks: Range<usize>,
    pub entity: usize,
    #[serde(deserialize_with = "intern_rule")]
    pub rule: RuleName,
    /// A demonym/adjective ("Kenyan"), not a name.
    pub demonym: bool,
    /// A title-only or pronoun reference ("the Kenyan president"): not an alias.
    pub anaphor: bool,
    pub in_quote: bool,
}

/// A person holds an office.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfficeFact {
    pub person: usize,
    pub title: String,
    /// The country or organisation; `None` when the text leaves it to context.
    pub of: Option<usize>,
    pub former: bool,
    pub span: Range<usize>,
    pub confidence: f32,
    #[serde(deserialize_with = "intern_rule")]
    pub rule: RuleName,
}

/// Meeting status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Held,
    Planned,
    Proposed,
}

impl Status {
    /// The property value.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Held => "held",
            Status::Planned => "planned",
            Status::Proposed => "proposed",
        }
    }
}

/// A meeting (summit, talks, visit, call...) described in the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingFact {
    pub participants: Vec<usize>,
    pub place: Option<usize>,
    pub date: Option<String>,
    pub date_end: Option<String>,
    /// The date came from a relative expression or a default (weaker).
    pub date_weak: bool,
    pub status: Status,
    /// The trigger noun/verb ("summit", "met").
    pub kind: String,
    /// Named event ("APEC summit"): the organisation entity it is named after.
    pub event_org: Option<usize>,
    pub spans: Vec<Range<usize>>,
    pub confidence: f32,
    #[serde(deserialize_with = "intern_rule")]
    pub rule: RuleName,
}

/// A direct quotation and who said it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatementFact {
    pub text: String,
    pub span: Range<usize>,
    pub speaker: Option<usize>,
    /// Span of the attribution evidence.
    pub attribution: Option<Range<usize>>,
    pub mentions: Vec<usize>,
    pub reported_by: Option<usize>,
    pub date: Option<String>,
    pub confidence: f32,
    #[serde(deserialize_with = "intern_rule")]
    pub rule: RuleName,
}

/// A family relation stated in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelativeFact {
    pub person: usize,
    pub relation: String,
    pub of: usize,
    pub span: Range<usize>,
    pub confidence: f32,
    #[serde(deserialize_with = "intern_rule")]
    pub rule: RuleName,
}

/// A place lies in another place or a country.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocatedFact {
    pub place: usize,
    pub within: usize,
    pub span: Range<usize>,
    pub confidence: f32,
    #[serde(deserialize_with = "intern_rule")]
    pub rule: RuleName,
}

/// Everything extracted from one document.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DocFacts {
    pub title: Option<String>,
    pub date: Option<String>,
    pub entities: Vec<DocEntity>,
    pub mentions: Vec<Mention>,
    pub offices: Vec<OfficeFact>,
    pub meetings: Vec<MeetingFact>,
    pub statements: Vec<StatementFact>,
    pub relatives: Vec<RelativeFact>,
    pub located_in: Vec<LocatedFact>,
}

impl DocFacts {
    /// Offices, meetings, statements, relatives and containments found (mentions not counted).
    pub fn fact_count(&self) -> usize {
        self.offices.len()
            + self.meetings.len()
            + self.statements.len()
            + self.relatives.len()
            + self.located_in.len()
    }
}
