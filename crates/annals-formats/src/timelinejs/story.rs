//! Stories as TimelineJS JSON: [`story_to_timelinejs`] writes a [`Story`] as one timeline (its
//! title slide, one slide per stop, an era per time window) and [`story_from_timelinejs`] reads
//! a TimelineJS JSON file back as a story and its events. This module owns only the mapping of
//! stops to slides; the slides of events, their dates (BC years, deep time, calendars) and their
//! JSON come from [`super::slide_of`], [`super::json::slide_json`] and [`super::json::read`].
//!
//! Each exported slide has the `unique_id` `stop-N` (N counts the story's stops from 1), so the
//! story's order survives TimelineJS's own, which is by date. The stop's text opens the slide's
//! text inside `<div class="annals-stop">`; for an event stop that element also carries the
//! event's id (`data-event`) and, when the stop's title replaces the event's as the headline,
//! the event's own title (`data-title`), so that reading the file back gives the same stops and
//! the same events. A file from elsewhere has no such element: each slide becomes an event and a
//! stop at it whose text is the slide's text.

use super::json::{self, slide_json};
use super::{needs_cosmological, slide_of, Slide, SlideMedia};
use crate::html::{self, Block};
use crate::jsonstream::Fields;
use crate::{parts, ReadOptions};
use annals_core::story::{Stop, Story};
use annals_core::Event;
use annals_dates::{CalendarHint, When};
use serde_json::{json, Value};
use std::borrow::Cow;

/// How the element holding a stop's own text starts.
const MARK: &str = "<div class=\"annals-stop\"";
/// How it ends.
const MARK_END: &str = "</div>";

/// What one exported stop shows: an event of the knowledge base (borrowed), or a time window
/// made into a transient event (owned), so that its dates take the same path as an event's.
type Shown<'a> = Cow<'a, Event>;

