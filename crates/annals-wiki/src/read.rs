//! The whole path: bytes (plain or bzip2, single or multistream) to events, relations
//! resolved across the input, and a report of what was read and skipped.
//!
//! An XML export is read twice: the first pass finds which pages are events (and their ids)
//! and which are redirects; the second makes the events and resolves the links of their
//! infoboxes and leads to the ids of the pages they name. Only titles' hashes are held
//! between the passes, so memory stays flat on a dump of any size.

use crate::page::{self, Meta, Skip, Verdict};
use crate::xml::Pages;
use crate::WikiError;
use annals_core::{Event, Relation};
use annals_dates::CalendarHint;
use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::io::{self, BufRead, BufReader, Read};

/// Opens the input afresh (an export is read twice).
pub type Open<'a> = dyn FnMut() -> io::Result<Box<dyn Read + 'a>> + 'a;

/// What the input is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// One article's wikitext; its title (from the file name), or `None` to take the lead's
    /// first bold words.
    Wikitext(Option<String>),
    /// A MediaWiki XML export or dump.
    Xml,
}

/// Examples kept per kind of note.
const EXAMPLES: usize = 1000;

/// What a reading found.
#[derive(Debug, Default, Clone)]
pub struct Report {
    /// Pages read.
    pub pages: u64,
    /// Events made.
    pub events: u64,
    /// Of which the lead sentence dated (no event infobox).
    pub by_lead: u64,
    /// Pages skipped, by reason.
    pub skipped: BTreeMap<Skip, u64>,
    /// Event pages whose date could not be read: how many, and examples (title, text).
    pub undated: u64,
    /// Examples of undated pages.
    pub undated_examples: Vec<(String, String)>,
    /// Pages whose kept text met templates the reader does not know.
    pub pages_with_unknown_templates: u64,
    /// The unknown templates, with how many pages met each.
    pub unknown_templates: HashMap<String, u64>,
    /// Relations resolved to events of the input.
    pub relations: u64,
    /// Links to pages that are not events of the input (dropped).
    pub unresolved_links: u64,
}

impl Report {
    /// Pages skipped in all.
    pub fn skipped_total(&self) -> u64 {
        self.skipped.values().sum()
    }

    /// The report in a few lines.
    pub fn lines(&self) -> Vec<String> {
        let mut out = vec![format!(
            "{} pages read: {} events ({} dated by their infobox, {} by their lead sentence), {} skipped, {} event pages without a readable date",
            self.pages,
            self.events,
            self.events - self.by_lead,
            self.by_lead,
            self.skipped_total(),
            self.undated
        )];
        if !self.skipped.is_empty() {
            let parts: Vec<String> = self
                .skipped
                .iter()
                .map(|(k, n)| format!("{n} {}", k.name()))
                .collect();
            out.push(format!("skipped: {}", parts.join(", ")));
        }
        for (title, text) in self.undated_examples.iter().take(5) {
            out.push(format!("no readable date: page {title:?}: {text:?}"));
        }
        if self.undated as usize > 5 {
            out.push(format!(
                "... and {} more pages without a readable date",
                self.undated - 5
            ));
        }
        if self.pages_with_unknown_templates > 0 {
            let mut top: Vec<(&String, &u64)> = self.unknown_templates.iter().collect();
            top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            let names: Vec<String> = top
                .iter()
                .take(8)
                .map(|(n, c)| format!("{n} ({c})"))
                .collect();
            out.push(format!(
                "{} event pages used templates not read (dropped from their text): {}",
                self.pages_with_unknown_templates,
                names.join(", ")
            ));
        }
        out.push(format!(
            "{} relations between events resolved; {} links to pages that are not events here dropped",
            self.relations, self.unresolved_links
        ));
        out
    }
}

