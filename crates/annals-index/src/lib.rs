//! The annals search index: words, dates, places and participants in one query.
//!
//! A tantivy index beside the store, derived from it: [`SearchIndex::writer`] adds and removes
//! events, and every commit records the store generation it reflects, so that a stale index is
//! detected ([`SearchIndex::generation`]) instead of silently answering from old data. Searches
//! read only the index (hits carry their stored title, date, place and summary), so a reader
//! sees one commit: the state before an import or after it, never half.
//!
//! - [`schema`]: fields, analyzers (English stemming, diacritic folding), documents.
//! - [`compile`]: the query language's tree ([`annals_query::Expr`]) as a tantivy query.
//! - [`collect`]: top hits with cursors, facet counts, geo distance.
//! - [`search`]: [`SearchIndex::search`], hits and snippets.
//! - [`highlight`]: what a hit shows: the passage with the matched words marked, or the name it
//!   matched through.
//! - [`suggest`]: "did you mean": the nearest participants, places and words.
//! - [`texts`]: the narratives and key points a hit may show, read from the store.
//! - [`timeline`]: event density over any window, from billions of years to a day.
//! - [`geo`]: the map's counts of located events on a grid, for any query and window.
//! - [`cells`]: filters read from cells in the index: [`spans`] (date windows, a cell per
//!   event's span) and [`areas`] (`near:` and `bbox:`, cells of the places on three grids).
//! - [`segments`]: what is derived from a segment's live documents, kept while it lives.
//! - [`related`]: explicit and computed relations; on this day.
//! - [`duplicates`]: candidates for one event recorded twice.
//! - [`sync`]: the store and the index in step (writes, catching up, rebuilding).
//! - [`aliases`]: other names of participants, which `participant:` matches too.
//! - [`backup`]: consistent online backups of a store and its index, and restoring them.
//! - `stored`: briefs read in place from the segments' stored documents (a points answer
//!   reads thousands).

pub mod aliases;
mod allwords;
pub mod areas;
pub mod backup;
mod brief;
pub mod cells;
pub mod collect;
pub mod compile;
pub mod duplicates;
mod files;
pub mod geo;
pub mod highlight;
mod located;
mod nearest;
mod packed;
mod prune;
pub mod related;
pub mod schema;
pub mod search;
pub mod segments;
pub mod spans;
mod stem;
mod stored;
pub mod suggest;
pub mod sync;
pub mod texts;
pub mod timeline;
pub mod titles;

pub use geo::{Grid, MapCell, MapCells, MapEvent, MapOptions};
pub use highlight::{Excerpt, Matched, NameField, Source};
pub use related::{Related, RelatedReason};
pub use search::{Facets, Hit, SearchOptions, SearchResult};
pub use suggest::{Suggestion, SuggestionField};
pub use timeline::{Bucket, Timeline, TimelineOptions};
pub use titles::Titles;

use annals_core::Event;
use schema::Fields;
use std::path::{Path, PathBuf};
use tantivy::{IndexReader, ReloadPolicy, Term};

/// Bytes of stored documents compressed together. A hit decompresses the whole block that
/// holds its document, so a block is kept small: with tantivy's default of 16 KB,
/// decompressing was a fifth of the time of a text query (ten hits, ten blocks); 4 KB made the
/// median text query a fifth faster for 9% more stored bytes. 2 KB made a points answer at 10M
/// events 2–4% cheaper for 159 MB more disk, not worth it (docs/benchmarks.md).
const DOCSTORE_BLOCK: usize = 4096;

/// How stored documents are compressed: lz4. zstd (level 1) keeps them 29% smaller, but a map's
/// points answer reads 5,000 briefs, each from its own block, and took 1.5–1.8× as long with
/// zstd: at 10M events lz4 costs 645 MB of disk (0.78× FTS5's, against the issue's 0.8×)
/// (docs/benchmarks.md). An index keeps the compression it was made with.
const DOCSTORE_COMPRESSION: tantivy::store::Compressor = tantivy::store::Compressor::Lz4;

/// Most threads a search spreads its segments over.
const SEARCH_THREADS: usize = 8;

