//! `import` and `check`.

use super::{open, plural, read_options};
use crate::cli::{ImportArgs, ReadArgs};
use crate::exit;
use crate::input::{collect_files, read_file, total_bytes, Problem};
use annals_formats::table::ColumnMap;
use annals_formats::{FormatError, Incoming, Location};
use annals_index::sync::{Size, Write};
use annals_index::SearchIndex;
use annals_store::identity::{PlaceError, Placed};
use annals_store::Db;
use annals_store::{Change, EventStore, Written};
use anyhow::{anyhow, bail, Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::path::{Path, PathBuf};
use std::sync::Arc;

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
    /// The events updated, and those a lead card added to, in this run: a later record may
    /// write one back as it was (a lead card in a later file adds again the relation that its
    /// event's own record, read again, took away), which is no change at all.
    updated_ids: std::collections::HashSet<String>,
    merged_ids: std::collections::HashMap<String, u64>,
    /// Records that took a new id because theirs belonged to a different event.
    renamed: Vec<(String, String)>,
    /// Pairs proposed as duplicates.
    duplicates: Vec<(String, String)>,
    /// The events created, up to [`LOOK_FOR_DUPLICATES`] and one more.
    created_ids: Vec<String>,
    /// Stories stored or changed.
    pub(crate) stories: u64,
}

/// Imports that create at most this many events look for duplicates of each among all
/// stored events (a few milliseconds each); larger ones leave it to `annals duplicates --scan`.
const LOOK_FOR_DUPLICATES: usize = 20_000;

impl Tally {
    fn count(&mut self, placed: &Placed, stub: bool) {
        match placed.written {
            Written::Created => {
                self.created += 1;
                if self.created_ids.len() <= LOOK_FOR_DUPLICATES {
                    self.created_ids.push(placed.id.clone());
                }
                if stub {
                    self.stubs_created.insert(placed.id.clone());
                }
            }
            Written::Updated if self.stubs_created.remove(&placed.id) => {}
            Written::Updated => {
                if self.updated_ids.insert(placed.id.clone()) {
                    self.updated += 1;
                }
            }
            Written::Unchanged => self.unchanged += 1,
            Written::Merged => {
                self.merged += 1;
                *self.merged_ids.entry(placed.id.clone()).or_default() += 1;
            }
        }
        if let Some(old) = &placed.renamed_from {
            self.renamed.push((old.clone(), placed.id.clone()));
        }
        if let Some(other) = &placed.duplicate_of {
            self.duplicates.push((other.clone(), placed.id.clone()));
        }
    }

    /// Count what the run changed in the end (an event written back as it was is unchanged);
    /// whether anything changed at all.
    pub(crate) fn settle(&mut self, tx: &dyn annals_store::Transaction) -> Result<bool> {
        if self.updated_ids.is_empty() && self.merged_ids.is_empty() {
            return Ok(self.created > 0 || self.stories > 0);
        }
        let Some(net) = tx.changes_since(tx.base_generation())? else {
            return Ok(true);
        };
        let net: std::collections::HashSet<&str> = net.changed.iter().map(String::as_str).collect();
        let updated_back = self
            .updated_ids
            .iter()
            .filter(|id| !net.contains(id.as_str()))
            .count() as u64;
        let merged_back: u64 = self
            .merged_ids
            .iter()
            .filter(|(id, _)| !net.contains(id.as_str()))
            .map(|(_, n)| n)
            .sum();
        self.updated -= updated_back;
        self.unchanged += updated_back;
        // A lead card that added nothing in the end counts as one that found its relation there.
        self.merged = self.merged.saturating_sub(merged_back);
        self.unchanged += merged_back;
        Ok(!net.is_empty() || self.stories > 0)
    }

    /// Propose the likely duplicates of the events created (beyond the same title and date,
    /// which the identity rules propose), when there are not too many to look at.
    fn look_for_duplicates(&mut self, db: &Db) -> Result<()> {
        if self.created_ids.is_empty() || self.created_ids.len() > LOOK_FOR_DUPLICATES {
            return Ok(());
        }
        let store = open(db)?;
        let index = crate::indexer::for_search(db)?;
        let found = super::duplicates::find(
            &*store,
            &index,
            Some(&self.created_ids),
            annals_index::duplicates::MIN_SCORE,
        )?;
        let known: std::collections::HashSet<(String, String)> = self
            .duplicates
            .iter()
            .map(|(a, b)| {
                let (a, b) = annals_store::pair(a, b);
                (a.to_string(), b.to_string())
            })
            .collect();
        let new: Vec<_> = found
            .into_iter()
            .filter(|d| !known.contains(&(d.a.clone(), d.b.clone())))
            .collect();
        super::duplicates::propose(db, &new, "duplicates proposed after an import")?;
        self.duplicates.extend(new.into_iter().map(|d| (d.a, d.b)));
        Ok(())
    }

