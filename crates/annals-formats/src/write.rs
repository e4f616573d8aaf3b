//! The interface every streaming writer shares: a beginning, one event at a time, an end.

use crate::Dropped;
use annals_core::Event;
use std::io::{self, Write};

/// A writer of many events to one output.
pub trait EventWriter {
    /// Write what comes before the first event (nothing, unless the format has a header).
    fn begin(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
    /// Write one event; what the format cannot hold goes to `dropped`.
    fn event(
        &mut self,
        out: &mut dyn Write,
        e: &Event,
        dropped: &mut Vec<Dropped>,
    ) -> io::Result<()>;
    /// Write what comes after the last event (nothing, unless the format closes something).
    fn end(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

/// Write `events` with `w`: the whole document, for tests and small exports.
pub fn write_all<'a>(
    w: &mut dyn EventWriter,
    out: &mut dyn Write,
    events: impl IntoIterator<Item = &'a Event>,
) -> io::Result<Vec<Dropped>> {
    let mut dropped = Vec::new();
    w.begin(out)?;
    for e in events {
        w.event(out, e, &mut dropped)?;
    }
    w.end(out)?;
    Ok(dropped)
}

/// The elements of a JSON array written one at a time, separated by `,\n`: what the JSON writers
/// (TimelineJS, GeoJSON, JSON-LD, Wikidata) share.
#[derive(Debug)]
pub struct JsonItems {
    first: bool,
}

impl Default for JsonItems {
    fn default() -> Self {
        JsonItems { first: true }
    }
}

impl JsonItems {
    /// Write one element.
    pub fn write(&mut self, out: &mut dyn Write, value: &serde_json::Value) -> io::Result<()> {
        if !self.first {
            out.write_all(b",\n")?;
        }
        self.first = false;
        serde_json::to_writer(&mut *out, value)?;
        Ok(())
    }
}
