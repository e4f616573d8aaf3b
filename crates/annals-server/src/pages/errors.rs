//! Errors and empty states in plain words: a page that does not exist offers search, an event
//! that does not exist offers the events its id names, a query that cannot be read points at
//! the place in it.

use super::Page;
use crate::error::ApiError;
use crate::lang::{t, tw};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};

/// With its status.
fn with_status(mut r: Response, status: StatusCode) -> Response {
    *r.status_mut() = status;
    r
}

/// A search box to try again, with examples.
pub(crate) fn try_search(q: &str) -> Markup {
    html! {
        form.retry action="/search" role="search" aria-label=(t("retry-region")) {
            label for="retry-q" { (t("retry-label")) }
            input #retry-q name="q" type="search" value=(q);
            button { (t("search-button")) }
        }
        p.hint {
            (t("retry-examples")) " "
            a href="/search?q=treaty" { (t("retry-treaty")) } ", "
            a href="/search?q=battle+date%3A..-0001" { (t("retry-bc")) } ", "
            a href="/search?q=country%3AJapan" { "country:Japan" } ", " (t("retry-or")) " "
            a href="/timeline" { (t("retry-timeline")) } "."
        }
    }
}

/// An error as a page, with its status, in plain words.
pub fn error_page(e: ApiError) -> Response {
    let heading = t(match e.status {
        StatusCode::BAD_REQUEST => "error-bad-request",
        StatusCode::NOT_FOUND => "error-not-found",
        StatusCode::SERVICE_UNAVAILABLE => "error-busy",
        StatusCode::TOO_MANY_REQUESTS => "error-too-many",
        _ => "error-other",
    });
    let body = html! {
        h1 { (heading) }
        p.lede { (e.message) }
        @if e.status == StatusCode::SERVICE_UNAVAILABLE {
            p { (t("error-try-again")) }
        }
        (try_search(""))
    };
    with_status(Page::plain(&heading, body).render(), e.status)
}

/// Anything else: 404 (JSON under `/api/`).
pub async fn not_found(uri: Uri) -> Response {
    if uri.path().starts_with("/api/") {
        return ApiError::not_found(format!("no such endpoint: {}", uri.path())).into_response();
    }
    not_found_page()
}

/// The page that says there is no page here.
pub fn not_found_page() -> Response {
    let body = html! {
        h1 { (t("no-page")) }
        p.lede { (t("no-page-lede")) }
        (try_search(""))
    };
    with_status(
        Page::plain(&t("error-not-found"), body).render(),
        StatusCode::NOT_FOUND,
    )
}

/// No event has this id: say so, and search for the words of the id.
pub(crate) fn no_event(id: &str) -> Response {
    let words = id
        .split(['-', '_', '.'])
        .filter(|w| w.chars().any(|c| c.is_alphabetic()))
        .collect::<Vec<_>>()
        .join(" ");
    let body = html! {
        h1 { (t("no-event")) }
        p.lede { (t("no-event-lede")) " " code { (id) } "." }
        @if !words.is_empty() {
            p { (t("no-event-perhaps")) " "
                a href=(format!("/search?q={}", super::enc(&words))) { (tw("no-event-searching", &[("words", words.as_str().into())])) }
                "?" }
        }
        (try_search(&words))
    };
    with_status(
        Page::plain(&t("no-event-short"), body).render(),
        StatusCode::NOT_FOUND,
    )
}

/// The 404 page of a story id.
pub(crate) fn no_story(id: &str) -> Response {
    let body = html! {
        h1 { (t("no-story")) }
        p.lede { (t("no-story-lede")) " " code { (id) } "." }
    };
    with_status(
        Page::plain(&t("no-story-short"), body).render(),
        StatusCode::NOT_FOUND,
    )
}

/// A query the language could not read, with a caret under the place and an example.
pub(crate) fn query_error(q: &str, e: &ApiError) -> Response {
    // "query error at character 12: ..." names a character offset into the query.
    let at = e
        .message
        .split("at character ")
        .nth(1)
        .and_then(|s| s.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse::<usize>().ok());
    let what = e
        .message
        .split_once(": ")
        .map_or(e.message.as_str(), |(_, w)| w);
    let (before, after) = match at {
        Some(n) => {
            let cut = q.char_indices().nth(n).map_or(q.len(), |(i, _)| i);
            (&q[..cut], &q[cut..])
        }
        None => (q, ""),
    };
    let body = html! {
        h1 { (t("query-error")) }
        p.lede { (what) }
        pre.query-error aria-label=(t("query-error-where")) {
            (before) mark { (after.chars().next().map(String::from).unwrap_or_else(|| "␣".into())) }
            (after.chars().skip(1).collect::<String>())
        }
        p {
            (t("query-error-combine")) " "
            a href="/search?q=treaty+date%3A1600..1700+-peace" { code { "treaty date:1600..1700 -peace" } }
            " " (t("retry-or")) " "
            a href="/search?q=participant%3A%22Napoleon+Bonaparte%22+battle" { code { "participant:\"Napoleon Bonaparte\" battle" } }
            ". " (t("query-error-docs"))
        }
        (try_search(q))
    };
    with_status(
        Page::plain(&t("query-error-short"), body).render(),
        StatusCode::BAD_REQUEST,
    )
}
