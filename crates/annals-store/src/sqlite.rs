//! The SQLite backend: one file, WAL journal, versioned migrations.
//!
//! Each event is stored whole as its compact native JSON (`doc`, zstd-compressed since schema
//! version 2; rows written before stay text and read the same), with its day span (`lo`, `hi`)
//! for date filters and its relations in a side table. Place and participant filters are
//! applied to the decoded events (schema version 3 dropped their side tables).

use crate::migrations::{CURRENT, MIGRATIONS};
use crate::{EventStore, Filter, Stats, StoreError, Transaction, Written};
use annals_core::Event;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use std::path::Path;

/// An event store in one SQLite file.
pub struct SqliteStore {
    conn: Connection,
}

impl SqliteStore {
    /// Open (creating if needed) the database at `path` and bring its schema up to date.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        let conn = Connection::open(path)?;
        Self::setup(conn, &path.display().to_string())
    }

    /// A store in memory, for tests.
    pub fn in_memory() -> Result<SqliteStore, StoreError> {
        Self::setup(Connection::open_in_memory()?, ":memory:")
    }

    fn setup(mut conn: Connection, name: &str) -> Result<SqliteStore, StoreError> {
        let not_annals = |e: rusqlite::Error| match e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
                StoreError::NotAnnals(name.to_string())
            }
            e => StoreError::Sqlite(e),
        };
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        // Larger pages: fewer B-tree splits on bulk imports (only takes effect on a new file).
        conn.execute_batch("PRAGMA page_size = 16384;")
            .map_err(not_annals)?;
        conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
            .map_err(not_annals)?;
        conn.execute_batch(
            "PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -131072;",
        )?;
        let version: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > CURRENT {
            return Err(StoreError::TooNew {
                found: version,
                supported: CURRENT,
            });
        }
        if version == 0 {
            let tables: u32 =
                conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
            if tables > 0 {
                return Err(StoreError::NotAnnals(name.to_string()));
            }
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", i as u32 + 1)?;
            tx.commit()?;
        }
        Ok(SqliteStore { conn })
    }
}

fn decode(id: &str, doc: &str) -> Result<Event, StoreError> {
    serde_json::from_str(doc).map_err(|e| StoreError::Corrupt {
        id: id.to_string(),
        message: e.to_string(),
    })
}

fn encode(event: &Event) -> String {
    annals_core::json::to_compact_json(event)
}

/// zstd level of stored documents: fast, and about half the size of the JSON.
const LEVEL: i32 = 1;

/// The largest document a stored frame may claim to hold.
const MAX_DOC: u64 = 256 << 20;

/// Decompress a stored document, with one zstd context per thread (making one per document
/// cost more than decompressing it: a full scan ran at a third of its speed).
fn decompress(frame: &[u8]) -> std::io::Result<Vec<u8>> {
    use std::cell::RefCell;
    thread_local! {
        static CONTEXT: RefCell<Option<zstd::bulk::Decompressor<'static>>> =
            const { RefCell::new(None) };
    }
    let size = match zstd::zstd_safe::get_frame_content_size(frame) {
        Ok(Some(size)) if size <= MAX_DOC => size as usize,
        // Frames written by annals record their size; read any other the slow way.
        _ => return zstd::stream::decode_all(frame),
    };
    CONTEXT.with(|context| {
        let mut context = context.borrow_mut();
        let context = match context.as_mut() {
            Some(c) => c,
            None => context.insert(zstd::bulk::Decompressor::new()?),
        };
        context.decompress(frame, size)
    })
}

/// A stored document as JSON text: a zstd BLOB decompressed, or text as written before
/// schema version 2.
fn doc_text(id: &str, v: rusqlite::types::ValueRef<'_>) -> Result<String, StoreError> {
    let corrupt = |message: String| StoreError::Corrupt {
        id: id.to_string(),
        message,
    };
    match v {
        rusqlite::types::ValueRef::Text(t) => String::from_utf8(t.to_vec())
            .map_err(|_| corrupt("the stored document is not UTF-8".into())),
        rusqlite::types::ValueRef::Blob(b) => {
            let bytes = decompress(b)
                .map_err(|e| corrupt(format!("the stored document does not decompress: {e}")))?;
            String::from_utf8(bytes).map_err(|_| corrupt("the stored document is not UTF-8".into()))
        }
        _ => Err(corrupt("the stored document is missing".into())),
    }
}

