//! `/map?q=&from=&to=&view=&event=`: the located events on a world map (offline country
//! outlines, named countries and cities), counted by the index on a grid over the view
//! ([`annals_index::SearchIndex::map_cells`]) and drawn as named markers that never overlap: a
//! cluster is named by its place and count and zooms in, a single event by its title and
//! links to its page. The count and the list follow the view and the time window; the event
//! asked for (`event=`, from its page's "On the map") is drawn first and highlighted; events
//! of deep time are marked. Works without JavaScript; `assets/map.js` pans and zooms and asks
//! for the markers of each new view with `part=markers&size=WxH` (this very layout, so that
//! the script draws nothing of its own; `docs/web.md`).

use super::{enc, event_href, Page, Shared};
use crate::api::explore::map_request;
use crate::app::App;
use crate::error::ApiError;
use crate::lang::{t, tw};
use annals_index::MapOptions;
use annals_render::map::{layout, short_count, Frame, Kind, Marker, PIN_PX};
use annals_render::world::text_width;
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
    ("map-all-time", "", ""),
    ("era-deep-time", "", "10000 BC"),
    ("map-antiquity", "3000 BC", "500"),
    ("map-middle-ages", "500", "1500"),
    ("map-early-modern", "1500", "1800"),
    ("map-19th-century", "1801", "1900"),
    ("map-20th-century", "1901", "2000"),
    ("map-since-2000", "2000", ""),
];

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
            title: &t("nav-map"),
            q: &q,
            description: &t("map-description"),
            scripts: &["map.js", "card.js"],
            head: html! {},
            body: html! { (drawn.page) (super::embed::snippet(&headers, &embed, &t("nav-map"), 560)) },
            viewer: app.session(&headers),
        }
        .render(),
        Err(e) if part => e.into_response(),
        Err(e) if e.code == "query_error" => super::errors::query_error(&q, &e),
        Err(e) => super::error_page(e),
    }
}

