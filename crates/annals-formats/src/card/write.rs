//! Writing card documents.

use super::title::{is_key_point_label, title_from_summary};
use super::{LEAD_KIND, MIDDLE_DOT};
use crate::Dropped;
use annals_core::{id::event_id, Event, Place};
use annals_dates::{CalendarHint, Precision, When};
use std::fmt::Write;

/// Write `main` as a document with `leads` (its related events) as lead cards. Returns the
/// text and what the format could not hold.
pub fn write_document(main: &Event, leads: &[&Event]) -> (String, Vec<Dropped>) {
    let mut out = String::new();
    let mut dropped = Vec::new();
    let mut drop = |e: &Event, what: String| {
        dropped.push(Dropped {
            id: e.id.clone(),
            what,
        })
    };
    for lead in leads {
        let summary = if lead.summary.trim().is_empty() {
            drop(
                lead,
                "empty summary of a lead card (the title was written in its place)".into(),
            );
            lead.title.as_str()
        } else {
            lead.summary.as_str()
        };
        let date = date_line(lead, &mut drop);
        headers(&mut out, lead, &date, false, &mut drop);
        let _ = writeln!(out, "{} on {}", lead.title, date.text);
        let _ = writeln!(
            out,
            "{} {MIDDLE_DOT} {}",
            year_label(&lead.date),
            places(&lead.places)
        );
        let _ = writeln!(out, "{}", one_line(summary));
        for (what, n) in [
            ("body paragraphs", lead.body.len()),
            ("key points", lead.key_points.len()),
            ("participants", lead.participants.len()),
            ("sources", lead.sources.len()),
        ] {
            if n > 0 {
                drop(
                    lead,
                    format!(
                        "{n} {what} of a lead card (write the event as a main record to keep them)"
                    ),
                );
            }
        }
    }
    let date = date_line(main, &mut drop);
    headers(&mut out, main, &date, true, &mut drop);
    let _ = writeln!(out, "{}", date.text);
    let summary = if main.summary.trim().is_empty() {
        drop(
            main,
            "empty summary (the title was written in its place)".into(),
        );
        main.title.as_str()
    } else {
        main.summary.as_str()
    };
    let _ = writeln!(out, "{}", one_line(summary));
    let people: Vec<String> = main
        .participants
        .iter()
        .map(|p| {
            if p.name.contains(',') {
                drop(
                    main,
                    format!(
                        "participant {:?}: a comma in a name splits it in two",
                        p.name
                    ),
                );
            }
            match &p.role {
                Some(r) => format!("{} ({r})", p.name),
                None => p.name.clone(),
            }
        })
        .collect();
    let _ = writeln!(out, "{} | {}", places(&main.places), people.join(", "));
    for para in &main.body {
        if para
            .split_once(": ")
            .is_some_and(|(l, _)| is_key_point_label(l))
            || para.starts_with("Source: ")
        {
            drop(
                main,
                format!(
                    "body paragraph {:?} reads back as a key point or source",
                    clip(para)
                ),
            );
        }
        let _ = writeln!(out, "{}", one_line(para));
    }
    for k in &main.key_points {
        if !is_key_point_label(&k.label) {
            drop(main, format!("key point label {:?} is not a short title-case phrase: it reads back as narrative", k.label));
        }
        let _ = writeln!(out, "{}: {}", k.label, one_line(&k.text));
    }
    for s in &main.sources {
        let _ = writeln!(out, "Source: {}", one_line(&annals_core::lines::source(s)));
    }
    for e in leads.iter().copied().chain([main]) {
        if !e.media.is_empty() {
            drop(
                e,
                format!(
                    "{} media: the card format has no place for them",
                    e.media.len()
                ),
            );
        }
        if let Some(i) = e.importance {
            drop(
                e,
                format!("importance {i}: the card format has no place for it"),
            );
        }
        // The id is written after the coordinates; without coordinates it has no place.
        for p in e
            .places
            .iter()
            .filter(|p| p.geonames.is_some() && p.lat.is_none())
        {
            drop(
                e,
                format!(
                    "place {:?}: the card format has no place for its GeoNames id",
                    p.name
                ),
            );
        }
    }
    let lead_ids: Vec<&str> = leads.iter().map(|l| l.id.as_str()).collect();
    for r in &main.related {
        if !(lead_ids.contains(&r.id.as_str()) && r.kind == LEAD_KIND) {
            drop(
                main,
                format!(
                    "relation {} {:?}: only lead cards (kind related) are written",
                    r.kind, r.id
                ),
            );
        }
    }
    (out, dropped)
}

