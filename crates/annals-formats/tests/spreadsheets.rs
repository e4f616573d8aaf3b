//! Real spreadsheets and files (issue 13 §4): TSV and semicolons, dates in parts, SPARQL
//! results, CRLF lines, places of other spreadsheets.

use annals_formats::read::read_bytes;
use annals_formats::table::{self, ColumnMap};
use annals_formats::{Format, FormatError, Incoming, Location, ReadOptions};

fn csv(input: &str, map: &str) -> Vec<Result<Incoming, FormatError>> {
    let mut out = Vec::new();
    let map = ColumnMap::parse(map).unwrap();
    if let Err(e) = table::read(input.as_bytes(), &ReadOptions::default(), &map, &mut |i| {
        out.push(i);
        true
    }) {
        out.push(Err(e));
    }
    out
}

fn ok(items: &[Result<Incoming, FormatError>]) -> Vec<&Incoming> {
    items
        .iter()
        .map(|i| i.as_ref().unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

#[test]
fn tabs_and_semicolons() {
    for input in [
        "title\tdate_text\tplaces\nBattle\t1939-41\tRome | Italy\n",
        "title;date_text;places\nBattle;1939-41;Rome | Italy\n",
        "title,date_text,places\nBattle,1939-41,Rome | Italy\n",
    ] {
        let got = csv(input, "");
        let e = &ok(&got)[0].event;
        assert_eq!(e.date.edtf, "1939/1941", "{input:?}");
        assert_eq!(e.places[0].name, "Rome", "{input:?}");
    }
    assert_eq!(
        Format::detect(std::path::Path::new("x.tsv"), b"title\tdate\n"),
        Format::Csv
    );
}

#[test]
fn dates_in_parts() {
    let input = "Name,YEAR,MO,DY,HR,MN,Location\n\
                 Lisbon,1755,11,1,9,40,PORTUGAL: LISBON\n\
                 Sparta,-464,,,,,GREECE: SPARTA\n\
                 War,1914,7,-9,,,Europe\n\
                 Hastings,1066,10,14,,,Battle\n";
    let got = csv(
        input,
        "Name=title,YEAR=year,MO=month,DY=day,HR=hour,MN=minute,Location=places",
    );
    let e = ok(&got);
    assert_eq!(e[0].event.date.edtf, "1755-11-01T09:40:00");
    assert_eq!(e[1].event.date.edtf, "-0463");
    assert_eq!(e[2].event.date.edtf, "1914-07");
    // Julian before 1582, as text dates are read.
    assert_eq!(e[3].event.date.edtf, "1066-10-20");
    assert_eq!(e[3].event.date.calendar, annals_dates::Calendar::Julian);
    // One place per cell of another spreadsheet's place column.
    assert_eq!(e[0].event.places.len(), 1);
    assert_eq!(e[0].event.places[0].name, "PORTUGAL: LISBON");

    let ranges = csv(
        "title,year,month,day,end_year,end_month,end_day\nWar,1914,7,28,1918,11,11\nSame,1914,,,1914,,\n",
        "",
    );
    let r = ok(&ranges);
    assert_eq!(r[0].event.date.edtf, "1914-07-28/1918-11-11");
    assert_eq!(r[1].event.date.edtf, "1914");
}

#[test]
fn dates_in_parts_say_what_is_wrong_where() {
    let got = csv(
        "title,year,month,day\nA,1914,13,1\nB,0,1,1\nC,1914,,5\nD,1914,2,30\nE,MCM,,\n",
        "",
    );
    let msg = |i: usize| {
        let e = got[i].as_ref().unwrap_err();
        (e.location.clone(), e.message.clone())
    };
    assert_eq!(msg(0).0, Location::Line(2));
    assert!(msg(0).1.starts_with("month: 13"), "{:?}", msg(0));
    assert!(msg(1).1.contains("no year 0"), "{:?}", msg(1));
    assert!(msg(2).1.contains("day without a month"), "{:?}", msg(2));
    assert!(msg(3).1.contains("30 February 1914"), "{:?}", msg(3));
    assert!(msg(4).1.contains("whole number"), "{:?}", msg(4));
    let needs = csv("title,month\nA,1\n", "");
    assert!(needs[0].as_ref().unwrap_err().message.contains("date"));
    let needs = csv("title,year,day\nA,1,1\n", "");
    assert!(needs[0]
        .as_ref()
        .unwrap_err()
        .message
        .contains("a day column needs a month column"));
}

#[test]
fn crlf_lines_are_the_files() {
    let got = csv(
        "title,date_text,places\r\nA,1939,Rome\r\n\r\nB,bad date,Rome\r\n",
        "",
    );
    assert_eq!(got[0].as_ref().unwrap().location, Location::Line(2));
    assert_eq!(got[1].as_ref().unwrap_err().location, Location::Line(4));
}

#[test]
fn places_in_cells() {
    let got = csv(
        "title,date_text,Where\nA,1939,\"Rome; Italy\"\n",
        "Where=places",
    );
    assert_eq!(ok(&got)[0].event.places[0].name, "Rome; Italy");
    // In annals' own column `;` separates places; separators alone are no place.
    let got = csv(
        "title,date_text,places\nA,1939,Rome; Paris\nB,1939, | \n",
        "",
    );
    let e = ok(&got);
    assert_eq!(e[0].event.places.len(), 2);
    assert!(e[1].event.places.is_empty());
    let got = csv("title,date_text,places\nA,1939, | Italy\n", "");
    assert!(got[0]
        .as_ref()
        .unwrap_err()
        .message
        .contains("expected a name"));
}

#[test]
fn sparql_results() {
    let json = br#"{"head":{"vars":["item","itemLabel","date","coord"]},"results":{"bindings":[
      {"item":{"type":"uri","value":"http://www.wikidata.org/entity/Q12551"},"itemLabel":{"type":"literal","value":"Battle of Hastings"},"date":{"type":"literal","value":"1066-10-20T00:00:00Z"},"coord":{"type":"literal","value":"Point(0.4875 50.9125)"}}]}}"#;
    assert_eq!(
        Format::detect(std::path::Path::new("q.json"), json),
        Format::Sparql
    );
    let mut got = Vec::new();
    read_bytes(Format::Sparql, json, &ReadOptions::default(), &mut |i| {
        got.push(i);
        true
    })
    .unwrap();
    let e = &ok(&got)[0].event;
    assert_eq!(e.id, "Q12551");
    assert_eq!(e.date.edtf, "1066-10-20");
    assert_eq!(e.places[0].lat, Some(50.9125));
}

