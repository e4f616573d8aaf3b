//! MediaWiki XML exports (`Special:Export`, `pages-articles` dumps), one page at a time.
//!
//! Only the latest revision of each page is kept; a page's text is the only large thing
//! held, so a dump of any size streams in the memory of its largest page.

use crate::page::Meta;
use crate::WikiError;
use quick_xml::events::Event as X;
use quick_xml::Reader;
use std::io::BufRead;

/// A page of an export.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// What is known of it.
    pub meta: Meta,
    /// The wikitext of its latest revision.
    pub text: String,
    /// Byte offset of `<page>` in the (decompressed) XML.
    pub offset: u64,
}

/// Which element the text being read belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    None,
    Title,
    Ns,
    PageId,
    RevId,
    Timestamp,
    Text,
}

/// Streams the pages of an export.
pub struct Pages<R: BufRead> {
    reader: Reader<R>,
    buf: Vec<u8>,
    site: String,
    done: bool,
    /// Set once `</mediawiki>` is read.
    closed: bool,
    seen_root: bool,
}

impl<R: BufRead> Pages<R> {
    /// Read pages from `input`.
    pub fn new(input: R) -> Self {
        let mut reader = Reader::from_reader(input);
        reader.config_mut().trim_text(false);
        reader.config_mut().check_end_names = true;
        Pages {
            reader,
            buf: Vec::with_capacity(64 * 1024),
            site: "en.wikipedia.org".into(),
            done: false,
            closed: false,
            seen_root: false,
        }
    }

    fn err(&self, page: Option<&str>, message: impl Into<String>) -> WikiError {
        WikiError {
            page: page.map(str::to_string),
            offset: Some(self.reader.buffer_position()),
            message: message.into(),
        }
    }

    /// The next page, `None` at the end, or what is wrong with the input.
    pub fn next_page(&mut self) -> Option<Result<Page, WikiError>> {
        if self.done {
            return None;
        }
        let r = self.read_page();
        if !matches!(r, Some(Ok(_))) {
            self.done = true;
        }
        r
    }

