//! The SQLite backend's own tests (the behaviour every backend shares is in `tests/`).

use super::*;
use annals_core::RawEvent;
use annals_dates::CalendarHint;

fn by() -> crate::Change {
    crate::Change::new("test", "a test")
}

fn event(json: &str) -> Event {
    serde_json::from_str::<RawEvent>(json)
        .unwrap()
        .into_event(CalendarHint::Auto)
        .unwrap()
}

#[test]
fn refuses_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(
        &text,
        "not a database at all, just some text that is long enough to matter",
    )
    .unwrap();
    assert!(matches!(
        SqliteStore::open(&text),
        Err(StoreError::NotAnnals(_))
    ));
    let other = dir.path().join("other.db");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x)")
        .unwrap();
    assert!(matches!(
        SqliteStore::open(&other),
        Err(StoreError::NotAnnals(_))
    ));
    let newer = dir.path().join("newer.db");
    Connection::open(&newer)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99")
        .unwrap();
    assert!(matches!(
        SqliteStore::open(&newer),
        Err(StoreError::TooNew { found: 99, .. })
    ));
}

#[test]
fn backup_is_a_consistent_copy() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = SqliteStore::open(&dir.path().join("a.db")).unwrap();
    let mut tx = s.transaction(&by()).unwrap();
    tx.upsert(&event(r#"{"title": "A", "date": "1960"}"#), None)
        .unwrap();
    tx.commit().unwrap();
    let copy = dir.path().join("copy.db");
    assert_eq!(s.backup_to(&copy).unwrap(), 1);
    let c = SqliteStore::open(&copy).unwrap();
    assert_eq!(c.generation().unwrap(), 1);
    assert_eq!(c.get("a-1960").unwrap().unwrap().title, "A");
}

/// The other names of schema 7 (participants only) become profiles in schema 8, their
/// history starting with them.
#[test]
fn schema_7_aliases_become_profiles() {
    use crate::migrations::MIGRATIONS;
    let mut conn = Connection::open_in_memory().unwrap();
    for sql in &MIGRATIONS[..7] {
        conn.execute_batch(sql).unwrap();
    }
    conn.execute_batch(
        "INSERT INTO aliases VALUES ('USA', 'United States', 3), ('United States of America', 'United States', 4), ('Prussia', 'Kingdom of Prussia', 5);",
    )
    .unwrap();
    conn.pragma_update(None, "user_version", 7).unwrap();
    let tx = conn.transaction().unwrap();
    tx.execute_batch(MIGRATIONS[7]).unwrap();
    tx.commit().unwrap();
    let s = SqliteStore { conn };
    let (name, p) = s
        .profile(annals_core::profile::Kind::Participant, "united states")
        .unwrap()
        .unwrap();
    assert_eq!(name, "United States");
    assert_eq!(p.aliases, ["USA", "United States of America"]);
    assert_eq!(
        s.name_for(annals_core::profile::Kind::Participant, "prussia")
            .unwrap()
            .as_deref(),
        Some("Kingdom of Prussia")
    );
    let h = s
        .profile_history(annals_core::profile::Kind::Participant, "United States")
        .unwrap();
    assert_eq!(h.len(), 1);
    assert_eq!(h[0].commit.generation, 4);
}
