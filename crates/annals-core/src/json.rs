//! Native JSON: the interchange every part of annals shares (`docs/formats/json.md`).
//!
//! Output always has every field, in a fixed order. On input, `date` may be a plain EDTF string,
//! `{"text": ..., "calendar": ...}`, or the full object as written on output (its derived fields
//! `earliest`, `latest` and `precision` are recomputed, not trusted); absent optional fields are
//! fine and unknown fields are an error.

use crate::event::{
    Event, KeyPoint, ModelError, Participant, Place, Relation, Source, Translation,
};
use crate::id::event_id;
use crate::media::Medium;
use annals_dates::{Bound, Calendar, CalendarHint, When};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use std::fmt;

/// An event as read from JSON, before its date is resolved and its id made.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    /// Optional id; made from the title and year when absent.
    #[serde(default)]
    pub id: Option<String>,
    /// Title.
    pub title: String,
    /// Date in any accepted form.
    pub date: RawDate,
    /// Summary.
    #[serde(default)]
    pub summary: String,
    /// Narrative paragraphs.
    #[serde(default)]
    pub body: Vec<String>,
    /// Key points.
    #[serde(default)]
    pub key_points: Vec<KeyPoint>,
    /// Places.
    #[serde(default)]
    pub places: Vec<Place>,
    /// Participants.
    #[serde(default)]
    pub participants: Vec<Participant>,
    /// Sources.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Relations.
    #[serde(default)]
    pub related: Vec<Relation>,
    /// Tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Importance, when given.
    #[serde(default)]
    pub importance: Option<f64>,
    /// Media with their credits.
    #[serde(default)]
    pub media: Vec<Medium>,
    /// The language of the title, summary and narrative.
    #[serde(default)]
    pub lang: Option<String>,
    /// The texts in other languages.
    #[serde(default)]
    pub translations: Vec<Translation>,
}

/// A date as given in JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawDate {
    /// Canonical EDTF, if given.
    pub edtf: Option<String>,
    /// The text as written, if given.
    pub text: Option<String>,
    /// `gregorian` or `julian`, if given.
    pub calendar: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DateObject {
    #[serde(default)]
    edtf: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    calendar: Option<String>,
    // Derived on output; accepted and recomputed on input.
    #[serde(default)]
    #[allow(dead_code)]
    earliest: Option<serde::de::IgnoredAny>,
    #[serde(default)]
    #[allow(dead_code)]
    latest: Option<serde::de::IgnoredAny>,
    #[serde(default)]
    #[allow(dead_code)]
    precision: Option<serde::de::IgnoredAny>,
}

impl<'de> Deserialize<'de> for RawDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<RawDate, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawDate;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an EDTF string or an object with \"edtf\" or \"text\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawDate, E> {
                Ok(RawDate {
                    edtf: Some(v.to_string()),
                    ..RawDate::default()
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawDate, A::Error> {
                let o = DateObject::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(RawDate {
                    edtf: o.edtf,
                    text: o.text,
                    calendar: o.calendar,
                })
            }
        }
        d.deserialize_any(V)
    }
}

impl RawDate {
    /// Resolve into a [`When`]. `default_calendar` is the import option, used for text dates
    /// that carry no `calendar` field.
    pub fn resolve(&self, default_calendar: CalendarHint) -> Result<When, ModelError> {
        let calendar = match &self.calendar {
            Some(name) => Some(Calendar::from_name(name).ok_or_else(|| {
                ModelError::Date(annals_dates::DateError::Invalid(format!(
                    "calendar {name:?} is not known: use \"gregorian\" or \"julian\""
                )))
            })?),
            None => None,
        };
        match (&self.edtf, &self.text) {
            (Some(edtf), text) => {
                let mut w = When::from_edtf(edtf)?;
                w.text = text.clone();
                if let Some(c) = calendar {
                    w.calendar = c;
                }
                Ok(w)
            }
            (None, Some(text)) => {
                let hint = calendar
                    .map(CalendarHint::Given)
                    .unwrap_or(default_calendar);
                Ok(When::from_text(text, hint)?)
            }
            (None, None) => Err(ModelError::Empty("date (give \"edtf\" or \"text\")")),
        }
    }
}

impl RawEvent {
    /// Resolve the date, make the id if absent, and validate.
    pub fn into_event(self, default_calendar: CalendarHint) -> Result<Event, ModelError> {
        let date = self.date.resolve(default_calendar)?;
        let id = match self.id {
            Some(id) => id,
            None => event_id(&self.title, &date),
        };
        let event = Event {
            id,
            title: self.title,
            date,
            summary: self.summary,
            body: self.body,
            key_points: self.key_points,
            places: self.places,
            participants: self.participants,
            sources: self.sources,
            related: self.related,
            tags: self.tags,
            importance: self.importance,
            media: self.media,
            lang: self.lang,
            translations: self.translations,
        };
        event.validate()?;
        Ok(event)
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Event, D::Error> {
        RawEvent::deserialize(d)?
            .into_event(CalendarHint::Auto)
            .map_err(de::Error::custom)
    }
}

/// The `date` object of native JSON.
pub struct DateJson<'a>(pub &'a When);

