//! Shared state: a few read connections to the store, the search index, and the write side.

use crate::error::ApiError;
use crate::guard::{Gate, Rates};
use crate::limits::Limits;
use crate::metrics::Metrics;
use annals_index::sync::{Size, Write};
use annals_index::SearchIndex;
use annals_store::accounts::{AccountError, Accounts};
use annals_store::{Change, Db, EventStore};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;

/// How to run.
#[derive(Debug, Clone)]
pub struct Config {
    /// The database (a file, or PostgreSQL with this node's index directory).
    pub db: Db,
    /// The write token; `None` makes the server read-only.
    pub token: Option<String>,
    /// The limits (`docs/deploy.md`).
    pub limits: Limits,
    /// The sites that may frame the embed pages: a `frame-ancestors` source list (`*`: any).
    pub embed_allow: String,
    /// A read replica of `db` (PostgreSQL) for page and event reads; writes and the index's
    /// catching up go to `db`.
    pub read_db: Option<Db>,
}

impl Config {
    /// A server of `db` with the default limits.
    pub fn new(db: impl Into<PathBuf>, token: Option<String>) -> Config {
        Config {
            db: Db::File(db.into()),
            token,
            limits: Limits::default(),
            embed_allow: "*".to_string(),
            read_db: None,
        }
    }
}

/// The server's state.
pub struct App {
    db: Db,
    token: Option<String>,
    reads: Vec<Mutex<Store>>,
    next: AtomicUsize,
    index: SearchIndex,
    /// The store generation the index reader was last found in step with.
    seen: AtomicU64,
    /// A thread of this server is catching the index up (the follower, or a request): a
    /// request that finds the write connection taken waits for it a moment (see `index`).
    catching: std::sync::atomic::AtomicBool,
    writes: Mutex<Store>,
    /// Where the accounts are read and written when reads go to a replica (sessions and
    /// tokens change as they are used): a connection to the primary.
    people: Option<Mutex<Store>>,
    limits: Limits,
    embed_allow: String,
    metrics: Metrics,
    gate: Gate,
    rates: Rates,
    /// Sign-in attempts per name.
    logins: Rates,
    /// The number of events, and the store generation it was counted at.
    count: Mutex<Option<(u64, u64)>>,
    /// Answers that read the whole corpus, kept until the store changes: (generation, value).
    answers: Mutex<std::collections::HashMap<&'static str, (u64, serde_json::Value)>>,
    /// Rendered answers to repeated searches, kept until the store changes.
    pages: Mutex<crate::cache::PageCache>,
}

/// An open store, of either kind.
type Store = Box<dyn EventStore + Send>;

/// Read connections kept open.
const READERS: usize = 4;

impl App {
    /// Open the store and its index (creating, catching up or rebuilding the index as needed).
    pub fn open(config: Config) -> Result<App, String> {
        // The writing connection: edits, and catching the index up.
        let mut store = config
            .db
            .open(32)
            .map_err(|e| format!("{}: {e}", config.db))?;
        let index = annals_index::sync::for_search(&config.db, &mut *store)
            .map_err(|e| format!("the search index of {}: {e}", config.db))?;
        let read_db = config.read_db.as_ref().unwrap_or(&config.db);
        if config.read_db.is_some() {
            // The narratives that hits show are reads too.
            index.read_texts_from(annals_index::texts::from_store(read_db));
        }
        let mut reads = Vec::new();
        for _ in 0..READERS {
            // Reads go by id and by the date index: a small page cache each.
            reads.push(Mutex::new(
                read_db.open(16).map_err(|e| format!("{read_db}: {e}"))?,
            ));
        }
        let people = match config.read_db {
            Some(_) => Some(Mutex::new(
                config
                    .db
                    .open(4)
                    .map_err(|e| format!("{}: {e}", config.db))?,
            )),
            None => None,
        };
        Ok(App {
            people,
            db: config.db,
            token: config.token,
            reads,
            next: AtomicUsize::new(0),
            index,
            seen: AtomicU64::new(u64::MAX),
            catching: Default::default(),
            writes: Mutex::new(store),
            gate: Gate::new(config.limits.expensive),
            limits: config.limits,
            embed_allow: config.embed_allow,
            metrics: Metrics::default(),
            rates: Rates::default(),
            logins: Rates::default(),
            count: Mutex::new(None),
            answers: Mutex::new(Default::default()),
            pages: Mutex::new(Default::default()),
        })
    }

    /// The limits.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Who may frame the embed pages (a `frame-ancestors` source list).
    pub fn embed_allow(&self) -> &str {
        &self.embed_allow
    }

    /// The metrics.
    pub fn metrics(&self) -> &Metrics {
        &self.metrics
    }

