//! JSON-LD export with schema.org (`docs/formats/jsonld.md`): each event an `Event` with
//! `startDate`/`endDate` (ISO 8601 at the date's precision), `location` as a `Place` with `geo`,
//! participants as `Person` or `Organization` where the name says which (else `Thing`), tags as
//! `about`, sources as `citation`, relations as `superEvent`/`subEvent` (part of / has part) or
//! `annals:related` links; event ids are `annals:ID` (`urn:annals:ID`).

use crate::parts::{self, Parts};
use crate::write::{EventWriter, JsonItems};
use crate::Dropped;
use annals_core::{Event, MediaKind, Medium};
use serde_json::{json, Map, Value};
use std::io::{self, Write};

/// The base of event ids in the graph (`annals:treaty-1960`).
pub const ID_PREFIX: &str = "annals:";

/// Writes `{"@context": ..., "@graph": [...]}`.
#[derive(Debug, Default)]
pub struct Writer {
    items: JsonItems,
}

impl Writer {
    /// A writer.
    pub fn new() -> Writer {
        Writer::default()
    }
}

/// An ISO 8601 date at the precision of its parts: `1960`, `1960-01`, `-0043-03-13`.
fn iso(p: &Parts) -> String {
    let y = if p.year < 0 {
        format!("-{:04}", p.year.unsigned_abs())
    } else {
        format!("{:04}", p.year)
    };
    match (p.month, p.day) {
        (Some(m), Some(d)) => format!("{y}-{m:02}-{d:02}"),
        (Some(m), None) => format!("{y}-{m:02}"),
        _ => y,
    }
}

const ORGANISATION_WORDS: [&str; 24] = [
    "government",
    "army",
    "navy",
    "empire",
    "kingdom",
    "republic",
    "state",
    "states",
    "party",
    "company",
    "council",
    "league",
    "union",
    "parliament",
    "congress",
    "church",
    "nations",
    "forces",
    "dynasty",
    "court",
    "senate",
    "university",
    "society",
    "commission",
];

/// `Person`, `Organization`, or `Thing` when the name does not say.
pub fn participant_type(name: &str) -> &'static str {
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.iter().any(|w| ORGANISATION_WORDS.contains(w)) {
        return "Organization";
    }
    let capitalised = name.split_whitespace().all(|w| {
        w.chars().next().is_some_and(|c| c.is_uppercase())
            || ["de", "von", "van", "of", "the", "da", "al", "bin", "ibn"].contains(&w)
    });
    if (2..=4).contains(&words.len()) && capitalised {
        "Person"
    } else {
        "Thing"
    }
}

/// A medium as a schema.org `ImageObject`, `AudioObject` or `VideoObject`: its address,
/// caption, alt text as its description, credit and licence (as the address that states it).
fn media_object(x: &Medium, ty: &str) -> Value {
    let mut o = Map::new();
    o.insert("@type".into(), json!(ty));
    o.insert("contentUrl".into(), json!(x.url));
    for (key, value) in [
        ("caption", &x.caption),
        ("description", &x.alt),
        ("creditText", &x.credit),
        ("url", &x.source),
    ] {
        if !value.is_empty() {
            o.insert(key.into(), json!(value));
        }
    }
    if let Some(l) = annals_core::media::licence_url(&x.licence).filter(|_| !x.licence.is_empty()) {
        o.insert("license".into(), json!(l));
    }
    Value::Object(o)
}

/// The schema.org node of an event. Its stored pictures (`media:` addresses) have no address
/// outside a server, and are left out; see [`node_at`].
pub fn node(e: &Event, dropped: &mut Vec<Dropped>) -> Value {
    node_at(e, dropped, None)
}

