//! The JSON API. Documented in `/api/openapi.json` (`crates/annals-server/assets/openapi.json`).

use crate::app::App;
use crate::error::ApiError;
use annals_core::json::to_compact_json;
use annals_core::{Event, RawEvent};
use annals_dates::CalendarHint;
use annals_formats::{Format, ReadOptions};
use annals_index::{SearchOptions, TimelineOptions};
use annals_store::identity::PlaceError;
use annals_store::{Change, Filter, Written};
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use std::sync::Arc;

type Shared = State<Arc<App>>;

/// The OpenAPI 3.1 document.
pub async fn openapi() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        include_str!("../assets/openapi.json"),
    )
        .into_response()
}

/// Query parameters of `/api/search`.
#[derive(Debug, Deserialize)]
pub struct SearchParams {
    q: Option<String>,
    limit: Option<usize>,
    cursor: Option<String>,
    facets: Option<bool>,
}

/// Parse a query string (the query language of `docs/query.md`).
pub fn parse_query(q: Option<&str>) -> Result<annals_query::Request, ApiError> {
    Ok(annals_query::parse(q.unwrap_or(""))?)
}

/// `GET /api/search?q=...`: the same JSON as `annals search --json`.
pub async fn search(
    State(app): Shared,
    Query(p): Query<SearchParams>,
) -> Result<Response, ApiError> {
    let request = parse_query(p.q.as_deref())?;
    let opts = SearchOptions {
        limit: p.limit.unwrap_or(10).clamp(1, 100),
        cursor: p.cursor,
        facets: p.facets.unwrap_or(true),
        facet_size: 10,
    };
    let result = tokio::task::block_in_place(|| {
        app.index()?.search(&request, &opts).map_err(ApiError::from)
    })?;
    Ok(Json(result).into_response())
}

fn etag(e: &Event) -> HeaderValue {
    let h = annals_index::schema::seq(&to_compact_json(e));
    HeaderValue::from_str(&format!("\"{h:016x}\"")).unwrap_or(HeaderValue::from_static("\"0\""))
}

fn with_etag(e: &Event, status: StatusCode) -> Response {
    let mut r = (status, Json(e)).into_response();
    r.headers_mut().insert(header::ETAG, etag(e));
    r
}

/// `GET /api/events/{id}`: native JSON, with an `ETag`.
pub async fn get_event(State(app): Shared, Path(id): Path<String>) -> Result<Response, ApiError> {
    let e = app
        .read(|s| Ok(s.get(&id)?))?
        .ok_or_else(|| ApiError::not_found(format!("no event with id {id:?}")))?;
    Ok(with_etag(&e, StatusCode::OK))
}

/// Query parameters of `/api/events`.
#[derive(Debug, Deserialize)]
pub struct ListParams {
    from: Option<String>,
    to: Option<String>,
    limit: Option<usize>,
}

fn day(text: &str, earliest: bool) -> Result<i64, ApiError> {
    let w = annals_dates::When::from_text(text, CalendarHint::Auto)
        .map_err(|e| ApiError::bad(format!("{text:?}: {e}")))?;
    let (lo, hi) = w.axis_range();
    Ok(if earliest { lo } else { hi })
}

/// `GET /api/events?from=&to=&limit=`: events in time order.
pub async fn list(State(app): Shared, Query(p): Query<ListParams>) -> Result<Response, ApiError> {
    let days = match (&p.from, &p.to) {
        (None, None) => None,
        (a, b) => Some((
            a.as_deref()
                .map(|t| day(t, true))
                .transpose()?
                .unwrap_or(i64::MIN),
            b.as_deref()
                .map(|t| day(t, false))
                .transpose()?
                .unwrap_or(i64::MAX),
        )),
    };
    let filter = Filter {
        days,
        limit: Some(p.limit.unwrap_or(100).clamp(1, 1000)),
        ..Filter::default()
    };
    let events = app.read(|s| Ok(annals_store::list(s, &filter)?))?;
    Ok(Json(serde_json::json!({"events": events})).into_response())
}

fn read_event(body: &[u8]) -> Result<Event, ApiError> {
    let raw: RawEvent = serde_json::from_slice(body).map_err(|e| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_event",
            format!("line {} column {}: {e}", e.line(), e.column()),
        )
    })?;
    let mut event = raw
        .into_event(CalendarHint::Auto)
        .map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, "invalid_event", e.to_string()))?;
    // As at every import: places without coordinates get them from the gazetteer.
    annals_places::locate(&mut event.places);
    Ok(event)
}