/// The threads that search an index's segments side by side, one pool for the process (every
/// index opened shares it). A query that visits a million matches is bound by one core per
/// segment: at 10M events (seven segments) on two cores, reading them on both halved the slowest
/// queries (docs/benchmarks.md). A machine with one core searches in the calling thread.
fn search_executor() -> tantivy::Executor {
    static EXECUTOR: std::sync::OnceLock<tantivy::Executor> = std::sync::OnceLock::new();
    EXECUTOR
        .get_or_init(|| {
            let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
            match cores.min(SEARCH_THREADS) {
                0 | 1 => tantivy::Executor::single_thread(),
                n => tantivy::Executor::multi_thread(n, "annals-search-")
                    .unwrap_or_else(|_| tantivy::Executor::single_thread()),
            }
        })
        .clone()
}

/// `f` over each segment of `searcher`, side by side on the search threads; the results in
/// segment order.
pub(crate) fn per_segment<R: Send>(
    searcher: &tantivy::Searcher,
    f: impl Fn(tantivy::SegmentOrdinal, &tantivy::SegmentReader) -> Result<R> + Sync,
) -> Result<Vec<R>> {
    let segments = searcher.segment_readers().iter().enumerate();
    search_executor()
        .map(
            |(i, reader)| Ok(f(i as tantivy::SegmentOrdinal, reader)),
            segments,
        )?
        .into_iter()
        .collect()
}

/// `f` over each of `items`, in chunks of `chunk` side by side on the search threads; the
/// results in the items' order.
pub(crate) fn in_chunks<T: Sync, R: Send>(
    items: &[T],
    chunk: usize,
    f: impl Fn(&T) -> Result<R> + Sync,
) -> Result<Vec<R>> {
    in_parts(items, chunk, |part| part.iter().map(&f).collect())
}

/// [`in_chunks`] with `f` given each part whole.
pub(crate) fn in_parts<T: Sync, R: Send>(
    items: &[T],
    chunk: usize,
    f: impl Fn(&[T]) -> Result<Vec<R>> + Sync,
) -> Result<Vec<R>> {
    let parts = search_executor().map(|part: &[T]| Ok(f(part)), items.chunks(chunk.max(1)))?;
    let mut out = Vec::with_capacity(items.len());
    for part in parts {
        out.extend(part?);
    }
    Ok(out)
}

/// Index errors.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// tantivy reported an error.
    #[error("search index: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// The index directory is missing.
    #[error("there is no search index at {}: run `annals reindex`", .0.display())]
    Missing(PathBuf),
    /// A file system error.
    #[error("search index: {0}")]
    Io(#[from] std::io::Error),
    /// The query cannot run (bad cursor, bad value).
    #[error("{0}")]
    Query(String),
    /// The store could not be read.
    #[error("store: {0}")]
    Store(String),
    /// The database cannot be reached now (see [`annals_store::StoreError::Unavailable`]).
    #[error("{0}")]
    Unavailable(String),
    /// The index was built by another version of annals.
    #[error("the search index {} was built by another version of annals: run `annals reindex`", .0.display())]
    OtherSchema(PathBuf),
    /// What was asked cannot be done, and why.
    #[error("{0}")]
    Refused(String),
    /// Another writer holds the index (an import is running).
    #[error("another import or edit is writing to the search index {}: try again when it ends", .0.display())]
    Busy(PathBuf),
}

/// Result of index operations.
pub type Result<T> = std::result::Result<T, IndexError>;

/// A search index in a directory.
pub struct SearchIndex {
    index: tantivy::Index,
    reader: IndexReader,
    fields: Fields,
    dir: PathBuf,
    /// Facet values read so far (see [`collect::TermCache`]).
    terms: std::sync::Arc<collect::TermCache>,
    /// Terms' highest scores per segment (see [`prune`]).
    impacts: prune::Impacts,
    /// Sorted dates per segment, for counting every event by period.
    sorted_days: timeline::SortedDays,
    /// Located events per segment, for the map's counts.
    located: located::LocatedCache,
    /// Where each segment's stored documents are, for reading briefs ([`stored`]).
    blocks: stored::BlocksCache,
    /// Held while reloading (see [`SearchIndex::reload`]).
    reloading: std::sync::Mutex<()>,
    /// The full events, for the passages the index does not keep (see [`texts`]).
    texts: std::sync::RwLock<Option<std::sync::Arc<texts::EventSource>>>,
    /// Other names of participants (see [`aliases`]).
    aliases: std::sync::RwLock<std::sync::Arc<aliases::Aliases>>,
}

