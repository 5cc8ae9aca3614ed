//! The ground truth of a generated corpus, in the shape of ../shared/gold/SCHEMA.md.

use serde::{Deserialize, Serialize};

/// A whole gold file.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Gold {
    pub corpus: String,
    pub documents: Vec<GoldDocument>,
    pub entities: Vec<GoldEntity>,
    pub offices: Vec<GoldOffice>,
    pub relatives: Vec<GoldRelative>,
    pub located_in: Vec<GoldLocatedIn>,
    pub meetings: Vec<GoldMeeting>,
    pub statements: Vec<GoldStatement>,
}

/// One article.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GoldDocument {
    pub doc: String,
    pub file: String,
    pub date: String,
    pub title: String,
}

/// A person, country, organization or place.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GoldEntity {
    pub id: String,
    pub label: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub docs: Vec<String>,
    pub optional: bool,
}

/// An office a person holds.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GoldOffice {
    pub person: String,
    pub titles: Vec<String>,
    pub of: String,
    pub former: bool,
    pub optional: bool,
}

/// A family relation (the generator writes none yet, the list is kept for the schema).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GoldRelative {
    pub person: String,
    pub relation: String,
    pub of: String,
}

/// A place inside a country.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GoldLocatedIn {
    pub place: String,
    #[serde(rename = "in")]
    pub within: String,
}

/// A meeting between two or more parties.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GoldMeeting {
    pub id: String,
    pub description: String,
    pub participants: Vec<String>,
    pub date: Option<String>,
    pub place: Option<String>,
    pub status: String,
    pub docs: Vec<String>,
    pub optional: bool,
}

/// A direct quotation and its speaker.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GoldStatement {
    pub id: String,
    pub doc: String,
    pub speaker: String,
    pub alt_speakers: Vec<String>,
    pub text: String,
    pub optional: bool,
}
