//! Keeping the search index in step with the store.
//!
//! The store is the truth; the index is a cache of it, and each index commit records the store
//! generation it reflects. A [`Write`] is one store transaction with the index changes that
//! mirror it: the store commits first, then the index. So the index is never ahead of the
//! store; when a writer dies between the two commits (or the index commit fails), the index is
//! behind, and whoever next takes the index's write lock (the next writer, or a reader through
//! [`catch_up`]) replays what changed since from the store's change log
//! ([`annals_store::EventStore::changes_since`]), or rebuilds it when the log cannot tell.
//!
//! Readers never wait for writers and never fail because of one: a search reads the last index
//! commit, which is one consistent generation of the store (the newest, or one just before
//! it while a writer is between its two commits).
//!
//! Locks are always taken in one order, the index's first, then the store's, so that two
//! writers (two processes, or a server and an `annals import`) never deadlock.

use crate::{IndexError, Result, SearchIndex, Writer};
use annals_core::Event;
use annals_store::identity::{Claims, PlaceError, Placed};
use annals_store::{Change, Db, EventStore, StoreError, Transaction, Verdict, Written};
use std::time::Duration;

/// How long a writer waits for another (an import, an edit, a backup) to finish before it
/// gives up with [`IndexError::Busy`].
pub const PATIENCE: Duration = Duration::from_secs(30);

impl From<StoreError> for IndexError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Unavailable(_) => IndexError::Unavailable(e.to_string()),
            e => IndexError::Store(e.to_string()),
        }
    }
}

/// How much the index writer may hold in memory before it writes a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    /// An import: one thread per core (at most two), 192 MB each.
    Bulk,
    /// A few events (an edit over HTTP): one thread, 32 MB.
    Small,
}

/// How the index follows the transaction.
enum Plan {
    /// Mirror each write (after replaying what the index had missed).
    Mirror,
    /// The index cannot be caught up (another schema, ahead of the store, or a change log
    /// that starts too late): rebuild it from the transaction's view at commit.
    Rebuild,
}

/// One store transaction and the index changes that mirror it.
pub struct Write<'s> {
    tx: Box<dyn Transaction + 's>,
    index: &'s SearchIndex,
    writer: Writer,
    plan: Plan,
    claims: Claims,
}

/// A test hook: `ANNALS_FAILPOINT=NAME` makes the process abort at the point called `NAME`,
/// as a `kill -9` would there (the tests use it to place a crash exactly). Not for production.
pub fn failpoint(name: &str) {
    static SET: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    if SET
        .get_or_init(|| std::env::var("ANNALS_FAILPOINT").ok())
        .as_deref()
        == Some(name)
    {
        eprintln!("annals: failpoint {name}: aborting");
        std::process::abort();
    }
}

