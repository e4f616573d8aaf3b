//! Views for iframes on other sites (`docs/web.md`): `/embed/timeline`, `/embed/map` and
//! `/embed/event/{id}` show the timeline, the map or an event's card without the site's header
//! and footer, sized to their frame, with a bar that opens the same view in annals. They may be
//! framed by the sites `--embed-allow` names (any, by default); no other page may be framed.
//! Links to events open in a new tab ([`embed.js`](../../assets/embed.js)). The snippet to copy
//! is on the timeline, map and event pages ([`snippet`]); `/api/oembed` gives it to oEmbed
//! consumers.

use super::{enc, event_href, Page, Shared};
use crate::app::App;
use axum::extract::{Path, Query, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;
use maud::{html, Markup};

/// `path` with the query of a request, if it had one.
pub(crate) fn path(path: &str, raw: &Option<String>) -> String {
    match raw.as_deref().filter(|q| !q.is_empty()) {
        Some(q) => format!("{path}?{q}"),
        None => path.to_string(),
    }
}

/// The iframe of an embed path (`/embed/...`) on the site at `origin`.
pub(crate) fn iframe(origin: &str, path: &str, title: &str, width: &str, height: u32) -> String {
    let esc = annals_core::html::escape;
    format!(
        r#"<iframe src="{}{}" title="{}" width="{}" height="{height}" style="border:0" loading="lazy"></iframe>"#,
        esc(origin),
        esc(path),
        esc(title),
        esc(width)
    )
}

/// The site's address as the request names it (`http://host`), for snippets.
pub(crate) fn origin(headers: &HeaderMap) -> String {
    let host = headers
        .get(axum::http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| is_host(h))
        .unwrap_or("localhost");
    format!("http://{host}")
}

/// Whether `h` can be the host (and port) of an address written into a page: letters, digits,
/// dots, dashes, colons and brackets only.
pub(crate) fn is_host(h: &str) -> bool {
    !h.is_empty()
        && h.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
}

/// "Embed this": the iframe to copy, for a page's view.
pub(crate) fn snippet(headers: &HeaderMap, path: &str, title: &str, height: u32) -> Markup {
    let code = iframe(&origin(headers), path, title, "100%", height);
    html! {
        details.embed-snippet {
            summary { (crate::lang::t("embed")) }
            label for="embed-code" { (crate::lang::t("embed-copy")) }
            textarea #embed-code readonly rows="3" { (code) }
        }
    }
}

fn framed(app: &App, page: Page<'_>, open: &str, raw: &Option<String>) -> Response {
    // `compact=1`: the view alone, without its controls (a story's frames)
    let compact = raw
        .as_deref()
        .is_some_and(|q| q.split('&').any(|kv| kv == "compact=1"));
    page.render_embedded(open, app.embed_allow(), compact)
}

/// `GET /embed/timeline?q=&from=&to=`.
pub async fn timeline(
    State(app): Shared,
    RawQuery(raw): RawQuery,
    Query(p): Query<super::timeline::TimelinePage>,
) -> Response {
    match super::timeline::body(&app, p) {
        Ok(body) => framed(
            &app,
            Page {
                scripts: &["timeline.js", "map.js", "card.js", "embed.js"],
                ..Page::plain("Timeline", body)
            },
            &path("/timeline", &raw),
            &raw,
        ),
        Err(e) => super::error_page(e),
    }
}

/// `GET /embed/map?q=&from=&to=&view=`.
pub async fn map(
    State(app): Shared,
    RawQuery(raw): RawQuery,
    Query(p): Query<super::map::MapPage>,
) -> Response {
    match super::map::body(&app, p) {
        Ok(drawn) => framed(
            &app,
            Page {
                scripts: &["map.js", "card.js", "embed.js"],
                ..Page::plain("Map", drawn.page)
            },
            &path("/map", &raw),
            &raw,
        ),
        Err(e) => super::error_page(e),
    }
}

/// `GET /embed/event/{id}`: the event's card: date, title, summary, places and participants.
pub async fn event(State(app): Shared, Path(id): Path<String>) -> Response {
    let e = match app.read(|s| Ok(s.get(&id)?)) {
        Ok(Some(e)) => e,
        Ok(None) => return super::errors::no_event(&id),
        Err(err) => return super::error_page(err),
    };
    let body = html! {
        article.event.embed-card {
            p.dateline {
                (super::written(&e.date))
                @if let Some(note) = e.date.calendar_note() { " " span.note { "(" (note) ")" } }
            }
            h1 { a href=(event_href(&e.id)) { (e.title) } }
            @if !e.summary.is_empty() { p.summary { (e.summary) } }
            (super::event::facts(&e, &super::media::Files::of(&app, &e.media)))
        }
    };
    let title = e.title.clone();
    framed(
        &app,
        Page {
            scripts: &["embed.js"],
            ..Page::plain(&title, body)
        },
        &format!("/events/{}", enc(&e.id)),
        &None,
    )
}
