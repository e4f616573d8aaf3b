//! `import` and `check`.

use super::{open, read_options};
use crate::cli::{ImportArgs, ReadArgs};
use crate::exit;
use crate::indexer::Indexer;
use crate::input::{collect_files, read_file, total_bytes, Problem};
use annals_core::{id::event_id, Event};
use annals_formats::table::ColumnMap;
use annals_formats::{FormatError, Incoming, Location};
use annals_store::{EventStore, Transaction, Written};
use anyhow::{anyhow, Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::HashMap;
use std::path::Path;

/// Counts of one import.
#[derive(Default)]
pub(crate) struct Tally {
    /// Lead cards that created their event in this run: a main record for it later in the
    /// run completes it rather than updating it.
    stubs_created: std::collections::HashSet<String>,
    pub(crate) created: u64,
    pub(crate) updated: u64,
    pub(crate) unchanged: u64,
    merged: u64,
}

/// Ids given out in this run, so that two different records never share one.
#[derive(Default)]
struct Ids {
    /// Main records' ids and where they were read.
    seen: HashMap<String, String>,
}

impl Ids {
    /// Claim an id for a main record. A generated id (title + year) that is already taken by
    /// another record of this run gets the record's month and day, then a counter; an explicit
    /// id given twice is a problem.
    fn claim(&mut self, event: &mut Event, at: String) -> Result<(), String> {
        if !self.seen.contains_key(&event.id) {
            self.seen.insert(event.id.clone(), at);
            return Ok(());
        }
        if event.id != event_id(&event.title, &event.date) {
            return Err(format!(
                "id {:?} is given twice (first at {})",
                event.id, self.seen[&event.id]
            ));
        }
        let base = match event.date.earliest.day() {
            Some(d)
                if matches!(
                    event.date.precision,
                    annals_dates::Precision::Day | annals_dates::Precision::Time
                ) =>
            {
                let ymd = d.ymd();
                format!("{}-{:02}-{:02}", event.id, ymd.month, ymd.day)
            }
            _ => event.id.clone(),
        };
        let mut candidate = base.clone();
        let mut n = 2;
        while self.seen.contains_key(&candidate) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        event.id = candidate.clone();
        self.seen.insert(candidate, at);
        Ok(())
    }
}

fn located(file: &Path, loc: &Location) -> String {
    format!("{}:{loc}", file.display())
}

/// Read every file, passing each event to `write`; returns the problems found.
/// Places the gazetteer could not find are noted in `unresolved` as `file:line: place "…"`.
fn read_all(
    read: &ReadArgs,
    progress: &ProgressBar,
    unresolved: &mut Vec<String>,
    write: &mut dyn FnMut(Incoming) -> Result<()>,
) -> Result<(Vec<Problem>, usize)> {
    let files = collect_files(&read.paths)?;
    progress.set_length(total_bytes(&files));
    let (format, opts) = read_options(read);
    let columns = match &read.columns {
        Some(spec) => ColumnMap::parse(spec).map_err(|e| anyhow!("--columns: {e}"))?,
        None => ColumnMap::default(),
    };
    let mut problems = Vec::new();
    let mut ids = Ids::default();
    for file in &files {
        read_file(file, format, &opts, &columns, progress, &mut |item| {
            match item {
                Ok(mut incoming) => {
                    let unlocated = if read.no_gazetteer {
                        Vec::new()
                    } else {
                        annals_places::locate(&mut incoming.event.places)
                    };
                    for p in unlocated {
                        let name = if p.country.is_empty() {
                            p.name.clone()
                        } else {
                            format!("{}, {}", p.name, p.country)
                        };
                        unresolved.push(format!(
                            "{}: place {name:?} is not in the gazetteer: kept without coordinates",
                            located(file, &incoming.location)
                        ));
                    }
                    if !incoming.stub {
                        let at = located(file, &incoming.location);
                        if let Err(message) = ids.claim(&mut incoming.event, at) {
                            problems.push(Problem {
                                file: file.clone(),
                                error: FormatError {
                                    location: incoming.location,
                                    message,
                                },
                            });
                            return Ok(());
                        }
                    }
                    write(incoming)?;
                }
                Err(error) => problems.push(Problem {
                    file: file.clone(),
                    error,
                }),
            }
            Ok(())
        })?;
    }
    Ok((problems, files.len()))
}

fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} importing [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    bar
}

/// Write one event to the store and the index, and count what happened.
pub(crate) fn write_one(
    tx: &mut dyn Transaction,
    index: &mut Indexer,
    tally: &mut Tally,
    incoming: &Incoming,
) -> Result<()> {
    let w = if incoming.stub {
        tx.upsert_stub(&incoming.event)?
    } else {
        tx.upsert(&incoming.event)?
    };
    index.record(tx, &incoming.event, w)?;
    match w {
        Written::Created => {
            tally.created += 1;
            if incoming.stub {
                tally.stubs_created.insert(incoming.event.id.clone());
            }
        }
        Written::Updated if tally.stubs_created.remove(&incoming.event.id) => {}
        Written::Updated => tally.updated += 1,
        Written::Unchanged => tally.unchanged += 1,
        Written::Merged => tally.merged += 1,
    }
    Ok(())
}

