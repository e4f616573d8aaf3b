//! Wikidata entity JSON (`docs/formats/wikidata.md`): one item as Wikidata serves it
//! (`{"entities": {"Q…": {…}}}`) or a dump (`[{…},\n{…}]`), read as a stream in two passes: the
//! first learns the labels, coordinates and GeoNames ids of every entity in the file, the second
//! turns each item with a date into an event whose id is its Q-id (so relations between items
//! link up). Items without a date only lend their labels.
//!
//! Dates: `P585` point in time, else `P580`/`P582` start/end, else `P571` inception, with
//! Wikidata's precision (0 = billion years … 11 = day) and calendar model (a Julian value stays
//! Julian). Wikidata years count without a year zero (`-0044` is 44 BC).
//! Also read: `P276` location (else `P131`, `P17`), `P17` country, `P625` coordinates, `P1566`
//! GeoNames id, `P710` participants, `P31` instance of (as tags), `P361` part of, `P527` has part,
//! `P155` follows, `P156` followed by, `P828` has cause, `P1542` has effect.

use crate::jsonstream::{self, Fields};
use crate::parts::{edtf_year, Parts};
use crate::write::{EventWriter, JsonItems};
use crate::{Dropped, FormatError, Incoming, Location, ReadOptions};
use annals_core::{Event, Participant, Place, RawDate, RawEvent, Relation, Source};
use annals_dates::{Calendar, Precision};
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::{self, Write};

const JULIAN: &str = "http://www.wikidata.org/entity/Q1985786";
const GREGORIAN: &str = "http://www.wikidata.org/entity/Q1985727";
const EARTH: &str = "http://www.wikidata.org/entity/Q2";
/// The item properties read and written as relations, with annals' relation kind.
const RELATIONS: [(&str, &str); 6] = [
    ("P361", "part_of"),
    ("P527", "has_part"),
    ("P155", "follows"),
    ("P156", "precedes"),
    ("P828", "caused_by"),
    ("P1542", "causes"),
];
/// Largest year number read: beyond annals' day axis (about ±2.5×10¹⁶ years) already, so still
/// reported as out of range, and small enough that the century and decade arithmetic below
/// cannot overflow.
const MAX_YEAR: i64 = 100_000_000_000_000_000;

/// What the first pass learns of an entity.
#[derive(Debug, Clone, Default)]
struct Known {
    label: Option<String>,
    coords: Option<(f64, f64)>,
    geonames: Option<u64>,
    country: Option<String>,
}

/// Read a Wikidata file. `open` opens it afresh (it is read twice); `each` returns false to stop.
pub fn read(
    open: &mut crate::read::Open,
    opts: &ReadOptions,
    each: &mut dyn FnMut(Result<Incoming, FormatError>) -> bool,
) -> Result<(), FormatError> {
    let io_err = |e: io::Error| FormatError::at_line(1, format!("read error: {e}"));
    let mut known: HashMap<String, Known> = HashMap::new();
    jsonstream::stream_as(
        open().map_err(io_err)?,
        &["entities"],
        &mut |_, light: Light| {
            if let Some(id) = &light.id {
                let v = json!({
                    "labels": {"en": {"value": light.labels.0}},
                    "claims": {"P625": light.claims.p625, "P1566": light.claims.p1566,
                        "P17": light.claims.p17},
                });
                known.insert(id.clone(), learn(&v));
            }
            true
        },
        &mut |_, _| {},
    )?;
    jsonstream::stream(
        open().map_err(io_err)?,
        &["entities"],
        &mut |path, v| {
            let f = Fields {
                path: &path,
                value: &v,
            };
            match item(&f, &known, opts) {
                Ok(None) => true,
                Ok(Some(event)) => each(Ok(Incoming {
                    event,
                    stub: false,
                    named: false,
                    location: Location::Path(path.clone()),
                })),
                Err(e) => each(Err(e)),
            }
        },
        &mut |_, _| {},
    )
}

/// What the first pass reads of an entity; everything else is skipped unparsed.
#[derive(Deserialize)]
struct Light {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    labels: BestLabel,
    #[serde(default)]
    claims: LightClaims,
}

