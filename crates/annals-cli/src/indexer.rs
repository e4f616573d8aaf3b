//! The index side of commands: the library's sync, with messages for people.

use annals_index::SearchIndex;
use annals_store::Db;
use anyhow::{Context, Result};

/// Rebuild the index of `db` from its store.
pub fn reindex(db: &Db) -> Result<u64> {
    let mut store = db.open(128)?;
    annals_index::sync::reindex(db, &mut *store)
        .context("cannot rebuild the search index (is an import running?)")
}

/// Open the index of `db` for searching. An index left behind by a writer that stopped
/// between its two commits is caught up first; one that a running import holds is read as
/// its last commit left it.
pub fn for_search(db: &Db) -> Result<SearchIndex> {
    let mut store = db.open(128)?;
    annals_index::sync::for_search(db, &mut *store)
        .with_context(|| format!("cannot open the search index of {}", db))
}
