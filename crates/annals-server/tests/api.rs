//! The server over real HTTP on a loopback port: reading, writing with and without the token,
//! error codes, limits, escaping, paths, and parallel writers.

use std::sync::Arc;

mod common;
use common::*;

const CARD: &str = "Death of Edward the Confessor on January 5, 1066\n1066 · London, United Kingdom\nThe childless king dies.\nOctober 14, 1066\nThe Battle of Hastings was fought between the Normans and the English.\nBattle, United Kingdom @ 50.91, 0.49 | William of Normandy, Harold Godwinson\nThe battle lasted most of the day.\nNorman Conquest: It opened the way to William's coronation.\nSource: annals test\n";

#[test]
fn read_write_and_errors() {
    let s = start(Some(TOKEN));
    let r = post(&s, "/api/import?format=card", CARD);
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["created"], 2);
    let r = get(&s, "/api/search?q=hastings");
    assert_eq!(r.status, 200);
    let v = r.json();
    assert_eq!(v["total"], 1);
    assert_eq!(v["hits"][0]["id"], "battle-of-hastings-1066");
    assert!(v["facets"].is_object());
    assert_eq!(
        v["facets_estimated"], false,
        "two events: every match counted"
    );
    let r = get(&s, "/api/events/battle-of-hastings-1066");
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["date"]["edtf"], "1066-10-20");
    assert!(r.headers.to_ascii_lowercase().contains("etag: \""));
    // Writes need the token and change nothing without it.
    let r = request(
        &s,
        "POST",
        "/api/events",
        &[],
        br#"{"title": "Nope", "date": "1999"}"#,
    );
    assert_eq!((r.status, r.code().as_str()), (401, "unauthorized"));
    let r = request(
        &s,
        "POST",
        "/api/events",
        &[("Authorization", "Bearer wrong")],
        br#"{"title": "Nope", "date": "1999"}"#,
    );
    assert_eq!(r.status, 401);
    assert_eq!(get(&s, "/api/search?q=nope").json()["total"], 0);
    // Create, conflict, update with If-Match, delete.
    let r = post(
        &s,
        "/api/events",
        r#"{"title": "<script>alert(1)</script>", "date": {"text": "March 15, 44 BC"}, "summary": "A <b>test</b>."}"#,
    );
    assert_eq!(r.status, 201, "{}", r.body);
    let id = r.json()["id"].as_str().unwrap().to_string();
    assert!(r.headers.contains(&format!("/api/events/{id}")));
    assert_eq!(
        post(
            &s,
            "/api/events",
            &format!(r#"{{"id": "{id}", "title": "X", "date": "1999"}}"#)
        )
        .status,
        409
    );
    let etag = get(&s, &format!("/api/events/{id}"))
        .headers
        .lines()
        .find(|l| l.to_ascii_lowercase().starts_with("etag:"))
        .unwrap()
        .split_once(':')
        .unwrap()
        .1
        .trim()
        .to_string();
    let (k, v) = auth();
    let put = |tag: &str, title: &str| {
        request(
            &s,
            "PUT",
            &format!("/api/events/{id}"),
            &[
                (k, &v),
                ("If-Match", tag),
                ("Content-Type", "application/json"),
            ],
            format!(r#"{{"title": "{title}", "date": "-0043"}}"#).as_bytes(),
        )
    };
    // A write must say it sends JSON.
    let r = request(
        &s,
        "PUT",
        &format!("/api/events/{id}"),
        &[(k, &v), ("Content-Type", "text/plain")],
        br#"{"title": "Plain", "date": "1999"}"#,
    );
    assert_eq!(
        (r.status, r.code().as_str()),
        (415, "unsupported_media_type")
    );
    assert_eq!(put(&etag, "Renamed").status, 200);
    assert_eq!(
        put(&etag, "Stale").status,
        412,
        "the ETag changed with the first update"
    );
    assert_eq!(
        get(&s, &format!("/api/events/{id}")).json()["title"],
        "Renamed"
    );
    // Escaping: the page shows the markup as text.
    post(
        &s,
        "/api/events",
        r#"{"id": "xss", "title": "<script>alert(1)</script>", "date": "1999", "summary": "<img src=x onerror=alert(2)>"}"#,
    );
    let page = get(&s, "/events/xss");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!page.body.contains("<script>alert(1)") && !page.body.contains("<img src=x"));
    let results = get(&s, "/search?q=alert");
    assert!(
        !results.body.contains("<script>alert") && !results.body.contains("<img src=x"),
        "{}",
        results.body
    );
    let r = request(&s, "DELETE", "/api/events/xss", &[(k, &v)], b"");
    assert_eq!(r.status, 204);
    assert_eq!(get(&s, "/api/events/xss").code(), "deleted");
    // Errors are JSON with stable codes.
    assert_eq!(post(&s, "/api/events", "{not json").code(), "invalid_event");
    assert_eq!(
        post(&s, "/api/events", r#"{"title": "A", "date": "1960-02-30"}"#).code(),
        "invalid_event"
    );
    assert_eq!(get(&s, "/api/search?q=(").code(), "query_error");
    let long = "a%20".repeat(3000);
    let r = get(&s, &format!("/api/search?q={long}"));
    assert_eq!((r.status, r.code().as_str()), (400, "query_error"));
    let big = vec![b'x'; annals_server::Limits::default().max_import + 10];
    let r = request(&s, "POST", "/api/import", &[(k, &v)], &big);
    assert_eq!((r.status, r.code().as_str()), (413, "payload_too_large"));
    let r = get(&s, "/api/search?limit=many");
    assert_eq!((r.status, r.code().as_str()), (400, "bad_request"));
    let r = request(&s, "PATCH", "/api/events/x", &[(k, &v)], b"");
    assert_eq!(r.status, 405);
    assert!(!r.code().is_empty(), "{}", r.body);
    let bad_import = post(
        &s,
        "/api/import?format=card",
        "February 30, 1960\nThe Thing was done.\nRome, Italy |\n",
    );
    assert_eq!(bad_import.code(), "invalid_event");
    assert!(bad_import
        .body
        .contains("1: expected the main record's date line"));
    // Nothing outside the assets is served.
    for path in [
        "/assets/../Cargo.toml",
        "/assets/%2e%2e/Cargo.toml",
        "/events/..%2F..%2Fetc%2Fpasswd",
        "/../../etc/passwd",
    ] {
        let r = get(&s, path);
        assert!(r.status == 404 || r.status == 400, "{path}: {}", r.status);
        assert!(!r.body.contains("[package]") && !r.body.contains("root:"));
    }
    // The API document.
    let doc = get(&s, "/api/openapi.json").json();
    assert_eq!(doc["openapi"], "3.1.0");
    for p in [
        "/api/search",
        "/api/events",
        "/api/events/{id}",
        "/api/timeline",
        "/api/import",
    ] {
        assert!(doc["paths"][p].is_object(), "{p} documented");
    }
}

#[test]
fn read_only_without_a_token() {
    let s = start(None);
    let r = request(
        &s,
        "POST",
        "/api/events",
        &[("Authorization", "Bearer anything")],
        br#"{"title": "A", "date": "1999"}"#,
    );
    assert_eq!((r.status, r.code().as_str()), (403, "read_only"));
    assert_eq!(get(&s, "/api/search").json()["total"], 0);
    assert_eq!(get(&s, "/").status, 200);
    assert_eq!(get(&s, "/timeline").status, 200);
}

#[test]
fn parallel_writers_lose_nothing() {
    let s = Arc::new(start(Some(TOKEN)));
    let threads: Vec<_> = (0..8)
        .map(|t| {
            let s = s.clone();
            std::thread::spawn(move || {
                for i in 0..6 {
                    let r = post(&s, "/api/events", &format!(r#"{{"id": "w{t}-{i}", "title": "Writer {t} event {i}", "date": "19{t}{i}"}}"#));
                    assert_eq!(r.status, 201, "{}", r.body);
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    assert_eq!(get(&s, "/api/search?q=writer&limit=1").json()["total"], 48);
    // Racing checked updates of one event: exactly one wins.
    post(
        &s,
        "/api/events",
        r#"{"id": "shared", "title": "Shared", "date": "2000"}"#,
    );
    let tag = get(&s, "/api/events/shared")
        .headers
        .lines()
        .find(|l| l.to_ascii_lowercase().starts_with("etag:"))
        .unwrap()
        .split_once(':')
        .unwrap()
        .1
        .trim()
        .to_string();
    let racers: Vec<_> = (0..6)
        .map(|n| {
            let (s, tag) = (s.clone(), tag.clone());
            std::thread::spawn(move || {
                let (k, v) = auth();
                request(
                    &s,
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
    let statuses: Vec<u16> = racers.into_iter().map(|t| t.join().unwrap()).collect();
    assert_eq!(
        statuses.iter().filter(|&&c| c == 200).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|&&c| c == 412).count(),
        5,
        "{statuses:?}"
    );
}

#[test]
fn what_the_javascript_reads() {
    let s = start(Some(TOKEN));
    assert_eq!(post(&s, "/api/import?format=card", CARD).status, 200);
    // Timeline events carry their day; links=true adds the relations among them.
    let v = get(
        &s,
        "/api/timeline?from=1066&to=1066&buckets=12&top=3&links=true",
    )
    .json();
    let tops: Vec<&serde_json::Value> = v["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|b| b["top"].as_array().unwrap())
        .collect();
    assert_eq!(tops.len(), 2, "{v}");
    let hastings = tops
        .iter()
        .find(|t| t["id"] == "battle-of-hastings-1066")
        .unwrap();
    assert_eq!(
        hastings["day"], 389_276,
        "Rata Die of 1066-10-20 (Gregorian)"
    );
    let links = v["links"].as_array().unwrap();
    assert_eq!(links.len(), 1, "{v}");
    let ends = [links[0]["from"].as_str(), links[0]["to"].as_str()];
    assert!(ends.contains(&Some("battle-of-hastings-1066")), "{v}");
    assert!(get(&s, "/api/timeline?from=1066&to=1066")
        .json()
        .get("links")
        .is_none());
    // What a drawing needs: the end, fuzzy ends, countries and participants for lanes.
    assert_eq!(hastings["end"], 389_276, "{hastings}");
    assert_eq!(hastings["approx_start"], false);
    assert_eq!(hastings["countries"], serde_json::json!(["United Kingdom"]));
    assert_eq!(
        hastings["participants"].as_array().map(Vec::len),
        Some(2),
        "{hastings}"
    );
    // every=true with the match-all ranking gives the same events as with a query.
    let all = get(&s, "/api/timeline?from=1066&to=1066&buckets=12&top=3").json();
    let words = get(
        &s,
        "/api/timeline?q=date:1066&from=1066&to=1066&buckets=12&top=3",
    )
    .json();
    assert_eq!(all["buckets"], words["buckets"]);
    // event=ID: the event and its relations, to zoom to and draw.
    let e = get(
        &s,
        "/api/timeline?buckets=1&top=0&event=battle-of-hastings-1066",
    )
    .json();
    assert_eq!(e["event"]["day"], 389_276, "{e}");
    let rel = e["event"]["relations"].as_array().unwrap();
    assert_eq!(rel.len(), 1, "{e}");
    assert!(rel[0]["kind"].is_string() && rel[0]["day"].is_i64(), "{e}");
    assert!(get(&s, "/api/timeline?buckets=1&top=0&event=nope")
        .json()
        .get("event")
        .is_none());
    // Points: located events in a window.
    let p = get(&s, "/api/points?from=1066-10-01&to=1066-10-31").json();
    let pts = p["points"].as_array().unwrap();
    assert_eq!(pts.len(), 1, "{p}");
    assert_eq!(pts[0]["id"], "battle-of-hastings-1066");
    assert!((pts[0]["lat"].as_f64().unwrap() - 50.91).abs() < 1e-9);
    assert_eq!(
        get(&s, "/api/points?from=1067&to=1100").json()["points"],
        serde_json::json!([])
    );
    let r = get(&s, "/api/points?from=1100&to=1066");
    assert_eq!((r.status, r.code().as_str()), (400, "bad_request"));
    let r = get(&s, "/api/points?from=nonsense");
    assert_eq!(r.status, 400);
    // The scripts and the map background are served, cacheable.
    for (path, kind, needle) in [
        ("/assets/timeline.js", "text/javascript", "annalsTimeline"),
        ("/assets/map.js", "text/javascript", "annalsMaps"),
        (
            "/assets/world.svg",
            "image/svg+xml",
            "<path class=\"country\"",
        ),
    ] {
        let r = get(&s, path);
        assert_eq!(r.status, 200, "{path}");
        let h = r.headers.to_ascii_lowercase();
        assert!(
            h.contains(kind) && h.contains("cache-control"),
            "{path}: {h}"
        );
        assert!(r.body.contains(needle), "{path}");
    }
    // The pages load them and share q/from/to between timeline and map.
    let t = get(&s, "/timeline?q=battle&from=1000&to=1100").body;
    assert!(t.contains(r#"<script src="/assets/timeline.js?v="#));
    assert!(t.contains(r#"data-q="battle""#) && t.contains("aria-label=\"Zoom in\""));
    assert!(
        t.contains(r#"href="/map?q=battle&amp;from=1000-01-01&amp;to=1100-12-31""#),
        "{t}"
    );
    let m = get(&s, "/map?q=battle&from=1000-01-01&to=1100-12-31").body;
    assert!(m.contains("1 located event ") && m.contains("Battle of Hastings"));
    assert!(m.contains(r#"href="/timeline?q=battle&amp;from=1000-01-01&amp;to=1100-12-31""#));
    assert!(get(&s, "/map?from=1200&to=1300")
        .body
        .contains("0 located events"));
    assert_eq!(get(&s, "/map?from=&to=").status, 200);
    assert_eq!(get(&s, "/timeline?from=&to=").status, 200);
    let r = get(&s, "/search?q=battle").body;
    assert!(r.contains(r#"<a href="/timeline?q=battle">Timeline of these events</a>"#));
    assert!(r.contains(r#"<a href="/map?q=battle">Map of these events</a>"#));
    // Deep-time windows round-trip through the no-JS links.
    let deep = get(&s, "/timeline?from=Y-13800000000&to=2100").body;
    assert!(deep.contains("from=Y-"), "deep links use EDTF years");
    let doc = get(&s, "/api/openapi.json").json();
    assert!(doc["paths"]["/api/points"].is_object());
}

/// An upload in any format the CLI reads (here CSV and TimelineJS); places without coordinates
/// are located by the gazetteer, as at a CLI import.
#[test]
fn imports_every_format_and_locates_places() {
    let s = start(Some(TOKEN));
    let csv = "title,date,places\nFair in the square,1893-05-01,\"Paris | Texas\"\n";
    let r = post(&s, "/api/import?format=csv", csv);
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["created"], 1);
    let e = get(&s, "/api/events/fair-in-the-square-1893").json();
    let lon = e["places"][0]["lon"].as_f64().unwrap();
    assert!((lon + 95.55).abs() < 0.1, "Paris, Texas: {e}");
    let tl = r#"{"events": [{"start_date": {"year": -44, "month": 3, "day": 15}, "text": {"headline": "Ides"}}]}"#;
    let r = post(&s, "/api/import", tl);
    assert_eq!(r.status, 200, "{}", r.body);
    let e = get(&s, "/api/events/ides-44-bc").json();
    assert_eq!(e["date"]["edtf"], "-0043-03-15");
    let r = post(&s, "/api/import?format=colour", csv);
    assert_eq!(r.status, 400);
    assert!(r.body.contains("timelinejs"), "{}", r.body);
}

/// The server keeps its index open between requests: counts of every event by period follow
/// an update and a delete at once.
#[test]
fn density_follows_writes() {
    let s = start(Some(TOKEN));
    assert_eq!(post(&s, "/api/import?format=card", CARD).status, 200);
    let counts = |s: &Server| -> Vec<u64> {
        get(s, "/api/timeline?from=1000&to=1099&buckets=10&top=0").json()["buckets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["count"].as_u64().unwrap())
            .collect()
    };
    assert_eq!(counts(&s), vec![0, 0, 0, 0, 0, 0, 2, 0, 0, 0]);
    let (k, v) = auth();
    let moved = r#"{"title": "Battle of Hastings", "date": "1016-10-14"}"#;
    let r = request(
        &s,
        "PUT",
        "/api/events/battle-of-hastings-1066",
        &[(k, &v), ("Content-Type", "application/json")],
        moved.as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(counts(&s), vec![0, 1, 0, 0, 0, 0, 1, 0, 0, 0]);
    let r = request(
        &s,
        "DELETE",
        "/api/events/battle-of-hastings-1066",
        &[(k, &v)],
        b"",
    );
    assert!(r.status < 300, "{}", r.body);
    assert_eq!(counts(&s), vec![0, 0, 0, 0, 0, 0, 1, 0, 0, 0]);
}

/// A search page is answered again from the cache until a write, and never shows what the
/// store no longer holds: every write empties it.
#[test]
fn search_pages_are_cached_until_a_write() {
    let s = start(Some(TOKEN));
    post(
        &s,
        "/api/events",
        r#"{"id": "kite-1", "title": "First kite festival", "date": "1901"}"#,
    );
    let hits = |s: &Server| {
        get(s, "/search?q=kite")
            .body
            .matches("class=\"hit\"")
            .count()
    };
    let cached = |s: &Server| {
        let m = get(s, "/metrics").body;
        m.lines()
            .find(|l| l.starts_with("annals_page_cache_hits_total"))
            .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
            .unwrap_or(0)
    };
    assert_eq!(hits(&s), 1);
    let before = cached(&s);
    assert_eq!(hits(&s), 1);
    assert_eq!(
        cached(&s),
        before + 1,
        "the same search again comes from the cache"
    );
    post(
        &s,
        "/api/events",
        r#"{"id": "kite-2", "title": "Second kite festival", "date": "1902"}"#,
    );
    assert_eq!(hits(&s), 2, "a write empties the cache");
    let (k, v) = auth();
    let r = request(&s, "DELETE", "/api/events/kite-1", &[(k, &v)], b"");
    assert_eq!(r.status, 204);
    assert_eq!(hits(&s), 1);
}