/// The index directory that belongs to a database file: `annals.db` → `annals.db.index/`
/// (see [`annals_store::Db::index_dir`]).
pub fn dir_for(db: &Path) -> PathBuf {
    annals_store::Db::File(db.to_path_buf()).index_dir()
}

impl SearchIndex {
    /// Open the index in `dir` for writing, creating an empty one if there is none. An index
    /// built by another version of annals (another schema) is derived data: it is emptied, and
    /// the next write rebuilds it from the store.
    pub fn open_or_create(dir: &Path) -> Result<SearchIndex> {
        match Self::open_dir(dir) {
            Err(IndexError::OtherSchema(_)) => {
                std::fs::remove_dir_all(dir)?;
                Self::open_dir(dir)
            }
            opened => opened,
        }
    }

    fn open_dir(dir: &Path) -> Result<SearchIndex> {
        std::fs::create_dir_all(dir)?;
        let (schema, fields) = schema::schema();
        let directory = files::Files::open(dir).map_err(|e| IndexError::Query(e.to_string()))?;
        let settings = tantivy::IndexSettings {
            docstore_blocksize: DOCSTORE_BLOCK,
            docstore_compression: DOCSTORE_COMPRESSION,
            ..Default::default()
        };
        let opened = tantivy::IndexBuilder::new()
            .schema(schema)
            .settings(settings)
            .open_or_create(directory);
        let index = match opened {
            Err(tantivy::TantivyError::SchemaError(_)) => {
                return Err(IndexError::OtherSchema(dir.to_path_buf()))
            }
            opened => opened?,
        };
        Self::wrap(index, fields, dir)
    }

    /// Open an existing index for searching.
    pub fn open(dir: &Path) -> Result<SearchIndex> {
        if !dir.join("meta.json").exists() {
            return Err(IndexError::Missing(dir.to_path_buf()));
        }
        Self::open_dir(dir)
    }

    fn wrap(mut index: tantivy::Index, fields: Fields, dir: &Path) -> Result<SearchIndex> {
        schema::register(&index);
        index.set_executor(search_executor());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(SearchIndex {
            index,
            reader,
            fields,
            dir: dir.to_path_buf(),
            terms: Default::default(),
            impacts: Default::default(),
            sorted_days: Default::default(),
            located: Default::default(),
            blocks: Default::default(),
            reloading: Default::default(),
            texts: Default::default(),
            aliases: Default::default(),
        })
    }

    /// Read the texts the index does not keep (narratives, key points, participants) from
    /// `source` when a hit must show them ([`texts::from_store`] reads them from the store;
    /// [`sync::for_search`] sets it). Without a source, such a hit shows its summary.
    pub fn read_texts_from(&self, source: std::sync::Arc<texts::EventSource>) {
        if let Ok(mut texts) = self.texts.write() {
            *texts = Some(source);
        }
    }

    /// Use `aliases` for `participant:` (read from the store: [`sync::for_search`] sets them).
    pub fn set_aliases(&self, aliases: aliases::Aliases) {
        if let Ok(mut a) = self.aliases.write() {
            *a = std::sync::Arc::new(aliases);
        }
    }

    /// The other names of participants.
    pub(crate) fn aliases(&self) -> std::sync::Arc<aliases::Aliases> {
        self.aliases.read().map(|a| a.clone()).unwrap_or_default()
    }

    /// The source of full events, if any.
    pub(crate) fn texts(&self) -> Option<std::sync::Arc<texts::EventSource>> {
        self.texts.read().ok().and_then(|t| t.clone())
    }