impl<'s> Write<'s> {
    /// Begin: take the index's write lock, then the store's (a transaction on behalf of
    /// `change`), and catch the index up if it is behind.
    pub fn begin(
        store: &'s mut dyn EventStore,
        index: &'s SearchIndex,
        change: &Change,
        size: Size,
    ) -> Result<Write<'s>> {
        Self::begin_waiting(store, index, change, size, PATIENCE)
    }

    /// [`Write::begin`], waiting at most `patience` for another writer to finish.
    fn begin_waiting(
        store: &'s mut dyn EventStore,
        index: &'s SearchIndex,
        change: &Change,
        size: Size,
        patience: Duration,
    ) -> Result<Write<'s>> {
        let mut write = Self::open(store, index, change, size, patience, Plan::Mirror)?;
        write.plan = write.replay_missed()?;
        Ok(write)
    }

    /// Take both locks (see [`Write::begin_waiting`]) without looking at what the index missed.
    fn open(
        store: &'s mut dyn EventStore,
        index: &'s SearchIndex,
        change: &Change,
        size: Size,
        patience: Duration,
        plan: Plan,
    ) -> Result<Write<'s>> {
        let writer = index.writer_waiting(size, patience)?;
        let tx = store.transaction(change)?;
        Ok(Write {
            tx,
            index,
            writer,
            plan,
            claims: Claims::default(),
        })
    }

    /// Replay into the writer what the index missed; say how to go on.
    fn replay_missed(&mut self) -> Result<Plan> {
        let store = self.tx.base_generation();
        let ours = self.index.generation()?.unwrap_or(0);
        if ours == store {
            return Ok(Plan::Mirror);
        }
        // Ahead (an older store put back), or empty (new, or emptied for another schema): an
        // empty index replaying the whole log would read every event by id, and hold a delete
        // for each until the commit (13 GB at 10M events); a rebuild reads them in order.
        if ours > store || ours == 0 {
            return Ok(Plan::Rebuild);
        }
        let Some(changes) = self.tx.changes_since(ours)? else {
            return Ok(Plan::Rebuild);
        };
        for id in &changes.deleted {
            self.writer.delete(id);
        }
        for id in &changes.changed {
            if let Some(e) = self.tx.get(id)? {
                self.writer.upsert(&e)?;
            }
        }
        Ok(Plan::Mirror)
    }

    /// The transaction, for reading.
    pub fn tx(&self) -> &dyn Transaction {
        &*self.tx
    }

    /// Mirror one store write into the index.
    fn mirror(&mut self, event: &Event, written: Written) -> Result<()> {
        if matches!(self.plan, Plan::Rebuild) {
            return Ok(());
        }
        match written {
            // The index is in step with the store, so an event new to the store is new here.
            Written::Created => self.writer.add(event)?,
            Written::Updated => self.writer.upsert(event)?,
            Written::Merged => {
                if let Some(merged) = self.tx.get(&event.id)? {
                    self.writer.upsert(&merged)?;
                }
            }
            Written::Unchanged => {}
        }
        Ok(())
    }

    /// Insert or replace an event by its id (an edit: the id names the event).
    pub fn upsert(&mut self, event: &Event, origin: Option<&str>) -> Result<Written> {
        let written = self.tx.upsert(event, origin)?;
        self.mirror(event, written)?;
        Ok(written)
    }

    /// Place an imported record by the identity rules ([`annals_store::identity`]): `stub`
    /// for a lead card, `named` when the record gave its id.
    pub fn place(
        &mut self,
        event: Event,
        stub: bool,
        named: bool,
        origin: &str,
    ) -> std::result::Result<Placed, PlaceError> {
        let placed = self
            .claims
            .place(&mut *self.tx, event, stub, named, origin)?;
        self.mirror(&placed.event, placed.written)
            .map_err(|e| PlaceError::Refused(e.to_string()))?;
        Ok(placed)
    }

    /// Delete an event (a tombstone and its history stay); false if there was none.
    pub fn delete(&mut self, id: &str) -> Result<bool> {
        let deleted = self.tx.delete(id)?;
        if deleted && matches!(self.plan, Plan::Mirror) {
            self.writer.delete(id);
        }
        Ok(deleted)
    }

    /// Make `gone` one with `kept` (the merged record, [`annals_core::merge`]): `kept` is
    /// written, the events that link to `gone` link to `kept` instead, `gone` is deleted (its
    /// history stays) and answers with a redirect to `kept`, and the pair is decided as
    /// merged. Returns how many linking events were rewritten.
    pub fn merge(&mut self, kept: &Event, gone: &str) -> Result<usize> {
        if kept.id == gone {
            return Err(IndexError::Query(format!(
                "{gone} cannot be merged into itself"
            )));
        }
        self.upsert(kept, None)?;
        let linking = self.tx.linking(gone, usize::MAX)?;
        let mut rewritten = 0;
        for (mut other, _) in linking {
            if other.id == kept.id {
                continue;
            }
            let before = std::mem::take(&mut other.related);
            for r in before {
                let to = if r.id == gone {
                    kept.id.as_str()
                } else {
                    r.id.as_str()
                };
                other.relate(to, &r.kind);
            }
            self.upsert(&other, None)?;
            rewritten += 1;
        }
        failpoint("merge-relinked");
        self.delete(gone)?;
        self.tx.redirect(gone, &kept.id)?;
        self.tx.decide_duplicate(&kept.id, gone, Verdict::Merged)?;
        Ok(rewritten)
    }

    /// The transaction, for the writes the index does not mirror: profiles of participants
    /// and places, and their other names ([`annals_store::add_alias`], ...), which searches
    /// read from the store.
    pub fn tx_mut(&mut self) -> &mut dyn Transaction {
        &mut *self.tx
    }

    /// Propose a pair of events as one, for review (a pair already decided stays decided).
    pub fn propose(&mut self, d: &annals_store::Duplicate) -> Result<()> {
        Ok(self.tx.propose_duplicate(&d.a, &d.b, d.score, &d.reasons)?)
    }

    /// Decide a pair of events proposed as one (or not yet proposed).
    pub fn decide(&mut self, a: &str, b: &str, verdict: Verdict) -> Result<()> {
        Ok(self.tx.decide_duplicate(a, b, verdict)?)
    }

    /// With [`Plan::Rebuild`]: empty the index and fill it from the transaction's view.
    fn fill_if_rebuilding(&mut self) -> Result<()> {
        if matches!(self.plan, Plan::Mirror) {
            return Ok(());
        }
        self.writer.clear()?;
        let writer = &mut self.writer;
        let mut failed = None;
        self.tx.scan_all(&mut |e| {
            if let Err(err) = writer.add(&e) {
                failed.get_or_insert(err);
            }
            Ok(())
        })?;
        failed.map_or(Ok(()), Err)
    }

    /// Commit the store, then the index; returns the new generation. Should the index commit
    /// fail, the store's commit stands and the index catches up at its next use.
    pub fn commit(mut self) -> Result<u64> {
        self.fill_if_rebuilding()?;
        let generation = self.tx.commit()?;
        failpoint("after-store-commit");
        self.writer.commit(generation)?;
        self.index.reload()?;
        Ok(generation)
    }

    /// Commit the index only, at the generation the transaction began with, and roll the
    /// transaction back: for catching up and rebuilding, which write nothing to the store.
    fn commit_index_only(mut self) -> Result<u64> {
        let generation = self.tx.base_generation();
        self.fill_if_rebuilding()?;
        drop(self.tx);
        self.writer.commit(generation)?;
        self.index.reload()?;
        Ok(generation)
    }

    /// Abandon the transaction and the index changes.
    pub fn abort(self) -> Result<()> {
        drop(self.tx);
        self.writer.rollback()
    }
}

