//! The event record and its parts.

use crate::media::Medium;
use annals_dates::When;
use serde::{Deserialize, Serialize};

/// A historical event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Stable id: a slug of the title and year unless given.
    pub id: String,
    /// Short title, never a whole sentence.
    pub title: String,
    /// When it happened.
    pub date: When,
    /// One-paragraph summary.
    pub summary: String,
    /// Narrative paragraphs.
    pub body: Vec<String>,
    /// Labelled key points.
    pub key_points: Vec<KeyPoint>,
    /// Where it happened.
    pub places: Vec<Place>,
    /// Who took part: people, states, organisations.
    pub participants: Vec<Participant>,
    /// Where the record comes from.
    pub sources: Vec<Source>,
    /// Links to other events.
    pub related: Vec<Relation>,
    /// Free tags.
    pub tags: Vec<String>,
    /// How important the event is, when the record says so (any non-negative number; the
    /// timeline shows the most important events of each period first). When absent, annals
    /// computes one (see `docs/query.md`).
    pub importance: Option<f64>,
    /// Pictures, recordings and films of it, with their credits; the first image leads its
    /// page.
    pub media: Vec<Medium>,
    /// The language its title, summary and narrative are written in (a BCP 47 tag such as
    /// `en` or `fr`), when the record says.
    pub lang: Option<String>,
    /// Its title, summary and narrative in other languages, one of each language.
    pub translations: Vec<Translation>,
}

/// An event's texts in another language: a reader of that language sees them in its place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    /// Its language (a BCP 47 tag: `fr`, `de-CH`).
    pub lang: String,
    /// The title.
    pub title: String,
    /// The summary.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// The narrative paragraphs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub body: Vec<String>,
}

/// Whether `tag` reads as a BCP 47 language tag: a language of 2 or 3 letters, then subtags of
/// 1 to 8 letters or digits (`fr`, `de-CH`, `zh-Hant-TW`).
pub fn valid_lang(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Whether two BCP 47 tags name one language: their primary subtags are equal, whatever the
/// case (`fr-CA` is French).
pub fn same_language(a: &str, b: &str) -> bool {
    fn primary(t: &str) -> &str {
        t.split('-').next().unwrap_or("")
    }
    primary(a).eq_ignore_ascii_case(primary(b))
}

impl Event {
    /// The texts a reader of `lang` (a BCP 47 tag) reads: the translation into that language
    /// when there is one (its language's primary subtag matches), else the event's own; with
    /// the language they are in (`None` when the record does not say).
    pub fn texts_for(&self, lang: &str) -> (&str, &str, &[String], Option<&str>) {
        if !self
            .lang
            .as_deref()
            .is_some_and(|own| same_language(own, lang))
        {
            if let Some(t) = self
                .translations
                .iter()
                .find(|t| same_language(&t.lang, lang))
            {
                return (&t.title, &t.summary, &t.body, Some(&t.lang));
            }
        }
        (&self.title, &self.summary, &self.body, self.lang.as_deref())
    }
}

/// A labelled key point ("Extended American Military Presence: ...").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyPoint {
    /// Short title-case label.
    pub label: String,
    /// The point itself.
    pub text: String,
}

/// A place, with its country and optional coordinates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// The place name without its country ("Washington, D.C.").
    pub name: String,
    /// The country ("United States"); empty when unknown.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub country: String,
    /// Latitude in degrees, WGS 84.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude in degrees, WGS 84.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// The GeoNames id of the place, when known (given, or found by the gazetteer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonames: Option<u64>,
}

/// A person, state or organisation taking part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    /// Name ("Japanese government").
    pub name: String,
    /// Role in the event ("signatory").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// A source of the record, as a citation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Name or title ("en.wikipedia.org", "Anglo-Saxon Chronicle").
    pub name: String,
    /// Address, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When the address was read, as written ("2024-05-01").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessed: Option<String>,
    /// The licence of the text taken from it ("CC BY-SA 4.0").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
    /// The words the record rests on, quoted from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

/// A link to another event.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    /// The other event's id.
    pub id: String,
    /// The kind of link: `related`, `precedes`, `follows`, `part_of`, `has_part`, `causes`,
    /// `caused_by`, or another lowercase word.
    pub kind: String,
}