    /// Where the index lives.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The store generation the last commit reflects (`None` for an index never committed).
    pub fn generation(&self) -> Result<Option<u64>> {
        let metas = self.index.load_metas()?;
        Ok(metas.payload.and_then(|p| p.parse().ok()))
    }

    /// See the latest commit. Reloads take turns: each loads the newest commit when its turn
    /// comes, so a reload that began before a commit can never finish after one that began
    /// later and put the older state back.
    pub fn reload(&self) -> Result<()> {
        let _turn = self
            .reloading
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        Ok(self.reader.reload()?)
    }

    /// Number of events in the index.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Whether the index holds no events.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A writer for an import. Only one may exist at a time (tantivy holds a lock file).
    pub fn writer(&self) -> Result<Writer> {
        self.writer_sized(sync::Size::Bulk)
    }

    /// A writer of the given size, waiting up to `patience` while another writer (an import,
    /// an edit, a backup) holds the index. Only one may exist at a time (tantivy holds a lock
    /// file).
    pub fn writer_waiting(
        &self,
        size: sync::Size,
        patience: std::time::Duration,
    ) -> Result<Writer> {
        let deadline = std::time::Instant::now() + patience;
        loop {
            match self.writer_sized(size) {
                Err(IndexError::Busy(_)) if std::time::Instant::now() < deadline => {
                    std::thread::sleep(std::time::Duration::from_millis(25));
                }
                other => return other,
            }
        }
    }

    /// A writer of the given size. Only one may exist at a time (tantivy holds a lock file).
    pub fn writer_sized(&self, size: sync::Size) -> Result<Writer> {
        // An import: one indexing thread per core (at most two): indexing is the slowest stage
        // of an import. 192 MB each (used only as a large import needs it): a million events
        // then make six segments and no merge, 15% faster than 64 MB with merges
        // (docs/benchmarks.md). An edit: one thread, and little memory.
        let (threads, heap) = match size {
            sync::Size::Bulk => {
                let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(2));
                (threads, 192_000_000)
            }
            sync::Size::Small => (1, 32_000_000),
        };
        let writer = match self.index.writer_with_num_threads(threads, heap * threads) {
            Err(tantivy::TantivyError::LockFailure(
                tantivy::directory::error::LockError::LockBusy,
                _,
            )) => return Err(IndexError::Busy(self.dir.clone())),
            w => w?,
        };
        Ok(Writer {
            writer,
            fields: self.fields,
        })
    }

    /// Every id in the index.
    pub fn ids(&self) -> Result<Vec<String>> {
        let searcher = self.reader.searcher();
        let mut out = Vec::with_capacity(searcher.num_docs() as usize);
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(self.fields.id)?;
            let mut terms = inverted.terms().stream()?;
            let alive = segment.alive_bitset();
            while terms.advance() {
                let term = terms.key();
                let info = terms.value();
                let mut postings = inverted
                    .read_postings_from_terminfo(info, tantivy::schema::IndexRecordOption::Basic)?;
                let mut live = false;
                let mut doc = tantivy::DocSet::doc(&postings);
                while doc != tantivy::TERMINATED {
                    if alive.is_none_or(|a| a.is_alive(doc)) {
                        live = true;
                        break;
                    }
                    doc = tantivy::DocSet::advance(&mut postings);
                }
                if live {
                    out.push(String::from_utf8_lossy(term).to_string());
                }
            }
        }
        Ok(out)
    }

    pub(crate) fn searcher(&self) -> tantivy::Searcher {
        let searcher = self.reader.searcher();
        // What was made for segments this searcher no longer reads goes.
        self.sorted_days.keep_only(&searcher);
        self.located.keep_only(&searcher);
        self.blocks.keep_only(&searcher);
        searcher
    }

    /// The brief of a stored document, read in place ([`stored`]) or, for a store that is not
    /// read that way, by tantivy.
    pub(crate) fn stored_brief(
        &self,
        searcher: &tantivy::Searcher,
        addr: tantivy::DocAddress,
    ) -> Result<brief::StoredBrief> {
        let blocks = self.blocks(searcher.segment_reader(addr.segment_ord))?;
        match blocks.as_ref().as_ref().and_then(|b| b.brief(addr.doc_id)) {
            Some(b) => Ok(b),
            None => Ok(searcher.doc(addr)?),
        }
    }

    /// The briefs of `addrs`, in their order, as [`SearchIndex::stored_brief`] reads one: every
    /// block found, and touched, before any is read ([`stored::touch`]).
    pub(crate) fn stored_briefs(
        &self,
        searcher: &tantivy::Searcher,
        addrs: &[tantivy::DocAddress],
    ) -> Result<Vec<brief::StoredBrief>> {
        let segments = searcher
            .segment_readers()
            .iter()
            .map(|r| self.blocks(r))
            .collect::<Result<Vec<_>>>()?;
        let blocks = |a: &tantivy::DocAddress| {
            segments
                .get(a.segment_ord as usize)
                .and_then(|b| b.as_ref().as_ref())
        };
        let found: Vec<_> = addrs
            .iter()
            .map(|a| blocks(a).and_then(|b| b.locate(a.doc_id)))
            .collect();
        stored::touch(&found);
        addrs
            .iter()
            .zip(found)
            .map(
                |(a, at)| match at.and_then(|at| blocks(a)?.read(a.doc_id, at)) {
                    Some(b) => Ok(b),
                    None => Ok(searcher.doc(*a)?),
                },
            )
            .collect()
    }

    /// Builds what the timeline and the map keep for each segment (its day order, its located
    /// events, where its stored documents are) now, rather than in the first request that needs
    /// it: at ten million events about a second, which the first reader after a start would
    /// otherwise wait (`annals serve` calls this as it starts).
    pub fn warm(&self) -> Result<()> {
        let searcher = self.searcher();
        per_segment(&searcher, |_, reader| {
            self.sorted_days.get(reader)?;
            self.located.get(reader, located::Located::of)?;
            self.blocks(reader)?;
            Ok(())
        })?;
        Ok(())
    }

    /// Where a segment's stored documents are ([`stored`]).
    fn blocks(
        &self,
        reader: &tantivy::SegmentReader,
    ) -> Result<std::sync::Arc<Option<stored::Blocks>>> {
        self.blocks
            .get(reader, |r| stored::Blocks::of(&self.index, r))
    }

    /// How many searches this index has ranked in one pass ([`prune`]).
    pub fn ranked_in_one_pass(&self) -> u64 {
        self.impacts.searches()
    }

    pub(crate) fn fields(&self) -> &Fields {
        &self.fields
    }

    pub(crate) fn tantivy(&self) -> &tantivy::Index {
        &self.index
    }
}

