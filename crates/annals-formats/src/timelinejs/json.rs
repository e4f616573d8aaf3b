//! TimelineJS JSON: `{"scale", "title", "events": [...], "eras": [...]}`, read as a stream.

use super::{event_of, slide_of, Slide, SlideMedia};
use crate::html;
use crate::jsonstream::{self, Fields};
use crate::parts::Parts;
use crate::write::{EventWriter, JsonItems};
use crate::{Dropped, FormatError, Incoming, Location, ReadOptions};
use annals_core::Event;
use serde_json::{json, Map, Value};
use std::io::{self, Read, Write};

/// Read the slides and eras of a TimelineJS JSON file; each becomes an event (eras tagged
/// `era`), the title slide is skipped. `each` returns false to stop.
pub fn read<R: Read>(
    input: R,
    opts: &ReadOptions,
    each: &mut dyn FnMut(Result<Incoming, FormatError>) -> bool,
) -> Result<(), FormatError> {
    let mut go = true;
    jsonstream::stream(
        input,
        &["events", "eras"],
        &mut |path, value| {
            let f = Fields {
                path: &path,
                value: &value,
            };
            let item = slide(&f, path.starts_with("eras"))
                .and_then(|s| event_of(s, opts).map_err(|m| f.error("", m)))
                .map(|event| Incoming {
                    event,
                    stub: false,
                    named: false,
                    location: Location::Path(path.clone()),
                });
            go = each(item);
            go
        },
        &mut |_, _| {},
    )
}

fn slide(f: &Fields, era: bool) -> Result<Slide, FormatError> {
    if !f.value.is_object() {
        return Err(f.error("", "expected a slide object"));
    }
    let start = f
        .obj("start_date")?
        .ok_or_else(|| f.error("start_date", "expected a date object with a year"))?;
    let start = date(&Fields {
        path: &format!("{}.start_date", f.path),
        value: start,
    })?;
    let end = match f.obj("end_date")? {
        Some(v) => Some(date(&Fields {
            path: &format!("{}.end_date", f.path),
            value: v,
        })?),
        None => None,
    };
    let text = f.obj("text")?;
    let tf = text.map(|t| Fields {
        path: f.path,
        value: t,
    });
    let headline = match &tf {
        Some(t) => t.str("headline")?.unwrap_or_default(),
        None => String::new(),
    };
    let body = match &tf {
        Some(t) => t.str("text")?.unwrap_or_default(),
        None => String::new(),
    };
    let media = match f.obj("media")? {
        Some(v) => {
            let mf = Fields {
                path: &format!("{}.media", f.path),
                value: v,
            };
            Some(SlideMedia {
                url: mf.str("url")?.unwrap_or_default(),
                caption: mf.str("caption")?.unwrap_or_default(),
                credit: mf.str("credit")?.unwrap_or_default(),
                alt: mf.str("alt")?.unwrap_or_default(),
            })
        }
        None => None,
    };
    let display = f
        .str("display_date")?
        .or(start.1)
        .map(|d| html::decode(&d))
        .filter(|d| !d.trim().is_empty());
    Ok(Slide {
        id: f.str("unique_id")?,
        start: start.0,
        end: end.map(|e| e.0),
        display,
        headline,
        html: body,
        group: f.str("group")?,
        era,
        media,
    })
}

