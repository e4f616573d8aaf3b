//! CSV rows in and out, shared by the CSV formats: reading with the line of each row, writing
//! with RFC 4180 quoting.

use crate::{FormatError, Incoming, Location, MAX_LINE};
use annals_core::Event;
use std::io::{self, Read, Write};

/// Rows of a CSV input.
pub struct Rows<R> {
    reader: csv::Reader<R>,
    record: csv::StringRecord,
    /// Cells of the header row, once read.
    width: Option<usize>,
}

impl<R: Read> Rows<R> {
    /// Rows of `input`; rows may have any number of cells.
    pub fn new(input: R) -> Rows<R> {
        Rows {
            reader: csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(input),
            record: csv::StringRecord::new(),
            width: None,
        }
    }

    /// The header row, or `None` for an empty input (a leading byte-order mark was dropped
    /// when the input was opened: `read::read`).
    pub fn header(&mut self) -> Result<Option<Vec<String>>, FormatError> {
        let header = self.next_row()?.map(|(_, cells)| cells);
        self.width = header.as_ref().map(Vec::len);
        Ok(header)
    }

    /// The next row that is not blank, with its line.
    pub fn next_row(&mut self) -> Result<Option<(usize, Vec<String>)>, FormatError> {
        loop {
            let more = self.reader.read_record(&mut self.record).map_err(|e| {
                let line = e.position().map_or(1, |p| p.line() as usize);
                let what = match e.kind() {
                    csv::ErrorKind::Utf8 { .. } => "invalid UTF-8: expected text".to_string(),
                    csv::ErrorKind::Io(io) => format!("read error: {io}"),
                    _ => format!("{e}: expected CSV"),
                };
                FormatError::at_line(line, what)
            })?;
            if !more {
                return Ok(None);
            }
            let line = self.record.position().map_or(1, |p| p.line() as usize);
            if self.record.as_slice().len() > MAX_LINE {
                return Err(FormatError::at_line(
                    line,
                    format!("row is longer than {MAX_LINE} bytes: expected one event per row"),
                ));
            }
            if self.record.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            return Ok(Some((
                line,
                self.record.iter().map(str::to_string).collect(),
            )));
        }
    }
}

/// Makes the event of a row from its cells by column index (`None` skips the row).
pub type EventOf<'a> =
    dyn for<'r> FnMut(&'r dyn Fn(usize) -> &'r str) -> Option<Result<Event, String>> + 'a;

/// Turn each remaining row into an event with `event_of` (given the row's cells by column
/// index; `None` skips the row), passing events and problems, with the row's line, to `each`.
pub fn each_event<R: Read>(
    rows: &mut Rows<R>,
    idx: &[Option<usize>],
    event_of: &mut EventOf<'_>,
    each: &mut dyn FnMut(Result<Incoming, FormatError>) -> bool,
) -> Result<(), FormatError> {
    while let Some((line, rec)) = rows.next_row()? {
        let width = rows.width.unwrap_or(usize::MAX);
        if rec.iter().skip(width).any(|c| !c.trim().is_empty()) {
            let item = Err(FormatError::at_line(
                line,
                format!(
                    "this row has {} cells, the header {width}: expected at most one value per column (quote a value that holds a comma)",
                    rec.len()
                ),
            ));
            if !each(item) {
                break;
            }
            continue;
        }
        let get = |k: usize| -> &str { idx[k].and_then(|j| rec.get(j)).map_or("", String::as_str) };
        let Some(item) = event_of(&get) else {
            continue;
        };
        let item = item
            .map(|event| Incoming {
                event,
                stub: false,
                location: Location::Line(line),
            })
            .map_err(|m| FormatError::at_line(line, m));
        if !each(item) {
            break;
        }
    }
    Ok(())
}

/// Writes CSV rows.
#[derive(Debug, Default)]
pub struct CsvOut;

impl CsvOut {
    /// Write one row, quoting cells that need it.
    pub fn row<'a>(
        &mut self,
        out: &mut dyn Write,
        cells: impl IntoIterator<Item = &'a str>,
    ) -> io::Result<()> {
        let mut line = String::new();
        for (i, c) in cells.into_iter().enumerate() {
            if i > 0 {
                line.push(',');
            }
            if c.contains([',', '"', '\n', '\r']) || c.starts_with(' ') || c.ends_with(' ') {
                line.push('"');
                line.push_str(&c.replace('"', "\"\""));
                line.push('"');
            } else {
                line.push_str(c);
            }
        }
        line.push_str("\r\n");
        out.write_all(line.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_round_trip() {
        let mut out = Vec::new();
        CsvOut
            .row(&mut out, ["a", "b,c", "d\"e", "f\ng", ""])
            .unwrap();
        let mut rows = Rows::new(&out[..]);
        assert_eq!(
            rows.next_row().unwrap().unwrap().1,
            vec!["a", "b,c", "d\"e", "f\ng", ""]
        );
        let mut bad = Rows::new(&b"a,b\n\xff,c\n"[..]);
        bad.next_row().unwrap();
        assert_eq!(
            bad.next_row().unwrap_err().location,
            crate::Location::Line(2)
        );
    }
}