/// Without cargo-fuzz: the fuzz seeds and regressions of the spreadsheet, CSV and SPARQL
/// targets, mutated at random (bytes flipped, inserted, deleted, spliced from the delimiters and
/// line ends that matter), never panic a reader. `ANNALS_MUTATIONS` sets the rounds per input
/// (2,000 by default).
#[test]
fn mutated_inputs_never_panic() {
    let rounds: usize = std::env::var("ANNALS_MUTATIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000);
    let fuzz = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let mut inputs = Vec::new();
    for dir in [
        "seeds/csv",
        "seeds/spreadsheet",
        "seeds/sparql",
        "regressions/csv",
        "regressions/spreadsheet",
        "regressions/json",
    ] {
        if let Ok(entries) = std::fs::read_dir(fuzz.join(dir)) {
            for e in entries.flatten() {
                inputs.push(std::fs::read(e.path()).unwrap());
            }
        }
    }
    assert!(
        inputs.len() >= 5,
        "fuzz seeds not found under {}",
        fuzz.display()
    );
    let tokens: [&[u8]; 12] = [
        b"\t", b";", b",", b"\r\n", b"\n", b"\"", b" | ", b"-9", b"-464", b"13", b"{", b"}",
    ];
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let map = ColumnMap::parse(
        "Name=title,YEAR=year,MO=month,DY=day,HR=hour,MN=minute,EY=end_year,EM=end_month,ED=end_day,Location=places",
    )
    .unwrap();
    for input in &inputs {
        for _ in 0..rounds {
            let mut data = input.clone();
            for _ in 0..=(next() % 4) {
                let at = (next() as usize) % (data.len() + 1);
                match next() % 4 {
                    0 if at < data.len() => data[at] = next() as u8,
                    1 if at < data.len() => {
                        data.remove(at);
                    }
                    _ => {
                        let t = tokens[(next() as usize) % tokens.len()];
                        data.splice(at..at, t.iter().copied());
                    }
                }
            }
            let each = &mut |_: Result<Incoming, FormatError>| true;
            for delimiter in [None, Some(b'\t'), Some(b';')] {
                let opts = ReadOptions {
                    delimiter,
                    ..ReadOptions::default()
                };
                let _ = table::read(&data[..], &opts, &map, each);
                let _ = table::read(&data[..], &opts, &ColumnMap::default(), each);
            }
            let _ = read_bytes(Format::Sparql, &data, &ReadOptions::default(), each);
            let _ = read_bytes(Format::Json, &data, &ReadOptions::default(), each);
        }
    }
}

/// A spreadsheet of French records: the language of the texts, and their translations in
/// the editor's blocks; a broken block is an error at its row.
#[test]
fn languages_and_translations() {
    let input = "title,date_text,lang,translations\n\
                 Prise de la Bastille,14 juillet 1789,fr,\"en: Storming of the Bastille\n\nParis rose.\n\nde: Sturm auf die Bastille\"\n\
                 Fête de la Fédération,14 juillet 1790,fr,\n";
    let got = csv(input, "");
    let e = ok(&got);
    assert_eq!(e[0].event.lang.as_deref(), Some("fr"));
    assert_eq!(e[0].event.date.edtf, "1789-07-14");
    let t = &e[0].event.translations;
    assert_eq!(
        (t.len(), t[0].lang.as_str(), t[0].summary.as_str()),
        (2, "en", "Paris rose.")
    );
    assert_eq!(t[1].title, "Sturm auf die Bastille");
    assert!(e[1].event.translations.is_empty());
    let bad = csv(
        "title,date,translations\nX,1789,Storming without a language\n",
        "",
    );
    let err = bad[0].as_ref().map(|_| ()).unwrap_err().to_string();
    assert!(
        err.starts_with("2: translations: line 1: expected a language"),
        "{err}"
    );
    // Written and read back the same.
    let mut out = Vec::new();
    let mut w = table::Writer::default();
    let mut dropped = Vec::new();
    {
        use annals_formats::write::EventWriter;
        w.begin(&mut out).unwrap();
        w.event(&mut out, &e[0].event, &mut dropped).unwrap();
    }
    assert!(dropped.is_empty(), "{dropped:?}");
    let back = csv(std::str::from_utf8(&out).unwrap(), "");
    assert_eq!(ok(&back)[0].event.translations, *t);
}