/// A TimelineJS date object: its parts and its own `display_date`.
fn date(f: &Fields) -> Result<(Parts, Option<String>), FormatError> {
    let num = |field: &str, lo: i64, hi: i64| -> Result<Option<i64>, FormatError> {
        let Some(s) = f.str(field)? else {
            return Ok(None);
        };
        let s = s.trim();
        if s.is_empty() {
            return Ok(None);
        }
        let n: i64 = s
            .parse()
            .map_err(|_| f.error(field, format!("{s:?}: expected a whole number")))?;
        if !(lo..=hi).contains(&n) {
            return Err(f.error(field, format!("{n}: expected {lo} to {hi}")));
        }
        Ok(Some(n))
    };
    let year = num("year", -100_000_000_000, 100_000_000_000)?
        .ok_or_else(|| f.error("year", "expected a year"))?;
    let month = num("month", 1, 12)?.map(|m| m as u8);
    let day = num("day", 1, 31)?.map(|d| d as u8);
    if day.is_some() && month.is_none() {
        return Err(f.error("day", "a day needs a month"));
    }
    let hour = num("hour", 0, 23)?;
    let time = match (day, hour) {
        (Some(_), Some(h)) => Some((
            h as u8,
            num("minute", 0, 59)?.unwrap_or(0) as u8,
            num("second", 0, 59)?.unwrap_or(0) as u8,
        )),
        _ => None,
    };
    Ok((
        Parts {
            year,
            month,
            day,
            time,
        },
        f.str("display_date")?,
    ))
}

fn date_json(p: &Parts) -> Value {
    let mut m = Map::new();
    m.insert("year".into(), json!(p.year));
    if let Some(mo) = p.month {
        m.insert("month".into(), json!(mo));
    }
    if let Some(d) = p.day {
        m.insert("day".into(), json!(d));
    }
    if let Some((h, mi, s)) = p.time {
        m.insert("hour".into(), json!(h));
        m.insert("minute".into(), json!(mi));
        m.insert("second".into(), json!(s));
    }
    Value::Object(m)
}

/// The JSON of a slide.
pub fn slide_json(s: &Slide) -> Value {
    let mut m = Map::new();
    if let Some(id) = &s.id {
        m.insert("unique_id".into(), json!(id));
    }
    m.insert("start_date".into(), date_json(&s.start));
    if let Some(e) = &s.end {
        m.insert("end_date".into(), date_json(e));
    }
    if let Some(d) = &s.display {
        m.insert("display_date".into(), json!(html::escape(d)));
    }
    let mut text = Map::new();
    text.insert("headline".into(), json!(html::escape(&s.headline)));
    if !s.era {
        text.insert("text".into(), json!(s.html));
    }
    m.insert("text".into(), Value::Object(text));
    if let Some(g) = &s.group {
        m.insert("group".into(), json!(g));
    }
    if let Some(media) = &s.media {
        let mut o = Map::new();
        o.insert("url".into(), json!(media.url));
        for (k, v) in [
            ("caption", &media.caption),
            ("credit", &media.credit),
            ("alt", &media.alt),
        ] {
            if !v.is_empty() {
                o.insert(k.into(), json!(html::escape(v)));
            }
        }
        m.insert("media".into(), Value::Object(o));
    }
    Value::Object(m)
}

/// Writes a TimelineJS JSON file, slides streamed, eras gathered for the end.
pub struct Writer {
    cosmological: bool,
    title: String,
    items: JsonItems,
    eras: Vec<Value>,
}

impl Writer {
    /// A writer; `cosmological` when any event is older than a JavaScript date can hold (see
    /// [`needs_cosmological`]). `title` heads the title slide.
    pub fn new(cosmological: bool, title: &str) -> Writer {
        Writer {
            cosmological,
            title: title.to_string(),
            items: JsonItems::default(),
            eras: Vec::new(),
        }
    }
}

impl EventWriter for Writer {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let scale = if self.cosmological {
            "cosmological"
        } else {
            "human"
        };
        write!(
            out,
            "{{\"scale\":\"{scale}\",\"title\":{{\"text\":{{\"headline\":{}}}}},\"events\":[",
            json!(html::escape(&self.title))
        )
    }

    fn event(
        &mut self,
        out: &mut dyn Write,
        e: &Event,
        dropped: &mut Vec<Dropped>,
    ) -> io::Result<()> {
        let s = slide_of(e, self.cosmological, dropped);
        if s.era {
            self.eras.push(slide_json(&s));
            return Ok(());
        }
        self.items.write(out, &slide_json(&s))
    }

    fn end(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"],\"eras\":")?;
        serde_json::to_writer(&mut *out, &self.eras)?;
        out.write_all(b"}\n")
    }
}
