//! CSV with annals' own columns (`docs/formats/csv.md`): one event per row, every field of the
//! native JSON in a column, lists one item per line inside a cell. Other spreadsheets are read
//! through a column map (`--columns "Name=title,When=date_text,Notes=-"`).

use crate::csvutil::{self, CsvOut, Rows};
use crate::write::EventWriter;
use crate::{Dropped, FormatError, Incoming, ReadOptions};
use annals_core::{Event, KeyPoint, Participant, Place, RawDate, RawEvent, Relation, Source};
use std::io::{self, Read, Write};

/// The columns, in the order the writer uses.
pub const COLUMNS: [&str; 14] = [
    "id",
    "title",
    "date",
    "date_text",
    "calendar",
    "summary",
    "body",
    "key_points",
    "places",
    "participants",
    "sources",
    "related",
    "tags",
    "importance",
];

/// How the columns of another spreadsheet map onto annals' columns: `(their header, our column)`;
/// our column `-` ignores theirs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnMap(pub Vec<(String, String)>);

impl ColumnMap {
    /// Parse `Theirs=ours,Other=-`.
    pub fn parse(spec: &str) -> Result<ColumnMap, String> {
        let mut out = Vec::new();
        for pair in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (theirs, ours) = pair
                .split_once('=')
                .ok_or_else(|| format!("{pair:?}: expected THEIR_HEADER=our_column"))?;
            let ours = ours.trim();
            if ours != "-" && !COLUMNS.contains(&ours) {
                return Err(format!(
                    "{ours:?} is not a column: expected one of {} or - (ignore)",
                    COLUMNS.join(", ")
                ));
            }
            out.push((theirs.trim().to_string(), ours.to_string()));
        }
        Ok(ColumnMap(out))
    }

    fn ours<'a>(&'a self, header: &'a str) -> Option<&'a str> {
        let h = header.trim();
        match self.0.iter().find(|(t, _)| t.eq_ignore_ascii_case(h)) {
            Some((_, o)) => Some(o.as_str()),
            None => COLUMNS.iter().find(|c| c.eq_ignore_ascii_case(h)).copied(),
        }
    }
}

/// Read events from CSV. `each` returns false to stop.
pub fn read<R: Read>(
    input: R,
    opts: &ReadOptions,
    map: &ColumnMap,
    each: &mut dyn FnMut(Result<Incoming, FormatError>) -> bool,
) -> Result<(), FormatError> {
    let mut rows = Rows::new(input);
    let Some(header) = rows.header()? else {
        return Err(FormatError::at_line(1, "empty file: expected a header row"));
    };
    let mut idx: Vec<Option<usize>> = vec![None; COLUMNS.len()];
    let mut unknown = Vec::new();
    for (i, h) in header.iter().enumerate() {
        match map.ours(h) {
            Some("-") => {}
            Some(ours) => {
                let k = COLUMNS.iter().position(|c| *c == ours).unwrap_or(0);
                if idx[k].is_some() {
                    return Err(FormatError::at_line(
                        1,
                        format!("column {ours:?} is given twice"),
                    ));
                }
                idx[k] = Some(i);
            }
            None if h.trim().is_empty() => {}
            None => unknown.push(h.clone()),
        }
    }
    if !unknown.is_empty() {
        return Err(FormatError::at_line(
            1,
            format!(
                "unknown column{} {}: expected {} (map others with --columns \"Theirs=ours\" or ignore them with \"Theirs=-\")",
                if unknown.len() == 1 { "" } else { "s" },
                unknown.iter().map(|u| format!("{u:?}")).collect::<Vec<_>>().join(", "),
                COLUMNS.join(", ")
            ),
        ));
    }
    if idx[1].is_none() || (idx[2].is_none() && idx[3].is_none()) {
        return Err(FormatError::at_line(
            1,
            "expected a title column and a date or date_text column",
        ));
    }
    csvutil::each_event(&mut rows, &idx, &mut |get| Some(row(get, opts)), each)
}

