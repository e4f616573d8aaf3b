//! Reads that the store and its write transactions share (each sees its own state).

use super::Sql;
use crate::write::{decode, decode_profile};
use crate::{Changes, Commit, Provenance, Revision, StoreError};
use annals_core::profile::{Kind, Profile};
use annals_core::Event;
use postgres::Row;

impl From<postgres::Error> for StoreError {
    fn from(e: postgres::Error) -> StoreError {
        // A server shutting down or starting, or a replica asked to write: not a fault of the
        // request.
        const UNAVAILABLE: &[&str] = &["57P01", "57P02", "57P03", "25006", "08006", "08001"];
        let down = e.is_closed()
            || e.as_db_error()
                .is_some_and(|db| UNAVAILABLE.contains(&db.code().code()))
            || (e.as_db_error().is_none()
                && std::error::Error::source(&e).is_some_and(|s| s.is::<std::io::Error>()));
        // The client's own text is only "db error": say what the server said.
        let text = match e.as_db_error() {
            Some(db) => {
                let mut t = format!("{} ({})", db.message(), db.code().code());
                if let Some(detail) = db.detail() {
                    t.push_str(&format!(": {detail}"));
                }
                t
            }
            None => match std::error::Error::source(&e) {
                Some(cause) => format!("{e}: {cause}"),
                None => e.to_string(),
            },
        };
        if down {
            StoreError::Unavailable(text)
        } else {
            StoreError::Postgres(text)
        }
    }
}

/// How names compare without case: ASCII letters folded, as SQLite's NOCASE folds them.
pub(super) fn key(name: &str) -> String {
    name.trim().to_ascii_lowercase()
}

/// The event of a row whose first two columns are `id` and `doc`.
pub(super) fn event(row: &Row) -> Result<Event, StoreError> {
    let id: &str = row.try_get(0)?;
    decode(id, row.try_get(1)?)
}

/// The commit of a row with its generation in column `gen` and `at, author, summary` from
/// column `at` on (from a LEFT JOIN: missing for changes made before commits were kept).
pub(super) fn commit(row: &Row, gen: usize, at: usize) -> Result<Commit, StoreError> {
    Ok(Commit {
        generation: row.try_get::<_, i64>(gen)? as u64,
        at_ms: row.try_get::<_, Option<i64>>(at)?.unwrap_or(0),
        author: row
            .try_get::<_, Option<String>>(at + 1)?
            .unwrap_or_default(),
        summary: row
            .try_get::<_, Option<String>>(at + 2)?
            .unwrap_or_default(),
    })
}

fn meta(sql: &impl Sql, name: &'static str) -> Result<u64, StoreError> {
    let v: Option<String> = sql
        .row("SELECT value FROM annals_meta WHERE key = $1", &[&name])?
        .map(|r| r.try_get(0))
        .transpose()?;
    Ok(v.and_then(|v| v.parse().ok()).unwrap_or(0))
}

/// The current generation.
pub(super) fn generation(sql: &impl Sql) -> Result<u64, StoreError> {
    meta(sql, "generation")
}

pub(super) fn get(sql: &impl Sql, id: &str) -> Result<Option<Event>, StoreError> {
    sql.row("SELECT id, doc FROM events WHERE id = $1", &[&id])?
        .map(|r| event(&r))
        .transpose()
}

pub(super) fn linking(
    sql: &impl Sql,
    id: &str,
    limit: usize,
) -> Result<Vec<(Event, String)>, StoreError> {
    let rows = sql.rows(
        "SELECT e.id, e.doc, r.kind FROM relations r JOIN events e ON e.row = r.event
         WHERE r.other_id = $1 ORDER BY e.sort, e.hi, e.row LIMIT $2",
        &[&id, &(limit.min(i64::MAX as usize) as i64)],
    )?;
    rows.iter()
        .map(|r| Ok((event(r)?, r.try_get(2)?)))
        .collect()
}

pub(super) fn provenance(sql: &impl Sql, id: &str) -> Result<Option<Provenance>, StoreError> {
    sql.row("SELECT origin, stub FROM events WHERE id = $1", &[&id])?
        .map(|r| {
            Ok(Provenance {
                origin: r.try_get(0)?,
                stub: r.try_get(1)?,
            })
        })
        .transpose()
}

/// The generation the change log starts at.
pub(super) fn log_from(sql: &impl Sql) -> Result<u64, StoreError> {
    meta(sql, "log_from")
}

pub(super) fn changes_since(
    sql: &impl Sql,
    generation: u64,
) -> Result<Option<Changes>, StoreError> {
    if generation < log_from(sql)? {
        return Ok(None);
    }
    let g = generation as i64;
    let ids = |rows: Vec<Row>| -> Result<Vec<String>, StoreError> {
        rows.iter().map(|r| Ok(r.try_get(0)?)).collect()
    };
    Ok(Some(Changes {
        changed: ids(sql.rows("SELECT id FROM events WHERE gen > $1", &[&g])?)?,
        deleted: ids(sql.rows("SELECT id FROM tombstones WHERE gen > $1", &[&g])?)?,
    }))
}

pub(super) fn history(sql: &impl Sql, id: &str) -> Result<Vec<Revision>, StoreError> {
    let mut out = Vec::new();
    for row in sql.rows(
        "SELECT h.gen, h.doc, c.at, c.author, c.summary FROM history h
         LEFT JOIN commits c ON c.gen = h.gen WHERE h.id = $1 ORDER BY h.gen, h.row",
        &[&id],
    )? {
        let doc: Option<&str> = row.try_get(1)?;
        out.push(Revision {
            commit: commit(&row, 0, 2)?,
            event: doc.map(|d| decode(id, d)).transpose()?,
        });
    }
    if let Some(row) = sql.row(
        "SELECT e.gen, e.doc, c.at, c.author, c.summary FROM events e
         LEFT JOIN commits c ON c.gen = e.gen WHERE e.id = $1",
        &[&id],
    )? {
        out.push(Revision {
            commit: commit(&row, 0, 2)?,
            event: Some(decode(id, row.try_get(1)?)?),
        });
    } else if let Some(row) = sql.row(
        "SELECT t.gen, NULL, c.at, c.author, c.summary FROM tombstones t
         LEFT JOIN commits c ON c.gen = t.gen WHERE t.id = $1",
        &[&id],
    )? {
        out.push(Revision {
            commit: commit(&row, 0, 2)?,
            event: None,
        });
    }
    Ok(out)
}

pub(super) fn profile(
    sql: &impl Sql,
    kind: Kind,
    name: &str,
) -> Result<Option<(String, Profile)>, StoreError> {
    sql.row(
        "SELECT name, doc FROM profiles WHERE kind = $1 AND key = $2",
        &[&kind.name(), &key(name)],
    )?
    .map(|r| {
        let stored: String = r.try_get(0)?;
        let profile = decode_profile(kind, &stored, r.try_get(1)?)?;
        Ok((stored, profile))
    })
    .transpose()
}

pub(super) fn name_for(
    sql: &impl Sql,
    kind: Kind,
    alias: &str,
) -> Result<Option<String>, StoreError> {
    Ok(sql
        .row(
            "SELECT name FROM aliases WHERE kind = $1 AND key = $2",
            &[&kind.name(), &key(alias)],
        )?
        .map(|r| r.try_get(0))
        .transpose()?)
}
