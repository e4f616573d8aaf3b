//! Write transactions in SQLite: the row operations of [`crate::write`], which holds the rules.
//! A transaction takes SQLite's write lock when it begins (`BEGIN IMMEDIATE`): one writer at
//! a time, so the generation it starts from is the one it commits after.

use super::codec::{self, Compressor};
use crate::write::{Kept, Rows, Span, Stored};
use crate::{Change, Changes, Provenance, StoreError, Verdict};
use annals_core::profile::{Kind, Profile};
use annals_core::Event;
use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

pub(super) struct SqliteRows<'a> {
    tx: rusqlite::Transaction<'a>,
    compressor: Compressor,
    /// History rows after this one were added by this transaction.
    history_start: i64,
}

impl<'a> SqliteRows<'a> {
    /// Begin a write transaction; returns its rows and the generation it starts from.
    pub(super) fn begin(conn: &'a mut Connection) -> Result<(SqliteRows<'a>, u64), StoreError> {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let base = super::generation(&tx)?;
        let history_start: i64 =
            tx.query_row("SELECT COALESCE(max(rowid), 0) FROM history", [], |r| {
                r.get(0)
            })?;
        Ok((
            SqliteRows {
                tx,
                compressor: Compressor::default(),
                history_start,
            },
            base,
        ))
    }
}

