//! Exploring: search, timeline density, map points, on this day, the most frequent
//! participants and countries.

use super::{day, parse_query, windowed, Shared};
use crate::app::App;
use crate::error::ApiError;
use crate::openapi::bodies;
use annals_index::{SearchOptions, TimelineOptions};
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;

/// Query parameters of `/api/search`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct SearchParams {
    /// The query (docs/query.md): words, "phrases", -exclusions, OR, and filters such as
    /// date:1950..1970, country:Japan, participant:"...", near:lat,lon,km.
    q: Option<String>,
    /// Hits per page (1 to 100; default 10).
    #[param(minimum = 1, maximum = 100)]
    limit: Option<usize>,
    /// The `next_cursor` of the previous page.
    #[serde(default, deserialize_with = "super::blank_is_none")]
    cursor: Option<String>,
    /// Count facets (default true).
    facets: Option<bool>,
}

/// `GET /api/search?q=...`: the same JSON as `annals search --json`.
#[utoipa::path(get, path = "/api/search", tag = "explore", params(SearchParams),
    responses(
        (status = 200, description = "Hits, best first, with facets and a cursor", body = bodies::SearchResult),
        (status = 400, description = "A query the language cannot read (`query_error`, with where), or a bad parameter", body = bodies::Error),
        (status = 503, description = "The server is busy (`overloaded`; see Retry-After)", body = bodies::Error),
    ))]
pub async fn search(
    State(app): Shared,
    Query(p): Query<SearchParams>,
) -> Result<Response, ApiError> {
    let request = parse_query(p.q.as_deref())?;
    let opts = SearchOptions {
        limit: super::bounded("limit", p.limit, 10, 1..=100)?,
        cursor: p.cursor,
        facets: p.facets.unwrap_or(true),
        facet_size: 10,
        facet_sample: Some(crate::limits::FACET_SAMPLE),
        ..Default::default()
    };
    let result = tokio::task::block_in_place(|| {
        app.index()?.search(&request, &opts).map_err(ApiError::from)
    })?;
    Ok(Json(result).into_response())
}

/// Query parameters of `/api/timeline`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct TimelineParams {
    /// Only events matching this query (default: all).
    q: Option<String>,
    /// Start of the window: a date as people write it ("44 BC", "1914", "66 million years
    /// ago") or EDTF; default the earliest event.
    #[serde(default, deserialize_with = "super::blank_is_none")]
    from: Option<String>,
    /// End of the window; default the latest event.
    #[serde(default, deserialize_with = "super::blank_is_none")]
    to: Option<String>,
    /// At most this many periods (1 to 2000; default 20).
    #[param(minimum = 1, maximum = 2000)]
    buckets: Option<usize>,
    /// Events listed per period, most important first (at most 20; default 3).
    #[param(minimum = 0, maximum = 20)]
    top: Option<usize>,
    /// Also list the explicit relations among the listed events (`links`).
    links: Option<bool>,
    /// An event to show: the answer's `event` then holds its brief and its explicit relations
    /// with theirs (what `/timeline?event=ID` zooms to and draws); absent when no event has
    /// this id.
    #[serde(default, deserialize_with = "super::blank_is_none")]
    event: Option<String>,
    /// Write the periods' labels in this language: `en`, `fr`, `de` or `es` ("années 1960",
    /// "XXe siècle"); English by default and for any other value.
    #[serde(default, deserialize_with = "super::blank_is_none")]
    lang: Option<String>,
}

/// `GET /api/timeline?q=&from=&to=&buckets=&top=&links=&event=&lang=`: the same JSON as
/// `annals timeline --json`; with `links=true` also `links`, the explicit relations among the
/// listed events; with `event=ID` also `event`, that event and its relations; with `lang` the
/// periods labelled in that language.
#[utoipa::path(get, path = "/api/timeline", tag = "explore", params(TimelineParams),
    responses(
        (status = 200, description = "Counts per natural period (day to billion years), with the most important events of each", body = bodies::Timeline),
        (status = 400, description = "A bad query, date or window", body = bodies::Error),
        (status = 503, description = "The server is busy", body = bodies::Error),
    ))]
