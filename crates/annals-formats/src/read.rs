//! Reading any format through one entry point, for the CLI and the HTTP import alike.

use crate::table::ColumnMap;
use crate::{
    card, json, jsonstream, markdown, sparql, table, timelinejs, utf8, wikidata, Format,
    FormatError, Incoming, Location, ReadOptions,
};
use std::io::{self, BufRead, BufReader, Read};

/// Opens the input afresh (Wikidata reads it twice).
pub type Open<'a> = dyn FnMut() -> io::Result<Box<dyn Read + 'a>> + 'a;

/// The input without a leading UTF-8 byte order mark.
fn without_bom<'a>(input: Box<dyn Read + 'a>) -> io::Result<Box<dyn Read + 'a>> {
    let mut input = BufReader::new(input);
    if input.fill_buf()?.starts_with(b"\xEF\xBB\xBF") {
        input.consume(3);
    }
    Ok(Box::new(input))
}

/// Read every event of one input in `format`, passing each event or problem to `each`, which
/// returns false to stop. Streaming formats (JSON Lines, CSV, TimelineJS, Wikidata) hold one
/// record at a time; cards, JSON and Markdown are read whole.
pub fn read(
    format: Format,
    open: &mut Open,
    opts: &ReadOptions,
    columns: &ColumnMap,
    each: &mut dyn FnMut(Result<Incoming, FormatError>) -> bool,
) -> Result<(), FormatError> {
    // An input that yields nothing at all is not what it was taken for.
    let mut seen = 0usize;
    let each = &mut |item: Result<Incoming, FormatError>| {
        seen += 1;
        each(item)
    };
    let read = read_all(format, open, opts, columns, each);
    if read.is_ok() && seen == 0 {
        return Err(FormatError::at_line(
            1,
            format!(
                "no events found: expected {} records (docs/formats/{}.md)",
                format.name(),
                format.doc()
            ),
        ));
    }
    read
}

/// Read a Wikipedia input (wikitext of one article, or a MediaWiki export or dump): each
/// event or problem goes to `each`; `report` counts pages read and skipped, and `tick` sees it
/// every few hundred pages. `title` names a wikitext article (from its file name).
pub fn read_wiki(
    format: Format,
    open: &mut Open,
    opts: &ReadOptions,
    title: Option<String>,
    report: &mut annals_wiki::Report,
    tick: &mut dyn FnMut(&annals_wiki::Report),
    each: &mut dyn FnMut(Result<Incoming, FormatError>) -> bool,
) -> Result<(), FormatError> {
    let input = match format {
        Format::Wikitext => annals_wiki::Input::Wikitext(title),
        _ => annals_wiki::Input::Xml,
    };
    let located = |e: annals_wiki::WikiError| FormatError {
        location: wiki_location(e.page.as_deref(), e.offset),
        message: e.message,
    };
    annals_wiki::read(&input, open, opts.calendar, report, tick, &mut |item| {
        each(match item {
            Ok(event) => Ok(Incoming {
                location: wiki_location(Some(&event.title), None),
                event,
                stub: false,
                named: false,
            }),
            Err(e) => Err(located(e)),
        })
    })
    .map_err(located)
}

/// Where in a Wikipedia input: `page "Title"`, with the byte offset when known.
fn wiki_location(page: Option<&str>, offset: Option<u64>) -> Location {
    Location::Path(match (page, offset) {
        (Some(p), Some(o)) => format!("page {p:?} (byte {o})"),
        (Some(p), None) => format!("page {p:?}"),
        (None, Some(o)) => format!("byte {o}"),
        (None, None) => "1".into(),
    })
}

