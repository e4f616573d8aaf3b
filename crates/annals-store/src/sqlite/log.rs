//! Reading the change log: what changed since a generation, an event's history, and the most
//! recently written events.

use super::codec;
use crate::{Changes, Commit, Recent, Revision, StoreError};
use rusqlite::{Connection, OptionalExtension, Row};

/// The generation the change log starts at (schema version 4 was applied then).
pub(super) fn log_from(conn: &Connection) -> Result<u64, StoreError> {
    let g: Option<i64> = conn
        .query_row(
            "SELECT CAST(value AS INTEGER) FROM annals_meta WHERE key = 'log_from'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    Ok(g.unwrap_or(0) as u64)
}

/// See [`crate::EventStore::changes_since`].
pub(super) fn changes_since(
    conn: &Connection,
    generation: u64,
) -> Result<Option<Changes>, StoreError> {
    if generation < log_from(conn)? {
        return Ok(None);
    }
    let ids = |sql: &str| -> Result<Vec<String>, StoreError> {
        let mut stmt = conn.prepare_cached(sql)?;
        let rows = stmt.query_map([generation as i64], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    };
    Ok(Some(Changes {
        changed: ids("SELECT id FROM events WHERE gen > ?1")?,
        deleted: ids("SELECT id FROM tombstones WHERE gen > ?1")?,
    }))
}

/// The commit of generation `g` (columns `at, author, summary` from a LEFT JOIN).
pub(super) fn commit(g: i64, row: &Row<'_>, first: usize) -> rusqlite::Result<Commit> {
    Ok(Commit {
        generation: g as u64,
        at_ms: row.get::<_, Option<i64>>(first)?.unwrap_or(0),
        author: row.get::<_, Option<String>>(first + 1)?.unwrap_or_default(),
        summary: row.get::<_, Option<String>>(first + 2)?.unwrap_or_default(),
    })
}

/// See [`crate::EventStore::history`].
pub(super) fn history(conn: &Connection, id: &str) -> Result<Vec<Revision>, StoreError> {
    let mut out = Vec::new();
    let mut past = conn.prepare_cached(
        "SELECT h.gen, h.doc, c.at, c.author, c.summary FROM history h
         LEFT JOIN commits c ON c.gen = h.gen WHERE h.id = ?1 ORDER BY h.gen, h.rowid",
    )?;
    let mut rows = past.query([id])?;
    while let Some(row) = rows.next()? {
        let event = match row.get_ref(1)? {
            rusqlite::types::ValueRef::Null => None,
            v => Some(codec::read(conn, id, v)?),
        };
        out.push(Revision {
            commit: commit(row.get(0)?, row, 2)?,
            event,
        });
    }
    let mut now = conn.prepare_cached(
        "SELECT e.gen, e.doc, c.at, c.author, c.summary FROM events e
         LEFT JOIN commits c ON c.gen = e.gen WHERE e.id = ?1",
    )?;
    let mut rows = now.query([id])?;
    if let Some(row) = rows.next()? {
        out.push(Revision {
            commit: commit(row.get(0)?, row, 2)?,
            event: Some(codec::read(conn, id, row.get_ref(1)?)?),
        });
        return Ok(out);
    }
    let mut gone = conn.prepare_cached(
        "SELECT t.gen, NULL, c.at, c.author, c.summary FROM tombstones t
         LEFT JOIN commits c ON c.gen = t.gen WHERE t.id = ?1",
    )?;
    let mut rows = gone.query([id])?;
    if let Some(row) = rows.next()? {
        out.push(Revision {
            commit: commit(row.get(0)?, row, 2)?,
            event: None,
        });
    }
    Ok(out)
}

/// See [`crate::EventStore::recent`].
pub(super) fn recent(conn: &Connection, limit: usize) -> Result<Vec<Recent>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.id, e.doc, e.gen, c.at, c.author, c.summary FROM events e
         LEFT JOIN commits c ON c.gen = e.gen ORDER BY e.gen DESC, e.rowid DESC LIMIT ?1",
    )?;
    let mut rows = stmt.query([limit.min(i64::MAX as usize) as i64])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let id: String = row.get(0)?;
        let event = codec::read(conn, &id, row.get_ref(1)?)?;
        out.push(Recent {
            commit: commit(row.get(2)?, row, 3)?,
            title: event.title,
            id,
        });
    }
    Ok(out)
}
