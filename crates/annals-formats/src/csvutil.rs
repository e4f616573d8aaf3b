//! CSV rows in and out, shared by the CSV formats: reading with the line of each row, writing
//! with RFC 4180 quoting.

use crate::{FormatError, Incoming, Location, MAX_LINE};
use annals_core::Event;
use std::io::{self, Read, Write};

/// Where the newlines of an input are, as it is read: the csv crate counts a CRLF row's line
/// before the `\n` that ends the row above it, one too low, so lines are counted here from the
/// byte offsets of rows. Offsets are dropped once a row past them is asked for, so only the
/// newlines in the csv reader's buffer are kept.
#[derive(Default)]
struct Newlines {
    /// Offsets of the line ends read and not yet passed (`true` for `\n`, `false` for `\r`).
    ahead: std::collections::VecDeque<(u64, bool)>,
    /// Newlines passed.
    passed: usize,
}

impl Newlines {
    /// The line of the row starting at byte `offset`. Line ends at the offset itself belong
    /// to the rows above (the `\n` of a CRLF, blank lines), so they are passed too.
    fn line_at(&mut self, offset: u64) -> usize {
        let mut at = offset;
        while let Some(&(o, newline)) = self.ahead.front() {
            if o > at {
                break;
            }
            if o == at {
                at += 1;
            }
            self.ahead.pop_front();
            self.passed += usize::from(newline);
        }
        self.passed + 1
    }
}

/// An input that notes where its newlines are.
struct Counted<R> {
    inner: R,
    offset: u64,
    newlines: std::rc::Rc<std::cell::RefCell<Newlines>>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut lines = self.newlines.borrow_mut();
        for (i, &b) in buf[..n].iter().enumerate() {
            if b == b'\n' || b == b'\r' {
                lines.ahead.push_back((self.offset + i as u64, b == b'\n'));
            }
        }
        self.offset += n as u64;
        Ok(n)
    }
}

/// Rows of a CSV input.
pub struct Rows<R> {
    reader: csv::Reader<Counted<R>>,
    newlines: std::rc::Rc<std::cell::RefCell<Newlines>>,
    record: csv::StringRecord,
    /// Cells of the header row, once read.
    width: Option<usize>,
}

impl<R: Read> Rows<R> {
    /// Rows of `input`; rows may have any number of cells.
    #[cfg(test)]
    pub fn new(input: R) -> Rows<R> {
        Rows::with_delimiter(input, b',')
    }

    /// Rows of `input` with cells separated by `delimiter`, or else by the delimiter its first
    /// row uses (see [`sniff_delimiter`]).
    pub fn sniffed(mut input: R, delimiter: Option<u8>) -> Rows<R>
    where
        R: std::io::BufRead,
    {
        let delimiter = delimiter.unwrap_or_else(|| {
            let head = input.fill_buf().unwrap_or_default();
            let first = head.split(|&b| b == b'\n').next().unwrap_or_default();
            sniff_delimiter(&String::from_utf8_lossy(first))
        });
        Rows::with_delimiter(input, delimiter)
    }

    /// Rows of `input` with cells separated by `delimiter` (`b'\t'` for TSV).
    pub fn with_delimiter(input: R, delimiter: u8) -> Rows<R> {
        let newlines = std::rc::Rc::default();
        let counted = Counted {
            inner: input,
            offset: 0,
            newlines: std::rc::Rc::clone(&newlines),
        };
        Rows {
            reader: csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .delimiter(delimiter)
                .from_reader(counted),
            newlines,
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
            let newlines = &self.newlines;
            let more = self.reader.read_record(&mut self.record).map_err(|e| {
                let line = e
                    .position()
                    .map_or(1, |p| newlines.borrow_mut().line_at(p.byte()));
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
            let line = self
                .record
                .position()
                .map_or(1, |p| self.newlines.borrow_mut().line_at(p.byte()));
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

/// The delimiter of a spreadsheet whose header row is `first`: a tab or a semicolon when the
/// row has one and no comma (or more of them than commas), else a comma.
pub fn sniff_delimiter(first: &str) -> u8 {
    let count = |c: char| first.chars().filter(|&x| x == c).count();
    let (commas, tabs, semis) = (count(','), count('\t'), count(';'));
    if tabs > 0 && tabs >= commas && tabs >= semis {
        b'\t'
    } else if semis > commas {
        b';'
    } else {
        b','
    }
}

/// Makes the event of a row from its cells by column index (`None` skips the row).
/// A row's event, and whether the row gave its id ([`crate::Incoming::named`]).
pub type EventOf<'a> =
    dyn for<'r> FnMut(&'r dyn Fn(usize) -> &'r str) -> Option<Result<(Event, bool), String>> + 'a;

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
            .map(|(event, named)| Incoming {
                event,
                stub: false,
                named,
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
        // Lines are the file's, with LF or CRLF, blank lines and line breaks in cells.
        for input in [
            &b"h\na\n\nb\n\"c\nd\"\ne\n"[..],
            &b"h\r\na\r\n\r\nb\r\n\"c\r\nd\"\r\ne\r\n"[..],
        ] {
            let mut rows = Rows::new(input);
            let mut lines = Vec::new();
            while let Some((line, _)) = rows.next_row().unwrap() {
                lines.push(line);
            }
            assert_eq!(
                lines,
                [1, 2, 4, 5, 7],
                "{:?}",
                String::from_utf8_lossy(input)
            );
        }
        let mut bad = Rows::new(&b"a,b\n\xff,c\n"[..]);
        bad.next_row().unwrap();
        assert_eq!(
            bad.next_row().unwrap_err().location,
            crate::Location::Line(2)
        );
    }
}
