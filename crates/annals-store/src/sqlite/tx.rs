//! Write transactions: every write stamps the row with the transaction's generation, keeps the
//! state it replaces in `history`, and a delete leaves a tombstone; the commit records who,
//! when and why in `commits`.

use super::codec::{self, Compressor};
use crate::{Change, Changes, Provenance, StoreError, Transaction, Verdict, Written};
use annals_core::profile::{Kind, Profile};
use annals_core::Event;
use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

pub(super) struct SqliteTransaction<'a> {
    tx: rusqlite::Transaction<'a>,
    /// When the store held nothing at the start (no events, no tombstones): the ids written
    /// since. An id not in it cannot be stored yet, which saves a lookup per event on a first
    /// import.
    fresh: Option<std::collections::HashSet<String>>,
    compressor: Compressor,
    /// The generation when the transaction began; its writes are stamped `base + 1`.
    base: u64,
    /// History rows after this one were added by this transaction.
    history_start: i64,
    change: Change,
}

/// A stored row.
struct Stored {
    rowid: i64,
    /// The document as stored (compressed or text), to copy into the history as it is.
    raw: Value,
    /// The generation that wrote it.
    gen: i64,
}

impl Stored {
    fn json(&self, id: &str) -> Result<String, StoreError> {
        codec::doc_text(id, (&self.raw).into())
    }
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

impl<'a> SqliteTransaction<'a> {
    pub(super) fn begin(
        conn: &'a mut Connection,
        change: &Change,
    ) -> Result<SqliteTransaction<'a>, StoreError> {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let empty: bool = tx.query_row(
            "SELECT NOT EXISTS (SELECT 1 FROM events) AND NOT EXISTS (SELECT 1 FROM tombstones)",
            [],
            |r| r.get(0),
        )?;
        let base = super::generation(&tx)?;
        let history_start: i64 =
            tx.query_row("SELECT COALESCE(max(rowid), 0) FROM history", [], |r| {
                r.get(0)
            })?;
        Ok(SqliteTransaction {
            tx,
            fresh: empty.then(std::collections::HashSet::new),
            compressor: Compressor::default(),
            base,
            history_start,
            change: change.clone(),
        })
    }

    /// The generation this transaction's writes carry.
    fn gen(&self) -> i64 {
        self.base as i64 + 1
    }

    /// The stored row of an event.
    fn stored(&self, id: &str) -> Result<Option<Stored>, StoreError> {
        if self
            .fresh
            .as_ref()
            .is_some_and(|written| !written.contains(id))
        {
            return Ok(None);
        }
        let mut stmt = self
            .tx
            .prepare_cached("SELECT rowid, doc, gen FROM events WHERE id = ?1")?;
        let mut rows = stmt.query([id])?;
        match rows.next()? {
            Some(row) => Ok(Some(Stored {
                rowid: row.get(0)?,
                raw: codec::raw(row.get_ref(1)?),
                gen: row.get(2)?,
            })),
            None => Ok(None),
        }
    }

    /// Add (`add`) or remove the relation rows of an event.
    fn side_rows(&self, rowid: i64, event: &Event, add: bool) -> Result<(), StoreError> {
        let relations = if add {
            "INSERT OR IGNORE INTO relations (event, other_id, kind) VALUES (?1, ?2, ?3)"
        } else {
            "DELETE FROM relations WHERE event = ?1 AND other_id = ?2 AND kind = ?3"
        };
        let mut st = self.tx.prepare_cached(relations)?;
        for r in &event.related {
            st.execute(params![rowid, r.id, r.kind])?;
        }
        Ok(())
    }

    /// Keep a replaced state (`doc` NULL: the event did not exist then) in the history.
    fn keep(&self, id: &str, gen: i64, doc: &Value) -> Result<(), StoreError> {
        self.tx
            .prepare_cached("INSERT INTO history (id, gen, doc) VALUES (?1, ?2, ?3)")?
            .execute(params![id, gen, doc])?;
        Ok(())
    }

    /// Insert an event, or replace the stored one (`old`), keeping the old state.
    fn write(
        &mut self,
        event: &Event,
        doc: &str,
        old: Option<Stored>,
        origin: Option<&str>,
        stub: Option<bool>,
    ) -> Result<(), StoreError> {
        if let Some(written) = &mut self.fresh {
            written.insert(event.id.clone());
        }
        let (lo, hi) = event.date.axis_range();
        let (sort, _) = event.date.sort_key();
        let gen = self.gen();
        // Whether this transaction already wrote the id: then it may be writing back the state
        // it started from, which is no change at all.
        let rewritten = match &old {
            Some(old) => {
                // Only committed states go to the history.
                if old.gen != gen {
                    self.keep(&event.id, old.gen, &old.raw)?;
                }
                let old_event = codec::decode(&event.id, &old.json(&event.id)?)?;
                self.side_rows(old.rowid, &old_event, false)?;
                old.gen == gen
            }
            None => self.fresh.is_none() && self.resurrect(&event.id)? == Some(gen),
        };
        let mut stamp = (gen, Value::Blob(self.compressor.compress(doc)?));
        if rewritten {
            if let Some((row, g0, doc0)) = self.kept_here(&event.id)? {
                if doc0 != Value::Null && codec::doc_text(&event.id, (&doc0).into())? == doc {
                    self.forget(row)?;
                    stamp = (g0, doc0);
                }
            }
        }
        let rowid = match old {
            Some(old) => {
                self.tx
                    .prepare_cached(
                        "UPDATE events SET lo = ?2, hi = ?3, sort = ?4, doc = ?5, gen = ?6,
                         origin = COALESCE(?7, origin), stub = COALESCE(?8, stub) WHERE rowid = ?1",
                    )?
                    .execute(params![
                        old.rowid, lo, hi, sort, stamp.1, stamp.0, origin, stub
                    ])?;
                old.rowid
            }
            None => {
                if self.fresh.is_none() {
                    // The id holds an event again: it no longer answers for another.
                    self.tx
                        .prepare_cached("DELETE FROM redirects WHERE id = ?1")?
                        .execute([&event.id])?;
                }
                self.tx
                    .prepare_cached(
                        "INSERT INTO events (id, lo, hi, sort, doc, gen, origin, stub)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    )?
                    .execute(params![
                        event.id,
                        lo,
                        hi,
                        sort,
                        stamp.1,
                        stamp.0,
                        origin,
                        stub.unwrap_or(false)
                    ])?;
                self.tx.last_insert_rowid()
            }
        };
        self.side_rows(rowid, event, true)
    }

    /// Writing an id that was deleted: its tombstone becomes a "deleted" state in the history.
    /// Returns the generation of the tombstone, if there was one.
    fn resurrect(&self, id: &str) -> Result<Option<i64>, StoreError> {
        let deleted: Option<i64> = self
            .tx
            .prepare_cached("DELETE FROM tombstones WHERE id = ?1 RETURNING gen")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        if let Some(gen) = deleted.filter(|g| *g != self.gen()) {
            self.keep(id, gen, &Value::Null)?;
        }
        Ok(deleted)
    }

    /// The state of `id` that this transaction moved into the history (the one it started
    /// from): its history row, generation and document (NULL: deleted then).
    fn kept_here(&self, id: &str) -> Result<Option<(i64, i64, Value)>, StoreError> {
        Ok(self
            .tx
            .prepare_cached("SELECT rowid, gen, doc FROM history WHERE id = ?1 AND rowid > ?2")?
            .query_row(params![id, self.history_start], |r| {
                Ok((r.get(0)?, r.get(1)?, codec::raw(r.get_ref(2)?)))
            })
            .optional()?)
    }

    /// Drop a history row this transaction added (its state is current again).
    fn forget(&self, row: i64) -> Result<(), StoreError> {
        self.tx
            .prepare_cached("DELETE FROM history WHERE rowid = ?1")?
            .execute([row])?;
        Ok(())
    }
}

