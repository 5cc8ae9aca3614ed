//! The gazetteer: countries (names, short forms, acronyms, demonyms, capitals), well-known places
//! and organisations, compiled once into one Aho-Corasick automaton over the surface forms.

use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashMap;
use std::sync::LazyLock;

const COUNTRIES: &str = include_str!("data/countries.txt");
const PLACES: &str = include_str!("data/places.txt");
const ORGS: &str = include_str!("data/organizations.txt");

/// What kind of gazetteer entry a surface form names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GazKind {
    Country,
    /// A capital city (also used for its government: "Seoul said").
    Capital,
    Place,
    Organization,
    /// A news agency or outlet (an organisation; also fills `reported_by`).
    Agency,
}

/// One gazetteer entity.
#[derive(Debug, Clone)]
pub struct GazEntry {
    pub kind: GazKind,
    /// Canonical name.
    pub name: String,
    /// Canonical name of the country or place it lies in (places, capitals).
    pub within: Option<String>,
    /// For places: the category from the table (city, state, sea, building...).
    pub category: String,
}

/// One matched surface form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GazHit {
    pub start: usize,
    pub end: usize,
    /// Candidate entries (more than one when the form is ambiguous, e.g. "Georgia").
    pub pattern: usize,
    /// The form is a demonym/adjective ("Kenyan") rather than a name.
    pub demonym: bool,
}

/// The compiled gazetteer.
pub struct Gazetteer {
    pub entries: Vec<GazEntry>,
    /// Per pattern: candidate entries and whether it is a demonym.
    patterns: Vec<(Vec<usize>, bool)>,
    ac: AhoCorasick,
    by_name: HashMap<String, usize>,
}

fn fields(line: &str) -> Option<Vec<&str>> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return None;
    }
    Some(line.split('|').map(str::trim).collect())
}

fn list(s: Option<&&str>) -> Vec<String> {
    s.map(|s| {
        s.split(',')
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .map(String::from)
            .collect()
    })
    .unwrap_or_default()
}

