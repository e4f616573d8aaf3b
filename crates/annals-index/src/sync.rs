//! Keeping the search index in step with the store.
//!
//! Every write transaction of the store is mirrored into the index, which is committed with the
//! generation the store is about to reach, just before the store commits. Searches accept an
//! index whose generation equals the store's, or is one ahead while the store's write lock is
//! held (that transaction is committing); anything else is refused with "run `annals reindex`",
//! so store and index are never silently apart.

use crate::{dir_for, IndexError, Result, SearchIndex, Writer};
use annals_core::Event;
use annals_store::{EventStore, Filter, StoreError, Transaction, Written};
use std::path::Path;

impl From<StoreError> for IndexError {
    fn from(e: StoreError) -> Self {
        IndexError::Store(e.to_string())
    }
}

/// Index changes that follow one store transaction.
pub struct Indexer {
    index: SearchIndex,
    writer: Writer,
    /// The index was out of step before this transaction: rebuild it whole afterwards.
    rebuild: bool,
}

impl Indexer {
    /// Open (or create) the index of the database `db` for writing.
    pub fn open(db: &Path, store: &dyn EventStore) -> Result<Indexer> {
        let index = SearchIndex::open_or_create(&dir_for(db))?;
        Self::with(index, store)
    }

    /// Write to an already open index.
    pub fn with(index: SearchIndex, store: &dyn EventStore) -> Result<Indexer> {
        let rebuild = index.generation()?.unwrap_or(0) != store.generation()?;
        let writer = index.writer()?;
        Ok(Indexer {
            index,
            writer,
            rebuild,
        })
    }

    /// Mirror one store write.
    pub fn record(&mut self, tx: &dyn Transaction, event: &Event, written: Written) -> Result<()> {
        if self.rebuild {
            return Ok(());
        }
        match written {
            // The index is in step with the store, so an event new to the store is new here.
            Written::Created => self.writer.add(event)?,
            Written::Updated => self.writer.upsert(event)?,
            Written::Merged => {
                if let Some(merged) = tx.get(&event.id)? {
                    self.writer.upsert(&merged)?;
                }
            }
            Written::Unchanged => {}
        }
        Ok(())
    }

    /// Mirror a deletion.
    pub fn delete(&mut self, id: &str) {
        if !self.rebuild {
            self.writer.delete(id);
        }
    }

    /// Before the store commits: make the index changes visible, marked with the generation the
    /// store is about to reach. An index that was already out of step is rebuilt after the
    /// store commit instead.
    pub fn prepare(self, next_generation: u64) -> Result<AfterStore> {
        let Indexer {
            index,
            writer,
            rebuild,
        } = self;
        if rebuild {
            return Ok(AfterStore::Rebuild(index, Box::new(writer)));
        }
        writer.commit(next_generation)?;
        index.reload()?;
        Ok(AfterStore::Done(index))
    }

    /// The store transaction was abandoned: forget the index changes too.
    pub fn abort(self) -> Result<SearchIndex> {
        self.writer.rollback()?;
        Ok(self.index)
    }
}

/// What is left to do for the index once the store has committed.
pub enum AfterStore {
    /// Nothing: the index holds the new state.
    Done(SearchIndex),
    /// Rebuild the index from the committed store.
    Rebuild(SearchIndex, Box<Writer>),
}

impl AfterStore {
    /// Finish after the store committed `generation`; gives the index back.
    pub fn finish(self, store: &dyn EventStore, generation: u64) -> Result<SearchIndex> {
        match self {
            AfterStore::Done(index) => Ok(index),
            AfterStore::Rebuild(index, writer) => {
                rebuild_with(*writer, store, generation)?;
                index.reload()?;
                Ok(index)
            }
        }
    }
}

fn rebuild_with(mut writer: Writer, store: &dyn EventStore, generation: u64) -> Result<()> {
    writer.clear()?;
    let mut failed = None;
    store.scan(&Filter::default(), &mut |e| {
        if let Err(err) = writer.upsert(&e) {
            failed.get_or_insert(err);
        }
        Ok(())
    })?;
    if let Some(err) = failed {
        return Err(err);
    }
    writer.commit(generation)
}

/// Rebuild the index of `db` from its store; returns the number of events indexed.
pub fn reindex(db: &Path, store: &dyn EventStore) -> Result<u64> {
    let index = SearchIndex::open_or_create(&dir_for(db))?;
    let writer = index.writer()?;
    rebuild_with(writer, store, store.generation()?)?;
    index.reload()?;
    Ok(index.len())
}

/// Whether `index` may answer searches for `store` (see the module documentation).
pub fn check_in_step(index: &SearchIndex, store: &dyn EventStore) -> Result<()> {
    let (ours, theirs) = (index.generation()?.unwrap_or(0), store.generation()?);
    let committing = ours == theirs + 1 && store.write_in_progress()?;
    if ours != theirs && !committing {
        return Err(IndexError::Stale {
            dir: index.dir().to_path_buf(),
            index: ours,
            store: theirs,
        });
    }
    Ok(())
}

/// Open the index of `db` for searching; refuse one that is out of step with the store.
pub fn for_search(db: &Path, store: &dyn EventStore) -> Result<SearchIndex> {
    let index = SearchIndex::open(&dir_for(db))?;
    check_in_step(&index, store)?;
    Ok(index)
}