/// Adds and removes events; nothing is visible until [`Writer::commit`].
pub struct Writer {
    writer: tantivy::IndexWriter,
    fields: Fields,
}

impl Writer {
    /// Add an event, replacing any earlier version with the same id.
    pub fn upsert(&mut self, event: &Event) -> Result<()> {
        self.writer
            .delete_term(Term::from_field_text(self.fields.id, &event.id));
        self.writer
            .add_document(schema::document(&self.fields, event))?;
        Ok(())
    }

    /// Add an event known not to be in the index (one the store has just created): no earlier
    /// version to remove, which saves a delete per event on a first import.
    pub fn add(&mut self, event: &Event) -> Result<()> {
        self.writer
            .add_document(schema::document(&self.fields, event))?;
        Ok(())
    }

    /// Remove an event.
    pub fn delete(&mut self, id: &str) {
        self.writer
            .delete_term(Term::from_field_text(self.fields.id, id));
    }

    /// Remove every event (for a rebuild), and every change not committed yet. tantivy's
    /// `delete_all_documents` alone drops the index's segments but not the documents its
    /// indexing threads still hold: those would be added at the commit, beside the rebuilt ones.
    pub fn clear(&mut self) -> Result<()> {
        self.writer.rollback()?;
        self.writer.delete_all_documents()?;
        Ok(())
    }

