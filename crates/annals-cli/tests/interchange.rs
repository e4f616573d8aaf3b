//! Interchange through the CLI: the demo corpus exported to every format and imported back
//! (identical events where the format holds every field), query exports, the gazetteer at
//! import, `annals places`, and the TimelineJS export rendered by the real TimelineJS in
//! headless Chromium.

mod common;
use common::skipped;
use common::{annals, json, ok, repo};

use std::path::Path;
use std::process::Command;

fn demo(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("demo.db");
    ok(&db, &["demo", "--no-serve"]);
    db
}

#[test]
fn every_format_out_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let jsonl = ok(&db, &["export", "--format", "jsonl"]);
    for (format, file) in [
        ("jsonl", "out.jsonl"),
        ("csv", "out.csv"),
        ("markdown", "md/"),
        ("card", "out.txt"),
    ] {
        let out = dir.path().join(file);
        ok(
            &db,
            &["export", "--format", format, "--out", out.to_str().unwrap()],
        );
        let back = dir.path().join(format!("back-{format}.db"));
        ok(&back, &["import", out.to_str().unwrap()]);
        assert_eq!(
            ok(&back, &["export", "--format", "jsonl"]),
            jsonl,
            "{format} round trip"
        );
    }
    // Lossy formats import back with the same titles and dates, and say what they dropped.
    for format in ["timelinejs", "timelinejs-csv", "wikidata"] {
        let out = dir.path().join(format!("out-{format}"));
        let o = annals(
            &db,
            &["export", "--format", format, "--out", out.to_str().unwrap()],
        );
        assert!(o.status.success());
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("could not hold"), "{format}: {err}");
        let back = dir.path().join(format!("back-{format}.db"));
        ok(
            &back,
            &["import", "--format", format, out.to_str().unwrap()],
        );
        let stats = common::json(&back, &["stats", "--json"]);
        assert_eq!(stats["events"], 110, "{format}");
    }
    // Export-only formats parse.
    for format in ["geojson", "jsonld"] {
        let v: serde_json::Value =
            serde_json::from_str(&ok(&db, &["export", "--format", format])).unwrap();
        assert!(v.is_object(), "{format}");
    }
}

/// An event's texts in other languages travel in native JSON; a format that cannot hold them
/// says so instead of losing them silently.
#[test]
fn translations_travel_in_native_json_and_are_reported_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let file = dir.path().join("t.jsonl");
    std::fs::write(
        &file,
        r#"{"id": "hastings", "title": "Battle of Hastings", "date": "1066-10-14", "lang": "en", "translations": [{"lang": "fr", "title": "Bataille d'Hastings"}]}"#,
    )
    .unwrap();
    ok(&db, &["import", file.to_str().unwrap()]);
    let jsonl = ok(&db, &["export", "--format", "jsonl"]);
    assert!(
        jsonl.contains(r#""translations":[{"lang":"fr","title":"Bataille d'Hastings"}]"#),
        "{jsonl}"
    );
    for format in ["geojson", "timelinejs", "card"] {
        let o = annals(&db, &["export", "--format", format]);
        assert!(o.status.success());
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("could not hold") && err.contains("texts in other languages (fr)"),
            "{format}: {err}"
        );
        assert!(err.contains("1 × its texts in other languages"), "{err}");
    }
    // Cards one file per event say so too.
    let cards = dir.path().join("cards");
    let o = annals(
        &db,
        &[
            "export",
            "--format",
            "card",
            "--out",
            cards.to_str().unwrap(),
        ],
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("texts in other languages (fr)"));
    // CSV and Markdown carry them: exported, imported into another store, exported as JSON
    // again, they are the same.
    let md = dir.path().join("md");
    ok(
        &db,
        &[
            "export",
            "--format",
            "markdown",
            "--out",
            md.to_str().unwrap(),
        ],
    );
    let csv = ok(&db, &["export", "--format", "csv"]);
    assert!(csv.contains("fr: Bataille d'Hastings"), "{csv}");
    let csv_file = dir.path().join("t.csv");
    std::fs::write(&csv_file, &csv).unwrap();
    for (name, from) in [("csv", csv_file), ("md", md.join("hastings.md"))] {
        let other = dir.path().join(format!("{name}.db"));
        ok(&other, &["import", from.to_str().unwrap()]);
        assert_eq!(
            ok(&other, &["export", "--format", "jsonl"]),
            jsonl,
            "{name}"
        );
    }
}

