//! `/timeline/figure?q=&from=&to=&format=png|svg|pdf`: the timeline of a window as a figure to
//! download, and `/map/figure?q=&from=&to=&view=&event=&format=`: the map of a view
//! (`annals-render`: the same figures as `annals render timeline` and `annals render map`).
//! Drawing a PNG or a PDF takes a core for a moment: the routes take turns with the other
//! expensive requests.

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

/// The format asked for (PNG by default).
fn format(f: Option<&str>) -> Result<annals_render::Format, ApiError> {
    match f.unwrap_or("png") {
        "png" => Ok(annals_render::Format::Png),
        "svg" => Ok(annals_render::Format::Svg),
        "pdf" => Ok(annals_render::Format::Pdf),
        other => Err(ApiError::bad(format!(
            "format: expected png, svg or pdf, not {other:?}"
        ))),
    }
}

/// The credit line: annals, the site, today.
fn credit(headers: &HeaderMap) -> String {
    let host = super::embed::origin(headers);
    format!(
        "annals · {} · {}",
        host.trim_start_matches("http://")
            .trim_start_matches("https://"),
        annals_dates::DayNumber::today()
    )
}

/// The figure's bytes as a download named `annals-{name}.{ext}`.
fn download(bytes: Vec<u8>, format: annals_render::Format, name: &str) -> Response {
    let (kind, ext) = match format {
        annals_render::Format::Png => ("image/png", "png"),
        annals_render::Format::Svg => ("image/svg+xml", "svg"),
        annals_render::Format::Pdf => ("application/pdf", "pdf"),
    };
    let mut r = bytes.into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"annals-{name}.{ext}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    r
}

/// `GET /timeline/figure`.
pub async fn timeline_figure(
    State(app): Shared,
    Query(p): Query<FigureParams>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let format = format(p.format.as_deref())?;
    let (request, window) =
        crate::api::explore::map_request(p.q.as_deref(), p.from.as_deref(), p.to.as_deref())?;
    let (from, to) = window.map_or((None, None), |(a, b)| {
        ((a != i64::MIN).then_some(a), (b != i64::MAX).then_some(b))
    });
    let w = annals_render::Window {
        query: p.q.clone().unwrap_or_default(),
        from,
        to,
        events: 80,
        title: None,
        credit: credit(&headers),
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
    Ok(download(bytes, format, "timeline"))
}

/// The query of a map figure.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapFigureParams {
    q: Option<String>,
    #[serde(default, deserialize_with = "crate::api::blank_is_none")]
    from: Option<String>,
    #[serde(default, deserialize_with = "crate::api::blank_is_none")]
    to: Option<String>,
    /// `south,west,north,east` in degrees, as on `/map` (default the whole world).
    #[serde(default, deserialize_with = "crate::api::blank_is_none")]
    view: Option<String>,
    /// An event to pin.
    #[serde(default, deserialize_with = "crate::api::blank_is_none")]
    event: Option<String>,
    /// `png` (the default), `svg` or `pdf`.
    format: Option<String>,
}

/// `GET /map/figure`.
pub async fn map_figure(
    State(app): Shared,
    Query(p): Query<MapFigureParams>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let format = format(p.format.as_deref())?;
    let (request, window) =
        crate::api::explore::map_request(p.q.as_deref(), p.from.as_deref(), p.to.as_deref())?;
    let view = super::map::view(p.view.as_deref())?;
    let bytes = tokio::task::block_in_place(|| -> Result<Vec<u8>, ApiError> {
        let selected = match p.event.as_deref() {
            Some(id) => app
                .read(|s| Ok(s.get(id)?))?
                .as_ref()
                .and_then(annals_render::map::selected),
            None => None,
        };
        let w = annals_render::MapWindow {
            query: p.q.clone().unwrap_or_default(),
            window,
            view,
            selected,
            title: None,
            credit: credit(&headers),
            width: 1600.0,
        };
        let figure = annals_render::map_figure(app.index()?, &request, &w)?.ok_or_else(|| {
            ApiError::not_found("no located events match in this window and view")
        })?;
        format
            .bytes(&annals_render::map_svg(&figure))
            .map_err(|e| ApiError::internal(e.to_string()))
    })?;
    Ok(download(bytes, format, "map"))
}
