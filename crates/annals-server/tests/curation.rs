//! Curation over real HTTP: users' tokens and sessions, every write naming its author in the
//! history, revisions and reverts through the API, the editor's helpers (dates, completions),
//! duplicates proposed on creation, merged and redirected (301 in the API and the pages),
//! deleted events answering 410, and the refusals: no CSRF token, another site's form, a
//! reader's token, a revoked token.

mod common;
use common::*;

use annals_store::accounts::{Role, Scope};
use annals_store::EventStore;

fn send(s: &Server, method: &str, path: &str, token: &str, body: &str) -> Reply {
    let bearer = format!("Bearer {token}");
    request(
        s,
        method,
        path,
        &[
            ("Authorization", &bearer),
            ("Content-Type", "application/json"),
        ],
        body.as_bytes(),
    )
}

fn form(s: &Server, path: &str, cookie: &str, origin: Option<&str>, body: &str) -> Reply {
    let mut headers = vec![
        ("Content-Type", "application/x-www-form-urlencoded"),
        ("Cookie", cookie),
    ];
    if let Some(o) = origin {
        headers.push(("Origin", o));
    }
    request(s, "POST", path, &headers, body.as_bytes())
}

#[test]
fn writes_name_their_author_and_revisions_go_back() {
    let s = start(None);
    let ed = user(&s, "clio", Role::Editor, Scope::Write);
    let r = send(
        &s,
        "POST",
        "/api/events",
        &ed,
        r#"{"id": "ides", "title": "Ides of March", "date": {"text": "March 15, 44 BC"}, "summary": "First."}"#,
    );
    assert_eq!(r.status, 201, "{}", r.body);
    let r = send(
        &s,
        "PUT",
        "/api/events/ides",
        &ed,
        r#"{"id": "ides", "title": "Ides of March", "date": {"text": "March 15, 44 BC"}, "summary": "Second."}"#,
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let r = get(&s, "/api/events/ides/revisions");
    assert_eq!(r.status, 200, "{}", r.body);
    let v = r.json();
    let revs = v["revisions"].as_array().unwrap();
    assert_eq!(revs.len(), 2, "{v}");
    assert!(revs.iter().all(|r| r["author"] == "clio"), "{v}");
    let first = revs[0]["generation"].as_u64().unwrap();
    // Put the first back: a new revision, by its author.
    let r = send(
        &s,
        "POST",
        "/api/events/ides/revert",
        &ed,
        &format!(r#"{{"generation": {first}, "summary": "the first was right"}}"#),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(get(&s, "/api/events/ides").json()["summary"], "First.");
    let v = get(&s, "/api/events/ides/revisions").json();
    let revs = v["revisions"].as_array().unwrap();
    assert_eq!(revs.len(), 3);
    assert_eq!(revs[2]["summary"], "the first was right");
    // No such revision: 400 listing the event's revisions; no such event: 404.
    let r = send(
        &s,
        "POST",
        "/api/events/ides/revert",
        &ed,
        r#"{"generation": 99999}"#,
    );
    assert_eq!(
        (r.status, r.code().as_str()),
        (400, "bad_request"),
        "{}",
        r.body
    );
    assert!(r.body.contains("its revisions are"), "{}", r.body);
    let r = send(
        &s,
        "POST",
        "/api/events/nope/revert",
        &ed,
        r#"{"generation": 1}"#,
    );
    assert_eq!(r.status, 404, "{}", r.body);
    // A summary too long, or null, is refused; 3.0 is the whole number 3.
    let long = format!(
        r#"{{"generation": {first}, "summary": "{}"}}"#,
        "x".repeat(301)
    );
    assert_eq!(
        send(&s, "POST", "/api/events/ides/revert", &ed, &long).status,
        400
    );
    let null = format!(r#"{{"generation": {first}, "summary": null}}"#);
    assert_eq!(
        send(&s, "POST", "/api/events/ides/revert", &ed, &null).status,
        400
    );
    let float = format!(r#"{{"generation": {first}.0}}"#);
    assert_eq!(
        send(&s, "POST", "/api/events/ides/revert", &ed, &float).status,
        200
    );
    // An anonymous form post to the editor is refused (no session), and nothing is written.
    let r = request(
        &s,
        "POST",
        "/events/new",
        &[
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Origin", "http://x"),
        ],
        b"title=X&date=1999",
    );
    assert_eq!(r.status, 401, "{}", r.body);
    // A reader's token may read, not write; a revoked token is refused.
    let reader = user(&s, "reader", Role::Editor, Scope::Read);
    let r = send(&s, "DELETE", "/api/events/ides", &reader, "");
    assert_eq!(
        (r.status, r.code().as_str()),
        (403, "forbidden"),
        "{}",
        r.body
    );
    let st = store(&s);
    for t in st.accounts().tokens(Some("clio")).unwrap() {
        st.accounts().revoke_token(t.id).unwrap();
    }
    let r = send(&s, "DELETE", "/api/events/ides", &ed, "");
    assert_eq!(r.status, 401, "{}", r.body);
    // Deleted: 410 with the code `deleted`.
    let admin = user(&s, "root", Role::Admin, Scope::Write);
    assert_eq!(
        send(&s, "DELETE", "/api/events/ides", &admin, "").status,
        204
    );
    let r = get(&s, "/api/events/ides");
    assert_eq!(
        (r.status, r.code().as_str()),
        (410, "deleted"),
        "{}",
        r.body
    );
    let r = get(&s, "/events/ides");
    assert_eq!(r.status, 410);
    assert!(r.body.contains("deleted"), "{}", r.body);
    // The history names every author.
    let v = get(&s, "/api/events/ides/revisions").json();
    let authors: Vec<&str> = v["revisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["author"].as_str().unwrap())
        .collect();
    assert_eq!(authors, ["clio", "clio", "clio", "root"]);
}

#[test]
fn the_editor_helpers_read_dates_and_complete_names() {
    let s = start(Some(TOKEN));
    let r = get(&s, "/api/dates?text=October%2014%2C%201066");
    assert_eq!(r.status, 200, "{}", r.body);
    let v = r.json();
    assert_eq!(v["edtf"], "1066-10-20");
    assert_eq!(v["calendar"], "julian");
    assert_eq!(v["written"], "October 14, 1066");
    let r = get(&s, "/api/dates?text=Smarch%2044");
    assert_eq!((r.status, r.code().as_str()), (400, "bad_request"));
    let r = get(&s, "/api/complete/places?prefix=Hasti");
    assert_eq!(r.status, 200);
    assert!(r.body.contains("Hastings"), "{}", r.body);
    assert_eq!(
        post(&s, "/api/events", r#"{"title": "Battle of Hastings", "date": {"text": "October 14, 1066"}, "participants": [{"name": "William the Conqueror"}]}"#).status,
        201
    );
    let v = get(&s, "/api/complete/participants?prefix=willi").json();
    assert_eq!(v["participants"][0], "William the Conqueror", "{v}");
}

#[test]
fn duplicates_are_proposed_merged_and_redirected() {
    let s = start(None);
    let rev = user(&s, "herodotus", Role::Reviewer, Scope::Write);
    let ed = user(&s, "clio", Role::Editor, Scope::Write);
    for body in [
        r#"{"id": "hastings", "title": "Battle of Hastings", "date": {"text": "October 14, 1066"}, "summary": "The Normans under William defeated the English army of Harold near Hastings."}"#,
        r#"{"id": "hastings-2", "title": "Hastings, battle of", "date": "1066", "summary": "William's Normans defeated Harold's English army near Hastings."}"#,
        r#"{"id": "after", "title": "A later event", "date": "1070", "related": [{"id": "hastings-2", "kind": "follows"}]}"#,
    ] {
        let r = send(&s, "POST", "/api/events", &ed, body);
        assert_eq!(r.status, 201, "{}", r.body);
    }
    // Creating the second proposed the pair.
    let queue = store(&s).open_duplicates(10).unwrap();
    assert_eq!(queue.len(), 1, "{queue:?}");
    assert_eq!(
        (queue[0].a.as_str(), queue[0].b.as_str()),
        ("hastings", "hastings-2")
    );
    assert!(queue[0].score >= 0.5 && queue[0].reasons.contains("titles alike"));

    // The review pages: an editor is refused, a reviewer sees the pair.
    let (ed_cookie, ed_csrf) = sign_in(&s, "clio");
    let r = request(&s, "GET", "/review", &[("Cookie", &ed_cookie)], b"");
    assert_eq!(r.status, 403);
    let (cookie, csrf) = sign_in(&s, "herodotus");
    let r = request(&s, "GET", "/review", &[("Cookie", &cookie)], b"");
    assert_eq!(r.status, 200);
    assert!(r.body.contains("/review/hastings/hastings-2"), "{}", r.body);
    let r = request(
        &s,
        "GET",
        "/review/hastings/hastings-2",
        &[("Cookie", &cookie)],
        b"",
    );
    assert_eq!(r.status, 200);
    assert!(r.body.contains("One event or two?"));
    // A merge without the CSRF token, or from another site, or by an editor, is refused.
    let origin = Some("http://x");
    let merge = "/review/hastings/hastings-2/merge";
    let r = form(&s, merge, &cookie, origin, "kept=hastings&summary=b");
    assert_eq!(r.status, 403, "{}", r.body);
    let r = form(
        &s,
        merge,
        &cookie,
        Some("http://evil.example"),
        &format!("csrf={csrf}&kept=hastings"),
    );
    assert_eq!(r.status, 403, "{}", r.body);
    let r = form(
        &s,
        merge,
        &ed_cookie,
        origin,
        &format!("csrf={ed_csrf}&kept=hastings"),
    );
    assert_eq!(r.status, 403, "{}", r.body);
    assert!(store(&s).get("hastings-2").unwrap().is_some());
    // The reviewer merges, keeping the second's summary.
    let r = form(
        &s,
        merge,
        &cookie,
        origin,
        &format!("csrf={csrf}&kept=hastings&title=a&date=a&summary=b&change=the+same+battle"),
    );
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(header(&r, "location").as_deref(), Some("/events/hastings"));
    let kept = get(&s, "/api/events/hastings").json();
    assert_eq!(kept["title"], "Battle of Hastings");
    assert_eq!(
        kept["summary"],
        "William's Normans defeated Harold's English army near Hastings."
    );
    // The merged-away id redirects, in the API and the pages; links follow.
    let r = get(&s, "/api/events/hastings-2");
    assert_eq!((r.status, r.code().as_str()), (301, "moved"), "{}", r.body);
    assert_eq!(
        header(&r, "location").as_deref(),
        Some("/api/events/hastings")
    );
    let r = get(&s, "/events/hastings-2");
    assert_eq!(r.status, 301);
    assert_eq!(header(&r, "location").as_deref(), Some("/events/hastings"));
    let after = get(&s, "/api/events/after").json();
    assert_eq!(after["related"][0]["id"], "hastings", "{after}");
    // Decided: not proposed again, and the history says who merged and why.
    assert!(store(&s).open_duplicates(10).unwrap().is_empty());
    let v = get(&s, "/api/events/hastings/revisions").json();
    let last = v["revisions"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (last["author"].as_str(), last["summary"].as_str()),
        (Some("herodotus"), Some("the same battle"))
    );
    // Writing the id again ends the redirect.
    let r = send(
        &s,
        "POST",
        "/api/events",
        &rev,
        r#"{"id": "hastings-2", "title": "Something else", "date": "1500"}"#,
    );
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(
        get(&s, "/api/events/hastings-2").json()["title"],
        "Something else"
    );
}

#[test]
fn distinct_pairs_are_not_proposed_again() {
    let s = start(None);
    user(&s, "herodotus", Role::Reviewer, Scope::Write);
    let ed = user(&s, "clio", Role::Editor, Scope::Write);
    let one = r#"{"id": "kadesh", "title": "Battle of Kadesh", "date": "-1273", "summary": "Egypt and the Hittites fought with chariots on the Orontes."}"#;
    let two = r#"{"id": "kadesh-b", "title": "Battle of Kadesh", "date": "-1273", "summary": "The Hittites and Egypt fought with chariots by the Orontes."}"#;
    assert_eq!(send(&s, "POST", "/api/events", &ed, one).status, 201);
    assert_eq!(send(&s, "POST", "/api/events", &ed, two).status, 201);
    assert_eq!(store(&s).open_duplicates(10).unwrap().len(), 1);
    let (cookie, csrf) = sign_in(&s, "herodotus");
    let r = form(
        &s,
        "/review/kadesh/kadesh-b/distinct",
        &cookie,
        Some("http://x"),
        &format!("csrf={csrf}"),
    );
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(store(&s).open_duplicates(10).unwrap().is_empty());
    // Edited again, the pair stays decided.
    let r = send(&s, "PUT", "/api/events/kadesh-b", &ed, two);
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(store(&s).open_duplicates(10).unwrap().is_empty());
    assert_eq!(
        store(&s).duplicate_status("kadesh", "kadesh-b").unwrap(),
        Some(annals_store::Verdict::Distinct)
    );
}

/// Participants and places as records: a profile written through the API and the form, its
/// other names finding the events in searches and leading to its page (301), every state in
/// its history with its author, a merge of two names, and the refusals (a field that does not
/// read, an other name taken, no CSRF token, a reader).
#[test]
fn profiles_of_participants_and_places() {
    let s = start(None);
    let ed = user(&s, "clio", Role::Editor, Scope::Write);
    let r = send(
        &s,
        "POST",
        "/api/events",
        &ed,
        r#"{"id": "byzantium-falls", "title": "Fall of the city", "date": "1453-05-29", "summary": "The siege ends.", "places": [{"name": "Istanbul", "country": "Turkey"}], "participants": [{"name": "Ottoman Empire"}]}"#,
    );
    assert_eq!(r.status, 201, "{}", r.body);
    // Nothing recorded yet: an empty profile.
    let r = get(&s, "/api/profiles/participants/Ottoman%20Empire");
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["aliases"], serde_json::json!([]));
    assert_eq!(get(&s, "/api/profiles/nations/X").status, 404);
    // Through the API: a participant with other names and dates.
    let r = send(
        &s,
        "PUT",
        "/api/profiles/participants/Ottoman%20Empire",
        &ed,
        r#"{"description": "A state of Anatolia and beyond.", "from": "1299", "to": "1922", "wikidata": "Q12560", "aliases": ["Ottoman State", "Sublime State"]}"#,
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["wikidata"], "Q12560");
    let bad = send(
        &s,
        "PUT",
        "/api/profiles/participants/Ottoman%20Empire",
        &ed,
        r#"{"from": "the day after never"}"#,
    );
    assert_eq!(
        (bad.status, bad.code().as_str()),
        (400, "invalid_profile"),
        "{}",
        bad.body
    );
    assert!(bad.body.contains("from:"), "{}", bad.body);
    let reader = user(&s, "reader", Role::Editor, Scope::Read);
    let r = send(
        &s,
        "PUT",
        "/api/profiles/participants/Ottoman%20Empire",
        &reader,
        r#"{"description": "Mine."}"#,
    );
    assert_eq!(r.status, 403, "{}", r.body);
    // Another name finds the events and leads to the page of the name it stands for.
    let v = get(&s, "/api/search?q=participant%3A%22Sublime%20State%22").json();
    assert_eq!(v["total"], 1, "{v}");
    let r = get(&s, "/participants/Ottoman%20State");
    assert_eq!(r.status, 301, "{}", r.body);
    assert_eq!(
        header(&r, "location").as_deref(),
        Some("/participants/Ottoman%20Empire")
    );
    let page = get(&s, "/participants/Ottoman%20Empire");
    assert_eq!(page.status, 200);
    for said in [
        "A state of Anatolia and beyond.",
        "Sublime State",
        "Q12560",
        "1922",
    ] {
        assert!(page.body.contains(said), "{said}: {}", page.body);
    }
    // Through the form: a place's other name, then a merge of two names.
    let (cookie, csrf) = sign_in(&s, "clio");
    let origin = Some("http://x");
    let r = form(
        &s,
        "/places/Istanbul%2C%20Turkey/edit",
        &cookie,
        origin,
        &format!("csrf={csrf}&description=A+city+on+the+Bosporus.&from=c.+660+BC&aliases=Constantinople%0D%0AByzantium&wikidata=Q406&geonames=745044&change=names"),
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let v = get(&s, "/api/search?q=place%3AConstantinople").json();
    assert_eq!(v["total"], 1, "{v}");
    let r = form(
        &s,
        "/places/Istanbul%2C%20Turkey/edit",
        &cookie,
        origin,
        "description=No+token",
    );
    assert_eq!(r.status, 403, "{}", r.body);
    let r = form(
        &s,
        "/places/Istanbul%2C%20Turkey/edit",
        &cookie,
        origin,
        &format!("csrf={csrf}&wikidata=406"),
    );
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("Q517"), "{}", r.body);
    let r = form(
        &s,
        "/participants/Ottomans/merge",
        &cookie,
        origin,
        &format!("csrf={csrf}&into=Ottoman+State"),
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let v = get(&s, "/api/profiles/participants/Ottomans").json();
    assert_eq!(v["name"], "Ottoman Empire", "{v}");
    assert!(v["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a == "Ottomans"));
    // Every state, with its author.
    let v = get(&s, "/api/profiles/places/Istanbul%2C%20Turkey/revisions").json();
    let revs = v["revisions"].as_array().unwrap();
    assert_eq!(revs.len(), 1, "{v}");
    assert_eq!(revs[0]["author"], "clio");
    assert_eq!(revs[0]["summary"], "names");
    let v = get(&s, "/api/profiles/participants/Ottoman%20Empire/revisions").json();
    assert_eq!(v["revisions"].as_array().unwrap().len(), 2, "{v}");
    let page = get(&s, "/places/Istanbul%2C%20Turkey/history");
    assert!(page.body.contains("Constantinople"), "{}", page.body);
}
