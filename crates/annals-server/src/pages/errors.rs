//! Errors and empty states in plain words: a page that does not exist offers search, an event
//! that does not exist offers the events its id names, a query that cannot be read points at
//! the place in it.

use super::Page;
use crate::error::ApiError;
use crate::lang::{t, tw};
use annals_i18n::Arg;
use annals_query::{After, Coordinate, Found, Problem};
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

/// What is wrong with a query, in the reader's language.
fn query_problem(p: &Problem) -> String {
    let n = |x: usize| x.to_string();
    let one = |id: &str, name: &str, value: &str| tw(id, &[(name, value.into())]);
    let found = |f: &Found| {
        t(match f {
            Found::Open => "query-found-open",
            Found::Close => "query-found-close",
            Found::Or => "query-found-or",
            Found::Minus => "query-found-minus",
            Found::Word => "query-found-word",
            Found::Phrase => "query-found-phrase",
            Found::Filter => "query-found-filter",
            Found::Sort => "query-found-sort",
            Found::End => "query-found-end",
        })
    };
    let coordinate = |c: &Coordinate| {
        t(match c {
            Coordinate::Latitude => "query-coordinate-latitude",
            Coordinate::Longitude => "query-coordinate-longitude",
            Coordinate::South => "query-coordinate-south",
            Coordinate::West => "query-coordinate-west",
            Coordinate::North => "query-coordinate-north",
            Coordinate::East => "query-coordinate-east",
        })
    };
    match p {
        Problem::TooLong { bytes } => tw(
            "query-too-long",
            &[
                ("bytes", Arg::Count(*bytes as u64)),
                ("max", Arg::Count(annals_query::MAX_QUERY_LEN as u64)),
            ],
        ),
        Problem::TooManyClauses => one(
            "query-too-many-clauses",
            "max",
            &n(annals_query::MAX_CLAUSES),
        ),
        Problem::TooDeep => one("query-too-deep", "max", &n(annals_query::MAX_DEPTH)),
        Problem::NoOpen => t("query-no-open"),
        Problem::Unexpected(f) => one("query-unexpected", "found", &found(f)),
        Problem::Unclosed { open } => one("query-unclosed", "open", &n(*open)),
        Problem::EmptyParentheses { open } => one("query-empty-parentheses", "open", &n(*open)),
        Problem::NothingBeforeOr => t("query-nothing-before-or"),
        Problem::ExpectedClause { after, found: f } => match (after, f) {
            (After::Or, Found::Or) => t("query-or-after-or"),
            (After::Minus, Found::Minus) => t("query-minus-after-minus"),
            (After::Minus, Found::Or) => t("query-or-after-minus"),
            (After::Open, f) => one("query-expected-after-open", "found", &found(f)),
            (After::Or, f) => one("query-expected-after-or", "found", &found(f)),
            (After::Minus, f) => one("query-expected-after-minus", "found", &found(f)),
            (_, f) => one("query-expected", "found", &found(f)),
        },
        Problem::SpaceAfterMinus => t("query-space-after-minus"),
        Problem::SortInOr => t("query-sort-in-or"),
        Problem::SortExcluded => t("query-sort-excluded"),
        Problem::SecondSort { first } => one("query-second-sort", "first", &n(*first)),
        Problem::Unterminated { phrase: true, open } => {
            one("query-unterminated-phrase", "open", &n(*open))
        }
        Problem::Unterminated {
            phrase: false,
            open,
        } => one("query-unterminated-value", "open", &n(*open)),
        Problem::EmptyPhrase => t("query-empty-phrase"),
        Problem::EmptyValue { key } => one("query-empty-value", "key", key),
        Problem::MissingValue { key, any_of: None } => one("query-missing-value", "key", key),
        Problem::MissingValue {
            key,
            any_of: Some(name),
        } => tw(
            "query-missing-value-any",
            &[("key", key.as_str().into()), ("name", (*name).into())],
        ),
        Problem::UnknownSort { value } => one("query-unknown-sort", "value", value),
        Problem::ReversedRange { from, to } => tw(
            "query-reversed-range",
            &[("from", from.as_str().into()), ("to", to.as_str().into())],
        ),
        Problem::NoDay { value } => one("query-no-day", "value", value),
        Problem::Date {
            message,
            quote: None,
        } => one("query-date", "problem", message),
        Problem::Date {
            message,
            quote: Some(quote),
        } => tw(
            "query-date-quote",
            &[
                ("problem", message.as_str().into()),
                ("quote", quote.as_str().into()),
            ],
        ),
        Problem::NotDegrees {
            coordinate: c,
            found,
        } => tw(
            "query-not-degrees",
            &[
                ("coordinate", coordinate(c).as_str().into()),
                ("found", found.as_str().into()),
            ],
        ),
        Problem::DegreesOutOfRange {
            coordinate: c,
            value,
        } => tw(
            "query-degrees-range",
            &[
                ("coordinate", coordinate(c).as_str().into()),
                ("value", value.as_str().into()),
                ("limit", n(c.limit().into()).as_str().into()),
            ],
        ),
        Problem::NearForm { found } => one("query-near-form", "found", found),
        Problem::RadiusForm { found } => one("query-radius-form", "found", found),
        Problem::RadiusOutOfRange { value } => tw(
            "query-radius-range",
            &[
                ("value", value.as_str().into()),
                (
                    "max",
                    annals_query::MAX_RADIUS_KM.to_string().as_str().into(),
                ),
            ],
        ),
        Problem::BboxForm { found } => one("query-bbox-form", "found", found),
        Problem::SouthOfNorth { south, north } => tw(
            "query-south-of-north",
            &[
                ("south", south.as_str().into()),
                ("north", north.as_str().into()),
            ],
        ),
        // a problem this server has no words for yet: the parser's English
        other => other.to_string(),
    }
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
    let (at, what) = match &e.query {
        Some(query) => (Some(query.offset), query_problem(&query.problem)),
        // An error from the index: "query error at character 12: ..." in English.
        None => (
            e.message
                .split("at character ")
                .nth(1)
                .and_then(|s| s.split(|c: char| !c.is_ascii_digit()).next())
                .and_then(|n| n.parse::<usize>().ok()),
            e.message
                .split_once(": ")
                .map_or(e.message.as_str(), |(_, w)| w)
                .to_string(),
        ),
    };
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
