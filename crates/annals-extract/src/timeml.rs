//! TimeML as TempEval gives it: reading a document's `<DCT>`, the text of `<TEXT>` and its
//! `<TIMEX3>` tags (for scoring), and writing TIMEX3 tags inline.
//!
//! This is deliberately not a general XML parser: TimeML documents are flat, and the scorer must
//! see them exactly as the official TempEval-3 scripts do (tags stripped, text compared as is,
//! entities left alone).

use std::fmt;

/// A TIMEX3 element read from `<TEXT>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimexTag {
    /// Byte offset of its content in the tag-stripped text.
    pub start: usize,
    /// One past the end of its content.
    pub end: usize,
    /// `tid` attribute (empty if absent).
    pub tid: String,
    /// `type` attribute, or the attribute's name when absent (as the official scorer does).
    pub ty: String,
    /// `value` attribute, or `value` when absent.
    pub value: String,
    /// The text it covers.
    pub text: String,
    /// It contains another tag; the official scorer does not count such timexes.
    pub nested: bool,
    /// It was written `<TIMEX3 ... />` (consumes no text); never counted.
    pub empty: bool,
}

/// A TimeML document as the scorer sees it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// The DCT value, if any.
    pub dct: Option<String>,
    /// The content of `<TEXT>` with every tag removed.
    pub text: String,
    /// The TIMEX3 elements of `<TEXT>`, in order.
    pub timexes: Vec<TimexTag>,
}

/// Why a file is not TimeML the scorer can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMlError(pub String);

impl fmt::Display for TimeMlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TimeMlError {}

/// The value of attribute `name` in a start tag (`<TIMEX3 tid="t1" ...>`).
pub fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let bytes = tag.as_bytes();
    let mut from = 0;
    while let Some(pos) = tag[from..].find(name) {
        let at = from + pos;
        from = at + name.len();
        // A whole attribute name: preceded by white space, followed by `=`.
        if at == 0 || !bytes[at - 1].is_ascii_whitespace() {
            continue;
        }
        let rest = tag[from..].trim_start();
        let Some(rest) = rest.strip_prefix('=') else {
            continue;
        };
        let rest = rest.trim_start();
        let quote = rest.chars().next()?;
        if quote != '"' && quote != '\'' {
            continue;
        }
        let body = &rest[1..];
        let end = body.find(quote)?;
        return Some(&body[..end]);
    }
    None
}

/// The name of a tag (`TIMEX3` for `<TIMEX3 tid="t1">` and `</TIMEX3>`), and whether it closes.
fn tag_name(tag: &str) -> (&str, bool) {
    let inner = tag.trim_start_matches('<');
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(r) => (true, r),
        None => (false, inner),
    };
    let end = inner
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .unwrap_or(inner.len());
    (&inner[..end], closing)
}

/// Read a TimeML document: its DCT and the TIMEX3 elements of `<TEXT>`.
pub fn parse(doc: &str) -> Result<Document, TimeMlError> {
    let open = doc
        .find("<TEXT>")
        .or_else(|| doc.find("<TEXT "))
        .ok_or_else(|| TimeMlError("no <TEXT> element".into()))?;
    let body_start = open + doc[open..].find('>').map_or(6, |p| p + 1);
    let close = doc[body_start..]
        .find("</TEXT>")
        .map(|p| body_start + p)
        .ok_or_else(|| TimeMlError("<TEXT> is not closed".into()))?;
    let dct = dct_value(&doc[..open]);
    let body = &doc[body_start..close];
    let mut text = String::with_capacity(body.len());
    let mut timexes: Vec<TimexTag> = Vec::new();
    // Open TIMEX3 elements: index into `timexes`.
    let mut open_stack: Vec<usize> = Vec::new();
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        text.push_str(&rest[..lt]);
        let after = &rest[lt..];
        let gt = after
            .find('>')
            .ok_or_else(|| TimeMlError(format!("a tag is not closed near {:?}", preview(after))))?;
        let tag = &after[..=gt];
        rest = &after[gt + 1..];
        if tag.starts_with("<!--") || tag.starts_with("<?") {
            continue;
        }
        let (name, closing) = tag_name(tag);
        if name == "TIMEX3" {
            if closing {
                let k = open_stack
                    .pop()
                    .ok_or_else(|| TimeMlError("</TIMEX3> without <TIMEX3>".into()))?;
                let t = &mut timexes[k];
                t.end = text.len();
                t.text = text[t.start..t.end].to_string();
            } else {
                for &k in &open_stack {
                    timexes[k].nested = true;
                }
                let empty = tag.ends_with("/>");
                timexes.push(TimexTag {
                    start: text.len(),
                    end: text.len(),
                    tid: attr(tag, "tid").unwrap_or("").to_string(),
                    ty: attr(tag, "type").unwrap_or("type").to_string(),
                    value: attr(tag, "value").unwrap_or("value").to_string(),
                    text: String::new(),
                    nested: false,
                    empty,
                });
                if !empty {
                    open_stack.push(timexes.len() - 1);
                }
            }
        } else {
            // Any other tag inside a timex makes it uncountable for the official scorer.
            for &k in &open_stack {
                timexes[k].nested = true;
            }
        }
    }
    text.push_str(rest);
    if !open_stack.is_empty() {
        return Err(TimeMlError("a <TIMEX3> is not closed".into()));
    }
    Ok(Document { dct, text, timexes })
}

