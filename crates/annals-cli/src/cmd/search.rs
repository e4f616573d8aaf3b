//! `search`, `timeline`, `on-this-day`, `related` and `reindex`.

use super::{not_found, open_existing, window};
use crate::cli::{OnThisDayArgs, RelatedArgs, SearchArgs, TimelineArgs};
use crate::exit;
use crate::indexer::{for_search, reindex as rebuild};
use crate::print::{agree, count};
use annals_index::{SearchIndex, SearchOptions, SearchResult, TimelineOptions};
use annals_store::Db;
use anyhow::{Context, Result};
use std::io::{BufRead, Write};
use std::path::Path;

fn open_index(db: &Db) -> Result<SearchIndex> {
    open_existing(db)?;
    for_search(db)
}

fn print_human(query: &str, r: &SearchResult) -> Result<()> {
    let tty = std::io::IsTerminal::is_terminal(&std::io::stdout());
    // Matches in bold on a terminal, else in [brackets].
    let (on, off) = if tty {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("[", "]")
    };
    outln!(
        "{} {query:?}",
        with_verb(r.total as u64, "match", "matches")
    );
    if !r.suggestions.is_empty() {
        outln!("did you mean:");
        for s in &r.suggestions {
            outln!("  {}", s.query);
        }
    }
    for h in &r.hits {
        let date = h.date.written();
        let place = h
            .place
            .as_deref()
            .map(|p| format!(" — {p}"))
            .unwrap_or_default();
        let date = crate::print::date_column(&date, crate::print::DATE_COLUMN);
        outln!("\n{date} {}{place}  [{}]", h.title, h.id);
        outln!("    {}", h.excerpt.marked(on, off));
        if let Some(m) = &h.matched {
            let field = serde_json::to_value(m.field)?;
            outln!(
                "    (matched {}: {})",
                field.as_str().unwrap_or_default().replace('_', " "),
                m.value
            );
        }
    }
    for (name, counts) in &r.facets.0 {
        if counts.is_empty() {
            continue;
        }
        let list: Vec<String> = counts
            .iter()
            .take(6)
            .map(|(v, n)| format!("{v} ({n})"))
            .collect();
        outln!("\n{name}: {}", list.join(", "));
    }
    if let Some(c) = &r.next_cursor {
        outln!("\nmore: --cursor {c}");
    }
    Ok(())
}

/// "1 event matches", "3 events match".
fn with_verb(n: u64, plural: &str, singular: &str) -> String {
    format!("{} {}", count(n, "event"), agree(n, plural, singular))
}

pub fn search(db: &Db, args: &SearchArgs) -> Result<u8> {
    let index = open_index(db)?;
    let opts = SearchOptions {
        limit: args.limit.max(1),
        cursor: args.cursor.clone(),
        facets: !args.no_facets,
        facet_size: 10,
        facet_sample: None,
        ..Default::default()
    };
    if let Some(file) = &args.queries {
        return batch(&index, file, &opts);
    }
    let query = args.query.join(" ");
    let request = match annals_query::parse(&query) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("annals: {e}");
            eprintln!("  {query}\n  {}^", " ".repeat(e.offset));
            return Ok(exit::INVALID);
        }
    };
    let result = index.search(&request, &opts)?;
    if args.json {
        outln!("{}", serde_json::to_string(&result)?);
    } else {
        print_human(&query, &result)?;
    }
    Ok(exit::OK)
}

/// One query per line in, one JSON object per line out (`{"error": ...}` for a bad query).
fn batch(index: &SearchIndex, file: &Path, opts: &SearchOptions) -> Result<u8> {
    each_line(file, &mut |line| {
        let request = annals_query::parse(line.trim()).map_err(|e| e.to_string())?;
        let result = index.search(&request, opts).map_err(|e| e.to_string())?;
        serde_json::to_value(&result).map_err(|e| e.to_string())
    })
}

