//! Stored pictures in SQLite: `files` (one row per picture, its bytes a BLOB) and
//! `renditions` (its smaller copies). The rules are [`crate::files`]'.

use crate::files::{from_px, px, FileBytes, FileInfo, StoredFile};
use crate::StoreError;
use annals_core::media::{Picture, Rendition};
use rusqlite::{params, Connection, OptionalExtension};

/// What is known of the picture `hash`, without its bytes.
pub(super) fn info(conn: &Connection, hash: &str) -> Result<Option<FileInfo>, StoreError> {
    let Some(mut info) = conn
        .prepare_cached(
            "SELECT mime, width, height, length(bytes), at, author FROM files WHERE hash = ?1",
        )?
        .query_row([hash], |r| {
            Ok(FileInfo {
                mime: r.get(0)?,
                width: from_px(r.get(1)?),
                height: from_px(r.get(2)?),
                size: u64::try_from(r.get::<_, i64>(3)?).unwrap_or(0),
                renditions: Vec::new(),
                at: r.get(4)?,
                author: r.get(5)?,
            })
        })
        .optional()?
    else {
        return Ok(None);
    };
    let mut stmt =
        conn.prepare_cached("SELECT width, height FROM renditions WHERE hash = ?1 ORDER BY width")?;
    let mut rows = stmt.query([hash])?;
    while let Some(r) = rows.next()? {
        info.renditions
            .push((from_px(r.get(0)?), from_px(r.get(1)?)));
    }
    Ok(Some(info))
}

/// The bytes of the picture `hash` (`width` `None`), or of its widest copy not wider than
/// `width`.
pub(super) fn bytes(
    conn: &Connection,
    hash: &str,
    width: Option<u32>,
) -> Result<Option<FileBytes>, StoreError> {
    Ok(match width {
        None => conn
            .prepare_cached("SELECT mime, bytes FROM files WHERE hash = ?1")?
            .query_row([hash], |r| {
                Ok(FileBytes {
                    mime: r.get(0)?,
                    bytes: r.get(1)?,
                })
            })
            .optional()?,
        Some(w) => conn
            .prepare_cached(
                "SELECT r.bytes FROM renditions r JOIN files f ON f.hash = r.hash
                 WHERE r.hash = ?1 AND r.width <= ?2 ORDER BY r.width DESC LIMIT 1",
            )?
            .query_row(params![hash, px(w)], |r| {
                Ok(FileBytes {
                    mime: "image/webp".into(),
                    bytes: r.get(0)?,
                })
            })
            .optional()?,
    })
}

/// Keep a picture (copies first, the file last); false when it was kept already.
pub(super) fn put(
    conn: &Connection,
    p: &Picture,
    at: i64,
    author: &str,
) -> Result<bool, StoreError> {
    let mut copy = conn.prepare_cached(
        "INSERT OR IGNORE INTO renditions (hash, width, height, bytes) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for r in &p.renditions {
        copy.execute(params![p.hash, px(r.width), px(r.height), r.bytes])?;
    }
    Ok(conn
        .prepare_cached(
            "INSERT OR IGNORE INTO files (hash, mime, width, height, bytes, at, author)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            p.hash,
            p.mime,
            px(p.width),
            px(p.height),
            p.bytes,
            at,
            author
        ])?
        > 0)
}

/// The hashes of every stored picture, in hash order.
pub(super) fn hashes(conn: &Connection) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare("SELECT hash FROM files ORDER BY hash")?;
    let hashes = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<Vec<String>, _>>()?;
    Ok(hashes)
}

/// Remove a picture, the file first, then its copies; false when there was none.
pub(super) fn remove(conn: &Connection, hash: &str) -> Result<bool, StoreError> {
    let removed = conn.execute("DELETE FROM files WHERE hash = ?1", [hash])? > 0;
    conn.execute("DELETE FROM renditions WHERE hash = ?1", [hash])?;
    Ok(removed)
}

/// Every stored picture with its copies, in hash order, each passed to `each`.
pub(super) fn each(
    conn: &Connection,
    each: &mut dyn FnMut(StoredFile) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let mut stmt = conn
        .prepare("SELECT hash, mime, width, height, bytes, at, author FROM files ORDER BY hash")?;
    let mut copies =
        conn.prepare("SELECT width, height, bytes FROM renditions WHERE hash = ?1 ORDER BY width")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let hash: String = r.get(0)?;
        let renditions = copies
            .query_map([&hash], |c| {
                Ok(Rendition {
                    width: from_px(c.get(0)?),
                    height: from_px(c.get(1)?),
                    bytes: c.get(2)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        each(StoredFile {
            picture: Picture {
                hash,
                mime: r.get(1)?,
                width: from_px(r.get(2)?),
                height: from_px(r.get(3)?),
                bytes: r.get(4)?,
                renditions,
            },
            at: r.get(5)?,
            author: r.get(6)?,
        })?;
    }
    Ok(())
}
