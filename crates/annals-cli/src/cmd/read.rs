//! `list`, `show` and `stats`.

use super::{not_found, window};
use crate::cli::{ListArgs, ShowArgs};
use crate::exit;
use crate::print;
use annals_core::Event;
use annals_store::Db;
use annals_store::{EventStore, Filter};
use anyhow::Result;
use std::io::Write;

/// The events of a place or participant, by date, from the search index: the store has no
/// lookup by place or participant and would read every event.
fn from_index(db: &Db, filter: &Filter) -> Result<Vec<String>> {
    use annals_query::{DateMode, DayRange, Expr, Filter as Only, Request, Sort};
    let mut all = Vec::new();
    if let Some(place) = &filter.place {
        all.push(Expr::Or(vec![
            Expr::Filter(Only::Place(place.clone())),
            Expr::Filter(Only::Country(place.clone())),
        ]));
    }
    if let Some(who) = &filter.participant {
        all.push(Expr::Filter(Only::Participant(who.clone())));
    }
    if let Some((lo, hi)) = filter.days {
        all.push(Expr::Filter(Only::Date {
            range: DayRange { lo, hi },
            mode: DateMode::Overlap,
        }));
    }
    let request = Request {
        expr: Expr::And(all),
        sort: Some(Sort::DateAsc),
    };
    let mut ids = Vec::new();
    super::export::each_hit(db, &request, &mut |hit| {
        ids.push(hit.id.clone());
        Ok(true)
    })?;
    Ok(ids)
}

pub fn list(s: &dyn EventStore, db: &Db, args: &ListArgs) -> Result<u8> {
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
    let mut print = |e: Event| {
        n += 1;
        let r = if args.json {
            annals_formats::json::write_jsonl(&mut out, &e)
        } else {
            writeln!(out, "{}", print::list_line(&e))
        };
        r.map_err(annals_store::StoreError::Output)
    };
    let by_index = (filter.place.is_some() || filter.participant.is_some())
        .then(|| from_index(db, &filter))
        // Without a usable index (missing, out of date) the store answers, more slowly.
        .and_then(Result::ok);
    if let Some(ids) = by_index {
        let mut left = filter.limit.unwrap_or(usize::MAX);
        for id in ids {
            if left == 0 {
                break;
            }
            // The index matches more leniently (diacritics folded); the store has the last word.
            if let Some(e) = s.get(&id)?.filter(|e| filter.matches(e)) {
                left -= 1;
                print(e)?;
            }
        }
    } else {
        s.scan(&filter, &mut print)?;
    }
    out.flush()?;
    if n == 0 && !args.json {
        eprintln!("no events match");
    }
    Ok(exit::OK)
}

pub fn show(s: &dyn EventStore, args: &ShowArgs) -> Result<u8> {
    let Some(e) = s.get(&args.id)? else {
        return Ok(not_found(&args.id));
    };
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&e)?);
    } else {
        let mut related = Vec::new();
        for r in &e.related {
            related.push((r.kind.clone(), r.id.clone(), s.get(&r.id)?));
        }
        outln!("{}", print::page(&e, &related));
    }
    Ok(exit::OK)
}

/// `places`: every distinct place (name and country) of the stored events, most used first.
pub fn places(s: &dyn EventStore, args: &crate::cli::PlacesArgs) -> Result<u8> {
    #[derive(Default)]
    struct Seen {
        events: u64,
        lat: Option<f64>,
        lon: Option<f64>,
        geonames: Option<u64>,
    }
    let mut seen: std::collections::HashMap<(String, String), Seen> = Default::default();
    s.scan(&annals_store::Filter::default(), &mut |e| {
        for p in &e.places {
            let entry = seen.entry((p.name.clone(), p.country.clone())).or_default();
            entry.events += 1;
            if entry.lat.is_none() {
                (entry.lat, entry.lon) = (p.lat, p.lon);
            }
            entry.geonames = entry.geonames.or(p.geonames);
        }
        Ok(())
    })?;
    let mut rows: Vec<_> = seen
        .into_iter()
        .filter(|(_, v)| !args.unresolved || v.lat.is_none())
        .collect();
    rows.sort_by(|a, b| b.1.events.cmp(&a.1.events).then_with(|| a.0.cmp(&b.0)));
    for ((name, country), v) in &rows {
        // Why the gazetteer left a place without coordinates, in a line.
        let why = (v.lat.is_none()).then(|| annals_places::Gazetteer::get().explain(name, country));
        if args.json {
            let line = serde_json::json!({"name": name, "country": country, "events": v.events,
                "lat": v.lat, "lon": v.lon, "geonames": v.geonames, "why": why});
            outln!("{line}");
        } else {
            let place = if country.is_empty() {
                name.clone()
            } else {
                format!("{name}, {country}")
            };
            let at = match (v.lat, v.lon) {
                (Some(lat), Some(lon)) => format!("{lat:.4}, {lon:.4}"),
                _ => "unresolved".into(),
            };
            let id = v
                .geonames
                .map(|g| format!("  geonames:{g}"))
                .unwrap_or_default();
            outln!("{:>6}  {place}  ({at}){id}", v.events);
            if let Some(why) = &why {
                outln!("        {why}");
            }
        }
    }
    if !args.json {
        eprintln!(
            "{} place{}{}",
            rows.len(),
            if rows.len() == 1 { "" } else { "s" },
            if args.unresolved {
                " without coordinates"
            } else {
                ""
            }
        );
    }
    Ok(exit::OK)
}

pub fn stats(s: &dyn EventStore, db: &Db, json: bool) -> Result<u8> {
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
            "db": db.to_string(),
        });
        outln!("{v}");
    } else {
        outln!("database      {}", db);
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