#[derive(Deserialize, Default)]
struct LightClaims {
    #[serde(default, rename = "P625")]
    p625: Value,
    #[serde(default, rename = "P1566")]
    p1566: Value,
    #[serde(default, rename = "P17")]
    p17: Value,
}

/// The label [`label`] would pick (`en`, else `mul`, else the first), read without keeping the
/// others.
#[derive(Default)]
struct BestLabel(Option<String>);

impl<'de> Deserialize<'de> for BestLabel {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = BestLabel;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("labels by language")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<BestLabel, A::Error> {
                #[derive(Deserialize)]
                struct L {
                    value: Option<String>,
                }
                // "First" is the alphabetically first language, as in a parsed JSON object.
                let (mut en, mut mul) = (None, None);
                let mut first: Option<(String, Option<String>)> = None;
                while let Some(lang) = map.next_key::<String>()? {
                    let earlier = first.as_ref().is_none_or(|(l, _)| lang < *l);
                    if !(lang == "en" || lang == "mul" || earlier) {
                        map.next_value::<serde::de::IgnoredAny>()?;
                        continue;
                    }
                    let l: L = map.next_value()?;
                    match lang.as_str() {
                        "en" => en = l.value.clone(),
                        "mul" => mul = l.value.clone(),
                        _ => {}
                    }
                    if earlier {
                        first = Some((lang, l.value));
                    }
                }
                Ok(BestLabel(en.or(mul).or(first.and_then(|f| f.1))))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<BestLabel, A::Error> {
                // An empty entity serialises its labels as `[]`.
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(BestLabel(None))
            }
        }
        d.deserialize_any(V)
    }
}

fn label(v: &Value) -> Option<String> {
    let labels = v.get("labels")?.as_object()?;
    let l = labels
        .get("en")
        .or_else(|| labels.get("mul"))
        .or_else(|| labels.values().next())?;
    l.get("value")?.as_str().map(str::to_string)
}

/// The values of a property's best statements (preferred rank if any, else normal).
fn values<'a>(v: &'a Value, prop: &str) -> Vec<&'a Value> {
    let Some(statements) = v
        .get("claims")
        .and_then(|c| c.get(prop))
        .and_then(Value::as_array)
    else {
        return Vec::new();
    };
    fn rank(s: &Value) -> &str {
        s.get("rank").and_then(Value::as_str).unwrap_or("normal")
    }
    let preferred = statements.iter().any(|s| rank(s) == "preferred");
    statements
        .iter()
        .filter(|s| {
            let r = rank(s);
            r != "deprecated" && (!preferred || r == "preferred")
        })
        .filter_map(|s| s.get("mainsnak")?.get("datavalue")?.get("value"))
        .collect()
}

fn item_ids(v: &Value, prop: &str) -> Vec<String> {
    values(v, prop)
        .into_iter()
        .filter_map(|x| x.get("id").and_then(Value::as_str).map(str::to_string))
        .collect()
}

fn coords(v: &Value) -> Option<(f64, f64)> {
    values(v, "P625").into_iter().find_map(|c| {
        let globe = c.get("globe").and_then(Value::as_str).unwrap_or(EARTH);
        if globe != EARTH {
            return None;
        }
        let lat = c.get("latitude")?.as_f64()?;
        let lon = c.get("longitude")?.as_f64()?;
        ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)).then_some((lat, lon))
    })
}

fn learn(v: &Value) -> Known {
    Known {
        label: label(v),
        coords: coords(v),
        geonames: values(v, "P1566")
            .into_iter()
            .find_map(|g| g.as_str()?.parse().ok()),
        country: item_ids(v, "P17").into_iter().next(),
    }
}

