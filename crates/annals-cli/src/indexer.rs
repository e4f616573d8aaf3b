//! Keeping the search index in step with the store.
//!
//! Every write transaction of the store is mirrored into the index and committed with the
//! store's new generation. If the index cannot be updated, the user is told to run
//! `annals reindex`; searches refuse an index whose generation differs from the store's, so the
//! two are never silently apart.

use annals_core::Event;
use annals_index::{dir_for, SearchIndex, Writer};
use annals_store::{EventStore, Filter, SqliteStore, Transaction, Written};
use anyhow::{bail, Context, Result};
use std::path::Path;

/// An index update that follows one store transaction.
pub struct Indexer {
    index: SearchIndex,
    writer: Writer,
    /// The index was out of step before this transaction: rebuild it whole afterwards.
    rebuild: bool,
}

impl Indexer {
    /// Open (or create) the index of the database `db` for writing.
    pub fn open(db: &Path, store: &SqliteStore) -> Result<Indexer> {
        let index =
            SearchIndex::open_or_create(&dir_for(db)).context("cannot open the search index")?;
        let rebuild = index.generation()?.unwrap_or(0) != store.generation()?;
        let writer = index
            .writer()
            .context("cannot write the search index (is another import running?)")?;
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
            Written::Created | Written::Updated => self.writer.upsert(event)?,
            Written::Merged => {
                if let Some(merged) = tx.get(&event.id)? {
                    self.writer.upsert(&merged)?;
                }
            }
            Written::Unchanged => {}
        }
        Ok(())
    }

    /// Before the store commits: make the index changes visible, marked with the generation
    /// the store is about to reach. A search then sees the new index while the store finishes
    /// its commit (it accepts an index one generation ahead only while the store is being
    /// written). An index that was already out of step is rebuilt after the store commit.
    pub fn prepare(self, next_generation: u64) -> Result<AfterStore> {
        let Indexer {
            index,
            writer,
            rebuild,
        } = self;
        if rebuild {
            return Ok(AfterStore::Rebuild(index, writer));
        }
        writer.commit(next_generation).with_context(|| {
            format!(
                "the search index {} could not be updated, so nothing was imported",
                index.dir().display()
            )
        })?;
        Ok(AfterStore::Done)
    }

    /// The store transaction was abandoned: forget the index changes too.
    pub fn abort(self) -> Result<()> {
        self.writer.rollback()?;
        Ok(())
    }
}

/// What is left to do for the index once the store has committed.
pub enum AfterStore {
    /// Nothing: the index already holds the new state.
    Done,
    /// Rebuild the index from the committed store.
    Rebuild(SearchIndex, Writer),
}

impl AfterStore {
    /// Finish after the store committed `generation`.
    pub fn finish(self, store: &SqliteStore, generation: u64) -> Result<()> {
        match self {
            AfterStore::Done => Ok(()),
            AfterStore::Rebuild(index, writer) => rebuild_with(writer, store, generation).with_context(|| {
                format!("the events were stored, but the search index {} could not be rebuilt: run `annals reindex`", index.dir().display())
            }),
        }
    }
}

fn rebuild_with(mut writer: Writer, store: &SqliteStore, generation: u64) -> Result<()> {
    writer.clear()?;
    let mut failed = None;
    store.scan(&Filter::default(), &mut |e| {
        if let Err(err) = writer.upsert(&e) {
            failed.get_or_insert(err);
        }
        Ok(())
    })?;
    if let Some(err) = failed {
        return Err(err.into());
    }
    writer.commit(generation)?;
    Ok(())
}

/// Rebuild the index of `db` from its store.
pub fn reindex(db: &Path, store: &SqliteStore) -> Result<u64> {
    let index = SearchIndex::open_or_create(&dir_for(db))?;
    let writer = index
        .writer()
        .context("cannot write the search index (is an import running?)")?;
    let generation = store.generation()?;
    rebuild_with(writer, store, generation)?;
    index.reload()?;
    Ok(index.len())
}

/// Open the index of `db` for searching; refuse one that is out of step with the store.
pub fn for_search(db: &Path, store: &SqliteStore) -> Result<SearchIndex> {
    let dir = dir_for(db);
    let index = match SearchIndex::open(&dir) {
        Ok(i) => i,
        Err(annals_index::IndexError::Missing(_)) => {
            bail!(
                "there is no search index at {}: run `annals reindex`",
                dir.display()
            )
        }
        Err(e) => return Err(e.into()),
    };
    let (ours, theirs) = (index.generation()?.unwrap_or(0), store.generation()?);
    // One ahead while an import commits its store transaction: the index already holds the
    // import's complete new state.
    let committing = ours == theirs + 1 && store.write_in_progress()?;
    if ours != theirs && !committing {
        bail!(
            "the search index {} is out of date (it reflects write {ours} of the store, the store is at write {theirs}): run `annals reindex`",
            dir.display()
        );
    }
    Ok(index)
}