/// Who catches up or rebuilds an index (recorded nowhere: such transactions write nothing).
fn maintenance() -> Change {
    Change::new("annals", "index maintenance")
}

/// Rebuild the index of a store whole; returns the number of events indexed. What the index
/// missed is not replayed first: the rebuild reads every event anyway.
pub fn rebuild(index: &SearchIndex, store: &mut dyn EventStore) -> Result<u64> {
    let write = Write::open(
        store,
        index,
        &maintenance(),
        Size::Bulk,
        PATIENCE,
        Plan::Rebuild,
    )?;
    write.commit_index_only()?;
    Ok(index.len())
}

/// Rebuild the index of the database `db` from its store; returns the number of events.
pub fn reindex(db: &Db, store: &mut dyn EventStore) -> Result<u64> {
    let index = SearchIndex::open_or_create(&db.index_dir())?;
    rebuild(&index, store)
}

/// Whether the index reflects the store's current generation.
pub fn in_step(index: &SearchIndex, store: &dyn EventStore) -> Result<bool> {
    Ok(index.generation()?.unwrap_or(0) == store.generation()?)
}

/// Bring the index up to the store when it is behind (replaying the change log) or cannot
/// follow it (rebuilding), unless another writer holds the index: that writer will. Returns
/// whether the index is in step afterwards; either way it holds one consistent generation.
pub fn catch_up(index: &SearchIndex, store: &mut dyn EventStore) -> Result<bool> {
    if in_step(index, store)? {
        return Ok(true);
    }
    // A reader never waits for a writer: if one holds the index, it will bring it up to date.
    let write = match Write::begin_waiting(store, index, &maintenance(), Size::Bulk, Duration::ZERO)
    {
        Ok(w) => w,
        Err(IndexError::Busy(_)) => return Ok(false),
        Err(e) => return Err(e),
    };
    write.commit_index_only()?;
    index.reload()?;
    Ok(true)
}

/// Open the index of `db` for searching, creating or catching it up as needed (see
/// [`catch_up`]). An index that another writer is still updating is served as it is. Hits read
/// the narratives they show from the store of `db` ([`crate::texts`]).
pub fn for_search(db: &Db, store: &mut dyn EventStore) -> Result<SearchIndex> {
    let index = SearchIndex::open_or_create(&db.index_dir())?;
    catch_up(&index, store)?;
    index.read_texts_from(crate::texts::from_store(db));
    index.set_aliases(crate::aliases::Aliases::new(store.aliases()?));
    Ok(index)
}
