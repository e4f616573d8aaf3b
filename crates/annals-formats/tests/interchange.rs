//! Interchange formats: the seed through every format, lossless round trips where the format
//! holds every field, reported losses where it does not, Wikidata dates and calendars, and bad
//! input located and refused without a panic.

mod common;
use common::shared;

use annals_core::Event;
use annals_formats::read::read_bytes;
use annals_formats::table::{self, ColumnMap};
use annals_formats::write::write_all;
use annals_formats::{
    card, geojson, json, jsonld, markdown, timelinejs, wikidata, EventWriter, Format, FormatError,
    Location, ReadOptions,
};
use std::path::PathBuf;

fn ev(json: &str) -> Event {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"))
}

/// Our own events covering what dates and fields can be.
fn fixtures() -> Vec<Event> {
    vec![
        ev(
            r#"{"title": "Treaty of the Two Rivers", "date": {"text": "January 19, 1960"}, "summary": "Two states signed a treaty.", "body": ["It was signed in the capital.", "It lasted: ten years."], "key_points": [{"label": "Shared Defence", "text": "Each would defend the other."}], "places": [{"name": "Washington, D.C.", "country": "United States", "lat": 38.9, "lon": -77.04}], "participants": [{"name": "United States government", "role": "signatory"}, {"name": "Japanese government"}], "sources": [{"name": "example.org", "url": "https://example.org/treaty"}], "related": [{"id": "march-on-the-river-44-bc", "kind": "follows"}], "tags": ["treaty", "alliance; mutual"], "importance": 4.5, "media": [{"url": "https://example.org/signing.jpg", "alt": "Two delegations at a long table", "caption": "The signing", "credit": "Photo: A. Archivist", "licence": "CC-BY-SA-4.0", "source": "https://example.org/signing"}, {"url": "https://example.org/speech.ogg", "kind": "audio", "credit": "State radio", "licence": "public-domain"}]}"#,
        ),
        ev(
            r#"{"id": "march-on-the-river-44-bc", "title": "March on the river", "date": {"text": "March 15, 44 BC"}, "summary": "A Julian date.", "tags": ["era"]}"#,
        ),
        ev(r#"{"title": "A long war", "date": "1950/1970", "summary": "A span."}"#),
        ev(r#"{"title": "Deep impact", "date": "Y-66000000", "summary": "Deep time."}"#),
        ev(r#"{"title": "Around the decade", "date": "196X", "summary": "Unspecified digits."}"#),
        ev(r#"{"title": "Perhaps", "date": "~1850-05", "summary": "Approximate month."}"#),
    ]
}

fn write_with(w: &mut dyn EventWriter, events: &[Event]) -> (String, usize) {
    let mut out = Vec::new();
    let dropped = write_all(w, &mut out, events).unwrap();
    (String::from_utf8(out).unwrap(), dropped.len())
}

fn read_as(format: Format, text: &str) -> Vec<Event> {
    let mut out = Vec::new();
    read_bytes(format, text.as_bytes(), &ReadOptions::default(), &mut |r| {
        out.push(r.unwrap_or_else(|e| panic!("{e}\n{text}")).event);
        true
    })
    .unwrap_or_else(|e| panic!("{e}"));
    out
}

fn read_err(format: Format, text: &str) -> FormatError {
    let mut first = None;
    let end = read_bytes(format, text.as_bytes(), &ReadOptions::default(), &mut |r| {
        if let Err(e) = r {
            first.get_or_insert(e);
        }
        true
    });
    first
        .or(end.err())
        .unwrap_or_else(|| panic!("should be refused: {text}"))
}

#[test]
fn lossless_formats_round_trip() {
    let events = fixtures();
    let (csv, dropped) = write_with(&mut table::Writer::default(), &events);
    assert_eq!(dropped, 0);
    assert_eq!(read_as(Format::Csv, &csv), events);
    let (jsonl, _) = write_with(&mut json::JsonlWriter, &events);
    assert_eq!(read_as(Format::Jsonl, &jsonl), events);
    for e in &events {
        assert_eq!(
            read_as(Format::Markdown, &markdown::write(e)),
            vec![e.clone()]
        );
    }
}

#[test]
fn timelinejs_keeps_what_it_can_and_says_what_it_drops() {
    let events = fixtures();
    for (cosmo, label) in [(true, "cosmological"), (false, "human")] {
        let human: Vec<Event> = events
            .iter()
            .filter(|e| cosmo || !timelinejs::needs_cosmological(&e.date))
            .cloned()
            .collect();
        let (text, dropped) = write_with(&mut timelinejs::json::Writer::new(cosmo, "t"), &human);
        assert!(dropped > 0, "{label}");
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["scale"], label);
        let back = read_as(Format::TimelineJs, &text);
        let (sheet, _) = write_with(&mut timelinejs::sheet::Writer::new(cosmo), &human);
        let back_sheet = read_as(Format::TimelineJsCsv, &sheet);
        assert_eq!(back.len(), human.len());
        for (a, b) in human.iter().zip(&back) {
            assert_eq!(a.title, b.title);
            assert_eq!(a.summary, b.summary);
            assert_eq!(a.key_points, b.key_points);
            if !cosmo && a.date.text.is_some() {
                // A written date comes back exactly, calendar included.
                assert_eq!(
                    (&a.date.edtf, a.date.calendar, &a.date.text),
                    (&b.date.edtf, b.date.calendar, &b.date.text)
                );
                assert_eq!(a.id, b.id);
            }
        }
        assert_eq!(back_sheet.len(), back.len());
    }
    // BC years as TimelineJS shows them: 44 BC is -44.
    let (text, _) = write_with(
        &mut timelinejs::json::Writer::new(false, "t"),
        &fixtures()[1..2],
    );
    assert!(text.contains("\"year\":-44"), "{text}");
    // An era (tagged `era`, with an end) becomes an era and comes back tagged.
    let war = ev(r#"{"title": "A long war", "date": "1950/1970", "tags": ["era"]}"#);
    let (text, _) = write_with(
        &mut timelinejs::json::Writer::new(false, "t"),
        std::slice::from_ref(&war),
    );
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["eras"].as_array().unwrap().len(), 1);
    assert_eq!(read_as(Format::TimelineJs, &text)[0].tags, vec!["era"]);
}

#[test]
fn media_go_where_each_format_has_room_for_them() {
    let events = fixtures();
    let treaty = &events[0];
    // TimelineJS: one medium per slide, the licence after the credit, read back.
    let (text, _) = write_with(
        &mut timelinejs::json::Writer::new(false, "t"),
        std::slice::from_ref(treaty),
    );
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let media = &v["events"][0]["media"];
    assert_eq!(media["url"], "https://example.org/signing.jpg");
    assert_eq!(media["credit"], "Photo: A. Archivist · CC BY-SA 4.0");
    assert_eq!(media["alt"], "Two delegations at a long table");
    let back = read_as(Format::TimelineJs, &text);
    let mut expected = treaty.media[0].clone();
    expected.source.clear();
    assert_eq!(back[0].media, vec![expected.clone()]);
    let (sheet, _) = write_with(
        &mut timelinejs::sheet::Writer::new(false),
        std::slice::from_ref(treaty),
    );
    let from_sheet = read_as(Format::TimelineJsCsv, &sheet);
    expected.alt = "The signing".into(); // the sheet has no alt column: the caption describes it
    assert_eq!(from_sheet[0].media, vec![expected]);
    // A slide's media that is a page, not a picture, is not kept; an image without alt is
    // described by its caption or the headline.
    let tl = r#"{"events": [{"start_date": {"year": 1960}, "text": {"headline": "Treaty"}, "media": {"url": "https://en.wikipedia.org/wiki/Treaty"}},
        {"start_date": {"year": 1961}, "text": {"headline": "Parade"}, "media": {"url": "https://example.org/parade.png", "credit": "City archive"}}]}"#;
    let read = read_as(Format::TimelineJs, tl);
    assert!(read[0].media.is_empty());
    assert_eq!(
        (
            read[1].media[0].alt.as_str(),
            read[1].media[0].credit.as_str()
        ),
        ("Parade", "City archive")
    );
    // JSON-LD: schema.org ImageObject and AudioObject with credit and licence.
    let mut dropped = Vec::new();
    let node = jsonld::node(treaty, &mut dropped);
    let image = &node["image"][0];
    assert_eq!(image["@type"], "ImageObject");
    assert_eq!(image["contentUrl"], "https://example.org/signing.jpg");
    assert_eq!(image["creditText"], "Photo: A. Archivist");
    assert_eq!(
        image["license"],
        "https://creativecommons.org/licenses/by-sa/4.0/"
    );
    assert_eq!(image["description"], "Two delegations at a long table");
    assert_eq!(node["audio"][0]["@type"], "AudioObject");
    // GeoJSON: the media in the feature's properties, for a map's popup.
    let f = geojson::feature(treaty).unwrap();
    assert_eq!(f["properties"]["media"][0]["credit"], "Photo: A. Archivist");
    // Event cards have no place for media, and say so.
    let (_, dropped) = card::write_document(treaty, &[]);
    assert!(
        dropped.iter().any(|d| d.what.contains("2 media")),
        "{dropped:?}"
    );
    // A medium that breaks the rules is refused where it is.
    let e = read_err(
        Format::Jsonl,
        r#"{"title": "T", "date": "1960", "media": [{"url": "https://example.org/a.jpg"}]}"#,
    );
    assert!(e.to_string().contains("needs alt text"), "{e}");
    let e = read_err(
        Format::Csv,
        "title,date,media\nT,1960,https://example.org/a.jpg | picture | A thing\n",
    );
    assert!(
        e.to_string().contains("expected image, audio or video"),
        "{e}"
    );
}

#[test]
fn the_seed_through_every_format() {
    let Some(dir) = shared("seeds") else { return };
    let text = std::fs::read_to_string(dir.join("000_65454c0b0f56a777.txt")).unwrap();
    let doc = card::read_documents(&text, &ReadOptions::default())
        .remove(0)
        .unwrap();
    let events: Vec<Event> = doc.into_events().into_iter().map(|i| i.event).collect();
    assert_eq!(events.len(), 2);
    let (csv, _) = write_with(&mut table::Writer::default(), &events);
    assert_eq!(read_as(Format::Csv, &csv), events);
    for e in &events {
        assert_eq!(read_as(Format::Markdown, &markdown::write(e))[0], *e);
    }
    let (tl, _) = write_with(&mut timelinejs::json::Writer::new(false, "seed"), &events);
    let back = read_as(Format::TimelineJs, &tl);
    assert_eq!(back[1].key_points, events[1].key_points);
    assert_eq!(back[1].body, events[1].body);
    let (sheet, _) = write_with(&mut timelinejs::sheet::Writer::new(false), &events);
    assert_eq!(
        read_as(Format::TimelineJsCsv, &sheet)[0].title,
        events[0].title
    );
    // Exports only: they parse, and hold what they promise.
    let (gj, _) = write_with(&mut geojson::Writer::new(), &events);
    let gj: serde_json::Value = serde_json::from_str(&gj).unwrap();
    assert_eq!(gj["type"], "FeatureCollection");
    let (ld, dropped) = write_with(&mut jsonld::Writer::new(), &events);
    assert!(dropped > 0, "the key points are reported");
    let ld: serde_json::Value = serde_json::from_str(&ld).unwrap();
    let treaty = &ld["@graph"][1];
    assert_eq!(treaty["@type"], "Event");
    assert_eq!(treaty["startDate"], "1960-01-19");
    assert_eq!(treaty["attendee"][1]["@type"], "Organization");
    let (wd, _) = write_with(&mut wikidata::Writer::new(), &events);
    let back = read_as(Format::Wikidata, &wd);
    assert_eq!(back.len(), 2);
    assert_eq!(back[1].date.edtf, "1960-01-19");
}

#[test]
fn geojson_has_longitude_first_and_bounds() {
    let (text, dropped) = write_with(&mut geojson::Writer::new(), &fixtures());
    assert_eq!(dropped, 5, "events without coordinates are reported");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let f = &v["features"][0];
    assert_eq!(f["geometry"]["coordinates"][0], -77.04);
    assert_eq!(f["properties"]["earliest"], "1960-01-19");
}

#[test]
fn wikidata_dump() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wikidata-dump.json");
    let text = std::fs::read_to_string(path).unwrap();
    assert_eq!(Format::sniff(text.as_bytes()), Format::Wikidata);
    let events = read_as(Format::Wikidata, &text);
    let ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        ["Q900001", "Q900004", "Q900006"],
        "items without a date only lend labels"
    );
    let siege = &events[0];
    // Julian 29 May 1453 stays Julian; its Gregorian day is 7 June.
    assert_eq!(siege.date.calendar.name(), "julian");
    assert_eq!(siege.date.edtf, "1453-06-07");
    assert_eq!(siege.places[0].name, "Harbourtown");
    assert_eq!(
        (siege.places[0].lat, siege.places[0].geonames),
        (Some(41.0), Some(745044))
    );
    let who: Vec<&str> = siege.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(who, ["Coastal League", "Q999999"]);
    assert_eq!(siege.related[0].id, "Q900004");
    assert_eq!(siege.related[0].kind, "follows");
    assert_eq!(siege.tags, ["siege"]);
    // No year zero in Wikidata: -0218 is 218 BC, astronomical -217.
    assert_eq!(events[1].date.edtf, "-0217/-0200");
    assert_eq!(events[2].date.edtf, "Y-66000000S2");
    assert_eq!(events[2].places[0].lat, Some(21.4));
    // One item as Wikidata serves it.
    let one = format!(
        "{{\"entities\": {{\"Q900006\": {}}}}}",
        text.lines().nth(6).unwrap().trim_end_matches(',')
    );
    assert_eq!(Format::sniff(one.as_bytes()), Format::Wikidata);
    assert_eq!(read_as(Format::Wikidata, &one)[0].id, "Q900006");
}

