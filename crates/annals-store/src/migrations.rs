//! Versioned schema migrations. The version lives in SQLite's `user_version`; each migration runs
//! in its own transaction, in order. Never edit a released migration: add a new one.

/// The migrations, in order; migration `i` brings the schema to version `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: events with their day span (`lo`, `hi`: for filters; `sort`: for chronological order)
    // and their compact native JSON (`doc`). Side tables for filtering, one B-tree each, keyed
    // for lookup: `place_keys` holds each place under its name, its country and "name, country".
    "CREATE TABLE events (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        lo INTEGER NOT NULL,
        hi INTEGER NOT NULL,
        sort INTEGER NOT NULL,
        doc TEXT NOT NULL
    );
    CREATE INDEX events_sort ON events (sort, hi);
    CREATE TABLE place_keys (
        key TEXT NOT NULL COLLATE NOCASE,
        event INTEGER NOT NULL,
        PRIMARY KEY (key, event)
    ) WITHOUT ROWID;
    CREATE TABLE participants (
        name TEXT NOT NULL COLLATE NOCASE,
        event INTEGER NOT NULL,
        PRIMARY KEY (name, event)
    ) WITHOUT ROWID;
    CREATE TABLE relations (
        event INTEGER NOT NULL,
        other_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        PRIMARY KEY (event, other_id, kind)
    ) WITHOUT ROWID;
    CREATE TABLE annals_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
    INSERT INTO annals_meta VALUES ('application', 'annals');",
    // 2: new and rewritten documents are stored zstd-compressed (a BLOB); older rows keep their
    // JSON text, and both read back the same. Bumped so that an older annals, which reads text
    // only, refuses the file instead of failing on a compressed row.
    "INSERT OR REPLACE INTO annals_meta VALUES ('doc_encoding', 'zstd');",
    // 3: the place and participant side tables go. Keeping their B-trees in order took a
    // quarter of a million-event import; the search index answers place and participant
    // questions, and `scan` filters the few lists that ask the store directly.
    "DROP TABLE place_keys; DROP TABLE participants;",
];

/// The schema version this build writes.
pub const CURRENT: u32 = MIGRATIONS.len() as u32;
