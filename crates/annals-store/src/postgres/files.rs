//! Stored pictures in PostgreSQL: `files` (one row per picture, its bytes a BYTEA) and
//! `renditions` (its smaller copies), as SQLite keeps them. The rules are [`crate::files`]'.

use super::Sql;
use crate::files::{from_px, px, FileBytes, FileInfo, StoredFile};
use crate::StoreError;
use annals_core::media::{Picture, Rendition};

/// What is known of the picture `hash`, without its bytes.
pub(super) fn info(sql: &impl Sql, hash: &str) -> Result<Option<FileInfo>, StoreError> {
    let Some(r) = sql.row(
        "SELECT mime, width, height, octet_length(bytes)::BIGINT, at, author
         FROM files WHERE hash = $1",
        &[&hash],
    )?
    else {
        return Ok(None);
    };
    let renditions = sql
        .rows(
            "SELECT width, height FROM renditions WHERE hash = $1 ORDER BY width",
            &[&hash],
        )?
        .iter()
        .map(|c| Ok((from_px(c.try_get(0)?), from_px(c.try_get(1)?))))
        .collect::<Result<_, StoreError>>()?;
    Ok(Some(FileInfo {
        mime: r.try_get(0)?,
        width: from_px(r.try_get(1)?),
        height: from_px(r.try_get(2)?),
        size: u64::try_from(r.try_get::<_, i64>(3)?).unwrap_or(0),
        renditions,
        at: r.try_get(4)?,
        author: r.try_get(5)?,
    }))
}

/// The bytes of the picture `hash` (`width` `None`), or of its widest copy not wider than
/// `width`.
pub(super) fn bytes(
    sql: &impl Sql,
    hash: &str,
    width: Option<u32>,
) -> Result<Option<FileBytes>, StoreError> {
    let row = match width {
        None => sql.row("SELECT mime, bytes FROM files WHERE hash = $1", &[&hash])?,
        Some(w) => sql.row(
            "SELECT 'image/webp', r.bytes FROM renditions r JOIN files f ON f.hash = r.hash
             WHERE r.hash = $1 AND r.width <= $2 ORDER BY r.width DESC LIMIT 1",
            &[&hash, &px(w)],
        )?,
    };
    row.map(|r| {
        Ok(FileBytes {
            mime: r.try_get(0)?,
            bytes: r.try_get(1)?,
        })
    })
    .transpose()
}

/// Keep a picture (copies first, the file last); false when it was kept already.
pub(super) fn put(sql: &impl Sql, p: &Picture, at: i64, author: &str) -> Result<bool, StoreError> {
    for r in &p.renditions {
        sql.exec(
            "INSERT INTO renditions (hash, width, height, bytes) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING",
            &[&p.hash, &px(r.width), &px(r.height), &r.bytes],
        )?;
    }
    Ok(sql.exec(
        "INSERT INTO files (hash, mime, width, height, bytes, at, author)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
        &[
            &p.hash,
            &p.mime,
            &px(p.width),
            &px(p.height),
            &p.bytes,
            &at,
            &author,
        ],
    )? > 0)
}

/// The hashes of every stored picture, in hash order (bytewise).
pub(super) fn hashes(sql: &impl Sql) -> Result<Vec<String>, StoreError> {
    sql.rows("SELECT hash FROM files ORDER BY hash COLLATE \"C\"", &[])?
        .iter()
        .map(|r| Ok(r.try_get(0)?))
        .collect()
}

/// Remove a picture with its copies, in one statement; false when there was none.
pub(super) fn remove(sql: &impl Sql, hash: &str) -> Result<bool, StoreError> {
    Ok(sql.exec(
        "WITH copies AS (DELETE FROM renditions WHERE hash = $1)
         DELETE FROM files WHERE hash = $1",
        &[&hash],
    )? > 0)
}

/// Every stored picture with its copies, in hash order (bytewise, as SQLite orders them),
/// each passed to `each`; read one at a time.
pub(super) fn each(
    sql: &impl Sql,
    each: &mut dyn FnMut(StoredFile) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let hashes = sql.rows("SELECT hash FROM files ORDER BY hash COLLATE \"C\"", &[])?;
    for h in &hashes {
        let hash: String = h.try_get(0)?;
        let Some(r) = sql.row(
            "SELECT mime, width, height, bytes, at, author FROM files WHERE hash = $1",
            &[&hash],
        )?
        else {
            continue;
        };
        let renditions = sql
            .rows(
                "SELECT width, height, bytes FROM renditions WHERE hash = $1 ORDER BY width",
                &[&hash],
            )?
            .iter()
            .map(|c| {
                Ok(Rendition {
                    width: from_px(c.try_get(0)?),
                    height: from_px(c.try_get(1)?),
                    bytes: c.try_get(2)?,
                })
            })
            .collect::<Result<_, StoreError>>()?;
        each(StoredFile {
            picture: Picture {
                hash,
                mime: r.try_get(0)?,
                width: from_px(r.try_get(1)?),
                height: from_px(r.try_get(2)?),
                bytes: r.try_get(3)?,
                renditions,
            },
            at: r.try_get(4)?,
            author: r.try_get(5)?,
        })?;
    }
    Ok(())
}
