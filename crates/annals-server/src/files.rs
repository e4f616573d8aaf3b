//! Stored pictures over HTTP (`docs/media.md`): an upload (`POST /api/media` with a token,
//! `POST /media` from the editor of a signed-in browser) checked by `annals_media` (type by
//! content, size, pixels; metadata stripped) and kept in the store; and the files themselves,
//! `GET /media/{sha256}` and its copies `GET /media/{sha256}/{width}.webp`, cached for ever
//! (a file's address is its content's hash: it never changes).

use crate::api::Shared;
use crate::error::ApiError;
use crate::lang::tw;
use crate::App;
use annals_core::media::Picture;
use annals_i18n::Arg;
use annals_media::MediaError;
use annals_store::accounts::Role;
use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

/// Where a browser loads a stored picture (`width` `None`) or its copy that wide.
pub(crate) fn address(hash: &str, width: Option<u32>) -> String {
    annals_core::media::served_at("", hash, width)
}

/// Check and keep an upload; 201 with what was kept, or 200 when it was kept already. A
/// refusal says why in `words` (the API's English, or the editor's reader's language).
fn keep(
    app: &App,
    bytes: &[u8],
    author: &str,
    words: fn(&MediaError) -> String,
) -> Result<Response, ApiError> {
    let limits = annals_media::Limits {
        max_bytes: app.limits().max_upload,
        ..annals_media::Limits::default()
    };
    let picture = tokio::task::block_in_place(|| annals_media::prepare(bytes, &limits))
        .map_err(|e| refused(&e, words(&e)))?;
    let added = app.put_file(&picture, author)?;
    let status = if added {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(described(&picture))).into_response())
}

/// What an upload answers: the `media:` address to put in an event, and the file's facts.
fn described(p: &Picture) -> serde_json::Value {
    json!({
        "url": format!("media:{}", p.hash),
        "hash": p.hash,
        "type": p.mime,
        "width": p.width,
        "height": p.height,
        "bytes": p.bytes.len(),
        "file": address(&p.hash, None),
        "renditions": p.renditions.iter().map(|r| json!({
            "width": r.width,
            "height": r.height,
            "url": address(&p.hash, Some(r.width)),
        })).collect::<Vec<_>>(),
    })
}

/// A refused file: 413 over the size, 415 not a picture annals takes, 422 a broken one.
fn refused(e: &MediaError, message: String) -> ApiError {
    let (status, code) = match e {
        MediaError::TooLarge { .. } => (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"),
        MediaError::TooManyPixels { .. } => (StatusCode::PAYLOAD_TOO_LARGE, "too_many_pixels"),
        MediaError::Unsupported(_) => (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_picture"),
        MediaError::Broken { .. } => (StatusCode::UNPROCESSABLE_ENTITY, "invalid_picture"),
    };
    ApiError::new(status, code, message)
}

/// "The file has `size` bytes; at most `limit` are taken", in `lang` (also what the guard says
/// of an upload refused before its body is read).
pub(crate) fn too_large_in(lang: annals_i18n::Language, size: u64, limit: u64) -> String {
    annals_i18n::text_with(
        lang,
        "media-too-large",
        &[("size", Arg::Count(size)), ("limit", Arg::Count(limit))],
    )
}

/// Why a picture was refused, in the reader's language (what the file is instead, or what the
/// decoder said, in English).
fn refusal_in_language(e: &MediaError) -> String {
    let count = Arg::Count;
    match e {
        MediaError::TooLarge { size, limit } => {
            too_large_in(crate::lang::current(), *size as u64, *limit as u64)
        }
        MediaError::TooManyPixels {
            width,
            height,
            limit,
        } => tw(
            "media-too-many-pixels",
            &[
                ("width", count(u64::from(*width))),
                ("height", count(u64::from(*height))),
                ("limit", count(*limit)),
            ],
        ),
        MediaError::Unsupported(what) => tw("media-unsupported", &[("what", what.as_str().into())]),
        MediaError::Broken { format, message } => tw(
            "media-broken",
            &[
                ("format", (*format).into()),
                ("problem", message.as_str().into()),
            ],
        ),
    }
}

/// Upload a picture (JPEG, PNG or WebP; its bytes as the body).
#[utoipa::path(post, path = "/api/media", tag = "media",
    request_body(content = Vec<u8>, description = "The picture's bytes (JPEG, PNG or WebP; known by their content, whatever Content-Type says)", content_type = "application/octet-stream"),
    responses(
        (status = 201, description = "Kept: its `media:` address for an event's media, its size and its smaller copies", body = crate::openapi::bodies::Upload),
        (status = 200, description = "The same file was kept already", body = crate::openapi::bodies::Upload),
        (status = 401, description = "No token, or a wrong one", body = crate::openapi::bodies::Error),
        (status = 413, description = "Larger than the upload limit, or more pixels than 50 million", body = crate::openapi::bodies::Error),
        (status = 415, description = "Not a JPEG, PNG or WebP picture", body = crate::openapi::bodies::Error),
        (status = 422, description = "Starts as a picture but does not read as one", body = crate::openapi::bodies::Error),
    ),
    security(("bearer" = [])))]
pub async fn upload(
    State(app): Shared,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let who = app.authorize(&headers, Role::Editor)?;
    keep(&app, &body, &who.name, |e| e.to_string())
}

/// Upload a picture from the editor of a signed-in browser (its CSRF token in the
/// `X-CSRF-Token` header).
pub async fn upload_signed_in(
    State(app): Shared,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let csrf = headers
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let session = crate::pages::account::editor(&app, &headers, csrf, Role::Editor)?;
    keep(&app, &body, &session.user.name, refusal_in_language)
}

/// A stored picture, as it was uploaded (its metadata stripped).
pub async fn file(State(app): Shared, Path(hash): Path<String>, headers: HeaderMap) -> Response {
    serve(&app, &hash, None, &headers)
}

/// A smaller copy of a stored picture (`{width}.webp`: the widest copy not wider than that,
/// so `320.webp` is a card's thumbnail whatever the picture's size).
pub async fn rendition(
    State(app): Shared,
    Path((hash, name)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    match name
        .strip_suffix(".webp")
        .and_then(|w| w.parse::<u32>().ok())
    {
        Some(w) => serve(&app, &hash, Some(w), &headers),
        None => missing(),
    }
}

fn missing() -> Response {
    ApiError::not_found("no such picture").into_response()
}

fn serve(app: &App, hash: &str, width: Option<u32>, headers: &HeaderMap) -> Response {
    if !annals_core::media::is_hash(hash) {
        return missing();
    }
    let etag = format!("\"{hash}-{}\"", width.unwrap_or(0));
    let cached = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag));
    let found = app.read(|s| Ok(s.file(hash, width)?));
    let file = match found {
        Ok(Some(file)) => file,
        Ok(None) => return missing(),
        Err(e) => return e.into_response(),
    };
    let mut response = if cached {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        Response::new(Body::from(file.bytes))
    };
    let h = response.headers_mut();
    if let Ok(mime) = HeaderValue::from_str(&file.mime) {
        h.insert(header::CONTENT_TYPE, mime);
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    if let Ok(tag) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, tag);
    }
    // Shown in pages; never run as a document of its own.
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; sandbox"),
    );
    h.insert(
        header::HeaderName::from_static("cross-origin-resource-policy"),
        HeaderValue::from_static("cross-origin"),
    );
    response
}
