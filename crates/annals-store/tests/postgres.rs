//! What only the PostgreSQL store does: many connections (many annals nodes) writing at once,
//! the schema's guard rails, and the notification each commit sends. The behaviour both stores
//! share is in `store.rs`, run against both.

#[path = "../../../tests/support/postgres.rs"]
mod postgres;
#[path = "../../../tests/support/shared.rs"]
mod shared;

use annals_core::{Event, RawEvent};
use annals_dates::CalendarHint;
use annals_store::{Change, EventStore, PostgresStore, StoreError};

fn event(json: &str) -> Event {
    serde_json::from_str::<RawEvent>(json)
        .unwrap()
        .into_event(CalendarHint::Auto)
        .unwrap()
}

/// Writers on separate connections take turns: every commit gets its own generation, in
/// order, and none of their writes is lost.
#[test]
fn writers_on_many_connections_take_turns() {
    let Some(cluster) = postgres::Cluster::shared() else {
        return;
    };
    let url = cluster.database();
    PostgresStore::connect(&url).unwrap();
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let url = url.clone();
            std::thread::spawn(move || {
                let mut store = PostgresStore::connect(&url).unwrap();
                let mut gens = Vec::new();
                for i in 0..10 {
                    let mut tx = store
                        .transaction(&Change::new(format!("w{w}"), format!("write {i}")))
                        .unwrap();
                    let base = tx.base_generation();
                    let e = event(&format!(
                        r#"{{"id": "w{w}-{i}", "title": "W{w} {i}", "date": "1960"}}"#
                    ));
                    tx.upsert(&e, None).unwrap();
                    // A shared event every writer reads and rewrites: lost updates would
                    // show in its final count.
                    let mut count = tx
                        .get("counter")
                        .unwrap()
                        .map_or(0, |c| c.summary.parse::<u32>().unwrap());
                    count += 1;
                    let c = event(&format!(
                        r#"{{"id": "counter", "title": "Counter", "date": "2000", "summary": "{count}"}}"#
                    ));
                    tx.upsert(&c, None).unwrap();
                    let g = tx.commit().unwrap();
                    assert_eq!(g, base + 1, "a commit is the generation after its base");
                    gens.push(g);
                }
                gens
            })
        })
        .collect();
    let mut gens: Vec<u64> = writers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();
    gens.sort();
    assert_eq!(gens, (1..=40).collect::<Vec<u64>>());
    let store = PostgresStore::connect(&url).unwrap();
    assert_eq!(store.generation().unwrap(), 40);
    assert_eq!(store.count().unwrap(), 41);
    assert_eq!(store.get("counter").unwrap().unwrap().summary, "40");
    let history = store.history("counter").unwrap();
    assert_eq!(history.len(), 40, "one state per commit");
}

#[test]
fn refuses_other_databases_and_newer_schemas() {
    let Some(cluster) = postgres::Cluster::shared() else {
        return;
    };
    let other = cluster.database();
    let mut client = ::postgres::Client::connect(&other, ::postgres::NoTls).unwrap();
    client
        .batch_execute("CREATE TABLE invoices (n INT)")
        .unwrap();
    assert!(matches!(
        PostgresStore::connect(&other),
        Err(StoreError::NotAnnals(_))
    ));
    let newer = cluster.database();
    PostgresStore::connect(&newer).unwrap();
    let mut client = ::postgres::Client::connect(&newer, ::postgres::NoTls).unwrap();
    client
        .batch_execute("UPDATE annals_meta SET value = '99' WHERE key = 'schema_version'")
        .unwrap();
    assert!(matches!(
        PostgresStore::connect(&newer),
        Err(StoreError::TooNew { found: 99, .. })
    ));
    // Connecting twice to an up-to-date database migrates nothing.
    let url = cluster.database();
    PostgresStore::connect(&url).unwrap();
    let s = PostgresStore::connect(&url).unwrap();
    assert_eq!(s.generation().unwrap(), 0);
}

#[test]
fn a_commit_notifies_listeners_with_its_generation() {
    let Some(cluster) = postgres::Cluster::shared() else {
        return;
    };
    use ::postgres::fallible_iterator::FallibleIterator;
    let url = cluster.database();
    let mut store = PostgresStore::connect(&url).unwrap();
    let mut listener = ::postgres::Client::connect(&url, ::postgres::NoTls).unwrap();
    listener.batch_execute("LISTEN annals_changes").unwrap();
    let mut tx = store.transaction(&Change::new("t", "one")).unwrap();
    tx.upsert(&event(r#"{"title": "A", "date": "1960"}"#), None)
        .unwrap();
    tx.commit().unwrap();
    let mut notifications = listener.notifications();
    let mut waiting = notifications.timeout_iter(std::time::Duration::from_secs(10));
    let n = waiting.next().unwrap().expect("a notification");
    assert_eq!((n.channel(), n.payload()), ("annals_changes", "1"));
}

#[test]
fn an_unreachable_server_is_a_clear_error() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let err = PostgresStore::connect(&format!("postgres://annals:secret@127.0.0.1:{port}/x"))
        .err()
        .expect("nothing listens there");
    let text = err.to_string();
    assert!(matches!(err, StoreError::Unavailable(_)), "{err:?}");
    assert!(text.contains("Connection refused"), "{text}");
    assert!(!text.contains("secret"), "{text}");
}