/// A Wikidata time value as a date.
fn date(f: &Fields, prop: &str, t: &Value) -> Result<RawDate, FormatError> {
    let err = |what: String| f.error(&format!("claims.{prop}"), what);
    let time = t
        .get("time")
        .and_then(Value::as_str)
        .ok_or_else(|| err("expected a time value".into()))?;
    let precision = t.get("precision").and_then(Value::as_u64).unwrap_or(11);
    if precision > 14 {
        return Err(err(format!(
            "precision {precision}: expected 0 (billion years) to 11 (day), or 12 to 14 (hour to second, read as the day)"
        )));
    }
    let calendar = match t.get("calendarmodel").and_then(Value::as_str) {
        Some(JULIAN) => Calendar::Julian,
        _ => Calendar::Gregorian,
    };
    let (neg, rest) = match time.as_bytes().first() {
        Some(b'-') => (true, &time[1..]),
        Some(b'+') => (false, &time[1..]),
        _ => (false, time),
    };
    let mut it = rest.splitn(3, '-');
    let bad = || err(format!("{time:?}: expected +YYYY-MM-DDT00:00:00Z"));
    let y: i64 = it.next().and_then(|s| s.parse().ok()).ok_or_else(bad)?;
    if y > MAX_YEAR {
        return Err(err(format!(
            "{time:?}: the year is out of range: at most {MAX_YEAR}"
        )));
    }
    let m: u8 = it.next().and_then(|s| s.parse().ok()).ok_or_else(bad)?;
    let d: u8 = it
        .next()
        .and_then(|s| s.get(..2))
        .and_then(|s| s.parse().ok())
        .ok_or_else(bad)?;
    // No year zero in Wikidata: -1 is 1 BC, astronomical 0. Deep-time values (precision of
    // 10,000 years or coarser) are counts of years ago, kept as written.
    let year = match (neg, precision) {
        (true, 0..=5) => -y,
        (true, _) => 1 - y,
        (false, _) => y,
    };
    let parts = |month: Option<u8>, day: Option<u8>| Parts {
        year,
        month,
        day,
        time: None,
    };
    let edtf = match precision {
        10.. if m == 0 => parts(None, None).edtf(),
        11.. if d == 0 => parts(Some(m), None).edtf(),
        11.. => parts(Some(m), Some(d)).edtf(),
        10 => parts(Some(m), None).edtf(),
        9 => parts(None, None).edtf(),
        8 if (0..=9999).contains(&year) => format!("{:03}X", year / 10),
        6..=8 => {
            let unit = match precision {
                8 => 10,
                7 => 100,
                _ => 1000,
            };
            // The ordinal century (or millennium) the year falls in: 1801–1900 is the 19th.
            let (lo, hi) = if precision == 8 {
                let lo = year.div_euclid(10) * 10;
                (lo, lo + 9)
            } else {
                let n = (year + unit - 1).div_euclid(unit);
                ((n - 1) * unit + 1, n * unit)
            };
            format!("{}/{}", edtf_year(lo), edtf_year(hi))
        }
        p => {
            let digits = year.unsigned_abs().to_string().len() as i64;
            let sig = digits - (9 - p as i64);
            if year.unsigned_abs() > 9999 && sig >= 1 {
                format!("Y{year}S{sig}")
            } else {
                parts(None, None).edtf()
            }
        }
    };
    // A Julian day or month keeps its calendar: the text as Wikidata would show it.
    if calendar == Calendar::Julian && precision >= 10 && m != 0 {
        let ymd = annals_dates::Ymd {
            year,
            month: m.clamp(1, 12),
            day: d.max(1),
        };
        let text = if precision >= 11 && d != 0 {
            ymd.written()
        } else {
            ymd.month_written()
        };
        return Ok(RawDate {
            edtf: None,
            text: Some(text),
            calendar: Some("julian".into()),
        });
    }
    Ok(RawDate {
        edtf: Some(edtf),
        text: None,
        calendar: None,
    })
}

