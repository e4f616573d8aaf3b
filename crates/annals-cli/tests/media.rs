//! `annals media`: every medium of the stored events with its licence and credit, and with
//! `--licences` the ones that lack either flagged, counted, and a non-zero exit; `annals media
//! add`, which keeps pictures (all or none) and prints their addresses.

mod common;
#[path = "../../../tests/support/picture.rs"]
mod picture;
use annals_store::EventStore;
use common::{annals, ok};

const EVENTS: &str = r#"{"id": "treaty-1960", "title": "Treaty of the Two Rivers", "date": "1960-01-19", "media": [{"url": "https://example.org/signing.jpg", "alt": "Two delegations at a long table", "credit": "Photo: A. Archivist", "licence": "CC-BY-SA-4.0"}, {"url": "https://example.org/speech.ogg", "kind": "audio", "credit": "State radio"}]}
{"id": "parade-1961", "title": "Parade on the river", "date": "1961", "media": [{"url": "https://example.org/parade.png", "alt": "Boats with flags", "licence": "CC0-1.0"}, {"url": "https://example.org/crowd.jpg", "alt": "A crowd on a bridge"}]}
{"id": "no-media-1962", "title": "A quiet year", "date": "1962"}
"#;

#[test]
fn the_licence_report_flags_what_reuse_needs() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    let file = dir.path().join("events.jsonl");
    std::fs::write(&file, EVENTS).unwrap();
    ok(&db, &["import", file.to_str().unwrap()]);

    let out = annals(&db, &["media"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("treaty-1960  https://example.org/signing.jpg\n    CC BY-SA 4.0 · Photo: A. Archivist\n"), "{text}");
    assert!(text.contains("    no licence · State radio\n"), "{text}");
    assert!(!text.contains('✗'), "no flags without --licences");
    assert!(String::from_utf8_lossy(&out.stderr).contains("4 media on 2 events"));

    let out = annals(&db, &["media", "--licences"]);
    assert_eq!(out.status.code(), Some(1), "flagged media fail the check");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("    no licence · State radio  ✗ lacks licence\n"),
        "{text}"
    );
    assert!(
        text.contains("    CC0 1.0 · no credit\n"),
        "public domain owes no credit: {text}"
    );
    assert!(
        text.contains("    no licence · no credit  ✗ lacks licence and credit\n"),
        "{text}"
    );
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("4 media on 2 events; 2 without a licence or a credit"));

    let out = annals(&db, &["media", "--licences", "--json"]);
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[1]["kind"], "audio");
    assert_eq!(
        lines[3]["missing"],
        serde_json::json!(["licence", "credit"])
    );

    // Once every medium has both, the check passes.
    let fixed = EVENTS
        .replace(
            r#""credit": "State radio"}"#,
            r#""credit": "State radio", "licence": "public-domain"}"#,
        )
        .replace(
            r#""alt": "A crowd on a bridge"}"#,
            r#""alt": "A crowd on a bridge", "credit": "B. Painter", "licence": "CC-BY-4.0"}"#,
        );
    std::fs::write(&file, fixed).unwrap();
    ok(&db, &["import", file.to_str().unwrap()]);
    let out = annals(&db, &["media", "--licences"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("0 without a licence or a credit"));
}

#[test]
fn a_medium_without_alt_text_is_refused_where_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    let file = dir.path().join("bad.jsonl");
    std::fs::write(
        &file,
        "{\"title\": \"Fine\", \"date\": \"1960\"}\n{\"title\": \"T\", \"date\": \"1961\", \"media\": [{\"url\": \"https://example.org/a.jpg\"}]}\n",
    )
    .unwrap();
    let out = annals(&db, &["import", file.to_str().unwrap()]);
    assert_ne!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.jsonl:2") && err.contains("needs alt text"),
        "{err}"
    );
    let list = annals(&db, &["list"]);
    assert!(
        !String::from_utf8_lossy(&list.stdout).contains("Fine"),
        "nothing half-written"
    );
}

