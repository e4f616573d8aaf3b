//! `annals extract` and `annals eval-timex` end to end: the seed narrative (read in place from
//! `../shared`), importing candidates through the import path, TimeML in and out, and scoring.

mod common;
use common::{annals, ok, shared};

use serde_json::Value;

fn events(jsonl: &str) -> Vec<Value> {
    jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn the_seed_narrative_proposes_the_1960_signing() {
    let Some(seed) = shared("seeds/000_65454c0b0f56a777.txt") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let out = ok(&db, &["extract", seed.to_str().unwrap(), "--json"]);
    let all = events(&out);
    let signing = all
        .iter()
        .find(|e| e["date"]["edtf"] == "1960-01-19")
        .unwrap_or_else(|| panic!("no 1960-01-19 candidate in {out}"));
    assert_eq!(signing["date"]["text"], "January 19, 1960");
    assert!(signing["title"].as_str().unwrap().contains("signed"));
    assert_eq!(signing["places"][0]["name"], "Washington, D.C.");
    assert_eq!(signing["places"][0]["country"], "United States");
    let people: Vec<&str> = signing["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert!(people.contains(&"United States"), "{people:?}");
    assert!(people.contains(&"Japan"), "{people:?}");
    assert!(signing["summary"]
        .as_str()
        .unwrap()
        .starts_with("On January 19, 1960, the Treaty of Mutual Cooperation"));
    assert_eq!(signing["tags"][0], "extracted");
    let url = signing["sources"][0]["url"].as_str().unwrap();
    assert!(
        url.starts_with("file://") && url.contains("#char="),
        "{url}"
    );
    // The offsets point at the sentence in the file.
    let text = std::fs::read_to_string(&seed).unwrap();
    let range = url.rsplit("#char=").next().unwrap();
    let (a, b) = range.split_once(',').unwrap();
    let (a, b): (usize, usize) = (a.parse().unwrap(), b.parse().unwrap());
    let sentence: String = text.chars().skip(a).take(b - a).collect();
    assert!(sentence.starts_with("On January 19, 1960"), "{sentence}");
    // Without --import nothing is written.
    assert!(!db.exists());
}

const ARTICLE: &str = "The Founding of Port Vell\n\nPort Vell was a small fishing town for centuries. On 3 May 1821, the governor signed the charter of the harbour company in Lisbon. Two years later the company founded a shipyard at Port Vell.\n\nThe shipyard burned in the winter of 1840, and the town declined.\n";

#[test]
fn import_stores_candidates_tagged_and_indexed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let file = dir.path().join("article.md");
    std::fs::write(&file, ARTICLE).unwrap();
    let preview = events(&ok(&db, &["extract", file.to_str().unwrap(), "--json"]));
    assert_eq!(preview.len(), 3, "{preview:?}");
    let dates: Vec<&str> = preview
        .iter()
        .map(|e| e["date"]["edtf"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["1821-05-03", "1823", "1840-24"]);
    assert!(!db.exists(), "nothing is written without --import");

    let out = ok(&db, &["extract", file.to_str().unwrap(), "--import"]);
    assert!(out.contains("imported 3 extracted events"), "{out}");
    let stats: Value = serde_json::from_str(&ok(&db, &["stats", "--json"])).unwrap();
    assert_eq!(stats["events"], 3);
    let id = preview[0]["id"].as_str().unwrap();
    let shown: Value = serde_json::from_str(&ok(&db, &["show", id, "--json"])).unwrap();
    assert_eq!(shown["tags"][0], "extracted");
    assert_eq!(shown["places"][0]["name"], "Lisbon");
    assert_eq!(shown["places"][0]["country"], "Portugal");
    // The search index is in step with the store.
    ok(&db, &["check", "--index"]);
    let hits: Value = serde_json::from_str(&ok(&db, &["search", "shipyard", "--json"])).unwrap();
    assert_eq!(hits["total"], 2, "{hits}");
    // Importing again updates nothing.
    let again = ok(&db, &["extract", file.to_str().unwrap(), "--import"]);
    assert!(
        again.contains("0 created, 0 updated, 3 unchanged"),
        "{again}"
    );
}

#[test]
fn timeml_out_keeps_every_byte_outside_our_tags() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let input = "<?xml version=\"1.0\" ?>\r\n<TimeML>\r\n<DOCID>x</DOCID>\r\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2009-12-19\">2009-12-19</TIMEX3></DCT>\r\n<TEXT>\r\nOn <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1939-09-01\">September 1, 1939</TIMEX3>, Germany <EVENT eid=\"e1\">attacked</EVENT> Poland &amp; two days later Britain declared war.\r\n</TEXT>\r\n</TimeML>\r\n";
    let file = dir.path().join("doc.tml");
    std::fs::write(&file, input).unwrap();
    let out = ok(
        &db,
        &["extract", file.to_str().unwrap(), "--format", "timeml"],
    );
    let strip = |s: &str| {
        let mut o = String::new();
        let mut rest = s;
        while let Some(p) = rest.find("<TIMEX3").or_else(|| rest.find("</TIMEX3")) {
            let q = rest.find("</TIMEX3").map_or(p, |q| q.min(p));
            let p = p.min(q);
            o.push_str(&rest[..p]);
            let gt = rest[p..].find('>').unwrap();
            rest = &rest[p + gt + 1..];
        }
        o.push_str(rest);
        o
    };
    // Outside TEXT nothing changes, not even the DCT's own tag.
    assert!(out.starts_with(
        "<?xml version=\"1.0\" ?>\r\n<TimeML>\r\n<DOCID>x</DOCID>\r\n<DCT><TIMEX3 tid=\"t0\""
    ));
    let body = |s: &str| s[s.find("<TEXT>").unwrap()..].to_string();
    assert_eq!(strip(&body(&out)), strip(&body(input)));
    assert!(
        out.contains(
            "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1939-09-01\">September 1, 1939</TIMEX3>"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"1939-09-03\">two days later</TIMEX3>"
        ),
        "{out}"
    );
    assert!(out.contains("<EVENT eid=\"e1\">attacked</EVENT>"));
}

#[test]
fn plain_text_gets_a_document_date() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let file = dir.path().join("note.txt");
    std::fs::write(
        &file,
        "The minister resigned on Monday; yesterday the party met.\n",
    )
    .unwrap();
    let out = ok(
        &db,
        &[
            "extract",
            file.to_str().unwrap(),
            "--format",
            "timeml",
            "--dct",
            "2013-03-20",
            "--anchor",
            "news",
        ],
    );
    assert!(out.contains("value=\"2013-03-20\""), "{out}");
    assert!(
        out.contains("value=\"2013-03-18\">Monday</TIMEX3>"),
        "{out}"
    );
    assert!(
        out.contains("value=\"2013-03-19\">yesterday</TIMEX3>"),
        "{out}"
    );
    // One JSON object per expression, with character offsets.
    let timex = ok(
        &db,
        &[
            "extract",
            file.to_str().unwrap(),
            "--format",
            "timex",
            "--dct",
            "2013-03-20",
            "--anchor",
            "news",
        ],
    );
    let first: Value = serde_json::from_str(timex.lines().next().unwrap()).unwrap();
    assert_eq!(first["text"], "Monday");
    assert_eq!(
        (first["start"].as_u64(), first["end"].as_u64()),
        (Some(25), Some(31))
    );
    assert_eq!(first["type"], "DATE");
    let bad = annals(
        &db,
        &["extract", file.to_str().unwrap(), "--dct", "someday"],
    );
    assert!(!bad.status.success());
}

