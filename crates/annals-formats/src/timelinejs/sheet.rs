//! The TimelineJS spreadsheet as CSV: Year, Month, Day, Time, End Year, End Month, End Day,
//! End Time, Display Date, Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail,
//! Type, Group, Background. Rows of Type `title` are the timeline's title and are skipped; rows
//! of Type `era` are eras.

use super::{event_of, slide_of, Slide, SlideMedia};
use crate::csvutil;
use crate::parts::Parts;
use crate::write::EventWriter;
use crate::{Dropped, FormatError, Incoming, ReadOptions};
use annals_core::{event_id, Event};
use std::io::{self, Write};

/// The columns, in the template's order.
pub const COLUMNS: [&str; 18] = [
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
];

/// Whether a header row is a TimelineJS sheet's.
pub fn is_sheet_header(cells: &[String]) -> bool {
    let has = |n: &str| cells.iter().any(|c| c.trim().eq_ignore_ascii_case(n));
    has("Headline") && has("Year")
}

/// Read the rows of a TimelineJS sheet. `each` returns false to stop.
pub fn read<R: std::io::BufRead>(
    input: R,
    opts: &ReadOptions,
    each: &mut dyn FnMut(Result<Incoming, FormatError>) -> bool,
) -> Result<(), FormatError> {
    let mut rows = csvutil::Rows::sniffed(input, opts.delimiter);
    let Some(header) = rows.header()? else {
        return Err(FormatError::at_line(1, "empty file: expected a header row"));
    };
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let idx: Vec<Option<usize>> = COLUMNS.iter().map(|c| col(c)).collect();
    csvutil::each_event(
        &mut rows,
        &idx,
        &mut |get| {
            let get = |i: usize| get(i).trim();
            let kind = get(15).to_ascii_lowercase();
            (kind != "title").then(|| {
                row(&get, kind == "era")
                    .and_then(|s| event_of(s, opts))
                    .map(|e| (e, false))
            })
        },
        each,
    )
}

fn row<'a>(get: &dyn Fn(usize) -> &'a str, era: bool) -> Result<Slide, String> {
    let num = |i: usize, lo: i64, hi: i64| -> Result<Option<i64>, String> {
        let s = get(i);
        if s.is_empty() {
            return Ok(None);
        }
        let n: i64 = s
            .parse()
            .map_err(|_| format!("{}: {s:?}: expected a whole number", COLUMNS[i]))?;
        if !(lo..=hi).contains(&n) {
            return Err(format!("{}: {n}: expected {lo} to {hi}", COLUMNS[i]));
        }
        Ok(Some(n))
    };
    let parts = |base: usize| -> Result<Option<Parts>, String> {
        let Some(year) = num(base, -100_000_000_000, 100_000_000_000)? else {
            return Ok(None);
        };
        let month = num(base + 1, 1, 12)?.map(|m| m as u8);
        let day = num(base + 2, 1, 31)?.map(|d| d as u8);
        if day.is_some() && month.is_none() {
            return Err(format!("{}: a day needs a month", COLUMNS[base + 2]));
        }
        let time = match get(base + 3) {
            "" => None,
            t => Some(time(t).ok_or_else(|| {
                format!("{}: {t:?}: expected HH:MM or HH:MM:SS", COLUMNS[base + 3])
            })?),
        }
        .filter(|_| day.is_some());
        Ok(Some(Parts {
            year,
            month,
            day,
            time,
        }))
    };
    let start = parts(0)?.ok_or("Year: expected the year of the event")?;
    let end = parts(4)?;
    Ok(Slide {
        id: None,
        start,
        end,
        display: Some(get(8).to_string()).filter(|d| !d.is_empty()),
        headline: get(9).to_string(),
        html: get(10).to_string(),
        group: Some(get(16).to_string()).filter(|g| !g.is_empty()),
        era,
        media: (!get(11).trim().is_empty()).then(|| SlideMedia {
            url: get(11).to_string(),
            credit: get(12).to_string(),
            caption: get(13).to_string(),
            alt: String::new(),
        }),
    })
}

fn time(t: &str) -> Option<(u8, u8, u8)> {
    let mut it = t.split(':').map(|p| p.trim().parse::<u8>().ok());
    let h = it.next()??;
    let m = it.next()??;
    let s = it.next().unwrap_or(Some(0))?;
    (h < 24 && m < 60 && s < 60 && it.next().is_none()).then_some((h, m, s))
}

/// Writes a TimelineJS sheet.
pub struct Writer {
    csv: csvutil::CsvOut,
    cosmological: bool,
}

impl Writer {
    /// A writer; see [`super::json::Writer::new`] for `cosmological`.
    pub fn new(cosmological: bool) -> Writer {
        Writer {
            csv: csvutil::CsvOut,
            cosmological,
        }
    }
}

impl EventWriter for Writer {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        self.csv.row(out, COLUMNS.iter().copied())
    }

    fn event(
        &mut self,
        out: &mut dyn Write,
        e: &Event,
        dropped: &mut Vec<Dropped>,
    ) -> io::Result<()> {
        let s = slide_of(e, self.cosmological, dropped);
        if e.id != event_id(&e.title, &e.date) {
            dropped.push(Dropped {
                id: e.id.clone(),
                what: "its id: the sheet has no id column (the id is made from title and year)"
                    .into(),
            });
        }
        let n = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
        let t = |p: &Parts| {
            p.time
                .map(|(h, m, s)| format!("{h:02}:{m:02}:{s:02}"))
                .unwrap_or_default()
        };
        let end = s.end.unwrap_or_default();
        let has_end = s.end.is_some();
        let media = s.media.clone().unwrap_or_default();
        if !media.alt.is_empty() {
            dropped.push(Dropped {
                id: e.id.clone(),
                what: "the alt text of its medium: the sheet has no column for it".into(),
            });
        }
        let cells = [
            n(Some(s.start.year)),
            n(s.start.month.map(i64::from)),
            n(s.start.day.map(i64::from)),
            t(&s.start),
            n(has_end.then_some(end.year)),
            n(end.month.map(i64::from)),
            n(end.day.map(i64::from)),
            t(&end),
            s.display.clone().unwrap_or_default(),
            s.headline.clone(),
            s.html.clone(),
            media.url.clone(),
            media.credit.clone(),
            media.caption.clone(),
            String::new(),
            if s.era { "era".into() } else { String::new() },
            s.group.clone().unwrap_or_default(),
            String::new(),
        ];
        self.csv.row(out, cells.iter().map(String::as_str))
    }
}
