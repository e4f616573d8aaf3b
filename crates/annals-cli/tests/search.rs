//! Search, timeline, on this day, related, reindex and index consistency, through the binary.

mod common;
use common::{annals, json, ok};

use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn demo() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    assert!(annals(&db, &["demo", "--no-serve"]).status.success());
    (dir, db)
}

fn ids(v: &Value) -> Vec<String> {
    v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn search_the_demo() {
    let (_dir, db) = demo();
    let r = json(&db, &["search", "--json", "Constantinpole"]);
    assert_eq!(ids(&r)[0], "fall-of-constantinople-1453", "typo tolerance");
    // Typos that defeat the stemmer ("Hastings" stems to "hast"), and no false friends from
    // stemming a changed ending ("Waterlo" is not "waterly", stem "water").
    for (typo, id) in [
        ("Hastigns", "battle-of-hastings-1066"),
        ("coronaton", "coronation-of-charlemagne-800"),
        ("revolutoin", "storming-of-the-bastille-1789"),
        ("Waterlo", "battle-of-waterloo-1815"),
    ] {
        let r = json(&db, &["search", "--json", typo]);
        assert!(ids(&r).iter().any(|i| i == id), "{typo}: {:?}", ids(&r));
    }
    let r = json(&db, &["search", "--json", "Waterlo"]);
    assert_eq!(ids(&r)[0], "battle-of-waterloo-1815");
    assert!(r["total"].as_u64().unwrap() <= 3, "{r}");
    let r = json(&db, &["search", "--json", "Munster"]);
    assert_eq!(ids(&r), ["peace-of-westphalia-1648"], "diacritics folded");
    assert!(r["hits"][0]["snippet"]
        .as_str()
        .unwrap()
        .contains("<mark>Münster</mark>"));
    let r = json(&db, &["search", "--json", "battle date:..-0001"]);
    assert!(r["total"].as_u64().unwrap() >= 5);
    for h in r["hits"].as_array().unwrap() {
        assert!(
            h["date"]["latest"].as_str().unwrap().starts_with('-'),
            "{h}"
        );
    }
    assert!(
        r["facets"]["country"]["Greece"].as_u64().unwrap() >= 2,
        "{}",
        r["facets"]
    );
    assert!(r["facets"]["century"].is_object());
    // Shape: {"total", "hits": [{id, title, date, place, snippet, score}], "facets"}
    let h = &r["hits"][0];
    for key in ["id", "title", "date", "place", "snippet", "score"] {
        assert!(h.get(key).is_some(), "hit has {key}: {h}");
    }
    let r = json(
        &db,
        &["search", "--json", "\"Holy Roman Empire\" -Westphalia"],
    );
    assert!(!ids(&r).contains(&"peace-of-westphalia-1648".to_string()));
    let r = json(&db, &["search", "--json", "place:Rome sort:date"]);
    let dates: Vec<&str> = r["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["date"]["earliest"].as_str().unwrap())
        .collect();
    assert!(dates.len() >= 3);
    assert_eq!(r["hits"][0]["id"], "founding-of-rome-753-bc");
    let near = json(&db, &["search", "--json", "near:35.68,139.69,600km"]);
    assert!(near["total"].as_u64().unwrap() >= 1, "events near Tokyo");
}

#[test]
fn search_ranks_treaties_first_and_prints_plain_text() {
    let (_dir, db) = demo();
    let r = json(&db, &["search", "--json", "treaty"]);
    assert_eq!(
        ids(&r)[..2],
        ["peace-of-westphalia-1648", "paris-agreement-2015"],
        "summaries before narratives"
    );
    for h in r["hits"].as_array().unwrap() {
        assert!(h["snippet"].as_str().unwrap().contains("<mark>"), "{h}");
        assert!(!h["snippet_marks"].as_array().unwrap().is_empty(), "{h}");
        for key in ["snippet_text", "snippet_field", "matched"] {
            assert!(h.get(key).is_some(), "hit has {key}: {h}");
        }
    }
    // Plain text on a terminal: no HTML entities, matches in [brackets] when piped.
    let out = ok(&db, &["search", "treaty", "--limit", "1"]);
    assert!(out.starts_with("8 events match \"treaty\""), "{out}");
    assert!(out.contains("when [treaties] signed at Münster"), "{out}");
    assert!(out.contains("Thirty Years' War"), "{out}");
    assert!(!out.contains("&#") && !out.contains("&amp;"), "{out}");
    let out = ok(&db, &["search", "Cleopatra"]);
    assert!(out.starts_with("1 event matches \"Cleopatra\""), "{out}");
    // Why a hit matched when its text does not show it.
    let out = ok(&db, &["search", "Rommel"]);
    assert!(out.contains("(matched participant: Erwin Rommel)"), "{out}");
    // Nothing found: what the index holds instead.
    let out = ok(&db, &["search", "participant:Napoleon"]);
    assert!(out.starts_with("0 events match"), "{out}");
    assert!(
        out.contains("did you mean:\n  participant:\"Napoleon Bonaparte\""),
        "{out}"
    );
    let r = json(&db, &["search", "--json", "place:Pari"]);
    assert_eq!(r["suggestions"][0]["value"], "Paris", "{r}");
    assert_eq!(r["suggestions"][0]["query"], "place:Paris", "{r}");
    // Counts agree with their nouns elsewhere too.
    let out = ok(&db, &["timeline", "Cleopatra", "--buckets", "1"]);
    assert!(out.starts_with("1 event, by"), "{out}");
}

#[test]
fn pages_and_batches() {
    let (_dir, db) = demo();
    let all = json(&db, &["search", "--json", "--limit", "200", "sort:date"]);
    assert_eq!(all["total"], 110);
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut args = vec!["search", "--json", "--limit", "25", "sort:date"];
        if let Some(c) = &cursor {
            args.extend(["--cursor", c.as_str()]);
        }
        let page = json(&db, &args);
        seen.extend(ids(&page));
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
    }
    assert_eq!(seen, ids(&all));
    let dir = tempfile::tempdir().unwrap();
    let queries = dir.path().join("q.txt");
    std::fs::write(
        &queries,
        "treaty\nbattle date:..-0001\n(unclosed\n\nMunster\n",
    )
    .unwrap();
    let out = annals(
        &db,
        &["search", "--queries", queries.to_str().unwrap(), "--json"],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "a bad line makes the exit code 1"
    );
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5, "one object per line, errors included");
    assert!(lines[0]["total"].as_u64().unwrap() > 0);
    assert!(
        lines[2]["error"].as_str().unwrap().contains("character"),
        "{}",
        lines[2]
    );
    assert_eq!(lines[3]["total"], 110, "an empty line matches everything");
    assert!(lines[4]["took_ms"].as_f64().is_some());

    // Density queries in one process: the same answers as `annals timeline`, one per line.
    let density = dir.path().join("d.txt");
    std::fs::write(
        &density,
        "{\"from\": \"1800\", \"to\": \"1949\", \"buckets\": 15, \"top\": 0}\n{\"q\": \"battle\"}\n{\"q\": \"date:19x\"}\n{\"colour\": 1}\n",
    )
    .unwrap();
    let out = annals(
        &db,
        &["timeline", "--queries", density.to_str().unwrap(), "--json"],
    );
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    let mut one = json(
        &db,
        &[
            "timeline",
            "--from",
            "1800",
            "--to",
            "1949",
            "--buckets",
            "15",
            "--top",
            "0",
            "--json",
        ],
    );
    let mut first = lines[0].clone();
    first.as_object_mut().unwrap().remove("took_ms");
    one.as_object_mut().unwrap().remove("took_ms");
    assert_eq!(first, one);
    assert_eq!(
        lines[1]["total"],
        json(&db, &["timeline", "battle", "--json"])["total"]
    );
    assert!(lines[2]["error"].as_str().unwrap().contains("EDTF"));
    assert!(lines[3]["error"].as_str().unwrap().contains("colour"));

    // Counting every event (no query, no top events) takes a shortcut through sorted dates: it
    // must count exactly what the collector counts.
    let counts = |top: &str, from: &str, to: &str, buckets: &str| -> Vec<u64> {
        json(
            &db,
            &[
                "timeline",
                "--from",
                from,
                "--to",
                to,
                "--buckets",
                buckets,
                "--top",
                top,
                "--json",
            ],
        )["buckets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["count"].as_u64().unwrap())
            .collect()
    };
    for (from, to, buckets) in [
        ("Y-14000000000", "2025", "30"),
        ("-0600", "1600", "22"),
        ("1800", "1949", "15"),
        ("1969-07-01", "1969-07-31", "31"),
    ] {
        let fast = counts("0", from, to, buckets);
        assert_eq!(fast, counts("1", from, to, buckets), "{from}..{to}");
        assert!(fast.iter().sum::<u64>() > 0, "{from}..{to}");
    }
}

#[test]
fn bad_queries_say_where() {
    let (_dir, db) = demo();
    for q in [
        "treaty (",
        "date:2000..1900",
        "near:95,0,10km",
        "place:",
        &"x ".repeat(3000),
    ] {
        let out = annals(&db, &["search", q]);
        assert_eq!(out.status.code(), Some(1), "{q:.40}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("query error at character"), "{q:.40}: {err}");
        assert!(!err.contains("panicked"));
    }
}

/// The BC side of the time axis: periods counted back from 1 BC, never straddling the epoch,
/// totals only of the window, labels as historians write them.
#[test]
fn the_bc_time_axis() {
    let (_dir, db) = demo();
    let timeline = |from: &str, to: &str, buckets: &str| {
        json(
            &db,
            &[
                "timeline",
                "--json",
                "--from",
                from,
                "--to",
                to,
                "--buckets",
                buckets,
                "--top",
                "20",
            ],
        )
    };
    let holding = |t: &Value, id: &str| -> String {
        t["buckets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["top"].as_array().unwrap().iter().any(|e| e["id"] == id))
            .map(|b| b["label"].as_str().unwrap().to_string())
            .unwrap_or_default()
    };
    let m = timeline("1000 BC", "AD 1000", "3");
    assert_eq!(m["unit"], "millennium");
    assert_eq!(
        holding(&m, "battle-of-marathon-490-bc"),
        "1st millennium BC"
    );
    assert_eq!(
        holding(&m, "eruption-of-mount-vesuvius-79"),
        "1st millennium"
    );
    let c = timeline("500 BC", "1 BC", "5");
    assert_eq!(c["unit"], "century");
    let labels: Vec<&str> = c["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        [
            "5th century BC",
            "4th century BC",
            "3rd century BC",
            "2nd century BC",
            "1st century BC"
        ]
    );
    assert_eq!(c["buckets"][0]["start"], "-0499-01-01", "500 BC");
    assert_eq!(c["buckets"][4]["end"], "0000-12-31", "1 BC");
    assert_eq!(holding(&c, "battle-of-marathon-490-bc"), "5th century BC");
    assert_eq!(holding(&c, "trial-of-socrates-399-bc"), "4th century BC");
    // The window's total holds only the window: Vesuvius (AD 79) is not in 500–1 BC.
    let in_window = c["total"].as_u64().unwrap();
    assert_eq!(
        in_window,
        c["buckets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["count"].as_u64().unwrap())
            .sum::<u64>()
    );
    assert_eq!(holding(&c, "eruption-of-mount-vesuvius-79"), "");
    // 100/101 BC, 1000/1001 BC and 1 BC/AD 1 are boundaries.
    let b = timeline("101 BC", "100 BC", "2");
    assert_eq!(b["unit"], "year");
    let c2 = timeline("200 BC", "1 BC", "2");
    let labels: Vec<&str> = c2["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["2nd century BC", "1st century BC"]);
    assert_eq!(
        c2["buckets"][1]["start"], "-0099-01-01",
        "100 BC starts the 1st century BC"
    );
    let e = timeline("9 BC", "AD 9", "2");
    let labels: Vec<&str> = e["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["9–1 BC", "AD 1–9"]);
    let k = timeline("2000 BC", "1 BC", "2");
    assert_eq!(k["buckets"][0]["label"], "2nd millennium BC");
    assert_eq!(
        k["buckets"][0]["end"], "-1000-12-31",
        "1001 BC ends the 2nd millennium BC"
    );
    assert_eq!(
        k["buckets"][1]["start"], "-0999-01-01",
        "1000 BC starts the 1st"
    );
    // Dates given as EDTF read as historians write them.
    let d = json(&db, &["on-this-day", "--json", "--date", "03-15"]);
    let dates: Vec<&str> = d["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["date"].as_str().unwrap())
        .collect();
    assert!(dates.iter().all(|d| !d.starts_with('-')), "{dates:?}");
    // The century facet counts BC centuries back from 1 BC: 401 BC is in the 5th century BC,
    // 100 BC in the 1st, 101 BC in the 2nd.
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("edges.jsonl");
    std::fs::write(
        &f,
        r#"{"title": "Zqedge one", "date": {"text": "401 BC"}}
{"title": "Zqedge two", "date": {"text": "100 BC"}}
{"title": "Zqedge three", "date": {"text": "101 BC"}}
"#,
    )
    .unwrap();
    assert!(annals(&db, &["import", f.to_str().unwrap()])
        .status
        .success());
    let r = json(&db, &["search", "--json", "--limit", "1", "zqedge"]);
    let c = &r["facets"]["century"];
    assert_eq!(c["5th century BC"], 1, "{c}");
    assert_eq!(c["1st century BC"], 1, "{c}");
    assert_eq!(c["2nd century BC"], 1, "{c}");
}

#[test]
fn timeline_on_this_day_related() {
    let (_dir, db) = demo();
    let t = json(
        &db,
        &[
            "timeline",
            "--json",
            "--from",
            "4.6 billion years ago",
            "--to",
            "2025",
            "--buckets",
            "12",
        ],
    );
    // Ten spans of 500 million years, the last running to the present, each labelled with
    // what it holds.
    assert_eq!(t["unit"], "500 million years");
    assert_eq!(t["total"], 110);
    let labels: Vec<&str> = t["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels.len(), 10);
    assert!(labels[0].ends_with("–4.5 Ga"), "{labels:?}");
    assert_eq!(labels[1], "4.5–4 Ga");
    assert_eq!(labels[9], "500 Ma – 2025");
    let t = json(
        &db,
        &[
            "timeline",
            "--json",
            "--from",
            "1900",
            "--to",
            "1999",
            "--buckets",
            "10",
            "--top",
            "1",
        ],
    );
    assert_eq!(t["unit"], "decade");
    assert_eq!(t["buckets"][4]["label"], "1940s");
    assert!(t["buckets"][4]["count"].as_u64().unwrap() >= 3);
    assert_eq!(t["buckets"][4]["top"].as_array().unwrap().len(), 1);
    let t = json(
        &db,
        &[
            "timeline",
            "--json",
            "--from",
            "1969-07-16",
            "--to",
            "1969-07-24",
            "--buckets",
            "9",
        ],
    );
    assert_eq!(t["unit"], "day");
    assert_eq!(
        t["buckets"][4]["count"], 1,
        "Apollo 11 on 20 July: {}",
        t["buckets"][4]
    );
    let t = json(
        &db,
        &["timeline", "--json", "war OR battle", "--buckets", "5"],
    );
    assert!(t["total"].as_u64().unwrap() > 5);
    let d = json(&db, &["on-this-day", "--json", "--date", "10-14"]);
    let titles: Vec<&str> = d["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_str().unwrap())
        .collect();
    assert!(
        titles.contains(&"Battle of Hastings"),
        "Julian 14 October: {titles:?}"
    );
    let r = json(&db, &["related", "--json", "battle-of-hastings-1066"]);
    let rel: Vec<&str> = r["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert!(!rel.is_empty());
    assert!(
        !rel.contains(&"battle-of-hastings-1066"),
        "never the event itself"
    );
    let unique: std::collections::HashSet<_> = rel.iter().collect();
    assert_eq!(unique.len(), rel.len(), "no duplicates");
    assert_eq!(
        r["related"][0]["reason"]["type"], "explicit",
        "explicit relations first"
    );
    assert_eq!(
        annals(&db, &["related", "no-such-event"]).status.code(),
        Some(3)
    );
}

/// An import killed after the store committed and before the index did (placed exactly by a
/// failpoint) leaves the index one write behind: the next search catches it up.
#[test]
fn a_kill_between_the_two_commits_is_recovered() {
    let (_dir, db) = demo();
    assert!(annals(&db, &["check", "--index"]).status.success());
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("one.jsonl");
    std::fs::write(&one, "{\"title\": \"Extra\", \"date\": \"2001\"}\n").unwrap();
    // The import dies exactly after the store committed, before the index did.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_annals"))
        .arg("--db")
        .arg(&db)
        .args(["import", one.to_str().unwrap()])
        .env("ANNALS_FAILPOINT", "after-store-commit")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("failpoint after-store-commit"));
    // The store has the event; the index is one write behind, and says so.
    let check = annals(&db, &["check", "--index"]);
    assert_eq!(check.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&check.stdout)
        .contains("extra-2001: in the store, missing from the index"));
    // The next search catches the index up from the store's change log.
    assert_eq!(json(&db, &["search", "--json", ""])["total"], 111);
    assert_eq!(json(&db, &["search", "--json", "extra"])["total"], 1);
    assert!(annals(&db, &["check", "--index"]).status.success());
}

/// A missing index is rebuilt by the next search; `reindex` rebuilds one on demand.
#[test]
fn a_missing_index_is_rebuilt() {
    let (_dir, db) = demo();
    std::fs::remove_dir_all(annals_dir(&db)).unwrap();
    assert_eq!(json(&db, &["search", "--json", ""])["total"], 110);
    assert!(annals(&db, &["check", "--index"]).status.success());
    assert!(annals(&db, &["reindex"]).status.success());
    assert!(annals(&db, &["check", "--index"]).status.success());
}

fn annals_dir(db: &Path) -> std::path::PathBuf {
    db.with_file_name(format!(
        "{}.index",
        db.file_name().unwrap().to_string_lossy()
    ))
}

/// A search during an import sees the state before it or after it, never a part.
#[test]
fn readers_see_old_or_new() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let first = dir.path().join("first.jsonl");
    std::fs::write(&first, "{\"title\": \"Before\", \"date\": \"1900\"}\n").unwrap();
    assert!(annals(&db, &["import", first.to_str().unwrap()])
        .status
        .success());
    let big = dir.path().join("big.jsonl");
    let text: String = (0..40_000)
        .map(|i| {
            format!(
                "{{\"title\": \"Generated event {i}\", \"date\": \"{}\"}}\n",
                1000 + i % 1000
            )
        })
        .collect();
    std::fs::write(&big, text).unwrap();
    let mut import = Command::new(env!("CARGO_BIN_EXE_annals"))
        .arg("--db")
        .arg(&db)
        .args(["import", big.to_str().unwrap()])
        .spawn()
        .unwrap();
    let mut totals = std::collections::BTreeSet::new();
    let mut runs = 0;
    loop {
        let done = import.try_wait().unwrap().is_some();
        let out = annals(
            &db,
            &["search", "--json", "--limit", "1", "--no-facets", ""],
        );
        assert!(
            out.status.success(),
            "search during import failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        totals.insert(v["total"].as_u64().unwrap());
        runs += 1;
        if done {
            break;
        }
    }
    assert!(import.wait().unwrap().success());
    assert!(
        totals.iter().all(|t| *t == 1 || *t == 40_001),
        "saw {totals:?} over {runs} searches"
    );
    assert!(totals.contains(&40_001));
}