/// The date line and the calendar header it needs, if any.
struct DateLine {
    text: String,
    calendar_header: Option<&'static str>,
}

/// The date as written when it reads back the same; else with a Calendar header; else EDTF.
fn date_line(e: &Event, drop: &mut impl FnMut(&Event, String)) -> DateLine {
    let same = |w: &When| w.edtf == e.date.edtf && w.calendar == e.date.calendar;
    if let Some(text) = &e.date.text {
        if When::from_text(text, CalendarHint::Auto).is_ok_and(|w| same(&w)) {
            return DateLine {
                text: text.clone(),
                calendar_header: None,
            };
        }
        if When::from_text(text, CalendarHint::Given(e.date.calendar)).is_ok_and(|w| same(&w)) {
            return DateLine {
                text: text.clone(),
                calendar_header: Some(e.date.calendar.name()),
            };
        }
        drop(
            e,
            format!(
                "date text {text:?} (it does not read back as {}; the EDTF was written)",
                e.date.edtf
            ),
        );
    }
    let header =
        (e.date.calendar != annals_dates::Calendar::Gregorian).then(|| e.date.calendar.name());
    // EDTF that English reads otherwise (`1939-41`, semester 41 of 1939, is 1939–1941 as text)
    // is marked as EDTF.
    let plain =
        When::from_text(&e.date.edtf, CalendarHint::Auto).is_ok_and(|w| w.edtf == e.date.edtf);
    DateLine {
        text: if plain {
            e.date.edtf.clone()
        } else {
            format!("EDTF: {}", e.date.edtf)
        },
        calendar_header: header,
    }
}

fn headers(
    out: &mut String,
    e: &Event,
    date: &DateLine,
    main: bool,
    drop: &mut impl FnMut(&Event, String),
) {
    let title = if main {
        title_from_summary(&e.summary)
    } else {
        e.title.clone()
    };
    if event_id(&e.title, &e.date) != e.id {
        let _ = writeln!(out, "Id: {}", e.id);
    }
    if main && title != e.title {
        let _ = writeln!(out, "Title: {}", e.title);
    }
    if let Some(c) = date.calendar_header {
        let _ = writeln!(out, "Calendar: {c}");
    }
    if !e.tags.is_empty() {
        if e.tags.iter().any(|t| t.contains(',')) {
            drop(e, "a tag with a comma splits in two".into());
        }
        let _ = writeln!(out, "Tags: {}", e.tags.join(", "));
    }
}

fn places(places: &[Place]) -> String {
    places
        .iter()
        .map(|p| {
            let mut s = if p.country.is_empty() {
                p.name.clone()
            } else {
                format!("{}, {}", p.name, p.country)
            };
            if let (Some(lat), Some(lon)) = (p.lat, p.lon) {
                let _ = write!(s, " @ {lat}, {lon}");
                if let Some(id) = p.geonames {
                    let _ = write!(s, " geonames:{id}");
                }
            }
            s
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A year for a lead card's second line: "1949", "44 BC", "66 Ma", "13.8 Ga" (for reading by
/// people; the date comes from the first line).
fn year_label(w: &When) -> String {
    let Some(year) = w.start_year() else {
        return w.edtf.clone();
    };
    let latest = w.latest.day().map_or(year, |d| d.ymd().year);
    if matches!(w.precision, Precision::Years(_)) && latest <= -1_000_000 {
        let ma = latest.unsigned_abs() as f64 / 1e6;
        return if ma >= 1000.0 {
            format!("{} Ga", trim_float(ma / 1000.0))
        } else {
            format!("{} Ma", trim_float(ma))
        };
    }
    annals_dates::year_written(year)
}

fn trim_float(x: f64) -> String {
    let s = format!("{x:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Paragraphs are lines: a newline inside one is written as a space.
fn one_line(s: &str) -> String {
    if s.contains('\n') || s.contains('\r') {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        s.trim().to_string()
    }
}

fn clip(s: &str) -> String {
    s.chars().take(40).collect()
}
