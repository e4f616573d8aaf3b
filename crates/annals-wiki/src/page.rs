//! One article to one event: deciding whether the page is an event, and reading its date,
//! places, participants, summary, narrative, key points, source and relations.

use crate::infobox::{self, Family};
use crate::scan::{Doc, Kind, Piece, Tag};
use crate::templates::norm;
use crate::text::{self, Seen};
use crate::wikidate;
use annals_core::{Event, KeyPoint, Participant, Place, Source};
use annals_dates::{CalendarHint, When};

/// What is known of a page besides its text.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    /// The page title as written ("Battle of Hastings").
    pub title: String,
    /// The namespace number (0 for articles).
    pub ns: i64,
    /// The page id.
    pub page_id: Option<u64>,
    /// The revision id.
    pub revision: Option<u64>,
    /// The revision's timestamp (`2016-04-20T01:32:15Z`).
    pub timestamp: Option<String>,
    /// The site, for source URLs (`en.wikipedia.org`).
    pub site: String,
    /// The title this page redirects to, when the export says so.
    pub redirect: Option<String>,
}

/// Why a page is not an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Skip {
    /// Not in the article namespace.
    Namespace,
    /// A redirect.
    Redirect,
    /// A list, timeline or index.
    List,
    /// A disambiguation page.
    Disambiguation,
    /// A person.
    Person,
    /// A place.
    Place,
    /// Neither its infobox nor its lead sentence makes it an event.
    NotEvent,
    /// Nested deeper than the reader follows.
    TooDeep,
}

impl Skip {
    /// Every reason, in report order.
    pub const ALL: [Skip; 8] = [
        Skip::Namespace,
        Skip::Redirect,
        Skip::List,
        Skip::Disambiguation,
        Skip::Person,
        Skip::Place,
        Skip::NotEvent,
        Skip::TooDeep,
    ];

    /// As the report names it.
    pub fn name(self) -> &'static str {
        match self {
            Skip::Namespace => "not articles",
            Skip::Redirect => "redirects",
            Skip::List => "lists",
            Skip::Disambiguation => "disambiguation pages",
            Skip::Person => "people",
            Skip::Place => "places",
            Skip::NotEvent => "other non-events",
            Skip::TooDeep => "nested too deep to read",
        }
    }
}