    /// The turns of expensive requests.
    pub fn gate(&self) -> &Gate {
        &self.gate
    }

    /// Writes per client address.
    pub fn rates(&self) -> &Rates {
        &self.rates
    }

    /// Sign-in attempts per name.
    pub fn logins(&self) -> &Rates {
        &self.logins
    }

    /// The number of events, counted again only when the store changed.
    pub fn event_count(&self) -> Result<u64, ApiError> {
        let generation = self.read(|s| Ok(s.generation()?))?;
        if let Ok(cached) = self.count.lock() {
            if let Some((n, g)) = *cached {
                if g == generation {
                    return Ok(n);
                }
            }
        }
        let (n, g) = self.read(|s| Ok((s.count()?, s.generation()?)))?;
        if let Ok(mut cached) = self.count.lock() {
            *cached = Some((n, g));
        }
        Ok(n)
    }

    /// An answer over the whole corpus (facet counts, the home page's overview), computed once
    /// per store generation: no anonymous request costs that more than once per write.
    pub fn cached(
        &self,
        key: &'static str,
        compute: impl FnOnce() -> Result<serde_json::Value, ApiError>,
    ) -> Result<serde_json::Value, ApiError> {
        let generation = self.read(|s| Ok(s.generation()?))?;
        if let Ok(answers) = self.answers.lock() {
            if let Some((g, v)) = answers.get(key) {
                if *g == generation {
                    return Ok(v.clone());
                }
            }
        }
        let v = compute()?;
        // Kept only when the index it came from is in step with the store.
        if self.index.generation()? == Some(generation) {
            if let Ok(mut answers) = self.answers.lock() {
                answers.insert(key, (generation, v.clone()));
            }
        }
        Ok(v)
    }

    /// A rendered answer to `key` (a search page), computed once per store generation
    /// ([`crate::cache`]).
    pub fn cached_page(
        &self,
        key: String,
        compute: impl FnOnce() -> Result<String, ApiError>,
    ) -> Result<std::sync::Arc<str>, ApiError> {
        // one answer per language: the page is written in the reader's
        let key = format!("{}|{key}", crate::lang::current().code());
        let generation = self.read(|s| Ok(s.generation()?))?;
        let kept = self
            .pages
            .lock()
            .ok()
            .and_then(|mut c| c.get(generation, &key));
        if let Some(answer) = kept {
            self.metrics.page_cache_hits.inc();
            return Ok(answer);
        }
        let answer: std::sync::Arc<str> = compute()?.into();
        // Kept only when the index it came from was in step with the store.
        if self.seen.load(Ordering::Acquire) == generation {
            if let Ok(mut c) = self.pages.lock() {
                c.put(generation, key, answer.clone());
            }
        }
        Ok(answer)
    }

    /// Set the gauges that describe the store and the index (before `/metrics` is read).
    pub fn refresh_gauges(&self) -> Result<(), ApiError> {
        let events = self.event_count()?;
        let store = self.read(|s| Ok(s.generation()?))?;
        let index = self.index.generation()?.unwrap_or(0);
        let m = &self.metrics;
        m.events.set(events as i64);
        m.store_generation.set(store as i64);
        m.index_generation.set(index as i64);
        Ok(())
    }

    /// The database.
    pub fn db(&self) -> &Db {
        &self.db
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
        tokio::task::block_in_place(|| f(&**guard))
    }

    /// The search index, as the latest index commit left it. Another process (an `annals
    /// import`) may have written store and index since the last request: then the reader is
    /// reloaded; an index that such a writer left behind (it stopped between its store and
    /// index commits) is caught up here. Never fails because a writer is at work: the index
    /// always holds one consistent generation of the store.
    pub fn index(&self) -> Result<&SearchIndex, ApiError> {
        let store = self.read(|s| Ok(s.generation()?))?;
        if store != self.seen.load(Ordering::Acquire) {
            // Read the index's generation before reloading: the reader then holds at least it.
            let ours = self.index.generation()?.unwrap_or(0);
            self.index.reload()?;
            // Aliases may have changed with the store (`annals alias`).
            let aliases = self.read(|s| Ok(s.aliases()?))?;
            self.index
                .set_aliases(annals_index::aliases::Aliases::new(aliases));
            if ours == store {
                self.seen.store(store, Ordering::Release);
            } else if let Some(mut catching) = self.write_connection_for_catching_up() {
                // Behind (a writer stopped between its commits) or ahead (an older store was
                // put back): catch up, unless another process is writing right now.
                let caught = tokio::task::block_in_place(|| match catching.store() {
                    Some(store) => annals_index::sync::catch_up(&self.index, &mut **store),
                    None => Ok(false),
                });
                drop(catching);
                match caught {
                    // The primary is down (reads come from a replica): search the index as
                    // it is, and catch up when the primary is back.
                    Err(annals_index::IndexError::Unavailable(e)) => {
                        tracing::warn!(target: "annals::index", "cannot catch the index up: {e}");
                    }
                    other => {
                        other?;
                    }
                }
            }
        }
        Ok(&self.index)
    }

