//! Store and index in step: the store commits first, the index follows; an index left behind
//! catches up from the change log, one left ahead (an older store put back) is rebuilt, and
//! readers never fail while writers work.

use annals_core::{Event, RawEvent};
use annals_dates::CalendarHint;
use annals_index::sync::{self, Size, Write};
use annals_index::{SearchIndex, SearchOptions};
use annals_store::{Change, EventStore, SqliteStore};
use std::path::{Path, PathBuf};

fn event(title: &str, summary: &str) -> Event {
    serde_json::from_value::<RawEvent>(serde_json::json!({
        "title": title, "date": "1900", "summary": summary
    }))
    .unwrap()
    .into_event(CalendarHint::Auto)
    .unwrap()
}

fn by() -> Change {
    Change::new("test", "sync")
}

fn total(index: &SearchIndex, q: &str) -> usize {
    let opts = SearchOptions {
        limit: 1,
        cursor: None,
        facets: false,
        facet_size: 0,
        facet_sample: None,
        ..Default::default()
    };
    index
        .search(&annals_query::parse(q).unwrap(), &opts)
        .unwrap()
        .total
}

/// Write through the store alone, as a writer killed between its two commits leaves it.
fn store_only(db: &Path, f: impl FnOnce(&mut dyn annals_store::Transaction)) {
    let mut store = SqliteStore::open(db).unwrap();
    let mut tx = store.transaction(&by()).unwrap();
    f(&mut *tx);
    tx.commit().unwrap();
}

/// Write `events` (title, summary) through the store and the index, in one transaction.
fn write_all(store: &mut SqliteStore, index: &SearchIndex, events: &[(&str, &str)]) {
    let mut w = Write::begin(store, index, &by(), Size::Small).unwrap();
    for (title, summary) in events {
        w.upsert(&event(title, summary), None).unwrap();
    }
    w.commit().unwrap();
}

/// A store (its directory, its file) and its index, with Alpha, Beta and Gamma written
/// ("first").
fn three_written() -> (tempfile::TempDir, PathBuf, SqliteStore, SearchIndex) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e.db");
    let mut store = SqliteStore::open(&db).unwrap();
    let index = SearchIndex::open_or_create(&annals_index::dir_for(&db)).unwrap();
    let first = [("Alpha", "first"), ("Beta", "first"), ("Gamma", "first")];
    write_all(&mut store, &index, &first);
    (dir, db, store, index)
}

#[test]
fn an_index_left_behind_catches_up_from_the_change_log() {
    let (_dir, db, mut store, index) = three_written();
    store_only(&db, |tx| {
        tx.upsert(&event("Beta", "second"), None).unwrap();
        tx.delete("gamma-1900").unwrap();
        tx.upsert(&event("Delta", "first"), None).unwrap();
    });
    assert!(!sync::in_step(&index, &store).unwrap());
    // The index behind still answers, from its last commit.
    assert_eq!(total(&index, "first"), 3);
    assert!(sync::catch_up(&index, &mut store).unwrap());
    assert!(sync::in_step(&index, &store).unwrap());
    assert_eq!(total(&index, "first"), 2, "alpha and delta");
    assert_eq!(total(&index, "second"), 1);
    assert_eq!(total(&index, "gamma"), 0);
    assert_eq!(index.len(), 3);
}

#[test]
fn the_next_writer_catches_up_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e.db");
    let mut store = SqliteStore::open(&db).unwrap();
    let index = SearchIndex::open_or_create(&annals_index::dir_for(&db)).unwrap();
    store_only(&db, |tx| {
        tx.upsert(&event("Alpha", "missed"), None).unwrap();
    });
    let mut w = Write::begin(&mut store, &index, &by(), Size::Small).unwrap();
    w.upsert(&event("Beta", "written"), None).unwrap();
    assert_eq!(w.commit().unwrap(), 2);
    assert_eq!(total(&index, "missed"), 1);
    assert_eq!(total(&index, "written"), 1);
}

