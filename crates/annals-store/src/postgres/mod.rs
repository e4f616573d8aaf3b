//! The PostgreSQL backend: the store many annals nodes share (`--db postgres://…`).
//!
//! The same tables as SQLite's (see [`schema`]), the same write rules ([`crate::write`]):
//! each event stored whole as its compact native JSON with its day span, the generation that
//! last wrote it, its relations in a side table; replaced states in `history`, deleted ids in
//! `tombstones`, each generation's author, time and summary in `commits`.
//!
//! Writers are serialised by an advisory lock taken when a transaction begins (SQLite's
//! `BEGIN IMMEDIATE`), across every connection and every node: the generation a transaction
//! starts from is the one it commits after, and generations commit in order, so the change
//! log (`events.gen`, `tombstones.gen`) is what a node's index catches up from. Readers never
//! wait for writers (MVCC). A commit also sends `NOTIFY annals_changes` with its generation.
//! New event rows go by binary `COPY`, thousands at a time ([`tx`]): an import into an empty
//! database runs at SQLite's speed.

mod accounts;
mod dump;
mod files;
mod reads;
mod schema;
mod stories;
mod tx;

use crate::{
    Alias, Change, Changes, Duplicate, EventStore, Filter, Page, ProfileRevision, Provenance,
    Recent, Revision, Stats, StoreError, Transaction, Verdict,
};
use annals_core::profile::{Kind, Profile};
use annals_core::Event;
use postgres::types::ToSql;
use postgres::{Client, GenericClient, NoTls, Row, Statement};
use std::cell::RefCell;
use std::collections::HashMap;

/// An event store in a PostgreSQL database.
pub struct PostgresStore {
    /// Where to connect (again, after the server went away).
    url: String,
    /// The connection (`None` only while the store is dropped).
    client: RefCell<Option<Client>>,
    statements: Statements,
}

/// The client closes its connection by blocking on a runtime of its own, which cannot happen
/// on a thread that drives another (a server's): there, it is closed on a thread of its own.
impl Drop for PostgresStore {
    fn drop(&mut self) {
        if let Some(client) = self.client.get_mut().take() {
            if tokio::runtime::Handle::try_current().is_ok() {
                std::thread::spawn(move || drop(client));
            }
        }
    }
}

/// Statements prepared on the connection, by their SQL (each is parsed and planned once).
#[derive(Default)]
struct Statements(RefCell<HashMap<&'static str, Statement>>);

impl Statements {
    fn get(
        &self,
        client: &mut impl GenericClient,
        sql: &'static str,
    ) -> Result<Statement, StoreError> {
        if let Some(s) = self.0.borrow().get(sql) {
            return Ok(s.clone());
        }
        let s = client.prepare(sql)?;
        self.0.borrow_mut().insert(sql, s.clone());
        Ok(s)
    }
}

/// Parameters of a statement.
type Params<'a> = &'a [&'a (dyn ToSql + Sync)];

/// What SQL runs on: the store's connection, or a write transaction.
trait Sql {
    /// Every row `sql` gives.
    fn rows(&self, sql: &'static str, params: Params<'_>) -> Result<Vec<Row>, StoreError>;
    /// Run `sql`; the number of rows it touched.
    fn exec(&self, sql: &'static str, params: Params<'_>) -> Result<u64, StoreError>;
    /// The first row `sql` gives, if any.
    fn row(&self, sql: &'static str, params: Params<'_>) -> Result<Option<Row>, StoreError> {
        Ok(self.rows(sql, params)?.into_iter().next())
    }
}

impl PostgresStore {
    /// The connection: connected again when the server closed it (a restart, a failover), so
    /// that a request after the one that failed works again.
    fn client(&self) -> Result<std::cell::RefMut<'_, Client>, StoreError> {
        let mut slot = self.client.borrow_mut();
        connected(&self.url, &mut slot, &self.statements)?;
        std::cell::RefMut::filter_map(slot, Option::as_mut)
            .map_err(|_| StoreError::Busy("the connection is closed"))
    }
}

/// The connection in `slot`, connected again if the server closed it; the statements
/// prepared on the old one are forgotten.
fn connected<'a>(
    url: &str,
    slot: &'a mut Option<Client>,
    statements: &Statements,
) -> Result<&'a mut Client, StoreError> {
    if slot.as_ref().is_some_and(Client::is_closed) {
        statements.0.borrow_mut().clear();
        *slot = Some(Client::connect(url, NoTls)?);
    }
    slot.as_mut()
        .ok_or(StoreError::Busy("the connection is closed"))
}