/// The input as bytes, decompressed when it is bzip2 (one stream or many, as multistream
/// dumps are).
pub fn decoded<'a>(input: Box<dyn Read + 'a>) -> io::Result<Box<dyn BufRead + 'a>> {
    let mut r = BufReader::with_capacity(1 << 16, input);
    if r.fill_buf()?.starts_with(b"BZh") {
        return Ok(Box::new(BufReader::with_capacity(
            1 << 16,
            bzip2::read::MultiBzDecoder::new(r),
        )));
    }
    Ok(Box::new(r))
}

fn hash(title: &str) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    normal_title(title).hash(&mut h);
    h.finish()
}

/// A title as MediaWiki compares them: `_` as space, spaces collapsed, first letter upper.
pub fn normal_title(t: &str) -> String {
    let t = t.split('#').next().unwrap_or(t);
    let mut s = String::with_capacity(t.len());
    for w in t.split(|c: char| c == '_' || c.is_whitespace()) {
        if w.is_empty() {
            continue;
        }
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(w);
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => s,
    }
}

/// Titles of the input's events and redirects, by hash.
#[derive(Debug, Default)]
struct Titles {
    events: HashMap<u64, String>,
    redirects: HashMap<u64, u64>,
}

impl Titles {
    fn resolve(&self, title: &str) -> Option<&String> {
        let mut h = hash(title);
        for _ in 0..3 {
            if let Some(id) = self.events.get(&h) {
                return Some(id);
            }
            h = *self.redirects.get(&h)?;
        }
        None
    }
}

/// Read every event of `input`, passing each (or a problem) to `each`, which returns false to
/// stop; `tick` sees the report every few hundred pages (for progress).
pub fn read(
    input: &Input,
    open: &mut Open,
    hint: CalendarHint,
    report: &mut Report,
    tick: &mut dyn FnMut(&Report),
    each: &mut dyn FnMut(Result<Event, WikiError>) -> bool,
) -> Result<(), WikiError> {
    let io_err = |e: io::Error| WikiError {
        page: None,
        offset: None,
        message: format!("read error: {e}"),
    };
    match input {
        Input::Wikitext(title) => {
            let mut bytes = Vec::new();
            decoded(open().map_err(io_err)?)
                .and_then(|mut r| r.read_to_end(&mut bytes))
                .map_err(|e| WikiError {
                    page: title.clone(),
                    offset: None,
                    message: format!("read error (corrupt compressed data?): {e}"),
                })?;
            let mut text = String::from_utf8(bytes).map_err(|e| WikiError {
                page: title.clone(),
                offset: Some(e.utf8_error().valid_up_to() as u64),
                message: "invalid UTF-8: expected wikitext".into(),
            })?;
            // Parsoid HTML: back to the wikitext it renders, with its title and revision.
            let mut meta = Meta::default();
            let mut title = title.clone();
            if crate::parsoid::is_parsoid(&text) {
                let page = crate::parsoid::read(&text);
                text = page.wikitext;
                title = page.title.or(title);
                meta.revision = page.revision;
                meta.timestamp = page.timestamp;
            }
            let title = match title {
                Some(t) => t,
                None => bold_title(&text).ok_or_else(|| WikiError {
                    page: None,
                    offset: None,
                    message: "no title: name the file after the article (Battle_of_Hastings.wiki) or start the lead with its name in bold".into(),
                })?,
            };
            let meta = Meta {
                title: title.clone(),
                site: "en.wikipedia.org".into(),
                ..meta
            };
            report.pages += 1;
            match page::read(&meta, &text, hint) {
                Verdict::Event(a) => {
                    note_unknown(report, &a.unknown_templates);
                    report.events += 1;
                    report.by_lead += u64::from(!a.by_infobox);
                    report.unresolved_links += a.links.len() as u64;
                    each(Ok(a.event));
                }
                Verdict::Skipped(k) => {
                    *report.skipped.entry(k).or_default() += 1;
                    each(Err(WikiError {
                        page: Some(title),
                        offset: None,
                        message: format!("not an event page ({}): neither an event infobox nor a lead sentence that dates an event", k.name()),
                    }));
                }
                Verdict::Undated(t) => {
                    report.undated += 1;
                    each(Err(WikiError {
                        page: Some(title),
                        offset: None,
                        message: format!("an event page whose date could not be read: {t:?}"),
                    }));
                }
            }
            tick(report);
            Ok(())
        }
        Input::Xml => {
            // First pass: which titles are events (their ids) and redirects. A problem stops
            // it quietly: the second pass reports it where it is.
            let mut titles = Titles::default();
            {
                let mut pages = Pages::new(decoded(open().map_err(io_err)?).map_err(io_err)?);
                while let Some(Ok(p)) = pages.next_page() {
                    if let Some(target) = p
                        .meta
                        .redirect
                        .clone()
                        .filter(|t| !t.is_empty())
                        .or_else(|| page::redirect_target(&p.text))
                    {
                        if p.meta.ns == 0 {
                            titles.redirects.insert(hash(&p.meta.title), hash(&target));
                        }
                        continue;
                    }
                    if let Verdict::Event(a) = page::read(&p.meta, &p.text, hint) {
                        titles
                            .events
                            .insert(hash(&p.meta.title), a.event.id.clone());
                    }
                }
            }
            let mut pages = Pages::new(decoded(open().map_err(io_err)?).map_err(io_err)?);
            while let Some(p) = pages.next_page() {
                let p = match p {
                    Ok(p) => p,
                    Err(e) => {
                        each(Err(e));
                        break;
                    }
                };
                report.pages += 1;
                if report.pages.is_multiple_of(500) {
                    tick(report);
                }
                match page::read(&p.meta, &p.text, hint) {
                    Verdict::Event(a) => {
                        let mut a = *a;
                        note_unknown(report, &a.unknown_templates);
                        report.events += 1;
                        report.by_lead += u64::from(!a.by_infobox);
                        resolve(&mut a.event, &a.links, &titles, report);
                        if !each(Ok(a.event)) {
                            break;
                        }
                    }
                    Verdict::Skipped(k) => *report.skipped.entry(k).or_default() += 1,
                    Verdict::Undated(t) => {
                        report.undated += 1;
                        if report.undated_examples.len() < EXAMPLES {
                            report.undated_examples.push((p.meta.title.clone(), t));
                        }
                    }
                }
            }
            tick(report);
            Ok(())
        }
    }
}