    /// The write connection, to catch the index up with: at once when it is free; when another
    /// thread of this server is catching up (the follower woke at the same moment), after it,
    /// for at most a second, so that this request finds what that catch-up brings; `None`
    /// while a write holds it (the request searches the index as it is: one consistent
    /// generation, the writer brings it up to date).
    fn write_connection_for_catching_up(&self) -> Option<CatchingUp<'_>> {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(1);
        loop {
            if let Ok(writes) = self.writes.try_lock() {
                self.catching.store(true, Ordering::Release);
                return Some(CatchingUp {
                    writes: Some(writes),
                    flag: &self.catching,
                });
            }
            if !self.catching.load(Ordering::Acquire) || std::time::Instant::now() >= deadline {
                return None;
            }
            tokio::task::block_in_place(|| std::thread::sleep(std::time::Duration::from_millis(5)));
        }
    }

    /// The stored events likely to record the same event as `event` (a new one), to propose
    /// for review as it is written. A few index queries and record reads: bounded, whatever
    /// the corpus.
    pub fn likely_duplicates(
        &self,
        event: &annals_core::Event,
    ) -> Result<Vec<annals_store::Duplicate>, ApiError> {
        let index = self.index()?;
        self.read(|s| {
            Ok(index.likely_duplicates(s, event, annals_index::duplicates::MIN_SCORE, 5)?)
        })
    }

    /// Run `f` with the accounts (users, sessions, tokens): on a read connection, or on the
    /// primary when reads go to a replica.
    pub fn accounts<T>(
        &self,
        f: impl FnOnce(&Accounts<'_>) -> Result<T, AccountError>,
    ) -> Result<T, ApiError> {
        let conn = match &self.people {
            Some(people) => people,
            None => &self.reads[self.next.fetch_add(1, Ordering::Relaxed) % self.reads.len()],
        };
        let guard = conn
            .lock()
            .map_err(|_| ApiError::internal("a read connection failed"))?;
        tokio::task::block_in_place(|| f(&guard.accounts())).map_err(|e| match e {
            AccountError::Refused(m) => ApiError::bad(m),
            AccountError::Store(e) => e.into(),
        })
    }

    /// The admin token of `--token-file`, if the server was given one.
    pub fn admin_token(&self) -> Option<&str> {
        self.token.as_deref()
    }

    /// Keep a picture, through the write connection (the primary, when reads go to a
    /// replica); false when it was kept already.
    pub fn put_file(
        &self,
        picture: &annals_core::media::Picture,
        author: &str,
    ) -> Result<bool, ApiError> {
        tokio::task::block_in_place(|| {
            let store = self
                .writes
                .lock()
                .map_err(|_| ApiError::internal("the write connection failed"))?;
            Ok(store.put_file(picture, author)?)
        })
    }

    /// One write on behalf of `change`: a store transaction mirrored into the index, committed
    /// (store, then index) when `f` succeeds and dropped when it fails. Writes are serialised.
    pub fn write<T>(
        &self,
        change: &Change,
        f: impl FnOnce(&mut Write<'_>) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        tokio::task::block_in_place(|| {
            let mut store = self
                .writes
                .lock()
                .map_err(|_| ApiError::internal("the write connection failed"))?;
            let mut write = Write::begin(&mut **store, &self.index, change, Size::Small)?;
            match f(&mut write) {
                Ok(value) => {
                    write.commit()?;
                    Ok(value)
                }
                Err(e) => {
                    write.abort()?;
                    Err(e)
                }
            }
        })
    }
}

/// The write connection while this server catches its index up: when dropped (also by a
/// panic), the connection is given back first and then the flag cleared, so that a request
/// that waits on the flag finds the connection free.
struct CatchingUp<'a> {
    writes: Option<std::sync::MutexGuard<'a, Store>>,
    flag: &'a std::sync::atomic::AtomicBool,
}

impl CatchingUp<'_> {
    /// The write connection (held until drop).
    fn store(&mut self) -> Option<&mut Store> {
        self.writes.as_deref_mut()
    }
}

impl Drop for CatchingUp<'_> {
    fn drop(&mut self) {
        self.writes.take();
        self.flag.store(false, Ordering::Release);
    }
}
