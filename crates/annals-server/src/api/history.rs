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
    /// The generation whose state to put back (`12`, or `12.0`: JSON does not tell them apart).
    generation: serde_json::Number,
    /// Why (a string when given: `null` is refused, as the schema says).
    #[serde(default, deserialize_with = "some_string")]
    summary: Option<String>,
}

/// A string that is present, refusing `null`.
fn some_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    String::deserialize(d).map(Some)
}

impl RevertBody {
    /// The generation as a whole number.
    fn generation(&self) -> Result<u64, ApiError> {
        let n = &self.generation;
        n.as_u64()
            .or_else(|| {
                n.as_f64()
                    .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f < 9.0e15)
                    .map(|f| f as u64)
            })
            .ok_or_else(|| {
                ApiError::bad(format!(
                    "generation: expected a whole number of 0 or more, not {n}"
                ))
            })
    }
}

/// `POST /api/events/{id}/revert`.
#[utoipa::path(post, path = "/api/events/{id}/revert", tag = "history",
    params(("id" = String, Path, description = "The event's id")),
    request_body(content = bodies::RevertRequest, content_type = "application/json"),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The event as it is again (a new revision)", body = bodies::Event),
        (status = 204, description = "The revision put back is a deletion: the event is deleted again"),
        (status = 400, description = "Not a revert request, or a generation that is not one of the event's revisions (`bad_request`, listing them)", body = bodies::Error),
        (status = 401, description = "No token, or not the right one (`unauthorized`)", body = bodies::Error),
        (status = 403, description = "The server is read-only, or the user may not edit", body = bodies::Error),
        (status = 404, description = "No event ever had this id", body = bodies::Error),
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
    if b.summary.as_ref().is_some_and(|s| s.chars().count() > 300) {
        return Err(ApiError::bad("summary: expected at most 300 characters"));
    }
    let generation = b.generation()?;
    let revisions = app.read(|s| Ok(s.history(&id)?))?;
    if revisions.is_empty() {
        return Err(ApiError::not_found(format!(
            "no event ever had the id {id:?}"
        )));
    }
    let target = revision_at(&revisions, generation)
        .cloned()
        .ok_or_else(|| {
            let known: Vec<String> = revisions
                .iter()
                .map(|r| r.commit.generation.to_string())
                .collect();
            ApiError::bad(format!(
                "generation: {id:?} has no revision {generation}; its revisions are {}",
                known.join(", ")
            ))
        })?;
    let change = Change::new(
        who.name,
        b.summary
            .unwrap_or_else(|| format!("revert to revision {}", generation)),
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