/// An event read from a page, with what refers to other pages still as titles.
#[derive(Debug, Clone)]
pub struct Article {
    /// The event (its `related` is empty until titles are resolved).
    pub event: Event,
    /// Relations as page titles with their kind (`part_of`, `follows`, `precedes`, `related`).
    pub links: Vec<(String, &'static str)>,
    /// Templates met in the text kept that the reader does not know (dropped).
    pub unknown_templates: Vec<String>,
    /// Whether the infobox made it an event (otherwise its lead sentence did).
    pub by_infobox: bool,
}

/// What a page is.
#[derive(Debug, Clone)]
pub enum Verdict {
    /// An event.
    Event(Box<Article>),
    /// Not an event.
    Skipped(Skip),
    /// An event by its infobox whose date could not be read: the text that was not read.
    Undated(String),
}

/// Section titles that carry no narrative.
const BACK_MATTER: &[&str] = &[
    "see also",
    "references",
    "notes",
    "external links",
    "further reading",
    "bibliography",
    "sources",
    "citations",
    "gallery",
    "footnotes",
    "works cited",
    "notes and references",
    "references and notes",
    "primary sources",
    "secondary sources",
    "in popular culture",
    "legacy",
    "reference literature",
    "historiography",
    "in film",
    "in fiction",
    "popular culture",
    "media",
    "memorials",
    "commemoration",
];

/// Section titles whose opening paragraph joins the narrative.
const NARRATIVE: &[&str] = &[
    "background",
    "prelude",
    "origins",
    "causes",
    "course",
    "the battle",
    "battle",
    "events",
    "mission",
    "signing",
    "aftermath",
    "consequences",
    "outcome",
    "result",
    "impact",
];

/// Read a page.
pub fn read(meta: &Meta, wikitext: &str, hint: CalendarHint) -> Verdict {
    if meta.ns != 0 {
        return Verdict::Skipped(Skip::Namespace);
    }
    if meta.redirect.is_some() || redirect_target(wikitext).is_some() {
        return Verdict::Skipped(Skip::Redirect);
    }
    let title = meta.title.trim();
    let lower = title.to_lowercase();
    if [
        "list of ",
        "lists of ",
        "timeline of ",
        "index of ",
        "outline of ",
        "glossary of ",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
    {
        return Verdict::Skipped(Skip::List);
    }
    if lower.ends_with("(disambiguation)") {
        return Verdict::Skipped(Skip::Disambiguation);
    }
    let doc = Doc::parse(wikitext);
    if doc.too_deep {
        return Verdict::Skipped(Skip::TooDeep);
    }
    // Top-level templates: the infobox, and page markers.
    let mut infobox = None;
    for c in doc.children(Doc::ROOT) {
        if doc.node(c).kind != Kind::Template {
            continue;
        }
        let name = norm(doc.template_name(c));
        if is_disambiguation(&name) {
            return Verdict::Skipped(Skip::Disambiguation);
        }
        if infobox.is_none() {
            if let Some(f) = infobox::family(&name) {
                infobox = Some((c, f));
            }
        }
    }
    let person_categories = lower_categories(wikitext)
        .any(|c| c.ends_with(" births") || c.ends_with(" deaths") || c == "living people");
    match infobox.map(|(_, f)| f) {
        Some(Family::Person) => return Verdict::Skipped(Skip::Person),
        Some(Family::Place) => return Verdict::Skipped(Skip::Place),
        _ if person_categories => return Verdict::Skipped(Skip::Person),
        _ => {}
    }
    let sections = sections(&doc);
    let lead_end = sections.first().map_or(wikitext.len(), |s| s.heading_start);
    let mut seen = Seen::default();
    let lead = paragraphs(&doc, 0, lead_end, &mut seen);
    let lead_links = std::mem::take(&mut seen.links);
    let first_marked = lead.first().map_or("", |p| text::first_sentence(p));
    let summary = text::without_notes(first_marked);

    let mut links: Vec<(String, &'static str)> = Vec::new();
    let mut places = Vec::new();
    let mut participants = Vec::new();
    let mut key_points = Vec::new();
    let by_infobox;
    let date = match infobox {
        Some((ib, Family::Event)) => {
            by_infobox = true;
            let fields = Fields::new(&doc, ib);
            let date = match fields.date(hint, &mut seen) {
                Ok(d) => d,
                Err(t) => return Verdict::Undated(t),
            };
            places = fields.places(&mut seen);
            participants = fields.participants(&mut seen);
            for (field, kind) in infobox::RELATION_FIELDS {
                if let Some(v) = fields.get(field) {
                    let mut s = Seen::default();
                    text::render(&doc, ib, v.0, v.1, &mut s, &mut String::new());
                    for (target, _) in s.links {
                        links.push((target, kind));
                    }
                }
            }
            if let Some(r) = fields.text("result", &mut seen) {
                let r = first_line_or_sentence(&r);
                if !r.is_empty() {
                    key_points.push(KeyPoint {
                        label: "Result".into(),
                        text: r,
                    });
                }
            }
            date
        }
        _ => {
            // No event infobox: the lead sentence must date an event.
            match lead_date(&summary, hint) {
                Some(d) => {
                    by_infobox = false;
                    d
                }
                None => return Verdict::Skipped(Skip::NotEvent),
            }
        }
    };
    for (target, _) in &lead_links {
        if !links.iter().any(|(t, _)| t == target) {
            links.push((target.clone(), "related"));
        }
    }

    // Narrative: the lead, then the opening paragraph of narrative-like sections.
    let mut body: Vec<String> = lead
        .iter()
        .skip(1)
        .take(3)
        .map(|p| text::without_notes(p))
        .collect();
    if let Some(first) = lead.first() {
        let rest = text::without_notes(first[first_marked.len().min(first.len())..].trim());
        if !rest.is_empty() {
            body.insert(0, rest);
        }
    }
    for s in &sections {
        if s.level != 2 {
            continue;
        }
        let t = s.title.to_lowercase();
        if BACK_MATTER.contains(&t.as_str()) {
            continue;
        }
        let ps = paragraphs(&doc, s.body_start, s.body_end, &mut seen);
        let Some(p) = ps.into_iter().next() else {
            continue;
        };
        if NARRATIVE.iter().any(|n| t.contains(n)) && body.len() < 8 {
            body.push(text::without_notes(&p));
        }
        if key_points.len() < 6 {
            let sentence = text::without_notes(text::first_sentence(&p));
            if sentence.len() > 20 {
                key_points.push(KeyPoint {
                    label: label(&s.title),
                    text: sentence,
                });
            }
        }
    }

    let mut unknown = std::mem::take(&mut seen.unknown);
    unknown.sort();
    unknown.dedup();
    let title_text = title.to_string();
    let event = Event {
        id: annals_core::id::event_id(&title_text, &date),
        title: title_text,
        date,
        summary,
        body,
        key_points,
        places,
        participants,
        sources: vec![source(meta)],
        related: Vec::new(),
        tags: vec!["wikipedia".into()],
        importance: None,
        media: Vec::new(),
        lang: None,
        translations: Vec::new(),
    };
    Verdict::Event(Box::new(Article {
        event,
        links,
        unknown_templates: unknown,
        by_infobox,
    }))
}

/// The source of a page: the article (at its revision when known), with attribution and
/// licence in its name.
fn source(meta: &Meta) -> Source {
    let site = if meta.site.is_empty() {
        "en.wikipedia.org"
    } else {
        meta.site.as_str()
    };
    let path = url_title(&meta.title);
    let url = match meta.revision {
        Some(rev) => format!("https://{site}/w/index.php?title={path}&oldid={rev}"),
        None => format!("https://{site}/wiki/{path}"),
    };
    let mut name = format!("{site}: “{}”", meta.title.trim());
    match (meta.revision, &meta.timestamp) {
        (Some(r), Some(t)) => name.push_str(&format!(", revision {r} of {t}")),
        (Some(r), None) => name.push_str(&format!(", revision {r}")),
        (None, Some(t)) => name.push_str(&format!(", as of {t}")),
        (None, None) => {}
    }
    name.push_str(", by Wikipedia contributors");
    Source {
        name,
        url: Some(url),
        // The revision's date: when the text was as read.
        accessed: meta
            .timestamp
            .as_ref()
            .and_then(|t| t.get(..10))
            .map(str::to_string),
        licence: Some("CC BY-SA 4.0".to_string()),
        quote: None,
    }
}

/// A title as a URL path segment: spaces as `_`, and the characters URLs reserve escaped.
pub fn url_title(title: &str) -> String {
    let mut out = String::new();
    for b in title.trim().bytes() {
        match b {
            b' ' => out.push('_'),
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'_'
            | b'-'
            | b'.'
            | b'('
            | b')'
            | b','
            | b':'
            | b'\''
            | b'!'
            | b'*'
            | b'/' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// `#REDIRECT [[Target]]`: the target.
pub fn redirect_target(wikitext: &str) -> Option<String> {
    let t = wikitext.trim_start();
    let head = t.get(..9)?;
    if !head.eq_ignore_ascii_case("#redirect") {
        return None;
    }
    let rest = &t[9..];
    let a = rest.find("[[")?;
    let b = rest[a..].find("]]")? + a;
    let target = rest[a + 2..b].split('|').next()?.split('#').next()?.trim();
    (!target.is_empty()).then(|| target.to_string())
}

fn is_disambiguation(name: &str) -> bool {
    matches!(
        name,
        "disambiguation"
            | "disambig"
            | "dab"
            | "disamb"
            | "hndis"
            | "geodis"
            | "set index article"
            | "sia"
            | "surname"
            | "given name"
            | "shipindex"
            | "mountainindex"
            | "roadindex"
    ) || name.ends_with(" disambiguation")
}

/// `[[Category:...]]` names, lowercase.
fn lower_categories(wikitext: &str) -> impl Iterator<Item = String> + '_ {
    wikitext
        .match_indices("[[Category:")
        .filter_map(move |(i, _)| {
            let rest = &wikitext[i + 11..];
            let end = rest.find(['|', ']'])?;
            Some(rest[..end].trim().to_lowercase())
        })
}

/// A section: its heading and the span of its body.
#[derive(Debug)]
struct Section {
    level: usize,
    title: String,
    heading_start: usize,
    body_start: usize,
    body_end: usize,
}

/// The headings of the page at the top level (not inside templates, tags or comments).
fn sections(doc: &Doc) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    let text = doc.text;
    let root = doc.node(Doc::ROOT);
    for piece in doc.pieces(Doc::ROOT, root.inner_start, root.inner_end) {
        let Piece::Text(a, b) = piece else { continue };
        let mut at = a;
        while at < b {
            let line_end = text[at..b].find('\n').map_or(b, |k| at + k);
            let at_line_start = at == 0 || text.as_bytes()[at - 1] == b'\n';
            if at_line_start {
                if let Some((level, title)) = heading(&text[at..line_end]) {
                    if let Some(prev) = out.last_mut() {
                        prev.body_end = at;
                    }
                    out.push(Section {
                        level,
                        title,
                        heading_start: at,
                        body_start: line_end,
                        body_end: text.len(),
                    });
                }
            }
            at = line_end + 1;
        }
    }
    out
}

/// `== Title ==`: its level and title.
fn heading(line: &str) -> Option<(usize, String)> {
    let l = line.trim_end();
    let open = l.bytes().take_while(|&c| c == b'=').count();
    let close = l.bytes().rev().take_while(|&c| c == b'=').count();
    if open < 2 || close < 2 || l.len() < open + close + 1 {
        return None;
    }
    let level = open.min(close).min(6);
    let title = l[level..l.len() - level].trim().trim_matches('=').trim();
    if title.is_empty() {
        return None;
    }
    let mut s = String::new();
    text::inline(title, &mut s);
    Some((level, text::tidy(&s)))
}

/// The prose paragraphs between two offsets of the root: rendered, tidied, without lists,
/// indented notes or lines that render empty. Where a footnote stood there is a
/// [`text::NOTE`] mark (for [`text::first_sentence`]), which [`text::without_notes`] removes.
fn paragraphs(doc: &Doc, from: usize, to: usize, seen: &mut Seen) -> Vec<String> {
    let mut raw = String::new();
    for piece in doc.pieces(Doc::ROOT, from, to) {
        match piece {
            Piece::Text(a, b) => text::inline(&doc.text[a..b], &mut raw),
            Piece::Node(n) => {
                let footnote = match doc.node(n).kind {
                    Kind::Tag(Tag::Ref) => true,
                    Kind::Template => crate::templates::footnote(&norm(doc.template_name(n))),
                    _ => false,
                };
                if footnote {
                    raw.push(text::NOTE);
                } else {
                    text::node(doc, n, seen, &mut raw);
                }
            }
        }
    }
    let mut out = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, out: &mut Vec<String>| {
        let p = text::tidy(current);
        current.clear();
        // A paragraph is prose: letters and a sentence's end.
        if p.len() > 40 && p.chars().any(char::is_alphabetic) {
            out.push(p);
        }
    };
    for line in raw.split('\n') {
        let t = line.trim();
        if t.is_empty() {
            flush(&mut current, &mut out);
            continue;
        }
        if t.starts_with(['*', '#', ':', ';', '|', '!', '{', '=']) || t.starts_with("----") {
            flush(&mut current, &mut out);
            continue;
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(t);
    }
    flush(&mut current, &mut out);
    out
}

/// A section title as a key point label: as written, without a trailing colon.
fn label(title: &str) -> String {
    title.trim().trim_end_matches(':').trim().to_string()
}

fn first_line_or_sentence(s: &str) -> String {
    let line = s
        .split('\n')
        .map(|l| l.trim().trim_start_matches(['*', '#', ':']).trim())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    text::tidy(text::first_sentence(&line))
}

/// An infobox's fields: name and value span.
struct Fields<'d, 'a> {
    doc: &'d Doc<'a>,
    node: usize,
    params: Vec<crate::scan::Param<'a>>,
}

impl<'d, 'a> Fields<'d, 'a> {
    fn new(doc: &'d Doc<'a>, node: usize) -> Self {
        Fields {
            doc,
            node,
            params: doc.params(node),
        }
    }

    /// A field's value span, when given and not blank.
    fn get(&self, name: &str) -> Option<(usize, usize)> {
        self.params
            .iter()
            .find(|p| {
                p.name.eq_ignore_ascii_case(name)
                    && !self.doc.text[p.start..p.end].trim().is_empty()
            })
            .map(|p| (p.start, p.end))
    }

    /// A field rendered as text (line breaks kept), when not blank.
    fn text(&self, name: &str, seen: &mut Seen) -> Option<String> {
        let (a, b) = self.get(name)?;
        let s = text::span(self.doc, self.node, a, b, seen);
        (!s.trim().is_empty()).then_some(s)
    }

    fn date(&self, hint: CalendarHint, seen: &mut Seen) -> Result<When, String> {
        for (start, end) in infobox::RANGE_FIELDS {
            let Some(a) = self.text(start, seen) else {
                continue;
            };
            let a = wikidate::read(&a, hint)?;
            return match self.text(end, seen) {
                Some(b) => {
                    let b = wikidate::read(&b, hint)?;
                    join(&a, &b).ok_or_else(|| format!("{} – {}", text_of(&a), text_of(&b)))
                }
                None => Ok(a),
            };
        }
        for f in infobox::DATE_FIELDS {
            if let Some(t) = self.text(f, seen) {
                return wikidate::read(&t, hint);
            }
        }
        Err("no date field".into())
    }

    fn places(&self, seen: &mut Seen) -> Vec<Place> {
        let mut out: Vec<Place> = Vec::new();
        for f in infobox::PLACE_FIELDS {
            let Some((a, b)) = self.get(f) else { continue };
            let coord = coordinates(self.doc, self.node, a, b);
            let mut field_seen = Seen::default();
            let rendered = text::span(self.doc, self.node, a, b, &mut field_seen);
            let labels: Vec<String> = field_seen.links.iter().map(|(_, l)| l.clone()).collect();
            seen.links.append(&mut field_seen.links);
            seen.unknown.append(&mut field_seen.unknown);
            for line in rendered.split(['\n', ';']) {
                let line = text::tidy(line.trim().trim_start_matches(['*', '#']).trim());
                let line = line.trim_end_matches([',', '.', ':']).trim();
                let parts: Vec<&str> = line
                    .split(',')
                    .map(|p| without_preposition(p.trim()))
                    .collect();
                // "Hastings, England" is a place and its country; a longer list is places.
                let candidates: Vec<(String, String)> = match parts.as_slice() {
                    [one] => split_and(one, &labels)
                        .into_iter()
                        .map(|p| (p, String::new()))
                        .collect(),
                    [p, c] => {
                        let ps = split_and(p, &labels);
                        let country = if ps.len() > 1 { "" } else { c };
                        ps.into_iter().map(|p| (p, country.to_string())).collect()
                    }
                    many => many
                        .iter()
                        .flat_map(|p| split_and(p, &labels))
                        .map(|p| (p, String::new()))
                        .collect(),
                };
                for (name, country) in candidates {
                    let name = name
                        .strip_prefix("the ")
                        .unwrap_or(&name)
                        .trim()
                        .to_string();
                    let proper = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
                    if !proper(&name) || name.len() > 80 || out.len() >= 5 {
                        continue;
                    }
                    let country = if proper(&country) {
                        country
                    } else {
                        String::new()
                    };
                    out.push(Place {
                        name,
                        country,
                        lat: None,
                        lon: None,
                        geonames: None,
                    });
                }
            }
            if let (Some((lat, lon)), Some(first)) = (coord, out.first_mut()) {
                first.lat = Some(lat);
                first.lon = Some(lon);
            }
            // A field that is only coordinates (`epicenter = {{coord|...}}`): a place there,
            // named after the area the infobox gives.
            if let (Some((lat, lon)), true) = (coord, out.is_empty()) {
                out.push(Place {
                    name: self.area_name(seen).unwrap_or_else(|| "Epicentre".into()),
                    country: String::new(),
                    lat: Some(lat),
                    lon: Some(lon),
                    geonames: None,
                });
            }
            if !out.is_empty() {
                break;
            }
        }
        // `coordinates = {{coord|...}}` beside the place: the first place's coordinates.
        if let Some(first) = out.first_mut().filter(|p| p.lat.is_none()) {
            let coord = infobox::COORD_FIELDS.iter().find_map(|f| {
                let (a, b) = self.get(f)?;
                coordinates(self.doc, self.node, a, b)
            });
            if let Some((lat, lon)) = coord {
                first.lat = Some(lat);
                first.lon = Some(lon);
            }
        }
        out
    }

    /// The first name of the area fields (`areas affected`, `location`), for a place given
    /// only by its coordinates.
    fn area_name(&self, seen: &mut Seen) -> Option<String> {
        infobox::AREA_FIELDS.iter().find_map(|f| {
            let t = self.text(f, seen)?;
            let first = t.split(['\n', ',', ';']).next()?;
            let first = text::tidy(first.trim().trim_start_matches(['*', '#']).trim());
            let first = first.trim_end_matches(['.', ':']).trim();
            first
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
                .then(|| first.to_string())
        })
    }

    fn participants(&self, seen: &mut Seen) -> Vec<Participant> {
        let mut out: Vec<Participant> = Vec::new();
        for (field, role) in infobox::PARTICIPANT_FIELDS {
            let sided = role.contains("{n}");
            let names: Vec<(String, String)> = if sided {
                (1..=9)
                    .flat_map(|n| {
                        [format!("{field}{n}"), format!("{field}{n}a")]
                            .into_iter()
                            .map(move |f| (f, role.replace("{n}", &n.to_string())))
                    })
                    .collect()
            } else {
                vec![(field.to_string(), role.to_string())]
            };
            for (f, role) in names {
                let mut field_seen = Seen::default();
                let Some(v) = self.text(&f, &mut field_seen) else {
                    continue;
                };
                let labels: Vec<String> = field_seen.links.iter().map(|(_, l)| l.clone()).collect();
                seen.unknown.append(&mut field_seen.unknown);
                for name in names_in(&v, &labels) {
                    if out.len() >= 40 {
                        break;
                    }
                    if !out
                        .iter()
                        .any(|p| p.name == name && p.role.as_deref() == Some(role.as_str()))
                    {
                        out.push(Participant {
                            name,
                            role: Some(role.clone()),
                        });
                    }
                }
            }
        }
        // The operator of a crewed flight is the agency behind it, not a party to it; it
        // counts when no one else is named (an airliner's airline, a railway).
        if out.iter().any(|p| p.role.as_deref() == Some("crew")) {
            out.retain(|p| !p.role.as_deref().is_some_and(|r| r.starts_with("operator")));
        }
        out
    }
}

/// A place written with the preposition that situates the event: "Near Midway Atoll", "off
/// Actium", "outside Paris" name Midway Atoll, Actium and Paris; "between Tours and Poitiers"
/// names the two places it lies between.
fn without_preposition(name: &str) -> &str {
    const PREPOSITIONS: &[&str] = &[
        "near", "off", "outside", "around", "close to", "between", "at", "in",
    ];
    for p in PREPOSITIONS {
        let Some(head) = name.get(..p.len()) else {
            continue;
        };
        // "At" and "In" begin names too ("In Salah"): only written small are they prepositions.
        let short = p.len() == 2;
        if !(head == *p || (!short && head.eq_ignore_ascii_case(p))) {
            continue;
        }
        if let Some(rest) = name[p.len()..].strip_prefix(' ') {
            let rest = rest.trim_start();
            let rest_proper = rest.strip_prefix("the ").unwrap_or(rest);
            if rest_proper.chars().next().is_some_and(char::is_uppercase) {
                return rest;
            }
        }
    }
    name
}

/// Whether a name begins with an ordinal and a capital: a unit ("15th Hussars", "6th Army").
fn ordinal_name(s: &str) -> bool {
    let Some((first, rest)) = s.split_once(' ') else {
        return false;
    };
    let digits = first.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &first[digits.len()..];
    !digits.is_empty()
        && digits.bytes().all(|c| c.is_ascii_digit())
        && matches!(suffix, "st" | "nd" | "rd" | "th")
        && rest.chars().next().is_some_and(char::is_uppercase)
}

/// "Münster and Osnabrück", two linked names joined by "and", as two places; a name that is
/// itself one link ("Bosnia and Herzegovina") stays whole. A link followed at once by another
/// ("[[Kennedy Space Center]] [[...|LC-39A]]") is the place and a part of it: the first.
fn split_and(name: &str, labels: &[String]) -> Vec<String> {
    let linked = |s: &str| labels.iter().any(|l| l == s.trim());
    if !linked(name) {
        if let Some((a, b)) = name.split_once(" and ") {
            if linked(a) && linked(b) {
                return vec![a.trim().to_string(), b.trim().to_string()];
            }
        }
        let first = labels.iter().find(|l| {
            name.strip_prefix(l.as_str())
                .and_then(|rest| rest.strip_prefix(' '))
                .is_some_and(linked)
        });
        if let Some(first) = first {
            return vec![first.clone()];
        }
    }
    vec![name.to_string()]
}

/// Whether a linked name is an office ("Archbishop of Canterbury", "King of France"): after a
/// person's name and a comma it is the person's title, not another participant.
fn is_office(name: &str) -> bool {
    const OFFICES: &[&str] = &[
        "archbishop",
        "bishop",
        "king",
        "queen",
        "emperor",
        "empress",
        "president",
        "vice president",
        "prime minister",
        "chancellor",
        "general",
        "admiral",
        "governor",
        "duke",
        "duchess",
        "earl",
        "count",
        "prince",
        "princess",
        "pope",
        "mayor",
        "secretary",
        "minister",
        "lord",
        "chief",
        "marshal",
        "field marshal",
        "sultan",
        "tsar",
        "shah",
        "patriarch",
        "cardinal",
        "speaker",
        "leader",
        "commander",
    ];
    let lower = name.to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    OFFICES.iter().any(|o| {
        lower
            .strip_prefix(o)
            .is_some_and(|rest| rest.starts_with(" of ") || rest.starts_with(" to "))
    })
}

/// Whether a name ends in an abbreviation whose dot belongs to it ("Jr.", "James A.").
fn ends_abbreviated(name: &str) -> bool {
    let last = name.rsplit([' ', ',']).next().unwrap_or("");
    let Some(word) = last.strip_suffix('.') else {
        return false;
    };
    matches!(word, "Jr" | "Sr" | "St" | "Co" | "Inc" | "Ltd" | "Bros")
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

/// The names in a rendered participant field: one per line or list item, without notes in
/// brackets, headings ("Supported by:") or rules.
fn names_in(v: &str, labels: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for line in v.split('\n') {
        let mut l = line
            .trim()
            .trim_start_matches(['*', '#', ':'])
            .trim()
            .to_string();
        // Notes in brackets: "(until 1778)".
        while let Some(a) = l.find('(') {
            let b = l[a..].find(')').map_or(l.len(), |b| a + b + 1);
            l.replace_range(a..b, "");
        }
        let mut l = text::tidy(&l);
        // A linked name with a comma ("Osric, Earl of Harl") is one name.
        for label in labels.iter().filter(|x| x.contains(", ")) {
            if l.contains(label.as_str()) {
                l = l.replace(label.as_str(), &label.replace(", ", "\u{1}"));
            }
        }
        let l = l.trim().trim_end_matches([',', ';']).trim();
        let l = if ends_abbreviated(l) {
            l
        } else {
            l.trim_end_matches(['.', ',', ';']).trim()
        };
        // "Supported by:" is a heading; "[[Holy League]]:" above its members is a name.
        let l = match l.strip_suffix(':') {
            Some(h) if labels.iter().any(|x| x == h.trim()) => h.trim(),
            _ => l,
        };
        if l.is_empty() || l.ends_with(':') || l.starts_with("---") || l.starts_with("...") {
            continue;
        }
        if l.len() > 80 || !(l.chars().next().is_some_and(|c| c.is_alphabetic()) || ordinal_name(l))
        {
            continue;
        }
        // "A, B and C" are three; "Edwin Aldrin, Jr." is one.
        let mut parts: Vec<String> = Vec::new();
        for part in l.split(", ") {
            let p = part.trim().trim_end_matches('.');
            let suffix = matches!(p, "Jr" | "Sr" | "II" | "III" | "IV" | "V");
            // "[[Geoffrey Fisher]], [[Archbishop of Canterbury]]": the office is his title.
            if !parts.is_empty() && labels.iter().any(|x| x == p) && is_office(p) {
                continue;
            }
            match parts.last_mut() {
                Some(last) if suffix => {
                    last.push_str(", ");
                    last.push_str(part.trim());
                }
                _ if p.chars().next().is_some_and(char::is_uppercase) || ordinal_name(p) => {
                    parts.push(part.trim().replace('\u{1}', ", "))
                }
                _ => {}
            }
        }
        out.extend(parts);
    }
    out
}

/// `{{coord|...}}` in a span: latitude and longitude in degrees.
fn coordinates(doc: &Doc, node: usize, a: usize, b: usize) -> Option<(f64, f64)> {
    for p in doc.pieces(node, a, b) {
        let Piece::Node(n) = p else { continue };
        if doc.node(n).kind != Kind::Template || norm(doc.template_name(n)) != "coord" {
            continue;
        }
        let pos: Vec<String> = doc
            .params(n)
            .iter()
            .filter(|p| p.name.bytes().all(|c| c.is_ascii_digit()))
            .map(|p| doc.text[p.start..p.end].trim().to_string())
            .collect();
        if let Some(c) = parse_coord(&pos) {
            return Some(c);
        }
    }
    None
}

/// The positional parameters of `{{coord}}`: `lat|lon`, `d|m|s|N|d|m|s|E` and the forms between.
pub fn parse_coord(p: &[String]) -> Option<(f64, f64)> {
    let num = |s: &String| s.parse::<f64>().ok();
    let in_range = |lat: f64, lon: f64| {
        ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)).then_some((lat, lon))
    };
    let Some(hemi) = p
        .iter()
        .take(4)
        .position(|s| matches!(s.as_str(), "N" | "S" | "n" | "s"))
    else {
        // Decimal degrees, signed: `{{coord|50.91|-0.49}}`.
        return in_range(num(p.first()?)?, num(p.get(1)?)?);
    };
    let dms = |parts: &[String]| -> Option<f64> {
        let mut v = 0.0;
        for (k, s) in parts.iter().enumerate() {
            v += num(s)? / [1.0, 60.0, 3600.0][k.min(2)];
        }
        Some(v)
    };
    if hemi == 0 {
        return None;
    }
    let lat = dms(&p[..hemi])?
        * if p[hemi].eq_ignore_ascii_case("s") {
            -1.0
        } else {
            1.0
        };
    let rest = &p[hemi + 1..];
    let e = rest
        .iter()
        .take(4)
        .position(|s| matches!(s.as_str(), "E" | "W" | "e" | "w"))?;
    if e == 0 {
        return None;
    }
    let lon = dms(&rest[..e])?
        * if rest[e].eq_ignore_ascii_case("w") {
            -1.0
        } else {
            1.0
        };
    in_range(lat, lon)
}

fn text_of(w: &When) -> String {
    w.text.clone().unwrap_or_else(|| w.edtf.clone())
}

/// Two dates as one range, from the start of the first to the end of the second.
fn join(a: &When, b: &When) -> Option<When> {
    // A range that starts and ends on the same day is that day.
    if a.edtf == b.edtf {
        return Some(a.clone());
    }
    let text = format!("{} – {}", text_of(a), text_of(b));
    When::from_text(&text, CalendarHint::Given(a.calendar))
        .ok()
        .or_else(|| {
            let edtf = format!("{}/{}", a.edtf, b.edtf);
            When::from_edtf(&edtf).ok()
        })
}

/// The date of the lead sentence, when it dates an event: a sentence that says the subject
/// was an event ("was a battle", "took place", "was signed") and a date the tagger finds.
fn lead_date(sentence: &str, hint: CalendarHint) -> Option<When> {
    let lower = sentence.to_lowercase();
    const MARKS: &[&str] = &[
        " took place",
        " occurred",
        " was fought",
        " were fought",
        " was signed",
        " broke out",
        " happened",
        " was a battle",
        " was a siege",
        " was a war",
        " was a treaty",
        " was an earthquake",
        " was a massacre",
        " was a revolt",
        " was a rebellion",
        " was an uprising",
        " was a coup",
        " was a conference",
        " was an election",
        " was a general election",
        " was the assassination",
        " was an attack",
        " was a naval battle",
        " was a military",
        " was an armed conflict",
        " was a conflict",
        " was a disaster",
        " was a flood",
        " was a famine",
        " was an eruption",
        " was a riot",
        " was a strike",
        " was a mission",
        " was a spaceflight",
    ];
    let mark = MARKS.iter().filter_map(|m| lower.find(m)).min()?;
    // A person's lead ("(born 1900)", "(1900–1980)") is not an event.
    if lower.contains("(born") || lower.contains(" born ") {
        return None;
    }
    let mut tagger = annals_extract::Tagger::new(annals_extract::Options::default());
    let found = tagger.tag(sentence);
    let first = found
        .iter()
        .filter(|t| t.ty == annals_extract::Ty::Date && t.end > mark)
        .find_map(|t| {
            let s = sentence.get(t.start..t.end)?;
            // A year alone or a full date; not "today", not a duration.
            s.bytes().any(|c| c.is_ascii_digit()).then_some(t)
        })?;
    // "from X to Y", "between X and Y", "X–Y": a range when the next date follows closely.
    let start = first.start;
    let mut end = first.end;
    if let Some(next) = found
        .iter()
        .find(|t| t.start >= first.end && t.ty == annals_extract::Ty::Date)
    {
        let between = sentence.get(first.end..next.start).unwrap_or("").trim();
        if matches!(between, "to" | "–" | "-" | "and" | "until" | "through") {
            end = next.end;
        }
    }
    let text = sentence.get(start..end)?;
    let text = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    wikidate::read(text, hint).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coords() {
        let p = |s: &str| parse_coord(&s.split('|').map(String::from).collect::<Vec<_>>());
        assert_eq!(
            p("13|19|N|169|9|W|type:event"),
            Some((13.0 + 19.0 / 60.0, -(169.0 + 9.0 / 60.0)))
        );
        assert_eq!(p("50.91|N|0.49|E"), Some((50.91, 0.49)));
        assert_eq!(p("50.91|-0.49"), Some((50.91, -0.49)));
        assert_eq!(p("x|N"), None);
    }

    #[test]
    fn participant_names() {
        let labels: Vec<String> = ["Holy League", "Geoffrey Fisher", "Archbishop of Canterbury"]
            .map(String::from)
            .to_vec();
        let n = |s: &str| names_in(s, &labels);
        assert_eq!(n("James A. Lovell Jr."), ["James A. Lovell Jr."]);
        assert_eq!(n("Fred W. Haise Jr.,"), ["Fred W. Haise Jr."]);
        assert_eq!(n("Sons of Liberty."), ["Sons of Liberty"]);
        assert_eq!(
            n("Holy League:\n* Spanish Empire\nSupported by:"),
            ["Holy League", "Spanish Empire"]
        );
        assert_eq!(
            n("Geoffrey Fisher, Archbishop of Canterbury"),
            ["Geoffrey Fisher"]
        );
        // A unit named by its ordinal is a name; a count is not.
        assert_eq!(
            n("Manchester Yeomanry\n15th Hussars\n400 ships"),
            ["Manchester Yeomanry", "15th Hussars"]
        );
        assert_eq!(n("Foo, 6th Army"), ["Foo", "6th Army"]);
        assert!(ordinal_name("101st Airborne Division"));
        assert!(!ordinal_name("15th century"));
        assert!(!ordinal_name("1st"));
        assert!(is_office("Archbishop of Canterbury"));
        assert!(is_office("the Prime Minister of the United Kingdom"));
        assert!(!is_office("Kingdom of France"));
    }

    #[test]
    fn places_split_on_and() {
        let labels: Vec<String> = ["Münster", "Osnabrück", "Bosnia and Herzegovina"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            split_and("Münster and Osnabrück", &labels),
            ["Münster", "Osnabrück"]
        );
        assert_eq!(
            split_and("Bosnia and Herzegovina", &labels),
            ["Bosnia and Herzegovina"]
        );
        assert_eq!(
            split_and("Foo and Osnabrück", &labels),
            ["Foo and Osnabrück"]
        );
        assert_eq!(split_and("Münster Osnabrück", &labels), ["Münster"]);
    }

    #[test]
    fn places_after_a_preposition() {
        assert_eq!(without_preposition("Near Midway Atoll"), "Midway Atoll");
        assert_eq!(without_preposition("off Actium"), "Actium");
        assert_eq!(without_preposition("near the Somme"), "the Somme");
        assert_eq!(
            without_preposition("between Tours and Poitiers"),
            "Tours and Poitiers"
        );
        // Not a preposition, or nothing named after it.
        assert_eq!(without_preposition("Inverness"), "Inverness");
        assert_eq!(without_preposition("in Salah"), "Salah");
        assert_eq!(without_preposition("In Salah"), "In Salah");
        assert_eq!(without_preposition("Offa's Dyke"), "Offa's Dyke");
        assert_eq!(without_preposition("near the coast"), "near the coast");
    }

    #[test]
    fn infobox_places_and_days() {
        let ev = |w: &str| match read(
            &Meta {
                title: "X".into(),
                ..Meta::default()
            },
            w,
            CalendarHint::Auto,
        ) {
            Verdict::Event(a) => a.event,
            v => panic!("{v:?}"),
        };
        let e = ev("{{Infobox military conflict\n| date = 1 May 1900\n| place = [[Foo]], [[Bar]]\n| coordinates = {{coord|50.5|N|4.25|E}}\n}}\nText.");
        assert_eq!(e.places[0].name, "Foo");
        assert_eq!((e.places[0].lat, e.places[0].lon), (Some(50.5), Some(4.25)));
        let e = ev("{{Infobox earthquake\n| date = 1 May 1900\n| epicenter = {{coord|36|N|11|W}}\n| areas affected = [[Portugal]], [[Spain]]\n}}\nText.");
        assert_eq!(e.places[0].name, "Portugal");
        assert_eq!(
            (e.places[0].lat, e.places[0].lon),
            (Some(36.0), Some(-11.0))
        );
        let e = ev("{{Infobox earthquake\n| date = 1 May 1900\n| epicenter = {{coord|36|N|11|W}}\n}}\nText.");
        assert_eq!(e.places[0].name, "Epicentre");
        let e = ev("{{Infobox spaceflight\n| launch_date = 12 April 1961\n| landing_date = 12 April 1961\n| launch_site = [[Baikonur Cosmodrome]]\n| landing_site = Near [[Engels]]\n}}\nText.");
        assert_eq!(e.date.edtf, "1961-04-12");
        assert_eq!(e.places[0].name, "Baikonur Cosmodrome");
        // A place after "near", and the two places an event lay between.
        let e = ev("{{Infobox military conflict\n| date = 1 May 1900\n| place = Near [[Foo]], between [[Bar]] and [[Baz]], [[Qux]]\n}}\nText.");
        let names: Vec<&str> = e.places.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Foo", "Bar", "Baz", "Qux"]);
    }

    #[test]
    fn operators_and_crews() {
        let names = |w: &str| match read(
            &Meta {
                title: "X".into(),
                ..Meta::default()
            },
            w,
            CalendarHint::Auto,
        ) {
            Verdict::Event(a) => a
                .event
                .participants
                .into_iter()
                .map(|p| p.name)
                .collect::<Vec<_>>(),
            v => panic!("{v:?}"),
        };
        // A crewed flight: the crew, not the agency that operated it.
        assert_eq!(
            names("{{Infobox spaceflight\n| operator = [[NASA]]\n| crew_members = [[Foo Bar]]\n| launch_date = 1 May 1970\n}}\nText."),
            ["Foo Bar"]
        );
        // An airliner: its airline.
        assert_eq!(
            names("{{Infobox aircraft occurrence\n| date = 1 May 1970\n| operator = [[Foo Air]]\n}}\nText."),
            ["Foo Air"]
        );
    }

    #[test]
    fn redirects_and_urls() {
        assert_eq!(
            redirect_target("#REDIRECT [[Battle of X#Y|z]]").as_deref(),
            Some("Battle of X")
        );
        assert_eq!(redirect_target("#redirect[[A]]").as_deref(), Some("A"));
        assert_eq!(redirect_target("The redirect"), None);
        assert_eq!(
            url_title("Battle of Hastings & co"),
            "Battle_of_Hastings_%26_co"
        );
    }

    #[test]
    fn lead_dates() {
        let d = |s: &str| lead_date(s, CalendarHint::Auto).map(|w| w.edtf);
        assert_eq!(
            d("The Battle of Foo was a battle fought on 3 May 1703 near Bar.").as_deref(),
            Some("1703-05-03")
        );
        assert_eq!(d("Foo is a town in Bar founded in 1703."), None);
        assert_eq!(d("John Foo (born 1950) was a war hero in 1970."), None);
    }
}
