//! `/timeline/figure?q=&from=&to=&format=png|svg|pdf`: the timeline of a window as a figure to
//! download (`annals-render`: the same figure as `annals render timeline`). Drawing a PNG or a
//! PDF takes a core for a moment: the route takes turns with the other expensive requests.

use super::Shared;
use crate::error::ApiError;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

/// The query of a figure.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureParams {
    q: Option<String>,
    #[serde(default, deserialize_with = "crate::api::blank_is_none")]
    from: Option<String>,
    #[serde(default, deserialize_with = "crate::api::blank_is_none")]
    to: Option<String>,
    /// `png` (the default), `svg` or `pdf`.
    format: Option<String>,
}

/// `GET /timeline/figure`.
pub async fn timeline_figure(
    State(app): Shared,
    Query(p): Query<FigureParams>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let format = match p.format.as_deref().unwrap_or("png") {
        "png" => annals_render::Format::Png,
        "svg" => annals_render::Format::Svg,
        "pdf" => annals_render::Format::Pdf,
        other => {
            return Err(ApiError::bad(format!(
                "format: expected png, svg or pdf, not {other:?}"
            )))
        }
    };
    let request = crate::api::parse_query(p.q.as_deref())?;
    let from = p
        .from
        .as_deref()
        .map(|t| crate::api::day(t, true))
        .transpose()?;
    let to =
        p.to.as_deref()
            .map(|t| crate::api::day(t, false))
            .transpose()?;
    if let (Some(a), Some(b)) = (from, to) {
        if a > b {
            return Err(ApiError::bad("from is after to"));
        }
    }
    let host = super::embed::origin(&headers);
    let w = annals_render::Window {
        query: p.q.clone().unwrap_or_default(),
        from,
        to,
        events: 80,
        title: None,
        credit: format!(
            "annals · {} · {}",
            host.trim_start_matches("http://"),
            annals_dates::DayNumber::today()
        ),
        width: 1600.0,
    };
    let bytes = tokio::task::block_in_place(|| -> Result<Vec<u8>, ApiError> {
        let index = app.index()?;
        let figure = annals_render::timeline_figure(index, &request, &w)?
            .ok_or_else(|| ApiError::not_found("no events match in this window"))?;
        let svg = annals_render::timeline_svg(&figure);
        format
            .bytes(&svg)
            .map_err(|e| ApiError::internal(e.to_string()))
    })?;
    let (kind, ext) = match format {
        annals_render::Format::Png => ("image/png", "png"),
        annals_render::Format::Svg => ("image/svg+xml", "svg"),
        annals_render::Format::Pdf => ("application/pdf", "pdf"),
    };
    let mut r = bytes.into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"annals-timeline.{ext}\""))
    {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(r)
}