fn item(
    f: &Fields,
    known: &HashMap<String, Known>,
    opts: &ReadOptions,
) -> Result<Option<Event>, FormatError> {
    let v = f.value;
    // An item without an id (as annals writes events that have no Q-id) gets one from its
    // title and year.
    let id = v.get("id").and_then(Value::as_str).unwrap_or("");
    let first = |p: &str| values(v, p).into_iter().next();
    let date = if let Some(t) = first("P585") {
        date(f, "P585", t)?
    } else if let Some(start) = first("P580") {
        let a = date(f, "P580", start)?;
        match first("P582").map(|e| date(f, "P582", e)).transpose()? {
            Some(b) => {
                let side = |d: RawDate| -> Result<String, FormatError> {
                    Ok(d.resolve(opts.calendar)
                        .map_err(|e| f.error("claims", e.to_string()))?
                        .edtf)
                };
                RawDate {
                    edtf: Some(format!("{}/{}", side(a)?, side(b)?)),
                    text: None,
                    calendar: None,
                }
            }
            None => a,
        }
    } else if let Some(t) = first("P571") {
        date(f, "P571", t)?
    } else {
        return Ok(None);
    };
    let name_of = |q: &str| {
        known
            .get(q)
            .and_then(|k| k.label.clone())
            .unwrap_or_else(|| q.to_string())
    };
    let country = item_ids(v, "P17").into_iter().next();
    let mut places = Vec::new();
    let own = coords(v);
    for q in item_ids(v, "P276") {
        let k = known.get(&q).cloned().unwrap_or_default();
        let c = k.country.clone().or(country.clone());
        places.push(Place {
            name: name_of(&q),
            country: c.map(|c| name_of(&c)).unwrap_or_default(),
            lat: k.coords.map(|c| c.0),
            lon: k.coords.map(|c| c.1),
            geonames: k.geonames,
        });
    }
    if places.is_empty() {
        if let Some(q) = item_ids(v, "P131")
            .into_iter()
            .next()
            .or_else(|| country.clone())
        {
            let k = known.get(&q).cloned().unwrap_or_default();
            places.push(Place {
                name: name_of(&q),
                country: country
                    .as_ref()
                    .filter(|c| **c != q)
                    .map(|c| name_of(c))
                    .unwrap_or_default(),
                lat: k.coords.map(|c| c.0),
                lon: k.coords.map(|c| c.1),
                geonames: k.geonames,
            });
        }
    }
    if let Some((lat, lon)) = own {
        // The item's own coordinates win.
        match places.first_mut() {
            Some(p) => {
                p.lat = Some(lat);
                p.lon = Some(lon);
            }
            None => places.push(Place {
                name: label(v).unwrap_or_else(|| "unnamed place".to_string()),
                country: String::new(),
                lat: Some(lat),
                lon: Some(lon),
                geonames: None,
            }),
        }
    }
    let participants = item_ids(v, "P710")
        .iter()
        .map(|q| Participant {
            name: name_of(q),
            role: None,
        })
        .collect();
    let mut related = Vec::new();
    for (prop, kind) in RELATIONS {
        for q in item_ids(v, prop) {
            if q != id && !related.iter().any(|r: &Relation| r.id == q) {
                related.push(Relation {
                    id: q,
                    kind: kind.into(),
                });
            }
        }
    }
    let tags = item_ids(v, "P31")
        .iter()
        .filter_map(|q| known.get(q).and_then(|k| k.label.clone()))
        .collect();
    let summary = v
        .get("descriptions")
        .and_then(|d| d.get("en"))
        .and_then(|d| d.get("value"))
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    let sources = if id.is_empty() {
        Vec::new()
    } else {
        vec![Source {
            name: "wikidata.org".into(),
            url: Some(format!("https://www.wikidata.org/wiki/{id}")),
            licence: Some("CC0 1.0".into()),
            ..Source::default()
        }]
    };
    RawEvent {
        id: Some(id.to_string()).filter(|i| !i.is_empty()),
        title: label(v).ok_or_else(|| f.error("labels", "expected a label"))?,
        date,
        summary,
        body: Vec::new(),
        key_points: Vec::new(),
        places,
        participants,
        sources,
        related,
        tags,
        importance: None,
        media: Vec::new(),
        lang: None,
        translations: Vec::new(),
    }
    .into_event(opts.calendar)
    .map(Some)
    .map_err(|e| f.error("", e.to_string()))
}