impl Rows for SqliteRows<'_> {
    type Doc = Value;

    fn json(&self, id: &str, doc: &Value) -> Result<String, StoreError> {
        codec::doc_text(&self.tx, id, doc.into())
    }

    fn encode(&mut self, json: &str) -> Result<Value, StoreError> {
        Ok(Value::Blob(self.compressor.compress(&self.tx, json)?))
    }

    fn empty(&self) -> Result<bool, StoreError> {
        Ok(self.tx.query_row(
            "SELECT NOT EXISTS (SELECT 1 FROM events) AND NOT EXISTS (SELECT 1 FROM tombstones)
             AND NOT EXISTS (SELECT 1 FROM redirects)",
            [],
            |r| r.get(0),
        )?)
    }

    fn stored(&self, id: &str) -> Result<Option<Stored<Value>>, StoreError> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT rowid, doc, gen FROM events WHERE id = ?1")?;
        let mut rows = stmt.query([id])?;
        match rows.next()? {
            Some(row) => Ok(Some(Stored {
                row: row.get(0)?,
                doc: codec::raw(row.get_ref(1)?),
                gen: row.get(2)?,
            })),
            None => Ok(None),
        }
    }

    fn relations(&self, row: i64, event: &Event, add: bool) -> Result<(), StoreError> {
        let sql = if add {
            "INSERT OR IGNORE INTO relations (event, other_id, kind) VALUES (?1, ?2, ?3)"
        } else {
            "DELETE FROM relations WHERE event = ?1 AND other_id = ?2 AND kind = ?3"
        };
        let mut st = self.tx.prepare_cached(sql)?;
        for r in &event.related {
            st.execute(params![row, r.id, r.kind])?;
        }
        Ok(())
    }

    fn keep(&self, id: &str, gen: i64, doc: Option<&Value>) -> Result<(), StoreError> {
        self.tx
            .prepare_cached("INSERT INTO history (id, gen, doc) VALUES (?1, ?2, ?3)")?
            .execute(params![id, gen, doc.unwrap_or(&Value::Null)])?;
        Ok(())
    }

    fn update(
        &self,
        row: i64,
        span: Span,
        doc: &Value,
        gen: i64,
        origin: Option<&str>,
        stub: Option<bool>,
    ) -> Result<(), StoreError> {
        self.tx
            .prepare_cached(
                "UPDATE events SET lo = ?2, hi = ?3, sort = ?4, doc = ?5, gen = ?6,
                 origin = COALESCE(?7, origin), stub = COALESCE(?8, stub) WHERE rowid = ?1",
            )?
            .execute(params![
                row, span.lo, span.hi, span.sort, doc, gen, origin, stub
            ])?;
        Ok(())
    }

    fn insert(
        &self,
        id: &str,
        span: Span,
        doc: &Value,
        gen: i64,
        origin: Option<&str>,
        stub: bool,
    ) -> Result<i64, StoreError> {
        self.tx
            .prepare_cached(
                "INSERT INTO events (id, lo, hi, sort, doc, gen, origin, stub)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                id, span.lo, span.hi, span.sort, doc, gen, origin, stub
            ])?;
        Ok(self.tx.last_insert_rowid())
    }

    fn remove(&self, row: i64) -> Result<(), StoreError> {
        self.tx
            .prepare_cached("DELETE FROM events WHERE rowid = ?1")?
            .execute([row])?;
        Ok(())
    }

    fn end_redirect(&self, id: &str) -> Result<(), StoreError> {
        self.tx
            .prepare_cached("DELETE FROM redirects WHERE id = ?1")?
            .execute([id])?;
        Ok(())
    }

    fn take_tombstone(&self, id: &str) -> Result<Option<i64>, StoreError> {
        Ok(self
            .tx
            .prepare_cached("DELETE FROM tombstones WHERE id = ?1 RETURNING gen")?
            .query_row([id], |r| r.get(0))
            .optional()?)
    }

    fn tombstone(&self, id: &str, gen: i64) -> Result<(), StoreError> {
        self.tx
            .prepare_cached("INSERT OR REPLACE INTO tombstones (id, gen) VALUES (?1, ?2)")?
            .execute(params![id, gen])?;
        Ok(())
    }

    fn kept_here(&self, id: &str) -> Result<Option<Kept<Value>>, StoreError> {
        Ok(self
            .tx
            .prepare_cached("SELECT rowid, gen, doc FROM history WHERE id = ?1 AND rowid > ?2")?
            .query_row(params![id, self.history_start], |r| {
                let doc = match codec::raw(r.get_ref(2)?) {
                    Value::Null => None,
                    doc => Some(doc),
                };
                Ok((r.get(0)?, r.get(1)?, doc))
            })
            .optional()?)
    }

    fn forget(&self, history_row: i64) -> Result<(), StoreError> {
        self.tx
            .prepare_cached("DELETE FROM history WHERE rowid = ?1")?
            .execute([history_row])?;
        Ok(())
    }

    fn provenance(&self, id: &str) -> Result<Option<Provenance>, StoreError> {
        super::provenance(&self.tx, id)
    }

    fn had(&self, id: &str, json: &str) -> Result<bool, StoreError> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT doc FROM history WHERE id = ?1 AND doc IS NOT NULL")?;
        let mut rows = stmt.query([id])?;
        while let Some(row) = rows.next()? {
            if codec::doc_text(&self.tx, id, row.get_ref(0)?)? == json {
                return Ok(true);
            }
        }
        Ok(false)
    }

    fn propose_duplicate(
        &self,
        a: &str,
        b: &str,
        score: f64,
        reasons: &str,
        gen: i64,
    ) -> Result<(), StoreError> {
        self.tx
            .prepare_cached(
                "INSERT INTO duplicates (a, b, score, reasons, gen) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (a, b) DO UPDATE SET score = excluded.score, reasons = excluded.reasons
                 WHERE status = 'open'",
            )?
            .execute(params![a, b, score, reasons, gen])?;
        Ok(())
    }

    fn decide_duplicate(
        &self,
        a: &str,
        b: &str,
        verdict: Verdict,
        gen: i64,
    ) -> Result<(), StoreError> {
        self.tx
            .prepare_cached(
                "INSERT INTO duplicates (a, b, score, reasons, status, gen)
                 VALUES (?1, ?2, 0, '', ?3, ?4)
                 ON CONFLICT (a, b) DO UPDATE SET status = excluded.status, gen = excluded.gen",
            )?
            .execute(params![a, b, verdict.name(), gen])?;
        Ok(())
    }

    fn redirect(&self, from: &str, to: &str, gen: i64) -> Result<(), StoreError> {
        self.tx
            .prepare_cached("UPDATE redirects SET target = ?2, gen = ?3 WHERE target = ?1")?
            .execute(params![from, to, gen])?;
        self.tx
            .prepare_cached(
                "INSERT OR REPLACE INTO redirects (id, target, gen) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![from, to, gen])?;
        Ok(())
    }

    fn profile(&self, kind: Kind, name: &str) -> Result<Option<(String, Profile)>, StoreError> {
        super::profiles::get(&self.tx, kind, name)
    }

    fn name_for(&self, kind: Kind, alias: &str) -> Result<Option<String>, StoreError> {
        super::profiles::name_for(&self.tx, kind, alias)
    }

    fn has_aliases(&self, kind: Kind, name: &str) -> Result<bool, StoreError> {
        super::profiles::has_aliases(&self.tx, kind, name)
    }

    fn write_profile(
        &self,
        kind: Kind,
        name: &str,
        doc: Option<&str>,
        aliases: &[String],
        gen: i64,
    ) -> Result<(), StoreError> {
        super::profiles::write(&self.tx, kind, name, doc, aliases, gen)
    }

    fn story(&self, id: &str) -> Result<Option<(String, i64)>, StoreError> {
        super::stories::row(&self.tx, id)
    }

    fn write_story(&self, id: &str, json: Option<&str>, gen: i64) -> Result<(), StoreError> {
        super::stories::write(&self.tx, id, json, gen)
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
            each(codec::read(&self.tx, &id, row.get_ref(1)?)?)?;
        }
        Ok(())
    }

    fn changes_since(&self, generation: u64) -> Result<Option<Changes>, StoreError> {
        super::log::changes_since(&self.tx, generation)
    }

    fn commit(self, change: &Change, at_ms: i64) -> Result<u64, StoreError> {
        let generation: i64 = self.tx.query_row(
            "INSERT INTO annals_meta (key, value) VALUES ('generation', 1) \
             ON CONFLICT (key) DO UPDATE SET value = value + 1 RETURNING CAST(value AS INTEGER)",
            [],
            |r| r.get(0),
        )?;
        self.tx.execute(
            "INSERT OR REPLACE INTO commits (gen, at, author, summary) VALUES (?1, ?2, ?3, ?4)",
            params![generation, at_ms, change.author, change.summary],
        )?;
        self.tx.commit()?;
        Ok(generation as u64)
    }

    fn put_meta(&self, generation: u64, log_from: u64) -> Result<(), StoreError> {
        let mut st = self
            .tx
            .prepare_cached("INSERT OR REPLACE INTO annals_meta (key, value) VALUES (?1, ?2)")?;
        st.execute(params!["generation", generation as i64])?;
        st.execute(params!["log_from", log_from as i64])?;
        Ok(())
    }

    fn put_commit(&self, c: &crate::Commit) -> Result<(), StoreError> {
        self.tx
            .prepare_cached(
                "INSERT INTO commits (gen, at, author, summary) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![c.generation as i64, c.at_ms, c.author, c.summary])?;
        Ok(())
    }

    fn put_duplicate(
        &self,
        a: &str,
        b: &str,
        score: f64,
        reasons: &str,
        status: &str,
        gen: i64,
    ) -> Result<(), StoreError> {
        self.tx
            .prepare_cached(
                "INSERT INTO duplicates (a, b, score, reasons, status, gen)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![a, b, score, reasons, status, gen])?;
        Ok(())
    }

    fn put_file(&self, file: &crate::files::StoredFile) -> Result<bool, StoreError> {
        super::files::put(&self.tx, &file.picture, file.at, &file.author)
    }

    fn put_user(&self, u: &crate::copy::UserRow) -> Result<(), StoreError> {
        self.tx.execute(
            "INSERT INTO users (name, password, role, created, disabled) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![u.name, u.password, u.role, u.created, u.disabled],
        )?;
        Ok(())
    }

    fn put_session(&self, s: &crate::copy::SessionRow) -> Result<(), StoreError> {
        self.tx.execute(
            "INSERT INTO sessions (hash, user, csrf, created, expires) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![s.hash, s.user, s.csrf, s.created, s.expires],
        )?;
        Ok(())
    }

    fn put_token(&self, t: &crate::copy::TokenRow) -> Result<(), StoreError> {
        self.tx.execute(
            "INSERT INTO tokens (id, hash, user, scope, label, created, revoked, last_used)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                t.id,
                t.hash,
                t.user,
                t.scope,
                t.label,
                t.created,
                t.revoked,
                t.last_used
            ],
        )?;
        Ok(())
    }

    fn put_redirect(&self, id: &str, target: &str, gen: i64) -> Result<(), StoreError> {
        self.tx
            .prepare_cached("INSERT INTO redirects (id, target, gen) VALUES (?1, ?2, ?3)")?
            .execute(params![id, target, gen])?;
        Ok(())
    }

    fn put_profile(
        &self,
        kind: Kind,
        name: &str,
        json: &str,
        aliases: &[String],
        gen: i64,
    ) -> Result<(), StoreError> {
        self.tx
            .prepare_cached("INSERT INTO profiles (kind, name, doc, gen) VALUES (?1, ?2, ?3, ?4)")?
            .execute(params![kind.name(), name, json, gen])?;
        super::profiles::add_aliases(&self.tx, kind, name, aliases)
    }

    fn put_profile_history(
        &self,
        kind: Kind,
        name: &str,
        gen: i64,
        json: Option<&str>,
    ) -> Result<(), StoreError> {
        self.tx
            .prepare_cached(
                "INSERT INTO profile_history (kind, name, gen, doc) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![kind.name(), name, gen, json])?;
        Ok(())
    }

    fn put_story(&self, id: &str, json: &str, gen: i64) -> Result<(), StoreError> {
        super::stories::put(&self.tx, id, json, gen)
    }

    fn put_story_history(&self, id: &str, gen: i64, json: Option<&str>) -> Result<(), StoreError> {
        super::stories::put_history(&self.tx, id, gen, json)
    }

    fn finish(self) -> Result<(), StoreError> {
        self.tx.commit()?;
        Ok(())
    }
}
