//! Write transactions in PostgreSQL: the row operations of [`crate::write`], which holds the
//! rules. A transaction takes the writers' advisory lock first: one writer at a time across
//! every node, as SQLite's `BEGIN IMMEDIATE` is one writer at a time on one machine.

use super::{reads, Params, Sql, Statements};
use crate::write::{Kept, Rows, Span, Stored};
use crate::{Change, Changes, Provenance, StoreError, Verdict};
use annals_core::profile::{Kind, Profile};
use annals_core::Event;
use postgres::{Client, Row};
use std::cell::RefCell;

/// The advisory lock every write transaction holds until it ends.
const WRITING: i64 = 0x616e_6e61_6c73_0002;

pub(super) struct PgRows<'a> {
    tx: RefCell<postgres::Transaction<'a>>,
    statements: &'a Statements,
    /// History rows after this one were added by this transaction.
    history_start: i64,
    /// New events and their relations not sent yet (see [`Bulk`]).
    bulk: RefCell<Bulk>,
}

/// New event rows (and their relations) gathered and sent with binary `COPY`, thousands at a
/// time, instead of one `INSERT` round trip each: an import into an empty database is mostly
/// new rows. They are sent before any other statement runs, so every statement sees them.
#[derive(Default)]
struct Bulk {
    /// Row keys taken from the sequence and not used yet.
    free: Vec<i64>,
    /// How many keys were taken so far (each batch takes twice as many, from 64 to
    /// [`BULK`]: an edit takes few, an import many).
    taken: usize,
    events: Vec<NewEvent>,
    relations: Vec<(i64, String, String)>,
    /// The rows in `events`.
    pending: std::collections::HashSet<i64>,
}

struct NewEvent {
    row: i64,
    id: String,
    span: Span,
    doc: String,
    gen: i64,
    origin: Option<String>,
    stub: bool,
}

/// Rows gathered before they are sent.
const BULK: usize = 5000;

impl PgRows<'_> {
    /// Send the gathered rows.
    fn flush(&self) -> Result<(), StoreError> {
        use postgres::binary_copy::BinaryCopyInWriter;
        use postgres::types::Type;
        let mut bulk = self.bulk.borrow_mut();
        if bulk.events.is_empty() && bulk.relations.is_empty() {
            return Ok(());
        }
        let mut tx = self.tx.borrow_mut();
        if !bulk.events.is_empty() {
            let sink = tx.copy_in(
                "COPY events (row, id, lo, hi, sort, doc, gen, origin, stub) FROM STDIN BINARY",
            )?;
            let types = [
                Type::INT8,
                Type::TEXT,
                Type::INT8,
                Type::INT8,
                Type::INT8,
                Type::TEXT,
                Type::INT8,
                Type::TEXT,
                Type::BOOL,
            ];
            let mut w = BinaryCopyInWriter::new(sink, &types);
            for e in bulk.events.drain(..) {
                w.write(&[
                    &e.row,
                    &e.id,
                    &e.span.lo,
                    &e.span.hi,
                    &e.span.sort,
                    &e.doc,
                    &e.gen,
                    &e.origin,
                    &e.stub,
                ])?;
            }
            w.finish()?;
        }
        if !bulk.relations.is_empty() {
            let sink = tx.copy_in("COPY relations (event, other_id, kind) FROM STDIN BINARY")?;
            let mut w = BinaryCopyInWriter::new(sink, &[Type::INT8, Type::TEXT, Type::TEXT]);
            for (row, other, kind) in bulk.relations.drain(..) {
                w.write(&[&row, &other, &kind])?;
            }
            w.finish()?;
        }
        bulk.pending.clear();
        Ok(())
    }
}

impl Sql for PgRows<'_> {
    fn rows(&self, sql: &'static str, params: Params<'_>) -> Result<Vec<Row>, StoreError> {
        self.flush()?;
        let mut tx = self.tx.borrow_mut();
        let st = self.statements.get(&mut *tx, sql)?;
        Ok(tx.query(&st, params)?)
    }

    fn exec(&self, sql: &'static str, params: Params<'_>) -> Result<u64, StoreError> {
        self.flush()?;
        let mut tx = self.tx.borrow_mut();
        let st = self.statements.get(&mut *tx, sql)?;
        Ok(tx.execute(&st, params)?)
    }
}

