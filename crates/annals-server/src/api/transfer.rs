//! Moving events in and out: `POST /api/import` (any format annals reads, all or nothing,
//! by the identity rules of `docs/curation.md`) and `GET /api/export` (JSON Lines, a page at
//! a time).

use super::Shared;
use crate::error::ApiError;
use crate::openapi::bodies;
use annals_formats::{Format, ReadOptions};
use annals_store::accounts::Role;
use annals_store::identity::PlaceError;
use annals_store::{Change, Written};
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use utoipa::IntoParams;

/// Query parameters of `/api/import`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ImportParams {
    /// The format (card, json, jsonl, csv, timelinejs, timelinejs-csv, markdown, wikidata);
    /// default: told from the content.
    format: Option<String>,
    /// A name for the upload (a file name): importing the same name again may update the
    /// events it wrote (see `docs/curation.md`).
    name: Option<String>,
}

/// `POST /api/import?format=card|json|jsonl`: import an upload, all or nothing.
#[utoipa::path(post, path = "/api/import", tag = "transfer", params(ImportParams),
    request_body(content(
        (String = "text/plain"), (String = "text/csv"), (bodies::AnyJson = "application/json"),
        (String = "application/x-ndjson"), (String = "text/markdown")),
        description = "A file in any format annals reads"),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Imported, all of it", body = bodies::ImportReport),
        (status = 400, description = "Nothing was imported: every problem is listed (`invalid_event`), or an unknown format", body = bodies::Error),
        (status = 401, description = "No token, or not the right one (`unauthorized`)", body = bodies::Error),
        (status = 403, description = "The server is read-only (`read_only`)", body = bodies::Error),
        (status = 408, description = "The body did not arrive in time (`request_timeout`)", body = bodies::Error),
        (status = 413, description = "The body is too large (`payload_too_large`)", body = bodies::Error),
        (status = 429, description = "Too many writes from this address (`too_many_requests`; see Retry-After)", body = bodies::Error),
        (status = 503, description = "Another import is writing (`busy`)", body = bodies::Error),
    ))]
pub async fn import(
    State(app): Shared,
    headers: HeaderMap,
    Query(p): Query<ImportParams>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let who = app.authorize(&headers, Role::Editor)?;
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
    let change = Change::new(who.name.clone(), format!("POST /api/import ({origin})"));
    let counts = app.write(&change, |w| {
        let mut c = [0u64; 6];
        let mut refused = Vec::new();
        for i in items {
            let location = i.location.clone();
            let placed = match w.place(i.event, i.stub, i.named, &origin) {
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
    app.metrics().imported.inc_by(counts[0] + counts[1]);
    Ok(Json(serde_json::json!({
        "created": counts[0], "updated": counts[1], "unchanged": counts[2], "merged": counts[3],
        "renamed": counts[4], "duplicates_proposed": counts[5]
    }))
    .into_response())
}

/// Query parameters of `/api/export`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ExportParams {
    /// The `X-Next-Cursor` of the previous page.
    #[serde(default, deserialize_with = "super::blank_is_none")]
    #[param(pattern = r"^(|-?[0-9]{1,18}\.-?[0-9]{1,18}\.[0-9]{1,18})$")]
    cursor: Option<String>,
    /// Events per page (1 to 10000; default 1000).
    #[param(minimum = 1, maximum = 10000)]
    limit: Option<usize>,
}

/// Events per export page at most.
pub const EXPORT_PAGE: usize = 10_000;

/// `GET /api/export?limit=&cursor=`: every event as native JSON Lines, a page at a time in
/// time order (1,000 by default, at most 10,000); the next page's address is in the `Link`
/// header (`rel="next"`) and its cursor in `X-Next-Cursor`, absent on the last page.
#[utoipa::path(get, path = "/api/export", tag = "transfer", params(ExportParams),
    responses(
        (status = 200, description = "Native JSON Lines, one event per line, in time order; Link (rel=next) and X-Next-Cursor name the next page", content_type = "application/x-ndjson", body = String),
        (status = 400, description = "A cursor this server did not make", body = bodies::Error),
        (status = 503, description = "The server is busy", body = bodies::Error),
    ))]
pub async fn export(
    State(app): Shared,
    Query(p): Query<ExportParams>,
) -> Result<Response, ApiError> {
    let limit = super::bounded("limit", p.limit, 1000, 1..=EXPORT_PAGE)?;
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
