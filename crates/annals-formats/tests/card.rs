//! The event-card format: the seed, our own fixtures, round trips and bad input.

mod common;
use common::shared;

use annals_formats::card::{read_documents, write_document, Document};
use annals_formats::ReadOptions;

fn read_one(text: &str) -> Document {
    let mut docs = read_documents(text, &ReadOptions::default());
    assert_eq!(docs.len(), 1);
    docs.remove(0).unwrap_or_else(|e| panic!("{e}"))
}

fn read_err(text: &str) -> String {
    match read_documents(text, &ReadOptions::default()).remove(0) {
        Ok(_) => panic!("should be refused:\n{text}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn the_seed() {
    let Some(dir) = shared("seeds") else { return };
    let path = dir.join("000_65454c0b0f56a777.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let doc = read_one(&text);
    assert_eq!(doc.leads.len(), 1);
    let nato = &doc.leads[0].event;
    assert!(doc.leads[0].stub);
    assert_eq!(nato.id, "establishment-of-nato-1949");
    assert_eq!(nato.title, "Establishment of NATO");
    assert_eq!(nato.date.edtf, "1949-04-04");
    assert_eq!(nato.date.text.as_deref(), Some("April 4, 1949"));
    assert_eq!(
        (
            nato.places[0].name.as_str(),
            nato.places[0].country.as_str()
        ),
        ("Washington, D.C.", "United States")
    );
    assert!(nato
        .summary
        .starts_with("The North Atlantic Treaty Organization (NATO) is established"));

    let t = &doc.main.event;
    assert_eq!(
        t.title,
        "Treaty of Mutual Cooperation and Security between the United States and Japan"
    );
    assert_eq!(
        t.id,
        "treaty-of-mutual-cooperation-and-security-between-the-united-states-and-japan-1960"
    );
    assert_eq!(t.date.edtf, "1960-01-19");
    assert_eq!(t.date.earliest.to_string(), "1960-01-19");
    assert!(t.summary.starts_with("The Treaty of Mutual Cooperation"));
    assert_eq!(t.places.len(), 1);
    assert_eq!(
        (t.places[0].name.as_str(), t.places[0].country.as_str()),
        ("Washington, D.C.", "United States")
    );
    let names: Vec<&str> = t.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["United States government", "Japanese government"]);
    assert_eq!(t.body.len(), 5, "{:#?}", t.body);
    assert!(t.body[0].starts_with("On January 19, 1960"));
    let labels: Vec<&str> = t.key_points.iter().map(|k| k.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Extended American Military Presence",
            "Asymmetric Military Relationship",
            "Reaffirmation of Sovereign Rights",
            "Mutual Consultation"
        ]
    );
    assert_eq!(t.sources[0].name, "en.wikipedia.org");
    assert_eq!(t.related[0].id, nato.id);
    assert_eq!(t.related[0].kind, "related");
    assert_eq!(nato.related[0].id, t.id);
    assert_round_trip(&doc);
}

#[test]
fn own_fixture() {
    let text = include_str!("fixtures/hastings.txt");
    let doc = read_one(text);
    let e = &doc.main.event;
    assert_eq!(e.title, "Battle of Hastings");
    assert_eq!(e.id, "battle-of-hastings-1066");
    assert_eq!(
        e.date.edtf, "1066-10-20",
        "Julian 14 October 1066 is Gregorian 20 October"
    );
    assert_eq!(e.date.calendar.name(), "julian");
    assert_eq!(e.places[0].lat, Some(50.9119));
    assert_eq!(e.participants[0].role.as_deref(), Some("commander"));
    assert_eq!(
        e.body.len(),
        3,
        "a paragraph with a colon after a sentence stays narrative"
    );
    assert_eq!(e.key_points.len(), 2);
    assert_eq!(
        e.sources[1].url.as_deref(),
        Some("https://example.org/chronicle")
    );
    assert_eq!(doc.leads[0].event.id, "death-of-edward-the-confessor-1066");
    assert_round_trip(&doc);
}

fn assert_round_trip(doc: &Document) {
    let leads: Vec<&_> = doc.leads.iter().map(|l| &l.event).collect();
    let (text, dropped) = write_document(&doc.main.event, &leads);
    assert!(dropped.is_empty(), "{dropped:?}");
    let again = read_one(&text);
    assert_eq!(again.main.event, doc.main.event, "\n{text}");
    for (a, b) in again.leads.iter().zip(&doc.leads) {
        assert_eq!(a.event, b.event);
    }
}

#[test]
fn writer_keeps_what_the_reader_cannot_derive() {
    let doc = read_one(include_str!("fixtures/hastings.txt"));
    let mut e = doc.main.event.clone();
    e.title = "Hastings, 1066".into();
    e.id = "hastings".into();
    e.tags = vec!["battle".into(), "norman conquest".into()];
    e.date = annals_dates::When::from_text(
        "October 14, 1066",
        annals_dates::CalendarHint::Given(annals_dates::Calendar::Gregorian),
    )
    .unwrap();
    let (text, dropped) = write_document(&e, &[]);
    assert!(text.starts_with("Id: hastings\nTitle: Hastings, 1066\nCalendar: gregorian\nTags: battle, norman conquest\n"), "{text}");
    assert_eq!(
        dropped.len(),
        1,
        "the relation to the lead is dropped: {dropped:?}"
    );
    let mut back = read_one(&text).main.event;
    back.related = e.related.clone();
    assert_eq!(back, e);
    // A place's GeoNames id is written after its coordinates and read back.
    e.places[0].geonames = Some(2_656_215);
    let (text, dropped) = write_document(&e, &[]);
    assert!(text.contains(" geonames:2656215"), "{text}");
    assert_eq!(dropped.len(), 1, "{dropped:?}");
    let back = read_one(&text).main.event;
    assert_eq!(back.places, e.places);
    assert!(read_err(&text.replace("geonames:2656215", "geonames:x"))
        .contains("expected a GeoNames id"));
}

#[test]
fn bad_input_says_where() {
    let cases = [
        ("", "1: empty document"),
        ("\n\n  \n", "4: empty document"),
        ("January 19, 1960\nA summary.\nNo place line here\nMore.", "3: expected the place line"),
        ("February 30, 1960\nThe Thing was done.\nRome, Italy | Senate", "1: expected the main record's date line: no such day"),
        ("January 19, 1960\nThe Thing was done.", "2: the document ends after the summary"),
        ("Something on Tuesday\n1960 · Rome, Italy\nSummary.\n1961\nThe Thing was done.\nRome, Italy |", "1: expected a lead card's first line"),
        ("1961\nThe Thing was done.\nRome, Italy @ 100, 0 |", "3: coordinates"),
        ("1961\nThe Thing was done.\nRome, Italy |\nSource: x\nMore narrative.", "5: expected only Source: lines"),
        ("\u{1}\u{2}binary junk\u{0}", "1: expected the main record's date line"),
    ];
    for (text, want) in cases {
        let got = read_err(text);
        assert!(got.starts_with(want), "{text:?}: {got}");
    }
    let long = format!(
        "1961\n{}\nRome, Italy |",
        "x".repeat(annals_formats::MAX_LINE + 1)
    );
    assert!(read_err(&long).starts_with("2: line is longer than"));
    let e = annals_formats::utf8(b"1961\nok\n\xff\xfe").unwrap_err();
    assert_eq!(e.to_string(), "3: invalid UTF-8: expected text");
}

#[test]
fn several_documents_per_file() {
    let text = "1961\nThe First Thing was done.\nRome, Italy |\n---\nbad\n---\n1962\nThe Second Thing was done.\nParis, France | France";
    let docs = read_documents(text, &ReadOptions::default());
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0].as_ref().unwrap().main.event.id, "first-thing-1961");
    assert!(docs[1].as_ref().unwrap_err().to_string().starts_with("5: "));
    assert_eq!(
        docs[2].as_ref().unwrap().main.event.participants[0].name,
        "France"
    );
}