/// Pictures are checked by their bytes, all before any is kept: one bad file keeps none, and
/// says which and why. Kept, each prints its `media:` address; the stored file has lost its
/// comment; adding it again says so.
#[test]
fn pictures_are_added_all_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    let jpeg = dir.path().join("harbour.jpg");
    let png = dir.path().join("harbour.png");
    let fake = dir.path().join("drawing.png");
    std::fs::write(&jpeg, picture::jpeg(800, 500)).unwrap();
    std::fs::write(&png, picture::png(200, 100)).unwrap();
    std::fs::write(&fake, b"GIF89a\x01\x00\x01\x00").unwrap();

    let out = annals(
        &db,
        &[
            "media",
            "add",
            jpeg.to_str().unwrap(),
            fake.to_str().unwrap(),
        ],
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "{}: expected a JPEG, PNG or WebP picture; the file's bytes are a GIF picture",
            fake.display()
        )),
        "{err}"
    );
    assert!(out.stdout.is_empty(), "nothing kept, nothing printed");

    let out = ok(
        &db,
        &[
            "media",
            "add",
            jpeg.to_str().unwrap(),
            png.to_str().unwrap(),
        ],
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].ends_with("harbour.jpg  800×500 image/jpeg, copies 320, 640"),
        "{out}"
    );
    assert!(
        lines[1].ends_with("harbour.png  200×100 image/png, copies 200"),
        "{out}"
    );
    let hash = lines[0]
        .split_whitespace()
        .next()
        .unwrap()
        .strip_prefix("media:")
        .unwrap();
    let store = annals_store::SqliteStore::open(&db).unwrap();
    let file = store.file(hash, None).unwrap().unwrap();
    let secret = picture::SECRET.as_bytes();
    assert!(
        !file.bytes.windows(secret.len()).any(|w| w == secret),
        "the comment was kept"
    );
    let again = ok(&db, &["media", "add", jpeg.to_str().unwrap()]);
    assert!(again.trim_end().ends_with("(kept already)"), "{again}");

    // The licence report flags a stored picture whose file the database does not hold.
    let lost = "ab".repeat(32);
    let events = dir.path().join("e.jsonl");
    std::fs::write(
        &events,
        format!(
            r#"{{"id": "harbour", "title": "Harbour", "date": "1890", "media": [{{"url": "media:{hash}", "alt": "A harbour", "credit": "Tests", "licence": "CC0-1.0"}}, {{"url": "media:{lost}", "alt": "Lost", "credit": "Tests", "licence": "CC0-1.0"}}]}}"#
        ),
    )
    .unwrap();
    ok(&db, &["import", events.to_str().unwrap()]);
    let out = annals(&db, &["media", "--licences"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(&format!(
            "harbour  media:{lost}\n    CC0 1.0 · Tests  ✗ lacks its stored file\n"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("harbour  media:{hash}\n    CC0 1.0 · Tests\n")),
        "{text}"
    );

    // The PNG is named by nothing: listed, kept through the grace, then removed; the JPEG
    // the event names stays.
    let png_hash = lines[1]
        .split_whitespace()
        .next()
        .unwrap()
        .strip_prefix("media:")
        .unwrap();
    let unused = ok(&db, &["media", "unused"]);
    assert_eq!(unused.lines().count(), 1, "{unused}");
    assert!(
        unused.starts_with(&format!("media:{png_hash}  200×100 image/png, ")),
        "{unused}"
    );
    let young = ok(&db, &["media", "unused", "--delete"]);
    assert!(young.contains("kept (younger than the grace)"), "{young}");
    assert!(store.file_info(png_hash).unwrap().is_some());
    let gone = annals(&db, &["media", "unused", "--delete", "--older-than", "0"]);
    assert!(gone.status.success());
    let said = String::from_utf8_lossy(&gone.stderr);
    assert!(said.contains("1 removed"), "{said}");
    assert!(store.file_info(png_hash).unwrap().is_none());
    assert!(store.file_info(hash).unwrap().is_some());
    assert_eq!(ok(&db, &["media", "unused"]), "");
}
