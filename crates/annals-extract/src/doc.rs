//! Reading documents as a stream of chunks: TimeML (head, `<TEXT>` line by line, tail), plain
//! text and Markdown (paragraph by paragraph), in bounded memory whatever the file size.
//!
//! Each chunk carries the bytes to write back (`kept`: the input with our own TIMEX3 tags
//! removed, every other byte unchanged) and, for text to tag, a `masked` copy of the same length
//! in which markup, entities, code and invalid UTF-8 are hidden from the tagger. A paragraph or
//! line longer than [`MAX_CHUNK`] is cut at white space.

use crate::lex::BARRIER;
use std::io::{self, BufRead};

/// Largest chunk handed to the tagger, in bytes.
pub const MAX_CHUNK: usize = 256 << 10;
/// Largest TimeML head (everything before `<TEXT>`).
const MAX_HEAD: usize = 64 << 20;

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// TimeML (TempEval `.tml`).
    TimeMl,
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
}

impl Format {
    /// Guess from a file name and its first bytes.
    pub fn detect(name: &str, head: &[u8]) -> Format {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".tml") || lower.ends_with(".timeml") {
            return Format::TimeMl;
        }
        if lower.ends_with(".md") || lower.ends_with(".markdown") {
            return Format::Markdown;
        }
        let h = String::from_utf8_lossy(&head[..head.len().min(4096)]);
        if h.contains("<TimeML") || (h.contains("<TEXT>") && h.contains("<DCT>")) {
            return Format::TimeMl;
        }
        Format::Text
    }
}

/// A piece of the document.
#[derive(Debug)]
pub struct Chunk<'a> {
    /// Copy as is; nothing to tag.
    pub verbatim: bool,
    /// The bytes of the output document.
    pub kept: &'a [u8],
    /// What the tagger reads: `kept` with markup masked (same length). Empty when verbatim.
    pub masked: &'a str,
    /// Byte offset of `kept` in the output document.
    pub offset: u64,
    /// Character offset of `kept` in the output document.
    pub chars: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Head,
    Text,
    Tail,
    Done,
}

/// A streaming document reader.
pub struct Reader<R> {
    r: R,
    format: Format,
    state: State,
    pending: Vec<u8>,
    line: Vec<u8>,
    kept: Vec<u8>,
    masked: Vec<u8>,
    verbatim: bool,
    offset: u64,
    chars: u64,
    dct: Option<String>,
    in_fence: bool,
    eof: bool,
}

impl<R: BufRead> Reader<R> {
    /// Read `r` as `format`.
    pub fn new(r: R, format: Format) -> Reader<R> {
        Reader {
            r,
            format,
            state: if format == Format::TimeMl {
                State::Head
            } else {
                State::Text
            },
            pending: Vec::new(),
            line: Vec::new(),
            kept: Vec::new(),
            masked: Vec::new(),
            verbatim: false,
            offset: 0,
            chars: 0,
            dct: None,
            in_fence: false,
            eof: false,
        }
    }

    /// The document date found in a TimeML head (after the first chunk).
    pub fn dct(&self) -> Option<&str> {
        self.dct.as_deref()
    }

