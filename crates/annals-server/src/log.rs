//! Request logs and request metrics: every request gets an id (`X-Request-Id`, kept when the
//! client or a proxy sent a sane one) and one structured log line (`tracing`, target
//! `annals::http`: method, path, route, status, latency, bytes, peer, id); the binary chooses
//! text or JSON and the level (`RUST_LOG`).

use crate::app::App;
use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Instant;

/// A request id from the client, if it is short and plain enough to log.
fn given_id(req: &Request) -> Option<String> {
    let v = req.headers().get("x-request-id")?.to_str().ok()?;
    (!v.is_empty()
        && v.len() <= 64
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')))
    .then(|| v.to_string())
}

/// A new request id: this process's start and a counter.
fn new_id() -> String {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    static START: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    let start = START.get_or_init(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
    });
    format!("{start:x}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// Log and count one request.
pub async fn observe(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let started = Instant::now();
    let id = given_id(&req).unwrap_or_else(new_id);
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or("other", |m| m.as_str())
        .to_string();
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_default();
    let mut response = next.run(req).await;
    let seconds = started.elapsed().as_secs_f64();
    let status = response.status().as_u16();
    app.metrics()
        .observe(&route, method.as_str(), status, seconds);
    let bytes = response
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if let Ok(v) = HeaderValue::from_str(&id) {
        response.headers_mut().insert("x-request-id", v);
    }
    let ms = seconds * 1000.0;
    if status >= 500 {
        tracing::error!(target: "annals::http", %method, %path, %route, status, ms, bytes, %peer, request_id = %id, "request");
    } else {
        tracing::info!(target: "annals::http", %method, %path, %route, status, ms, bytes, %peer, request_id = %id, "request");
    }
    response
}
