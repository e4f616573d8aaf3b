//! Curation from the command line: `history` and `revert`, `user`, and duplicates found,
//! merged (links follow, the old id redirects) or kept apart.

mod common;
use common::{annals, json, ok};

use std::io::Write;
use std::process::{Command, Stdio};

fn write(dir: &std::path::Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_string()
}

#[test]
fn history_and_revert() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let f = write(
        dir.path(),
        "e.jsonl",
        r#"{"id": "ides", "title": "Ides of March", "date": {"text": "March 15, 44 BC"}, "summary": "First."}"#,
    );
    ok(&db, &["import", &f]);
    let f = write(
        dir.path(),
        "e.jsonl",
        r#"{"id": "ides", "title": "Ides of March", "date": {"text": "March 15, 44 BC"}, "summary": "Second."}"#,
    );
    ok(&db, &["import", &f]);
    let h = json(&db, &["history", "ides", "--json"]);
    let revs = h["revisions"].as_array().unwrap();
    assert_eq!(revs.len(), 2, "{h}");
    let first = revs[0]["generation"].as_u64().unwrap().to_string();
    let text = ok(&db, &["history", "ides"]);
    assert!(
        text.contains("- First.") && text.contains("+ Second."),
        "{text}"
    );
    let out = ok(
        &db,
        &["revert", "ides", &first, "--summary", "the first was right"],
    );
    assert!(out.contains("as it was after"), "{out}");
    assert_eq!(json(&db, &["show", "ides", "--json"])["summary"], "First.");
    let h = json(&db, &["history", "ides", "--json"]);
    assert_eq!(h["revisions"][2]["summary"], "the first was right");
    // A revision that is not the event's: a clear error, nothing written.
    let r = annals(&db, &["revert", "ides", "99999"]);
    assert!(!r.status.success());
    assert!(String::from_utf8_lossy(&r.stderr).contains("has no revision #99999"));
    let r = annals(&db, &["history", "nope"]);
    assert_eq!(r.status.code(), Some(3));
}

#[test]
fn users_need_a_long_password() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let add = |name: &str, password: &str| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_annals"))
            .arg("--db")
            .arg(&db)
            .args(["user", "add", name, "--role", "reviewer"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        writeln!(c.stdin.take().unwrap(), "{password}").unwrap();
        c.wait_with_output().unwrap()
    };
    assert!(!add("clio", "short").status.success());
    assert!(add("clio", "long enough, surely").status.success());
    let list = ok(&db, &["user", "list"]);
    assert!(list.contains("clio") && list.contains("reviewer"), "{list}");
    let token = ok(&db, &["user", "token", "clio"]);
    assert!(token.contains("annals_"), "{token}");
    assert!(!ok(&db, &["user", "tokens"]).contains(token.trim()));
}

