//! `/api/profiles/{kind}/{name}`: what the knowledge base says about a participant or a place
//! beyond its events (description, dates, Wikidata and GeoNames ids, other names), its
//! revisions, and merging one name into another.

use super::Shared;
use crate::error::ApiError;
use crate::openapi::bodies;
use annals_core::profile::{Kind, Profile};
use annals_store::accounts::Role;
use annals_store::{Change, StoreError};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;

/// `participants` or `places`, else 404.
fn kind(path: &str) -> Result<Kind, ApiError> {
    match path {
        "participants" => Ok(Kind::Participant),
        "places" => Ok(Kind::Place),
        other => Err(ApiError::not_found(format!(
            "no such kind {other:?}: expected participants or places"
        ))),
    }
}

/// A refused profile is the client's: 400 `invalid_profile`, saying which field.
pub(crate) fn refused(e: StoreError) -> ApiError {
    match e {
        StoreError::Invalid(m) => ApiError::new(StatusCode::BAD_REQUEST, "invalid_profile", m),
        e => e.into(),
    }
}

/// The JSON of a profile: its kind and name, then its fields.
pub(crate) fn to_json(kind: Kind, name: &str, p: &Profile) -> serde_json::Value {
    let mut v = serde_json::to_value(p).unwrap_or_default();
    v["kind"] = kind.name().into();
    v["name"] = name.into();
    v["aliases"] = serde_json::to_value(&p.aliases).unwrap_or_default();
    v
}

/// The profile of `name`, or of the name it is another name of; an empty one when nothing is
/// recorded yet.
pub(crate) fn current(
    s: &dyn annals_store::EventStore,
    kind: Kind,
    name: &str,
) -> Result<(String, Profile), ApiError> {
    let main = s
        .name_for(kind, name)?
        .unwrap_or_else(|| name.trim().to_string());
    Ok(s.profile(kind, &main)?
        .unwrap_or_else(|| (main, Profile::default())))
}

/// The profile of a participant or a place.
#[utoipa::path(get, path = "/api/profiles/{kind}/{name}", tag = "profiles",
    params(
        ("kind" = String, Path, description = "`participants` or `places`"),
        ("name" = String, Path, description = "The name as events write it (\"Napoleon\", \"Paris, France\"), or one of its other names"),
    ),
    responses(
        (status = 200, description = "The profile (empty fields when nothing is recorded yet); for another name, the profile of the name it stands for", body = bodies::Profile),
        (status = 404, description = "No such kind", body = bodies::Error),
    ))]
pub async fn get_profile(
    State(app): Shared,
    Path((k, name)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let kind = kind(&k)?;
    let (name, p) = app.read(|s| current(s, kind, &name))?;
    Ok(Json(to_json(kind, &name, &p)).into_response())
}

/// Write the profile of a participant or a place.
#[utoipa::path(put, path = "/api/profiles/{kind}/{name}", tag = "profiles",
    params(
        ("kind" = String, Path, description = "`participants` or `places`"),
        ("name" = String, Path, description = "The name as events write it"),
    ),
    request_body(content = bodies::ProfileRequest, content_type = "application/json"),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The profile as stored (a new revision when it changed)", body = bodies::Profile),
        (status = 400, description = "A field that does not read, or another name that belongs to another name (`invalid_profile`, naming the field)", body = bodies::Error),
        (status = 401, description = "No token, or not the right one (`unauthorized`)", body = bodies::Error),
        (status = 403, description = "The server is read-only, or the user may not edit", body = bodies::Error),
        (status = 404, description = "No such kind", body = bodies::Error),
        (status = 408, description = "The body did not arrive in time", body = bodies::Error),
        (status = 413, description = "The body is too large", body = bodies::Error),
        (status = 415, description = "The body is not declared as JSON", body = bodies::Error),
        (status = 429, description = "Too many writes from this address", body = bodies::Error),
        (status = 503, description = "Another import is writing (`busy`)", body = bodies::Error),
    ))]
