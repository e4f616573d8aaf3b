//! Every row of a PostgreSQL store as [`Row`]s, in the order [`crate::copy`] fixes: text
//! ordered bytewise (`COLLATE "C"`), names by their case-folded key, as SQLite orders them.

use super::reads;
use super::tx::PgRows;
use crate::copy::{Row, SessionRow, TokenRow, UserRow};
use crate::{Commit, StoreError};
use postgres::Row as PgRow;

/// The rows of one query, each made by `make` and passed to `each` as they arrive.
fn rows(
    sql: &PgRows<'_>,
    query: &'static str,
    each: &mut dyn FnMut(Row) -> Result<(), StoreError>,
    make: &dyn Fn(&PgRow) -> Result<Row, StoreError>,
) -> Result<(), StoreError> {
    sql.stream(query, &mut |r| each(make(r)?))
}

pub(super) fn dump(
    sql: &PgRows<'_>,
    with_files: bool,
    each: &mut dyn FnMut(Row) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    each(Row::Meta {
        generation: reads::generation(sql)?,
        log_from: reads::log_from(sql)?,
    })?;
    rows(
        sql,
        "SELECT gen, at, author, summary FROM commits ORDER BY gen",
        each,
        &|r| {
            Ok(Row::Commit(Commit {
                generation: r.try_get::<_, i64>(0)? as u64,
                at_ms: r.try_get(1)?,
                author: r.try_get(2)?,
                summary: r.try_get(3)?,
            }))
        },
    )?;
    rows(
        sql,
        "SELECT id, doc, gen, origin, stub FROM events ORDER BY id COLLATE \"C\"",
        each,
        &|r| {
            Ok(Row::Event {
                id: r.try_get(0)?,
                json: r.try_get(1)?,
                gen: r.try_get(2)?,
                origin: r.try_get(3)?,
                stub: r.try_get(4)?,
            })
        },
    )?;
    rows(
        sql,
        "SELECT id, gen, doc FROM history ORDER BY id COLLATE \"C\", gen, row",
        each,
        &|r| {
            Ok(Row::History {
                id: r.try_get(0)?,
                gen: r.try_get(1)?,
                json: r.try_get(2)?,
            })
        },
    )?;
    rows(
        sql,
        "SELECT id, gen FROM tombstones ORDER BY id COLLATE \"C\"",
        each,
        &|r| {
            Ok(Row::Tombstone {
                id: r.try_get(0)?,
                gen: r.try_get(1)?,
            })
        },
    )?;
    rows(
        sql,
        "SELECT a, b, score, reasons, status, gen FROM duplicates
         ORDER BY a COLLATE \"C\", b COLLATE \"C\"",
        each,
        &|r| {
            Ok(Row::Duplicate {
                a: r.try_get(0)?,
                b: r.try_get(1)?,
                score: r.try_get(2)?,
                reasons: r.try_get(3)?,
                status: r.try_get(4)?,
                gen: r.try_get(5)?,
            })
        },
    )?;
    rows(
        sql,
        "SELECT id, target, gen FROM redirects ORDER BY id COLLATE \"C\"",
        each,
        &|r| {
            Ok(Row::Redirect {
                id: r.try_get(0)?,
                target: r.try_get(1)?,
                gen: r.try_get(2)?,
            })
        },
    )?;
    rows(
        sql,
        "SELECT kind, name, doc, gen FROM profiles ORDER BY kind COLLATE \"C\", key COLLATE \"C\"",
        each,
        &|r| {
            Ok(Row::Profile {
                kind: r.try_get(0)?,
                name: r.try_get(1)?,
                json: r.try_get(2)?,
                gen: r.try_get(3)?,
            })
        },
    )?;
    rows(
        sql,
        "SELECT kind, name, gen, doc FROM profile_history
         ORDER BY kind COLLATE \"C\", key COLLATE \"C\", gen, row",
        each,
        &|r| {
            Ok(Row::ProfileHistory {
                kind: r.try_get(0)?,
                name: r.try_get(1)?,
                gen: r.try_get(2)?,
                json: r.try_get(3)?,
            })
        },
    )?;
    rows(
        sql,
        "SELECT id, doc, gen FROM stories ORDER BY id COLLATE \"C\"",
        each,
        &|r| {
            Ok(Row::Story {
                id: r.try_get(0)?,
                json: r.try_get(1)?,
                gen: r.try_get(2)?,
            })
        },
    )?;
    rows(
        sql,
        "SELECT id, gen, doc FROM story_history ORDER BY id COLLATE \"C\", gen, row",
        each,
        &|r| {
            Ok(Row::StoryHistory {
                id: r.try_get(0)?,
                gen: r.try_get(1)?,
                json: r.try_get(2)?,
            })
        },
    )?;
    if with_files {
        super::files::each(sql, &mut |f| each(Row::File(f)))?;
    }
    rows(
        sql,
        "SELECT name, password, role, created, disabled FROM users ORDER BY key COLLATE \"C\"",
        each,
        &|r| {
            Ok(Row::User(UserRow {
                name: r.try_get(0)?,
                password: r.try_get(1)?,
                role: r.try_get(2)?,
                created: r.try_get(3)?,
                disabled: r.try_get(4)?,
            }))
        },
    )?;
    rows(
        sql,
        "SELECT hash, username, csrf, created, expires FROM sessions ORDER BY hash",
        each,
        &|r| {
            Ok(Row::Session(SessionRow {
                hash: r.try_get(0)?,
                user: r.try_get(1)?,
                csrf: r.try_get(2)?,
                created: r.try_get(3)?,
                expires: r.try_get(4)?,
            }))
        },
    )?;
    rows(
        sql,
        "SELECT id, hash, username, scope, label, created, revoked, last_used FROM tokens ORDER BY id",
        each,
        &|r| {
            Ok(Row::Token(TokenRow {
                id: r.try_get(0)?,
                hash: r.try_get(1)?,
                user: r.try_get(2)?,
                scope: r.try_get(3)?,
                label: r.try_get(4)?,
                created: r.try_get(5)?,
                revoked: r.try_get(6)?,
                last_used: r.try_get(7)?,
            }))
        },
    )?;
    Ok(())
}
