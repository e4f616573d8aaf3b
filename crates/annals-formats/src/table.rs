//! CSV with annals' own columns (`docs/formats/csv.md`): one event per row, every field of the
//! native JSON in a column, lists one item per line inside a cell. Other spreadsheets are read
//! through a column map (`--columns "Name=title,When=date_text,Notes=-"`).

use crate::csvutil::{self, CsvOut, Rows};
use crate::write::EventWriter;
use crate::{Dropped, FormatError, Incoming, ReadOptions};
use annals_core::{
    Event, KeyPoint, MediaKind, Medium, Participant, Place, RawDate, RawEvent, Relation, Source,
};
use std::io::{self, Write};

/// The columns, in the order the writer uses.
pub const COLUMNS: [&str; 17] = [
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
    "media",
    "lang",
    "translations",
];

/// Columns that only a reader takes: a date in parts, as catalogues publish them (year, month,
/// day, hour, minute), and the end of a range in the same parts. Indexed after [`COLUMNS`].
pub const DATE_PARTS: [&str; 10] = [
    "year",
    "month",
    "day",
    "hour",
    "minute",
    "end_year",
    "end_month",
    "end_day",
    "end_hour",
    "end_minute",
];

/// Every column a reader knows: [`COLUMNS`], then [`DATE_PARTS`].
fn known(name: &str) -> Option<usize> {
    COLUMNS
        .iter()
        .chain(DATE_PARTS.iter())
        .position(|c| c.eq_ignore_ascii_case(name))
}

fn column_name(k: usize) -> &'static str {
    COLUMNS
        .iter()
        .chain(DATE_PARTS.iter())
        .nth(k)
        .copied()
        .unwrap_or("?")
}

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
            if ours != "-" && known(ours).is_none() {
                return Err(format!(
                    "{ours:?} is not a column: expected one of {}, {} or - (ignore)",
                    COLUMNS.join(", "),
                    DATE_PARTS.join(", ")
                ));
            }
            out.push((theirs.trim().to_string(), ours.to_string()));
        }
        Ok(ColumnMap(out))
    }

    /// Our column for their header, and whether the map named it (a column of another
    /// spreadsheet).
    fn ours<'a>(&'a self, header: &'a str) -> Option<(&'a str, bool)> {
        let h = header.trim();
        match self.0.iter().find(|(t, _)| t.eq_ignore_ascii_case(h)) {
            Some((_, o)) => Some((o.as_str(), true)),
            None => known(h).map(|k| (column_name(k), false)),
        }
    }
}

/// Read events from CSV. `each` returns false to stop.
pub fn read<R: std::io::BufRead>(
    input: R,
    opts: &ReadOptions,
    map: &ColumnMap,
    each: &mut dyn FnMut(Result<Incoming, FormatError>) -> bool,
) -> Result<(), FormatError> {
    let mut rows = Rows::sniffed(input, opts.delimiter);
    let Some(header) = rows.header()? else {
        return Err(FormatError::at_line(1, "empty file: expected a header row"));
    };
    let mut idx: Vec<Option<usize>> = vec![None; COLUMNS.len() + DATE_PARTS.len()];
    let mut unknown = Vec::new();
    let mut places_mapped = false;
    for (i, h) in header.iter().enumerate() {
        match map.ours(h) {
            Some(("-", _)) => {}
            Some((ours, mapped)) => {
                let k = known(ours).unwrap_or(0);
                places_mapped |= mapped && ours == "places";
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
                "unknown column{} {}: expected {} (or a date in parts: {}; map others with --columns \"Theirs=ours\" or ignore them with \"Theirs=-\")",
                if unknown.len() == 1 { "" } else { "s" },
                unknown.iter().map(|u| format!("{u:?}")).collect::<Vec<_>>().join(", "),
                COLUMNS.join(", "),
                DATE_PARTS.join(", ")
            ),
        ));
    }
    let year = COLUMNS.len();
    if idx[1].is_none() || (idx[2].is_none() && idx[3].is_none() && idx[year].is_none()) {
        return Err(FormatError::at_line(
            1,
            "expected a title column and a date, date_text or year column",
        ));
    }
    for (part, needs) in [(1, 0), (2, 1), (3, 2), (4, 3)] {
        for base in [year, year + 5] {
            if idx[base + part].is_some() && idx[base + needs].is_none() {
                return Err(FormatError::at_line(
                    1,
                    format!(
                        "a {} column needs a {} column",
                        column_name(base + part),
                        column_name(base + needs)
                    ),
                ));
            }
        }
    }
    let how = Cells { places_mapped };
    csvutil::each_event(
        &mut rows,
        &idx,
        &mut |get| Some(row(get, opts, how).map(|e| (e, !get(0).trim().is_empty()))),
        each,
    )
}

