//! `/map?q=&from=&to=&view=&event=`: the located events on a world map (offline country
//! outlines, named countries and cities), counted by the index on a grid over the view
//! ([`annals_index::SearchIndex::map_cells`]) and drawn as named markers that never overlap: a
//! cluster is named by its place and count and zooms in, a single event by its title and
//! links to its page. The count and the list follow the view and the time window; the event
//! asked for (`event=`, from its page's "On the map") is drawn first and highlighted; events
//! of deep time are marked. Works without JavaScript; `assets/map.js` pans and zooms and asks
//! for the markers of each new view with `part=markers&size=WxH` (this very layout, so that
//! the script draws nothing of its own; `docs/web.md`).

use super::{count, enc, event_href, Page, Shared};
use crate::api::explore::{deep_before, map_request};
use crate::app::App;
use crate::error::ApiError;
use crate::map::{project, text_width, Placer, SCALE};
use annals_index::{Grid, MapEvent, MapOptions};
use axum::extract::{Query, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::{Html, IntoResponse, Response};
use maud::{html, Markup, PreEscaped};
use serde::Deserialize;

/// Query parameters of `/map`.
#[derive(Debug, Deserialize)]
pub struct MapPage {
    q: Option<String>,
    /// `south,west,north,east` in degrees (may reach beyond the world: the margins are sea).
    view: Option<String>,
    /// The time window, as on `/timeline` (empty means open).
    from: Option<String>,
    to: Option<String>,
    /// An event to highlight (from its page's "On the map").
    event: Option<String>,
    /// The drawn map's size in pixels, `WxH` (what the script measured; default 960 wide).
    size: Option<String>,
    /// `markers`: only the parts that change with the view (for the script).
    part: Option<String>,
}

/// The periods offered as links under the map: name, from, to.
const PERIODS: &[(&str, &str, &str)] = &[
    ("All time", "", ""),
    ("Deep time", "", "10000 BC"),
    ("Antiquity", "3000 BC", "500"),
    ("Middle Ages", "500", "1500"),
    ("1500–1800", "1500", "1800"),
    ("19th century", "1801", "1900"),
    ("20th century", "1901", "2000"),
    ("Since 2000", "2000", ""),
];

/// Cells of the grid are about this many pixels wide.
const CELL_PX: f64 = 64.0;
/// Marker radii in pixels: a single event, the smallest and largest cluster.
const DOT_PX: f64 = 5.5;
const CLUSTER_MIN_PX: f64 = 10.0;
const CLUSTER_MAX_PX: f64 = 22.0;
/// How far above its place the selected event's pin has its head, in pixels.
const PIN_PX: f64 = 18.0;
/// Font sizes in pixels: event labels, countries, cities.
const LABEL_PX: f64 = 12.5;
const COUNTRY_PX: f64 = 11.0;
const CITY_PX: f64 = 10.5;

/// `GET /map`.
pub async fn map(
    State(app): Shared,
    RawQuery(raw): RawQuery,
    Query(p): Query<MapPage>,
    headers: HeaderMap,
) -> Response {
    let q = p.q.clone().unwrap_or_default();
    let embed = super::embed::path("/embed/map", &raw);
    let part = p.part.as_deref() == Some("markers");
    match body(&app, p) {
        Ok(drawn) if part => Html(drawn.parts.into_string()).into_response(),
        Ok(drawn) => Page {
            title: "Map",
            q: &q,
            description: "Historical events on a map of the world, named by place.",
            scripts: &["map.js"],
            head: html! {},
            body: html! { (drawn.page) (super::embed::snippet(&headers, &embed, "Map", 560)) },
            viewer: app.session(&headers),
        }
        .render(),
        Err(e) if part => e.into_response(),
        Err(e) if e.code == "query_error" => super::errors::query_error(&q, &e),
        Err(e) => super::error_page(e),
    }
}

/// The view asked for: south, west, north, east. A view may reach beyond the world (a phone's
/// tall map shows sea above and below it), never further than one world beyond.
fn view(v: Option<&str>) -> Result<(f64, f64, f64, f64), ApiError> {
    let Some(v) = v.filter(|v| !v.trim().is_empty()) else {
        return Ok((-90.0, -180.0, 90.0, 180.0));
    };
    let n: Vec<f64> = v.split(',').filter_map(|x| x.trim().parse().ok()).collect();
    match n[..] {
        [s, w, nn, e]
            if (-450.0..=450.0).contains(&s)
                && (-450.0..=450.0).contains(&nn)
                && s < nn
                && (-540.0..=540.0).contains(&w)
                && (-540.0..=540.0).contains(&e)
                && w < e
                && s < 90.0
                && nn > -90.0
                && w < 180.0
                && e > -180.0 =>
        {
            Ok((s, w, nn, e))
        }
        _ => Err(ApiError::bad(format!(
            "view {v:?}: expected south,west,north,east in degrees"
        ))),
    }
}

/// `WxH` in pixels, within reason.
fn size(s: Option<&str>, aspect: f64) -> (f64, f64) {
    let parsed = s.and_then(|s| {
        let (w, h) = s.split_once('x')?;
        Some((w.trim().parse::<f64>().ok()?, h.trim().parse::<f64>().ok()?))
    });
    match parsed {
        Some((w, h)) if (100.0..=4000.0).contains(&w) && (100.0..=4000.0).contains(&h) => (w, h),
        _ => (960.0, (960.0 * aspect).clamp(240.0, 1400.0)),
    }
}

/// A marker: one cell (or several merged), in pixels of the drawn map.
struct Marker {
    x: f64,
    y: f64,
    count: u64,
    deep: u64,
    /// The best events, best first.
    events: Vec<MapEvent>,
    /// Degrees covered by its cells: south, west, north, east (what a click zooms to).
    bounds: (f64, f64, f64, f64),
}

impl Marker {
    fn radius(&self) -> f64 {
        if self.count == 1 {
            DOT_PX
        } else {
            (CLUSTER_MIN_PX + 3.0 * (self.count as f64).log2()).min(CLUSTER_MAX_PX)
        }
    }
}

/// The name of a place without its country: "Rome" for "Rome, Italy".
fn short_place(p: &str) -> &str {
    p.split(',').next().unwrap_or(p).trim()
}

/// A label no longer than `max` characters.
fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end())
}

