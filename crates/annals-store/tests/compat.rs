//! Databases written by released schema versions must open and read back the same events.
//! `compat/v1.db` was written by schema version 1 from `compat/v1-events.jsonl` and the card
//! fixture `crates/annals-formats/tests/fixtures/hastings.txt`; `compat/v1-export.jsonl` is what
//! `annals export` printed for it. Never regenerate these files: add a new version beside them.

use annals_store::{list, EventStore, Filter, SqliteStore};
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/compat")
        .join(name)
}

#[test]
fn schema_v1_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v1.db");
    std::fs::copy(fixture("v1.db"), &db).unwrap();
    let store = SqliteStore::open(&db).unwrap();
    let events = list(&store, &Filter::default()).unwrap();
    let exported: String = events
        .iter()
        .map(|e| serde_json::to_string(e).unwrap() + "\n")
        .collect();
    let expected = std::fs::read_to_string(fixture("v1-export.jsonl")).unwrap();
    assert_eq!(exported, expected);
    assert!(store.stats().unwrap().schema_version >= 1);
    let at = |place: &str| {
        list(
            &store,
            &Filter {
                place: Some(place.into()),
                ..Filter::default()
            },
        )
        .unwrap()
        .len()
    };
    assert_eq!(at("Nowhere"), 1);
    assert_eq!(at("Cape Fixture, Nowhere"), 1);
    let by = list(
        &store,
        &Filter {
            participant: Some("fixture company".into()),
            ..Filter::default()
        },
    )
    .unwrap();
    assert_eq!(by[0].id, "founding-of-the-test-colony-1607");
    assert_eq!(
        store
            .get("battle-of-hastings-1066")
            .unwrap()
            .unwrap()
            .key_points
            .len(),
        2
    );
}

/// A version 1 file migrates to the current version: its text rows read as before, rows written since are
/// compressed, an unchanged re-import stays unchanged across the two encodings, and the place
/// and participant side tables are gone while place and participant filters still answer.
#[test]
fn schema_v1_rows_and_compressed_rows_live_together() {
    use annals_store::Written;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v1.db");
    std::fs::copy(fixture("v1.db"), &db).unwrap();
    let mut store = SqliteStore::open(&db).unwrap();
    assert_eq!(store.stats().unwrap().schema_version, 11);
    let mut hastings = store.get("battle-of-hastings-1066").unwrap().unwrap();
    let places = store.stats().unwrap().places;
    {
        let mut tx = store
            .transaction(&annals_store::Change::new("test", "compat"))
            .unwrap();
        assert_eq!(tx.upsert(&hastings, None).unwrap(), Written::Unchanged);
        hastings.summary.push_str(" Rewritten.");
        assert_eq!(tx.upsert(&hastings, None).unwrap(), Written::Updated);
        tx.commit().unwrap();
    }
    drop(store);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let kinds: Vec<(String, String)> = conn
        .prepare("SELECT id, typeof(doc) FROM events ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(kinds.contains(&("battle-of-hastings-1066".into(), "blob".into())));
    assert!(kinds.iter().any(|(_, t)| t == "text"), "{kinds:?}");
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        tables,
        [
            "aliases",
            "annals_meta",
            "commits",
            "dictionaries",
            "duplicates",
            "events",
            "files",
            "history",
            "profile_history",
            "profiles",
            "redirects",
            "relations",
            "renditions",
            "sessions",
            "stories",
            "story_history",
            "tokens",
            "tombstones",
            "users"
        ]
    );
    drop(conn);
    let store = SqliteStore::open(&db).unwrap();
    let back = store.get("battle-of-hastings-1066").unwrap().unwrap();
    assert!(back.summary.ends_with(" Rewritten."));
    // The state written before schema version 4 stays in the history, with an unknown commit;
    // the change log starts at the migration, so changes from before it are not claimed known.
    let history = store.history("battle-of-hastings-1066").unwrap();
    assert_eq!(history.len(), 2, "{history:?}");
    assert_eq!(history[0].commit.author, "");
    assert!(!history[0]
        .event
        .as_ref()
        .unwrap()
        .summary
        .ends_with(" Rewritten."));
    assert_eq!(history[1].commit.author, "test");
    let migrated_at = history[1].commit.generation - 1;
    if migrated_at > 0 {
        assert!(store.changes_since(migrated_at - 1).unwrap().is_none());
    }
    assert_eq!(
        store.changes_since(migrated_at).unwrap().unwrap().changed,
        ["battle-of-hastings-1066"]
    );
    assert_eq!(store.stats().unwrap().places, places);
    assert_eq!(list(&store, &Filter::default()).unwrap().len(), kinds.len());
}
