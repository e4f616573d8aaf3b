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
    // 4: history and the change log. Each event row remembers the generation that last wrote
    // it (`gen`, indexed: what changed since generation g is a range scan) and where it was
    // imported from (`origin`). `commits` says who wrote each generation, when and why.
    // `history` keeps every replaced state (`doc` NULL: the event was deleted then), and
    // `tombstones` the deleted ids with the generation that deleted them. `duplicates` holds
    // pairs of events proposed as one (`status`: open, distinct, merged). `log_from` is the
    // generation the change log starts at: changes before it are not known one by one.
    "ALTER TABLE events ADD COLUMN gen INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE events ADD COLUMN origin TEXT;
    ALTER TABLE events ADD COLUMN stub INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX events_gen ON events (gen);
    CREATE TABLE commits (
        gen INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        author TEXT NOT NULL,
        summary TEXT NOT NULL
    );
    CREATE TABLE history (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL,
        gen INTEGER NOT NULL,
        doc BLOB
    );
    CREATE INDEX history_id ON history (id, gen);
    CREATE TABLE tombstones (id TEXT PRIMARY KEY NOT NULL, gen INTEGER NOT NULL) WITHOUT ROWID;
    CREATE INDEX tombstones_gen ON tombstones (gen);
    CREATE TABLE duplicates (
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        score REAL NOT NULL,
        reasons TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open',
        gen INTEGER NOT NULL,
        PRIMARY KEY (a, b)
    ) WITHOUT ROWID;
    INSERT OR REPLACE INTO annals_meta
        SELECT 'log_from', COALESCE((SELECT value FROM annals_meta WHERE key = 'generation'), 0);",
    // 5: who links to an event (an event page lists the events that relate to it).
    "CREATE INDEX relations_other ON relations (other_id);",
    // 6: people and their rights (users with roles; sessions and personal API tokens, kept
    // only as hashes of their secrets), and the ids of events merged away (each answers with
    // a redirect to the event it became).
    "CREATE TABLE users (
        name TEXT PRIMARY KEY NOT NULL COLLATE NOCASE,
        password TEXT NOT NULL,
        role TEXT NOT NULL,
        created INTEGER NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE sessions (
        hash BLOB PRIMARY KEY NOT NULL,
        user TEXT NOT NULL,
        csrf TEXT NOT NULL,
        created INTEGER NOT NULL,
        expires INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE tokens (
        id INTEGER PRIMARY KEY,
        hash BLOB NOT NULL UNIQUE,
        user TEXT NOT NULL,
        scope TEXT NOT NULL,
        label TEXT NOT NULL,
        created INTEGER NOT NULL,
        revoked INTEGER,
        last_used INTEGER
    );
    CREATE TABLE redirects (
        id TEXT PRIMARY KEY NOT NULL,
        target TEXT NOT NULL,
        gen INTEGER NOT NULL
    ) WITHOUT ROWID;",
    // 7: other names of participants ("USA" for "United States"), which searches match too.
    "CREATE TABLE aliases (
        alias TEXT PRIMARY KEY NOT NULL COLLATE NOCASE,
        name TEXT NOT NULL,
        gen INTEGER NOT NULL
    );",
    // 8: profiles of participants and places (description, dates, Wikidata and GeoNames ids,
    // other names), keyed by kind and name, with every state in `profile_history` (`doc` NULL:
    // removed). The aliases become the index of the profiles' other names, per kind; the
    // aliases of schema 7 (participants) become profiles.
    "CREATE TABLE profiles (
        kind TEXT NOT NULL,
        name TEXT NOT NULL COLLATE NOCASE,
        doc TEXT NOT NULL,
        gen INTEGER NOT NULL,
        PRIMARY KEY (kind, name)
    ) WITHOUT ROWID;
    CREATE TABLE profile_history (
        kind TEXT NOT NULL,
        name TEXT NOT NULL COLLATE NOCASE,
        gen INTEGER NOT NULL,
        doc TEXT
    );
    CREATE INDEX profile_history_name ON profile_history (kind, name, gen);
    INSERT INTO profiles (kind, name, doc, gen)
        SELECT 'participant', name, json_object('aliases', json_group_array(alias)), max(gen)
        FROM aliases GROUP BY name COLLATE NOCASE;
    INSERT INTO profile_history (kind, name, gen, doc) SELECT kind, name, gen, doc FROM profiles;
    CREATE TABLE aliases_by_kind (
        kind TEXT NOT NULL,
        alias TEXT NOT NULL COLLATE NOCASE,
        name TEXT NOT NULL,
        PRIMARY KEY (kind, alias)
    ) WITHOUT ROWID;
    INSERT INTO aliases_by_kind (kind, alias, name) SELECT 'participant', alias, name FROM aliases;
    DROP TABLE aliases;
    ALTER TABLE aliases_by_kind RENAME TO aliases;",
    // 9: stories (guided tours through events), as compact JSON with the generation that
    // wrote them, and every state in `story_history` (`doc` NULL: deleted).
    "CREATE TABLE stories (
        id TEXT PRIMARY KEY NOT NULL,
        doc TEXT NOT NULL,
        gen INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE story_history (
        id TEXT NOT NULL,
        gen INTEGER NOT NULL,
        doc TEXT
    );
    CREATE INDEX story_history_id ON story_history (id, gen);",
    // 10: stored pictures (uploads), addressed by the SHA-256 of their bytes, and their
    // smaller copies (WebP). Rowid tables: a BLOB this size does not belong in an index page.
    "CREATE TABLE files (
        hash TEXT NOT NULL UNIQUE,
        mime TEXT NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        bytes BLOB NOT NULL,
        at INTEGER NOT NULL,
        author TEXT NOT NULL
    );
    CREATE TABLE renditions (
        hash TEXT NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        bytes BLOB NOT NULL,
        UNIQUE (hash, width)
    );",
    // 11: a zstd dictionary trained on the store's own documents (`sqlite/codec.rs`): an event's
    // JSON is too short for zstd to find much in it alone (654 bytes of 1,008 at ten million
    // generated events; about 440 with a dictionary). Frames name the dictionary they need
    // (zstd's dictionary id, the key here); rows written before read as they did.
    "CREATE TABLE dictionaries (id INTEGER PRIMARY KEY, dict BLOB NOT NULL);",
];

/// The schema version this build writes.
pub const CURRENT: u32 = MIGRATIONS.len() as u32;