/// The items of a list cell: one per line, or separated by `;` in a cell of one line.
fn items(cell: &str) -> Vec<&str> {
    let it: Vec<&str> = if cell.contains('\n') {
        cell.lines().collect()
    } else {
        cell.split(';').collect()
    };
    it.into_iter()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// The fields of an item: `a | b | c`.
fn fields(item: &str) -> Vec<&str> {
    item.split(" | ").map(str::trim).collect()
}

fn row<'a>(get: &dyn Fn(usize) -> &'a str, opts: &ReadOptions) -> Result<Event, String> {
    let opt = |k: usize| Some(get(k).trim().to_string()).filter(|s| !s.is_empty());
    let date = RawDate {
        edtf: opt(2),
        text: opt(3),
        calendar: opt(4),
    };
    let body: Vec<String> = get(6)
        .replace("\r\n", "\n")
        .split("\n\n")
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    let mut key_points = Vec::new();
    for k in get(7).lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (label, text) = k
            .split_once(": ")
            .ok_or_else(|| format!("key_points: {k:?}: expected 'Label: text'"))?;
        key_points.push(KeyPoint {
            label: label.trim().to_string(),
            text: text.trim().to_string(),
        });
    }
    let mut places = Vec::new();
    for p in items(get(8)) {
        let f = fields(p);
        let num = |i: usize, what: &str| -> Result<Option<f64>, String> {
            match f.get(i).copied().filter(|s| !s.is_empty()) {
                None => Ok(None),
                Some(s) => s
                    .parse::<f64>()
                    .map(Some)
                    .map_err(|_| format!("places: {p:?}: {what} {s:?} is not a number")),
            }
        };
        places.push(Place {
            name: f[0].to_string(),
            country: f.get(1).unwrap_or(&"").to_string(),
            lat: num(2, "latitude")?,
            lon: num(3, "longitude")?,
            geonames: num(4, "GeoNames id")?.map(|g| g as u64),
        });
    }
    let participants = items(get(9))
        .into_iter()
        .map(|p| {
            let f = fields(p);
            Participant {
                name: f[0].to_string(),
                role: f.get(1).map(|r| r.to_string()).filter(|r| !r.is_empty()),
            }
        })
        .collect();
    let sources = items(get(10))
        .into_iter()
        .map(|s| {
            let f = fields(s);
            let part = |i: usize| f.get(i).map(|r| r.to_string()).filter(|r| !r.is_empty());
            Source {
                name: f[0].to_string(),
                url: part(1),
                accessed: part(2),
                licence: part(3),
                quote: part(4),
            }
        })
        .collect();
    let related = items(get(11))
        .into_iter()
        .map(|r| {
            let f = fields(r);
            Relation {
                id: f[0].to_string(),
                kind: f.get(1).unwrap_or(&"related").to_string(),
            }
        })
        .collect();
    let importance = match opt(13) {
        None => None,
        Some(s) => Some(
            s.parse::<f64>()
                .map_err(|_| format!("importance: {s:?}: expected a number"))?,
        ),
    };
    RawEvent {
        id: opt(0),
        title: get(1).trim().to_string(),
        date,
        summary: get(5).trim().to_string(),
        body,
        key_points,
        places,
        participants,
        sources,
        related,
        tags: items(get(12)).into_iter().map(str::to_string).collect(),
        importance,
    }
    .into_event(opts.calendar)
    .map_err(|e| e.to_string())
}

/// Writes CSV with annals' columns.
#[derive(Debug, Default)]
pub struct Writer {
    csv: CsvOut,
}

/// A list cell: one item per line (a trailing newline keeps one item with `;` whole).
fn list(items: Vec<String>) -> String {
    let mut s = items.join("\n");
    if items.len() == 1 && s.contains(';') {
        s.push('\n');
    }
    s
}

/// One item's fields, trailing empty ones left out.
fn joined(mut f: Vec<String>) -> String {
    while f.len() > 1 && f.last().is_some_and(|s| s.is_empty()) {
        f.pop();
    }
    f.join(" | ")
}

impl EventWriter for Writer {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        self.csv.row(out, COLUMNS)
    }

    fn event(
        &mut self,
        out: &mut dyn Write,
        e: &Event,
        dropped: &mut Vec<Dropped>,
    ) -> io::Result<()> {
        let mut check = |what: &str, text: &str, sep: bool| {
            let bad = text.contains('\n') || (sep && (text.contains(" | ") || text.trim() != text));
            if bad {
                dropped.push(Dropped {
                    id: e.id.clone(),
                    what: format!(
                        "{what} {text:?}: its line breaks or ' | ' do not fit in a list cell"
                    ),
                });
            }
        };
        for p in &e.body {
            if p.contains("\n\n") || p.trim() != p {
                check("paragraph", "\n", false);
            }
        }
        for k in &e.key_points {
            check("key point label", &k.label, true);
            if k.label.contains(": ") {
                check("key point label", "\n", false);
            }
            check("key point", &k.text, false);
        }
        let places = e
            .places
            .iter()
            .map(|p| {
                check("place", &p.name, true);
                check("country", &p.country, true);
                joined(vec![
                    p.name.clone(),
                    p.country.clone(),
                    p.lat.map(|v| v.to_string()).unwrap_or_default(),
                    p.lon.map(|v| v.to_string()).unwrap_or_default(),
                    p.geonames.map(|v| v.to_string()).unwrap_or_default(),
                ])
            })
            .collect();
        let participants = e
            .participants
            .iter()
            .map(|p| {
                check("participant", &p.name, true);
                joined(vec![p.name.clone(), p.role.clone().unwrap_or_default()])
            })
            .collect();
        let sources = e
            .sources
            .iter()
            .map(|s| {
                check("source", &s.name, true);
                let part = |v: &Option<String>| v.clone().unwrap_or_default();
                joined(vec![
                    s.name.clone(),
                    part(&s.url),
                    part(&s.accessed),
                    part(&s.licence),
                    part(&s.quote),
                ])
            })
            .collect();
        let related = e
            .related
            .iter()
            .map(|r| format!("{} | {}", r.id, r.kind))
            .collect();
        for t in &e.tags {
            check("tag", t, true);
        }
        let cells = [
            e.id.clone(),
            e.title.clone(),
            e.date.edtf.clone(),
            e.date.text.clone().unwrap_or_default(),
            if e.date.calendar == annals_dates::Calendar::Gregorian {
                String::new()
            } else {
                e.date.calendar.name().to_string()
            },
            e.summary.clone(),
            e.body.join("\n\n"),
            e.key_points
                .iter()
                .map(|k| format!("{}: {}", k.label, k.text))
                .collect::<Vec<_>>()
                .join("\n"),
            list(places),
            list(participants),
            list(sources),
            list(related),
            list(e.tags.clone()),
            e.importance.map(|i| i.to_string()).unwrap_or_default(),
        ];
        self.csv.row(out, cells.iter().map(String::as_str))
    }
}