/// The schema.org node of an event as the server at `site` (`http://host`) shows it: its
/// stored pictures at `site/media/SHA256`.
pub fn node_at(e: &Event, dropped: &mut Vec<Dropped>, site: Option<&str>) -> Value {
    let mut m = Map::new();
    m.insert("@type".into(), json!("Event"));
    m.insert("@id".into(), json!(format!("{ID_PREFIX}{}", e.id)));
    m.insert("identifier".into(), json!(e.id));
    m.insert("name".into(), json!(e.title));
    let split = parts::split(&e.date);
    if e.date.text.is_none() {
        for l in split.lost {
            dropped.push(Dropped {
                id: e.id.clone(),
                what: l,
            });
        }
    }
    m.insert("startDate".into(), json!(iso(&split.start)));
    if let Some(end) = &split.end {
        m.insert("endDate".into(), json!(iso(end)));
    }
    m.insert("temporalCoverage".into(), json!(e.date.edtf));
    if let Some(t) = &e.date.text {
        m.insert("alternateName".into(), json!(format!("{} ({t})", e.title)));
    }
    let mut description = e.summary.clone();
    for p in &e.body {
        description.push_str("\n\n");
        description.push_str(p);
    }
    if !description.trim().is_empty() {
        m.insert("description".into(), json!(description.trim()));
    }
    let places: Vec<Value> = e
        .places
        .iter()
        .map(|p| {
            let mut place = json!({"@type": "Place", "name": p.name});
            if !p.country.is_empty() {
                place["address"] = json!({"@type": "PostalAddress", "addressCountry": p.country});
            }
            if let (Some(lat), Some(lon)) = (p.lat, p.lon) {
                place["geo"] =
                    json!({"@type": "GeoCoordinates", "latitude": lat, "longitude": lon});
            }
            if let Some(g) = p.geonames {
                place["sameAs"] = json!(format!("https://sws.geonames.org/{g}/"));
            }
            place
        })
        .collect();
    if !places.is_empty() {
        m.insert("location".into(), json!(places));
    }
    let people: Vec<Value> = e
        .participants
        .iter()
        .map(|p| {
            let mut v = json!({"@type": participant_type(&p.name), "name": p.name});
            if let Some(r) = &p.role {
                v["roleName"] = json!(r);
            }
            v
        })
        .collect();
    if !people.is_empty() {
        m.insert("attendee".into(), json!(people));
    }
    if !e.tags.is_empty() {
        let about: Vec<Value> = e
            .tags
            .iter()
            .map(|t| json!({"@type": "Thing", "name": t}))
            .collect();
        m.insert("about".into(), json!(about));
    }
    if !e.sources.is_empty() {
        let cites: Vec<Value> = e
            .sources
            .iter()
            .map(|s| {
                let mut c = json!({"@type": "CreativeWork", "name": s.name});
                for (key, value) in [("url", &s.url), ("license", &s.licence), ("text", &s.quote)] {
                    if let Some(v) = value {
                        c[key] = json!(v);
                    }
                }
                c
            })
            .collect();
        m.insert("citation".into(), json!(cites));
    }
    for r in &e.related {
        let key = match r.kind.as_str() {
            "part_of" => "superEvent",
            "has_part" => "subEvent",
            _ => "annals:related",
        };
        let link = json!({"@id": format!("{ID_PREFIX}{}", r.id)});
        match m.get_mut(key) {
            Some(Value::Array(a)) => a.push(link),
            _ => {
                m.insert(key.into(), json!([link]));
            }
        }
    }
    // Stored pictures at their address on the site, when there is one; left out otherwise.
    let mut media = e.media.clone();
    if let Some(site) = site {
        annals_core::media::resolve(&mut media, site);
    }
    for (kind, key, ty) in [
        (MediaKind::Image, "image", "ImageObject"),
        (MediaKind::Audio, "audio", "AudioObject"),
        (MediaKind::Video, "video", "VideoObject"),
    ] {
        let objects: Vec<Value> = media
            .iter()
            .filter(|x| x.kind == kind && annals_core::media::web_address(&x.url))
            .map(|x| media_object(x, ty))
            .collect();
        if !objects.is_empty() {
            m.insert(key.into(), Value::Array(objects));
        }
    }
    if !e.key_points.is_empty() {
        dropped.push(Dropped {
            id: e.id.clone(),
            what: format!(
                "{} key points: schema.org Event has no place for them",
                e.key_points.len()
            ),
        });
    }
    Value::Object(m)
}

impl EventWriter for Writer {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        self.items = JsonItems::default();
        out.write_all(
            b"{\"@context\":{\"@vocab\":\"https://schema.org/\",\"annals\":\"urn:annals:\"},\"@graph\":[\n",
        )
    }

    fn event(
        &mut self,
        out: &mut dyn Write,
        e: &Event,
        dropped: &mut Vec<Dropped>,
    ) -> io::Result<()> {
        self.items.write(out, &node(e, dropped))
    }

    fn end(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"\n]}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_of_participant() {
        assert_eq!(participant_type("Japanese government"), "Organization");
        assert_eq!(participant_type("Dwight D. Eisenhower"), "Person");
        assert_eq!(participant_type("Napoleon"), "Thing");
        assert_eq!(participant_type("Ottoman Empire"), "Organization");
    }
}