fn note_unknown(report: &mut Report, unknown: &[String]) {
    if unknown.is_empty() {
        return;
    }
    report.pages_with_unknown_templates += 1;
    for u in unknown {
        let name = crate::templates::norm(u);
        if report.unknown_templates.len() < 10_000 || report.unknown_templates.contains_key(&name) {
            *report.unknown_templates.entry(name).or_default() += 1;
        }
    }
}

/// Links to relations: titles that are events of the input, by kind; at most 12 related
/// ones from the lead.
fn resolve(
    event: &mut Event,
    links: &[(String, &'static str)],
    titles: &Titles,
    report: &mut Report,
) {
    let mut related = 0;
    for (title, kind) in links {
        match titles.resolve(title) {
            Some(id) if *id != event.id => {
                if *kind == "related" {
                    related += 1;
                    if related > 12 {
                        continue;
                    }
                }
                if !event.related.iter().any(|r| r.id == *id) {
                    event.related.push(Relation {
                        id: id.clone(),
                        kind: (*kind).to_string(),
                    });
                    report.relations += 1;
                }
            }
            Some(_) => {}
            None => report.unresolved_links += 1,
        }
    }
}

/// The lead's first bold words (`'''Battle of Hastings'''`), as a title.
pub fn bold_title(text: &str) -> Option<String> {
    let a = text.find("'''")? + 3;
    let b = text[a..].find("'''")? + a;
    let mut s = String::new();
    let d = crate::scan::Doc::parse(&text[a..b]);
    let mut seen = crate::text::Seen::default();
    crate::text::render(&d, 0, 0, text[a..b].len(), &mut seen, &mut s);
    let t = crate::text::tidy(&s);
    (!t.is_empty() && t.len() < 200).then_some(t)
}