/// Run `answer` on each line of `file` (`-`: standard input), printing one JSON object per line
/// with the time it took as `took_ms`, or `{"error": ..., "line": N}`; exit code 1 if any line
/// failed.
fn each_line(
    file: &Path,
    answer: &mut dyn FnMut(&str) -> Result<serde_json::Value, String>,
) -> Result<u8> {
    let input: Box<dyn BufRead> = if file.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::io::BufReader::new(
            std::fs::File::open(file).with_context(|| format!("cannot read {}", file.display()))?,
        ))
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut code = exit::OK;
    for (n, line) in input.lines().enumerate() {
        let line = line.with_context(|| format!("{}:{}: cannot read", file.display(), n + 1))?;
        let started = std::time::Instant::now();
        match answer(&line) {
            Ok(mut v) => {
                v["took_ms"] = serde_json::json!(started.elapsed().as_secs_f64() * 1000.0);
                serde_json::to_writer(&mut out, &v)?;
            }
            Err(e) => {
                code = exit::INVALID;
                serde_json::to_writer(&mut out, &serde_json::json!({"error": e, "line": n + 1}))?;
            }
        }
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(code)
}

/// One line of `timeline --queries`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DensityLine {
    #[serde(default)]
    q: String,
    from: Option<String>,
    to: Option<String>,
    buckets: Option<usize>,
    top: Option<usize>,
}

fn timeline_batch(index: &SearchIndex, file: &Path, args: &TimelineArgs) -> Result<u8> {
    // As `annals serve` does when it starts: the first query is not the one that builds the
    // segments' tables.
    index.warm()?;
    each_line(file, &mut |line| {
        let d: DensityLine = serde_json::from_str(line).map_err(|e| {
            format!("{e}: expected {{\"q\", \"from\", \"to\", \"buckets\", \"top\"}}")
        })?;
        let request = annals_query::parse(&d.q).map_err(|e| e.to_string())?;
        let from = d.from.as_deref().or(args.window.from.as_deref());
        let to = d.to.as_deref().or(args.window.to.as_deref());
        let (from, to) = window(from, to).map_err(|e| e.to_string())?;
        let t = index
            .timeline(
                &request,
                &TimelineOptions {
                    from,
                    to,
                    buckets: d.buckets.unwrap_or(args.buckets).clamp(1, 10_000),
                    top: d.top.unwrap_or(args.top),
                },
            )
            .map_err(|e| e.to_string())?;
        serde_json::to_value(&t).map_err(|e| e.to_string())
    })
}

pub fn timeline(db: &Db, args: &TimelineArgs) -> Result<u8> {
    let index = open_index(db)?;
    if let Some(file) = &args.queries {
        return timeline_batch(&index, file, args);
    }
    let query = args.window.query.join(" ");
    let request = match annals_query::parse(&query) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("annals: {e}");
            return Ok(exit::INVALID);
        }
    };
    let (from, to) = window(args.window.from.as_deref(), args.window.to.as_deref())?;
    let t = index.timeline(
        &request,
        &TimelineOptions {
            from,
            to,
            buckets: args.buckets.clamp(1, 10_000),
            top: args.top,
        },
    )?;
    if args.json {
        outln!("{}", serde_json::to_string(&t)?);
        return Ok(exit::OK);
    }
    let max = t.buckets.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    outln!("{}, by {}", count(t.total, "event"), t.unit);
    for b in &t.buckets {
        let bar = "#".repeat(((b.count * 40).div_ceil(max)) as usize);
        let top: Vec<&str> = b.top.iter().map(|e| e.title.as_str()).collect();
        outln!(
            "{:<22} {:>7} {bar:<40} {}",
            b.label,
            b.count,
            top.join("; ")
        );
    }
    Ok(exit::OK)
}

pub fn on_this_day(db: &Db, args: &OnThisDayArgs) -> Result<u8> {
    let index = open_index(db)?;
    let (month, day) = match &args.date {
        Some(d) => annals_dates::month_day(d).map_err(|e| anyhow::anyhow!("--date {e}"))?,
        None => today(),
    };
    let events = index.on_this_day(month, day, args.limit)?;
    if args.json {
        let v: Vec<_> = events
            .iter()
            .map(|(id, title, date)| serde_json::json!({"id": id, "title": title, "date": date}))
            .collect();
        outln!(
            "{}",
            serde_json::json!({"month": month, "day": day, "events": v})
        );
    } else {
        outln!(
            "On {month:02}-{day:02}: {}",
            count(events.len() as u64, "event")
        );
        for (id, title, date) in &events {
            let date = crate::print::date_column(date, crate::print::DATE_COLUMN);
            outln!("{date} {title}  [{id}]");
        }
    }
    Ok(exit::OK)
}

