//! Shared state: a few read connections to the store, the search index, and the write side.

use crate::error::ApiError;
use annals_index::sync::Indexer;
use annals_index::SearchIndex;
use annals_store::{EventStore, SqliteStore, Transaction};
use axum::http::{HeaderMap, StatusCode};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// How to run.
#[derive(Debug, Clone)]
pub struct Config {
    /// The database file.
    pub db: PathBuf,
    /// The write token; `None` makes the server read-only.
    pub token: Option<String>,
}

/// The server's state.
pub struct App {
    db: PathBuf,
    token: Option<String>,
    reads: Vec<Mutex<SqliteStore>>,
    next: AtomicUsize,
    index: SearchIndex,
    writes: Mutex<SqliteStore>,
}

/// Read connections kept open.
const READERS: usize = 4;

impl App {
    /// Open the store and its index (rebuilding the index if it is missing or out of step).
    pub fn open(config: Config) -> Result<App, String> {
        let store =
            SqliteStore::open(&config.db).map_err(|e| format!("{}: {e}", config.db.display()))?;
        let index = match annals_index::sync::for_search(&config.db, &store) {
            Ok(i) => i,
            Err(_) => {
                annals_index::sync::reindex(&config.db, &store).map_err(|e| e.to_string())?;
                annals_index::sync::for_search(&config.db, &store).map_err(|e| e.to_string())?
            }
        };
        let mut reads = Vec::new();
        for _ in 0..READERS {
            reads.push(Mutex::new(
                SqliteStore::open(&config.db).map_err(|e| e.to_string())?,
            ));
        }
        Ok(App {
            db: config.db,
            token: config.token,
            reads,
            next: AtomicUsize::new(0),
            index,
            writes: Mutex::new(store),
        })
    }

    /// Run `f` with a read connection.
    pub fn read<T>(
        &self,
        f: impl FnOnce(&dyn EventStore) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let i = self.next.fetch_add(1, Ordering::Relaxed) % self.reads.len();
        let guard = self.reads[i]
            .lock()
            .map_err(|_| ApiError::internal("a read connection failed"))?;
        tokio::task::block_in_place(|| f(&*guard))
    }

    /// The search index, checked to be in step with the store. Another process (an
    /// `annals import`) may have written both since the last request: reload first.
    pub fn index(&self) -> Result<&SearchIndex, ApiError> {
        self.read(|s| {
            if annals_index::sync::check_in_step(&self.index, s).is_err() {
                self.index.reload()?;
            }
            Ok(annals_index::sync::check_in_step(&self.index, s)?)
        })?;
        Ok(&self.index)
    }

    /// The index without the check (for pages that tolerate a stale index).
    pub fn index_unchecked(&self) -> &SearchIndex {
        &self.index
    }

    /// Refuse a write without the right token.
    pub fn authorize(&self, headers: &HeaderMap) -> Result<(), ApiError> {
        let Some(token) = &self.token else {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "read_only",
                "this server is read-only: start it with --token-file to allow writes",
            ));
        };
        let given = headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "));
        match given {
            Some(g) if constant_time_eq(g.as_bytes(), token.as_bytes()) => Ok(()),
            _ => Err(ApiError::new(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "writing needs the header Authorization: Bearer TOKEN",
            )),
        }
    }

    /// One write transaction, mirrored into the index; writes are serialised.
    pub fn write<T>(
        &self,
        f: impl FnOnce(&mut dyn Transaction, &mut Indexer) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        tokio::task::block_in_place(|| {
            let mut store = self
                .writes
                .lock()
                .map_err(|_| ApiError::internal("the write connection failed"))?;
            let mut indexer = Indexer::open(&self.db, &*store)?;
            let (value, after, generation) = {
                let mut tx = store.transaction()?;
                let value = match f(&mut *tx, &mut indexer) {
                    Ok(v) => v,
                    Err(e) => {
                        drop(tx);
                        indexer.abort()?;
                        return Err(e);
                    }
                };
                let after = indexer.prepare(tx.next_generation()?)?;
                let generation = tx.commit()?;
                (value, after, generation)
            };
            after.finish(&*store, generation)?;
            self.index.reload()?;
            Ok(value)
        })
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
