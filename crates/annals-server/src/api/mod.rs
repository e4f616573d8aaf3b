//! The JSON API, one file per part: [`events`] (reading and writing events), [`explore`]
//! (search, timeline, map points, on this day, facets), [`transfer`] (import and export),
//! [`history`] (revisions and revert), [`profiles`] (participants and places beyond their
//! events), [`assist`] (date readings and completions for editors), [`oembed`] (embedding a
//! page elsewhere).
//! The OpenAPI document is built from these handlers ([`crate::openapi`]).

pub mod assist;
pub mod events;
pub mod explore;
pub mod history;
pub mod oembed;
pub mod profiles;
pub mod stories;
pub mod transfer;

use crate::app::App;
use crate::error::ApiError;
use annals_dates::CalendarHint;
use axum::extract::State;
use std::sync::Arc;

pub use events::{create, delete, get_event, list, related, update};
pub use explore::{map, on_this_day, participants, places, points, search, timeline};
pub use transfer::{export, import};

pub(crate) type Shared = State<Arc<App>>;

/// A number parameter: `default` when absent, refused (400) outside `range`.
pub(crate) fn bounded(
    name: &str,
    given: Option<usize>,
    default: usize,
    range: std::ops::RangeInclusive<usize>,
) -> Result<usize, ApiError> {
    let n = given.unwrap_or(default);
    if range.contains(&n) {
        Ok(n)
    } else {
        Err(ApiError::bad(format!(
            "{name}={n}: expected {} to {}",
            range.start(),
            range.end()
        )))
    }
}

/// A query parameter given empty (`from=`, as a form sends an empty field) is absent.
pub(crate) fn blank_is_none<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<String>, D::Error> {
    let v: Option<String> = serde::Deserialize::deserialize(d)?;
    Ok(v.filter(|s| !s.is_empty()))
}

/// Parse a query string (the query language of `docs/query.md`).
pub fn parse_query(q: Option<&str>) -> Result<annals_query::Request, ApiError> {
    Ok(annals_query::parse(q.unwrap_or(""))?)
}

pub(crate) fn day(text: &str, earliest: bool) -> Result<i64, ApiError> {
    let w = annals_dates::When::from_text(text, CalendarHint::Auto)
        .map_err(|e| ApiError::bad(format!("{text:?}: {e}")))?;
    let (lo, hi) = w.axis_range();
    Ok(if earliest { lo } else { hi })
}

/// The query `q` restricted to the events that overlap `from`..`to` (either may be absent).
pub fn windowed(
    q: Option<&str>,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<annals_query::Request, ApiError> {
    let mut request = parse_query(q)?;
    if from.is_some() || to.is_some() {
        let lo = from.map(|t| day(t, true)).transpose()?.unwrap_or(i64::MIN);
        let hi = to.map(|t| day(t, false)).transpose()?.unwrap_or(i64::MAX);
        if lo > hi {
            return Err(ApiError::bad("from is after to"));
        }
        let date = annals_query::Expr::Filter(annals_query::Filter::Date {
            range: annals_query::DayRange { lo, hi },
            mode: annals_query::DateMode::Overlap,
        });
        request.expr = annals_query::Expr::And(vec![request.expr, date]);
    }
    Ok(request)
}

/// One revision of a profile or a story as JSON: the commit that wrote it, whether it removed
/// the record, and the state it left under `key` (`null` when removed).
pub(crate) fn revision_json(
    c: &annals_store::Commit,
    key: &str,
    state: Option<serde_json::Value>,
) -> serde_json::Value {
    let mut v = serde_json::json!({
        "generation": c.generation,
        "at_ms": c.at_ms,
        "author": c.author,
        "summary": c.summary,
        "removed": state.is_none(),
    });
    v[key] = state.unwrap_or(serde_json::Value::Null);
    v
}
