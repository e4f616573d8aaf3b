//! Errors and empty states in plain words: a page that does not exist offers search, an event
//! that does not exist offers the events its id names, a query that cannot be read points at
//! the place in it.

use super::Page;
use crate::error::ApiError;
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
        form.retry action="/search" role="search" aria-label="Search again" {
            label for="retry-q" { "Search the events" }
            input #retry-q name="q" type="search" value=(q);
            button { "Search" }
        }
        p.hint {
            "For example: "
            a href="/search?q=treaty" { "treaty" } ", "
            a href="/search?q=battle+date%3A..-0001" { "battles before the common era" } ", "
            a href="/search?q=country%3AJapan" { "country:Japan" } ", or "
            a href="/timeline" { "the whole timeline" } "."
        }
    }
}

/// An error as a page, with its status, in plain words.
pub fn error_page(e: ApiError) -> Response {
    let heading = match e.status {
        StatusCode::BAD_REQUEST => "That request could not be read",
        StatusCode::NOT_FOUND => "Not found",
        StatusCode::SERVICE_UNAVAILABLE => "The server is busy",
        StatusCode::TOO_MANY_REQUESTS => "Too many requests",
        _ => "Something went wrong",
    };
    let body = html! {
        h1 { (heading) }
        p.lede { (e.message) }
        @if e.status == StatusCode::SERVICE_UNAVAILABLE {
            p { "Please try again in a moment." }
        }
        (try_search(""))
    };
    with_status(Page::plain(heading, body).render(), e.status)
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
        h1 { "There is no page here" }
        p.lede { "The address may be mistyped, or the page may have moved." }
        (try_search(""))
    };
    with_status(
        Page::plain("Not found", body).render(),
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
        h1 { "There is no such event" }
        p.lede { "No event has the id " code { (id) } "." }
        @if !words.is_empty() {
            p { "Perhaps one of the events found by "
                a href=(format!("/search?q={}", super::enc(&words))) { "searching for “" (words) "”" }
                "?" }
        }
        (try_search(&words))
    };
    with_status(
        Page::plain("No such event", body).render(),
        StatusCode::NOT_FOUND,
    )
}

/// The 404 page of a story id.
pub(crate) fn no_story(id: &str) -> Response {
    let body = html! {
        h1 { "There is no such story" }
        p.lede { "No story has the id " code { (id) } "." }
    };
    with_status(
        Page::plain("No such story", body).render(),
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
        h1 { "That search could not be read" }
        p.lede { (what) }
        pre.query-error aria-label="Where in the query" {
            (before) mark { (after.chars().next().map(String::from).unwrap_or_else(|| "␣".into())) }
            (after.chars().skip(1).collect::<String>())
        }
        p {
            "Words, \"phrases\", -exclusions, OR and filters combine, as in "
            a href="/search?q=treaty+date%3A1600..1700+-peace" { code { "treaty date:1600..1700 -peace" } }
            " or "
            a href="/search?q=participant%3A%22Napoleon+Bonaparte%22+battle" { code { "participant:\"Napoleon Bonaparte\" battle" } }
            ". The whole language is in docs/query.md."
        }
        (try_search(q))
    };
    with_status(
        Page::plain("Search not understood", body).render(),
        StatusCode::BAD_REQUEST,
    )
}
