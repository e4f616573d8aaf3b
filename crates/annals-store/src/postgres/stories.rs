//! Stories in PostgreSQL: `stories` holds each story's compact JSON and the generation that
//! wrote it, `story_history` every state a commit left (`doc` NULL: deleted), as SQLite keeps
//! them. The rules are [`crate::stories`]'.

use super::{reads, Sql};
use crate::stories::{decode, stored};
use crate::{StoreError, StoredStory, StoryRevision};

/// The JSON and generation of a story.
pub(super) fn row(sql: &impl Sql, id: &str) -> Result<Option<(String, i64)>, StoreError> {
    sql.row("SELECT doc, gen FROM stories WHERE id = $1", &[&id])?
        .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
        .transpose()
}

/// Stories in id order (bytewise, as SQLite orders them) after `after`, at most `limit`.
pub(super) fn list(
    sql: &impl Sql,
    after: Option<&str>,
    limit: usize,
) -> Result<Vec<StoredStory>, StoreError> {
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let rows = sql.rows(
        "SELECT id, doc, gen FROM stories WHERE id COLLATE \"C\" > $1
         ORDER BY id COLLATE \"C\" LIMIT $2",
        &[&after.unwrap_or(""), &limit],
    )?;
    let mut out = Vec::new();
    for r in &rows {
        let id: String = r.try_get(0)?;
        out.extend(stored(&id, Some((r.try_get(1)?, r.try_get(2)?)))?);
    }
    Ok(out)
}

/// Every state of a story, oldest first, with the commit that wrote it.
pub(super) fn history(sql: &impl Sql, id: &str) -> Result<Vec<StoryRevision>, StoreError> {
    let rows = sql.rows(
        "SELECT h.gen, h.doc, c.at, c.author, c.summary FROM story_history h
         LEFT JOIN commits c ON c.gen = h.gen
         WHERE h.id = $1 ORDER BY h.gen, h.row",
        &[&id],
    )?;
    rows.iter()
        .map(|row| {
            let doc: Option<String> = row.try_get(1)?;
            Ok(StoryRevision {
                commit: reads::commit(row, 0, 2)?,
                story: doc.map(|d| decode(id, &d)).transpose()?,
            })
        })
        .collect()
}

/// Write a story (`None`: delete it) as generation `gen`'s one state of it.
pub(super) fn write(
    sql: &impl Sql,
    id: &str,
    json: Option<&str>,
    gen: i64,
) -> Result<(), StoreError> {
    match json {
        Some(json) => put(sql, id, json, gen)?,
        None => {
            sql.exec("DELETE FROM stories WHERE id = $1", &[&id])?;
        }
    }
    // One state per commit: a second write in the same transaction replaces the first.
    sql.exec(
        "DELETE FROM story_history WHERE id = $1 AND gen = $2",
        &[&id, &gen],
    )?;
    put_history(sql, id, gen, json)
}

/// Record a story as it is now.
pub(super) fn put(sql: &impl Sql, id: &str, json: &str, gen: i64) -> Result<(), StoreError> {
    sql.exec(
        "INSERT INTO stories (id, doc, gen) VALUES ($1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, gen = excluded.gen",
        &[&id, &json, &gen],
    )?;
    Ok(())
}

/// Record a state of a story.
pub(super) fn put_history(
    sql: &impl Sql,
    id: &str,
    gen: i64,
    json: Option<&str>,
) -> Result<(), StoreError> {
    sql.exec(
        "INSERT INTO story_history (id, gen, doc) VALUES ($1, $2, $3)",
        &[&id, &gen, &json],
    )?;
    Ok(())
}
