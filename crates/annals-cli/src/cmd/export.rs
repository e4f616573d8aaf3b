//! `export`: all events, or a query's hits, in any output format.

use crate::cli::{ExportArgs, OutputFormat};
use crate::exit;
use annals_core::Event;
use annals_formats::card::{write_document, LEAD_KIND, SEPARATOR};
use annals_formats::{geojson, json, jsonld, markdown, table, timelinejs, wikidata};
use annals_formats::{Dropped, EventWriter};
use annals_index::{Hit, SearchOptions};
use annals_query::Request;
use annals_store::Db;
use annals_store::{EventStore, Filter, StoreError};
use anyhow::{bail, Context, Result};
use std::io::Write;
use std::path::Path;

/// Calls `each` with every event to export, in order: all of them by date, or a query's hits in
/// the query's order.
fn each_event(
    s: &dyn EventStore,
    db: &Db,
    query: &str,
    each: &mut dyn FnMut(Event) -> Result<()>,
) -> Result<()> {
    if query.trim().is_empty() {
        // A failed write stops the work; the scan runs out without doing any more.
        let mut failed = None;
        s.scan(&Filter::default(), &mut |e| {
            if failed.is_none() {
                if let Err(err) = each(e) {
                    failed = Some(err);
                }
            }
            Ok(())
        })?;
        return failed.map_or(Ok(()), Err);
    }
    each_hit(db, &parse(query)?, &mut |hit| {
        if let Some(e) = s.get(&hit.id)? {
            each(e)?;
        }
        Ok(true)
    })
}

fn parse(query: &str) -> Result<Request> {
    annals_query::parse(query).map_err(|e| anyhow::anyhow!("query: {e}"))
}

/// Calls `each` with the hits of `request`, page after page, in the query's order, while it
/// returns true.
pub(crate) fn each_hit(
    db: &Db,
    request: &Request,
    each: &mut dyn FnMut(&Hit) -> Result<bool>,
) -> Result<()> {
    let index = crate::indexer::for_search(db)?;
    let mut opts = SearchOptions {
        limit: 1000,
        cursor: None,
        facets: false,
        facet_size: 0,
        facet_sample: None,
        ..Default::default()
    };
    loop {
        let page = index.search(request, &opts)?;
        for hit in &page.hits {
            if !each(hit)? {
                return Ok(());
            }
        }
        match page.next_cursor {
            Some(c) if !page.hits.is_empty() => opts.cursor = Some(c),
            _ => return Ok(()),
        }
    }
}

/// Whether any event to export is too old for TimelineJS's human scale: looked up from the
/// dates alone (the store's oldest events, or the query's hits), before the export writes.
fn any_deep(s: &dyn EventStore, db: &Db, query: &str) -> Result<bool> {
    let mut deep = false;
    if query.trim().is_empty() {
        let cutoff = annals_dates::Calendar::Gregorian
            .to_day(annals_dates::Ymd {
                year: timelinejs::HUMAN_MIN_YEAR,
                month: 1,
                day: 1,
            })
            .map_or(i64::MIN, |d| d.0);
        s.scan(
            &Filter {
                days: Some((i64::MIN, cutoff)),
                ..Filter::default()
            },
            &mut |e| {
                deep |= timelinejs::needs_cosmological(&e.date);
                Ok(())
            },
        )?;
        return Ok(deep);
    }
    each_hit(db, &parse(query)?, &mut |hit| {
        deep = timelinejs::needs_cosmological(&hit.date);
        Ok(!deep)
    })?;
    Ok(deep)
}

