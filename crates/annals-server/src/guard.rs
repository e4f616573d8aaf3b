//! Guards in front of the handlers.
//!
//! - [`writes`]: a request that writes is counted against its address's rate, authorised, and
//!   checked for size and type *before* a byte of its body is read; then the body must arrive
//!   within [`Limits::body_timeout`](crate::limits::Limits). A refused request closes its
//!   connection, so that an unread body costs nothing.
//! - [`expensive`]: searches, timelines, maps and exports take turns
//!   ([`Limits::expensive`](crate::limits::Limits) at a time, a bounded queue behind them), so
//!   that the cheap requests (an event, its page) stay fast while the heavy ones wait.

use crate::app::App;
use crate::error::ApiError;
use crate::metrics::Shed;
use annals_store::accounts::Role;
use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;
use tokio::sync::Semaphore;

/// An error that also closes the connection (its body, if any, is never read).
fn closing(e: ApiError) -> Response {
    let mut r = e.into_response();
    r.headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    r
}

/// With a `Retry-After` header.
fn retry_after(mut r: Response, seconds: u32) -> Response {
    r.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    r
}

/// Whether a request only reads.
fn reads(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Whether a body is declared as JSON (`application/json`, `application/problem+json`, ...).
fn is_json(req: &Request) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|t| t.trim().to_ascii_lowercase())
        .is_some_and(|t| t == "application/json" || t.ends_with("+json"))
}

/// Count a write from the request's address; the seconds to wait when it is over the limit.
fn over_rate(app: &App, req: &Request) -> Option<u32> {
    let ip = req.extensions().get::<ConnectInfo<SocketAddr>>()?.0.ip();
    let wait = app
        .rates()
        .check(ip, app.limits().writes_per_minute)
        .err()?;
    app.metrics().shed(Shed::Rate);
    Some(wait)
}

/// The guard in front of every request that writes (see the module documentation).
pub async fn writes(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    if reads(req.method()) || !req.uri().path().starts_with("/api/") {
        return next.run(req).await;
    }
    if let Some(wait) = over_rate(&app, &req) {
        let e = ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_requests",
            format!("too many writes from this address: try again in {wait} s"),
        );
        return retry_after(closing(e), wait);
    }
    if let Err(e) = app.authorize(req.headers(), Role::Editor) {
        return closing(e);
    }
    let limits = app.limits();
    let limit = match req.uri().path() {
        "/api/import" => limits.max_import,
        "/api/media" => limits.max_upload,
        _ => limits.max_body,
    };
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return closing(too_large(limit));
    }
    let wants_json = matches!(*req.method(), Method::POST | Method::PUT)
        && !matches!(req.uri().path(), "/api/import" | "/api/media");
    if wants_json && !is_json(&req) {
        return closing(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the event as JSON, with the header Content-Type: application/json",
        ));
    }
    let (parts, body) = req.into_parts();
    let read = tokio::time::timeout(limits.body_timeout, axum::body::to_bytes(body, limit)).await;
    let bytes = match read {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(_)) => return closing(too_large(limit)),
        Err(_) => {
            return closing(ApiError::new(
                StatusCode::REQUEST_TIMEOUT,
                "request_timeout",
                format!(
                    "the body did not arrive within {} s",
                    limits.body_timeout.as_secs()
                ),
            ))
        }
    };
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

