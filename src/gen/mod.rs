//! A generator of realistic, deterministic news corpora with their ground truth, for
//! benchmarks and for measuring extraction quality at scale (`newsgraph gen`).
//!
//! Names are invented from syllable tables of several world regions; countries, cities,
//! news agencies and international bodies are real. The same seed always gives the same corpus.

mod article;
mod builder;
pub mod gold;
pub mod names;
pub mod world;

pub use article::Article;
use article::MeetingPlan;
use builder::GoldBuilder;
use chrono::{Duration, NaiveDate};
use gold::Gold;
use std::io::Write;
use std::path::{Path, PathBuf};
use thiserror::Error;
use world::COUNTRIES;

/// Why a corpus could not be written.
#[derive(Debug, Error)]
pub enum GenError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Json {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
}

/// How big a corpus to make and from which seed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GenConfig {
    pub docs: usize,
    pub seed: u64,
}

/// Generates the corpus, handing each article to `sink` as it is written, and returns the gold.
pub fn generate(cfg: GenConfig, mut sink: impl FnMut(&Article)) -> Gold {
    let mut rng = fastrand::Rng::with_seed(cfg.seed);
    // Few people recur in many articles, as in real news.
    let npeople = (30 + cfg.docs / 10).min(20_000);
    let people = world::invent_people(&mut rng, npeople);
    let mut gold = GoldBuilder::new(&format!("gen-{}-{}", cfg.docs, cfg.seed));
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
    let mut held: Vec<MeetingPlan> = Vec::new();
    let width = cfg.docs.saturating_sub(1).to_string().len().max(3);
    for i in 0..cfg.docs {
        let doc = format!("{i:0width$}");
        let date = start + Duration::days(rng.i64(0..730));
        let plan = next_plan(&mut rng, &people, &held, date, i);
        if plan.fresh && plan.status == "held" {
            held.push(plan.clone());
        }
        let article = article::compose(&mut rng, &doc, date, &people, &plan, &mut gold);
        sink(&article);
    }
    gold.finish()
}

fn next_plan(
    rng: &mut fastrand::Rng,
    people: &[world::Person],
    held: &[MeetingPlan],
    date: NaiveDate,
    i: usize,
) -> MeetingPlan {
    // Sometimes an article recalls a meeting reported earlier.
    if !held.is_empty() && rng.usize(..10) < 3 {
        let lo = held.len().saturating_sub(50);
        if let Some(m) = held
            .get(rng.usize(lo..held.len()))
            .filter(|m| m.date.is_some_and(|d| d < date))
        {
            let mut m = m.clone();
            m.fresh = false;
            return m;
        }
    }
    let n = people.len().max(1);
    let a = rng.usize(..n);
    let mut b = rng.usize(..n);
    for _ in 0..20 {
        let ok = match (people.get(a), people.get(b)) {
            (Some(pa), Some(pb)) => pa.country != pb.country && pa.name.family != pb.name.family,
            _ => false,
        };
        if ok {
            break;
        }
        b = rng.usize(..n);
    }
    let host = if rng.bool() { a } else { b };
    let host_country = people.get(host).map(|p| p.country).unwrap_or(0);
    let place = COUNTRIES.get(host_country).and_then(|c| {
        c.cities
            .get(rng.usize(..c.cities.len().max(1)))
            .map(|city| (*city, host_country))
    });
    let (status, mdate) = match rng.usize(..10) {
        0..=5 => ("held", Some(date - Duration::days(rng.i64(1..10)))),
        6..=8 => ("planned", Some(date + Duration::days(rng.i64(20..120)))),
        _ => ("proposed", None),
    };
    let (place, status) = if status == "proposed" {
        (None, status)
    } else {
        (place, status)
    };
    MeetingPlan {
        id: format!("m:{i}"),
        a,
        b,
        place,
        date: mdate,
        status,
        fresh: true,
    }
}

/// Writes a corpus to `dir`: one `ID.txt` per article, `gold.json`, and when `jsonl` is set
/// also `articles.jsonl` (one `{"id","title","date","text"}` object per line).
pub fn write_corpus(cfg: GenConfig, dir: &Path, jsonl: bool) -> Result<Gold, GenError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| GenError::Io { path, source }
    };
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let jpath = dir.join("articles.jsonl");
    let mut jout = if jsonl {
        Some(std::io::BufWriter::new(
            std::fs::File::create(&jpath).map_err(io(&jpath))?,
        ))
    } else {
        None
    };
    let mut err: Option<GenError> = None;
    let gold = generate(cfg, |a| {
        if err.is_some() {
            return;
        }
        let path = dir.join(format!("{}.txt", a.id));
        if let Err(e) = std::fs::write(&path, &a.text) {
            err = Some(GenError::Io { path, source: e });
            return;
        }
        if let Some(out) = jout.as_mut() {
            let r = serde_json::to_writer(&mut *out, a)
                .map_err(|source| GenError::Json {
                    path: jpath.clone(),
                    source,
                })
                .and_then(|()| out.write_all(b"\n").map_err(io(&jpath)));
            if let Err(e) = r {
                err = Some(e);
            }
        }
    });
    if let Some(e) = err {
        return Err(e);
    }
    if let Some(mut out) = jout {
        out.flush().map_err(io(&jpath))?;
    }
    let gpath = dir.join("gold.json");
    let f = std::fs::File::create(&gpath).map_err(io(&gpath))?;
    let mut w = std::io::BufWriter::new(f);
    serde_json::to_writer(&mut w, &gold).map_err(|source| GenError::Json {
        path: gpath.clone(),
        source,
    })?;
    w.flush().map_err(io(&gpath))?;
    Ok(gold)
}
