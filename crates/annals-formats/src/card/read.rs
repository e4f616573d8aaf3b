//! Reading card documents.

use super::title::{is_key_point_label, title_from_summary};
use super::{LEAD_KIND, MIDDLE_DOT, SEPARATOR};
use crate::{FormatError, Incoming, Location, ReadOptions, MAX_LINE};
use annals_core::{id::event_id, Event, KeyPoint, Participant, Place, Source};
use annals_dates::{Calendar, CalendarHint, When};

/// One document: its lead cards and its main record.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Lead cards, each an event of its own, related to the main event.
    pub leads: Vec<Incoming>,
    /// The main record.
    pub main: Incoming,
}

impl Document {
    /// All events of the document: lead cards (stubs) first, then the main record.
    pub fn into_events(self) -> Vec<Incoming> {
        let mut all = self.leads;
        all.push(self.main);
        all
    }
}

/// A non-blank line and its 1-based number.
#[derive(Clone, Copy)]
struct Line<'a> {
    n: usize,
    text: &'a str,
}

/// Read every document of a card file. Each item is a document or the first problem in it.
pub fn read_documents(text: &str, opts: &ReadOptions) -> Vec<Result<Document, FormatError>> {
    let mut docs = Vec::new();
    let mut current: Vec<Line> = Vec::new();
    let mut problem: Option<FormatError> = None;
    let mut last_line = 1;
    for (i, raw) in text.split('\n').enumerate() {
        let n = i + 1;
        last_line = n;
        let line = raw.trim_end_matches('\r').trim();
        if line == SEPARATOR {
            docs.push(finish(&current, problem.take(), n, opts));
            current.clear();
        } else if raw.len() > MAX_LINE {
            problem.get_or_insert_with(|| {
                FormatError::at_line(
                    n,
                    format!(
                        "line is longer than {MAX_LINE} bytes: expected one paragraph per line"
                    ),
                )
            });
        } else if !line.is_empty() {
            current.push(Line { n, text: line });
        }
    }
    if !current.is_empty() || problem.is_some() || docs.is_empty() {
        docs.push(finish(&current, problem, last_line, opts));
    }
    docs
}

fn finish(
    lines: &[Line],
    problem: Option<FormatError>,
    end: usize,
    opts: &ReadOptions,
) -> Result<Document, FormatError> {
    if let Some(p) = problem {
        return Err(p);
    }
    if lines.is_empty() {
        return Err(FormatError::at_line(
            end,
            "empty document: expected a date line, a summary and a place line",
        ));
    }
    read_document(lines, opts)
}

/// Header lines written before a card.
#[derive(Default)]
struct Headers {
    id: Option<String>,
    title: Option<String>,
    calendar: Option<Calendar>,
    tags: Vec<String>,
}

fn headers(lines: &[Line], i: &mut usize) -> Result<Headers, FormatError> {
    let mut h = Headers::default();
    while let Some(l) = lines.get(*i) {
        let Some((key, value)) = l.text.split_once(": ") else {
            break;
        };
        let value = value.trim();
        match key {
            "Id" => h.id = Some(value.to_string()),
            "Title" => h.title = Some(value.to_string()),
            "Tags" => {
                h.tags = value
                    .split(',')
                    .map(|t| t.trim().to_string())
                    .filter(|t| !t.is_empty())
                    .collect()
            }
            "Calendar" => {
                h.calendar = Some(Calendar::from_name(value).ok_or_else(|| {
                    FormatError::at_line(
                        l.n,
                        format!("calendar {value:?} is not known: expected gregorian or julian"),
                    )
                })?)
            }
            _ => break,
        }
        *i += 1;
    }
    Ok(h)
}

fn hint(h: &Headers, opts: &ReadOptions) -> CalendarHint {
    h.calendar.map(CalendarHint::Given).unwrap_or(opts.calendar)
}

