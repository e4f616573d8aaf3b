//! Native JSON and JSON Lines (`docs/formats/json.md`).
//!
//! JSON Lines is read one line at a time, so a file of any size streams in bounded memory; a
//! `.json` file holds one event object or an array of them.

use crate::{FormatError, Incoming, Location, ReadOptions, MAX_LINE};
use annals_core::{Event, RawEvent};
use std::io::{BufRead, Write};

/// Read one event from a JSON text (one JSONL line or one object).
pub fn parse_event(text: &str, opts: &ReadOptions) -> Result<Event, String> {
    parse_record(text, opts).map(|(event, _)| event)
}

/// Read one event from JSON text, and whether it gave its id ([`crate::Incoming::named`]).
pub fn parse_record(text: &str, opts: &ReadOptions) -> Result<(Event, bool), String> {
    let raw: RawEvent = serde_json::from_str(text).map_err(|e| {
        let field = serde_json::from_str(text)
            .ok()
            .and_then(|v: serde_json::Value| mistyped_field(&v));
        named(field, describe(&e))
    })?;
    record(raw, opts)
}

/// Read one event from a parsed JSON value (an element of a streamed array), and whether it
/// gave its id.
pub fn event_from_value(
    value: serde_json::Value,
    opts: &ReadOptions,
) -> Result<(Event, bool), String> {
    let field = mistyped_field(&value);
    let raw: RawEvent = serde_json::from_value(value).map_err(|e| named(field, describe(&e)))?;
    record(raw, opts)
}

/// A record's event, and whether the record gave its id.
pub(crate) fn record(raw: RawEvent, opts: &ReadOptions) -> Result<(Event, bool), String> {
    let given = raw.id.as_deref().is_some_and(|id| !id.trim().is_empty());
    let event = raw.into_event(opts.calendar).map_err(|e| e.to_string())?;
    Ok((event, given))
}

fn named(field: Option<&'static str>, message: String) -> String {
    match field {
        Some(f) => format!("{f}: {message}"),
        None => message,
    }
}

/// A test of a JSON value's type.
type TypeTest = dyn Fn(&serde_json::Value) -> bool;

/// The first field of an event object whose value has the wrong JSON type (serde's message
/// gives only a column): `title` for `"title": null`.
fn mistyped_field(v: &serde_json::Value) -> Option<&'static str> {
    use serde_json::Value as V;
    let o = v.as_object()?;
    let string = |v: &V| v.is_string();
    let optional_string = |v: &V| v.is_string() || v.is_null();
    let date = |v: &V| v.is_string() || v.is_object();
    let strings = |v: &V| v.as_array().is_some_and(|a| a.iter().all(V::is_string));
    // Items: objects whose names and texts are strings.
    let objects = |v: &V| {
        v.as_array().is_some_and(|a| {
            a.iter().all(|item| {
                item.as_object().is_some_and(|o| {
                    ["name", "label", "text", "id", "kind", "country"]
                        .iter()
                        .all(|k| o.get(*k).is_none_or(V::is_string))
                })
            })
        })
    };
    let number = |v: &V| v.is_number() || v.is_null();
    let fields: [(&'static str, &TypeTest); 13] = [
        ("id", &optional_string),
        ("title", &string),
        ("date", &date),
        ("summary", &string),
        ("body", &strings),
        ("key_points", &objects),
        ("places", &objects),
        ("participants", &objects),
        ("sources", &objects),
        ("related", &objects),
        ("tags", &strings),
        ("importance", &number),
        ("media", &objects),
    ];
    let found = fields
        .into_iter()
        .find(|(name, ok)| o.get(*name).is_some_and(|v| !ok(v)))
        .map(|(name, _)| name);
    found
}

/// serde_json's message without its own "at line 1 column 5" suffix, which is about the line,
/// not the file; the column is kept.
fn describe(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.rfind(" at line ") {
        Some(i) => format!("{} (column {})", &msg[..i], e.column()),
        None => msg,
    }
}

/// Streams events from JSON Lines. Blank lines are skipped. Each item is an event or the
/// problem on its line; reading goes on after a bad line.
pub struct JsonlReader<R> {
    input: R,
    opts: ReadOptions,
    line: usize,
    buf: Vec<u8>,
    done: bool,
}

impl<R: BufRead> JsonlReader<R> {
    /// A reader over `input`.
    pub fn new(input: R, opts: ReadOptions) -> Self {
        JsonlReader {
            input,
            opts,
            line: 0,
            buf: Vec::new(),
            done: false,
        }
    }

    /// Read the next line into `buf`, at most `MAX_LINE` bytes of it; returns false at the end.
    fn next_line(&mut self) -> Result<bool, FormatError> {
        self.buf.clear();
        self.line += 1;
        let mut too_long = false;
        loop {
            let chunk = match self.input.fill_buf() {
                Ok(c) => c,
                Err(e) => return Err(FormatError::at_line(self.line, format!("read error: {e}"))),
            };
            if chunk.is_empty() {
                if self.buf.is_empty() && !too_long {
                    return Ok(false);
                }
                break;
            }
            let (take, end) = match memchr_newline(chunk) {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            if self.buf.len() + take > MAX_LINE + 1 {
                too_long = true;
            } else {
                self.buf.extend_from_slice(&chunk[..take]);
            }
            self.input.consume(take);
            if end {
                break;
            }
        }
        if too_long {
            return Err(FormatError::at_line(
                self.line,
                format!("line is longer than {MAX_LINE} bytes: expected one JSON event per line"),
            ));
        }
        Ok(true)
    }
}

fn memchr_newline(s: &[u8]) -> Option<usize> {
    s.iter().position(|&b| b == b'\n')
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Result<Incoming, FormatError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.next_line() {
                Ok(false) => self.done = true,
                Err(e) => return Some(Err(e)),
                Ok(true) => {
                    let line = self.line;
                    let text = match std::str::from_utf8(&self.buf) {
                        Ok(t) => t.trim(),
                        Err(_) => {
                            return Some(Err(FormatError::at_line(
                                line,
                                "invalid UTF-8: expected text",
                            )))
                        }
                    };
                    if text.is_empty() {
                        continue;
                    }
                    return Some(
                        parse_record(text, &self.opts)
                            .map(|(event, named)| Incoming {
                                event,
                                stub: false,
                                named,
                                location: Location::Line(line),
                            })
                            .map_err(|m| FormatError::at_line(line, m)),
                    );
                }
            }
        }
        None
    }
}