    fn read_page(&mut self) -> Option<Result<Page, WikiError>> {
        let mut page: Option<Page> = None;
        let mut field = Field::None;
        let mut in_revision = false;
        let mut in_contributor = false;
        let mut bytes: Vec<u8> = Vec::new();
        // The latest revision's fields, kept until the page ends.
        let mut rev_text: Option<Vec<u8>> = None;
        loop {
            self.buf.clear();
            let pos = self.reader.buffer_position();
            let ev = match self.reader.read_event_into(&mut self.buf) {
                Ok(e) => e,
                Err(e) => {
                    let title = page.as_ref().map(|p| p.meta.title.clone());
                    return Some(Err(self.err(
                        title.as_deref().filter(|t| !t.is_empty()),
                        match e {
                            quick_xml::Error::Io(io) => {
                                format!("read error (corrupt or truncated compressed data?): {io}")
                            }
                            e => format!("not valid XML: {e}"),
                        },
                    )));
                }
            };
            match ev {
                X::Start(e) => {
                    let name = e.local_name();
                    let name = name.as_ref();
                    if !self.seen_root {
                        if name != b"mediawiki" {
                            return Some(Err(
                                self.err(None, "expected a MediaWiki XML export (<mediawiki>)")
                            ));
                        }
                        self.seen_root = true;
                        continue;
                    }
                    match name {
                        b"page" => {
                            page = Some(Page {
                                meta: Meta {
                                    site: self.site.clone(),
                                    ..Meta::default()
                                },
                                offset: pos,
                                ..Page::default()
                            })
                        }
                        b"revision" => in_revision = true,
                        b"contributor" => in_contributor = true,
                        b"title" if page.is_some() && !in_revision => field = Field::Title,
                        b"ns" if page.is_some() => field = Field::Ns,
                        b"id" if page.is_some() && !in_contributor => {
                            field = if in_revision {
                                Field::RevId
                            } else {
                                Field::PageId
                            }
                        }
                        b"timestamp" if in_revision => field = Field::Timestamp,
                        b"text" if in_revision => field = Field::Text,
                        b"base" => field = Field::None,
                        _ => field = Field::None,
                    }
                    bytes.clear();
                }
                X::Empty(e) => {
                    if !self.seen_root {
                        return Some(Err(
                            self.err(None, "expected a MediaWiki XML export (<mediawiki>)")
                        ));
                    }
                    if e.local_name().as_ref() == b"redirect" {
                        if let Some(p) = page.as_mut() {
                            let target = e
                                .attributes()
                                .flatten()
                                .find(|a| a.key.local_name().as_ref() == b"title")
                                .map(|a| {
                                    let mut s = String::new();
                                    crate::text::entities(
                                        &String::from_utf8_lossy(&a.value),
                                        &mut s,
                                    );
                                    s
                                });
                            p.meta.redirect = Some(target.unwrap_or_default());
                        }
                    } else if e.local_name().as_ref() == b"text" && in_revision {
                        rev_text = Some(Vec::new());
                    }
                }
                X::Text(t) if field != Field::None => bytes.extend_from_slice(&t),
                X::CData(t) if field != Field::None => bytes.extend_from_slice(&t),
                X::GeneralRef(r) if field != Field::None => {
                    let mut s = String::new();
                    crate::text::entities(&format!("&{};", String::from_utf8_lossy(&r)), &mut s);
                    bytes.extend_from_slice(s.as_bytes());
                }
                X::End(e) => {
                    let name = e.local_name();
                    let name = name.as_ref();
                    if let Some(p) = page.as_mut() {
                        let value = || String::from_utf8_lossy(&bytes).trim().to_string();
                        match (name, field) {
                            (b"title", Field::Title) => p.meta.title = value(),
                            (b"ns", Field::Ns) => p.meta.ns = value().parse().unwrap_or(0),
                            (b"id", Field::PageId) => p.meta.page_id = value().parse().ok(),
                            (b"id", Field::RevId) => p.meta.revision = value().parse().ok(),
                            (b"timestamp", Field::Timestamp) => p.meta.timestamp = Some(value()),
                            (b"text", Field::Text) => rev_text = Some(std::mem::take(&mut bytes)),
                            _ => {}
                        }
                    }
                    field = Field::None;
                    match name {
                        b"contributor" => in_contributor = false,
                        b"revision" => in_revision = false,
                        b"page" => {
                            let Some(mut p) = page.take() else { continue };
                            let text = rev_text.take().unwrap_or_default();
                            match String::from_utf8(text) {
                                Ok(t) => p.text = t,
                                Err(e) => {
                                    let title = p.meta.title.clone();
                                    return Some(Err(WikiError {
                                        page: Some(title),
                                        offset: Some(p.offset),
                                        message: format!(
                                            "invalid UTF-8 in the page text at byte {} of it",
                                            e.utf8_error().valid_up_to()
                                        ),
                                    }));
                                }
                            }
                            if p.meta.title.is_empty() {
                                return Some(Err(WikiError {
                                    page: None,
                                    offset: Some(p.offset),
                                    message: "a page without a title".into(),
                                }));
                            }
                            return Some(Ok(p));
                        }
                        b"mediawiki" => self.closed = true,
                        _ => {}
                    }
                }
                X::Eof => {
                    if let Some(p) = page {
                        let title = p.meta.title.clone();
                        return Some(Err(self.err(
                            Some(&title).filter(|t| !t.is_empty()).map(|s| s.as_str()),
                            "the file ends inside this page: truncated?",
                        )));
                    }
                    if !self.seen_root {
                        return Some(Err(self.err(
                            None,
                            "expected a MediaWiki XML export (<mediawiki>), found no XML",
                        )));
                    }
                    if !self.closed {
                        return Some(Err(
                            self.err(None, "the file ends before </mediawiki>: truncated?")
                        ));
                    }
                    return None;
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(xml: &str) -> Vec<Result<Page, WikiError>> {
        let mut p = Pages::new(xml.as_bytes());
        std::iter::from_fn(|| p.next_page()).collect()
    }

    const ONE: &str = r#"<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/">
<siteinfo><sitename>W</sitename></siteinfo>
<page><title>Battle of A &amp; B</title><ns>0</ns><id>7</id>
<revision><id>100</id><timestamp>2001-01-01T00:00:00Z</timestamp><contributor><username>x</username><id>9</id></contributor><text>old</text></revision>
<revision><id>101</id><timestamp>2002-01-01T00:00:00Z</timestamp><text xml:space="preserve">'''A''' &lt;ref&gt;x&lt;/ref&gt; &#233;</text></revision>
</page>
<page><title>R</title><ns>0</ns><id>8</id><redirect title="Battle of A &amp; B" /><revision><id>5</id><text>#REDIRECT [[Battle of A &amp; B]]</text></revision></page>
</mediawiki>"#;

    #[test]
    fn reads_pages_and_latest_revisions() {
        let ps = pages(ONE);
        assert_eq!(ps.len(), 2);
        let a = ps[0].as_ref().unwrap();
        assert_eq!(a.meta.title, "Battle of A & B");
        assert_eq!(a.meta.page_id, Some(7));
        assert_eq!(a.meta.revision, Some(101));
        assert_eq!(a.meta.timestamp.as_deref(), Some("2002-01-01T00:00:00Z"));
        assert_eq!(a.text, "'''A''' <ref>x</ref> é");
        let r = ps[1].as_ref().unwrap();
        assert_eq!(r.meta.redirect.as_deref(), Some("Battle of A & B"));
    }

    #[test]
    fn truncated_and_broken_input_is_an_error_naming_the_page() {
        let cut = &ONE[..ONE.find("&#233;").unwrap()];
        let ps = pages(cut);
        let e = ps.last().unwrap().as_ref().unwrap_err();
        assert_eq!(e.page.as_deref(), Some("Battle of A & B"));
        assert!(e.message.contains("truncated"), "{e}");
        let ps = pages(&ONE[..ONE.len() - 12]);
        assert_eq!(ps.len(), 3);
        assert!(ps[2].as_ref().unwrap_err().message.contains("</mediawiki>"));
        let ps = pages("<html><body/></html>");
        assert!(ps[0].as_ref().unwrap_err().message.contains("MediaWiki"));
        let ps = pages(&ONE.replace("</title><ns>0", "</titl><ns>0"));
        assert!(ps[0].is_err());
    }

    #[test]
    fn bad_utf8_names_the_page() {
        let mut bytes = ONE.as_bytes().to_vec();
        let at = ONE.find("'''A'''").unwrap();
        bytes[at + 1] = 0xFF;
        let mut p = Pages::new(&bytes[..]);
        let e = p.next_page().unwrap().unwrap_err();
        assert_eq!(e.page.as_deref(), Some("Battle of A & B"));
        assert!(e.message.contains("UTF-8"), "{e}");
    }
}