pub async fn timeline(
    State(app): Shared,
    Query(p): Query<TimelineParams>,
) -> Result<Response, ApiError> {
    let request = parse_query(p.q.as_deref())?;
    let opts = TimelineOptions {
        from: p.from.as_deref().map(|t| day(t, true)).transpose()?,
        to: p.to.as_deref().map(|t| day(t, false)).transpose()?,
        buckets: super::bounded("buckets", p.buckets, 20, 1..=2000)?,
        top: super::bounded("top", p.top, 3, 0..=20)?,
    };
    let mut t = tokio::task::block_in_place(|| {
        app.index()?
            .timeline(&request, &opts)
            .map_err(ApiError::from)
    })?;
    if let Some(lang) = p.lang.as_deref().and_then(annals_i18n::Language::from_code) {
        for e in t.buckets.iter_mut().flat_map(|b| b.top.iter_mut()) {
            e.in_language(lang.code());
        }
        let labels: Vec<String> = t
            .buckets
            .iter()
            .map(|b| crate::pages::period_label_in(&t, b, lang))
            .collect();
        for (b, label) in t.buckets.iter_mut().zip(labels) {
            b.label = label;
        }
    }
    let links = p.links.unwrap_or(false);
    if !links && p.event.is_none() {
        return Ok(Json(t).into_response());
    }
    let mut v = serde_json::to_value(&t).map_err(|e| ApiError::internal(e.to_string()))?;
    if let Some(o) = v.as_object_mut() {
        if links {
            let links = links_among(&app, t.buckets.iter().flat_map(|b| &b.top).map(|e| &e.id))?;
            o.insert("links".into(), serde_json::Value::Array(links));
        }
        if let Some(id) = &p.event {
            if let Some(e) = event_with_relations(&app, id)? {
                o.insert("event".into(), e);
            }
        }
    }
    Ok(Json(v).into_response())
}

/// An event as a timeline draws it (the fields of a bucket's top event), from the store.
fn brief(e: &annals_core::Event) -> Option<serde_json::Value> {
    let (day, hi) = e.date.sort_key();
    if day == i64::MIN || day == i64::MAX {
        return None;
    }
    let (approx_start, approx_end) = annals_index::timeline::fuzzy_ends(&e.date.edtf);
    let take = annals_index::timeline::BRIEF_VALUES;
    let mut countries: Vec<&str> = Vec::new();
    for p in &e.places {
        if !p.country.is_empty() && !countries.contains(&p.country.as_str()) {
            countries.push(&p.country);
        }
    }
    countries.truncate(take);
    Some(serde_json::json!({
        "id": e.id,
        "title": e.title,
        "date": e.date.written(),
        "importance": annals_index::schema::importance(e),
        "day": day,
        "end": if hi == i64::MAX || hi < day { day } else { hi },
        "approx_start": approx_start,
        "approx_end": approx_end,
        "tags": e.tags.iter().take(take).collect::<Vec<_>>(),
        "countries": countries,
        "participants": e.participants.iter().take(take).map(|p| &p.name).collect::<Vec<_>>(),
    }))
}

/// The event `id` as [`brief`] gives it, with `relations`: each explicit relation's event and
/// `kind`. `None` when no event has this id.
fn event_with_relations(app: &App, id: &str) -> Result<Option<serde_json::Value>, ApiError> {
    app.read(|s| {
        let Some(e) = s.get(id)? else {
            return Ok(None);
        };
        let Some(mut v) = brief(&e) else {
            return Ok(None);
        };
        let mut relations = Vec::new();
        for r in e.related.iter().take(50) {
            if let Some(mut b) = s.get(&r.id)?.as_ref().and_then(brief) {
                if let Some(o) = b.as_object_mut() {
                    o.insert("kind".into(), serde_json::json!(r.kind));
                }
                relations.push(b);
            }
        }
        if let Some(o) = v.as_object_mut() {
            o.insert("relations".into(), serde_json::Value::Array(relations));
        }
        Ok(Some(v))
    })
}

/// The explicit relations among `ids`, each once: `{"from", "to", "kind"}`.
pub fn links_among<'a>(
    app: &App,
    ids: impl Iterator<Item = &'a String>,
) -> Result<Vec<serde_json::Value>, ApiError> {
    let ids: std::collections::BTreeSet<&str> = ids.map(String::as_str).collect();
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    app.read(|s| {
        for id in &ids {
            let Some(e) = s.get(id)? else { continue };
            for r in &e.related {
                if r.id == *id || !ids.contains(r.id.as_str()) {
                    continue;
                }
                let key = if r.id.as_str() < *id {
                    (r.id.clone(), id.to_string())
                } else {
                    (id.to_string(), r.id.clone())
                };
                if seen.insert(key) {
                    out.push(serde_json::json!({"from": id, "to": r.id, "kind": r.kind}));
                }
            }
        }
        Ok(())
    })?;
    Ok(out)
}

/// Query parameters of `/api/points`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct PointsParams {
    /// Only events matching this query.
    q: Option<String>,
    /// Start of the time window (a date, as for the timeline).
    #[serde(default, deserialize_with = "super::blank_is_none")]
    from: Option<String>,
    /// End of the time window.
    #[serde(default, deserialize_with = "super::blank_is_none")]
    to: Option<String>,
    /// At most this many points (1 to 20000; default 5000).
    #[param(minimum = 1, maximum = 20000)]
    limit: Option<usize>,
}

