//! The real server (`annals serve`, a child process on a loopback port) against clients that
//! mean it harm or just behave badly: bodies sent without the right to write, slow bodies,
//! headers dribbled byte by byte under a small file limit, SIGTERM with a request in flight,
//! and a writer killed between its two commits while the server runs. Each is bounded in
//! count and time; the server's memory and reachability are measured from outside.

mod common;
use common::server::*;
use common::*;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::{Duration, Instant};

/// 64 clients announce 16 MiB bodies without a token: each is refused before its body is
/// read, and the server's memory does not grow with what they send.
#[test]
fn bodies_without_the_right_to_write_are_never_read() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.db");
    let tok = token_file(dir.path());
    let srv = Served::start(&db, &["--token-file", &tok], None);
    let before = srv.rss_mb();
    let mut clients = Vec::new();
    for i in 0..64 {
        let mut c = TcpStream::connect(srv.addr).unwrap();
        c.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        c.set_write_timeout(Some(Duration::from_secs(2))).unwrap();
        let auth = if i % 2 == 0 {
            ""
        } else {
            "Authorization: Bearer wrong-token-value\r\n"
        };
        c.write_all(
            format!(
                "POST /api/import HTTP/1.1\r\nHost: x\r\n{auth}Content-Length: 16777216\r\n\r\n"
            )
            .as_bytes(),
        )
        .unwrap();
        clients.push(c);
    }
    for c in &mut clients {
        let mut reply = [0u8; 512];
        let n = c.read(&mut reply).unwrap_or(0);
        let text = String::from_utf8_lossy(&reply[..n]).to_ascii_lowercase();
        assert_eq!(status_of(&text), 401, "{text}");
        assert!(text.contains("connection: close"), "{text}");
        // Whatever it sends now goes nowhere.
        let _ = c.write_all(&vec![b'x'; 1 << 20]);
    }
    drop(clients);
    let after = srv.rss_mb();
    assert!(
        after < before + 64,
        "the server grew from {before} MB to {after} MB"
    );
    // With the token, a body over the import limit is refused from its declared length.
    let r = exchange(
        srv.addr,
        &format!("POST /api/import HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\nContent-Length: 17000000\r\n\r\n"),
        b"",
    );
    assert_eq!(status_of(&r), 413, "{r}");
    assert_eq!(status_of(&get(srv.addr, "/healthz")), 200);
}

/// A body that trickles in slower than the body timeout is cut off with 408.
#[test]
fn slow_bodies_time_out() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let tok = token_file(dir.path());
    let srv = Served::start(&db, &["--token-file", &tok, "--body-timeout", "2"], None);
    let mut c = TcpStream::connect(srv.addr).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    c.write_all(format!("POST /api/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\"ti").as_bytes()).unwrap();
    let started = Instant::now();
    let mut reply = String::new();
    let _ = c.read_to_string(&mut reply);
    assert_eq!(status_of(&reply), 408, "{reply}");
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_millis(1500) && waited < Duration::from_secs(8),
        "{waited:?}"
    );
}

/// 200 connections that dribble their headers, against a server limited to 128 open files:
/// the excess is shed with 503 at once, the rest are closed after the header timeout, and a
/// well-behaved client gets through throughout.
#[test]
fn slowloris_cannot_take_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l.db");
    let srv = Served::start(&db, &["--header-timeout", "2"], Some(128));
    let before = srv.rss_mb();
    let mut dribblers: Vec<TcpStream> = (0..200)
        .filter_map(|_| TcpStream::connect(srv.addr).ok())
        .collect();
    for c in &mut dribblers {
        c.set_nonblocking(true).unwrap();
        let _ = c.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n");
    }
    let started = Instant::now();
    let mut good = 0;
    let mut answered = 0;
    while started.elapsed() < Duration::from_secs(4) {
        for c in &mut dribblers {
            let _ = c.write_all(b"X-a: b\r\n");
        }
        let r = get(srv.addr, "/healthz");
        answered += u32::from(status_of(&r) != 0);
        good += u32::from(status_of(&r) == 200);
        std::thread::sleep(Duration::from_millis(400));
    }
    assert!(
        answered >= 8,
        "every probe is answered (200, or 503 when shed): {answered}"
    );
    assert!(good >= 1, "a well-behaved client got through");
    // By now every dribbler was shed or timed out: the server closed them all.
    let mut open = 0;
    for c in &mut dribblers {
        let mut buf = [0u8; 1024];
        loop {
            match c.read(&mut buf) {
                Ok(0) => break,
                Ok(_) => continue,
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                    open += 1;
                    break;
                }
                Err(_) => break,
            }
        }
    }
    assert_eq!(open, 0, "connections the server left open");
    assert_eq!(status_of(&get(srv.addr, "/healthz")), 200);
    assert!(srv.rss_mb() < before + 64);
}

