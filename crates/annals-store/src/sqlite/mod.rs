//! The SQLite backend: one file, WAL journal, versioned migrations.
//!
//! Each event is stored whole as its compact native JSON ([`codec`]), with its day span (`lo`,
//! `hi`) for date filters, the generation that last wrote it (`gen`: the change log), where it
//! was imported from (`origin`), and its relations in a side table. Replaced states go to
//! `history`, deleted ids to `tombstones`, and each generation's author, time and summary to
//! `commits` ([`tx`] writes them all). Place and participant filters are applied to the
//! decoded events.
//!
//! Durability: `synchronous = FULL`, so a committed transaction (an acknowledged HTTP write,
//! a finished import) survives a power failure, not only a crash of the process; each commit
//! costs one more fsync, which an import pays once.

mod accounts;
mod codec;
mod dump;
mod files;
mod log;
mod profiles;
mod stories;
mod tx;

use crate::migrations::{CURRENT, MIGRATIONS};
use crate::{
    Alias, Change, Changes, Duplicate, EventStore, Filter, Page, ProfileRevision, Provenance,
    Recent, Revision, Stats, StoreError, Transaction, Verdict,
};
use annals_core::profile::{Kind, Profile};
use annals_core::Event;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use std::path::Path;

/// An event store in one SQLite file.
pub struct SqliteStore {
    conn: Connection,
}

/// How long a connection waits for another's write lock before giving up.
const BUSY: std::time::Duration = std::time::Duration::from_secs(10);

impl SqliteStore {
    /// Open (creating if needed) the database at `path` and bring its schema up to date, with
    /// a page cache of 128 MB (for imports and commands).
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        Self::open_with_cache(path, 128)
    }

    /// [`SqliteStore::open`] with a page cache of `mb` megabytes: a server keeps several
    /// connections for reading, each with a small cache.
    pub fn open_with_cache(path: &Path, mb: u32) -> Result<SqliteStore, StoreError> {
        let conn = Connection::open(path)?;
        let store = Self::setup(conn, &path.display().to_string())?;
        store
            .conn
            .pragma_update(None, "cache_size", -1024 * i64::from(mb.max(1)))?;
        Ok(store)
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
        conn.busy_timeout(BUSY)?;
        // Larger pages: fewer B-tree splits on bulk imports (only takes effect on a new file).
        conn.execute_batch("PRAGMA page_size = 16384;")
            .map_err(not_annals)?;
        conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
            .map_err(not_annals)?;
        conn.execute_batch(
            "PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -131072;",
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

    /// Copy the whole database into the new file `to` while others may keep writing (SQLite's
    /// online backup API, in one step: the copy is one consistent state). Returns the copy's
    /// generation.
    pub fn backup_to(&self, to: &Path) -> Result<u64, StoreError> {
        let mut dest = Connection::open(to)?;
        {
            use rusqlite::backup::{Backup, StepResult};
            let backup = Backup::new(&self.conn, &mut dest)?;
            // All pages in one step: one read transaction, so one consistent state. A step
            // that finds the source busy is tried again.
            let mut tries = 0;
            while backup.step(-1)? != StepResult::Done {
                tries += 1;
                if tries == 1000 {
                    return Err(StoreError::Busy(
                        "the database stayed busy during the backup",
                    ));
                }
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
        }
        generation(&dest)
    }
}

/// The current generation, as `conn` sees it.
fn generation(conn: &Connection) -> Result<u64, StoreError> {
    let g: Option<i64> = conn
        .query_row(
            "SELECT CAST(value AS INTEGER) FROM annals_meta WHERE key = 'generation'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    Ok(g.unwrap_or(0) as u64)
}

/// One event, as `conn` sees it.
fn get(conn: &Connection, id: &str) -> Result<Option<Event>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT doc FROM events WHERE id = ?1")?;
    let mut rows = stmt.query([id])?;
    match rows.next()? {
        Some(row) => Ok(Some(codec::read(conn, id, row.get_ref(0)?)?)),
        None => Ok(None),
    }
}

/// Where an event was imported from, as `conn` sees it.
/// The events whose relations name `id`, with the relation's kind.
fn linking(conn: &Connection, id: &str, limit: usize) -> Result<Vec<(Event, String)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.id, e.doc, r.kind FROM relations r JOIN events e ON e.rowid = r.event
         WHERE r.other_id = ?1 ORDER BY e.sort, e.hi, e.rowid LIMIT ?2",
    )?;
    let mut rows = stmt.query(params![id, limit.min(i64::MAX as usize) as i64])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let other: String = row.get(0)?;
        out.push((codec::read(conn, &other, row.get_ref(1)?)?, row.get(2)?));
    }
    Ok(out)
}

