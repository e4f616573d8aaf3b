//! SPARQL query results in JSON (`application/sparql-results+json`), as the Wikidata Query
//! Service returns them (`docs/formats/wikidata.md`, "SPARQL results"): one event per row.
//!
//! Variables are matched by name, without regard to case: the item (`item`, a Wikidata URI: its
//! Q-id becomes the event id), the title (`itemLabel`, `label`, `title`), the date (`date`,
//! `pointInTime`, `time`, `start`, `startTime`, `inception`; xsd:dateTime values are proleptic
//! Gregorian with astronomical years, as WDQS gives them), an end (`end`, `endTime`), the date's
//! precision (`precision`: Wikidata's 9 = year, 10 = month, 11 = day; a day otherwise), a summary
//! (`itemDescription`, `description`), a place (`placeLabel`, `locationLabel`, `place`), its
//! country (`countryLabel`, `country`) and coordinates (`coord`, `coordinates`, `location`: a
//! `Point(lon lat)` literal). Consecutive rows of one item (SPARQL repeats an item once per
//! place) are one event with all their places. The document is read whole.

use crate::parts::{edtf_year, Parts};
use crate::{FormatError, Incoming, Location, ReadOptions};
use annals_core::{Place, RawDate, RawEvent};
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashMap;

#[derive(Deserialize)]
struct Results {
    head: Head,
    results: Bindings,
}

#[derive(Deserialize)]
struct Head {
    #[serde(default)]
    vars: Vec<String>,
}

#[derive(Deserialize)]
struct Bindings {
    bindings: Vec<HashMap<String, Value>>,
}

const TITLE: &[&str] = &["itemlabel", "label", "title", "eventlabel"];
const DATE: &[&str] = &[
    "date",
    "pointintime",
    "time",
    "start",
    "starttime",
    "inception",
];
const END: &[&str] = &["end", "endtime"];
const SUMMARY: &[&str] = &["itemdescription", "description", "summary"];
const PLACE: &[&str] = &["placelabel", "locationlabel", "place"];
const COUNTRY: &[&str] = &["countrylabel", "country"];
const COORDS: &[&str] = &["coord", "coords", "coordinates", "location"];

/// Read SPARQL JSON results; `each` returns false to stop.
pub fn read(
    text: &str,
    opts: &ReadOptions,
    each: &mut dyn FnMut(Result<Incoming, FormatError>) -> bool,
) -> Result<(), FormatError> {
    let results: Results = serde_json::from_str(text).map_err(|e| {
        FormatError::at_line(
            e.line(),
            format!("{e}: expected SPARQL JSON results ({{\"head\": {{\"vars\": [...]}}, \"results\": {{\"bindings\": [...]}}}})"),
        )
    })?;
    let vars: Vec<String> = results.head.vars;
    let find = |names: &[&str]| -> Option<String> {
        names
            .iter()
            .find_map(|n| vars.iter().find(|v| v.eq_ignore_ascii_case(n)).cloned())
    };
    let title = find(TITLE);
    let date = find(DATE);
    if title.is_none() || date.is_none() {
        return Err(FormatError::at_line(
            1,
            format!(
                "SPARQL results with variables {}: expected a title (?itemLabel or ?label) and a date (?date, ?pointInTime, ?start, ?inception)",
                vars.iter().map(|v| format!("?{v}")).collect::<Vec<_>>().join(" ")
            ),
        ));
    }
    let cols = Cols {
        item: find(&["item", "event"]),
        title,
        date,
        end: find(END),
        precision: find(&["precision", "dateprecision"]),
        summary: find(SUMMARY),
        place: find(PLACE),
        country: find(COUNTRY),
        coords: find(COORDS),
    };
    let mut pending: Option<(String, usize, Result<RawEvent, String>)> = None;
    let flush = |p: Option<(String, usize, Result<RawEvent, String>)>,
                 each: &mut dyn FnMut(Result<Incoming, FormatError>) -> bool|
     -> bool {
        let Some((_, i, raw)) = p else { return true };
        let location = Location::Path(format!("results.bindings[{i}]"));
        let item = raw
            .and_then(|r| r.into_event(opts.calendar).map_err(|e| e.to_string()))
            .map(|event| Incoming {
                event,
                stub: false,
                named: false,
                location: location.clone(),
            })
            .map_err(|message| FormatError { location, message });
        each(item)
    };
    for (i, row) in results.results.bindings.iter().enumerate() {
        let key = cols
            .item
            .as_deref()
            .and_then(|k| value(row, k))
            .unwrap_or_default();
        if let Some((k, _, Ok(raw))) = &mut pending {
            if !key.is_empty() && *k == key {
                if let Some(place) = cols.place_of(row) {
                    if !raw.places.contains(&place) {
                        raw.places.push(place);
                    }
                }
                continue;
            }
        }
        if !flush(pending.take(), each) {
            return Ok(());
        }
        pending = Some((key, i, cols.event(row)));
    }
    flush(pending, each);
    Ok(())
}