impl PgRows<'_> {
    /// Record `aliases` as other names of `name` (its key `key`) of `kind`.
    fn add_aliases(
        &self,
        kind: &str,
        key: &str,
        name: &str,
        aliases: &[String],
    ) -> Result<(), StoreError> {
        for alias in aliases {
            self.exec(
                "INSERT INTO aliases (kind, key, alias, name, name_key) VALUES ($1, $2, $3, $4, $5)",
                &[&kind, &reads::key(alias), alias, &name, &key],
            )?;
        }
        Ok(())
    }

    /// Pass every row of `sql` to `each` as the server sends them, without holding them all
    /// (a dump of millions of rows).
    pub(super) fn stream(
        &self,
        sql: &'static str,
        each: &mut dyn FnMut(&Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        use postgres::fallible_iterator::FallibleIterator;
        self.flush()?;
        let mut tx = self.tx.borrow_mut();
        let st = self.statements.get(&mut *tx, sql)?;
        let mut rows = tx.query_raw(&st, Vec::<i64>::new())?;
        while let Some(row) = rows.next()? {
            each(&row)?;
        }
        Ok(())
    }
}

impl<'a> PgRows<'a> {
    /// Rows to read through `tx` (a dump's snapshot); dropped, it ends.
    pub(super) fn reading(tx: postgres::Transaction<'a>, statements: &'a Statements) -> PgRows<'a> {
        PgRows {
            tx: RefCell::new(tx),
            statements,
            history_start: 0,
            bulk: RefCell::default(),
        }
    }

    /// Begin a write transaction (waiting for the one before it to end); returns its rows and
    /// the generation it starts from.
    pub(super) fn begin(
        client: &'a mut Client,
        statements: &'a Statements,
    ) -> Result<(PgRows<'a>, u64), StoreError> {
        let tx = client.transaction()?;
        let mut rows = PgRows {
            tx: RefCell::new(tx),
            statements,
            history_start: 0,
            bulk: RefCell::default(),
        };
        // As SQLite's busy timeout: a writer waits this long for another, then gives up.
        rows.exec("SET LOCAL lock_timeout = '30s'", &[])?;
        rows.exec("SELECT pg_advisory_xact_lock($1)", &[&WRITING])
            .map_err(|e| match e {
                StoreError::Postgres(m) if m.contains("(55P03)") => {
                    StoreError::Busy("another writer held the database for 30 s")
                }
                e => e,
            })?;
        let base = reads::generation(&rows)?;
        rows.history_start = rows
            .row("SELECT COALESCE(max(row), 0) FROM history", &[])?
            .map(|r| r.try_get(0))
            .transpose()?
            .unwrap_or(0);
        Ok((rows, base))
    }
}

