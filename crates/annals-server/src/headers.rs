//! Headers every response gets: a content security policy (pages load scripts and styles from
//! this server only, images and recordings from it or an `https:` address an event's media
//! give, and may not be framed, but for the embed pages, which name who may frame them),
//! `X-Content-Type-Options`,
//! `Referrer-Policy`; and validators for caching: pages carry an `ETag` (a `304` answers a
//! matching `If-None-Match`), fingerprinted assets are cached for a year.

pub use annals_index::schema::fnv1a;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

/// The policy of pages: everything from this server but the images and recordings of events'
/// media (from their `https:` addresses: a museum shows its pictures from its own site), inline
/// style attributes only (the density bars' heights), no plugins, no framing.
pub const PAGE_POLICY: &str =
    "default-src 'self'; img-src 'self' data: https:; media-src 'self' https:; style-src 'self'; \
style-src-attr 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'none'; \
form-action 'self'; frame-ancestors 'none'";

/// The policy of everything else (JSON, assets): nothing may run, nothing may frame it.
pub const DATA_POLICY: &str = "default-src 'none'; frame-ancestors 'none'";

/// Largest page body hashed for an `ETag`.
const MAX_TAGGED: usize = 4 << 20;

fn is_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"))
}

/// Add the security headers, and an `ETag` to successful pages.
pub async fn secure(req: Request, next: Next) -> Response {
    let get = req.method() == Method::GET;
    let if_none_match = req.headers().get(header::IF_NONE_MATCH).cloned();
    let mut response = next.run(req).await;
    let html = is_html(response.headers());
    let h = response.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(if html { PAGE_POLICY } else { DATA_POLICY }),
        );
    }
    // Only the embed pages say who may frame them (`--embed-allow`); nothing else may be framed.
    let framable = h
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("frame-ancestors") && !v.contains("frame-ancestors 'none'"));
    if !framable {
        h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
    if html && get && response.status() == StatusCode::OK {
        return tag(response, if_none_match).await;
    }
    response
}

/// Give a page an `ETag` from its content; answer `304` when the client has it.
async fn tag(response: Response, if_none_match: Option<HeaderValue>) -> Response {
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_TAGGED).await else {
        return Response::from_parts(parts, Body::empty());
    };
    let etag = format!("\"{:016x}\"", fnv1a(&bytes));
    if let Ok(v) = HeaderValue::from_str(&etag) {
        parts.headers.insert(header::ETAG, v);
    }
    parts
        .headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-cache"));
    let matched = if_none_match
        .as_ref()
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    if matched {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, Body::from(bytes))
}