/// The guard in front of the pages' form posts (signing in, editing): counted against the
/// address's write rate, bounded to the event body limit, and read within the body timeout.
/// Who may post, and the CSRF token, are checked by each form's handler.
pub async fn forms(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    if reads(req.method()) || req.uri().path().starts_with("/api/") {
        return next.run(req).await;
    }
    if let Some(wait) = over_rate(&app, &req) {
        let e = ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_requests",
            format!("too many requests from this address: try again in {wait} s"),
        );
        return retry_after(crate::pages::error_page(e), wait);
    }
    let limits = app.limits();
    // A picture from the editor may be larger than a form: only a signed-in browser may send
    // one, which is known before its body is read.
    let upload = req.uri().path() == "/media";
    if upload && app.session(req.headers()).is_none() {
        return closing(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "sign in to add pictures",
        ));
    }
    let limit = if upload {
        limits.max_upload
    } else {
        limits.max_body
    };
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if let Some(size) = declared.filter(|n| *n > limit as u64) {
        let mut e = too_large(limit);
        if upload {
            // the editor shows this to its reader: in their language
            e.message = crate::files::too_large_in(crate::lang::of(&req), size, limit as u64);
        }
        return closing(e);
    }
    let (parts, body) = req.into_parts();
    let read = tokio::time::timeout(limits.body_timeout, axum::body::to_bytes(body, limit)).await;
    match read {
        Ok(Ok(bytes)) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        Ok(Err(_)) => closing(too_large(limit)),
        Err(_) => closing(ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            "request_timeout",
            "the form did not arrive in time",
        )),
    }
}

fn too_large(limit: usize) -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
        format!("the body is larger than {limit} bytes"),
    )
}

/// Expensive requests taking turns.
pub struct Gate {
    running: Arc<Semaphore>,
    waiting: AtomicUsize,
}

impl Gate {
    /// A gate letting `at_once` requests through at a time.
    pub fn new(at_once: usize) -> Gate {
        Gate {
            running: Arc::new(Semaphore::new(at_once.max(1))),
            waiting: AtomicUsize::new(0),
        }
    }
}

/// The guard in front of expensive routes (see the module documentation).
pub async fn expensive(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let gate = app.gate();
    let limits = app.limits();
    if gate.waiting.fetch_add(1, Ordering::AcqRel) >= limits.queue {
        gate.waiting.fetch_sub(1, Ordering::AcqRel);
        app.metrics().shed(Shed::Queue);
        return retry_after(busy(&req), 1);
    }
    app.metrics().queued.inc();
    let permit =
        tokio::time::timeout(limits.request_timeout, gate.running.clone().acquire_owned()).await;
    gate.waiting.fetch_sub(1, Ordering::AcqRel);
    app.metrics().queued.dec();
    let Ok(Ok(permit)) = permit else {
        app.metrics().shed(Shed::Timeout);
        return retry_after(busy(&req), 2);
    };
    let response = next.run(req).await;
    drop(permit);
    response
}

fn busy(req: &Request) -> Response {
    let e = ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "overloaded",
        "the server is busy with other searches: try again in a second",
    );
    if req.uri().path().starts_with("/api/") {
        e.into_response()
    } else {
        crate::pages::error_page(e)
    }
}

/// Writes per client address, counted in one-minute windows.
#[derive(Default)]
pub struct Rates {
    windows: Mutex<HashMap<IpAddr, (Instant, u32)>>,
}

impl Rates {
    /// Count one write from `ip`; `Err(seconds to wait)` when it is over `per_minute`.
    pub fn check(&self, ip: IpAddr, per_minute: u32) -> Result<(), u32> {
        let now = Instant::now();
        let Ok(mut windows) = self.windows.lock() else {
            return Ok(());
        };
        if windows.len() > 100_000 {
            windows.retain(|_, (start, _)| now.duration_since(*start).as_secs() < 60);
        }
        let (start, n) = windows.entry(ip).or_insert((now, 0));
        let age = now.duration_since(*start).as_secs();
        if age >= 60 {
            *start = now;
            *n = 0;
        }
        *n += 1;
        if *n > per_minute {
            Err((60 - age.min(59)) as u32)
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_count_per_address() {
        let r = Rates::default();
        let a: IpAddr = "127.0.0.1".parse().unwrap();
        let b: IpAddr = "127.0.0.2".parse().unwrap();
        for _ in 0..3 {
            assert!(r.check(a, 3).is_ok());
        }
        assert!(r.check(a, 3).is_err());
        assert!(r.check(b, 3).is_ok());
    }
}