impl EventStore for SqliteStore {
    fn transaction(&mut self) -> Result<Box<dyn Transaction + '_>, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let empty: bool =
            tx.query_row("SELECT NOT EXISTS (SELECT 1 FROM events)", [], |r| r.get(0))?;
        Ok(Box::new(SqliteTransaction {
            tx,
            fresh: empty.then(std::collections::HashSet::new),
            compressor: None,
        }))
    }

    fn get(&self, id: &str) -> Result<Option<Event>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT doc FROM events WHERE id = ?1")?;
        let mut rows = stmt.query([id])?;
        match rows.next()? {
            Some(row) => Ok(Some(decode(id, &doc_text(id, row.get_ref(0)?)?)?)),
            None => Ok(None),
        }
    }

    fn scan(
        &self,
        filter: &Filter,
        each: &mut dyn FnMut(Event) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut sql = String::from("SELECT id, doc FROM events WHERE 1");
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        if let Some((lo, hi)) = filter.days {
            args.push(hi.into());
            args.push(lo.into());
            sql.push_str(&format!(
                " AND lo <= ?{} AND hi >= ?{}",
                args.len() - 1,
                args.len()
            ));
        }
        sql.push_str(" ORDER BY sort, hi, rowid");
        let by_event = filter.place.is_some() || filter.participant.is_some();
        if let (Some(limit), false) = (filter.limit, by_event) {
            sql.push_str(&format!(" LIMIT {limit}"));
        }
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(args))?;
        let mut left = filter.limit.unwrap_or(usize::MAX);
        while let Some(row) = rows.next()? {
            if left == 0 {
                break;
            }
            let id: String = row.get(0)?;
            let event = decode(&id, &doc_text(&id, row.get_ref(1)?)?)?;
            if filter.matches(&event) {
                left -= 1;
                each(event)?;
            }
        }
        Ok(())
    }

    fn generation(&self) -> Result<u64, StoreError> {
        let g: Option<i64> = self
            .conn
            .query_row(
                "SELECT CAST(value AS INTEGER) FROM annals_meta WHERE key = 'generation'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        Ok(g.unwrap_or(0) as u64)
    }

    fn write_in_progress(&self) -> Result<bool, StoreError> {
        self.conn.busy_timeout(std::time::Duration::ZERO)?;
        let probe = self.conn.execute_batch("BEGIN IMMEDIATE; ROLLBACK;");
        self.conn.busy_timeout(std::time::Duration::from_secs(10))?;
        match probe {
            Ok(()) => Ok(false),
            Err(rusqlite::Error::SqliteFailure(f, _))
                if f.code == rusqlite::ErrorCode::DatabaseBusy =>
            {
                Ok(true)
            }
            Err(e) => Err(e.into()),
        }
    }

    fn stats(&self) -> Result<Stats, StoreError> {
        let count = |sql: &str| -> Result<u64, StoreError> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
        };
        // Documents may be compressed, so places and participants are counted here, not in SQL.
        let mut places = std::collections::HashSet::new();
        let mut people = std::collections::HashSet::new();
        self.scan(&Filter::default(), &mut |e| {
            for p in &e.places {
                places.insert((p.name.to_lowercase(), p.country.to_lowercase()));
            }
            for p in &e.participants {
                people.insert(p.name.to_lowercase());
            }
            Ok(())
        })?;
        let span: (Option<i64>, Option<i64>) = self.conn.query_row(
            "SELECT (SELECT min(lo) FROM events WHERE lo > -9223372036854775808),
                    (SELECT max(hi) FROM events WHERE hi < 9223372036854775807)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(Stats {
            events: count("SELECT count(*) FROM events")?,
            places: places.len() as u64,
            participants: people.len() as u64,
            relations: count("SELECT count(*) FROM relations")?,
            span: match span {
                (Some(a), Some(b)) => Some((a, b)),
                _ => None,
            },
            schema_version: self
                .conn
                .query_row("PRAGMA user_version", [], |r| r.get(0))?,
        })
    }
}