/// `GET /api/points?q=&from=&to=&limit=`: the located events matching a query in a window,
/// compactly: `{"points": [{"id", "title", "date", "lat", "lon"}]}`, best matches first (for a
/// query without words, an even sample when there are more than `limit`). What the map draws
/// and clusters.
#[utoipa::path(get, path = "/api/points", tag = "explore", params(PointsParams),
    responses(
        (status = 200, description = "Located events: what the map draws", body = bodies::Points),
        (status = 400, description = "A bad query, date or window", body = bodies::Error),
        (status = 503, description = "The server is busy", body = bodies::Error),
    ))]
pub async fn points(
    State(app): Shared,
    Query(p): Query<PointsParams>,
) -> Result<Response, ApiError> {
    let request = windowed(p.q.as_deref(), p.from.as_deref(), p.to.as_deref())?;
    let limit = super::bounded("limit", p.limit, 5000, 1..=20_000)?;
    let points = tokio::task::block_in_place(|| {
        app.index()?
            .points_in_order(&request, limit, annals_index::collect::Order::Relevance)
            .map_err(ApiError::from)
    })?;
    let points = points
        .iter()
        .map(|((id, title, date), lat, lon)| Point {
            date,
            id,
            lat: *lat,
            lon: *lon,
            title,
        })
        .collect();
    Ok(Json(PointList { points }).into_response())
}

/// The answer of `/api/points` (the `Points` schema), written as it is built: thousands of
/// points, each without a map of its own.
#[derive(Serialize)]
struct PointList<'a> {
    points: Vec<Point<'a>>,
}

/// A point of [`PointList`], its keys in the order the answer has always had them.
#[derive(Serialize)]
struct Point<'a> {
    date: &'a str,
    id: &'a str,
    lat: f64,
    lon: f64,
    title: &'a str,
}

/// Query parameters of `/api/map`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct MapParams {
    /// Only events matching this query.
    q: Option<String>,
    /// Start of the time window (a date, as for the timeline).
    #[serde(default, deserialize_with = "super::blank_is_none")]
    from: Option<String>,
    /// End of the time window.
    #[serde(default, deserialize_with = "super::blank_is_none")]
    to: Option<String>,
    /// The view, `south,west,north,east` in degrees (default the whole world).
    #[serde(default, deserialize_with = "super::blank_is_none")]
    view: Option<String>,
    /// Rows of the grid over the view (1 to 64; default 8).
    #[param(minimum = 1, maximum = 64)]
    rows: Option<usize>,
    /// Columns of the grid (1 to 128; default 16).
    #[param(minimum = 1, maximum = 128)]
    cols: Option<usize>,
    /// Events named per cell, best first (0 to 10; default 3).
    #[param(minimum = 0, maximum = 10)]
    per_cell: Option<usize>,
    /// Events named for the whole view, best first (0 to 100; default 20).
    #[param(minimum = 0, maximum = 100)]
    top: Option<usize>,
}

/// What `/api/map` and the map page count: `q` (without its window) and the window apart,
/// so that a query without words counts from the index's columns.
pub fn map_request(
    q: Option<&str>,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<(annals_query::Request, Option<(i64, i64)>), ApiError> {
    let request = parse_query(q)?;
    let window = if from.is_some() || to.is_some() {
        let lo = from.map(|t| day(t, true)).transpose()?.unwrap_or(i64::MIN);
        let hi = to.map(|t| day(t, false)).transpose()?.unwrap_or(i64::MAX);
        if lo > hi {
            return Err(ApiError::bad("from is after to"));
        }
        Some((lo, hi))
    } else {
        None
    };
    Ok((request, window))
}

/// The view `south,west,north,east` (default the whole world).
pub fn map_view(v: Option<&str>) -> Result<(f64, f64, f64, f64), ApiError> {
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

/// An event on the map as JSON.
fn map_event(e: &annals_index::MapEvent) -> serde_json::Value {
    serde_json::json!({
        "id": e.id, "title": e.title, "date": e.date, "place": e.place,
        "lat": e.lat, "lon": e.lon, "deep": e.deep,
    })
}

/// `GET /api/map?q=&from=&to=&view=&rows=&cols=&per_cell=&top=`: the located events of a
/// query and time window in a view, counted on a `rows × cols` grid: each cell that holds
/// events with its `count`, how many are `deep` time (before 10,000 BC), their mean position and
/// its best `events` (title, date, place); `top`, the best events of the whole view. What the
/// map draws, named clusters at any zoom: the work is the index's (a pass over the columns of
/// the events of the window), the answer a few kilobytes for any corpus.
#[utoipa::path(get, path = "/api/map", tag = "explore", params(MapParams),
    responses(
        (status = 200, description = "Counts of located events per grid cell, with names", body = bodies::MapCells),
        (status = 400, description = "A bad query, date, window, view or grid", body = bodies::Error),
        (status = 503, description = "The server is busy", body = bodies::Error),
    ))]
