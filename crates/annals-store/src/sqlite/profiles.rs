//! Profiles of participants and places in SQLite: `profiles` holds the current one per kind and
//! name, `profile_history` every state a commit left (`doc` NULL: removed), and `aliases` the
//! other names of each, kept in step with the profiles (the index searches expand).

use super::log;
use crate::{Alias, ProfileRevision, StoreError};
use annals_core::profile::{Kind, Profile};
use rusqlite::{params, Connection, OptionalExtension};

use crate::write::decode_profile as decode;

/// The stored name (as first written) and profile of `name`.
pub(super) fn get(
    conn: &Connection,
    kind: Kind,
    name: &str,
) -> Result<Option<(String, Profile)>, StoreError> {
    let row: Option<(String, String)> = conn
        .prepare_cached("SELECT name, doc FROM profiles WHERE kind = ?1 AND name = ?2")?
        .query_row(params![kind.name(), name.trim()], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    row.map(|(n, doc)| Ok((n.clone(), decode(kind, &n, &doc)?)))
        .transpose()
}

/// The name that `alias` is another name of.
pub(super) fn name_for(
    conn: &Connection,
    kind: Kind,
    alias: &str,
) -> Result<Option<String>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT name FROM aliases WHERE kind = ?1 AND alias = ?2")?
        .query_row(params![kind.name(), alias.trim()], |r| r.get(0))
        .optional()?)
}

/// Every other name, sorted by kind and name.
pub(super) fn aliases(conn: &Connection) -> Result<Vec<Alias>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, alias, name FROM aliases ORDER BY kind, name COLLATE NOCASE, alias",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (kind, alias, name) = row?;
        if let Some(kind) = Kind::from_name(&kind) {
            out.push(Alias { kind, alias, name });
        }
    }
    Ok(out)
}

/// Every state of a profile, oldest first, with the commit that wrote it.
pub(super) fn history(
    conn: &Connection,
    kind: Kind,
    name: &str,
) -> Result<Vec<ProfileRevision>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT h.gen, h.doc, c.at, c.author, c.summary FROM profile_history h
         LEFT JOIN commits c ON c.gen = h.gen
         WHERE h.kind = ?1 AND h.name = ?2 ORDER BY h.gen, h.rowid",
    )?;
    let mut rows = stmt.query(params![kind.name(), name.trim()])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let gen: i64 = row.get(0)?;
        let doc: Option<String> = row.get(1)?;
        out.push(ProfileRevision {
            commit: log::commit(gen, row, 2)?,
            profile: doc.map(|d| decode(kind, name, &d)).transpose()?,
        });
    }
    Ok(out)
}

/// Whether `name` has other names of its own.
pub(super) fn has_aliases(conn: &Connection, kind: Kind, name: &str) -> Result<bool, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM aliases WHERE kind = ?1 AND name = ?2 COLLATE NOCASE)",
        )?
        .query_row(params![kind.name(), name], |r| r.get(0))?)
}

/// Write the profile of `stored_name` (`None`: remove it) as generation `gen`'s one state of
/// it, with its other names (see [`crate::write::Rows::write_profile`]).
pub(super) fn write(
    conn: &Connection,
    kind: Kind,
    stored_name: &str,
    doc: Option<&str>,
    aliases: &[String],
    gen: i64,
) -> Result<(), StoreError> {
    match doc {
        Some(doc) => conn
            .prepare_cached(
                "INSERT INTO profiles (kind, name, doc, gen) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (kind, name) DO UPDATE SET doc = excluded.doc, gen = excluded.gen",
            )?
            .execute(params![kind.name(), stored_name, doc, gen])?,
        None => conn
            .prepare_cached("DELETE FROM profiles WHERE kind = ?1 AND name = ?2")?
            .execute(params![kind.name(), stored_name])?,
    };
    // One state per commit: a second write in the same transaction replaces the first.
    conn.prepare_cached("DELETE FROM profile_history WHERE kind = ?1 AND name = ?2 AND gen = ?3")?
        .execute(params![kind.name(), stored_name, gen])?;
    conn.prepare_cached(
        "INSERT INTO profile_history (kind, name, gen, doc) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![kind.name(), stored_name, gen, doc])?;
    conn.prepare_cached("DELETE FROM aliases WHERE kind = ?1 AND name = ?2 COLLATE NOCASE")?
        .execute(params![kind.name(), stored_name])?;
    add_aliases(conn, kind, stored_name, aliases)
}

/// Record `aliases` as other names of `name` of `kind`.
pub(super) fn add_aliases(
    conn: &Connection,
    kind: Kind,
    name: &str,
    aliases: &[String],
) -> Result<(), StoreError> {
    let mut add =
        conn.prepare_cached("INSERT INTO aliases (kind, alias, name) VALUES (?1, ?2, ?3)")?;
    for alias in aliases {
        add.execute(params![kind.name(), alias, name])?;
    }
    Ok(())
}
