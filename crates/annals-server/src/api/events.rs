//! Reading and writing events: `/api/events`, `/api/events/{id}`, `/api/events/{id}/related`.

use super::{day, Shared};
use crate::error::ApiError;
use crate::openapi::bodies;
use annals_core::json::to_compact_json;
use annals_core::{Event, RawEvent};
use annals_dates::CalendarHint;
use annals_store::accounts::Role;
use annals_store::{Change, Filter};
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use utoipa::IntoParams;

/// An event's `ETag`: a hash of its stored form.
pub(crate) fn etag(e: &Event) -> HeaderValue {
    let h = crate::headers::fnv1a(to_compact_json(e).as_bytes());
    HeaderValue::from_str(&format!("\"{h:016x}\"")).unwrap_or(HeaderValue::from_static("\"0\""))
}

/// The event as JSON with its `ETag`.
pub(crate) fn with_etag(e: &Event, status: StatusCode) -> Response {
    let mut r = (status, Json(e)).into_response();
    r.headers_mut().insert(header::ETAG, etag(e));
    r
}

/// `GET /api/events/{id}`: native JSON, with an `ETag`.
#[utoipa::path(get, path = "/api/events/{id}", tag = "events",
    params(("id" = String, Path, description = "The event's id")),
    responses(
        (status = 200, description = "The event as native JSON, with an ETag for If-Match", body = bodies::Event),
        (status = 301, description = "The id was merged into another event (`moved`): Location names it", body = bodies::Error),
        (status = 404, description = "No event has this id", body = bodies::Error),
        (status = 410, description = "The event was deleted (`deleted`); its revisions are kept", body = bodies::Error),
    ))]
pub async fn get_event(State(app): Shared, Path(id): Path<String>) -> Result<Response, ApiError> {
    match app.read(|s| Ok(s.get(&id)?))? {
        Some(e) => Ok(with_etag(&e, StatusCode::OK)),
        None => Err(gone(&app, &id)),
    }
}

/// Why no event has the id: merged into another (301 to it), deleted (410), or never there.
pub(crate) fn gone(app: &crate::app::App, id: &str) -> ApiError {
    let found = app.read(|s| {
        Ok((
            s.redirect(id)?,
            s.history(id)?.last().is_some_and(|r| r.event.is_none()),
        ))
    });
    match found {
        Ok((Some(target), _)) => ApiError::new(
            StatusCode::MOVED_PERMANENTLY,
            "moved",
            format!("{id:?} was merged into {target:?}"),
        )
        .with_location(format!("/api/events/{}", crate::pages::enc(&target))),
        Ok((None, true)) => ApiError::new(
            StatusCode::GONE,
            "deleted",
            format!("{id:?} was deleted; GET /api/events/{id}/revisions for its history"),
        ),
        Ok((None, false)) => ApiError::not_found(format!("no event with id {id:?}")),
        Err(e) => e,
    }
}

/// Query parameters of `/api/events`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ListParams {
    /// Only events that overlap this date or later ("1950", "44 BC", EDTF).
    #[serde(default, deserialize_with = "super::blank_is_none")]
    from: Option<String>,
    /// Only events that overlap this date or earlier.
    #[serde(default, deserialize_with = "super::blank_is_none")]
    to: Option<String>,
    /// At most this many (1 to 1000; default 100).
    #[param(minimum = 1, maximum = 1000)]
    limit: Option<usize>,
}

/// `GET /api/events?from=&to=&limit=`: events in time order.
#[utoipa::path(get, path = "/api/events", tag = "events", params(ListParams),
    responses(
        (status = 200, description = "Events in time order", body = bodies::EventList),
        (status = 400, description = "A date that cannot be read", body = bodies::Error),
    ))]
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
        limit: Some(super::bounded("limit", p.limit, 100, 1..=1000)?),
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
#[utoipa::path(post, path = "/api/events", tag = "events",
    request_body(content = bodies::Event, content_type = "application/json", description = "The event (its id is made from its title and year when absent)"),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Stored; Location names it", body = bodies::Event),
        (status = 400, description = "Not a valid event (`invalid_event`)", body = bodies::Error),
        (status = 401, description = "No token, or not the right one (`unauthorized`)", body = bodies::Error),
        (status = 403, description = "The server is read-only (`read_only`)", body = bodies::Error),
        (status = 408, description = "The body did not arrive in time (`request_timeout`)", body = bodies::Error),
        (status = 413, description = "The body is too large (`payload_too_large`)", body = bodies::Error),
        (status = 429, description = "Too many writes from this address (`too_many_requests`; see Retry-After)", body = bodies::Error),
        (status = 503, description = "Another import is writing (`busy`)", body = bodies::Error),
        (status = 409, description = "The id is taken (`conflict`)", body = bodies::Error),
        (status = 415, description = "The body is not declared as JSON", body = bodies::Error),
    ))]