fn preview(s: &str) -> &str {
    let mut end = s.len().min(40);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The value of the TIMEX3 inside `<DCT>` in a document head.
pub fn dct_value(head: &str) -> Option<String> {
    let start = head.find("<DCT>")?;
    let end = head[start..]
        .find("</DCT>")
        .map_or(head.len(), |e| start + e);
    let dct = &head[start..end];
    let t = dct.find("<TIMEX3")?;
    let close = dct[t..].find('>')?;
    attr(&dct[t..t + close + 1], "value").map(str::to_string)
}

/// Escape text for XML content.
pub fn escape_into(out: &mut Vec<u8>, text: &[u8]) {
    for &b in text {
        match b {
            b'&' => out.extend_from_slice(b"&amp;"),
            b'<' => out.extend_from_slice(b"&lt;"),
            b'>' => out.extend_from_slice(b"&gt;"),
            _ => out.push(b),
        }
    }
}

/// Escape an attribute value.
pub fn escape_attr(v: &str) -> String {
    v.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// The start tag of a TIMEX3.
pub fn start_tag(tid: u64, ty: &str, value: &str) -> String {
    format!(
        "<TIMEX3 tid=\"t{tid}\" type=\"{ty}\" value=\"{}\">",
        escape_attr(value)
    )
}

/// The head of a TimeML document written from plain text, up to and including `<TEXT>`.
pub fn head(docid: &str, dct: Option<&str>) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" ?>\n<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">\n",
    );
    let mut id = Vec::new();
    escape_into(&mut id, docid.as_bytes());
    s.push_str(&format!(
        "<DOCID>{}</DOCID>\n",
        String::from_utf8_lossy(&id)
    ));
    if let Some(d) = dct {
        let v = escape_attr(d);
        s.push_str(&format!(
            "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{v}\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">{v}</TIMEX3></DCT>\n"
        ));
    }
    s.push_str("<TEXT>\n");
    s
}

/// The tail of a TimeML document written from plain text.
pub const TAIL: &str = "\n</TEXT>\n</TimeML>\n";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_text_and_timexes() {
        let doc = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2009-12-19\">2009-12-19</TIMEX3></DCT>\n<TEXT>\nOn <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1939-09-01\">September 1, 1939</TIMEX3>, war.<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"X\"/> <TIMEX3 tid=\"t3\" type=\"DATE\">a <EVENT>b</EVENT></TIMEX3>\n</TEXT>\n</TimeML>";
        let d = parse(doc).unwrap();
        assert_eq!(d.dct.as_deref(), Some("2009-12-19"));
        assert_eq!(d.text, "\nOn September 1, 1939, war. a b\n");
        assert_eq!(d.timexes.len(), 3);
        assert_eq!(d.timexes[0].text, "September 1, 1939");
        assert_eq!(d.timexes[0].value, "1939-09-01");
        assert!(d.timexes[1].empty);
        assert!(d.timexes[2].nested);
        assert_eq!(d.timexes[2].value, "value");
    }

    #[test]
    fn attributes() {
        let t = "<TIMEX3 tid=\"t1\" type='DATE' value = \"1960\" xtype=\"no\">";
        assert_eq!(attr(t, "type"), Some("DATE"));
        assert_eq!(attr(t, "value"), Some("1960"));
        assert_eq!(attr(t, "tid"), Some("t1"));
        assert_eq!(attr(t, "mod"), None);
    }

    #[test]
    fn broken_documents_are_errors() {
        assert!(parse("no text here").is_err());
        assert!(parse("<TEXT>a <TIMEX3 tid=\"t1\">b</TEXT>").is_err());
        assert!(parse("<TEXT>a </TIMEX3></TEXT>").is_err());
        assert!(parse("<TEXT>a <TIMEX3 tid=").is_err());
    }
}