/// Why an event is not valid.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ModelError {
    /// A required text is empty.
    #[error("{0} must not be empty")]
    Empty(&'static str),
    /// A date could not be read.
    #[error("date: {0}")]
    Date(#[from] annals_dates::DateError),
    /// An id has characters outside `A-Z a-z 0-9 . _ -` or is too long.
    #[error("id {0:?} is not valid: use 1 to 200 letters, digits, '.', '_' or '-'")]
    BadId(String),
    /// A relation kind is not a lowercase word.
    #[error("relation kind {0:?} is not valid: use lowercase letters and '_'")]
    BadKind(String),
    /// Importance is negative or not a number.
    #[error("importance {0} is not valid: use a number of 0 or more")]
    BadImportance(f64),
    /// Coordinates out of range or given by halves.
    #[error("place {0:?}: coordinates need both lat (-90..90) and lon (-180..180)")]
    BadCoordinates(String),
    /// An event relates to itself.
    #[error("event {0:?} relates to itself")]
    SelfRelation(String),
    /// A medium is not valid.
    #[error("media: {0}")]
    BadMedium(String),
    /// A language tag is not one.
    #[error("lang {0:?} is not a language tag such as \"fr\" or \"de-CH\"")]
    BadLang(String),
    /// Two texts in one language.
    #[error("translations: {0:?} is given twice (or is the event's own language)")]
    SecondText(String),
}

/// Whether `id` is a valid event id.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 200
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

impl Event {
    /// Check the invariants every stored event keeps.
    pub fn validate(&self) -> Result<(), ModelError> {
        if !valid_id(&self.id) {
            return Err(ModelError::BadId(self.id.clone()));
        }
        if self.title.trim().is_empty() {
            return Err(ModelError::Empty("title"));
        }
        for p in &self.places {
            if p.name.trim().is_empty() {
                return Err(ModelError::Empty("place name"));
            }
            let ok = match (p.lat, p.lon) {
                (None, None) => true,
                (Some(lat), Some(lon)) => {
                    (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)
                }
                _ => false,
            };
            if !ok {
                return Err(ModelError::BadCoordinates(p.name.clone()));
            }
        }
        if self.participants.iter().any(|p| p.name.trim().is_empty()) {
            return Err(ModelError::Empty("participant name"));
        }
        if self.sources.iter().any(|s| s.name.trim().is_empty()) {
            return Err(ModelError::Empty("source name"));
        }
        if self.key_points.iter().any(|k| k.label.trim().is_empty()) {
            return Err(ModelError::Empty("key point label"));
        }
        if let Some(i) = self.importance {
            if !(i >= 0.0 && i.is_finite()) {
                return Err(ModelError::BadImportance(i));
            }
        }
        for m in &self.media {
            m.check().map_err(|e| ModelError::BadMedium(e.0))?;
        }
        if let Some(l) = self.lang.as_deref().filter(|l| !valid_lang(l)) {
            return Err(ModelError::BadLang(l.to_string()));
        }
        let mut seen: Vec<String> = self.lang.iter().map(|l| l.to_ascii_lowercase()).collect();
        for t in &self.translations {
            if !valid_lang(&t.lang) {
                return Err(ModelError::BadLang(t.lang.clone()));
            }
            if t.title.trim().is_empty() {
                return Err(ModelError::Empty("translation title"));
            }
            if seen.contains(&t.lang.to_ascii_lowercase()) {
                return Err(ModelError::SecondText(t.lang.clone()));
            }
            seen.push(t.lang.to_ascii_lowercase());
        }
        for r in &self.related {
            if !valid_id(&r.id) {
                return Err(ModelError::BadId(r.id.clone()));
            }
            if r.kind.is_empty() || !r.kind.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                return Err(ModelError::BadKind(r.kind.clone()));
            }
            if r.id == self.id {
                return Err(ModelError::SelfRelation(self.id.clone()));
            }
        }
        Ok(())
    }

    /// Add a relation unless the same one is already there.
    pub fn relate(&mut self, id: &str, kind: &str) {
        if id != self.id && !self.related.iter().any(|r| r.id == id && r.kind == kind) {
            self.related.push(Relation {
                id: id.to_string(),
                kind: kind.to_string(),
            });
        }
    }
}