/// `POST /api/events`: create; 201 with the stored event; 409 if the id exists.
pub async fn create(
    State(app): Shared,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    app.authorize(&headers)?;
    let event = read_event(&body)?;
    let change = Change::new("api", format!("POST /api/events ({})", event.id));
    let stored = app.write(&change, |w| {
        if w.tx().get(&event.id)?.is_some() {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "conflict",
                format!(
                    "an event with id {:?} exists: PUT /api/events/{0} to change it",
                    event.id
                ),
            ));
        }
        w.upsert(&event, None)?;
        Ok(event.clone())
    })?;
    let mut r = with_etag(&stored, StatusCode::CREATED);
    if let Ok(v) = HeaderValue::from_str(&format!("/api/events/{}", stored.id)) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    Ok(r)
}

/// `PUT /api/events/{id}`: replace; `If-Match` with the `ETag` makes it fail (412) if the event
/// changed since it was read.
pub async fn update(
    State(app): Shared,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    app.authorize(&headers)?;
    let mut raw: RawEvent = serde_json::from_slice(&body).map_err(|e| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_event",
            format!("line {} column {}: {e}", e.line(), e.column()),
        )
    })?;
    match &raw.id {
        Some(given) if *given != id => {
            return Err(ApiError::bad(format!(
                "the body's id {given:?} is not the path's {id:?}"
            )))
        }
        _ => raw.id = Some(id.clone()),
    }
    let mut event = raw
        .into_event(CalendarHint::Auto)
        .map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, "invalid_event", e.to_string()))?;
    annals_places::locate(&mut event.places);
    let if_match = headers
        .get(header::IF_MATCH)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let change = Change::new("api", format!("PUT /api/events/{id}"));
    let stored = app.write(&change, |w| {
        let current = w.tx().get(&id)?.ok_or_else(|| {
            ApiError::not_found(format!(
                "no event with id {id:?}: POST /api/events to create it"
            ))
        })?;
        if let Some(expected) = &if_match {
            if expected != "*" && etag(&current).to_str().ok() != Some(expected.as_str()) {
                return Err(ApiError::new(
                    StatusCode::PRECONDITION_FAILED,
                    "precondition_failed",
                    "the event changed since it was read: GET it again",
                ));
            }
        }
        w.upsert(&event, None)?;
        Ok(event.clone())
    })?;
    Ok(with_etag(&stored, StatusCode::OK))
}

