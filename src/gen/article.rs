//! Composing one article: header, headline and a body of varied sentences about a meeting,
//! with quotes, and recording every fact it states in the gold builder.

use super::builder::GoldBuilder;
use super::world::{AGENCIES, BODIES, COUNTRIES, Person};
use chrono::{Datelike, Duration, NaiveDate};

/// One generated article.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Article {
    pub id: String,
    pub title: String,
    pub date: String,
    pub text: String,
}

const OUTLETS: &[&str] = &[
    "The Daily Ledger",
    "Global Wire",
    "Meridian Post",
    "The Continental",
];
const SECTIONS: &[&str] = &["World News", "Politics", "Diplomacy", "International"];
const TOPICS: &[&str] = &[
    "energy cooperation",
    "port investment",
    "border security",
    "grain exports",
    "a free trade agreement",
    "climate finance",
    "fisheries",
    "visa rules for students",
];
const QUOTE_OPEN: &[&str] = &[
    "We have agreed to work together on",
    "Our two countries share a common interest in",
    "There is still a great deal of work to do on",
    "I am confident that we will make progress on",
    "Nobody should doubt our commitment to",
    "This is a turning point for",
];
const QUOTE_CLOSE: &[&str] = &[
    "and we will not waste this opportunity",
    "in the months ahead",
    "for the benefit of our citizens",
    "whatever the difficulties",
    "step by step",
];
const FILLER: &[&str] = &[
    "Analysts said the talks could pave the way for a broader agreement.",
    "Trade between the two countries has grown steadily in recent years.",
    "Officials on both sides described the atmosphere as constructive.",
    "Critics at home argued that the government had conceded too much.",
    "The two sides did not release a joint statement.",
    "Markets reacted calmly to the news.",
];

fn pick<'a, T>(rng: &mut fastrand::Rng, xs: &'a [T]) -> Option<&'a T> {
    if xs.is_empty() {
        None
    } else {
        xs.get(rng.usize(..xs.len()))
    }
}