/// A story as a TimelineJS JSON document (`{"scale", "title", "events", "eras"}`), and notes on
/// what TimelineJS cannot show as the story does.
///
/// `stops` are the story's stops in order, each with its event when it names one (the caller
/// looks them up). The title slide holds the story's title and summary; each stop is a slide
/// whose `unique_id` is `stop-N`:
/// - an event stop: the event's slide, headed by the stop's title when it has one, its text the
///   stop's text and then the event's own;
/// - a stop with a time window (`from`/`to`) and no event: a slide over that window with the
///   stop's title and text, and an era of the same span;
/// - a stop with neither (a query or a map view alone) has no date: it is left out, and a note
///   says so (`stop 3 "Everything about Harold": a query without a time window has no date in
///   TimelineJS`).
///
/// The notes also say when TimelineJS, which orders slides by date, will show the stops in
/// another order (`TimelineJS shows slides in date order: stops 2 and 3 swap`), and what the
/// events' slides drop (places, participants, ...) and the stops' map views.
pub fn story_to_timelinejs(
    story: &Story,
    stops: &[(&Stop, Option<&Event>)],
) -> (Value, Vec<String>) {
    let mut notes = Vec::new();
    let mut shown: Vec<(usize, String, &Stop, Shown)> = Vec::new();
    for (i, &(stop, event)) in stops.iter().enumerate() {
        let n = i + 1;
        let label = label(stop, event);
        match shows(n, stop, event) {
            Ok(s) => shown.push((n, label, stop, s)),
            Err(why) => notes.push((n, format!("stop {n} {label:?}: {why}"))),
        }
    }
    let cosmological = shown.iter().any(|(_, _, _, s)| needs_cosmological(&s.date));
    let mut slides = Vec::new();
    let mut eras = Vec::new();
    for (n, label, stop, s) in &shown {
        let mut dropped = Vec::new();
        let mut slide = slide_of(s, cosmological, &mut dropped);
        notes.extend(
            dropped
                .into_iter()
                .map(|d| (*n, format!("stop {n} {label:?}: {}", d.what))),
        );
        if stop.view.is_some() {
            notes.push((
                *n,
                format!("stop {n} {label:?}: its map view: TimelineJS has no map"),
            ));
        }
        let mut mark = String::from(MARK);
        match s {
            Cow::Borrowed(e) => {
                mark.push_str(&format!(" data-event=\"{}\"", html::escape(&e.id)));
                if !stop.title.is_empty() {
                    mark.push_str(&format!(" data-title=\"{}\"", html::escape(&e.title)));
                }
            }
            Cow::Owned(_) => {
                slide.html.clear();
                eras.push(slide_json(&Slide {
                    id: None,
                    end: Some(slide.end.unwrap_or(slide.start)),
                    era: true,
                    ..slide.clone()
                }));
            }
        }
        slide.html = format!("{mark}>{}{MARK_END}{}", paragraphs(&stop.text), slide.html);
        if !stop.title.is_empty() {
            slide.headline = stop.title.clone();
        }
        // The stop's own medium before its event's (a slide holds one).
        let mut own = stop
            .media
            .iter()
            .filter(|m| annals_core::media::web_address(&m.url));
        if let Some(m) = own.next() {
            slide.media = Some(SlideMedia::of(m));
        }
        for m in own.chain(
            stop.media
                .iter()
                .filter(|m| !annals_core::media::web_address(&m.url)),
        ) {
            notes.push((
                *n,
                format!(
                    "stop {n} {label:?}: medium {}: a TimelineJS slide holds one, by its address",
                    m.url
                ),
            ));
        }
        slide.id = Some(format!("stop-{n}"));
        slide.era = false;
        slides.push(slide_json(&slide));
    }
    // Notes in story order, then the one on date order.
    notes.sort_by_key(|(n, _)| *n);
    let mut notes: Vec<String> = notes.into_iter().map(|(_, note)| note).collect();
    notes.extend(order_note(&shown));
    let doc = json!({
        "scale": if cosmological { "cosmological" } else { "human" },
        "title": {"text": {
            "headline": html::escape(&story.title),
            "text": paragraphs(&story.summary),
        }},
        "events": slides,
        "eras": eras,
    });
    (doc, notes)
}

/// How notes name a stop: its title, else its event's, else the event id or query.
fn label(stop: &Stop, event: Option<&Event>) -> String {
    [
        Some(stop.title.as_str()),
        event.map(|e| e.title.as_str()),
        stop.event.as_deref(),
        stop.query.as_deref(),
    ]
    .into_iter()
    .flatten()
    .find(|t| !t.is_empty())
    .unwrap_or_default()
    .to_string()
}

/// What stop `n` shows on a timeline, or why it shows nothing there.
fn shows<'a>(n: usize, stop: &Stop, event: Option<&'a Event>) -> Result<Shown<'a>, String> {
    let window = stop.from.is_some() || stop.to.is_some();
    match (&stop.event, event) {
        (Some(_), Some(e)) => Ok(Cow::Borrowed(e)),
        (Some(id), None) if !window => Err(format!("event {id:?} was not found")),
        _ if window => window_event(n, stop).map(Cow::Owned),
        _ if stop.query.is_some() => {
            Err("a query without a time window has no date in TimelineJS".into())
        }
        _ => Err("a map view without a time window has no date in TimelineJS".into()),
    }
}

/// A transient event over a stop's time window: from the start of `from` to the end of `to`
/// (either alone is the whole window).
fn window_event(n: usize, stop: &Stop) -> Result<Event, String> {
    let split = |field: &str, date: &Option<String>| {
        date.as_deref()
            .map(|d| {
                When::from_text(d, CalendarHint::Auto)
                    .map(|w| parts::split(&w))
                    .map_err(|e| format!("{field}: {e}"))
            })
            .transpose()
    };
    let (from, to) = (split("from", &stop.from)?, split("to", &stop.to)?);
    let (Some(first), Some(last)) = (from.as_ref().or(to.as_ref()), to.as_ref().or(from.as_ref()))
    else {
        return Err("no time window".into());
    };
    let end = last.end.unwrap_or(last.start);
    let title = if stop.title.is_empty() {
        format!("Stop {n}")
    } else {
        stop.title.clone()
    };
    serde_json::from_value::<Event>(json!({
        "id": format!("stop-{n}"),
        "title": title,
        "date": parts::edtf_of(&first.start, Some(&end)),
    }))
    .map_err(|e| format!("its time window: {e}"))
}

