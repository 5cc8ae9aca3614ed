//! Syllable tables for invented personal names, one table per world region. Names are composed
//! from these pieces at random, so they belong to no real person.

/// How names of one region are built.
pub struct Region {
    /// Region label (for documentation and tests only).
    pub name: &'static str,
    /// Syllables for given names.
    pub given: &'static [&'static str],
    /// Syllables that start family names.
    pub family_start: &'static [&'static str],
    /// Syllables or suffixes that end family names.
    pub family_end: &'static [&'static str],
    /// Whether the family name comes first ("Park Min-seo").
    pub family_first: bool,
    /// Whether given names are two syllables joined by a hyphen ("Min-seo").
    pub hyphen_given: bool,
}

/// The regions names are drawn from.
pub const REGIONS: &[Region] = &[
    Region {
        name: "east-asia",
        given: &[
            "min", "seo", "ji", "hye", "jun", "won", "tae", "yeon", "hwa", "sung", "kyu", "rin",
            "dae", "eun", "ho", "jae",
        ],
        family_start: &[
            "Bae", "Cheon", "Gwak", "Ryeo", "Som", "Tak", "Uhm", "Yeom", "Pyo", "Hang",
        ],
        family_end: &[""],
        family_first: true,
        hyphen_given: true,
    },
    Region {
        name: "slavic",
        given: &[
            "Mi", "ro", "sla", "va", "Bo", "gda", "Ve", "li", "mir", "Zde", "na", "Ra", "do", "van",
        ],
        family_start: &[
            "Kor", "Vel", "Dra", "Pol", "Zav", "Mor", "Brez", "Stol", "Kras", "Lud",
        ],
        family_end: &[
            "enko", "ovic", "insky", "ansky", "etov", "arek", "ilov", "uzin",
        ],
        family_first: false,
        hyphen_given: false,
    },
    Region {
        name: "west-africa",
        given: &[
            "A", "de", "Ko", "fi", "Ba", "tun", "Ye", "mi", "Chi", "ne", "O", "lu", "Ka", "yode",
        ],
        family_start: &[
            "Ade", "Oko", "Nwa", "Bam", "Ola", "Eze", "Kwa", "Dan", "Ibe", "Osa",
        ],
        family_end: &[
            "bayo", "nkwo", "mola", "ruma", "tunde", "chukwu", "femi", "dara",
        ],
        family_first: false,
        hyphen_given: false,
    },
    Region {
        name: "latin",
        given: &[
            "Ma", "ri", "sol", "Ve", "ra", "lio", "Ti", "ber", "Al", "ba", "Lu", "cen", "Xi",
            "mena",
        ],
        family_start: &[
            "Qui", "Bal", "Ser", "Val", "Mon", "Cal", "Tor", "Ar", "Fen", "Gar",
        ],
        family_end: &[
            "dreda", "tanar", "vanez", "lorca", "davo", "essa", "rillo", "quero",
        ],
        family_first: false,
        hyphen_given: false,
    },
    Region {
        name: "nordic",
        given: &[
            "Sig", "rid", "Ei", "nar", "Hal", "dis", "Tor", "vild", "As", "geir", "Ing", "run",
        ],
        family_start: &[
            "Strand", "Hol", "Berg", "Lund", "Vik", "Fjell", "Sol", "Dahl", "Eng",
        ],
        family_end: &["heim", "vold", "mark", "stad", "rud", "gaard", "by"],
        family_first: false,
        hyphen_given: false,
    },
    Region {
        name: "south-asia",
        given: &[
            "Ani", "ka", "Ra", "vin", "Pri", "ya", "Su", "resh", "Ka", "vya", "Ne", "hal", "Di",
            "vya",
        ],
        family_start: &[
            "Chand", "Var", "Desh", "Raj", "Mal", "Bhat", "Sub", "Nar", "Kap", "Tri",
        ],
        family_end: &[
            "rasekar", "mani", "pande", "akar", "hotra", "wala", "ayan", "ishna",
        ],
        family_first: false,
        hyphen_given: false,
    },
    Region {
        name: "arabic",
        given: &[
            "Ha", "mid", "Sa", "mira", "Na", "bil", "Ya", "sin", "La", "yla", "Ta", "rek", "Fa",
            "rah",
        ],
        family_start: &["Al-Qa", "Ha", "Ma", "Na", "Sa", "Za", "Bu", "Ra"],
        family_end: &[
            "dari", "wazi", "shimi", "budi", "ffar", "hrani", "ssari", "mmad",
        ],
        family_first: false,
        hyphen_given: false,
    },
];

/// Capitalises the first letter of `s`.
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f
            .to_uppercase()
            .chain(c.flat_map(|c| c.to_lowercase()))
            .collect(),
        None => String::new(),
    }
}

/// An invented name: its given part, family part and the full name as printed.
#[derive(Debug, Clone, PartialEq)]
pub struct InventedName {
    pub given: String,
    pub family: String,
    pub full: String,
}

fn pick<'a>(rng: &mut fastrand::Rng, xs: &'a [&'a str]) -> &'a str {
    xs.get(rng.usize(..xs.len())).copied().unwrap_or("")
}

/// Composes a name in the style of `region`.
pub fn invent(rng: &mut fastrand::Rng, region: &Region) -> InventedName {
    let given = if region.hyphen_given {
        let a = pick(rng, region.given);
        let mut b = pick(rng, region.given);
        if a == b {
            b = pick(rng, region.given);
        }
        format!("{}-{}", capitalise(a), b.to_lowercase())
    } else {
        let a = pick(rng, region.given);
        let b = pick(rng, region.given);
        capitalise(&format!("{a}{b}"))
    };
    let family = format!(
        "{}{}",
        pick(rng, region.family_start),
        pick(rng, region.family_end)
    );
    let full = if region.family_first {
        format!("{family} {given}")
    } else {
        format!("{given} {family}")
    };
    InventedName {
        given,
        family,
        full,
    }
}
