//! Static assets, compiled in: the style sheet, the two scripts, the world map, the icon. Pages link
//! them with a fingerprint (`/assets/style.css?v=HASH`, [`url`]); a request that carries the
//! current fingerprint is cached for a year, any other for ten minutes. Every asset has an
//! `ETag` (its fingerprint) and answers `304` to a matching `If-None-Match`.
//!
//! For working on the scripts and the style sheet: `ANNALS_ASSETS_DIR=crates/annals-server/assets
//! annals serve` serves those three files from that directory, read afresh on every request and
//! never cached, so a change shows on reload without a rebuild (`docs/web.md`).

use crate::headers::fnv1a;
use axum::extract::{Path, Query};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use std::sync::OnceLock;

/// An asset.
struct Asset {
    name: &'static str,
    content_type: &'static str,
    body: &'static [u8],
    tag: String,
}

/// The countries as a stand-alone SVG document (the background of the timeline page's map).
fn world_svg() -> String {
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 720 360" width="720" height="360"><g fill="#e6e1d6" stroke="#a9a294" stroke-width=".25">{}</g></svg>"##,
        annals_render::world::countries()
    )
}

fn all() -> &'static [Asset] {
    static ALL: OnceLock<Vec<Asset>> = OnceLock::new();
    ALL.get_or_init(|| {
        let world: &'static str = Box::leak(world_svg().into_boxed_str());
        [
            (
                "style.css",
                "text/css; charset=utf-8",
                include_bytes!("../assets/style.css").as_slice(),
            ),
            (
                "words.js",
                "text/javascript; charset=utf-8",
                include_bytes!("../assets/words.js").as_slice(),
            ),
            (
                "timeline.js",
                "text/javascript; charset=utf-8",
                include_bytes!("../assets/timeline.js").as_slice(),
            ),
            (
                "map.js",
                "text/javascript; charset=utf-8",
                include_bytes!("../assets/map.js").as_slice(),
            ),
            (
                "card.js",
                "text/javascript; charset=utf-8",
                include_bytes!("../assets/card.js").as_slice(),
            ),
            (
                "embed.js",
                "text/javascript; charset=utf-8",
                include_bytes!("../assets/embed.js").as_slice(),
            ),
            (
                "story.js",
                "text/javascript; charset=utf-8",
                include_bytes!("../assets/story.js").as_slice(),
            ),
            (
                "edit.js",
                "text/javascript; charset=utf-8",
                include_bytes!("../assets/edit.js").as_slice(),
            ),
            ("world.svg", "image/svg+xml", world.as_bytes()),
            (
                "favicon.svg",
                "image/svg+xml",
                include_bytes!("../assets/favicon.svg").as_slice(),
            ),
        ]
        .into_iter()
        .map(|(name, content_type, body)| Asset {
            name,
            content_type,
            body,
            tag: format!("{:016x}", fnv1a(body)),
        })
        .collect()
    })
}

/// An asset read from `ANNALS_ASSETS_DIR`, when it is set (development only; the world map
/// is always the compiled one).
fn from_dev_dir(name: &str) -> Option<Vec<u8>> {
    static DIR: OnceLock<Option<std::path::PathBuf>> = OnceLock::new();
    let dir = DIR
        .get_or_init(|| std::env::var_os("ANNALS_ASSETS_DIR").map(Into::into))
        .as_ref()?;
    if name == "world.svg" {
        return None;
    }
    std::fs::read(dir.join(name)).ok()
}

/// The address of an asset with its fingerprint, for pages to link.
pub fn url(name: &str) -> String {
    match all().iter().find(|a| a.name == name) {
        Some(a) => format!("/assets/{name}?v={}", &a.tag[..12]),
        None => format!("/assets/{name}"),
    }
}

/// Query of an asset request.
#[derive(Debug, Deserialize)]
pub struct Version {
    v: Option<String>,
}

/// `GET /assets/{name}`.
pub async fn asset(
    Path(name): Path<String>,
    Query(version): Query<Version>,
    headers: HeaderMap,
) -> Response {
    let Some(a) = all().iter().find(|a| a.name == name) else {
        return crate::pages::not_found_page();
    };
    if let Some(body) = from_dev_dir(a.name) {
        return (
            [
                (header::CONTENT_TYPE, a.content_type),
                (header::CACHE_CONTROL, "no-store"),
            ],
            body,
        )
            .into_response();
    }
    let etag = format!("\"{}\"", a.tag);
    let fingerprinted = version
        .v
        .as_deref()
        .is_some_and(|v| a.tag.starts_with(v) && v.len() >= 8);
    let cache = if fingerprinted {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=600"
    };
    let matched = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag));
    let mut r = if matched {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        ([(header::CONTENT_TYPE, a.content_type)], a.body).into_response()
    };
    let h = r.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if let Ok(v) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, v);
    }
    r
}

/// `GET /favicon.ico`: browsers ask for it whatever the page says; the SVG icon answers.
pub async fn favicon(headers: HeaderMap) -> Response {
    asset(
        Path("favicon.svg".to_string()),
        Query(Version { v: None }),
        headers,
    )
    .await
}
