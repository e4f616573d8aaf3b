//! Help for people typing into the editor: `/api/dates` reads a date as an import would (the
//! same parser, the same Julian rule) and says how it was understood; `/api/complete/places`
//! and `/api/complete/participants` complete a name from the gazetteer and from the
//! participants the index holds. Each answer costs the same whatever the corpus: a parse, a
//! prefix walk bounded per dictionary.

use super::Shared;
use crate::error::ApiError;
use crate::openapi::bodies;
use annals_dates::{Calendar, CalendarHint, DayNumber, When};
use annals_i18n::Language;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use utoipa::IntoParams;

/// The longest text a reading or a completion takes.
const LONGEST: usize = 200;

/// Completions per answer.
const COMPLETIONS: usize = 8;

/// Query parameters of `/api/dates`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct DateParams {
    /// A date as people write it ("March 15, 44 BC", "c. 1000", "1914–1918", "66 million
    /// years ago") or EDTF.
    #[param(max_length = 200)]
    text: String,
    /// `julian` or `gregorian` when the text is in that calendar; absent or `auto`: Julian
    /// for days and months before 15 October 1582.
    calendar: Option<String>,
    /// Write the reading in this language: `en`, `fr`, `de` or `es` ("15 mars 44 av. J.-C."),
    /// and the error of a text that reads as no date; English by default and for any other
    /// value (other errors are in English).
    #[serde(default, deserialize_with = "super::blank_is_none")]
    lang: Option<String>,
}

/// A day on the axis as people read it, in the Gregorian calendar.
fn day_written(d: i64, lang: Language) -> String {
    let ymd = DayNumber(d).ymd();
    if ymd.year.abs() > 9999 {
        annals_dates::written::edtf_written_in(&format!("Y{}S2", ymd.year), lang)
    } else {
        ymd.written_in(lang)
    }
}

/// How a date reads in `lang`: the JSON of a successful reading. The date is written out from
/// itself (a Julian day as the Julian day it is: "March 15, 44 BC", whose EDTF, on the
/// Gregorian axis, is `-0043-03-13`).
pub fn reading(w: &When, lang: Language) -> serde_json::Value {
    let (lo, hi) = w.axis_range();
    serde_json::json!({
        "edtf": w.edtf,
        "calendar": w.calendar.name(),
        "written": w.written_out_in(lang),
        "calendar_note": w.calendar_note_in(lang),
        "precision": w.precision.name(),
        "earliest": day_written(lo, lang),
        "latest": day_written(hi, lang),
    })
}

/// `GET /api/dates?text=`: how annals reads a date.
#[utoipa::path(get, path = "/api/dates", tag = "assist", params(DateParams),
    responses(
        (status = 200, description = "The date as read: EDTF, calendar, the reading written out, its earliest and latest day (Gregorian)", body = bodies::DateReading),
        (status = 400, description = "Not a date annals can read (`bad_request`, saying what was expected)", body = bodies::Error),
    ))]
pub async fn dates(Query(p): Query<DateParams>) -> Result<Response, ApiError> {
    let text = p.text.trim();
    if text.is_empty() || text.chars().count() > LONGEST {
        return Err(ApiError::bad(format!(
            "text: expected a date of 1 to {LONGEST} characters"
        )));
    }
    let hint = match p.calendar.as_deref().map(str::trim) {
        None | Some("") | Some("auto") => CalendarHint::Auto,
        Some(name) => CalendarHint::Given(Calendar::from_name(name).ok_or_else(|| {
            ApiError::bad(format!(
                "calendar={name}: expected julian, gregorian or auto"
            ))
        })?),
    };
    let lang = p
        .lang
        .as_deref()
        .and_then(Language::from_code)
        .unwrap_or(Language::English);
    let w = When::from_text(text, hint).map_err(|e| match e {
        // What the editor shows most: said in the page's language.
        annals_dates::DateError::Unrecognised(t) if lang != Language::English => ApiError::bad(
            annals_i18n::text_with(lang, "date-unrecognised", &[("value", t.as_str().into())]),
        ),
        e => ApiError::bad(format!("{text:?}: {e}")),
    })?;
    Ok(Json(reading(&w, lang)).into_response())
}