fn tml(body: &str) -> String {
    format!("<?xml version=\"1.0\" ?>\n<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2009-12-19\">2009-12-19</TIMEX3></DCT>\n<TEXT>\n{body}\n</TEXT>\n</TimeML>\n")
}

#[test]
fn eval_timex_scores_per_file_and_never_drops_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let gold = dir.path().join("gold");
    let sys = dir.path().join("sys");
    std::fs::create_dir_all(&gold).unwrap();
    std::fs::create_dir_all(&sys).unwrap();
    let t = |id: u32, ty: &str, v: &str, text: &str| {
        format!("<TIMEX3 tid=\"t{id}\" type=\"{ty}\" value=\"{v}\">{text}</TIMEX3>")
    };
    // a.tml: 2 gold; the system finds one exactly and one with a longer extent and a wrong value.
    std::fs::write(
        gold.join("a.tml"),
        tml(&format!(
            "In {} and in {} it rained.",
            t(1, "DATE", "1939", "1939"),
            t(2, "DATE", "1940-05", "May 1940")
        )),
    )
    .unwrap();
    std::fs::write(
        sys.join("a.tml"),
        tml(&format!(
            "In {} and {} it rained.",
            t(1, "DATE", "1939", "1939"),
            t(2, "DATE", "1941-05", "in May 1940")
        )),
    )
    .unwrap();
    // b.tml: 2 gold, no system file: all misses, reported.
    std::fs::write(
        gold.join("b.tml"),
        tml(&format!(
            "{} and {}.",
            t(1, "DATE", "1918", "1918"),
            t(2, "DURATION", "P4Y", "four years")
        )),
    )
    .unwrap();
    let out = annals(
        &db,
        &[
            "eval-timex",
            gold.to_str().unwrap(),
            sys.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "a missing file is a problem");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("b.tml: no system file"), "{stderr}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"].as_array().unwrap().len(), 2);
    assert_eq!(v["files"][1]["gold"], 2);
    assert_eq!(v["files"][1]["system"], 0);
    let total = &v["total"];
    assert_eq!(total["gold"], 4);
    assert_eq!(total["system"], 2);
    assert_eq!(total["relaxed_matches"], 2);
    assert_eq!(total["strict_matches"], 1);
    // relaxed P 2/2, R 2/4 -> F1 66.7; strict P 1/2, R 1/4 -> 33.3; value accuracy 1/2.
    assert_eq!(total["relaxed"]["f1"], 66.7);
    assert_eq!(total["strict"]["f1"], 33.3);
    assert_eq!(total["value_f1"], 33.3);
    assert_eq!(total["type_f1"], 66.7);
    // The table form says the same.
    let table = annals(
        &db,
        &["eval-timex", gold.to_str().unwrap(), sys.to_str().unwrap()],
    );
    let table = String::from_utf8_lossy(&table.stdout);
    assert!(table.contains("micro-average"), "{table}");
    assert!(table.contains("(no system file"), "{table}");
}
