//! The newsgraph schema: node labels and relationship types the extractor produces.
//! The graph itself accepts any label or type (queries may create their own).

pub const PERSON: &str = "Person";
pub const COUNTRY: &str = "Country";
pub const ORGANIZATION: &str = "Organization";
pub const PLACE: &str = "Place";
pub const MEETING: &str = "Meeting";
pub const STATEMENT: &str = "Statement";
pub const DOCUMENT: &str = "Document";

/// Labels of named entities (they carry `name` and `aliases`).
pub const ENTITY_LABELS: [&str; 4] = [PERSON, COUNTRY, ORGANIZATION, PLACE];
/// Every label the extractor produces.
pub const ALL_LABELS: [&str; 7] = [
    PERSON,
    COUNTRY,
    ORGANIZATION,
    PLACE,
    MEETING,
    STATEMENT,
    DOCUMENT,
];

pub const HOLDS_OFFICE: &str = "HOLDS_OFFICE";
pub const RELATIVE_OF: &str = "RELATIVE_OF";
pub const LOCATED_IN: &str = "LOCATED_IN";
pub const PARTICIPATED_IN: &str = "PARTICIPATED_IN";
pub const HELD_IN: &str = "HELD_IN";
pub const SAID: &str = "SAID";
pub const MENTIONS: &str = "MENTIONS";
pub const MENTIONED_IN: &str = "MENTIONED_IN";

/// Every relationship type the extractor produces.
pub const ALL_REL_TYPES: [&str; 8] = [
    HOLDS_OFFICE,
    RELATIVE_OF,
    LOCATED_IN,
    PARTICIPATED_IN,
    HELD_IN,
    SAID,
    MENTIONS,
    MENTIONED_IN,
];