impl Gazetteer {
    fn build() -> Gazetteer {
        let mut entries = Vec::new();
        let mut forms: Vec<(String, usize, bool)> = Vec::new();
        let mut add_entry = |e: GazEntry,
                             names: Vec<String>,
                             demonyms: Vec<String>,
                             forms: &mut Vec<(String, usize, bool)>| {
            let id = entries.len();
            forms.push((e.name.clone(), id, false));
            for n in names {
                forms.push((n, id, false));
            }
            for d in demonyms {
                forms.push((d, id, true));
            }
            entries.push(e);
        };
        for f in COUNTRIES.lines().filter_map(fields) {
            let name = f.first().copied().unwrap_or_default().to_string();
            add_entry(
                GazEntry {
                    kind: GazKind::Country,
                    name: name.clone(),
                    within: None,
                    category: "country".into(),
                },
                list(f.get(1)),
                list(f.get(2)),
                &mut forms,
            );
            for cap in list(f.get(3)) {
                add_entry(
                    GazEntry {
                        kind: GazKind::Capital,
                        name: cap,
                        within: Some(name.clone()),
                        category: "capital".into(),
                    },
                    vec![],
                    vec![],
                    &mut forms,
                );
            }
        }
        for f in PLACES.lines().filter_map(fields) {
            let within = f.get(2).filter(|s| !s.is_empty()).map(|s| s.to_string());
            add_entry(
                GazEntry {
                    kind: GazKind::Place,
                    name: f.first().copied().unwrap_or_default().to_string(),
                    within,
                    category: f.get(3).copied().unwrap_or("place").to_string(),
                },
                list(f.get(1)),
                vec![],
                &mut forms,
            );
        }
        // Georgia the U.S. state shares its name with the country; the mention step chooses.
        add_entry(
            GazEntry {
                kind: GazKind::Place,
                name: "Georgia".into(),
                within: Some("United States".into()),
                category: "state".into(),
            },
            vec![],
            vec![],
            &mut forms,
        );
        for f in ORGS.lines().filter_map(fields) {
            let kind = if f.get(2) == Some(&"agency") {
                GazKind::Agency
            } else {
                GazKind::Organization
            };
            add_entry(
                GazEntry {
                    kind,
                    name: f.first().copied().unwrap_or_default().to_string(),
                    within: None,
                    category: f.get(2).copied().unwrap_or("org").to_string(),
                },
                list(f.get(1)),
                vec![],
                &mut forms,
            );
        }
        // variants: curly apostrophes, plural demonyms are listed; lower-cased trailing words for places
        let mut extra = Vec::new();
        for (form, id, dem) in &forms {
            if form.contains('\'') {
                extra.push((form.replace('\'', "\u{2019}"), *id, *dem));
            }
            let kind = entries[*id].kind;
            if matches!(kind, GazKind::Place) && form.contains(' ') {
                let mut words = form.split(' ');
                let first = words.next().unwrap_or_default().to_string();
                let rest: Vec<String> = words.map(|w| w.to_lowercase()).collect();
                extra.push((format!("{first} {}", rest.join(" ")), *id, *dem));
            }
        }
        forms.extend(extra);
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<(Vec<usize>, bool)> = Vec::new();
        let mut texts: Vec<String> = Vec::new();
        for (form, id, dem) in forms {
            match index.get(&form) {
                Some(&p) => {
                    if !patterns[p].0.contains(&id) {
                        patterns[p].0.push(id);
                    }
                }
                None => {
                    index.insert(form.clone(), patterns.len());
                    patterns.push((vec![id], dem));
                    texts.push(form);
                }
            }
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&texts)
            .unwrap_or_else(|_| {
                AhoCorasick::new(Vec::<String>::new()).unwrap_or_else(|_| unreachable!())
            });
        let mut by_name = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            by_name.entry(crate::graph::fold_name(&e.name)).or_insert(i);
        }
        Gazetteer {
            entries,
            patterns,
            ac,
            by_name,
        }
    }

    /// Every gazetteer form in `text[range]` that stands on word boundaries.
    pub fn find(&self, text: &str, range: std::ops::Range<usize>, out: &mut Vec<GazHit>) {
        let Some(slice) = text.get(range.clone()) else {
            return;
        };
        for m in self.ac.find_iter(slice) {
            let (s, e) = (m.start(), m.end());
            let before = slice[..s].chars().next_back();
            let after = slice[e..].chars().next();
            let last = slice[..e].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric())
                || (after.is_some_and(|c| c.is_alphanumeric()) && last != Some('.'))
            {
                continue;
            }
            let p = m.pattern().as_usize();
            out.push(GazHit {
                start: range.start + s,
                end: range.start + e,
                pattern: p,
                demonym: self.patterns.get(p).is_some_and(|x| x.1),
            });
        }
    }

    /// The candidate entries of a hit.
    pub fn candidates(&self, hit: &GazHit) -> &[usize] {
        self.patterns
            .get(hit.pattern)
            .map_or(&[], |p| p.0.as_slice())
    }

    /// An entry by index.
    pub fn entry(&self, id: usize) -> Option<&GazEntry> {
        self.entries.get(id)
    }

    /// An entry by (folded) canonical name.
    pub fn by_name(&self, name: &str) -> Option<usize> {
        self.by_name.get(&crate::graph::fold_name(name)).copied()
    }
}

/// The gazetteer, built on first use.
pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::build);

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, bool)> {
        let mut hits = Vec::new();
        GAZETTEER.find(text, 0..text.len(), &mut hits);
        hits.iter()
            .map(|h| {
                let e = GAZETTEER.candidates(h)[0];
                (GAZETTEER.entries[e].name.clone(), h.demonym)
            })
            .collect()
    }

    #[test]
    fn finds_countries_demonyms_capitals_and_bodies() {
        let got = names(
            "Kenyan officials met the U.S. envoy in Nairobi before the African Union session.",
        );
        assert_eq!(
            got,
            vec![
                ("Kenya".to_string(), true),
                ("United States".to_string(), false),
                ("Nairobi".to_string(), false),
                ("African Union".to_string(), false)
            ]
        );
    }

    #[test]
    fn respects_word_boundaries() {
        assert!(names("Indianapolis Omanisation").is_empty());
        assert_eq!(names("Nigeria’s")[0].0, "Nigeria");
    }
}