impl Rows for PgRows<'_> {
    type Doc = String;

    fn json(&self, _id: &str, doc: &String) -> Result<String, StoreError> {
        Ok(doc.clone())
    }

    fn encode(&mut self, json: &str) -> Result<String, StoreError> {
        Ok(json.to_string())
    }

    fn empty(&self) -> Result<bool, StoreError> {
        let row = self.row(
            "SELECT NOT EXISTS (SELECT 1 FROM events) AND NOT EXISTS (SELECT 1 FROM tombstones)
             AND NOT EXISTS (SELECT 1 FROM redirects)",
            &[],
        )?;
        Ok(row.map(|r| r.try_get(0)).transpose()?.unwrap_or(false))
    }

    fn stored(&self, id: &str) -> Result<Option<Stored<String>>, StoreError> {
        self.row("SELECT row, doc, gen FROM events WHERE id = $1", &[&id])?
            .map(|r| {
                Ok(Stored {
                    row: r.try_get(0)?,
                    doc: r.try_get(1)?,
                    gen: r.try_get(2)?,
                })
            })
            .transpose()
    }

    fn relations(&self, row: i64, event: &Event, add: bool) -> Result<(), StoreError> {
        {
            let mut bulk = self.bulk.borrow_mut();
            if add && bulk.pending.contains(&row) {
                // A new event's relations: no rows yet, and `related` holds each once.
                for r in &event.related {
                    bulk.relations.push((row, r.id.clone(), r.kind.clone()));
                }
                return Ok(());
            }
        }
        for r in &event.related {
            let params: Params<'_> = &[&row, &r.id, &r.kind];
            if add {
                self.exec(
                    "INSERT INTO relations (event, other_id, kind) VALUES ($1, $2, $3)
                     ON CONFLICT DO NOTHING",
                    params,
                )?;
            } else {
                self.exec(
                    "DELETE FROM relations WHERE event = $1 AND other_id = $2 AND kind = $3",
                    params,
                )?;
            }
        }
        Ok(())
    }

    fn keep(&self, id: &str, gen: i64, doc: Option<&String>) -> Result<(), StoreError> {
        self.exec(
            "INSERT INTO history (id, gen, doc) VALUES ($1, $2, $3)",
            &[&id, &gen, &doc],
        )?;
        Ok(())
    }

    fn update(
        &self,
        row: i64,
        span: Span,
        doc: &String,
        gen: i64,
        origin: Option<&str>,
        stub: Option<bool>,
    ) -> Result<(), StoreError> {
        self.exec(
            "UPDATE events SET lo = $2, hi = $3, sort = $4, doc = $5, gen = $6,
             origin = COALESCE($7, origin), stub = COALESCE($8, stub) WHERE row = $1",
            &[
                &row, &span.lo, &span.hi, &span.sort, doc, &gen, &origin, &stub,
            ],
        )?;
        Ok(())
    }

    fn insert(
        &self,
        id: &str,
        span: Span,
        doc: &String,
        gen: i64,
        origin: Option<&str>,
        stub: bool,
    ) -> Result<i64, StoreError> {
        let (free, want) = {
            let mut bulk = self.bulk.borrow_mut();
            (bulk.free.pop(), (bulk.taken * 2).clamp(64, BULK))
        };
        let row = match free {
            Some(row) => row,
            None => {
                let mut taken: Vec<i64> = self
                    .rows(
                        "SELECT nextval('events_row_seq') FROM generate_series(1, $1::bigint)",
                        &[&(want as i64)],
                    )?
                    .iter()
                    .map(|r| r.try_get(0))
                    .collect::<Result<_, _>>()?;
                // Used from the smallest: rows keep the order they were written in.
                taken.sort_unstable_by(|a, b| b.cmp(a));
                let row = taken.pop().ok_or(StoreError::Busy("no row key left"))?;
                let mut bulk = self.bulk.borrow_mut();
                bulk.taken += want;
                bulk.free = taken;
                row
            }
        };
        let full = {
            let mut bulk = self.bulk.borrow_mut();
            bulk.pending.insert(row);
            bulk.events.push(NewEvent {
                row,
                id: id.to_string(),
                span,
                doc: doc.clone(),
                gen,
                origin: origin.map(str::to_string),
                stub,
            });
            bulk.events.len() >= BULK
        };
        if full {
            self.flush()?;
        }
        Ok(row)
    }

    fn remove(&self, row: i64) -> Result<(), StoreError> {
        self.exec("DELETE FROM events WHERE row = $1", &[&row])?;
        Ok(())
    }

    fn end_redirect(&self, id: &str) -> Result<(), StoreError> {
        self.exec("DELETE FROM redirects WHERE id = $1", &[&id])?;
        Ok(())
    }

    fn take_tombstone(&self, id: &str) -> Result<Option<i64>, StoreError> {
        Ok(self
            .row("DELETE FROM tombstones WHERE id = $1 RETURNING gen", &[&id])?
            .map(|r| r.try_get(0))
            .transpose()?)
    }

    fn tombstone(&self, id: &str, gen: i64) -> Result<(), StoreError> {
        self.exec(
            "INSERT INTO tombstones (id, gen) VALUES ($1, $2)
             ON CONFLICT (id) DO UPDATE SET gen = excluded.gen",
            &[&id, &gen],
        )?;
        Ok(())
    }

    fn kept_here(&self, id: &str) -> Result<Option<Kept<String>>, StoreError> {
        self.row(
            "SELECT row, gen, doc FROM history WHERE id = $1 AND row > $2",
            &[&id, &self.history_start],
        )?
        .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)))
        .transpose()
    }

    fn forget(&self, history_row: i64) -> Result<(), StoreError> {
        self.exec("DELETE FROM history WHERE row = $1", &[&history_row])?;
        Ok(())
    }

    fn provenance(&self, id: &str) -> Result<Option<Provenance>, StoreError> {
        reads::provenance(self, id)
    }

    fn had(&self, id: &str, json: &str) -> Result<bool, StoreError> {
        let row = self.row(
            "SELECT EXISTS (SELECT 1 FROM history WHERE id = $1 AND doc = $2)",
            &[&id, &json],
        )?;
        Ok(row.map(|r| r.try_get(0)).transpose()?.unwrap_or(false))
    }

    fn propose_duplicate(
        &self,
        a: &str,
        b: &str,
        score: f64,
        reasons: &str,
        gen: i64,
    ) -> Result<(), StoreError> {
        self.exec(
            "INSERT INTO duplicates (a, b, score, reasons, gen) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (a, b) DO UPDATE SET score = excluded.score, reasons = excluded.reasons
             WHERE duplicates.status = 'open'",
            &[&a, &b, &score, &reasons, &gen],
        )?;
        Ok(())
    }

    fn decide_duplicate(
        &self,
        a: &str,
        b: &str,
        verdict: Verdict,
        gen: i64,
    ) -> Result<(), StoreError> {
        self.exec(
            "INSERT INTO duplicates (a, b, score, reasons, status, gen) VALUES ($1, $2, 0, '', $3, $4)
             ON CONFLICT (a, b) DO UPDATE SET status = excluded.status, gen = excluded.gen",
            &[&a, &b, &verdict.name(), &gen],
        )?;
        Ok(())
    }

    fn redirect(&self, from: &str, to: &str, gen: i64) -> Result<(), StoreError> {
        self.exec(
            "UPDATE redirects SET target = $2, gen = $3 WHERE target = $1",
            &[&from, &to, &gen],
        )?;
        self.exec(
            "INSERT INTO redirects (id, target, gen) VALUES ($1, $2, $3)
             ON CONFLICT (id) DO UPDATE SET target = excluded.target, gen = excluded.gen",
            &[&from, &to, &gen],
        )?;
        Ok(())
    }

    fn profile(&self, kind: Kind, name: &str) -> Result<Option<(String, Profile)>, StoreError> {
        reads::profile(self, kind, name)
    }

    fn name_for(&self, kind: Kind, alias: &str) -> Result<Option<String>, StoreError> {
        reads::name_for(self, kind, alias)
    }

    fn has_aliases(&self, kind: Kind, name: &str) -> Result<bool, StoreError> {
        let row = self.row(
            "SELECT EXISTS (SELECT 1 FROM aliases WHERE kind = $1 AND name_key = $2)",
            &[&kind.name(), &reads::key(name)],
        )?;
        Ok(row.map(|r| r.try_get(0)).transpose()?.unwrap_or(false))
    }

    fn write_profile(
        &self,
        kind: Kind,
        name: &str,
        doc: Option<&str>,
        aliases: &[String],
        gen: i64,
    ) -> Result<(), StoreError> {
        let (kind, key) = (kind.name(), reads::key(name));
        match doc {
            Some(doc) => self.exec(
                "INSERT INTO profiles (kind, key, name, doc, gen) VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (kind, key) DO UPDATE SET doc = excluded.doc, gen = excluded.gen",
                &[&kind, &key, &name, &doc, &gen],
            )?,
            None => self.exec(
                "DELETE FROM profiles WHERE kind = $1 AND key = $2",
                &[&kind, &key],
            )?,
        };
        // One state per commit: a second write in the same transaction replaces the first.
        self.exec(
            "DELETE FROM profile_history WHERE kind = $1 AND key = $2 AND gen = $3",
            &[&kind, &key, &gen],
        )?;
        self.exec(
            "INSERT INTO profile_history (kind, key, name, gen, doc) VALUES ($1, $2, $3, $4, $5)",
            &[&kind, &key, &name, &gen, &doc],
        )?;
        self.exec(
            "DELETE FROM aliases WHERE kind = $1 AND name_key = $2",
            &[&kind, &key],
        )?;
        self.add_aliases(kind, &key, name, aliases)
    }

    fn story(&self, id: &str) -> Result<Option<(String, i64)>, StoreError> {
        super::stories::row(self, id)
    }

    fn write_story(&self, id: &str, json: Option<&str>, gen: i64) -> Result<(), StoreError> {
        super::stories::write(self, id, json, gen)
    }

    fn linking(&self, id: &str, limit: usize) -> Result<Vec<(Event, String)>, StoreError> {
        reads::linking(self, id, limit)
    }

    fn scan_all(
        &self,
        each: &mut dyn FnMut(Event) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        // In pages by row, so that `each` may read through the transaction between them.
        const BATCH: i64 = 1000;
        let mut after = 0i64;
        loop {
            let rows = self.rows(
                "SELECT id, doc, row FROM events WHERE row > $1 ORDER BY row LIMIT $2",
                &[&after, &BATCH],
            )?;
            let full = rows.len() as i64 == BATCH;
            for row in rows {
                after = row.try_get(2)?;
                each(reads::event(&row)?)?;
            }
            if !full {
                return Ok(());
            }
        }
    }

    fn changes_since(&self, generation: u64) -> Result<Option<Changes>, StoreError> {
        reads::changes_since(self, generation)
    }

    fn commit(self, change: &Change, at_ms: i64) -> Result<u64, StoreError> {
        let generation: i64 = self
            .row(
                "UPDATE annals_meta SET value = (value::bigint + 1)::text
                 WHERE key = 'generation' RETURNING value::bigint",
                &[],
            )?
            .ok_or(StoreError::Busy("the generation is missing"))?
            .try_get(0)?;
        self.exec(
            "INSERT INTO commits (gen, at, author, summary) VALUES ($1, $2, $3, $4)
             ON CONFLICT (gen) DO UPDATE SET at = excluded.at, author = excluded.author,
             summary = excluded.summary",
            &[&generation, &at_ms, &change.author, &change.summary],
        )?;
        self.exec(
            "SELECT pg_notify('annals_changes', $1)",
            &[&generation.to_string()],
        )?;
        self.flush()?;
        self.tx.into_inner().commit()?;
        Ok(generation as u64)
    }

    fn put_meta(&self, generation: u64, log_from: u64) -> Result<(), StoreError> {
        for (key, value) in [("generation", generation), ("log_from", log_from)] {
            self.exec(
                "UPDATE annals_meta SET value = $2 WHERE key = $1",
                &[&key, &value.to_string()],
            )?;
        }
        Ok(())
    }

    fn put_commit(&self, c: &crate::Commit) -> Result<(), StoreError> {
        self.exec(
            "INSERT INTO commits (gen, at, author, summary) VALUES ($1, $2, $3, $4)",
            &[&(c.generation as i64), &c.at_ms, &c.author, &c.summary],
        )?;
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
        self.exec(
            "INSERT INTO duplicates (a, b, score, reasons, status, gen)
             VALUES ($1, $2, $3, $4, $5, $6)",
            &[&a, &b, &score, &reasons, &status, &gen],
        )?;
        Ok(())
    }

    fn put_file(&self, file: &crate::files::StoredFile) -> Result<bool, StoreError> {
        self.flush()?;
        super::files::put(self, &file.picture, file.at, &file.author)
    }

    fn put_user(&self, u: &crate::copy::UserRow) -> Result<(), StoreError> {
        self.exec(
            "INSERT INTO users (key, name, password, role, created, disabled)
             VALUES ($1, $2, $3, $4, $5, $6)",
            &[
                &u.name.to_ascii_lowercase(),
                &u.name,
                &u.password,
                &u.role,
                &u.created,
                &u.disabled,
            ],
        )?;
        Ok(())
    }

    fn put_session(&self, s: &crate::copy::SessionRow) -> Result<(), StoreError> {
        self.exec(
            "INSERT INTO sessions (hash, username, csrf, created, expires) VALUES ($1, $2, $3, $4, $5)",
            &[&s.hash, &s.user, &s.csrf, &s.created, &s.expires],
        )?;
        Ok(())
    }

    fn put_token(&self, t: &crate::copy::TokenRow) -> Result<(), StoreError> {
        self.exec(
            "INSERT INTO tokens (id, hash, username, scope, label, created, revoked, last_used)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            &[
                &t.id,
                &t.hash,
                &t.user,
                &t.scope,
                &t.label,
                &t.created,
                &t.revoked,
                &t.last_used,
            ],
        )?;
        // Tokens come in order of their numbers: new ones are numbered after the last.
        self.exec(
            "SELECT setval(pg_get_serial_sequence('tokens', 'id'), $1)",
            &[&t.id],
        )?;
        Ok(())
    }

    fn put_redirect(&self, id: &str, target: &str, gen: i64) -> Result<(), StoreError> {
        self.exec(
            "INSERT INTO redirects (id, target, gen) VALUES ($1, $2, $3)",
            &[&id, &target, &gen],
        )?;
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
        let (kind, key) = (kind.name(), reads::key(name));
        self.exec(
            "INSERT INTO profiles (kind, key, name, doc, gen) VALUES ($1, $2, $3, $4, $5)",
            &[&kind, &key, &name, &json, &gen],
        )?;
        self.add_aliases(kind, &key, name, aliases)
    }

    fn put_profile_history(
        &self,
        kind: Kind,
        name: &str,
        gen: i64,
        json: Option<&str>,
    ) -> Result<(), StoreError> {
        self.exec(
            "INSERT INTO profile_history (kind, key, name, gen, doc) VALUES ($1, $2, $3, $4, $5)",
            &[&kind.name(), &reads::key(name), &name, &gen, &json],
        )?;
        Ok(())
    }

    fn put_story(&self, id: &str, json: &str, gen: i64) -> Result<(), StoreError> {
        super::stories::put(self, id, json, gen)
    }

    fn put_story_history(&self, id: &str, gen: i64, json: Option<&str>) -> Result<(), StoreError> {
        super::stories::put_history(self, id, gen, json)
    }

    fn finish(self) -> Result<(), StoreError> {
        self.flush()?;
        self.tx.into_inner().commit()?;
        Ok(())
    }
}