/// Read a `.json` file: one event object or an array of them. Problems in an array element
/// are located by its path (`[12]`); syntax errors by line.
pub fn read_json(text: &str, opts: &ReadOptions) -> Vec<Result<Incoming, FormatError>> {
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return vec![Err(FormatError::at_line(
            1,
            "empty file: expected a JSON event or an array of events",
        ))];
    }
    if !trimmed.starts_with('[') {
        let line = text[..text.len() - trimmed.len()].matches('\n').count() + 1;
        return vec![parse_record(text, opts)
            .map(|(event, named)| Incoming {
                event,
                stub: false,
                named,
                location: Location::Line(line),
            })
            .map_err(|m| FormatError::at_line(line, m))];
    }
    let values: Vec<Box<serde_json::value::RawValue>> = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return vec![Err(FormatError::at_line(e.line(), describe(&e)))],
    };
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            parse_record(v.get(), opts)
                .map(|(event, named)| Incoming {
                    event,
                    stub: false,
                    named,
                    location: Location::Path(format!("[{i}]")),
                })
                .map_err(|m| FormatError {
                    location: Location::Path(format!("[{i}]")),
                    message: m,
                })
        })
        .collect()
}

/// Write one event as a JSON Lines line.
pub fn write_jsonl<W: Write + ?Sized>(out: &mut W, event: &Event) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, event)?;
    out.write_all(b"\n")
}

/// Writes JSON Lines: every field, nothing dropped.
#[derive(Debug, Default)]
pub struct JsonlWriter;

impl crate::EventWriter for JsonlWriter {
    fn event(
        &mut self,
        out: &mut dyn Write,
        e: &Event,
        _dropped: &mut Vec<crate::Dropped>,
    ) -> std::io::Result<()> {
        write_jsonl(out, e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &str) -> Vec<Result<String, String>> {
        JsonlReader::new(input.as_bytes(), ReadOptions::default())
            .map(|r| r.map(|i| i.event.id).map_err(|e| e.to_string()))
            .collect()
    }

    #[test]
    fn jsonl_reports_each_bad_line() {
        let input = "{\"title\": \"A\", \"date\": \"1960\"}\n\n{\"title\": \"B\"}\n{oops\n{\"title\": \"C\", \"date\": {\"text\": \"44 BC\"}}";
        let got = lines(input);
        assert_eq!(got[0], Ok("a-1960".to_string()));
        assert_eq!(
            got[1],
            Err("3: missing field `date` (column 14)".to_string())
        );
        assert!(
            got[2]
                .as_ref()
                .unwrap_err()
                .starts_with("4: key must be a string"),
            "{:?}",
            got[2]
        );
        assert_eq!(got[3], Ok("c-44-bc".to_string()));
    }

    #[test]
    fn a_mistyped_field_is_named() {
        let got = lines("{\"id\":\"a\",\"title\":null,\"date\":\"1939\",\"summary\":\"x\"}\n{\"title\":\"T\",\"date\":\"1939\",\"tags\":\"war\"}\n{\"title\":\"T\",\"date\":7}");
        let e0 = got[0].as_ref().unwrap_err();
        assert!(e0.starts_with("1: title: invalid type: null"), "{e0}");
        let e1 = got[1].as_ref().unwrap_err();
        assert!(e1.starts_with("2: tags: invalid type"), "{e1}");
        let e2 = got[2].as_ref().unwrap_err();
        assert!(e2.starts_with("3: date: "), "{e2}");
        let v = serde_json::json!({"title": "T", "date": "1939", "places": [{"name": null}]});
        let e = event_from_value(v, &ReadOptions::default()).unwrap_err();
        assert!(e.starts_with("places: "), "{e}");
    }

    #[test]
    fn long_lines_are_refused_not_buffered() {
        let long = format!(
            "{{\"title\": \"{}\", \"date\": \"1960\"}}\n{{\"title\": \"B\", \"date\": \"1961\"}}\n",
            "x".repeat(MAX_LINE + 10)
        );
        let got = lines(&long);
        assert!(got[0].as_ref().unwrap_err().contains("longer than"));
        assert_eq!(got[1], Ok("b-1961".to_string()));
    }

    #[test]
    fn json_arrays_locate_by_path() {
        let got = read_json("[{\"title\": \"A\", \"date\": \"1960\"}, {\"title\": \"B\", \"date\": \"1960-02-30\"}]", &ReadOptions::default());
        assert!(got[0].is_ok());
        let e = got[1].as_ref().unwrap_err().to_string();
        assert!(e.starts_with("[1]: date: invalid EDTF"), "{e}");
        let bad = read_json("[{\"title\": \"A\",\n\"date\": }]", &ReadOptions::default());
        assert!(bad[0].as_ref().unwrap_err().to_string().starts_with("2: "));
    }
}
