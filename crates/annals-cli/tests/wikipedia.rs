//! `annals import` of Wikipedia: one article's wikitext, and a multistream bzip2 dump of the
//! annals-wiki fixtures; bad input names the file and page and writes nothing without
//! `--skip-invalid`.

mod common;
use common::{annals, ok, repo};

use std::io::Write;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    repo().join("crates/annals-wiki/tests/fixtures").join(name)
}

fn bz2(bytes: &[u8]) -> Vec<u8> {
    let mut enc = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

/// The sample export as a multistream dump: header, each page and footer in streams of their
/// own; with `index`, the index Wikipedia puts beside it (`offset:id:title` a stream).
fn multistream(dir: &Path, index: bool) -> PathBuf {
    let text = std::fs::read_to_string(fixture("sample.xml")).unwrap();
    let mut out = Vec::new();
    let mut lines = String::new();
    let mut rest = text.as_str();
    while let Some(k) = rest.find("  <page>") {
        out.extend(bz2(&rest.as_bytes()[..k]));
        let end = rest[k..].find("</page>").unwrap() + k + 8;
        lines.push_str(&format!("{}:1:Page\n", out.len()));
        out.extend(bz2(&rest.as_bytes()[k..end]));
        rest = &rest[end..];
    }
    out.extend(bz2(rest.as_bytes()));
    let path = dir.join("enwiki-sample-multistream.xml.bz2");
    std::fs::write(&path, out).unwrap();
    if index {
        let index = dir.join("enwiki-sample-multistream-index.txt.bz2");
        std::fs::write(index, bz2(lines.as_bytes())).unwrap();
    }
    path
}

#[test]
fn one_article() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let wiki = dir.path().join("Battle_of_Greyford.wiki");
    std::fs::copy(fixture("Battle_of_Greyford.wiki"), &wiki).unwrap();
    let out = ok(&db, &["import", wiki.to_str().unwrap()]);
    assert!(out.contains("1 pages read: 1 events"), "{out}");
    let show = ok(&db, &["show", "battle-of-greyford-1402"]);
    assert!(show.contains("Battle of Greyford"), "{show}");
    assert!(
        show.contains("March 14, 1402") || show.contains("14 March 1402"),
        "{show}"
    );
    assert!(show.contains("CC BY-SA 4.0"), "{show}");
    assert!(show.contains("Earl Osric"), "{show}");
}

#[test]
fn a_multistream_dump_with_relations() {
    for index in [false, true] {
        multistream_dump(index);
    }
}

/// Read one stream after another, or (`index`) decoded on several threads through the index.
fn multistream_dump(index: bool) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let dump = multistream(dir.path(), index);
    let out = ok(&db, &["import", dump.to_str().unwrap()]);
    assert!(out.contains("14 pages read: 7 events"), "{out}");
    assert!(out.contains("1 people"), "{out}");
    assert!(
        out.contains("1 event pages without a readable date"),
        "{out}"
    );
    assert!(out.contains("7 events created"), "{out}");
    let show = ok(&db, &["show", "treaty-of-ashmere-1405"]);
    // The related events appear on the page.
    assert!(show.contains("battle-of-greyford-1402"), "{show}");
    let list = ok(&db, &["list", "--from", "500 BC", "--to", "1000"]);
    assert!(list.contains("Siege of Old Harl"), "{list}");
    // --format mediawiki reads a file of any name.
    let other = dir.path().join("dump.data");
    std::fs::copy(&dump, &other).unwrap();
    let db2 = dir.path().join("b.db");
    let out = ok(
        &db2,
        &["import", "--format", "mediawiki", other.to_str().unwrap()],
    );
    assert!(out.contains("7 events created"), "{out}");
}

#[test]
fn bad_input_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let xml = std::fs::read_to_string(fixture("sample.xml")).unwrap();
    let cut = xml.find("preceded_by").unwrap();
    let truncated = dir.path().join("cut.xml");
    std::fs::write(&truncated, &xml[..cut]).unwrap();
    let out = annals(&db, &["import", truncated.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cut.xml:page \"Treaty of Ashmere\"") && err.contains("truncated"),
        "{err}"
    );
    assert!(err.contains("nothing was imported"), "{err}");
    let list = ok(&db, &["list"]);
    assert!(
        list.trim().is_empty() || !list.contains("Greyford"),
        "{list}"
    );
    // With --skip-invalid the pages before the cut are kept.
    let out = ok(
        &db,
        &["import", "--skip-invalid", truncated.to_str().unwrap()],
    );
    assert!(out.contains("2 events created"), "{out}");
    // Corrupt bzip2.
    let mut b = bz2(xml.as_bytes());
    let n = b.len();
    for x in &mut b[n / 2..n / 2 + 64] {
        *x ^= 0x5A;
    }
    let bad = dir.path().join("bad.xml.bz2");
    std::fs::write(&bad, b).unwrap();
    let out = annals(&db, &["import", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.xml.bz2:"), "{err}");
    // An article that is not an event.
    let person = dir.path().join("Ada_of_Merrow.wiki");
    std::fs::write(
        &person,
        "{{Infobox person|name=Ada}}\n'''Ada of Merrow''' (1370–1431) was a leader.",
    )
    .unwrap();
    let out = annals(&db, &["import", person.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Ada_of_Merrow.wiki:page \"Ada of Merrow\": not an event page (people)"),
        "{err}"
    );
}

/// Article HTML as Wikipedia's REST API serves it (Parsoid HTML) gives the same event as the
/// article's wikitext, with the revision it was read from.
#[test]
fn article_html_from_the_rest_api() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let html = dir.path().join("page.html");
    std::fs::copy(fixture("Battle_of_Greyford.html"), &html).unwrap();
    let out = ok(&db, &["import", html.to_str().unwrap()]);
    assert!(out.contains("1 pages read: 1 events"), "{out}");
    let show = ok(&db, &["show", "battle-of-greyford-1402", "--json"]);
    let e: serde_json::Value = serde_json::from_str(&show).unwrap();
    assert_eq!(e["title"], "Battle of Greyford");
    assert_eq!(e["date"]["edtf"], "1402-03-23", "14 March 1402, Julian");
    assert!(e["summary"]
        .as_str()
        .unwrap()
        .starts_with("The Battle of Greyford was fought on 14 March 1402"));
    let names: Vec<&str> = e["participants"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    assert!(
        names.contains(&"Earl Osric") && names.contains(&"League of River Towns"),
        "{names:?}"
    );
    assert_eq!(e["places"][0]["name"], "Greyford");
    assert!(show.contains("90210"), "the revision in the source: {show}");
    assert!(
        show.contains("toll on wool"),
        "the Background section in the narrative: {show}"
    );
}
