//! Versioned schema migrations. The version lives in SQLite's `user_version`; each migration runs
//! in its own transaction, in order. Never edit a released migration: add a new one.

/// The migrations, in order; migration `i` brings the schema to version `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: events with their day span, places and participants for filtering.
    "CREATE TABLE events (
        id TEXT PRIMARY KEY NOT NULL,
        title TEXT NOT NULL,
        edtf TEXT NOT NULL,
        lo INTEGER NOT NULL,
        hi INTEGER NOT NULL,
        sort INTEGER NOT NULL,
        doc TEXT NOT NULL
    );
    CREATE INDEX events_span ON events (lo, hi);
    CREATE INDEX events_sort ON events (sort, hi, id);
    CREATE TABLE event_places (
        event_id TEXT NOT NULL,
        name TEXT NOT NULL COLLATE NOCASE,
        country TEXT NOT NULL COLLATE NOCASE
    );
    CREATE INDEX event_places_event ON event_places (event_id);
    CREATE INDEX event_places_name ON event_places (name);
    CREATE INDEX event_places_country ON event_places (country);
    CREATE TABLE event_participants (
        event_id TEXT NOT NULL,
        name TEXT NOT NULL COLLATE NOCASE
    );
    CREATE INDEX event_participants_event ON event_participants (event_id);
    CREATE INDEX event_participants_name ON event_participants (name);
    CREATE TABLE relations (
        event_id TEXT NOT NULL,
        other_id TEXT NOT NULL,
        kind TEXT NOT NULL
    );
    CREATE INDEX relations_event ON relations (event_id);
    CREATE INDEX relations_other ON relations (other_id);
    CREATE TABLE annals_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
    INSERT INTO annals_meta VALUES ('application', 'annals');",
];

/// The schema version this build writes.
pub const CURRENT: u32 = MIGRATIONS.len() as u32;
