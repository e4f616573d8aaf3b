//! TimelineJS (`docs/formats/timelinejs.md`): its JSON ([`json`]) and its spreadsheet CSV
//! ([`sheet`]). Both hold the same slides; this module turns events into slides and back.
//!
//! TimelineJS years count as it shows them: `-44` is shown as "44 BCE", so astronomical year
//! `-43` (44 BC) is written `-44`. Its dates are proleptic Gregorian; a Julian date keeps its
//! written form in `display_date`. The `cosmological` scale holds years only.

pub mod json;
pub mod sheet;
pub mod story;

use crate::html::{self, Block};
use crate::parts::{self, Parts};
use crate::{Dropped, ReadOptions};
use annals_core::{Event, KeyPoint, MediaKind, Medium, RawDate, RawEvent};
use annals_dates::{CalendarHint, When};

/// The tag that marks an event as a TimelineJS era (a labelled span behind the slides).
pub const ERA_TAG: &str = "era";

/// Years before this cannot be held by a JavaScript `Date`: such timelines need the
/// `cosmological` scale.
pub const HUMAN_MIN_YEAR: i64 = -271_820;

/// One slide (or era) of a timeline.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Slide {
    /// `unique_id`.
    pub id: Option<String>,
    /// Start, in TimelineJS year numbering.
    pub start: Parts,
    /// End, in TimelineJS year numbering.
    pub end: Option<Parts>,
    /// `display_date`.
    pub display: Option<String>,
    /// `text.headline`.
    pub headline: String,
    /// `text.text`, HTML.
    pub html: String,
    /// `group`.
    pub group: Option<String>,
    /// An era rather than a slide.
    pub era: bool,
    /// `media`: its one picture, recording or film.
    pub media: Option<SlideMedia>,
}

/// A slide's `media`: TimelineJS shows it with its caption and credit.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SlideMedia {
    /// `url`.
    pub url: String,
    /// `caption`.
    pub caption: String,
    /// `credit` (annals writes the licence after it: "Jane Doe · CC BY-SA 4.0").
    pub credit: String,
    /// `alt`.
    pub alt: String,
}

