//! Whole documents in, TimeML out: the document is read as a stream of chunks ([`crate::doc`]),
//! each chunk tagged in order (the narrative anchor carries over), and written back with TIMEX3
//! tags inline. Everything outside our tags is written byte for byte (plain text is escaped for
//! XML, since it becomes the content of `<TEXT>`).

use crate::doc::{Format, Reader};
use crate::tagger::{Options, Tagger, Timex};
use crate::timeml;
use crate::value::parse_date;
use std::io::{self, BufRead, Write};

/// What one document held.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Bytes read (of the output document's text).
    pub bytes: u64,
    /// Time expressions found.
    pub timexes: u64,
}

/// The tagger options for a document: the explicit `--dct` wins over the document's own.
pub fn options_for(mut opts: Options, doc_dct: Option<&str>, explicit: bool) -> Options {
    if !(explicit && opts.dct.is_some()) {
        if let Some(p) = doc_dct.and_then(parse_date) {
            opts.dct = Some(p);
        }
    }
    opts
}

/// Write `text` with the timexes (offsets into `text`) as inline TIMEX3 tags.
pub fn write_tagged(
    out: &mut Vec<u8>,
    text: &[u8],
    timexes: &[Timex],
    next_tid: &mut u64,
    escape: bool,
) {
    let mut at = 0;
    let put = |out: &mut Vec<u8>, b: &[u8]| {
        if escape {
            timeml::escape_into(out, b);
        } else {
            out.extend_from_slice(b);
        }
    };
    for t in timexes {
        if t.start < at || t.end > text.len() || t.start >= t.end {
            continue;
        }
        put(out, &text[at..t.start]);
        out.extend_from_slice(timeml::start_tag(*next_tid, t.ty.name(), &t.value).as_bytes());
        *next_tid += 1;
        put(out, &text[t.start..t.end]);
        out.extend_from_slice(b"</TIMEX3>");
        at = t.end;
    }
    put(out, &text[at..]);
}

/// Read a document and write it as TimeML with the time expressions tagged.
///
/// `dct_explicit`: the options' document date was given by the user and wins over the
/// document's own `<DCT>`.
pub fn to_timeml<R: BufRead, W: Write>(
    input: R,
    format: Format,
    docid: &str,
    opts: Options,
    dct_explicit: bool,
    mut out: W,
) -> io::Result<Stats> {
    let mut reader = Reader::new(input, format);
    let mut stats = Stats::default();
    let mut tagger: Option<Tagger> = None;
    let mut buf = Vec::new();
    let mut found = Vec::new();
    let mut tid = 1u64;
    let escape = format != Format::TimeMl;
    if escape {
        let dct = opts.dct.map(|p| p.value());
        out.write_all(timeml::head(docid, dct.as_deref()).as_bytes())?;
    }
    let mut opts = Some(opts);
    while let Some(chunk) = reader.next_chunk()? {
        stats.bytes += chunk.kept.len() as u64;
        buf.clear();
        if chunk.verbatim {
            if escape {
                timeml::escape_into(&mut buf, chunk.kept);
            } else {
                buf.extend_from_slice(chunk.kept);
            }
        } else {
            let t = tagger.get_or_insert_with(|| {
                let o = opts.take().unwrap_or_default();
                Tagger::new(options_for(o, None, true))
            });
            found.clear();
            t.tag_into(chunk.masked, &mut found);
            stats.timexes += found.len() as u64;
            write_tagged(&mut buf, chunk.kept, &found, &mut tid, escape);
        }
        // The DCT of a TimeML head is known once the head has been read.
        if tagger.is_none() {
            if let Some(d) = reader.dct() {
                if let Some(o) = opts.take() {
                    tagger = Some(Tagger::new(options_for(o, Some(d), dct_explicit)));
                }
            }
        }
        out.write_all(&buf)?;
    }
    if escape {
        out.write_all(timeml::TAIL.as_bytes())?;
    }
    out.flush()?;
    Ok(stats)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeml_in_timeml_out_keeps_every_other_byte() {
        let doc = "<?xml version=\"1.0\" ?>\r\n<TimeML>\r\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2009-12-19\">2009-12-19</TIMEX3></DCT>\r\n<TEXT>\r\nOn <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1939-09-01\">September 1, 1939</TIMEX3>, Germany attacked.\r\n</TEXT>\r\n</TimeML>\r\n";
        let mut out = Vec::new();
        let st = to_timeml(
            doc.as_bytes(),
            Format::TimeMl,
            "x",
            Options::default(),
            false,
            &mut out,
        )
        .unwrap();
        let out = String::from_utf8(out).unwrap();
        assert_eq!(out, doc);
        assert_eq!(st.timexes, 1);
    }

    #[test]
    fn text_becomes_a_timeml_document() {
        let mut out = Vec::new();
        let opts = Options {
            dct: parse_date("1960-01-20"),
            ..Options::default()
        };
        to_timeml(
            "In 1960 & later, <x>.\n".as_bytes(),
            Format::Text,
            "a.txt",
            opts,
            true,
            &mut out,
        )
        .unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.contains("<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1960-01-20\""),
            "{out}"
        );
        assert!(out.contains("In <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1960\">1960</TIMEX3> &amp; later, &lt;x&gt;.\n"), "{out}");
        let d = timeml::parse(&out).unwrap();
        assert_eq!(
            d.text,
            "\nIn 1960 & later, <x>.\n\n"
                .replace('&', "&amp;")
                .replace("<x>", "&lt;x&gt;")
        );
    }
}