    /// Make the changes visible, recording the store generation they reflect.
    pub fn commit(mut self, generation: u64) -> Result<()> {
        let mut prepared = self.writer.prepare_commit()?;
        prepared.set_payload(&generation.to_string());
        prepared.commit()?;
        self.writer.wait_merging_threads()?;
        Ok(())
    }

    /// Drop every change since the last commit.
    pub fn rollback(mut self) -> Result<()> {
        self.writer.rollback()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// After `warm`, every segment's day order, located events and blocks are kept.
    #[test]
    fn warming_builds_every_segments_tables() {
        let dir = tempfile::tempdir().unwrap();
        let index = SearchIndex::open_or_create(dir.path()).unwrap();
        for (generation, date) in [(1, "1066-10-14"), (2, "1815-06-18")] {
            let event = serde_json::from_value::<annals_core::RawEvent>(serde_json::json!({
                "title": format!("A battle of {date}"), "date": date,
                "places": [{"name": "A field", "lat": 50.0, "lon": 1.0}]
            }))
            .unwrap()
            .into_event(annals_dates::CalendarHint::Auto)
            .unwrap();
            let mut w = index.writer().unwrap();
            w.add(&event).unwrap();
            w.commit(generation).unwrap();
        }
        index.reload().unwrap();
        let segments = index.searcher().segment_readers().len();
        assert_eq!(segments, 2);
        assert_eq!(index.sorted_days.kept(), 0);
        index.warm().unwrap();
        assert_eq!(index.sorted_days.kept(), segments);
        assert_eq!(index.located.kept(), segments);
        assert_eq!(index.blocks.kept(), segments);
    }

    #[test]
    fn work_spread_over_the_search_threads_comes_back_in_order() {
        let items: Vec<u32> = (0..1000).collect();
        let threads = std::sync::Mutex::new(std::collections::HashSet::new());
        let out = in_chunks(&items, 7, |&i| {
            threads.lock().unwrap().insert(std::thread::current().id());
            Ok(i * 2)
        })
        .unwrap();
        assert_eq!(out, items.iter().map(|i| i * 2).collect::<Vec<_>>());
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        if cores > 1 {
            assert!(!threads
                .lock()
                .unwrap()
                .contains(&std::thread::current().id()));
        }
        let failed = in_chunks(&items, 7, |&i| {
            if i == 500 {
                Err(IndexError::Query("item 500".into()))
            } else {
                Ok(i)
            }
        });
        assert!(matches!(failed, Err(IndexError::Query(m)) if m == "item 500"));
    }

    #[test]
    fn a_new_index_keeps_its_documents_in_small_lz4_blocks() {
        let dir = tempfile::tempdir().unwrap();
        let index = SearchIndex::open_or_create(dir.path()).unwrap();
        let settings = index.tantivy().settings();
        assert_eq!(settings.docstore_blocksize, DOCSTORE_BLOCK);
        assert_eq!(
            format!("{:?}", settings.docstore_compression),
            format!("{DOCSTORE_COMPRESSION:?}")
        );
        let meta = std::fs::read_to_string(dir.path().join("meta.json")).unwrap();
        assert!(meta.contains(r#""docstore_compression": "lz4""#), "{meta}");
    }

    /// Clearing drops what was added since the last commit too, not only what was committed.
    #[test]
    fn a_clear_drops_the_changes_not_committed_yet() {
        let dir = tempfile::tempdir().unwrap();
        let index = SearchIndex::open_or_create(dir.path()).unwrap();
        let event = |title: &str| {
            serde_json::from_value::<annals_core::RawEvent>(
                serde_json::json!({"title": title, "date": "1900"}),
            )
            .unwrap()
            .into_event(annals_dates::CalendarHint::Auto)
            .unwrap()
        };
        let mut w = index.writer().unwrap();
        w.add(&event("Committed")).unwrap();
        w.commit(1).unwrap();
        let mut w = index.writer().unwrap();
        for t in ["Pending one", "Pending two"] {
            w.add(&event(t)).unwrap();
        }
        w.clear().unwrap();
        w.add(&event("Rebuilt")).unwrap();
        w.commit(2).unwrap();
        index.reload().unwrap();
        assert_eq!(index.len(), 1);
    }
}
