//! The invented world a generated corpus reports on: real countries with their capitals, and
//! invented officials holding offices in them.

use super::names::{self, InventedName, REGIONS};
use std::collections::BTreeSet;

/// A real country with the forms and places articles use for it.
pub struct CountryInfo {
    pub name: &'static str,
    pub demonym: &'static str,
    pub cities: &'static [&'static str],
    /// Index into [`REGIONS`] for its officials' names.
    pub region: usize,
}

/// Countries of the generated world.
pub const COUNTRIES: &[CountryInfo] = &[
    CountryInfo {
        name: "South Korea",
        demonym: "South Korean",
        cities: &["Seoul", "Busan"],
        region: 0,
    },
    CountryInfo {
        name: "Mongolia",
        demonym: "Mongolian",
        cities: &["Ulaanbaatar"],
        region: 0,
    },
    CountryInfo {
        name: "Poland",
        demonym: "Polish",
        cities: &["Warsaw", "Krakow"],
        region: 1,
    },
    CountryInfo {
        name: "Serbia",
        demonym: "Serbian",
        cities: &["Belgrade", "Novi Sad"],
        region: 1,
    },
    CountryInfo {
        name: "Ukraine",
        demonym: "Ukrainian",
        cities: &["Kyiv", "Lviv"],
        region: 1,
    },
    CountryInfo {
        name: "Nigeria",
        demonym: "Nigerian",
        cities: &["Abuja", "Lagos"],
        region: 2,
    },
    CountryInfo {
        name: "Ghana",
        demonym: "Ghanaian",
        cities: &["Accra", "Kumasi"],
        region: 2,
    },
    CountryInfo {
        name: "Senegal",
        demonym: "Senegalese",
        cities: &["Dakar"],
        region: 2,
    },
    CountryInfo {
        name: "Chile",
        demonym: "Chilean",
        cities: &["Santiago", "Valparaiso"],
        region: 3,
    },
    CountryInfo {
        name: "Argentina",
        demonym: "Argentine",
        cities: &["Buenos Aires", "Cordoba"],
        region: 3,
    },
    CountryInfo {
        name: "Mexico",
        demonym: "Mexican",
        cities: &["Mexico City", "Monterrey"],
        region: 3,
    },
    CountryInfo {
        name: "Spain",
        demonym: "Spanish",
        cities: &["Madrid", "Seville"],
        region: 3,
    },
    CountryInfo {
        name: "Norway",
        demonym: "Norwegian",
        cities: &["Oslo", "Bergen"],
        region: 4,
    },
    CountryInfo {
        name: "Iceland",
        demonym: "Icelandic",
        cities: &["Reykjavik"],
        region: 4,
    },
    CountryInfo {
        name: "Denmark",
        demonym: "Danish",
        cities: &["Copenhagen", "Aarhus"],
        region: 4,
    },
    CountryInfo {
        name: "India",
        demonym: "Indian",
        cities: &["New Delhi", "Mumbai"],
        region: 5,
    },
    CountryInfo {
        name: "Sri Lanka",
        demonym: "Sri Lankan",
        cities: &["Colombo", "Kandy"],
        region: 5,
    },
    CountryInfo {
        name: "Nepal",
        demonym: "Nepali",
        cities: &["Kathmandu"],
        region: 5,
    },
    CountryInfo {
        name: "Jordan",
        demonym: "Jordanian",
        cities: &["Amman", "Aqaba"],
        region: 6,
    },
    CountryInfo {
        name: "Egypt",
        demonym: "Egyptian",
        cities: &["Cairo", "Alexandria"],
        region: 6,
    },
    CountryInfo {
        name: "Morocco",
        demonym: "Moroccan",
        cities: &["Rabat", "Marrakesh"],
        region: 6,
    },
    CountryInfo {
        name: "Oman",
        demonym: "Omani",
        cities: &["Muscat"],
        region: 6,
    },
];

/// Offices a generated official can hold, with the short form used before a surname.
pub const OFFICES: &[(&str, &str)] = &[
    ("President", "President"),
    ("Prime Minister", "Prime Minister"),
    ("Foreign Minister", "Foreign Minister"),
    ("Defence Minister", "Defence Minister"),
    ("Trade Minister", "Trade Minister"),
    ("Finance Minister", "Finance Minister"),
    ("Energy Minister", "Energy Minister"),
    ("Ambassador to the United Nations", "Ambassador"),
];

/// News agencies articles cite.
pub const AGENCIES: &[&str] = &[
    "Reuters",
    "Associated Press",
    "Agence France-Presse",
    "Kyodo News",
];

/// International bodies articles mention.
pub const BODIES: &[(&str, &str)] = &[
    ("United Nations", "UN"),
    ("African Union", "AU"),
    ("European Union", "EU"),
    ("World Trade Organization", "WTO"),
];

/// An invented official.
#[derive(Debug, Clone)]
pub struct Person {
    pub id: String,
    pub name: InventedName,
    pub country: usize,
    pub office: usize,
}

impl Person {
    /// The title as printed before the name.
    pub fn title(&self) -> &'static str {
        OFFICES.get(self.office).map(|o| o.0).unwrap_or("Minister")
    }
    /// The short title used with the surname ("Foreign Minister Korenko").
    pub fn short_title(&self) -> &'static str {
        OFFICES.get(self.office).map(|o| o.1).unwrap_or("Minister")
    }
}

/// Makes a gold id slug: lower case, words joined by `_`.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_string()
}

/// Invents `n` officials with distinct full names, spread over the countries.
pub fn invent_people(rng: &mut fastrand::Rng, n: usize) -> Vec<Person> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let country = rng.usize(..COUNTRIES.len());
        let region = COUNTRIES.get(country).map(|c| c.region).unwrap_or(0);
        let Some(reg) = REGIONS.get(region) else {
            continue;
        };
        let name = names::invent(rng, reg);
        let id = format!("p:{}", slug(&name.full));
        if !seen.insert(id.clone()) {
            continue;
        }
        let office = rng.usize(..OFFICES.len());
        out.push(Person {
            id,
            name,
            country,
            office,
        });
    }
    out
}