pub async fn map(State(app): Shared, Query(p): Query<MapParams>) -> Result<Response, ApiError> {
    let (request, window) = map_request(p.q.as_deref(), p.from.as_deref(), p.to.as_deref())?;
    let (south, west, north, east) = map_view(p.view.as_deref())?;
    let grid = annals_index::Grid {
        south,
        west,
        north,
        east,
        rows: super::bounded("rows", p.rows, 8, 1..=64)?,
        cols: super::bounded("cols", p.cols, 16, 1..=128)?,
    };
    let opts = annals_index::MapOptions {
        window,
        grid,
        per_cell: super::bounded("per_cell", p.per_cell, 3, 0..=10)?,
        top: super::bounded("top", p.top, 20, 0..=100)?,
        deep_before: annals_render::map::deep_before(),
    };
    let mut m = tokio::task::block_in_place(|| {
        app.index()?
            .map_cells(&request, &opts)
            .map_err(ApiError::from)
    })?;
    annals_render::map::name_places(&mut m);
    let cells: Vec<_> = m
        .cells
        .iter()
        .map(|c| {
            serde_json::json!({
                "row": c.index / grid.cols, "col": c.index % grid.cols,
                "count": c.count, "deep": c.deep, "lat": c.lat, "lon": c.lon,
                "events": c.best.iter().map(map_event).collect::<Vec<_>>(),
            })
        })
        .collect();
    Ok(Json(serde_json::json!({
        "total": m.total,
        "deep": m.deep,
        "view": [south, west, north, east],
        "rows": grid.rows,
        "cols": grid.cols,
        "cells": cells,
        "top": m.top.iter().map(map_event).collect::<Vec<_>>(),
    }))
    .into_response())
}

/// Query parameters of `/api/on-this-day`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct DayParams {
    /// Month and day, `MM-DD` (`02-29` included).
    #[param(
        pattern = r"^((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|[12][0-9]))$"
    )]
    date: String,
}

/// `GET /api/on-this-day?date=MM-DD`.
#[utoipa::path(get, path = "/api/on-this-day", tag = "explore", params(DayParams),
    responses(
        (status = 200, description = "Events on that month and day, in the calendar they were written in", body = bodies::OnThisDay),
        (status = 400, description = "No date, or not a day of the year", body = bodies::Error),
        (status = 503, description = "The server is busy", body = bodies::Error),
    ))]
pub async fn on_this_day(
    State(app): Shared,
    Query(p): Query<DayParams>,
) -> Result<Response, ApiError> {
    let date = p.date;
    let (m, d) = annals_dates::month_day(&date).map_err(|e| ApiError::bad(format!("date {e}")))?;
    let events = tokio::task::block_in_place(|| {
        app.index()?.on_this_day(m, d, 500).map_err(ApiError::from)
    })?;
    let v: Vec<_> = events
        .iter()
        .map(|(id, title, date)| serde_json::json!({"id": id, "title": title, "date": date}))
        .collect();
    Ok(Json(serde_json::json!({"month": m, "day": d, "events": v})).into_response())
}

fn facet(app: &App, name: &'static str) -> Result<Response, ApiError> {
    let v = app.cached(name, || facet_counts(app, name))?;
    Ok(Json(v).into_response())
}

/// The 200 most frequent values of a facet over every event.
fn facet_counts(app: &App, name: &str) -> Result<serde_json::Value, ApiError> {
    let opts = SearchOptions {
        limit: 1,
        cursor: None,
        facets: true,
        facet_size: 200,
        facet_sample: None,
        ..Default::default()
    };
    let r = tokio::task::block_in_place(|| {
        app.index()?
            .search(&parse_query(None)?, &opts)
            .map_err(ApiError::from)
    })?;
    let counts = r
        .facets
        .0
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| c)
        .unwrap_or_default();
    let v: Vec<_> = counts
        .iter()
        .map(|(n, c)| serde_json::json!({"name": n, "events": c}))
        .collect();
    Ok(serde_json::json!({name: v}))
}

/// `GET /api/participants`: the most frequent participants.
#[utoipa::path(get, path = "/api/participants", tag = "explore",
    responses(
        (status = 200, description = "The 200 most frequent participants", body = bodies::Participants),
        (status = 503, description = "The server is busy", body = bodies::Error),
    ))]
pub async fn participants(State(app): Shared) -> Result<Response, ApiError> {
    facet(&app, "participant")
}

/// `GET /api/places`: the most frequent countries.
#[utoipa::path(get, path = "/api/places", tag = "explore",
    responses(
        (status = 200, description = "The 200 most frequent countries", body = bodies::Countries),
        (status = 503, description = "The server is busy", body = bodies::Error),
    ))]
pub async fn places(State(app): Shared) -> Result<Response, ApiError> {
    facet(&app, "country")
}
