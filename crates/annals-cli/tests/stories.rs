//! `annals story` and stories in imports: stored, shown, exported, refused with `file:line`,
//! imported with the events they visit, removed with their history kept.

mod common;
use common::{annals, ok, repo};

const EVENTS: &str = r#"[
  {"title": "Stamford Bridge", "date": "1066-09-25", "summary": "Harold wins in the north."},
  {"title": "Hastings", "date": "1066-10-14", "summary": "Harold falls."}
]"#;

const STORY: &str = r#"{
  "id": "autumn-1066",
  "title": "Autumn 1066",
  "stops": [
    {"event": "stamford-bridge-1066", "text": "First the north."},
    {"title": "The march", "from": "1066-09-26", "to": "1066-10-13"},
    {"event": "hastings-1066", "title": "Senlac"}
  ]
}"#;

#[test]
fn stories_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    // a story and the events it visits, in one directory: the events first, then the story
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("events.json"), EVENTS).unwrap();
    std::fs::write(input.join("autumn.json"), STORY).unwrap();
    let said = ok(&db, &["import", input.to_str().unwrap()]);
    assert!(
        said.contains("2 events created") && said.contains("1 story"),
        "{said}"
    );
    assert!(ok(&db, &["story", "list"]).contains("autumn-1066"));
    let shown = ok(&db, &["story", "show", "autumn-1066"]);
    assert!(shown.contains("1. Stamford Bridge"), "{shown}");
    assert!(
        shown.contains("3. Senlac") && shown.contains("October 14, 1066"),
        "{shown}"
    );
    assert!(
        shown.contains("from September 26, 1066 to October 13, 1066"),
        "{shown}"
    );
    let back = common::json(&db, &["story", "export", "autumn-1066"]);
    assert_eq!(back["stops"][1]["title"], "The march");

    // refused: where, and nothing written
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        "{\"id\": \"b\", \"title\": \"B\",\n \"stops\": [{\"evnt\": \"x\"}]}",
    )
    .unwrap();
    let out = annals(&db, &["story", "add", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.json:2: unknown field `evnt`"), "{err}");
    let missing = dir.path().join("missing.json");
    std::fs::write(&missing, STORY.replace("hastings-1066", "hastings-1067")).unwrap();
    let out = annals(&db, &["story", "add", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("stops[2].event: there is no event \"hastings-1067\""),
        "{err}"
    );
    let out = annals(&db, &["import", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.json:stops[2].event"));
    assert_eq!(common::json(&db, &["story", "export", "autumn-1066"]), back);

    // replaced, removed, its history kept
    let edited = dir.path().join("edited.json");
    std::fs::write(
        &edited,
        STORY.replace("First the north.", "The north first."),
    )
    .unwrap();
    assert!(ok(&db, &["story", "add", edited.to_str().unwrap()]).contains("1 changed"));
    assert!(ok(&db, &["story", "remove", "autumn-1066"]).contains("removed"));
    assert_eq!(
        annals(&db, &["story", "show", "autumn-1066"]).status.code(),
        Some(3)
    );
    let history = ok(&db, &["story", "history", "autumn-1066"]);
    assert_eq!(history.lines().count(), 3, "{history}");
    assert!(
        history.lines().last().unwrap().ends_with("deleted"),
        "{history}"
    );
}

/// The demo's story reads as its file says, and `annals check` counts stories apart.
#[test]
fn the_demo_story() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    ok(&db, &["demo", "--no-serve"]);
    let file = repo().join("examples/stories/rome.json");
    let want: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let got = common::json(&db, &["story", "export", "rome-a-city-of-many-endings"]);
    assert_eq!(got, want);
    let checked = ok(&db, &["check", file.to_str().unwrap()]);
    assert!(
        checked.contains("0 events and 1 story in 1 file: no problems"),
        "{checked}"
    );
    // a second demo changes nothing
    let again = ok(&db, &["demo", "--no-serve"]);
    assert!(again.contains("0 new"), "{again}");
    assert_eq!(
        ok(&db, &["story", "history", "rome-a-city-of-many-endings"])
            .lines()
            .count(),
        1
    );
}