/// Writes a Wikidata dump (`[{…},\n{…}]`): labels, descriptions and dated claims. Events whose
/// id is a Q-id keep it; relations to Q-ids become claims. Places, participants and the text
/// beyond the summary have no item to point to and are reported as dropped.
#[derive(Debug, Default)]
pub struct Writer {
    items: JsonItems,
}

impl Writer {
    /// A writer.
    pub fn new() -> Writer {
        Writer::default()
    }
}

fn is_qid(id: &str) -> bool {
    id.len() > 1 && id.starts_with('Q') && id[1..].bytes().all(|b| b.is_ascii_digit())
}

fn time_value(p: &Parts, precision: u64, calendar: Calendar) -> Value {
    let y = p.year;
    let (sign, hist) = if y <= 0 { ('-', 1 - y) } else { ('+', y) };
    json!({
        "time": format!("{sign}{hist:04}-{:02}-{:02}T00:00:00Z", p.month.unwrap_or(0), p.day.unwrap_or(0)),
        "timezone": 0, "before": 0, "after": 0, "precision": precision,
        "calendarmodel": if calendar == Calendar::Julian { JULIAN } else { GREGORIAN },
    })
}

fn claim(prop: &str, datatype: &str, value: Value, vtype: &str) -> Value {
    json!({"mainsnak": {"snaktype": "value", "property": prop, "datatype": datatype,
        "datavalue": {"value": value, "type": vtype}}, "type": "statement", "rank": "normal"})
}

fn precision_of(p: &Parts, w: Precision) -> u64 {
    match (w, p.month, p.day) {
        (_, Some(_), Some(_)) => 11,
        (_, Some(_), None) => 10,
        (Precision::Years(k), _, _) => 9u64.saturating_sub(k as u64),
        _ => 9,
    }
}

impl EventWriter for Writer {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        self.items = JsonItems::default();
        out.write_all(b"[\n")
    }

    fn event(
        &mut self,
        out: &mut dyn Write,
        e: &Event,
        dropped: &mut Vec<Dropped>,
    ) -> io::Result<()> {
        let mut drop = |what: String| {
            dropped.push(Dropped {
                id: e.id.clone(),
                what,
            })
        };
        let split = crate::parts::split(&e.date);
        for l in split.lost {
            drop(l);
        }
        // Julian dates are written in the Julian calendar, as Wikidata keeps them.
        let cal = e.date.calendar;
        let written = |p: &Parts| -> Parts {
            if cal != Calendar::Julian || p.day.is_none() {
                return *p;
            }
            annals_dates::Calendar::Gregorian
                .to_day(annals_dates::Ymd {
                    year: p.year,
                    month: p.month.unwrap_or(1),
                    day: p.day.unwrap_or(1),
                })
                .and_then(|d| Calendar::Julian.from_day(d))
                .map_or(*p, |j| Parts {
                    year: j.year,
                    month: Some(j.month),
                    day: Some(j.day),
                    time: None,
                })
        };
        let mut claims = serde_json::Map::new();
        let start = written(&split.start);
        let tv = |p: &Parts| time_value(p, precision_of(p, e.date.precision), cal);
        match &split.end {
            None => {
                claims.insert(
                    "P585".into(),
                    json!([claim("P585", "time", tv(&start), "time")]),
                );
            }
            Some(end) => {
                let end = written(end);
                claims.insert(
                    "P580".into(),
                    json!([claim("P580", "time", tv(&start), "time")]),
                );
                claims.insert(
                    "P582".into(),
                    json!([claim("P582", "time", tv(&end), "time")]),
                );
            }
        }
        if let Some(p) = e.places.iter().find(|p| p.lat.is_some()) {
            if let (Some(lat), Some(lon)) = (p.lat, p.lon) {
                claims.insert(
                    "P625".into(),
                    json!([claim("P625", "globe-coordinate", json!({"latitude": lat, "longitude": lon, "precision": 0.0001, "globe": EARTH}), "globecoordinate")]),
                );
            }
        }
        let mut linked = 0;
        for (prop, kind) in RELATIONS {
            let targets: Vec<Value> = e
                .related
                .iter()
                .filter(|r| r.kind == kind && is_qid(&r.id))
                .map(|r| {
                    claim(prop, "wikibase-item", json!({"entity-type": "item", "id": r.id, "numeric-id": r.id[1..].parse::<u64>().unwrap_or(0)}), "wikibase-entityid")
                })
                .collect();
            linked += targets.len();
            if !targets.is_empty() {
                claims.insert(prop.into(), json!(targets));
            }
        }
        let unlinked = e.related.len() - linked;
        let lost = [
            ("places (names)", e.places.len()),
            ("participants", e.participants.len()),
            ("relations to events without a Q-id", unlinked),
            ("narrative paragraphs", e.body.len()),
            ("key points", e.key_points.len()),
            ("tags", e.tags.len()),
        ];
        for (what, n) in lost {
            if n > 0 {
                drop(format!("{n} {what}: no Wikidata item to point to"));
            }
        }
        let mut item = json!({
            "type": "item",
            "labels": {"en": {"language": "en", "value": e.title}},
            "claims": claims,
        });
        if is_qid(&e.id) {
            item["id"] = json!(e.id);
        } else {
            drop(format!("id {:?}: not a Wikidata Q-id", e.id));
        }
        if !e.summary.is_empty() {
            item["descriptions"] = json!({"en": {"language": "en", "value": e.summary}});
        }
        self.items.write(out, &item)
    }

    fn end(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"\n]\n")
    }
}