fn read_all(
    format: Format,
    open: &mut Open,
    opts: &ReadOptions,
    columns: &ColumnMap,
    each: &mut dyn FnMut(Result<Incoming, FormatError>) -> bool,
) -> Result<(), FormatError> {
    let io_err = |e: io::Error| FormatError::at_line(1, format!("read error: {e}"));
    // Every format may start with a UTF-8 byte order mark (spreadsheets on Windows write one).
    let mut unmarked = || open().and_then(without_bom);
    let open: &mut Open = &mut unmarked;
    match format {
        Format::Jsonl => {
            for item in json::JsonlReader::new(BufReader::new(open().map_err(io_err)?), *opts) {
                if !each(item) {
                    break;
                }
            }
            Ok(())
        }
        Format::Csv => table::read(BufReader::new(open().map_err(io_err)?), opts, columns, each),
        Format::TimelineJsCsv => {
            timelinejs::sheet::read(BufReader::new(open().map_err(io_err)?), opts, each)
        }
        Format::TimelineJs => {
            timelinejs::json::read(BufReader::new(open().map_err(io_err)?), opts, each)
        }
        Format::Wikidata => wikidata::read(
            &mut || open().map(|r| Box::new(BufReader::new(r)) as Box<dyn Read + '_>),
            opts,
            each,
        ),
        Format::Card => cards(BufReader::new(open().map_err(io_err)?), opts, each),
        Format::Wikitext | Format::MediaWiki => read_wiki(
            format,
            open,
            opts,
            None,
            &mut annals_wiki::Report::default(),
            &mut |_| {},
            each,
        ),
        Format::Json => {
            let mut input = BufReader::new(open().map_err(io_err)?);
            let first = loop {
                let buf = input.fill_buf().map_err(io_err)?;
                match buf.iter().position(|b| !b.is_ascii_whitespace()) {
                    Some(i) => break Some(buf[i]),
                    None if buf.is_empty() => break None,
                    None => {
                        let n = buf.len();
                        input.consume(n);
                    }
                }
            };
            if first == Some(b'[') {
                // An array streams, one event in memory at a time.
                return jsonstream::stream(
                    input,
                    &[],
                    &mut |path, value| {
                        let item = json::event_from_value(value, opts)
                            .map(|(event, named)| Incoming {
                                event,
                                stub: false,
                                named,
                                location: Location::Path(path.clone()),
                            })
                            .map_err(|message| FormatError {
                                location: Location::Path(path),
                                message,
                            });
                        each(item)
                    },
                    &mut |_, _| {},
                );
            }
            let mut bytes = Vec::new();
            input.read_to_end(&mut bytes).map_err(io_err)?;
            for item in json::read_json(utf8(&bytes)?, opts) {
                if !each(item) {
                    break;
                }
            }
            Ok(())
        }
        Format::Sparql => {
            let mut bytes = Vec::new();
            open()
                .and_then(|mut r| r.read_to_end(&mut bytes))
                .map_err(io_err)?;
            sparql::read(utf8(&bytes)?, opts, each)
        }
        Format::Markdown => {
            let mut bytes = Vec::new();
            open()
                .and_then(|mut r| r.read_to_end(&mut bytes))
                .map_err(io_err)?;
            each(markdown::read(utf8(&bytes)?, opts));
            Ok(())
        }
    }
}

/// Event cards, streamed one document (up to a `---` line) at a time.
fn cards(
    mut input: impl BufRead,
    opts: &ReadOptions,
    each: &mut dyn FnMut(Result<Incoming, FormatError>) -> bool,
) -> Result<(), FormatError> {
    let mut chunk: Vec<u8> = Vec::new();
    let mut line = Vec::new();
    let mut offset = 0; // lines before the chunk
    let mut lines_in_chunk = 0;
    let mut any = false;
    // Shift a chunk's line numbers to the file's.
    let shift = |loc: &mut Location, offset: usize| {
        if let Location::Line(n) = loc {
            *n += offset;
        }
    };
    loop {
        line.clear();
        let n = input.read_until(b'\n', &mut line).map_err(|e| {
            FormatError::at_line(offset + lines_in_chunk + 1, format!("read error: {e}"))
        })?;
        let end = n == 0;
        let is_separator =
            !end && std::str::from_utf8(&line).is_ok_and(|l| l.trim() == card::SEPARATOR);
        if !end {
            chunk.extend_from_slice(&line);
            lines_in_chunk += 1;
        }
        if !(end || is_separator) {
            continue;
        }
        if end && any && chunk.iter().all(|b| b.is_ascii_whitespace()) {
            return Ok(());
        }
        any = true;
        let text = match utf8(&chunk) {
            Ok(t) => t,
            Err(mut e) => {
                shift(&mut e.location, offset);
                if !each(Err(e)) || end {
                    return Ok(());
                }
                offset += lines_in_chunk;
                chunk.clear();
                lines_in_chunk = 0;
                continue;
            }
        };
        for doc in card::read_documents(text, opts) {
            let items = match doc {
                Ok(d) => d.into_events().into_iter().map(Ok).collect(),
                Err(e) => vec![Err(e)],
            };
            for mut item in items {
                match &mut item {
                    Ok(i) => shift(&mut i.location, offset),
                    Err(e) => shift(&mut e.location, offset),
                }
                if !each(item) {
                    return Ok(());
                }
            }
        }
        if end {
            return Ok(());
        }
        offset += lines_in_chunk;
        chunk.clear();
        lines_in_chunk = 0;
    }
}

/// Read events from bytes in memory (an HTTP upload).
pub fn read_bytes(
    format: Format,
    bytes: &[u8],
    opts: &ReadOptions,
    each: &mut dyn FnMut(Result<Incoming, FormatError>) -> bool,
) -> Result<(), FormatError> {
    read(
        format,
        &mut || Ok(Box::new(bytes) as Box<dyn Read>),
        opts,
        &ColumnMap::default(),
        each,
    )
}