/// `DELETE /api/events/{id}`: 204, or 404.
pub async fn delete(
    State(app): Shared,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    app.authorize(&headers)?;
    let change = Change::new("api", format!("DELETE /api/events/{id}"));
    app.write(&change, |w| {
        if !w.delete(&id)? {
            return Err(ApiError::not_found(format!("no event with id {id:?}")));
        }
        Ok(())
    })?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Query parameters of `/api/import`.
#[derive(Debug, Deserialize)]
pub struct ImportParams {
    format: Option<String>,
    /// A name for the upload (a file name): importing the same name again may update the
    /// events it wrote (see `docs/curation.md`).
    name: Option<String>,
}

/// `POST /api/import?format=card|json|jsonl`: import an upload, all or nothing.
pub async fn import(
    State(app): Shared,
    headers: HeaderMap,
    Query(p): Query<ImportParams>,
    body: Bytes,
) -> Result<Response, ApiError> {
    app.authorize(&headers)?;
    let format = match p.format.as_deref() {
        Some(name) => Format::from_name(name).ok_or_else(|| {
            let names: Vec<&str> = Format::ALL.iter().map(|(_, n)| *n).collect();
            ApiError::bad(format!(
                "format {name:?}: expected one of {}",
                names.join(", ")
            ))
        })?,
        None => Format::sniff(&body[..body.len().min(4096)]),
    };
    let opts = ReadOptions::default();
    let mut items = Vec::new();
    let mut problems = Vec::new();
    let mut push = |r: Result<annals_formats::Incoming, annals_formats::FormatError>| match r {
        Ok(mut i) => {
            annals_places::locate(&mut i.event.places);
            items.push(i)
        }
        Err(e) => problems.push(e.to_string()),
    };
    if let Err(e) = annals_formats::read::read_bytes(format, &body, &opts, &mut |r| {
        push(r);
        true
    }) {
        push(Err(e));
    }
    if !problems.is_empty() {
        let body = serde_json::json!({"error": {"code": "invalid_event", "message": format!("{} problem(s); nothing was imported", problems.len()), "problems": problems}});
        return Ok((StatusCode::BAD_REQUEST, Json(body)).into_response());
    }
    let origin = format!("upload: {}", p.name.as_deref().unwrap_or("unnamed"));
    let change = Change::new("api", format!("POST /api/import ({origin})"));
    let counts = app.write(&change, |w| {
        let mut c = [0u64; 6];
        let mut refused = Vec::new();
        for i in items {
            let location = i.location.clone();
            let placed = match w.place(i.event, i.stub, &origin) {
                Ok(placed) => placed,
                Err(PlaceError::Refused(m)) => {
                    refused.push(format!("{location}: {m}"));
                    continue;
                }
                Err(PlaceError::Store(e)) => return Err(e.into()),
            };
            c[match placed.written {
                Written::Created => 0,
                Written::Updated => 1,
                Written::Unchanged => 2,
                Written::Merged => 3,
            }] += 1;
            c[4] += u64::from(placed.renamed_from.is_some());
            c[5] += u64::from(placed.duplicate_of.is_some());
        }
        if !refused.is_empty() {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "invalid_event",
                format!(
                    "{} problem(s); nothing was imported: {}",
                    refused.len(),
                    refused.join("; ")
                ),
            ));
        }
        Ok(c)
    })?;
    Ok(Json(serde_json::json!({
        "created": counts[0], "updated": counts[1], "unchanged": counts[2], "merged": counts[3],
        "renamed": counts[4], "duplicates_proposed": counts[5]
    }))
    .into_response())
}

/// Query parameters with a limit.
#[derive(Debug, Deserialize)]
pub struct LimitParams {
    limit: Option<usize>,
}

/// `GET /api/events/{id}/related`.
pub async fn related(
    State(app): Shared,
    Path(id): Path<String>,
    Query(p): Query<LimitParams>,
) -> Result<Response, ApiError> {
    let e = app
        .read(|s| Ok(s.get(&id)?))?
        .ok_or_else(|| ApiError::not_found(format!("no event with id {id:?}")))?;
    let related = tokio::task::block_in_place(|| {
        app.index()?
            .related(&e, p.limit.unwrap_or(12).clamp(1, 100))
            .map_err(ApiError::from)
    })?;
    Ok(Json(serde_json::json!({"id": id, "related": related})).into_response())
}

/// Query parameters of `/api/timeline`.
#[derive(Debug, Deserialize)]
pub struct TimelineParams {
    q: Option<String>,
    from: Option<String>,
    to: Option<String>,
    buckets: Option<usize>,
    top: Option<usize>,
    links: Option<bool>,
}

