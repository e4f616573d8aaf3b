//! The PostgreSQL schema and its versioned migrations. The version lives in `annals_meta`
//! (`schema_version`); migrations run one by one, each in its own transaction, while the
//! migrating connection holds an advisory lock (two nodes starting at once migrate once).
//! Never edit a released migration: add a new one.
//!
//! The tables mirror SQLite's schema version 8 (`crate::migrations`), with two differences:
//! documents are JSON text (PostgreSQL compresses long values itself), and names compared
//! without case carry a `key` column (ASCII lower case, as SQLite's NOCASE compares), so both
//! stores match names alike whatever the server's collation.

use crate::StoreError;
use postgres::Client;

/// The migrations, in order; migration `i` brings the schema to version `i + 1`.
pub(super) const MIGRATIONS: &[&str] = &[
    // 1: everything SQLite's schema 8 has, but the accounts (users, sessions, tokens).
    "CREATE TABLE annals_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO annals_meta VALUES ('application', 'annals'), ('generation', '0'),
        ('log_from', '0');
    CREATE TABLE events (
        row BIGSERIAL PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        lo BIGINT NOT NULL,
        hi BIGINT NOT NULL,
        sort BIGINT NOT NULL,
        doc TEXT NOT NULL,
        gen BIGINT NOT NULL,
        origin TEXT,
        stub BOOLEAN NOT NULL DEFAULT FALSE
    );
    CREATE INDEX events_sort ON events (sort, hi, row);
    CREATE INDEX events_gen ON events (gen);
    CREATE TABLE relations (
        event BIGINT NOT NULL,
        other_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        PRIMARY KEY (event, other_id, kind)
    );
    CREATE INDEX relations_other ON relations (other_id);
    CREATE TABLE commits (
        gen BIGINT PRIMARY KEY,
        at BIGINT NOT NULL,
        author TEXT NOT NULL,
        summary TEXT NOT NULL
    );
    CREATE TABLE history (
        row BIGSERIAL PRIMARY KEY,
        id TEXT NOT NULL,
        gen BIGINT NOT NULL,
        doc TEXT
    );
    CREATE INDEX history_id ON history (id, gen);
    CREATE TABLE tombstones (id TEXT PRIMARY KEY, gen BIGINT NOT NULL);
    CREATE INDEX tombstones_gen ON tombstones (gen);
    CREATE TABLE duplicates (
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        score DOUBLE PRECISION NOT NULL,
        reasons TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open',
        gen BIGINT NOT NULL,
        PRIMARY KEY (a, b)
    );
    CREATE TABLE redirects (id TEXT PRIMARY KEY, target TEXT NOT NULL, gen BIGINT NOT NULL);
    CREATE INDEX redirects_target ON redirects (target);
    CREATE TABLE profiles (
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        name TEXT NOT NULL,
        doc TEXT NOT NULL,
        gen BIGINT NOT NULL,
        PRIMARY KEY (kind, key)
    );
    CREATE TABLE profile_history (
        row BIGSERIAL PRIMARY KEY,
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        name TEXT NOT NULL,
        gen BIGINT NOT NULL,
        doc TEXT
    );
    CREATE INDEX profile_history_key ON profile_history (kind, key, gen);
    CREATE TABLE aliases (
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        alias TEXT NOT NULL,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        PRIMARY KEY (kind, key)
    );
    CREATE INDEX aliases_name ON aliases (kind, name_key);",
    // 2: people and their rights, as SQLite's schema 6 keeps them (users by a case-folded
    // `key`; sessions and tokens by the hashes of their secrets), shared by every node.
    "CREATE TABLE users (
        key TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        password TEXT NOT NULL,
        role TEXT NOT NULL,
        created BIGINT NOT NULL,
        disabled BIGINT NOT NULL DEFAULT 0
    );
    CREATE TABLE sessions (
        hash BYTEA PRIMARY KEY,
        username TEXT NOT NULL,
        csrf TEXT NOT NULL,
        created BIGINT NOT NULL,
        expires BIGINT NOT NULL
    );
    CREATE INDEX sessions_expires ON sessions (expires);
    CREATE TABLE tokens (
        id BIGSERIAL PRIMARY KEY,
        hash BYTEA NOT NULL UNIQUE,
        username TEXT NOT NULL,
        scope TEXT NOT NULL,
        label TEXT NOT NULL,
        created BIGINT NOT NULL,
        revoked BIGINT,
        last_used BIGINT
    );",
    // 3: stories, as SQLite's schema 9 keeps them.
    "CREATE TABLE stories (id TEXT PRIMARY KEY, doc TEXT NOT NULL, gen BIGINT NOT NULL);
    CREATE TABLE story_history (
        row BIGSERIAL PRIMARY KEY,
        id TEXT NOT NULL,
        gen BIGINT NOT NULL,
        doc TEXT
    );
    CREATE INDEX story_history_id ON story_history (id, gen);",
    // 4: stored pictures and their copies, as SQLite's schema 10 keeps them.
    "CREATE TABLE files (
        hash TEXT PRIMARY KEY,
        mime TEXT NOT NULL,
        width BIGINT NOT NULL,
        height BIGINT NOT NULL,
        bytes BYTEA NOT NULL,
        at BIGINT NOT NULL,
        author TEXT NOT NULL
    );
    CREATE TABLE renditions (
        hash TEXT NOT NULL,
        width BIGINT NOT NULL,
        height BIGINT NOT NULL,
        bytes BYTEA NOT NULL,
        PRIMARY KEY (hash, width)
    );",
];

/// The schema version this build writes.
pub(super) const CURRENT: u32 = MIGRATIONS.len() as u32;

/// The advisory lock held while migrating.
const MIGRATING: i64 = 0x616e_6e61_6c73_0001;

/// The schema version of the database `client` is connected to.
pub(super) fn version(client: &mut Client) -> Result<u32, StoreError> {
    let exists: bool = client
        .query_one("SELECT to_regclass('annals_meta') IS NOT NULL", &[])?
        .try_get(0)?;
    if !exists {
        return Ok(0);
    }
    let v: Option<String> = client
        .query_opt(
            "SELECT value FROM annals_meta WHERE key = 'schema_version'",
            &[],
        )?
        .map(|r| r.try_get(0))
        .transpose()?;
    Ok(v.and_then(|v| v.parse().ok()).unwrap_or(0))
}

/// Bring the schema up to date; `name` says which database, in errors.
pub(super) fn migrate(client: &mut Client, name: &str) -> Result<(), StoreError> {
    client.execute("SELECT pg_advisory_lock($1)", &[&MIGRATING])?;
    let done = apply(client, name);
    let unlocked = client.execute("SELECT pg_advisory_unlock($1)", &[&MIGRATING]);
    done?;
    unlocked?;
    Ok(())
}

fn apply(client: &mut Client, name: &str) -> Result<(), StoreError> {
    let version = version(client)?;
    if version > CURRENT {
        return Err(StoreError::TooNew {
            found: version,
            supported: CURRENT,
        });
    }
    if version == 0 {
        let tables: i64 = client
            .query_one(
                "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()",
                &[],
            )?
            .get(0);
        if tables > 0 {
            return Err(StoreError::NotAnnals(name.to_string()));
        }
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        let mut tx = client.transaction()?;
        tx.batch_execute(sql)?;
        tx.execute(
            "INSERT INTO annals_meta (key, value) VALUES ('schema_version', $1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            &[&(i as u32 + 1).to_string()],
        )?;
        tx.commit()?;
    }
    Ok(())
}