/// The view asked for: south, west, north, east (the whole world when none is given).
pub(crate) fn view(v: Option<&str>) -> Result<(f64, f64, f64, f64), ApiError> {
    match v.filter(|v| !v.trim().is_empty()) {
        None => Ok(annals_render::map::WORLD),
        Some(v) => annals_render::map::parse_view(v).ok_or_else(|| {
            ApiError::bad(format!(
                "view {v:?}: expected south,west,north,east in degrees"
            ))
        }),
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
    let v = (south, west, north, east);
    let frame = Frame::new(v, size(p.size.as_deref(), Frame::aspect(v)));
    let (x0, y0, w, h) = frame.view_box();
    let opts = MapOptions {
        window,
        grid: frame.grid(),
        per_cell: 3,
        top: 40,
        deep_before: annals_render::map::deep_before(),
    };
    let mut cells = tokio::task::block_in_place(|| {
        app.index()?
            .map_cells(&request, &opts)
            .map_err(ApiError::from)
    })?;
    annals_render::map::name_places(&mut cells);
    // Titles in the reader's language where the events have them.
    let reader = crate::lang::current().code();
    for e in cells.cells.iter_mut().flat_map(|c| c.best.iter_mut()) {
        e.in_language(reader);
    }
    for e in &mut cells.top {
        e.in_language(reader);
    }
    // The event asked for: its title and first located place.
    let selected = match p.event.as_deref().filter(|s| !s.is_empty()) {
        Some(id) => app
            .read(|s| Ok(s.get(id)?))?
            .as_ref()
            .and_then(annals_render::map::selected)
            .map(|mut e| {
                e.in_language(reader);
                e
            }),
        None => None,
    };
    // Widths as a browser draws the page's sans-serif, about: countries in spaced capitals.
    let measure = |t: &str, kind: Kind| {
        let em = match kind {
            Kind::Country => 0.78,
            Kind::City => 0.56,
            _ => 0.62,
        };
        text_width(t, kind.size(), em)
    };
    let laid = layout(&frame, &cells, selected, &measure);
    let markers: &[Marker] = &laid.markers;
    let selected = laid.selected.as_ref().map(|(e, _)| e);
    let sel_px = laid.selected.as_ref().map(|(_, at)| *at);

    // Back from pixels to map units for the SVG.
    let ux = |px: f64| frame.units(px, 0.0).0;
    let uy = |py: f64| frame.units(0.0, py).1;
    let u = 1.0 / frame.scale();
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
    let in_view = !frame.whole_world();
    let what = if q.is_empty() {
        String::new()
    } else {
        format!(" {}", tw("map-matching", &[("q", (&q).into())]))
    };
    let when = match (&from, &to) {
        (None, None) => String::new(),
        _ => {
            let first = from
                .as_deref()
                .map_or_else(|| t("map-the-first"), super::param_text);
            let last = to
                .as_deref()
                .map_or_else(|| t("map-the-last"), super::param_text);
            format!(
                " {}",
                tw(
                    "map-from-to",
                    &[("from", (&first).into()), ("to", (&last).into())]
                )
            )
        }
    };
    let count_p = html! {
            p.map-count aria-live="polite" data-total=(cells.total) {
                (tw("map-located", &[("n", cells.total.into())])) (what) (when)
                @if in_view { " " (t("map-in-view")) } "."
                @if cells.deep > 0 {
                    " " span.deep-note {
                        (tw("map-deep", &[("n", cells.deep.into())]))
                    }
                }
            }
    };
    let layers = html! {
                g.markers {
                    @for m in markers {
                        @let r = m.radius() * u;
                        @let (cx, cy) = (ux(m.x), uy(m.y));
                        @let deep = if m.deep == m.count { " deep" } else { "" };
                        @if m.count == 1 {
                            @let e = &m.events[0];
                            a.marker href=(event_href(&e.id)) data-id=(e.id) data-date=(e.date) aria-label=(format!("{} ({}), {}{}", e.title, e.date, e.place, if e.deep { format!(", {}", t("map-deep-time")) } else { String::new() })) {
                                circle class=(format!("event{deep}{}", if e.id == selected_id { " selected" } else { "" })) cx=(f(cx)) cy=(f(cy)) r=(f(r)) stroke-width=(f(1.5 * u)) {}
                            }
                        } @else {
                            @let names: Vec<&str> = m.events.iter().map(|e| e.title.as_str()).collect();
                            @let around = m.events.first().map(|e| e.place.as_str()).filter(|p| !p.is_empty());
                            a.cluster-g href=(zoom_href(m.bounds)) data-count=(m.count) data-bounds=(format!("{:.4},{:.4},{:.4},{:.4}", m.bounds.0, m.bounds.1, m.bounds.2, m.bounds.3)) aria-label=(format!("{}{}: {}{}. {}", tw("events", &[("n", m.count.into())]), around.map(|p| format!(" {}", tw("map-around", &[("place", p.into())]))).unwrap_or_default(), names.join("; "), if m.count as usize > names.len() { "…" } else { "" }, t("zoom-in"))) {
                                circle class=(format!("cluster{deep}")) cx=(f(cx)) cy=(f(cy)) r=(f(r)) stroke-width=(f(1.5 * u)) {}
                                text.count x=(f(cx)) y=(f(cy + 4.0 * u)) font-size=(f(11.0 * u)) text-anchor="middle" aria-hidden="true" { (short_count(m.count)) }
                            }
                        }
                    }
                    @if let (Some(e), Some((x, y))) = (selected, sel_px) {
                        a.marker.target href=(event_href(&e.id)) data-id=(e.id) aria-label=(format!("{} ({}), {}: {}", e.title, e.date, e.place, t("map-came-from"))) {
                            line.pin x1=(f(ux(x))) y1=(f(uy(y))) x2=(f(ux(x))) y2=(f(uy(y - PIN_PX + 6.0))) stroke-width=(f(2.5 * u)) {}
                            circle.pin-foot cx=(f(ux(x))) cy=(f(uy(y))) r=(f(2.5 * u)) {}
                            circle.event.selected cx=(f(ux(x))) cy=(f(uy(y - PIN_PX))) r=(f(7.0 * u)) stroke-width=(f(2.5 * u)) {}
                        }
                    }
                }
                g.labels aria-hidden="true" {
                    @for (x, y) in &laid.cities {
                        circle.city cx=(f(ux(*x))) cy=(f(uy(*y))) r=(f(1.6 * u)) {}
                    }
                    @for l in &laid.labels {
                        text class=(l.kind.class()) x=(f(ux(l.x))) y=(f(uy(l.y))) font-size=(f(l.kind.size() * u)) text-anchor=(l.anchor) stroke-width=(f(3.0 * u)) { (l.text) }
                    }
                }
    };
    let list = html! {
            @if !cells.top.is_empty() {
                h2.map-list-title { (t("map-best-known")) }
                ol.hits.map-list {
                    @for e in &cells.top {
                        li.deep[e.deep] {
                            a.title href=(event_href(&e.id)) lang=[e.title_lang.as_deref()] { (e.title) }
                            " " span.when { (e.date) }
                            @if !e.place.is_empty() { " · " span.where { (e.place) } }
                            @if e.deep { " · " span.deep-tag { (t("map-deep-time")) } }
                        }
                    }
                }
            }
    };
    let parts = html! {
        div.map-parts { (count_p) svg.map-layer { (layers) } (list) }
    };
    let view_param = p.view.as_deref().filter(|v| !v.is_empty());
    let periods: Vec<(String, String, bool)> = PERIODS
        .iter()
        .map(|(name, a, b)| {
            let mut href = format!("/map?q={}&from={}&to={}", enc(&q), enc(a), enc(b));
            if let Some(v) = view_param {
                href.push_str(&format!("&view={}", enc(v)));
            }
            if !selected_id.is_empty() {
                href.push_str(&format!("&event={}", enc(selected_id)));
            }
            (t(name), href, fa == *a && fz == *b)
        })
        .collect();
    let page = html! {
        h1 { (t("nav-map")) }
        @if let Some(e) = selected {
            p.map-selected { (t("map-showing")) " " a href=(event_href(&e.id)) { (e.title) } " (" (e.date) ") " (tw("map-showing-at", &[("place", (&e.place).into())])) }
        }
        (count_p)
        div.map-wrap data-q=(q) data-from=(fa) data-to=(fz) data-event=(selected_id) {
            div.map-bar role="toolbar" aria-label=(t("map-controls")) hidden {
                button type="button" data-act="out" aria-label=(t("zoom-out")) title=(format!("{} (-)", t("zoom-out"))) { "−" }
                button type="button" data-act="in" aria-label=(t("zoom-in")) title=(format!("{} (+)", t("zoom-in"))) { "+" }
                button type="button" data-act="west" aria-label=(t("pan-west")) { "←" }
                button type="button" data-act="north" aria-label=(t("pan-north")) { "↑" }
                button type="button" data-act="south" aria-label=(t("pan-south")) { "↓" }
                button type="button" data-act="east" aria-label=(t("pan-east")) { "→" }
                button type="button" data-act="world" aria-label=(t("whole-world")) { (t("world")) }
            }
            div.map-view tabindex="0" role="group" aria-label=(t("map-keys")) {
                svg.map viewBox=(format!("{x0:.2} {y0:.2} {w:.2} {h:.2}")) role="group" aria-label=(t("world-map")) {
                    rect.sea x="-720" y="-360" width="2160" height="1080" {}
                    (PreEscaped(annals_render::world::countries()))
                    (layers)
                }
            }
            ul.map-legend aria-label=(t("legend")) {
                li { svg width="14" height="14" aria-hidden="true" { circle.event cx="7" cy="7" r="5" {} } " " (t("map-an-event")) }
                li { svg width="18" height="18" aria-hidden="true" { circle.cluster cx="9" cy="9" r="8" {} } " " (t("map-near")) }
                li { svg width="18" height="18" aria-hidden="true" { circle.cluster.deep cx="9" cy="9" r="7" stroke-width="2" {} } " " (t("map-deep-time")) }
                @if selected.is_some() { li { svg width="18" height="18" aria-hidden="true" { circle.event.selected cx="9" cy="9" r="7" stroke-width="2" {} } " " (t("map-came-from")) } }
            }
        }
        nav.map-periods aria-label=(t("map-periods")) {
            span { (t("map-when")) }
            @for (name, href, current) in &periods {
                " " a href=(href) aria-current=[current.then_some("true")] { (name) }
            }
        }
        form.map-form action="/map" method="get" role="search" aria-label=(t("map-form")) {
            label { span { (t("search-button")) } input type="search" name="q" value=(q) placeholder="battle, place:Rome, participant:\"Napoleon Bonaparte\"" {} }
            label { span { (t("from")) } input type="text" name="from" value=(fa) placeholder=(t("map-from-example")) size="10" {} }
            label { span { (t("map-to")) } input type="text" name="to" value=(fz) placeholder="1900" size="10" {} }
            @if !selected_id.is_empty() { input type="hidden" name="event" value=(selected_id) {} }
            button type="submit" { (t("map-show")) }
        }
        (list)
        p {
            a href=(format!("/map?{}", link(""))) { (t("whole-world")) } " · "
            a.timelinelink href=(format!("/timeline?q={}&from={}&to={}", enc(&q), enc(&fa), enc(&fz))) { (t("timeline-of-these")) } " · "
            a href=(format!("/search?q={}", enc(&q))) { (t("search-results")) }
        }
        p.figures {
            (t("download-view")) " "
            @for (i, (f, name)) in [("png", "PNG"), ("svg", "SVG"), ("pdf", "PDF")].iter().enumerate() {
                @if i > 0 { ", " }
                a.figurelink download data-format=(f)
                    href=(format!("/map/figure?{}{}&format={f}", link(""), view_param.map(|v| format!("&view={}", enc(v))).unwrap_or_default())) { (name) }
            }
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
}