impl Serialize for DateJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let w = self.0;
        let mut m = s.serialize_map(Some(6))?;
        m.serialize_entry("edtf", &w.edtf)?;
        if let Some(text) = &w.text {
            m.serialize_entry("text", text)?;
        }
        m.serialize_entry("calendar", w.calendar.name())?;
        m.serialize_entry("earliest", &BoundJson(w.earliest))?;
        m.serialize_entry("latest", &BoundJson(w.latest))?;
        m.serialize_entry("precision", &w.precision.name())?;
        m.end()
    }
}

/// A bound as JSON: an ISO date, `".."` for open, `null` for unknown.
struct BoundJson(Bound);

impl Serialize for BoundJson {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Bound::Day(d) => s.collect_str(&d),
            Bound::Open => s.serialize_str(".."),
            Bound::Unknown => s.serialize_none(),
        }
    }
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(12))?;
        m.serialize_entry("id", &self.id)?;
        m.serialize_entry("title", &self.title)?;
        m.serialize_entry("date", &DateJson(&self.date))?;
        m.serialize_entry("summary", &self.summary)?;
        m.serialize_entry("body", &self.body)?;
        m.serialize_entry("key_points", &self.key_points)?;
        m.serialize_entry("places", &self.places)?;
        m.serialize_entry("participants", &self.participants)?;
        m.serialize_entry("sources", &self.sources)?;
        m.serialize_entry("related", &self.related)?;
        m.serialize_entry("tags", &self.tags)?;
        if let Some(i) = self.importance {
            m.serialize_entry("importance", &i)?;
        }
        if !self.media.is_empty() {
            m.serialize_entry("media", &self.media)?;
        }
        if let Some(l) = &self.lang {
            m.serialize_entry("lang", l)?;
        }
        if !self.translations.is_empty() {
            m.serialize_entry("translations", &self.translations)?;
        }
        m.end()
    }
}

/// The compact storage form of an event: native JSON without the derived date fields
/// (`earliest`, `latest`, `precision`), without a Gregorian `calendar`, and without empty
/// fields. It reads back through the same reader as the full form.
pub fn to_compact_json(e: &Event) -> String {
    // Serializing our own model cannot fail: every map key is a string.
    serde_json::to_string(&Compact(e)).unwrap_or_default()
}

struct Compact<'a>(&'a Event);

struct CompactDate<'a>(&'a When);

impl Serialize for CompactDate<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let w = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("edtf", &w.edtf)?;
        if let Some(t) = &w.text {
            m.serialize_entry("text", t)?;
        }
        if w.calendar != Calendar::Gregorian {
            m.serialize_entry("calendar", w.calendar.name())?;
        }
        m.end()
    }
}