pub async fn create(
    State(app): Shared,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let who = app.authorize(&headers, Role::Editor)?;
    let event = read_event(&body)?;
    let change = Change::new(who.name.clone(), format!("POST /api/events ({})", event.id));
    let alike = app.likely_duplicates(&event)?;
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
        for d in &alike {
            w.propose(d)?;
        }
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
#[utoipa::path(put, path = "/api/events/{id}", tag = "events",
    params(
        ("id" = String, Path, description = "The event's id"),
        ("If-Match" = Option<String>, Header, nullable = false, pattern = r#"^(\*|"[^"]*")$"#, description = "The ETag it was read with: refuse (412) if it changed since"),
    ),
    request_body(content = bodies::Event, content_type = "application/json", description = "The whole event"),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Stored (the state it replaces stays in its history)", body = bodies::Event),
        (status = 400, description = "Not a valid event, or its id is not the path's", body = bodies::Error),
        (status = 401, description = "No token, or not the right one (`unauthorized`)", body = bodies::Error),
        (status = 403, description = "The server is read-only (`read_only`)", body = bodies::Error),
        (status = 408, description = "The body did not arrive in time (`request_timeout`)", body = bodies::Error),
        (status = 413, description = "The body is too large (`payload_too_large`)", body = bodies::Error),
        (status = 429, description = "Too many writes from this address (`too_many_requests`; see Retry-After)", body = bodies::Error),
        (status = 503, description = "Another import is writing (`busy`)", body = bodies::Error),
        (status = 404, description = "No event has this id", body = bodies::Error),
        (status = 412, description = "It changed since it was read (`precondition_failed`)", body = bodies::Error),
        (status = 415, description = "The body is not declared as JSON", body = bodies::Error),
    ))]
pub async fn update(
    State(app): Shared,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let who = app.authorize(&headers, Role::Editor)?;
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
    let if_match = if_match(&headers)?;
    let change = Change::new(who.name.clone(), format!("PUT /api/events/{id}"));
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

/// The `If-Match` header: `*` or one quoted ETag; a malformed one is refused (400).
pub(crate) fn if_match(headers: &HeaderMap) -> Result<Option<String>, ApiError> {
    match headers.get(header::IF_MATCH) {
        None => Ok(None),
        Some(v) => match v.to_str() {
            Ok(t) if t == "*" || (t.len() >= 2 && t.starts_with('"') && t.ends_with('"')) => {
                Ok(Some(t.to_string()))
            }
            _ => Err(ApiError::bad(
                "If-Match: expected the ETag it was read with (\"...\"), or *",
            )),
        },
    }
}

/// `DELETE /api/events/{id}`: 204, or 404.
#[utoipa::path(delete, path = "/api/events/{id}", tag = "events",
    params(("id" = String, Path, description = "The event's id")),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Deleted (a tombstone and its history stay)"),
        (status = 401, description = "No token, or not the right one (`unauthorized`)", body = bodies::Error),
        (status = 403, description = "The server is read-only (`read_only`)", body = bodies::Error),
        (status = 408, description = "The body did not arrive in time (`request_timeout`)", body = bodies::Error),
        (status = 413, description = "The body is too large (`payload_too_large`)", body = bodies::Error),
        (status = 429, description = "Too many writes from this address (`too_many_requests`; see Retry-After)", body = bodies::Error),
        (status = 503, description = "Another import is writing (`busy`)", body = bodies::Error),
        (status = 400, description = "A body that could not be read", body = bodies::Error),
        (status = 404, description = "No event has this id", body = bodies::Error),
    ))]
pub async fn delete(
    State(app): Shared,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let who = app.authorize(&headers, Role::Editor)?;
    let change = Change::new(who.name.clone(), format!("DELETE /api/events/{id}"));
    app.write(&change, |w| {
        if !w.delete(&id)? {
            return Err(ApiError::not_found(format!("no event with id {id:?}")));
        }
        Ok(())
    })?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Query parameters with a limit.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct LimitParams {
    /// At most this many (1 to 100; default 12).
    #[param(minimum = 1, maximum = 100)]
    limit: Option<usize>,
}

/// `GET /api/events/{id}/related`.
#[utoipa::path(get, path = "/api/events/{id}/related", tag = "events",
    params(("id" = String, Path, description = "The event's id"), LimitParams),
    responses(
        (status = 200, description = "Linked events first, then shared participants, the same place, similar text, nearness in time", body = bodies::Related),
        (status = 400, description = "A bad parameter", body = bodies::Error),
        (status = 404, description = "No event has this id", body = bodies::Error),
        (status = 503, description = "The server is busy", body = bodies::Error),
    ))]
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
            .related(&e, super::bounded("limit", p.limit, 12, 1..=100)?)
            .map_err(ApiError::from)
    })?;
    Ok(Json(serde_json::json!({"id": id, "related": related})).into_response())
}