impl SlideMedia {
    /// The slide's media as annals keeps it, or `None` when its address is not an image, a
    /// recording or a film (TimelineJS also shows pages, maps and posts: those are not kept).
    /// A licence after the credit's last " · " is read back; an image without `alt` is
    /// described by its caption, else by the slide's headline.
    pub fn medium(&self, headline: &str) -> Option<Medium> {
        let url = self.url.trim();
        let kind = annals_core::media::kind_of_address(url)?;
        let (credit, licence) = match self.credit.rsplit_once(" · ") {
            Some((c, l)) => match annals_core::media::licence_from_name(l) {
                Some(l) => (c.trim().to_string(), l),
                None => (self.credit.trim().to_string(), String::new()),
            },
            None => (self.credit.trim().to_string(), String::new()),
        };
        let alt = [&self.alt, &self.caption, &headline.to_string()]
            .into_iter()
            .map(|t| {
                html::blocks(t)
                    .into_iter()
                    .map(|b| match b {
                        Block::Para(p) | Block::Item { text: p, .. } => p,
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .find(|t| !t.trim().is_empty())
            .unwrap_or_default();
        let m = Medium {
            url: url.to_string(),
            kind,
            alt: if kind == MediaKind::Image {
                alt
            } else {
                self.alt.trim().to_string()
            },
            caption: html::decode(self.caption.trim()),
            credit: html::decode(&credit),
            licence,
            source: String::new(),
        };
        m.check().is_ok().then_some(m)
    }

    /// The TimelineJS media of a medium: the licence's name after the credit.
    pub fn of(m: &Medium) -> SlideMedia {
        let licence = annals_core::media::licence_name(&m.licence);
        let credit = match (m.credit.is_empty(), m.licence.is_empty()) {
            (_, true) => m.credit.clone(),
            (true, false) => licence,
            (false, false) => format!("{} · {licence}", m.credit),
        };
        SlideMedia {
            url: m.url.clone(),
            caption: m.caption.clone(),
            credit,
            alt: m.alt.clone(),
        }
    }
}

/// Astronomical year to TimelineJS's.
pub fn tl_year(astronomical: i64) -> i64 {
    if astronomical <= 0 {
        astronomical - 1
    } else {
        astronomical
    }
}

/// TimelineJS's year to astronomical (`0`, which TimelineJS shows as "0", is taken as 1 BC).
pub fn astronomical_year(tl: i64) -> i64 {
    if tl < 0 {
        tl + 1
    } else {
        tl
    }
}

/// Whether a date is older than the human scale can hold: a timeline with any such event needs
/// the cosmological scale.
pub fn needs_cosmological(w: &When) -> bool {
    w.earliest
        .day()
        .or(w.latest.day())
        .is_some_and(|d| d.ymd().year < HUMAN_MIN_YEAR)
}

/// The slide of an event; what TimelineJS cannot hold goes to `dropped`.
pub fn slide_of(e: &Event, cosmological: bool, dropped: &mut Vec<Dropped>) -> Slide {
    let mut drop = |what: String| {
        dropped.push(Dropped {
            id: e.id.clone(),
            what,
        })
    };
    let split = parts::split(&e.date);
    // A written date (or qualifiers) shows as written.
    let display = e.date.text.clone();
    if display.is_none() {
        for l in split.lost {
            drop(l);
        }
    }
    let conv = |p: Parts| {
        let mut p = Parts {
            year: tl_year(p.year),
            ..p
        };
        if cosmological {
            p.month = None;
            p.day = None;
            p.time = None;
        }
        p
    };
    let (start, end) = (conv(split.start), split.end.map(conv));
    if cosmological && split.start.month.is_some() && display.is_none() {
        drop("month and day: the cosmological scale holds years only".into());
    }
    let mut text = String::new();
    if e.summary.is_empty() && !e.body.is_empty() {
        drop("an empty summary: the first paragraph reads back as the summary".into());
    }
    for p in std::iter::once(&e.summary).chain(&e.body) {
        if !p.is_empty() {
            text.push_str(&format!("<p>{}</p>", html::escape(p)));
        }
    }
    if !e.key_points.is_empty() {
        text.push_str("<ul>");
        for k in &e.key_points {
            text.push_str(&format!(
                "<li><strong>{}:</strong> {}</li>",
                html::escape(&k.label),
                html::escape(&k.text)
            ));
        }
        text.push_str("</ul>");
    }
    let era = e.tags.iter().any(|t| t == ERA_TAG) && end.is_some();
    let mut tags = e.tags.iter().filter(|t| !(era && *t == ERA_TAG));
    let group = tags.next().cloned();
    for t in tags {
        drop(format!("tag {t:?}: TimelineJS holds one group"));
    }
    let lost = [
        ("places", e.places.len()),
        ("participants", e.participants.len()),
        ("sources", e.sources.len()),
        ("relations", e.related.len()),
    ];
    for (what, n) in lost {
        if n > 0 {
            drop(format!("{n} {what}: TimelineJS has no place for them"));
        }
    }
    if let Some(i) = e.importance {
        drop(format!("importance {i}: TimelineJS has no place for it"));
    }
    // One medium per slide, an address TimelineJS can load (not a file of annals' store).
    let mut media = e
        .media
        .iter()
        .filter(|m| annals_core::media::web_address(&m.url));
    let first = media.next().map(SlideMedia::of);
    for m in media.chain(
        e.media
            .iter()
            .filter(|m| !annals_core::media::web_address(&m.url)),
    ) {
        drop(format!(
            "medium {}: a TimelineJS slide holds one, by its address",
            m.url
        ));
    }
    for m in e.media.iter().filter(|m| !m.source.is_empty()) {
        drop(format!(
            "the source of medium {}: TimelineJS has no place for it",
            m.url
        ));
    }
    Slide {
        id: Some(e.id.clone()),
        start,
        end,
        display,
        headline: e.title.clone(),
        html: text,
        group,
        era,
        media: first,
    }
}

/// The event of a slide.
pub fn event_of(s: Slide, opts: &ReadOptions) -> Result<Event, String> {
    if s.headline.trim().is_empty() {
        return Err("text.headline: expected a title for the event".into());
    }
    let conv = |p: Parts| Parts {
        year: astronomical_year(p.year),
        ..p
    };
    let edtf = parts::edtf_of(&conv(s.start), s.end.map(conv).as_ref());
    let mut calendar = None;
    if let Some(text) = &s.display {
        // A display date that reads as the same day in the Julian calendar was written in it.
        if let Ok(w) = When::from_text(text, CalendarHint::Auto) {
            if w.edtf == edtf {
                calendar = Some(w.calendar.name().to_string());
            }
        }
    }
    let mut summary = String::new();
    let mut body = Vec::new();
    let mut key_points = Vec::new();
    for b in html::blocks(&s.html) {
        match b {
            Block::Para(p) if summary.is_empty() && body.is_empty() => summary = p,
            Block::Para(p) => body.push(p),
            Block::Item {
                label: Some(label),
                text,
            } => key_points.push(KeyPoint { label, text }),
            Block::Item { label: None, text } => body.push(text),
        }
    }
    let media = s
        .media
        .as_ref()
        .and_then(|m| m.medium(&s.headline))
        .into_iter()
        .collect();
    let mut tags: Vec<String> = s.group.into_iter().filter(|g| !g.is_empty()).collect();
    if s.era {
        tags.push(ERA_TAG.into());
    }
    let raw = RawEvent {
        id: s.id.filter(|i| !i.is_empty()),
        title: html::blocks(&s.headline)
            .into_iter()
            .map(|b| match b {
                Block::Para(p) | Block::Item { text: p, .. } => p,
            })
            .collect::<Vec<_>>()
            .join(" "),
        date: RawDate {
            edtf: Some(edtf),
            text: s.display.filter(|d| !d.is_empty()),
            calendar,
        },
        summary,
        body,
        key_points,
        places: Vec::new(),
        participants: Vec::new(),
        sources: Vec::new(),
        related: Vec::new(),
        tags,
        importance: None,
        media,
        lang: None,
        translations: Vec::new(),
    };
    raw.into_event(opts.calendar).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years() {
        assert_eq!(tl_year(-43), -44);
        assert_eq!(tl_year(0), -1);
        assert_eq!(tl_year(1960), 1960);
        for y in [-13_800_000_000, -43, 0, 1, 2024] {
            assert_eq!(astronomical_year(tl_year(y)), y);
        }
    }
}