pub async fn put_profile(
    State(app): Shared,
    Path((k, name)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let kind = kind(&k)?;
    let who = app.authorize(&headers, Role::Editor)?;
    let p: Profile = serde_json::from_slice(&body).map_err(|e| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_profile",
            format!("expected a profile (description, from, to, wikidata, geonames, aliases, media): {e}"),
        )
    })?;
    let change = Change::new(who.name, format!("profile of {}", name.trim()));
    let stored = app.write(&change, |w| {
        w.tx_mut().put_profile(kind, &name, &p).map_err(refused)?;
        Ok(w.tx().profile(kind, &name)?)
    })?;
    let (name, p) = stored.unwrap_or_else(|| (name.trim().to_string(), Profile::default()));
    Ok(Json(to_json(kind, &name, &p)).into_response())
}

/// Every state of a profile.
#[utoipa::path(get, path = "/api/profiles/{kind}/{name}/revisions", tag = "profiles",
    params(
        ("kind" = String, Path, description = "`participants` or `places`"),
        ("name" = String, Path, description = "The name as events write it"),
    ),
    responses(
        (status = 200, description = "Every state of the profile, oldest first, each with the commit that wrote it (a removed state has no profile)", body = bodies::ProfileRevisions),
        (status = 404, description = "No such kind", body = bodies::Error),
    ))]
pub async fn revisions(
    State(app): Shared,
    Path((k, name)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let kind = kind(&k)?;
    let revisions = app.read(|s| Ok(s.profile_history(kind, &name)?))?;
    let v: Vec<serde_json::Value> = revisions
        .iter()
        .map(|r| {
            let state = r.profile.as_ref().map(|p| to_json(kind, name.trim(), p));
            super::revision_json(&r.commit, "profile", state)
        })
        .collect();
    Ok(
        Json(serde_json::json!({"kind": kind.name(), "name": name.trim(), "revisions": v}))
            .into_response(),
    )
}

/// The body of a merge.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MergeBody {
    into: String,
}

/// Merge a participant or a place into another.
#[utoipa::path(post, path = "/api/profiles/{kind}/{name}/merge", tag = "profiles",
    params(
        ("kind" = String, Path, description = "`participants` or `places`"),
        ("name" = String, Path, description = "The name merged away: it becomes another name of `into`"),
    ),
    request_body(content = bodies::MergeNamesRequest, content_type = "application/json"),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The profile of `into`, with the name merged as one of its other names", body = bodies::Profile),
        (status = 400, description = "Not a merge request, or two names that are already one (`invalid_profile`)", body = bodies::Error),
        (status = 401, description = "No token, or not the right one (`unauthorized`)", body = bodies::Error),
        (status = 403, description = "The server is read-only, or the user may not edit", body = bodies::Error),
        (status = 404, description = "No such kind", body = bodies::Error),
        (status = 408, description = "The body did not arrive in time", body = bodies::Error),
        (status = 413, description = "The body is too large", body = bodies::Error),
        (status = 415, description = "The body is not declared as JSON", body = bodies::Error),
        (status = 429, description = "Too many writes from this address", body = bodies::Error),
        (status = 503, description = "Another import is writing (`busy`)", body = bodies::Error),
    ))]
pub async fn merge(
    State(app): Shared,
    Path((k, name)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let kind = kind(&k)?;
    let who = app.authorize(&headers, Role::Editor)?;
    let b: MergeBody = serde_json::from_slice(&body).map_err(|e| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_profile",
            format!("expected {{\"into\": \"NAME\"}}: {e}"),
        )
    })?;
    let (kept, p) = merge_names(&app, kind, &name, &b.into, &who.name)?;
    Ok(Json(to_json(kind, &kept, &p)).into_response())
}

/// Merge `other` into `into` on behalf of `who`: the profile of the name kept, as stored.
pub(crate) fn merge_names(
    app: &crate::App,
    kind: Kind,
    other: &str,
    into: &str,
    who: &str,
) -> Result<(String, Profile), ApiError> {
    if into.trim().is_empty() || into.chars().count() > annals_core::profile::MAX_NAME {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_profile",
            "into: expected the name to merge into",
        ));
    }
    let change = Change::new(who, format!("merged {} into {}", other.trim(), into.trim()));
    app.write(&change, |w| {
        annals_store::merge_names(w.tx_mut(), kind, other, into).map_err(refused)?;
        let kept = w
            .tx()
            .name_for(kind, other)?
            .unwrap_or_else(|| into.trim().to_string());
        Ok(w.tx()
            .profile(kind, &kept)?
            .unwrap_or_else(|| (kept, Profile::default())))
    })
}
