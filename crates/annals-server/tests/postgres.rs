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
    let r = post(
        &a,
        "/api/events",
        r#"{"id": "shared", "title": "Founding of a shared archive", "date": "2000"}"#,
    );
    assert_eq!(r.status, 201, "{}", r.body);
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
    // No accounts on PostgreSQL yet: a personal token is refused with a clear code.
    let r = request(
        a,
        "POST",
        "/api/events",
        &[
            ("Authorization", "Bearer not-the-admin-token"),
            ("Content-Type", "application/json"),
        ],
        br#"{"title": "Nope", "date": "1999"}"#,
    );
    assert_eq!((r.status, r.code().as_str()), (501, "accounts_unavailable"));
}
