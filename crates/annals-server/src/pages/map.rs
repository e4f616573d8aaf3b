//! `/map?q=&view=&from=&to=`: the located events on a world map (offline country outlines),
//! clustered; a cluster links to a zoom into it, an event to its page. Works without
//! JavaScript; `assets/map.js` adds pan and zoom (`docs/web.md`).

use super::{count, enc, event_href, Page, Shared};
use crate::app::App;
use crate::error::ApiError;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use maud::{html, Markup, PreEscaped};
use serde::Deserialize;

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
    /// An event to highlight (from its page's "On the map").
    event: Option<String>,
}

/// `GET /map`.
pub async fn map(State(app): Shared, Query(p): Query<MapPage>, headers: HeaderMap) -> Response {
    let q = p.q.clone().unwrap_or_default();
    match body(&app, p) {
        Ok(body) => Page {
            title: "Map",
            q: &q,
            description: "Historical events on a map of the world.",
            scripts: &["map.js"],
            head: html! {},
            body,
            viewer: app.session(&headers),
        }
        .render(),
        Err(e) if e.code == "query_error" => super::errors::query_error(&q, &e),
        Err(e) => super::error_page(e),
    }
}

/// The view asked for: south, west, north, east.
fn view(v: Option<&str>) -> Result<(f64, f64, f64, f64), ApiError> {
    let Some(v) = v else {
        return Ok((-90.0, -180.0, 90.0, 180.0));
    };
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
            Ok((s, w, nn, e))
        }
        _ => Err(ApiError::bad(format!(
            "view {v:?}: expected south,west,north,east in degrees"
        ))),
    }
}

fn body(app: &App, p: MapPage) -> Result<Markup, ApiError> {
    let q = p.q.unwrap_or_default();
    let (south, west, north, east) = view(p.view.as_deref())?;
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
    let unit = w / 120.0;
    let selected = p.event.as_deref().unwrap_or("");
    let link = |extra: &str| format!("q={}&from={}&to={}{extra}", enc(&q), enc(&fa), enc(&fz));
    Ok(html! {
        h1 { "Map" }
        p.map-count {
            (count(points.len() as u64, "located event", "located events"))
            @if !q.is_empty() { " matching " q { (q) } }
            @if !fa.is_empty() || !fz.is_empty() { " from " (fa) " to " (fz) }
            "."
        }
        div.map-wrap data-q=(q) data-from=(fa) data-to=(fz) data-event=(selected) {
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
                svg.map viewBox=(format!("{x0:.1} {y0:.1} {w:.1} {h:.1}")) role="group" aria-label="World map of the events" {
                    rect.sea x="-360" y="-180" width="1440" height="720" {}
                    (PreEscaped(crate::map::countries()))
                    g.markers {
                        @for ((r, c), pts) in &cells {
                            @let lat = pts.iter().map(|p| p.1).sum::<f64>() / pts.len() as f64;
                            @let lon = pts.iter().map(|p| p.2).sum::<f64>() / pts.len() as f64;
                            @let (x, y) = crate::map::project(lat, lon);
                            @if pts.len() == 1 {
                                @let ((id, title, date), _, _) = pts[0];
                                a href=(event_href(id)) {
                                    circle.event.selected[id == selected] cx=(format!("{x:.2}")) cy=(format!("{y:.2}")) r=(format!("{:.2}", unit * 0.8)) {
                                        title { (title) " (" (date) ")" }
                                    }
                                }
                            } @else {
                                @let s = south + *r as f64 * cell;
                                @let wv = west + *c as f64 * cell;
                                @let zoom = format!(
                                    "{:.4},{:.4},{:.4},{:.4}",
                                    (s - cell).max(-90.0),
                                    (wv - cell).max(-180.0),
                                    (s + 2.0 * cell).min(90.0),
                                    (wv + 2.0 * cell).min(180.0)
                                );
                                @let rad = unit * (1.0 + (pts.len() as f64).log2() / 2.0);
                                a href=(format!("/map?{}", link(&format!("&view={}", enc(&zoom))))) {
                                    circle.cluster cx=(format!("{x:.2}")) cy=(format!("{y:.2}")) r=(format!("{rad:.2}")) {
                                        title { (count(pts.len() as u64, "event", "events")) ": zoom in" }
                                    }
                                    text x=(format!("{x:.2}")) y=(format!("{:.2}", y + rad * 0.35)) font-size=(format!("{rad:.2}")) text-anchor="middle" { (pts.len()) }
                                }
                            }
                        }
                    }
                }
            }
        }
        p {
            a href=(format!("/map?{}", link(""))) { "Whole world" } " · "
            a.timelinelink href=(format!("/timeline?{}", link(""))) { "Timeline of these events" } " · "
            a href=(format!("/search?q={}", enc(&q))) { "Search results" }
        }
        ol.hits.map-list {
            @for ((id, title, date), _, _) in points.iter().take(50) {
                li { span.when { (date) } " " a.title href=(event_href(id)) { (title) } }
            }
        }
    })
}
