//! `/api/oembed?url=`: the oEmbed 1.0 answer for a page of this site (an event, the timeline,
//! the map): a `rich` type whose HTML is an iframe of the page's embed view
//! ([`crate::pages::embed`]). Costs a lookup at most, whatever the corpus.

use super::Shared;
use crate::error::ApiError;
use crate::openapi::bodies;
use crate::pages::embed::iframe;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use utoipa::IntoParams;

/// Query parameters of `/api/oembed`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct OembedParams {
    /// The page's address: `https://HOST/events/ID`, `https://HOST/timeline?…`,
    /// `https://HOST/map?…`.
    #[param(max_length = 2000, pattern = r"^https?://[A-Za-z0-9.:\[\]-]+(/.*)?$")]
    url: String,
    /// Widest the frame may be, in pixels.
    #[param(minimum = 1, maximum = 100000)]
    maxwidth: Option<u32>,
    /// Tallest the frame may be, in pixels.
    #[param(minimum = 1, maximum = 100000)]
    maxheight: Option<u32>,
    /// `json` (the only format given).
    #[serde(default, deserialize_with = "super::blank_is_none")]
    #[param(pattern = "^(|json)$")]
    format: Option<String>,
}

/// `%XX` decoded (an id in a page's address); `None` when it is not valid UTF-8. A `%` that
/// starts no escape stays as it is.
fn decoded(s: &str) -> Option<String> {
    percent_encoding::percent_decode_str(s)
        .decode_utf8()
        .ok()
        .map(|c| c.into_owned())
}

/// The oEmbed answer for a page of this site.
#[utoipa::path(get, path = "/api/oembed", tag = "embed", params(OembedParams),
    responses(
        (status = 200, description = "oEmbed 1.0, type `rich`: an iframe of the page's embed view", body = bodies::Oembed),
        (status = 400, description = "Not an http(s) address, or a format other than json (`bad_request`)", body = bodies::Error),
        (status = 404, description = "Not a page that can be embedded, or no such event (`not_found`)", body = bodies::Error),
    ))]
pub async fn oembed(
    State(app): Shared,
    Query(p): Query<OembedParams>,
) -> Result<Response, ApiError> {
    if p.format.as_deref().is_some_and(|f| f != "json") {
        return Err(ApiError::bad("format: only json is given"));
    }
    let url = p.url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| ApiError::bad("url: expected an http or https address of a page"))?;
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    if !crate::pages::embed::is_host(host) {
        return Err(ApiError::bad(
            "url: expected an http or https address of a page",
        ));
    }
    let origin = &url[..url.len() - path.len()];
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let query = if query.is_empty() {
        String::new()
    } else {
        format!("?{query}")
    };
    let (embed, title, height) = if let Some(id) = path.strip_prefix("/events/") {
        let id = decoded(id).ok_or_else(|| ApiError::not_found("no such event"))?;
        let e = app
            .read(|s| Ok(s.get(&id)?))?
            .ok_or_else(|| ApiError::not_found(format!("no event with the id {id:?}")))?;
        (
            format!("/embed/event/{}", crate::pages::enc(&e.id)),
            e.title,
            260,
        )
    } else if path == "/timeline" {
        (
            format!("/embed/timeline{query}"),
            "Timeline".to_string(),
            600,
        )
    } else if path == "/map" {
        (format!("/embed/map{query}"), "Map".to_string(), 560)
    } else {
        return Err(ApiError::not_found(
            "url: not a page that can be embedded (an event, the timeline or the map)",
        ));
    };
    let width = p.maxwidth.unwrap_or(800).clamp(1, 100_000);
    let height = p
        .maxheight
        .map_or(height, |m| m.clamp(1, 100_000).min(height));
    let html = iframe(origin, &embed, &title, &width.to_string(), height);
    Ok((
        StatusCode::OK,
        Json(serde_json::json!({
            "version": "1.0",
            "type": "rich",
            "provider_name": "annals",
            "provider_url": format!("{origin}/"),
            "title": title,
            "html": html,
            "width": width,
            "height": height,
        })),
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::decoded;

    #[test]
    fn percent_escapes_decode() {
        assert_eq!(decoded("battle%20of%20x").as_deref(), Some("battle of x"));
        assert_eq!(decoded("caf%C3%A9").as_deref(), Some("café"));
        assert_eq!(decoded("plain-id").as_deref(), Some("plain-id"));
        assert_eq!(decoded("bad%ZZ").as_deref(), Some("bad%ZZ"));
        assert_eq!(decoded("end%2"), Some("end%2".into()));
        assert_eq!(decoded("%FF"), None);
    }
}