/// `GET /api/timeline?q=&from=&to=&buckets=&top=&links=`: the same JSON as `annals timeline
/// --json`; with `links=true` also `links`, the explicit relations among the listed events.
pub async fn timeline(
    State(app): Shared,
    Query(p): Query<TimelineParams>,
) -> Result<Response, ApiError> {
    let request = parse_query(p.q.as_deref())?;
    let opts = TimelineOptions {
        from: p.from.as_deref().map(|t| day(t, true)).transpose()?,
        to: p.to.as_deref().map(|t| day(t, false)).transpose()?,
        buckets: p.buckets.unwrap_or(20).clamp(1, 2000),
        top: p.top.unwrap_or(3).min(20),
    };
    let t = tokio::task::block_in_place(|| {
        app.index()?
            .timeline(&request, &opts)
            .map_err(ApiError::from)
    })?;
    if !p.links.unwrap_or(false) {
        return Ok(Json(t).into_response());
    }
    let links = links_among(&app, t.buckets.iter().flat_map(|b| &b.top).map(|e| &e.id))?;
    let mut v = serde_json::to_value(&t).map_err(|e| ApiError::internal(e.to_string()))?;
    if let Some(o) = v.as_object_mut() {
        o.insert("links".into(), serde_json::Value::Array(links));
    }
    Ok(Json(v).into_response())
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
#[derive(Debug, Deserialize)]
pub struct PointsParams {
    q: Option<String>,
    from: Option<String>,
    to: Option<String>,
    limit: Option<usize>,
}

/// The query `q` restricted to the events that overlap `from`..`to` (either may be absent).
pub fn windowed(
    q: Option<&str>,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<annals_query::Request, ApiError> {
    let mut request = parse_query(q)?;
    if from.is_some() || to.is_some() {
        let lo = from.map(|t| day(t, true)).transpose()?.unwrap_or(i64::MIN);
        let hi = to.map(|t| day(t, false)).transpose()?.unwrap_or(i64::MAX);
        if lo > hi {
            return Err(ApiError::bad("from is after to"));
        }
        let date = annals_query::Expr::Filter(annals_query::Filter::Date {
            range: annals_query::DayRange { lo, hi },
            mode: annals_query::DateMode::Overlap,
        });
        request.expr = annals_query::Expr::And(vec![request.expr, date]);
    }
    Ok(request)
}

/// `GET /api/points?q=&from=&to=&limit=`: the located events matching a query in a window,
/// compactly: `{"points": [{"id", "title", "date", "lat", "lon"}]}`, best matches first (for a
/// query without words, an even sample when there are more than `limit`). What the map draws
/// and clusters.
pub async fn points(
    State(app): Shared,
    Query(p): Query<PointsParams>,
) -> Result<Response, ApiError> {
    let request = windowed(p.q.as_deref(), p.from.as_deref(), p.to.as_deref())?;
    let limit = p.limit.unwrap_or(5000).clamp(1, 20_000);
    let points = tokio::task::block_in_place(|| {
        app.index()?
            .points_in_order(&request, limit, annals_index::collect::Order::Relevance)
            .map_err(ApiError::from)
    })?;
    let v: Vec<_> = points
        .iter()
        .map(|((id, title, date), lat, lon)| {
            serde_json::json!({"id": id, "title": title, "date": date, "lat": lat, "lon": lon})
        })
        .collect();
    Ok(Json(serde_json::json!({"points": v})).into_response())
}

/// Query parameters of `/api/on-this-day`.
#[derive(Debug, Deserialize)]
pub struct DayParams {
    date: Option<String>,
}

/// `GET /api/on-this-day?date=MM-DD`.
pub async fn on_this_day(
    State(app): Shared,
    Query(p): Query<DayParams>,
) -> Result<Response, ApiError> {
    let date = p.date.ok_or_else(|| ApiError::bad("give date=MM-DD"))?;
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
pub async fn participants(State(app): Shared) -> Result<Response, ApiError> {
    facet(&app, "participant")
}

/// `GET /api/places`: the most frequent countries.
pub async fn places(State(app): Shared) -> Result<Response, ApiError> {
    facet(&app, "country")
}

/// Query parameters of `/api/export`.
#[derive(Debug, Deserialize)]
pub struct ExportParams {
    cursor: Option<String>,
    limit: Option<usize>,
}

/// Events per export page at most.
pub const EXPORT_PAGE: usize = 10_000;

/// `GET /api/export?limit=&cursor=`: every event as native JSON Lines, a page at a time in
/// time order (1,000 by default, at most 10,000); the next page's address is in the `Link`
/// header (`rel="next"`) and its cursor in `X-Next-Cursor`, absent on the last page.
pub async fn export(
    State(app): Shared,
    Query(p): Query<ExportParams>,
) -> Result<Response, ApiError> {
    let limit = p.limit.unwrap_or(1000).clamp(1, EXPORT_PAGE);
    let page = app.read(|s| Ok(s.page(p.cursor.as_deref(), limit)?))?;
    let mut out = Vec::new();
    for e in &page.events {
        annals_formats::json::write_jsonl(&mut out, e).map_err(ApiError::internal)?;
    }
    let mut r = ([(header::CONTENT_TYPE, "application/x-ndjson")], out).into_response();
    if let Some(next) = &page.next {
        let link = format!(
            "</api/export?limit={limit}&cursor={}>; rel=\"next\"",
            crate::pages::enc(next)
        );
        for (name, value) in [("link", link), ("x-next-cursor", next.clone())] {
            if let Ok(v) = HeaderValue::from_str(&value) {
                r.headers_mut().insert(name, v);
            }
        }
    }
    Ok(r)
}
