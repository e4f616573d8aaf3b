//! What an operator relies on: searches never fail while writers write, security headers,
//! validators and compression, health and metrics, per-route body limits, write rates.

mod common;
use common::*;
use std::sync::Arc;

/// Four writers and four readers at once: every search answers 200 (the index always holds a
/// whole generation of the store), and nothing written is lost.
#[test]
fn searches_never_fail_while_writers_write() {
    let s = Arc::new(start(Some(TOKEN)));
    const WRITES: usize = 15;
    const READS: usize = 150;
    let writers: Vec<_> = (0..4)
        .map(|t| {
            let s = s.clone();
            std::thread::spawn(move || {
                for i in 0..WRITES {
                    let r = post(
                        &s,
                        "/api/events",
                        &format!(
                            r#"{{"id": "r{t}-{i}", "title": "Racer {t} {i}", "date": "1900"}}"#
                        ),
                    );
                    assert_eq!(r.status, 201, "{}", r.body);
                }
            })
        })
        .collect();
    let readers: Vec<_> = (0..4)
        .map(|_| {
            let s = s.clone();
            std::thread::spawn(move || {
                let mut last = 0;
                for _ in 0..READS {
                    let r = get(&s, "/api/search?q=racer&limit=1&facets=false");
                    assert_eq!(r.status, 200, "{}", r.body);
                    let total = r.json()["total"].as_u64().unwrap();
                    assert!(
                        total >= last,
                        "a search went back in time: {total} < {last}"
                    );
                    last = total;
                }
            })
        })
        .collect();
    for t in writers.into_iter().chain(readers) {
        t.join().unwrap();
    }
    assert_eq!(
        get(&s, "/api/search?q=racer&limit=1").json()["total"],
        4 * WRITES
    );
}

#[test]
fn pages_and_data_carry_security_headers_and_validators() {
    let s = start(None);
    let page = get(&s, "/");
    assert_eq!(page.status, 200);
    let csp = header(&page, "content-security-policy").unwrap();
    assert!(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"));
    assert_eq!(
        header(&page, "x-content-type-options").as_deref(),
        Some("nosniff")
    );
    assert!(header(&page, "referrer-policy").is_some());
    assert!(header(&page, "x-request-id").is_some());
    let etag = header(&page, "etag").unwrap();
    let again = request(&s, "GET", "/", &[("If-None-Match", &etag)], b"");
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());
    assert_eq!(header(&page, "x-frame-options").as_deref(), Some("DENY"));
    let data = get(&s, "/api/search");
    assert!(header(&data, "content-security-policy")
        .unwrap()
        .contains("default-src 'none'"));
    // Only the embed pages may be framed, by any site unless told otherwise.
    for path in ["/embed/timeline", "/embed/map", "/embed/event/nope"] {
        let r = get(&s, path);
        let csp = header(&r, "content-security-policy").unwrap();
        if r.status == 200 {
            assert!(csp.contains("frame-ancestors *"), "{path}: {csp}");
            assert!(header(&r, "x-frame-options").is_none(), "{path}");
        } else {
            assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        }
    }
    // A request id given by a proxy is kept.
    let r = request(&s, "GET", "/healthz", &[("X-Request-Id", "abc-123")], b"");
    assert_eq!(header(&r, "x-request-id").as_deref(), Some("abc-123"));
}

#[test]
fn responses_are_compressed_when_asked() {
    let s = start(None);
    let plain = get(&s, "/assets/timeline.js");
    let gz = request(
        &s,
        "GET",
        "/assets/timeline.js",
        &[("Accept-Encoding", "gzip")],
        b"",
    );
    assert_eq!(header(&gz, "content-encoding").as_deref(), Some("gzip"));
    assert!(plain.body.len() > 4000);
    assert!(header(&plain, "content-encoding").is_none());
}