#[test]
fn an_index_ahead_of_its_store_is_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e.db");
    let saved = dir.path().join("saved.db");
    {
        let mut store = SqliteStore::open(&db).unwrap();
        let index = SearchIndex::open_or_create(&annals_index::dir_for(&db)).unwrap();
        write_all(&mut store, &index, &[("Alpha", "old")]);
        store.backup_to(&saved).unwrap();
        write_all(&mut store, &index, &[("Beta", "new")]);
    }
    // Put the older database back under the newer index.
    std::fs::copy(&saved, &db).unwrap();
    for ext in ["-wal", "-shm"] {
        let mut p = db.clone().into_os_string();
        p.push(ext);
        let _ = std::fs::remove_file(p);
    }
    let mut store = SqliteStore::open(&db).unwrap();
    let index = sync::for_search(&annals_store::Db::File(db.clone()), &mut store).unwrap();
    assert!(sync::in_step(&index, &store).unwrap());
    assert_eq!(total(&index, "new"), 0);
    assert_eq!(total(&index, "old"), 1);
}

#[test]
fn a_reader_does_not_wait_for_a_writer_holding_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e.db");
    let mut store = SqliteStore::open(&db).unwrap();
    let index = SearchIndex::open_or_create(&annals_index::dir_for(&db)).unwrap();
    store_only(&db, |tx| {
        tx.upsert(&event("Alpha", "x"), None).unwrap();
    });
    let _held = index.writer().unwrap();
    let mut other = SqliteStore::open(&db).unwrap();
    assert!(!sync::catch_up(&index, &mut other).unwrap());
    let _ = &mut store;
}

/// Readers search while a writer commits many small transactions: no search ever fails,
/// and each sees a whole number of writes (every write adds two events).
#[test]
fn readers_see_whole_generations_while_writers_write() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e.db");
    let index = SearchIndex::open_or_create(&annals_index::dir_for(&db)).unwrap();
    let mut store = SqliteStore::open(&db).unwrap();
    const WRITES: usize = 40;
    let done = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        let index = &index;
        let done = &done;
        let readers: Vec<_> = (0..3)
            .map(|_| {
                scope.spawn(move || {
                    let mut reads = 0;
                    while !done.load(std::sync::atomic::Ordering::Relaxed) || reads < 10 {
                        index.reload().unwrap();
                        let n = total(index, "pair");
                        assert_eq!(n % 2, 0, "a reader saw half a write: {n}");
                        reads += 1;
                    }
                    reads
                })
            })
            .collect();
        for i in 0..WRITES {
            let mut w = Write::begin(&mut store, index, &by(), Size::Small).unwrap();
            w.upsert(&event(&format!("First {i}"), "pair"), None)
                .unwrap();
            w.upsert(&event(&format!("Second {i}"), "pair"), None)
                .unwrap();
            w.commit().unwrap();
        }
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        for r in readers {
            assert!(r.join().unwrap() >= 10);
        }
    });
    assert_eq!(total(&index, "pair"), 2 * WRITES);
}

/// A rebuild of an index behind its store holds each event once. It used to replay the change
/// log into the writer first, then empty the index: emptying removed the index's segments but
/// not the replayed documents still in the writer's memory, so those came back beside the
/// rebuilt ones (399,675 events twice at 10M, after a schema change had emptied the index).
#[test]
fn a_rebuild_of_an_index_left_behind_holds_each_event_once() {
    let (_dir, db, mut store, index) = three_written();
    drop(index);
    store_only(&db, |tx| {
        tx.upsert(&event("Beta", "second"), None).unwrap();
        tx.upsert(&event("Delta", "first"), None).unwrap();
    });
    // Behind by one write, and (a new, empty index) behind by all of them.
    for emptied in [false, true] {
        if emptied {
            std::fs::remove_dir_all(annals_index::dir_for(&db)).unwrap();
        }
        let index = SearchIndex::open_or_create(&annals_index::dir_for(&db)).unwrap();
        assert!(!sync::in_step(&index, &store).unwrap());
        assert_eq!(
            sync::rebuild(&index, &mut store).unwrap(),
            4,
            "emptied: {emptied}"
        );
        assert!(sync::in_step(&index, &store).unwrap());
        assert_eq!(total(&index, "first"), 3, "alpha, gamma, delta");
        assert_eq!(total(&index, "second"), 1);
        store_only(&db, |tx| {
            tx.upsert(&event("Epsilon", "third"), None).unwrap();
            tx.delete("epsilon-1900").unwrap();
        });
    }
    // An empty index catches up by a rebuild, not by replaying the whole log.
    std::fs::remove_dir_all(annals_index::dir_for(&db)).unwrap();
    let index = SearchIndex::open_or_create(&annals_index::dir_for(&db)).unwrap();
    assert!(sync::catch_up(&index, &mut store).unwrap());
    assert_eq!(index.len(), 4);
    assert_eq!(total(&index, "first"), 3);
}
