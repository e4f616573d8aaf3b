//! Versioned schema migrations. The version lives in SQLite's `user_version`; each migration runs
//! in its own transaction, in order. Never edit a released migration: add a new one.

/// The migrations, in order; migration `i` brings the schema to version `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: events with their day span (`lo`, `hi`: for filters; `sort`: for chronological order)
    // and their native JSON (`doc`); places, participants and relations for filtering, keyed by
    // the event's rowid.
    "CREATE TABLE events (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        lo INTEGER NOT NULL,
        hi INTEGER NOT NULL,
        sort INTEGER NOT NULL,
        doc TEXT NOT NULL
    );
    CREATE INDEX events_sort ON events (sort, hi);
    CREATE TABLE event_places (
        event INTEGER NOT NULL,
        name TEXT NOT NULL COLLATE NOCASE,
        country TEXT NOT NULL COLLATE NOCASE
    );
    CREATE INDEX event_places_event ON event_places (event);
    CREATE INDEX event_places_name ON event_places (name);
    CREATE INDEX event_places_country ON event_places (country);
    CREATE TABLE event_participants (
        event INTEGER NOT NULL,
        name TEXT NOT NULL COLLATE NOCASE
    );
    CREATE INDEX event_participants_event ON event_participants (event);
    CREATE INDEX event_participants_name ON event_participants (name);
    CREATE TABLE relations (
        event INTEGER NOT NULL,
        other_id TEXT NOT NULL,
        kind TEXT NOT NULL
    );
    CREATE INDEX relations_event ON relations (event);
    CREATE TABLE annals_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
    INSERT INTO annals_meta VALUES ('application', 'annals');",
];

/// The schema version this build writes.
pub const CURRENT: u32 = MIGRATIONS.len() as u32;
