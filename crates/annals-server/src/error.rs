//! API errors: an HTTP status, a stable snake_case code, and a message for people.
//!
//! Codes: `bad_request`, `query_error`, `invalid_event`, `unauthorized`, `read_only`,
//! `not_found`, `conflict`, `precondition_failed`, `payload_too_large`, `busy`,
//! `index_unavailable`, `internal`.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

/// An API error.
#[derive(Debug)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// Stable code.
    pub code: &'static str,
    /// What happened.
    pub message: String,
    /// Where the thing asked for is now (a `Location` header; with `moved`).
    pub location: Option<String>,
    /// The query the language could not read, for a page to say where and what in the
    /// reader's language (`query_error` from the query parser).
    pub query: Option<Box<annals_query::QueryError>>,
}

impl ApiError {
    /// An error with a status and code.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
            location: None,
            query: None,
        }
    }
    /// 400 bad_request.
    pub fn bad(message: impl Into<String>) -> ApiError {
        Self::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }
    /// 404 not_found.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        Self::new(StatusCode::NOT_FOUND, "not_found", message)
    }
    /// 500 internal.
    pub fn internal(message: impl std::fmt::Display) -> ApiError {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            message.to_string(),
        )
    }
}

impl ApiError {
    /// The same error, naming where the thing asked for is now.
    pub fn with_location(mut self, to: String) -> ApiError {
        self.location = Some(to);
        self
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({"error": {"code": self.code, "message": self.message}});
        let mut r = (self.status, Json(body)).into_response();
        if let Some(v) = self
            .location
            .and_then(|l| axum::http::HeaderValue::from_str(&l).ok())
        {
            r.headers_mut().insert(axum::http::header::LOCATION, v);
        }
        r
    }
}

/// Rejections produced by the framework itself (a body over the limit, a malformed query
/// parameter, a wrong method) come as plain text: under `/api/` they become JSON errors too.
pub async fn json_rejections(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let api = req.uri().path().starts_with("/api/");
    let response = next.run(req).await;
    let status = response.status();
    let is_json = response
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !api || is_json || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let bytes = axum::body::to_bytes(response.into_body(), 64 * 1024)
        .await
        .unwrap_or_default();
    let message = String::from_utf8_lossy(&bytes).trim().to_string();
    let code = match status {
        StatusCode::PAYLOAD_TOO_LARGE => "payload_too_large",
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::UNAUTHORIZED => "unauthorized",
        s if s.is_server_error() => "internal",
        _ => "bad_request",
    };
    ApiError::new(
        status,
        code,
        if message.is_empty() {
            status.to_string()
        } else {
            message
        },
    )
    .into_response()
}

/// The database cannot be reached now: nothing was written; try again.
fn unavailable(e: impl std::fmt::Display) -> ApiError {
    ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "database_unavailable",
        format!("{e}: nothing was written; try again"),
    )
}

impl From<annals_store::StoreError> for ApiError {
    fn from(e: annals_store::StoreError) -> Self {
        match e {
            annals_store::StoreError::BadCursor(_) => ApiError::bad(e.to_string()),
            annals_store::StoreError::Unavailable(_) => unavailable(e),
            e => ApiError::internal(e),
        }
    }
}

impl From<annals_index::IndexError> for ApiError {
    fn from(e: annals_index::IndexError) -> Self {
        match e {
            annals_index::IndexError::Busy(_) => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "busy",
                "another import is writing to this database: try again when it ends",
            ),
            annals_index::IndexError::Missing(_) => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "index_unavailable",
                e.to_string(),
            ),
            annals_index::IndexError::Unavailable(_) => unavailable(e),
            annals_index::IndexError::Query(m) => {
                ApiError::new(StatusCode::BAD_REQUEST, "query_error", m)
            }
            other => ApiError::internal(other),
        }
    }
}

impl From<annals_query::QueryError> for ApiError {
    fn from(e: annals_query::QueryError) -> Self {
        let mut error = ApiError::new(StatusCode::BAD_REQUEST, "query_error", e.to_string());
        error.query = Some(Box::new(e));
        error
    }
}