struct SqliteTransaction<'a> {
    tx: rusqlite::Transaction<'a>,
    /// When the store was empty at the start: the ids written since. An id not in it cannot be
    /// stored yet, which saves a lookup per event on a first import.
    fresh: Option<std::collections::HashSet<String>>,
    /// One zstd context for the whole transaction (making one per document costs more than
    /// compressing it).
    compressor: Option<zstd::bulk::Compressor<'static>>,
}

impl SqliteTransaction<'_> {
    /// The stored form of a document.
    fn compress(&mut self, doc: &str) -> Result<Vec<u8>, StoreError> {
        let failed = |e: std::io::Error| StoreError::Corrupt {
            id: String::new(),
            message: format!("compression failed: {e}"),
        };
        let c = match &mut self.compressor {
            Some(c) => c,
            None => self
                .compressor
                .insert(zstd::bulk::Compressor::new(LEVEL).map_err(failed)?),
        };
        c.compress(doc.as_bytes()).map_err(failed)
    }

    /// The stored row of an event: its rowid and document.
    fn stored(&self, id: &str) -> Result<Option<(i64, String)>, StoreError> {
        if self
            .fresh
            .as_ref()
            .is_some_and(|written| !written.contains(id))
        {
            return Ok(None);
        }
        let mut stmt = self
            .tx
            .prepare_cached("SELECT rowid, doc FROM events WHERE id = ?1")?;
        let mut rows = stmt.query([id])?;
        match rows.next()? {
            Some(row) => Ok(Some((row.get(0)?, doc_text(id, row.get_ref(1)?)?))),
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

    /// Insert an event, or replace the stored one (`old`: its rowid and document).
    fn write(
        &mut self,
        event: &Event,
        doc: &str,
        old: Option<(i64, &str)>,
    ) -> Result<(), StoreError> {
        if let Some(written) = &mut self.fresh {
            written.insert(event.id.clone());
        }
        let (lo, hi) = event.date.axis_range();
        let (sort, _) = event.date.sort_key();
        let doc = self.compress(doc)?;
        let rowid = match old {
            Some((rowid, old_doc)) => {
                self.side_rows(rowid, &decode(&event.id, old_doc)?, false)?;
                self.tx
                    .prepare_cached(
                        "UPDATE events SET lo = ?2, hi = ?3, sort = ?4, doc = ?5 WHERE rowid = ?1",
                    )?
                    .execute(params![rowid, lo, hi, sort, doc])?;
                rowid
            }
            None => {
                self.tx
                    .prepare_cached(
                        "INSERT INTO events (id, lo, hi, sort, doc) VALUES (?1, ?2, ?3, ?4, ?5)",
                    )?
                    .execute(params![event.id, lo, hi, sort, doc])?;
                self.tx.last_insert_rowid()
            }
        };
        self.side_rows(rowid, event, true)
    }
}

impl Transaction for SqliteTransaction<'_> {
    fn upsert(&mut self, event: &Event) -> Result<Written, StoreError> {
        let doc = encode(event);
        match self.stored(&event.id)? {
            Some((_, old)) if old == doc => Ok(Written::Unchanged),
            Some((rowid, old)) => {
                self.write(event, &doc, Some((rowid, &old)))?;
                Ok(Written::Updated)
            }
            None => {
                self.write(event, &doc, None)?;
                Ok(Written::Created)
            }
        }
    }

    fn upsert_stub(&mut self, event: &Event) -> Result<Written, StoreError> {
        let Some((rowid, old)) = self.stored(&event.id)? else {
            self.write(event, &encode(event), None)?;
            return Ok(Written::Created);
        };
        let mut stored = decode(&event.id, &old)?;
        let before = stored.related.len();
        for r in &event.related {
            stored.relate(&r.id, &r.kind);
        }
        if stored.related.len() == before {
            return Ok(Written::Unchanged);
        }
        self.write(&stored, &encode(&stored), Some((rowid, &old)))?;
        Ok(Written::Merged)
    }

    fn delete(&mut self, id: &str) -> Result<bool, StoreError> {
        let Some((rowid, old)) = self.stored(id)? else {
            return Ok(false);
        };
        self.side_rows(rowid, &decode(id, &old)?, false)?;
        self.tx
            .prepare_cached("DELETE FROM events WHERE rowid = ?1")?
            .execute([rowid])?;
        Ok(true)
    }

    fn get(&self, id: &str) -> Result<Option<Event>, StoreError> {
        self.stored(id)?
            .map(|(_, doc)| decode(id, &doc))
            .transpose()
    }

    fn next_generation(&self) -> Result<u64, StoreError> {
        let g: Option<i64> = self
            .tx
            .query_row(
                "SELECT CAST(value AS INTEGER) FROM annals_meta WHERE key = 'generation'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        Ok(g.unwrap_or(0) as u64 + 1)
    }

    fn commit(self: Box<Self>) -> Result<u64, StoreError> {
        let generation: i64 = self.tx.query_row(
            "INSERT INTO annals_meta (key, value) VALUES ('generation', 1) \
             ON CONFLICT (key) DO UPDATE SET value = value + 1 RETURNING CAST(value AS INTEGER)",
            [],
            |r| r.get(0),
        )?;
        self.tx.commit()?;
        Ok(generation as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::list;
    use annals_core::RawEvent;
    use annals_dates::CalendarHint;

    fn event(json: &str) -> Event {
        serde_json::from_str::<RawEvent>(json)
            .unwrap()
            .into_event(CalendarHint::Auto)
            .unwrap()
    }

    #[test]
    fn write_read_filter() {
        let mut s = SqliteStore::in_memory().unwrap();
        let a = event(
            r#"{"title": "A", "date": "1960-01-19", "places": [{"name": "Washington, D.C.", "country": "United States"}], "participants": [{"name": "Japanese government"}]}"#,
        );
        let b = event(
            r#"{"title": "B", "date": {"text": "March 15, 44 BC"}, "places": [{"name": "Rome", "country": "Italy"}]}"#,
        );
        let mut tx = s.transaction().unwrap();
        assert_eq!(tx.upsert(&a).unwrap(), Written::Created);
        assert_eq!(tx.upsert(&b).unwrap(), Written::Created);
        assert_eq!(tx.upsert(&a).unwrap(), Written::Unchanged);
        tx.commit().unwrap();
        assert_eq!(s.get("a-1960").unwrap().unwrap(), a);
        let all = list(&s, &Filter::default()).unwrap();
        assert_eq!(
            all.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
            ["b-44-bc", "a-1960"]
        );
        let by_place = |p: &str| {
            list(
                &s,
                &Filter {
                    place: Some(p.into()),
                    ..Filter::default()
                },
            )
            .unwrap()
            .len()
        };
        assert_eq!(by_place("washington, d.c."), 1);
        assert_eq!(by_place("Washington, D.C., United States"), 1);
        assert_eq!(by_place("Italy"), 1);
        assert_eq!(by_place("Paris"), 0);
        let who = list(
            &s,
            &Filter {
                participant: Some("japanese GOVERNMENT".into()),
                ..Filter::default()
            },
        )
        .unwrap();
        assert_eq!(who.len(), 1);
        let stats = s.stats().unwrap();
        assert_eq!(
            (
                stats.events,
                stats.places,
                stats.participants,
                stats.schema_version
            ),
            (2, 2, 1, CURRENT)
        );
    }

    #[test]
    fn delete_removes_side_rows() {
        let mut s = SqliteStore::in_memory().unwrap();
        let a = event(r#"{"title": "A", "date": "1960", "participants": [{"name": "X"}]}"#);
        let mut tx = s.transaction().unwrap();
        tx.upsert(&a).unwrap();
        assert!(tx.delete("a-1960").unwrap());
        assert!(!tx.delete("a-1960").unwrap());
        tx.commit().unwrap();
        let st = s.stats().unwrap();
        assert_eq!((st.events, st.participants), (0, 0));
    }

    #[test]
    fn generations_advance_per_commit() {
        let mut s = SqliteStore::in_memory().unwrap();
        assert_eq!(s.generation().unwrap(), 0);
        let tx = s.transaction().unwrap();
        assert_eq!(tx.next_generation().unwrap(), 1);
        assert_eq!(tx.commit().unwrap(), 1);
        let mut tx = s.transaction().unwrap();
        tx.upsert(&event(r#"{"title": "A", "date": "1960"}"#))
            .unwrap();
        assert_eq!(tx.get("a-1960").unwrap().unwrap().title, "A");
        assert_eq!(tx.commit().unwrap(), 2);
        assert_eq!(s.generation().unwrap(), 2);
        drop(s.transaction().unwrap());
        assert_eq!(s.generation().unwrap(), 2);
    }

    #[test]
    fn sees_a_writer_in_another_connection() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.db");
        let mut a = SqliteStore::open(&path).unwrap();
        let b = SqliteStore::open(&path).unwrap();
        assert!(!b.write_in_progress().unwrap());
        let tx = a.transaction().unwrap();
        assert!(b.write_in_progress().unwrap());
        drop(tx);
        assert!(!b.write_in_progress().unwrap());
    }

    #[test]
    fn dropped_transaction_writes_nothing() {
        let mut s = SqliteStore::in_memory().unwrap();
        {
            let mut tx = s.transaction().unwrap();
            tx.upsert(&event(r#"{"title": "A", "date": "1960"}"#))
                .unwrap();
        }
        assert_eq!(s.stats().unwrap().events, 0);
    }

    #[test]
    fn stubs_never_overwrite() {
        let mut s = SqliteStore::in_memory().unwrap();
        let full =
            event(r#"{"title": "A", "date": "1960", "summary": "Full.", "body": ["Long story."]}"#);
        let stub = event(
            r#"{"title": "A", "date": "1960", "summary": "Short.", "related": [{"id": "b-1961", "kind": "related"}]}"#,
        );
        let mut tx = s.transaction().unwrap();
        tx.upsert(&full).unwrap();
        assert_eq!(tx.upsert_stub(&stub).unwrap(), Written::Merged);
        assert_eq!(tx.upsert_stub(&stub).unwrap(), Written::Unchanged);
        tx.commit().unwrap();
        let got = s.get("a-1960").unwrap().unwrap();
        assert_eq!(got.summary, "Full.");
        assert_eq!(got.related.len(), 1);
    }

    #[test]
    fn refuses_other_files() {
        let dir = tempfile::tempdir().unwrap();
        let text = dir.path().join("notes.txt");
        std::fs::write(
            &text,
            "not a database at all, just some text that is long enough to matter",
        )
        .unwrap();
        assert!(matches!(
            SqliteStore::open(&text),
            Err(StoreError::NotAnnals(_))
        ));
        let other = dir.path().join("other.db");
        Connection::open(&other)
            .unwrap()
            .execute_batch("CREATE TABLE t (x)")
            .unwrap();
        assert!(matches!(
            SqliteStore::open(&other),
            Err(StoreError::NotAnnals(_))
        ));
        let newer = dir.path().join("newer.db");
        Connection::open(&newer)
            .unwrap()
            .execute_batch("PRAGMA user_version = 99")
            .unwrap();
        assert!(matches!(
            SqliteStore::open(&newer),
            Err(StoreError::TooNew { found: 99, .. })
        ));
    }
}