pub fn export(s: &dyn EventStore, db: &Db, args: &ExportArgs) -> Result<u8> {
    let query = args.query.join(" ");
    let to_dir = args
        .out
        .as_deref()
        .is_some_and(|p| p.is_dir() || p.to_string_lossy().ends_with('/'));
    match args.format {
        OutputFormat::Card if to_dir => {
            let dir = args.out.as_deref().unwrap_or(Path::new("."));
            return export_files(s, db, &query, dir, "txt", &mut |s, e| card_of(s, e));
        }
        OutputFormat::Markdown => {
            let Some(dir) = args.out.as_deref().filter(|_| to_dir || args.out.is_some()) else {
                bail!("markdown is one file per event: give --out DIR");
            };
            return export_files(s, db, &query, dir, "md", &mut |_, e| {
                Ok((markdown::write(e), Vec::new()))
            });
        }
        _ => {}
    }
    let mut writer: Box<dyn EventWriter> = match args.format {
        OutputFormat::Jsonl => Box::new(json::JsonlWriter),
        OutputFormat::Csv => Box::<table::Writer>::default(),
        OutputFormat::Geojson => Box::new(geojson::Writer::new()),
        OutputFormat::Jsonld => Box::new(jsonld::Writer::new()),
        OutputFormat::Wikidata => Box::new(wikidata::Writer::new()),
        OutputFormat::Timelinejs | OutputFormat::TimelinejsCsv => {
            let cosmological = any_deep(s, db, &query)?;
            if matches!(args.format, OutputFormat::Timelinejs) {
                let title = if query.is_empty() {
                    "annals".to_string()
                } else {
                    format!("annals: {query}")
                };
                Box::new(timelinejs::json::Writer::new(cosmological, &title))
            } else {
                Box::new(timelinejs::sheet::Writer::new(cosmological))
            }
        }
        OutputFormat::Card | OutputFormat::Markdown => Box::new(CardWriter { s, first: true }),
    };
    // Write to a temporary file beside the target, then rename: never a half-written file.
    let (mut out, tmp): (Box<dyn Write>, Option<tempfile_path::Tmp>) = match &args.out {
        Some(path) => {
            let tmp = tempfile_path::Tmp::beside(path)?;
            (Box::new(std::io::BufWriter::new(tmp.file()?)), Some(tmp))
        }
        None => (
            Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
            None,
        ),
    };
    let mut dropped = Vec::new();
    let mut n = 0u64;
    writer.begin(&mut out)?;
    // Native JSON and CSV keep the texts in other languages; cards say what they lose
    // themselves (`card_of`).
    let said = matches!(
        args.format,
        OutputFormat::Jsonl | OutputFormat::Csv | OutputFormat::Card
    );
    each_event(s, db, &query, &mut |e| {
        writer.event(&mut out, &e, &mut dropped)?;
        if !said {
            dropped.extend(translations_dropped(&e));
        }
        n += 1;
        Ok(())
    })?;
    writer.end(&mut out)?;
    out.flush()?;
    drop(out);
    if let (Some(tmp), Some(path)) = (tmp, &args.out) {
        tmp.persist(path)?;
        let s = super::plural(usize::try_from(n).unwrap_or(usize::MAX));
        eprintln!("wrote {n} event{s} to {}", path.display());
    }
    report_dropped(format_name(args.format), n, &dropped);
    Ok(exit::OK)
}

fn format_name(f: OutputFormat) -> &'static str {
    match f {
        OutputFormat::Jsonl => "jsonl",
        OutputFormat::Card => "card",
        OutputFormat::Csv => "csv",
        OutputFormat::Timelinejs => "timelinejs",
        OutputFormat::TimelinejsCsv => "timelinejs-csv",
        OutputFormat::Geojson => "geojson",
        OutputFormat::Jsonld => "jsonld",
        OutputFormat::Markdown => "markdown",
        OutputFormat::Wikidata => "wikidata",
    }
}

/// What a format without texts in other languages loses of an event (native JSON, CSV and
/// Markdown keep them).
fn translations_dropped(e: &Event) -> Option<Dropped> {
    if e.translations.is_empty() {
        return None;
    }
    let langs: Vec<&str> = e.translations.iter().map(|t| t.lang.as_str()).collect();
    Some(Dropped {
        id: e.id.clone(),
        what: format!(
            "its texts in other languages ({}): native JSON, CSV and Markdown keep them",
            langs.join(", ")
        ),
    })
}

/// Cards one after another, separated, each with its lead cards.
struct CardWriter<'a> {
    s: &'a dyn EventStore,
    first: bool,
}

impl EventWriter for CardWriter<'_> {
    fn event(
        &mut self,
        out: &mut dyn Write,
        e: &Event,
        dropped: &mut Vec<Dropped>,
    ) -> std::io::Result<()> {
        if !self.first {
            writeln!(out, "{SEPARATOR}")?;
        }
        self.first = false;
        let (text, d) = card_of(self.s, e).map_err(std::io::Error::other)?;
        dropped.extend(d);
        out.write_all(text.as_bytes())
    }
}