struct Cols {
    item: Option<String>,
    title: Option<String>,
    date: Option<String>,
    end: Option<String>,
    precision: Option<String>,
    summary: Option<String>,
    place: Option<String>,
    country: Option<String>,
    coords: Option<String>,
}

/// The value of variable `k` in a row, if bound.
fn value(row: &HashMap<String, Value>, k: &str) -> Option<String> {
    row.get(k)?
        .get("value")?
        .as_str()
        .map(|s| s.trim().to_string())
}

impl Cols {
    fn get(&self, row: &HashMap<String, Value>, k: &Option<String>) -> Option<String> {
        k.as_deref()
            .and_then(|k| value(row, k))
            .filter(|s| !s.is_empty())
    }

    fn place_of(&self, row: &HashMap<String, Value>) -> Option<Place> {
        let name = self.get(row, &self.place);
        let coords = self.get(row, &self.coords).and_then(|p| point(&p));
        if name.is_none() && coords.is_none() {
            return None;
        }
        // A place given as a URI only has no name to show: its coordinates still place it.
        let name = name
            .filter(|n| !n.starts_with("http"))
            .unwrap_or_else(|| "location".to_string());
        Some(Place {
            name,
            country: self.get(row, &self.country).unwrap_or_default(),
            lat: coords.map(|c| c.0),
            lon: coords.map(|c| c.1),
            geonames: None,
        })
    }

    fn event(&self, row: &HashMap<String, Value>) -> Result<RawEvent, String> {
        let title_var = self.title.as_deref().unwrap_or("label");
        let title = self
            .get(row, &self.title)
            .ok_or_else(|| format!("?{title_var}: expected a label"))?;
        let precision = match self.get(row, &self.precision) {
            None => 11,
            Some(p) => p
                .parse::<u8>()
                .ok()
                .filter(|p| (6..=14).contains(p))
                .ok_or_else(|| {
                    format!("precision {p:?}: expected 9 (year), 10 (month) or 11 (day)")
                })?,
        };
        let date_var = self.date.as_deref().unwrap_or("date");
        let start = self
            .get(row, &self.date)
            .ok_or_else(|| format!("?{date_var}: expected a date"))?;
        let start = xsd_date(&start, precision).map_err(|e| format!("?{date_var}: {e}"))?;
        let edtf = match self.get(row, &self.end) {
            Some(end) => {
                let end = xsd_date(&end, precision).map_err(|e| format!("?end: {e}"))?;
                if end == start {
                    start
                } else {
                    format!("{start}/{end}")
                }
            }
            None => start,
        };
        let id = self
            .get(row, &self.item)
            .and_then(|u| u.rsplit('/').next().map(str::to_string))
            .filter(|q| q.starts_with('Q') && q[1..].bytes().all(|b| b.is_ascii_digit()));
        Ok(RawEvent {
            id,
            title,
            date: RawDate {
                edtf: Some(edtf),
                text: None,
                calendar: None,
            },
            summary: self.get(row, &self.summary).unwrap_or_default(),
            body: Vec::new(),
            key_points: Vec::new(),
            places: self.place_of(row).into_iter().collect(),
            participants: Vec::new(),
            sources: Vec::new(),
            related: Vec::new(),
            tags: Vec::new(),
            importance: None,
            media: Vec::new(),
            lang: None,
            translations: Vec::new(),
        })
    }
}

/// `Point(lon lat)` → (lat, lon).
fn point(s: &str) -> Option<(f64, f64)> {
    let inner = s
        .trim()
        .strip_prefix("Point(")
        .or_else(|| s.trim().strip_prefix("POINT("))?
        .strip_suffix(')')?;
    let mut it = inner.split_whitespace();
    let lon: f64 = it.next()?.parse().ok()?;
    let lat: f64 = it.next()?.parse().ok()?;
    ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)).then_some((lat, lon))
}

