//! Two annals servers (nodes) sharing one PostgreSQL database, each with its own search index:
//! a write on one is found by a search on the other, and If-Match races across the nodes
//! have exactly one winner. Against a real server (`tests/support/postgres.rs`).

#[path = "../../../tests/support/postgres.rs"]
mod postgres;
#[path = "../../../tests/support/shared.rs"]
mod shared;

mod common;
use annals_server::Config;
use annals_store::Db;
use common::{auth, get, post, request, start_config, TOKEN};

fn node(url: &str, index: &std::path::Path) -> common::Server {
    let mut config = Config::new("unused.db", Some(TOKEN.to_string()));
    config.db = Db::Postgres {
        url: url.to_string(),
        index: index.to_path_buf(),
    };
    start_config(config)
}

fn etag(s: &common::Server, path: &str) -> String {
    common::header(&get(s, path), "etag").expect("an ETag")
}

#[test]
fn two_nodes_share_one_database() {
    let Some(cluster) = postgres::Cluster::shared() else {
        return;
    };
    let url = cluster.database();
    let dir = tempfile::tempdir().unwrap();
    let a = node(&url, &dir.path().join("a.index"));
    let b = node(&url, &dir.path().join("b.index"));
    // Node B's index follows the database between requests (LISTEN): it holds the write
    // before anyone searches there (only /metrics is asked, which never catches up).
    let index_generation = |s: &common::Server| {
        get(s, "/metrics")
            .body
            .lines()
            .find(|l| l.starts_with("annals_index_generation"))
            .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
    };
    let before = index_generation(&b).expect("the index generation in /metrics");
    let r = post(
        &a,
        "/api/events",
        r#"{"id": "shared", "title": "Founding of a shared archive", "date": "2000"}"#,
    );
    assert_eq!(r.status, 201, "{}", r.body);
    let followed = within(10, || index_generation(&b) == Some(before + 1))
        .expect("node B's index follows without a request");
    eprintln!("node B's index followed in {followed:?}");
    // Node B finds what node A wrote, at once: its index caught up from the change log.
    let found = get(&b, "/api/search?q=archive").json();
    assert_eq!(found["total"], 1, "{found}");
    assert_eq!(get(&b, "/api/events/shared").status, 200);
    // Six writers with the same ETag, half on each node: exactly one wins.
    let tag = etag(&b, "/api/events/shared");
    assert_eq!(tag, etag(&a, "/api/events/shared"));
    let nodes = std::sync::Arc::new([a, b]);
    let racers: Vec<_> = (0..6)
        .map(|n| {
            let (nodes, tag) = (nodes.clone(), tag.clone());
            std::thread::spawn(move || {
                let (k, v) = auth();
                request(
                    &nodes[n % 2],
                    "PUT",
                    "/api/events/shared",
                    &[
                        (k, &v),
                        ("If-Match", &tag),
                        ("Content-Type", "application/json"),
                    ],
                    format!(r#"{{"title": "Shared {n}", "date": "2000"}}"#).as_bytes(),
                )
                .status
            })
        })
        .collect();
    let mut statuses: Vec<u16> = racers.into_iter().map(|t| t.join().unwrap()).collect();
    statuses.sort();
    assert_eq!(statuses, [200, 412, 412, 412, 412, 412]);
    // Both nodes now say the same, in the store and in search.
    let (a, b) = (&nodes[0], &nodes[1]);
    let title = get(a, "/api/events/shared").json()["title"].clone();
    assert_eq!(get(b, "/api/events/shared").json()["title"], title);
    let q = format!(
        "/api/search?q={}",
        title.as_str().unwrap().replace(' ', "+")
    );
    assert_eq!(get(a, &q).json()["hits"][0]["id"], "shared");
    assert_eq!(get(b, &q).json()["hits"][0]["id"], "shared");
    // People: accounts live in the shared database, so a token made once works on every
    // node, and a browser signed in on one node is signed in on all.
    let people = annals_store::PostgresStore::connect(&url).unwrap();
    let password = "a long enough password";
    let accounts = annals_store::EventStore::accounts(&people);
    accounts
        .add_user("clio", password, annals_store::accounts::Role::Editor)
        .unwrap();
    let (_, token) = accounts
        .new_token("clio", annals_store::accounts::Scope::Write, "test")
        .unwrap();
    let bearer = format!("Bearer {token}");
    let r = request(
        a,
        "POST",
        "/api/events",
        &[
            ("Authorization", &bearer),
            ("Content-Type", "application/json"),
        ],
        br#"{"id": "by-clio", "title": "Written by a person", "date": "1999"}"#,
    );
    assert_eq!(r.status, 201, "{}", r.body);
    let history = get(b, "/api/events/by-clio/revisions").json();
    assert_eq!(history["revisions"][0]["author"], "clio", "{history}");
    let signed = common::sign_in_form(a, "clio", password);
    assert_eq!(signed.status, 303, "{}", signed.body);
    let cookie = common::header(&signed, "set-cookie").unwrap();
    let cookie = cookie.split(';').next().unwrap();
    let page = request(b, "GET", "/events/new", &[("Cookie", cookie)], b"");
    assert_eq!(
        page.status, 200,
        "node B knows node A's session: {}",
        page.body
    );
    assert!(page.body.contains("name=\"csrf\""));
}

/// Poll `f` every 100 ms until it holds, for at most `secs` seconds; how long it took.
fn within(secs: u64, mut f: impl FnMut() -> bool) -> Option<std::time::Duration> {
    let start = std::time::Instant::now();
    while start.elapsed() < std::time::Duration::from_secs(secs) {
        if f() {
            return Some(start.elapsed());
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    None
}

/// A node that reads from a streaming replica (`--read-db`) and writes to the primary: while
/// the primary is down, pages and searches go on and writes answer 503 with nothing written;
/// when it is back, writes work again without restarting the node.
#[test]
fn a_replica_serves_reads_while_the_primary_is_down() {
    let Some(primary) = postgres::Cluster::own() else {
        return;
    };
    let url = primary.database();
    annals_store::PostgresStore::connect(&url).unwrap();
    let replica = primary.replica();
    let name = url.rsplit('/').next().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("node.index");
    let mut config = Config::new("unused.db", Some(TOKEN.to_string()));
    config.db = Db::Postgres {
        url: url.clone(),
        index: index.clone(),
    };
    config.read_db = Some(Db::Postgres {
        url: replica.url(name),
        index,
    });
    let node = start_config(config);
    let r = post(
        &node,
        "/api/events",
        r#"{"id": "first", "title": "A charter sealed at a river meadow", "date": "1215"}"#,
    );
    assert_eq!(r.status, 201, "{}", r.body);
    // The replica follows the primary: the event page (read from it) appears shortly.
    let lag = within(20, || get(&node, "/api/events/first").status == 200)
        .expect("the replica shows the write");
    eprintln!("replica caught up in {lag:?}");
    assert_eq!(get(&node, "/api/search?q=charter").json()["total"], 1);
    // People sign in against the primary (a session is a write), not the read-only replica.
    let people = annals_store::PostgresStore::connect(&url).unwrap();
    annals_store::EventStore::accounts(&people)
        .add_user(
            "ann",
            "a long enough password",
            annals_store::accounts::Role::Editor,
        )
        .unwrap();
    let signed = common::sign_in_form(&node, "ann", "a long enough password");
    assert_eq!(signed.status, 303, "{}", signed.body);
    drop(people);

    let t = std::time::Instant::now();
    primary.stop();
    eprintln!("stopped in {:?}", t.elapsed());
    // Reads go on: the event from the replica, the search from the node's index.
    let r = get(&node, "/api/events/first");
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(get(&node, "/api/search?q=charter").json()["total"], 1);
    assert_eq!(get(&node, "/events/first").status, 200);
    eprintln!("reads checked at {:?}", t.elapsed());
    // Writes fail whole, and say why.
    let r = post(
        &node,
        "/api/events",
        r#"{"id": "second", "title": "Written while the primary was down", "date": "1216"}"#,
    );
    assert_eq!(
        (r.status, r.code().as_str()),
        (503, "database_unavailable"),
        "{}",
        r.body
    );

    eprintln!("write refused at {:?}", t.elapsed());
    primary.start_again();
    eprintln!("started again at {:?}", t.elapsed());
    // The node connects again by itself: the next writes work.
    let mut status = 0;
    within(20, || {
        status = post(
            &node,
            "/api/events",
            r#"{"id": "second", "title": "Written after the primary came back", "date": "1216"}"#,
        )
        .status;
        status == 201
    })
    .unwrap_or_else(|| panic!("writes work again (last status {status})"));
    eprintln!("written again at {:?}", t.elapsed());
    within(30, || get(&node, "/api/events/second").status == 200)
        .expect("the replica follows the primary again");
    assert_eq!(
        get(&node, "/api/search?q=primary+came+back").json()["total"],
        1
    );
}