/// An event as a card document, with its `related` events as lead cards.
fn card_of(s: &dyn EventStore, e: &Event) -> Result<(String, Vec<Dropped>), StoreError> {
    let mut leads = Vec::new();
    for r in e.related.iter().filter(|r| r.kind == LEAD_KIND) {
        if let Some(other) = s.get(&r.id)? {
            leads.push(other);
        }
    }
    let refs: Vec<&Event> = leads.iter().collect();
    let (text, mut dropped) = write_document(e, &refs);
    // Lead cards are summaries: what they leave out is kept by the event's own document.
    dropped.retain(|d| d.id == e.id);
    dropped.extend(translations_dropped(e));
    Ok((text, dropped))
}

/// The text of one event's file, and what it could not hold.
type FileOf = dyn FnMut(&dyn EventStore, &Event) -> Result<(String, Vec<Dropped>), StoreError>;

/// One file per event in `dir`, named by id; each written whole, then renamed into place.
fn export_files(
    s: &dyn EventStore,
    db: &Db,
    query: &str,
    dir: &Path,
    ext: &str,
    file_of: &mut FileOf,
) -> Result<u8> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut dropped = Vec::new();
    let mut n = 0;
    each_event(s, db, query, &mut |e| {
        let (text, d) = file_of(s, &e)?;
        let path = dir.join(format!("{}.{ext}", e.id));
        let tmp = tempfile_path::Tmp::beside(&path)?;
        std::fs::write(tmp.path(), text)
            .with_context(|| format!("cannot write {}", path.display()))?;
        tmp.persist(&path)?;
        dropped.extend(d);
        n += 1;
        Ok(())
    })?;
    eprintln!("wrote {n} {ext} files to {}", dir.display());
    report_dropped(if ext == "md" { "markdown" } else { "card" }, n, &dropped);
    Ok(exit::OK)
}

fn report_dropped(format: &str, events: u64, dropped: &[Dropped]) {
    if dropped.is_empty() {
        return;
    }
    let affected: std::collections::HashSet<&str> = dropped.iter().map(|d| d.id.as_str()).collect();
    eprintln!(
        "annals: the {format} format could not hold {} thing{} ({} of {events} events):",
        dropped.len(),
        if dropped.len() == 1 { "" } else { "s" },
        affected.len()
    );
    // Counted by kind (numbers and quoted values aside), most frequent first, with an example.
    let mut kinds: Vec<(String, usize, &Dropped)> = Vec::new();
    for d in dropped {
        let k = kind(&d.what);
        match kinds.iter_mut().find(|(x, _, _)| *x == k) {
            Some(entry) => entry.1 += 1,
            None => kinds.push((k, 1, d)),
        }
    }
    kinds.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    for (k, n, example) in &kinds {
        eprintln!("  {n:>6} × {k}  (e.g. {}: {})", example.id, example.what);
    }
}

/// A message with its numbers and quoted values replaced, to count alike losses together.
fn kind(what: &str) -> String {
    let mut out = String::new();
    let mut quoted = false;
    let mut last_digit = false;
    for c in what.chars() {
        if c == '"' {
            if !quoted {
                out.push('…');
            }
            quoted = !quoted;
            continue;
        }
        if quoted {
            continue;
        }
        if c.is_ascii_digit() {
            if !last_digit {
                out.push('N');
            }
            last_digit = true;
            continue;
        }
        last_digit = false;
        out.push(c);
    }
    out
}

/// A temporary file renamed into place when complete.
mod tempfile_path {
    use anyhow::{Context, Result};
    use std::path::{Path, PathBuf};

    pub struct Tmp {
        path: PathBuf,
    }

    impl Tmp {
        pub fn beside(target: &Path) -> Result<Tmp> {
            let name = target
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_else(|| "export".into());
            let path = target.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
            Ok(Tmp { path })
        }

        pub fn path(&self) -> &Path {
            &self.path
        }

        pub fn file(&self) -> Result<std::fs::File> {
            std::fs::File::create(&self.path)
                .with_context(|| format!("cannot write {}", self.path.display()))
        }

        pub fn persist(mut self, target: &Path) -> Result<()> {
            std::fs::rename(&self.path, target)
                .with_context(|| format!("cannot write {}", target.display()))?;
            self.path = PathBuf::new();
            Ok(())
        }
    }

    impl Drop for Tmp {
        fn drop(&mut self) {
            if !self.path.as_os_str().is_empty() {
                let _ = std::fs::remove_file(&self.path);
            }
        }
    }
}