/// An xsd:dateTime (`1939-09-01T00:00:00Z`, `-0043-03-15T00:00:00Z`) at a Wikidata precision, as
/// EDTF.
fn xsd_date(s: &str, precision: u8) -> Result<String, String> {
    let bad = || format!("{s:?}: expected an xsd:dateTime such as 1939-09-01T00:00:00Z");
    let (neg, rest) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let date = rest.split('T').next().unwrap_or(rest);
    let mut it = date.splitn(3, '-');
    let y: i64 = it.next().and_then(|y| y.parse().ok()).ok_or_else(bad)?;
    if y > 100_000_000_000 {
        return Err(format!("{s:?}: the year is out of range"));
    }
    let year = if neg { -y } else { y };
    let m: u8 = it.next().and_then(|m| m.parse().ok()).ok_or_else(bad)?;
    let d: u8 = it.next().and_then(|d| d.parse().ok()).ok_or_else(bad)?;
    let parts = |month, day| Parts {
        year,
        month,
        day,
        time: None,
    };
    Ok(match precision {
        11.. => parts(Some(m), Some(d)).edtf(),
        10 => parts(Some(m), None).edtf(),
        9 => parts(None, None).edtf(),
        // Decade, century, millennium: the span of years that holds the date's year.
        p => {
            let unit = 10i64.pow(u32::from(9 - p).min(3));
            let lo = year.div_euclid(unit) * unit;
            format!("{}/{}", edtf_year(lo), edtf_year(lo + unit - 1))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(text: &str) -> Vec<Result<Incoming, FormatError>> {
        let mut out = Vec::new();
        if let Err(e) = read(text, &ReadOptions::default(), &mut |i| {
            out.push(i);
            true
        }) {
            out.push(Err(e));
        }
        out
    }

    const RESULTS: &str = r#"{"head":{"vars":["item","itemLabel","date","coord","placeLabel","itemDescription"]},
"results":{"bindings":[
{"item":{"type":"uri","value":"http://www.wikidata.org/entity/Q12551"},"itemLabel":{"type":"literal","xml:lang":"en","value":"Battle of Hastings"},"date":{"datatype":"http://www.w3.org/2001/XMLSchema#dateTime","type":"literal","value":"1066-10-20T00:00:00Z"},"coord":{"datatype":"http://www.opengis.net/ont/geosparql#wktLiteral","type":"literal","value":"Point(0.4875 50.9125)"},"placeLabel":{"type":"literal","value":"Battle"},"itemDescription":{"type":"literal","value":"Norman conquest"}},
{"item":{"type":"uri","value":"http://www.wikidata.org/entity/Q12551"},"itemLabel":{"type":"literal","value":"Battle of Hastings"},"date":{"type":"literal","value":"1066-10-20T00:00:00Z"},"placeLabel":{"type":"literal","value":"Sussex"}},
{"item":{"type":"uri","value":"http://www.wikidata.org/entity/Q1"},"itemLabel":{"type":"literal","value":"Caesar dies"},"date":{"type":"literal","value":"-0043-03-13T00:00:00Z"}}
]}}"#;

    #[test]
    fn rows_are_events() {
        let got = read_all(RESULTS);
        assert_eq!(got.len(), 2, "{got:?}");
        let h = got[0].as_ref().unwrap();
        assert_eq!(h.event.id, "Q12551");
        assert_eq!(h.event.title, "Battle of Hastings");
        assert_eq!(h.event.date.edtf, "1066-10-20");
        assert_eq!(h.event.summary, "Norman conquest");
        assert_eq!(h.event.places.len(), 2);
        assert_eq!(h.event.places[0].lat, Some(50.9125));
        assert_eq!(h.event.places[0].lon, Some(0.4875));
        let c = got[1].as_ref().unwrap();
        assert_eq!(c.event.date.edtf, "-0043-03-13");
    }

    #[test]
    fn precisions() {
        assert_eq!(xsd_date("1939-01-01T00:00:00Z", 9).unwrap(), "1939");
        assert_eq!(xsd_date("1939-09-01T00:00:00Z", 10).unwrap(), "1939-09");
        assert_eq!(xsd_date("1939-09-01T00:00:00Z", 8).unwrap(), "1930/1939");
        assert_eq!(xsd_date("1939-09-01T00:00:00Z", 7).unwrap(), "1900/1999");
        assert!(xsd_date("yesterday", 11).is_err());
    }

    #[test]
    fn other_results_say_what_was_expected() {
        let e = read_all(r#"{"head":{"vars":["x"]},"results":{"bindings":[]}}"#);
        let e = e[0].as_ref().unwrap_err();
        assert!(e.message.contains("expected a title"), "{e}");
        let e = read_all(
            r#"{"head":{"vars":["itemLabel","date"]},"results":{"bindings":[{"itemLabel":{"value":"X"},"date":{"value":"soon"}}]}}"#,
        );
        let e = e[0].as_ref().unwrap_err();
        assert_eq!(e.location, Location::Path("results.bindings[0]".into()));
        assert!(e.message.contains("?date"), "{e}");
    }
}
