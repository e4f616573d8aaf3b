//! Every row of an SQLite store as [`Row`]s, in the order [`crate::copy`] fixes (by id, by
//! generation, as written): the same order PostgreSQL's dump gives for the same content.

use super::codec;
use crate::copy::{Row, SessionRow, TokenRow, UserRow};
use crate::{Commit, StoreError};
use rusqlite::Connection;

/// Rows of one query, each made by `make` and passed to `each`.
fn rows(
    conn: &Connection,
    sql: &str,
    each: &mut dyn FnMut(Row) -> Result<(), StoreError>,
    make: &dyn Fn(&rusqlite::Row<'_>) -> Result<Row, StoreError>,
) -> Result<(), StoreError> {
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        each(make(row)?)?;
    }
    Ok(())
}

/// A stored document (compressed or text, or NULL) as JSON text.
fn json(
    conn: &Connection,
    id: &str,
    row: &rusqlite::Row<'_>,
    i: usize,
) -> Result<Option<String>, StoreError> {
    match row.get_ref(i)? {
        rusqlite::types::ValueRef::Null => Ok(None),
        v => Ok(Some(codec::doc_text(conn, id, v)?)),
    }
}

pub(super) fn dump(
    conn: &Connection,
    with_files: bool,
    each: &mut dyn FnMut(Row) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    // One read transaction: one consistent state, whatever writers do meanwhile.
    let tx = conn.unchecked_transaction()?;
    each(Row::Meta {
        generation: super::generation(&tx)?,
        log_from: super::log::log_from(&tx)?,
    })?;
    rows(
        &tx,
        "SELECT gen, at, author, summary FROM commits ORDER BY gen",
        each,
        &|r| {
            Ok(Row::Commit(Commit {
                generation: r.get::<_, i64>(0)? as u64,
                at_ms: r.get(1)?,
                author: r.get(2)?,
                summary: r.get(3)?,
            }))
        },
    )?;
    rows(
        &tx,
        "SELECT id, doc, gen, origin, stub FROM events ORDER BY id",
        each,
        &|r| {
            let id: String = r.get(0)?;
            Ok(Row::Event {
                json: json(&tx, &id, r, 1)?.unwrap_or_default(),
                id,
                gen: r.get(2)?,
                origin: r.get(3)?,
                stub: r.get(4)?,
            })
        },
    )?;
    rows(
        &tx,
        "SELECT id, gen, doc FROM history ORDER BY id, gen, rowid",
        each,
        &|r| {
            let id: String = r.get(0)?;
            Ok(Row::History {
                json: json(&tx, &id, r, 2)?,
                id,
                gen: r.get(1)?,
            })
        },
    )?;
    rows(
        &tx,
        "SELECT id, gen FROM tombstones ORDER BY id",
        each,
        &|r| {
            Ok(Row::Tombstone {
                id: r.get(0)?,
                gen: r.get(1)?,
            })
        },
    )?;
    rows(
        &tx,
        "SELECT a, b, score, reasons, status, gen FROM duplicates ORDER BY a, b",
        each,
        &|r| {
            Ok(Row::Duplicate {
                a: r.get(0)?,
                b: r.get(1)?,
                score: r.get(2)?,
                reasons: r.get(3)?,
                status: r.get(4)?,
                gen: r.get(5)?,
            })
        },
    )?;
    rows(
        &tx,
        "SELECT id, target, gen FROM redirects ORDER BY id",
        each,
        &|r| {
            Ok(Row::Redirect {
                id: r.get(0)?,
                target: r.get(1)?,
                gen: r.get(2)?,
            })
        },
    )?;
    rows(
        &tx,
        "SELECT kind, name, doc, gen FROM profiles ORDER BY kind, name",
        each,
        &|r| {
            Ok(Row::Profile {
                kind: r.get(0)?,
                name: r.get(1)?,
                json: r.get(2)?,
                gen: r.get(3)?,
            })
        },
    )?;
    rows(
        &tx,
        "SELECT kind, name, gen, doc FROM profile_history ORDER BY kind, name, gen, rowid",
        each,
        &|r| {
            Ok(Row::ProfileHistory {
                kind: r.get(0)?,
                name: r.get(1)?,
                gen: r.get(2)?,
                json: r.get(3)?,
            })
        },
    )?;
    rows(
        &tx,
        "SELECT id, doc, gen FROM stories ORDER BY id",
        each,
        &|r| {
            Ok(Row::Story {
                id: r.get(0)?,
                json: r.get(1)?,
                gen: r.get(2)?,
            })
        },
    )?;
    rows(
        &tx,
        "SELECT id, gen, doc FROM story_history ORDER BY id, gen, rowid",
        each,
        &|r| {
            Ok(Row::StoryHistory {
                id: r.get(0)?,
                gen: r.get(1)?,
                json: r.get(2)?,
            })
        },
    )?;
    if with_files {
        super::files::each(&tx, &mut |f| each(Row::File(f)))?;
    }
    rows(
        &tx,
        "SELECT name, password, role, created, disabled FROM users ORDER BY name",
        each,
        &|r| {
            Ok(Row::User(UserRow {
                name: r.get(0)?,
                password: r.get(1)?,
                role: r.get(2)?,
                created: r.get(3)?,
                disabled: r.get(4)?,
            }))
        },
    )?;
    rows(
        &tx,
        "SELECT hash, user, csrf, created, expires FROM sessions ORDER BY hash",
        each,
        &|r| {
            Ok(Row::Session(SessionRow {
                hash: r.get(0)?,
                user: r.get(1)?,
                csrf: r.get(2)?,
                created: r.get(3)?,
                expires: r.get(4)?,
            }))
        },
    )?;
    rows(
        &tx,
        "SELECT id, hash, user, scope, label, created, revoked, last_used FROM tokens ORDER BY id",
        each,
        &|r| {
            Ok(Row::Token(TokenRow {
                id: r.get(0)?,
                hash: r.get(1)?,
                user: r.get(2)?,
                scope: r.get(3)?,
                label: r.get(4)?,
                created: r.get(5)?,
                revoked: r.get(6)?,
                last_used: r.get(7)?,
            }))
        },
    )?;
    Ok(())
}