/// SIGTERM while an upload is in flight: the server stops accepting, finishes the upload, and
/// exits 0 with the events stored.
#[test]
fn sigterm_finishes_the_request_in_flight() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let tok = token_file(dir.path());
    let mut srv = Served::start(&db, &["--token-file", &tok], None);
    let body = "{\"title\": \"Landed during shutdown\", \"date\": \"2001\"}\n";
    let mut c = TcpStream::connect(srv.addr).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    c.write_all(format!("POST /api/import?format=jsonl HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\nContent-Length: {}\r\n\r\n{}", body.len(), &body[..10]).as_bytes()).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    srv.signal("TERM");
    std::thread::sleep(Duration::from_millis(500));
    // No new connection is accepted once it stops...
    assert!(
        TcpStream::connect_timeout(&srv.addr, Duration::from_secs(1))
            .map(|mut n| {
                let _ = n.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
                let mut s = String::new();
                let _ = n.read_to_string(&mut s);
                s.is_empty()
            })
            .unwrap_or(true),
        "a connection after SIGTERM was served"
    );
    // ...but the request in flight completes.
    c.write_all(&body.as_bytes()[10..]).unwrap();
    let mut reply = String::new();
    let _ = c.read_to_string(&mut reply);
    assert_eq!(status_of(&reply), 200, "{reply}");
    let status = srv.child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    let out = ok(&db, &["list", "--json"]);
    assert!(out.contains("Landed during shutdown"));
}

/// An import killed between its store and index commits while the server runs: the server's
/// next search catches the index up and finds the event.
#[test]
fn the_server_recovers_from_a_writer_killed_between_commits() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    assert!(annals(&db, &["demo", "--no-serve"]).status.success());
    let srv = Served::start(&db, &[], None);
    let one = dir.path().join("one.jsonl");
    std::fs::write(
        &one,
        "{\"title\": \"Written before the crash\", \"date\": \"2001\"}\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_annals"))
        .arg("--db")
        .arg(&db)
        .args(["import", one.to_str().unwrap()])
        .env("ANNALS_FAILPOINT", "after-store-commit")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let r = get(srv.addr, "/api/search?q=crash&facets=false");
    assert_eq!(status_of(&r), 200, "{r}");
    assert!(r.contains("written-before-the-crash-2001"), "{r}");
    assert_eq!(status_of(&get(srv.addr, "/readyz")), 200);
    drop(srv);
    assert!(annals(&db, &["check", "--index"]).status.success());
}

/// The token file is checked: others may not write or read it, and the token must be usable.
#[test]
fn weak_or_exposed_tokens_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let f = dir.path().join("tok");
    let refuse = |text: &str, mode: u32, says: &str| {
        std::fs::write(&f, text).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&f, std::fs::Permissions::from_mode(mode)).unwrap();
        }
        let out = annals(
            &db,
            &[
                "serve",
                "--addr",
                "127.0.0.1:0",
                "--token-file",
                f.to_str().unwrap(),
            ],
        );
        assert!(!out.status.success(), "{text:?} {mode:o}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{text:?}: {err}");
    };
    refuse(
        "a-good-long-token-1234\n",
        0o666,
        "can be written by others",
    );
    refuse("a-good-long-token-1234\n", 0o644, "can be read by anyone");
    refuse("short\n", 0o600, "too short");
    refuse("aaaaaaaaaaaaaaaaaaaaaaaa\n", 0o600, "too easy to guess");
    refuse(
        "a-good-long-token-1234\nsecond line\n",
        0o600,
        "more than one line",
    );
    refuse("un-jeton-très-long-et-sûr\n", 0o600, "printable ASCII");
}