/// A count with its thousands grouped: "190,436".
fn grouped(n: u64) -> String {
    count(n, "", "").trim().to_string()
}

/// A count that fits in a marker: 950, 4.6k, 41k, 190k, 1.2M.
fn short_count(n: u64) -> String {
    match n {
        0..=999 => n.to_string(),
        1_000..=9_949 => format!("{:.1}k", n as f64 / 1e3),
        9_950..=999_499 => format!("{:.0}k", n as f64 / 1e3),
        _ => format!("{:.1}M", n as f64 / 1e6),
    }
}

/// What the page shows, and the parts the script swaps in.
pub(crate) struct Drawn {
    pub(crate) page: Markup,
    parts: Markup,
}

pub(crate) fn body(app: &App, p: MapPage) -> Result<Drawn, ApiError> {
    let q = p.q.unwrap_or_default();
    let from = p.from.filter(|s| !s.trim().is_empty());
    let to = p.to.filter(|s| !s.trim().is_empty());
    let (request, window) = map_request(Some(&q), from.as_deref(), to.as_deref())?;
    let (south, west, north, east) = view(p.view.as_deref())?;
    let (x0, y0) = project(north, west);
    let (x1, y1) = project(south, east);
    let (w, h) = (x1 - x0, y1 - y0);
    let (pw, ph) = size(p.size.as_deref(), h / w);
    // Pixels per map unit, as the browser fits the view in the box (preserveAspectRatio meet).
    let k = (pw / w).min(ph / h);
    let (ox, oy) = ((pw - w * k) / 2.0, (ph - h * k) / 2.0);
    let to_px = |lat: f64, lon: f64| {
        let (x, y) = project(lat, lon);
        ((x - x0) * k + ox, (y - y0) * k + oy)
    };
    let grid = Grid {
        south: south.max(-90.0),
        west: west.max(-180.0),
        north: north.min(90.0),
        east: east.min(180.0),
        rows: ((ph / CELL_PX).round() as usize).clamp(1, 64),
        cols: ((pw / CELL_PX).round() as usize).clamp(1, 128),
    };
    let opts = MapOptions {
        window,
        grid,
        per_cell: 3,
        top: 40,
        deep_before: deep_before(),
    };
    let mut cells = tokio::task::block_in_place(|| {
        app.index()?
            .map_cells(&request, &opts)
            .map_err(ApiError::from)
    })?;
    crate::api::explore::name_places(&mut cells);
    // The event asked for: its title and first located place.
    let selected = match p.event.as_deref().filter(|s| !s.is_empty()) {
        Some(id) => app.read(|s| Ok(s.get(id)?))?.and_then(|e| {
            let place = e
                .places
                .iter()
                .find(|p| p.lat.is_some() && p.lon.is_some())?;
            Some(MapEvent {
                id: e.id.clone(),
                title: e.title.clone(),
                date: e.date.written(),
                place: format!("{}, {}", place.name, place.country),
                places: Vec::new(),
                lat: place.lat?,
                lon: place.lon?,
                deep: false,
            })
        }),
        None => None,
    };

    // One marker per cell at the mean of its events, then merged until none overlap.
    let (cell_h, cell_w) = (
        (grid.north - grid.south) / grid.rows as f64,
        (grid.east - grid.west) / grid.cols as f64,
    );
    let mut markers: Vec<Marker> = cells
        .cells
        .iter()
        .map(|c| {
            let (r, col) = ((c.index / grid.cols) as f64, (c.index % grid.cols) as f64);
            let (x, y) = if c.count == 1 {
                to_px(c.best[0].lat, c.best[0].lon)
            } else {
                to_px(c.lat, c.lon)
            };
            let n = grid.north - r * cell_h;
            let wv = grid.west + col * cell_w;
            Marker {
                x,
                y,
                count: c.count,
                deep: c.deep,
                events: c.best.clone(),
                bounds: (n - cell_h, wv, n, wv + cell_w),
            }
        })
        .collect();
    markers.sort_by_key(|m| std::cmp::Reverse(m.count));
    loop {
        let mut merged = false;
        let mut i = 0;
        while i < markers.len() {
            let mut j = i + 1;
            while j < markers.len() {
                let (a, b) = (&markers[i], &markers[j]);
                let gap = a.radius() + b.radius() + 2.0;
                if (a.x - b.x).hypot(a.y - b.y) < gap {
                    let b = markers.remove(j);
                    let a = &mut markers[i];
                    let n = (a.count + b.count) as f64;
                    a.x = (a.x * a.count as f64 + b.x * b.count as f64) / n;
                    a.y = (a.y * a.count as f64 + b.y * b.count as f64) / n;
                    a.count += b.count;
                    a.deep += b.deep;
                    a.events.extend(b.events);
                    a.events.truncate(3);
                    a.bounds = (
                        a.bounds.0.min(b.bounds.0),
                        a.bounds.1.min(b.bounds.1),
                        a.bounds.2.max(b.bounds.2),
                        a.bounds.3.max(b.bounds.3),
                    );
                    merged = true;
                } else {
                    j += 1;
                }
            }
            i += 1;
        }
        if !merged {
            break;
        }
    }

    // Labels never overlap markers or each other: the selected event first, then markers by
    // count, then countries whose name fits in them, then cities.
    let mut placer = Placer::default();
    for m in &markers {
        let r = m.radius();
        placer.try_take([m.x - r, m.y - r, m.x + r, m.y + r]);
    }
    // The selected event is a pin: its head above the place, so that it covers no count.
    let sel_px = selected.as_ref().map(|e| to_px(e.lat, e.lon));
    let head = sel_px.map(|(x, y)| (x, y - PIN_PX));
    if let Some((x, y)) = head {
        placer.take([x - 8.0, y - 8.0, x + 8.0, y + 8.0]);
    }
    // Beside a marker: right, left, above, below; further out when `far` (the selected event,
    // whose name must show even among clusters).
    let place_label = |placer: &mut Placer, x: f64, y: f64, r: f64, text: &str, size: f64| {
        let em = if size == CITY_PX { 0.56 } else { 0.62 };
        let (tw, th) = (text_width(text, size, em), size * 1.2);
        let far = size > LABEL_PX;
        let gaps: &[f64] = if far {
            &[3.0, 16.0, 30.0, 48.0, 70.0]
        } else {
            &[3.0]
        };
        let spots = gaps.iter().flat_map(|g| {
            let gap = r + g;
            [
                (x + gap, y - th / 2.0, "start"),
                (x - gap - tw, y - th / 2.0, "end"),
                (x - tw / 2.0, y - gap - th, "middle"),
                (x - tw / 2.0, y + gap, "middle"),
            ]
        });
        for (lx, ly, anchor) in spots {
            if lx < 2.0 || ly < 2.0 || lx + tw > pw - 2.0 || ly + th > ph - 2.0 {
                continue;
            }
            if placer.try_take([lx - 2.0, ly, lx + tw + 2.0, ly + th]) {
                let ax = match anchor {
                    "start" => lx,
                    "end" => lx + tw,
                    _ => lx + tw / 2.0,
                };
                return Some((ax, ly + th * 0.8, anchor));
            }
        }
        None
    };
    let mut labels: Vec<(f64, f64, &'static str, String, &'static str)> = Vec::new();
    if let (Some((x, y)), Some(e)) = (head, &selected) {
        let text = clip(&e.title, 40);
        if let Some((lx, ly, a)) = place_label(&mut placer, x, y, 8.0, &text, LABEL_PX + 1.0) {
            labels.push((lx, ly, a, text, "label selected"));
        }
    }
    for m in &markers {
        let text = match (m.count, m.events.first()) {
            (1, Some(e)) => clip(&e.title, 32),
            (n, Some(e)) if !e.place.is_empty() => {
                format!("{} · {}", clip(short_place(&e.place), 20), grouped(n))
            }
            (n, _) => grouped(n),
        };
        let class = if m.count == 1 {
            "label event"
        } else {
            "label cluster"
        };
        if let Some((lx, ly, a)) = place_label(&mut placer, m.x, m.y, m.radius(), &text, LABEL_PX) {
            labels.push((lx, ly, a, text, class));
        }
    }
    let mut base: Vec<(f64, f64, &'static str, String, &'static str)> = Vec::new();
    let mut cities: Vec<(f64, f64)> = Vec::new();
    for l in crate::map::base_labels() {
        let (x, y) = to_px(l.lat, l.lon);
        if x < 0.0 || y < 0.0 || x > pw || y > ph {
            continue;
        }
        if l.kind == "country" {
            let tw = text_width(&l.name, COUNTRY_PX, 0.78);
            if tw > l.width * SCALE * k * 0.9 {
                continue;
            }
            let r = [
                x - tw / 2.0,
                y - COUNTRY_PX * 0.6,
                x + tw / 2.0,
                y + COUNTRY_PX * 0.6,
            ];
            if r[0] > 2.0 && r[2] < pw - 2.0 && placer.try_take(r) {
                base.push((
                    x,
                    y + COUNTRY_PX * 0.35,
                    "middle",
                    l.name.clone(),
                    "country-name",
                ));
            }
        } else if cities.len() < 60 {
            // A city is named when its dot and its name fit.
            if !placer.try_take([x - 2.0, y - 2.0, x + 2.0, y + 2.0]) {
                continue;
            }
            if let Some((lx, ly, a)) = place_label(&mut placer, x, y, 1.5, &l.name, CITY_PX) {
                cities.push((x, y));
                base.push((lx, ly, a, l.name.clone(), "city-name"));
            }
        }
    }

    // Back from pixels to map units for the SVG.
    let ux = |px: f64| x0 + (px - ox) / k;
    let uy = |py: f64| y0 + (py - oy) / k;
    let u = 1.0 / k;
    let (fa, fz) = (
        from.clone().unwrap_or_default(),
        to.clone().unwrap_or_default(),
    );
    let selected_id = selected.as_ref().map(|e| e.id.as_str()).unwrap_or("");
    let link = |extra: &str| {
        let mut s = format!("q={}&from={}&to={}", enc(&q), enc(&fa), enc(&fz));
        if !selected_id.is_empty() {
            s.push_str(&format!("&event={}", enc(selected_id)));
        }
        s.push_str(extra);
        s
    };
    let zoom_href = |b: (f64, f64, f64, f64)| {
        let (dl, dw) = ((b.2 - b.0) * 0.25, (b.3 - b.1) * 0.25);
        let v = format!(
            "{:.4},{:.4},{:.4},{:.4}",
            (b.0 - dl).max(-90.0),
            (b.1 - dw).max(-180.0),
            (b.2 + dl).min(90.0),
            (b.3 + dw).min(180.0)
        );
        format!("/map?{}", link(&format!("&view={}", enc(&v))))
    };
    let f = |v: f64| format!("{v:.2}");
    let in_view = !(south <= -90.0 && west <= -180.0 && north >= 90.0 && east >= 180.0);
    let what = if q.is_empty() {
        String::new()
    } else {
        format!(" matching {q}")
    };
    let when = match (&from, &to) {
        (None, None) => String::new(),
        _ => format!(
            " from {} to {}",
            from.as_deref()
                .map_or("the first".into(), super::param_text),
            to.as_deref().map_or("the last".into(), super::param_text)
        ),
    };
    let count_p = html! {
            p.map-count aria-live="polite" data-total=(cells.total) {
                (count(cells.total, "located event", "located events")) (what) (when)
                @if in_view { " in this view" } "."
                @if cells.deep > 0 {
                    " " span.deep-note {
                        (count(cells.deep, "is", "are")) " from deep time (before 10,000 BC), drawn hollow: today's coastlines are not theirs."
                    }
                }
            }
    };
    let layers = html! {
                g.markers {
                    @for m in &markers {
                        @let r = m.radius() * u;
                        @let (cx, cy) = (ux(m.x), uy(m.y));
                        @let deep = if m.deep == m.count { " deep" } else { "" };
                        @if m.count == 1 {
                            @let e = &m.events[0];
                            a.marker href=(event_href(&e.id)) data-id=(e.id) aria-label=(format!("{} ({}), {}{}", e.title, e.date, e.place, if e.deep { ", deep time" } else { "" })) {
                                circle class=(format!("event{deep}{}", if e.id == selected_id { " selected" } else { "" })) cx=(f(cx)) cy=(f(cy)) r=(f(r)) stroke-width=(f(1.5 * u)) {}
                            }
                        } @else {
                            @let names: Vec<&str> = m.events.iter().map(|e| e.title.as_str()).collect();
                            @let around = m.events.first().map(|e| e.place.as_str()).filter(|p| !p.is_empty());
                            a.cluster-g href=(zoom_href(m.bounds)) data-count=(m.count) data-bounds=(format!("{:.4},{:.4},{:.4},{:.4}", m.bounds.0, m.bounds.1, m.bounds.2, m.bounds.3)) aria-label=(format!("{}{}: {}{}. Zoom in", count(m.count, "event", "events"), around.map(|p| format!(" around {p}")).unwrap_or_default(), names.join("; "), if m.count as usize > names.len() { "…" } else { "" })) {
                                circle class=(format!("cluster{deep}")) cx=(f(cx)) cy=(f(cy)) r=(f(r)) stroke-width=(f(1.5 * u)) {}
                                text.count x=(f(cx)) y=(f(cy + 4.0 * u)) font-size=(f(11.0 * u)) text-anchor="middle" aria-hidden="true" { (short_count(m.count)) }
                            }
                        }
                    }
                    @if let (Some(e), Some((x, y))) = (&selected, sel_px) {
                        a.marker.target href=(event_href(&e.id)) data-id=(e.id) aria-label=(format!("{} ({}), {}: the event you came from", e.title, e.date, e.place)) {
                            line.pin x1=(f(ux(x))) y1=(f(uy(y))) x2=(f(ux(x))) y2=(f(uy(y - PIN_PX + 6.0))) stroke-width=(f(2.5 * u)) {}
                            circle.pin-foot cx=(f(ux(x))) cy=(f(uy(y))) r=(f(2.5 * u)) {}
                            circle.event.selected cx=(f(ux(x))) cy=(f(uy(y - PIN_PX))) r=(f(7.0 * u)) stroke-width=(f(2.5 * u)) {}
                        }
                    }
                }
                g.labels aria-hidden="true" {
                    @for (x, y, _) in cities.iter().map(|(x, y)| (x, y, ())) {
                        circle.city cx=(f(ux(*x))) cy=(f(uy(*y))) r=(f(1.6 * u)) {}
                    }
                    @for (x, y, anchor, text, class) in labels.iter().chain(&base) {
                        @let size = match *class { "country-name" => COUNTRY_PX, "city-name" => CITY_PX, "label selected" => LABEL_PX + 1.0, _ => LABEL_PX };
                        text class=(class) x=(f(ux(*x))) y=(f(uy(*y))) font-size=(f(size * u)) text-anchor=(anchor) stroke-width=(f(3.0 * u)) { (text) }
                    }
                }
    };
    let list = html! {
            @if !cells.top.is_empty() {
                h2.map-list-title { "Best known here" }
                ol.hits.map-list {
                    @for e in &cells.top {
                        li.deep[e.deep] {
                            a.title href=(event_href(&e.id)) { (e.title) }
                            " " span.when { (e.date) }
                            @if !e.place.is_empty() { " · " span.where { (e.place) } }
                            @if e.deep { " · " span.deep-tag { "deep time" } }
                        }
                    }
                }
            }
    };
    let parts = html! {
        div.map-parts { (count_p) svg.map-layer { (layers) } (list) }
    };
    let view_param = p.view.as_deref().filter(|v| !v.is_empty());
    let periods: Vec<(&str, String, bool)> = PERIODS
        .iter()
        .map(|(name, a, b)| {
            let mut href = format!("/map?q={}&from={}&to={}", enc(&q), enc(a), enc(b));
            if let Some(v) = view_param {
                href.push_str(&format!("&view={}", enc(v)));
            }
            if !selected_id.is_empty() {
                href.push_str(&format!("&event={}", enc(selected_id)));
            }
            (*name, href, fa == *a && fz == *b)
        })
        .collect();
    let page = html! {
        h1 { "Map" }
        @if let Some(e) = &selected {
            p.map-selected { "Showing " a href=(event_href(&e.id)) { (e.title) } " (" (e.date) ") at " (e.place) ", in blue." }
        }
        (count_p)
        div.map-wrap data-q=(q) data-from=(fa) data-to=(fz) data-event=(selected_id) {
            div.map-bar role="toolbar" aria-label="Map controls" hidden {
                button type="button" data-act="out" aria-label="Zoom out" title="Zoom out (-)" { "−" }
                button type="button" data-act="in" aria-label="Zoom in" title="Zoom in (+)" { "+" }
                button type="button" data-act="west" aria-label="Pan west" { "←" }
                button type="button" data-act="north" aria-label="Pan north" { "↑" }
                button type="button" data-act="south" aria-label="Pan south" { "↓" }
                button type="button" data-act="east" aria-label="Pan east" { "→" }
                button type="button" data-act="world" aria-label="Whole world" { "World" }
            }
            div.map-view tabindex="0" role="group" aria-label="Map: + and − zoom, arrow keys pan, Tab moves to the events" {
                svg.map viewBox=(format!("{x0:.2} {y0:.2} {w:.2} {h:.2}")) role="group" aria-label="World map of the events" {
                    rect.sea x="-720" y="-360" width="2160" height="1080" {}
                    (PreEscaped(crate::map::countries()))
                    (layers)
                }
            }
            ul.map-legend aria-label="Legend" {
                li { svg width="14" height="14" aria-hidden="true" { circle.event cx="7" cy="7" r="5" {} } " an event" }
                li { svg width="18" height="18" aria-hidden="true" { circle.cluster cx="9" cy="9" r="8" {} } " events near each other: zoom in" }
                li { svg width="18" height="18" aria-hidden="true" { circle.cluster.deep cx="9" cy="9" r="7" stroke-width="2" {} } " deep time" }
                @if selected.is_some() { li { svg width="18" height="18" aria-hidden="true" { circle.event.selected cx="9" cy="9" r="7" stroke-width="2" {} } " the event you came from" } }
            }
        }
        nav.map-periods aria-label="Periods" {
            span { "When:" }
            @for (name, href, current) in &periods {
                " " a href=(href) aria-current=[current.then_some("true")] { (name) }
            }
        }
        form.map-form action="/map" method="get" role="search" aria-label="Events on the map" {
            label { span { "Search" } input type="search" name="q" value=(q) placeholder="battle, place:Rome, participant:\"Napoleon Bonaparte\"" {} }
            label { span { "From" } input type="text" name="from" value=(fa) placeholder="1800, 44 BC, 66 Ma" size="10" {} }
            label { span { "To" } input type="text" name="to" value=(fz) placeholder="1900" size="10" {} }
            @if !selected_id.is_empty() { input type="hidden" name="event" value=(selected_id) {} }
            button type="submit" { "Show" }
        }
        (list)
        p {
            a href=(format!("/map?{}", link(""))) { "Whole world" } " · "
            a.timelinelink href=(format!("/timeline?q={}&from={}&to={}", enc(&q), enc(&fa), enc(&fz))) { "Timeline of these events" } " · "
            a href=(format!("/search?q={}", enc(&q))) { "Search results" }
        }
    };
    Ok(Drawn { page, parts })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_and_sizes() {
        assert_eq!(view(None).unwrap(), (-90.0, -180.0, 90.0, 180.0));
        assert_eq!(view(Some("10,20,30,40")).unwrap(), (10.0, 20.0, 30.0, 40.0));
        assert!(
            view(Some("-120,-180,120,180")).is_ok(),
            "sea above and below"
        );
        assert!(view(Some("30,20,10,40")).is_err());
        assert!(view(Some("95,0,100,10")).is_err(), "nothing of the world");
        assert!(view(Some("nonsense")).is_err());
        assert_eq!(size(Some("390x600"), 0.5), (390.0, 600.0));
        assert_eq!(size(Some("1x1"), 0.5), (960.0, 480.0));
        assert_eq!(size(None, 0.5), (960.0, 480.0));
    }

    #[test]
    fn labels_are_short() {
        assert_eq!(short_place("Rome, Italy"), "Rome");
        assert_eq!(clip("Battle of Hastings", 40), "Battle of Hastings");
        assert_eq!(clip("abcdefghij", 5), "abcd…");
        assert_eq!(grouped(190_436), "190,436");
        let short: Vec<String> = [7, 999, 4_649, 9_960, 41_064, 190_436, 1_234_567]
            .into_iter()
            .map(short_count)
            .collect();
        assert_eq!(short, ["7", "999", "4.6k", "10k", "41k", "190k", "1.2M"]);
    }
}