#[test]
fn duplicates_are_found_merged_and_kept_apart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let a = write(
        dir.path(),
        "a.jsonl",
        r#"{"id": "hastings", "title": "Battle of Hastings", "date": {"text": "October 14, 1066"}, "summary": "The Normans under William defeated the English army of Harold near Hastings.", "sources": [{"name": "First hand"}]}
{"id": "kadesh", "title": "Battle of Kadesh", "date": "-1273", "summary": "Egypt and the Hittites fought with chariots on the Orontes."}
{"id": "waterloo", "title": "Battle of Waterloo", "date": "1815-06-18", "summary": "Wellington and Blücher defeated Napoleon."}"#,
    );
    ok(&db, &["import", &a]);
    let b = write(
        dir.path(),
        "b.jsonl",
        r#"{"id": "hastings-copy", "title": "Hastings, battle of", "date": "1066", "summary": "William's Normans defeated Harold's English army near Hastings.", "sources": [{"name": "Second hand"}]}
{"id": "kadesh-b", "title": "The Battle of Kadesh", "date": "-1273", "summary": "The Hittites and Egypt fought by the Orontes."}
{"id": "later", "title": "A later event", "date": "1070", "related": [{"id": "hastings-copy", "kind": "follows"}]}"#,
    );
    let out = ok(&db, &["import", &b]);
    assert!(
        out.contains("2 pairs of records look like the same event"),
        "{out}"
    );
    let queue: Vec<serde_json::Value> = ok(&db, &["duplicates", "--json"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let pairs: Vec<(&str, &str)> = queue
        .iter()
        .map(|d| (d["a"].as_str().unwrap(), d["b"].as_str().unwrap()))
        .collect();
    assert_eq!(pairs.len(), 2, "{queue:?}");
    assert!(pairs.contains(&("hastings", "hastings-copy")), "{pairs:?}");
    assert!(pairs.contains(&("kadesh", "kadesh-b")), "{pairs:?}");
    let text = ok(&db, &["duplicates"]);
    assert!(text.contains("titles alike"), "{text}");

    // Merge: both sources stay, links follow, the pair leaves the queue.
    let out = ok(&db, &["merge", "hastings", "hastings-copy"]);
    assert!(out.contains("1 event that linked to it"), "{out}");
    let kept = json(&db, &["show", "hastings", "--json"]);
    assert_eq!(kept["sources"].as_array().unwrap().len(), 2, "{kept}");
    assert_eq!(kept["title"], "Battle of Hastings");
    assert_eq!(
        json(&db, &["show", "later", "--json"])["related"][0]["id"],
        "hastings"
    );
    assert_eq!(
        annals(&db, &["show", "hastings-copy"]).status.code(),
        Some(3)
    );
    // Distinct: not proposed again, even by a scan.
    ok(&db, &["distinct", "kadesh", "kadesh-b"]);
    assert_eq!(ok(&db, &["duplicates", "--scan", "--json"]).trim(), "");
    assert!(ok(&db, &["duplicates"]).contains("no pairs wait for review"));
    // A scan finds nothing among different events, and bad arguments are refused.
    assert!(!annals(&db, &["duplicates", "--min-score", "2"])
        .status
        .success());
    assert!(!annals(&db, &["merge", "hastings", "hastings"])
        .status
        .success());
}

/// `kill -9` in the middle of a merge (its links rewritten, the other event not yet deleted)
/// leaves the state before it; after the store's commit (the index not yet written), the state
/// after it, the index catching up at the next use. Never half a merge.
#[test]
fn a_merge_killed_midway_is_all_or_nothing() {
    for (failpoint, merged) in [("merge-relinked", false), ("after-store-commit", true)] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("t.db");
        let f = write(
            dir.path(),
            "a.jsonl",
            r#"{"id": "hastings", "title": "Battle of Hastings", "date": "1066-10-20", "summary": "The Normans won."}
{"id": "hastings-copy", "title": "Hastings, battle of", "date": "1066", "summary": "Normans won at Hastings, recorded twice."}
{"id": "later", "title": "A later event", "date": "1070", "related": [{"id": "hastings-copy", "kind": "follows"}]}"#,
        );
        ok(&db, &["import", &f]);
        let out = Command::new(env!("CARGO_BIN_EXE_annals"))
            .arg("--db")
            .arg(&db)
            .args(["merge", "hastings", "hastings-copy"])
            .env("ANNALS_FAILPOINT", failpoint)
            .output()
            .unwrap();
        assert!(!out.status.success(), "{failpoint}: the merge was killed");
        assert!(String::from_utf8_lossy(&out.stderr).contains(failpoint));
        let copy = annals(&db, &["show", "hastings-copy"]).status.code();
        let link = json(&db, &["show", "later", "--json"])["related"][0]["id"].clone();
        let found = json(&db, &["search", "recorded twice", "--json"])["total"].clone();
        if merged {
            assert_eq!(copy, Some(3), "{failpoint}: merged away");
            assert_eq!(link, "hastings", "{failpoint}");
            assert_eq!(found, 0, "{failpoint}: the index caught up");
        } else {
            assert_eq!(copy, Some(0), "{failpoint}: still there");
            assert_eq!(link, "hastings-copy", "{failpoint}");
            assert_eq!(found, 1, "{failpoint}");
        }
        ok(&db, &["check", "--index"]);
    }
}