/// How a row's cells read.
#[derive(Clone, Copy)]
struct Cells {
    /// The places column is another spreadsheet's: one place per cell, `;` and all.
    places_mapped: bool,
}

/// A time of day: hour and minute.
type HourMinute = (u8, u8);

/// One point of a date in parts (`year`, `month`, `day`, `hour`, `minute` from column `base`):
/// the text as a historian writes it and the hour and minute. `None` when its year is empty.
/// A negative year is BC (-44 is 44 BC, as NOAA and others publish them); a month or day of 0
/// or below (-9 in the COW data sets) is unknown, as is a negative hour or minute.
fn date_point<'a>(
    get: &dyn Fn(usize) -> &'a str,
    base: usize,
) -> Result<Option<(String, Option<HourMinute>)>, String> {
    let name = |k: usize| column_name(base + k);
    let year = get(base).trim();
    if year.is_empty() {
        return Ok(None);
    }
    let y: i64 = year
        .strip_prefix('+')
        .unwrap_or(year)
        .parse()
        .map_err(|_| {
            format!(
                "{}: {year:?}: expected a whole number (negative for BC)",
                name(0)
            )
        })?;
    if y == 0 {
        return Err(format!(
            "{}: there is no year 0: years BC are negative (-44 is 44 BC)",
            name(0)
        ));
    }
    let number = |k: usize, max: i64| -> Result<Option<i64>, String> {
        let cell = get(base + k).trim();
        if cell.is_empty() {
            return Ok(None);
        }
        let n: i64 = cell
            .parse::<f64>()
            .ok()
            .filter(|f| f.fract() == 0.0 && f.abs() < 1e6)
            .map(|f| f as i64)
            .ok_or_else(|| format!("{}: {cell:?}: expected a whole number", name(k)))?;
        if n > max {
            return Err(format!("{}: {n}: expected at most {max}", name(k)));
        }
        Ok(Some(n))
    };
    let month = number(1, 12)?.filter(|&m| m > 0);
    let day = number(2, 31)?.filter(|&d| d > 0);
    let hour = number(3, 23)?.filter(|&h| h >= 0);
    let minute = number(4, 59)?.filter(|&m| m >= 0);
    let era = if y < 0 { " BC" } else { "" };
    let text = match (month, day) {
        (Some(m), Some(d)) => format!(
            "{d} {} {}{era}",
            annals_dates::MONTH_NAMES[m as usize - 1],
            y.unsigned_abs()
        ),
        (Some(m), None) => format!(
            "{} {}{era}",
            annals_dates::MONTH_NAMES[m as usize - 1],
            y.unsigned_abs()
        ),
        (None, Some(_)) => {
            return Err(format!("{}: a day without a month", name(2)));
        }
        (None, None) => format!("{}{era}", y.unsigned_abs()),
    };
    let time = match (hour, day) {
        (Some(h), Some(_)) => u8::try_from(h)
            .ok()
            .zip(u8::try_from(minute.unwrap_or(0)).ok()),
        _ => None,
    };
    Ok(Some((text, time)))
}