    /// Read one line (with its `\n`) into `self.line`, at most `MAX_CHUNK` bytes, cutting an
    /// over-long line at white space. Returns false at the end of input.
    fn read_line(&mut self) -> io::Result<bool> {
        self.line.clear();
        loop {
            if !self.pending.is_empty() {
                let take = match self.pending.iter().position(|&b| b == b'\n') {
                    Some(p) => p + 1,
                    None => self.pending.len(),
                };
                let room = MAX_CHUNK - self.line.len();
                let take = take.min(room);
                self.line.extend(self.pending.drain(..take));
                if self.line.last() == Some(&b'\n') || self.line.len() >= MAX_CHUNK {
                    break;
                }
                continue;
            }
            if self.eof {
                break;
            }
            let buf = self.r.fill_buf()?;
            if buf.is_empty() {
                self.eof = true;
                break;
            }
            let room = MAX_CHUNK - self.line.len();
            let (take, done) = match buf.iter().position(|&b| b == b'\n') {
                Some(p) if p < room => (p + 1, true),
                _ => (buf.len().min(room), false),
            };
            self.line.extend_from_slice(&buf[..take]);
            self.r.consume(take);
            if done || self.line.len() >= MAX_CHUNK {
                break;
            }
        }
        if self.line.len() >= MAX_CHUNK && self.line.last() != Some(&b'\n') {
            // Cut at the last white space (or the last character boundary) and keep the rest.
            let cut = self
                .line
                .iter()
                .rposition(|b| b.is_ascii_whitespace())
                .map(|p| p + 1)
                .filter(|&p| p > MAX_CHUNK / 2)
                .unwrap_or_else(|| {
                    let mut p = self.line.len();
                    while p > 0 && (self.line[p - 1] & 0xC0) == 0x80 {
                        p -= 1;
                    }
                    if p > 0 && self.line[p - 1] >= 0xC0 {
                        p - 1
                    } else {
                        self.line.len()
                    }
                });
            let cut = if cut == 0 { self.line.len() } else { cut };
            let rest = self.line.split_off(cut);
            let mut p = rest;
            p.append(&mut self.pending);
            self.pending = p;
        }
        Ok(!self.line.is_empty())
    }

    /// The next chunk, or `None` at the end.
    pub fn next_chunk(&mut self) -> io::Result<Option<Chunk<'_>>> {
        self.offset += self.kept.len() as u64;
        self.chars += count_chars(&self.kept);
        self.kept.clear();
        self.masked.clear();
        self.verbatim = false;
        let produced = match self.state {
            State::Done => false,
            State::Head => self.head()?,
            State::Tail => {
                if self.read_line()? {
                    self.kept.extend_from_slice(&self.line);
                    self.verbatim = true;
                    true
                } else {
                    self.state = State::Done;
                    false
                }
            }
            State::Text => match self.format {
                Format::TimeMl => self.timeml_line()?,
                Format::Text | Format::Markdown => self.paragraph()?,
            },
        };
        if !produced {
            return Ok(None);
        }
        let masked = if self.verbatim {
            ""
        } else {
            std::str::from_utf8(&self.masked).unwrap_or("")
        };
        Ok(Some(Chunk {
            verbatim: self.verbatim,
            kept: &self.kept,
            masked,
            offset: self.offset,
            chars: self.chars,
        }))
    }

    fn head(&mut self) -> io::Result<bool> {
        let mut head = Vec::new();
        loop {
            if !self.read_line()? {
                // No <TEXT>: the whole document is head.
                self.kept = head;
                self.verbatim = true;
                self.state = State::Done;
                return Ok(!self.kept.is_empty());
            }
            head.extend_from_slice(&self.line);
            if let Some(p) = find(&head, b"<TEXT") {
                if let Some(gt) = head[p..].iter().position(|&b| b == b'>') {
                    let end = p + gt + 1;
                    let rest = head.split_off(end);
                    let mut pend = rest;
                    pend.append(&mut self.pending);
                    self.pending = pend;
                    self.dct = crate::timeml::dct_value(&String::from_utf8_lossy(&head));
                    self.kept = head;
                    self.verbatim = true;
                    self.state = State::Text;
                    return Ok(true);
                }
            }
            if head.len() > MAX_HEAD {
                self.kept = head;
                self.verbatim = true;
                self.state = State::Tail;
                return Ok(true);
            }
        }
    }

    fn timeml_line(&mut self) -> io::Result<bool> {
        if !self.read_line()? {
            self.state = State::Done;
            return Ok(false);
        }
        let mut line = std::mem::take(&mut self.line);
        if let Some(p) = find(&line, b"</TEXT>") {
            let rest = line.split_off(p);
            let mut pend = rest;
            pend.append(&mut self.pending);
            self.pending = pend;
            self.state = State::Tail;
            if line.is_empty() {
                self.line = line;
                // Nothing before </TEXT>: go on with the tail.
                return self.next_tail();
            }
        }
        strip_timex_tags(&line, &mut self.kept);
        mask_timeml(&self.kept, &mut self.masked);
        self.line = line;
        Ok(true)
    }

    fn next_tail(&mut self) -> io::Result<bool> {
        if self.read_line()? {
            self.kept.extend_from_slice(&self.line);
            self.verbatim = true;
            Ok(true)
        } else {
            self.state = State::Done;
            Ok(false)
        }
    }

    fn paragraph(&mut self) -> io::Result<bool> {
        loop {
            if !self.read_line()? {
                if self.kept.is_empty() {
                    self.state = State::Done;
                    return Ok(false);
                }
                break;
            }
            if self.format == Format::Markdown {
                let t = trim_ascii_start(&self.line);
                let fence = t.starts_with(b"```") || t.starts_with(b"~~~");
                if fence || self.in_fence {
                    if fence {
                        self.in_fence = !self.in_fence;
                    }
                    if !self.kept.is_empty() {
                        // Flush the paragraph; this line comes next.
                        let mut p = std::mem::take(&mut self.line);
                        p.append(&mut self.pending);
                        self.pending = p;
                        if fence {
                            self.in_fence = !self.in_fence;
                        }
                        break;
                    }
                    self.kept.extend_from_slice(&self.line);
                    self.verbatim = true;
                    return Ok(true);
                }
            }
            if !self.kept.is_empty() && self.kept.len() + self.line.len() > MAX_CHUNK {
                // Too long for one chunk: this line starts the next.
                let mut p = std::mem::take(&mut self.line);
                p.append(&mut self.pending);
                self.pending = p;
                break;
            }
            let blank = self.line.iter().all(|b| b.is_ascii_whitespace());
            self.kept.extend_from_slice(&self.line);
            if blank || self.kept.len() >= MAX_CHUNK {
                break;
            }
        }
        mask_text(
            &self.kept,
            &mut self.masked,
            self.format == Format::Markdown,
        );
        Ok(true)
    }
}

