//! `/healthz` (the process answers), `/readyz` (it can read its store and its index: a load
//! balancer sends traffic), `/metrics` (Prometheus text format, [`crate::metrics`]).

use crate::app::App;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// `GET /healthz`: 200 while the process serves.
pub async fn healthz() -> Response {
    ([(header::CACHE_CONTROL, "no-store")], "ok\n").into_response()
}

/// `GET /readyz`: 200 when the store and the index answer, 503 otherwise.
pub async fn readyz(State(app): State<Arc<App>>) -> Response {
    let ready = app
        .read(|s| Ok(s.generation()?))
        .and_then(|_| app.index().map(|_| ()));
    match ready {
        Ok(()) => ([(header::CACHE_CONTROL, "no-store")], "ready\n").into_response(),
        Err(e) => (
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::CACHE_CONTROL, "no-store")],
            format!("not ready: {}\n", e.message),
        )
            .into_response(),
    }
}

/// `GET /metrics`.
pub async fn metrics(State(app): State<Arc<App>>) -> Response {
    // Gauges of the store are set when they are read; a failure leaves them as they were.
    let _ = app.refresh_gauges();
    (
        [
            (
                header::CONTENT_TYPE,
                "application/openmetrics-text; version=1.0.0; charset=utf-8",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        app.metrics().encode(),
    )
        .into_response()
}