/// The date of a row written in parts: `None` when it has no year.
fn date_from_parts<'a>(
    get: &dyn Fn(usize) -> &'a str,
    hint: annals_dates::CalendarHint,
) -> Result<Option<RawDate>, String> {
    use annals_dates::{Calendar, When};
    let base = COLUMNS.len();
    let Some((start_text, start_time)) = date_point(get, base)? else {
        if !get(base + 5).trim().is_empty() {
            return Err("end_year: an end without a start (year)".to_string());
        }
        return Ok(None);
    };
    let read = |text: &str| When::from_text(text, hint).map_err(|e| format!("date {text:?}: {e}"));
    let start = read(&start_text)?;
    let (edtf, text) = match date_point(get, base + 5)? {
        Some((end_text, _)) => {
            let end = read(&end_text)?;
            if end.edtf == start.edtf {
                (start.edtf.clone(), start_text)
            } else {
                (
                    format!("{}/{}", start.edtf, end.edtf),
                    format!("{start_text} – {end_text}"),
                )
            }
        }
        None => match start_time {
            // A time of day on a day of the years EDTF gives times to (0000–9999).
            Some((h, m)) if start.edtf.len() == 10 && !start.edtf.starts_with('-') => (
                format!("{}T{h:02}:{m:02}:00", start.edtf),
                format!("{start_text}, {h:02}:{m:02}"),
            ),
            _ => (start.edtf.clone(), start_text),
        },
    };
    Ok(Some(RawDate {
        edtf: Some(edtf),
        text: Some(text),
        calendar: (start.calendar == Calendar::Julian).then(|| "julian".to_string()),
    }))
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

fn row<'a>(
    get: &dyn Fn(usize) -> &'a str,
    opts: &ReadOptions,
    how: Cells,
) -> Result<Event, String> {
    let opt = |k: usize| Some(get(k).trim().to_string()).filter(|s| !s.is_empty());
    let mut date = RawDate {
        edtf: opt(2),
        text: opt(3),
        calendar: opt(4),
    };
    if date.edtf.is_none() && date.text.is_none() {
        let hint = match date
            .calendar
            .as_deref()
            .and_then(annals_dates::Calendar::from_name)
        {
            Some(c) => annals_dates::CalendarHint::Given(c),
            None => opts.calendar,
        };
        if let Some(parts) = date_from_parts(get, hint)? {
            date = parts;
        }
    }
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
    let place_cells = if how.places_mapped {
        // Another spreadsheet's place column: the cell is one place.
        Some(get(8).trim())
            .filter(|c| !c.is_empty())
            .into_iter()
            .collect()
    } else {
        items(get(8))
    };
    for p in place_cells {
        // A place of separators only (` | `) is no place.
        if p.chars().all(|c| c == '|' || c.is_whitespace()) {
            continue;
        }
        let f = fields(p);
        if f[0].is_empty() || f[0].starts_with('|') {
            return Err(format!(
                "places: {p:?}: expected a name before the first ' | '"
            ));
        }
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
    let media = items(get(14))
        .into_iter()
        .map(|m| {
            let f = fields(m);
            let part = |i: usize| f.get(i).map(|r| r.to_string()).unwrap_or_default();
            let kind = match part(1).as_str() {
                "" | "image" => MediaKind::Image,
                "audio" => MediaKind::Audio,
                "video" => MediaKind::Video,
                other => {
                    return Err(format!(
                        "media: kind {other:?}: expected image, audio or video (url | kind | alt | caption | credit | licence | source)"
                    ))
                }
            };
            Ok(Medium {
                url: f[0].to_string(),
                kind,
                alt: part(2),
                caption: part(3),
                credit: part(4),
                licence: part(5),
                source: part(6),
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
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
        media,
        lang: opt(15),
        translations: annals_core::lines::parse_translations(get(16))
            .map_err(|e| format!("translations: {e}"))?,
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
        let media = e
            .media
            .iter()
            .map(|m| {
                for (what, text) in [
                    ("medium alt text", &m.alt),
                    ("medium caption", &m.caption),
                    ("medium credit", &m.credit),
                ] {
                    check(what, text, true);
                }
                joined(vec![
                    m.url.clone(),
                    if m.kind == MediaKind::Image {
                        String::new()
                    } else {
                        m.kind.name().to_string()
                    },
                    m.alt.clone(),
                    m.caption.clone(),
                    m.credit.clone(),
                    m.licence.clone(),
                    m.source.clone(),
                ])
            })
            .collect();
        // The texts in other languages as the editor writes them: a block per language.
        let translations = annals_core::lines::translations(&e.translations);
        if annals_core::lines::parse_translations(&translations).as_ref() != Ok(&e.translations) {
            dropped.push(Dropped {
                id: e.id.clone(),
                what: "its texts in other languages: a paragraph that is empty, has line \
                       breaks or starts like a language and a title does not read back from \
                       the translations cell as written"
                    .into(),
            });
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
            list(media),
            e.lang.clone().unwrap_or_default(),
            translations,
        ];
        self.csv.row(out, cells.iter().map(String::as_str))
    }
}