pub fn import(db: &Path, args: &ImportArgs) -> Result<u8> {
    let mut store = open(db)?;
    let mut index = Indexer::open(db, &store)
        .context("cannot open the search index (is another import running?)")?;
    let mut tally = Tally::default();
    let progress = progress_bar();
    let mut unresolved = Vec::new();
    let (problems, files, after, generation) = {
        let mut tx: Box<dyn Transaction + '_> = store.transaction()?;
        // Two stages on two cores: a reader thread parses and validates, this thread writes.
        let (problems, files) = std::thread::scope(|scope| -> Result<(Vec<Problem>, usize)> {
            // Events travel in batches: one hand-over per event costs a thread wake-up each.
            const BATCH: usize = 256;
            let (send, receive) = std::sync::mpsc::sync_channel::<Vec<Incoming>>(16);
            let progress = &progress;
            let unresolved = &mut unresolved;
            let reader = scope.spawn(move || {
                let stopped = |_| anyhow!("the import stopped");
                let mut batch = Vec::with_capacity(BATCH);
                let read = read_all(&args.read, progress, unresolved, &mut |incoming| {
                    batch.push(incoming);
                    if batch.len() == BATCH {
                        let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                        send.send(full).map_err(stopped)?;
                    }
                    Ok(())
                })?;
                send.send(batch).map_err(stopped)?;
                Ok(read)
            });
            let mut written = Ok(());
            'batches: for batch in receive.iter() {
                for incoming in &batch {
                    written = write_one(&mut *tx, &mut index, &mut tally, incoming);
                    if written.is_err() {
                        break 'batches;
                    }
                }
            }
            drop(receive);
            let read = reader
                .join()
                .map_err(|_| anyhow!("the reader thread failed"))?;
            written?;
            read
        })?;
        progress.finish_and_clear();
        for p in &problems {
            eprintln!("{p}");
        }
        if !problems.is_empty() && !args.skip_invalid {
            // Dropping the transaction rolls it back: nothing is written.
            drop(tx);
            index.abort()?;
            eprintln!(
                "annals: {} problem{} found; nothing was imported (fix them, or use --skip-invalid to import the valid records)",
                problems.len(),
                plural(problems.len())
            );
            return Ok(exit::INVALID);
        }
        let after = index
            .prepare(tx.next_generation()?)
            .context("the search index could not be updated, so nothing was imported")?;
        let generation = tx.commit()?;
        (problems, files, after, generation)
    };
    after.finish(&store, generation).with_context(|| format!("the events were stored, but the search index of {} could not be rebuilt: run `annals reindex`", db.display()))?;
    outln!(
        "imported {files} file{} into {}: {} events created, {} updated, {} unchanged, {} lead cards merged into existing events{}",
        plural(files),
        db.display(),
        tally.created,
        tally.updated,
        tally.unchanged,
        tally.merged,
        if problems.is_empty() { String::new() } else { format!("; {} rejected (listed above)", problems.len()) }
    );
    if !unresolved.is_empty() {
        outln!(
            "{} place{} not in the gazetteer, kept without coordinates (`annals places --unresolved` lists them; `annals check FILE` says where)",
            unresolved.len(),
            plural(unresolved.len())
        );
    }
    Ok(exit::OK)
}

/// The demo corpus, compiled in by the build script.
mod corpus {
    include!(concat!(env!("OUT_DIR"), "/demo_corpus.rs"));
}

/// Import the bundled demo corpus into `db`, then list it.
pub fn demo(db: &Path, quiet: bool) -> Result<u8> {
    let mut store = open(db)?;
    let mut index = Indexer::open(db, &store)
        .context("cannot open the search index (is another import running?)")?;
    let opts = annals_formats::ReadOptions::default();
    let mut tally = Tally::default();
    let generation = {
        let mut tx = store.transaction()?;
        for (name, text) in corpus::DEMO {
            for doc in annals_formats::card::read_documents(text, &opts) {
                let doc = doc.map_err(|e| anyhow::anyhow!("demo corpus {name}:{e}"))?;
                for item in doc.into_events() {
                    write_one(&mut *tx, &mut index, &mut tally, &item)?;
                }
            }
        }
        let after = index
            .prepare(tx.next_generation()?)
            .context("the search index could not be updated, so nothing was imported")?;
        (after, tx.commit()?)
    };
    let (after, generation) = generation;
    after.finish(&store, generation).with_context(|| format!("the events were stored, but the search index of {} could not be rebuilt: run `annals reindex`", db.display()))?;
    if quiet {
        outln!(
            "imported the demo corpus into {} ({} new events)",
            db.display(),
            tally.created
        );
        return Ok(exit::OK);
    }
    let mut n = 0;
    store.scan(&annals_store::Filter::default(), &mut |e| {
        n += 1;
        outln!("{}", crate::print::list_line(&e));
        Ok(())
    })?;
    outln!(
        "\nThe demo corpus is in {} ({n} events, {} new). Try:\n  annals --db {0} show battle-of-hastings-1066\n  annals --db {0} search \"treaty Japan\"\n  annals --db {0} list --from \"44 BC\" --to \"AD 14\"",
        db.display(),
        tally.created
    );
    Ok(exit::OK)
}

pub fn check(read: &ReadArgs) -> Result<u8> {
    let progress = ProgressBar::hidden();
    let mut events = 0usize;
    let mut unresolved = Vec::new();
    let (problems, files) = read_all(read, &progress, &mut unresolved, &mut |_| {
        events += 1;
        Ok(())
    })?;
    for p in &problems {
        outln!("{p}");
    }
    for u in &unresolved {
        outln!("note: {u}");
    }
    if problems.is_empty() {
        outln!(
            "{events} event{} in {files} file{}: no problems",
            plural(events),
            plural(files)
        );
        Ok(exit::OK)
    } else {
        outln!(
            "{} problem{} in {files} file{} ({events} valid events)",
            problems.len(),
            plural(problems.len()),
            plural(files)
        );
        Ok(exit::INVALID)
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