    /// What the import did, in a few lines.
    fn report(&self) -> Result<()> {
        if !self.renamed.is_empty() {
            let (old, new) = &self.renamed[0];
            outln!(
                "{} record{} took a new id because {} belonged to a different event (first: {old} became {new}); nothing was overwritten",
                self.renamed.len(),
                plural(self.renamed.len()),
                if self.renamed.len() == 1 { "its id" } else { "their ids" }
            );
        }
        if !self.duplicates.is_empty() {
            let (a, b) = &self.duplicates[0];
            outln!(
                "{} pair{} of records look like the same event and wait for review (first: {a} and {b}): `annals duplicates` lists them",
                self.duplicates.len(),
                plural(self.duplicates.len())
            );
        }
        Ok(())
    }
}

/// A file being read: as given (for messages) and as the origin its events remember.
pub(crate) struct Source {
    pub(crate) file: PathBuf,
    pub(crate) origin: String,
}

impl Source {
    pub(crate) fn new(file: &Path) -> Source {
        let origin = std::fs::canonicalize(file)
            .unwrap_or_else(|_| file.to_path_buf())
            .display()
            .to_string();
        Source {
            file: file.to_path_buf(),
            origin,
        }
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
    wiki: &mut Vec<(PathBuf, annals_formats::WikiReport)>,
    stories: &mut Vec<(PathBuf, annals_core::story::Story)>,
    write: &mut dyn FnMut(&Arc<Source>, Incoming) -> Result<()>,
) -> Result<(Vec<Problem>, usize)> {
    let files = collect_files(&read.paths)?;
    progress.set_length(total_bytes(&files));
    let (format, opts) = read_options(read);
    let columns = match &read.columns {
        Some(spec) => ColumnMap::parse(spec).map_err(|e| anyhow!("--columns: {e}"))?,
        None => ColumnMap::default(),
    };
    let mut problems = Vec::new();
    for file in &files {
        // A story file (native JSON with stops) is kept for after the events it visits.
        if format.is_none() {
            match super::story::sniff(file) {
                Some(Ok(story)) => {
                    stories.push((file.clone(), story));
                    continue;
                }
                Some(Err(error)) => {
                    problems.push(Problem {
                        file: file.clone(),
                        error,
                    });
                    continue;
                }
                None => {}
            }
        }
        let source = Arc::new(Source::new(file));
        read_file(file, format, &opts, &columns, progress, wiki, &mut |item| {
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
                        // Why, in the gazetteer's words: unknown, a historical state, or not
                        // sure which of several places.
                        let why = annals_places::Gazetteer::get().explain(&p.name, &p.country);
                        let why = if why.contains("not in the gazetteer") || why.is_empty() {
                            "is not in the gazetteer".to_string()
                        } else {
                            format!("is not located ({why})")
                        };
                        unresolved.push(format!(
                            "{}: place {name:?} {why}: kept without coordinates",
                            located(file, &incoming.location)
                        ));
                    }
                    if let Some(text) = &incoming.event.date.text {
                        let hint = annals_dates::CalendarHint::Given(incoming.event.date.calendar);
                        for w in annals_dates::text::warnings(text, hint) {
                            unresolved
                                .push(format!("{}: date {w}", located(file, &incoming.location)));
                        }
                    }
                    write(&source, incoming)?;
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
            "{spinner} importing [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} eta {eta} {msg}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    bar
}

/// Place one record by the identity rules (store and index), and count what happened. A
/// record the rules refuse is a problem at its location.
pub(crate) fn write_one(
    write: &mut Write<'_>,
    tally: &mut Tally,
    source: &Source,
    incoming: Incoming,
    problems: &mut Vec<Problem>,
) -> Result<()> {
    let stub = incoming.stub;
    let location = incoming.location.clone();
    match write.place(incoming.event, stub, incoming.named, &source.origin) {
        Ok(placed) => tally.count(&placed, stub),
        Err(PlaceError::Refused(message)) => problems.push(Problem {
            file: source.file.clone(),
            error: FormatError { location, message },
        }),
        Err(PlaceError::Store(e)) => return Err(e.into()),
    }
    Ok(())
}

/// Who an import is by: `import of FILE` (the first paths, as given).
fn import_change(paths: &[PathBuf]) -> Change {
    let mut names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    if names.len() > 3 {
        let more = names.len() - 3;
        names.truncate(3);
        names.push(format!("{more} more"));
    }
    Change::new(format!("import of {}", names.join(", ")), "annals import")
}

/// Open the index of `db` and begin a write on behalf of `change`.
pub(crate) fn begin<'s>(
    store: &'s mut dyn EventStore,
    index: &'s SearchIndex,
    change: &Change,
) -> Result<Write<'s>> {
    Write::begin(store, index, change, Size::Bulk)
        .context("cannot write to the search index (is another import running?)")
}

pub fn import(db: &Db, args: &ImportArgs) -> Result<u8> {
    let mut store = open(db)?;
    let index = open_index_for_writing(db)?;
    let mut write = begin(&mut *store, &index, &import_change(&args.read.paths))?;
    let mut tally = Tally::default();
    let progress = progress_bar();
    let mut unresolved = Vec::new();
    let mut wiki = Vec::new();
    let mut stories = Vec::new();
    let mut refused = Vec::new();
    // Two stages on two cores: a reader thread parses and validates, this thread writes.
    let (mut problems, files) = std::thread::scope(|scope| -> Result<(Vec<Problem>, usize)> {
        // Events travel in batches: one hand-over per event costs a thread wake-up each.
        const BATCH: usize = 256;
        type Batch = Vec<(Arc<Source>, Incoming)>;
        let (send, receive) = std::sync::mpsc::sync_channel::<Batch>(16);
        let progress = &progress;
        let unresolved = &mut unresolved;
        let wiki = &mut wiki;
        let stories = &mut stories;
        let reader = scope.spawn(move || {
            let stopped = |_| anyhow!("the import stopped");
            let mut batch = Vec::with_capacity(BATCH);
            let read = read_all(
                &args.read,
                progress,
                unresolved,
                wiki,
                stories,
                &mut |source, incoming| {
                    batch.push((source.clone(), incoming));
                    if batch.len() == BATCH {
                        let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                        send.send(full).map_err(stopped)?;
                    }
                    Ok(())
                },
            )?;
            send.send(batch).map_err(stopped)?;
            Ok(read)
        });
        let mut written = Ok(());
        'batches: for batch in receive.iter() {
            for (source, incoming) in batch {
                written = write_one(&mut write, &mut tally, &source, incoming, &mut refused);
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
    problems.append(&mut refused);
    // Stories last: every event they visit is stored by now.
    for (file, story) in &stories {
        match write.tx_mut().put_story(story) {
            Ok(changed) => tally.stories += u64::from(changed),
            Err(annals_store::StoreError::Invalid(why)) => problems.push(Problem {
                file: file.clone(),
                error: super::story::refused(&why),
            }),
            Err(e) => return Err(e.into()),
        }
    }

    print_wiki_reports(&wiki)?;
    for p in &problems {
        eprintln!("{p}");
    }
    if !problems.is_empty() && !args.skip_invalid {
        // Nothing is written: the transaction and the index changes are dropped.
        write.abort()?;
        eprintln!(
            "annals: {} problem{} found; nothing was imported (fix them, or use --skip-invalid to import the valid records)",
            problems.len(),
            plural(problems.len())
        );
        return Ok(exit::INVALID);
    }
    finish(write, &mut tally, db)?;
    tally.look_for_duplicates(db)?;
    outln!(
        "imported {files} file{} into {}: {} events created, {} updated, {} unchanged, {} lead cards merged into existing events{}",
        plural(files),
        db,
        tally.created,
        tally.updated,
        tally.unchanged,
        tally.merged,
        match (stories.len(), problems.is_empty()) {
            (0, true) => String::new(),
            (n, true) => format!("; {n} stor{} ({} changed)", if n == 1 { "y" } else { "ies" }, tally.stories),
            _ => format!("; {} rejected (listed above)", problems.len()),
        }
    );
    tally.report()?;
    if !unresolved.is_empty() {
        outln!(
            "{} place{} not in the gazetteer or not sure enough, kept without coordinates (`annals places --unresolved` lists them with the reason; `annals check FILE` says where)",
            unresolved.len(),
            plural(unresolved.len())
        );
    }
    Ok(exit::OK)
}

/// Open (or create) the search index of `db` to write to it.
pub(crate) fn open_index_for_writing(db: &Db) -> Result<SearchIndex> {
    let dir = db.index_dir();
    SearchIndex::open_or_create(&dir)
        .with_context(|| format!("cannot open the search index {}", dir.display()))
}

/// Commit a run's write when it changed anything; when everything read was stored as it is,
/// write nothing (no empty revision).
pub(crate) fn finish(write: Write<'_>, tally: &mut Tally, db: &Db) -> Result<()> {
    if tally.settle(write.tx())? {
        commit(write, db)?;
    } else {
        write.abort()?;
    }
    Ok(())
}

/// Commit a write: the store, then the index.
pub(crate) fn commit(write: Write<'_>, db: &Db) -> Result<u64> {
    write.commit().with_context(|| {
        format!(
            "the search index of {} could not be updated (if the events were stored, the index catches up when next used)",
            db
        )
    })
}

/// The demo corpus, compiled in by the build script.
mod corpus {
    include!(concat!(env!("OUT_DIR"), "/demo_corpus.rs"));
}

/// Import the bundled demo corpus into `db`, then list it.
pub fn demo(db: &Db, quiet: bool) -> Result<u8> {
    let mut store = open(db)?;
    let index = open_index_for_writing(db)?;
    let mut write = begin(
        &mut *store,
        &index,
        &Change::new("annals demo", "the demo corpus"),
    )?;
    let opts = annals_formats::ReadOptions::default();
    let mut tally = Tally::default();
    let mut problems = Vec::new();
    for (name, text) in corpus::DEMO {
        let source = Source {
            file: PathBuf::from(name),
            origin: format!("annals demo corpus: {name}"),
        };
        for doc in annals_formats::card::read_documents(text, &opts) {
            let doc = doc.map_err(|e| anyhow::anyhow!("demo corpus {name}:{e}"))?;
            for mut item in doc.into_events() {
                // As any import does: coordinates and GeoNames ids from the gazetteer.
                annals_places::locate(&mut item.event.places);
                write_one(&mut write, &mut tally, &source, item, &mut problems)?;
            }
        }
    }
    if let Some(p) = problems.first() {
        bail!("the demo corpus has a problem: {p}");
    }
    for (name, json) in corpus::STORIES {
        let story = annals_core::story::Story::from_json(json)
            .map_err(|e| anyhow::anyhow!("demo story {name}: {e}"))?;
        let changed = write
            .tx_mut()
            .put_story(&story)
            .map_err(|e| anyhow::anyhow!("demo story {name}: {e}"))?;
        tally.stories += u64::from(changed);
    }
    finish(write, &mut tally, db)?;
    if quiet {
        outln!(
            "imported the demo corpus into {} ({} new events)",
            db,
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
        "\nThe demo corpus is in {} ({n} events, {} new). Try:\n  annals --db {0} show battle-of-hastings-1066\n  annals --db {0} search \"treaty Japan\"\n  annals --db {0} list --from \"44 BC\" --to \"AD 14\"\n  annals --db {0} story show rome-a-city-of-many-endings",
        db,
        tally.created
    );
    Ok(exit::OK)
}

/// What each Wikipedia input read and skipped.
fn print_wiki_reports(wiki: &[(PathBuf, annals_formats::WikiReport)]) -> Result<()> {
    for (file, report) in wiki {
        for line in report.lines() {
            outln!("{}: {line}", file.display());
        }
    }
    Ok(())
}

pub fn check(read: &ReadArgs) -> Result<u8> {
    let progress = ProgressBar::hidden();
    let mut events = 0usize;
    let mut leads = 0usize;
    let mut unresolved = Vec::new();
    let mut wiki = Vec::new();
    let mut stories = Vec::new();
    let (problems, files) = read_all(
        read,
        &progress,
        &mut unresolved,
        &mut wiki,
        &mut stories,
        &mut |_, incoming| {
            if incoming.stub {
                leads += 1;
            } else {
                events += 1;
            }
            Ok(())
        },
    )?;
    print_wiki_reports(&wiki)?;
    // Lead cards are counted apart: they only point at events recorded elsewhere.
    let leads_said = if leads == 0 {
        String::new()
    } else {
        format!(
            " and {leads} lead card{} (links to events recorded elsewhere)",
            plural(leads)
        )
    };
    for p in &problems {
        outln!("{p}");
    }
    for u in &unresolved {
        outln!("note: {u}");
    }
    let leads_said = match stories.len() {
        0 => leads_said,
        1 => format!("{leads_said} and 1 story"),
        n => format!("{leads_said} and {n} stories"),
    };
    if problems.is_empty() {
        outln!(
            "{events} event{}{leads_said} in {files} file{}: no problems",
            plural(events),
            plural(files)
        );
        Ok(exit::OK)
    } else {
        outln!(
            "{} problem{} in {files} file{} ({events} valid event{}{leads_said})",
            problems.len(),
            plural(problems.len()),
            plural(files),
            plural(events)
        );
        Ok(exit::INVALID)
    }
}