fn read_document(lines: &[Line], opts: &ReadOptions) -> Result<Document, FormatError> {
    let mut i = 0;
    let mut leads = Vec::new();
    loop {
        let start = i;
        let h = headers(lines, &mut i)?;
        if is_lead_at(lines, i) {
            if h.title.is_some() {
                return Err(FormatError::at_line(
                    lines[start].n,
                    "a Title: header belongs to the main record, not to a lead card",
                ));
            }
            leads.push(read_lead(lines, i, &h, opts)?);
            i += 3;
        } else {
            i = start;
            break;
        }
    }
    let mut main = read_main(lines, &mut i, opts)?;
    for lead in &mut leads {
        let lead_id = lead.event.id.clone();
        main.event.relate(&lead_id, LEAD_KIND);
        lead.event.relate(&main.event.id, LEAD_KIND);
    }
    if let Some(lead) = leads.iter().find(|l| l.event.id == main.event.id) {
        return Err(FormatError {
            location: lead.location.clone(),
            message: format!(
                "this lead card has the id {:?} of the main record: a lead card is another event",
                main.event.id
            ),
        });
    }
    Ok(Document { leads, main })
}

/// A lead card starts here: a line with " on " followed by a line with the middle dot.
fn is_lead_at(lines: &[Line], i: usize) -> bool {
    match (lines.get(i), lines.get(i + 1)) {
        (Some(a), Some(b)) => a.text.contains(" on ") && b.text.contains(MIDDLE_DOT),
        _ => false,
    }
}

/// `<title> on <date>`: the rightmost " on " whose remainder is a date.
fn split_title_date(text: &str, hint: CalendarHint) -> Option<(String, When)> {
    let mut end = text.len();
    while let Some(at) = text[..end].rfind(" on ") {
        if let Ok(w) = When::from_text(&text[at + 4..], hint) {
            let title = text[..at].trim();
            if !title.is_empty() {
                return Some((title.to_string(), w));
            }
        }
        end = at;
    }
    None
}

fn read_lead(
    lines: &[Line],
    i: usize,
    h: &Headers,
    opts: &ReadOptions,
) -> Result<Incoming, FormatError> {
    let first = lines[i];
    let (title, date) = split_title_date(first.text, hint(h, opts)).ok_or_else(|| {
        FormatError::at_line(first.n, "expected a lead card's first line '<title> on <date>' with a date such as \"April 4, 1949\"")
    })?;
    let second = lines[i + 1];
    let (_, place_text) = second.text.split_once(MIDDLE_DOT).unwrap_or(("", ""));
    let places = parse_places(place_text.trim(), second.n)?;
    let summary = lines.get(i + 2).ok_or_else(|| {
        FormatError::at_line(
            second.n,
            "a lead card ends here: expected its summary line after the place line",
        )
    })?;
    let mut event = Event {
        id: String::new(),
        title,
        date,
        summary: summary.text.to_string(),
        body: Vec::new(),
        key_points: Vec::new(),
        places,
        participants: Vec::new(),
        sources: Vec::new(),
        related: Vec::new(),
        tags: h.tags.clone(),
        importance: None,
        media: Vec::new(),
        lang: None,
        translations: Vec::new(),
    };
    event.id =
        h.id.clone()
            .unwrap_or_else(|| event_id(&event.title, &event.date));
    event
        .validate()
        .map_err(|e| FormatError::at_line(first.n, e.to_string()))?;
    Ok(Incoming {
        event,
        stub: true,
        named: false,
        location: Location::Line(first.n),
    })
}

