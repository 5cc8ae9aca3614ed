//! Accumulates the gold facts of a corpus while its articles are written.

use super::article::MeetingPlan;
use super::gold::*;
use super::world::{COUNTRIES, Person, slug};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// Collects entities (with the documents they appear in), offices, meetings and statements.
#[derive(Debug, Default)]
pub struct GoldBuilder {
    corpus: String,
    documents: Vec<GoldDocument>,
    entities: BTreeMap<String, GoldEntity>,
    offices: BTreeMap<String, GoldOffice>,
    located_in: BTreeMap<String, GoldLocatedIn>,
    meetings: BTreeMap<String, GoldMeeting>,
    statements: Vec<GoldStatement>,
    statements_in_doc: usize,
}

impl GoldBuilder {
    /// A builder for the corpus named `corpus`.
    pub fn new(corpus: &str) -> Self {
        GoldBuilder {
            corpus: corpus.to_string(),
            ..Default::default()
        }
    }

    /// Records a document.
    pub fn document(&mut self, doc: &str, date: NaiveDate, title: &str) {
        self.statements_in_doc = 0;
        self.documents.push(GoldDocument {
            doc: doc.to_string(),
            file: format!("{doc}.txt"),
            date: date.to_string(),
            title: title.to_string(),
        });
    }

    fn entity(&mut self, id: String, label: &str, name: &str, aliases: Vec<String>, doc: &str) {
        let e = self
            .entities
            .entry(id.clone())
            .or_insert_with(|| GoldEntity {
                id,
                label: label.to_string(),
                name: name.to_string(),
                aliases: Vec::new(),
                docs: Vec::new(),
                optional: false,
            });
        for a in aliases {
            if !e.aliases.contains(&a) {
                e.aliases.push(a);
            }
        }
        if e.docs.last().map(String::as_str) != Some(doc) {
            e.docs.push(doc.to_string());
        }
    }

    /// Records a person and their office.
    pub fn person(&mut self, p: &Person, doc: &str) {
        let aliases = vec![
            p.name.family.clone(),
            format!("{} {}", p.short_title(), p.name.family),
            format!("{} {}", p.title(), p.name.full),
        ];
        self.entity(p.id.clone(), "Person", &p.name.full, aliases, doc);
        let of = country_id(p.country);
        let mut titles = vec![p.title().to_string()];
        if p.short_title() != p.title() {
            titles.push(p.short_title().to_string());
        }
        self.offices
            .entry(p.id.clone())
            .or_insert_with(|| GoldOffice {
                person: p.id.clone(),
                titles,
                of,
                former: false,
                optional: false,
            });
    }

    /// Records a country (its demonym is an alias).
    pub fn country(&mut self, c: usize, doc: &str) {
        if let Some(info) = COUNTRIES.get(c) {
            self.entity(
                country_id(c),
                "Country",
                info.name,
                vec![info.demonym.to_string()],
                doc,
            );
        }
    }

    /// Records a city and the country it is in.
    pub fn place(&mut self, city: &str, country: usize, doc: &str) {
        let id = format!("pl:{}", slug(city));
        self.entity(id.clone(), "Place", city, vec![], doc);
        self.located_in
            .entry(id.clone())
            .or_insert_with(|| GoldLocatedIn {
                place: id,
                within: country_id(country),
            });
    }

    /// Records an organization.
    pub fn organization(&mut self, name: &str, abbr: Option<&str>, doc: &str) {
        let aliases = abbr.map(|a| vec![a.to_string()]).unwrap_or_default();
        self.entity(
            format!("o:{}", slug(name)),
            "Organization",
            name,
            aliases,
            doc,
        );
    }

    /// Records a meeting (or one more document reporting it).
    pub fn meeting(&mut self, plan: &MeetingPlan, people: &[Person], doc: &str, topic: &str) {
        let m = self
            .meetings
            .entry(plan.id.clone())
            .or_insert_with(|| GoldMeeting {
                id: plan.id.clone(),
                description: format!("talks on {topic}"),
                participants: [plan.a, plan.b]
                    .iter()
                    .filter_map(|i| people.get(*i).map(|p| p.id.clone()))
                    .collect(),
                date: plan.date.map(|d| {
                    if plan.status == "planned" {
                        d.format("%Y-%m").to_string()
                    } else {
                        d.to_string()
                    }
                }),
                place: plan.place.map(|(c, _)| format!("pl:{}", slug(c))),
                status: plan.status.to_string(),
                docs: Vec::new(),
                optional: false,
            });
        if m.docs.last().map(String::as_str) != Some(doc) {
            m.docs.push(doc.to_string());
        }
    }

    /// Records a direct quote.
    pub fn statement(&mut self, doc: &str, speaker: &str, text: &str) {
        self.statements.push(GoldStatement {
            id: format!("s:{doc}_{}", self.statements_in_doc),
            doc: doc.to_string(),
            speaker: speaker.to_string(),
            alt_speakers: vec![],
            text: text.to_string(),
            optional: false,
        });
        self.statements_in_doc += 1;
    }

    /// The finished gold file.
    pub fn finish(self) -> Gold {
        Gold {
            corpus: self.corpus,
            documents: self.documents,
            entities: self.entities.into_values().collect(),
            offices: self.offices.into_values().collect(),
            relatives: vec![],
            located_in: self.located_in.into_values().collect(),
            meetings: self.meetings.into_values().collect(),
            statements: self.statements,
        }
    }
}

fn country_id(c: usize) -> String {
    COUNTRIES
        .get(c)
        .map(|i| format!("c:{}", slug(i.name)))
        .unwrap_or_default()
}