fn trim_ascii_start(b: &[u8]) -> &[u8] {
    let p = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    &b[p..]
}

/// Position of `needle` in `hay`.
pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Number of characters in UTF-8 bytes (invalid bytes count one each).
pub fn count_chars(b: &[u8]) -> u64 {
    b.iter().filter(|&&c| (c & 0xC0) != 0x80).count() as u64
}

/// Copy `line` without its TIMEX3 start and end tags.
pub fn strip_timex_tags(line: &[u8], out: &mut Vec<u8>) {
    let mut i = 0;
    while i < line.len() {
        if line[i] == b'<' {
            let rest = &line[i..];
            if rest.starts_with(b"<TIMEX3") || rest.starts_with(b"</TIMEX3") {
                if let Some(gt) = rest.iter().position(|&b| b == b'>') {
                    i += gt + 1;
                    continue;
                }
            }
        }
        out.push(line[i]);
        i += 1;
    }
}

/// Replace invalid UTF-8 by barrier bytes, so that the result is a `str` of the same length.
fn push_valid(out: &mut Vec<u8>, bytes: &[u8]) {
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.extend_from_slice(s.as_bytes());
                return;
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.extend_from_slice(&rest[..good]);
                let bad = e.error_len().unwrap_or(rest.len() - good);
                out.extend(std::iter::repeat_n(BARRIER as u8, bad));
                rest = &rest[good + bad..];
            }
        }
    }
}