impl Transaction for SqliteTransaction<'_> {
    fn upsert(&mut self, event: &Event, origin: Option<&str>) -> Result<Written, StoreError> {
        let doc = codec::encode(event);
        match self.stored(&event.id)? {
            Some(old) if old.json(&event.id)? == doc => Ok(Written::Unchanged),
            Some(old) => {
                self.write(event, &doc, Some(old), origin, Some(false))?;
                Ok(Written::Updated)
            }
            None => {
                self.write(event, &doc, None, origin, Some(false))?;
                Ok(Written::Created)
            }
        }
    }

    fn upsert_stub(&mut self, event: &Event, origin: Option<&str>) -> Result<Written, StoreError> {
        let Some(old) = self.stored(&event.id)? else {
            self.write(event, &codec::encode(event), None, origin, Some(true))?;
            return Ok(Written::Created);
        };
        let mut stored = codec::decode(&event.id, &old.json(&event.id)?)?;
        let before = stored.related.len();
        for r in &event.related {
            stored.relate(&r.id, &r.kind);
        }
        if stored.related.len() == before {
            return Ok(Written::Unchanged);
        }
        self.write(&stored, &codec::encode(&stored), Some(old), None, None)?;
        Ok(Written::Merged)
    }

    fn delete(&mut self, id: &str) -> Result<bool, StoreError> {
        let Some(old) = self.stored(id)? else {
            return Ok(false);
        };
        let gen = self.gen();
        // What the id was when the transaction began: an event (kept now), a tombstone, or
        // nothing. Deleting what this transaction created leaves the state it started from.
        let tombstone = if old.gen != gen {
            self.keep(id, old.gen, &old.raw)?;
            Some(gen)
        } else {
            match self.kept_here(id)? {
                Some((row, g0, Value::Null)) => {
                    self.forget(row)?;
                    Some(g0)
                }
                Some(_) => Some(gen),
                None => None,
            }
        };
        let old_event = codec::decode(id, &old.json(id)?)?;
        self.side_rows(old.rowid, &old_event, false)?;
        self.tx
            .prepare_cached("DELETE FROM events WHERE rowid = ?1")?
            .execute([old.rowid])?;
        if let Some(g) = tombstone {
            self.tx
                .prepare_cached("INSERT OR REPLACE INTO tombstones (id, gen) VALUES (?1, ?2)")?
                .execute(params![id, g])?;
            // The store is no longer fresh: a tombstone now exists.
            self.fresh = None;
        } else if let Some(written) = &mut self.fresh {
            written.remove(id);
        }
        Ok(true)
    }

    fn base_generation(&self) -> u64 {
        self.base
    }

    fn get(&self, id: &str) -> Result<Option<Event>, StoreError> {
        self.stored(id)?
            .map(|s| codec::decode(id, &s.json(id)?))
            .transpose()
    }

    fn provenance(&self, id: &str) -> Result<Option<Provenance>, StoreError> {
        // A store that held nothing when the transaction began has only what it wrote.
        if self
            .fresh
            .as_ref()
            .is_some_and(|written| !written.contains(id))
        {
            return Ok(None);
        }
        super::provenance(&self.tx, id)
    }

    fn had(&self, event: &Event) -> Result<bool, StoreError> {
        let doc = codec::encode(event);
        let mut stmt = self
            .tx
            .prepare_cached("SELECT doc FROM history WHERE id = ?1 AND doc IS NOT NULL")?;
        let mut rows = stmt.query([&event.id])?;
        while let Some(row) = rows.next()? {
            if codec::doc_text(&event.id, row.get_ref(0)?)? == doc {
                return Ok(true);
            }
        }
        Ok(false)
    }

    fn propose_duplicate(
        &mut self,
        a: &str,
        b: &str,
        score: f64,
        reasons: &str,
    ) -> Result<(), StoreError> {
        let (a, b) = crate::pair(a, b);
        self.tx
            .prepare_cached(
                "INSERT INTO duplicates (a, b, score, reasons, gen) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (a, b) DO UPDATE SET score = excluded.score, reasons = excluded.reasons
                 WHERE status = 'open'",
            )?
            .execute(params![a, b, score, reasons, self.gen()])?;
        Ok(())
    }

    fn decide_duplicate(&mut self, a: &str, b: &str, verdict: Verdict) -> Result<(), StoreError> {
        let (a, b) = crate::pair(a, b);
        self.tx
            .prepare_cached(
                "INSERT INTO duplicates (a, b, score, reasons, status, gen)
                 VALUES (?1, ?2, 0, '', ?3, ?4)
                 ON CONFLICT (a, b) DO UPDATE SET status = excluded.status, gen = excluded.gen",
            )?
            .execute(params![a, b, verdict.name(), self.gen()])?;
        Ok(())
    }

    fn redirect(&mut self, from: &str, to: &str) -> Result<(), StoreError> {
        let gen = self.gen();
        self.tx
            .prepare_cached("UPDATE redirects SET target = ?2, gen = ?3 WHERE target = ?1")?
            .execute(params![from, to, gen])?;
        self.tx
            .prepare_cached(
                "INSERT OR REPLACE INTO redirects (id, target, gen) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![from, to, gen])?;
        // A redirect exists now: the store is no longer one that holds nothing.
        self.fresh = None;
        Ok(())
    }

    fn profile(&self, kind: Kind, name: &str) -> Result<Option<(String, Profile)>, StoreError> {
        super::profiles::get(&self.tx, kind, name)
    }

    fn name_for(&self, kind: Kind, alias: &str) -> Result<Option<String>, StoreError> {
        super::profiles::name_for(&self.tx, kind, alias)
    }

    fn put_profile(
        &mut self,
        kind: Kind,
        name: &str,
        profile: &Profile,
    ) -> Result<bool, StoreError> {
        let changed = super::profiles::put(&self.tx, self.gen(), kind, name, profile)?;
        if changed {
            // A profile exists now: the store is no longer one that holds nothing.
            self.fresh = None;
        }
        Ok(changed)
    }

    fn linking(&self, id: &str, limit: usize) -> Result<Vec<(Event, String)>, StoreError> {
        super::linking(&self.tx, id, limit)
    }

    fn scan_all(
        &self,
        each: &mut dyn FnMut(Event) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut stmt = self.tx.prepare("SELECT id, doc FROM events")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let id: String = row.get(0)?;
            each(codec::read(&id, row.get_ref(1)?)?)?;
        }
        Ok(())
    }

    fn changes_since(&self, generation: u64) -> Result<Option<Changes>, StoreError> {
        super::log::changes_since(&self.tx, generation)
    }

    fn commit(self: Box<Self>) -> Result<u64, StoreError> {
        let generation: i64 = self.tx.query_row(
            "INSERT INTO annals_meta (key, value) VALUES ('generation', 1) \
             ON CONFLICT (key) DO UPDATE SET value = value + 1 RETURNING CAST(value AS INTEGER)",
            [],
            |r| r.get(0),
        )?;
        self.tx.execute(
            "INSERT OR REPLACE INTO commits (gen, at, author, summary) VALUES (?1, ?2, ?3, ?4)",
            params![
                generation,
                now_ms(),
                self.change.author,
                self.change.summary
            ],
        )?;
        self.tx.commit()?;
        Ok(generation as u64)
    }
}