/// Other names of a participant: `participant:USA` finds the events of "United States" and of
/// every other name of it, in the CLI and the server alike (both open the index the same way).
#[test]
fn aliases_find_every_name_of_a_participant() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let f = write(
        dir.path(),
        "a.jsonl",
        r#"{"id": "a", "title": "A treaty", "date": "1990", "participants": [{"name": "United States"}]}
{"id": "b", "title": "A summit", "date": "1991", "participants": [{"name": "United States of America"}]}
{"id": "c", "title": "A visit", "date": "1992", "participants": [{"name": "USA"}]}
{"id": "d", "title": "A fair", "date": "1993", "participants": [{"name": "France"}], "places": [{"name": "Paris", "country": "France"}]}"#,
    );
    ok(&db, &["import", &f]);
    let total = |q: &str| json(&db, &["search", q, "--json"])["total"].clone();
    assert_eq!(total("participant:USA"), 1);
    ok(
        &db,
        &[
            "alias",
            "add",
            "United States",
            "USA",
            "United States of America",
        ],
    );
    for q in [
        "participant:USA",
        "participant:\"united states\"",
        "participant:\"United States of America\"",
    ] {
        assert_eq!(total(q), 3, "{q}");
    }
    assert_eq!(total("participant:France"), 1);
    // An alias of an alias names the same participant; a name with aliases cannot become one.
    ok(&db, &["alias", "add", "USA", "US"]);
    assert_eq!(total("participant:US"), 3);
    assert!(!annals(&db, &["alias", "add", "France", "United States"])
        .status
        .success());
    // Places have other names of their own.
    assert_eq!(total("place:Lutetia"), 0);
    ok(
        &db,
        &["alias", "add", "--place", "Paris, France", "Lutetia"],
    );
    assert_eq!(total("place:Lutetia"), 1);
    assert_eq!(total("participant:Lutetia"), 0);
    let list = ok(&db, &["alias", "list"]);
    assert!(
        list.starts_with("United States (participant)\n") && list.contains("    US\n"),
        "{list}"
    );
    assert!(
        list.contains("Paris, France (place)\n    Lutetia\n"),
        "{list}"
    );
    ok(&db, &["alias", "remove", "USA"]);
    assert_eq!(total("participant:USA"), 1);
}

/// The round trip a historian makes with files: export events, edit them (a summary, a
/// picture), import the file again. Each record names its event by the id the export wrote
/// (made from its title and year, as most ids are), so the events are updated, not copied
/// under new ids beside a pair to review; in JSON Lines, CSV and Markdown alike.
#[test]
fn an_exported_event_edited_and_imported_again_updates_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let f = write(
        dir.path(),
        "a.jsonl",
        r#"{"title": "Great Fire of London", "date": "1666-09-02", "summary": "A fire."}"#,
    );
    ok(&db, &["import", &f]);
    let mut summary = "A fire.".to_string();
    for (format, file) in [("jsonl", "e.jsonl"), ("csv", "e.csv"), ("markdown", "md")] {
        let out = dir.path().join(file);
        ok(
            &db,
            &["export", "--format", format, "--out", out.to_str().unwrap()],
        );
        let path = if format == "markdown" {
            out.join("great-fire-of-london-1666.md")
        } else {
            out.clone()
        };
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("great-fire-of-london-1666"),
            "{format}: {text}"
        );
        let edit = format!("A fire, edited in {format}.");
        assert!(text.contains(&summary), "{format}: {text}");
        std::fs::write(&path, text.replace(&summary, &edit)).unwrap();
        summary = edit;
        let said = annals(&db, &["import", path.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&said.stderr).to_string()
            + &String::from_utf8_lossy(&said.stdout);
        assert!(said.status.success(), "{format}: {err}");
        assert!(err.contains("1 updated"), "{format}: {err}");
        assert!(
            !err.contains("new id") && !err.contains("wait for review"),
            "{format}: {err}"
        );
        let v = json(&db, &["show", "great-fire-of-london-1666", "--json"]);
        assert_eq!(
            v["summary"],
            format!("A fire, edited in {format}."),
            "{format}"
        );
    }
    let list = ok(&db, &["list"]);
    assert_eq!(list.lines().count(), 1, "one event, not copies: {list}");
}
