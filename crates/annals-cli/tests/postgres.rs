//! The `annals` binary on PostgreSQL (`--db postgres://…`) against a real server
//! (`tests/support/postgres.rs`): the same commands answer the same on both stores, and a
//! second node (another index directory on the same database) catches its index up from the
//! database's change log.

mod common;
/// What `support/postgres.rs` calls to say it skipped (common includes `shared.rs` already).
mod shared {
    pub use super::common::skipped;
}
#[path = "../../../tests/support/postgres.rs"]
mod postgres;
use common::{annals, ok};
use std::path::Path;

/// A new version of a demo event.
const EDIT: &str = r#"{"id": "battle-of-hastings-1066", "title": "Battle of Hastings",
    "date": "1066-10-14", "places": [{"name": "Battle", "country": "England"}],
    "summary": "A short retelling."}"#;

/// Every `at_ms` (a commit's time) set to 0.
fn zero_times(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                if k == "at_ms" {
                    *x = 0.into();
                } else {
                    zero_times(x);
                }
            }
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(zero_times),
        _ => {}
    }
}

/// Run `annals --db URL --index-dir DIR ARGS...`, insisting on success.
fn on(url: &str, index: &Path, args: &[&str]) -> String {
    let mut all = vec!["--index-dir", index.to_str().unwrap()];
    all.extend_from_slice(args);
    ok(Path::new(url), &all)
}

/// The commands a reader and a curator use, each answering the same from SQLite and from
/// PostgreSQL (byte for byte: the same events in the same order, the same generations).
#[test]
fn every_command_answers_alike_on_both_stores() {
    let Some(cluster) = postgres::Cluster::shared() else {
        return;
    };
    let url = cluster.database();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.db");
    let index = dir.path().join("node-a.index");
    let sqlite = |args: &[&str]| ok(&file, args);
    let pg = |args: &[&str]| on(&url, &index, args);
    for run in [&sqlite as &dyn Fn(&[&str]) -> String, &pg] {
        run(&["demo", "--no-serve"]);
    }
    let card = dir.path().join("edit.json");
    std::fs::write(&card, EDIT).unwrap();
    let card = card.to_str().unwrap();
    let commands: &[&[&str]] = &[
        &["stats", "--json"],
        &["list", "--from", "44 BC", "--to", "AD 14"],
        &["show", "battle-of-hastings-1066", "--json"],
        &["search", "treaty", "--limit", "5"],
        &["search", "battle date:1000..1500"],
        &[
            "timeline",
            "--from",
            "1000",
            "--to",
            "2000",
            "--buckets",
            "4",
        ],
        &["related", "battle-of-hastings-1066"],
        &["import", card],
        &["history", "battle-of-hastings-1066", "--json"],
        &["export", "--format", "jsonl"],
        &["alias", "add", "USA", "United States"],
        &["search", "participant:USA", "--limit", "3"],
        &["duplicates"],
    ];
    for args in commands {
        let (a, b) = (sqlite(args), pg(args));
        // Commit times differ between the two runs; everything else is the same.
        let strip = |s: &str| -> String {
            s.lines()
                .filter(|l| !l.contains("\"at_ms\""))
                .collect::<Vec<_>>()
                .join("\n")
        };
        let (a, b) = if args[0] == "history" {
            let v = |s: &str| {
                let mut v: serde_json::Value = serde_json::from_str(s).unwrap();
                zero_times(&mut v);
                v.to_string()
            };
            (v(&a), v(&b))
        } else {
            (strip(&a), strip(&b))
        };
        let (a, b) = if args[0] == "import" || args[0] == "stats" {
            // They name the database.
            (
                a.replace(file.to_str().unwrap(), "DB"),
                b.replace(&url, "DB"),
            )
        } else {
            (a, b)
        };
        if args[0] == "stats" {
            let (mut x, mut y): (serde_json::Value, serde_json::Value) = (
                serde_json::from_str(&a).unwrap(),
                serde_json::from_str(&b).unwrap(),
            );
            // Each store has its own schema versions.
            x["schema_version"] = 0.into();
            y["schema_version"] = 0.into();
            assert_eq!(x, y, "annals {args:?}");
            continue;
        }
        assert_eq!(a, b, "annals {args:?}: SQLite, then PostgreSQL");
    }
    // What only an SQLite file does says so.
    let out = annals(
        Path::new(&url),
        &["--index-dir", index.to_str().unwrap(), "backup", "x.db"],
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("pg_dump"), "{err}");
}