#[test]
fn query_exports_and_bad_queries() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let csv = ok(&db, &["export", "--format", "csv", "battle", "date:..0000"]);
    let rows = csv.lines().filter(|l| l.starts_with("battle-of-")).count();
    assert!(rows >= 3, "{csv}");
    assert!(!csv.contains("battle-of-hastings-1066"));
    let o = annals(&db, &["export", "--format", "csv", "date:19x"]);
    assert!(!o.status.success());
    // TimelineJS's scale follows the events exported: deep time needs the cosmological one.
    let scale = |args: &[&str]| -> String {
        let mut a = vec!["export", "--format", "timelinejs"];
        a.extend_from_slice(args);
        let v: serde_json::Value = serde_json::from_str(&ok(&db, &a)).unwrap();
        v["scale"].as_str().unwrap().to_string()
    };
    assert_eq!(scale(&[]), "cosmological");
    assert_eq!(scale(&["date:1900..1950"]), "human");
    assert_eq!(scale(&["earth"]), "cosmological");
    let o = annals(&db, &["export", "--format", "markdown"]);
    assert!(!o.status.success(), "markdown needs --out");
}

#[test]
fn gazetteer_at_import_and_places() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let file = dir.path().join("e.csv");
    std::fs::write(
        &file,
        "title,date,places\nTreaty,1960-01-19,\"Washington, D.C. | United States\"\nGiven,1900,Paris | France | 1.5 | 2.5\nLost,1800,Camelot\nSiege,1453,\"Constantinople | Ottoman Empire\"\n",
    )
    .unwrap();
    let check = ok(&db, &["check", file.to_str().unwrap()]);
    assert!(
        check.contains("e.csv:4: place \"Camelot\" is not in the gazetteer"),
        "{check}"
    );
    let out = ok(&db, &["import", file.to_str().unwrap()]);
    assert!(out.contains("1 place not in the gazetteer"), "{out}");
    let treaty = common::json(&db, &["show", "treaty-1960", "--json"]);
    let p = &treaty["places"][0];
    assert!((p["lat"].as_f64().unwrap() - 38.9).abs() < 0.1, "{p}");
    assert!((p["lon"].as_f64().unwrap() + 77.0).abs() < 0.1, "{p}");
    assert_eq!(p["geonames"], 4140963);
    let given = common::json(&db, &["show", "given-1900", "--json"]);
    assert_eq!(given["places"][0]["lat"], 1.5, "coordinates given win");
    let siege = common::json(&db, &["show", "siege-1453", "--json"]);
    assert_eq!(
        siege["places"][0]["geonames"], 745044,
        "Constantinople is Istanbul"
    );
    let unresolved = ok(&db, &["places", "--unresolved"]);
    assert_eq!(
        unresolved.lines().count(),
        2,
        "the place and why: {unresolved}"
    );
    assert!(unresolved.contains("Camelot  (unresolved)"), "{unresolved}");
    assert!(unresolved.contains("not in the gazetteer"), "{unresolved}");
    assert_eq!(ok(&db, &["places", "--json"]).lines().count(), 4);
    // --no-gazetteer keeps places exactly as given.
    let raw = dir.path().join("raw.db");
    ok(&raw, &["import", "--no-gazetteer", file.to_str().unwrap()]);
    let treaty = common::json(&raw, &["show", "treaty-1960", "--json"]);
    assert!(treaty["places"][0].get("lat").is_none(), "{treaty}");
    assert_eq!(ok(&raw, &["places", "--unresolved"]).lines().count(), 6);
}

/// Node, Chromium and the npm packages of tests/e2e (installed by scripts/test).
fn browser_tools() -> bool {
    let e2e = repo().join("tests/e2e/node_modules/@knight-lab/timelinejs");
    let node = Command::new("node").arg("--version").output().is_ok();
    let chromium = Path::new("/usr/bin/chromium").exists();
    if node && chromium && e2e.exists() {
        return true;
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "node, chromium or tests/e2e/node_modules missing under CI=true: scripts/test installs them"
    );
    skipped("node, chromium or tests/e2e/node_modules (run scripts/test)");
    false
}

