//! `list`, `show` and `stats`.

use super::{not_found, store, window};
use crate::cli::{ListArgs, ShowArgs};
use crate::exit;
use crate::print;
use annals_store::{EventStore, Filter, SqliteStore};
use anyhow::Result;
use std::io::Write;
use std::path::Path;

pub fn list(s: &SqliteStore, args: &ListArgs) -> Result<u8> {
    let (from, to) = window(args.from.as_deref(), args.to.as_deref())?;
    let days = match (from, to) {
        (None, None) => None,
        (a, b) => Some((a.unwrap_or(i64::MIN), b.unwrap_or(i64::MAX))),
    };
    let filter = Filter {
        days,
        place: args.place.clone(),
        participant: args.participant.clone(),
        limit: args.limit,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut n = 0usize;
    store(s).scan(&filter, &mut |e| {
        n += 1;
        let r = if args.json {
            annals_formats::json::write_jsonl(&mut out, &e)
        } else {
            writeln!(out, "{}", print::list_line(&e))
        };
        r.map_err(annals_store::StoreError::Output)
    })?;
    out.flush()?;
    if n == 0 && !args.json {
        eprintln!("no events match");
    }
    Ok(exit::OK)
}

pub fn show(s: &SqliteStore, args: &ShowArgs) -> Result<u8> {
    let Some(e) = store(s).get(&args.id)? else {
        return Ok(not_found(&args.id));
    };
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&e)?);
    } else {
        let mut related = Vec::new();
        for r in &e.related {
            related.push((r.kind.clone(), r.id.clone(), store(s).get(&r.id)?));
        }
        outln!("{}", print::page(&e, &related));
    }
    Ok(exit::OK)
}

pub fn stats(s: &SqliteStore, db: &Path, json: bool) -> Result<u8> {
    let st = s.stats()?;
    let day = |d: i64| annals_dates::DayNumber(d).to_string();
    let (earliest, latest) = match st.span {
        Some((a, b)) => (Some(day(a)), Some(day(b))),
        None => (None, None),
    };
    if json {
        let v = serde_json::json!({
            "events": st.events,
            "places": st.places,
            "participants": st.participants,
            "relations": st.relations,
            "earliest": earliest,
            "latest": latest,
            "schema_version": st.schema_version,
            "db": db.display().to_string(),
        });
        outln!("{v}");
    } else {
        outln!("database      {}", db.display());
        outln!("events        {}", st.events);
        outln!("places        {}", st.places);
        outln!("participants  {}", st.participants);
        outln!("relations     {}", st.relations);
        if let (Some(a), Some(b)) = (earliest, latest) {
            outln!("span          {a} to {b}");
        }
        outln!("schema        v{}", st.schema_version);
    }
    Ok(exit::OK)
}