impl Sql for PostgresStore {
    fn rows(&self, sql: &'static str, params: Params<'_>) -> Result<Vec<Row>, StoreError> {
        let mut client = self.client()?;
        let st = self.statements.get(&mut *client, sql)?;
        Ok(client.query(&st, params)?)
    }

    fn exec(&self, sql: &'static str, params: Params<'_>) -> Result<u64, StoreError> {
        let mut client = self.client()?;
        let st = self.statements.get(&mut *client, sql)?;
        Ok(client.execute(&st, params)?)
    }
}

/// Whether `db` names a PostgreSQL database (`postgres://…` or `postgresql://…`) rather than
/// a file.
pub fn is_postgres(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

/// The URL without its password, to show in messages and logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            match userinfo.find(':') {
                Some(colon) => format!(
                    "{}{}:***{}",
                    &url[..scheme + 3],
                    &userinfo[..colon],
                    &url[at..]
                ),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

impl PostgresStore {
    /// Connect to the database at `url` (`postgres://user:password@host:port/dbname`, or
    /// PostgreSQL's `key=value` form) and bring its schema up to date. The database must be
    /// empty or an annals database.
    pub fn connect(url: &str) -> Result<PostgresStore, StoreError> {
        let mut client = Client::connect(url, NoTls)?;
        schema::migrate(&mut client, &redact(url))?;
        Ok(PostgresStore {
            url: url.to_string(),
            client: RefCell::new(Some(client)),
            statements: Statements::default(),
        })
    }
}

impl PostgresStore {
    /// Every row (with the stored pictures or without), from one snapshot, whatever writers
    /// do meanwhile.
    fn dump_snapshot(
        &self,
        with_files: bool,
        each: &mut dyn FnMut(crate::copy::Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut client = self.client()?;
        let tx = client
            .build_transaction()
            .isolation_level(postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()?;
        let rows = tx::PgRows::reading(tx, &self.statements);
        dump::dump(&rows, with_files, each)
    }
}

impl EventStore for PostgresStore {
    fn dump(
        &self,
        each: &mut dyn FnMut(crate::copy::Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        self.dump_snapshot(true, each)
    }

    fn dump_records(
        &self,
        each: &mut dyn FnMut(crate::copy::Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        self.dump_snapshot(false, each)
    }

    fn file_hashes(&self) -> Result<Vec<String>, StoreError> {
        files::hashes(self)
    }

    fn remove_file(&self, hash: &str) -> Result<bool, StoreError> {
        files::remove(self, hash)
    }

    fn load(&mut self) -> Result<Box<dyn crate::copy::Load + '_>, StoreError> {
        let statements = &self.statements;
        let client = connected(&self.url, self.client.get_mut(), statements)?;
        let (rows, base) = tx::PgRows::begin(client, statements)?;
        Ok(Box::new(crate::copy::Loader::new(rows, base)?))
    }

    fn transaction(&mut self, change: &Change) -> Result<Box<dyn Transaction + '_>, StoreError> {
        let statements = &self.statements;
        let client = connected(&self.url, self.client.get_mut(), statements)?;
        let (rows, base) = tx::PgRows::begin(client, statements)?;
        Ok(Box::new(crate::write::Writes::new(rows, base, change)?))
    }

    fn get(&self, id: &str) -> Result<Option<Event>, StoreError> {
        reads::get(self, id)
    }

    fn file_info(&self, hash: &str) -> Result<Option<crate::files::FileInfo>, StoreError> {
        files::info(self, hash)
    }

    fn file(
        &self,
        hash: &str,
        width: Option<u32>,
    ) -> Result<Option<crate::files::FileBytes>, StoreError> {
        files::bytes(self, hash, width)
    }

    fn put_file(
        &self,
        picture: &annals_core::media::Picture,
        author: &str,
    ) -> Result<bool, StoreError> {
        files::put(self, picture, crate::accounts::now_ms(), author)
    }

    fn accounts(&self) -> crate::accounts::Accounts<'_> {
        crate::accounts::Accounts::new(self)
    }

    fn scan(
        &self,
        filter: &Filter,
        each: &mut dyn FnMut(Event) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let (lo, hi) = filter.days.unwrap_or((i64::MIN, i64::MAX));
        let mut left = filter.limit.unwrap_or(usize::MAX);
        let mut after = crate::after(None)?;
        // Pages of rows in chronological order: a long scan holds neither a cursor open nor
        // the connection between pages.
        const BATCH: i64 = 1000;
        loop {
            let rows = self.rows(
                "SELECT id, doc, sort, hi, row FROM events
                 WHERE lo <= $1 AND hi >= $2 AND (sort, hi, row) > ($3, $4, $5)
                 ORDER BY sort, hi, row LIMIT $6",
                &[&hi, &lo, &after.0, &after.1, &after.2, &BATCH],
            )?;
            let full = rows.len() as i64 == BATCH;
            for row in rows {
                if left == 0 {
                    return Ok(());
                }
                after = (row.try_get(2)?, row.try_get(3)?, row.try_get(4)?);
                let event = reads::event(&row)?;
                if filter.matches(&event) {
                    left -= 1;
                    each(event)?;
                }
            }
            if !full {
                return Ok(());
            }
        }
    }

    fn page(&self, cursor: Option<&str>, limit: usize) -> Result<Page, StoreError> {
        let after = crate::after(cursor)?;
        let limit = limit.clamp(1, 1_000_000);
        let rows = self.rows(
            "SELECT id, doc, sort, hi, row FROM events WHERE (sort, hi, row) > ($1, $2, $3)
             ORDER BY sort, hi, row LIMIT $4",
            &[&after.0, &after.1, &after.2, &(limit as i64 + 1)],
        )?;
        let mut events = Vec::new();
        let mut last = None;
        for row in rows {
            if events.len() == limit {
                return Ok(Page {
                    events,
                    next: last.map(crate::cursor),
                });
            }
            events.push(reads::event(&row)?);
            last = Some((row.try_get(2)?, row.try_get(3)?, row.try_get(4)?));
        }
        Ok(Page { events, next: None })
    }

    fn linking(&self, id: &str, limit: usize) -> Result<Vec<(Event, String)>, StoreError> {
        reads::linking(self, id, limit)
    }

    fn neighbours(&self, id: &str) -> Result<(Option<Event>, Option<Event>), StoreError> {
        let Some(key) = self.row("SELECT sort, hi, row FROM events WHERE id = $1", &[&id])? else {
            return Ok((None, None));
        };
        let (sort, hi, row): (i64, i64, i64) = (key.try_get(0)?, key.try_get(1)?, key.try_get(2)?);
        let one = |row: Option<Row>| row.map(|r| reads::event(&r)).transpose();
        Ok((
            one(self.row(
                "SELECT id, doc FROM events WHERE (sort, hi, row) < ($1, $2, $3)
                 ORDER BY sort DESC, hi DESC, row DESC LIMIT 1",
                &[&sort, &hi, &row],
            )?)?,
            one(self.row(
                "SELECT id, doc FROM events WHERE (sort, hi, row) > ($1, $2, $3)
                 ORDER BY sort, hi, row LIMIT 1",
                &[&sort, &hi, &row],
            )?)?,
        ))
    }

    fn stats(&self) -> Result<Stats, StoreError> {
        let (places, participants) = crate::count_names(self)?;
        let span = self
            .row(
                "SELECT (SELECT min(lo) FROM events WHERE lo > -9223372036854775808),
                        (SELECT max(hi) FROM events WHERE hi < 9223372036854775807),
                        (SELECT count(*) FROM relations)",
                &[],
            )?
            .ok_or(StoreError::Busy("no answer"))?;
        let relations: i64 = span.try_get(2)?;
        Ok(Stats {
            events: self.count()?,
            places,
            participants,
            relations: relations as u64,
            span: match (span.try_get(0)?, span.try_get(1)?) {
                (Some(a), Some(b)) => Some((a, b)),
                _ => None,
            },
            schema_version: schema::version(&mut *self.client()?)?,
        })
    }

    fn count(&self) -> Result<u64, StoreError> {
        let n: Option<i64> = self
            .row("SELECT count(*) FROM events", &[])?
            .map(|r| r.try_get(0))
            .transpose()?;
        Ok(n.unwrap_or(0) as u64)
    }

    fn generation(&self) -> Result<u64, StoreError> {
        reads::generation(self)
    }

    fn changes_since(&self, generation: u64) -> Result<Option<Changes>, StoreError> {
        reads::changes_since(self, generation)
    }

    fn history(&self, id: &str) -> Result<Vec<Revision>, StoreError> {
        reads::history(self, id)
    }

    fn recent(&self, limit: usize) -> Result<Vec<Recent>, StoreError> {
        let rows = self.rows(
            "SELECT e.id, e.doc, e.gen, c.at, c.author, c.summary FROM events e
             LEFT JOIN commits c ON c.gen = e.gen ORDER BY e.gen DESC, e.row DESC LIMIT $1",
            &[&(limit.min(i64::MAX as usize) as i64)],
        )?;
        rows.iter()
            .map(|row| {
                let event = reads::event(row)?;
                Ok(Recent {
                    commit: reads::commit(row, 2, 3)?,
                    title: event.title,
                    id: event.id,
                })
            })
            .collect()
    }

    fn provenance(&self, id: &str) -> Result<Option<Provenance>, StoreError> {
        reads::provenance(self, id)
    }

    fn open_duplicates(&self, limit: usize) -> Result<Vec<Duplicate>, StoreError> {
        let rows = self.rows(
            "SELECT a, b, score, reasons FROM duplicates WHERE status = 'open'
             ORDER BY score DESC, gen DESC, a COLLATE \"C\", b COLLATE \"C\" LIMIT $1",
            &[&(limit.min(i64::MAX as usize) as i64)],
        )?;
        rows.iter()
            .map(|r| {
                Ok(Duplicate {
                    a: r.try_get(0)?,
                    b: r.try_get(1)?,
                    score: r.try_get(2)?,
                    reasons: r.try_get(3)?,
                })
            })
            .collect()
    }

    fn duplicate_status(&self, a: &str, b: &str) -> Result<Option<Verdict>, StoreError> {
        let (a, b) = crate::pair(a, b);
        let status: Option<String> = self
            .row(
                "SELECT status FROM duplicates WHERE a = $1 AND b = $2",
                &[&a, &b],
            )?
            .map(|r| r.try_get(0))
            .transpose()?;
        Ok(status.as_deref().and_then(Verdict::from_name))
    }

    fn redirect(&self, id: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .row("SELECT target FROM redirects WHERE id = $1", &[&id])?
            .map(|r| r.try_get(0))
            .transpose()?)
    }

    fn aliases(&self) -> Result<Vec<Alias>, StoreError> {
        let rows = self.rows(
            "SELECT kind, alias, name FROM aliases
             ORDER BY kind COLLATE \"C\", name_key COLLATE \"C\", key COLLATE \"C\"",
            &[],
        )?;
        let mut out = Vec::new();
        for r in rows {
            let kind: String = r.try_get(0)?;
            if let Some(kind) = Kind::from_name(&kind) {
                out.push(Alias {
                    kind,
                    alias: r.try_get(1)?,
                    name: r.try_get(2)?,
                });
            }
        }
        Ok(out)
    }

    fn profile(&self, kind: Kind, name: &str) -> Result<Option<(String, Profile)>, StoreError> {
        reads::profile(self, kind, name)
    }

    fn name_for(&self, kind: Kind, alias: &str) -> Result<Option<String>, StoreError> {
        reads::name_for(self, kind, alias)
    }

    fn story(&self, id: &str) -> Result<Option<crate::StoredStory>, StoreError> {
        crate::stories::stored(id, stories::row(self, id)?)
    }

    fn stories(
        &self,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Vec<crate::StoredStory>, StoreError> {
        stories::list(self, after, limit)
    }

    fn story_history(&self, id: &str) -> Result<Vec<crate::StoryRevision>, StoreError> {
        stories::history(self, id)
    }

    fn profile_history(&self, kind: Kind, name: &str) -> Result<Vec<ProfileRevision>, StoreError> {
        let rows = self.rows(
            "SELECT h.gen, h.doc, c.at, c.author, c.summary FROM profile_history h
             LEFT JOIN commits c ON c.gen = h.gen
             WHERE h.kind = $1 AND h.key = $2 ORDER BY h.gen, h.row",
            &[&kind.name(), &reads::key(name)],
        )?;
        rows.iter()
            .map(|row| {
                let doc: Option<String> = row.try_get(1)?;
                Ok(ProfileRevision {
                    commit: reads::commit(row, 0, 2)?,
                    profile: doc
                        .map(|d| crate::write::decode_profile(kind, name, &d))
                        .transpose()?,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert!(is_postgres("postgres://h/db") && is_postgres("postgresql://u@h/db"));
        assert!(!is_postgres("annals.db") && !is_postgres("./postgres://x"));
        assert_eq!(
            redact("postgres://ann:s3cr@t@db.example:5432/annals"),
            "postgres://ann:***@db.example:5432/annals"
        );
        assert_eq!(redact("postgres://ann@h/db"), "postgres://ann@h/db");
        assert_eq!(redact("host=h user=u"), "host=h user=u");
    }
}
