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

    /// After the store committed `generation`: make the index match it.
    pub fn commit(self, store: &SqliteStore, generation: u64) -> Result<()> {
        let Indexer {
            index,
            writer,
            rebuild,
        } = self;
        let done = if rebuild {
            rebuild_with(writer, store, generation)
        } else {
            writer.commit(generation).map_err(Into::into)
        };
        done.with_context(|| {
            format!("the events were stored, but the search index {} could not be updated: run `annals reindex`", index.dir().display())
        })
    }

    /// The store transaction was abandoned: forget the index changes too.
    pub fn abort(self) -> Result<()> {
        self.writer.rollback()?;
        Ok(())
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
    if ours != theirs {
        bail!(
            "the search index {} is out of date (it reflects write {ours} of the store, the store is at write {theirs}): run `annals reindex`",
            dir.display()
        );
    }
    Ok(index)
}