fn read_main(lines: &[Line], i: &mut usize, opts: &ReadOptions) -> Result<Incoming, FormatError> {
    let h = headers(lines, i)?;
    let date_line = lines.get(*i).ok_or_else(|| {
        FormatError::at_line(
            lines.last().map_or(1, |l| l.n),
            "the document ends here: expected the main record's date line",
        )
    })?;
    let date = When::from_text(date_line.text, hint(&h, opts)).map_err(|e| {
        FormatError::at_line(
            date_line.n,
            format!("expected the main record's date line: {e}"),
        )
    })?;
    let summary = lines.get(*i + 1).ok_or_else(|| {
        FormatError::at_line(
            date_line.n,
            "the document ends after the date line: expected a summary paragraph",
        )
    })?;
    let place_line = lines.get(*i + 2).ok_or_else(|| {
        FormatError::at_line(summary.n, "the document ends after the summary: expected the line '<place>, <country> | <participant>, ...'")
    })?;
    let (place_text, people_text) = place_line.text.split_once('|').ok_or_else(|| {
        FormatError::at_line(
            place_line.n,
            "expected the place line '<place>, <country> | <participant>, <participant>, ...'",
        )
    })?;
    let places = parse_places(place_text.trim(), place_line.n)?;
    let participants = parse_participants(people_text.trim());
    let mut body = Vec::new();
    let mut key_points = Vec::new();
    let mut sources = Vec::new();
    for l in &lines[*i + 3..] {
        if let Some(src) = l
            .text
            .strip_prefix("Source: ")
            .or_else(|| l.text.strip_prefix("Sources: "))
        {
            sources.extend(
                src.split("; ")
                    .map(parse_source)
                    .filter(|s| !s.name.is_empty()),
            );
            continue;
        }
        if !sources.is_empty() {
            return Err(FormatError::at_line(
                l.n,
                "expected only Source: lines after the first Source: line",
            ));
        }
        match l.text.split_once(": ") {
            Some((label, text)) if is_key_point_label(label) && !text.trim().is_empty() => {
                key_points.push(KeyPoint {
                    label: label.to_string(),
                    text: text.trim().to_string(),
                })
            }
            _ => body.push(l.text.to_string()),
        }
    }
    let title = h
        .title
        .clone()
        .unwrap_or_else(|| title_from_summary(summary.text));
    let mut event = Event {
        id: String::new(),
        title,
        date,
        summary: summary.text.to_string(),
        body,
        key_points,
        places,
        participants,
        sources,
        related: Vec::new(),
        tags: h.tags,
        importance: None,
        media: Vec::new(),
        lang: None,
        translations: Vec::new(),
    };
    event.id = h.id.unwrap_or_else(|| event_id(&event.title, &event.date));
    event
        .validate()
        .map_err(|e| FormatError::at_line(summary.n, e.to_string()))?;
    *i = lines.len();
    Ok(Incoming {
        event,
        stub: false,
        named: false,
        location: Location::Line(date_line.n),
    })
}

/// `Washington, D.C., United States; Tokyo, Japan @ 35.68, 139.69 geonames:1850147`: places
/// separated by `; `, the last comma part is the country, optional coordinates after `@`, and
/// after them, optionally, the GeoNames id.
fn parse_places(text: &str, line: usize) -> Result<Vec<Place>, FormatError> {
    let mut out = Vec::new();
    for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (named, coords) = match part.split_once('@') {
            Some((a, b)) => (a.trim(), Some(b.trim())),
            None => (part, None),
        };
        let (name, country) = match named.rsplit_once(',') {
            Some((n, c)) => (n.trim().to_string(), c.trim().to_string()),
            None => (named.to_string(), String::new()),
        };
        let (coords, geonames) = match coords.and_then(|c| c.rsplit_once(" geonames:")) {
            Some((c, id)) => match id.trim().parse::<u64>() {
                Ok(id) => (Some(c.trim()), Some(id)),
                Err(_) => {
                    return Err(FormatError::at_line(
                        line,
                        format!("geonames:{id}: expected a GeoNames id, a whole number"),
                    ))
                }
            },
            None => (coords, None),
        };
        let (lat, lon) = match coords {
            None => (None, None),
            Some(c) => {
                let parsed = c.split_once(',').and_then(|(a, b)| {
                    Some((a.trim().parse::<f64>().ok()?, b.trim().parse::<f64>().ok()?))
                });
                match parsed {
                    Some((a, b))
                        if (-90.0..=90.0).contains(&a) && (-180.0..=180.0).contains(&b) =>
                    {
                        (Some(a), Some(b))
                    }
                    _ => {
                        return Err(FormatError::at_line(
                            line,
                            format!("coordinates {c:?}: expected '<lat>, <lon>' in degrees"),
                        ))
                    }
                }
            }
        };
        if name.is_empty() {
            return Err(FormatError::at_line(
                line,
                format!("place {part:?} has no name: expected '<place>, <country>'"),
            ));
        }
        out.push(Place {
            name,
            country,
            lat,
            lon,
            geonames,
        });
    }
    Ok(out)
}

/// `United States government, Julius Caesar (victim)`.
fn parse_participants(text: &str) -> Vec<Participant> {
    text.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(
            |p| match p.strip_suffix(')').and_then(|q| q.rsplit_once(" (")) {
                Some((name, role)) if !name.trim().is_empty() => Participant {
                    name: name.trim().to_string(),
                    role: Some(role.trim().to_string()),
                },
                _ => Participant {
                    name: p.to_string(),
                    role: None,
                },
            },
        )
        .collect()
}

/// `en.wikipedia.org`, `Encyclopaedia Britannica <https://www.britannica.com/> | accessed
/// 2024-05-01` (the source line of [`annals_core::lines::source`]).
fn parse_source(text: &str) -> Source {
    annals_core::lines::parse_source(text)
}