fn pick_str(rng: &mut fastrand::Rng, xs: &[&'static str]) -> &'static str {
    pick(rng, xs).copied().unwrap_or("")
}

fn long_date(d: NaiveDate, rng: &mut fastrand::Rng) -> String {
    if rng.bool() {
        d.format("%-d %B %Y").to_string()
    } else {
        d.format("%B %-d, %Y").to_string()
    }
}

/// What the article reports about a meeting.
#[derive(Debug, Clone)]
pub struct MeetingPlan {
    pub id: String,
    pub a: usize,
    pub b: usize,
    /// City name and its country index.
    pub place: Option<(&'static str, usize)>,
    pub date: Option<NaiveDate>,
    pub status: &'static str,
    /// Whether this article first reports it (else it recalls an earlier one).
    pub fresh: bool,
}

/// Writes one article about `plan` and records its facts in `gold`.
pub fn compose(
    rng: &mut fastrand::Rng,
    doc: &str,
    date: NaiveDate,
    people: &[Person],
    plan: &MeetingPlan,
    gold: &mut GoldBuilder,
) -> Article {
    let (Some(a), Some(b)) = (people.get(plan.a), people.get(plan.b)) else {
        return Article {
            id: doc.to_string(),
            title: String::new(),
            date: date.to_string(),
            text: String::new(),
        };
    };
    let ca = COUNTRIES.get(a.country).map(|c| c.name).unwrap_or("");
    let cb = COUNTRIES.get(b.country).map(|c| c.name).unwrap_or("");
    let da = COUNTRIES.get(a.country).map(|c| c.demonym).unwrap_or("");
    let city = plan.place.map(|p| p.0).unwrap_or("the capital");
    let topic = pick_str(rng, TOPICS);
    let agency = pick_str(rng, AGENCIES);

    let title = match (plan.status, rng.usize(..3)) {
        ("held", 0) => format!(
            "{} and {} Hold Talks in {city}",
            a.name.family, b.name.family
        ),
        ("held", 1) => format!(
            "{ca} and {cb} Pledge Closer Ties on {}",
            capital_words(topic)
        ),
        ("held", _) => format!(
            "{} Meets {cb}'s {} in {city}",
            a.name.family,
            b.short_title()
        ),
        ("planned", 0) => format!("{} to Visit {cb} for Talks", a.name.family),
        ("planned", _) => format!("{ca} Prepares for Summit With {cb}"),
        (_, 0) => format!("{} Calls for Summit With {}", a.name.family, b.name.family),
        (_, _) => format!("{ca} Proposes New Talks With {cb}"),
    };
    let mut text = match rng.usize(..3) {
        0 => format!(
            "{}\n{}\n{}\n\n{title}\n\n",
            pick_str(rng, OUTLETS),
            pick_str(rng, SECTIONS),
            long_date(date, rng)
        ),
        1 => format!(
            "{title}\n\nBy {} staff\n{city}, {}\n\n",
            pick_str(rng, OUTLETS),
            long_date(date, rng)
        ),
        _ => format!("Published: {date}\n{title}\n\n"),
    };
    gold.document(doc, date, &title);
    gold.person(a, doc);
    gold.person(b, doc);
    gold.country(a.country, doc);
    gold.country(b.country, doc);
    if let Some((c, ci)) = plan.place {
        gold.place(c, ci, doc);
        gold.country(ci, doc);
    }

    // The lede: who met whom, where and when.
    let when = plan.date.map(|d| date_phrase(rng, d, date, plan.status));
    let lede = match plan.status {
        "held" => match rng.usize(..3) {
            0 => format!(
                "{da} {} {} met {cb}'s {} {} in {city} {}, {agency} reported.",
                a.title(),
                a.name.full,
                b.title(),
                b.name.full,
                when.clone().unwrap_or_default()
            ),
            1 => format!(
                "{}, {ca}'s {}, held talks with {} {} of {cb} in {city} {}.",
                a.name.full,
                a.title(),
                b.title(),
                b.name.full,
                when.clone().unwrap_or_default()
            ),
            _ => format!(
                "According to {agency}, {ca}'s {} {} and {cb}'s {} {} sat down in {city} {} to discuss {topic}.",
                a.title(),
                a.name.full,
                b.title(),
                b.name.full,
                when.clone().unwrap_or_default()
            ),
        },
        "planned" => format!(
            "{} {} will travel to {city} {} for talks with {cb}'s {} {}, the {da} government said.",
            a.title(),
            a.name.full,
            when.clone().unwrap_or_default(),
            b.title(),
            b.name.full
        ),
        _ => format!(
            "{da} {} {} has proposed a summit with {} {} of {cb}, although no date has been set, {agency} reported.",
            a.title(),
            a.name.full,
            b.title(),
            b.name.full
        ),
    };
    if lede.contains(agency) {
        gold.organization(agency, None, doc);
    }
    text.push_str(&lede);
    text.push(' ');
    if !plan.fresh {
        text.push_str(&format!(
            "It is not the first time the two have met to discuss {topic}. "
        ));
    }
    text.push_str(pick_str(rng, FILLER));
    text.push_str("\n\n");
    gold.meeting(plan, people, doc, topic);

    // Quotes, in several shapes.
    let nquotes = 1 + rng.usize(..3);
    for _ in 0..nquotes {
        let speaker = if rng.bool() { a } else { b };
        let q = format!(
            "{} {topic} {}",
            pick_str(rng, QUOTE_OPEN),
            pick_str(rng, QUOTE_CLOSE)
        );
        match rng.usize(..5) {
            0 => {
                text.push_str(&format!(
                    "\"{q},\" {} told reporters in {city}. ",
                    speaker.name.family
                ));
                gold.statement(doc, &speaker.id, &q);
            }
            1 => {
                text.push_str(&format!(
                    "{} {} said: \"{q}.\" ",
                    speaker.short_title(),
                    speaker.name.family
                ));
                gold.statement(doc, &speaker.id, &q);
            }
            2 => {
                let q2 = format!(
                    "{} and {}",
                    pick_str(rng, QUOTE_OPEN),
                    topic_other(rng, topic)
                );
                text.push_str(&format!(
                    "\"{q},\" {} said. \"{q2}.\" ",
                    speaker.name.family
                ));
                gold.statement(doc, &speaker.id, &q);
                gold.statement(doc, &speaker.id, &q2);
            }
            3 => {
                let sc = COUNTRIES.get(speaker.country).map(|c| c.name).unwrap_or("");
                text.push_str(&format!(
                    "\"{q},\" said {}, {sc}'s {}. ",
                    speaker.name.full,
                    speaker.title()
                ));
                gold.statement(doc, &speaker.id, &q);
            }
            _ => {
                text.push_str(&format!(
                    "In a statement, {} wrote that \"{q}\". ",
                    speaker.name.full
                ));
                gold.statement(doc, &speaker.id, &q);
            }
        }
        if rng.usize(..3) == 0 {
            text.push_str(pick_str(rng, FILLER));
            text.push(' ');
        }
    }
    text.push_str("\n\n");

    // A third party reacting, and an international body.
    if let Some(c) = people.get(rng.usize(..people.len().max(1)))
        && c.id != a.id
        && c.id != b.id
        && c.name.family != a.name.family
        && c.name.family != b.name.family
    {
        let cc = COUNTRIES.get(c.country).map(|x| x.name).unwrap_or("");
        text.push_str(&format!(
            "{cc}'s {}, {}, welcomed the talks and urged both sides to keep talking. ",
            c.title(),
            c.name.full
        ));
        gold.person(c, doc);
        gold.country(c.country, doc);
    }
    if rng.bool() {
        let (body, abbr) = pick(rng, BODIES)
            .copied()
            .unwrap_or(("United Nations", "UN"));
        text.push_str(&format!(
            "The {body} ({abbr}) has repeatedly called for closer cooperation on {topic}."
        ));
        gold.organization(body, Some(abbr), doc);
    }
    text.push('\n');
    Article {
        id: doc.to_string(),
        title,
        date: date.to_string(),
        text,
    }
}

fn capital_words(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            if matches!(w, "a" | "for" | "of") {
                w.to_string()
            } else {
                super::names::capitalise(w)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn topic_other(rng: &mut fastrand::Rng, not: &str) -> String {
    let t = pick_str(rng, TOPICS);
    if t == not {
        "much more besides".to_string()
    } else {
        t.to_string()
    }
}

/// How the text states a meeting date relative to the article date.
fn date_phrase(rng: &mut fastrand::Rng, d: NaiveDate, article: NaiveDate, status: &str) -> String {
    if status == "planned" {
        return d.format("in %B %Y").to_string();
    }
    let back = article.signed_duration_since(d);
    if back > Duration::zero() && back < Duration::days(7) && rng.bool() {
        return d.format("on %A").to_string();
    }
    if d.year() == article.year() && rng.bool() {
        d.format("on %B %-d").to_string()
    } else {
        d.format("on %-d %B %Y").to_string()
    }
}