/// Two nodes share one database, each with its own index: what one writes, the other finds
/// when it next opens its index (caught up from the change log, not rebuilt).
#[test]
fn a_second_node_catches_its_index_up_from_the_change_log() {
    let Some(cluster) = postgres::Cluster::shared() else {
        return;
    };
    let url = cluster.database();
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.index"), dir.path().join("b.index"));
    on(&url, &a, &["demo", "--no-serve"]);
    let before = on(&url, &b, &["search", "Hastings", "--json"]);
    assert!(before.contains("battle-of-hastings-1066"), "{before}");
    let card = dir.path().join("new.json");
    std::fs::write(
        &card,
        r#"{"title": "Sealing of a charter at Runnymede", "date": "1215-06-15",
            "places": [{"name": "Runnymede", "country": "England"}],
            "summary": "Barons and a king agree on terms."}"#,
    )
    .unwrap();
    on(&url, &a, &["import", card.to_str().unwrap()]);
    let after = on(&url, &b, &["search", "Runnymede charter"]);
    assert!(
        after.contains("Sealing of a charter at Runnymede"),
        "{after}"
    );
    let deleted = on(&url, &a, &["check", "--index"]);
    assert!(!deleted.is_empty());
    on(&url, &b, &["check", "--index"]);
}

/// `annals migrate` copies a store to PostgreSQL and back: every event, its history and the
/// curators' work arrive, verified by the command itself and by reading the copies.
#[test]
fn migrate_there_and_back() {
    let Some(cluster) = postgres::Cluster::shared() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.db");
    ok(&a, &["demo", "--no-serve"]);
    ok(&a, &["alias", "add", "USA", "United States"]);
    let card = dir.path().join("edit.json");
    std::fs::write(&card, EDIT).unwrap();
    ok(&a, &["import", card.to_str().unwrap()]);
    // People come along: their passwords, their tokens (the script's keeps working).
    let mut add = std::process::Command::new(env!("CARGO_BIN_EXE_annals"))
        .arg("--db")
        .arg(&a)
        .args(["user", "add", "clio", "--role", "reviewer"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut add.stdin.take().unwrap(), b"long enough, surely\n").unwrap();
    assert!(add.wait().unwrap().success());
    ok(&a, &["user", "token", "clio", "--label", "script"]);
    let url = cluster.database();
    let there = ok(
        &a,
        &["migrate", "--from", a.to_str().unwrap(), "--to", &url],
    );
    assert!(there.contains("verified"), "{there}");
    let b = dir.path().join("b.db");
    let back = ok(
        &a,
        &["migrate", "--from", &url, "--to", b.to_str().unwrap()],
    );
    assert!(back.contains("verified"), "{back}");
    let checksum = |s: &str| {
        s.split("checksum ")
            .nth(1)
            .and_then(|s| s.split(')').next())
            .map(str::to_string)
    };
    assert_eq!(checksum(&there), checksum(&back), "{there}\n{back}");
    for args in [
        &["export", "--format", "jsonl"][..],
        &["history", "battle-of-hastings-1066", "--json"],
        &["search", "participant:USA", "--limit", "3"],
        &["user", "list"],
        &["user", "tokens"],
    ] {
        assert_eq!(ok(&a, args), ok(&b, args), "annals {args:?}");
        let index = dir.path().join("node.index");
        assert_eq!(ok(&a, args), on(&url, &index, args), "annals {args:?}");
    }
    assert!(ok(&b, &["user", "tokens"]).contains("script"));
    // Into a store that holds anything: refused, and nothing changes.
    let out = annals(
        &a,
        &["migrate", "--from", a.to_str().unwrap(), "--to", &url],
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("empty"), "{err}");
}

/// `POST /api/events` with the test token: the reply's status.
fn create(addr: std::net::SocketAddr, body: &str) -> u16 {
    let head = format!(
        "POST /api/events HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        common::server::TOKEN,
        body.len()
    );
    common::server::status_of(&common::server::exchange(addr, &head, body.as_bytes()))
}

/// A PostgreSQL primary and its streaming replica; two `annals serve` processes, node B
/// reading from the replica (`--read-db`); writes on both; an import and node A killed with
/// SIGKILL; A restarted: every acknowledged write is there on both nodes, nothing of the
/// killed import is, and both indexes agree with the database.
#[test]
fn nodes_killed_and_restarted_lose_nothing() {
    use common::server::{get, status_of, token_file, Served};
    let Some(cluster) = postgres::Cluster::own() else {
        return;
    };
    let url = cluster.database();
    let db = Path::new(&url);
    annals(db, &["stats"]);
    let replica = cluster.replica();
    let replica_url = replica.url(url.rsplit('/').next().unwrap());
    let dir = tempfile::tempdir().unwrap();
    let token = token_file(dir.path());
    let index = |n: &str| dir.path().join(n).to_str().unwrap().to_string();
    let (ia, ib) = (index("a.index"), index("b.index"));
    let node = |i: &str| Served::start(db, &["--index-dir", i, "--token-file", &token], None);
    let a = node(&ia);
    let b = Served::start(
        db,
        &[
            "--index-dir",
            &ib,
            "--token-file",
            &token,
            "--read-db",
            &replica_url,
        ],
        None,
    );
    // Node B's pages come from the replica, which follows the primary closely.
    let shown = |n: &Served, path: &str| {
        let start = std::time::Instant::now();
        loop {
            let status = status_of(&get(n.addr, path));
            if status == 200 || start.elapsed() > std::time::Duration::from_secs(20) {
                return status;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    };
    let mut acknowledged = Vec::new();
    for i in 0..20 {
        let at = if i % 2 == 0 { a.addr } else { b.addr };
        let id = format!("written-{i}");
        let body = format!(r#"{{"id": "{id}", "title": "Written {i}", "date": "19{i:02}"}}"#);
        assert_eq!(create(at, &body), 201);
        acknowledged.push(id);
    }
    // A large import, killed halfway.
    let big = dir.path().join("big.jsonl");
    let mut text = String::new();
    for i in 0..200_000 {
        text.push_str(&format!(
            "{{\"title\": \"Imported {i}\", \"date\": \"{}-03-01\"}}\n",
            1000 + i % 900
        ));
    }
    std::fs::write(&big, text).unwrap();
    let mut import = std::process::Command::new(env!("CARGO_BIN_EXE_annals"))
        .args([
            "--db",
            &url,
            "--index-dir",
            &ia,
            "import",
            big.to_str().unwrap(),
        ])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert!(
        import.try_wait().unwrap().is_none(),
        "the import finished before it could be killed: make the file bigger"
    );
    import.kill().unwrap();
    import.wait().unwrap();
    // Node A dies too; B goes on serving and writing.
    a.signal("KILL");
    drop(a);
    assert_eq!(shown(&b, "/api/events/written-0"), 200);
    assert_eq!(
        create(
            b.addr,
            r#"{"id": "while-a-was-down", "title": "While A was down", "date": "2001"}"#
        ),
        201
    );
    acknowledged.push("while-a-was-down".into());
    // A comes back on its own index: it catches up and serves every acknowledged write.
    let a = node(&ia);
    for id in &acknowledged {
        for n in [&a, &b] {
            assert_eq!(shown(n, &format!("/api/events/{id}")), 200, "{id}");
        }
    }
    for n in [&a, &b] {
        let found = get(n.addr, "/api/search?q=%22while+a+was+down%22");
        assert!(found.contains("\"total\":1"), "{found}");
        let none = get(n.addr, "/api/search?q=%22imported+1%22");
        assert!(
            none.contains("\"total\":0"),
            "the killed import left nothing: {none}"
        );
    }
    let stats = on(&url, Path::new(&ia), &["stats", "--json"]);
    let stats: serde_json::Value = serde_json::from_str(&stats).unwrap();
    assert_eq!(stats["events"], acknowledged.len());
    drop((a, b));
    for i in [&ia, &ib] {
        on(&url, Path::new(i), &["check", "--index"]);
    }
}