/// The result of `tests/e2e/timelinejs.mjs` on a TimelineJS file (a screenshot as `shot`):
/// `{"slides", "headlines", "markers", "errors"}`.
fn in_timelinejs(file: &Path, shot: &str) -> serde_json::Value {
    let shots = repo().join("target/browser-screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let run = Command::new("node")
        .arg(repo().join("tests/e2e/timelinejs.mjs"))
        .arg(file)
        .arg(shots.join(shot))
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    serde_json::from_slice(&run.stdout).unwrap()
}

/// The headlines TimelineJS drew.
fn headlines(v: &serde_json::Value) -> Vec<&str> {
    v["headlines"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h.as_str())
        .collect()
}

#[test]
fn timelinejs_export_renders_in_timelinejs() {
    if !browser_tools() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let out = dir.path().join("timeline.json");
    ok(
        &db,
        &[
            "export",
            "--format",
            "timelinejs",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let v = in_timelinejs(&out, "timelinejs-demo.png");
    // The title slide and one slide per event.
    assert_eq!(v["slides"], 111, "{v}");
    let headlines = headlines(&v);
    for title in [
        "Formation of the Earth",
        "Assassination of Julius Caesar",
        "Fall of Constantinople",
    ] {
        assert!(headlines.contains(&title), "{title}: {headlines:?}");
    }
    assert_eq!(v["errors"].as_array().map(Vec::len), Some(0), "{v}");
    assert!(v["markers"].as_u64().unwrap_or(0) >= 110, "{v}");
}

/// The demo's story exported as a TimelineJS timeline renders in the real TimelineJS (a slide
/// for each stop with a date, in TimelineJS's date order), and imported back into an empty
/// database it is the same story: its stops in their order, titles, texts and events.
#[test]
fn a_story_goes_to_timelinejs_and_back() {
    if !browser_tools() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let id = "rome-a-city-of-many-endings";
    let out = dir.path().join("rome-timeline.json");
    let run = annals(
        &db,
        &[
            "story",
            "export",
            id,
            "--format",
            "timelinejs",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(run.status.success());
    let notes = String::from_utf8_lossy(&run.stderr);
    assert!(
        notes.contains("a query without a time window has no date in TimelineJS"),
        "{notes}"
    );
    let v = in_timelinejs(&out, "timelinejs-story.png");
    // the title slide and the seven stops with a date (the query stop has none)
    assert_eq!(v["slides"], 8, "{v}");
    let headlines = headlines(&v);
    for h in [
        "Rome, a city of many endings",
        "A small river, a large step",
        "The empire at its widest",
        "Rome resets the clock",
    ] {
        assert!(headlines.contains(&h), "{h}: {headlines:?}");
    }
    assert_eq!(v["errors"].as_array().map(Vec::len), Some(0), "{v}");

    let fresh = dir.path().join("fresh.db");
    let said = ok(&fresh, &["story", "import", out.to_str().unwrap()]);
    assert!(
        said.contains("(7 stops)") && said.contains("6 new"),
        "{said}"
    );
    let before = common::json(&db, &["story", "export", id]);
    let after = common::json(&fresh, &["story", "export", id]);
    assert_eq!(after["title"], before["title"]);
    assert_eq!(after["summary"], before["summary"]);
    let dated: Vec<&serde_json::Value> = before["stops"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s.get("query").is_none())
        .collect();
    let back = after["stops"].as_array().unwrap();
    assert_eq!(back.len(), dated.len());
    for (b, a) in dated.iter().zip(back) {
        for field in ["event", "title", "text"] {
            assert_eq!(a.get(field), b.get(field), "{field}: {a} / {b}");
        }
    }
    // the window's dates read the same ("27 BC" comes back as its EDTF, -0026)
    assert_eq!(back[3]["from"], "-0026");
    // the events came too, with their dates
    let show = |db: &Path| {
        common::json(
            db,
            &["show", "assassination-of-julius-caesar-44-bc", "--json"],
        )["date"]
            .clone()
    };
    let (was, is) = (show(&db), show(&fresh));
    assert_eq!(is["edtf"], was["edtf"], "{is}");
    assert_eq!(is["calendar"], was["calendar"], "{is}");
}

/// A spreadsheet kept by a French, a German or a Spanish historian imports as it is: its dates
/// read in their language (the English reader's siblings), Julian before 1582 as in English,
/// and the pages write them as they were written.
#[test]
fn dates_written_in_french_german_and_spanish_import() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l.db");
    let csv = dir.path().join("dates.csv");
    std::fs::write(
        &csv,
        "id,title,date_text\n\
         ides,Assassinat de César,15 mars 44 av. J.-C.\n\
         lepanto,Bataille de Lépante,7 octobre 1571\n\
         renaissance,Quattrocento,XVe siècle\n\
         wende,Mauerfall,9. November 1989\n\
         sechziger,Die Sechziger,1960er Jahre\n\
         granada,Toma de Granada,2 de enero de 1492\n\
         roma,Fundación de Roma,siglo VIII a. C.\n",
    )
    .unwrap();
    let out = ok(&db, &["import", csv.to_str().unwrap()]);
    assert!(out.contains("7 events created"), "{out}");
    let edtf = |id: &str| {
        json(&db, &["show", id, "--json"])["date"]["edtf"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(edtf("ides"), "-0043-03-13", "Julian, as in English");
    assert_eq!(edtf("lepanto"), "1571-10-17", "Julian before 1582");
    assert_eq!(edtf("renaissance"), "14XX");
    assert_eq!(edtf("wende"), "1989-11-09");
    assert_eq!(edtf("sechziger"), "196X");
    assert_eq!(edtf("granada"), "1492-01-11");
    assert_eq!(edtf("roma"), "-0799/-0700", "800 to 701 BC");
    let v = json(&db, &["show", "ides", "--json"]);
    assert_eq!(
        v["date"]["text"], "15 mars 44 av. J.-C.",
        "the text as written is kept"
    );
}