/// Today's month and day (UTC).
fn today() -> (u8, u8) {
    let ymd = annals_dates::DayNumber::today().ymd();
    (ymd.month, ymd.day)
}

pub fn related(db: &Db, args: &RelatedArgs) -> Result<u8> {
    let s = open_existing(db)?;
    let Some(event) = s.get(&args.id)? else {
        return Ok(not_found(&args.id));
    };
    let index = for_search(db)?;
    let related = index.related(&event, args.limit.max(1))?;
    if args.json {
        outln!(
            "{}",
            serde_json::json!({"id": event.id, "related": related})
        );
    } else {
        outln!("Related to {} ({})", event.title, event.id);
        for r in &related {
            let why = serde_json::to_value(&r.reason)?;
            outln!(
                "  {} {}  [{}]  — {}",
                crate::print::date_column(&r.date, crate::print::DATE_COLUMN),
                r.title,
                r.id,
                reason_text(&why)
            );
        }
    }
    Ok(exit::OK)
}

fn reason_text(v: &serde_json::Value) -> String {
    match v["type"].as_str().unwrap_or("") {
        "explicit" if v["inverse"] == true => "linked from it".into(),
        "explicit" => format!("linked ({})", v["kind"].as_str().unwrap_or("related")),
        "shared_participants" => format!(
            "shares {}",
            v["names"]
                .as_array()
                .map(|a| a
                    .iter()
                    .filter_map(|x| x.as_str())
                    .collect::<Vec<_>>()
                    .join(", "))
                .unwrap_or_default()
        ),
        "same_place" => format!("same place ({})", v["place"].as_str().unwrap_or("")),
        "similar_text" => "similar text".into(),
        "near_in_time" => format!("{} days apart", v["days"]),
        other => other.into(),
    }
}

pub fn reindex(db: &Db) -> Result<u8> {
    open_existing(db)?;
    let started = std::time::Instant::now();
    let n = rebuild(db)?;
    outln!(
        "indexed {} in {:.1} s into {}",
        count(n, "event"),
        started.elapsed().as_secs_f64(),
        db.index_dir().display()
    );
    Ok(exit::OK)
}

/// `check --index`: the index holds exactly the store's events, at the store's generation.
pub fn check_index(db: &Db) -> Result<u8> {
    let s = open_existing(db)?;
    let dir = db.index_dir();
    let index = SearchIndex::open(&dir)?;
    let mut problems = Vec::new();
    let (ig, sg) = (index.generation()?.unwrap_or(0), s.generation()?);
    if ig != sg {
        problems.push(format!(
            "the index reflects write {ig} of the store; the store is at write {sg}"
        ));
    }
    let mut in_store = std::collections::HashSet::new();
    s.scan(&annals_store::Filter::default(), &mut |e| {
        in_store.insert(e.id);
        Ok(())
    })?;
    let in_index: std::collections::HashSet<String> = index.ids()?.into_iter().collect();
    for id in in_store.difference(&in_index) {
        problems.push(format!("{id}: in the store, missing from the index"));
    }
    for id in in_index.difference(&in_store) {
        problems.push(format!("{id}: in the index, not in the store"));
    }
    if problems.is_empty() {
        outln!(
            "the index {} agrees with the store: {}, write {sg}",
            dir.display(),
            count(in_store.len() as u64, "event")
        );
        return Ok(exit::OK);
    }
    let shown = problems.len().min(50);
    for p in &problems[..shown] {
        outln!("{p}");
    }
    if problems.len() > shown {
        outln!("... and {} more", problems.len() - shown);
    }
    outln!(
        "{}: run `annals reindex`",
        count(problems.len() as u64, "problem")
    );
    Ok(exit::INVALID)
}
