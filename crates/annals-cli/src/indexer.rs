//! The index side of commands: the library's sync, with messages for people.

pub use annals_index::sync::Indexer;
use annals_index::SearchIndex;
use annals_store::SqliteStore;
use anyhow::{Context, Result};
use std::path::Path;

/// Rebuild the index of `db` from its store.
pub fn reindex(db: &Path, store: &SqliteStore) -> Result<u64> {
    annals_index::sync::reindex(db, store)
        .context("cannot rebuild the search index (is an import running?)")
}

/// Open the index of `db` for searching; refuse one that is out of step with the store.
pub fn for_search(db: &Path, store: &SqliteStore) -> Result<SearchIndex> {
    Ok(annals_index::sync::for_search(db, store)?)
}