fn provenance(conn: &Connection, id: &str) -> Result<Option<Provenance>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT origin, stub FROM events WHERE id = ?1")?
        .query_row([id], |r| {
            Ok(Provenance {
                origin: r.get(0)?,
                stub: r.get(1)?,
            })
        })
        .optional()?)
}

impl EventStore for SqliteStore {
    fn transaction(&mut self, change: &Change) -> Result<Box<dyn Transaction + '_>, StoreError> {
        let (rows, base) = tx::SqliteRows::begin(&mut self.conn)?;
        Ok(Box::new(crate::write::Writes::new(rows, base, change)?))
    }

    fn get(&self, id: &str) -> Result<Option<Event>, StoreError> {
        get(&self.conn, id)
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
            let event = codec::read(&self.conn, &id, row.get_ref(1)?)?;
            if filter.matches(&event) {
                left -= 1;
                each(event)?;
            }
        }
        Ok(())
    }

    fn generation(&self) -> Result<u64, StoreError> {
        generation(&self.conn)
    }

    fn page(&self, cursor: Option<&str>, limit: usize) -> Result<Page, StoreError> {
        let after = crate::after(cursor)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, doc, sort, hi, rowid FROM events WHERE (sort, hi, rowid) > (?1, ?2, ?3)
             ORDER BY sort, hi, rowid LIMIT ?4",
        )?;
        let limit = limit.clamp(1, 1_000_000);
        let mut rows = stmt.query(params![after.0, after.1, after.2, limit as i64 + 1])?;
        let mut events = Vec::new();
        let mut last = None;
        while let Some(row) = rows.next()? {
            if events.len() == limit {
                let next = last.map(crate::cursor);
                return Ok(Page { events, next });
            }
            let id: String = row.get(0)?;
            events.push(codec::read(&self.conn, &id, row.get_ref(1)?)?);
            last = Some((row.get(2)?, row.get(3)?, row.get(4)?));
        }
        Ok(Page { events, next: None })
    }

    fn linking(&self, id: &str, limit: usize) -> Result<Vec<(Event, String)>, StoreError> {
        linking(&self.conn, id, limit)
    }

    fn neighbours(&self, id: &str) -> Result<(Option<Event>, Option<Event>), StoreError> {
        let key: Option<(i64, i64, i64)> = self
            .conn
            .prepare_cached("SELECT sort, hi, rowid FROM events WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let Some((sort, hi, rowid)) = key else {
            return Ok((None, None));
        };
        let one = |sql: &str| -> Result<Option<Event>, StoreError> {
            let mut stmt = self.conn.prepare_cached(sql)?;
            let mut rows = stmt.query(params![sort, hi, rowid])?;
            match rows.next()? {
                Some(row) => {
                    let id: String = row.get(0)?;
                    Ok(Some(codec::read(&self.conn, &id, row.get_ref(1)?)?))
                }
                None => Ok(None),
            }
        };
        Ok((
            one(
                "SELECT id, doc FROM events WHERE (sort, hi, rowid) < (?1, ?2, ?3)
                 ORDER BY sort DESC, hi DESC, rowid DESC LIMIT 1",
            )?,
            one(
                "SELECT id, doc FROM events WHERE (sort, hi, rowid) > (?1, ?2, ?3)
                 ORDER BY sort, hi, rowid LIMIT 1",
            )?,
        ))
    }

    fn count(&self) -> Result<u64, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM events", [], |r| r.get::<_, i64>(0))?
            as u64)
    }

    fn changes_since(&self, generation: u64) -> Result<Option<Changes>, StoreError> {
        log::changes_since(&self.conn, generation)
    }

    fn history(&self, id: &str) -> Result<Vec<Revision>, StoreError> {
        log::history(&self.conn, id)
    }

    fn recent(&self, limit: usize) -> Result<Vec<Recent>, StoreError> {
        log::recent(&self.conn, limit)
    }

    fn provenance(&self, id: &str) -> Result<Option<Provenance>, StoreError> {
        provenance(&self.conn, id)
    }

    fn open_duplicates(&self, limit: usize) -> Result<Vec<Duplicate>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a, b, score, reasons FROM duplicates WHERE status = 'open'
             ORDER BY score DESC, gen DESC, a, b LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit.min(i64::MAX as usize) as i64], |r| {
            Ok(Duplicate {
                a: r.get(0)?,
                b: r.get(1)?,
                score: r.get(2)?,
                reasons: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn duplicate_status(&self, a: &str, b: &str) -> Result<Option<Verdict>, StoreError> {
        let (a, b) = crate::pair(a, b);
        let status: Option<String> = self
            .conn
            .prepare_cached("SELECT status FROM duplicates WHERE a = ?1 AND b = ?2")?
            .query_row([a, b], |r| r.get(0))
            .optional()?;
        Ok(status.as_deref().and_then(Verdict::from_name))
    }

    fn redirect(&self, id: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT target FROM redirects WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?)
    }

    fn aliases(&self) -> Result<Vec<Alias>, StoreError> {
        profiles::aliases(&self.conn)
    }

    fn profile(&self, kind: Kind, name: &str) -> Result<Option<(String, Profile)>, StoreError> {
        profiles::get(&self.conn, kind, name)
    }

    fn name_for(&self, kind: Kind, alias: &str) -> Result<Option<String>, StoreError> {
        profiles::name_for(&self.conn, kind, alias)
    }

    fn profile_history(&self, kind: Kind, name: &str) -> Result<Vec<ProfileRevision>, StoreError> {
        profiles::history(&self.conn, kind, name)
    }

    fn story(&self, id: &str) -> Result<Option<crate::StoredStory>, StoreError> {
        crate::stories::stored(id, stories::row(&self.conn, id)?)
    }

    fn stories(
        &self,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Vec<crate::StoredStory>, StoreError> {
        stories::list(&self.conn, after, limit)
    }

    fn story_history(&self, id: &str) -> Result<Vec<crate::StoryRevision>, StoreError> {
        stories::history(&self.conn, id)
    }

    fn file_info(&self, hash: &str) -> Result<Option<crate::files::FileInfo>, StoreError> {
        files::info(&self.conn, hash)
    }

    fn file(
        &self,
        hash: &str,
        width: Option<u32>,
    ) -> Result<Option<crate::files::FileBytes>, StoreError> {
        files::bytes(&self.conn, hash, width)
    }

    fn put_file(
        &self,
        picture: &annals_core::media::Picture,
        author: &str,
    ) -> Result<bool, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let added = files::put(&tx, picture, crate::accounts::now_ms(), author)?;
        tx.commit()?;
        Ok(added)
    }

    fn accounts(&self) -> crate::accounts::Accounts<'_> {
        crate::accounts::Accounts::new(self)
    }

    fn dump(
        &self,
        each: &mut dyn FnMut(crate::copy::Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        dump::dump(&self.conn, true, each)
    }

    fn dump_records(
        &self,
        each: &mut dyn FnMut(crate::copy::Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        dump::dump(&self.conn, false, each)
    }

    fn file_hashes(&self) -> Result<Vec<String>, StoreError> {
        files::hashes(&self.conn)
    }

    fn remove_file(&self, hash: &str) -> Result<bool, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let removed = files::remove(&tx, hash)?;
        tx.commit()?;
        Ok(removed)
    }

    fn load(&mut self) -> Result<Box<dyn crate::copy::Load + '_>, StoreError> {
        let (rows, base) = tx::SqliteRows::begin(&mut self.conn)?;
        Ok(Box::new(crate::copy::Loader::new(rows, base)?))
    }

    fn stats(&self) -> Result<Stats, StoreError> {
        let count = |sql: &str| -> Result<u64, StoreError> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
        };
        let (places, participants) = crate::count_names(self)?;
        let span: (Option<i64>, Option<i64>) = self.conn.query_row(
            "SELECT (SELECT min(lo) FROM events WHERE lo > -9223372036854775808),
                    (SELECT max(hi) FROM events WHERE hi < 9223372036854775807)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(Stats {
            events: self.count()?,
            places,
            participants,
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

#[cfg(test)]
mod tests;
