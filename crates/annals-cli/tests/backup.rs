//! `annals backup` while a server takes a burst of writes, and `annals restore` into a fresh
//! directory: the copy is one consistent state that searches at once.

mod common;
use common::server::*;
use common::*;

#[test]
fn backup_during_a_write_burst_and_restore() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("live.db");
    assert!(annals(&db, &["demo", "--no-serve"]).status.success());
    let tok = token_file(dir.path());
    let srv = Served::start(
        &db,
        &["--token-file", &tok, "--writes-per-minute", "10000"],
        None,
    );
    let addr = srv.addr;
    let burst = std::thread::spawn(move || {
        let mut written = 0;
        for i in 0..150 {
            let body = format!(r#"{{"id": "burst-{i}", "title": "Quoxle {i}", "date": "2020"}}"#);
            let r = exchange(
                addr,
                &format!("POST /api/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len()),
                body.as_bytes(),
            );
            assert_eq!(status_of(&r), 201, "{r}");
            written += 1;
        }
        written
    });
    std::thread::sleep(std::time::Duration::from_millis(200));
    let copy = dir.path().join("backups").join("copy.db");
    std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
    let out = ok(&db, &["backup", copy.to_str().unwrap()]);
    assert!(out.contains("backed up"), "{out}");
    assert_eq!(
        burst.join().unwrap(),
        150,
        "every write of the burst was acknowledged"
    );
    // The copy is a database of its own, in step with its index.
    assert!(annals(&copy, &["check", "--index"]).status.success());
    let copied = json(&copy, &["search", "--json", "--limit", "1", ""])["total"]
        .as_u64()
        .unwrap();
    assert!((110..=260).contains(&copied), "{copied}");
    // Burst events in the copy are a prefix of the burst: one consistent moment.
    let in_copy = json(&copy, &["search", "--json", "--limit", "1", "quoxle"])["total"]
        .as_u64()
        .unwrap();
    assert_eq!(copied, 110 + in_copy);
    // Restore into a fresh directory: it searches at once.
    let fresh = tempfile::tempdir().unwrap();
    let restored = fresh.path().join("restored.db");
    let out = ok(&restored, &["restore", copy.to_str().unwrap()]);
    assert!(out.contains(&format!("{copied} events")), "{out}");
    assert_eq!(
        json(&restored, &["search", "--json", "--limit", "1", ""])["total"],
        copied
    );
    assert!(annals(&restored, &["check", "--index"]).status.success());
    // An existing database is replaced only when asked.
    let again = annals(&restored, &["restore", copy.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    assert!(
        annals(&restored, &["restore", "--force", copy.to_str().unwrap()])
            .status
            .success()
    );
    // A backup never overwrites.
    let twice = annals(&db, &["backup", copy.to_str().unwrap()]);
    assert!(!twice.status.success());
    drop(srv);
    assert_eq!(
        json(&db, &["search", "--json", "--limit", "1", "quoxle"])["total"],
        150
    );
}
