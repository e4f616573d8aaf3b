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

/// An event of the many that train a dictionary: alike in their keys and words, as a corpus is.
fn numbered(n: usize) -> Event {
    let places = ["Paris", "Lyon", "Rouen", "Nantes", "Lille", "Reims"];
    event(&format!(
        r#"{{"id": "e{n}", "title": "The council of {} in year {}", "date": "{}",
            "summary": "Delegates of {} and {} met at the town hall to settle the matter of the bridge tolls, number {n}.",
            "places": [{{"name": "{}", "country": "France"}}]}}"#,
        places[n % 6],
        1500 + n % 400,
        1500 + n % 400,
        places[(n + 1) % 6],
        places[(n + 2) % 6],
        places[n % 6],
    ))
}

/// The first transaction to write `TRAIN_ON` documents trains the store's dictionary; later
/// documents name it, every document reads back, in another process too (which loads the
/// dictionary from the store), and a frame whose dictionary is gone is a clear error.
#[test]
fn documents_are_compressed_with_the_stores_dictionary() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.db");
    let mut s = SqliteStore::open(&path).unwrap();
    let n = codec::TRAIN_ON + 500;
    let mut tx = s.transaction(&by()).unwrap();
    for i in 0..n {
        tx.upsert(&numbered(i), None).unwrap();
    }
    tx.commit().unwrap();
    let conn = Connection::open(&path).unwrap();
    let dictionaries: i64 = conn
        .query_row("SELECT count(*) FROM dictionaries", [], |r| r.get(0))
        .unwrap();
    assert_eq!(dictionaries, 1);
    let named = |id: &str| -> Option<u32> {
        let frame: Vec<u8> = conn
            .query_row("SELECT doc FROM events WHERE id = ?1", [id], |r| r.get(0))
            .unwrap();
        codec::dictionary_of(&frame)
    };
    assert_eq!(named("e0"), None, "trained on, stored as it was");
    let id = named(&format!("e{}", n - 1)).expect("a later document names the dictionary");
    let size = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    let before = size("SELECT CAST(avg(length(doc)) AS INTEGER) FROM events WHERE rowid <= 1000");
    let after = size(&format!(
        "SELECT CAST(avg(length(doc)) AS INTEGER) FROM events WHERE rowid > {}",
        codec::TRAIN_ON
    ));
    assert!(
        after * 3 < before * 2,
        "{after} bytes a document with it, {before} without"
    );
    // Another process: nothing known but the store.
    codec::forget_dictionaries();
    let s = SqliteStore::open(&path).unwrap();
    for i in (0..n).step_by(97).chain([n - 1]) {
        assert_eq!(s.get(&format!("e{i}")).unwrap(), Some(numbered(i)), "e{i}");
    }
    // A second transaction keeps the dictionary and trains no other.
    let mut s = SqliteStore::open(&path).unwrap();
    let mut tx = s.transaction(&by()).unwrap();
    for i in n..n + codec::TRAIN_ON {
        tx.upsert(&numbered(i), None).unwrap();
    }
    tx.commit().unwrap();
    assert_eq!(size("SELECT count(*) FROM dictionaries"), 1);
    assert_eq!(named(&format!("e{n}")), Some(id));
    // The dictionary gone: the documents that need it say so.
    conn.execute("DELETE FROM dictionaries", []).unwrap();
    codec::forget_dictionaries();
    let s = SqliteStore::open(&path).unwrap();
    assert_eq!(s.get("e0").unwrap(), Some(numbered(0)));
    let err = std::thread::spawn(move || s.get(&format!("e{}", n - 1)).unwrap_err())
        .join()
        .unwrap();
    assert!(err.to_string().contains("dictionary"), "{err}");
}