/// The tagger's view of a TimeML line: tags become barriers, entities their character padded
/// with spaces.
fn mask_timeml(kept: &[u8], out: &mut Vec<u8>) {
    let start = out.len();
    push_valid(out, kept);
    let m = &mut out[start..];
    let mut i = 0;
    while i < m.len() {
        match m[i] {
            b'<' => {
                if let Some(gt) = m[i..].iter().position(|&b| b == b'>') {
                    for b in &mut m[i..=i + gt] {
                        *b = BARRIER as u8;
                    }
                    i += gt + 1;
                    continue;
                }
            }
            b'&' => {
                let ents: [(&[u8], u8); 5] = [
                    (b"&amp;", b'&'),
                    (b"&lt;", b'<'),
                    (b"&gt;", b'>'),
                    (b"&quot;", b'"'),
                    (b"&apos;", b'\''),
                ];
                for (e, c) in ents {
                    if m[i..].starts_with(e) {
                        m[i] = c;
                        for b in &mut m[i + 1..i + e.len()] {
                            *b = b' ';
                        }
                        i += e.len() - 1;
                        break;
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
}

/// The tagger's view of a text paragraph: soft line breaks (mid-sentence) become spaces; in
/// Markdown, code spans, link targets and HTML tags become barriers.
fn mask_text(kept: &[u8], out: &mut Vec<u8>, markdown: bool) {
    let start = out.len();
    push_valid(out, kept);
    let m = &mut out[start..];
    let n = m.len();
    for i in 0..n {
        if m[i] == b'\n' && i + 1 < n {
            let mut k = i;
            if k > 0 && m[k - 1] == b'\r' {
                k -= 1;
            }
            let prev = if k > 0 { m[k - 1] } else { b'\n' };
            let next = m[i + 1];
            // A wrapped sentence goes on in lowercase or digits ("On January\n19, 1960"), or
            // after a word that cannot end one ("signed in\nWashington"); a line that ends
            // without punctuation before a capital is a heading or a field.
            let last_word = {
                let mut a = k;
                while a > 0 && m[a - 1].is_ascii_alphabetic() {
                    a -= 1;
                }
                String::from_utf8_lossy(&m[a..k]).to_ascii_lowercase()
            };
            let continues = next.is_ascii_lowercase()
                || next.is_ascii_digit()
                || matches!(
                    last_word.as_str(),
                    "in" | "of"
                        | "the"
                        | "a"
                        | "an"
                        | "on"
                        | "at"
                        | "to"
                        | "and"
                        | "or"
                        | "by"
                        | "for"
                        | "from"
                        | "with"
                        | "between"
                        | "near"
                        | "into"
                        | "during"
                );
            let soft = (prev.is_ascii_alphanumeric()
                || matches!(prev, b',' | b';' | b'-')
                || prev >= 0x80)
                && continues
                && !(markdown && matches!(next, b'#' | b'-' | b'*' | b'+' | b'>' | b'|'));
            if soft {
                m[i] = b' ';
                if k < i {
                    m[k] = b' ';
                }
            }
        }
    }
    if !markdown {
        return;
    }
    let mut i = 0;
    while i < n {
        match m[i] {
            b'`' => {
                if let Some(e) = m[i + 1..].iter().position(|&b| b == b'`' || b == b'\n') {
                    if m[i + 1 + e] == b'`' {
                        for b in &mut m[i..=i + 1 + e] {
                            *b = BARRIER as u8;
                        }
                        i += e + 2;
                        continue;
                    }
                }
            }
            b']' if i + 1 < n && m[i + 1] == b'(' => {
                if let Some(e) = m[i + 1..].iter().position(|&b| b == b')' || b == b'\n') {
                    for b in &mut m[i + 1..=i + 1 + e] {
                        *b = BARRIER as u8;
                    }
                    i += e + 2;
                    continue;
                }
            }
            b'<' => {
                if let Some(e) = m[i..].iter().position(|&b| b == b'>' || b == b'\n') {
                    if m[i + e] == b'>'
                        && e > 1
                        && (m[i + 1].is_ascii_alphabetic() || m[i + 1] == b'/')
                    {
                        for b in &mut m[i..=i + e] {
                            *b = BARRIER as u8;
                        }
                        i += e + 1;
                        continue;
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunks(input: &str, f: Format) -> Vec<(bool, String, String)> {
        let mut r = Reader::new(input.as_bytes(), f);
        let mut out = Vec::new();
        while let Some(c) = r.next_chunk().unwrap() {
            out.push((
                c.verbatim,
                String::from_utf8(c.kept.to_vec()).unwrap(),
                c.masked.to_string(),
            ));
        }
        out
    }

    #[test]
    fn timeml_head_text_and_tail() {
        let doc = "<TimeML>\n<DCT><TIMEX3 tid=\"t0\" value=\"2009-12-19\">x</TIMEX3></DCT>\n<TEXT>\nIn <TIMEX3 tid=\"t1\">1939</TIMEX3> &amp; <EVENT>war</EVENT>.\r\nEnd</TEXT>\n</TimeML>\n";
        let c = chunks(doc, Format::TimeMl);
        assert_eq!(
            c[0].1,
            "<TimeML>\n<DCT><TIMEX3 tid=\"t0\" value=\"2009-12-19\">x</TIMEX3></DCT>\n<TEXT>"
        );
        assert!(c[0].0);
        assert_eq!(c[1].1, "\n");
        assert_eq!(c[2].1, "In 1939 &amp; <EVENT>war</EVENT>.\r\n");
        assert_eq!(c[2].2, "In 1939 &     \u{1}\u{1}\u{1}\u{1}\u{1}\u{1}\u{1}war\u{1}\u{1}\u{1}\u{1}\u{1}\u{1}\u{1}\u{1}.\r\n");
        assert_eq!(c[3].1, "End");
        assert!(c[4].0);
        assert_eq!(c[4].1, "</TEXT>\n");
        let all: String = c.iter().map(|x| x.1.clone()).collect();
        assert_eq!(
            all,
            doc.replace("<TIMEX3 tid=\"t1\">", "")
                .replacen("1939</TIMEX3>", "1939", 1)
        );
        let mut r = Reader::new(doc.as_bytes(), Format::TimeMl);
        r.next_chunk().unwrap();
        assert_eq!(r.dct(), Some("2009-12-19"));
    }

    #[test]
    fn text_paragraphs_and_soft_breaks() {
        let c = chunks("On January\n19, 1960.\n\nNext.\n", Format::Text);
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].1, "On January\n19, 1960.\n\n");
        assert_eq!(c[0].2, "On January 19, 1960.\n\n");
        assert_eq!(c[1].1, "Next.\n");
    }

    #[test]
    fn markdown_code_and_links_are_masked() {
        let c = chunks(
            "See [the 1960 page](http://x/1960) and `1999`.\n```\n1914\n```\nIn 1915.\n",
            Format::Markdown,
        );
        assert!(c[0].2.contains("[the 1960 page]\u{1}"));
        assert!(!c[0].2.contains("1999"));
        assert!(c[1].0 && c[2].0 && c[3].0);
        assert_eq!(c[4].1, "In 1915.\n");
    }

    #[test]
    fn long_lines_are_cut_at_white_space() {
        let big = "word ".repeat(MAX_CHUNK / 5 + 100);
        let c = chunks(&big, Format::Text);
        assert!(c.len() >= 2);
        assert!(c.iter().all(|x| x.1.len() <= MAX_CHUNK));
        let all: String = c.iter().map(|x| x.1.clone()).collect();
        assert_eq!(all, big);
        assert!(c[0].1.ends_with(' '));
    }

    #[test]
    fn invalid_utf8_is_masked_not_lost() {
        let bytes = b"In 1939\xff war.\n".to_vec();
        let mut r = Reader::new(&bytes[..], Format::Text);
        let c = r.next_chunk().unwrap().unwrap();
        assert_eq!(c.kept, &bytes[..]);
        assert_eq!(c.masked, "In 1939\u{1} war.\n");
    }
}
