//! `/api/stories`: stories (guided tours through events) as native JSON: listed a page at a
//! time, read with an `ETag`, written whole with `PUT` (created or replaced; `If-Match`
//! refuses a lost update), deleted, and their revisions.

use super::Shared;
use crate::error::ApiError;
use crate::openapi::bodies;
use annals_core::story::Story;
use annals_store::accounts::Role;
use annals_store::{Change, StoreError, StoredStory};
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use utoipa::IntoParams;

/// A story's `ETag`: the generation that last wrote it.
fn etag(s: &StoredStory) -> HeaderValue {
    HeaderValue::from_str(&format!("\"s{}\"", s.generation))
        .unwrap_or(HeaderValue::from_static("\"s0\""))
}

/// A refused story is the client's: 400 `invalid_story`, naming the field; a stop naming an
/// event the store does not hold is a conflict with the store's state (409 `conflict`).
fn refused(e: StoreError) -> ApiError {
    match e {
        StoreError::Invalid(m) if m.contains(".event: there is no event") => {
            ApiError::new(StatusCode::CONFLICT, "conflict", m)
        }
        StoreError::Invalid(m) => ApiError::new(StatusCode::BAD_REQUEST, "invalid_story", m),
        e => e.into(),
    }
}

fn no_story(id: &str) -> ApiError {
    ApiError::not_found(format!("no story with id {id:?}"))
}

/// Query parameters of the list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ListParams {
    /// Only stories whose id sorts after this one (the `next` of the previous page).
    after: Option<String>,
    /// At most this many (1 to 200; default 50).
    #[param(minimum = 1, maximum = 200)]
    limit: Option<usize>,
}

/// `GET /api/stories`: the stories in id order, a page at a time.
#[utoipa::path(get, path = "/api/stories", tag = "stories", params(ListParams),
    responses(
        (status = 200, description = "Stories in id order: id, title, summary, number of stops; `next` when there are more", body = bodies::StoryList),
        (status = 400, description = "A bad limit", body = bodies::Error),
    ))]
pub async fn list(State(app): Shared, Query(p): Query<ListParams>) -> Result<Response, ApiError> {
    let limit = super::bounded("limit", p.limit, 50, 1..=200)?;
    let page = app.read(|s| Ok(s.stories(p.after.as_deref(), limit + 1)?))?;
    let next = (page.len() > limit).then(|| page[limit - 1].story.id.clone());
    let v: Vec<_> = page
        .iter()
        .take(limit)
        .map(|s| {
            serde_json::json!({
                "id": s.story.id,
                "title": s.story.title,
                "summary": s.story.summary,
                "stops": s.story.stops.len(),
            })
        })
        .collect();
    Ok(Json(serde_json::json!({"stories": v, "next": next})).into_response())
}

/// `GET /api/stories/{id}`: the story as native JSON, with an `ETag`.
#[utoipa::path(get, path = "/api/stories/{id}", tag = "stories",
    params(("id" = String, Path, description = "The story's id")),
    responses(
        (status = 200, description = "The story as native JSON, with an ETag for If-Match", body = bodies::Story),
        (status = 404, description = "No story has this id", body = bodies::Error),
    ))]
pub async fn get_story(State(app): Shared, Path(id): Path<String>) -> Result<Response, ApiError> {
    let stored = app
        .read(|s| Ok(s.story(&id)?))?
        .ok_or_else(|| no_story(&id))?;
    let mut r = Json(&stored.story).into_response();
    r.headers_mut().insert(header::ETAG, etag(&stored));
    Ok(r)
}

/// `GET /api/stories/{id}/timelinejs`: the story as a TimelineJS timeline.
#[utoipa::path(get, path = "/api/stories/{id}/timelinejs", tag = "stories",
    params(("id" = String, Path, description = "The story's id")),
    responses(
        (status = 200, description = "A TimelineJS timeline: the title slide, a slide per stop that has a date (`unique_id` stop-N), an era per time window", body = bodies::AnyJson),
        (status = 404, description = "No story has this id", body = bodies::Error),
    ))]
pub async fn timelinejs(
    State(app): Shared,
    Path(id): Path<String>,
    headers: axum::http::HeaderMap,
) -> Result<Response, ApiError> {
    let (stored, mut events) = app.read(|s| {
        let Some(stored) = s.story(&id)? else {
            return Ok((None, Vec::new()));
        };
        let events = annals_store::stories::stop_events(s, &stored.story)?;
        Ok((Some(stored), events))
    })?;
    let mut story = stored.ok_or_else(|| no_story(&id))?.story;
    // Stored pictures at their address on this site: TimelineJS loads them from there.
    let site = crate::pages::embed::origin(&headers);
    for stop in &mut story.stops {
        annals_core::media::resolve(&mut stop.media, &site);
    }
    for e in events.iter_mut().flatten() {
        annals_core::media::resolve(&mut e.media, &site);
    }
    let stops: Vec<_> = story
        .stops
        .iter()
        .zip(events.iter().map(Option::as_ref))
        .collect();
    let (doc, _) = annals_formats::timelinejs::story::story_to_timelinejs(&story, &stops);
    Ok(Json(doc).into_response())
}

