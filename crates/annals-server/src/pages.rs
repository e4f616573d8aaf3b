//! Server-rendered pages. They work without JavaScript; every text that comes from an event is
//! escaped with [`esc`] (snippets arrive escaped from the index, with `<mark>` around matches).

use crate::api::parse_query;
use crate::app::App;
use crate::error::ApiError;
use annals_core::Event;
use annals_dates::{Calendar, CalendarHint, DayNumber, When};
use annals_index::search::escape as esc;
use annals_index::{SearchOptions, TimelineOptions};
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, Uri};
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;
use std::fmt::Write;
use std::sync::Arc;

type Shared = State<Arc<App>>;

/// Percent-encode a path segment or query value.
pub fn enc(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn layout(title: &str, q: &str, body: &str) -> Html<String> {
    layout_with(title, q, body, &[])
}

/// A page with deferred scripts from `/assets/` (progressive enhancement: the page works
/// without them).
fn layout_with(title: &str, q: &str, body: &str, scripts: &[&str]) -> Html<String> {
    let scripts: String = scripts
        .iter()
        .map(|s| format!(r#"<script src="{}" defer></script>"#, crate::assets::url(s)))
        .collect();
    Html(format!(
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · annals</title><link rel="stylesheet" href="{style}">{scripts}</head>
<body><header><a class="brand" href="/">annals</a>
<form action="/search" role="search"><label for="q" class="sr">Search events</label>
<input id="q" name="q" type="search" value="{q}" placeholder="treaty country:Japan date:1950..1970" autocomplete="off"><button>Search</button></form>
<nav><a href="/timeline">Timeline</a> <a href="/map">Map</a></nav></header>
<main>{body}</main></body></html>"#,
        title = esc(title),
        q = esc(q),
        style = crate::assets::url("style.css"),
    ))
}

/// An error as a page, with its status.
pub fn error_page(e: ApiError) -> Response {
    let status = e.status;
    let mut r = layout(
        "Error",
        "",
        &format!("<h1>Something went wrong</h1><p>{}</p>", esc(&e.message)),
    )
    .into_response();
    *r.status_mut() = status;
    r
}

fn date_label(w: &When) -> String {
    w.written_with_calendar()
}

fn place_label(p: &annals_core::Place) -> String {
    if p.country.is_empty() {
        p.name.clone()
    } else {
        format!("{}, {}", p.name, p.country)
    }
}

fn year_label(w: &When) -> String {
    match w.start_year() {
        Some(y) if y <= -1_000_000 => format!("{} Ma", (-y) / 1_000_000),
        Some(y) => annals_dates::year_written(y),
        None => w.edtf.clone(),
    }
}

/// `/`: search box, a timeline of everything, and how to use the query language.
pub async fn home(State(app): Shared) -> Response {
    // Counted once per store generation: the home page never reads every event.
    let n = app.event_count().unwrap_or(0);
    let body = format!(
        r#"<h1>annals</h1><p class="lede">{n} historical events, from deep time to today. Search them by words, dates, places and people in one query.</p>
<ul class="examples"><li><a href="/search?q=battle+date%3A..-0001">battle date:..-0001</a>: battles before the common era</li>
<li><a href="/search?q=treaty+OR+peace">treaty OR peace</a></li><li><a href="/search?q=country%3AJapan">country:Japan</a></li>
<li><a href="/timeline">the whole timeline</a>, from the formation of the Earth</li></ul>"#
    );
    layout("Historical events", "", &body).into_response()
}

/// Query parameters of `/search`.
#[derive(Debug, Deserialize)]
pub struct SearchPage {
    q: Option<String>,
    cursor: Option<String>,
}

/// `/search?q=`: hits with snippets, facet links, a density bar, the next page.
pub async fn search(State(app): Shared, Query(p): Query<SearchPage>) -> Response {
    let q = p.q.unwrap_or_default();
    match search_body(&app, &q, p.cursor) {
        Ok(body) => layout(&format!("Search: {q}"), &q, &body).into_response(),
        Err(e) => error_page(e),
    }
}

fn search_body(app: &App, q: &str, cursor: Option<String>) -> Result<String, ApiError> {
    let request = parse_query(Some(q))?;
    let index = app.index()?;
    let r = tokio::task::block_in_place(|| {
        index.search(
            &request,
            &SearchOptions {
                limit: 20,
                cursor,
                facets: true,
                facet_size: 8,
            },
        )
    })?;
    let t = tokio::task::block_in_place(|| {
        index.timeline(
            &request,
            &TimelineOptions {
                from: None,
                to: None,
                buckets: 24,
                top: 0,
            },
        )
    })?;
    let mut b = format!(
        "<h1>{} event{} match <q>{}</q></h1>",
        r.total,
        if r.total == 1 { "" } else { "s" },
        esc(q)
    );
    let max = t.buckets.iter().map(|x| x.count).max().unwrap_or(0).max(1);
    b.push_str(r#"<div class="density" role="img" aria-label="matches over time">"#);
    for x in &t.buckets {
        let _ = write!(
            b,
            r#"<a class="bar" style="height:{}%" title="{}: {}" href="/timeline?q={}&amp;from={}&amp;to={}"></a>"#,
            (x.count * 100).div_ceil(max),
            esc(&x.label),
            x.count,
            enc(q),
            enc(&iso_param(&x.start)),
            enc(&iso_param(&x.end))
        );
    }
    let _ = write!(
        b,
        r#"</div><p class="explore"><a href="/timeline?q={0}">Timeline of these events</a> · <a href="/map?q={0}">Map of these events</a></p>"#,
        enc(q)
    );
    b.push_str("<div class=\"results\"><ol class=\"hits\">");
    for h in &r.hits {
        let _ = write!(
            b,
            r#"<li><a class="title" href="/events/{}">{}</a> <span class="when">{}</span> <span class="where">{}</span><p>{}</p></li>"#,
            enc(&h.id),
            esc(&h.title),
            esc(&h.date.written()),
            esc(h.place.as_deref().unwrap_or("")),
            h.snippet
        );
    }
    b.push_str("</ol><aside class=\"facets\">");
    for (name, counts) in &r.facets.0 {
        if counts.is_empty() || *name == "century" {
            continue;
        }
        let _ = write!(b, "<h2>{}</h2><ul>", esc(name));
        for (value, n) in counts {
            let add = format!("{q} {name}:\"{value}\"");
            let _ = write!(
                b,
                r#"<li><a href="/search?q={}">{}</a> {n}</li>"#,
                enc(add.trim()),
                esc(value)
            );
        }
        b.push_str("</ul>");
    }
    b.push_str("</aside></div>");
    if let Some(c) = &r.next_cursor {
        let _ = write!(
            b,
            r#"<p><a rel="next" href="/search?q={}&amp;cursor={}">Next page</a></p>"#,
            enc(q),
            enc(c)
        );
    }
    Ok(b)
}

/// `/events/{id}`: the event page, laid out as the seed documents are.
pub async fn event(State(app): Shared, Path(id): Path<String>) -> Response {
    match event_body(&app, &id) {
        Ok((title, body)) => layout(&title, "", &body).into_response(),
        Err(e) => error_page(e),
    }
}

fn card(e: &Event) -> String {
    let place = e.places.first().map(place_label).unwrap_or_default();
    format!(
        r#"<a class="card" href="/events/{}"><strong>{} on {}</strong><span>{} · {}</span><span>{}</span></a>"#,
        enc(&e.id),
        esc(&e.title),
        esc(&e.date.written()),
        esc(&year_label(&e.date)),
        esc(&place),
        esc(&e.summary)
    )
}

fn event_body(app: &App, id: &str) -> Result<(String, String), ApiError> {
    let e = app
        .read(|s| Ok(s.get(id)?))?
        .ok_or_else(|| ApiError::not_found(format!("There is no event with the id {id:?}.")))?;
    let related: Vec<Event> = app.read(|s| {
        let mut out = Vec::new();
        for r in &e.related {
            if let Some(o) = s.get(&r.id)? {
                out.push(o);
            }
        }
        Ok(out)
    })?;
    let mut b = String::new();
    if !related.is_empty() {
        b.push_str(r#"<section class="leads" aria-label="Related events">"#);
        for r in &related {
            b.push_str(&card(r));
        }
        b.push_str("</section>");
    }
    let _ = write!(
        b,
        r#"<article><p class="when">{}</p><h1>{}</h1><p class="summary">{}</p>"#,
        esc(&date_label(&e.date)),
        esc(&e.title),
        esc(&e.summary)
    );
    let places: Vec<String> = e
        .places
        .iter()
        .map(|p| {
            format!(
                r#"<a href="/places/{}">{}</a>"#,
                enc(&p.name),
                esc(&place_label(p))
            )
        })
        .collect();
    let people: Vec<String> = e
        .participants
        .iter()
        .map(|p| {
            let role = p
                .role
                .as_deref()
                .map(|r| format!(" ({})", esc(r)))
                .unwrap_or_default();
            format!(
                r#"<a href="/participants/{}">{}</a>{role}"#,
                enc(&p.name),
                esc(&p.name)
            )
        })
        .collect();
    let _ = write!(
        b,
        r#"<p class="where">{} | {}</p>"#,
        places.join("; "),
        people.join(", ")
    );
    for p in &e.body {
        let _ = write!(b, "<p>{}</p>", esc(p));
    }
    if !e.key_points.is_empty() {
        b.push_str(r#"<h2>Key points</h2><dl class="key-points">"#);
        for k in &e.key_points {
            let _ = write!(b, "<dt>{}</dt><dd>{}</dd>", esc(&k.label), esc(&k.text));
        }
        b.push_str("</dl>");
    }
    if !e.sources.is_empty() {
        let list: Vec<String> = e
            .sources
            .iter()
            .map(|s| match &s.url {
                Some(u) if u.starts_with("http://") || u.starts_with("https://") => format!(
                    r#"<a href="{}" rel="nofollow">{}</a>"#,
                    esc(u),
                    esc(&s.name)
                ),
                _ => esc(&s.name),
            })
            .collect();
        let _ = write!(b, r#"<p class="sources">Source: {}</p>"#, list.join("; "));
    }
    b.push_str(&explore(&e));
    b.push_str("</article>");
    // Found through the store's date index: a page costs the same at any corpus size.
    let (before, after) = app.read(|s| Ok(s.neighbours(&e.id)?))?;
    b.push_str(r#"<nav class="neighbours" aria-label="Events before and after">"#);
    if let Some(p) = before {
        let _ = write!(
            b,
            r#"<a rel="prev" href="/events/{}">← {} ({})</a>"#,
            enc(&p.id),
            esc(&p.title),
            esc(&p.date.written())
        );
    }
    if let Some(n) = after {
        let _ = write!(
            b,
            r#"<a rel="next" href="/events/{}">{} ({}) →</a>"#,
            enc(&n.id),
            esc(&n.title),
            esc(&n.date.written())
        );
    }
    b.push_str("</nav>");
    Ok((e.title.clone(), b))
}

/// A day as a `from`/`to` parameter that reads back as that day: ISO `YYYY-MM-DD` for years
/// of four digits, else the EDTF year `Y-13800000000` (deep time needs no finer precision).
pub fn day_param(d: i64) -> String {
    let ymd = DayNumber(d).ymd();
    if (-9999..=9999).contains(&ymd.year) {
        DayNumber(d).to_string()
    } else {
        format!("Y{}", ymd.year)
    }
}

/// An ISO day from the index (`-14000000000-01-01`) as a parameter (see [`day_param`]).
fn iso_param(iso: &str) -> String {
    annals_dates::day::parse_iso_ymd(iso)
        .and_then(|d| Calendar::Gregorian.to_day(d))
        .map_or_else(|| iso.to_string(), |d| day_param(d.0))
}

/// Links from an event page to the timeline around it and to the map around its place.
fn explore(e: &Event) -> String {
    let mut links = Vec::new();
    if let Some(y) = e.date.start_year() {
        // A window a tenth of the event's age wide (at least a century), centred on it.
        let half = ((2000i64.saturating_sub(y)).abs() / 10).max(50);
        let step = 10i64.pow(half.ilog10());
        let a = y.saturating_sub(half).div_euclid(step) * step;
        let z = (y.saturating_add(half).div_euclid(step) + 1)
            .saturating_mul(step)
            .min(2100);
        let year = |y: i64| {
            if (-9999..=9999).contains(&y) {
                format!("{}{:04}", if y < 0 { "-" } else { "" }, y.abs())
            } else {
                format!("Y{y}")
            }
        };
        links.push(format!(
            r#"<a href="/timeline?q=&amp;from={}&amp;to={}">On the timeline</a>"#,
            enc(&year(a)),
            enc(&year(z))
        ));
    }
    if let Some((lat, lon)) = e.places.iter().find_map(|p| Some((p.lat?, p.lon?))) {
        let view = format!(
            "{:.2},{:.2},{:.2},{:.2}",
            (lat - 12.0).max(-90.0),
            (lon - 24.0).max(-180.0),
            (lat + 12.0).min(90.0),
            (lon + 24.0).min(180.0)
        );
        links.push(format!(
            r#"<a href="/map?view={}">On the map</a>"#,
            enc(&view)
        ));
    }
    if links.is_empty() {
        return String::new();
    }
    format!(r#"<p class="explore">{}</p>"#, links.join(" · "))
}

/// Query parameters of `/timeline`.
#[derive(Debug, Deserialize)]
pub struct TimelinePage {
    q: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

/// `/timeline?q=&from=&to=`: density by natural periods; each period links to a zoom into it,
/// from billions of years down to single days.
pub async fn timeline(State(app): Shared, Query(p): Query<TimelinePage>) -> Response {
    match timeline_body(&app, p) {
        Ok((q, body)) => {
            layout_with("Timeline", &q, &body, &["timeline.js", "map.js"]).into_response()
        }
        Err(e) => error_page(e),
    }
}

fn timeline_body(app: &App, p: TimelinePage) -> Result<(String, String), ApiError> {
    let q = p.q.unwrap_or_default();
    let request = parse_query(Some(&q))?;
    let day = |t: &str, earliest: bool| -> Result<i64, ApiError> {
        let w = When::from_text(t, CalendarHint::Auto)
            .map_err(|e| ApiError::bad(format!("{t:?}: {e}")))?;
        let (lo, hi) = w.axis_range();
        Ok(if earliest { lo } else { hi })
    };
    let (pf, pt) = (
        p.from.filter(|s| !s.trim().is_empty()),
        p.to.filter(|s| !s.trim().is_empty()),
    );
    let from = pf.as_deref().map(|t| day(t, true)).transpose()?;
    let to = pt.as_deref().map(|t| day(t, false)).transpose()?;
    if let (Some(a), Some(z)) = (from, to) {
        if a > z {
            return Err(ApiError::bad("from is after to"));
        }
    }
    let t = tokio::task::block_in_place(|| {
        app.index()?
            .timeline(
                &request,
                &TimelineOptions {
                    from,
                    to,
                    buckets: 24,
                    top: 3,
                },
            )
            .map_err(ApiError::from)
    })?;
    let mut b = format!(
        r#"<h1>Timeline</h1><p class="tl-nojs">{} events, by {}.</p>"#,
        t.total,
        esc(&t.unit)
    );
    let window = |x: Option<&str>| {
        x.and_then(annals_dates::day::parse_iso_ymd)
            .and_then(|d| Calendar::Gregorian.to_day(d))
            .map(|d| d.0)
    };
    let first = window(t.buckets.first().map(|b| b.start.as_str()));
    let last = window(t.buckets.last().map(|b| b.end.as_str()));
    let (wa, wz) = (from.or(first), to.or(last));
    let (fa, fz) = (
        wa.map(day_param).unwrap_or_default(),
        wz.map(day_param).unwrap_or_default(),
    );
    let _ = write!(
        b,
        r#"<section class="tl" id="timeline" hidden data-q="{}" data-from="{}" data-to="{}" aria-label="Interactive timeline">
<div class="tl-bar" role="toolbar" aria-label="Timeline controls"><button type="button" data-act="out" aria-label="Zoom out" title="Zoom out (-)">−</button><button type="button" data-act="in" aria-label="Zoom in" title="Zoom in (+)">+</button><button type="button" data-act="earlier" aria-label="Pan earlier" title="Earlier (←)">←</button><button type="button" data-act="later" aria-label="Pan later" title="Later (→)">→</button><button type="button" data-act="all" aria-label="Show everything">All</button><output class="tl-range" aria-live="polite"></output></div>
<div class="tl-view" tabindex="0" role="group" aria-roledescription="timeline" aria-label="Timeline: + and − zoom, arrow keys pan, Tab moves to the events"><svg class="tl-svg" xmlns="http://www.w3.org/2000/svg"></svg></div>
<p class="tl-help">Scroll or pinch to zoom, drag to pan; keys + − ← →. Click an event to open it.</p>
<div class="tl-map" aria-label="Map of the events in this window"></div></section>"#,
        esc(&q),
        wa.map(|d| d.to_string()).unwrap_or_default(),
        wz.map(|d| d.to_string()).unwrap_or_default(),
    );
    let _ = write!(
        b,
        r#"<p><a class="maplink" href="/map?q={}&amp;from={}&amp;to={}">Map of this window</a></p>"#,
        enc(&q),
        enc(&fa),
        enc(&fz)
    );
    if let (Some(a), Some(z)) = (first, last) {
        let span = (z - a).max(1);
        let (oa, oz) = (a.saturating_sub(span * 2), z.saturating_add(span * 2));
        let _ = write!(
            b,
            r#"<p class="tl-nojs"><a href="/timeline?q={}&amp;from={}&amp;to={}">Zoom out</a> · <a href="/timeline?q={}">Everything</a></p>"#,
            enc(&q),
            enc(&day_param(oa)),
            enc(&day_param(oz)),
            enc(&q)
        );
    }
    let max = t.buckets.iter().map(|x| x.count).max().unwrap_or(0).max(1);
    b.push_str(r#"<table class="timeline" id="timeline-table"><thead><tr><th>Period</th><th>Events</th><th>Most important</th></tr></thead><tbody>"#);
    for x in &t.buckets {
        let tops: Vec<String> = x
            .top
            .iter()
            .map(|e| format!(r#"<a href="/events/{}">{}</a>"#, enc(&e.id), esc(&e.title)))
            .collect();
        let _ = write!(
            b,
            r#"<tr><td><a href="/timeline?q={}&amp;from={}&amp;to={}">{}</a></td><td><span class="bar" style="width:{}%"></span> {}</td><td>{}</td></tr>"#,
            enc(&q),
            enc(&iso_param(&x.start)),
            enc(&iso_param(&x.end)),
            esc(&x.label),
            (x.count * 100).div_ceil(max),
            x.count,
            tops.join(" · ")
        );
    }
    b.push_str("</tbody></table>");
    Ok((q, b))
}

/// A located event: (id, title, date), latitude, longitude.
type Point = (annals_index::related::Brief, f64, f64);

/// Query parameters of `/map`.
#[derive(Debug, Deserialize)]
pub struct MapPage {
    q: Option<String>,
    /// `south,west,north,east` in degrees.
    view: Option<String>,
    /// The time window, as on `/timeline` (empty means open).
    from: Option<String>,
    to: Option<String>,
}

/// `/map?q=&view=`: the events with coordinates on a world map, clustered; a cluster links to a
/// zoom into it, an event to its page. Works offline and without JavaScript.
pub async fn map(State(app): Shared, Query(p): Query<MapPage>) -> Response {
    match map_body(&app, p) {
        Ok((q, body)) => layout_with("Map", &q, &body, &["map.js"]).into_response(),
        Err(e) => error_page(e),
    }
}

fn map_body(app: &App, p: MapPage) -> Result<(String, String), ApiError> {
    let q = p.q.unwrap_or_default();
    let (south, west, north, east) = match p.view.as_deref() {
        None => (-90.0, -180.0, 90.0, 180.0),
        Some(v) => {
            let n: Vec<f64> = v.split(',').filter_map(|x| x.trim().parse().ok()).collect();
            match n[..] {
                [s, w, nn, e]
                    if (-90.0..=90.0).contains(&s)
                        && s < nn
                        && nn <= 90.0
                        && (-180.0..=180.0).contains(&w)
                        && w < e
                        && e <= 180.0 =>
                {
                    (s, w, nn, e)
                }
                _ => {
                    return Err(ApiError::bad(format!(
                        "view {v:?}: expected south,west,north,east in degrees"
                    )))
                }
            }
        }
    };
    let from = p.from.filter(|s| !s.trim().is_empty());
    let to = p.to.filter(|s| !s.trim().is_empty());
    let mut request = crate::api::windowed(Some(&q), from.as_deref(), to.as_deref())?;
    let bbox = annals_query::Expr::Filter(annals_query::Filter::Bbox {
        south,
        west,
        north,
        east,
    });
    request.expr = annals_query::Expr::And(vec![request.expr, bbox]);
    let points = tokio::task::block_in_place(|| {
        app.index()?.points(&request, 5000).map_err(ApiError::from)
    })?;
    let (x0, y0) = crate::map::project(north, west);
    let (x1, y1) = crate::map::project(south, east);
    let (w, h) = (x1 - x0, y1 - y0);
    let cell = ((east - west) / 24.0).max(1e-6);
    let mut cells: std::collections::BTreeMap<(i64, i64), Vec<&Point>> = Default::default();
    for pt in &points {
        cells
            .entry((
                ((pt.1 - south) / cell).floor() as i64,
                ((pt.2 - west) / cell).floor() as i64,
            ))
            .or_default()
            .push(pt);
    }
    let (fa, fz) = (from.unwrap_or_default(), to.unwrap_or_default());
    let mut b = format!(
        r#"<h1>Map</h1><p class="map-count">{} located events{}{}.</p>"#,
        points.len(),
        if q.is_empty() {
            String::new()
        } else {
            format!(" matching <q>{}</q>", esc(&q))
        },
        if fa.is_empty() && fz.is_empty() {
            String::new()
        } else {
            format!(" from {} to {}", esc(&fa), esc(&fz))
        }
    );
    let _ = write!(
        b,
        r#"<div class="map-wrap" data-q="{}" data-from="{}" data-to="{}"><div class="map-bar" role="toolbar" aria-label="Map controls" hidden><button type="button" data-act="out" aria-label="Zoom out" title="Zoom out (-)">−</button><button type="button" data-act="in" aria-label="Zoom in" title="Zoom in (+)">+</button><button type="button" data-act="west" aria-label="Pan west">←</button><button type="button" data-act="north" aria-label="Pan north">↑</button><button type="button" data-act="south" aria-label="Pan south">↓</button><button type="button" data-act="east" aria-label="Pan east">→</button><button type="button" data-act="world" aria-label="Whole world">World</button></div>
<div class="map-view" tabindex="0" role="group" aria-label="Map: + and − zoom, arrow keys pan, Tab moves to the events">"#,
        esc(&q),
        esc(&fa),
        esc(&fz)
    );
    let _ = write!(
        b,
        r#"<svg class="map" viewBox="{x0:.1} {y0:.1} {w:.1} {h:.1}" role="img" aria-label="World map of the events"><rect x="-360" y="-180" width="1440" height="720" class="sea"/>{}<g class="markers">"#,
        crate::map::countries()
    );
    let unit = w / 120.0;
    for ((r, c), pts) in &cells {
        let lat = pts.iter().map(|p| p.1).sum::<f64>() / pts.len() as f64;
        let lon = pts.iter().map(|p| p.2).sum::<f64>() / pts.len() as f64;
        let (x, y) = crate::map::project(lat, lon);
        if pts.len() == 1 {
            let ((id, title, date), _, _) = pts[0];
            let _ = write!(
                b,
                r#"<a href="/events/{}"><circle class="event" cx="{x:.2}" cy="{y:.2}" r="{:.2}"><title>{} ({})</title></circle></a>"#,
                enc(id),
                unit * 0.8,
                esc(title),
                esc(date)
            );
        } else {
            let s = south + *r as f64 * cell;
            let wv = west + *c as f64 * cell;
            let view = format!(
                "{:.4},{:.4},{:.4},{:.4}",
                (s - cell).max(-90.0),
                (wv - cell).max(-180.0),
                (s + 2.0 * cell).min(90.0),
                (wv + 2.0 * cell).min(180.0)
            );
            let rad = unit * (1.0 + (pts.len() as f64).log2() / 2.0);
            let _ = write!(
                b,
                r#"<a href="/map?q={}&amp;from={}&amp;to={}&amp;view={}"><circle class="cluster" cx="{x:.2}" cy="{y:.2}" r="{rad:.2}"><title>{} events: zoom in</title></circle><text x="{x:.2}" y="{:.2}" font-size="{:.2}" text-anchor="middle">{}</text></a>"#,
                enc(&q),
                enc(&fa),
                enc(&fz),
                enc(&view),
                pts.len(),
                y + rad * 0.35,
                rad,
                pts.len()
            );
        }
    }
    b.push_str("</g></svg></div></div>");
    let _ = write!(
        b,
        r#"<p><a href="/map?q={0}&amp;from={1}&amp;to={2}">Whole world</a> · <a class="timelinelink" href="/timeline?q={0}&amp;from={1}&amp;to={2}">Timeline of these events</a> · <a href="/search?q={0}">Search results</a></p><ol class="hits">"#,
        enc(&q),
        enc(&fa),
        enc(&fz)
    );
    for ((id, title, date), _, _) in points.iter().take(50) {
        let _ = write!(
            b,
            r#"<li><span class="when">{}</span> <a class="title" href="/events/{}">{}</a></li>"#,
            esc(date),
            enc(id),
            esc(title)
        );
    }
    b.push_str("</ol>");
    Ok((q, b))
}

fn filtered(app: &App, title: &str, filter: &str) -> Response {
    let body = (|| -> Result<String, ApiError> {
        let request = parse_query(Some(&format!("{filter} sort:date")))?;
        let r = tokio::task::block_in_place(|| {
            app.index()?
                .search(
                    &request,
                    &SearchOptions {
                        limit: 100,
                        cursor: None,
                        facets: false,
                        facet_size: 0,
                    },
                )
                .map_err(ApiError::from)
        })?;
        let mut b = format!(
            "<h1>{}</h1><p>{} events in time.</p><ol class=\"hits\">",
            esc(title),
            r.total
        );
        for h in &r.hits {
            let _ = write!(
                b,
                r#"<li><span class="when">{}</span> <a class="title" href="/events/{}">{}</a></li>"#,
                esc(&h.date.written()),
                enc(&h.id),
                esc(&h.title)
            );
        }
        b.push_str("</ol>");
        Ok(b)
    })();
    match body {
        Ok(b) => layout(title, "", &b).into_response(),
        Err(e) => error_page(e),
    }
}

fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('"', ""))
}

/// `/places/{name}`: a place's events in time.
pub async fn place(State(app): Shared, Path(name): Path<String>) -> Response {
    filtered(&app, &name, &format!("place:{}", quoted(&name)))
}

/// `/participants/{name}`: a participant's events in time.
pub async fn participant(State(app): Shared, Path(name): Path<String>) -> Response {
    filtered(&app, &name, &format!("participant:{}", quoted(&name)))
}

/// Anything else: 404 (JSON under `/api/`).
pub async fn not_found(uri: Uri) -> Response {
    if uri.path().starts_with("/api/") {
        return ApiError::not_found(format!("no such endpoint: {}", uri.path())).into_response();
    }
    not_found_page()
}

/// The page that says there is no page here.
pub fn not_found_page() -> Response {
    let mut r = layout(
        "Not found",
        "",
        "<h1>Not found</h1><p>There is no page here.</p>",
    )
    .into_response();
    *r.status_mut() = StatusCode::NOT_FOUND;
    r
}