#[test]
fn health_readiness_and_metrics() {
    let s = start(Some(TOKEN));
    assert_eq!(get(&s, "/healthz").status, 200);
    assert_eq!(get(&s, "/readyz").status, 200);
    post(&s, "/api/events", r#"{"title": "Counted", "date": "1999"}"#);
    get(&s, "/api/events/counted-1999");
    let m = get(&s, "/metrics");
    assert_eq!(m.status, 200);
    assert!(
        m.body.contains(
            r#"annals_http_requests_total{route="/api/events/{id}",method="GET",status="200"} 1"#
        ),
        "{}",
        m.body
    );
    assert!(m.body.contains("annals_events 1"), "{}", m.body);
    assert!(m.body.contains("annals_store_generation 1"));
    assert!(m.body.contains("annals_index_generation 1"));
    assert!(m.body.contains("annals_http_open_connections"));
}

#[test]
fn bodies_are_bounded_per_route_and_writes_per_address() {
    let limits = annals_server::Limits {
        max_body: 1000,
        writes_per_minute: 5,
        ..Default::default()
    };
    let s = start_with(Some(TOKEN), limits);
    let big = format!(
        r#"{{"title": "Big", "date": "1999", "summary": "{}"}}"#,
        "x".repeat(2000)
    );
    let r = post(&s, "/api/events", &big);
    assert_eq!((r.status, r.code().as_str()), (413, "payload_too_large"));
    // An import may be larger than an event.
    let card = format!(
        "January 1, 1999\nA big card was read in full.\nSomewhere |\n{}\n",
        "y".repeat(2000)
    );
    let r = post(&s, "/api/import?format=card", &card);
    assert_eq!(r.status, 200, "{}", r.body);
    // Two writes so far; three more pass, then the address must wait.
    for _ in 0..3 {
        assert_ne!(post(&s, "/api/events", "{}").status, 429);
    }
    let r = post(&s, "/api/events", "{}");
    assert_eq!((r.status, r.code().as_str()), (429, "too_many_requests"));
    assert!(header(&r, "retry-after").is_some());
    // Reading is not counted.
    assert_eq!(get(&s, "/api/search").status, 200);
}

/// The export reads a page at a time, and links to the next.
#[test]
fn the_export_comes_in_pages() {
    let s = start(Some(TOKEN));
    let lines: String = (0..25)
        .map(|i| format!("{{\"title\": \"Paged {i}\", \"date\": \"{}\"}}\n", 1900 + i))
        .collect();
    assert_eq!(post(&s, "/api/import?format=jsonl", &lines).status, 200);
    let mut path = "/api/export?limit=10".to_string();
    let mut seen = Vec::new();
    for _ in 0..5 {
        let r = get(&s, &path);
        assert_eq!(r.status, 200, "{}", r.body);
        seen.extend(r.body.lines().map(str::to_string));
        match header(&r, "link") {
            Some(link) => {
                assert!(link.ends_with("rel=\"next\""), "{link}");
                path = link[1..link.find('>').unwrap()].to_string();
            }
            None => break,
        }
    }
    assert_eq!(seen.len(), 25);
    assert!(seen[0].contains("Paged 0") && seen[24].contains("Paged 24"));
    let r = get(&s, "/api/export?cursor=garbage");
    assert_eq!((r.status, r.code().as_str()), (400, "bad_request"));
}

/// On-this-day asks for a real day of the year.
#[test]
fn on_this_day_needs_a_real_day() {
    let s = start(None);
    assert_eq!(get(&s, "/api/on-this-day?date=02-29").status, 200);
    for bad in ["02-30", "04-31", "13-01", "7-14x"] {
        let r = get(&s, &format!("/api/on-this-day?date={bad}"));
        assert_eq!((r.status, r.code().as_str()), (400, "bad_request"), "{bad}");
    }
}

/// Assets linked with their fingerprint are cached for a year; every asset has an ETag.
#[test]
fn fingerprinted_assets_are_cached_long() {
    let s = start(None);
    let page = get(&s, "/timeline").body;
    let at = page.find("/assets/timeline.js?v=").unwrap();
    let url = &page[at..at + page[at..].find('"').unwrap()];
    let r = get(&s, url);
    assert_eq!(r.status, 200);
    assert!(header(&r, "cache-control").unwrap().contains("immutable"));
    let etag = header(&r, "etag").unwrap();
    let again = request(&s, "GET", url, &[("If-None-Match", &etag)], b"");
    assert_eq!(again.status, 304);
    let bare = get(&s, "/assets/timeline.js");
    assert_eq!(
        header(&bare, "cache-control").as_deref(),
        Some("public, max-age=600")
    );
    assert_eq!(get(&s, "/assets/nothing.js").status, 404);
}

/// `--embed-allow` names who may frame the embeds; oEmbed answers for the pages that can be
/// embedded and refuses the rest.
#[test]
fn embeds_are_framed_only_where_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = annals_server::Config::new(dir.path().join("t.db"), Some(TOKEN.to_string()));
    config.embed_allow = "https://school.example".into();
    let s = start_config(config);
    let r = post(
        &s,
        "/api/events",
        r#"{"id": "fire", "title": "Great Fire", "date": "1666-09-02"}"#,
    );
    assert_eq!(r.status, 201, "{}", r.body);
    let r = get(&s, "/embed/event/fire");
    assert_eq!(r.status, 200);
    let csp = header(&r, "content-security-policy").unwrap();
    assert!(
        csp.contains("frame-ancestors https://school.example"),
        "{csp}"
    );
    assert!(r.body.contains("Great Fire") && r.body.contains("Open in annals"));
    assert!(
        !r.body.contains("class=\"site\""),
        "no site header in an embed"
    );
    let page = get(&s, "/events/fire");
    assert!(
        page.body.contains("/embed/event/fire"),
        "the page offers its embed"
    );
    let o = get(
        &s,
        "/api/oembed?url=https%3A%2F%2Fannals.example%2Fevents%2Ffire&maxwidth=500",
    );
    assert_eq!(o.status, 200, "{}", o.body);
    let v = o.json();
    assert_eq!(v["type"], "rich");
    assert_eq!(v["width"], 500);
    assert!(v["html"]
        .as_str()
        .unwrap()
        .contains("src=\"https://annals.example/embed/event/fire\""));
    let o = get(
        &s,
        "/api/oembed?url=https%3A%2F%2Fannals.example%2Ftimeline%3Fq%3Dfire",
    );
    assert!(o.json()["html"]
        .as_str()
        .unwrap()
        .contains("/embed/timeline?q=fire"));
    for (url, status) in [
        ("https%3A%2F%2Fannals.example%2Fsignin", 404),
        ("https%3A%2F%2Fannals.example%2Fevents%2Fnope", 404),
        ("javascript%3Aalert(1)", 400),
    ] {
        assert_eq!(
            get(&s, &format!("/api/oembed?url={url}")).status,
            status,
            "{url}"
        );
    }
}