#[cfg(test)]
mod tests {
    use crate::read::read_bytes;
    use crate::{Format, Location, ReadOptions};

    /// Inputs that crashed the `wikidata` fuzz target (`fuzz/regressions/wikidata/`): a year
    /// near `i64::MAX` overflowed the decade, century and millennium arithmetic of `date`.
    /// Each is now an error at its claim.
    #[test]
    fn unknown_precisions_are_located_errors() {
        let json = r#"[{"labels":{"en":{"value":"X"}},"claims":{"P585":[{"mainsnak":{"datavalue":{"value":{"time":"+1960-01-19T00:00:00Z","precision":99}}}}]}}]"#;
        let mut items = Vec::new();
        read_bytes(
            Format::Wikidata,
            json.as_bytes(),
            &ReadOptions::default(),
            &mut |item| {
                items.push(item);
                true
            },
        )
        .unwrap();
        let [Err(e)] = &items[..] else {
            panic!("{items:?}");
        };
        assert!(e.message.contains("precision 99"), "{e}");
    }

    #[test]
    fn huge_years_are_located_errors() {
        for (time, precision) in [
            ("9223372036854775807-0-00", 8),
            ("9223372036854775807-0-00", 7),
            ("-9223372036854775807-0-00", 6),
            ("+100000000000000001-01-01T00:00:00Z", 11),
        ] {
            let json = format!(
                r#"[{{"claims":{{"P585":[{{"mainsnak":{{"datavalue":{{"value":{{"time":"{time}","precision":{precision}}}}}}}}}]}}}}]"#
            );
            let mut items = Vec::new();
            read_bytes(
                Format::Wikidata,
                json.as_bytes(),
                &ReadOptions::default(),
                &mut |item| {
                    items.push(item);
                    true
                },
            )
            .unwrap();
            let [Err(e)] = &items[..] else {
                panic!("{time}: {items:?}");
            };
            assert_eq!(e.location, Location::Path("[0].claims.P585".into()), "{e}");
            assert!(e.message.contains("out of range"), "{e}");
        }
        // The largest year read is beyond the day axis: still an error, from the date itself.
        let json = r#"[{"labels":{"en":{"value":"X"}},"claims":{"P585":[{"mainsnak":{"datavalue":{"value":{"time":"-100000000000000000-00-00T00:00:00Z","precision":0}}}}]}}]"#;
        let mut n = 0;
        read_bytes(
            Format::Wikidata,
            json.as_bytes(),
            &ReadOptions::default(),
            &mut |item| {
                n += 1;
                assert!(
                    item.as_ref()
                        .is_err_and(|e| e.message.contains("out of range")),
                    "{item:?}"
                );
                true
            },
        )
        .unwrap();
        assert_eq!(n, 1);
    }
}
