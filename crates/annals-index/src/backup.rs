//! Consistent online backups of a database and its index, and restoring them.
//!
//! A backup is itself a database: `FILE` (the store) with `FILE.index/` beside it, at one
//! generation, so `annals --db FILE search …` works on it as it is. While the copy is made,
//! the backup holds the index's write lock: every writer (an import, an edit through the
//! server) waits its turn, readers go on. The store is copied with SQLite's online backup
//! API, the index file by file (its files do not change while the lock is held).

use crate::sync::{self, Size, PATIENCE};
use crate::{dir_for, IndexError, Result, SearchIndex};
use annals_store::{EventStore, SqliteStore};
use std::path::{Path, PathBuf};

/// What a backup or a restore copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copied {
    /// The store generation of the copy.
    pub generation: u64,
    /// Its events.
    pub events: u64,
}

/// Files of an index that belong to the process that holds them, not to the index.
fn is_lock(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().ends_with(".lock")
}

/// Copy the files of the index directory `from` into the new directory `to`.
fn copy_index(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        if entry.file_type()?.is_file() && !is_lock(&entry.file_name()) {
            std::fs::copy(entry.path(), to.join(entry.file_name()))?;
        }
    }
    Ok(())
}

/// `FILE` with `suffix` added to its name.
fn with_suffix(file: &Path, suffix: &str) -> PathBuf {
    let mut name = file.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    file.with_file_name(name)
}

/// Remove a database file and what SQLite keeps beside it.
fn remove_database(db: &Path) -> Result<()> {
    for f in [
        db.to_path_buf(),
        with_suffix(db, "-wal"),
        with_suffix(db, "-shm"),
    ] {
        match std::fs::remove_file(&f) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
            _ => {}
        }
    }
    Ok(())
}

/// Move a copy (`partial` and its index) into place as `db`.
fn put_in_place(partial: &Path, db: &Path) -> Result<()> {
    let index = dir_for(db);
    if index.exists() {
        std::fs::remove_dir_all(&index)?;
    }
    remove_database(db)?;
    std::fs::rename(dir_for(partial), &index)?;
    std::fs::rename(partial, db)?;
    Ok(())
}

/// Check a copy: it opens, its index reflects its store, and count its events.
fn verify(db: &Path) -> Result<Copied> {
    let mut store = SqliteStore::open(db)?;
    let index = SearchIndex::open(&dir_for(db))?;
    let generation = store.generation()?;
    if !sync::catch_up(&index, &mut store)? || !sync::in_step(&index, &store)? {
        return Err(IndexError::Refused(format!(
            "the copy at {} is not consistent: its index does not reflect its store",
            db.display()
        )));
    }
    Ok(Copied {
        generation,
        events: store.count()?,
    })
}

/// Back up the database `db` and its index into the new file `to` (and `to.index/`), while
/// others may be reading and writing.
pub fn backup(db: &Path, to: &Path) -> Result<Copied> {
    if to.exists() || dir_for(to).exists() {
        return Err(IndexError::Refused(format!(
            "{} exists: back up into a new file",
            to.display()
        )));
    }
    let partial = with_suffix(to, ".partial");
    let _ = remove_database(&partial);
    let _ = std::fs::remove_dir_all(dir_for(&partial));
    let mut store = SqliteStore::open(db)?;
    let index = SearchIndex::open_or_create(&dir_for(db))?;
    for _ in 0..10 {
        sync::catch_up(&index, &mut store)?;
        // From here until the copy is made, writers wait.
        let lock = index.writer_waiting(Size::Small, PATIENCE)?;
        if !sync::in_step(&index, &store)? {
            // A writer slipped in between: catch up again.
            continue;
        }
        let generation = store.backup_to(&partial)?;
        copy_index(index.dir(), &dir_for(&partial))?;
        drop(lock);
        let copied = verify(&partial)?;
        if copied.generation != generation {
            return Err(IndexError::Refused(
                "the copy changed while it was made".into(),
            ));
        }
        std::fs::rename(dir_for(&partial), dir_for(to))?;
        std::fs::rename(&partial, to)?;
        return Ok(copied);
    }
    Err(IndexError::Busy(index.dir().to_path_buf()))
}

/// Restore the backup `from` (and `from.index/`) as the database `db`. An existing `db` is
/// replaced only with `replace`; no server or import may be using it then.
pub fn restore(from: &Path, db: &Path, replace: bool) -> Result<Copied> {
    let source = verify(from)?;
    if db.exists() {
        if !replace {
            return Err(IndexError::Refused(format!(
                "{} exists: give --force to replace it (stop any server using it first)",
                db.display()
            )));
        }
        // Refuse while a writer holds the database.
        let current = SearchIndex::open_or_create(&dir_for(db))?;
        drop(current.writer_waiting(Size::Small, std::time::Duration::ZERO)?);
    }
    let partial = with_suffix(db, ".partial");
    let _ = remove_database(&partial);
    let _ = std::fs::remove_dir_all(dir_for(&partial));
    {
        let store = SqliteStore::open(from)?;
        store.backup_to(&partial)?;
    }
    copy_index(&dir_for(from), &dir_for(&partial))?;
    put_in_place(&partial, db)?;
    let copied = verify(db)?;
    if copied != source {
        return Err(IndexError::Refused(format!(
            "the restored database holds {} events at write {}, the backup {} at write {}",
            copied.events, copied.generation, source.events, source.generation
        )));
    }
    Ok(copied)
}