impl Serialize for Compact<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let e = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("id", &e.id)?;
        m.serialize_entry("title", &e.title)?;
        m.serialize_entry("date", &CompactDate(&e.date))?;
        if !e.summary.is_empty() {
            m.serialize_entry("summary", &e.summary)?;
        }
        macro_rules! list {
            ($name:literal, $field:expr) => {
                if !$field.is_empty() {
                    m.serialize_entry($name, &$field)?;
                }
            };
        }
        list!("body", e.body);
        list!("key_points", e.key_points);
        list!("places", e.places);
        list!("participants", e.participants);
        list!("sources", e.sources);
        list!("related", e.related);
        list!("tags", e.tags);
        if let Some(i) = e.importance {
            m.serialize_entry("importance", &i)?;
        }
        list!("media", e.media);
        if let Some(l) = &e.lang {
            m.serialize_entry("lang", l)?;
        }
        list!("translations", e.translations);
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(json: &str) -> Result<Event, String> {
        let raw: RawEvent = serde_json::from_str(json).map_err(|e| e.to_string())?;
        raw.into_event(CalendarHint::Auto)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn texts_in_several_languages() {
        let e = event(r#"{"title": "Battle of Hastings", "date": "1066-10-14", "lang": "en", "translations": [{"lang": "fr", "title": "Bataille d'Hastings", "summary": "Victoire normande."}, {"lang": "de-CH", "title": "Schlacht bei Hastings"}]}"#).unwrap();
        assert_eq!(e.texts_for("fr").0, "Bataille d'Hastings");
        assert_eq!(e.texts_for("fr-CA").3, Some("fr"));
        assert_eq!(e.texts_for("de").0, "Schlacht bei Hastings");
        assert_eq!(
            e.texts_for("es"),
            ("Battle of Hastings", "", &[][..], Some("en"))
        );
        assert_eq!(e.texts_for("en").0, "Battle of Hastings");
        // both JSON forms keep them
        for text in [serde_json::to_string(&e).unwrap(), to_compact_json(&e)] {
            assert!(text.contains(r#""lang":"en""#), "{text}");
            assert_eq!(serde_json::from_str::<Event>(&text).unwrap(), e);
        }
        // an event without them writes neither field
        let plain = event(r#"{"title": "A", "date": "1066"}"#).unwrap();
        let text = serde_json::to_string(&plain).unwrap();
        assert!(
            !text.contains("lang") && !to_compact_json(&plain).contains("lang"),
            "{text}"
        );
        for (bad, says) in [
            (r#""lang": "english""#, "language tag"),
            (
                r#""translations": [{"lang": "f", "title": "x"}]"#,
                "language tag",
            ),
            (
                r#""translations": [{"lang": "fr", "title": " "}]"#,
                "translation title",
            ),
            (
                r#""lang": "fr", "translations": [{"lang": "FR", "title": "x"}]"#,
                "twice",
            ),
            (
                r#""translations": [{"lang": "fr", "title": "x"}, {"lang": "fr", "title": "y"}]"#,
                "twice",
            ),
            (
                r#""translations": [{"lang": "fr", "title": "x", "wrong": 1}]"#,
                "unknown field",
            ),
        ] {
            let err = event(&format!(r#"{{"title": "A", "date": "1066", {bad}}}"#)).unwrap_err();
            assert!(err.contains(says), "{bad}: {err}");
        }
    }

    #[test]
    fn full_shape() {
        let e = event(r#"{"title": "Treaty", "date": {"text": "January 19, 1960"}, "places": [{"name": "Washington, D.C.", "country": "United States"}]}"#).unwrap();
        let out = serde_json::to_string(&e).unwrap();
        assert_eq!(
            out,
            r#"{"id":"treaty-1960","title":"Treaty","date":{"edtf":"1960-01-19","text":"January 19, 1960","calendar":"gregorian","earliest":"1960-01-19","latest":"1960-01-19","precision":"day"},"summary":"","body":[],"key_points":[],"places":[{"name":"Washington, D.C.","country":"United States"}],"participants":[],"sources":[],"related":[],"tags":[]}"#
        );
        let back: Event = serde_json::from_str(&out).unwrap();
        assert_eq!(back, e);
        let compact = to_compact_json(&e);
        assert!(compact.len() < out.len() / 2, "{compact}");
        assert_eq!(serde_json::from_str::<Event>(&compact).unwrap(), e);
        let julian = event(r#"{"title": "A", "date": {"text": "March 15, 44 BC"}}"#).unwrap();
        assert_eq!(
            serde_json::from_str::<Event>(&to_compact_json(&julian)).unwrap(),
            julian
        );
    }

    #[test]
    fn date_forms() {
        assert_eq!(
            event(r#"{"title": "A", "date": "-0043-03-13"}"#)
                .unwrap()
                .date
                .edtf,
            "-0043-03-13"
        );
        let j = event(r#"{"title": "A", "date": {"text": "March 15, 44 BC"}}"#).unwrap();
        assert_eq!(
            (j.date.edtf.as_str(), j.date.calendar),
            ("-0043-03-13", Calendar::Julian)
        );
        let g = event(
            r#"{"title": "A", "date": {"text": "March 15, 44 BC", "calendar": "gregorian"}}"#,
        )
        .unwrap();
        assert_eq!(g.date.edtf, "-0043-03-15");
        let deep = event(r#"{"title": "A", "date": "Y-13800000000"}"#).unwrap();
        let out = serde_json::to_value(&deep).unwrap();
        assert_eq!(out["date"]["earliest"], "-13800000000-01-01");
        let open = event(r#"{"title": "A", "date": "1950/.."}"#).unwrap();
        let out = serde_json::to_value(&open).unwrap();
        assert_eq!(out["date"]["latest"], "..");
        let unknown =
            serde_json::to_value(event(r#"{"title": "A", "date": "1950/"}"#).unwrap()).unwrap();
        assert!(unknown["date"]["latest"].is_null());
    }

    #[test]
    fn refusals() {
        for (json, why) in [
            (r#"{"title": "A"}"#, "missing field `date`"),
            (r#"{"title": "A", "date": "1960-02-30"}"#, "invalid EDTF"),
            (
                r#"{"title": "A", "date": "1960", "colour": 1}"#,
                "unknown field `colour`",
            ),
            (
                r#"{"title": "A", "date": {"text": "1960", "when": 1}}"#,
                "unknown field `when`",
            ),
            (r#"{"title": "A", "date": {}}"#, "date"),
            (
                r#"{"title": "", "date": "1960"}"#,
                "title must not be empty",
            ),
            (
                r#"{"title": "A", "date": {"text": "1960", "calendar": "mayan"}}"#,
                "calendar",
            ),
            (r#"{"title": "A", "date": "1960", "id": "a b"}"#, "id"),
            (
                r#"{"title": "A", "date": "1960", "places": [{"name": "X", "lat": 91, "lon": 0}]}"#,
                "coordinates",
            ),
            (
                r#"{"title": "A", "date": "1960", "related": [{"id": "a-1960", "kind": "related"}]}"#,
                "itself",
            ),
        ] {
            let err = event(json).unwrap_err();
            assert!(err.contains(why), "{json}: {err}");
        }
    }
}
