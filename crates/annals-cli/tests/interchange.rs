//! Interchange through the CLI: the demo corpus exported to every format and imported back
//! (identical events where the format holds every field), query exports, the gazetteer at
//! import, `annals places`, and the TimelineJS export rendered by the real TimelineJS in
//! headless Chromium.

mod common;
use common::skipped;
use common::{annals, ok, repo};

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
    let shots = repo().join("target/browser-screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let run = Command::new("node")
        .arg(repo().join("tests/e2e/timelinejs.mjs"))
        .arg(&out)
        .arg(shots.join("timelinejs-demo.png"))
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    // The title slide and one slide per event.
    assert_eq!(v["slides"], 111, "{v}");
    let headlines: Vec<&str> = v["headlines"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h.as_str())
        .collect();
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