/// Query parameters of the completions.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct CompleteParams {
    /// The beginning of a name, as typed (two characters or more find something).
    #[param(max_length = 200)]
    prefix: String,
}

fn prefix(p: &CompleteParams) -> Result<&str, ApiError> {
    let t = p.prefix.trim();
    if t.chars().count() > LONGEST {
        return Err(ApiError::bad(format!(
            "prefix: expected at most {LONGEST} characters"
        )));
    }
    Ok(t)
}

/// `GET /api/complete/places?prefix=`: places of the gazetteer.
#[utoipa::path(get, path = "/api/complete/places", tag = "assist", params(CompleteParams),
    responses(
        (status = 200, description = "Places whose name begins with the prefix, most populous first, each as a place line (`name, country`) with coordinates and GeoNames id", body = bodies::PlaceCompletions),
        (status = 400, description = "A prefix too long", body = bodies::Error),
    ))]
pub async fn places(Query(p): Query<CompleteParams>) -> Result<Response, ApiError> {
    let t = prefix(&p)?;
    let found: Vec<_> = annals_places::Gazetteer::get()
        .complete(t, COMPLETIONS)
        .into_iter()
        .map(|(hit, country)| {
            let label = if country.is_empty() {
                hit.name.clone()
            } else {
                format!("{}, {country}", hit.name)
            };
            serde_json::json!({
                "label": label,
                "name": hit.name,
                "country": country,
                "lat": hit.lat,
                "lon": hit.lon,
                "geonames_id": hit.geonames_id,
            })
        })
        .collect();
    Ok(Json(serde_json::json!({ "places": found })).into_response())
}

/// `GET /api/complete/participants?prefix=`: participants of the events.
#[utoipa::path(get, path = "/api/complete/participants", tag = "assist", params(CompleteParams),
    responses(
        (status = 200, description = "Participants whose name begins with the prefix (case and accents folded), those of the most events first", body = bodies::ParticipantCompletions),
        (status = 400, description = "A prefix too long", body = bodies::Error),
    ))]
pub async fn participants(
    State(app): Shared,
    Query(p): Query<CompleteParams>,
) -> Result<Response, ApiError> {
    let t = prefix(&p)?;
    let names = if t.is_empty() {
        Vec::new()
    } else {
        tokio::task::block_in_place(|| {
            app.index()?
                .complete_participants(t, COMPLETIONS)
                .map_err(ApiError::from)
        })?
    };
    Ok(Json(serde_json::json!({ "participants": names })).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_julian_day_reads_with_its_gregorian_day() {
        let w = When::from_text("March 15, 44 BC", CalendarHint::Auto).unwrap();
        let r = reading(&w, Language::English);
        assert_eq!(r["edtf"], "-0043-03-13");
        assert_eq!(r["calendar"], "julian");
        assert_eq!(r["written"], "March 15, 44 BC");
        assert_eq!(r["earliest"], r["latest"]);
        assert!(r["calendar_note"]
            .as_str()
            .unwrap()
            .starts_with("Julian calendar; Gregorian March 13, 44 BC"));
    }

    #[test]
    fn a_reading_in_the_readers_language() {
        let w = When::from_text("March 15, 44 BC", CalendarHint::Auto).unwrap();
        let r = reading(&w, Language::French);
        assert_eq!(r["written"], "15 mars 44 av. J.-C.");
        assert_eq!(r["edtf"], "-0043-03-13");
        assert!(
            r["calendar_note"]
                .as_str()
                .unwrap()
                .starts_with("calendrier julien"),
            "{r}"
        );
        let w = When::from_text("1914–1918", CalendarHint::Auto).unwrap();
        let r = reading(&w, Language::German);
        assert_eq!(
            (r["earliest"].as_str(), r["latest"].as_str()),
            (Some("1. Januar 1914"), Some("31. Dezember 1918")),
            "{r}"
        );
    }

    #[test]
    fn deep_time_reads_in_years_ago() {
        let w = When::from_text("66 million years ago", CalendarHint::Auto).unwrap();
        let r = reading(&w, Language::English);
        assert!(
            r["earliest"]
                .as_str()
                .unwrap()
                .contains("million years ago"),
            "{r}"
        );
    }
}
