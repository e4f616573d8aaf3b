//! The annals HTTP server: a JSON API (`/api/...`, described by `/api/openapi.json`) and
//! server-rendered pages that work without JavaScript (`/events/{id}`, `/search`, `/timeline`,
//! `/places/{name}`, `/participants/{name}`).
//!
//! - [`app`]: shared state: read connections, the search index, the write side.
//! - [`api`]: JSON handlers, reading and writing.
//! - [`pages`]: HTML pages; every text from an event is escaped. `assets/timeline.js` and
//!   `assets/map.js` add zoom and pan to them (`docs/web.md`).
//! - [`error`]: API errors with stable codes (`docs/api.md`).
//!
//! Reading is open; writing needs `Authorization: Bearer TOKEN` when a token is configured, and
//! is refused when none is (read-only server). Writes are serialised and each is one store
//! transaction mirrored into the index, so parallel clients never lose an update; `If-Match`
//! with an event's `ETag` turns a blind overwrite into a checked one.

pub mod api;
pub mod app;
pub mod assets;
pub mod auth;
pub mod cache;
pub mod error;
pub mod files;
pub mod follow;
pub mod guard;
pub mod headers;
pub mod health;
pub mod lang;
pub mod limits;
pub mod log;
pub mod metrics;
pub mod openapi;
pub mod pages;
pub mod serve;

pub use app::{App, Config};
pub use limits::Limits;
pub use serve::{serve, serve_until, shutdown_signal};

use axum::extract::DefaultBodyLimit;
use axum::handler::Handler;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::{get, post};
use axum::Router;
use std::sync::Arc;

/// The routes, with the guards and middleware every request goes through.
pub fn router(app: Arc<App>) -> Router {
    let writes = || from_fn_with_state(app.clone(), guard::writes);
    let expensive = || from_fn_with_state(app.clone(), guard::expensive);
    // Searches, timelines, maps and exports take turns (guard::expensive).
    let heavy = Router::new()
        .route("/search", get(pages::search))
        .route("/timeline", get(pages::timeline))
        .route("/timeline/figure", get(pages::figure::timeline_figure))
        .route("/map", get(pages::map))
        .route("/map/figure", get(pages::figure::map_figure))
        .route("/places/{name}", get(pages::place))
        .route("/participants/{name}", get(pages::participant))
        .route("/api/search", get(api::search))
        .route("/api/timeline", get(api::timeline))
        .route("/api/points", get(api::points))
        .route("/api/map", get(api::map))
        .route("/api/on-this-day", get(api::on_this_day))
        .route("/api/participants", get(api::participants))
        .route("/api/places", get(api::places))
        .route("/api/export", get(api::export))
        .route_layer(expensive());
    // Handlers that write are guarded before their body is read (guard::writes); a method a
    // route does not have is answered 405 before any guard.
    let written = Router::new()
        .route(
            "/api/events",
            get(api::list).post(api::create.layer(writes())),
        )
        .route(
            "/api/events/{id}",
            get(api::get_event)
                .put(api::update.layer(writes()))
                .delete(api::delete.layer(writes())),
        )
        .route(
            "/api/import",
            post(api::import.layer(expensive()).layer(writes())),
        )
        .route(
            "/api/media",
            post(files::upload.layer(expensive()).layer(writes())),
        )
        .route("/media", post(files::upload_signed_in.layer(expensive())))
        .route("/media/{hash}", get(files::file))
        .route("/media/{hash}/{file}", get(files::rendition))
        .route(
            "/api/events/{id}/revert",
            post(api::history::revert.layer(writes())),
        )
        .route(
            "/api/profiles/{kind}/{name}",
            get(api::profiles::get_profile).put(api::profiles::put_profile.layer(writes())),
        )
        .route(
            "/api/profiles/{kind}/{name}/merge",
            post(api::profiles::merge.layer(writes())),
        )
        .route(
            "/api/stories/{id}",
            get(api::stories::get_story)
                .put(api::stories::put_story.layer(writes()))
                .delete(api::stories::delete_story.layer(writes())),
        );
    Router::new()
        .route("/", get(pages::home))
        .route("/events/{id}", get(pages::event))
        .route("/stories", get(pages::story::index))
        .route("/stories/{id}", get(pages::story::story))
        .route("/embed/timeline", get(pages::embed::timeline))
        .route("/embed/map", get(pages::embed::map))
        .route("/embed/event/{id}", get(pages::embed::event))
        .route("/api/oembed", get(api::oembed::oembed))
        .route(
            "/events/new",
            get(pages::edit::new_page).post(pages::edit::create),
        )
        .route(
            "/events/{id}/edit",
            get(pages::edit::edit_page).post(pages::edit::update),
        )
        .route("/events/{id}/delete", post(pages::edit::delete))
        .route("/events/{id}/history", get(pages::history::history))
        .route("/events/{id}/revert", post(pages::history::revert))
        .route("/review", get(pages::review::queue))
        .route("/review/{a}/{b}", get(pages::review::compare))
        .route("/review/{a}/{b}/merge", post(pages::review::merge_pair))
        .route("/review/{a}/{b}/distinct", post(pages::review::distinct))
        .route(
            "/signin",
            get(pages::account::signin_page).post(pages::account::signin),
        )
        .route("/signout", post(pages::account::signout))
        .route("/assets/{name}", get(assets::asset))
        .route("/favicon.ico", get(assets::favicon))
        .route("/api/openapi.json", get(openapi::openapi))
        .route("/api/events/{id}/related", get(api::related))
        .route("/api/events/{id}/revisions", get(api::history::revisions))
        .route("/api/stories", get(api::stories::list))
        .route("/api/stories/{id}/revisions", get(api::stories::revisions))
        .route(
            "/api/stories/{id}/timelinejs",
            get(api::stories::timelinejs),
        )
        .route(
            "/api/profiles/{kind}/{name}/revisions",
            get(api::profiles::revisions),
        )
        .route(
            "/participants/{name}/edit",
            get(pages::profile::participant_edit).post(pages::profile::participant_save),
        )
        .route(
            "/places/{name}/edit",
            get(pages::profile::place_edit).post(pages::profile::place_save),
        )
        .route(
            "/participants/{name}/merge",
            post(pages::profile::participant_merge),
        )
        .route("/places/{name}/merge", post(pages::profile::place_merge))
        .route(
            "/participants/{name}/history",
            get(pages::profile::participant_history),
        )
        .route("/places/{name}/history", get(pages::profile::place_history))
        .route("/api/dates", get(api::assist::dates))
        .route("/api/complete/places", get(api::assist::places))
        .route("/api/complete/participants", get(api::assist::participants))
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(health::metrics))
        .route("/language", get(lang::switch))
        .merge(heavy)
        .merge(written)
        .fallback(pages::not_found)
        .layer(from_fn(error::json_rejections))
        .layer(from_fn(lang::choose))
        .layer(from_fn_with_state(app.clone(), guard::forms))
        .layer(DefaultBodyLimit::max(
            app.limits().max_import.max(app.limits().max_upload),
        ))
        // Level 3: zstd's default, and for gzip half the time of its default 6 for 5% more
        // bytes. The large answers are dynamic JSON, compressed on every request (a map's
        // 5,000 points, 650 KB: gzip 6 took 22 ms of a 42 ms answer at 10M events, gzip 3
        // about 12; docs/benchmarks.md).
        .layer(
            tower_http::compression::CompressionLayer::new()
                .quality(tower_http::CompressionLevel::Precise(3)),
        )
        .layer(from_fn(headers::secure))
        .layer(from_fn_with_state(app.clone(), log::observe))
        .with_state(app)
}
