//! GeoJSON (RFC 7946) export: a FeatureCollection with one Feature per event that has
//! coordinates (a Point, or a MultiPoint for several places), the date bounds in its properties.
//! Events without coordinates are reported as dropped.

use crate::write::{EventWriter, JsonItems};
use crate::Dropped;
use annals_core::Event;
use annals_dates::Bound;
use serde_json::{json, Value};
use std::io::{self, Write};

/// Writes a FeatureCollection, one feature per line.
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

fn bound(b: Bound) -> Value {
    match b {
        Bound::Day(d) => json!(d.to_string()),
        Bound::Open => json!(".."),
        Bound::Unknown => Value::Null,
    }
}

/// The feature of an event, if it has coordinates.
pub fn feature(e: &Event) -> Option<Value> {
    // RFC 7946: longitude first.
    let points: Vec<Value> = e
        .places
        .iter()
        .filter_map(|p| Some(json!([p.lon?, p.lat?])))
        .collect();
    let geometry = match points.len() {
        0 => return None,
        1 => json!({"type": "Point", "coordinates": points[0]}),
        _ => json!({"type": "MultiPoint", "coordinates": points}),
    };
    let places: Vec<&str> = e.places.iter().map(|p| p.name.as_str()).collect();
    let countries: Vec<&str> = e
        .places
        .iter()
        .map(|p| p.country.as_str())
        .filter(|c| !c.is_empty())
        .collect();
    let mut props = json!({
        "id": e.id,
        "title": e.title,
        "edtf": e.date.edtf,
        "earliest": bound(e.date.earliest),
        "latest": bound(e.date.latest),
        "calendar": e.date.calendar.name(),
        "summary": e.summary,
        "places": places,
        "countries": countries,
        "participants": e.participants.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        "tags": e.tags,
    });
    if let Some(t) = &e.date.text {
        props["date_text"] = json!(t);
    }
    if !e.media.is_empty() {
        props["media"] = json!(e.media);
    }
    Some(json!({"type": "Feature", "id": e.id, "geometry": geometry, "properties": props}))
}

impl EventWriter for Writer {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        self.items = JsonItems::default();
        out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[\n")
    }

    fn event(
        &mut self,
        out: &mut dyn Write,
        e: &Event,
        dropped: &mut Vec<Dropped>,
    ) -> io::Result<()> {
        let Some(f) = feature(e) else {
            dropped.push(Dropped {
                id: e.id.clone(),
                what: "the whole event: it has no coordinates".into(),
            });
            return Ok(());
        };
        self.items.write(out, &f)
    }

    fn end(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"\n]}\n")
    }
}
