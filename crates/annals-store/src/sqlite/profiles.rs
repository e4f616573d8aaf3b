//! Profiles of participants and places in SQLite: `profiles` holds the current one per kind and
//! name, `profile_history` every state a commit left (`doc` NULL: removed), and `aliases` the
//! other names of each, kept in step with the profiles (the index searches expand).

use super::log;
use crate::{Alias, ProfileRevision, StoreError};
use annals_core::profile::{Kind, Profile};
use rusqlite::{params, Connection, OptionalExtension};

fn decode(kind: Kind, name: &str, doc: &str) -> Result<Profile, StoreError> {
    serde_json::from_str(doc).map_err(|e| StoreError::Corrupt {
        id: format!("{} {name}", kind.name()),
        message: e.to_string(),
    })
}

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

/// Store `profile` as the profile of `name` in generation `gen` (an empty one removes it), and
/// its other names; false when nothing changed. The rules: an other name belongs to one name
/// of its kind, a name that is another's other name has no profile of its own, and a name
/// with other names of its own cannot become one.
pub(super) fn put(
    conn: &Connection,
    gen: i64,
    kind: Kind,
    name: &str,
    profile: &Profile,
) -> Result<bool, StoreError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > annals_core::profile::MAX_NAME {
        return Err(StoreError::Invalid(format!(
            "a {} needs a name of 1 to {} characters",
            kind.name(),
            annals_core::profile::MAX_NAME
        )));
    }
    let mut profile = profile.clone();
    profile.tidy(name);
    profile.check().map_err(StoreError::Invalid)?;
    let before = get(conn, kind, name)?;
    let stored_name = before
        .as_ref()
        .map_or_else(|| name.to_string(), |(n, _)| n.clone());
    if before.as_ref().map(|(_, p)| p) == Some(&profile) || (before.is_none() && profile.is_empty())
    {
        return Ok(false);
    }
    if let Some(main) = name_for(conn, kind, name)? {
        if !profile.is_empty() {
            return Err(StoreError::Invalid(format!(
                "{name:?} is another name of {main:?}: edit {main:?} instead"
            )));
        }
    }
    for alias in &profile.aliases {
        if let Some(other) = name_for(conn, kind, alias)? {
            if !other.eq_ignore_ascii_case(name) {
                return Err(StoreError::Invalid(format!(
                    "{alias:?} is already another name of {other:?}: remove it there first"
                )));
            }
        }
        let own: bool = conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM aliases WHERE kind = ?1 AND name = ?2 COLLATE NOCASE)",
            )?
            .query_row(params![kind.name(), alias], |r| r.get(0))?;
        if own {
            return Err(StoreError::Invalid(format!(
                "{alias:?} has other names of its own: merge it into {name:?} instead"
            )));
        }
    }
    let doc = (!profile.is_empty())
        .then(|| serde_json::to_string(&profile))
        .transpose()
        .map_err(|e| StoreError::Invalid(e.to_string()))?;
    match &doc {
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
    let mut add =
        conn.prepare_cached("INSERT INTO aliases (kind, alias, name) VALUES (?1, ?2, ?3)")?;
    for alias in &profile.aliases {
        add.execute(params![kind.name(), alias, stored_name])?;
    }
    Ok(true)
}
