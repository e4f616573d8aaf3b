//! Stories in SQLite: `stories` holds each story's compact JSON and the generation that wrote
//! it, `story_history` every state a commit left (`doc` NULL: deleted). The rules are
//! [`crate::stories`]'.

use super::log;
use crate::stories::{decode, stored};
use crate::{StoreError, StoredStory, StoryRevision};
use rusqlite::{params, Connection, OptionalExtension};

/// The JSON and generation of a story.
pub(super) fn row(conn: &Connection, id: &str) -> Result<Option<(String, i64)>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT doc, gen FROM stories WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// Stories in id order after `after`, at most `limit`.
pub(super) fn list(
    conn: &Connection,
    after: Option<&str>,
    limit: usize,
) -> Result<Vec<StoredStory>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT id, doc, gen FROM stories WHERE id > ?1 ORDER BY id LIMIT ?2")?;
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let mut rows = stmt.query(params![after.unwrap_or(""), limit])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let id: String = r.get(0)?;
        out.extend(stored(&id, Some((r.get(1)?, r.get(2)?)))?);
    }
    Ok(out)
}

/// Every state of a story, oldest first, with the commit that wrote it.
pub(super) fn history(conn: &Connection, id: &str) -> Result<Vec<StoryRevision>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT h.gen, h.doc, c.at, c.author, c.summary FROM story_history h
         LEFT JOIN commits c ON c.gen = h.gen
         WHERE h.id = ?1 ORDER BY h.gen, h.rowid",
    )?;
    let mut rows = stmt.query([id])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let gen: i64 = row.get(0)?;
        let doc: Option<String> = row.get(1)?;
        out.push(StoryRevision {
            commit: log::commit(gen, row, 2)?,
            story: doc.map(|d| decode(id, &d)).transpose()?,
        });
    }
    Ok(out)
}

/// Write a story (`None`: delete it) as generation `gen`'s one state of it.
pub(super) fn write(
    conn: &Connection,
    id: &str,
    json: Option<&str>,
    gen: i64,
) -> Result<(), StoreError> {
    match json {
        Some(json) => put(conn, id, json, gen)?,
        None => {
            conn.prepare_cached("DELETE FROM stories WHERE id = ?1")?
                .execute([id])?;
        }
    }
    // One state per commit: a second write in the same transaction replaces the first.
    conn.prepare_cached("DELETE FROM story_history WHERE id = ?1 AND gen = ?2")?
        .execute(params![id, gen])?;
    put_history(conn, id, gen, json)
}

/// Record a story as it is now.
pub(super) fn put(conn: &Connection, id: &str, json: &str, gen: i64) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO stories (id, doc, gen) VALUES (?1, ?2, ?3)
         ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, gen = excluded.gen",
    )?
    .execute(params![id, json, gen])?;
    Ok(())
}

/// Record a state of a story.
pub(super) fn put_history(
    conn: &Connection,
    id: &str,
    gen: i64,
    json: Option<&str>,
) -> Result<(), StoreError> {
    conn.prepare_cached("INSERT INTO story_history (id, gen, doc) VALUES (?1, ?2, ?3)")?
        .execute(params![id, gen, json])?;
    Ok(())
}
