//! `/stories/{id}`: a story, a guided tour through events. Without JavaScript it is one long
//! page: the title and summary, a strip of every stop, then each stop in order (its title,
//! date and place, the author's text, the event's summary) with links to the event, the
//! search, the timeline and the map of that stop. `assets/story.js` turns it into one stop at
//! a time (←/→, swipe, the strip, a URL per stop: `#stop-3`) with the timeline and the map
//! beside it moving to each stop and marking its event.

use super::{enc, event_href, place_href, Page, Shared};
use crate::lang::{t, tw};
use annals_core::story::{Stop, Story};
use annals_core::Event;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use maud::{html, Markup};

/// `GET /stories/{id}`.
pub async fn story(State(app): Shared, Path(id): Path<String>, headers: HeaderMap) -> Response {
    let found = app.read(|s| {
        let Some(stored) = s.story(&id)? else {
            return Ok(None);
        };
        let events = annals_store::stories::stop_events(s, &stored.story)?;
        Ok(Some((stored.story, events)))
    });
    let (story, events) = match found {
        Ok(Some(found)) => found,
        Ok(None) => return super::errors::no_story(&id),
        Err(e) => return super::error_page(e),
    };
    let viewer = app.session(&headers);
    let files = super::media::Files::of(
        &app,
        story.stops.iter().flat_map(|s| &s.media).chain(
            events
                .iter()
                .flatten()
                .filter_map(|e| super::media::first_image(&e.media)),
        ),
    );
    let body = body(&story, &events, &files);
    let description = if story.summary.is_empty() {
        tw("story-in-stops", &[("n", story.stops.len().into())])
    } else {
        story.summary.clone()
    };
    Page {
        title: &story.title,
        q: "",
        description: &description,
        scripts: &["story.js"],
        head: html! {},
        body,
        viewer,
    }
    .render()
}

/// `GET /stories`: every story, a page of 100 at a time (`?after=ID` for the next).
pub async fn index(
    State(app): Shared,
    axum::extract::Query(p): axum::extract::Query<IndexParams>,
    headers: HeaderMap,
) -> Response {
    const PAGE: usize = 100;
    let found = app.read(|s| Ok(s.stories(p.after.as_deref(), PAGE + 1)?));
    let mut stories = match found {
        Ok(found) => found,
        Err(e) => return super::error_page(e),
    };
    let next = (stories.len() > PAGE).then(|| stories[PAGE - 1].story.id.clone());
    stories.truncate(PAGE);
    let body = html! {
        h1 { (t("stories")) }
        p.lede { (t("stories-lede")) }
        @if stories.is_empty() {
            p { (t("stories-none")) " "
                code { "annals story add" } " (" a href="/api/openapi.json" { (t("stories-or-api")) } ")." }
        }
        ul.story-list {
            @for st in &stories {
                li {
                    a href=(format!("/stories/{}", enc(&st.story.id))) { (st.story.title) }
                    " " span.n { (tw("stops", &[("n", st.story.stops.len().into())])) }
                    @if !st.story.summary.is_empty() { p { (st.story.summary) } }
                }
            }
        }
        @if let Some(after) = &next {
            p { a href=(format!("/stories?after={}", enc(after))) { (t("stories-more")) } }
        }
    };
    Page {
        viewer: app.session(&headers),
        ..Page::plain(&t("stories"), body)
    }
    .render()
}

/// Query parameters of the list of stories.
#[derive(Debug, serde::Deserialize)]
pub struct IndexParams {
    after: Option<String>,
}

/// Where a stop moves the timeline and the map: `from`, `to`, `view`, and the event to mark.
struct Frame {
    from: String,
    to: String,
    view: String,
    event: String,
    q: String,
}

impl Frame {
    fn of(stop: &Stop, event: Option<&Event>) -> Frame {
        let mut f = Frame {
            from: stop.from.clone().unwrap_or_default(),
            to: stop.to.clone().unwrap_or_default(),
            // a point (or a line) is shown with 5 degrees around it
            view: stop
                .view
                .map(|[s, w, n, e]| {
                    let (s, n) = if s < n {
                        (s, n)
                    } else {
                        ((s - 5.0).max(-90.0), (n + 5.0).min(90.0))
                    };
                    let (w, e) = if w < e {
                        (w, e)
                    } else {
                        ((w - 5.0).max(-180.0), (e + 5.0).min(180.0))
                    };
                    format!("{s},{w},{n},{e}")
                })
                .unwrap_or_default(),
            event: String::new(),
            q: stop.query.clone().unwrap_or_default(),
        };
        if let Some(e) = event {
            f.event = e.id.clone();
            if f.from.is_empty() && f.to.is_empty() {
                // the event with room around it: half its span each side, ten years at least
                let (lo, hi) = e.date.axis_range();
                if lo != i64::MIN && hi != i64::MAX {
                    let pad = ((hi - lo) / 2).max(3_652);
                    f.from = super::day_param(lo.saturating_sub(pad));
                    f.to = super::day_param(hi.saturating_add(pad));
                }
            }
            if f.view.is_empty() {
                if let Some((lat, lon)) = e.places.iter().find_map(|p| Some((p.lat?, p.lon?))) {
                    let (s, n) = ((lat - 8.0).max(-90.0), (lat + 8.0).min(90.0));
                    let (w, east) = ((lon - 14.0).max(-180.0), (lon + 14.0).min(180.0));
                    f.view = format!("{s:.2},{w:.2},{n:.2},{east:.2}");
                }
            }
        }
        f
    }

