//! Streaming through one large JSON document a record at a time: the elements of a top-level
//! array, or of the arrays/objects under chosen keys of a top-level object (TimelineJS
//! `events`, Wikidata `entities`). Only one record is in memory at once, so a file of any size
//! reads in bounded memory.

use crate::FormatError;
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor,
};
use serde_json::Value;
use std::fmt;
use std::io::Read;

/// What a record callback says: go on, or stop reading.
pub type Go = bool;

/// Where a record sits: `events[3]`, `entities.Q42`, `[7]`.
pub type Path = String;

/// Stream the records of `input`. `keys` are the top-level keys whose array elements (or object
/// values) are records; any other top-level value goes to `other` whole. A top-level array is
/// itself the list of records. Syntax errors end the stream with the line they are on.
pub fn stream<R: Read>(
    input: R,
    keys: &[&str],
    record: &mut dyn FnMut(Path, Value) -> Go,
    other: &mut dyn FnMut(&str, Value),
) -> Result<(), FormatError> {
    stream_as(input, keys, record, other)
}

/// [`stream`], with each record deserialized as a `T` (a struct that skips what it does not
/// need reads faster than a whole [`Value`]).
pub fn stream_as<R: Read, T: DeserializeOwned>(
    input: R,
    keys: &[&str],
    record: &mut dyn FnMut(Path, T) -> Go,
    other: &mut dyn FnMut(&str, Value),
) -> Result<(), FormatError> {
    let mut de = serde_json::Deserializer::from_reader(input);
    let seed = Top {
        keys,
        record,
        other,
    };
    match seed.deserialize(&mut de).and_then(|()| de.end()) {
        Ok(()) => Ok(()),
        Err(e) if e.to_string().starts_with(STOP) => Ok(()),
        Err(e) => Err(syntax(&e)),
    }
}

const STOP: &str = "annals: stop";

fn syntax(e: &serde_json::Error) -> FormatError {
    let msg = e.to_string();
    let msg = match msg.rfind(" at line ") {
        Some(i) => format!("{} (column {})", &msg[..i], e.column()),
        None => msg,
    };
    FormatError::at_line(e.line().max(1), format!("{msg}: expected JSON"))
}

struct Top<'a, 'b, T> {
    keys: &'a [&'a str],
    record: &'b mut dyn FnMut(Path, T) -> Go,
    other: &'b mut dyn FnMut(&str, Value),
}

impl<'de, T: DeserializeOwned> DeserializeSeed<'de> for Top<'_, '_, T> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, T: DeserializeOwned> Visitor<'de> for Top<'_, '_, T> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object or array")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        Records {
            prefix: String::new(),
            record: self.record,
        }
        .visit_seq(seq)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if self.keys.contains(&key.as_str()) {
                map.next_value_seed(Records {
                    prefix: key,
                    record: &mut *self.record,
                })?;
            } else {
                let v: Value = map.next_value()?;
                (self.other)(&key, v);
            }
        }
        Ok(())
    }
}

struct Records<'b, T> {
    prefix: String,
    record: &'b mut dyn FnMut(Path, T) -> Go,
}

impl<'de, T: DeserializeOwned> DeserializeSeed<'de> for Records<'_, T> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, T: DeserializeOwned> Visitor<'de> for Records<'_, T> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array or object of records")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0usize;
        while let Some(v) = seq.next_element::<T>()? {
            if !(self.record)(format!("{}[{i}]", self.prefix), v) {
                return Err(de::Error::custom(STOP));
            }
            i += 1;
        }
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            let v: T = map.next_value()?;
            if !(self.record)(format!("{}.{key}", self.prefix), v) {
                return Err(de::Error::custom(STOP));
            }
        }
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
}

/// Reading fields out of a record, with errors that name the JSON path.
pub struct Fields<'a> {
    /// The record's path.
    pub path: &'a str,
    /// The record.
    pub value: &'a Value,
}

impl<'a> Fields<'a> {
    /// A problem at `path.field`.
    pub fn error(&self, field: &str, what: impl fmt::Display) -> FormatError {
        let location = if field.is_empty() {
            self.path.to_string()
        } else {
            format!("{}.{field}", self.path)
        };
        FormatError {
            location: crate::Location::Path(location),
            message: what.to_string(),
        }
    }

    /// An optional string field (numbers are taken as their text).
    pub fn str(&self, field: &str) -> Result<Option<String>, FormatError> {
        match self.value.get(field) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(Value::Number(n)) => Ok(Some(n.to_string())),
            Some(_) => Err(self.error(field, "expected a string")),
        }
    }

    /// An optional object field.
    pub fn obj(&self, field: &str) -> Result<Option<&'a Value>, FormatError> {
        match self.value.get(field) {
            None | Some(Value::Null) => Ok(None),
            Some(v @ Value::Object(_)) => Ok(Some(v)),
            Some(_) => Err(self.error(field, "expected an object")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Streamed = (Vec<(String, Value)>, Vec<String>);

    fn run(json: &str, keys: &[&str]) -> Result<Streamed, FormatError> {
        let mut recs = Vec::new();
        let mut others = Vec::new();
        stream(
            json.as_bytes(),
            keys,
            &mut |p, v| {
                recs.push((p, v));
                true
            },
            &mut |k, _| others.push(k.to_string()),
        )?;
        Ok((recs, others))
    }

    #[test]
    fn arrays_maps_and_errors() {
        let (r, o) = run(
            r#"{"title": {"a": 1}, "events": [{"x": 1}, {"x": 2}], "scale": "human"}"#,
            &["events"],
        )
        .unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].0, "events[1]");
        assert_eq!(o, vec!["title", "scale"]);
        let (r, _) = run(r#"{"entities": {"Q1": {}, "Q2": {}}}"#, &["entities"]).unwrap();
        assert_eq!(r[1].0, "entities.Q2");
        let (r, _) = run("[\n{},\n{}\n]", &[]).unwrap();
        assert_eq!(r[0].0, "[0]");
        let e = run("{\"events\": [{},\n{,}]}", &["events"]).unwrap_err();
        assert_eq!(e.location, crate::Location::Line(2));
        assert!(run("", &[]).is_err());
        assert!(run("[] x", &[]).is_err());
        // Stopping early is not an error.
        let mut n = 0;
        stream(
            &b"[1,2,3]"[..],
            &[],
            &mut |_, _| {
                n += 1;
                false
            },
            &mut |_, _| {},
        )
        .unwrap();
        assert_eq!(n, 1);
    }
}
