//! An event's history: `GET /api/events/{id}/revisions` (every state, with who, when and
//! why) and `POST /api/events/{id}/revert` (put one back, itself a new revision).

use super::Shared;
use crate::error::ApiError;
use crate::openapi::bodies;
use annals_store::accounts::Role;
use annals_store::{revision_at, Change, Revision};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;

/// `GET /api/events/{id}/revisions`.
#[utoipa::path(get, path = "/api/events/{id}/revisions", tag = "history",
    params(("id" = String, Path, description = "The event's id")),
    responses(
        (status = 200, description = "Every state of the event, oldest first, each with the commit that wrote it (a deleted state has no event)", body = bodies::Revisions),
        (status = 404, description = "No event ever had this id", body = bodies::Error),
    ))]
pub async fn revisions(State(app): Shared, Path(id): Path<String>) -> Result<Response, ApiError> {
    let revisions = app.read(|s| Ok(s.history(&id)?))?;
    if revisions.is_empty() {
        return Err(ApiError::not_found(format!(
            "no event ever had the id {id:?}"
        )));
    }
    let v: Vec<_> = revisions.iter().map(Revision::to_json).collect();
    Ok(Json(serde_json::json!({"id": id, "revisions": v})).into_response())
}

/// The body of a revert.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RevertBody {
    /// The generation whose state to put back.
    generation: u64,
    /// Why.
    summary: Option<String>,
}

/// `POST /api/events/{id}/revert`.
#[utoipa::path(post, path = "/api/events/{id}/revert", tag = "history",
    params(("id" = String, Path, description = "The event's id")),
    request_body(content = bodies::RevertRequest, content_type = "application/json"),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The event as it is again (a new revision)", body = bodies::Event),
        (status = 204, description = "The revision put back is a deletion: the event is deleted again"),
        (status = 400, description = "Not a revert request", body = bodies::Error),
        (status = 401, description = "No token, or not the right one (`unauthorized`)", body = bodies::Error),
        (status = 403, description = "The server is read-only, or the user may not edit", body = bodies::Error),
        (status = 404, description = "No event ever had this id, or it has no such revision", body = bodies::Error),
        (status = 408, description = "The body did not arrive in time", body = bodies::Error),
        (status = 413, description = "The body is too large", body = bodies::Error),
        (status = 415, description = "The body is not declared as JSON", body = bodies::Error),
        (status = 429, description = "Too many writes from this address", body = bodies::Error),
        (status = 503, description = "Another import is writing (`busy`)", body = bodies::Error),
    ))]
pub async fn revert(
    State(app): Shared,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let who = app.authorize(&headers, Role::Editor)?;
    let b: RevertBody = serde_json::from_slice(&body).map_err(|e| {
        ApiError::bad(format!(
            "expected {{\"generation\": N, \"summary\": \"why\"}}: {e}"
        ))
    })?;
    let revisions = app.read(|s| Ok(s.history(&id)?))?;
    let target = revision_at(&revisions, b.generation)
        .cloned()
        .ok_or_else(|| ApiError::not_found(format!("{id:?} has no revision {}", b.generation)))?;
    let change = Change::new(
        who.name,
        b.summary
            .unwrap_or_else(|| format!("revert to revision {}", b.generation)),
    );
    let restored = app.write(&change, |w| {
        match &target.event {
            Some(e) => {
                w.upsert(e, None)?;
            }
            None => {
                w.delete(&id)?;
            }
        }
        Ok(target.event.clone())
    })?;
    Ok(match restored {
        Some(e) => super::events::with_etag(&e, StatusCode::OK),
        None => StatusCode::NO_CONTENT.into_response(),
    })
}