#[test]
fn csv_from_another_spreadsheet() {
    let sheet = "Name,When,Where,Notes\nFall of the bridge,1 May 1890,\"Paris, France\",ignored\n";
    let err = read_err(Format::Csv, sheet);
    assert_eq!(err.location, Location::Line(1));
    assert!(err.message.contains("--columns"), "{err}");
    let map = ColumnMap::parse("Name=title,When=date_text,Where=places,Notes=-").unwrap();
    let mut got = Vec::new();
    table::read(sheet.as_bytes(), &ReadOptions::default(), &map, &mut |r| {
        got.push(r.unwrap().event);
        true
    })
    .unwrap();
    assert_eq!(got[0].date.edtf, "1890-05-01");
    assert_eq!(got[0].places[0].name, "Paris, France");
    assert!(ColumnMap::parse("Name=colour").is_err());
}

#[test]
fn bad_input_is_located() {
    let cases: Vec<(Format, &str, Location)> = vec![
        (Format::Csv, "title,date\nA,1960\nB,1960-02-30\n", Location::Line(3)),
        (Format::Csv, "title,date,importance\nA,1960,lots\n", Location::Line(2)),
        (Format::Csv, "title,date\nA,1960\n\u{0}\"x\n", Location::Line(3)),
        (Format::TimelineJsCsv, "Year,Headline\n1960,A\nnineteen,B\n", Location::Line(3)),
        (Format::TimelineJs, r#"{"events": [{"start_date": {"year": 1960}, "text": {"headline": "A"}}, {"start_date": {"month": 2}, "text": {"headline": "B"}}]}"#, Location::Path("events[1].start_date.year".into())),
        (Format::TimelineJs, "{\"events\": [\n{\"start_date\": {\"year\": 1}, \"text\": {\"headline\": \"A\"}},\n{,}]}", Location::Line(3)),
        (Format::TimelineJs, r#"{"events": [{"start_date": {"year": 1960, "month": 13}, "text": {"headline": "A"}}]}"#, Location::Path("events[0].start_date.month".into())),
        (Format::Wikidata, r#"{"entities": {"Q1": {"id": "Q1", "labels": {"en": {"value": "A"}}, "claims": {"P585": [{"mainsnak": {"datavalue": {"value": {"time": "soon"}}}}]}}}}"#, Location::Path("entities.Q1.claims.P585".into())),
        (Format::Markdown, "---\ntitle: A\n", Location::Line(2)),
    ];
    for (format, text, location) in cases {
        let err = read_err(format, text);
        assert_eq!(err.location, location, "{format:?} {text}: {err}");
        assert!(!err.message.is_empty());
    }
}

#[test]
fn readers_never_panic() {
    // Mutations of valid documents of every format: each either reads or says where it failed.
    let events = fixtures();
    let docs: Vec<(Format, String)> = vec![
        (
            Format::Csv,
            write_with(&mut table::Writer::default(), &events).0,
        ),
        (
            Format::TimelineJs,
            write_with(&mut timelinejs::json::Writer::new(false, "t"), &events[..3]).0,
        ),
        (
            Format::TimelineJsCsv,
            write_with(&mut timelinejs::sheet::Writer::new(false), &events[..3]).0,
        ),
        (
            Format::Wikidata,
            write_with(&mut wikidata::Writer::new(), &events).0,
        ),
        (Format::Markdown, markdown::write(&events[0])),
    ];
    let mut seed = 0x2545F4914F6CDD1Du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for (format, doc) in &docs {
        let bytes = doc.as_bytes();
        for _ in 0..300 {
            let mut b = bytes.to_vec();
            for _ in 0..(next() % 8 + 1) {
                if b.is_empty() {
                    break;
                }
                let i = (next() as usize) % b.len().max(1);
                match next() % 3 {
                    0 => b[i] = (next() % 256) as u8,
                    1 => {
                        b.truncate(i);
                    }
                    _ => b.insert(i, b"{}[],\":-\n|*&"[(next() % 12) as usize]),
                }
            }
            let _ = read_bytes(*format, &b, &ReadOptions::default(), &mut |_| true);
        }
    }
}

/// A UTF-8 byte order mark (spreadsheets and editors on Windows write one) is read past in
/// every format.
#[test]
fn a_byte_order_mark_is_read_past_in_every_format() {
    let one = [ev(
        r#"{"title": "Marked", "date": "1901-02-03", "summary": "A BOM before it."}"#,
    )];
    let written = |w: &mut dyn EventWriter| write_with(w, &one).0;
    let texts = [
        (Format::Card, card::write_document(&one[0], &[]).0),
        (Format::Json, serde_json::to_string(&one[0]).unwrap()),
        (Format::Jsonl, written(&mut json::JsonlWriter)),
        (Format::Csv, written(&mut table::Writer::default())),
        (
            Format::TimelineJs,
            written(&mut timelinejs::json::Writer::new(false, "T")),
        ),
        (
            Format::TimelineJsCsv,
            written(&mut timelinejs::sheet::Writer::new(false)),
        ),
        (Format::Markdown, markdown::write(&one[0])),
    ];
    for (format, text) in texts {
        let back = read_as(format, &format!("\u{feff}{text}"));
        assert_eq!(back.len(), 1, "{format:?}");
        assert_eq!(back[0].title, "Marked", "{format:?}");
    }
}

/// A row with more values than the header has columns loses nothing silently: it is refused
/// at its line (an unquoted comma in a value is the usual cause). Empty trailing cells, as
/// spreadsheets write them, are fine.
#[test]
fn extra_cells_are_refused_at_their_line() {
    let e = read_err(
        Format::Csv,
        "title,date\nTreaty,1648-10-24\nPeace of Westphalia, Osnabrück,1648\n",
    );
    assert_eq!(e.location, Location::Line(3), "{e}");
    assert!(e.message.contains("3 cells, the header 2"), "{e}");
    assert_eq!(
        read_as(Format::Csv, "title,date\nTreaty,1648-10-24,,\n").len(),
        1
    );
}