/// The note when TimelineJS's date order is not the story's.
fn order_note(shown: &[(usize, String, &Stop, Shown)]) -> Option<String> {
    let story: Vec<usize> = shown.iter().map(|s| s.0).collect();
    let mut by_date: Vec<(usize, (i64, i64))> =
        shown.iter().map(|s| (s.0, s.3.date.sort_key())).collect();
    by_date.sort_by_key(|s| s.1);
    let dated: Vec<usize> = by_date.into_iter().map(|s| s.0).collect();
    let moved: Vec<usize> = (0..story.len()).filter(|&i| story[i] != dated[i]).collect();
    match moved.as_slice() {
        [] => None,
        [a, b] => Some(format!(
            "TimelineJS shows slides in date order: stops {} and {} swap",
            story[*a], story[*b]
        )),
        _ => Some(format!(
            "TimelineJS shows slides in date order: stops {}",
            dated
                .iter()
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// Plain text (paragraphs separated by blank lines) as HTML paragraphs.
fn paragraphs(text: &str) -> String {
    let mut out = String::new();
    let mut para: Vec<&str> = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        if line.trim().is_empty() {
            if !para.is_empty() {
                out.push_str(&format!("<p>{}</p>", html::escape(&para.join("\n"))));
                para.clear();
            }
        } else {
            para.push(line.trim());
        }
    }
    out
}

/// HTML as plain text: its blocks joined by `sep`.
fn plain(html: &str, sep: &str) -> String {
    html::blocks(html)
        .into_iter()
        .map(|b| match b {
            Block::Para(p)
            | Block::Item {
                label: None,
                text: p,
            } => p,
            Block::Item {
                label: Some(l),
                text,
            } => format!("{l}: {text}"),
        })
        .collect::<Vec<_>>()
        .join(sep)
}

/// The element that holds a stop's own text, split from the rest of a slide's text.
struct Marked {
    /// `data-event`: the event the stop shows (none for a time window).
    event: Option<String>,
    /// `data-title`: the event's own title, when the headline is the stop's.
    title: Option<String>,
    /// The stop's text, plain.
    text: String,
    /// The event's part of the slide's text, HTML.
    rest: String,
}

fn marked(html: &str) -> Option<Marked> {
    let after = html.trim_start().strip_prefix(MARK)?;
    let close = after.find('>')?;
    let (attrs, inner) = (&after[..close], &after[close + 1..]);
    let end = inner.find(MARK_END)?;
    let attr = |name: &str| {
        let key = format!(" {name}=\"");
        let i = attrs.find(&key)? + key.len();
        let j = i + attrs[i..].find('"')?;
        Some(html::decode(&attrs[i..j]))
    };
    Some(Marked {
        event: attr("data-event").filter(|e| !e.is_empty()),
        title: attr("data-title"),
        text: plain(&inner[..end], "\n\n"),
        rest: inner[end + MARK_END.len()..].to_string(),
    })
}

/// `N` of a `stop-N` id.
fn stop_number(id: Option<&str>) -> Option<usize> {
    id?.strip_prefix("stop-")?.parse().ok().filter(|&n| n > 0)
}

/// What one slide of the file is, read before its event.
struct Read {
    number: Option<usize>,
    headline: String,
    html: String,
    mark: Option<Marked>,
}

/// Read a TimelineJS JSON file as a story and the events its stops show.
///
/// Each slide of `events` becomes an event through the usual slide reading (its id is the
/// slide's `unique_id`, else made from its title and year) and a stop at that event, in the
/// file's order, or in the order of `stop-N` ids when every slide has one. A stop's text is the
/// slide's text as plain text; a slide written by [`story_to_timelinejs`] gives back its stop
/// as it was (its own title and text, the event's id and title, a time window as a window).
/// The title slide gives the story's title (else `id_hint`) and summary; the story's id is a
/// slug of its title. Eras are not read. Errors say where (`events[3].start_date.year: ...`).
pub fn story_from_timelinejs(
    text: &str,
    opts: &ReadOptions,
    id_hint: &str,
) -> Result<(Story, Vec<Event>), String> {
    let doc: Value = serde_json::from_str(text).map_err(|e| {
        format!(
            "line {}, column {}: expected JSON: {e}",
            e.line(),
            e.column()
        )
    })?;
    if !doc.is_object() {
        return Err("expected a TimelineJS object with \"events\"".into());
    }
    let top = Fields {
        path: "",
        value: &doc,
    };
    let (title, summary) = title_slide(&top).map_err(|e| e.to_string())?;
    let slides = match doc.get("events") {
        Some(Value::Array(a)) if !a.is_empty() => a,
        Some(Value::Array(_)) | None | Some(Value::Null) => {
            return Err("events: a story needs at least one slide".into())
        }
        Some(_) => return Err("events: expected an array of slides".into()),
    };
    // Each slide as the usual reader should see it: the event's id and part of the text.
    let mut reads = Vec::new();
    let mut plain_slides = Vec::new();
    for (i, s) in slides.iter().enumerate() {
        let path = format!("events[{i}]");
        let f = Fields {
            path: &path,
            value: s,
        };
        let Some(obj) = s.as_object() else {
            return Err(f.error("", "expected a slide object").to_string());
        };
        let id = f.str("unique_id").map_err(|e| e.to_string())?;
        let (headline, html) = match f.obj("text").map_err(|e| e.to_string())? {
            Some(t) => {
                let t = Fields {
                    path: &path,
                    value: t,
                };
                let get = |k| t.str(k).map(Option::unwrap_or_default);
                (
                    get("headline").map_err(|e| e.to_string())?,
                    get("text").map_err(|e| e.to_string())?,
                )
            }
            None => (String::new(), String::new()),
        };
        let mark = marked(&html);
        let mut obj = obj.clone();
        match mark.as_ref().and_then(|m| m.event.clone()) {
            Some(event) => {
                obj.insert("unique_id".into(), json!(event));
            }
            None if mark.is_some() || stop_number(id.as_deref()).is_some() => {
                obj.remove("unique_id");
            }
            None => {}
        }
        if let (Some(m), Some(Value::Object(t))) = (&mark, obj.get_mut("text")) {
            t.insert("text".into(), json!(m.rest));
            if let Some(own) = &m.title {
                t.insert("headline".into(), json!(html::escape(own)));
            }
        }
        plain_slides.push(Value::Object(obj));
        reads.push(Read {
            number: stop_number(id.as_deref()),
            headline,
            html,
            mark,
        });
    }
    let events = slide_events(plain_slides, opts)?;
    let mut order: Vec<usize> = (0..reads.len()).collect();
    let mut numbers: Vec<Option<usize>> = reads.iter().map(|r| r.number).collect();
    numbers.sort();
    numbers.dedup();
    if numbers.len() == reads.len() && numbers.iter().all(Option::is_some) {
        order.sort_by_key(|&i| reads[i].number);
    }
    let mut stops = Vec::new();
    let mut shown: Vec<Event> = Vec::new();
    for i in order {
        let (r, e) = (&reads[i], &events[i]);
        let stop = match &r.mark {
            Some(m) if m.event.is_none() => {
                let (from, to) = e
                    .date
                    .edtf
                    .split_once('/')
                    .unwrap_or((&e.date.edtf, &e.date.edtf));
                Stop {
                    from: Some(from.to_string()),
                    to: Some(to.to_string()),
                    title: e.title.clone(),
                    text: m.text.clone(),
                    ..Stop::default()
                }
            }
            Some(m) => Stop {
                event: Some(e.id.clone()),
                title: match m.title {
                    Some(_) => plain(&r.headline, " "),
                    None => String::new(),
                },
                text: m.text.clone(),
                ..Stop::default()
            },
            None => Stop {
                event: Some(e.id.clone()),
                text: plain(&r.html, "\n\n"),
                ..Stop::default()
            },
        };
        if stop.event.is_some() && !shown.iter().any(|s| s.id == e.id) {
            shown.push(e.clone());
        }
        stops.push(stop);
    }
    let title = if title.is_empty() {
        id_hint.trim().to_string()
    } else {
        title
    };
    let id = annals_core::id::slug(&title);
    let mut story = Story {
        id: if id.is_empty() { "story".into() } else { id },
        title,
        summary,
        author: String::new(),
        stops,
    };
    story.tidy();
    story.check()?;
    Ok((story, shown))
}

/// The title slide's headline and text, plain.
fn title_slide(top: &Fields) -> Result<(String, String), crate::FormatError> {
    let Some(t) = top.obj("title")? else {
        return Ok(Default::default());
    };
    let Some(text) = (Fields {
        path: "title",
        value: t,
    })
    .obj("text")?
    else {
        return Ok(Default::default());
    };
    let f = Fields {
        path: "title.text",
        value: text,
    };
    let get = |k| f.str(k).map(Option::unwrap_or_default);
    Ok((plain(&get("headline")?, " "), plain(&get("text")?, "\n\n")))
}

/// The events of slides, by the usual TimelineJS reader, in order; the first error ends it.
fn slide_events(slides: Vec<Value>, opts: &ReadOptions) -> Result<Vec<Event>, String> {
    let n = slides.len();
    let bytes = serde_json::to_vec(&json!({ "events": slides })).map_err(|e| e.to_string())?;
    let mut events = Vec::with_capacity(n);
    let mut failed = None;
    json::read(bytes.as_slice(), opts, &mut |item| match item {
        Ok(i) => {
            events.push(i.event);
            true
        }
        Err(e) => {
            failed = Some(e);
            false
        }
    })
    .map_err(|e| e.to_string())?;
    if let Some(e) = failed {
        return Err(e.to_string());
    }
    if events.len() != n {
        return Err(format!("events[{}]: could not be read", events.len()));
    }
    Ok(events)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timelinejs::tl_year;

    fn event(json: &str) -> Event {
        serde_json::from_str(json).unwrap()
    }

    fn marathon() -> Event {
        event(
            r#"{"id": "battle-of-marathon-490-bc", "title": "Battle of Marathon",
                "date": {"text": "September 490 BC"},
                "summary": "Athens defeats the Persian landing.",
                "places": [{"name": "Marathon", "country": "Greece"}]}"#,
        )
    }

    fn story() -> Story {
        Story::from_json(
            r#"{"id": "persian-wars", "title": "The Persian Wars",
                "summary": "Greece against Persia.\n\nTwo invasions.",
                "stops": [
                  {"event": "battle-of-marathon-490-bc", "title": "Marathon",
                   "text": "The first invasion ends here."},
                  {"title": "Between the invasions", "from": "489 BC", "to": "480 BC",
                   "text": "Ten years of preparation & <fleets>.\n\nThemistocles builds ships."},
                  {"title": "Everything about Xerxes", "query": "participant:Xerxes"}
                ]}"#,
        )
        .unwrap()
    }

    fn export(s: &Story, e: &Event) -> (Value, Vec<String>) {
        let stops: Vec<(&Stop, Option<&Event>)> = s
            .stops
            .iter()
            .map(|st| (st, st.event.is_some().then_some(e)))
            .collect();
        story_to_timelinejs(s, &stops)
    }

    #[test]
    fn exports_stops_as_slides_and_windows_as_eras() {
        let (s, e) = (story(), marathon());
        let (doc, notes) = export(&s, &e);
        assert_eq!(doc["scale"], "human");
        assert_eq!(doc["title"]["text"]["headline"], "The Persian Wars");
        assert_eq!(
            doc["title"]["text"]["text"],
            "<p>Greece against Persia.</p><p>Two invasions.</p>"
        );
        let slides = doc["events"].as_array().unwrap();
        assert_eq!(slides.len(), 2);
        assert_eq!(slides[0]["unique_id"], "stop-1");
        assert_eq!(slides[1]["unique_id"], "stop-2");
        // The event's slide as slide_of makes it, headed by the stop's title, the stop's text
        // first.
        let plain_slide = slide_json(&slide_of(&e, false, &mut Vec::new()));
        assert_eq!(slides[0]["start_date"], plain_slide["start_date"]);
        assert_eq!(slides[0]["start_date"]["year"], json!(tl_year(-489)));
        assert_eq!(slides[0]["start_date"]["year"], json!(-490));
        assert_eq!(slides[0]["text"]["headline"], "Marathon");
        let text = slides[0]["text"]["text"].as_str().unwrap();
        assert!(
            text.starts_with(r#"<div class="annals-stop" data-event="battle-of-marathon-490-bc" data-title="Battle of Marathon"><p>The first invasion ends here.</p></div>"#),
            "{text}"
        );
        assert!(
            text.ends_with(plain_slide["text"]["text"].as_str().unwrap()),
            "{text}"
        );
        // The window: a slide and an era over 490-480 BC.
        assert_eq!(slides[1]["start_date"], json!({"year": tl_year(-488)}));
        assert_eq!(slides[1]["start_date"], json!({"year": -489}));
        assert_eq!(slides[1]["end_date"], json!({"year": tl_year(-479)}));
        assert_eq!(slides[1]["end_date"], json!({"year": -480}));
        assert_eq!(slides[1]["text"]["headline"], "Between the invasions");
        assert_eq!(
            slides[1]["text"]["text"],
            "<div class=\"annals-stop\"><p>Ten years of preparation &amp; &lt;fleets&gt;.</p>\
             <p>Themistocles builds ships.</p></div>"
        );
        let eras = doc["eras"].as_array().unwrap();
        assert_eq!(eras.len(), 1);
        assert_eq!(eras[0]["text"]["headline"], "Between the invasions");
        assert_eq!(eras[0]["start_date"], slides[1]["start_date"]);
        assert_eq!(eras[0]["end_date"], slides[1]["end_date"]);
        assert!(eras[0].get("unique_id").is_none());
        assert_eq!(
            notes,
            vec![
                "stop 1 \"Marathon\": 1 places: TimelineJS has no place for them".to_string(),
                "stop 3 \"Everything about Xerxes\": a query without a time window has no date \
                 in TimelineJS"
                    .to_string(),
            ]
        );
    }

    #[test]
    fn a_stops_own_medium_leads_its_slide() {
        let mut s = story();
        let medium = |url: &str| annals_core::Medium {
            url: url.into(),
            kind: annals_core::MediaKind::Image,
            alt: "A plain by the sea".into(),
            caption: "The plain today".into(),
            credit: "Photo: A. Walker".into(),
            licence: "CC-BY-4.0".into(),
            source: String::new(),
        };
        s.stops[0].media = vec![
            medium("https://example.org/marathon.jpg"),
            medium("https://example.org/second.jpg"),
        ];
        let (doc, notes) = export(&s, &marathon());
        let m = &doc["events"][0]["media"];
        assert_eq!(m["url"], "https://example.org/marathon.jpg");
        assert_eq!(m["credit"], "Photo: A. Walker · CC BY 4.0");
        assert_eq!(m["alt"], "A plain by the sea");
        assert!(doc["events"][1].get("media").is_none());
        assert!(
            notes.iter().any(|n| n.starts_with("stop 1 \"Marathon\": medium https://example.org/second.jpg: a TimelineJS slide holds one")),
            "{notes:?}"
        );
    }

    #[test]
    fn notes_stops_out_of_date_order_and_deep_time() {
        let mut s = story();
        s.stops.swap(0, 1);
        let (doc, notes) = export(&s, &marathon());
        assert!(
            notes.contains(&"TimelineJS shows slides in date order: stops 1 and 2 swap".into()),
            "{notes:?}"
        );
        assert_eq!(doc["events"][0]["unique_id"], "stop-1");
        s.stops[0].from = Some("66 million years ago".into());
        s.stops[0].to = None;
        s.stops[0].view = Some([36.0, 20.0, 42.0, 27.0]);
        let (doc, notes) = export(&s, &marathon());
        assert_eq!(doc["scale"], "cosmological");
        let deep = When::from_text("66 million years ago", CalendarHint::Auto).unwrap();
        let year = tl_year(parts::split(&deep).start.year);
        assert!(year < -65_000_000, "{year}");
        assert_eq!(doc["events"][0]["start_date"], json!({ "year": year }));
        assert_eq!(doc["events"][1]["start_date"], json!({"year": -490}));
        // Years only on that scale; the written date keeps the month.
        assert_eq!(doc["events"][1]["display_date"], "September 490 BC");
        assert!(!notes.iter().any(|n| n.contains("swap")), "{notes:?}");
        assert_eq!(
            notes[0],
            "stop 1 \"Between the invasions\": its map view: TimelineJS has no map"
        );
        // An event that was not found, a map view alone.
        let view = Stop {
            title: "Greece".into(),
            view: Some([36.0, 20.0, 42.0, 27.0]),
            ..Stop::default()
        };
        let missing = Stop {
            event: Some("battle-of-salamis-480-bc".into()),
            ..Stop::default()
        };
        let (doc, notes) = story_to_timelinejs(&s, &[(&view, None), (&missing, None)]);
        assert_eq!(doc["events"], json!([]));
        assert_eq!(
            notes,
            vec![
                "stop 1 \"Greece\": a map view without a time window has no date in TimelineJS",
                "stop 2 \"battle-of-salamis-480-bc\": event \"battle-of-salamis-480-bc\" was not \
                 found",
            ]
        );
    }

    #[test]
    fn reads_its_export_back_as_the_same_story() {
        let (s, e) = (story(), marathon());
        let (doc, _) = export(&s, &e);
        let (back, events) =
            story_from_timelinejs(&doc.to_string(), &ReadOptions::default(), "x").unwrap();
        assert_eq!(back.id, "the-persian-wars");
        assert_eq!(back.title, s.title);
        assert_eq!(back.summary, s.summary);
        assert_eq!(back.stops.len(), 2);
        for (a, b) in back.stops.iter().zip(&s.stops) {
            assert_eq!((&a.event, &a.title, &a.text), (&b.event, &b.title, &b.text));
        }
        let window = |st: &Stop| {
            let w = |d: &Option<String>| When::from_text(d.as_deref().unwrap(), CalendarHint::Auto);
            (w(&st.from).unwrap().earliest, w(&st.to).unwrap().latest)
        };
        assert_eq!(window(&back.stops[1]), window(&s.stops[1]));
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].id, e.id);
        assert_eq!(events[0].title, e.title);
        assert_eq!(events[0].summary, e.summary);
        assert_eq!(events[0].date.edtf, e.date.edtf);
        assert_eq!(events[0].date.earliest, e.date.earliest);
        // TimelineJS may have reordered the slides: the stop-N ids keep the story's order.
        let mut doc = doc;
        if let Some(a) = doc["events"].as_array_mut() {
            a.reverse();
        }
        let (again, _) =
            story_from_timelinejs(&doc.to_string(), &ReadOptions::default(), "x").unwrap();
        assert_eq!(again, back);
    }

    #[test]
    fn reads_a_timeline_from_elsewhere_in_its_order() {
        let file = r#"{
          "title": {"text": {"headline": "Three &amp; more", "text": "<p>Out of order.</p>"}},
          "events": [
            {"start_date": {"year": "1945"}, "text": {"headline": "End", "text": "<p>Peace.</p>"}},
            {"start_date": {"year": -44, "month": 3, "day": 13},
             "display_date": "March 15, 44 BC",
             "text": {"headline": "Ides of March", "text": "<p>Caesar dies.</p><p>Rome.</p>"}},
            {"unique_id": "moon", "start_date": {"year": 1969, "month": 7, "day": 20},
             "text": {"headline": "Moon landing"}}
          ],
          "eras": [{"start_date": {"year": 1939}, "end_date": {"year": 1945},
                    "text": {"headline": "War"}}]
        }"#;
        let (s, events) = story_from_timelinejs(file, &ReadOptions::default(), "hint").unwrap();
        assert_eq!(
            (s.id.as_str(), s.title.as_str()),
            ("three-more", "Three & more")
        );
        assert_eq!(s.summary, "Out of order.");
        let ids: Vec<_> = s
            .stops
            .iter()
            .map(|st| st.event.as_deref().unwrap())
            .collect();
        assert_eq!(ids, ["end-1945", "ides-of-march-44-bc", "moon"]);
        assert_eq!(s.stops[1].text, "Caesar dies.\n\nRome.");
        assert_eq!(s.stops[2].text, "");
        assert_eq!(events.len(), 3);
        assert_eq!(events[1].date.start_year(), Some(-43));
        assert_eq!(events[1].date.calendar.name(), "julian");
        // Without a title slide the hint titles the story.
        let bare = r#"{"events": [{"start_date": {"year": 1}, "text": {"headline": "One"}}]}"#;
        let (s, _) = story_from_timelinejs(bare, &ReadOptions::default(), "My tour").unwrap();
        assert_eq!((s.id.as_str(), s.title.as_str()), ("my-tour", "My tour"));
    }

    #[test]
    fn errors_say_where() {
        let err = |t: &str| story_from_timelinejs(t, &ReadOptions::default(), "x").unwrap_err();
        assert_eq!(
            err(r#"{"title": {}}"#),
            "events: a story needs at least one slide"
        );
        assert_eq!(
            err(r#"{"events": []}"#),
            "events: a story needs at least one slide"
        );
        assert_eq!(
            err(r#"{"events": {}}"#),
            "events: expected an array of slides"
        );
        assert!(
            err("[1, 2").starts_with("line 1, column"),
            "{}",
            err("[1, 2")
        );
        assert_eq!(err("[]"), "expected a TimelineJS object with \"events\"");
        let e = err(r#"{"events": [
            {"start_date": {"year": 1}, "text": {"headline": "One"}},
            {"start_date": {"year": 2}, "text": {"headline": "Two"}},
            {"start_date": {"year": 3, "month": 13}, "text": {"headline": "Three"}}]}"#);
        assert!(e.starts_with("events[2].start_date.month: 13"), "{e}");
        let e = err(r#"{"events": [{"start_date": {"year": 1}, "text": {"headline": " "}}]}"#);
        assert!(e.starts_with("events[0]: text.headline"), "{e}");
        let e = err(r#"{"events": [7]}"#);
        assert_eq!(e, "events[0]: expected a slide object");
        let e = err(r#"{"events": [{"start_date": {"year": 1}, "text": "x"}]}"#);
        assert_eq!(e, "events[0].text: expected an object");
    }
}