/// `PUT /api/stories/{id}`: create or replace the whole story. `If-Match` with the `ETag` it
/// was read with refuses (412) if it changed since, and `If-Match: *` if it does not exist; the
/// header is left out of the OpenAPI document, where a generated condition on a resource that
/// another generated request changed would count as a valid request refused.
#[utoipa::path(put, path = "/api/stories/{id}", tag = "stories",
    params(
        ("id" = String, Path, description = "The story's id", pattern = r"^[A-Za-z0-9._-]{1,200}$"),
    ),
    request_body(content = bodies::Story, content_type = "application/json", description = "The whole story"),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Replaced (the state it replaces stays in its history)", body = bodies::Story),
        (status = 201, description = "Created", body = bodies::Story),
        (status = 400, description = "Not a valid story (`invalid_story`, naming the field)", body = bodies::Error),
        (status = 409, description = "A stop names an event the store does not hold, or the body's id is not the path's (`conflict`)", body = bodies::Error),
        (status = 401, description = "No token, or not the right one (`unauthorized`)", body = bodies::Error),
        (status = 403, description = "The server is read-only, or the user may not edit", body = bodies::Error),
        (status = 408, description = "The body did not arrive in time (`request_timeout`)", body = bodies::Error),
        (status = 412, description = "It changed since it was read, or does not exist for If-Match: * (`precondition_failed`)", body = bodies::Error),
        (status = 413, description = "The body is too large (`payload_too_large`)", body = bodies::Error),
        (status = 415, description = "The body is not declared as JSON", body = bodies::Error),
        (status = 429, description = "Too many writes from this address (`too_many_requests`; see Retry-After)", body = bodies::Error),
        (status = 503, description = "Another import is writing (`busy`)", body = bodies::Error),
    ))]
pub async fn put_story(
    State(app): Shared,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let who = app.authorize(&headers, Role::Editor)?;
    let text = std::str::from_utf8(&body)
        .map_err(|_| ApiError::new(StatusCode::BAD_REQUEST, "invalid_story", "not UTF-8"))?;
    // The path names the story: a body without an id takes it, one with another is refused.
    let mut value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_story",
            format!("line {} column {}: {e}", e.line(), e.column()),
        )
    })?;
    match value.get("id") {
        None => {
            if let Some(o) = value.as_object_mut() {
                o.insert("id".into(), id.clone().into());
            }
        }
        // a representation that names another story than its target (RFC 9110 §9.3.4)
        Some(given) if given.as_str() != Some(id.as_str()) => {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "conflict",
                format!("id: the body's id {given} is not the path's {id:?}"),
            ));
        }
        Some(_) => {}
    }
    let story = Story::from_json(&value.to_string())
        .map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, "invalid_story", e))?;
    let if_match = super::events::if_match(&headers)?;
    let change = Change::new(who.name.clone(), format!("PUT /api/stories/{id}"));
    let (stored, created) = app.write(&change, |w| {
        let current = w.tx().story(&id)?;
        if let Some(expected) = &if_match {
            let fits = match &current {
                Some(c) => expected == "*" || etag(c).to_str().ok() == Some(expected.as_str()),
                None => false,
            };
            if !fits {
                return Err(ApiError::new(
                    StatusCode::PRECONDITION_FAILED,
                    "precondition_failed",
                    "the story changed since it was read (or is gone): GET it again",
                ));
            }
        }
        w.tx_mut().put_story(&story).map_err(refused)?;
        let stored = w.tx().story(&id)?.ok_or_else(|| no_story(&id))?;
        Ok((stored, current.is_none()))
    })?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    let mut r = (status, Json(&stored.story)).into_response();
    r.headers_mut().insert(header::ETAG, etag(&stored));
    Ok(r)
}

/// `DELETE /api/stories/{id}`: 204, or 404.
#[utoipa::path(delete, path = "/api/stories/{id}", tag = "stories",
    params(("id" = String, Path, description = "The story's id")),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Deleted (its history stays)"),
        (status = 400, description = "A body that could not be read", body = bodies::Error),
        (status = 401, description = "No token, or not the right one (`unauthorized`)", body = bodies::Error),
        (status = 403, description = "The server is read-only, or the user may not edit", body = bodies::Error),
        (status = 404, description = "No story has this id", body = bodies::Error),
        (status = 408, description = "The body did not arrive in time (`request_timeout`)", body = bodies::Error),
        (status = 413, description = "The body is too large (`payload_too_large`)", body = bodies::Error),
        (status = 429, description = "Too many writes from this address (`too_many_requests`; see Retry-After)", body = bodies::Error),
        (status = 503, description = "Another import is writing (`busy`)", body = bodies::Error),
    ))]
pub async fn delete_story(
    State(app): Shared,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let who = app.authorize(&headers, Role::Editor)?;
    let change = Change::new(who.name.clone(), format!("DELETE /api/stories/{id}"));
    app.write(&change, |w| {
        if !w.tx_mut().delete_story(&id)? {
            return Err(no_story(&id));
        }
        Ok(())
    })?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `GET /api/stories/{id}/revisions`: every state of a story, oldest first.
#[utoipa::path(get, path = "/api/stories/{id}/revisions", tag = "stories",
    params(("id" = String, Path, description = "The story's id")),
    responses(
        (status = 200, description = "Every state, oldest first, each with the commit that wrote it (a deleted state has no story)", body = bodies::StoryRevisions),
        (status = 404, description = "No story ever had this id", body = bodies::Error),
    ))]
pub async fn revisions(State(app): Shared, Path(id): Path<String>) -> Result<Response, ApiError> {
    let revisions = app.read(|s| Ok(s.story_history(&id)?))?;
    if revisions.is_empty() {
        return Err(no_story(&id));
    }
    let v: Vec<serde_json::Value> = revisions
        .iter()
        .map(|r| {
            let state = r.story.as_ref().and_then(|s| serde_json::to_value(s).ok());
            super::revision_json(&r.commit, "story", state)
        })
        .collect();
    Ok(Json(serde_json::json!({"id": id, "revisions": v})).into_response())
}