    /// `key=value&...` of the parameters that are set.
    fn query(&self, keys: &[&str]) -> String {
        keys.iter()
            .filter_map(|&k| {
                let v = match k {
                    "from" => &self.from,
                    "to" => &self.to,
                    "view" => &self.view,
                    "event" => &self.event,
                    _ => &self.q,
                };
                (!v.is_empty()).then(|| format!("{k}={}", enc(v)))
            })
            .collect::<Vec<_>>()
            .join("&")
    }
}

fn paragraphs(text: &str) -> Markup {
    html! {
        @for p in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
            p { (p) }
        }
    }
}

fn body(story: &Story, events: &[Option<Event>], files: &super::media::Files) -> Markup {
    let n = story.stops.len();
    html! {
        article.story data-story=(story.id) {
            header.story-head {
                p.kicker { (tw("story-in-stops", &[("n", n.into())])) }
                h1 { (story.title) }
                @if !story.author.is_empty() { p.byline { (tw("story-by", &[("author", (&story.author).into())])) } }
                @if !story.summary.is_empty() { div.summary { (paragraphs(&story.summary)) } }
            }
            nav.story-strip aria-label=(t("story-stops")) {
                ol {
                    @for (i, stop) in story.stops.iter().enumerate() {
                        li {
                            a href=(format!("#stop-{}", i + 1)) {
                                span.num { (i + 1) }
                                span.label { (stop.shown_title(events.get(i).and_then(Option::as_ref))) }
                            }
                        }
                    }
                }
            }
            div.story-frames hidden {
                iframe.story-timeline title=(t("story-timeline-frame")) loading="lazy" {}
                iframe.story-map title=(t("story-map-frame")) loading="lazy" {}
            }
            div.stops {
                @for (i, stop) in story.stops.iter().enumerate() {
                    (stop_section(i, n, stop, events.get(i).and_then(Option::as_ref), files))
                }
            }
        }
    }
}

fn stop_section(
    i: usize,
    n: usize,
    stop: &Stop,
    event: Option<&Event>,
    files: &super::media::Files,
) -> Markup {
    let frame = Frame::of(stop, event);
    let timeline = format!("/timeline?{}", frame.query(&["q", "from", "to", "event"]));
    let map = format!(
        "/map?{}",
        frame.query(&["q", "from", "to", "view", "event"])
    );
    html! {
        section.stop id=(format!("stop-{}", i + 1)) aria-label=(tw("story-stop-of", &[("i", (i + 1).into()), ("n", n.into())]))
            data-timeline=(format!("/embed/timeline?{}&compact=1", frame.query(&["q", "from", "to", "event"])))
            data-map=(format!("/embed/map?{}&compact=1", frame.query(&["q", "from", "to", "view", "event"]))) {
            p.stop-count { (tw("story-stop-of", &[("i", (i + 1).into()), ("n", n.into())])) }
            h2 { (stop.shown_title(event)) }
            @if let Some(e) = event {
                p.dateline {
                    (super::written(&e.date))
                    @if let Some(note) = e.date.calendar_note_in(crate::lang::current()) { " " span.note { "(" (note) ")" } }
                    @if let Some(p) = e.places.first() {
                        " · " a href=(place_href(p)) { (super::place_label(p)) }
                    }
                }
            } @else if stop.from.is_some() || stop.to.is_some() {
                p.dateline {
                    (stop.from.as_deref().map_or_else(|| t("story-beginning"), super::param_text))
                    " – "
                    (stop.to.as_deref().map_or_else(|| t("story-today"), super::param_text))
                }
            }
            @if stop.event.is_some() && event.is_none() {
                p.note { (t("story-event-gone")) }
            }
            div.stop-text { (paragraphs(&stop.text)) }
            (super::media::stop(stop, event, files))
            @if let Some(e) = event {
                @if !e.summary.is_empty() {
                    blockquote.stop-event {
                        p { (e.summary) }
                    }
                }
            }
            p.stop-links {
                @if let Some(e) = event {
                    a href=(event_href(&e.id)) { (tw("story-read-about", &[("title", (&e.title).into())])) }
                    " · "
                }
                @if let Some(q) = &stop.query {
                    a href=(format!("/search?q={}", enc(q))) { (tw("search-title-q", &[("q", q.into())])) }
                    " · "
                }
                a href=(timeline) { (t("on-the-timeline")) }
                " · "
                a href=(map) { (t("on-the-map")) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_follow_the_stop() {
        let stop = Stop {
            title: "South".into(),
            from: Some("1066-09-26".into()),
            to: Some("1066-10-13".into()),
            view: Some([50.5, -2.0, 54.5, 1.5]),
            query: Some("harold & co".into()),
            ..Stop::default()
        };
        let f = Frame::of(&stop, None);
        assert_eq!(
            f.query(&["q", "from", "to", "view", "event"]),
            "q=harold%20%26%20co&from=1066-09-26&to=1066-10-13&view=50.5%2C-2%2C54.5%2C1.5"
        );
        assert_eq!(stop.shown_title(None), "South");
        let point = Stop {
            view: Some([10.0, 20.0, 10.0, 20.0]),
            ..Stop::default()
        };
        assert_eq!(Frame::of(&point, None).view, "5,15,15,25");
    }
}
